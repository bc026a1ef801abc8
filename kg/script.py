"""Traditional characters to simplified, one for one.

kg's model, lexicons, gazetteer and role vocabulary are simplified Chinese. A page in
traditional characters (a Big5 page from Hong Kong or Taiwan) is read in simplified form,
character for character, so every offset still maps back to the source, its names join
the same names written in simplified text, and bylines, titles and places are read by the
same rules. Only characters that simplified text never writes are mapped (not 乾 of 乾隆,
nor the surname 於): simplified text is left exactly as it is. The table,
``kg/data/t2s_chars.tsv``, is derived from OpenCC by ``training/build_t2s.py``.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def simplified_forms() -> dict[str, str]:
    text = resources.files("kg.data").joinpath("t2s_chars.tsv").read_text(encoding="utf8")
    return dict(line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    return str.maketrans(simplified_forms())


def to_simplified(text: str) -> tuple[str, int]:
    """The text in simplified characters, and how many characters changed."""
    out = text.translate(_table())
    return out, (sum(a != b for a, b in zip(text, out)) if out != text else 0)
