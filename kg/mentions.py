"""Doc entities -> mentions, repaired by how Chinese names are made.

The model cuts names, joins two, types a body as a place, misses a repeat or a name it
read elsewhere; each pass fixes one such reading from the text and the name's parts
(places, legal forms, body words), never from a list of names. The passes for persons
and for companies live in kg.persons and kg.companies; this module runs them in order.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc

from kg.bodies import committee_heads, heads_of_the_level_named, level_committees, level_heads, qualify_bodies
from kg.ingest import ends_sentence, is_furniture, is_page_header
from kg.boundaries import name_breaks, registered_names_after_their_place, repair_boundaries, run_start
from kg.companies import (
    companies_read_as_persons,
    companies_read_as_places,
    company_organs,
    firms_listed_as_such,
    foreign_short_names,
    joined_companies,
    split_owners,
    stock_codes,
    trade_names,
)
from kg.names import (
    BETWEEN_NAMES, LEGAL_FORMS, LEVELS, NUMBERED_SCHOOL, SQUADS, TRADES, all_common, bare_body, bare_company, company_core, first_of_each_two,
    han, in_order, team_core,
)
from kg.nlp.lexicon import Lexicon
from kg.nlp.loading import shipped_lexicon
from kg.persons import headline_only_persons, listed_persons, persons_named_after_titles
from kg.places import TOWN_ENDS, Gazetteer, gazetteer, town_level
from kg.records import ORGS, Extraction, Mention, SentenceOf, lines_at
from kg.roles import (
    CLAUSE_BREAK,
    ROLE_TEXT,
    ZONE_WORDS,
    ends_with_title,
    holders,
    longest_ending,
    public_body_words,
    role_rules,
    shared_title,
    titles,
)


def find_mentions(ex: Extraction, doc: Doc, full: str, sent_of: SentenceOf, words: Lexicon | None = None) -> None:
    """The model's entities as mentions (after the byline mentions ``ex`` holds), each pass
    below repairing what the model read by how names are made; sorted by offset."""
    article = ex.article
    taken = [(m.start, m.end) for m in ex.mentions] + _furniture_lines(full)
    descriptors, events = tuple(role_rules()["descriptors"]), tuple(role_rules()["events"])
    kinds = frozenset(role_rules()["kinds"])
    for ent in doc.ents:
        raw = ent.text
        s = ent.start_char + len(raw) - len(raw.lstrip())
        e = ent.end_char - (len(raw) - len(raw.rstrip()))
        text = full[s:e]
        if e - s < 2 or any(s < b and a < e for a, b in taken):
            continue  # single characters (京, 中) are abbreviations, not names kg can resolve
        if "\n" in text:
            continue  # read across two paragraphs (a short line the page repair left unjoined)
        if ent.label_ in ORGS and (text.startswith(descriptors) or text.endswith(events) or text in kinds):
            head = _place_and_name_before(ex, full, s) if ent.label_ == "COMPANY" and "有限" in text else None
            if head is None:
                continue  # a description referring back (公司办公室 …), an event held (…推进会), a kind (城商行)
            s, text = head.start, full[head.start : e]  # 中国 + 一重 + 集团有限公司: the registered name, whole
            ex.mentions.remove(head)
        ex.mentions.append(Mention(article.id, s, e, text, ent.label_, sent_of[s]))
    words = words or shipped_lexicon()
    _places_read_as_persons(ex, full)
    _zones_read_as_persons(ex, full)
    _brands_read_as_persons(ex, full)
    _names_joined_by_a_dash(ex, full, words)
    joined_companies(ex, words)
    repair_boundaries(ex, full, words)
    split_owners(ex, full, sent_of)
    _split_party_bodies(ex)
    _bodies_referred_back_from_units(ex, full)
    company_organs(ex)
    _titles_read_in(ex, full)
    _teams(ex)
    _bodies_read_as_places(ex, full)
    companies_read_as_places(ex, full, words)
    _defined_aliases(ex, full, sent_of)
    _place_governments(ex, full)
    _divisions_before_their_heads(ex, full, sent_of)
    _place_bodies(ex, full, sent_of)
    _bodies_listed_after_their_committee(ex, full, sent_of)
    _missed_holders(ex, full, sent_of, words)
    _split_party_bodies(ex, companies_only=True)  # again: companies' committees the model missed (华菱湘钢党委)
    _workplaces(ex, full, sent_of)
    _named_bodies_after_places(ex, full, sent_of, words)
    registered_names_after_their_place(ex)  # after: a cooperative read from before its officer
    stock_codes(ex, full, sent_of)
    firms_listed_as_such(ex, full, sent_of, words)
    companies_read_as_persons(ex, words)
    foreign_short_names(ex, words)
    _teams_read_as_persons(ex)
    _repeated_names(ex, full, sent_of, words)
    listed_persons(ex, full, sent_of)
    persons_named_after_titles(ex, full, sent_of, words)
    trade_names(ex, full, sent_of, words)
    _names_written_whole(ex, full)
    _places_run_on(ex, words)
    _places_read_as_one(ex)
    _communities(ex, full, sent_of)
    _squads_named_short(ex)
    level_committees(ex, full, sent_of)
    level_heads(ex, full, sent_of)
    headline_only_persons(ex, full)
    ex.mentions.sort(key=lambda m: (m.start, m.end))
    qualify_bodies(ex, full)
    committee_heads(ex, full, sent_of)  # after: a committee named by its level (县委) is named by now
    heads_of_the_level_named(ex, full, sent_of)
    ex.mentions.sort(key=lambda m: (m.start, m.end))
    _committees_follow_their_bodies(ex)


def _place_and_name_before(ex: Extraction, full: str, start: int) -> Mention | None:
    """The place read right before a registered name's legal form the model read alone, with one
    to three characters of the name between (中国 + 一重 + 集团有限公司), if there is one."""
    place = ex.mentions[-1] if ex.mentions else None
    between = full[place.end : start] if place is not None else ""
    if (place is not None and place.label == "PLACE" and place.origin == "ner" and 1 <= len(between) <= 3
            and all(han(c) and c not in name_breaks() for c in between)):
        return place
    return None


def _furniture_lines(text: str) -> list[tuple[int, int]]:
    """A web page's menus and source or editor lines (责任编辑：X), a page's running header
    (四川日报 2026年12月5日 第1版): what the model finds there is no mention (credits are
    read as bylines, the paper from the header)."""
    return [(pos, pos + len(line)) for pos, line in lines_at(text)
            if (is_furniture(line) or is_page_header(line)) and not ends_sentence(line)]  # a sentence with a date in it is prose


_ALIAS = re.compile(r"[（(](?:(?:以下|下文)?简称|下称)[“\"「『]?(?P<short>[^”\"」』（）()，,。、\s]{2,20})[”\"」』]?[）)]")
# a short name in brackets right after the name: 国际数据公司（IDC）, 北京大学（北大）
_BARE_ALIAS = re.compile(
    r"[（(](?P<short>[A-Z][A-Z&]{1,9}|[A-Z][a-z]+(?: (?:&|[A-Z][A-Za-z]*)){0,4}|[\u4e00-\u9fff]{2,6})[）)]"
)  # 国际数据公司（IDC）, 摩根士丹利（Morgan Stanley）, 北京大学（北大）


_CLAUSE_START = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9（）()·]")


def _defined_aliases(ex: Extraction, full: str, sent_of: SentenceOf) -> None:
    """``华信科技股份有限公司（以下简称“华信科技”）``, ``国际数据公司（IDC）``, ``北京大学（北大）``:
    the text itself says the short name is the organization's. The full name takes the place of what the model tagged there (it may
    have cut it), and every use of the short name in the article is a mention of it,
    whatever the model made of it (宁德时代 read as the place 宁德)."""
    suffixes: dict[str, str] = role_rules()["holder_suffixes"]
    found = sorted([*_ALIAS.finditer(full), *_BARE_ALIAS.finditer(full)], key=lambda m: m.start())
    for m in found:
        k, short = m.start(), m.group("short")
        # an organization's, or a person's name in letters (傅里（Guillaume Faury）)
        before = [i for i, x in enumerate(ex.mentions) if x.end == k and x.origin != "byline"
                  and (x.label in ORGS or (x.label == "PERSON" and m.re is _BARE_ALIAS and short.isascii() and " " in short))]
        if m.re is _BARE_ALIAS and not (
            before and (short.isascii() or (in_order(short, ex.mentions[before[0]].text) and short != ex.mentions[before[0]].text))
        ):
            continue  # a bare bracket names the name before it only as its letters or its characters in order
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
        generic = short in _descriptors()  # （以下简称“公司”）: 公司 stands for the name wherever the text uses it alone
        kept = [(x.start, x.end) for x in ex.mentions if x.origin == "byline" or (generic and not (s <= x.start < k))]
        spans = [(a, b) for a, b in spans if (a, b) == (s, k) or not any(a < e and c < b for c, e in kept)]
        ex.mentions = [
            x for x in ex.mentions if x.origin == "byline" or not any(a < x.end and x.start < b for a, b in spans)
        ]
        for a, b in spans:
            ex.mentions.append(Mention(ex.article.id, a, b, full[a:b], label, sent_of[a], "alias", name if generic and (a, b) != (s, k) else ""))
        if not generic:
            ex.aliases.append((short, name))


@lru_cache(maxsize=1)
def _descriptors() -> frozenset[str]:
    """Words that refer back to a body (公司, 该公司, 集团): no name of one by themselves."""
    return frozenset(role_rules()["descriptors"]) | {"本公司", "本集团", "集团公司", "发行人", "本行"}


def _workplaces(ex: Extraction, full: str, sent_of: SentenceOf) -> None:
    """在武汉明正检验实验室里，总经理 X: where a story stands, a name ending in an organization
    word between 在 and 里 (or a comma) is that organization, when the model missed it."""
    rules = role_rules()
    suffixes: dict[str, str] = rules["holder_suffixes"]
    generic = tuple(rules["generic_starts"]) + tuple(rules["descriptors"])
    gaz = gazetteer()
    for found in _workplace_pattern().finditer(full):
        a, b = found.span("name")
        name = found.group("name")
        ending = longest_ending(name, suffixes)
        if ending is None or len(name) < len(ending) + 3 or name.startswith(generic):
            continue
        if any(w in name for w in rules["role_breakers"]):
            continue
        inside = [m for m in ex.mentions if a < m.end and m.start < b]
        if any(not (m.label == "PLACE" or gaz.candidates(m.text)) or m.start < a or m.end > b for m in inside):
            continue  # the model read something else here; a place name inside the name is the name's (武汉)
        ex.mentions = [m for m in ex.mentions if m not in inside]
        ex.mentions.append(Mention(ex.article.id, a, b, name, suffixes[ending], sent_of[a], "role"))


def _named_bodies_after_places(ex: Extraction, full: str, sent_of: SentenceOf, words: Lexicon) -> None:
    """成立了 + 邵东市 + 杨冲种养专业合作社: a county or city the model read, right before a name of
    its own (its first two characters no word the lexicon knows, or what comes before the
    organization's word not all common words: 锦绣苗绣专业合作社) that ends in an organization's
    word (holder_suffixes) and then its clause or a title, all read as nothing, is that
    organization, named with its place."""
    suffixes: dict[str, str] = role_rules()["holder_suffixes"]
    ends = sorted(suffixes, key=len, reverse=True)
    last = frozenset(w[-1] for w in ends)  # a run holds a suffix only if it holds a suffix's last character
    gaz, stop = gazetteer(), name_breaks()
    generic = tuple(role_rules()["generic_starts"])  # 各 of 拉萨市各大中学校
    for p in list(ex.mentions):
        if p.label != "PLACE" or p.origin != "ner" or not gaz.above_towns(p.text):
            continue
        b = p.end
        while b < len(full) and b - p.end < 14 and han(full[b]) and full[b] not in stop:
            b += 1
        run = full[p.end : b]
        if not last.intersection(run[2:]):
            continue
        cut = max((i + len(w) for w in ends for i in [run.find(w)] if i >= 2), default=0)
        after = full[p.end + cut : p.end + cut + 4]
        word = next((w for w in ends if run[:cut].endswith(w)), "")
        if (cut and (cut == len(run) or after.startswith(titles()))
                and (not words.knows(run[:2]) or not all_common(run[: cut - len(word)].removesuffix("专业"), words))
                and not run.startswith(generic) and not gaz.above_towns(run[:2]) and ex.free(p.end, p.end + cut)):
            ex.mentions[ex.mentions.index(p)] = Mention(p.article, p.start, p.end + cut, full[p.start : p.end + cut],
                                                        suffixes[word], sent_of[p.start], "role")


@lru_cache(maxsize=1)
def _workplace_pattern() -> re.Pattern[str]:
    words = "|".join(sorted(map(re.escape, role_rules()["holder_suffixes"]), key=len, reverse=True))
    return re.compile(rf"在(?P<name>[\u4e00-\u9fff]{{3,20}}?(?:{words}))(?:里|内)?[，,]")


def _titles_read_in(ex: Extraction, full: str) -> None:
    """湘电股份证券 + 事务代表 X: a name the model read on into the first two or three
    characters of a title written after it (证券事务代表) ends before them."""
    for k, m in enumerate(ex.mentions):
        if m.label not in ORGS or m.origin != "ner" or m.text.endswith(public_body_words() + LEGAL_FORMS):
            continue  # 村党支部 + 书记 is no 村党 + 支部书记
        for cut in (3, 2):
            tail = m.text[-cut:]
            title = next((t for t in titles() if len(t) >= cut + 2 and t.startswith(tail) and full.startswith(t[cut:], m.end)), None)
            if title is not None and len(m.text) - cut >= 2:
                ex.mentions[k] = m.spanning(m.start, m.end - cut, full)
                break


def _teams(ex: Extraction) -> None:
    """中南大学湘雅二医院心血管外科团队: a team is a group of the body's people, no body of its own
    (吉首大学支教团队: the university's); the team of a person the article names (X团队 after
    教授 X) is that person's."""
    gaz = gazetteer()
    persons = {m.text for m in ex.mentions if m.label == "PERSON"}
    bodies, units = tuple(role_rules()["holder_suffixes"]), tuple(role_rules()["units"])
    for k, m in enumerate(ex.mentions):
        rest = m.text.removesuffix("团队") if m.label in ORGS and m.origin == "ner" else m.text
        if rest != m.text and len(rest) >= 2:
            # …大学 + 支教 + 团队: what the team does after its body's word is no part of the body's name
            cut = max((rest.rfind(w) + len(w) for w in bodies if w in rest), default=len(rest))
            rest = rest[:cut] if cut >= 2 and not rest.endswith((*bodies, *units)) else rest
            # 沈阳市团队: the city's
            label = "PLACE" if gaz.candidates(rest) else "PERSON" if rest in persons else m.label
            ex.mentions[k] = Mention(m.article, m.start, m.start + len(rest), rest, label, m.sentence)


def _teams_read_as_persons(ex: Extraction) -> None:
    """湘涛主教练 X where the article names 湖南湘涛足球俱乐部: a person's name that is a team's
    or club's name without its place and word for team is that team (its alias)."""
    gaz = gazetteer()
    cores: dict[str, str] = {}
    for m in ex.mentions:
        core, club = team_core(m.text, gaz) if m.label in ORGS else ("", "")
        if club and len(core) >= 2:
            cores.setdefault(core, m.text)
    ex.rename(cores, "ORG")


_WATERSIDE = "港湾岛洲湖矶"


def _places_read_as_persons(ex: Extraction, full: str) -> None:
    """张家界 read as a person where the article writes 张家界市: a person's name that is a
    city's or county's short name, which the article writes whole too, is that place; so is
    a village's name the article writes after its town, and a name ending in 港, 湖, 岛 … right
    after its county or city."""
    gaz = gazetteer()
    after_places = {m.end: m.text for m in ex.mentions if m.label == "PLACE"}
    for m in ex.mentions:
        if m.label == "PERSON" and m.origin == "ner" and any(
                any(not town_level(c) for c in gaz.exact.get(m.text + end, ())) and (m.text + end) in full for end in "市县区州"):
            m.label = "PLACE"
        elif (m.label == "PERSON" and m.origin == "ner" and len(m.text) >= 3 and m.text.endswith("村")
                and any(town + m.text in full for town in "镇乡")):
            m.label = "PLACE"  # 杨冲村, written after its town elsewhere (…仙槎桥镇杨冲村党总支)
        elif (m.label == "PERSON" and m.origin == "ner" and m.text[-1] in _WATERSIDE and m.start in after_places
                and gaz.above_towns(after_places[m.start])):
            m.label = "PLACE"  # 湘潭市 + 竹埠港: a harbour, a lake, an isle written right after its city


def _brands_read_as_persons(ex: Extraction, full: str) -> None:
    """旗下的湘米、湘茶品牌: names read as persons right before a brand's word, or listed before
    one that is, are brands, no persons."""
    brands = tuple(role_rules()["brand_words"])
    ms = sorted(ex.mentions, key=lambda m: m.start)
    drop: set[int] = set()
    for k in range(len(ms) - 1, -1, -1):
        m = ms[k]
        if m.label != "PERSON" or m.origin != "ner":
            continue
        nxt = ms[k + 1] if k + 1 < len(ms) else None
        listed = nxt is not None and id(nxt) in drop and nxt.start == m.end + 1 and full[m.end] in "、和与及"
        if full.startswith(brands, m.end) or listed:
            drop.add(id(m))
    ex.mentions = [m for m in ex.mentions if id(m) not in drop]


_DASHES = "—－-"


def _names_joined_by_a_dash(ex: Extraction, full: str, words: Lexicon) -> None:
    """湖南—东盟 (a fair's, a route's two ends) read as one organization: names joined by a
    dash, neither ending in a body's word, are two names, a place where the gazetteer or the
    lexicon knows one (中国—东盟博览会 stays one: it ends in a body's word)."""
    gaz = gazetteer()
    ends = (*public_body_words(), *LEGAL_FORMS, *role_rules()["holder_suffixes"])
    out: list[Mention] = []
    for m in ex.mentions:
        cut = next((i for i, ch in enumerate(m.text) if ch in _DASHES), -1) if m.label in ORGS and m.origin == "ner" else -1
        left, right = (m.text[:cut], m.text[cut + 1 :]) if cut > 0 else ("", "")
        # two short names of Han characters only (萨克森—安哈尔特州（萨安州）议会 is one body)
        if not (2 <= len(left) <= 6 and 2 <= len(right) <= 6) or not all(map(han, left + right)) or m.text.endswith(ends):
            out.append(m)
            continue
        for a, part in ((m.start, left), (m.start + cut + 1, right)):
            place = gaz.above_towns(part) or words.place(part)
            out.append(replace(m.spanning(a, a + len(part), full), label="PLACE" if place else m.label))
    ex.mentions = out


_CITY_ZONES = (*ZONE_WORDS, "科学城", "科技城", "新区", "自贸区", "保税区")


def _zones_read_as_persons(ex: Extraction, full: str) -> None:
    """张江 + 科学城 read as the person 张江: a person's name written right before a zone's word
    (科学城, 高新区, 产业园) is the zone's name; the zone is the organization."""
    for k, m in enumerate(ex.mentions):
        word = next((w for w in _CITY_ZONES if full.startswith(w, m.end)), None) if m.label == "PERSON" and m.origin == "ner" else None
        if word and ex.free(m.end, m.end + len(word)):
            ex.mentions[k] = replace(m.spanning(m.start, m.end + len(word), full), label="ORG")


@lru_cache(maxsize=1)
def _party_words() -> tuple[str, ...]:
    return tuple(p for p in role_rules()["party_bodies"] if not bare_body(p))  # 党委, not 市委: that is the city's


def _split_party_bodies(ex: Extraction, companies_only: bool = False) -> None:
    """东风汽车集团有限公司党委: the company and its party committee, each a mention (the
    committee's named in full), so that 党委书记、董事长 X can give each its title."""
    rules = role_rules()
    words = _party_words()
    # 省水利厅 + 党组; 省工商业联合会, 省工商联, 省科协 + 党组
    bodies = tuple(rules["holder_suffixes"]) + LEGAL_FORMS + ("局", "厅", "部", "办", "院", "委", "会", "联", "协")
    companies = {m.text for m in ex.mentions if m.label == "COMPANY"}
    gaz = gazetteer()
    out: list[Mention] = []
    for m in ex.mentions:
        word = longest_ending(m.text, words) if m.label in ORGS and m.origin == ("role" if companies_only else "ner") else None
        rest = m.text[: -len(word)] if word else ""
        # a company by its short name the model tagged so with the committee (巴陵石化 + 党委), or
        # that the article names as a company elsewhere (中国电建党委 … 中国电建总经理 X)
        company = m.label == "COMPANY" or rest.endswith(LEGAL_FORMS) or rest in companies
        # 湘钢 + 党委 of 湘潭钢铁集团有限公司; 中国宝武 + 党委 of 中国宝武钢铁集团有限公司 (the name's start)
        prefix = len(rest) >= 3 and not gaz.candidates(rest)  # not a town's committee before its company (薛埠镇 + 党委)
        short = len(rest) >= 2 and any(first_of_each_two(rest, c) or (prefix and c.startswith(rest)) or _kept_short(rest, c, gaz)
                                       for c in companies)
        leveled = len(rest) == 3 and rest[0] in LEVELS  # 省科协 + 党组: a body named by its level
        if (len(rest) < 4 and not short and not leveled) or not ((rest.endswith(bodies) and not companies_only) or company or short):
            out.append(m)
            continue
        out.extend(m.split_at(m.start + len(rest), "COMPANY" if company or short else "ORG", "ORG", m.text))
    ex.mentions = out


def _kept_short(short: str, company: str, gaz: Gazetteer) -> bool:
    """华菱涟钢 of 湖南华菱涟源钢铁有限公司: a short name of four characters or more that keeps the
    first two of the company's core and the rest of its characters in order."""
    core = company_core(company, gaz)
    return len(short) >= 4 and short != core and short[:2] == core[:2] and in_order(short, core)


def _bodies_referred_back_from_units(ex: Extraction, full: str) -> None:
    """江西省儿童医院罕见病诊疗中心 … 该院院长 X: a unit the model read with its body's name,
    when the article refers back to that body (该院, 该校), is the body and the unit, each a
    mention (the unit named in full, a part of the body), so that the title goes to the body."""
    parts_of: dict[str, list[str]] = role_rules()["parts_of"]
    units = tuple(role_rules()["units"])
    last = {w: full.rfind(w) for w in parts_of}  # where each word referring back is written last
    out: list[Mention] = []
    for m in ex.mentions:
        words = [w for w in parts_of if last[w] >= m.end] if m.label == "ORG" and m.origin == "ner" else []
        kinds = [k for w in words for k in parts_of[w] if k in m.text[:-1]]
        cut = max((m.text.rfind(k) + len(k) for k in kinds), default=0)
        if not (3 <= cut and len(m.text) - cut >= 2 and m.text.endswith(units)):
            out.append(m)
            continue
        out.extend(m.split_at(m.start + cut, "ORG", "ORG", m.text))
    ex.mentions = out


def _committees_follow_their_bodies(ex: Extraction) -> None:
    """市体育局 + 党组: a committee split from a body named by its level alone is the
    committee of the body as qualify_bodies named it (福州市体育局党组)."""
    for prev, m in zip(ex.mentions, ex.mentions[1:]):
        if prev.end == m.start and m.refers == prev.text + m.text and prev.name != prev.text:
            m.refers = prev.name + m.text


_QUOTED = re.compile(r"[“\"「『]([\u4e00-\u9fff]{2,8})[”\"」』]")


def _repeated_names(ex: Extraction, full: str, sent_of: SentenceOf, words: Lexicon) -> None:
    """A name the model found is that name wherever the article repeats it, and a company
    given in full is named by its core afterwards (江西洪城水业股份有限公司 … 洪城水业): the
    model misses some of the repeats, and the relations said there (洪城水业董事长 X) with them;
    so is the start of its core in quotes (“果之道”, after 湖南果之道农业科技有限公司).

    Only names unlikely to be anything else are looked for: persons of three characters
    or more, organizations of four or more, cores of four or more that are not a common
    word (建筑工程 of 四川省建筑工程集团总公司 is not a name), and a core without its trade of
    two or three characters that no word is (正泰 of 浙江正泰电器股份有限公司), where it stands
    as a word. A repeat never overlaps a mention.
    """
    gaz = gazetteer()
    forms: dict[str, str] = {}
    cores: list[str] = []
    shorts: set[str] = set()
    brief: set[str] = set()
    whole: dict[str, str] = {}  # a brief short name -> the core it begins
    for m in ex.mentions:
        if m.origin == "byline":
            continue
        if (m.label == "PERSON" and len(m.text) >= 3) or (m.label in ORGS and len(m.text) >= 4):
            forms.setdefault(m.text, m.label)
        if m.label == "COMPANY":
            core = company_core(m.text, gaz)
            cores.append(core)
            if len(core) >= 4 and core != m.text and not words.common(core):
                forms.setdefault(core, m.label)
            trade = longest_ending(core, TRADES)
            short = core[: -len(trade)] if trade else ""  # 山河智能 of 山河智能装备股份有限公司
            if len(short) >= 4 and not words.common(short) and not gaz.candidates(short):
                forms.setdefault(short, m.label)
                shorts.add(short)
            elif len(short) >= 2 and all(map(han, short)) and not words.knows(short) and not gaz.candidates(short):
                forms.setdefault(short, m.label)  # 正泰 of 浙江正泰电器股份有限公司: a word of no other use
                brief.add(short)
                whole.setdefault(short, core)
    quoted = [q for q in _QUOTED.finditer(full) if any(c.startswith(q.group(1)) and c != q.group(1) for c in cores)]
    if not forms and not quoted:
        return
    covered = bytearray(len(full))
    for m in ex.mentions:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    for q in quoted:  # “果之道”总经理 X after 湖南果之道农业科技有限公司: a short name in quotes
        a, b = q.span(1)
        if not any(covered[a:b]):
            covered[a:b] = b"\x01" * (b - a)
            ex.mentions.append(Mention(ex.article.id, a, b, q.group(1), "COMPANY", sent_of[a], "repeat"))
    if not forms:
        return
    pattern = re.compile("|".join(map(re.escape, sorted(forms, key=len, reverse=True))))
    for found in pattern.finditer(full):
        a, b = found.span()
        core = whole.get(found.group(), "")
        while core and b - a < len(core) and b < len(full) and full[b] == core[b - a]:
            b += 1  # 爱尔 + 眼科董事长 X: the short name runs on as its core does (爱尔眼科)
        if found.group() in brief and ((a > 0 and han(full[a - 1]) and full[a - 1] not in BETWEEN_NAMES)
                                       or (b - a == len(found.group()) and words.common(full[b - 1 : b + 1]))):
            continue  # a short name of two or three characters only where it begins a word and ends one
        if any(covered[a:b]):
            # 山河 + 智能 read as a place: a short name of the company is the company
            inside = [m for m in ex.mentions if m.start < b and a < m.end]
            if not (found.group() in shorts and len(inside) == 1 and inside[0].start == a and inside[0].end < b
                    and inside[0].label != "PERSON" and inside[0].origin == "ner"):
                continue
            ex.mentions.remove(inside[0])
        covered[a:b] = b"\x01" * (b - a)
        ex.mentions.append(Mention(ex.article.id, a, b, full[a:b], forms[found.group()], sent_of[a], "repeat"))


def _bodies_read_as_places(ex: Extraction, full: str) -> None:
    """江苏省科技厅 tagged PLACE: a name ending in a public body's word that names no division
    is that body (zones, 开发区 and the like, are left as the model read them), and so is one
    ending in an organization's word with a title after it (…园艺场场长); a school
    named by its number (株洲一中) tagged a company is a body too."""
    gaz = gazetteer()
    words = tuple(w for w in public_body_words() if w not in ZONE_WORDS)
    holders = tuple(w for w in role_rules()["holder_suffixes"] if w not in ZONE_WORDS)
    for m in ex.mentions:
        if m.label == "PLACE" and m.origin == "ner" and m.text.endswith(words) and not gaz.candidates(m.text):
            m.label = "ORG"
        elif (m.label == "PLACE" and m.origin == "ner" and m.text.endswith(holders) and full.startswith(titles(), m.end)
                and not gaz.above_towns(m.text)):
            m.label = "ORG"  # 秀坪园艺场 + 场长 X: a farm holding its head's title (the gazetteer's farms are towns)
        elif m.label == "COMPANY" and NUMBERED_SCHOOL.search(m.text):
            m.label = "ORG"  # 株洲一中 tagged a company: a school named by its number


def _names_written_whole(ex: Extraction, full: str) -> None:
    """车时代电气股份有限公司 where the text reads 株洲中车时代电气股份有限公司, named so in
    the headline: a mention inside a longer name the article has, which the text writes
    whole right there, is that name; the model's other pieces of it there (株洲, a PLACE)
    go. Not when a mention reaches out of it."""
    labels = {m.text: m.label for m in reversed(ex.mentions) if m.label != "PLACE"}  # the first one's label
    longer = sorted(labels, key=len, reverse=True)
    for m in list(ex.mentions):
        if m not in ex.mentions:
            continue  # a piece of a name made whole already
        for name in longer:
            if len(name) <= len(m.text) or m.text not in name:
                continue
            s = m.start - name.index(m.text)
            e = s + len(name)
            touching = [x for x in ex.mentions if x.start < e and s < x.end]
            if s < 0 or full[s:e] != name or any(x.start < s or x.end > e for x in touching):
                continue
            ex.mentions = [x for x in ex.mentions if x not in touching]
            ex.mentions.append(Mention(m.article, s, e, name, labels[name], m.sentence, m.origin))
            break


def _places_run_on(ex: Extraction, words: Lexicon) -> None:
    """建宁街道新建: a place read on into a common word after it (新建, "newly built") is the
    place; not into a word for a body or an area (江西省军区)."""
    gaz = gazetteer()
    for k, m in enumerate(ex.mentions):
        if m.label != "PLACE" or m.origin != "ner" or gaz.candidates(m.text):
            continue
        place = gaz.place_prefix(m.text)
        rest = m.text[len(place) :]
        if (place and place in gaz.exact and 1 < len(rest) <= 2 and words.common(rest)
                and not rest.endswith((*LEVELS, "州", *public_body_words()))):  # 江西省军区 is a body
            ex.mentions[k] = Mention(m.article, m.start, m.start + len(place), place, "PLACE", m.sentence)


def _places_read_as_one(ex: Extraction) -> None:
    """南浔区练市镇 read as one place no division is named: a division and one within it written
    whole, each a mention (南浔区 + 练市镇; 儒林镇 + 大寨村), so that both are linked and the second
    is part of the first."""
    gaz = gazetteer()
    out: list[Mention] = []
    for m in ex.mentions:
        split = None
        if m.label == "PLACE" and m.origin == "ner" and not gaz.candidates(m.text):
            for cut in range(2, len(m.text) - 1):
                # the inner one written whole (练市镇; not 车站 of 韶关车站, a town's short name)
                outer, inner = gaz.candidates(m.text[:cut]), gaz.exact.get(m.text[cut:], [])
                if any(o in gaz.ancestors(i) for i in inner for o, _ in outer):
                    split = cut
                    break
            prefix = gaz.place_prefix(m.text)
            if split is None and prefix in gaz.exact and _COMMUNITY.fullmatch(m.text, len(prefix)):
                split = len(prefix)  # 儒林镇大寨村: the town and its village (the villages are in no table)
        if split is None:
            out.append(m)
            continue
        out.extend(m.split_at(m.start + split, "PLACE", "PLACE"))
    ex.mentions = out


_COMMUNITY = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:社区|村)")


