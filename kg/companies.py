"""Companies the model cut, joined, missed or typed otherwise, found from how their names are
made and written: a legal form, a core and a trade (字号 + 行业), a stock code, what only a
company has."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from kg.names import BETWEEN_NAMES, LEGAL_FORMS, TEAM_OWNERS, TRADES, all_common, bare_company, company_core, han
from kg.nlp.lexicon import Lexicon
from kg.places import ADMIN_SUFFIXES, gazetteer
from kg.records import ORGS, Extraction, Mention, SentenceOf
from kg.roles import ZONE_WORDS, longest_ending, public_body_words, role_rules


_BODY_ENDS = (*LEGAL_FORMS, *TEAM_OWNERS, *ZONE_WORDS, "会", "馆", "站", "队", "办", "室", "处", "科", "组")


def _headless(m: Mention) -> bool:
    """An organization no body's word ends (怀化国际 of 怀化国际 + 陆港发展有限公司): a company's head."""
    return m.label == "ORG" and not m.text.endswith(_BODY_ENDS) and not gazetteer().candidates(m.text)


def joined_companies(ex: Extraction, words: Lexicon) -> None:
    """江西自由王国 + 家具有限公司, the model's cut through one name: a bare company right
    after another name, or a company right after an organization no body's word ends
    (怀化国际 + 陆港发展有限公司), with nothing between, is the end of that name."""
    ms = ex.mentions
    k = len(ms) - 1
    while k > 0:
        a, b = ms[k - 1], ms[k]
        if (
            a.end == b.start and a.origin == b.origin == "ner" and b.label == "COMPANY"
            and (bare_company(b.text, words) or _headless(a)) and not a.text.endswith(public_body_words() + ZONE_WORDS)
        ):  # (a zone or a body before a company is where the company is, not its name: 湘商产业园 + 天天食品…)
            ms[k - 1 : k + 1] = [Mention(a.article, a.start, b.end, a.text + b.text, "COMPANY", a.sentence)]
        k -= 1


_OWNED = re.compile(r"旗下|下属|所属")


def split_owners(ex: Extraction, full: str, sent_of: SentenceOf) -> None:
    """长安汽车旗下深蓝汽车科技有限公司: "under" joins two names the model read as one; each is a
    mention. A name read as a person right after a company and 旗下 (…股份有限公司旗下华菱湘钢) is
    the company it owns."""
    ends = {m.end for m in ex.mentions if m.label == "COMPANY"}
    for m in ex.mentions:
        owned = _OWNED.match(full, m.start - 2) if m.label == "PERSON" and m.origin == "ner" and m.start >= 2 else None
        if owned is not None and m.start - 2 in ends:
            m.label = "COMPANY"
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


def company_organs(ex: Extraction) -> None:
    """通威集团董事局 + 主席 X: the company, whose 董事局主席 X is (the organ is no body of its own)."""
    organs = tuple(role_rules()["company_organs"])
    companies = {m.text for m in ex.mentions if m.label == "COMPANY"}
    for k, m in enumerate(ex.mentions):
        organ = longest_ending(m.text, organs) if m.label in ORGS and m.origin == "ner" else None
        rest = m.text[: -len(organ)] if organ else ""
        # a company by its legal form or tagged so elsewhere (华菱钢铁董事会), not 国际货币基金组织执行董事会
        if len(rest) >= 2 and (rest.endswith(LEGAL_FORMS) or rest in companies):
            ex.mentions[k] = Mention(m.article, m.start, m.end - len(organ), rest, "COMPANY", m.sentence)


_STOCK_CODE = re.compile(r"[（(](?:股票代码[:：])?\d{6}(?:\.[A-Z]{2})?[）)]")


_NAME_BEFORE = re.compile(r"[\u4e00-\u9fff]{2,8}$")


def stock_codes(ex: Extraction, full: str, sent_of: SentenceOf) -> None:
    """爱尔眼科（300015）: a name before a stock code in brackets is a listed company, when the
    model read nothing or the same span there; the name is the characters since the clause
    began, two to eight of them."""
    for code in _STOCK_CODE.finditer(full):
        found = _NAME_BEFORE.search(full, max(0, code.start() - 9), code.start())
        if found is None:
            continue
        a, b = found.span()
        if a > 0 and han(full[a - 1]):
            continue  # the clause began earlier: where the name begins is not known
        if full[a] in BETWEEN_NAMES and b - a > 2:
            a += 1  # …（000932）和 + 爱尔眼科（300015）
        inside = [m for m in ex.mentions if m.start < b and a < m.end]
        if not inside:
            ex.mentions.append(Mention(ex.article.id, a, b, full[a:b], "COMPANY", sent_of[a], "code"))
        elif len(inside) == 1 and (inside[0].start, inside[0].end) == (a, b):
            inside[0].label = "COMPANY"


# 华为、中国长城、麒麟软件等企业: names listed before a word for companies
_FIRMS_WORD = re.compile(r"等(?:\d+家|多家)?(?:企业|公司|上市公司|车企|药企)")
_LISTED = re.compile(r"[\u4e00-\u9fff]{2,10}(?:、[\u4e00-\u9fff]{2,10})+$")  # the list right before it


_BEFORE_LISTS = "的是有在和与及"


def firms_listed_as_such(ex: Extraction, full: str, sent_of: SentenceOf, words: Lexicon) -> None:
    """来自华为、中国长城、麒麟软件等企业: each name of a list the text calls companies (等企业, 等公司)
    is a company: the model's place or person there (长城 of 中国长城, 麒麟), a body without a
    body's word, or nothing read. A leading common word (来自, 包括) is no part of the first."""
    gaz = gazetteer()
    named = [m.text for m in ex.mentions if m.label == "COMPANY"]
    for word in _FIRMS_WORD.finditer(full):  # the word first: searching every list is slow
        w0 = max(0, word.start() - 120)
        hit = _LISTED.search(full, w0, word.start())
        if hit is None:
            continue
        pos = hit.start()
        for k, item in enumerate(hit.group().split("、")):
            a, b = pos, pos + len(item)
            pos = b + 1
            if k == 0:  # where the first name begins: after a word that ends before names (的, 有 …)
                runs_on = a > 0 and han(full[a - 1])
                cut = max(max(item.rfind(ch) for ch in _BEFORE_LISTS), 0) + 1  # (和 opening 和记黄埔 is its own)
                cut = cut if cut > 1 else 0
                if cut == 0 and len(item) >= 4 and words.common(item[:2]) and not words.knows(item[:4]):
                    cut = 2  # 来自 + 华为
                a, item = a + cut, item[cut:]
                if len(item) < 2 or (cut == 0 and runs_on):
                    continue  # the clause runs on before the list: where its first name begins is not known
            inside = [m for m in ex.mentions if m.start < b and a < m.end]
            common = words.common(item) and not any(n.startswith(item) for n in named)  # 国企, but 华为 of 华为技术…
            county = gaz.above_towns(item)  # a town's short name (春江) is a firm's as often
            if any(m.start < a or m.end > b for m in inside) or county or common:
                continue
            if any(m.label in ORGS and m.text.endswith(_BODY_ENDS) for m in inside):
                continue  # a body named whole (…研究院)
            ex.mentions = [m for m in ex.mentions if m not in inside]
            ex.mentions.append(Mention(ex.article.id, a, b, item, "COMPANY", sent_of[a], "listed"))


