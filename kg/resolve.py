"""Mentions -> entities: aliases merged, one type each, places linked to division codes.

Rules, in order:

* A surface form gets the label most of its mentions carry (bylines count as PERSON).
* Persons: the same name in one corpus is one person (a name one trailing character off a
  more-mentioned name, 陈晓东仅 / 陈晓东, is taken as a misread of it). A name is the only key;
  kg does not split namesakes, because news text rarely says enough to do it safely. A name
  that does not identify anyone (李先生, 张某: kg/data/anonymous.json) is one person
  per article.
* Places: each mention is linked to an administrative-division code when the name
  (official or short: 株洲 / 株洲市) has one candidate, or when the divisions above
  one candidate are named in the same article (平江…三市镇). Ties stay unlinked. Mentions
  of one name join the code it was linked to elsewhere in the corpus when that is unique.
* Organizations and companies: a short name the text defines (…有限公司（以下简称“工行”）)
  joins that full name when the corpus defines it one way; otherwise a short form joins
  the one full form it abbreviates:
  the full name (without a leading place name) starts with it and ends in a legal
  form (公司, 集团 …), or it is that start and 公司 or 集团 (大三湘公司 / 湖南大三湘茶油股份有限公司),
  or it keeps the full name's first two and last characters in
  order (常德经开区 / 常德经济技术开发区), or the full name is it with a word for team
  (岳阳龙舟 / 岳阳龙舟队).
* Affiliations: a role is kept only when the entity's resolved type can hold it
  (``holders`` in kg.extract: a 总经理 serves a company or organization, not a city).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from kg.extract import place_hints
from kg.records import ORGS, Evidence, Extraction, Relation
from kg.roles import generic_bodies, holders, longest_ending, public_body_words, role_rules
from kg.names import (
    CLUB_FORMS, LEGAL_FORMS, NUMBERED_SCHOOL, REGISTERED, SQUADS, TEAM_FORMS, TEAM_OWNERS, bare_body, company_core, first_of_each_two, in_order,
    team_core,
)
from kg.nlp.loading import shipped_lexicon
from kg.places import Gazetteer, gazetteer, link_place, short_forms, town_level

LABEL_ORDER = ("PERSON", "COMPANY", "ORG", "PLACE")


@dataclass
class Entity:
    id: str
    type: str
    label: str
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0
    articles: set[str] = field(default_factory=set)
    admin_code: str = ""
    origin: str = "text"  # "name": known only from an organization's name; "division": a division above a linked place


@dataclass
class Resolution:
    entities: dict[str, Entity]
    # (article id, mention index) -> entity id
    links: dict[tuple[str, int], str]
    relations: list[tuple[str, str, Relation]]  # (head id, tail id, relation)


# --------------------------------------------------------------------------- resolution


def _entity_id(type_: str, label: str, code: str = "", scope: str = "") -> str:
    if code:
        return f"place-{code}"
    key = f"{type_}\t{label}" + (f"\t{scope}" if scope else "")
    digest = hashlib.sha1(key.encode("utf8")).hexdigest()[:12]
    return f"{type_.lower()}-{digest}"


@lru_cache(maxsize=1)
def _anonymous_suffixes() -> tuple[str, ...]:
    data = json.loads(resources.files("kg.data").joinpath("anonymous.json").read_text(encoding="utf8"))
    return tuple(data["suffixes"])


def anonymous(name: str) -> bool:
    """李先生, 张某: a surname and an honorific say who only within their article."""
    return any(name.endswith(s) and 1 <= len(name) - len(s) <= 2 for s in _anonymous_suffixes())


PARENTS = ("附属", "大学", "学院")  # what a hospital or school is named after: 中南大学湘雅二医院
_UNDER_A_PARENT = ("医院", "中学", "小学", "幼儿园", "书院", "研究院")
_NO_OWN_NAME = ("第", "人民", "附属", "中心")  # 第一医院, 人民医院: every city has one


_STOCK_FORMS = ("股份", "集团", "控股")


def _parent_before(full: str, short: str) -> bool:
    """A hospital or school named after the university it belongs to (协和医院 of …附属协和医院,
    湘雅二医院心血管外科 of 中南大学湘雅二医院心血管外科)."""
    own = min((k for w in _UNDER_A_PARENT if (k := short.find(w)) >= 0), default=-1)  # its name, 2+ characters
    return own >= 2 and full[: -len(short)].endswith(PARENTS)


_NUMERALS = frozenset("0123456789一二三四五六七八九十百")
_TERM = re.compile(r"第?[0-9一二三四五六七八九十百]+届")  # 邵阳市第十八届人大常委会 is 邵阳市人大常委会
_SCHOOLS = frozenset(("大学", "学院"))  # 湖南大学 and 湖南农业大学 are two universities


def _runs_left_out(short: str, full: str) -> list[str]:
    """The runs of ``full``'s characters that ``short``, read in order from the left, leaves out."""
    runs, run, i = [], "", 0
    for ch in full:
        if i < len(short) and ch == short[i]:
            i += 1
            if run:
                runs.append(run)
            run = ""
        else:
            run += ch
    return runs + [run] if run else runs