def _communities(ex: Extraction, full: str, sent_of: SentenceOf) -> None:
    """月塘街道 + 钻石社区: a community or village written right after its street or town is a
    place, when the model read nothing there or only the start of it as a place (花桥 of
    花桥社区): the divisions stop at towns; villages the model tags, communities it mostly
    does not."""
    for m in list(ex.mentions):
        if m.label != "PLACE" or not m.text.endswith(TOWN_ENDS):
            continue
        found = _COMMUNITY.match(full, m.end)
        if not found or name_breaks() & set(found.group()):  # 新建 + 的 + 社区 is none
            continue
        a, b = found.span()
        inside = [x for x in ex.mentions if x.start < b and a < x.end]
        # 云集街道 + 花桥 (read as the town 花桥镇) + 社区: the community
        if all(x.label == "PLACE" and x.origin == "ner" and x.start == a and x.end < b for x in inside) and len(inside) <= 1:
            ex.mentions = [x for x in ex.mentions if x not in inside]
            ex.mentions.append(Mention(ex.article.id, a, b, found.group(), "PLACE", sent_of[a], "community"))


def _squads_named_short(ex: Extraction) -> None:
    """湖南女排 … 湖南队主教练 X: in an article that names one squad of a place (女排, 男篮 …),
    the place's 队 is that squad, in this article; with two squads of the place it stays as read."""
    squads: dict[str, set[str]] = {}
    for m in ex.mentions:
        squad = next((s for s in SQUADS if m.text.endswith(s) and len(m.text) > len(s)), None) if m.label in ORGS else None
        if squad:
            squads.setdefault(m.text[: -len(squad)], set()).add(m.text)
    for m in ex.mentions:
        named = squads.get(m.text[:-1], ()) if m.label in ORGS and m.text.endswith("队") and not m.refers else ()
        if len(named) == 1:
            m.refers = next(iter(named))  # in this article only: 中国队 is another team in the next


