"""networkx graph -> RDF (rdflib), with schema.org, SKOS, W3C ORG, PROV-O and NIF 2.0.

The networkx graph is the single source: this module only maps it. IRIs are minted
from ``base`` and the graph's own ids (hashes and division codes), never from raw text.
"""

from __future__ import annotations

import hashlib
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


class Minter:
    """IRIs for the graph's nodes, relations and text positions, under one base."""

    def __init__(self, base: str) -> None:
        if not base.endswith(("/", "#")):
            base += "/"
        self.base = base

    def node(self, node_id: str, data: dict[str, Any]) -> URIRef:
        kind = "article" if data.get("type") == "ARTICLE" else "entity"
        return URIRef(f"{self.base}{kind}/{node_id}")

    def context(self, article: str) -> URIRef:
        return URIRef(f"{self.base}article/{article}/text")

    def span(self, article: str, start: int, end: int) -> URIRef:
        return URIRef(f"{self.base}article/{article}/text#char={start},{end}")

    def relation(self, kind: str, u: str, v: str, role: str) -> URIRef:
        digest = hashlib.sha1(f"{u}\t{v}\t{role}".encode("utf8")).hexdigest()[:16]
        return URIRef(f"{self.base}{kind.replace('_', '-')}/{digest}")

    def role(self, role: str) -> URIRef:
        return URIRef(f"{self.base}role/{hashlib.sha1(role.encode('utf8')).hexdigest()[:12]}")

    def build(self, g: nx.MultiDiGraph) -> URIRef:
        digest = hashlib.sha1("\n".join(sorted(n for n in g.nodes)).encode("utf8")).hexdigest()[:16]
        return URIRef(f"{self.base}build/{digest}")


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


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
    agent = URIRef(f"{iri.base}agent/kg")
    yield build, RDF.type, PROV.Activity
    yield build, RDFS.label, Literal(f"kg build {kg.__version__}")
    yield build, PROV.wasAssociatedWith, agent
    when = build_time or datetime.now(timezone.utc).replace(microsecond=0)
    yield build, PROV.startedAtTime, Literal(when.isoformat(), datatype=XSD.dateTime)
    if pipeline:
        yield build, KGO.pipeline, Literal(pipeline)
    yield agent, RDF.type, PROV.SoftwareAgent
    yield agent, RDFS.label, Literal(f"kg {kg.__version__}")

    for node, data in sorted(g.nodes(data=True)):
        if data["type"] == "ARTICLE":
            yield from _article(node, data, g, iri, build)
        else:
            yield from _entity(node, data, iri)

    for role in sorted({d["role"] for _, _, d in g.edges(data=True) if d.get("role")}):
        role_iri = iri.role(role)
        yield role_iri, RDF.type, ORG.Role
        yield role_iri, SKOS.prefLabel, zh(role)
        yield role_iri, RDFS.label, zh(role)

    # Edges come grouped by their source, so a shortcut triple two edges share
    # (a person's jobTitle with two organizations) is caught by a per-source set.
    current, said = None, set()
    for u, v, key, data in sorted(g.edges(keys=True, data=True), key=lambda t: (t[0], t[1], t[2])):
        su, sv = iri.node(u, g.nodes[u]), iri.node(v, g.nodes[v])
        if u != current:
            current, said = u, set()
        if data["relation"] == "mentions":
            yield su, SDO.mentions, sv
            continue
        for t in _relation(u, v, su, sv, data, g, iri):
            if t[0] == su:
                if t in said:
                    continue
                said.add(t)
            yield t


def _entity(node: str, data: dict, iri: Minter) -> Iterable[tuple]:
    s = iri.node(node, data)
    for cls in SCHEMA_CLASS[data["type"]]:
        yield s, RDF.type, cls
    yield s, RDF.type, KG_CLASS[data["type"]]
    yield s, RDFS.label, zh(data["label"])
    yield s, SKOS.prefLabel, zh(data["label"])
    for alias in data.get("aliases", []):
        yield s, SKOS.altLabel, zh(alias)
    yield s, KGO.mentionCount, Literal(int(data.get("mentions", 0)), datatype=XSD.integer)
    if data.get("admin_code"):
        yield s, KGO.adminCode, Literal(data["admin_code"])
        yield s, RDF.type, KGO.AdministrativeDivision


