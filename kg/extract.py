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
from typing import Iterable

from spacy.tokens import Doc

from kg.bylines import THIS_PAPER, Byline, parse_byline, parse_dateline, parse_trailing_credits
from kg.ingest import Article, ends_sentence, is_furniture
from kg.names import LEGAL_FORMS, LEVEL_TITLES, LEVELS, bare_body, company_core
from kg.nlp.lexicon import Lexicon, shipped_lexicon
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
    origin: str = "ner"  # or "byline", "role" (an organization named before a role, missed by the model), "alias", "repeat"
    refers: str = ""  # the name this mention stands for when the text is not a name (本报: the paper)

    @property
    def name(self) -> str:
        """What the mention is resolved by: the name it stands for, else its text."""
        return self.refers or self.text


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


ANY_HOLDER = ("ORG", "COMPANY", "PLACE")


def longest_ending(text: str, words: Iterable[str]) -> str | None:
    """The longest of ``words`` that ``text`` ends with (the word that says what it names)."""
    return max((w for w in words if text.endswith(w)), key=len, default=None)


@lru_cache(maxsize=1 << 12)  # asked for every role at extraction and again for every affiliation at resolution
def holders(role_text: str) -> tuple[str, ...]:
    """The entity types the roles in ``role_text`` can be held in, most likely first."""
    targets = role_rules()["title_targets"]
    found: list[str] = []
    for role in role_text.split("、"):
        ending = longest_ending(role, targets)
        for label in targets[ending] if ending else ANY_HOLDER:
            if label not in found:
                found.append(label)
    return tuple(found)


def extract(article: Article, doc: Doc, words: Lexicon | None = None) -> Extraction:
    """All mentions and relations of one article; ``words`` is the pipeline's lexicon
    (the shipped one when not given), which says which strings are common words."""
    full = _text_of(doc, article.text)
    sentences = _sentences(doc, full)
    ex = Extraction(article, sentences)
    sent_of = _SentenceOf(sentences)
    byline_people = _byline_mentions(ex, sent_of)
    taken = [(m.start, m.end) for m in ex.mentions] + _furniture_lines(full)
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
    words = words or shipped_lexicon()
    _joined_companies(ex, words)
    _split_owners(ex, sent_of)
    _split_party_bodies(ex)
    _bodies_read_as_places(ex)
    _defined_aliases(ex, full, sent_of)
    _place_bodies(ex, full, sent_of)
    _missed_holders(ex, full, sent_of)
    _workplaces(ex, full, sent_of)
    _repeated_names(ex, full, sent_of, words)
    ex.mentions.sort(key=lambda m: (m.start, m.end))
    _qualified_bodies(ex)
    _byline_relations(ex, byline_people)
    _affiliations(ex)
    _adjacent_places(ex)
    _stated_locations(ex)
    ex.place_hints = place_hints(ex)
    return ex


def _furniture_lines(text: str) -> list[tuple[int, int]]:
    """A web page's menus and source or editor lines (责任编辑：X): what the model finds there is
    no mention (their credits are read as bylines)."""
    out, pos = [], 0
    for line in text.split("\n"):
        if is_furniture(line) and not ends_sentence(line):  # a sentence with a date in it is prose
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


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
        ours: Span_ | None = None  # where this line says 本报, as a mention of the paper
        credits = parse_byline(line)
        dl = parse_dateline(line) if credits is None else None
        trailing = parse_trailing_credits(line) if credits is None and dl is None else None
        if trailing is not None:
            start += trailing[0]  # the names are looked for from the brackets on
            credits = trailing[1]
        elif credits is None:
            if dl is None:
                continue
            credits = dl.bylines
            if dl.outlet == THIS_PAPER and ex.article.paper:
                ours = _add_byline_mention(ex, start, start + len(THIS_PAPER), "ORG", sent_of, ex.article.paper)
            elif dl.outlet and dl.outlet != THIS_PAPER:
                _add_byline_mention(ex, start, start + len(dl.outlet), "ORG", sent_of)
            if dl.where:
                k = start + len(dl.outlet)
                _add_byline_mention(ex, k, k + len(dl.where), "PLACE", sent_of)
        cursor = start
        for credit in credits:
            org_span = None
            if not credit.org and credit.role.startswith(THIS_PAPER) and ex.article.paper:  # 本报记者 X
                k = text.find(credit.role, cursor, pos)
                if k >= 0:
                    org_span = _add_byline_mention(ex, k, k + len(THIS_PAPER), "ORG", sent_of, ex.article.paper)
            elif not credit.org and "记者" in credit.role and ours is not None:  # 本报讯（记者 X）
                org_span = ours
            elif credit.org:
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


