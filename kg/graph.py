"""Entities, articles and relations as one networkx MultiDiGraph.

Nodes are entities (type PERSON/ORG/COMPANY/PLACE) and articles (type ARTICLE).
Edges carry ``relation`` (affiliation, author, located_in, part_of, co_occurrence,
mentions), ``role``, ``weight`` and ``evidence`` (the sentences, with their article and
offsets). Everything is inserted in sorted order, so the graph does not depend on the
order the files were read in.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Any

import networkx as nx

from kg.records import Evidence, Extraction
from kg.ingest import BULLETS, Article, record_id
from kg.resolve import Resolver, Tally

MAX_EVIDENCE = 20  # sentences kept per edge; ``weight`` still counts them all


def _ev(e: Evidence) -> dict[str, Any]:
    return {"article": e.article, "start": e.start, "end": e.end, "text": e.text}


def _ev_key(e: Evidence) -> tuple:
    return (e.article, e.start, e.end, e.text)


def _lead(a: Article) -> str:
    """A label for an article without a headline (a brief): its first line of prose, begun."""
    lines = [x.strip().lstrip("".join(BULLETS)).strip() for x in a.text.split("\n")]
    return next((x for x in lines if x and x != a.kicker), "")[:30]


def article_node(a: Article) -> dict[str, Any]:
    """An article's node attributes; its text stays with the build's text store."""
    return {
        "type": "ARTICLE",
        "label": a.headline or _lead(a),
        "headline": a.headline,
        "kicker": a.kicker,
        "subheadline": a.subheadline,
        "date": a.date,
        "dateline": a.dateline,
        "kind": a.kind,
        "source": a.source,
        "source_start": a.source_offset(0) if a.text else 0,
        "identifier": record_id(a.meta) or a.id,  # the record's own id, as given
    }


class GraphFold:
    """Folds resolved extractions, one article at a time, into the graph's nodes and edges.

    Each edge keeps its weight (distinct sentences) and its first MAX_EVIDENCE sentences,
    so memory grows with the entities and relations, not with the text read. The result
    does not depend on the order articles arrive in.
    """

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.articles: dict[str, dict[str, Any]] = {}
        self.spans: dict[tuple[str, str], list[list]] = {}
        self.edges: dict[tuple[str, str, str, str], tuple[int, list[Evidence]]] = {}

    def add(self, node: dict[str, Any], ex: Extraction) -> None:
        """``node`` is the article's attributes (article_node); ``ex`` its extraction."""
        aid = ex.article.id
        links = self.resolver.link(ex)
        local: dict[tuple[str, str, str, str], set[Evidence]] = defaultdict(set)
        for head, tail, rel in self.resolver.relations(ex, links):
            local[(head, tail, rel.kind, rel.role)].add(rel.evidence or Evidence(aid, 0, 0, ""))
        by_sentence: dict[int, set[str]] = defaultdict(set)
        spans: dict[str, list[list]] = defaultdict(list)
        for m, eid in zip(ex.mentions, links):
            spans[eid].append([m.start, m.end, m.text, m.label, m.sentence])
            if m.origin != "byline":
                by_sentence[m.sentence].add(eid)
        for k, ids in by_sentence.items():
            if len(ids) > 1:
                evidence = ex.sentence_evidence(k)
                for u, v in combinations(sorted(ids), 2):
                    local[(u, v, "co_occurrence", "")].add(evidence)
        for eid, found in spans.items():
            self.spans[(aid, eid)] = sorted(found)
        self.merge(local)
        self.articles[aid] = {**node, "sentences": [list(s) for s in ex.sentences], "mentions": len(ex.mentions)}

    def merge(self, found: dict[tuple[str, str, str, str], set[Evidence]]) -> None:
        for key, evs in found.items():
            n, kept = self.edges.get(key, (0, []))
            if len(evs) == 1 and (not kept or _ev_key(kept[-1]) < _ev_key(next(iter(evs)))):
                if len(kept) < MAX_EVIDENCE:  # most edges gain one sentence, after the ones they hold
                    kept = [*kept, *evs]
            else:
                kept = sorted([*kept, *evs], key=_ev_key)[:MAX_EVIDENCE]
            self.edges[key] = (n + len(evs), kept)

    def graph(self) -> nx.MultiDiGraph:
        extra: dict[tuple[str, str, str, str], set[Evidence]] = defaultdict(set)
        for head, tail, rel in self.resolver.finish():
            extra[(head, tail, rel.kind, rel.role)].add(rel.evidence or Evidence("", 0, 0, ""))
        self.merge(extra)
        g = nx.MultiDiGraph()
        for ent in sorted(self.resolver.entities.values(), key=lambda e: e.id):
            g.add_node(
                ent.id,
                type=ent.type,
                label=ent.label,
                aliases=sorted(ent.aliases),
                mentions=ent.mentions,
                articles=sorted(ent.articles),
                admin_code=ent.admin_code,
                origin=ent.origin,
            )
        for aid, data in sorted(self.articles.items()):
            g.add_node(aid, **data)
        for (u, v), spans in sorted(self.spans.items()):
            g.add_edge(u, v, key="mentions:", relation="mentions", role="", weight=len(spans), spans=spans)
        for (u, v, kind, role), (n, kept) in sorted(self.edges.items()):
            g.add_edge(u, v, key=f"{kind}:{role}", relation=kind, role=role, weight=n, evidence=[_ev(e) for e in kept])
        return g


