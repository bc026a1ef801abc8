"""networkx graph -> RDF (rdflib), with schema.org, SKOS, W3C ORG, PROV-O and NIF 2.0.

The networkx graph is the single source: this module only maps it. IRIs are minted
from ``base`` and the graph's own ids (hashes and division codes), never from raw text.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from datetime import datetime, timezone
from typing import Any, Iterable

import networkx as nx
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import ORG, PROV, SDO, SKOS

import kg
from kg.graph import article_text

KGO = Namespace("https://w3id.org/kg-news/ontology#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
DEFAULT_BASE = "https://w3id.org/kg-news/id/"

SCHEMA_CLASS = {
    "PERSON": [SDO.Person],
    "ORG": [SDO.Organization],
    "COMPANY": [SDO.Corporation, SDO.Organization],
    "PLACE": [SDO.Place],
}
KG_CLASS = {"PERSON": KGO.Person, "ORG": KGO.Organization, "COMPANY": KGO.Company, "PLACE": KGO.Place}
RELATION_CLASS = {
    "affiliation": KGO.Affiliation,
    "author": KGO.Authorship,
    "located_in": KGO.Location,
    "part_of": KGO.PartOf,
    "co_occurrence": KGO.CoOccurrence,
}
JSONLD_CONTEXT = {
    "@vocab": str(SDO),
    "schema": str(SDO),
    "kgo": str(KGO),
    "skos": str(SKOS),
    "rdfs": str(RDFS),
    "org": str(ORG),
    "prov": str(PROV),
    "nif": str(NIF),
    "itsrdf": str(ITSRDF),
    "xsd": str(XSD),
}


def _minted(value: str) -> URIRef:
    """A URIRef without rdflib's per-term validity check: every IRI here is a checked base
    followed by hex digests, division codes and offsets, which need no check."""
    return str.__new__(URIRef, value)


_IRI = re.compile(r'^[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>"{}|\\^`]*$')


class Minter:
    """IRIs for the graph's nodes, relations and text positions, under one base."""

    def __init__(self, base: str) -> None:
        if not _IRI.match(base):
            raise ValueError(f"base IRI {base!r} is not an absolute IRI (scheme:..., no spaces, quotes or <>{{}}|\\^`)")
        if not base.endswith(("/", "#")):
            base += "/"
        self.base = base

    def node(self, node_id: str, data: dict[str, Any]) -> URIRef:
        kind = "article" if data.get("type") == "ARTICLE" else "entity"
        return _minted(f"{self.base}{kind}/{node_id}")

    def context(self, article: str) -> URIRef:
        return _minted(f"{self.base}article/{article}/text")

    def span(self, article: str, start: int, end: int) -> URIRef:
        return _minted(f"{self.base}article/{article}/text#char={start},{end}")

    def relation(self, kind: str, u: str, v: str, role: str) -> URIRef:
        digest = hashlib.sha1(f"{u}\t{v}\t{role}".encode("utf8")).hexdigest()[:16]
        return _minted(f"{self.base}{kind.replace('_', '-')}/{digest}")

    def role(self, role: str) -> URIRef:
        return _minted(f"{self.base}role/{hashlib.sha1(role.encode('utf8')).hexdigest()[:12]}")

    def build(self, g: nx.MultiDiGraph) -> URIRef:
        digest = hashlib.sha1("\n".join(sorted(n for n in g.nodes)).encode("utf8")).hexdigest()[:16]
        return _minted(f"{self.base}build/{digest}")


@lru_cache(maxsize=1 << 16)
def zh(text: str) -> Literal:
    """Names and anchors recur across articles, so each literal is made once."""
    return Literal(text, lang="zh")


class _Terms:
    """A namespace whose terms are made once: rdflib builds and checks a new URIRef on every
    attribute access, which was a tenth of the export's time."""

    def __init__(self, ns: Any) -> None:
        self._ns = ns

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._ns, name)
        setattr(self, name, term)
        return term


_RDF, _RDFS, _XSD, _SDO, _SKOS = _Terms(RDF), _Terms(RDFS), _Terms(XSD), _Terms(SDO), _Terms(SKOS)
_PROV, _ORG, _NIF, _ITSRDF, _KGO = _Terms(PROV), _Terms(ORG), _Terms(NIF), _Terms(ITSRDF), _Terms(KGO)