def _add_byline_mention(ex: Extraction, s: int, e: int, label: str, sent_of: _SentenceOf, refers: str = "") -> Span_:
    if not any(m.start == s and m.end == e for m in ex.mentions):
        ex.mentions.append(Mention(ex.article.id, s, e, ex.article.text[s:e], label, sent_of[s], "byline", refers))
    return (s, e)


def _byline_relations(ex: Extraction, found: list[tuple[Byline, list[Span_], Span_ | None]]) -> None:
    where = {(m.start, m.end): i for i, m in enumerate(ex.mentions)}
    for credit, people, org_span in found:
        role = credit.role.removeprefix(THIS_PAPER)  # 本报记者: a 记者 of the paper
        role += "（摄影）" if credit.photo and "摄影" not in role else ""
        for span in people:
            m = where[span]
            ev = ex.sentence_evidence(ex.mentions[m].sentence)
            ex.relations.append(Relation("author", None, m, role, ev))
            if org_span is not None and org_span in where:
                ex.relations.append(Relation("affiliation", m, where[org_span], credit.role.removeprefix(THIS_PAPER), ev))


# --------------------------------------------------------------------------- affiliations


def _affiliations(ex: Extraction) -> None:
    """Person-role-organization patterns news uses, over the sentence's mentions."""
    text = ex.article.text
    ms = ex.mentions
    titled: dict[int, tuple[int, str]] = {}  # person -> (organization, role) written before the name
    for j, person in enumerate(ms):
        if person.label != "PERSON" or person.origin == "byline":
            continue
        sent_start = ex.sentences[person.sentence][0]
        prev = j - 1 if j > 0 and ms[j - 1].end <= person.start else None
        # ORG + role + NAME、NAME: the names listed after a title all hold it;
        # ORG + role + NAME、role + NAME: the second title is at the same body
        if prev in titled and text[ms[prev].end : person.start].startswith("、"):
            role = text[ms[prev].end + 1 : person.start]
            org = titled[prev][0]
            if not role:
                titled[j] = titled[prev]
                _add_roles(ex, j, *titled[j])
                continue
            if _ROLE_TEXT.match(role) and ends_with_title(role) and _same_body(ms[org].text, role):
                titled[j] = (org, role)
                _add_roles(ex, j, org, role)
                continue
        # ORG + role + NAME
        if prev is not None and ms[prev].label != "PERSON" and ms[prev].end >= sent_start:
            between = text[ms[prev].end : person.start]
            if _ROLE_TEXT.match(between) and ends_with_title(between) and ms[prev].label in holders(between):
                _add_roles(ex, j, prev, between)
                titled[j] = (prev, between)
                _listed_before(ex, j, prev)
                continue
        # role + NAME, the organization named before (公司负责人 X)
        lo = max(sent_start, ms[prev].end if prev is not None else 0)
        clause = _CLAUSE_BREAK.split(text[lo : person.start])[-1]
        if clause and _ROLE_TEXT.match(clause) and ends_with_title(clause):
            named = _named_prefix(ex, j, clause)
            if named is not None:
                org, clause = named
                _add_roles(ex, j, org, clause)
                titled[j] = (org, clause)
                continue
            org = _refer_back(ex, j, clause)
            if org is not None:
                _add_roles(ex, j, org, clause)
                titled[j] = (org, clause)
                continue
        # NAME，ORG + role
        nxt = j + 1 if j + 1 < len(ms) else None
        if nxt is not None and ms[nxt].label != "PERSON" and text[person.end : ms[nxt].start] in ("，", ",", "、"):
            tail = text[ms[nxt].end : ms[nxt].end + 16]
            role = _CLAUSE_BREAK.split(tail)[0]
            role = next((role[:k] for k in range(len(role), 0, -1) if ends_with_title(role[:k])), "")
            after = nxt + 1 if nxt + 1 < len(ms) else None
            if after is not None and ms[after].label == "PERSON" and ms[after].start == ms[nxt].end + len(role):
                continue  # 王明，华信科技总经理李强: the title is the next name's
            if role and ms[nxt].label in holders(role):
                _add_roles(ex, j, nxt, role)


