"""Doc -> mentions and typed relations, each with the sentence that says so.

Relations are found by small functions over the spaCy ``Doc``'s entities and
sentences; the title words and back-reference rules are data in ``kg/data/``. The
mentions come from kg.mentions (the model's entities, repaired) and the bylines here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from spacy.tokens import Doc

from kg.bodies import LEVEL_HEAD, listed_head
from kg.bylines import (
    AUTHOR_NOTE_LINE,
    THIS_PAPER,
    Byline,
    parse_byline,
    parse_dateline,
    parse_trailing_credits,
)
from kg.ingest import Article, ends_sentence
from kg.mentions import find_mentions
from kg.names import LEGAL_FORMS, LEVEL_TITLES, all_common, company_core, han, surnames
from kg.nlp.lexicon import Lexicon
from kg.nlp.loading import shipped_lexicon
from kg.places import gazetteer, link_place
from kg.records import ORGS, Extraction, Mention, Relation, SentenceOf, Span, lines_at
from kg.roles import (
    ANY_HOLDER,
    CLAUSE_BREAK,
    ROLE_TEXT,
    body_words,
    ends_with_title,
    holders,
    longest_ending,
    public_body_words,
    role_rules,
    serves,
    shared_title,
    titles,
)


def unrepaired(article: Article, doc: Doc, error: Exception) -> Extraction:
    """The article's extraction when kg's rules fail on it: the model's entities as it read
    them, no relations, and why, so that one article never costs the build."""
    full = _text_of(doc, article.text)
    ex = Extraction(article, _sentences(doc, full), failed=f"{type(error).__name__}: {error}")
    sent_of = SentenceOf(ex.sentences)
    ex.mentions = [Mention(article.id, e.start_char, e.end_char, e.text, e.label_, sent_of[e.start_char])
                   for e in doc.ents if e.label_ in (*ORGS, "PERSON", "PLACE") and e.text.strip() == e.text]
    ex.place_hints = [""] * len(ex.mentions)
    return ex


def _named(ex: Extraction, name: str) -> str:
    """The name a short form stands for in this article (湘龙: 湖南湘龙足球俱乐部), to tell the kind of body."""
    return next((full for short, full in ex.aliases if short == name), name)


def extract(article: Article, doc: Doc, words: Lexicon | None = None) -> Extraction:
    """All mentions and relations of one article; ``words`` is the pipeline's lexicon
    (the shipped one when not given), which says which strings are common words."""
    full = _text_of(doc, article.text)
    sentences = _sentences(doc, full)
    ex = Extraction(article, sentences)
    sent_of = SentenceOf(sentences)
    byline_people = _byline_mentions(ex, sent_of)
    find_mentions(ex, doc, full, sent_of, words)
    ex.place_hints = place_hints(ex)  # the mentions are final; the role rules read the links too
    _byline_relations(ex, byline_people)
    _name_under_headline(ex)
    _author_notes(ex)
    _affiliations(ex, words or shipped_lexicon())
    _adjacent_places(ex)
    _stated_locations(ex)
    return ex


def place_hints(ex: Extraction) -> list[str]:
    """Each mention's division code as the article's own text decides it (resolution needs no text later)."""
    gaz = gazetteer()
    context = ex.place_context
    return [link_place(m.name if m.origin == "role" and m.label == "PLACE" else m.text, context, gaz) for m in ex.mentions]


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


def _byline_mentions(ex: Extraction, sent_of: SentenceOf) -> list[tuple[Byline, list[Span], Span | None]]:
    """Mentions for the people and outlets of bylines and datelines, found by position."""
    text = ex.article.text
    found: list[tuple[Byline, list[Span], Span | None]] = []
    ours: Span | None = None  # where the dateline says 本报, as a mention of the paper (its reporters' too)
    for start, line in lines_at(text):
        pos = start + len(line) + 1
        credits = parse_byline(line)
        dl = parse_dateline(line) if credits is None else None
        # credits closing the paragraph, also of a brief whose dateline credits none (本报讯 … 。（记者 X）)
        trailing = parse_trailing_credits(line) if credits is None and (dl is None or not dl.bylines) else None
        if credits is None and trailing is None and dl is None:
            continue
        if dl is not None:
            credits = dl.bylines
            head = start + dl.head
            if dl.outlet == THIS_PAPER and ex.article.paper:
                ours = _add_byline_mention(ex, head, head + len(THIS_PAPER), "ORG", sent_of, ex.article.paper)
            elif dl.outlet and dl.outlet != THIS_PAPER:
                # the outlet and its app or site after a dot (四川日报·川观新闻): one mention, of the outlet
                app = dl.place[len(dl.outlet) :] if dl.place.startswith(dl.outlet) and dl.place[len(dl.outlet) : len(dl.outlet) + 1] in ("·", "•") else ""
                city = next((app[i:] for i in range(2, len(app) - 1) if gazetteer().candidates(app[i:])), "")  # …川观新闻成都
                app = app[: len(app) - len(city)]
                _add_byline_mention(ex, head, head + len(dl.outlet) + len(app), "ORG", sent_of, dl.outlet if app else "")
                if city:
                    k = head + len(dl.outlet) + len(app)
                    _add_byline_mention(ex, k, k + len(city), "PLACE", sent_of)
            if dl.where:
                k = head + len(dl.outlet)
                _add_byline_mention(ex, k, k + len(dl.where), "PLACE", sent_of)
        if trailing is not None:
            start += trailing[0]  # the names are looked for from the brackets on
            credits = trailing[1]
        cursor = start
        for credit in credits or ():
            org_span = None
            if credit.org == THIS_PAPER or (not credit.org and credit.role.startswith(THIS_PAPER)):  # 本报记者 X, 本报通讯员 X
                k = text.find(THIS_PAPER, cursor, pos) if ex.article.paper else -1
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
                    people.append(_add_byline_mention(ex, k, k + len(name), _credited(name), sent_of))
                    cursor = k + len(name)
            found.append((credit, people, org_span))
    return found


# a publicity office's pen name: a place's character, its body's (公安, 法院, 金融 …), 宣传's
_PUBLICITY = re.compile(r"^[\u4e00-\u9fff]{2}宣$")


def _credited(name: str) -> str:
    """PERSON, or ORG for a body credited as a correspondent: a place's name and a public
    body's word (通讯员 武汉外办), or a publicity office's pen name (通讯员 邕公宣, 湘金宣), not
    begun by a surname (李文宣 is a person)."""
    if _PUBLICITY.match(name) and name[0] not in surnames():
        return "ORG"
    return "ORG" if gazetteer().place_prefix(name) and name.endswith(public_body_words()) else "PERSON"


def _add_byline_mention(ex: Extraction, s: int, e: int, label: str, sent_of: SentenceOf, refers: str = "") -> Span:
    """A byline's mention at ``s``-``e``, or the one already there that holds it (the outlet named
    with its app in a dateline, 四川日报·川观新闻, holds the 四川日报 of its credits)."""
    held = next((m for m in ex.mentions if m.origin == "byline" and m.start <= s and e <= m.end and m.label == label), None)
    if held is not None:
        return (held.start, held.end)
    ex.mentions.append(Mention(ex.article.id, s, e, ex.article.text[s:e], label, sent_of[s], "byline", refers))
    return (s, e)


_BARE_CREDIT = "作者"


def _byline_relations(ex: Extraction, found: list[tuple[Byline, list[Span], Span | None]]) -> None:
    where = {(m.start, m.end): i for i, m in enumerate(ex.mentions)}
    # a web page's 作者：X line beside the byline that gives X's title: one credit, the titled one
    titled = {ex.mentions[where[span]].text for credit, people, _ in found if credit.role != _BARE_CREDIT for span in people}
    for credit, people, org_span in found:
        title = credit.role.removeprefix(THIS_PAPER)  # 本报记者: a 记者 of the paper
        role = title + ("（摄影）" if credit.photo and "摄影" not in title else "")
        for span in people:
            m = where[span]
            if credit.role == _BARE_CREDIT and ex.mentions[m].text in titled:
                continue
            ev = ex.sentence_evidence(ex.mentions[m].sentence)
            if ex.mentions[m].label != "PERSON":
                continue  # 通讯员 武汉外办: a body credited is mentioned, but the authors are people
            ex.relations.append(Relation("author", None, m, role, ev))
            if org_span is not None and org_span in where:
                ex.relations.append(Relation("affiliation", m, where[org_span], title, ev))


def _name_under_headline(ex: Extraction) -> None:
    """以创新推动发展 / 曾凡华 / prose: a line that is one person's name, right under the
    headline block of an article that credits no one else, is its author (a commentary)."""
    if any(r.kind == "author" for r in ex.relations) or not ex.article.headline:
        return
    lines = list(lines_at(ex.article.text))
    for k, (_, line) in enumerate(lines[:-1]):
        if line.strip() == ex.article.headline:
            # the name is the line under the headline (read as the sub-headline when it was one)
            start, name = lines[k + 1]
            whole = [i for i, m in enumerate(ex.mentions) if m.label == "PERSON" and m.start == start and m.end == start + len(name)]
            if whole and ends_sentence(lines[k + 2][1] if k + 2 < len(lines) else ""):
                ex.relations.append(Relation("author", None, whole[0], "作者", ex.sentence_evidence(ex.mentions[whole[0]].sentence)))
            return


_AUTHOR_NOTE = re.compile(r"[（(]作者(?:系|为|是|单位\s*[:：])\s*(?P<what>[^（）()]{2,60})[）)]\s*$")


def _author_notes(ex: Extraction) -> None:
    """（作者系…党校经济学教研部教授）, （作者单位：…学院）: where the article's one author
    works, said in a note closing a commentary."""
    authors = {r.tail for r in ex.relations if r.kind == "author"}
    if len(authors) != 1:
        return
    [author] = authors
    text = ex.article.text
    for pos, line in lines_at(text):
        note = _AUTHOR_NOTE.search(line) or AUTHOR_NOTE_LINE.match(line)  # （作者系…）, 作者：X，…
        if note:
            group = "what" if note.re is _AUTHOR_NOTE else "after"
            a, b = pos + note.start(group), pos + note.end(group)
            inside = [i for i, m in enumerate(ex.mentions) if m.label in ORGS and a <= m.start and m.end <= b]
            if inside:
                org = inside[-1]
                rest = text[ex.mentions[org].end : b]
                if rest and ROLE_TEXT.match(rest) and ends_with_title(rest):
                    _add_roles(ex, author, org, rest)  # 党组书记、院长: each title where it is held
                else:
                    ex.relations.append(Relation("affiliation", author, org, "", ex.sentence_evidence(ex.mentions[org].sentence)))


def _affiliations(ex: Extraction, words: Lexicon) -> None:
    """Person-role-organization patterns news uses, over the sentence's mentions."""
    text = ex.article.text
    ms = ex.mentions
    titled: dict[int, tuple[int, str]] = {}  # person -> (organization, role) written before the name
    for j, person in enumerate(ms):
        if person.label != "PERSON" or person.origin == "byline":
            continue
        sent_start = ex.sentences[person.sentence][0]
        listed = listed_head(text, person.start)  # 副省长、省公安厅厅长 X: 副省长 of the level's place too
        if listed is not None:
            level = next((i for i, m in enumerate(ms) if m.origin == "role" and m.label == "PLACE"
                          and m.start == listed.start("level")), None)
            if level is not None:
                ex.relations.append(Relation("affiliation", j, level, listed.group(0), ex.sentence_evidence(person.sentence)))
        prev = j - 1 if j > 0 and ms[j - 1].end <= person.start else None
        # ORG + role + NAME、NAME: the names listed after a title all hold it;
        # ORG + role + NAME、role + NAME: the second title is at the same body
        joiner = _LISTING.match(text, ms[prev].end, person.start) if prev in titled else None
        # (和, 及, 与 list a title too: 董事长 X 和总经理 Y; a name alone after them is no holder of X's title)
        if joiner is not None and (joiner.group() == "、" or joiner.end() < person.start):
            role = text[joiner.end() : person.start]
            org = titled[prev][0]
            if not role:
                titled[j] = titled[prev]
                _add_roles(ex, j, *titled[j])
                continue
            if ROLE_TEXT.match(role) and ends_with_title(role) and _same_body(ms[org].text, role):
                org = _body_of_sibling_units(ex, org, role)
                titled[j] = (org, role)
                _add_roles(ex, j, org, role)
                continue
            place = _committee_of(ex, org) if ROLE_TEXT.match(role) and ends_with_title(role) else None
            if place is not None and _right_level(ex, place, role):  # 澧县县委书记 X、县长 Y: Y is the county's
                titled[j] = (place, role)
                _add_roles(ex, j, place, role)
                continue
        # a level's head named by the level alone (常务副省长 X): the title is the whole of it
        if prev is not None and ms[prev].origin == "role" and ms[prev].label == "PLACE" and len(ms[prev].text) == 1:
            head = LEVEL_HEAD.search(text, max(0, person.start - 8), person.start)
            if head is not None:
                ex.relations.append(Relation("affiliation", j, prev, head.group(0), ex.sentence_evidence(person.sentence)))
                before = text[ms[prev - 1].end : head.start()] if prev > 0 else ""
                if before.endswith("、") and ms[prev - 1].label in ORGS and ROLE_TEXT.match(before[:-1]):
                    _add_roles(ex, j, prev - 1, before[:-1])  # 省委常委、常务副省长 X: 常委 at the committee too
                    _listed_before(ex, j, prev - 1)  # and each title listed before that one
                continue
        # ORG + role + NAME
        if prev is not None and ms[prev].label != "PERSON" and ms[prev].end >= sent_start:
            between = _BRACKETED_NOTE.sub("", text[ms[prev].end : person.start])  # 副县长（挂职）X
            if between.startswith("的") and ms[prev].label in ORGS:
                between = between[1:]  # ORG + 的 + title + NAME (来自华南农业大学的博士研究生 X, …有限公司的总经理 X)
            if between.endswith(("，", ",")) and ms[prev].label in ORGS and text[max(0, ms[prev].start - 2) : ms[prev].start] == "作为":
                between = between[:-1]  # 作为 + ORG + title + ，+ NAME (作为…有限公司董事长，X 认为)
            held = _HOLDING.fullmatch(between) if ms[prev].label in ORGS else None
            between = held.group(1) if held else between  # 在 + ORG + 担任 + title + 的 + NAME
            between = shared_title(ms[prev].text, between) or between  # 美国国防部 + 长: 部长
            if ROLE_TEXT.match(between) and ends_with_title(between) and ms[prev].label in holders(between):
                _add_roles(ex, j, prev, between)
                titled[j] = (prev, between)
                _listed_before(ex, j, prev)
                _referring_role_before(ex, j, prev)
                continue
        # role + NAME, the organization named before (公司负责人 X)
        lo = max(sent_start, ms[prev].end if prev is not None else 0)
        clause = CLAUSE_BREAK.split(text[lo : person.start])[-1]
        if text[person.start - len(clause) - 1 : person.start - len(clause)].isdigit():
            clause = _AGE.sub("", clause)  # 52岁的语文老师 X: the age is no part of the role
            clause = _DATE_END.sub("", clause)  # 于11月22日收到公司副总裁 X …
            clause = _after_words(clause, words)  # … 收到 + 公司副总裁: the verb before the role is none of it
        if clause.startswith("班") and text[person.start - len(clause) - 1 : person.start - len(clause)] in "）)":
            clause = clause[1:]  # 高三（5）+ 班学生 X: the class is no part of the title
        by = clause.find("由")
        if 0 < by <= 4 and words.common(clause[:by]) and clause.startswith(("该", "本"), by + 1):
            clause = clause[by + 1 :]  # 会议 + 由 + 该公司主席 X: who the meeting was chaired by
        if clause and ROLE_TEXT.match(clause) and ends_with_title(clause):
            named = _named_prefix(ex, j, clause)
            if named is not None:
                org, clause = named
                _add_roles(ex, j, org, clause)
                titled[j] = (org, clause)
                continue
            org = _refer_back(ex, j, clause) if not _names_its_own_body(ex, j, clause, words) else None
            if org is not None:
                _add_roles(ex, j, org, clause)
                titled[j] = (org, clause)
                continue
        # NAME，ORG + role; NAME（ORG + role）; NAME 担任 ORG + role, 任命 NAME 为 ORG + role
        nxt = j + 1 if j + 1 < len(ms) else None
        # 聘任 X 先生为 …; X（女，…有限公司员工）
        joined = _PERSON_NOTE.sub("（", _HONORIFIC.sub("", text[person.end : ms[nxt].start])) if nxt is not None else ""
        if nxt is not None and ms[nxt].label != "PERSON" and joined in _joins():
            role = _post_title(ex, nxt)
            if joined in _COPULAS and role.startswith("的"):
                role = _without_qualifiers(role[1:])  # 李明是湖南大学的教授: the title after 的
            after = nxt + 1 if nxt + 1 < len(ms) else None
            if after is not None and ms[after].label == "PERSON" and ms[after].start == ms[nxt].end + len(role):
                continue  # 王明，华信科技总经理李强: the title is the next name's
            if role and ms[nxt].label in holders(role):
                _add_roles(ex, j, nxt, role)
                _listed_posts(ex, j, nxt, ms[nxt].end + len(role))
                if joined in ("，", ","):  # and the posts after it between commas
                    _posts_between_commas(ex, j, _past_listed(ex, nxt + 1))
                if joined in role_rules()["appointed"]:
                    # 选举 A、B、C 为 市政协副主席: the names listed before hold it too
                    k = j
                    while k > 0 and ms[k - 1].label == "PERSON" and text[ms[k - 1].end : ms[k].start] == "、":
                        k -= 1
                        _add_roles(ex, k, nxt, role)
                continue
        # 聘任 NAME（先生）为公司总经理: a title after an appointing word that refers back to the body named before
        appointed = _APPOINTED_TO.match(text, person.end)
        if appointed is not None and (nxt is None or ms[nxt].start >= appointed.end()):
            role = appointed.group("role")
            org = _refer_back(ex, j, role) if ends_with_title(role) and not _names_its_own_body(ex, j, role, words) else None
            if org is not None:
                _add_roles(ex, j, org, role)
                titled[j] = (org, role)
                continue
        # ORG + NAME + title (清华大学化学系张明远教授团队)
        if prev is not None and ms[prev].label in ORGS and ms[prev].end == person.start and ms[prev].origin != "byline":
            title = next((t for t in role_rules()["titles_after_names"] if text.startswith(t, person.end)), "")
            if title and ms[prev].label in holders(title):
                _add_roles(ex, j, prev, title)
                continue
        _current_post(ex, j)


