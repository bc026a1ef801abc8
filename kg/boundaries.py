"""Where a name the model read begins and ends, repaired by how names are written: a
surname cut off a name alone on its line (凡华), a company read as its trade alone
(新能源科技股份有限公司), a company's head cut off (清集团), a part cut from its body
(海南大学 + 食 + 品…学院), a name begun inside its bracketed place (安徽）有限公司) or after it
(北京）体育管理有限公司), or inside a
word (东湘电… of 股东), a province written before a registered name and read as nothing, a
division cut (西湖区 of 东西湖区). Each pass replaces the mentions it repairs; the order is kept.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from kg.names import BETWEEN_NAMES, LEGAL_FORMS, LEVELS, REGISTERED, TRADES, all_common, bare_company, company_core, han, surnames
from kg.nlp.lexicon import Lexicon
from kg.places import gazetteer, link_place, town_level
from kg.records import ORGS, Extraction, Mention
from kg.roles import ends_with_title, generic_bodies, longest_ending, public_body_words, role_rules, titles


def repair_boundaries(ex: Extraction, full: str, words: Lexicon) -> None:
    _transcribed_names(ex, full)
    _latin_titles_read_into_names(ex)
    _latin_brands_cut_off(ex, full)
    _bodies_acting_together(ex)
    _bodies_begun_at_their_word(ex, full, words)
    _surnames_cut(ex, full)
    _surnames_left_on_titles(ex, full)
    _given_names_cut(ex, full, words)
    _adverbs_read_into_names(ex)
    _titles_read_into_persons(ex)
    _words_read_as_persons(ex, full, words)
    _note_verbs_cut(ex, full)
    _bureaus_cut_at_and(ex, full, words)
    _bureaus_after_unread_places(ex, full, words)
    _units_joined_by_and(ex, full, words)
    _fields_joined_before_bodies(ex, full, words)
    _offices_in_places(ex, full, words)
    _cut_heads(ex, full)
    _heads_cut_at_a_line_start(ex, full)
    _levels_cut_off(ex, full)
    _trades_cut_off(ex, full)
    _bare_trades_headed(ex, full, words)  # after: 工 + 股份有限公司 headed to 重工… may be a bare trade
    _bare_trades_after_their_place(ex, full, words)
    _parts_cut_off(ex, full, words)
    _bracketed_places(ex, full)
    _bracketed_registered_names(ex, full, words)
    _place_heads(ex, full)
    _places_cut_in_their_body(ex)
    _bodies_after_their_place(ex, words)
    _schools_after_their_place(ex, full)
    _bodies_cut_before_their_word(ex, full)
    _begun_in_a_word(ex, full, words)
    _bodies_begun_inside_a_word(ex, full, words)
    _bodies_begun_inside_a_place(ex, full)
    _clauses_opening_bare_trades(ex, full, words)
    _heads_named_again(ex, full, words)
    _short_names_read_short(ex, full)
    _units_begun_inside_their_companys_name(ex, full)
    _heads_before_their_place(ex, full, words)
    _units_cut_in_their_bodys_name(ex, full)
    _names_cut_where_written_whole(ex, full)
    _cut_places(ex, full)


def run_start(full: str, end: int, stop: frozenset[str] = frozenset(), most: int = 12) -> int:
    """Where the run of Han characters before ``end`` begins: back to a break or a character
    of ``stop``, ``most`` characters at the most."""
    a = end
    while a > 0 and han(full[a - 1]) and full[a - 1] not in stop and end - a < most:
        a -= 1
    return a


def _clause_before(ex: Extraction, full: str, end: int) -> str:
    """The Han characters opening the clause right before ``end`` (ten at the most, back to a
    word that ends before names), when the model read nothing there; else ''."""
    a = run_start(full, end, name_breaks(), 10)
    return full[a:end] if a < end and (a == 0 or not han(full[a - 1])) and ex.free(a, end) else ""


def _officer_after(ex: Extraction, full: str, end: int, most: int) -> bool:
    """Whether a person is named within ``most`` characters after ``end``, a title right before
    the name (…有限公司 + 董事长 + X): a sign that what ends at ``end`` is a body's name."""
    return any(x.label == "PERSON" and end < x.start <= end + most and ends_with_title(full[end : x.start]) for x in ex.mentions)


def _bare_trades_headed(ex: Extraction, full: str, words: Lexicon) -> None:
    """与宁德时代新能源科技股份有限公司: a company read as its trade and legal form alone (no
    name by itself: 新能源 + 科技) begins at a place and a short word before it (宁德 + 时代),
    the model having read nothing there."""
    gaz = gazetteer()
    generic = tuple(role_rules()["generic_starts"])
    for k, m in enumerate(ex.mentions):
        form = longest_ending(m.text, LEGAL_FORMS)
        if m.label != "COMPANY" or m.origin != "ner" or not form or len(m.text) - len(form) < 2 or not bare_company(m.text, words):
            continue
        for size in (4, 3) if len(m.text) - len(form) >= 4 else ():
            head = m.start - size
            lead = full[max(0, head) : m.start]
            place = gaz.place_prefix(lead)
            before = full[head - 1] if head > 0 else ""
            if (head >= 0 and len(place) >= 2 and 1 <= size - len(place) <= 2 and all(map(han, lead))
                    and (not han(before) or before in BETWEEN_NAMES)
                    and ex.free(head, m.start)):
                ex.mentions[k] = m.spanning(head, m.end, full)
                break
        else:
            # 远大 + 科技集团有限公司董事长 X: without a place, a word of two opening the clause,
            # when an officer of the company is named right after it
            head = m.start - 2
            officer = _officer_after(ex, full, m.end, 8)
            # not 这家, nor before a name that begins with its city or county (今天 + 长沙电机有限公司董事长 X)
            if (head >= 0 and all(map(han, full[head : m.start])) and (head == 0 or not han(full[head - 1]))
                    and officer and ex.free(head, m.start) and not full.startswith(generic, head)
                    and not gaz.above_towns(gaz.place_prefix(m.text))):
                ex.mentions[k] = m.spanning(head, m.end, full)


def _bare_trades_after_their_place(ex: Extraction, full: str, words: Lexicon) -> None:
    """泉州 + 恒安新 + 材料科技股份有限公司: a company read as its trade and legal form alone (no
    name by itself), with the place it begins at read alone and up to three characters left
    between them, is named from the place: those characters are its name (字号)."""
    stop = name_breaks() | set(LEVELS)
    places = {m.end: i for i, m in enumerate(ex.mentions) if m.label == "PLACE" and m.origin == "ner"}
    drop: set[int] = set()
    for k, m in enumerate(ex.mentions):
        if m.label != "COMPANY" or m.origin != "ner" or not bare_company(m.text, words):
            continue
        for gap in (1, 2, 3):
            a = m.start - gap
            between = full[max(0, a) : m.start]
            if a < 0 or not all(han(c) and c not in stop for c in between) or not ex.free(a, m.start):
                break
            if a in places and places[a] not in drop:
                drop.add(places[a])
                ex.mentions[k] = m.spanning(ex.mentions[places[a]].start, m.end, full)
                break
    ex.mentions = [m for k, m in enumerate(ex.mentions) if k not in drop]


