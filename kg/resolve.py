"""Mentions -> entities: aliases merged, one type each, places linked to division codes.

Rules, in order:

* A surface form gets the label most of its mentions carry (bylines count as PERSON).
* Persons: the same name in one corpus is one person (a name one trailing character off a
  more-mentioned name, 张静仅 / 张静, is taken as a misread of it). A name is the only key;
  kg does not split namesakes, because news text rarely says enough to do it safely.
* Places: each mention is linked to an administrative-division code when the name
  (official or short: 长沙 / 长沙市) has one candidate, or when the divisions above
  one candidate are named in the same article (湘阴…新泉镇). Ties stay unlinked. Mentions
  of one name join the code it was linked to elsewhere in the corpus when that is unique.
* Organizations and companies: a short form joins the one full form it abbreviates:
  the full name (without a leading place name) starts with it and ends in a legal
  form (公司, 集团 …), or it keeps the full name's first two and last characters in
  order (娄底经开区 / 娄底经济技术开发区).
"""

from __future__ import annotations

import gzip
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from kg.extract import ORGS, Evidence, Extraction, Relation
from kg.places import short_forms

LEGAL_FORMS: tuple[str, ...] = (
    "股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "公司", "银行", "控股",
)
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

    def candidates(self, text: str) -> list[tuple[str, bool]]:
        """(code, exact) for every division a text may name."""
        return [(c, True) for c in self.exact.get(text, ())] + [(c, False) for c in self.short.get(text, ())]

    def ancestors(self, code: str) -> list[str]:
        out = []
        while self.parent.get(code):
            code = self.parent[code]
            out.append(code)
        return out

    def forms(self, code: str) -> list[str]:
        name = self.name[code]
        return [name, *short_forms(name)]

    def place_prefix(self, text: str) -> str:
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


def link_place(text: str, context: str, gaz: Gazetteer) -> str:
    """The division code a place mention names, decided by the article's text, or ''."""
    cands = set(gaz.candidates(text))
    if not cands:
        return ""
    # 长沙 is the city, not the county of the same name inside it
    codes = {c for c, _ in cands}
    cands = {(c, e) for c, e in cands if not any(a in codes for a in gaz.ancestors(c))}
    scored = []
    for code, exact in cands:
        support = sum(
            1
            for anc in gaz.ancestors(code)
            if any(f != text and f in context for f in gaz.forms(anc))
        )
        scored.append(((support, exact, -len(code)), code))
    scored.sort(reverse=True)
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return ""
    return scored[0][1]


# --------------------------------------------------------------------------- resolution


def _entity_id(type_: str, label: str, code: str = "") -> str:
    if code:
        return f"place-{code}"
    digest = hashlib.sha1(f"{type_}\t{label}".encode("utf8")).hexdigest()[:12]
    return f"{type_.lower()}-{digest}"


def _abbreviates(short: str, full: str, gaz: Gazetteer) -> bool:
    if len(short) >= len(full) or len(short) < 2:
        return False
    prefix = gaz.place_prefix(full)
    core = full[len(prefix) :] if prefix and not short.startswith(prefix) else full
    if core.startswith(short) and full.endswith(LEGAL_FORMS):
        return True
    if len(short) >= 4 and short[:2] == full[:2] and short[-1] == full[-1]:
        it = iter(full)
        return all(ch in it for ch in short)
    return False