def _listed_posts(ex: Extraction, person: int, k: int, end: int) -> None:
    """X，湖南农业大学教授、中国工程院院士: each body and title listed after the first post
    the sentence gives the person is held too."""
    text, ms = ex.article.text, ex.mentions
    while k + 1 < len(ms) and text[end : end + 1] == "、" and ms[k + 1].start == end + 1 and ms[k + 1].label in ORGS:
        k += 1
        role = _post_title(ex, k)
        if not role or ms[k].label not in holders(role):
            return
        _add_roles(ex, person, k, role)
        end = ms[k].end + len(role)


def _post_title(ex: Extraction, k: int) -> str:
    """The title after organization ``k``, up to the next organization listed (教授、中国工程院院士)."""
    ms, text = ex.mentions, ex.article.text
    listed = k + 1 < len(ms) and ms[k + 1].label in ORGS and text[ms[k + 1].start - 1 : ms[k + 1].start] == "、"
    return _title_after(text, ms[k].end, ms[k + 1].start - 1 if listed else None)


def _title_after(text: str, end: int, limit: int | None = None) -> str:
    """The longest title written right after an organization's name ending at ``end``, or ''."""
    role = CLAUSE_BREAK.split(text[end : end + 16 if limit is None else min(end + 16, limit)])[0]
    return next((role[:k] for k in range(len(role), 0, -1) if ends_with_title(role[:k])), "")