_ALIAS = re.compile(r"[（(](?:以下|下文)?简称[“\"「『]?(?P<short>[^”\"」』（）()，,。、\s]{2,20})[”\"」』]?[）)]")
_CLAUSE_START = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9（）()·]")


def _listed_before(ex: Extraction, person: int, org: int) -> None:
    """村党支部书记、村委会主任 X: each ORG + title listed before the one next to the name is the name's too."""
    text, ms = ex.article.text, ex.mentions
    k = org
    while k > 0 and ms[k - 1].label != "PERSON" and ms[k - 1].sentence == ms[person].sentence:
        listed = text[ms[k - 1].end : ms[k].start]
        role = listed[:-1]
        if not listed.endswith("、") or not _ROLE_TEXT.match(role) or not ends_with_title(role):
            return
        if ms[k - 1].label in holders(role):
            _add_roles(ex, person, k - 1, role)
        k -= 1


def _defined_aliases(ex: Extraction, full: str, sent_of: _SentenceOf) -> None:
    """``华信科技股份有限公司（以下简称“华信科技”）``: the text itself says the short name is the
    organization's. The full name takes the place of what the model tagged there (it may
    have cut it), and every use of the short name in the article is a mention of it,
    whatever the model made of it (宁德时代 read as the place 宁德)."""
    suffixes: dict[str, str] = role_rules()["holder_suffixes"]
    for m in _ALIAS.finditer(full):
        k, short = m.start(), m.group("short")
        before = [i for i, x in enumerate(ex.mentions) if x.end == k and x.label in ORGS and x.origin != "byline"]
        clause_start = max((b.end() for b in _CLAUSE_START.finditer(full, max(0, k - 40), k)), default=max(0, k - 40))
        at = full.find(short, clause_start, k)
        starts = [ex.mentions[i].start for i in before] + ([at] if at >= 0 else [])
        if not starts:
            continue
        s = min(starts)
        name = full[s:k]
        if before:
            label = ex.mentions[before[0]].label
        else:
            ending = longest_ending(name, suffixes)
            if ending is None or suffixes[ending] not in ORGS:
                continue
            label = suffixes[ending]
        spans = [(s, k)]
        pos = full.find(short)
        while pos >= 0:
            if not s <= pos < k:
                spans.append((pos, pos + len(short)))
            pos = full.find(short, pos + len(short))
        bylines = [(x.start, x.end) for x in ex.mentions if x.origin == "byline"]
        spans = [(a, b) for a, b in spans if not any(a < e and c < b for c, e in bylines)]
        ex.mentions = [
            x for x in ex.mentions if x.origin == "byline" or not any(a < x.end and x.start < b for a, b in spans)
        ]
        for a, b in spans:
            ex.mentions.append(Mention(ex.article.id, a, b, full[a:b], label, sent_of[a], "alias"))
        ex.aliases.append((short, name))


def _bare_company(name: str, words: Lexicon) -> bool:
    """家具有限公司, 新能源科技股份有限公司: a legal form after nothing but common words (a
    trade) names no company by itself."""
    form = longest_ending(name, LEGAL_FORMS)
    return form is not None and _all_common(name[: -len(form)], words)


def _all_common(text: str, words: Lexicon) -> bool:
    """Whether ``text`` splits into common words of two to four characters (新能源 + 科技)."""
    ok = [True] + [False] * len(text)
    for end in range(2, len(text) + 1):
        ok[end] = any(ok[end - n] and words.common(text[end - n : end]) for n in (2, 3, 4) if end - n >= 0)
    return ok[len(text)]


