"""Write the graph's files: GraphML, RDF serializations and the JSON report, atomically."""

from __future__ import annotations

import json
from json.encoder import encode_basestring
import re
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape as xml_escape, quoteattr

import networkx as nx
from rdflib import RDF, Literal, URIRef
from rdflib.plugins.serializers.nt import _quoteLiteral

from kg.atomic import atomic_write
from kg.rdf import JSONLD_CONTEXT, Minter, triples


_GRAPHML_KEYS = (  # (id, for, type): the scalar attributes Gephi, Cytoscape and networkx read
    ("label", "node", "string"), ("type", "node", "string"), ("aliases", "node", "string"),
    ("mentions", "node", "long"), ("admin_code", "node", "string"), ("articles", "node", "string"),
    ("headline", "node", "string"), ("date", "node", "string"), ("source", "node", "string"),
    ("relation", "edge", "string"), ("role", "edge", "string"), ("weight", "edge", "long"),
    ("evidence", "edge", "string"),
)


_to_json = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps would make an encoder per call
_quote_json = encode_basestring  # a JSON string, non-ASCII kept (the C encoder where there is one)


def _graphml_node(d: dict[str, Any]) -> dict[str, Any]:
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
    return attrs


def _graphml_edge(u: str, d: dict[str, Any]) -> dict[str, Any]:
    evidence = d.get("evidence") or [{"article": u, "spans": d.get("spans", [])}]
    return {
        "relation": d["relation"],
        "role": d.get("role", ""),
        "weight": int(d["weight"]),
        "evidence": _to_json(evidence),
    }


def _xml_data(attrs: dict[str, Any]) -> str:
    return "".join(
        f'      <data key="{k}">{xml_escape(str(v), _XML_EXTRA)}</data>\n' if v != "" else f'      <data key="{k}" />\n'
        for k, v in attrs.items()
    )


_XML_EXTRA = {"\r": "&#13;", "\t": "&#9;", "\n": "&#10;"}  # kept as they are by any XML parser


def write_graphml(g: nx.MultiDiGraph, path: Path) -> None:
    """GraphML written element by element (networkx's writer builds the whole document in memory first)."""
    with atomic_write(path, "w") as f:
        f.write(
            "<?xml version='1.0' encoding='utf-8'?>\n"
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
            'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
        )
        for key, scope, typ in _GRAPHML_KEYS:
            f.write(f'  <key id="{key}" for="{scope}" attr.name="{key}" attr.type="{typ}" />\n')
        f.write('  <graph edgedefault="directed">\n')
        for n, d in g.nodes(data=True):
            f.write(f"    <node id={quoteattr(n)}>\n{_xml_data(_graphml_node(d))}    </node>\n")
        for u, v, k, d in g.edges(keys=True, data=True):
            f.write(
                f"    <edge id={quoteattr(str(k))} source={quoteattr(u)} target={quoteattr(v)}>\n"
                f"{_xml_data(_graphml_edge(u, d))}    </edge>\n"
            )
        f.write("  </graph>\n</graphml>\n")


_TYPE = RDF.type
_same, _starts = str.__eq__, str.startswith  # rdflib's terms override both in Python; the C ones suffice here


class _Turtle:
    """Turtle written as the triples come: prefixes first, then one block per run of a subject."""

    def __init__(self, f: IO[str], prefixes: dict[str, str]) -> None:
        self.f, self.subject = f, None
        self.compact = _Compact(prefixes, turtle=True)
        self.compact.vocab.seed(_TYPE, "a")
        self.quote = _ById(_quoteLiteral)
        for p, ns in prefixes.items():
            f.write(f"@prefix {p}: <{ns}> .\n")

    def add(self, s: Any, p: Any, o: Any) -> None:
        verb = self.compact.vocab(p)
        if type(o) is Literal:
            obj = self.quote(o)
        else:
            obj = self.compact.vocab(o) if verb == "a" else self.compact(o)
        if self.subject is not None and _same(s, self.subject):
            self.f.write(f" ;\n    {verb} {obj}")
        else:
            self.f.write(" .\n" if self.subject is not None else "")
            self.f.write(f"\n{self.compact(s)}\n    {verb} {obj}")
            self.subject = s

    def close(self) -> None:
        self.f.write(" .\n" if self.subject is not None else "")