_NOW_HOLDS = ("现任", "现为", "现担任", "目前担任")


def _current_post(ex: Extraction, j: int) -> None:
    """林海生，1968年生，海南文昌人，现任海南椰风食品股份有限公司董事长: a sentence about a
    person that says what post they hold now; no other person named between."""
    text, ms = ex.article.text, ex.mentions
    if any(ms[i].label == "PERSON" and ms[i].sentence == ms[j].sentence for i in range(j)):
        return  # the sentence is about the person it names first
    # a profile: the sentence opens with the name and a comma
    profile = ms[j].start == ex.sentences[ms[j].sentence][0] and text[ms[j].end : ms[j].end + 1] in ("，", ",")
    for k in range(j + 1, len(ms)):
        m = ms[k]
        if m.sentence != ms[j].sentence or m.label == "PERSON":
            return
        if m.label in ORGS and text[max(0, m.start - 4) : m.start].endswith(_NOW_HOLDS):
            role = _title_after(text, m.end)
            after = text[m.end + len(role) : m.end + len(role) + 1]
            if role and m.label in holders(role) and not han(after):  # 现任…主席维克多: the name after holds it
                _add_roles(ex, j, k, role)
            return
        if m.label in ORGS and profile and text[m.start - 1] in ("，", ","):
            # 官春云，1938年生，湖南农业大学教授、中国工程院院士，…: a post standing alone between commas
            _posts_between_commas(ex, j, k)
            return