@lru_cache(maxsize=1)
def _body_or_unit_ends() -> tuple[str, ...]:
    """How a public body's name or a unit's ends (…局, …执法支队, …分局)."""
    return (*public_body_words(), *role_rules()["units"])


def _levels_cut_off(ex: Extraction, full: str) -> None:
    """省高级人民法院院长 X、省 + 人民检察院检察长 Y: a body the model read without the level
    written alone before it (after a comma or at a line's start) is named with that level,
    which then gives it the paper's place as it does the body before it."""
    for k, m in enumerate(ex.mentions):
        if m.label != "ORG" or m.origin != "ner" or m.start < 1 or m.text[0] in LEVELS:
            continue
        level, before = full[m.start - 1], full[m.start - 2 : m.start - 1]
        if (level in "省市县区" and not han(before) and m.text.endswith(_body_or_unit_ends())
                and ex.free(m.start - 1, m.start)):  # a bureau, or a unit such as 市 + …执法支队
            ex.mentions[k] = m.spanning(m.start - 1, m.end, full)


@lru_cache(maxsize=1)
def _trade_at() -> re.Pattern[str]:
    return re.compile("|".join(sorted(TRADES, key=len, reverse=True)))


def _trades_cut_off(ex: Extraction, full: str) -> None:
    """湘佳 + 牧业总经理 X: a company the model read as its core alone, its trade written right
    after (字号 + 行业) and then a title or a clause mark, is named with the trade (燕京啤酒 +
    环保追求… is not). So is one the model typed an organization when the article names the
    company by that core and trade (华联 + 瓷业总经理 X after 湖南华联瓷业股份有限公司)."""
    cores: set[str] | None = None
    for k, m in enumerate(ex.mentions):
        if m.label not in ORGS or m.origin != "ner" or m.text.endswith(LEGAL_FORMS) or m.text.endswith(TRADES):
            continue
        found = _trade_at().match(full, m.end)
        if found is None:
            continue
        trade = found.group()
        after = m.end + len(trade)
        if m.label != "COMPANY" and cores is None:
            cores = {company_core(x.text, gazetteer()) for x in ex.mentions if x.label == "COMPANY"}
        if ((m.label == "COMPANY" or m.text + trade in (cores or ()))
                and (not han(full[after : after + 1]) or full.startswith(titles(), after)) and ex.free(m.end, after)):
            ex.mentions[k] = replace(m.spanning(m.start, m.end + len(trade), full), label="COMPANY")


def _note_verbs_cut(ex: Extraction, full: str) -> None:
    """（作者系 + 江西省社会科学院…）: the verb of an author's note read into the organization
    after it (系江西省社会科学院) is no part of its name."""
    for k, m in enumerate(ex.mentions):
        if m.label in ORGS and m.origin == "ner" and m.text[:1] in "系为是" and full[max(0, m.start - 2) : m.start] == "作者":
            ex.mentions[k] = m.spanning(m.start + 1, m.end, full)


_RANKS = ("国家级", "省级", "市级", "县级")  # 东洞庭湖 + 国家级 + 自然保护区管理局


def _bureaus_cut_at_and(ex: Extraction, full: str, words: Lexicon) -> None:
    """三亚市 + 旅游和 + 文化广电体育局: a public body whose name joins two fields with 和
    (住房和城乡建设局), read from after the 和, is one body with the place and field before it;
    so is one read from after its rank (东洞庭湖 + 国家级 + 自然保护区管理局), or from its rank
    (南洞庭湖 + 省级自然保护区管理局, not the province's body by its level)."""
    ms = ex.mentions
    for k in range(len(ms) - 2, -1, -1):
        place, body = ms[k], ms[k + 1]
        if place.label != "PLACE" or body.label != "ORG" or body.origin != "ner" or not body.text.endswith(public_body_words()):
            continue
        field = full[place.end : body.start - 1]
        joined_by_and = (full[body.start - 1 : body.start] == "和" and 2 <= len(field) <= 6 and all(map(han, field))
                         and not set(field) & BETWEEN_NAMES and not field.endswith(public_body_words()))  # 市政府和科技部: two
        gap = full[place.end : body.start]
        # 武陵源区 + 文化旅游 + 广电体育局: fields run on without 和, the body's own name fields too
        fields = body.text[: -len(longest_ending(body.text, public_body_words()) or "")]
        run_on = (2 <= len(gap) <= 6 and len(fields) >= 2 and all_common(gap, words) and all_common(fields, words)
                  and bool(gazetteer().candidates(place.text)))
        ranked = not gap and body.text.startswith(_RANKS)  # 南洞庭湖 + 省级自然保护区管理局: its rank read with the body
        if joined_by_and or run_on or gap in _RANKS or ranked:
            ms[k : k + 2] = [Mention(place.article, place.start, body.end, full[place.start : body.end], "ORG", place.sentence)]


def _bureaus_after_unread_places(ex: Extraction, full: str, words: Lexicon) -> None:
    """张家界市 + 文化旅游 + 广电体育局党组, the model reading nothing before the bureau: a public
    body is named from a city or county written whole right before it (its fields between
    common words), or by its short name right before the body, the place opening its clause."""
    gaz = gazetteer()
    ends = public_body_words()
    for k, m in enumerate(ex.mentions):
        if m.label != "ORG" or m.origin != "ner" or not m.text.endswith(ends) or gaz.place_prefix(m.text):
            continue
        run = _clause_before(ex, full, m.start)
        if not run:
            continue
        place = next((run[:n] for n in range(min(len(run), 8), 1, -1)
                      if any(not town_level(c) for c in gaz.exact.get(run[:n], ()))), "")
        # or by its short name (娄底 + 经济 + 技术开发区管委会, 岳阳 + 绿色化工高新区管委会; not 新建 + 宫廷部)
        # (a city's or province's short name, or a county's that is no common word)
        place = place or next((run[:n] for n in range(min(len(run), 4), 1, -1)
                               if any(len(c) <= 4 for c, _ in gaz.candidates(run[:n]))
                               or (gaz.above_towns(run[:n]) and not words.common(run[:n]))), "")
        rest = run[len(place) :]
        # the words between are common, the last one perhaps run on into the body (经 + 济技术开发区…)
        runs_on = bool(rest) and (len(rest) == 1 or all_common(rest[:-1], words)) and words.common(rest[-1] + m.text[0])
        if place and (not rest or all_common(rest, words) or runs_on):
            ex.mentions[k] = m.spanning(m.start - len(run), m.end, full)


_FIELDS_AND = re.compile(r"([\u4e00-\u9fff]{2,6}?)[与和]([\u4e00-\u9fff]{2,10})")


