"""``kg build``: files -> articles -> Docs -> mentions and relations -> entities -> graph -> files.

The build streams: articles are read file by file, new ones go through the pipeline
(locally with ``workers`` processes, or on a Dask cluster) and land in the build cache,
cached ones are read back, and a tally of surface forms is all that stays in memory.
Resolution then decides the entities, and a second pass over the cache folds each
article into the graph. Memory grows with the graph, not with the text read.

One unreadable file is reported and skipped; the others still build. Outputs are
written atomically, so an interrupted build leaves the previous complete files.
"""

from __future__ import annotations

import gc
import json
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

import networkx as nx
from tqdm import tqdm

import kg
from kg.cache import Cache, TextStore, article_key, fingerprint
from kg.export import write_graphml, write_json, write_rdf
from kg.records import Extraction
from kg.forked import Background, Job, balance, can_fork, run_groups
from kg.graph import GraphFold, article_node, stats
from kg.ingest import Article, InputError, PartialInput, iter_files, read_source, split_articles
from kg.pipeline import analyse
from kg.rdf import DEFAULT_BASE
from kg.resolve import Resolver, Tally

if TYPE_CHECKING:
    from kg.html import Page

CACHE_NAME = ".kg-cache.sqlite"


@dataclass
class BuildOptions:
    inputs: list[str] = field(default_factory=lambda: ["corpus"])
    out: Path = Path("out")
    base_iri: str = DEFAULT_BASE
    quiet: bool = False
    workers: int = 1
    strict: bool = False
    formats: tuple[str, ...] = ("ttl", "jsonld")
    build_time: datetime | None = None
    model: str | None = None
    html: bool = True
    max_nodes: int = 300
    min_weight: int = 1
    cache: Path | None = None  # default: OUT/.kg-cache.sqlite
    use_cache: bool = True
    cluster: str | None = None  # a Dask scheduler address, or "local" / "local:N"
    store: Path | None = None  # also load the export into this on-disk pyoxigraph store
    partition_chars: int = 25_000  # text per task sent to a worker: about a second of work, so no worker idles long at the end


class Ingest:
    """Every input as a stream of articles; each file's fate is noted for the report as it goes."""

    def __init__(self, inputs: list[str], out: Path | None = None) -> None:
        self.inputs = inputs
        self.out = out  # the build's output folder: never read as input, though an input holds it
        self.read: list[dict[str, Any]] = []
        self.skipped: list[dict[str, str]] = []

    def articles(self) -> Iterator[Article]:
        errors: list[tuple[str, str]] = []
        for path in iter_files(self.inputs, errors, [self.out] if self.out else []):
            try:
                sources = read_source(path)
            except PartialInput as exc:
                self.skipped.append({"path": str(path), "reason": str(exc)})
                sources = exc.sources
            except InputError as exc:
                self.skipped.append({"path": str(path), "reason": str(exc)})
                continue
            n = 0
            for src in sources:
                for article in split_articles(src):
                    n += 1
                    yield article
            if sources:
                read = {"path": str(path), "encoding": sources[0].encoding, "articles": n}
                if sources[0].simplified:
                    read["traditional_characters_simplified"] = sources[0].simplified
                self.read.append(read)
            elif not any(s["path"] == str(path) for s in self.skipped):
                self.skipped.append({"path": str(path), "reason": f"{path}: no text"})
        self.skipped.extend({"path": p, "reason": f"{p}: {why}"} for p, why in errors)


@dataclass
class Ingested:
    articles: list[Article]
    read: list[dict[str, Any]]
    skipped: list[dict[str, str]]


def ingest_all(inputs: list[str]) -> Ingested:
    """Every input as articles in memory, one per distinct text (the same article in two files is one)."""
    ing = Ingest(inputs)
    unique: dict[str, Article] = {}
    for a in ing.articles():
        if a.id not in unique or a.source < unique[a.id].source:
            unique[a.id] = a
    return Ingested(sorted(unique.values(), key=lambda a: a.id), ing.read, ing.skipped)