def _posts_between_commas(ex: Extraction, j: int, k: int) -> None:
    """Each body and title standing alone between commas from mention ``k`` on, in the
    sentence of person ``j`` (王耀南，湖南大学…教授、博士生导师，中国工程院院士。), with the
    bodies and titles listed after each with 、."""
    text, ms = ex.article.text, ex.mentions
    while k < len(ms) and ms[k].label in ORGS and ms[k].sentence == ms[j].sentence and text[ms[k].start - 1] in ("，", ","):
        role = _post_title(ex, k)
        end = ms[k].end + len(role)
        if not role or ms[k].label not in holders(role) or text[end : end + 1] not in ("，", ",", "。", "、", "；", ";"):
            return
        _add_roles(ex, j, k, role)
        _listed_posts(ex, j, k, end)
        k = _past_listed(ex, k + 1)


def _past_listed(ex: Extraction, k: int) -> int:
    """The first mention from ``k`` on that is no body listed with 、 after the one before (_listed_posts reads those)."""
    while k < len(ex.mentions) and ex.mentions[k].label in ORGS and ex.article.text[ex.mentions[k].start - 1] == "、":
        k += 1
    return k


_BRACKETED_NOTE = re.compile(r"[（(][\u4e00-\u9fff]{1,4}[）)]$")  # （挂职）, （兼）, （正处级） after a title
_AGE = re.compile(r"^(?:多|余)?(?:岁|周岁)的?")
_DATE_END = re.compile(r"^(?:日|月|年)")  # after the date's digits


