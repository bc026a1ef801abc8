"""Write the graph's files: GraphML, RDF serializations and the JSON report, atomically."""

from __future__ import annotations

import json
import re
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path
from typing import IO, Any

import networkx as nx
from rdflib import RDF, Literal, URIRef
from rdflib.plugins.serializers.nt import _nt_row, _quoteLiteral

from kg.atomic import atomic_write
from kg.rdf import JSONLD_CONTEXT, Minter, triples


def graphml_view(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only the scalar attributes Gephi, Cytoscape and networkx read."""
    out = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        attrs = {
            "label": d["label"],
            "type": d["type"],
            "aliases": "|".join(d.get("aliases", [])),
            "mentions": int(d.get("mentions", 0)),
        }
        if d["type"] == "ARTICLE":
            attrs.update(headline=d.get("headline", ""), date=d.get("date", ""), source=d.get("source", ""))
        else:
            attrs.update(admin_code=d.get("admin_code", ""), articles="|".join(d.get("articles", [])))
        out.add_node(n, **attrs)
    for u, v, k, d in g.edges(keys=True, data=True):
        evidence = d.get("evidence") or [{"article": u, "spans": d.get("spans", [])}]
        out.add_edge(
            u,
            v,
            key=k,
            relation=d["relation"],
            role=d.get("role", ""),
            weight=int(d["weight"]),
            evidence=json.dumps(evidence, ensure_ascii=False),
        )
    return out


def write_graphml(g: nx.MultiDiGraph, path: Path) -> None:
    with atomic_write(path, "wb") as f:
        nx.write_graphml(graphml_view(g), f, encoding="utf-8", prettyprint=True, named_key_ids=True)


class _Turtle:
    """Turtle written as the triples come: prefixes first, then one block per run of a subject."""

    def __init__(self, f: IO[str], prefixes: dict[str, str]) -> None:
        self.f, self.prefixes, self.subject = f, prefixes, None
        for p, ns in prefixes.items():
            f.write(f"@prefix {p}: <{ns}> .\n")

    def term(self, t: Any) -> str:
        if isinstance(t, Literal):
            return _quoteLiteral(t)
        return _compact(str(t), self.prefixes, turtle=True)

    def add(self, s: Any, p: Any, o: Any) -> None:
        verb = "a" if p == RDF.type else self.term(p)
        if s == self.subject:
            self.f.write(f" ;\n    {verb} {self.term(o)}")
        else:
            self.f.write(" .\n" if self.subject is not None else "")
            self.f.write(f"\n{self.term(s)}\n    {verb} {self.term(o)}")
            self.subject = s

    def close(self) -> None:
        self.f.write(" .\n" if self.subject is not None else "")


class _JsonLd:
    """JSON-LD (compact IRIs, one node object per run of a subject) written as the triples come."""

    def __init__(self, f: IO[str], prefixes: dict[str, str]) -> None:
        self.f, self.prefixes = f, prefixes
        self.node: dict[str, Any] | None = None
        self.first = True
        context = {"@vocab": JSONLD_CONTEXT["@vocab"], **prefixes}
        f.write('{\n  "@context": ' + json.dumps(context, sort_keys=True) + ',\n  "@graph": [')

    def iri(self, t: Any) -> str:
        return _compact(str(t), self.prefixes, turtle=False)

    def add(self, s: Any, p: Any, o: Any) -> None:
        sid = self.iri(s)
        if self.node is None or self.node["@id"] != sid:
            self._flush()
            self.node = {"@id": sid}
        if p == RDF.type:
            self.node.setdefault("@type", []).append(self.iri(o))
            return
        if isinstance(o, Literal):
            value: dict[str, Any] = {"@value": str(o)}
            if o.language:
                value["@language"] = o.language
            elif o.datatype:
                value["@type"] = self.iri(o.datatype)
        else:
            value = {"@id": self.iri(o)}
        self.node.setdefault(self.iri(p), []).append(value)

    def _flush(self) -> None:
        if self.node is not None:
            self.f.write(("\n    " if self.first else ",\n    ") + json.dumps(self.node, ensure_ascii=False, sort_keys=True))
            self.first = False

    def close(self) -> None:
        self._flush()
        self.f.write("\n  ]\n}\n")


class _Lines:
    """N-Triples, or N-Quads with every triple in the build's named graph."""

    def __init__(self, f: IO[str], graph: URIRef | None) -> None:
        self.f = f
        self.end = f" {graph.n3()} .\n" if graph is not None else " .\n"

    def add(self, s: Any, p: Any, o: Any) -> None:
        self.f.write(_nt_row((s, p, o))[:-3] + self.end)

    def close(self) -> None:
        pass


_LOCAL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_\-.]*[A-Za-z0-9_\-])?$")


def _compact(iri: str, prefixes: dict[str, str], turtle: bool) -> str:
    """prefix:local where a prefix covers the IRI (and, in Turtle, the rest is a plain local name)."""
    best = max((ns for ns in prefixes.values() if iri.startswith(ns)), key=len, default="")
    if best:
        local = iri[len(best) :]
        if not turtle or _LOCAL.match(local):
            return f"{next(p for p, ns in prefixes.items() if ns == best)}:{local}"
    return f"<{iri}>" if turtle else iri


def write_rdf(
    g: nx.MultiDiGraph,
    out: Path,
    formats: tuple[str, ...],
    base: str,
    build_time: datetime | None,
    pipeline: str,
) -> dict[str, int]:
    """The RDF files in ``formats``, all written in one streamed pass over the triples.

    No serialization needs the whole RDF graph in memory: triples() yields each triple
    once, in an order fixed by the graph's sorted ids, so every file is byte-identical
    from run to run.
    """
    iri = Minter(base)
    prefixes = {p: ns for p, ns in JSONLD_CONTEXT.items() if not p.startswith("@")}
    prefixes["kg"] = base
    n = 0
    with ExitStack() as stack:
        writers = []
        for fmt in formats:
            f = stack.enter_context(atomic_write(out / f"graph.{fmt}", "w"))
            if fmt == "ttl":
                writers.append(_Turtle(f, prefixes))
            elif fmt == "jsonld":
                writers.append(_JsonLd(f, prefixes))
            else:
                writers.append(_Lines(f, iri.build(g) if fmt == "nq" else None))
        for s, p, o in triples(g, iri, build_time, pipeline):
            for w in writers:
                w.add(s, p, o)
            n += 1
        for w in writers:
            w.close()
    return {fmt: n for fmt in formats}


def write_json(data: Any, path: Path) -> None:
    with atomic_write(path, "w") as f:
        json.dump(data, f, ensure_ascii=False, indent=2, sort_keys=False)
        f.write("\n")