def _joined_companies(ex: Extraction, words: Lexicon) -> None:
    """江西自由王国 + 家具有限公司, the model's cut through one name: a bare company right
    after another name, with nothing between, is the end of that name."""
    ms = ex.mentions
    k = len(ms) - 1
    while k > 0:
        a, b = ms[k - 1], ms[k]
        if (
            a.end == b.start and a.origin == b.origin == "ner" and b.label == "COMPANY"
            and _bare_company(b.text, words) and not a.text.endswith(public_body_words() + ZONE_WORDS)
        ):  # (a zone or a body before a company is where the company is, not its name: 湘商产业园 + 天天食品…)
            ms[k - 1 : k + 1] = [Mention(a.article, a.start, b.end, a.text + b.text, "COMPANY", a.sentence)]
        k -= 1


_OWNED = re.compile(r"旗下|下属|所属")


def _workplaces(ex: Extraction, full: str, sent_of: _SentenceOf) -> None:
    """在长沙都正检验实验室里，总经理 X: where a story stands, a name ending in an organization
    word between 在 and 里 (or a comma) is that organization, when the model missed it."""
    rules = role_rules()
    suffixes: dict[str, str] = rules["holder_suffixes"]
    generic = tuple(rules["generic_starts"]) + tuple(rules["descriptors"])
    for found in _workplace_pattern().finditer(full):
        a, b = found.span("name")
        name = found.group("name")
        ending = longest_ending(name, suffixes)
        if ending is None or len(name) < len(ending) + 3 or name.startswith(generic):
            continue
        inside = [m for m in ex.mentions if a < m.end and m.start < b]
        if any(w in name for w in rules["role_breakers"]):
            continue
        gaz = gazetteer()
        if any(not (m.label == "PLACE" or gaz.candidates(m.text)) or m.start < a or m.end > b for m in inside):
            continue  # the model read something else here; a place name inside the name is the name's (长沙)
        ex.mentions = [m for m in ex.mentions if m not in inside]
        ex.mentions.append(Mention(ex.article.id, a, b, name, suffixes[ending], sent_of[a], "role"))


@lru_cache(maxsize=1)
def _workplace_pattern() -> re.Pattern[str]:
    words = "|".join(sorted(map(re.escape, role_rules()["holder_suffixes"]), key=len, reverse=True))
    return re.compile(rf"在(?P<name>[\u4e00-\u9fff]{{3,20}}?(?:{words}))(?:里|内)?[，,]")


def _split_owners(ex: Extraction, sent_of: _SentenceOf) -> None:
    """长安汽车旗下深蓝汽车科技有限公司: "under" joins two names the model read as one; each is a mention."""
    out: list[Mention] = []
    for m in ex.mentions:
        cut = _OWNED.search(m.text) if m.label in ORGS and m.origin == "ner" else None
        if cut is None or cut.start() < 2 or len(m.text) - cut.end() < 2:
            out.append(m)
            continue
        a, b = m.start + cut.start(), m.start + cut.end()
        out.append(Mention(m.article, m.start, a, m.text[: cut.start()], m.label, m.sentence))
        out.append(Mention(m.article, b, m.end, m.text[cut.end() :], m.label, sent_of[b]))
    ex.mentions = out


def _split_party_bodies(ex: Extraction) -> None:
    """东风汽车集团有限公司党委: the company and its party committee, each a mention (the
    committee's named in full), so that 党委书记、董事长 X can give each its title."""
    rules = role_rules()
    words = tuple(p for p in rules["party_bodies"] if not bare_body(p))  # 党委, not 市委: that is the city's
    bodies = tuple(rules["holder_suffixes"]) + LEGAL_FORMS
    out: list[Mention] = []
    for m in ex.mentions:
        word = longest_ending(m.text, words) if m.label in ORGS and m.origin == "ner" else None
        rest = m.text[: -len(word)] if word else ""
        if len(rest) < 4 or not rest.endswith(bodies):
            out.append(m)
            continue
        k = m.start + len(rest)
        out.append(Mention(m.article, m.start, k, rest, "COMPANY" if rest.endswith(LEGAL_FORMS) else "ORG", m.sentence))
        out.append(Mention(m.article, k, m.end, word, "ORG", m.sentence, refers=m.text))
    ex.mentions = out