@lru_cache(maxsize=1)
def _qualifiers() -> tuple[str, ...]:
    return tuple(sorted(role_rules()["qualifiers"], key=len, reverse=True))  # 该院 before 该


def _without_qualifiers(text: str) -> str:
    """A role without the words that only qualify it (据, 该院, 在, 经 …), but never cut into a
    title (经理 is no 经 + 理)."""
    while text.startswith(_qualifiers()):
        rest = text[next(len(q) for q in _qualifiers() if text.startswith(q)) :]
        if ends_with_title(text) and not ends_with_title(rest):
            break
        text = rest
    return text


def _names_its_own_body(ex: Extraction, j: int, clause: str, words: Lexicon) -> bool:
    """费大厨辣椒炒肉创始人 X: a role whose words before its title are a name the model read
    nowhere (no common words, no word that refers back, not the short name of a body named
    before: 华星生物生产总监 after 华星生物传感股份有限公司), or a company named by what it does
    (索道运营公司副经理), names a body of its own: it refers back to none named before."""
    rules = role_rules()
    body = _without_qualifiers(clause).split("、")[0]
    body = body[: -len(longest_ending(body, titles()) or "")]
    firm = body.removesuffix("副").removesuffix("常务")  # (副经理 is 副 + 经理)
    kind = firm.removesuffix("公司") if firm.endswith("公司") else ""
    if (len(kind) >= 2 and not kind.startswith(tuple(k for k in rules["backref"] if k)) and not kind.endswith(LEGAL_FORMS)
            and not any(m.name.endswith(firm) for m in ex.mentions[:j] if m.label in ORGS)):
        return True  # 在天门山景区，索道运营公司副经理 X: a company by what it does, not the one named before
    if len(body) < 4 or body.startswith(tuple(k for k in rules["backref"] if k)) or words.common(body[:2]) or all_common(body, words):
        return False
    gaz = gazetteer()
    named = {n[:2] for m in ex.mentions[:j] if m.label in ORGS for n in (m.name, company_core(m.name, gaz))}
    return body[:2] not in named


def _after_words(clause: str, words: Lexicon) -> str:
    """The role from the first word that refers back to a company (公司, 集团 …) when only a
    common word stands before it (收到 + 公司副总裁); the clause as it is otherwise."""
    keys = [k for k in role_rules()["backref"] if len(k) >= 2]
    at = min((i for k in keys if (i := clause.find(k)) > 0), default=-1)
    if at > 0 and words.common(clause[:at]) and ends_with_title(clause[at:]):
        return clause[at:]
    return clause


_COPULAS = ("是", "系", "是一名", "是一位", "系一名")  # 李明是湖南大学的教授, 张伟系…公司工程师, X是一名…公司的检测员
_LISTING = re.compile("、|以及|和|及|与")
_HOLDING = re.compile("(?:担任|出任|任)([\u4e00-\u9fff]{2,12})的")
_HONORIFIC = re.compile("^(?:先生|女士)(?=[为任担出是系])")
_PERSON_NOTE = re.compile(r"^[（(](?:男|女|\d{1,3}岁)[，,、]")  # a bracket opening with the person's sex or age
# a name's honorific (先生, 女士), an appointing word, and a role referring back (公司总经理, 该行行长)
_APPOINTED_TO = re.compile(r"(?:先生|女士)?(?:为|担任|出任|任)(?P<role>(?:公司|集团|该公司|该行|本公司)[\u4e00-\u9fff]{1,10}?)(?=[，。；、,;]|$)")