@lru_cache(maxsize=1 << 16)
def _count(n: int) -> Literal:
    """Offsets repeat across articles, so their literals are made once."""
    return Literal(n, datatype=XSD.nonNegativeInteger)


@lru_cache(maxsize=1 << 12)
def _integer(n: int) -> Literal:
    return Literal(n, datatype=XSD.integer)


def to_rdf(
    g: nx.MultiDiGraph,
    base: str = DEFAULT_BASE,
    build_time: datetime | None = None,
    pipeline: str = "",
) -> Graph:
    """The whole export as one rdflib Graph."""
    out = Graph()
    for prefix, ns in JSONLD_CONTEXT.items():
        if not prefix.startswith("@"):
            out.bind(prefix, ns)
    out.bind("kg", base)
    for triple in triples(g, Minter(base), build_time, pipeline):
        out.add(triple)
    return out


def triples(
    g: nx.MultiDiGraph, iri: Minter, build_time: datetime | None = None, pipeline: str = ""
) -> Iterable[tuple]:
    """Every triple of the export, each once, streamed (N-Triples writers need no second copy)."""
    build = iri.build(g)
    agent = _minted(f"{iri.base}agent/kg")
    yield build, _RDF.type, _PROV.Activity
    yield build, _RDFS.label, Literal(f"kg build {kg.__version__}")
    yield build, _PROV.wasAssociatedWith, agent
    when = build_time or datetime.now(timezone.utc).replace(microsecond=0)
    yield build, _PROV.startedAtTime, Literal(when.isoformat(), datatype=_XSD.dateTime)
    if pipeline:
        yield build, _KGO.pipeline, Literal(pipeline)
    yield agent, _RDF.type, _PROV.SoftwareAgent
    yield agent, _RDFS.label, Literal(f"kg {kg.__version__}")

    for node, data in sorted(g.nodes(data=True)):
        if data["type"] == "ARTICLE":
            yield from _article(node, data, g, iri, build)
        else:
            yield from _entity(node, data, iri)

    for role in sorted({d["role"] for _, _, d in g.edges(data=True) if d.get("role")}):
        role_iri = iri.role(role)
        yield role_iri, _RDF.type, _ORG.Role
        yield role_iri, _SKOS.prefLabel, zh(role)
        yield role_iri, _RDFS.label, zh(role)

    # Edges come grouped by their source, so a shortcut triple two edges share
    # (a person's jobTitle with two organizations) is caught by a per-source set.
    current, said = None, set()
    for u, v, key, data in sorted(g.edges(keys=True, data=True), key=lambda t: (t[0], t[1], t[2])):
        su, sv = iri.node(u, g.nodes[u]), iri.node(v, g.nodes[v])
        if u != current:
            current, said = u, set()
        if data["relation"] == "mentions":
            yield su, _SDO.mentions, sv
            continue
        for t in _relation(u, v, su, sv, data, g, iri):
            if t[0] is su:  # a shortcut from the source entity (the same object, so no string compare)
                if t in said:
                    continue
                said.add(t)
            yield t


def _entity(node: str, data: dict, iri: Minter) -> Iterable[tuple]:
    s = iri.node(node, data)
    for cls in SCHEMA_CLASS[data["type"]]:
        yield s, _RDF.type, cls
    yield s, _RDF.type, KG_CLASS[data["type"]]
    yield s, _RDFS.label, zh(data["label"])
    yield s, _SKOS.prefLabel, zh(data["label"])
    for alias in data.get("aliases", []):
        yield s, _SKOS.altLabel, zh(alias)
    yield s, _KGO.mentionCount, _integer(int(data.get("mentions", 0)))
    if data.get("admin_code"):
        yield s, _KGO.adminCode, Literal(data["admin_code"])
        yield s, _RDF.type, _KGO.AdministrativeDivision