def _repeated_names(ex: Extraction, full: str, sent_of: _SentenceOf, words: Lexicon) -> None:
    """A name the model found is that name wherever the article repeats it, and a company
    given in full is named by its core afterwards (江西洪城水业股份有限公司 … 洪城水业): the
    model misses some of the repeats, and the relations said there (洪城水业董事长 X) with them.

    Only names unlikely to be anything else are looked for: persons of three characters
    or more, organizations of four or more, cores of four or more that are not a common
    word (建筑工程 of 湖南省建筑工程集团总公司 is not a name). A repeat never overlaps a mention.
    """
    gaz = gazetteer()
    forms: dict[str, str] = {}
    for m in ex.mentions:
        if m.origin == "byline":
            continue
        if (m.label == "PERSON" and len(m.text) >= 3) or (m.label in ORGS and len(m.text) >= 4):
            forms.setdefault(m.text, m.label)
        if m.label == "COMPANY":
            core = company_core(m.text, gaz)
            if len(core) >= 4 and core != m.text and not words.common(core):
                forms.setdefault(core, m.label)
    if not forms:
        return
    covered = bytearray(len(full))
    for m in ex.mentions:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    pattern = re.compile("|".join(map(re.escape, sorted(forms, key=len, reverse=True))))
    for found in pattern.finditer(full):
        a, b = found.span()
        if any(covered[a:b]):
            continue
        covered[a:b] = b"\x01" * (b - a)
        ex.mentions.append(Mention(ex.article.id, a, b, found.group(), forms[found.group()], sent_of[a], "repeat"))


@lru_cache(maxsize=1)
def generic_bodies() -> frozenset[str]:
    """Words for a kind of body that name none by themselves: 管委会, 党委, 政府, 医院."""
    rules = role_rules()
    return frozenset([*rules["holder_suffixes"], *rules["place_body_words"], *rules["party_bodies"]])


@lru_cache(maxsize=1)
def public_body_words() -> tuple[str, ...]:
    """Name endings of bodies that are no company (党支部, 政府, 委员会, 局): from the role rules."""
    rules = role_rules()
    words = {w for w, t in {**rules["holder_suffixes"], **rules["place_body_words"]}.items() if t == "ORG"}
    words -= {"中心", "实验室"}  # a shopping centre or a testing lab is as often a company
    return tuple(sorted(words | set(rules["party_bodies"]) | {"党支部", "支部"}, key=len, reverse=True))


ZONE_WORDS = ("开发区", "高新区", "经开区", "产业园", "工业园", "园区")


def _bodies_read_as_places(ex: Extraction) -> None:
    """湖南省科技厅 tagged PLACE: a name ending in a public body's word that names no division
    is that body (zones, 开发区 and the like, are left as the model read them)."""
    gaz = gazetteer()
    words = tuple(w for w in public_body_words() if w not in ZONE_WORDS)
    for m in ex.mentions:
        if m.label == "PLACE" and m.origin == "ner" and m.text.endswith(words) and not gaz.candidates(m.text):
            m.label = "ORG"


def _qualified_bodies(ex: Extraction) -> None:
    """市政协, 县农业农村局, 村委会: a body named by its level alone is that level's body of
    a place the article names (as a place, or at the start of an organization's name), the
    nearest before it (南昌市 … 市政协 -> 南昌市政协), else the first after it. Left as it is,
    resolution keeps it to its article (kg.resolve)."""
    gaz = gazetteer()
    context = "\n".join([ex.article.headline, ex.article.text])

    def place_of(m: Mention) -> str:
        if m.label == "PLACE":  # a division; a village by its name alone (the divisions stop at towns)
            code = link_place(m.text, context, gaz)
            return gaz.name[code] if code else m.text if m.text.endswith("村") else ""
        prefix = gaz.place_prefix(m.text) if m.label in ORGS else ""
        if prefix in gaz.exact:  # 平江县人民医院: 平江县
            return prefix
        code = link_place(prefix, context, gaz) if prefix else ""  # 湖北日报: 湖北省
        return gaz.name[code] if code else ""

    generic = generic_bodies()
    if not any(m.label in ORGS and not m.refers and (m.text in generic or m.text[:1] in LEVELS) for m in ex.mentions):
        return  # most articles name no body by its level alone: no place needs looking up
    places = [(m.start, m.end, p) for m in ex.mentions if (p := place_of(m))]  # in text order
    for k, m in enumerate(ex.mentions):
        if m.label in ORGS and not m.refers and m.text in generic:
            # 管委会 after 成都高新区管委会 was named: that one (else kept to its article by resolution)
            named = next((x.name for x in ex.mentions[:k][::-1] if x.label in ORGS and x.name.endswith(m.text) and x.name != m.text), None)
            if named:
                m.refers = named
            continue
        level = bare_body(m.text) if m.label in ORGS and not m.refers else ""
        if not level:
            continue
        before = [p for s, e, p in places if e <= m.start][::-1]
        after = [p for s, e, p in places if s >= m.end]
        named = next((p for p in before + after if p.endswith(level)), None)
        if named:
            m.refers = named + m.text[1:]