@lru_cache(maxsize=1)
def _joins() -> frozenset[str]:
    """What can stand between a name and the organization whose title follows."""
    return frozenset(("，", ",", "、", "（", "(", *_COPULAS, *role_rules()["appointed"]))


def _listed_before(ex: Extraction, person: int, org: int) -> None:
    """村党支部书记、村委会主任 X: each ORG + title listed before the one next to the name (with 、 or
    兼) is the name's too."""
    text, ms = ex.article.text, ex.mentions
    k = org
    while k > 0 and ms[k - 1].label != "PERSON" and ms[k - 1].sentence == ms[person].sentence:
        listed = text[ms[k - 1].end : ms[k].start]
        if not listed:  # 成都市武侯区 + 玉林街道…中心: places written onto the body's name
            k -= 1
            continue
        role = listed[:-1]
        if not listed.endswith(("、", "兼")) or not ROLE_TEXT.match(role) or not ends_with_title(role):
            return  # (兼: …集团总经理助理兼…公司总经理 X holds both)
        if ms[k - 1].label in holders(role):
            _add_roles(ex, person, k - 1, role)
        k -= 1


def _referring_role_before(ex: Extraction, person: int, org: int) -> None:
    """镇党委委员、武装部部长 X: a title whose first words refer back (镇党委, 县委, 公司), listed
    before the organization the person's last title is at, is held where it refers to (the
    town named before), as it would be right before the name."""
    text, ms = ex.article.text, ex.mentions
    lo = max(ex.sentences[ms[person].sentence][0], ms[org - 1].end if org > 0 else 0)
    before = CLAUSE_BREAK.split(text[lo : ms[org].start])[-1]
    role = before[:-1].split("、")[-1] if before.endswith("、") else ""
    if not (role and ROLE_TEXT.match(role) and ends_with_title(role)
            and any(k and role.startswith(k) for k in role_rules()["backref"])):
        return
    target = _refer_back(ex, person, role)
    if target is not None and target != org:
        _add_roles(ex, person, target, role)
        dept = ms[org]
        if (ms[target].label == "PLACE" and not dept.refers and len(dept.text) <= 5 and dept.text.endswith(_DEPARTMENTS)
                and not gazetteer().place_prefix(dept.text)):
            dept.refers = ms[target].name + dept.text  # its 武装部: 钱粮湖镇武装部, not one 武装部 of every story


_DEPARTMENTS = ("部", "办", "办公室", "所", "站", "中心")


def _named_prefix(ex: Extraction, j: int, clause: str) -> tuple[int, str] | None:
    """A clause that starts with a name the article tagged elsewhere (华信科技生产总监)."""
    best: tuple[int, str] | None = None
    for i, m in enumerate(ex.mentions):
        if (i != j and m.label != "PERSON" and m.origin != "byline" and clause.startswith(m.text)
                and not (m.origin == "role" and len(m.text) == 1)):  # a level's 省 of 副省长 names nothing elsewhere
            rest = clause[len(m.text) :]
            if rest and ends_with_title(rest) and m.label in holders(rest) and (best is None or len(m.text) > len(clause) - len(best[1])):
                best = (i, rest)
    return best or _started_name(ex, j, clause)


def _started_name(ex: Extraction, j: int, clause: str) -> tuple[int, str] | None:
    """宁德时代副总裁 X where the article named 宁德时代新能源科技股份有限公司: a clause that starts
    with the start of a company's name or of its core (长远锂科 of 湖南长远锂科股份有限公司; three
    characters or more, more than a place), then
    a title, is at that company, the nearest named before."""
    gaz = gazetteer()
    firms = [(i, m.name, company_core(m.name, gaz)) for i, m in reversed(list(enumerate(ex.mentions[:j])))
             if m.label == "COMPANY" and m.origin != "byline"]  # nearest first
    for k in range(len(clause) - 2, 2, -1):
        head, rest = clause[:k], clause[k:]
        if not firms or not ends_with_title(rest) or gaz.place_prefix(head + "_") == head:
            continue
        found = next((i for i, name, core in firms if len(name) > k + 1 and (name.startswith(head) or core.startswith(head))), None)
        if found is not None and "COMPANY" in holders(rest):
            return found, rest
    return None


