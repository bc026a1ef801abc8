"""Doc -> mentions and typed relations, each with the sentence that says so.

Relations are found by small functions over the spaCy ``Doc``'s entities and
sentences; the title words and back-reference rules are data in ``kg/data/``.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from kg.bylines import Byline, parse_byline, parse_dateline
from kg.ingest import Article
from kg.places import gazetteer, link_place

ORGS = ("ORG", "COMPANY")
_ROLE_TEXT = re.compile(r"^(?:[\u4e00-\u9fff]{1,14}、)*[\u4e00-\u9fff]{1,14}$")
_CLAUSE_BREAK = re.compile(r"[^\u4e00-\u9fff、]")


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
    origin: str = "ner"  # or "byline"


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

    def sentence_evidence(self, k: int) -> Evidence:
        s, e = self.sentences[k]
        return Evidence(self.article.id, s, e, self.article.text[s:e])


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    text = resources.files("kg.data").joinpath("titles.txt").read_text(encoding="utf8")
    words = [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]
    return tuple(sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def role_rules() -> dict:
    return json.loads(resources.files("kg.data").joinpath("roles.json").read_text(encoding="utf8"))


def ends_with_title(text: str) -> bool:
    return text.endswith(titles())


def extract(article: Article, doc: Doc) -> Extraction:
    """All mentions and relations of one article."""
    full = _text_of(doc, article.text)
    sentences = _sentences(doc, full)
    ex = Extraction(article, sentences)
    sent_of = _SentenceOf(sentences)
    byline_people = _byline_mentions(ex, sent_of)
    taken = [(m.start, m.end) for m in ex.mentions]
    descriptors = tuple(role_rules()["descriptors"])
    for ent in doc.ents:
        raw = ent.text
        s = ent.start_char + len(raw) - len(raw.lstrip())
        e = ent.end_char - (len(raw) - len(raw.rstrip()))
        text = full[s:e]
        if e - s < 2 or any(s < b and a < e for a, b in taken):
            continue  # single characters (京, 中) are abbreviations, not names kg can resolve
        if ent.label_ in ORGS and text.startswith(descriptors):
            continue
        ex.mentions.append(Mention(article.id, s, e, text, ent.label_, sent_of[s]))
    ex.mentions.sort(key=lambda m: (m.start, m.end))
    _byline_relations(ex, byline_people)
    _affiliations(ex)
    _adjacent_places(ex)
    ex.place_hints = place_hints(ex)
    return ex


def place_hints(ex: Extraction) -> list[str]:
    """Each mention's division code as the article's own text decides it (resolution needs no text later)."""
    gaz = gazetteer()
    context = "\n".join([ex.article.headline, ex.article.text])
    return [link_place(m.text, context, gaz) for m in ex.mentions]


# --------------------------------------------------------------------------- sentences


def _text_of(doc: Doc, text: str) -> str:
    """The Doc's text: the article's own string, which the Doc was made from.

    Doc.text joins every token again on each call, a Python object per character,
    which was most of the time extraction took.
    """
    n = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    return text if n == len(text) else doc.text


def _sentences(doc: Doc, full: str) -> list[tuple[int, int]]:
    if doc.has_annotation("SENT_START"):
        spans = [(s.start_char, s.end_char) for s in doc.sents]
    else:
        spans = [(0, len(full))]
    out = []
    for s, e in spans:
        text = full[s:e]
        s += len(text) - len(text.lstrip())
        e -= len(text) - len(text.rstrip())
        if e > s:
            out.append((s, e))
    return out or [(0, len(full))]


class _SentenceOf:
    """Index of the sentence holding a character offset (bisect: no per-character table)."""

    def __init__(self, sentences: list[tuple[int, int]]) -> None:
        self.starts = [s for s, _ in sentences]

    def __getitem__(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)


# --------------------------------------------------------------------------- bylines


Span_ = tuple[int, int]


def _byline_mentions(ex: Extraction, sent_of: _SentenceOf) -> list[tuple[Byline, list[Span_], Span_ | None]]:
    """Mentions for the people and outlets of bylines and datelines, found by position."""
    text = ex.article.text
    found: list[tuple[Byline, list[Span_], Span_ | None]] = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        credits = parse_byline(line)
        if credits is None:
            dl = parse_dateline(line)
            if dl is None:
                continue
            credits = dl.bylines
            if dl.place:
                _add_byline_mention(ex, start, start + len(dl.place), "ORG", sent_of)
        cursor = start
        for credit in credits:
            org_span = None
            if credit.org:
                k = text.find(credit.org, cursor, pos)
                if k >= 0:
                    org_span = _add_byline_mention(ex, k, k + len(credit.org), "ORG", sent_of)
                    cursor = k + len(credit.org)
                else:  # an outlet named once for the whole dateline
                    org_span = next(
                        ((m.start, m.end) for m in ex.mentions if m.text == credit.org and m.origin == "byline"), None
                    )
            people = []
            for name in credit.names:
                k = text.find(name, cursor, pos)
                if k >= 0:
                    people.append(_add_byline_mention(ex, k, k + len(name), "PERSON", sent_of))
                    cursor = k + len(name)
            found.append((credit, people, org_span))
    return found


def _add_byline_mention(ex: Extraction, s: int, e: int, label: str, sent_of: _SentenceOf) -> Span_:
    if not any(m.start == s and m.end == e for m in ex.mentions):
        ex.mentions.append(Mention(ex.article.id, s, e, ex.article.text[s:e], label, sent_of[s], "byline"))
    return (s, e)


def _byline_relations(ex: Extraction, found: list[tuple[Byline, list[Span_], Span_ | None]]) -> None:
    where = {(m.start, m.end): i for i, m in enumerate(ex.mentions)}
    for credit, people, org_span in found:
        role = credit.role + ("（摄影）" if credit.photo and "摄影" not in credit.role else "")
        for span in people:
            m = where[span]
            ev = ex.sentence_evidence(ex.mentions[m].sentence)
            ex.relations.append(Relation("author", None, m, role, ev))
            if org_span is not None and org_span in where:
                ex.relations.append(Relation("affiliation", m, where[org_span], credit.role, ev))


# --------------------------------------------------------------------------- affiliations


def _affiliations(ex: Extraction) -> None:
    """Person-role-organization patterns news uses, over the sentence's mentions."""
    text = ex.article.text
    ms = ex.mentions
    for j, person in enumerate(ms):
        if person.label != "PERSON" or person.origin == "byline":
            continue
        sent_start = ex.sentences[person.sentence][0]
        prev = j - 1 if j > 0 and ms[j - 1].end <= person.start else None
        # ORG + role + NAME
        if prev is not None and ms[prev].label != "PERSON" and ms[prev].end >= sent_start:
            between = text[ms[prev].end : person.start]
            if _ROLE_TEXT.match(between) and ends_with_title(between):
                _add_roles(ex, j, prev, between)
                continue
        # role + NAME, the organization named before (公司负责人 X)
        lo = max(sent_start, ms[prev].end if prev is not None else 0)
        clause = _CLAUSE_BREAK.split(text[lo : person.start])[-1]
        if clause and _ROLE_TEXT.match(clause) and ends_with_title(clause):
            named = _named_prefix(ex, j, clause)
            if named is not None:
                org, clause = named
                _add_roles(ex, j, org, clause)
                continue
            org = _refer_back(ex, j, clause)
            if org is not None:
                _add_roles(ex, j, org, clause)
                continue
        # NAME，ORG + role
        nxt = j + 1 if j + 1 < len(ms) else None
        if nxt is not None and ms[nxt].label != "PERSON" and text[person.end : ms[nxt].start] in ("，", ",", "、"):
            tail = text[ms[nxt].end : ms[nxt].end + 16]
            role = _CLAUSE_BREAK.split(tail)[0]
            role = next((role[:k] for k in range(len(role), 0, -1) if ends_with_title(role[:k])), "")
            if role:
                _add_roles(ex, j, nxt, role)