def companies_read_as_persons(ex: Extraction, words: Lexicon) -> None:
    """特斯拉 read as a person where the article names 美国特斯拉公司: a person's name that is
    a company's core, a country or place before it left off, is that company; so is its
    name before a trade of common words (蔚来 of 蔚来新能源汽车…). A place no division is
    named by (华润 where the article names 华润集团) is that company too."""
    gaz = gazetteer()
    cores: dict[str, str] = {}
    for m in ex.mentions:
        if m.label == "COMPANY" and m.origin != "byline":
            core = company_core(m.text, gaz)
            head = next((n for n in (4, 3, 2) if len(core) > n + 1 and words.place(core[:n])), 0)
            cores.setdefault(core, m.text)
            cores.setdefault(core[head:], m.text)
            for n in range(2, len(core) - 1):  # each split: the trade's words may overlap the name's (安新)
                if all_common(core[n:], words) and not words.common(core[:n]):
                    cores.setdefault(core[:n], m.text)
    ex.rename(cores, "COMPANY")
    ex.rename({core: name for core, name in cores.items() if not gaz.candidates(core) and not core.endswith(_PLACE_WORDS)},
              "COMPANY", read="PLACE")  # not 楚东村 of 楚东村茶叶专业合作社, nor a port of its port company


def foreign_short_names(ex: Extraction, words: Lexicon) -> None:
    """美国苹果公司 … 苹果公司: in an article naming a company after its country, the name
    without the country is that company (kg.resolve joins such names across the corpus only
    when the core is no common word: 苹果 is one)."""
    gaz = gazetteer()
    names = {m.text for m in ex.mentions if m.label == "COMPANY" and m.origin != "byline"}
    found = set()
    for full in names:
        for n in range(2, min(5, len(full) - 2)):
            short, place = full[n:], full[:n]
            if short in names and words.place(place) and not gaz.candidates(place):
                found.add((short, full))
    ex.aliases.extend(sorted(found))