def _refer_back(ex: Extraction, j: int, clause: str) -> int | None:
    """The mention a bare role refers to: by its first word's rule, a name of the kind that
    word says first, then by type, nearest first."""
    if clause.startswith(_THE_TEAM) and (team := _team_body(ex, j)) is not None:
        return team
    rules = role_rules()
    if clause.startswith(tuple(rules["retired"])):
        return None  # 在医保局服务大厅，退休职工 X: a retiree there, of no body named before
    key = max((k for k in rules["backref"] if clause.startswith(k)), key=len)
    can_hold = holders(clause)
    wanted = [t for t in (can_hold if key == "" else rules["backref"][key]) if t in can_hold]
    suffix = rules["backref_suffix"].get(key)
    # 合作社理事长, 医院院长: a role that starts with a kind of body means a name of that kind
    body = max((w for w in body_words() if clause.startswith(w)), key=len, default=None) if key == "" else None
    body_ends = tuple(rules["body_kinds"].get(body, [body])) if body else ()  # 学校体育老师 X: …小学 too
    # 该院院长 X: a body of the kind 该院 names (…医院, …学院), not a unit of one named nearer (…医院…中心)
    kinds = tuple(rules["parts_of"][key]) if key in rules["parts_of"] else None
    limit = ex.mentions[j].start - rules["lookback_chars"]
    if clause.endswith(tuple(rules["own_sentence_titles"])):  # 学生 X: a school of this sentence only
        limit = max(limit, ex.sentences[ex.mentions[j].sentence][0])
    best: tuple[tuple[int, int], int] | None = None
    for i in range(j - 1, -1, -1):
        m = ex.mentions[i]
        if m.start < limit:
            break
        if (m.label in wanted and m.origin != "byline" and (body is None or m.name.endswith(body_ends)) and serves(clause, _named(ex, m.name), m.label)
                and (kinds is None or m.name.endswith(kinds))):
            if suffix in LEVEL_CHARS and not _of_level(m.name, suffix) and not _division(ex, i).endswith(suffix):
                continue  # 省委书记 X: a province or its body, never the paper or a bureau named nearer
            # a title any body can hold goes to the nearest organization or company, before a place
            kind = (m.label not in ORGS) if key == "" and tuple(can_hold) == ANY_HOLDER else wanted.index(m.label)
            # the person's own sentence first (在X实验室里，总经理 Y: X, not a company of the sentence before)
            rank = (0 if suffix is None or m.text.endswith(suffix) else 1, m.sentence != ex.mentions[j].sentence, kind)
            if best is None or rank < best[0]:
                best = (rank, i)
            if rank == (0, False, 0):
                break
    if best is None:
        return None
    if key in rules["backref_topic"]:
        # the sentence's first company of the same kind: its topic, not the one it bought
        i = best[1]
        same = [k for k in range(i - 1, -1, -1) if ex.mentions[k].sentence == ex.mentions[i].sentence
                and ex.mentions[k].label == ex.mentions[i].label and ex.mentions[k].origin != "byline"
                and (suffix is None or ex.mentions[k].text.endswith(suffix)) == (best[0][0] == 0)]
        return same[-1] if same else i
    return best[1]


_THE_TEAM = ("该团队", "团队")


def _team_body(ex: Extraction, j: int) -> int | None:
    """该团队成员 X: the team is a person's named before (教授 Y 团队), and X is of Y's body."""
    text = ex.article.text
    return next((r.tail for r in reversed(ex.relations) if r.kind == "affiliation" and r.head < j
                 and text.startswith("团队", ex.mentions[r.head].end)), None)


LEVEL_CHARS = frozenset(LEVEL_TITLES.values())  # 省 市 县 区 州 镇 乡
_LEVEL_ENDS = ("省", "市", "县", "区", "州", "盟", "旗", "镇", "乡")  # how division names end


def _division(ex: Extraction, i: int) -> str:
    """The administrative division mention ``i`` names in this article, or ''."""
    code = ex.place_hints[i]
    return gazetteer().name[code] if code else ""


def _of_level(name: str, level: str) -> bool:
    """A division of that level, or a body named by one (南京市委 is of the 市 level)."""
    return name.endswith(level) or gazetteer().place_prefix(name).endswith(level)


_SECTION_ENDS = ("科", "室", "部", "处", "庭", "系", "组")  # a hospital's or a company's section (not a hospital of a university: 院)


def _body_of_sibling_units(ex: Extraction, org: int, role: str) -> int:
    """麻醉科主任 X、手术室护士长 Y: a title listed after a department's that names a department
    of its own is held at the body both are part of (the hospital named before), not at
    the first department."""
    ms = ex.mentions
    title = longest_ending(role, titles()) or ""
    unit, name = role[: len(role) - len(title)], ms[org].name
    if len(unit) < 2 or not unit.endswith(_SECTION_ENDS) or not name.endswith(_SECTION_ENDS) or name.endswith(unit):
        return org
    return next((i for i in range(org - 1, -1, -1)
                 if ms[i].label in ORGS and len(ms[i].name) < len(name) and name.startswith(ms[i].name)), org)


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
    name = ex.mentions[org].text
    names = (name, name[len(gazetteer().place_prefix(name)) :])  # a short name drops the leading place
    core = company_core(name, gazetteer()) if ex.mentions[org].label == "COMPANY" else ""  # 时代电气 of 株洲中车时代电气…
    parts = [r for part in role_text.split("、") for r in _concurrent(part)]
    right_after = ex.article.text.startswith(role_text, ex.mentions[org].end)  # ORG + role + NAME
    for i, role in enumerate(parts):
        role = _without_qualifiers(role.removeprefix("以及").lstrip("及和与"))  # 教练员 X 及队医 Y: Y's title is 队医
        # the holder's short name written into the role (恒远电机生产总监 after 恒远电机股份有限公司),
        # or the body word it ends with (管理处主任 at 岳阳楼景区管理处: 主任)
        short = next((k for k in range(len(role) - 1, 1, -1)
                      if (any(n.startswith(role[:k]) or n.endswith(role[:k]) for n in names) or (k >= 3 and role[:k] in core)
                          or (role[:k] in LEGAL_FORMS and role[:k] in name)  # 集团董事长 at …集团有限公司
                          or name.endswith(tuple(rules["body_kinds"].get(role[:k], ()))))  # 学校体育老师 at …小学
                      and ends_with_title(role[k:])), 0)
        role = role[short:]
        if not role or not ends_with_title(role):
            continue
        body = role[: -len(longest_ending(role, titles()) or "")]
        # 主任、省优化办主任: a title at another body the text names (省优化办), not at this one;
        # but a committee's own (政法委书记), a company's organ (董事局主席) and a unit after
        # the holder's name or word (公司 + 研究院院长, 隆平高科 + 水稻事业部总经理) are titles there
        if (not short and not (i == 0 and right_after) and len(body) >= 3 and body.endswith(public_body_words()) and not body.endswith(("委", *rules["party_bodies"]))
                and not body.endswith(tuple(rules["company_organs"]))):
            continue
        holder = ex.mentions[org]
        if holder.label in holders(role) and _same_body(name, role) and _right_level(ex, org, role) and serves(role, _named(ex, holder.name), holder.label):
            ex.relations.append(Relation("affiliation", person, org, role, ev))
        elif org > 0 and ex.mentions[org - 1].end == ex.mentions[org].start and not _same_body(name, role):
            # 东风汽车集团有限公司 + 党委 + 书记、董事长 X: the other titles are the body's that holds the committee
            if ex.mentions[org - 1].label in holders(role):
                ex.relations.append(Relation("affiliation", person, org - 1, role, ev))
        elif (not _same_body(name, role) and role.endswith(tuple(LEVEL_TITLES)) and (place := _committee_of(ex, org)) is not None
              and _right_level(ex, place, role)):
            # 市委副书记、市长 X: the 市长 is the city's, when the article names it
            ex.relations.append(Relation("affiliation", person, place, role, ev))