def _units_joined_by_and(ex: Extraction, full: str, words: Lexicon) -> None:
    """北京大学 + 地球与 + 空间科学学院, 国家航天局 + 探月与航天工程中心 + 副主任 X, 教育部 + 教师工作和
    师范教育司 + 司长 Y: a unit whose name
    joins two fields with 与 or 和, written right after its organization, is read with it
    whole (a part of it, by its name): the model stops at 与, or reads nothing there. The
    unit ends in a unit's word and is the next organization read, or is followed by a title
    and a name; neither field is a title, a place or a name of its own (北京大学教授与
    中国科学院…: two bodies)."""
    ms = ex.mentions
    units = (*role_rules()["units"], "学院", "研究院", "司")  # 司: a ministry's department (规划财务和法规司), never 公司
    gaz = gazetteer()
    stop = name_breaks()

    def field(text: str) -> bool:
        place = text if gaz.candidates(text) else gaz.place_prefix(text)  # a town's short name (航天) is a word as often
        return (not set(text) & stop and not ends_with_title(text) and not gaz.above_towns(place)
                and not text.startswith(("中国", "国家", "全国")))

    for k in range(len(ms) - 1, -1, -1):
        org = ms[k]
        hit = _FIELDS_AND.match(full, org.end) if org.label in ORGS and org.origin == "ner" else None
        if hit is None or not field(hit.group(1)) or not field(hit.group(2)[:2]):
            continue
        a = hit.start(2)
        inside = [i for i in range(k + 1, len(ms)) if ms[i].start < a]
        if inside and not (len(inside) == 1 and ms[inside[0]].text == hit.group(1) and ms[inside[0]].label != "PERSON"):
            continue  # nothing read in the first field, or the field alone (地球, read as a place)
        after = next((i for i in range(k + 1, len(ms)) if ms[i].start >= a), None)
        if after is None:
            continue
        nxt, end = ms[after], None
        if nxt.start == a and nxt.label in ORGS and nxt.text.endswith(units) and not nxt.text.endswith("公司"):
            end, gone = nxt.end, {*inside, after}  # the unit, read from after 与
        elif nxt.label == "PERSON" and nxt.start <= hit.end(2) + 6 and ex.free(a, nxt.start):
            end = next((e for e in range(a + 3, nxt.start - 1) if full[a:e].endswith(units) and not full[a:e].endswith("公司")
                        and ends_with_title(full[e : nxt.start]) and all(map(han, full[e : nxt.start]))), None)
            gone = set(inside)
        if end is None:
            continue
        ms[k : after + 1] = [org.spanning(org.start, end, full)] + [ms[i] for i in range(k + 1, after + 1) if i not in gone]


def _fields_joined_before_bodies(ex: Extraction, full: str, words: Lexicon) -> None:
    """创新科技及 + 工业局局长 X: a public body whose name joins two fields with 及, 和 or 与, read
    from after the joining word, begins at the first field when that field opens its clause,
    is common words and no body, and the body's head is named right after it; a word
    referring back before the field (该校) is no part of the name, but says whose part it is."""
    stop = name_breaks()
    ends = public_body_words()
    for k, m in enumerate(ex.mentions):
        if m.label != "ORG" or m.origin != "ner" or m.start < 3 or full[m.start - 1] not in "及和与" or not m.text.endswith(ends):
            continue
        opens = run_start(full, m.start - 1, stop, 8)
        a = opens + len(next((w for w in role_rules()["parts_of"] if full.startswith(w, opens)), ""))  # 该校 + 冶金与…学院
        field = full[a : m.start - 1]
        person = ex.mentions[k + 1] if k + 1 < len(ex.mentions) else None
        titled = person is not None and person.label == "PERSON" and ends_with_title(full[m.end : person.start]) and person.start - m.end <= 6
        if (2 <= len(field) <= 6 and (opens == 0 or not han(full[opens - 1])) and all_common(field, words) and not field.endswith(ends)
                and titled and ex.free(a, m.start)):
            ex.mentions[k] = m.spanning(a, m.end, full)


def _offices_in_places(ex: Extraction, full: str, words: Lexicon) -> None:
    """中国石油…有限公司 + 驻 + 哈萨克斯坦 + 代表处, 新华社 + 驻 + 东京记者站: a body's office in
    another place (offices in roles.json) is one organization with the body's name, read
    by the model as the body and a place (whose 代表处 the title after it is not); so is a
    country's or a province's (老挝 + 驻 + 长沙领事馆)."""
    ms = ex.mentions
    offices = tuple(sorted(role_rules()["offices"], key=len, reverse=True))  # 总领事馆 before 领事馆
    for k in range(len(ms) - 2, -1, -1):
        body, where = ms[k], ms[k + 1]
        if body.label not in (*ORGS, "PLACE") or where.start != body.end + 1 or full[body.end] != "驻":
            continue
        if where.label == "PLACE":
            word = next((w for w in offices if full.startswith(w, where.end)), None)
            end = where.end + len(word) if word and ex.free(where.end, where.end + len(word)) else None
        else:
            end = where.end if where.label in ORGS and where.text.endswith(offices) else None
        if end is not None:
            ms[k : k + 2] = [Mention(body.article, body.start, end, full[body.start : end], "ORG", body.sentence)]
    for k, m in enumerate(ms):  # 老挝驻 + 长沙领事馆, the model reading nothing of the country
        if m.label == "ORG" and m.origin == "ner" and m.text.endswith(offices) and full[m.start - 1 : m.start] == "驻":
            a = next((m.start - 1 - n for n in (4, 3, 2) if m.start - 1 - n >= 0 and words.place(full[m.start - 1 - n : m.start - 1])), None)
            if a is not None and ex.free(a, m.start) and (a == 0 or not han(full[a - 1]) or full[a - 1] in BETWEEN_NAMES):
                ms[k] = m.spanning(a, m.end, full)


def _surnames_cut(ex: Extraction, full: str) -> None:
    """凡华 of a line 曾凡华 (a commentary's author under its headline): a line that is one
    character and a name of two the model read is a name of three, that character its surname."""
    for k, m in enumerate(ex.mentions):
        if m.label != "PERSON" or m.origin != "ner" or len(m.text) != 2 or m.start < 1:
            continue
        head = full[m.start - 1]
        line_start = m.start == 1 or full[m.start - 2] == "\n"
        line_end = m.end == len(full) or full[m.end] == "\n"
        if han(head) and line_start and line_end and ex.free(m.start - 1, m.start):
            ex.mentions[k] = m.spanning(m.start - 1, m.end, full)


def _surnames_left_on_titles(ex: Extraction, full: str) -> None:
    """行长 + 植 + 田和男, 员工 + 曾 + 凡明: one character between a title and a name the model
    read, and no word that stands between names, is the name's first character (its surname;
    曾 and 常 are adverbs too, but an adverb cannot stand before a name)."""
    # nor a character that ends a longer title (司令 + 官, 教练 + 员)
    between = name_breaks() | set("兼等暨即") | set("官员长师士人手生家者工")
    said = tuple(role_rules()["speech_verbs"])
    for k, m in enumerate(ex.mentions):
        # 向 stands between names (主任向记者介绍) but is a surname too: 主任 + 向 + 红梅 + 说
        surname = full[m.start - 1 : m.start] == "向" and len(m.text) == 2 and full.startswith(said, m.end)
        if (m.label == "PERSON" and m.origin == "ner" and 2 <= len(m.text) <= 3 and m.start >= 3 and han(full[m.start - 1])
                and (full[m.start - 1] not in between or surname) and full.endswith(titles(), 0, m.start - 1)
                and not full.endswith(titles(), 0, m.start) and ex.free(m.start - 1, m.start)):
            ex.mentions[k] = m.spanning(m.start - 1, m.end, full)