def _kept_in_order(short: str, full: str) -> bool:
    """``short`` keeps ``full``'s characters in order and leaves out no number but a term's
    (湘雅医院 is no 湘雅三医院; 邵阳市人大常委会 is 邵阳市第十八届人大常委会), nor a whole word."""
    if not in_order(short, full):
        return False
    runs = _runs_left_out(short, full)
    if set(_TERM.sub("", "".join(runs))) & _NUMERALS:
        return False
    # nor a whole word left out (中国记协 is no 中国体育记者协会, 中央美术学院 no 中央工艺美术学院, 中国科学院
    # no 中国预防医学科学院), nor a long run (南斯拉夫队 is no 南斯拉夫贝尔格莱德红星队)
    words = shipped_lexicon()
    return not any(len(run) > 4 or (len(run) >= 2 and (words.common(run) or words.common(run[:2])))
                   for run in runs
                   if not _TERM.fullmatch(run) and not any(w in run for w in _LEGAL_WORDS))  # 龙翔公司 / 龙翔畜禽股份有限公司


_LEGAL_WORDS = ("股份", "有限", "责任", "集团")  # a company's short name leaves out its trade with its legal form


_BRANCHES = ("分行", "支行", "分公司", "分局", "分院", "分校", "分会", "办事处")  # (not 子公司: 西门子公司)


def _within(inner: str, outer: str, gaz: Gazetteer) -> bool:
    """Whether a division named ``inner`` lies in one named ``outer`` (武侯区 in 成都市)."""
    outers = {code for code, _ in gaz.candidates(outer)} if inner and outer else set()
    return any(a in outers for code, _ in gaz.candidates(inner) for a in gaz.ancestors(code))


_PEOPLES = ("人民检察院", "人民法院", "人民政府")  # written without 人民 as often


def _without_people(name: str) -> str:
    """A court, procuratorate or government as news names it short, without 人民."""
    return name[: name.rfind("人民")] + name[name.rfind("人民") + 2 :] if name.endswith(_PEOPLES) else name


