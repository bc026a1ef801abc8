"""Bodies written without their own name: by their level (市政协, 省委书记 X), after a
committee member (市委常委、宣传部部长 X) or after a word that refers back (该院心血管外科):
each mention is given the name of the body it is, from the places and bodies the article
(or its paper) names, so that it is not one 市政协 of every story.
"""

from __future__ import annotations

import re
from typing import Callable

from kg.names import LEVELS, NUMBERED_SCHOOL, all_common, bare_body, han, in_order
from kg.nlp.loading import shipped_lexicon
from kg.places import TOWN_ENDS, gazetteer, link_place
from kg.records import ORGS, Extraction, Mention, SentenceOf
from kg.roles import ROLE_TEXT, ZONE_WORDS, ends_with_title, generic_bodies, holders, longest_ending, public_body_words, role_rules, titles


def qualify_bodies(ex: Extraction, full: str) -> None:
    """The mentions sorted by offset; each pass names one kind of body written without its name."""
    _named_again(ex)
    _bodies_after_bracketed_names(ex, full)
    _qualified_bodies(ex)
    _courts_named_short(ex)
    _listed_bodies_of_one_place(ex, full)
    _committee_departments(ex, full)
    _parts_referred_back(ex, full)
    _units_after_their_company(ex, full)
    _units_of_a_body_named_short(ex)


_BRACKETED_BETWEEN = re.compile(r"[（(][^（）()]{2,12}[）)]")


def _bodies_after_bracketed_names(ex: Extraction, full: str) -> None:
    """株洲高新区（天元区）党工委副书记、管委会主任 X: a body named by its kind alone after a
    place and its other name in brackets is that place's, and so is one of its kind listed
    after the first's title (管委会 here: 株洲高新区管委会)."""
    generic = generic_bodies()
    ms = ex.mentions
    for k, m in enumerate(ms):
        if k == 0 or m.label != "ORG" or m.refers or m.text not in generic:
            continue
        place = ms[k - 1]
        bracket = _BRACKETED_BETWEEN.search(full, place.end, m.start)
        if place.label not in ("PLACE", "ORG") or bracket is None or bracket.end() != m.start:
            continue
        zone = full[place.end : bracket.start()]  # the place, or it and a zone's word the model left out (株洲 + 高新区)
        if not zone or zone in ZONE_WORDS:
            m.refers = full[place.start : bracket.start()] + m.text


def _listed_bodies_of_one_place(ex: Extraction, full: str) -> None:
    """湘江新区党工委委员、管委会副主任 X: a body named by its kind alone, listed after a title at
    a place's body of another kind, is that place's (湘江新区管委会), unless named whole before."""
    ms = ex.mentions
    generic = generic_bodies()
    for k in range(1, len(ms)):
        m, prev = ms[k], ms[k - 1]
        if m.label != "ORG" or m.refers or m.text not in generic or prev.label != "ORG" or prev.sentence != m.sentence:
            continue
        word = longest_ending(prev.name, generic)  # 党工委, not its 委: a kind alone names no place
        between = full[prev.end : m.start]
        if (word and len(prev.name) - len(word) >= 2 and between.endswith("、") and ends_with_title(between[:-1])
                and all(map(han, between[:-1]))):
            m.refers = prev.name[: -len(word)] + m.text


_COMMITTEE = re.compile("[省市县区州]委")
_VILLAGE = re.compile(r"[\u4e00-\u9fff]{1,3}?村")
_BEFORE_A_ROLE = frozenset("由和与及同有是为原前任的请在对向")  # words a role can follow: 由省委书记 X 主持


# a head of government named by the level alone: 省长, 常务副省长, 副市长, 代县长
# (after a break, or a word that stands before a name: 会议由副省长 X 主持, 与市长 X 会谈)
LEVEL_HEAD = re.compile(r"(?:^|(?<=[，,。；;：:、\n（(由与同]))(?:常务)?副?代?(?P<level>[省市县州])长$")
# the same first in a list of titles (副省长、省公安厅厅长 X)
LISTED_HEAD = re.compile(r"(?:^|(?<=[，,。；;：:\n（()） ]))(?:常务)?副?代?(?P<level>[省市县州])长(?=、)")


