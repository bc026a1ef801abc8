"""Decoding per-character BILUO probabilities into well-formed entity spans."""

from __future__ import annotations

import re
import unicodedata
from typing import Callable

import numpy

_CONFIDENT_O = 0.9


def _transitions(tags: list[str]) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    """Allowed moves of the BILUO scheme, as additive log-masks (0 or -inf)."""
    n = len(tags)
    trans = numpy.full((n, n), -numpy.inf)
    start = numpy.full(n, -numpy.inf)
    end = numpy.full(n, -numpy.inf)
    for j, t in enumerate(tags):
        pj, _, lj = t.partition("-")
        if t == "O" or pj in "BU":
            start[j] = 0.0
        if t == "O" or pj in "LU":
            end[j] = 0.0
        for i, s in enumerate(tags):
            pi, _, li = s.partition("-")
            closed = s == "O" or pi in "LU"
            if closed and (t == "O" or pj in "BU"):
                trans[i, j] = 0.0
            elif not closed and pj in "IL" and li == lj:
                trans[i, j] = 0.0
    return trans, start, end


_CACHE: dict[tuple[str, ...], tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]] = {}


def _viterbi(logp: numpy.ndarray, trans: numpy.ndarray, start: numpy.ndarray, end: numpy.ndarray) -> numpy.ndarray:
    n, k = logp.shape
    score = start + logp[0]
    back = numpy.zeros((n, k), dtype="int32")
    for t in range(1, n):
        cand = score[:, None] + trans
        back[t] = cand.argmax(axis=0)
        score = cand.max(axis=0) + logp[t]
    score = score + end
    path = numpy.zeros(n, dtype="int32")
    path[-1] = int(score.argmax())
    for t in range(n - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return path


def constrained_paths(probs: list[numpy.ndarray], tags: list[str]) -> list[numpy.ndarray]:
    """Best valid tag path per doc.

    Viterbi runs only over the stretches between characters that are confidently O
    (tag 0), which keeps decoding cheap: entities cover a small share of news text.
    """
    key = tuple(tags)
    if key not in _CACHE:
        _CACHE[key] = _transitions(tags)
    trans, start, end = _CACHE[key]
    paths = []
    for p in probs:
        path = numpy.zeros(len(p), dtype="int32")
        if len(p) == 0:
            paths.append(path)
            continue
        anchored = p[:, 0] >= _CONFIDENT_O
        logp = numpy.log(numpy.maximum(p, 1e-12))
        i, n = 0, len(p)
        while i < n:
            if anchored[i]:
                i += 1
                continue
            j = i
            while j < n and not anchored[j]:
                j += 1
            path[i:j] = _viterbi(logp[i:j], trans, start, end)
            i = j
        paths.append(path)
    return paths


def biluo_spans(path: numpy.ndarray, tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) token spans of a valid BILUO path."""
    spans = []
    begin = 0
    for i, idx in enumerate(path):
        prefix, _, label = tags[idx].partition("-")
        if prefix == "B":
            begin = i
        elif prefix == "L":
            spans.append((begin, i + 1, label))
        elif prefix == "U":
            spans.append((i, i + 1, label))
    return spans


_LETTERS = re.compile(r"[A-Za-z\uff21-\uff3a\uff41-\uff5a]")
_DIGITS = re.compile(r"[0-9\uff10-\uff19]")


def whole_latin_words(
    spans: list[tuple[int, int, str]], char: Callable[[int], str], n: int
) -> list[tuple[int, int, str]]:
    """Spans (in order, not overlapping) widened so that none starts or ends inside a Latin word or a number.

    The tagger decides per character and can cut "Eric" or "Raymond" in two; in Chinese
    text a word never ends between two Latin letters, or between two digits. Letters
    next to digits are left alone (a stock name such as "深天地A" is followed by its
    price). A span is never widened over its neighbours.
    """

    def kind(i: int) -> str:
        c = char(i)
        return "a" if _LETTERS.fullmatch(c) else "0" if _DIGITS.fullmatch(c) else ""

    def inside(i: int) -> bool:  # between characters i-1 and i
        k = kind(i)
        return k != "" and kind(i - 1) == k

    out: list[tuple[int, int, str]] = []
    for k, (s, e, label) in enumerate(spans):
        lo = out[-1][1] if out else 0
        hi = spans[k + 1][0] if k + 1 < len(spans) else n
        while s > lo and inside(s):
            s -= 1
        while e < hi and inside(e):
            e += 1
        out.append((s, e, label))
    return out


_PAIRS = {")": "(", "）": "（", "]": "[", "】": "【", "》": "《", "〉": "〈", "」": "「", "』": "『", "”": "“", "’": "‘"}
_OPENERS = {v: k for k, v in _PAIRS.items()}


def _junk(c: str) -> bool:
    """Punctuation, a symbol or whitespace (a character token, or a run of whitespace)."""
    return c.isspace() or (len(c) == 1 and unicodedata.category(c)[0] in "PS")


def without_stray_punctuation(
    spans: list[tuple[int, int, str]], char: Callable[[int], str], n: int
) -> list[tuple[int, int, str]]:
    """Spans with punctuation and symbols at either end dropped, and brackets closed.

    A name does not begin or end with "》", "↓" or "，"; the tagger sometimes took one in
    ("新京报》"). A bracket that pairs inside the span stays ("（香港）"), and a span that
    opens a bracket the next character closes takes it in ("英国《金融时报》").
    """
    out: list[tuple[int, int, str]] = []
    for k, (s, e, label) in enumerate(spans):
        while s < e and _junk(char(s)) and not _pairs_inside(char(s), s, e, char, opening=True):
            s += 1
        while e > s and _junk(char(e - 1)) and not _pairs_inside(char(e - 1), s, e, char, opening=False):
            e -= 1
        if e <= s:
            continue
        hi = spans[k + 1][0] if k + 1 < len(spans) else n
        if e < hi:
            opened = _unclosed(s, e, char)
            if opened is not None and _PAIRS.get(char(e)) == opened:
                e += 1
        out.append((s, e, label))
    return out


def _unclosed(s: int, e: int, char: Callable[[int], str]) -> str | None:
    """The last bracket opened in the span and not closed in it."""
    stack: list[str] = []
    for i in range(s, e):
        c = char(i)
        if c in _OPENERS:
            stack.append(c)
        elif c in _PAIRS and stack and stack[-1] == _PAIRS[c]:
            stack.pop()
    return stack[-1] if stack else None


def _pairs_inside(c: str, s: int, e: int, char: Callable[[int], str], opening: bool) -> bool:
    if opening:
        close = _OPENERS.get(c)
        return close is not None and any(char(i) == close for i in range(s + 1, e))
    open_ = _PAIRS.get(c)
    return open_ is not None and any(char(i) == open_ for i in range(s, e - 1))