def _place_governments(ex: Extraction, full: str) -> None:
    """赣州市 + 人民政府关于…的通知: a division the model tagged, written right before its
    government (or court, procuratorate, people's congress), is that body, whatever follows."""
    words = tuple(sorted(role_rules()["place_governments"], key=len, reverse=True))
    gaz = gazetteer()
    for k, m in enumerate(ex.mentions):
        if m.label != "PLACE" or m.origin != "ner" or not gaz.candidates(m.text):
            continue
        word = next((w for w in words if full.startswith(w, m.end)), None)
        if word and ex.free(m.end, m.end + len(word)):
            ex.mentions[k] = replace(m.spanning(m.start, m.end + len(word), full), label="ORG")


_HEAD_OF = re.compile(r"(?:常务)?副?代?(?P<level>[省市县区镇乡州])长$")


def _divisions_before_their_heads(ex: Extraction, full: str, sent_of: SentenceOf) -> None:
    """深圳市南山区 + 区长 + X: a division the model read nothing of, written whole right before
    the title of its head (its level's 长), is a place, and so is the division written before it."""
    gaz = gazetteer()
    for person in [m for m in ex.mentions if m.label == "PERSON"]:
        head = _HEAD_OF.search(full, max(0, person.start - 5), person.start)
        if head is None:
            continue
        end = head.start()
        a = run_start(full, end, most=12)
        found = []
        while end > a:  # the longest division ending here, then the one before it
            start = next((k for k in range(a, end - 1) if full[k:end] in gaz.exact), None)
            if start is None or not ex.free(start, end):
                break
            found.append((start, end))
            end = start
        if found and full[found[0][1] - 1] == head.group("level"):
            for start, end in found:
                ex.mentions.append(Mention(ex.article.id, start, end, full[start:end], "PLACE", sent_of[start]))


