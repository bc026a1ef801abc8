"""What Chinese organization names are made of: a place, a distinctive core, a legal form.

Extraction finds a company's short name in its article from its full name, and
resolution merges the two; both read names the same way through this module.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from kg.nlp.lexicon import Lexicon
from kg.places import Gazetteer, gazetteer

# a company's legal form, longest first where one ends another
LEGAL_FORMS: tuple[str, ...] = (
    "股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "公司", "银行", "控股",
)
# how a registered name ends (集团 may end a short one: 大化集团)
REGISTERED: tuple[str, ...] = ("有限公司", "有限责任公司")
# characters that stand between two names rather than inside one: 皇家剧院和文艺剧院 (和文 is a word too)
BETWEEN_NAMES = frozenset("和与及同跟对向在的为由把被或暨并从")

# the trade a company's name says after its core (字号 + 行业 + 组织形式): news names a
# company by its core and trade once it has named it (华清集团 … 华清制药)
TRADES: tuple[str, ...] = (
    "制药", "药业", "医药", "生物", "科技", "电子", "电气", "电器", "电力", "电机", "能源", "化工", "新材", "材料",
    "钢铁", "机械", "重工", "汽车", "食品", "农业", "牧业", "乳业", "酒业", "物流", "地产", "置业", "建设", "建工",
    "传媒", "文化", "旅游", "证券", "保险", "投资", "实业", "通信", "网络", "信息", "软件", "智能", "光电", "环保",
    "水务", "燃气", "矿业", "纺织", "服饰", "家居", "家电", "航空", "船舶", "物业", "商贸", "百货", "医疗", "影业",
    "水泥", "纸业", "瓷业", "陶瓷", "茶业", "茶油", "粮油", "木业", "种业", "渔业", "油脂", "玻璃", "烟花", "装备",
)


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Characters that begin Chinese names, derived from public name lists (training/build_surnames.py)."""
    return frozenset(resources.files("kg.data").joinpath("surnames.txt").read_text(encoding="utf8").strip())


# a school named short by its number (株洲一中, 雅礼二小) or as an affiliated school (师大附中)
NUMBERED_SCHOOL = re.compile(r"(?:[一二三四五六七八九十]{1,3}|\d{1,3})[中小]$|附[中小]$")

# a team is written with or without its word for team: 广东宏远 / 广东宏远队
TEAM_FORMS: tuple[str, ...] = ("队", "代表队", "俱乐部")
# how a team's or club's name ends, longest first: 天津泰达足球队, 泰达俱乐部, 泰达队
CLUB_FORMS: tuple[str, ...] = ("足球俱乐部", "篮球俱乐部", "排球俱乐部", "俱乐部", "代表队", "足球队", "篮球队", "排球队", "队")
# a province's or city's squad named by its sport: 湖南女排, 天津男篮 (a team, not a company)
SQUADS: tuple[str, ...] = ("女排", "男排", "女篮", "男篮", "女足", "男足")
# names of bodies that field teams of their own
TEAM_OWNERS: tuple[str, ...] = (
    "报", "社", "台", "公司", "集团", "大学", "学院", "学校", "中学", "银行", "局", "厅", "部", "委", "院", "所",
    "厂", "中心",
)
# what a company's short name leaves off (a bank's is not its name without 银行: 建设银行 is 建行)
_CORE_TRIM: tuple[str, ...] = ("总公司", "分公司", *(f for f in LEGAL_FORMS if f != "银行"), "股份")


def company_core(name: str, gaz: Gazetteer) -> str:
    """The name without the places it starts with and the legal forms it ends with:
    江西洪城水业股份有限公司 -> 洪城水业, the form news uses once the full name is given."""
    prefix = gaz.place_prefix(name)
    # a town's short name is the company's own (山河 of 山河智能装备…: towns 山河镇, 山河乡)
    core = name[len(prefix) :] if any(len(code) <= 6 for code, _ in gaz.candidates(prefix)) else name
    while (prefix := gaz.place_prefix(core)) in gaz.exact:  # 江苏省南京市…, but not 黄金 of 黄金集团
        core = core[len(prefix) :]
    trimmed = True
    while trimmed:
        trimmed = False
        for form in _CORE_TRIM:
            if core.endswith(form) and len(core) > len(form):
                core, trimmed = core[: -len(form)], True
                break
    return core


