"""The interactive network page (pyvis data, vis-network inlined) and one page per article.

The page carries every script and style it needs, so it opens from a plain file with
no network. All text from documents reaches the page as JSON data or escaped text,
never as markup.
"""

from __future__ import annotations

import html
import json
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator

import networkx as nx
from pyvis.network import Network

from kg.atomic import atomic_write
from kg.graph import article_text

STYLE = {
    "PERSON": {"color": "#e4572e", "shape": "dot", "name": "人物 Person"},
    "ORG": {"color": "#4c78a8", "shape": "square", "name": "机构 Organization"},
    "COMPANY": {"color": "#54a24b", "shape": "diamond", "name": "企业 Company"},
    "PLACE": {"color": "#b279a2", "shape": "triangle", "name": "地点 Place"},
    "ARTICLE": {"color": "#9d9d9d", "shape": "box", "name": "文章 Article"},
}
RELATION_NAMES = {
    "affiliation": "任职 affiliation",
    "author": "作者 author",
    "located_in": "位于 located in",
    "part_of": "隶属 part of",
    "co_occurrence": "同句 co-occurrence",
    "mentions": "提及 mentions",
}


def _vis_assets() -> tuple[str, str]:
    lib = resources.files("pyvis").joinpath("lib", "vis-9.1.2")
    return (
        lib.joinpath("vis-network.min.js").read_text(encoding="utf8"),
        lib.joinpath("vis-network.css").read_text(encoding="utf8"),
    )