def _given_names_cut(ex: Extraction, full: str, words: Lexicon) -> None:
    """王建 + 国 + 介绍, 许忠 + 建 + 出席: a name of two the model read, then one character and a
    verb of saying or of what officials do, is a name of three, when that character is no adverb (还, 也, 听 …) and makes no word with
    a verb of two."""
    rules = role_rules()
    verbs, adverbs = (*rules["speech_verbs"], *rules["acts_after_names"]), rules["adverbs"]
    for k, m in enumerate(ex.mentions):
        if m.label != "PERSON" or m.origin != "ner" or len(m.text) != 2 or m.end + 1 >= len(full):
            continue
        given, rest = full[m.end], full[m.end + 1 : m.end + 7]
        verb = next((v for v in verbs if rest.startswith(v)), None)
        # 说 makes words with many characters that end given names (文说, 明说): only adverbs
        # (听 of 听说) stop a name before it
        if (verb and han(given) and given not in adverbs and (len(verb) == 1 or not words.common(given + verb))
                and ex.free(m.end, m.end + 1)):
            ex.mentions[k] = m.spanning(m.start, m.end + 1, full)


_TOGETHER = ("联合", "会同", "携手", "协同")  # 消防救援大队 + 联合 + 县应急管理局 + 开展…: two bodies acting


_BODY_CHARS = "厅局委办院部"


def _bodies_begun_at_their_word(ex: Extraction, full: str, words: Lexicon) -> None:
    """省生态环境 + 厅党组书记 X: a body the model began on its body's character (厅 of
    生态环境厅), the clause opening with its level or place and its field in common words
    right before, begins at the level."""
    gaz = gazetteer()
    for k, m in enumerate(ex.mentions):
        if m.label != "ORG" or m.origin != "ner" or m.text[:1] not in _BODY_CHARS or m.start < 3:
            continue
        run = _clause_before(ex, full, m.start)
        head = (run[0] if run[0] in LEVELS else gaz.place_prefix(run)) if run else ""
        field = run[len(head) :]
        if head and field and all_common(field, words):
            ex.mentions[k] = m.spanning(m.start - len(run), m.end, full)


def _bodies_acting_together(ex: Extraction) -> None:
    """新宁县消防救援大队联合县应急管理局: two bodies the model read as one across a verb of acting
    together (联合, 会同) are two, each ending in a body's word (not 联合国, 总工会联合会)."""
    ends = (*public_body_words(), *LEGAL_FORMS, *role_rules()["holder_suffixes"], *role_rules()["units"])
    out: list[Mention] = []
    for m in ex.mentions:
        cut = next((k for w in _TOGETHER for k in [m.text.find(w, 2)] if k > 0), -1) if m.label in ORGS and m.origin == "ner" else -1
        if cut > 0 and m.text[:cut].endswith(ends) and len(m.text) - cut - 2 >= 3 and m.text.endswith(ends):
            word = next(w for w in _TOGETHER if m.text.startswith(w, cut))
            first = replace(m, end=m.start + cut, text=m.text[:cut])
            out += [first, replace(m, start=m.start + cut + len(word), text=m.text[cut + len(word) :])]
        else:
            out.append(m)
    ex.mentions = out


_NAME_DOTS = "·•"
_LONGEST_PART = 8  # characters of one part of a transcribed name after its dot


_LATIN_TITLE = re.compile(r"(?:CEO|CFO|COO|CTO|CIO|CMO|VP|GM)(?=[\u4e00-\u9fff]{2,3}$)")


def _latin_titles_read_into_names(ex: Extraction) -> None:
    """董事长兼 + CEO雷军 read as an organization: a name after a title written in Latin
    letters (CEO, CFO …) is a person, the title no part of it."""
    for k, m in enumerate(ex.mentions):
        title = _LATIN_TITLE.match(m.text) if m.label in ORGS and m.origin == "ner" else None
        if title is not None and m.text[title.end()] in surnames():
            ex.mentions[k] = replace(m, start=m.start + title.end(), text=m.text[title.end() :], label="PERSON")


_LATIN_BRAND = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]+$")


def _latin_brands_cut_off(ex: Extraction, full: str) -> None:
    """OPPO + 广东移动通信有限公司, TCL + 科技集团股份有限公司: a registered name begun with its brand
    in Latin letters, which the model left out, is named whole."""
    for k, m in enumerate(ex.mentions):
        if m.label != "COMPANY" or m.origin != "ner" or not m.text.endswith(LEGAL_FORMS[:3]):
            continue
        brand = _LATIN_BRAND.search(full, max(0, m.start - 12), m.start)
        if brand is not None and ex.free(brand.start(), m.start):
            ex.mentions[k] = m.spanning(brand.start(), m.end, full)


def _transcribed_names(ex: Extraction, full: str) -> None:
    """买买提江 + 江·吐尔逊, 艾尔肯 + ·吐尼亚孜: a transcribed name (阿依努尔·托乎提) the model cut at
    its dot is one name. Two persons that meet at a dot are one; a person followed by a dot
    takes the part after it, up to what follows a name (an adverb or preposition, a verb of
    saying, a title, a break), and not where nothing of the kind ends it within a name's length."""
    rules = role_rules()
    after_name = tuple(rules["speech_verbs"]) + tuple(rules["adverbs"]) + titles()
    persons = sorted((m for m in ex.mentions if m.label == "PERSON"), key=lambda m: m.start)
    for k in range(len(persons) - 1):
        m, n = persons[k], persons[k + 1]
        joint = full[m.end : n.start]
        if joint in _NAME_DOTS and (joint or any(c in _NAME_DOTS for c in m.text + n.text)):
            merged = replace(m, end=n.end, text=full[m.start : n.end])  # the next pair starts from it (three parts)
            ex.mentions[ex.mentions.index(m)] = merged
            ex.mentions.remove(n)
            persons[k + 1] = merged
    taken = [(x.start, x.end) for x in ex.mentions]
    for k, m in enumerate(ex.mentions):
        if m.label != "PERSON" or m.end >= len(full) or full[m.end] not in _NAME_DOTS:
            continue
        a = j = m.end + 1
        while j < len(full) and han(full[j]) and not full.startswith(after_name, j) and j - a <= _LONGEST_PART:
            j += 1
        if a < j <= a + _LONGEST_PART and (j == len(full) or not han(full[j]) or full.startswith(after_name, j)) \
                and not any(m.end < y and x < j for x, y in taken):
            ex.mentions[k] = replace(m, end=j, text=full[m.start : j])


def _adverbs_read_into_names(ex: Extraction) -> None:
    """李静仅 + 电话就拨打了…: a name of three ending in an adverb, whose first two the article
    reads as a person elsewhere, is that name of two."""
    adverbs = role_rules()["adverbs"]
    persons = {m.text for m in ex.mentions if m.label == "PERSON"}
    for k, m in enumerate(ex.mentions):
        if m.label == "PERSON" and m.origin == "ner" and len(m.text) == 3 and m.text[-1] in adverbs and m.text[:2] in persons:
            ex.mentions[k] = replace(m, end=m.end - 1, text=m.text[:2])


def _titles_read_into_persons(ex: Extraction) -> None:
    """长远 + 锂科董秘曾科 read as one person: a person's name read with the words and title
    before it is the name after the title (a surname and one or two characters)."""
    for k, m in enumerate(ex.mentions):
        if m.label != "PERSON" or m.origin != "ner" or len(m.text) < 5:
            continue
        for t in titles():
            i = m.text.find(t, 1)
            name = m.text[i + len(t) :] if i > 0 else ""
            if 2 <= len(name) <= 3 and name[0] in surnames():
                ex.mentions[k] = replace(m, start=m.end - len(name), text=name)
                break