def _committee_of(ex: Extraction, org: int) -> int | None:
    """The mention of the place whose party committee mention ``org`` is (常德市 of 常德市委,
    澧县 of 澧县县委, 湘西州 of 湘西州委), when the article names it."""
    holder = ex.mentions[org]
    if not holder.name.endswith("委"):
        return None
    head = holder.name[:-1]
    gaz = gazetteer()
    places = [p for p in (head, head[:-1]) if p in gaz.exact and (holder.origin == "role" or p == head or head[-1] in LEVEL_CHARS)]
    whole = gaz.whole_name(head) if not places and head[-1:] in LEVEL_CHARS else ""
    places = places or ([whole] if whole else [])  # 湘西州委: 湘西土家族苗族自治州's
    if not places:
        return None
    return next((i for i, m in enumerate(ex.mentions) if m.label == "PLACE" and _division(ex, i) in places), None)


def _right_level(ex: Extraction, org: int, role: str) -> bool:
    """A 副省长 holds office in a province, not in the city the article names before: a
    division holding a title of a level (省长, 市长, 县长 …) is of that level."""
    level = next((lv for t, lv in LEVEL_TITLES.items() if role.endswith(t)), None)
    if level is None:
        return True
    if ex.mentions[org].label != "PLACE":  # of an organization, only the government of that level (南京市人民政府)
        name = ex.mentions[org].name
        return name.endswith("政府") and (name.startswith(level) or _of_level(name[: name.rindex("政府")].removesuffix("人民"), level))
    division = _division(ex, org)
    return not division or division.endswith(level)  # a place outside the divisions (纽约) is not judged


def _concurrent(role: str) -> list[str]:
    """董事长兼总经理: two titles held at once, when both sides are titles."""
    parts = role.split("兼")
    return parts if len(parts) > 1 and all(p and ends_with_title(p) for p in parts) else [role]


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
        clause = CLAUSE_BREAK.split(text[max(sent_start, prev.end) : place.start])[-1]
        m = referring.match(clause)
        if m:
            types = [t for t in rules["backref"][m.group("ref")] if t in ORGS]
            org = next((i for i in range(j - 1, -1, -1) if ms[i].label in types and ms[i].origin != "byline"), None)
            if org is not None and ms[org].start >= place.start - rules["lookback_chars"]:
                ex.relations.append(Relation("located_in", org, j, "", ex.sentence_evidence(place.sentence)))


def _adjacent_places(ex: Extraction) -> None:
    """宜昌市夷陵区: a place written right after another lies within it; so does an org. Not
    where the divisions say otherwise: a division lies only in the divisions above it (大众
    read as a place before 安徽 contains nothing)."""
    ms = ex.mentions
    gaz = gazetteer()
    for i in range(len(ms) - 1):
        a, b = ms[i], ms[i + 1]
        if a.label == "PLACE" and a.end == b.start and b.label in ("PLACE", *ORGS):
            inner, outer = ex.place_hints[i + 1], ex.place_hints[i]
            if b.label == "PLACE" and inner and outer not in gaz.ancestors(inner):
                under = [c for c, _ in gaz.candidates(b.text) if outer and outer in gaz.ancestors(c)]
                if len(under) == 1:  # 翠屏区南岸街道: the 南岸街道 of 翠屏区, whatever the rest of the text said
                    ex.place_hints[i + 1] = under[0]
                elif outer or not a.text.endswith(_LEVEL_ENDS):
                    continue  # a division above it, or one the table does not have (旬阳县 before it became 旬阳市)
            kind = "part_of" if b.label == "PLACE" else "located_in"
            ex.relations.append(Relation(kind, i + 1, i, "", ex.sentence_evidence(b.sentence)))