def _abbreviates(short: str, full: str, gaz: Gazetteer) -> bool:
    if len(short) >= len(full) or len(short) < 2:
        return False
    if full.startswith(short) and full.endswith(_BRANCHES):
        return False  # 中国人民银行 is no short form of 中国人民银行浙江省分行: a branch is a body of its own
    prefix = gaz.place_prefix(full)
    core = full[len(prefix) :] if prefix and not short.startswith(prefix) else full
    short_prefix = gaz.place_prefix(short)
    if _without_people(core) == _without_people(short) and (short_prefix == prefix or _within(short_prefix, prefix, gaz)):
        # 武侯区人民法院 / 成都市武侯区人民法院: the body of a division named without its city, also
        # without 人民 (武侯区法院, 湖南省检察院 / 湖南省人民检察院)
        return True
    if core.startswith(short) and full.endswith(LEGAL_FORMS):
        return True
    if (full.endswith(short) and full.endswith(LEGAL_FORMS) and len(full) - len(short) <= 4 and gaz.above_towns(short_prefix)
            and len(short) - len(short_prefix) >= 3):
        return True  # 长沙供电公司 / 国网长沙供电公司: a group's brand before its local company's name
    form = next((f for f in ("公司", "集团") if short.endswith(f)), None)
    head = short[: -len(form)] if form else ""
    if len(head) >= 2 and not gaz.candidates(head) and core.startswith(head) and full.endswith(LEGAL_FORMS):
        return True  # 大三湘公司 / 湖南大三湘茶油股份有限公司: the name before its trade, and 公司
    if full.endswith(short) and _parent_before(full, short) and not short.startswith(_NO_OWN_NAME):
        return True  # 协和医院 / 华中科技大学同济医学院附属协和医院: the name after its parent's
    club = short[:-1] if short.endswith("队") and len(short) >= 3 and full.endswith("俱乐部") else ""
    if club and ((core != full and core.startswith(club)) or full.removesuffix("俱乐部").removesuffix("足球") == club):
        return True  # 湘涛队 / 湖南湘涛足球俱乐部, 泰达队 / 泰达俱乐部: a club's team is the club (巴西队 is no 巴西圣保罗's)
    if any(full == short + form for form in TEAM_FORMS) and not short.endswith(TEAM_OWNERS):
        return True  # 广东宏远 / 广东宏远队, but 人民日报队 is the paper's team, not the paper
    # letters kept in order (成都市发改委 / 成都市发展改革委), but a place and one character is
    # that place's own body (成都市委, the party committee, abbreviates no 成都市…委)
    if len(short) == 3 and short.endswith("交所") and full.endswith("交易所") and full[0] == short[0]:
        return True  # 北交所 / 北京证券交易所: an exchange by its city's first character
    if full == "中国" + short and "银行" in short:
        return True  # 人民银行江西省分行 / 中国人民银行江西省分行
    if full.startswith("中国") and short[1:2] == "行" and "银行" in full and short[0] == full[2] and short[-1] == full[-1]:
        # a national bank called by its character and 行 (建行江苏省分行 / 中国建设银行江苏省分行)
        return _kept_in_order(short, full[2:])
    if NUMBERED_SCHOOL.search(short) and full.endswith(short[-1] + "学"):
        # 株洲一中 / 株洲市第一中学 (株洲一中 is no 株洲市第十一中学), also after the district (…区株洲第一中学)
        return any(short[:2] == f[:2] and _kept_in_order(short, f) for f in (full, full[len(gaz.place_prefix(full)) :]))
    last = full.rfind(short[-1], len(full) - 3)  # the short form ends one or two characters before the name
    if (len(short) >= 3 and 0 < last < len(full) - 1 and short[0] == full[0] and not full.startswith(short)
            and len(short) - len(gaz.place_prefix(short)) >= 2):  # (四川省委 is no 四川省委党校)
        # 湖南师大 / 湖南师范大学, 北师大 / 北京师范大学, 省作协 / 省作家协会, 省文联 / 省文学艺术界联合会
        return _kept_in_order(short + full[last + 1 :], full)
    if first_of_each_two(short, full):
        return True  # 中国电建 / 中国电力建设集团有限公司, 厦航 / 厦门航空有限公司
    firm = company_core(full, gaz) if full.endswith(LEGAL_FORMS) and len(short) >= 4 and not short.endswith(LEGAL_FORMS) else ""
    if firm and short != firm and short[:2] == firm[:2] and _kept_in_order(short, firm):
        return True  # 华菱涟钢 / 湖南华菱涟源钢铁有限公司: the core's first two, then its characters in order
    if (len(short) >= 4 and short[:2] == full[:2] and short[-1] == full[-1] and len(short) - len(gaz.place_prefix(short)) >= 2
            and not short.endswith(REGISTERED)):  # a registered name is no short form (…电机有限公司, …电力机车有限公司)
        # but a place and a body's word is a name of its own (湖南大学 is no 湖南农业大学), and
        # a number left out names another body (湘雅医院 is no 湘雅三医院)
        own = short[len(gaz.place_prefix(short)) :] in _SCHOOLS
        return not own and _kept_in_order(short, full)
    # a listed company's short name: the first character of each two-character word, then 股份
    # (湘电股份 / 湘潭电机股份有限公司), of a name not much longer
    form = next((f for f in _STOCK_FORMS if short.endswith(f)), None)
    k = full.find(form, 1) if form else -1
    head, core = short[: -len(form)] if form else "", full[:k] if k > 0 else ""
    return (len(head) >= 2 and 2 * len(head) <= len(core) <= 2 * len(head) + 2 and full.endswith(LEGAL_FORMS)
            and all(core[2 * i : 2 * i + 1] == ch for i, ch in enumerate(head)))  # the first of each two