def _words_read_as_persons(ex: Extraction, full: str, words: Lexicon) -> None:
    """审理 + 查明 read as the person 理查明: a name the model began on the last character of a
    common word, whose other characters are a common word too, is two words, no name. Not
    after a title (所长 + 孙火旺) or a word that stands between names (和 + 万春)."""
    keep = []
    for m in ex.mentions:
        a = m.start
        if (m.label == "PERSON" and m.origin == "ner" and len(m.text) in (2, 3) and a > 0
                and full[a - 1] not in BETWEEN_NAMES and not full.endswith(titles(), 0, a)
                and words.common(full[a - 1] + m.text[0]) and words.common(m.text[1:])):
            continue
        keep.append(m)
    ex.mentions = keep


@lru_cache(maxsize=1)
def name_breaks() -> frozenset[str]:
    """Characters that end a word before a name rather than begin it: 和, 与 … and 的, 是, 在 …"""
    return BETWEEN_NAMES | frozenset(role_rules()["clause_words"])


@lru_cache(maxsize=1)
def _not_a_head() -> frozenset[str]:
    """Characters that end a word before a company's name (的, 在, 分 of 分公司, a level)."""
    rules = role_rules()
    words = "子分总母原新老大小中下上该本其这那每各全" + LEVELS + "".join(rules["clause_words"]) + "".join(rules["generic_starts"])
    return frozenset(words)


def _cut_heads(ex: Extraction, full: str) -> None:
    """清集团 in 华清集团董事长 X: a company name of one character before its legal form is
    the model's cut; the character before it, when it is no word that ends there
    (的, 在, 与 …, 分 of 分公司), is the name's head."""
    for k, m in enumerate(ex.mentions):
        form = longest_ending(m.text, LEGAL_FORMS) if m.label in ORGS and m.origin == "ner" else None
        if form is None or len(m.text) - len(form) != 1 or m.start == 0:
            continue
        head = full[m.start - 1]
        if han(head) and head not in _not_a_head() and not any(x.end == m.start for x in ex.mentions):
            ex.mentions[k] = m.spanning(m.start - 1, m.end, full)


def _heads_cut_at_a_line_start(ex: Extraction, full: str) -> None:
    """思科技股份有限公司 of a paragraph opening 蓝思科技股份有限公司、…: a company's registered
    name the model began on a paragraph's second character begins at the first, when that
    character is no word that ends there (该, 在, 与 …)."""
    for k, m in enumerate(ex.mentions):
        if m.label != "COMPANY" or m.origin != "ner" or not m.text.endswith(REGISTERED) or m.start < 1:
            continue
        head = full[m.start - 1]
        if ((m.start == 1 or full[m.start - 2] == "\n") and han(head) and head not in _not_a_head()
                and head not in role_rules()["adverbs"] and ex.free(m.start - 1, m.start)):
            ex.mentions[k] = m.spanning(m.start - 1, m.end, full)


def _cut_places(ex: Extraction, full: str) -> None:
    """西湖区 in 东西湖区副区长 X: a place the model cut is the division whose name the
    characters before it complete, when that division is of a place the article names
    and the cut name is of none (a 西湖区 in two other cities)."""
    gaz = gazetteer()
    context = ex.place_context
    for k, m in enumerate(ex.mentions):
        if m.label != "PLACE" or m.origin != "ner" or link_place(m.text, context, gaz):
            continue
        for cut in (1, 2):
            a = m.start - cut
            longer = full[max(0, a) : m.end]
            if a < 0 or not all(map(han, full[a : m.start])) or not ex.free(a, m.start):
                break
            code = link_place(longer, context, gaz) if longer in gaz.exact else ""
            if code and any(f in context for anc in gaz.ancestors(code) for f in gaz.forms(anc)):
                ex.mentions[k] = m.spanning(a, m.end, full)
                break


def _begun_in_a_word(ex: Extraction, full: str, words: Lexicon) -> None:
    """东湘电集团有限公司 in 控股股东湘电集团有限公司, 设稻虾产业研究院 in 建设…: a company's or
    body's name the model began on the last character of a common word (股东, "shareholder";
    建设, "build") begins after it; not where that
    word is a place (广东 + 东风…) or the name's own first two characters are a word."""
    gaz = gazetteer()
    endings = (*LEGAL_FORMS, *role_rules()["holder_suffixes"])
    for k, m in enumerate(ex.mentions):
        form = longest_ending(m.text, endings) if m.label in ORGS and m.origin == "ner" and m.start > 0 else None
        if form is None or len(m.text) - len(form) < 3:
            continue
        word = full[m.start - 1 : m.start + 1]
        place = gaz.above_towns(word)  # a town's short name (建设) is no sign
        if words.common(word) and not place and not words.common(m.text[:2]):
            ex.mentions[k] = m.spanning(m.start + 1, m.end, full)


def _bodies_begun_inside_a_place(ex: Extraction, full: str) -> None:
    """。开 + 福分局提醒市民: a body the model began on the second character of a county's or
    city's short name (开福 of 开福区) that opens its clause begins at that name."""
    gaz = gazetteer()
    for k, m in enumerate(ex.mentions):
        if (m.label in ORGS and m.origin == "ner" and m.start >= 1 and m.text.endswith(_body_or_unit_ends()) and han(full[m.start - 1])
                and (m.start == 1 or not han(full[m.start - 2])) and ex.free(m.start - 1, m.start)
                and gaz.above_towns(full[m.start - 1 : m.start + 1])):
            ex.mentions[k] = m.spanning(m.start - 1, m.end, full)


def _bodies_begun_inside_a_word(ex: Extraction, full: str, words: Lexicon) -> None:
    """喀什 + 地区文化体育广 + 播电视和旅游局, 湘潭 + 经 + 济技术开发区党工委: a public body the model began
    on the second character of a common word (广播, 经济) begins, whole, at the division read
    right before the words it left out."""
    gaz = gazetteer()
    ends = public_body_words()
    ms = sorted(ex.mentions, key=lambda m: m.start)
    for place, m in zip(ms, ms[1:]):
        if (m.label not in ORGS or m.origin != "ner" or not m.text.endswith(ends) or m.start - place.end < 1
                or place.label != "PLACE" or not gaz.candidates(place.text)):
            continue
        left = full[place.end : m.start]
        if all(map(han, left)) and len(left) <= 12 and words.common(left[-1] + m.text[0]) and not words.common(m.text[:2]):
            ex.mentions.remove(place)
            ex.mentions[ex.mentions.index(m)] = replace(m.spanning(place.start, m.end, full), label="ORG")