def level_heads(ex: Extraction, full: str, sent_of: SentenceOf) -> None:
    """省长 X, 常务副省长 X in a provincial paper (named by the page, or by the article's byline
    or dateline): a head of government named by the level alone, with no place before the
    title, is the head of the paper's own division of that level (四川日报: 四川省). The
    level's character becomes a mention of that place (origin "role"), as 本报 is one of the
    paper; nothing is made when the paper names no such place."""
    if "长" not in full:
        return
    gaz = gazetteer()
    # the page's paper, else the one its byline or dateline names (四川日报5月6日讯)
    paper = ex.article.paper or next((m.text for m in ex.mentions if m.origin == "byline" and m.label in ORGS
                                      and gaz.place_prefix(m.text)), "")
    prefix = gaz.place_prefix(paper) if paper else ""
    code = link_place(prefix, prefix, gaz) if prefix else ""
    if not code:
        return
    level = gaz.name[code][-1]
    for m, head in _heads_before_persons(ex, full):
        if head.group("level") == level:
            _place_at_level(ex, full, sent_of, head, gaz.name[code])


def heads_of_the_level_named(ex: Extraction, full: str, sent_of: SentenceOf) -> None:
    """县长 X in a county's story (县委, 县人大常委会 named from 攸县): a head of government named
    by the level alone is the head of the one place of that level the article's bodies named
    by their level were named from, when the text writes that place only in the bodies' names
    (else the place's mention holds the title); nothing is made when they name none or two.
    After qualify_bodies, beside committee_heads."""
    gaz = gazetteer()
    named: dict[str, set[str]] = {}  # level -> the places its bodies were named from
    for b in ex.mentions:
        if b.label in ORGS and b.refers and b.text[:1] in "省市县":
            prefix = gaz.place_prefix(b.refers)
            if prefix.endswith(b.text[0]) and prefix in gaz.exact:
                named.setdefault(b.text[0], set()).add(prefix)
    if not named:
        return
    written = _places_written(ex)
    for m, head in _heads_before_persons(ex, full):
        places = named.get(head.group("level"), set())
        if (len(places) == 1 and not places & written
                and not any(x.origin == "role" and x.start == head.start("level") for x in ex.mentions)):
            _place_at_level(ex, full, sent_of, head, next(iter(places)))


def _places_written(ex: Extraction) -> set[str]:
    """The divisions the article names as places, by their full names where the name is short (湘西州)."""
    gaz = gazetteer()
    return {gaz.whole_name(m.name) or m.name for m in ex.mentions if m.label == "PLACE"}


def committee_heads(ex: Extraction, full: str, sent_of: SentenceOf) -> None:
    """平江县委副书记、县长 X: a head of government listed after a title at the committee of a
    place the article names only in the committee's name is that place's head; the level's
    character becomes a mention of that place (origin "role"), as in level_heads."""
    gaz = gazetteer()
    named = _places_written(ex)
    for m, head in _heads_before_persons(ex, full):
        if full[head.start() - 1 : head.start()] != "、":
            continue
        committee = next((c for c in reversed(ex.mentions) if c.end < head.start() and c.label in ORGS
                          and head.start() - c.end <= 8 and c.sentence == m.sentence), None)
        # the committee's place, also by its short name (湘西州委: 湘西土家族苗族自治州)
        place = gaz.whole_name(committee.name[:-1]) if committee is not None and committee.name.endswith("委") else ""
        if place and place.endswith(head.group("level")) and place not in named:
            _place_at_level(ex, full, sent_of, head, place)


def _heads_before_persons(ex: Extraction, full: str) -> list[tuple[Mention, re.Match[str]]]:
    """Each person with a head of government's title by the level alone right before it
    (常务副省长 X, 、县长 Y), or first in the list of titles before it (副省长、省公安厅厅长 X), the
    model having read nothing in the title."""
    found = []
    for m in [x for x in ex.mentions if x.label == "PERSON"]:
        head = LEVEL_HEAD.search(full, max(0, m.start - 8), m.start)
        if head is not None and ex.free(head.start(), m.start):
            found.append((m, head))
            continue
        listed = listed_head(full, m.start)
        if listed is not None and ex.free(listed.start(), listed.end()):
            found.append((m, listed))
    return found


def listed_head(full: str, end: int) -> re.Match[str] | None:
    """副省长 of 副省长、省公安厅厅长 + X (X at ``end``): a level's head first in the person's list of
    titles, in its clause, the titles after it ending in one."""
    start = max(0, end - 24)
    breaks = [k for k in range(start, end) if full[k] in "，,。；;：:\n）)"]
    head = LISTED_HEAD.search(full, breaks[-1] + 1 if breaks else start, end)
    rest = full[head.end() + 1 : end] if head is not None else ""
    return head if rest and ends_with_title(rest) and ROLE_TEXT.match(rest) else None


def _place_at_level(ex: Extraction, full: str, sent_of: SentenceOf, head: re.Match[str], place: str) -> None:
    """The level's character of the title a mention of ``place`` (origin "role"), as 本报 is one of the paper."""
    k = head.start("level")
    ex.mentions.append(Mention(ex.article.id, k, k + 1, full[k], "PLACE", sent_of[k], "role", place))