class _Stage1:
    """Articles on their way through the pipeline: new ones to the NLP, cached ones straight to the tally."""

    def __init__(self, ingest: Ingest, cache: Cache, fp: str, tally: Tally) -> None:
        self.ingest, self.cache, self.fp, self.tally = ingest, cache, fp, tally
        self.nodes: dict[str, dict[str, Any]] = {}
        self.keys: dict[str, str] = {}
        self.characters = 0
        self.cached = 0
        self.failed: list[dict[str, str]] = []  # articles kg's rules failed on (kept with the model's entities)

    def todo(self, bar: tqdm) -> Iterator[Article]:
        for article in self.ingest.articles():
            node = article_node(article)
            if article.id in self.nodes:  # the same text in two files: one article, at its first source
                if node["source"] < self.nodes[article.id]["source"]:
                    self.nodes[article.id] = node
                continue
            self.nodes[article.id] = node
            self.characters += len(article.text)
            key = self.keys[article.id] = article_key(article, self.fp)
            ex = self.cache.get(key)
            if ex is None:
                yield article
            else:
                self.cached += 1
                self._note(ex)
                self.tally.add(ex)
                bar.update(1)

    def done(self, ex: Extraction) -> None:
        self.cache.put(self.keys[ex.article.id], ex, self.fp)
        self._note(ex)
        self.tally.add(ex)

    def _note(self, ex: Extraction) -> None:
        if getattr(ex, "failed", ""):  # (extractions cached before the field existed have none)
            a = ex.article
            self.failed.append({"article": a.id, "source": a.source, "reason": f"{a.source}: article {a.id}: {ex.failed}"})


def run_build(opts: BuildOptions) -> dict[str, Any]:
    """Build the graph from ``opts.inputs`` into ``opts.out``; returns the report."""
    with tempfile.TemporaryDirectory(prefix="kg-") as tmp:
        cache = Cache(opts.cache or (opts.out / CACHE_NAME if opts.use_cache else Path(tmp) / CACHE_NAME))
        try:
            built = make_graph(opts, cache)
            return built.report if built.graph is None else write_outputs(built, opts)
        finally:
            cache.close()