def _named_prefix(ex: Extraction, j: int, clause: str) -> tuple[int, str] | None:
    """A clause that starts with a name the article tagged elsewhere (三诺生物生产总监)."""
    best: tuple[int, str] | None = None
    for i, m in enumerate(ex.mentions):
        if i != j and m.label != "PERSON" and m.origin != "byline" and clause.startswith(m.text):
            rest = clause[len(m.text) :]
            if rest and ends_with_title(rest) and (best is None or len(m.text) > len(clause) - len(best[1])):
                best = (i, rest)
    return best


def _refer_back(ex: Extraction, j: int, clause: str) -> int | None:
    """The mention a bare role refers to: by its first word's rule, nearest first."""
    rules = role_rules()
    key = max((k for k in rules["backref"] if clause.startswith(k)), key=len)
    wanted = rules["backref"][key]
    limit = ex.mentions[j].start - rules["lookback_chars"]
    best: tuple[int, int] | None = None
    for i in range(j - 1, -1, -1):
        m = ex.mentions[i]
        if m.start < limit:
            break
        if m.label in wanted and m.origin != "byline":
            rank = wanted.index(m.label)
            if best is None or rank < best[0]:
                best = (rank, i)
            if rank == 0:
                break
    return best[1] if best else None


def _add_roles(ex: Extraction, person: int, org: int, role_text: str) -> None:
    ev = ex.sentence_evidence(ex.mentions[person].sentence)
    qualifiers = tuple(role_rules()["qualifiers"])
    for role in role_text.split("、"):
        while role.startswith(qualifiers):
            role = role[next(len(q) for q in qualifiers if role.startswith(q)) :]
        if role and ends_with_title(role):
            ex.relations.append(Relation("affiliation", person, org, role, ev))


# --------------------------------------------------------------------------- places


def _adjacent_places(ex: Extraction) -> None:
    """长沙市岳麓区: a place written right after another lies within it; so does an org."""
    ms = ex.mentions
    for i in range(len(ms) - 1):
        a, b = ms[i], ms[i + 1]
        if a.label == "PLACE" and a.end == b.start and b.label in ("PLACE", *ORGS):
            kind = "part_of" if b.label == "PLACE" else "located_in"
            ex.relations.append(Relation(kind, i + 1, i, "", ex.sentence_evidence(b.sentence)))