def _clauses_opening_bare_trades(ex: Extraction, full: str, words: Lexicon) -> None:
    """中芯国际集成电 + 路制造有限公司 + 联合首席执行官 X: a company read as its trade and legal form
    alone, with an officer named right after it, begins where its clause does (after a
    preposition that opens it: 在), two to eight characters before, the model having read
    nothing there; not at a common word or a word that opens a description (今年, 该, 这家)."""
    generic = tuple(role_rules()["generic_starts"])
    opens = frozenset(role_rules()["adverbs"]) | BETWEEN_NAMES
    for k, m in enumerate(ex.mentions):
        form = longest_ending(m.text, LEGAL_FORMS) if m.label == "COMPANY" and m.origin == "ner" else None
        if not form or "有限" not in form or len(m.text) - len(form) < 2 or not bare_company(m.text, words):
            continue  # a registered name (…有限公司) has its own name before the trade; 英特尔公司 is a name
        head = run_start(full, m.start, frozenset(), 9)
        if full[head : head + 1] in opens:  # 在 + 长飞 + 光纤光缆股份有限公司: the preposition opens the clause
            head += 1
        lead = full[head : m.start]
        officer = _officer_after(ex, full, m.end, 10)
        if (2 <= len(lead) <= 8 and (head == 0 or not (han(full[head - 1]) or full[head - 1].isdigit()) or full[head - 1] in opens) and officer
                and ex.free(head, m.start)
                and not words.common(lead[:2]) and not lead.startswith(generic)):
            ex.mentions[k] = m.spanning(head, m.end, full)


_SHORT_COMPANY = ("公司", "集团")


def _heads_named_again(ex: Extraction, full: str, words: Lexicon) -> None:
    """长飞 + 光纤光缆股份有限公司 … 长飞公司: a registered name the model began after its first two
    to four characters begins with them when the article names the company by them (with 公司
    or 集团, or alone), the model having read nothing there."""
    shorts = {x.text for x in ex.mentions if x.label == "COMPANY"}

    def again(name: str) -> bool:  # written elsewhere too, and a name, not common words (文化旅游)
        return full.count(name) >= 2 and not all_common(name, words)

    for k, m in enumerate(ex.mentions):
        if m.label != "COMPANY" or m.origin != "ner" or not m.text.endswith(LEGAL_FORMS):
            continue
        for size in (4, 3, 2):
            head = full[max(0, m.start - size) : m.start]
            # … or by them and the name's next two, again elsewhere (芒果 + 超媒股份有限公司 … 芒果超媒总经理 X)
            if (len(head) == size and all(map(han, head)) and ex.free(m.start - size, m.start)
                    and (head in shorts or any(head + w in shorts for w in _SHORT_COMPANY) or again(head + m.text[:2]))):
                ex.mentions[k] = m.spanning(m.start - size, m.end, full)
                break


def _short_names_read_short(ex: Extraction, full: str) -> None:
    """爱尔 + 眼科董事长 X after 爱尔眼科医院集团股份有限公司: a company's short name the model cut
    before a title, whose characters up to the title begin the registered name the article
    gives, is named whole (爱尔眼科), not with part of it in the title."""
    names = [x.text for x in ex.mentions if x.label == "COMPANY" and x.text.endswith(LEGAL_FORMS)]
    for k, m in enumerate(ex.mentions if names else ()):
        if m.origin != "ner" or m.text.endswith(LEGAL_FORMS) or not any(x.startswith(m.text) for x in names):
            continue  # (read as a person too: 爱尔 + 眼科董事长)
        for n in (4, 3, 2, 1):
            longer = full[m.start : m.end + n]
            if (all(map(han, full[m.end : m.end + n])) and full.startswith(titles(), m.end + n) and ex.free(m.end, m.end + n)
                    and any(x.startswith(longer) and len(x) > len(longer) for x in names)):
                ex.mentions[k] = replace(m.spanning(m.start, m.end + n, full), label="COMPANY")
                break


def _units_begun_inside_their_companys_name(ex: Extraction, full: str) -> None:
    """华自 + 科技人力资源部经理 X after 湖南华自科技股份有限公司: a unit the model began inside
    the short name (core) of a company the article names, read as nothing before, begins
    with that short name."""
    gaz = gazetteer()
    cores = {company_core(x.text, gaz) for x in ex.mentions if x.label == "COMPANY" and x.text.endswith(LEGAL_FORMS)}
    cores = {c for c in cores if len(c) >= 4}
    for k, m in enumerate(ex.mentions if cores else ()):
        if m.label not in ORGS or m.origin != "ner":
            continue
        for n in (2, 3):
            a = m.start - n
            if a >= 0 and all(map(han, full[a : m.start])) and ex.free(a, m.start) and any(
                    (full[a : m.start] + m.text).startswith(c) and len(m.text) > len(c) - n for c in cores):
                ex.mentions[k] = m.spanning(a, m.end, full)
                break


def _heads_before_their_place(ex: Extraction, full: str, words: Lexicon) -> None:
    """中车 + 株洲电力机车有限公司: a registered name read from the place inside it (字号 + 地名 + 行业),
    also with its party committee read on (株洲电机有限公司党委书记、董事长 X), begins at the two
    characters that open its clause before the place, the model having read nothing there; not
    a common word (日前, 今天) nor one that refers back (该, 这家)."""
    gaz = gazetteer()
    rules = role_rules()
    generic, party = tuple(rules["generic_starts"]), tuple(rules["party_bodies"])
    function = frozenset(rules["adverbs"]) | name_breaks()
    for k, m in enumerate(ex.mentions):
        name = m.text[: len(m.text) - len(longest_ending(m.text, party) or "")]
        if (m.label != "COMPANY" or m.origin != "ner" or not name.endswith(LEGAL_FORMS) or "有限" not in name
                or not gaz.place_prefix(m.text)):
            continue  # (a registered name: 兴平公司 is the city's company, 就被 + 兴平公司 no name)
        head = m.start - 2
        lead = full[max(0, head) : m.start]
        if (head >= 0 and all(map(han, lead)) and (head == 0 or not han(full[head - 1])) and ex.free(head, m.start)
                and not words.knows(lead) and not gaz.candidates(lead) and not lead.startswith(generic)
                and not function & set(lead)):
            ex.mentions[k] = m.spanning(head, m.end, full)


def _units_cut_in_their_bodys_name(ex: Extraction, full: str) -> None:
    """成都市公安局锦江分局 … 锦 + 江分局刑侦大队: a body the model began one or two characters into a
    name the article gives a body before (锦江分局) begins with that name."""
    # every proper end of a body's name (锦江分局 of 成都市公安局锦江分局), three characters at least
    tails = {b[i:] for m in ex.mentions if m.label in ORGS for b in [m.text] for i in range(1, len(b) - 2)}
    if not tails:
        return
    for k, m in enumerate(ex.mentions):
        if m.label not in ORGS or m.origin != "ner":
            continue
        for cut in (1, 2):
            a = m.start - cut
            if a < 0 or not all(map(han, full[a : m.start])) or not ex.free(a, m.start):
                break
            longer = full[a : m.end]
            if any(longer[:n] in tails for n in range(cut + 2, len(longer))):  # the cut characters and two more
                ex.mentions[k] = m.spanning(a, m.end, full)
                break


def _names_cut_where_written_whole(ex: Extraction, full: str) -> None:
    """花垣县十八洞村 … 在十八 + 洞村参观: a name the model cut, whose characters before it complete a
    name it read elsewhere in the article (down to that name's place, or all of it), is that name."""
    gaz = gazetteer()
    for k, m in enumerate(ex.mentions):
        if m.origin != "ner" or m.label == "PERSON":
            continue
        for x in ex.mentions:
            if x.label != m.label or len(x.text) <= len(m.text) or not x.text.endswith(m.text):
                continue
            head = x.text[: -len(m.text)]
            n = 0
            while n < len(head) and m.start - n > 0 and full[m.start - n - 1] == head[-n - 1]:
                n += 1
            rest = head[: len(head) - n]
            if n and ex.free(m.start - n, m.start) and (not rest or rest in gaz.exact):
                ex.mentions[k] = m.spanning(m.start - n, m.end, full)
                break