@lru_cache(maxsize=1)
def _org_endings() -> tuple[str, ...]:
    return public_body_words() + TEAM_FORMS + SQUADS + tuple(role_rules()["org_words"])


@lru_cache(maxsize=1)
def _company_endings() -> tuple[str, ...]:
    return tuple(role_rules()["company_words"])


def _org_type(label: str, votes: Counter) -> str:
    """A legal form makes a company and a public body's word an organization, whatever the
    model said, then a factory's or a hotel's word a company; otherwise the mentions vote
    (ties go to ORG)."""
    if label.endswith(LEGAL_FORMS[:6]):
        return "COMPANY"
    if label.endswith(_org_endings()) or "人民银行" in label or NUMBERED_SCHOOL.search(label):
        # the central bank is no company, nor a school named by its number (株洲一中), nor a paper (北京晚报)
        return "ORG"
    if label.endswith(_company_endings()):
        return "COMPANY"  # a factory, a hotel, a store: an enterprise (南京锅炉厂)
    return max(("COMPANY", "ORG"), key=lambda t: (votes[t], t == "ORG"))


class Tally:
    """What resolution needs from the whole corpus, folded one extraction at a time.

    It holds one entry per distinct surface form, never the text, so a corpus can be
    streamed through it.
    """

    def __init__(self) -> None:
        self.votes: dict[str, Counter] = defaultdict(Counter)
        self.count: Counter = Counter()
        self.codes: dict[str, set[str]] = defaultdict(set)
        self.aliases: dict[str, set[str]] = defaultdict(set)  # short name -> the full names the text gave it

    def add(self, ex: Extraction) -> None:
        for m, hint in zip(ex.mentions, hints_of(ex)):
            self.votes[m.name][m.label] += 3 if m.origin in ("byline", "alias") else 1
            self.count[m.name] += 1
            if hint:
                self.codes[m.name].add(hint)
        for short, full in ex.aliases:
            self.aliases[short].add(full)


def hints_of(ex: Extraction) -> list[str]:
    """The division code each mention names in its article (extract() stores them)."""
    if len(ex.place_hints) == len(ex.mentions):
        return ex.place_hints
    return place_hints(ex)