_GOVERNING_BODIES = ("街道办事处", "办事处", "管理委员会", "管委会", "人民政府", "政府", "人大主席团", "人大")


def _bodies_listed_after_their_committee(ex: Extraction, full: str, sent_of: SentenceOf) -> None:
    """星沙街道党工委书记、办事处主任 X: the government body of a place (办事处, 管委会, 政府, 人大)
    named by its word alone, listed after a title at the place's party committee, is that
    place's body (星沙街道办事处, 浦市镇人大), the model having read nothing there or the word alone."""
    party = tuple(sorted(role_rules()["party_bodies"], key=len, reverse=True))
    for m in list(ex.mentions):
        word = longest_ending(m.name, party) if m.label == "ORG" else None
        place = m.name[: -len(word)] if word else ""
        if not place:
            continue
        comma = full.find("、", m.end, m.end + 8)
        title = full[m.end : comma] if comma > 0 else ""
        body = next((w for w in _GOVERNING_BODIES if full.startswith(w, comma + 1)), None) if title else None
        if body is None or not ends_with_title(title) or not ROLE_TEXT.match(title):
            continue
        a, b = comma + 1, comma + 1 + len(body)
        read = next((x for x in ex.mentions if (x.start, x.end) == (a, b) and x.label == "ORG" and not x.refers), None)
        if read is not None and full.startswith(titles(), b):
            read.refers = place + body  # 镇党委书记、人大主席 X: the model read 人大 alone
        elif ex.free(a, b) and full.startswith(titles(), b):
            ex.mentions.append(Mention(ex.article.id, a, b, body, "ORG", sent_of[a], "role", place + body))