def _article(node: str, data: dict, g: nx.MultiDiGraph, iri: Minter, build: URIRef) -> Iterable[tuple]:
    s = iri.node(node, data)
    yield s, RDF.type, SDO.NewsArticle
    if data.get("headline"):
        yield s, SDO.headline, zh(data["headline"])
    for extra in ("kicker", "subheadline"):
        if data.get(extra):
            yield s, SDO.alternativeHeadline, zh(data[extra])
    if data.get("date"):
        yield s, KGO.dateText, zh(data["date"])
    if data.get("dateline"):
        yield s, KGO.dateline, zh(data["dateline"])
    yield s, SDO.identifier, Literal(node)
    yield s, KGO.sourceFile, Literal(data.get("source", ""))
    yield s, PROV.wasGeneratedBy, build
    ctx = iri.context(node)
    text = article_text(g, node)
    yield s, KGO.text, ctx
    yield ctx, RDF.type, NIF.Context
    yield ctx, RDF.type, NIF.RFC5147String
    yield ctx, NIF.isString, Literal(text, lang="zh")
    yield ctx, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)
    yield ctx, NIF.endIndex, Literal(len(text), datatype=XSD.nonNegativeInteger)
    yield ctx, NIF.sourceUrl, s
    written: set[tuple[int, int]] = set()  # a mention can be a whole sentence: one string, two classes
    for start, end in data.get("sentences", []):
        yield from _nif_span(iri.span(node, start, end), NIF.Sentence, ctx, start, end, text[start:end], written)
    for _, ent, edata in sorted(g.out_edges(node, data=True), key=lambda t: t[1]):
        if edata["relation"] != "mentions":
            continue
        target = iri.node(ent, g.nodes[ent])
        for start, end, surface, label, k in edata["spans"]:
            phrase = iri.span(node, start, end)
            yield from _nif_span(phrase, NIF.Phrase, ctx, start, end, surface, written)
            yield phrase, ITSRDF.taIdentRef, target
            yield phrase, ITSRDF.taClassRef, SCHEMA_CLASS[label][0] if label in SCHEMA_CLASS else KGO.Entity
            start_s, end_s = data["sentences"][k] if k < len(data.get("sentences", [])) else (start, end)
            yield phrase, NIF.sentence, iri.span(node, start_s, end_s)


def _nif_span(
    s: URIRef, cls: URIRef, ctx: URIRef, start: int, end: int, anchor: str, written: set[tuple[int, int]]
) -> Iterable[tuple]:
    """A NIF string: offsets are code points into the context's text."""
    yield s, RDF.type, cls
    if (start, end) in written:
        return
    written.add((start, end))
    yield s, RDF.type, NIF.RFC5147String
    yield s, NIF.referenceContext, ctx
    yield s, NIF.beginIndex, Literal(start, datatype=XSD.nonNegativeInteger)
    yield s, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)
    yield s, NIF.anchorOf, Literal(anchor, lang="zh")


def _relation(
    u: str, v: str, su: URIRef, sv: URIRef, data: dict, g: nx.MultiDiGraph, iri: Minter
) -> Iterable[tuple]:
    kind, role = data["relation"], data.get("role", "")
    r = iri.relation(kind, u, v, role)
    yield r, RDF.type, RELATION_CLASS[kind]
    yield r, KGO.source, su
    yield r, KGO.target, sv
    yield r, KGO.weight, Literal(int(data["weight"]), datatype=XSD.integer)
    if role:
        role_iri = iri.role(role)
        yield r, KGO.roleLabel, zh(role)
        yield r, ORG.role, role_iri
    for ev in data.get("evidence", []):
        if ev.get("article"):
            yield r, PROV.wasDerivedFrom, iri.span(ev["article"], ev["start"], ev["end"])
        elif ev.get("text"):
            yield r, KGO.evidenceText, zh(ev["text"])
    if kind == "affiliation":
        yield r, RDF.type, ORG.Membership
        yield r, ORG.member, su
        yield r, ORG.organization, sv
        yield su, SDO.affiliation if g.nodes[v]["type"] != "PLACE" else KGO.holdsOfficeIn, sv
        if role:
            yield su, SDO.jobTitle, zh(role)
    elif kind == "author":
        yield su, SDO.author, sv
    elif kind == "located_in":
        yield su, SDO.location, sv
    elif kind == "part_of":
        yield su, SDO.containedInPlace, sv
    elif kind == "co_occurrence":
        yield r, KGO.participant, su
        yield r, KGO.participant, sv