def level_committees(ex: Extraction, full: str, sent_of: SentenceOf) -> None:
    """省委书记 X, 省委常委、成都市委书记 Y: a party committee named by its level alone,
    at the head of a role, is a body (named whole by qualify_bodies from the place the
    article or its paper names). Not where a place's name ends in the level (成都市委 is
    the model's, or no committee of a level at all)."""
    if "委" not in full:
        return
    spans = sorted((m.start, m.end, m.label) for m in ex.mentions)
    for hit in _COMMITTEE.finditer(full):
        s, e = hit.start(), hit.end()
        if any(s < b and a < e for a, b, _ in spans):
            continue
        before = full[s - 1 : s] if s else ""
        if han(before) and before not in _BEFORE_A_ROLE:
            continue  # 衡东县委 (a place's own committee, named), 各区县委 (every county's)
        nxt = next(((a, lab) for a, _, lab in spans if a >= e), None)
        if nxt is None:
            continue
        between = full[e : nxt[0]]
        role = between[:-1] if nxt[1] != "PERSON" and between.endswith("、") else between if nxt[1] == "PERSON" else ""
        if not role or not ROLE_TEXT.match(role) or not ends_with_title(role) or "ORG" not in holders(role):
            continue
        # 省委 + 组织部 + 副部长、…: a department of the committee before the title is the body
        dept = next((role[: i + 1] for i in range(1, min(len(role) - 2, 5))
                     if role[i] in _DEPARTMENT_ENDS and role[i + 1 :] in titles()), "")
        e += len(dept)
        ex.mentions.append(Mention(ex.article.id, s, e, full[s:e], "ORG", sent_of[s], "role"))
        spans.append((s, e, "ORG"))
        spans.sort()


def _named_again(ex: Extraction) -> None:
    """交警大队 after 瑞金市公安局交警大队: a body named again without its place is the one
    the article named whole (words for a kind of body, 管委会, are _qualified_bodies'); so is
    one named after a town, again without the body it is of (灰汤人民法庭)."""
    gaz = gazetteer()
    generic = generic_bodies()
    for k, m in enumerate(ex.mentions):
        if m.label in ORGS and not m.refers and m.text not in generic and not gaz.place_prefix(m.text):
            m.refers = _named_whole_before(ex, k, lambda name: bool(gaz.place_prefix(name))) or ""
        elif m.label in ORGS and not m.refers and m.text not in generic:
            # 宁乡市人民法院灰汤人民法庭 … 灰汤人民法庭: named after a town, again without the court it is of
            m.refers = _named_whole_before(ex, k, lambda name: name.endswith(m.text)) or ""


def _named_whole_before(ex: Extraction, k: int, fits: Callable[[str], bool]) -> str | None:
    """The nearest organization before mention ``k`` whose name ends with its text (管委会 of
    成都高新区管委会), or with the long form it abbreviates (管委会 of …新区管理委员会), and
    that ``fits``."""
    text = ex.mentions[k].text

    def ends_so(name: str) -> bool:
        if name.endswith(text):
            return True
        tail = name[name.rfind(text[0]) :] if text[0] in name else ""  # 管理委员会 for 管委会: its letters in order
        return (len(text) >= 3 and text[0] not in LEVELS and tail.endswith(text[-1]) and len(tail) <= 2 * len(text)
                and in_order(text, tail))  # (县医院 is a level's body, named by its place)

    return next((x.name for x in ex.mentions[:k][::-1] if x.label in ORGS and ends_so(x.name) and x.name != text
                 and fits(x.name)), None)


_DEPARTMENT_ENDS = ("部", "委", "办", "室")  # 宣传部, 政法委, 网信办, 政研室; not a zone's 管委会
_COMMITTEES_BESIDE = ("纪委", "纪工委", "工会", "团委")  # a body's own beside its party committee