def trade_names(ex: Extraction, full: str, sent_of: SentenceOf, words: Lexicon) -> None:
    """华清集团 … 华清制药: a company the article names is named again by its core and a trade
    (字号 + 行业), which the model reads as nothing; that name is the company's alias. The
    core must be no common word nor a place, and the name must begin a word (not 东华清制药)."""
    gaz = gazetteer()
    named: dict[str, str] = {}
    for m in ex.mentions:
        core = company_core(m.text, gaz) if m.label == "COMPANY" and m.origin != "byline" else ""
        if 2 <= len(core) <= 4 and all(map(han, core)) and not words.common(core) and not gaz.candidates(core):
            named.setdefault(core, m.text)
    if not named:
        return
    defined: set[tuple[str, str]] = set()
    for a, b, core in _cores_and_trades(full, list(named)):
        name, company = full[a:b], named[core]
        if name == company or (a > 0 and han(full[a - 1]) and full[a - 1] not in BETWEEN_NAMES):
            continue
        inside = [x for x in ex.mentions if x.start < b and a < x.end]
        if inside and not (len(inside) == 1 and (inside[0].start, inside[0].end) == (a, b)):
            continue  # the model read something else there
        if not inside:
            ex.mentions.append(Mention(ex.article.id, a, b, name, "COMPANY", sent_of[a], "repeat"))
        defined.add((name, company))
    ex.aliases.extend(sorted(defined))


@lru_cache(maxsize=1)
def _trade_tail() -> re.Pattern[str]:
    return re.compile(f"({'|'.join(TRADES)})({'|'.join(LEGAL_FORMS)})?")


def _cores_and_trades(full: str, cores: list[str]) -> Iterator[tuple[int, int, str]]:
    """Each core + trade (+ legal form) from the left, as a regex of the cores and the trades
    would find them, without compiling the trades' long alternation for every article."""
    finder = re.compile("|".join(map(re.escape, cores)))
    pos = 0
    while (hit := finder.search(full, pos)) is not None:
        i = hit.start()
        found = next(((c, t) for c in cores if full.startswith(c, i) and (t := _trade_tail().match(full, i + len(c)))), None)
        if found is None:
            pos = i + 1
            continue
        yield i, found[1].end(), found[0]
        pos = found[1].end()


_PLACE_ENDS = (*ADMIN_SUFFIXES, "村", "社区", "组")
_PLACE_WORDS = (*_PLACE_ENDS, "港", "湾", "岛", "山", "江", "河", "湖", "海", "洲", "岭")  # and the land's own


_CLAUSE_END = re.compile(r"[，。；！？,;!?\n]")


def companies_read_as_places(ex: Extraction, full: str, words: Lexicon) -> None:
    """康源堂 tagged PLACE, then 康源堂 + 中药生产车间: a name no gazetteer or lexicon knows as
    a place, written in one clause before what only a company has (a production line, a
    chairman, a share price), is a company. Halls (怀仁堂 + 举行) keep the model's reading."""
    gaz = gazetteer()
    works = tuple(role_rules()["company_works"])
    starts = sorted(m.start for m in ex.mentions)
    for m in ex.mentions:
        if m.label != "PLACE" or m.origin != "ner" or m.text.endswith(_PLACE_ENDS) or words.knows(m.text) or gaz.candidates(m.text):
            continue
        end = min(next((s for s in starts if s >= m.end), len(full)), m.end + 14)
        clause = _CLAUSE_END.search(full, m.end, end)
        tail = full[m.end : clause.start() if clause else end]
        if any(w in tail for w in works):
            m.label = "COMPANY"
