"""thinc layers of the character NER model: character, bigram and lexicon embeddings.

Each token of a ``zh`` Doc with the ``char`` segmenter is one character. Its features:
the normalized character, the bigrams it forms with its left and right neighbour, its
character class, and a B/M/E mask per lexicon category (see ``kg.nlp.lexicon``).
"""

from __future__ import annotations

import unicodedata
from typing import Callable

import numpy
from spacy.attrs import ORTH
from spacy.strings import hash_string
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Embed, HashEmbed, Maxout, Model, chain, concatenate, with_array
from thinc.types import Floats2d, Ints2d

from kg.nlp.lexicon import CATEGORIES, Lexicon
from kg.script import simplified_forms

N_COLUMNS = 4 + len(CATEGORIES)
_PAD = "\x02"


def normalize_char(c: str) -> str:
    """Full-width to half-width, lower case, every digit the same, traditional to simplified
    (the training text is simplified: 陳 is read as 陈, the Doc keeps 陳)."""
    if len(c) != 1:
        return " " if c.isspace() else c[:1]
    n = unicodedata.normalize("NFKC", c).lower()
    n = n[:1] if n else c
    return "0" if n.isdigit() else simplified_forms().get(n, n)


def char_class(c: str) -> int:
    if c.isspace():
        return 1
    if c.isdigit():
        return 2
    if c.isascii() and c.isalpha():
        return 3
    if "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf":
        return 4
    if unicodedata.category(c).startswith("P"):
        return 5
    return 6


class _Cache(dict):
    """Memo of a pure function of one string argument."""

    def __init__(self, fn: Callable[[str], object]) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, key: str) -> object:
        value = self[key] = self.fn(key)
        return value


_NORM = _Cache(normalize_char)
_CLASS = _Cache(char_class)
_HASH = _Cache(hash_string)


_BY_ORTH: dict[int, tuple[str, int]] = {}  # token text id -> (normalized character, character class)


def _token_chars(doc: Doc) -> list[tuple[str, int]]:
    """Each token's normalized character and class, read by text id (a Token object per character costs more)."""
    strings = doc.vocab.strings
    out = []
    for orth in doc.to_array(ORTH).tolist():
        info = _BY_ORTH.get(orth)
        if info is None:
            text = strings[orth]
            info = _BY_ORTH[orth] = (_NORM[text], _CLASS[text[:1] or " "])
        out.append(info)
    return out


def doc_features(doc: Doc, lexicon: Lexicon | None) -> numpy.ndarray:
    """(len(doc), N_COLUMNS) uint64 feature ids for one Doc."""
    info = _token_chars(doc)
    chars = [c for c, _ in info]
    n = len(chars)
    out = numpy.zeros((n, N_COLUMNS), dtype="uint64")
    if n == 0:
        return out
    padded = [_PAD, *chars, _PAD]
    out[:, 0] = [_HASH[c] for c in chars]
    out[:, 1] = [_HASH[padded[i] + padded[i + 1]] for i in range(n)]
    out[:, 2] = [_HASH[padded[i + 1] + padded[i + 2]] for i in range(n)]
    out[:, 3] = [k for _, k in info]
    if lexicon is not None:
        out[:, 4:] = lexicon.bmes("".join(c if len(c) == 1 else " " for c in chars))
    if len(_HASH) > 2_000_000:  # bound the memo on endless streams of new bigrams
        _HASH.clear()
    return out


def CharFeatures() -> Model[list[Doc], list[Ints2d]]:
    """Docs to feature-id arrays; holds the lexicon in ``attrs['lexicon']``."""
    return Model("kg_char_features", _features_forward, attrs={"lexicon": None})


def _features_forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list[Ints2d], Callable]:
    lexicon = model.attrs["lexicon"]
    feats = [model.ops.asarray(doc_features(doc, lexicon), dtype="uint64") for doc in docs]
    return feats, lambda d: []


@registry.architectures("kg.CharEmbed.v1")
def char_embed(
    width: int,
    char_width: int,
    char_rows: int,
    bigram_width: int,
    bigram_rows: int,
    lexicon_width: int,
) -> Model[list[Doc], list[Floats2d]]:
    """Concatenated feature embeddings, mixed by a Maxout layer to ``width``."""
    columns = [
        HashEmbed(char_width, char_rows, column=0, seed=11),
        HashEmbed(bigram_width, bigram_rows, column=1, seed=12),
        HashEmbed(bigram_width, bigram_rows, column=2, seed=13),
        Embed(8, 8, column=3),
        *(Embed(lexicon_width, 8, column=4 + i) for i in range(len(CATEGORIES))),
    ]
    features = CharFeatures()
    model = chain(
        features,
        with_array(chain(concatenate(*columns), Maxout(width, nP=3, normalize=True, dropout=0.0))),
    )
    model.set_ref("features", features)
    model.set_dim("nO", width)
    return model
