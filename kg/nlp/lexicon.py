"""Word and gazetteer lexicon, turned into per-character B/M/E features.

Chinese NER without pretrained embeddings gains most from knowing where words of a
lexicon start, continue and end around each character ("soft-word" features). The
lexicon is derived by ``training/build_lexicon.py`` and shipped inside the pipeline.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

import numpy

# Category bits of a lexicon entry; one B/M/E mask (3 bits) per category.
CATEGORIES: tuple[str, ...] = ("word", "place", "person", "org")
_B, _M, _E = 1, 2, 4
_COMMON, _ORG_NAME = 1 << CATEGORIES.index("word"), 1 << CATEGORIES.index("org")
_PLACE = 1 << CATEGORIES.index("place")


class Lexicon:
    """Maps words to a bitmask of categories and marks their spans in a text."""

    def __init__(self, entries: dict[str, int] | None = None) -> None:
        self.entries: dict[str, int] = entries or {}
        self.max_len = max((len(w) for w in self.entries), default=0)
        # the lengths of the words that start with each pair of characters, shortest first:
        # most positions start no word, and the rest only a few
        starts: dict[str, set[int]] = {}
        for w in self.entries:
            if len(w) >= 2:
                starts.setdefault(w[:2], set()).add(len(w))
        self.starts = {k: tuple(sorted(v)) for k, v in starts.items()}

    def __len__(self) -> int:
        return len(self.entries)

    @classmethod
    def read(cls, path: str | Path) -> "Lexicon":
        entries: dict[str, int] = {}
        with gzip.open(path, "rt", encoding="utf8") as f:
            for line in f:
                word, _, bits = line.rstrip("\n").partition("\t")
                if word and bits:
                    entries[word] = int(bits)
        return cls(entries)

    def write(self, path: str | Path) -> None:
        # mtime=0 keeps the file byte-identical between builds
        with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
            for word in sorted(self.entries):
                gz.write(f"{word}\t{self.entries[word]}\n".encode("utf8"))

    def to_bytes(self) -> bytes:
        return "\n".join(f"{w}\t{b}" for w, b in sorted(self.entries.items())).encode("utf8")

    @classmethod
    def from_bytes(cls, data: bytes) -> "Lexicon":
        entries = {}
        for line in data.decode("utf8").splitlines():
            word, _, bits = line.partition("\t")
            if word and bits:
                entries[word] = int(bits)
        return cls(entries)

    def place(self, word: str) -> bool:
        """A place name in the lexicon (a division, a country: 美国)."""
        return bool(self.entries.get(word, 0) & _PLACE)

    def knows(self, word: str) -> bool:
        """The word is in the lexicon under any category."""
        return word in self.entries

    def common(self, word: str) -> bool:
        """A general word of the language that is not also an organization's name (建筑工程, not 中联重科)."""
        bits = self.entries.get(word, 0)
        return bool(bits & _COMMON and not bits & _ORG_NAME)

    def bmes(self, text: str) -> numpy.ndarray:
        """(len(text), len(CATEGORIES)) array of B/M/E masks of the lexicon words covering each char."""
        n = len(text)
        out = numpy.zeros((n, len(CATEGORIES)), dtype="uint64")
        if not self.entries or n == 0:
            return out
        get = self.entries.get
        starts = self.starts.get
        ncat = len(CATEGORIES)
        for i in range(n - 1):
            for length in starts(text[i : i + 2], ()):
                if length > n - i:
                    break
                bits = get(text[i : i + length])
                if not bits:
                    continue
                end = i + length - 1
                for c in range(ncat):
                    if bits >> c & 1:
                        out[i, c] |= _B
                        out[end, c] |= _E
                        if length > 2:
                            out[i + 1 : end, c] |= _M
        return out


def read_shared(path: str | Path) -> Lexicon:
    """One Lexicon per file and version in a process: the loaded pipeline and the code
    that reads the shipped lexicon without it (resolution, bylines) share it instead of
    reading 385,000 entries twice. Nothing changes a Lexicon once read."""
    p = Path(path).resolve()
    st = p.stat()
    return _read_once(str(p), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=4)
def _read_once(path: str, mtime_ns: int, size: int) -> Lexicon:
    return Lexicon.read(path)