def _place_bodies(ex: Extraction, full: str, sent_of: _SentenceOf) -> None:
    """湘潭市人民政府市长 X, 湘潭经济技术开发区党工委书记 X: the model tagged the place and
    not the body named after it; a place followed by an organization word and a title
    before a person is that body (its place is known from the name). Without an
    organization word, a place and a short word before a company officer's title are
    the company (宁德时代董事长 X)."""
    rules = role_rules()
    suffixes: dict[str, str] = {**rules["holder_suffixes"], **rules["place_body_words"]}
    generic = tuple(rules["generic_starts"]) + tuple(rules["qualifiers"])
    ms = sorted(ex.mentions, key=lambda m: m.start)
    for place, person in zip(ms, ms[1:]):
        if place.label != "PLACE" or person.label != "PERSON" or place.origin != "ner":
            continue
        between = full[place.end : person.start]
        if not _ROLE_TEXT.match(between) or not ends_with_title(between) or "、" in between:
            continue
        cuts = [m.end() for x in suffixes for m in re.finditer(re.escape(x), between)]  # 农业农村局 | 副局长
        cut = max((c for c in cuts if c < len(between) and ends_with_title(between[c:])), default=0)
        if cut:
            label = suffixes[longest_ending(between[:cut], suffixes)]
            if label not in holders(between[cut:]):
                continue
        else:  # 宁德 + 时代 + 董事长 X: a company's officer after a place and a short word is that company's
            title = longest_ending(between, titles()) or ""
            word = between[: len(between) - len(title)]
            if not 2 <= len(word) <= 4 or holders(title)[:1] != ("COMPANY",) or word.startswith(generic):
                continue
            if any(w in word for w in rules["role_breakers"]) or ends_with_title(word):
                continue
            cut, label = len(word), "COMPANY"
        ex.mentions.remove(place)
        ex.mentions.append(Mention(ex.article.id, place.start, place.end + cut, full[place.start : place.end + cut], label, sent_of[place.start], "role"))


def _missed_holders(ex: Extraction, full: str, sent_of: _SentenceOf) -> None:
    """Organizations the model missed where a role names them: NAME-ending-in-an-organization-word
    + title + PERSON (…开发区企业服务负责人 X). The name must not overlap a mention."""
    rules = role_rules()
    holder_words: dict[str, str] = rules["holder_suffixes"]
    place_words: dict[str, str] = rules["place_body_words"]
    words = (*holder_words, *place_words)
    generic = tuple(rules["generic_starts"]) + tuple(rules["descriptors"]) + tuple(k for k in rules["backref"] if k)
    joining = rules["clause_words"]
    spans = [(m.start, m.end) for m in ex.mentions]
    for person in [m for m in ex.mentions if m.label == "PERSON" and m.origin == "ner"]:
        suffixes = holder_words
        sent_start = ex.sentences[person.sentence][0]
        clause = _CLAUSE_BREAK.split(full[sent_start : person.start])[-1]
        lo = person.start - len(clause)
        if len(clause) < 5 or not ends_with_title(clause) or any(lo < b and a < person.start for a, b in spans):
            continue
        # the last place an organization word ends with a title after it (农业农村局 | 副局长, not 副局 | 长)
        cut = max((m.end() for sfx in words for m in re.finditer(re.escape(sfx), clause)
                   if m.end() < len(clause) and ends_with_title(clause[m.end() :])), default=0)
        name, role = clause[:cut], clause[cut:]
        ending = longest_ending(name, suffixes)
        if ending is None and gazetteer().place_prefix(name):  # 沙雅县农业农村局: a place's body
            ending = longest_ending(name, place_words)
            suffixes = {**suffixes, **place_words}
        if ending is None or name.startswith(generic):
            continue
        if len(name) < len(ending) + 3 and not (len(name) == len(ending) + 1 and bare_body(name)):
            continue  # 省政府 is a body too: its place is found after (_qualified_bodies)
        if not _ROLE_TEXT.match(role) or not ends_with_title(role) or any(w in role for w in joining):
            continue
        if suffixes[ending] not in holders(role):
            continue
        ex.mentions.append(Mention(ex.article.id, lo, lo + cut, name, suffixes[ending], sent_of[lo], "role"))
        spans.append((lo, lo + cut))