class Resolver:
    """Decides, from a complete Tally, which entity each mention is; then collects the entities."""

    def __init__(self, tally: Tally) -> None:
        gaz = self.gaz = gazetteer()
        votes = tally.votes
        self.type = {
            s: max(c, key=lambda lab: (c[lab], -LABEL_ORDER.index(lab) if lab in LABEL_ORDER else -9))
            for s, c in sorted(votes.items())
        }
        places = {s for s, t in self.type.items() if t == "PLACE"}
        for s, c in votes.items():  # a division name tagged or written as a place elsewhere is a place (常德市 -> 常德)
            if self.type[s] != "PLACE" and any(c["PLACE"] or gaz.name[code] in places for code, _ in gaz.candidates(s)):
                self.type[s] = "PLACE"
        self.persons = _person_variants(votes, self.type)
        self.codes = tally.codes
        orgs = sorted(s for s, t in self.type.items() if t in ORGS)
        self.canonical = _org_full_forms(orgs, gaz, places)
        for short, full in _foreign_prefixed(orgs, places, gaz).items():
            self.canonical.setdefault(short, full)
        for short, fulls in tally.aliases.items():  # a short name the text defined, when it defined one
            full = next(iter(fulls))
            if len(fulls) == 1 and self.type.get(short) in ORGS and self.type.get(full) in ORGS:
                self.canonical[short] = self.canonical.get(full, full)
            elif len(fulls) == 1 and self.type.get(short) == self.type.get(full) == "PERSON":
                self.persons[short] = self.persons.get(full, full)  # 傅里（Guillaume Faury）: one person
        org_votes: dict[str, Counter] = defaultdict(Counter)
        for s, t in self.type.items():
            if t in ORGS:
                org_votes[self.canonical.get(s, s)][t] += tally.count[s]
        self.org_type = {label: _org_type(label, c) for label, c in org_votes.items()}
        self.entities: dict[str, Entity] = {}

    def entity(self, text: str, hint: str, article: str = "") -> Entity:
        typ, code, scope = self.type[text], "", ""
        if typ == "PLACE":
            code = hint or self._elsewhere(text)
            label = self.gaz.name[code] if code else text
        elif typ in ORGS:
            label = self.canonical.get(text, text)
            typ = self.org_type[label]
            scope = article if bare_body(label) or label in generic_bodies() else ""
        else:
            label = self.persons.get(text, text)
            scope = article if anonymous(label) else ""
        eid = _entity_id(typ, label, code, scope)
        ent = self.entities.get(eid)
        if ent is None:
            ent = self.entities[eid] = Entity(eid, typ, label, admin_code=code)
        return ent

    def _elsewhere(self, text: str) -> str:
        """The one code the corpus linked this name to elsewhere; a town's short name (中华 of
        中华街道) keeps its link to the article that decided it."""
        codes = self.codes.get(text, set())
        code = next(iter(codes)) if len(codes) == 1 else ""
        return code if not town_level(code) or text in self.gaz.exact else ""

    def link(self, ex: Extraction) -> list[str]:
        """The entity of each mention, counted into that entity."""
        ids = []
        for m, hint in zip(ex.mentions, hints_of(ex)):
            ent = self.entity(m.name, hint, ex.article.id)
            if m.name != ent.label:
                ent.aliases.add(m.name)
            ent.mentions += 1
            ent.articles.add(ex.article.id)
            ids.append(ent.id)
        return ids

    def relations(self, ex: Extraction, links: list[str]) -> list[tuple[str, str, Relation]]:
        out = []
        for r in ex.relations:
            head = ex.article.id if r.head is None else links[r.head]
            tail = links[r.tail]
            if head == tail:
                continue
            if r.kind == "affiliation" and self.entities[tail].type not in holders(r.role):
                continue  # the mention's label allowed the role, the entity's type does not (a 总经理 of a city)
            out.append((head, tail, r))
        return out

    def finish(self) -> list[tuple[str, str, Relation]]:
        """Places known from names and the divisions above linked places, with their relations."""
        return _name_locations(self.entities, self.gaz) + _division_hierarchy(self.entities, self.gaz) + _units(self.entities, self.gaz)


def resolve(extractions: list[Extraction]) -> Resolution:
    """All of resolution over extractions held in memory (the build streams the same steps)."""
    tally = Tally()
    for ex in extractions:
        tally.add(ex)
    resolver = Resolver(tally)
    links: dict[tuple[str, int], str] = {}
    relations: list[tuple[str, str, Relation]] = []
    for ex in sorted(extractions, key=lambda e: e.article.id):
        ids = resolver.link(ex)
        links.update({(ex.article.id, i): eid for i, eid in enumerate(ids)})
        relations.extend(resolver.relations(ex, ids))
    relations.extend(resolver.finish())
    return Resolution(resolver.entities, links, relations)


# what a registered name adds to a short name that is all of its own name (宁波银行 + 股份有限公司)
_LEGAL_ENDINGS = frozenset(("股份有限公司", "有限责任公司", "有限公司", "集团有限公司", "集团股份有限公司", "集团", "公司"))