def _article(node: str, data: dict, g: nx.MultiDiGraph, iri: Minter, build: URIRef) -> Iterable[tuple]:
    s = iri.node(node, data)
    yield s, _RDF.type, _SDO.NewsArticle
    if data.get("headline"):
        yield s, _SDO.headline, zh(data["headline"])
    for extra in ("kicker", "subheadline"):
        if data.get(extra):
            yield s, _SDO.alternativeHeadline, zh(data[extra])
    if data.get("date"):
        yield s, _KGO.dateText, zh(data["date"])
    if data.get("dateline"):
        yield s, _KGO.dateline, zh(data["dateline"])
    yield s, _SDO.identifier, Literal(data.get("identifier") or node)
    yield s, _KGO.sourceFile, Literal(data.get("source", ""))
    yield s, _PROV.wasGeneratedBy, build
    ctx = iri.context(node)
    text = article_text(g, node)
    yield s, _KGO.text, ctx
    yield ctx, _RDF.type, _NIF.Context
    yield ctx, _RDF.type, _NIF.RFC5147String
    yield ctx, _NIF.isString, Literal(text, lang="zh")
    yield ctx, _NIF.beginIndex, _count(0)
    yield ctx, _NIF.endIndex, _count(len(text))
    yield ctx, _NIF.sourceUrl, s
    written: set[tuple[int, int]] = set()  # a mention can be a whole sentence: one string, two classes
    for start, end in data.get("sentences", []):
        yield from _nif_span(iri.span(node, start, end), _NIF.Sentence, ctx, start, end, text[start:end], written)
    for _, ent, edata in sorted(g.out_edges(node, data=True), key=lambda t: t[1]):
        if edata["relation"] != "mentions":
            continue
        target = iri.node(ent, g.nodes[ent])
        for start, end, surface, label, k in edata["spans"]:
            phrase = iri.span(node, start, end)
            yield from _nif_span(phrase, _NIF.Phrase, ctx, start, end, surface, written)
            yield phrase, _ITSRDF.taIdentRef, target
            yield phrase, _ITSRDF.taClassRef, SCHEMA_CLASS[label][0] if label in SCHEMA_CLASS else _KGO.Entity
            start_s, end_s = data["sentences"][k] if k < len(data.get("sentences", [])) else (start, end)
            yield phrase, _NIF.sentence, iri.span(node, start_s, end_s)


def _nif_span(
    s: URIRef, cls: URIRef, ctx: URIRef, start: int, end: int, anchor: str, written: set[tuple[int, int]]
) -> Iterable[tuple]:
    """A NIF string: offsets are code points into the context's text."""
    yield s, _RDF.type, cls
    if (start, end) in written:
        return
    written.add((start, end))
    yield s, _RDF.type, _NIF.RFC5147String
    yield s, _NIF.referenceContext, ctx
    yield s, _NIF.beginIndex, _count(start)
    yield s, _NIF.endIndex, _count(end)
    yield s, _NIF.anchorOf, zh(anchor)


def _relation(
    u: str, v: str, su: URIRef, sv: URIRef, data: dict, g: nx.MultiDiGraph, iri: Minter
) -> Iterable[tuple]:
    kind, role = data["relation"], data.get("role", "")
    r = iri.relation(kind, u, v, role)
    yield r, _RDF.type, RELATION_CLASS[kind]
    yield r, _KGO.source, su
    yield r, _KGO.target, sv
    yield r, _KGO.weight, _integer(int(data["weight"]))
    if role:
        role_iri = iri.role(role)
        yield r, _KGO.roleLabel, zh(role)
        yield r, _ORG.role, role_iri
    for ev in data.get("evidence", []):
        if ev.get("article"):
            yield r, _PROV.wasDerivedFrom, iri.span(ev["article"], ev["start"], ev["end"])
        elif ev.get("text"):
            yield r, _KGO.evidenceText, zh(ev["text"])
    if kind == "affiliation":
        yield r, _RDF.type, _ORG.Membership
        yield r, _ORG.member, su
        yield r, _ORG.organization, sv
        yield su, _SDO.affiliation if g.nodes[v]["type"] != "PLACE" else _KGO.holdsOfficeIn, sv
        if role:
            yield su, _SDO.jobTitle, zh(role)
    elif kind == "author":
        yield su, _SDO.author, sv
    elif kind == "located_in":
        yield su, _SDO.location, sv
    elif kind == "part_of" and g.nodes[v]["type"] == "PLACE":
        yield su, _SDO.containedInPlace, sv
    elif kind == "part_of":  # a unit of an organization (湘雅医院心血管外科 of 湘雅医院)
        yield su, _ORG.subOrganizationOf, sv
        yield su, _SDO.parentOrganization, sv
    elif kind == "co_occurrence":
        yield r, _KGO.participant, su
        yield r, _KGO.participant, sv