def _named_prefix(ex: Extraction, j: int, clause: str) -> tuple[int, str] | None:
    """A clause that starts with a name the article tagged elsewhere (华信科技生产总监)."""
    best: tuple[int, str] | None = None
    for i, m in enumerate(ex.mentions):
        if i != j and m.label != "PERSON" and m.origin != "byline" and clause.startswith(m.text):
            rest = clause[len(m.text) :]
            if rest and ends_with_title(rest) and m.label in holders(rest) and (best is None or len(m.text) > len(clause) - len(best[1])):
                best = (i, rest)
    return best


@lru_cache(maxsize=1)
def _body_words() -> tuple[str, ...]:
    """Words for a kind of body (医院, 合作社) that a role can start with; party bodies and the
    words with a back-reference rule of their own (公司, 园区) are left to those rules."""
    rules = role_rules()
    return tuple(w for w in rules["holder_suffixes"] if w not in rules["party_bodies"] and w not in rules["backref"])


def _refer_back(ex: Extraction, j: int, clause: str) -> int | None:
    """The mention a bare role refers to: by its first word's rule, a name of the kind that
    word says first, then by type, nearest first."""
    rules = role_rules()
    key = max((k for k in rules["backref"] if clause.startswith(k)), key=len)
    can_hold = holders(clause)
    wanted = [t for t in (can_hold if key == "" else rules["backref"][key]) if t in can_hold]
    suffix = rules["backref_suffix"].get(key)
    # 合作社理事长, 医院院长: a role that starts with a kind of body means a name of that kind
    body = max((w for w in _body_words() if clause.startswith(w)), key=len, default=None) if key == "" else None
    limit = ex.mentions[j].start - rules["lookback_chars"]
    best: tuple[tuple[int, int], int] | None = None
    for i in range(j - 1, -1, -1):
        m = ex.mentions[i]
        if m.start < limit:
            break
        if m.label in wanted and m.origin != "byline" and (body is None or m.name.endswith(body)):
            # a title any body can hold goes to the nearest organization or company, before a place
            kind = (m.label not in ORGS) if tuple(can_hold) == ANY_HOLDER else wanted.index(m.label)
            rank = (0 if suffix is None or m.text.endswith(suffix) else 1, kind)
            if best is None or rank < best[0]:
                best = (rank, i)
            if rank == (0, 0):
                break
    return best[1] if best else None


def _same_body(org: str, role: str) -> bool:
    """Whether a title listed after another at ``org`` is held there too (not a 校长 at a 党委)."""
    rules = role_rules()
    return not org.endswith(tuple(rules["party_bodies"])) or role.endswith(tuple(rules["party_titles"]))