def resolve(extractions: list[Extraction]) -> Resolution:
    gaz = gazetteer()
    votes: dict[str, Counter] = defaultdict(Counter)
    for ex in extractions:
        for m in ex.mentions:
            votes[m.text][m.label] += 3 if m.origin == "byline" else 1
    surface_type = {
        s: max(c, key=lambda lab: (c[lab], -LABEL_ORDER.index(lab) if lab in LABEL_ORDER else -9))
        for s, c in votes.items()
    }
    places = {s for s, t in surface_type.items() if t == "PLACE"}
    for s, c in votes.items():  # a division name tagged or written as a place elsewhere is a place (娄底市 -> 娄底)
        if surface_type[s] != "PLACE" and any(
            c["PLACE"] or gaz.name[code] in places for code, _ in gaz.candidates(s)
        ):
            surface_type[s] = "PLACE"
    persons = _person_variants(votes, surface_type)

    # places: link each mention in its article's context
    place_code: dict[tuple[str, int], str] = {}
    decided: dict[str, set[str]] = defaultdict(set)
    for ex in extractions:
        context = "\n".join([ex.article.headline, ex.article.text])
        for i, m in enumerate(ex.mentions):
            if surface_type[m.text] == "PLACE":
                code = link_place(m.text, context, gaz)
                place_code[(ex.article.id, i)] = code
                if code:
                    decided[m.text].add(code)

    # organizations: short forms to the full form they abbreviate
    org_surfaces = sorted(s for s, t in surface_type.items() if t in ORGS)
    canonical: dict[str, str] = {}
    for s in org_surfaces:
        fulls = [f for f in org_surfaces if _abbreviates(s, f, gaz)]
        longest = {f for f in fulls if not any(_abbreviates(f, g, gaz) for g in fulls)}
        if len(longest) == 1:
            canonical[s] = longest.pop()

    entities: dict[str, Entity] = {}
    links: dict[tuple[str, int], str] = {}
    org_types: dict[str, Counter] = defaultdict(Counter)
    for ex in extractions:
        for i, m in enumerate(ex.mentions):
            typ = surface_type[m.text]
            code = ""
            if typ == "PLACE":
                code = place_code.get((ex.article.id, i), "")
                if not code and len(decided[m.text]) == 1:
                    code = next(iter(decided[m.text]))
                label = gaz.name[code] if code else m.text
            elif typ in ORGS:
                label = canonical.get(m.text, m.text)
                org_types[label][typ] += 1
                typ = "ORG"  # settled below, once every form has voted
            else:
                label = persons.get(m.text, m.text)
            eid = _entity_id(typ, label, code)
            ent = entities.get(eid)
            if ent is None:
                ent = entities[eid] = Entity(eid, typ, label, admin_code=code)
            ent.aliases.add(m.text)
            ent.mentions += 1
            ent.articles.add(ex.article.id)
            links[(ex.article.id, i)] = eid

    # organizations take the type most of their forms carry; a legal form decides ties
    renamed: dict[str, str] = {}
    for eid, ent in list(entities.items()):
        if ent.type != "ORG" or ent.admin_code:
            continue
        c = org_types.get(ent.label, Counter())
        typ = "COMPANY" if ent.label.endswith(LEGAL_FORMS[:6]) else max(
            ("COMPANY", "ORG"), key=lambda t: (c[t], t == "ORG")
        )
        new_id = _entity_id(typ, ent.label)
        ent.type, ent.id = typ, new_id
        renamed[eid] = new_id
    entities = {e.id: e for e in entities.values()}
    links = {k: renamed.get(v, v) for k, v in links.items()}
    for ent in entities.values():
        ent.aliases.discard(ent.label)

    relations: list[tuple[str, str, Relation]] = []
    for ex in extractions:
        for r in ex.relations:
            tail = links.get((ex.article.id, r.tail))
            head = ex.article.id if r.head is None else links.get((ex.article.id, r.head))
            if head and tail and head != tail:
                relations.append((head, tail, r))
    relations.extend(_name_locations(entities, gaz))
    relations.extend(_division_hierarchy(entities, gaz))
    return Resolution(entities, links, relations)


def _person_variants(votes: dict[str, Counter], surface_type: dict[str, str]) -> dict[str, str]:
    """Names one trailing character off a more-mentioned name are misreads of it (张静仅 -> 张静)."""
    names = {s: sum(votes[s].values()) for s, t in surface_type.items() if t == "PERSON"}
    out = {}
    for s, n in names.items():
        for other, m in names.items():
            if other != s and abs(len(other) - len(s)) == 1 and (other.startswith(s) or s.startswith(other)):
                if (m, other) > (n, s):
                    out[s] = other
    return out


def _place_entity(entities: dict[str, Entity], code: str, gaz: Gazetteer, origin: str = "name") -> Entity:
    eid = _entity_id("PLACE", gaz.name[code], code)
    if eid not in entities:
        entities[eid] = Entity(eid, "PLACE", gaz.name[code], admin_code=code, origin=origin)
    return entities[eid]


def _name_locations(entities: dict[str, Entity], gaz: Gazetteer) -> list[tuple[str, str, Relation]]:
    """An organization whose name starts with a place is located there (长沙高新区 -> 长沙市)."""
    by_form: dict[str, list[Entity]] = defaultdict(list)
    for e in list(entities.values()):
        if e.type == "PLACE":
            for form in {e.label, *e.aliases}:
                by_form[form].append(e)
    out = []
    for e in sorted((e for e in entities.values() if e.type in ORGS), key=lambda e: e.id):
        prefix = gaz.place_prefix(e.label)
        if not prefix:
            continue
        places = by_form.get(prefix, [])
        if len(places) != 1:
            code = link_place(prefix, prefix, gaz) if len(gaz.candidates(prefix)) == 1 else ""
            if not code or len(code) > 6:  # a township's short name is too weak a sign (清集团 is no 清集镇)
                continue
            places = [_place_entity(entities, code, gaz)]
        ev = Evidence("", 0, len(e.label), e.label)
        out.append((e.id, places[0].id, Relation("located_in", None, -1, "", ev)))
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