# the levels of government a body's name can start with instead of its place: 市政协, 县医院
LEVELS = "省市县区州镇乡村"
# words that start with a level's character without being one (市场监管局 is no 市 body)
NOT_LEVEL_STARTS: tuple[str, ...] = (
    "市场", "市民", "市区", "市县", "省市", "省份", "县域", "县城", "区域", "区块", "区县",
    "乡村", "乡镇", "镇村", "村镇", "村民",
)

# the titles of a level's head, and the level: a 副省长 serves a province
LEVEL_TITLES: dict[str, str] = {"省长": "省", "市长": "市", "县长": "县", "区长": "区", "州长": "州", "镇长": "镇", "乡长": "乡"}


def han(ch: str) -> bool:
    """A Chinese character: one that can bind to the name beside it."""
    return "\u4e00" <= ch <= "\u9fff"


def bare_body(name: str) -> str:
    """The level a body's name gives instead of a place (市政协 -> 市, 村委会 -> 村), or ''.

    Such a name is no one body: every city has its 市政协.
    """
    if name.startswith("街道") and len(name) > 2:
        return "街道"  # 街道办事处, 街道党工委: a street's (the divisions' streets are towns' peers)
    # 省市场监管局 is the province's 市场监管局, though 省市 (provinces and cities) starts it
    level_then_word = len(name) >= 3 and name[0] in LEVELS and name[1:].startswith(NOT_LEVEL_STARTS)
    if len(name) >= 2 and name[0] in LEVELS and (not name.startswith(NOT_LEVEL_STARTS) or level_then_word):
        gaz = gazetteer()
        prefix = gaz.place_prefix(name)
        # 镇江市公安局, 镇江公安局 start with a city; 市中心血站 does not start with 市中(区)
        named = prefix in gaz.exact or any(len(c) <= 4 for c in gaz.short.get(prefix, ()))
        return "" if named else name[0]
    return ""


def team_core(name: str, gaz: Gazetteer) -> tuple[str, str]:
    """A team's name without its city and its word for team or club, and that word:
    湖南湘涛足球俱乐部 -> (湘涛, 足球俱乐部); a town's short name at the head is the team's own."""
    city = gaz.place_prefix(name)
    rest = name[len(city) :] if city and gaz.above_towns(city) else name
    club = next((f for f in CLUB_FORMS if rest.endswith(f)), "")
    return (rest[: -len(club)] if club else rest), club


def bare_company(name: str, words: Lexicon) -> bool:
    """家具有限公司, 新能源科技股份有限公司: a legal form after nothing but common words (a
    trade) names no company by itself."""
    form = next((f for f in LEGAL_FORMS if name.endswith(f)), None)
    return form is not None and all_common(name[: -len(form)], words)


def all_common(text: str, words: Lexicon) -> bool:
    """Whether ``text`` splits into common words of two to four characters (新能源 + 科技)."""
    ok = [True] + [False] * len(text)
    for end in range(2, len(text) + 1):
        ok[end] = any(ok[end - n] and words.common(text[end - n : end]) for n in (2, 3, 4) if end - n >= 0)
    return ok[len(text)]


def in_order(short: str, name: str) -> bool:
    """Every character of ``short`` in ``name``, in the same order (北大 of 北京大学)."""
    it = iter(name)
    return all(ch in it for ch in short)


def first_of_each_two(short: str, full: str) -> bool:
    """A company called by the first character of each two-character word of its name, after a
    shared 中国 or none (中国石化 / 中国石油化工集团有限公司, 厦航 / 厦门航空有限公司): the name before
    its group or legal form is exactly those words."""
    if not full.endswith(LEGAL_FORMS) or not all(map(han, short)):
        return False
    k = min((i for w in ("集团", "股份", "有限", "公司") if (i := full.find(w, 2)) > 0), default=-1)
    core = full[:k] if k > 0 else ""
    if short.startswith("中国") and core.startswith("中国"):
        short, core = short[2:], core[2:]
    return len(short) >= 2 and len(core) == 2 * len(short) and all(core[2 * i] == ch for i, ch in enumerate(short))
