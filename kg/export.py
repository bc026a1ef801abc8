"""Write the graph's files: GraphML, RDF serializations and the JSON report, atomically."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import networkx as nx

from kg.atomic import atomic_write
from kg.rdf import JSONLD_CONTEXT, Minter, to_rdf, triples

RDF_FORMATS = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt", "nq": "nquads"}


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


def write_rdf(
    g: nx.MultiDiGraph,
    out: Path,
    formats: tuple[str, ...],
    base: str,
    build_time: datetime | None,
    pipeline: str,
) -> dict[str, int]:
    """The RDF files in ``formats``; N-Triples are streamed without building a Graph."""
    counts: dict[str, int] = {}
    graph = None
    for fmt in formats:
        path = out / f"graph.{fmt}"
        if fmt == "nt":
            counts[fmt] = _stream_ntriples(g, path, base, build_time, pipeline)
            continue
        if graph is None:
            graph = to_rdf(g, base, build_time, pipeline)
        if fmt == "jsonld":
            data = json.loads(graph.serialize(format="json-ld", context=JSONLD_CONTEXT, auto_compact=True))
            with atomic_write(path, "w") as f:
                json.dump(_canonical(data), f, ensure_ascii=False, indent=2, sort_keys=True)
                f.write("\n")
        else:
            with atomic_write(path, "wb") as f:
                graph.serialize(f, format=RDF_FORMATS[fmt])
        counts[fmt] = len(graph)
    return counts


def _canonical(node: Any) -> Any:
    """JSON-LD with every array sorted: rdflib emits nodes in set order, which varies by run."""
    if isinstance(node, dict):
        return {k: v if k == "@list" else _canonical(v) for k, v in node.items()}
    if isinstance(node, list):
        items = [_canonical(x) for x in node]
        return sorted(items, key=lambda x: json.dumps(x, ensure_ascii=False, sort_keys=True))
    return node


def _stream_ntriples(g: nx.MultiDiGraph, path: Path, base: str, build_time: datetime | None, pipeline: str) -> int:
    from rdflib.plugins.serializers.nt import _nt_row

    n = 0
    seen: set[tuple] = set()
    with atomic_write(path, "w") as f:
        for t in triples(g, Minter(base), build_time, pipeline):
            if t in seen:
                continue
            seen.add(t)
            f.write(_nt_row(t))
            n += 1
    return n


def write_json(data: Any, path: Path) -> None:
    with atomic_write(path, "w") as f:
        json.dump(data, f, ensure_ascii=False, indent=2, sort_keys=False)
        f.write("\n")