def _committee_departments(ex: Extraction, full: str) -> None:
    """省委常委、宣传部部长 X: a department named bare after a member of a party committee is
    that committee's (四川省委宣传部), not one 宣传部 of every story; a body of its own name
    (未来科技城管委会) is not."""
    committees = tuple(role_rules()["party_bodies"])
    gaz = gazetteer()
    for k, (prev, m) in enumerate(zip(ex.mentions, ex.mentions[1:])):
        # before any same-named department the article named whole (县委组织部 … 市委常委、组织部部长)
        if (m.label == "ORG" and prev.label == "ORG" and prev.name.endswith(committees)
                and full[prev.end : m.start] == "常委、" and m.text.endswith(_DEPARTMENT_ENDS)
                and not gaz.place_prefix(m.text) and not m.text.startswith(tuple(LEVELS))):
            m.refers = prev.name + m.text
        # …有限公司党委副书记、纪委书记 X: the discipline commission (or union, youth league) of the
        # body whose committee it is (…有限公司纪委, 株洲市纪委)
        between = full[prev.end : m.start]
        if (m.label == "ORG" and not m.refers and m.text in _COMMITTEES_BESIDE and prev.label == "ORG" and prev.name.endswith(committees)
                and between.endswith("、") and ends_with_title(between[:-1]) and len(between) <= 6):
            owner = prev.name[: -len(longest_ending(prev.name, committees) or "")]
            if not owner and k > 0 and ex.mentions[k - 1].end == prev.start:
                owner = ex.mentions[k - 1].name  # …有限公司 + 党委, read apart
            if owner:
                m.refers = (owner if owner.endswith(("省", "市", "县", "区", "州")) or len(owner) > 3 else prev.name[:-1]) + m.text


def _parts_referred_back(ex: Extraction, full: str) -> None:
    """该院心血管外科主任 X: a part named after a word that refers back to a body (该院) is
    that body's part, the nearest body before whose name has the word's kind (…医院), not
    one 心血管外科 of every story; so is a department named bare (…科) after its kind of body."""
    parts_of: dict[str, list[str]] = role_rules()["parts_of"]
    departments: dict[str, list[str]] = role_rules()["departments"]
    units = tuple(role_rules()["units"])
    gaz = gazetteer()
    for k, m in enumerate(ex.mentions):
        if m.label not in ORGS or m.refers or m.text[:1] in LEVELS:
            continue
        word = next((w for w in sorted(parts_of, key=len, reverse=True) if full[max(0, m.start - len(w)) : m.start] == w), None)
        if word == "公司" and not m.text.endswith(units):
            word = None  # 公司外贸部, …有限公司 + 调度控制中心: a unit; not a name after a company's (…有限公司 + 威戈)
        # a department named bare (心血管外科护士长 X) is the part of the body of its kind named before
        dept = next((d for d in departments if m.text.endswith(d) and len(m.text) <= 6), None) if word is None and m.label == "ORG" else None
        kinds = parts_of[word] if word else departments[dept] if dept else None
        # a part named with its county or city is named whole; a town's short name (普惠 of
        # 普惠金融事业部) is as often a word
        if kinds is None or gaz.above_towns(gaz.place_prefix(m.text)):
            continue
        for x in ex.mentions[:k][::-1]:
            if x.label not in ORGS:
                continue
            ends = [x.name.rfind(kind) + len(kind) for kind in kinds if kind in x.name]
            if not ends and "中学" in kinds and NUMBERED_SCHOOL.search(x.name):
                ends = [len(x.name)]  # 该校 after 株洲市一中: a school named by its number
            if ends:
                body = x.name[: max(ends)]
                if not m.text.startswith(body):
                    m.refers = body + m.text
                break