def _parts_cut_off(ex: Extraction, full: str, words: Lexicon) -> None:
    """海南大学 + 食 + 品科学与工程学院: a part the model began one character after the body
    it belongs to, on the second character of a word (食品) or of a place (株洲市公安局 + 荷 +
    塘分局, 荷塘 of 荷塘区), is named with that body, whole; so is a unit named by its number
    after it, the number read as nothing or with the unit (…人民检察院 + 第五 + 检察部,
    …集团有限公司 + 第四十八研究所)."""
    ms = ex.mentions
    gaz = gazetteer()
    units = tuple(role_rules()["units"])
    for k in range(len(ms) - 2, -1, -1):
        a, b = ms[k], ms[k + 1]
        if not (a.label in ORGS and b.label in ORGS and a.origin == b.origin == "ner" and a.end <= b.start <= a.end + 4):
            continue  # (the byline's mentions come first: a credit may end the text)
        pair = full[a.end] + b.text[0]
        cut = (b.start == a.end + 1 and han(full[a.end]) and full[a.end] not in BETWEEN_NAMES
               and (words.common(pair) or gaz.candidates(pair)))
        # 某检察院 + 第五 + 检察部; …集团有限公司 + 第四十八研究所 (the unit read with its number)
        numbered = (_ORDINAL.fullmatch(full, a.end, b.start) or (b.start == a.end and _ORDINAL.match(b.text))) and b.text.endswith(units)
        if cut or numbered:
            ms[k : k + 2] = [Mention(a.article, a.start, b.end, full[a.start : b.end], b.label, a.sentence)]


_ORDINAL = re.compile("第[一二三四五六七八九十]{1,3}")


# the words that end a body's own name (a government, committee or zone can follow any name)
_NAMING_WORDS = ("研究院", "研究所", "合作社", "实验室", "医院", "大学", "学院", "中学", "小学", "学校", "公司", "集团", "银行",
                 "工厂", "酒店")


def _bodies_cut_before_their_word(ex: Extraction, full: str) -> None:
    """郑州大学第一附属 + 医院: an organization the model ended before the word that says what
    it is (医院, 大学, 公司 …; 所, 院, 厂 before 旗下 or 下属), its own name ending in none, is named
    with that word. Not a
    government or committee after a party (工党 + 政府 is the party's government, not its name)."""
    suffixes = _NAMING_WORDS
    ends = tuple(role_rules()["holder_suffixes"]) + public_body_words() + LEGAL_FORMS
    for k, m in enumerate(ex.mentions):
        if m.label not in ORGS or m.origin != "ner" or m.text.endswith(ends):
            continue
        word = next((w for w in suffixes if full.startswith(w, m.end)), None)
        if word is None and full[m.end : m.end + 1] in "所院厂" and full.startswith(("旗下", "下属"), m.end + 1):
            word = full[m.end]  # 中车株洲 + 所 + 旗下: a one-character body word, an owner by what follows
        if word and ex.free(m.end, m.end + len(word)):
            ex.mentions[k] = m.spanning(m.start, m.end + len(word), full)


def _named_from(ex: Extraction, place: Mention, body: Mention, label: str) -> None:
    """The place read alone right before a name is that name's start: one mention of both."""
    ex.mentions.remove(place)
    ex.mentions[ex.mentions.index(body)] = replace(body, start=place.start, text=place.text + body.text, label=label)


def _bodies_after_their_place(ex: Extraction, words: Lexicon) -> None:
    """阿瓦提县 + 农业农村局: a division read alone right before a body named only by its kind
    (a bureau, a government, a court, read as an organization or a company), or a unit of such
    a body, is that place's body: one organization, not a bureau of no place. Not a body
    with a name of its own."""
    gaz = gazetteer()
    ends = public_body_words()
    ms = sorted(ex.mentions, key=lambda m: m.start)

    def of_kind(name: str) -> bool:
        return name.endswith(ends) and (name in generic_bodies() or _kind_only(name[: -len(longest_ending(name, ends))], words))

    for place, body in zip(ms, ms[1:]):
        if (place.label == "PLACE" and body.label in ORGS and body.start == place.end and body.origin == "ner"
                and not gaz.place_prefix(body.text) and gaz.candidates(place.text)
                and any(of_kind(body.text[:k]) for k in range(len(body.text), 1, -1))):  # or its unit (…厅 + 种植业管理处)
            _named_from(ex, place, body, "ORG")


def _places_cut_in_their_body(ex: Extraction) -> None:
    """延边朝鲜族 + 自治州中级人民法院: a division the model cut, its name ending in the body
    read right after it, is the start of that body's name (one organization, of the whole
    division); a division cut where nothing but its name follows is that division. Counties
    and above: a street's or town's body is read apart from it by the passes after."""
    gaz = gazetteer()
    ms = sorted(ex.mentions, key=lambda m: m.start)
    for place, body in zip(ms, ms[1:]):
        if (place.label != "PLACE" or body.start != place.end or body.label == "PERSON"
                or place.origin != "ner" or body.origin != "ner"):
            continue
        whole = place.text + body.text
        prefix = gaz.place_prefix(whole)
        county = gaz.above_towns(prefix)  # a street's body is read apart from it
        if len(prefix) > len(place.text) and county and (body.label in ORGS or prefix == whole):
            _named_from(ex, place, body, body.label)


def registered_names_after_their_place(ex: Extraction) -> None:
    """隆回县 + 宝庆农产品进出口有限公司, 新化县 + 梅山香菇种植专业合作社: a county or a division
    above one read alone right before a registered name (or a cooperative's) that begins with
    no county is that name's start, as the registry writes it (one company, of that place);
    中国 read alone before a company's name is its start (中国 + 石化长岭炼化公司)."""
    gaz = gazetteer()
    ms = sorted(ex.mentions, key=lambda m: m.start)
    for place, firm in zip(ms, ms[1:]):
        if place.label != "PLACE" or firm.label not in ORGS or firm.start != place.end or firm.origin not in ("ner", "role"):
            continue
        registered = (firm.label == "COMPANY" and firm.text.endswith((*REGISTERED, "合作社")) and gaz.above_towns(place.text)
                      and not gaz.above_towns(gaz.place_prefix(firm.text)))
        national = place.text == _CHINA and firm.text.endswith(LEGAL_FORMS) and not gaz.above_towns(gaz.place_prefix(firm.text))
        if registered or national:
            _named_from(ex, place, firm, "COMPANY")


_CHINA = "中国"


_SCHOOL_NUMBER = re.compile(r"(?:[一二三四五六七八九十]{1,3}|\d{1,3})[中小](?![学国央心生型时])|附[中小](?![学国央心生型时])")