def _place_bodies(ex: Extraction, full: str, sent_of: SentenceOf) -> None:
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
        if not ROLE_TEXT.match(between) or not ends_with_title(between) or "、" in between:
            continue
        cuts = [m.end() for x in suffixes for m in re.finditer(re.escape(x), between)]  # 农业农村局 | 副局长
        # a title after the body word, else one sharing its last character (国防部 + 长);
        # 南站 + 站长, not 南站站 + 长
        cut = (max((c for c in cuts if c < len(between) and ends_with_title(between[c:])), default=0)
               or max((c for c in cuts if c < len(between) and shared_title(between[:c], between[c:])), default=0))
        if cut:
            label = suffixes[longest_ending(between[:cut], suffixes)]
            if label not in holders(shared_title(between[:cut], between[cut:]) or between[cut:]):
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


def _listed_with_peers(ex: Extraction, full: str, person: Mention, ending: str, role: str) -> bool:
    """Whether ``person``, after ``ending`` + ``role``, is listed right before a company the model
    read that ends the same way, with the same title and a person after it (X、正泰集团董事长 Y)."""
    if full[person.end : person.end + 1] != "、":
        return False
    peer = next((m for m in ex.mentions if m.start == person.end + 1), None)
    return (peer is not None and peer.label == "COMPANY" and peer.text.endswith(ending)
            and full.startswith(role, peer.end) and not ex.free(peer.end + len(role), peer.end + len(role) + 1))