def build_graph(extractions: list[Extraction]) -> nx.MultiDiGraph:
    """The graph of extractions held in memory, article texts on their nodes (tests, small jobs)."""
    tally = Tally()
    for ex in extractions:
        tally.add(ex)
    fold = GraphFold(Resolver(tally))
    for ex in extractions:
        fold.add(article_node(ex.article), ex)
    g = fold.graph()
    g.graph["texts"] = {ex.article.id: ex.article.text for ex in extractions}
    return g


def article_text(g: nx.MultiDiGraph, article: str) -> str:
    """An article's text, from the node or from the build's text store (kept on disk for large builds)."""
    if "text" in g.nodes[article]:
        return g.nodes[article]["text"]
    texts = g.graph.get("texts")
    return texts.get(article, "") if texts is not None else ""


def entity_nodes(g: nx.MultiDiGraph) -> list[str]:
    return [n for n, d in g.nodes(data=True) if d.get("type") != "ARTICLE"]


def stats(g: nx.MultiDiGraph, top: int = 10) -> dict[str, Any]:
    """Entities by type, the most mentioned, the strongest relations."""
    by_type: dict[str, int] = defaultdict(int)
    for _, d in g.nodes(data=True):
        by_type[d["type"]] += 1
    relations: dict[str, int] = defaultdict(int)
    for _, _, d in g.edges(data=True):
        relations[d["relation"]] += 1
    ents = sorted(entity_nodes(g), key=lambda n: (-g.nodes[n]["mentions"], n))
    strongest = sorted(
        (
            (d["weight"], u, v, d)
            for u, v, d in g.edges(data=True)
            if d["relation"] not in ("mentions",)
        ),
        key=lambda t: (-t[0], t[1], t[2], t[3]["relation"]),
    )
    return {
        "nodes_by_type": dict(sorted(by_type.items())),
        "edges_by_relation": dict(sorted(relations.items())),
        "most_mentioned": [
            {"label": g.nodes[n]["label"], "type": g.nodes[n]["type"], "mentions": g.nodes[n]["mentions"]}
            for n in ents[:top]
        ],
        "strongest_relations": [
            {
                "source": g.nodes[u]["label"],
                "target": g.nodes[v]["label"],
                "relation": d["relation"],
                "role": d["role"],
                "weight": w,
            }
            for w, u, v, d in strongest[:top]
        ],
    }