def _add_roles(ex: Extraction, person: int, org: int, role_text: str) -> None:
    """One affiliation per role of ``role_text`` that ``org``'s type can hold."""
    rules = role_rules()
    if role_text.startswith(tuple(rules["not_roles"])) and not role_text.startswith(tuple(rules["not_roles_except"])):
        return
    if any(w in role_text for w in rules["role_breakers"]):
        return
    ev = ex.sentence_evidence(ex.mentions[person].sentence)
    qualifiers = tuple(sorted(rules["qualifiers"], key=len, reverse=True))  # 该院 before 该
    name = ex.mentions[org].text
    names = (name, name[len(gazetteer().place_prefix(name)) :])  # a short name drops the leading place
    parts = [r for part in role_text.split("、") for r in _concurrent(part)]
    for role in parts:
        while role.startswith(qualifiers):
            role = role[next(len(q) for q in qualifiers if role.startswith(q)) :]
        # the holder's short name written into the role (恒远电机生产总监 after 恒远电机股份有限公司),
        # or the body word it ends with (管理处主任 at 岳阳楼景区管理处: 主任)
        short = next((k for k in range(len(role) - 1, 1, -1)
                      if any(n.startswith(role[:k]) or n.endswith(role[:k]) for n in names) and ends_with_title(role[k:])), 0)
        role = role[short:]
        if not role or not ends_with_title(role):
            continue
        if ex.mentions[org].label in holders(role) and _same_body(name, role) and _right_level(ex, org, role):
            ex.relations.append(Relation("affiliation", person, org, role, ev))
        elif org > 0 and ex.mentions[org - 1].end == ex.mentions[org].start and not _same_body(name, role):
            # 东风汽车集团有限公司 + 党委 + 书记、董事长 X: the other titles are the body's that holds the committee
            if ex.mentions[org - 1].label in holders(role):
                ex.relations.append(Relation("affiliation", person, org - 1, role, ev))


def _right_level(ex: Extraction, org: int, role: str) -> bool:
    """A 副省长 holds office in a province, not in the city the article names before: a
    division holding a title of a level (省长, 市长, 县长 …) is of that level."""
    level = next((lv for t, lv in LEVEL_TITLES.items() if role.endswith(t)), None)
    m = ex.mentions[org]
    if level is None or m.label != "PLACE":
        return True
    gaz = gazetteer()
    code = link_place(m.text, "\n".join([ex.article.headline, ex.article.text]), gaz)
    return not code or gaz.name[code].endswith(level)  # a place outside the divisions (纽约) is not judged


def _concurrent(role: str) -> list[str]:
    """董事长兼总经理: two titles held at once, when both sides are titles."""
    parts = role.split("兼")
    return parts if len(parts) > 1 and all(p and ends_with_title(p) for p in parts) else [role]


# --------------------------------------------------------------------------- places


@lru_cache(maxsize=1)
def _location_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ORG + (总部) + 位于 …, and 该公司 + (总部) + 位于 … referring back."""
    rules = role_rules()

    def either(words: Iterable[str]) -> str:
        return "|".join(sorted(map(re.escape, words), key=len, reverse=True))

    tail = rf"(?:的)?(?:{either(rules['located_what'])})?(?:{either(rules['located_words'])})$"
    backref = either(k for k in rules["backref"] if k)
    return re.compile("^" + tail), re.compile(rf"^(?P<ref>{backref}){tail}")


def _stated_locations(ex: Extraction) -> None:
    """华信公司总部位于深圳市, 该公司总部位于…: an organization the text places somewhere."""
    rules = role_rules()
    direct, referring = _location_patterns()
    text = ex.article.text
    ms = ex.mentions
    for j, place in enumerate(ms):
        if place.label != "PLACE" or j == 0:
            continue
        sent_start = ex.sentences[place.sentence][0]
        prev = ms[j - 1]
        if prev.label in ORGS and prev.end >= sent_start and direct.match(text[prev.end : place.start]):
            ex.relations.append(Relation("located_in", j - 1, j, "", ex.sentence_evidence(place.sentence)))
            continue
        clause = _CLAUSE_BREAK.split(text[max(sent_start, prev.end) : place.start])[-1]
        m = referring.match(clause)
        if m:
            types = [t for t in rules["backref"][m.group("ref")] if t in ORGS]
            org = next((i for i in range(j - 1, -1, -1) if ms[i].label in types and ms[i].origin != "byline"), None)
            if org is not None and ms[org].start >= place.start - rules["lookback_chars"]:
                ex.relations.append(Relation("located_in", org, j, "", ex.sentence_evidence(place.sentence)))


def _adjacent_places(ex: Extraction) -> None:
    """岳阳市君山区: a place written right after another lies within it; so does an org."""
    ms = ex.mentions
    for i in range(len(ms) - 1):
        a, b = ms[i], ms[i + 1]
        if a.label == "PLACE" and a.end == b.start and b.label in ("PLACE", *ORGS):
            kind = "part_of" if b.label == "PLACE" else "located_in"
            ex.relations.append(Relation(kind, i + 1, i, "", ex.sentence_evidence(b.sentence)))