def _script_json(data: Any) -> str:
    """JSON that cannot close the <script> element it sits in."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return (
        text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


def select_nodes(g: nx.MultiDiGraph, max_nodes: int, min_weight: int) -> tuple[list[str], int]:
    """The most mentioned, best connected entities (articles not drawn); and how many were left out."""
    ents = [n for n, d in g.nodes(data=True) if d["type"] != "ARTICLE"]
    degree = {n: 0 for n in ents}
    for u, v, d in g.edges(data=True):
        if d["relation"] != "mentions" and d["weight"] >= min_weight and u in degree and v in degree:
            degree[u] += d["weight"]
            degree[v] += d["weight"]
    ranked = sorted(ents, key=lambda n: (-(g.nodes[n]["mentions"] + degree[n]), n))
    keep = ranked[:max_nodes] if max_nodes > 0 else ranked
    return sorted(keep), len(ents) - len(keep)


def network_data(g: nx.MultiDiGraph, max_nodes: int = 300, min_weight: int = 1) -> dict[str, Any]:
    nodes, omitted = select_nodes(g, max_nodes, min_weight)
    keep = set(nodes)
    net = Network(directed=True)
    for n in nodes:
        d = g.nodes[n]
        style = STYLE[d["type"]]
        evidence = _node_evidence(g, n)
        lines = [d["label"], style["name"]]
        if d.get("aliases"):
            lines.append("别名 aliases: " + "、".join(d["aliases"]))
        lines.append(f"提及 mentions: {d['mentions']}")
        if d.get("admin_code"):
            lines.append(f"区划代码 code: {d['admin_code']}")
        lines.extend("· " + s for s in evidence[:3])
        net.add_node(
            n,
            label=d["label"],
            title="\n".join(lines),
            color=style["color"],
            shape=style["shape"],
            value=max(1, d["mentions"]),
            kgtype=d["type"],
        )
    edges = []
    for u, v, d in g.edges(data=True):
        if u not in keep or v not in keep or d["relation"] == "mentions" or d["weight"] < min_weight:
            continue
        title = f"{RELATION_NAMES.get(d['relation'], d['relation'])}"
        if d.get("role"):
            title += f"\n职务 role: {d['role']}"
        title += f"\n次数 count: {d['weight']}"
        title += "".join("\n· " + e["text"][:80] for e in d.get("evidence", [])[:2] if e.get("text"))
        net.add_edge(u, v, title=title, value=d["weight"], relation=d["relation"], arrows="to" if d["relation"] != "co_occurrence" else "")
        edges.append(d["relation"])
    node_info = {
        n: {
            "label": g.nodes[n]["label"],
            "type": g.nodes[n]["type"],
            "aliases": g.nodes[n].get("aliases", []),
            "mentions": g.nodes[n]["mentions"],
            "code": g.nodes[n].get("admin_code", ""),
            "articles": [
                {"id": a, "headline": g.nodes[a].get("headline") or g.nodes[a]["label"]}
                for a in g.nodes[n].get("articles", [])
                if a in g
            ],
            "evidence": _node_evidence(g, n),
        }
        for n in nodes
    }
    return {
        "nodes": net.nodes,
        "edges": net.edges,
        "info": node_info,
        "omitted": omitted,
        "relations": sorted(set(edges)),
        "max_nodes": max_nodes,
    }


def _node_evidence(g: nx.MultiDiGraph, n: str, limit: int = 5) -> list[str]:
    """The first sentences that mention an entity (texts come from the build's store, so few are read)."""
    out: list[str] = []
    for a, _, d in sorted(g.in_edges(n, data=True), key=lambda t: t[0]):
        if d["relation"] != "mentions":
            continue
        text = article_text(g, a)
        sents = g.nodes[a].get("sentences", [])
        for span in d.get("spans", []):
            k = span[4]
            if k < len(sents):
                s = text[sents[k][0] : sents[k][1]]
                if s not in out:
                    out.append(s)
        if len(out) >= limit:
            break
    return out[:limit]


def write_html(g: nx.MultiDiGraph, out: Path, max_nodes: int = 300, min_weight: int = 1, pages: bool = True) -> None:
    """graph.html, and with ``pages`` the article pages it links to."""
    data = network_data(g, max_nodes, min_weight)
    js, css = _vis_assets()
    page = resources.files("kg.data").joinpath("network.html").read_text(encoding="utf8")
    legend = "".join(
        f'<label><input type="checkbox" class="type" value="{t}" checked>'
        f'<span class="swatch" style="background:{s["color"]}"></span>{html.escape(s["name"])}</label>'
        for t, s in STYLE.items()
        if t != "ARTICLE"
    )
    relations = "".join(
        f'<label><input type="checkbox" class="rel" value="{r}" checked>{html.escape(RELATION_NAMES.get(r, r))}</label>'
        for r in data["relations"]
    )
    page = (
        page.replace("/*VIS_CSS*/", css)
        .replace("/*VIS_JS*/", js.replace("</script", "<\\/script"))
        .replace("/*GRAPH_DATA*/", _script_json(data))
        .replace("<!--LEGEND-->", legend)
        .replace("<!--RELATIONS-->", relations)
    )
    with atomic_write(out / "graph.html") as f:
        f.write(page)
    if pages:
        write_article_pages(graph_pages(g), out / "articles")


Page = tuple[str, dict, str, list[tuple[int, int, str]]]  # article id, node attributes, text, (start, end, label)


def graph_pages(g: nx.MultiDiGraph) -> Iterator[Page]:
    """Each article of the graph with the spans of its mentions."""
    for n, d in g.nodes(data=True):
        if d["type"] != "ARTICLE":
            continue
        spans = [(s, t, lab) for _, _, e in g.out_edges(n, data=True) if e["relation"] == "mentions"
                 for s, t, _, lab, _ in e["spans"]]
        yield n, d, article_text(g, n), spans


def write_article_pages(pages: Iterable[Page], folder: Path) -> None:
    """One page per article with its entities marked (displaCy's entity view).

    ``pages`` come from the graph (``graph_pages``), or straight from the build cache
    (the build writes them that way beside the fold, before the graph exists).
    """
    from spacy.displacy.render import EntityRenderer

    # one renderer for every page: displacy.render() builds one per call, looking up
    # its colour entry points each time (a quarter of the time on 2,000 pages)
    renderer = EntityRenderer(options={"colors": {t: s["color"] + "55" for t, s in STYLE.items()}})
    for n, d, text, found in pages:
        spans = [{"start": s, "end": t, "label": lab} for s, t, lab in sorted(found)]
        body = renderer.render([{"text": text, "ents": spans, "title": None}], page=False, minify=False).strip()
        title = html.escape(d.get("headline") or d["label"])
        meta = html.escape(" · ".join(x for x in (d.get("dateline", ""), d.get("date", ""), d.get("source", "")) if x))
        page = (
            '<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><meta name="generator" content="kg">'
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            f"<title>{title}</title><style>body{{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:2}}</style>"
            f'</head><body><p><a href="../graph.html">← 网络 network</a></p><h1>{title}</h1><p>{meta}</p>{body}</body></html>'
        )
        with atomic_write(folder / f"{n}.html") as f:
            f.write(page)
