"""Persons the model missed or misread, found from how news writes them: a name after a
title or in a list of names (副院长 + 王国槐 + 评价, 张迎龙、秦国文、周海兵), and none where
only a headline's words were read as one."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.boundaries import name_breaks
from kg.names import han, surnames
from kg.nlp.lexicon import Lexicon
from kg.records import Extraction, Mention, SentenceOf, lines_at
from kg.roles import ends_with_title, role_rules, titles


def headline_only_persons(ex: Extraction, full: str) -> None:
    """占比超 read as the person 比超 in a headline: a person the model reads in the headline
    block whom the article's text never names again is no person (a headline's names, 李华的
    「午夜热线」, are the story's people)."""
    a = ex.article
    heads = {h for h in (a.headline, a.kicker, a.subheadline) if h}
    spans = [(pos, pos + len(line)) for pos, line in lines_at(full) if line.strip() in heads]
    if not spans:
        return

    def in_head(m: Mention) -> bool:  # within a headline line, not the whole line (a commentary's author, 曾凡华)
        return any(s <= m.start and m.end <= e and (m.start, m.end) != (s, e) for s, e in spans)

    named = {m.text for m in ex.mentions if m.label == "PERSON" and not in_head(m)}
    ex.mentions = [m for m in ex.mentions
                   if not (m.label == "PERSON" and m.origin == "ner" and in_head(m) and m.text not in named)]


_LISTED = re.compile(r"、([\u4e00-\u9fff]{2,3})(?=、)")


def listed_persons(ex: Extraction, full: str, sent_of: SentenceOf) -> None:
    """张迎龙、秦国文、周海兵: a name of two or three characters listed between two persons
    the model read, with nothing but the list's commas between, is a person too."""
    persons = sorted((m for m in ex.mentions if m.label == "PERSON"), key=lambda m: m.start)
    for a, b in zip(persons, persons[1:]):
        between = full[a.end : b.start + 1]  # from the comma after one name to the comma before the next
        if not (3 <= len(between) <= 25 and between[0] == "、" and between[-2] == "、"):
            continue
        found = list(_LISTED.finditer(full, a.end, b.start))
        if sum(len(x.group(0)) for x in found) != b.start - a.end - 1:
            continue  # something else stands in the list
        for x in found:
            if ex.free(*x.span(1)):
                ex.mentions.append(Mention(ex.article.id, x.start(1), x.end(1), x.group(1), "PERSON", sent_of[x.start(1)], "listed"))


_LIST_ENDS = frozenset("，。；、等和与及")  # what ends a listed name but a word that begins
_COUNTS = frozenset("一两二三几多数每")  # what begins a count of times (两次, 多次, 一度)


@lru_cache(maxsize=1)
def _said_or_closed() -> re.Pattern[str]:
    """Where a name said after its title ends: a clause mark, a verb of saying (longest first),
    or a preposition that opens what the person does (书记 + 高翅 + 在接受采访时说), one that
    rarely ends a name."""
    verbs = sorted(role_rules()["speech_verbs"], key=len, reverse=True)
    return re.compile("|".join(["[，。、；：,;:在对向]", *verbs]))


def persons_named_after_titles(ex: Extraction, full: str, sent_of: SentenceOf, words: Lexicon) -> None:
    """副院长 + 王国槐 + 评价: two or three characters the model left between a title and a
    verb of saying, a clause mark or 在, 对, 向 are a person when they begin with a surname and
    read as no word: not a common word, no title, no adverb or word between names at the end
    (时, 等, 上), no adverb before a count (院士 + 曾两次 + 向…: 曾 is "once" there, 曾多次), no 某
    (张某 is no name), no word made with the title's end (老师 + 傅学习: 老师傅); not after a
    title many share (村干部 + 包网格).
    张迎龙、+ 秦国文 + 出席: so is a name listed after a person and its comma, three characters
    before a common word (two are too often three cut: 孙勇 + 军报道) or two or three before a
    clause mark, 等 or 和."""
    persons_end = {m.end for m in ex.mentions if m.label == "PERSON"}
    adverbs = set(role_rules()["adverbs"])
    stop = name_breaks() | adverbs | set("时地等上晚后")
    groups = tuple(role_rules()["group_titles"])
    said_verbs = tuple(role_rules()["speech_verbs"])

    def is_name(s: int, p: int) -> bool:
        name = full[s:p]
        return (all(han(c) for c in name) and name[0] in surnames() and name[0] not in name_breaks()
                and name[-1] not in stop and "某" not in name and not name.endswith(said_verbs)
                and not words.common(name) and not ends_with_title(name) and ex.free(s, p)
                and not (name[0] in adverbs and name[1] in _COUNTS and words.common(name[1:])))

    def word_begins(p: int) -> bool:
        return any(words.common(full[p : p + n]) for n in (2, 3, 4))

    def add(s: int, p: int) -> None:
        ex.mentions.append(Mention(ex.article.id, s, p, full[s:p], "PERSON", sent_of[s], "titled"))

    names = surnames()
    for said in _said_or_closed().finditer(full):
        p = said.start()
        s = next((p - n for n in (3, 2) if p - n >= 2 and full[p - n] in names and full.endswith(titles(), 0, p - n)), None)
        if (s is not None and not full.endswith(groups, 0, s) and not any(words.common(full[s - k : s + 1]) for k in (2, 3))
                and is_name(s, p)):
            add(s, p)
    for s in sorted(persons_end):
        if full[s : s + 1] != "、":
            continue
        p = next((s + 1 + n for n in (3, 2) if full[s + 1 + n : s + 2 + n] in _LIST_ENDS
                  or (n == 3 and word_begins(s + 4) and not word_begins(s + 3))), None)
        if p is not None and is_name(s + 1, p):
            add(s + 1, p)
