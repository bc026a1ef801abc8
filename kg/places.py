"""Chinese place names: official and short forms, the division gazetteer, and linking a name to its code."""

from __future__ import annotations

import gzip
import re
from collections import defaultdict
from functools import lru_cache
from importlib import resources

# Longest first, so 自治州 is tried before 州 would be.
ADMIN_SUFFIXES: tuple[str, ...] = (
    "特别行政区", "自治区", "自治州", "自治县", "自治旗", "街道办事处", "街道", "地区",
    "新区", "林区", "矿区", "省", "市", "县", "区", "镇", "乡", "盟", "旗",
)
# how a town's or a street's name ends: what a village's or a community's name is written after
TOWN_ENDS: tuple[str, ...] = ("街道", "镇", "乡")
_AUTONOMOUS = re.compile(r"^(.{2,}?)(?:[^族]{1,5}族|维吾尔)+自治(?:区|州|县|旗)$")


def short_forms(name: str) -> list[str]:
    """Forms of an official division name that news uses on their own (株洲市 -> 株洲)."""
    m = _AUTONOMOUS.match(name)
    if m:  # 湘西土家族苗族自治州 -> 湘西, 湘西州; 城步苗族自治县 -> 城步, 城步县
        return [m.group(1)] + ([m.group(1) + name[-1]] if name[-1] in "州县" else [])
    for suffix in ADMIN_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return [name[: -len(suffix)]]
    return []


# --------------------------------------------------------------------------- gazetteer


class Gazetteer:
    """Administrative divisions by code, and the codes each name or short form may mean."""

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        self.name: dict[str, str] = {}
        self.parent: dict[str, str] = {}
        self.exact: dict[str, list[str]] = defaultdict(list)
        self.short: dict[str, list[str]] = defaultdict(list)
        for code, name, parent in rows:
            self.name[code] = name
            self.parent[code] = parent
            self.exact[name].append(code)
            for s in short_forms(name):
                self.short[s].append(code)
        self.max_len = max(len(n) for n in self.name.values())
        self._forms: dict[str, list[str]] = {}
        self.place_prefix = lru_cache(maxsize=1 << 16)(self._place_prefix)  # asked again for each pair of names

    def candidates(self, text: str) -> list[tuple[str, bool]]:
        """(code, exact) for every division a text may name."""
        return [(c, True) for c in self.exact.get(text, ())] + [(c, False) for c in self.short.get(text, ())]

    def above_towns(self, text: str) -> bool:
        """Whether ``text`` names a county or a division above one (a town's short name is no
        sign of a place: see town_level)."""
        return any(not town_level(c) for c in self.exact.get(text, ())) or any(not town_level(c) for c in self.short.get(text, ()))

    def whole_name(self, text: str) -> str:
        """The full name of the one county or division above one that ``text`` names (湘西州:
        湘西土家族苗族自治州), itself when it is a full name; '' when it names none or several."""
        codes = {c for c, _ in self.candidates(text) if not town_level(c)}
        return self.name[codes.pop()] if len(codes) == 1 else ""

    def ancestors(self, code: str) -> list[str]:
        out = []
        while self.parent.get(code):
            code = self.parent[code]
            out.append(code)
        return out

    def forms(self, code: str) -> list[str]:
        forms = self._forms.get(code)
        if forms is None:
            name = self.name[code]
            forms = self._forms[code] = [name, *short_forms(name)]
        return forms

    def _place_prefix(self, text: str) -> str:
        """Longest division name or short form that starts ``text`` (and is not all of it)."""
        for k in range(min(len(text) - 1, self.max_len), 1, -1):
            if text[:k] in self.exact or text[:k] in self.short:
                return text[:k]
        return ""


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    data = resources.files("kg.data").joinpath("admin_divisions.tsv.gz").read_bytes()
    rows = [tuple(line.split("\t")) for line in gzip.decompress(data).decode("utf8").splitlines()]
    return Gazetteer([r for r in rows if len(r) == 3])  # type: ignore[misc]


def town_level(code: str) -> bool:
    """A town's or a street's code (below the counties): its short names (中华, 长江, 太平)
    recur across the country and in other words, so alone they are no sign of it. Taiwan's
    townships and districts (梅山乡, 中山区) have six-digit codes in the table, its counties
    four, so they are read as towns too."""
    return len(code) > 6 or (len(code) == 6 and code.startswith("71"))


def link_place(text: str, context: str, gaz: Gazetteer) -> str:
    """The division code a place mention names, decided by the article's text, or ''."""
    cands = set(gaz.candidates(text))
    if not cands:
        return ""
    # 岳阳 is the city, not the county of the same name inside it
    codes = {c for c, _ in cands}
    cands = {(c, e) for c, e in cands if not any(a in codes for a in gaz.ancestors(c))}
    if any(not town_level(c) for c, _ in cands):  # 上海 is the city, not a 上海街道 in a city the article names
        cands = {(c, e) for c, e in cands if e or not town_level(c)}
    province = any(len(c) == 2 for c, _ in cands)
    scored = []
    for code, exact in cands:
        named = [anc for anc in gaz.ancestors(code) if any(f != text and f in context for f in gaz.forms(anc))]
        support = len(named)
        if ((not exact and town_level(code)) or (province and len(code) > 2)) and not any(len(a) >= 4 for a in named):
            # a town's short name (长江 of 长江学者), or a county's that is a province's (河南, listed
            # with 青海), needs its county or city named, not only its province
            continue
        scored.append(((support, exact, -len(code)), code))
    if not scored:
        return ""
    scored.sort(reverse=True)
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return ""
    return scored[0][1]
