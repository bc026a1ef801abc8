"""What extraction finds in an article: mentions and relations, each with its evidence.

Plain data, shared by the extraction passes and by resolution, the cache and the graph.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace
from typing import Iterator

from kg.ingest import Article

ORGS = ("ORG", "COMPANY")


@dataclass(frozen=True)
class Evidence:
    """Where a relation or mention was read: article, sentence and its offsets."""

    article: str
    start: int
    end: int
    text: str


@dataclass
class Mention:
    article: str
    start: int
    end: int
    text: str
    label: str
    sentence: int  # index into the article's sentences
    origin: str = "ner"  # or "byline", "role" (an organization named before a role, missed by the model), "alias", "repeat", "listed",
    # "titled" (a person the model missed after a title), "community" (a community after its street)
    refers: str = ""  # the name this mention stands for when the text is not a name (本报: the paper)

    @property
    def name(self) -> str:
        """What the mention is resolved by: the name it stands for, else its text."""
        return self.refers or self.text

    def spanning(self, start: int, end: int, full: str) -> Mention:
        """This mention over another span of the text it was read in (a cut name made whole)."""
        return replace(self, start=start, end=end, text=full[start:end])

    def split_at(self, k: int, head: str, tail: str, tail_refers: str = "") -> list[Mention]:
        """Two names the model read as one, cut at offset ``k``: the first labelled ``head``,
        the second ``tail`` (a body and its committee, a division and one within it)."""
        cut = k - self.start
        return [replace(self, end=k, text=self.text[:cut], label=head),
                replace(self, start=k, text=self.text[cut:], label=tail, refers=tail_refers)]


@dataclass
class Relation:
    """``head`` and ``tail`` index the article's mentions; ``head`` is None for the article itself."""

    kind: str  # affiliation | author | located_in | part_of
    head: int | None
    tail: int
    role: str = ""
    evidence: Evidence | None = None


@dataclass
class Extraction:
    article: Article
    sentences: list[tuple[int, int]]
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    place_hints: list[str] = field(default_factory=list)  # per mention: the division code it names here, or ''
    aliases: list[tuple[str, str]] = field(default_factory=list)  # (short, full) the text defines: （以下简称“工行”）
    failed: str = ""  # why kg's rules failed on this article: its mentions are then the model's, without relations

    @property
    def place_context(self) -> str:
        """What decides which division a place name means: the article's headline and text."""
        return f"{self.article.headline}\n{self.article.text}"

    def rename(self, cores: dict[str, str], label: str, read: str = "PERSON") -> None:
        """Mentions the model read as ``read`` whose text is the core of a name the article gives
        (特斯拉 of 美国特斯拉公司): that name's, labelled ``label``, and its alias, as if the text defined it."""
        named = set()
        for m in self.mentions:
            if m.label == read and m.origin == "ner" and m.text in cores:
                m.label = label
                named.add((m.text, cores[m.text]))
        self.aliases.extend(sorted(named))

    def free(self, a: int, b: int) -> bool:
        """No mention holds any of the characters from ``a`` to ``b``: the model read nothing there."""
        return not any(x.start < b and a < x.end for x in self.mentions)

    def sentence_evidence(self, k: int) -> Evidence:
        s, e = self.sentences[k]
        return Evidence(self.article.id, s, e, self.article.text[s:e])


class SentenceOf:
    """Index of the sentence holding a character offset (bisect: no per-character table)."""

    def __init__(self, sentences: list[tuple[int, int]]) -> None:
        self.starts = [s for s, _ in sentences]

    def __getitem__(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)


Span = tuple[int, int]


def lines_at(text: str) -> Iterator[tuple[int, str]]:
    """Each line of ``text`` with the offset it starts at."""
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1