def _org_full_forms(surfaces: list[str], gaz: Gazetteer, places: set[str]) -> dict[str, str]:
    """Each short form -> the one full form it abbreviates (candidates found by their first two characters)."""
    by_start: dict[str, set[str]] = defaultdict(set)
    for f in surfaces:
        prefix = gaz.place_prefix(f)
        by_start[f[:2]].add(f)
        if prefix:
            by_start[f[len(prefix) : len(prefix) + 2]].add(f)
        if f.endswith(LEGAL_FORMS):  # 湘潭电机股份有限公司 under 湘电股份's first character
            by_start[f[:1]].add(f)
            for k in (2, 3, 4):  # 国网长沙供电公司 under 长沙供电公司's first two
                if gaz.above_towns(gaz.place_prefix(f[k:])):
                    by_start[f[k : k + 2]].add(f)
        if f.endswith("交易所"):  # 北京证券交易所 under 北交所's first two
            by_start[f[0] + "交"].add(f)
        if f.startswith("中国") and len(f) > 3:  # 中国建设银行江苏省分行 under 建行江苏省分行's first character
            by_start["中国" + f[2]].add(f)
        for parent in PARENTS:  # 中南大学湘雅二医院 under 湘雅二医院's first two characters
            k = f.rfind(parent)
            if k > 0 and _parent_before(f, f[k + len(parent) :]):
                by_start[f[k + len(parent) : k + len(parent) + 2]].add(f)
    canonical = _team_forms(surfaces, gaz, places)
    for s in surfaces:
        if s in canonical:
            continue
        near = (by_start.get(s[:2], set()) | by_start.get("中国" + s[:1], set())
                | (by_start.get(s[:1], set()) if s.endswith(_STOCK_FORMS) or len(s) == 2 else set()))  # 湘电股份, 厦航
        fulls = [f for f in sorted(near) if _abbreviates(s, f, gaz)]
        longest = {f for f in fulls if not any(_abbreviates(f, g, gaz) for g in fulls)}
        if len(longest) > 1:  # 宁波银行 is 宁波银行股份有限公司, not its 宁波银行理财有限责任公司
            # (nor, where two registered names fit, either of them: 中车株机 is the 中车株机公司 the text writes)
            legal = {f for f in fulls if f[len(s) :] in _LEGAL_ENDINGS and f.startswith(s)}
            longest = legal if len(legal) == 1 else longest
        if len(longest) == 1:
            canonical[s] = longest.pop()
    return _named_without_terms(canonical)


def _named_without_terms(canonical: dict[str, str]) -> dict[str, str]:
    """四川省十四届人大常委会 / 四川省人大常委会: a body is named by the form without its term (第十四届),
    which changes every five years, when the text gives one."""
    for full in {f for f in canonical.values() if _TERM.search(f)}:
        shorts = sorted((s for s, f in canonical.items() if f == full and not _TERM.search(s)), key=lambda s: (-len(s), s))
        if shorts:
            for s, f in list(canonical.items()):
                if f == full:
                    canonical[s] = shorts[0]
            canonical[full] = shorts[0]
            canonical.pop(shorts[0])
    return canonical


def _team_forms(surfaces: list[str], gaz: Gazetteer, places: set[str]) -> dict[str, str]:
    """天津泰达足球队, 泰达队, 泰达俱乐部, 泰达: a team is named with or without its city and its
    word for team or club; the names of one core (its name without both), of one city or none,
    are one team, named by the longest with its city. Not where no name of them is a team's, nor for a
    body that fields teams (a paper, a university), nor for a country's (中国队 is any sport's)."""
    groups: dict[str, set[str]] = defaultdict(set)
    for s in surfaces:
        core, _ = team_core(s, gaz)
        if len(core) >= 2 and core not in places and not gaz.above_towns(core):
            groups[core].add(s)
    out = {}
    for core, names in sorted(groups.items()):
        cities = {n[: n.find(core)] for n in names} - {""}
        if len(names) < 2 or len(cities) > 1 or not any(n.endswith(CLUB_FORMS) for n in names) or core.endswith(TEAM_OWNERS):
            continue  # (人民日报队 is the paper's team, not the paper)
        head = max(names, key=lambda n: (n.find(core) > 0, len(n), n))  # with its city
        out.update({n: head for n in names if n != head})
    return out