def _missed_holders(ex: Extraction, full: str, sent_of: SentenceOf, lexicon: Lexicon) -> None:
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
        clause = CLAUSE_BREAK.split(full[sent_start : person.start])[-1]
        if clause[:1] in ("日", "月", "年") and full[person.start - len(clause) - 1 : person.start - len(clause)].isdigit():
            clause = clause[1:]  # 11月22日 + 收到…: the date's last character is none of a name
        lo = person.start - len(clause)
        # 省法院院长 X、+ 省检察院检察长 Y: a name listed after another person begins after the mark
        if any(lo < b and a < person.start for a, b in spans):
            prior = max((b for a, b in spans if lo < b and a < person.start and b < person.start), default=lo)
            if full[prior : prior + 1] == "、":
                clause, lo = full[prior + 1 : person.start], prior + 1
        if len(clause) < 5 or not ends_with_title(clause) or any(lo < b and a < person.start for a, b in spans):
            continue
        # the last place an organization word ends with a title after it (农业农村局 | 副局长, not 副局 | 长)
        cut = max((m.end() for sfx in words for m in re.finditer(re.escape(sfx), clause)
                   if m.end() < len(clause) and ends_with_title(clause[m.end() :])), default=0)
        name, role = clause[:cut], clause[cut:]
        listed = name.rfind("、") + 1  # 驻村第一书记、+ 省农业农村厅 + 干部: the body is after the list's mark
        name, lo = name[listed:], lo + listed
        cut -= listed
        ending = longest_ending(name, suffixes)
        if ending is None and name.endswith("部") and role.endswith("部长"):
            ending, suffixes = "部", {**suffixes, "部": "ORG"}  # 农业农村部 + 副部长: a ministry, its head's title shares 部
        if ending is None and (gazetteer().place_prefix(name) or bare_body(name)):  # 沙雅县农业农村局, 县农业农村局
            ending = longest_ending(name, place_words)
            suffixes = {**suffixes, **place_words}
        # a level's bureau (县农业农村局 + 局长) is a body; a level's committee (市委副书记、市长) is
        # left to the rules for places, which give the city its 市长
        bureau = bare_body(name) and not name.endswith("委") and "、" not in role
        if ending is None or (name.startswith(generic) and not bureau) or "该" in name:
            continue  # (会议由该公司 + 主席 X: 该公司 refers back; no name holds 该)
        core = name[: -len(ending)]
        # a name of two the lexicon does not know: 鑫旺 + 集团 + 董事长 X, 长郡 + 中学 + 校长 X
        trade_name = len(core) == 2 and all(map(han, core)) and not lexicon.knows(core) and not gazetteer().candidates(core)
        # or one listed with companies the model read, each with the same title (传化集团董事长 X、正泰集团董事长 Y)
        listed_with = suffixes[ending] == "COMPANY" and _listed_with_peers(ex, full, person, ending, role)
        if len(name) < len(ending) + 3 and not bureau and not trade_name and not listed_with:
            continue  # 省政府 is a body too: its place is found after (_qualified_bodies)
        if bare_company(name, lexicon) and not listed_with:
            continue  # 收到 + 公司副总裁: common words before a legal form name no company
        if not ROLE_TEXT.match(role) or not ends_with_title(role) or any(w in role for w in joining):
            continue
        if suffixes[ending] not in holders(role):
            continue
        ex.mentions.append(Mention(ex.article.id, lo, lo + cut, name, suffixes[ending], sent_of[lo], "role"))
        spans.append((lo, lo + cut))
