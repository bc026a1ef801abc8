"""``kg build``: files -> articles -> Docs -> mentions and relations -> entities -> graph -> files.

One unreadable file is reported and skipped; the others still build. Outputs are
written atomically, so an interrupted build leaves the previous complete files.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator

import networkx as nx
from tqdm import tqdm

import kg
from kg.export import write_graphml, write_json, write_rdf
from kg.extract import Extraction, extract
from kg.graph import build_graph, stats
from kg.ingest import Article, InputError, PartialInput, iter_files, read_source, split_articles
from kg.rdf import DEFAULT_BASE
from kg.resolve import resolve


@dataclass
class BuildOptions:
    inputs: list[str] = field(default_factory=lambda: ["corpus"])
    out: Path = Path("out")
    base_iri: str = DEFAULT_BASE
    quiet: bool = False
    workers: int = 1
    batch_size: int = 64
    strict: bool = False
    formats: tuple[str, ...] = ("ttl", "jsonld")
    build_time: datetime | None = None
    model: str | None = None
    html: bool = True
    max_nodes: int = 300
    min_weight: int = 1


@dataclass
class Ingested:
    articles: list[Article]
    read: list[dict[str, Any]]
    skipped: list[dict[str, str]]


def ingest_all(inputs: list[str]) -> Ingested:
    """Every input as articles, with each file's fate for the report."""
    errors: list[tuple[str, str]] = []
    articles: list[Article] = []
    read: list[dict[str, Any]] = []
    skipped: list[dict[str, str]] = []
    for path in iter_files(inputs, errors):
        try:
            sources = read_source(path)
        except PartialInput as exc:
            skipped.append({"path": str(path), "reason": str(exc)})
            sources = exc.sources
        except InputError as exc:
            skipped.append({"path": str(path), "reason": str(exc)})
            continue
        n = 0
        for src in sources:
            found = split_articles(src)
            articles.extend(found)
            n += len(found)
        if sources:
            read.append({"path": str(path), "encoding": sources[0].encoding, "articles": n})
        elif not any(s["path"] == str(path) for s in skipped):
            skipped.append({"path": str(path), "reason": f"{path}: no text"})
    skipped.extend({"path": p, "reason": f"{p}: {why}"} for p, why in errors)
    # the same article read twice (a copy in two files) is one article
    unique = {a.id: a for a in sorted(articles, key=lambda a: (a.id, a.source))}
    return Ingested(sorted(unique.values(), key=lambda a: a.id), read, skipped)


CHUNK_CHARS = 20_000  # NLP runs on pieces of long articles, cut at sentence ends


def pieces(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters, at a sentence end where there is one."""
    out = []
    while len(text) > size:
        cut = max(text.rfind(ch, 0, size) for ch in "。！？!?\n")
        cut = cut + 1 if cut > size // 2 else size
        out.append(text[:cut])
        text = text[cut:]
    out.append(text)
    return out


def analyse(articles: list[Article], opts: BuildOptions) -> Iterator[Extraction]:
    """Extractions in article order; long articles go through the pipeline in pieces."""
    from spacy.tokens import Doc

    from kg.nlp.loading import shared_nlp

    nlp = shared_nlp(opts.model)
    split = [pieces(a.text) for a in articles]
    stream = ((piece, (i, len(parts))) for i, parts in enumerate(split) for piece in parts)
    docs = nlp.pipe(stream, as_tuples=True, batch_size=opts.batch_size, n_process=max(1, opts.workers))
    bar = tqdm(total=len(articles), desc="kg build", unit="article", disable=opts.quiet or not sys.stderr.isatty())
    buffer: list = []
    for doc, (i, n) in docs:
        buffer.append(doc)
        if len(buffer) < n:
            continue
        whole = buffer[0] if n == 1 else Doc.from_docs(buffer, ensure_whitespace=False)
        buffer = []
        bar.update(1)
        yield extract(articles[i], whole)
    bar.close()


def run_build(opts: BuildOptions) -> dict[str, Any]:
    """Build the graph from ``opts.inputs`` into ``opts.out``; returns the report."""
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    ing = ingest_all(opts.inputs)
    timings["ingest"] = time.perf_counter() - t0
    report: dict[str, Any] = {
        "kg_version": kg.__version__,
        "inputs": [str(i) for i in opts.inputs],
        "documents": {"read": ing.read, "skipped": ing.skipped},
    }
    if not ing.articles:
        report["error"] = "nothing could be built: no readable input"
        return report

    t = time.perf_counter()
    extractions = list(analyse(ing.articles, opts))
    timings["nlp_extract"] = time.perf_counter() - t
    t = time.perf_counter()
    res = resolve(extractions)
    g = build_graph(extractions, res)
    timings["resolve_graph"] = time.perf_counter() - t

    t = time.perf_counter()
    pipeline = _pipeline_name(opts.model)
    opts.out.mkdir(parents=True, exist_ok=True)
    triples = write_rdf(g, opts.out, opts.formats, opts.base_iri, opts.build_time, pipeline)
    write_graphml(g, opts.out / "graph.graphml")
    if opts.html:
        from kg.html import write_html

        write_html(g, opts.out, max_nodes=opts.max_nodes, min_weight=opts.min_weight)
    timings["export"] = time.perf_counter() - t
    timings["total"] = time.perf_counter() - t0
    report.update(_counts(g, extractions, ing, triples))
    report["pipeline"] = pipeline
    report["timings_s"] = {k: round(v, 3) for k, v in timings.items()}
    report["characters"] = sum(len(a.text) for a in ing.articles)
    write_json(report, opts.out / "report.json")
    return report


def _pipeline_name(model: str | None) -> str:
    from kg.nlp.loading import shared_nlp

    meta = shared_nlp(model).meta
    return f"{meta.get('lang', 'zh')}_{meta.get('name', 'pipeline')} {meta.get('version', '')}".strip()


def _counts(g: nx.MultiDiGraph, extractions: list[Extraction], ing: Ingested, triples: dict) -> dict[str, Any]:
    per_doc: dict[str, int] = {}
    for ex in extractions:
        per_doc[ex.article.source] = per_doc.get(ex.article.source, 0) + len(ex.mentions)
    graph_mentions = sum(d["weight"] for _, _, d in g.edges(data=True) if d["relation"] == "mentions")
    return {
        "counts": {
            "articles": len(ing.articles),
            "mentions": sum(per_doc.values()),
            "mentions_in_graph": graph_mentions,
            "triples": triples,
        },
        "mentions_per_document": dict(sorted(per_doc.items())),
        "articles": [
            {
                "id": ex.article.id,
                "source": ex.article.source,
                "source_start": ex.article.source_offset(0) if ex.article.text else 0,
                "headline": ex.article.headline,
                "kind": ex.article.kind,
                "authors": [n for b in ex.article.bylines for n in b.names],
                "mentions": len(ex.mentions),
            }
            for ex in sorted(extractions, key=lambda e: e.article.id)
        ],
        "stats": stats(g),
    }