def _foreign_prefixed(orgs: list[str], places: set[str], gaz: Gazetteer) -> dict[str, str]:
    """苹果公司 -> 美国苹果公司: a company's name and the one full name that puts before it a
    place the corpus names and the division table does not (a country). Companies only:
    国务院 is no short name of 美国国务院."""
    foreign = {p for p in places if not gaz.candidates(p)}
    words = shipped_lexicon()  # a core of one common word is as often a trade: 石油公司 of 美国石油公司
    names = set(orgs)
    fulls: dict[str, set[str]] = defaultdict(set)
    for f in orgs:
        for k in range(2, min(5, len(f) - 3)):
            short = f[k:]
            form = longest_ending(short, LEGAL_FORMS)
            core = short[: -len(form)] if form else ""
            if f[:k] in foreign and short in names and (len(core) >= 3 or (len(core) == 2 and not words.common(core))):
                fulls[short].add(f)
    return {short: next(iter(fs)) for short, fs in sorted(fulls.items()) if len(fs) == 1}


def _person_variants(votes: dict[str, Counter], surface_type: dict[str, str]) -> dict[str, str]:
    """A name that is a more-mentioned name and a character that cannot end a name (an adverb
    or a verb of saying read on: 陈晓东仅, 陈晓东说) is a misread of it. Not any trailing
    character: 张建 and 张建国 are two people."""
    rules = role_rules()
    tails = set(rules["adverbs"]) | {v[0] for v in rules["speech_verbs"]}
    names = {s: sum(votes[s].values()) for s, t in surface_type.items() if t == "PERSON"}
    out = {}
    for s, n in names.items():
        short = s[:-1]
        if len(short) >= 2 and s[-1] in tails and names.get(short, 0) > n:
            out[s] = short
    return out


def _place_entity(entities: dict[str, Entity], code: str, gaz: Gazetteer, origin: str = "name") -> Entity:
    eid = _entity_id("PLACE", gaz.name[code], code)
    if eid not in entities:
        entities[eid] = Entity(eid, "PLACE", gaz.name[code], admin_code=code, origin=origin)
    return entities[eid]


def _name_locations(entities: dict[str, Entity], gaz: Gazetteer) -> list[tuple[str, str, Relation]]:
    """An organization whose name starts with a place is located there (株洲高新区 -> 株洲市), in
    the last of the divisions its name runs through (海南省文昌市公安局 -> 文昌市)."""
    by_form: dict[str, list[Entity]] = defaultdict(list)
    for e in list(entities.values()):
        if e.type == "PLACE":
            # and a linked place's short form when no other county or city has it (凤凰 of 凤凰县, which
            # the text names: 凤凰古城旅游…公司; not 衡阳 of 衡阳县, which is 衡阳市's too)
            shorts = [f for f in (short_forms(e.label) if e.admin_code else ())
                      if sum(not town_level(c) for c, _ in gaz.candidates(f)) == 1]
            for form in {e.label, *e.aliases, *shorts}:
                by_form[form].append(e)
    out = []
    for e in sorted((e for e in entities.values() if e.type in ORGS), key=lambda e: e.id):
        label = e.label.lstrip(_LATIN)  # OPPO + 广东移动通信有限公司: the place after a brand in Latin letters
        prefix = gaz.place_prefix(label)
        if not prefix:
            continue
        # a place the text left unlinked (长安: a district, towns, and a carmaker's name) is too weak a sign
        # and a town's short name (中华 of 中华街道) is no sign either: 中华全国总工会 is not in it
        places = [p for p in by_form.get(prefix, []) if p.admin_code and (not town_level(p.admin_code) or p.label == prefix)]
        top = min((len(p.admin_code) for p in places), default=0)
        places = [p for p in places if len(p.admin_code) == top]  # 河南 of 河南建业: the province, not a county of that short name
        if len(places) != 1:
            code = link_place(prefix, prefix, gaz)
            if len(gaz.candidates(prefix)) > 1 and len(code) != 2:
                continue  # only a province outranks the towns of its name (湖南 of 湖南大三湘…; not 长安, 北海 of 北海舰队)
            if not code or town_level(code):  # a township's short name is too weak a sign (a company's clipped name can read like one)
                continue
            places = [_place_entity(entities, code, gaz)]
        place, rest = places[0], label[len(prefix) :]
        while inner := gaz.place_prefix(rest):  # 海南省 + 文昌市 + 公安局: the division named last, within the first
            # by its full name, or a city's short name (江苏 + 苏州 + 印刷总厂): 浦东 of 上海浦东发展银行 is
            # the bank's name, not where its branches are
            under = [c for c, exact in gaz.candidates(inner) if (exact or len(c) <= 4) and place.admin_code in gaz.ancestors(c)]
            if len(under) != 1:
                break
            place, rest = _place_entity(entities, under[0], gaz), rest[len(inner) :]
        ev = Evidence("", 0, len(e.label), e.label)
        out.append((e.id, place.id, Relation("located_in", None, -1, "", ev)))
    return out


_LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def _units(entities: dict[str, Entity], gaz: Gazetteer) -> list[tuple[str, str, Relation]]:
    """湘雅医院心血管外科 is part of 湘雅医院: an organization whose name is another's name (or
    alias) and a unit's word (units in roles.json) is part of the one with the longest such
    name; a body named by its kind alone (中心) is no such name."""
    units = (*role_rules()["units"], "分社")
    generic = generic_bodies()
    by_form: dict[str, Entity] = {}
    bare: dict[str, set[str]] = {}  # 武侯区人民法院 of 成都市武侯区人民法院, when of one body only
    for e in sorted((e for e in entities.values() if e.type in ORGS and e.label not in generic), key=lambda e: e.id):
        for form in sorted({e.label, *e.aliases}):
            # not a team's country (巴拉圭 of 巴拉圭队: 巴拉圭最高选举法庭 is no part of it) nor a rank (第一)
            if not (form.startswith("第") and len(form) <= 3) and not any(e.label == form + t for t in TEAM_FORMS):
                by_form.setdefault(form, e)
            city = gaz.place_prefix(form)
            if city and _within(gaz.place_prefix(form[len(city) :]), city, gaz):
                bare.setdefault(form[len(city) :], set()).add(e.id)
            if form.endswith(_PEOPLES):  # 四川省检察院 of 四川省人民检察院
                bare.setdefault(_without_people(form), set()).add(e.id)
    for form, ids in bare.items():
        if len(ids) == 1:
            by_form.setdefault(form, entities[next(iter(ids))])
    offices = tuple(role_rules()["offices"])
    out = []
    for e in sorted((e for e in entities.values() if e.type in ORGS), key=lambda e: e.id):
        for n in range(len(e.label) - 2, 1, -1):  # longest first, leaving two characters at least
            whole = by_form.get(e.label[:n])
            rest = e.label[n:]
            office = rest.startswith("驻") and rest.endswith(offices)  # 驻哈萨克斯坦代表处
            if whole is not None and whole is not e and (rest.endswith(units) or office) and not rest.endswith(LEGAL_FORMS):
                out.append((e.id, whole.id, Relation("part_of", None, -1, "", Evidence("", 0, len(e.label), e.label))))
                break
    return out


def _division_hierarchy(entities: dict[str, Entity], gaz: Gazetteer) -> list[tuple[str, str, Relation]]:
    """A linked place lies in the nearest division above it that the graph holds.

    The province and the prefecture-level city above every linked place are added
    (origin "division", no mentions), so that "places in a province" can be asked.
    """
    for e in list(entities.values()):
        for anc in gaz.ancestors(e.admin_code) if e.admin_code else []:
            if len(anc) <= 4 and gaz.name[anc] != "市辖区":
                _place_entity(entities, anc, gaz, origin="division")
    by_code = {e.admin_code: e for e in entities.values() if e.admin_code}
    out = []
    for code, e in sorted(by_code.items()):
        for anc in gaz.ancestors(code):
            if anc in by_code:
                ev = Evidence("", 0, 0, f"{gaz.name[anc]} {anc} > {e.label} {code}")
                out.append((e.id, by_code[anc].id, Relation("part_of", None, -1, "", ev)))
                break
    return out
