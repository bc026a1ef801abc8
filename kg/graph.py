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

from kg.extract import Evidence, Extraction
from kg.resolve import Resolution

MAX_EVIDENCE = 20  # sentences kept per edge; ``weight`` still counts them all


def _ev(e: Evidence) -> dict[str, Any]:
    return {"article": e.article, "start": e.start, "end": e.end, "text": e.text}


def build_graph(extractions: list[Extraction], res: Resolution) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    extractions = sorted(extractions, key=lambda ex: ex.article.id)
    for ent in sorted(res.entities.values(), key=lambda e: e.id):
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
    for ex in extractions:
        a = ex.article
        g.add_node(
            a.id,
            type="ARTICLE",
            label=a.headline or a.text[:30],
            headline=a.headline,
            kicker=a.kicker,
            subheadline=a.subheadline,
            date=a.date,
            dateline=a.dateline,
            kind=a.kind,
            source=a.source,
            source_start=a.source_offset(0) if a.text else 0,
            text=a.text,
            sentences=[list(s) for s in ex.sentences],
            mentions=len(ex.mentions),
        )

    edges: dict[tuple[str, str, str, str], list[Evidence]] = defaultdict(list)
    for head, tail, rel in res.relations:
        edges[(head, tail, rel.kind, rel.role)].append(rel.evidence or Evidence("", 0, 0, ""))

    # article -> entity: every mention with its offsets, for NIF and the article pages
    mention_spans: dict[tuple[str, str], list[list]] = defaultdict(list)
    for ex in extractions:
        by_sentence: dict[int, set[str]] = defaultdict(set)
        for i, m in enumerate(ex.mentions):
            eid = res.links[(ex.article.id, i)]
            mention_spans[(ex.article.id, eid)].append([m.start, m.end, m.text, m.label, m.sentence])
            if m.origin != "byline":
                by_sentence[m.sentence].add(eid)
        for k, ids in sorted(by_sentence.items()):
            for u, v in combinations(sorted(ids), 2):
                edges[(u, v, "co_occurrence", "")].append(ex.sentence_evidence(k))

    for (u, v), spans in sorted(mention_spans.items()):
        g.add_edge(u, v, key="mentions:", relation="mentions", role="", weight=len(spans), spans=sorted(spans))
    for (u, v, kind, role), evs in sorted(edges.items()):
        unique = sorted(set(evs), key=lambda e: (e.article, e.start, e.end, e.text))
        g.add_edge(
            u,
            v,
            key=f"{kind}:{role}",
            relation=kind,
            role=role,
            weight=len(unique),
            evidence=[_ev(e) for e in unique[:MAX_EVIDENCE]],
        )
    return g


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