def _schools_after_their_place(ex: Extraction, full: str) -> None:
    """株洲市 + 一中 read as the place alone: a place read right before a school's number (一中,
    十一中, 附小) is the school (its city's first middle school), an organization."""
    for k, m in enumerate(ex.mentions):
        hit = _SCHOOL_NUMBER.match(full, m.end) if m.label == "PLACE" and m.origin == "ner" else None
        if hit is not None and ex.free(m.end, hit.end()):
            ex.mentions[k] = replace(m.spanning(m.start, hit.end(), full), label="ORG")


def _kind_only(field: str, words: Lexicon) -> bool:
    """The field of a body named by its kind alone: common words, two fields joined by 和, 与 or
    及 (农业农村, 住房和城乡建设, 文化广电和旅游)."""
    return all(part and all_common(part, words) for part in re.split("[和与及]", field))


def _place_heads(ex: Extraction, full: str) -> None:
    """湖南 + 果之道农业科技有限公司: a county or anything above it written right before a
    company's registered name, and read as nothing, is the start of that name; so is such a
    place and one character the model cut off (株洲 + 中 + 车时代电气股份有限公司), also when
    the model read the place as a body (浙江 + 正 + 泰电器股份有限公司), and a place read alone
    that holds the place the name begins with (湖南 + 攸县湘东钨业…, 四川 + 丹棱 + 桔 + 橙…).
    A place read alone before a name of its own stays (南康区 + 鑫隆木业有限公司, 株洲 + 建 +
    华锐科技有限公司)."""
    gaz = gazetteer()
    stop = name_breaks() | set(LEVELS)
    drop: set[int] = set()

    def place_before(end: int) -> int | None:
        return next((a for a in range(max(0, end - 8), end - 1)
                     if gaz.above_towns(full[a:end])), None)

    def holds(outer: str, inner: set[str]) -> bool:
        return any(o in gaz.ancestors(c) for c in inner for o, _ in gaz.candidates(outer))

    for k, m in enumerate(ex.mentions):
        if m.label != "COMPANY" or m.origin != "ner" or not m.text.endswith(LEGAL_FORMS):
            continue
        head, end = place_before(m.start), m.start
        if head is None and m.start > 2 and han(full[m.start - 1]) and full[m.start - 1] not in stop:
            head, end = place_before(m.start - 1), m.start - 1
        start = m.start
        inner = {c for c, _ in gaz.candidates(gaz.place_prefix(m.text))}  # the place the name begins with
        while head is not None:
            read = [i for i, x in enumerate(ex.mentions) if x.start < start and head < x.end]
            alone = len(read) == 1 and (ex.mentions[read[0]].start, ex.mentions[read[0]].end) == (head, end)
            if read and not (alone and (holds(full[head:end], inner) or (end < start and ex.mentions[read[0]].label != "PLACE"))):
                break
            drop.update(read)
            inner = {c for c, _ in gaz.candidates(full[head:end])}
            start, end = head, head
            head = place_before(head)  # the province of the county before it
            if head is not None and not holds(full[head:end], inner):
                head = None
        ex.mentions[k] = m.spanning(start, m.end, full)
    ex.mentions = [m for k, m in enumerate(ex.mentions) if k not in drop]


def _bracketed_places(ex: Extraction, full: str) -> None:
    """安徽）有限公司 of 蔚来汽车（安徽）有限公司: a name the model began inside the brackets
    that hold its place begins at the name before them (the Han characters back to a
    break, two to eight of them), or is no name."""
    drop = []
    for k, m in enumerate(ex.mentions):
        close = next((i for i, ch in enumerate(m.text) if ch in "）)"), -1)
        if m.label not in ORGS or m.origin != "ner" or close < 0 or any(ch in "（(" for ch in m.text[:close]):
            continue
        opening = max(full.rfind("（", 0, m.start), full.rfind("(", 0, m.start))
        named = next((i for i, x in enumerate(ex.mentions) if x.end == opening and x.label in ORGS), None)
        head = ex.mentions[named].start if named is not None else opening  # 蔚来汽车, read as a name of its own
        while named is None and head > 0 and opening - head < 8 and han(full[head - 1]) and not any(x.end == head for x in ex.mentions):
            head -= 1
        if opening < 0 or m.start - opening > 6 or opening - head < 2:
            drop.append(k)
            continue
        ex.mentions[k] = m.spanning(head, m.end, full)
        if named is not None:
            drop.append(named)
    ex.mentions = [m for k, m in enumerate(ex.mentions) if k not in drop]


_BRACKETED = re.compile(r"[（(]([\u4e00-\u9fff]{2,8})[）)]")


def _bracketed_registered_names(ex: Extraction, full: str, words: Lexicon) -> None:
    """百度 + 在 + 线网络技术（北京）有限公司, 中奥路跑（北京） + 体育管理有限公司: a place in brackets
    inside a company's name marks a registered name (字号 + 行业（地）+ 组织形式); the model's
    name that begins at the brackets, or after a trade alone, or on the second character of a
    word (在线), begins at the name before: a name read right before it, else two to four
    characters back to a break. So does a body's (白沙洲（武汉）视频文创产业园管委会)."""
    gaz = gazetteer()

    def placed(name: str) -> bool:
        return name == _CHINA or gaz.above_towns(name)

    drop: set[int] = set()
    ends = (*LEGAL_FORMS, *role_rules()["holder_suffixes"], *role_rules()["party_bodies"])  # 白沙洲（武汉） + …管委会 too
    for k, m in enumerate(ex.mentions):
        if m.label not in ORGS or m.origin != "ner" or not m.text.endswith(ends) or m.text in generic_bodies():
            continue  # (党工委 after 株洲高新区（天元区）: the zone's, by kg.bodies)
        inside = _BRACKETED.search(m.text)
        before = _BRACKETED.search(full, max(0, m.start - 10), m.start)
        if inside and inside.start() > 0 and placed(inside.group(1)):
            lead, q = m.text[: inside.start()], m.start
        elif before and before.end() == m.start and placed(before.group(1)):
            lead, q = "", before.start()
        else:
            continue
        if q > 1 and han(full[q - 2]) and words.common(full[q - 1 : q + 1]) and len(lead) > 1:
            q -= 1  # 百度在 + 线: the model began on the second character of 在线
        named = next((i for i, x in enumerate(ex.mentions) if x.end == q and x.label != "PERSON" and i != k), None)
        if named is not None:
            head = ex.mentions[named].start
            drop.add(named)
        elif not lead or lead in TRADES or (len(lead) >= 4 and all_common(lead, words)):  # a trade, no name (柯达 is one)
            head = _head_before(full, q, words)
            if head is None or not ex.free(head, q):
                continue
        elif q == m.start:
            continue
        else:
            head = q
        ex.mentions[k] = m.spanning(head, m.end, full)
    ex.mentions = [m for k, m in enumerate(ex.mentions) if k not in drop]


def _head_before(full: str, q: int, words: Lexicon) -> int | None:
    """Where a company's own name (字号) begins, the characters before ``q`` being it: those
    back to a break when two to four, else the longest of them after a word (成立了 + 京东),
    else four."""
    stop = name_breaks()
    a = run_start(full, q, stop, 5)
    if q - a < 2:
        return None
    if q - a <= 4:
        return a
    for n in (4, 3, 2):
        h = q - n
        if full[h] not in _not_a_head() and any(words.common(full[h - w : h]) for w in (2, 3)):
            return h
    return q - 4