@contextmanager
def _gc_paused() -> Iterator[None]:
    """The cyclic collector off while the graph is folded and written.

    The graph is millions of small dicts, lists and tuples without cycles, and the
    collector walked all of them again and again as it grew (40% of the fold's time).
    Frozen before the export forks, they also stay shared with the children instead
    of being copied when the collector would touch them.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@dataclass
class Built:
    """The graph of a build and what the report says about how it was made."""

    graph: nx.MultiDiGraph | None
    report: dict[str, Any]
    started: float
    pages: Background | None = None  # the article pages, being written beside the fold


def make_graph(opts: BuildOptions, cache: Cache) -> Built:
    """Stage 1 (pipeline, into the cache and the tally), resolution, stage 2 (fold into the graph)."""
    from kg.nlp.loading import model_dir

    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    ingest = Ingest(opts.inputs, opts.out)
    tally = Tally()
    stage = _Stage1(ingest, cache, fingerprint(model_dir(opts.model)), tally)
    bar = tqdm(desc="kg build", unit="article", disable=opts.quiet or not sys.stderr.isatty())
    if opts.cluster:
        from kg.parallel import analyse_on_cluster

        found = analyse_on_cluster(stage.todo(bar), opts.cluster, opts.model, opts.partition_chars)
    elif opts.workers > 1:
        from kg.parallel import analyse_in_processes

        found = analyse_in_processes(stage.todo(bar), opts.workers, opts.model, opts.partition_chars)
    else:
        found = analyse(stage.todo(bar), opts.model)
    for ex in found:
        stage.done(ex)
        bar.update(1)
    bar.close()
    pruned = cache.prune(stage.fp)
    timings["ingest_nlp_extract"] = time.perf_counter() - t0
    report: dict[str, Any] = {
        "kg_version": kg.__version__,
        "inputs": [str(i) for i in opts.inputs],
        "documents": {"read": ingest.read, "skipped": ingest.skipped, "extraction_failed": stage.failed},
    }
    if not stage.nodes:
        report["error"] = "nothing could be built: no readable input"
        return Built(None, report, t0)

    t = time.perf_counter()
    pages = _pages_beside_the_fold(opts, stage, cache)
    with _gc_paused():
        g, per_doc, listing = _fold(stage, tally, cache)
    timings["resolve_graph"] = time.perf_counter() - t
    report["counts"] = {
        "articles": len(stage.nodes),
        "articles_from_cache": stage.cached,
        "stale_cache_entries_removed": pruned,
        "mentions": sum(per_doc.values()),
        "mentions_in_graph": sum(d["weight"] for _, _, d in g.edges(data=True) if d["relation"] == "mentions"),
    }
    report["mentions_per_document"] = dict(sorted(per_doc.items()))
    report["articles"] = listing
    report["characters"] = stage.characters
    report["timings_s"] = timings
    return Built(g, report, t0, pages)


def _pages_beside_the_fold(opts: BuildOptions, stage: _Stage1, cache: Cache) -> Background | None:
    """With several workers, the article pages are written from the cache by a forked
    process while this one folds the graph: they need only each article's text and
    mentions, and the fold leaves the other core idle."""
    from kg.html import write_article_pages

    if not (opts.html and opts.workers > 1 and can_fork()):
        return None
    cache.release()  # the child opens its own connection

    def pages() -> Iterator[Page]:
        for aid, ex in _read_back(stage, cache):
            yield aid, stage.nodes[aid], ex.article.text, [(m.start, m.end, m.label) for m in ex.mentions]

    return Background(lambda: write_article_pages(pages(), opts.out / "articles"))


def _read_back(stage: _Stage1, cache: Cache) -> Iterator[tuple[str, Extraction]]:
    """Every article's extraction from the cache, in id order (the order the graph is folded in)."""
    for aid in sorted(stage.nodes):
        ex = cache.get(stage.keys[aid])
        if ex is None:
            raise RuntimeError(f"build cache {cache.path}: entry for article {aid} lost during the build")
        yield aid, ex


def _fold(stage: _Stage1, tally: Tally, cache: Cache) -> tuple[nx.MultiDiGraph, dict[str, int], list[dict[str, Any]]]:
    """Resolution, then every article folded into the graph, read back from the cache in id order."""
    fold = GraphFold(Resolver(tally))
    per_doc: dict[str, int] = defaultdict(int)
    listing = []
    for aid, ex in _read_back(stage, cache):
        node = stage.nodes[aid]
        fold.add(node, ex)
        per_doc[node["source"]] += len(ex.mentions)
        listing.append(
            {
                "id": aid,
                "source": node["source"],
                "source_start": node["source_start"],
                "headline": node["headline"],
                "kind": node["kind"],
                "authors": [n for b in ex.article.bylines for n in b.names],
                "mentions": len(ex.mentions),
            }
        )
    g = fold.graph()
    g.graph["texts"] = TextStore(cache, stage.keys)
    return g, per_doc, listing


# Seconds per 2 million characters of news, measured by bench/scale.py: they only
# balance the export over processes, so rough figures do.
EXPORT_COST = {"ttl": 3.1, "jsonld": 3.4, "nt": 2.1, "nq": 2.3, "graphml": 1.5, "html": 0.45, "pages": 2.5}
TRIPLES_COST = 1.6  # the pass over the triples that every group writing RDF makes