class _JsonLd:
    """JSON-LD (compact IRIs, one node object per run of a subject) written as the triples come.

    Each node is written as the sorted-keys JSON encoder would write it, but from pieces
    encoded once: keys, classes and the repeated literals are memoized, so a node costs a
    join instead of a dict of dicts walked by the encoder.
    """

    def __init__(self, f: IO[str], prefixes: dict[str, str]) -> None:
        self.f = f
        self.compact = _Compact(prefixes, turtle=False)
        self.keys: dict[str, str] = {}
        self.classes = _ById(lambda o: _quote_json(self.compact.vocab(o)))
        self.literals = _ById(self._literal)
        self.subject: Any = None
        self.node: dict[str, Any] = {}
        self.first = True
        context = {"@vocab": JSONLD_CONTEXT["@vocab"], **prefixes}
        f.write('{\n  "@context": ' + json.dumps(context, sort_keys=True) + ',\n  "@graph": [')

    def _literal(self, o: Literal) -> str:
        if o.language:
            return f'{{"@language": {_quote_json(o.language)}, "@value": {_quote_json(str(o))}}}'
        if o.datatype:
            return f'{{"@type": {_quote_json(self.compact.vocab(o.datatype))}, "@value": {_quote_json(str(o))}}}'
        return f'{{"@value": {_quote_json(str(o))}}}'

    def add(self, s: Any, p: Any, o: Any) -> None:
        if self.subject is None or not _same(s, self.subject):
            self._flush()
            self.subject, self.node = s, {"@id": _quote_json(self.compact(s))}
        if _same(p, _TYPE):
            self.node.setdefault("@type", []).append(self.classes(o))
            return
        value = self.literals(o) if type(o) is Literal else '{"@id": ' + _quote_json(self.compact(o)) + "}"
        self.node.setdefault(self.compact.vocab(p), []).append(value)

    def _flush(self) -> None:
        if self.subject is None:
            return
        node, keys, parts = self.node, self.keys, []
        for k in sorted(node):
            v = node[k]
            if k == "@id":
                parts.append('"@id": ' + v)
                continue
            key = keys.get(k)
            if key is None:
                key = keys[k] = _quote_json(k)
            parts.append(key + ": [" + ", ".join(v) + "]")
        self.f.write(("\n    {" if self.first else ",\n    {") + ", ".join(parts) + "}")
        self.first = False

    def close(self) -> None:
        self._flush()
        self.f.write("\n  ]\n}\n")


class _Lines:
    """N-Triples, or N-Quads with every triple in the build's named graph."""

    def __init__(self, f: IO[str], graph: URIRef | None) -> None:
        self.f = f
        self.end = f" <{graph}> .\n" if graph is not None else " .\n"
        self.quote = _ById(_quoteLiteral)

    def add(self, s: Any, p: Any, o: Any) -> None:
        # kg mints every IRI from a checked base and hashes or codes, so they need no escaping
        obj = self.quote(o) if type(o) is Literal else f"<{o}>"
        self.f.write(f"<{s}> <{p}> {obj}{self.end}")

    def close(self) -> None:
        pass


_LOCAL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_\-.]*[A-Za-z0-9_\-])?$")


class _ById:
    """Memo of a function of rdflib terms, keyed by the term object.

    rdflib hashes its terms in Python (a tuple of class name and string), which costs
    more than most of the work saved; the terms that repeat here (predicates, classes,
    the cached literals of kg.rdf) are the same objects each time. The memo holds the
    term itself, so its id cannot be reused while it is in the memo; long terms (article
    texts) are not kept.
    """

    def __init__(self, fn: Any, limit: int = 1 << 16) -> None:
        self.fn, self.limit = fn, limit
        self.memo: dict[int, tuple[Any, str]] = {}

    def seed(self, term: Any, value: str) -> None:
        """``value`` for ``term`` instead of what the function would give (rdf:type is "a" in Turtle)."""
        self.memo[id(term)] = (term, value)

    def __call__(self, term: Any) -> str:
        hit = self.memo.get(id(term))
        if hit is not None and hit[0] is term:
            return hit[1]
        out = self.fn(term)
        if len(term) > 200:
            return out
        if len(self.memo) >= self.limit:
            self.memo.clear()
        self.memo[id(term)] = (term, out)
        return out


class _Compact:
    """prefix:local for an IRI under a known prefix (in Turtle only when the rest is a plain local name)."""

    def __init__(self, prefixes: dict[str, str], turtle: bool) -> None:
        spaces = sorted(((ns, p) for p, ns in prefixes.items()), key=lambda t: -len(t[0]))
        # the namespaces that can hold an IRI, by the IRI's first characters (longest first)
        self.head = min(len(ns) for ns, _ in spaces)
        self.spaces: dict[str, list[tuple[str, str]]] = {}
        for ns, p in spaces:
            self.spaces.setdefault(ns[: self.head], []).append((ns, p))
        self.turtle = turtle
        self.vocab = _ById(self)  # predicates, classes, datatypes: few, and each is compacted once

    def __call__(self, iri: Any) -> str:
        for ns, p in self.spaces.get(iri[: self.head], ()):
            if _starts(iri, ns):
                local = iri[len(ns) :]
                if not self.turtle or _LOCAL.match(local):
                    return f"{p}:{local}"
                break
        return f"<{iri}>" if self.turtle else str(iri)


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