def _qualified_bodies(ex: Extraction) -> None:
    """市政协, 县农业农村局, 村委会: a body named by its level alone is that level's body of
    a place the article names (as a place, or at the start of an organization's name), the
    nearest before it (南昌市 … 市政协 -> 南昌市政协), else the first after it; outside
    its sentence, a place written whole before one read from a name's short prefix (福州市 …
    福清一中 … 市足球协会: 福州市). Left as it is,
    resolution keeps it to its article (kg.resolve)."""
    gaz = gazetteer()
    context = ex.place_context

    def place_of(m: Mention) -> tuple[str, bool]:
        """The place a mention names, and whether the text names it (not only a name's
        short prefix: 福清 of 福清一中 says less of which 市 is meant than 福州市 does)."""
        if m.text.endswith(("开发区", "高新区", "经开区")):  # a zone's own bureaus: 常德经开区 … 区经济发展局
            return m.text, True
        if m.label == "PLACE":  # a division; a village by its name alone (the divisions stop at towns)
            code = link_place(m.text, context, gaz)
            return (gaz.name[code] if code else m.text if m.text.endswith("村") else ""), True
        prefix = gaz.place_prefix(m.name) if m.label in ORGS else ""  # 本报: the paper's name
        village = _VILLAGE.match(m.name, len(prefix)) if prefix in gaz.exact and prefix.endswith(TOWN_ENDS) else None
        if village and not village.group().endswith(("农村", "乡村")):  # 西渡镇 + 梅花村 + 党总支: the village's body
            return village.group(), True
        if prefix in gaz.exact:  # 平江县人民医院: 平江县
            return prefix, True
        code = link_place(prefix, context, gaz) if prefix else ""  # 湖北日报: 湖北省
        return (gaz.name[code] if code else ""), False

    generic = generic_bodies()
    if not any(m.label in ORGS and not m.refers and (m.text in generic or m.text[:1] in LEVELS or m.text.startswith("街道"))
               for m in ex.mentions):
        return  # most articles name no body by its level alone: no place needs looking up
    # in text order; the paper's own (四川日报 of the byline: 四川省) marked
    places = [(m.start, m.end, m.sentence, *named, m.origin == "byline") for m in ex.mentions if (named := place_of(m))[0]]
    # the divisions that hold the dateline's place (本报杭州11月25日讯 … 省委书记 X: 浙江省委), when no
    # place the article or its paper names is of the level
    dated_in = [gaz.name[a] for m in ex.mentions if m.label == "PLACE" and m.origin == "byline"
                for a in gaz.ancestors(link_place(m.text, context, gaz) or "")]
    for k, m in enumerate(ex.mentions):
        if m.label in ORGS and not m.refers and m.text in generic:
            # 管委会 after 成都高新区管委会 was named: that one (else kept to its article by resolution)
            named = _named_whole_before(ex, k, lambda name: True)
            if named:
                m.refers = named
                continue
        level = bare_body(m.text) if m.label in ORGS and not m.refers else ""
        if not level:
            continue
        before = [(p, sent == m.sentence or written, paper) for s, e, sent, p, written, paper in places if e <= m.start][::-1]
        # a place written after the body decides only in its sentence; unwritten, the paper's place
        # comes before one read from a name's head (省商务厅 on a page of 四川日报 is 四川省's, not that
        # of 浙江华友钴业… named before it or of 广东 a paragraph after)
        after = [(p, sent == m.sentence, paper) for s, e, sent, p, written, paper in places if s >= m.end]
        fits = [(p, sure, paper) for p, sure, paper in before + after if p.endswith(level)]
        named = next((p for p, sure, _ in fits if sure), None) or next((p for p, _, paper in fits if paper), None)
        named = named or (fits[0][0] if fits else None) or next((p for p in dated_in if p.endswith(level)), None)
        if named:
            m.refers = named + m.text[len(level) :]


_COURTS = {"高院": "高级人民法院", "中院": "中级人民法院"}


def _courts_named_short(ex: Extraction) -> None:
    """湖南省高院, 株洲市中院 (and their units, 省高院知识产权审判庭): a division's higher or
    intermediate court written short is that court, named as it names itself."""
    gaz = gazetteer()
    for m in ex.mentions:
        prefix = gaz.place_prefix(m.name) if m.label in ORGS and ("高院" in m.name or "中院" in m.name) else ""
        short = m.name[len(prefix) : len(prefix) + 2]
        if prefix in gaz.exact and short in _COURTS:
            m.refers = prefix + _COURTS[short] + m.name[len(prefix) + 2 :]


def _units_after_their_company(ex: Extraction, full: str) -> None:
    """在长飞光纤光缆股份有限公司，研发中心主任 X: a unit named by its kind alone (common words and
    a unit's word: 研发中心, 技术部) right after a company in its sentence, with only a comma or
    的 between, is that company's unit, not one 研发中心 of every story."""
    words = shipped_lexicon()
    units = tuple(sorted(role_rules()["units"], key=len, reverse=True))
    for prev, m in zip(ex.mentions, ex.mentions[1:]):
        if m.label != "ORG" or m.refers or prev.label != "COMPANY" or prev.sentence != m.sentence:
            continue
        unit = longest_ending(m.text, units)
        field = m.text[: -len(unit)] if unit else ""
        if full[prev.end : m.start] in ("，", ",", "的") and field and all_common(field, words):
            m.refers = prev.name + m.text


def _units_of_a_body_named_short(ex: Extraction) -> None:
    """成都市公安局锦江分局 … 锦江分局刑侦大队: a unit named after the end of a body's name the article
    gave before (down to a body's word: 分局) is that body's unit, named whole."""
    ends = public_body_words()
    tails: dict[str, str] = {}  # each proper end of a body's name named so far, down to a body's word -> the name
    for m in ex.mentions:
        if m.label != "ORG":
            continue
        if not m.refers:
            n = next((n for n in range(len(m.text) - 1, 2, -1) if m.text[:n] in tails), 0)
            if n:
                m.refers = tails[m.text[:n]] + m.text[n:]
        tails.update((m.name[i:], m.name) for i in range(1, len(m.name) - 2) if m.name.endswith(ends))

