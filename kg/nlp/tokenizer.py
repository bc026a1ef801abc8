"""One token per character, as spaCy's ``ChineseTokenizer`` with the ``char`` segmenter makes them.

spaCy's version aligns the characters back to the text with ``text[pos:].index(c)``,
which copies the rest of the text for every character: quadratic in the text, about
6% of the pipeline's time on 5,000-character pieces. This one cuts the text with one
regular expression into the same tokens and trailing spaces (tested against spaCy's).
"""

from __future__ import annotations

import re
from typing import Callable

from spacy.lang.zh import ChineseTokenizer, Segmenter
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

# a character with the single space after it, or a run of other whitespace
_TOKEN = re.compile(r"(\S)( ?)|(\s+)")
_SPACE = re.compile(r"\s")


class CharTokenizer(ChineseTokenizer):
    def __call__(self, text: str) -> Doc:
        if self.segmenter != Segmenter.char:
            return super().__call__(text)
        if not _SPACE.search(text):
            return Doc(self.vocab, words=list(text), spaces=[False] * len(text))
        words: list[str] = []
        spaces: list[bool] = []
        for char, space, run in _TOKEN.findall(text):
            words.append(char or run)
            spaces.append(bool(space))
        return Doc(self.vocab, words=words, spaces=spaces)


@registry.tokenizers("kg.ChineseCharTokenizer.v1")
def create_char_tokenizer(segmenter: Segmenter = Segmenter.char) -> Callable[[Language], CharTokenizer]:
    def factory(nlp: Language) -> CharTokenizer:
        return CharTokenizer(nlp.vocab, segmenter=segmenter)

    return factory