def write_outputs(built: Built, opts: BuildOptions) -> dict[str, Any]:
    """Every output file, then the report last (its presence means the build finished).

    With several workers the files are written by that many forked processes at once,
    the RDF formats of one process sharing one pass over the triples.
    """
    g, report = built.graph, built.report
    assert g is not None
    timings = report["timings_s"]
    t = time.perf_counter()
    pipeline = _pipeline_name(opts.model)
    opts.out.mkdir(parents=True, exist_ok=True)
    tasks = [*opts.formats, "graphml", *(("html",) if opts.html else ()), *(("pages",) if opts.html and not built.pages else ())]
    plan = balance({k: EXPORT_COST.get(k, 1.0) for k in tasks}, opts.workers if can_fork() else 1,
                   TRIPLES_COST, frozenset(opts.formats))
    texts = g.graph.get("texts")
    if len(plan) > 1 and isinstance(texts, TextStore):
        texts.cache.release()  # each process opens its own connection
    with _gc_paused():
        gc.freeze()  # the graph's objects stay shared with forked writers, not copied page by page
        try:
            results = run_groups([_export_jobs(group, g, opts, pipeline) for group in plan])
        finally:
            gc.unfreeze()
    if built.pages is not None:
        built.pages.result()
    _remove_stale(opts, g)
    counts = {k: v for group in results for r in group if isinstance(r, dict) for k, v in r.items()}
    report["counts"]["triples"] = {f: counts[f] for f in opts.formats}
    if opts.store:
        from kg.validate import load_store

        report["store"] = {"path": str(opts.store), "triples": load_store(opts.out, opts.store)}
    timings["export"] = time.perf_counter() - t
    timings["total"] = time.perf_counter() - built.started
    report["stats"] = stats(g)
    report["pipeline"] = pipeline
    report["timings_s"] = {k: round(v, 3) for k, v in timings.items()}
    report["export_processes"] = len(plan)
    write_json(report, opts.out / "report.json")
    return report


RDF_FORMATS = ("ttl", "jsonld", "nt", "nq")


def _remove_stale(opts: BuildOptions, g: nx.MultiDiGraph) -> None:
    """Outputs an earlier build left that this one did not write (a format not asked for
    again, pages of articles no longer in the input): the folder shows one build."""
    stale = [opts.out / f"graph.{f}" for f in RDF_FORMATS if f not in opts.formats]
    pages = opts.out / "articles"
    if not opts.html:
        stale.append(opts.out / "graph.html")
    if pages.is_dir():
        keep = {f"{n}.html" for n, d in g.nodes(data=True) if d["type"] == "ARTICLE"} if opts.html else set()
        stale += [p for p in pages.glob("*.html") if p.name not in keep]
    for p in stale:
        p.unlink(missing_ok=True)


def _export_jobs(group: list[str], g: nx.MultiDiGraph, opts: BuildOptions, pipeline: str) -> list[Job]:
    """One process's share of the outputs: its RDF formats in one pass, then the other files."""
    from kg.html import graph_pages, write_article_pages, write_html

    jobs: list[Job] = []
    formats = tuple(f for f in opts.formats if f in group)
    if formats:
        jobs.append(lambda: write_rdf(g, opts.out, formats, opts.base_iri, opts.build_time, pipeline))
    if "graphml" in group:
        jobs.append(lambda: write_graphml(g, opts.out / "graph.graphml"))
    if "html" in group:
        jobs.append(lambda: write_html(g, opts.out, max_nodes=opts.max_nodes, min_weight=opts.min_weight, pages=False))
    if "pages" in group:
        jobs.append(lambda: write_article_pages(graph_pages(g), opts.out / "articles"))
    return jobs


def _pipeline_name(model: str | None) -> str:
    """From the pipeline's meta.json: loading the pipeline itself only to name it costs seconds."""
    from kg.nlp.loading import model_dir

    meta = json.loads((model_dir(model) / "meta.json").read_text(encoding="utf8"))
    return f"{meta.get('lang', 'zh')}_{meta.get('name', 'pipeline')} {meta.get('version', '')}".strip()
