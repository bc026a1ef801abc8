"""The whole ``kg build`` at scale: throughput and peak memory, export speed, SPARQL latency.

Run by hand on an otherwise idle machine (bench dependencies: ``pip install -e ".[bench]"``):

    python bench/scale.py --scales 1 4 16 --workers 1 2 --skip 16:1 --readme

The corpus is news text from ../shared/data/ner (MSRA sentences, at least 2 million
characters) grouped into articles of about 1,000 characters. Scale N writes N copies,
each copy's sentences shuffled with its own seed into different articles, so every
article is new to the build while the people and places recur, as in an archive.

For each scale and worker count, a fresh ``kg build`` runs in its own process with a
fresh cache and its default outputs (Turtle, JSON-LD, GraphML, the HTML, the report;
N-Triples for the SPARQL loads are written afterwards from the cache); the figures are its wall time, characters per second and the peak memory
of its process tree (PSS, sampled every second) and of its largest process (RSS, every
0.2 s), beside the NER pipeline's own throughput on the 1x text. On the largest graph it
then times each RDF serialization, and on the smallest and the largest the example
SPARQL queries in pyoxigraph and in rdflib (whose process gets an address-space limit,
so that it fails instead of taking the machine down). Results go to
bench/results/scale/results.json as each stage ends; ``--stages export,sparql`` reruns
some stages, ``--stages ""`` only prints the table.
``--readme`` writes the table into README.md between the ``bench:scale`` markers.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "scale"
BASE_CHARS = 2_000_000
ARTICLE_CHARS = 1_000
MARK = ("<!-- bench:scale -->", "<!-- /bench:scale -->")


def sentences(data: Path, chars: int) -> list[str]:
    out, total = [], 0
    with (data / "msra_train.jsonl").open(encoding="utf8") as f:
        for line in f:
            t = json.loads(line)["text"].strip()
            if t:
                out.append(t)
                total += len(t)
                if total >= chars:
                    break
    if total < chars:
        sys.exit(f"only {total} characters of text in {data}")
    return out


def make_corpus(sents: list[str], scale: int) -> Path:
    folder = RESULTS / f"corpus-{sum(map(len, sents))}-{scale}x"
    if (folder / "done").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for copy in range(scale):
        order = list(sents)
        random.Random(copy).shuffle(order)
        with (folder / f"copy{copy:02d}.jsonl").open("w", encoding="utf8") as f:
            text, n = "", 0
            for s in order:
                text += s if s.endswith(("。", "！", "？")) else s + "。"
                if len(text) >= ARTICLE_CHARS:
                    f.write(json.dumps({"id": f"c{copy}-{n}", "text": text}, ensure_ascii=False) + "\n")
                    text, n = "", n + 1
            if text:
                f.write(json.dumps({"id": f"c{copy}-{n}", "text": text}, ensure_ascii=False) + "\n")
    (folder / "done").write_text("")
    return folder


def run_measured(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak memory of the whole process tree (PSS, so pages that forked
    processes share count once) and peak RSS of its largest process (MB)."""
    t = time.perf_counter()
    proc = psutil.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_tree = peak_one = 0.0
    tick = 0
    while proc.poll() is None:
        try:
            procs = [proc, *proc.children(recursive=True)]
            peak_one = max(peak_one, max(p.memory_info().rss for p in procs))
            if tick % 5 == 0:  # PSS walks the page tables: once a second (every 0.2 s cost the build 4%)
                peak_tree = max(peak_tree, sum(p.memory_full_info().pss for p in procs))
        except psutil.Error:
            pass
        tick += 1
        time.sleep(0.2)
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr.read().decode()[-2000:]}")
    return time.perf_counter() - t, peak_tree / 2**20, peak_one / 2**20


def ner_only(corpus: Path, workers: int) -> dict:
    code = f"""
import json, time, kg
from pathlib import Path
texts = [json.loads(l)["text"] for p in sorted(Path({str(corpus)!r}).glob("*.jsonl")) for l in open(p, encoding="utf8")]
nlp = kg.load_nlp()
list(nlp.pipe(texts[:20]))
batch = max(1, 5000 * len(texts) // sum(map(len, texts)))  # about 5,000 characters, as the build batches
t = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=batch, n_process={workers}):
    pass
print(json.dumps({{"chars": sum(map(len, texts)), "seconds": time.perf_counter() - t}}))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    r = json.loads(out.stdout)
    return {"workers": workers, "chars_per_s": r["chars"] / r["seconds"]}


def build(corpus: Path, scale: int, workers: int) -> dict:
    out = RESULTS / f"out-{scale}x-{workers}w"
    shutil.rmtree(out, ignore_errors=True)
    cache = RESULTS / f"cache-{scale}x.sqlite"
    for p in cache.parent.glob(cache.name + "*"):
        p.unlink()
    # the build as users run it: its default outputs (Turtle, JSON-LD, GraphML, the HTML, the report)
    cmd = [sys.executable, "-m", "kg.cli", "build", str(corpus), "-o", str(out), "-q",
           "--workers", str(workers), "--cache", str(cache), "--build-time", "2026-01-01T00:00:00+00:00"]
    wall, tree, one = run_measured(cmd)
    report = json.loads((out / "report.json").read_text(encoding="utf8"))
    chars = report["characters"]
    row = {
        "scale": scale, "workers": workers, "chars": chars, "articles": report["counts"]["articles"],
        "seconds": wall, "chars_per_s": chars / wall, "peak_rss_tree_mb": tree, "peak_rss_process_mb": one,
        "timings": report["timings_s"], "triples": report["counts"]["triples"]["ttl"],
        "entities": sum(v for k, v in report["stats"]["nodes_by_type"].items() if k != "ARTICLE"),
    }
    print(json.dumps(row), flush=True)
    return row


def export_speed(corpus: Path, scale: int) -> dict:
    """Each serialization alone, on the graph rebuilt from the (complete) cache of that scale."""
    code = f"""
import json, time
from pathlib import Path
from kg.build import BuildOptions, make_graph
from kg.cache import Cache
from kg.export import write_graphml, write_rdf
opts = BuildOptions(inputs=[{str(corpus)!r}], quiet=True)
cache = Cache(Path({str(RESULTS / f"cache-{scale}x.sqlite")!r}))
g = make_graph(opts, cache).graph
out = Path({str(RESULTS / "export")!r}); out.mkdir(exist_ok=True)
res = {{}}
for fmt in ("nt", "ttl", "jsonld"):
    t = time.perf_counter(); n = write_rdf(g, out, (fmt,), opts.base_iri, None, "")[fmt]
    res[fmt] = {{"triples": n, "seconds": time.perf_counter() - t}}
t = time.perf_counter(); write_graphml(g, out / "graph.graphml"); res["graphml"] = {{"seconds": time.perf_counter() - t}}
print(json.dumps(res))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if out.returncode:
        sys.exit(out.stderr[-2000:])
    return json.loads(out.stdout)


SPARQL = """
import json, sys, time
from pathlib import Path
engine, nt, limit = sys.argv[1], Path(sys.argv[2]), float(sys.argv[3])
queries = {p.stem: p.read_text(encoding="utf8") for p in sorted(Path(sys.argv[4]).glob("*.rq"))}
t = time.perf_counter()
if engine == "pyoxigraph":
    import pyoxigraph
    store = pyoxigraph.Store()
    store.bulk_load(path=str(nt), format=pyoxigraph.RdfFormat.N_TRIPLES)
    run = lambda q: sum(1 for _ in store.query(q))
else:
    from rdflib import Graph
    store = Graph(); store.parse(nt, format="nt")
    run = lambda q: sum(1 for _ in store.query(q))
print(json.dumps({"load": time.perf_counter() - t}), flush=True)
for name, q in queries.items():
    times = []
    for _ in range(3):
        t = time.perf_counter(); n = run(q); times.append(time.perf_counter() - t)
        if sum(times) > limit:
            break
    print(json.dumps({"query": name, "rows": n, "seconds": sorted(times)[len(times) // 2]}), flush=True)
"""


def n_triples(corpus: Path, row: dict) -> Path:
    """The N-Triples of a build, written from its (complete) cache for the SPARQL loads."""
    out = RESULTS / f"out-{row['scale']}x-{row['workers']}w"
    if not (out / "graph.nt").exists():
        cache = RESULTS / f"cache-{row['scale']}x.sqlite"
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(corpus), "-o", str(out), "-q", "--format", "nt",
                        "--cache", str(cache), "--build-time", "2026-01-01T00:00:00+00:00"], check=True)
    return out / "graph.nt"


def sparql(nt: Path, engine: str, timeout: float, memory_gb: float) -> dict:
    res: dict = {"engine": engine, "queries": {}}

    def limit() -> None:
        if engine == "rdflib":
            cap = int(memory_gb * 2**30)
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    proc = subprocess.Popen([sys.executable, "-c", SPARQL, engine, str(nt), str(timeout / 4), str(ROOT / "ontology" / "queries")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=limit)
    start = time.perf_counter()
    try:
        out, err = proc.communicate(timeout=timeout)
        if proc.returncode:
            res["failed"] = "out of memory" if "MemoryError" in err else err.strip().splitlines()[-1][:200]
            res["memory_gb"] = memory_gb
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
        res["timeout"] = timeout
    for line in out.splitlines():
        r = json.loads(line)
        if "load" in r:
            res["load"] = r["load"]
        else:
            res["queries"][r["query"]] = r["seconds"]
    res["wall"] = time.perf_counter() - start
    return res


def table(rows: list[dict], ner: list[dict], export: dict, queries: list[dict], largest: dict) -> str:
    """The README's table: builds, NER alone, export speed, SPARQL latency."""
    ner_rate = {r["workers"]: r["chars_per_s"] for r in ner}
    lines = [
        "| corpus | workers | articles | entities | triples | build chars/s | vs NER alone | peak memory: tree (PSS) / largest process (RSS) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        ratio = r["chars_per_s"] / ner_rate[r["workers"]] if r["workers"] in ner_rate else float("nan")
        lines.append(
            f"| {r['scale']}× ({r['chars'] / 1e6:.1f} M chars) | {r['workers']} | {r['articles']:,} | {r['entities']:,} | "
            f"{r['triples']:,} | {r['chars_per_s']:,.0f} | {ratio:.0%} | "
            f"{r['peak_rss_tree_mb']:,.0f} / {r['peak_rss_process_mb']:,.0f} MB |"
        )
    lines.append("")
    lines.append("NER pipeline alone on the 1× text: " + ", ".join(
        f"{r['chars_per_s']:,.0f} chars/s with {r['workers']} worker(s)" for r in ner) + ".")
    lines.append("")
    lines.append(f"Export of the largest graph ({largest['scale']}×, {largest['triples']:,} triples), each format alone: "
                 + ", ".join(f"{fmt} {v['triples'] / v['seconds']:,.0f} triples/s" for fmt, v in export.items() if "triples" in v)
                 + f"; GraphML {export['graphml']['seconds']:.1f} s.")
    lines.append("")
    names = sorted({q for r in queries for q in r["queries"]})
    cols = [f"{r['engine']}, {r['scale']}× ({r['triples'] / 1e6:.1f} M triples)" for r in queries]
    lines.append("| SPARQL (median of 3) | " + " | ".join(cols) + " |")
    lines.append("|---|" + "---|" * len(queries))

    def cell(r: dict, v: float | None) -> str:
        if v is not None:
            return f"{v * 1000:,.0f} ms" if v < 10 else f"{v:,.0f} s"
        if "failed" in r:
            return f"{r['failed']} ({r['memory_gb']:.0f} GB limit)"
        return f"stopped after {r.get('timeout', 0):.0f} s"

    lines.append("| load N-Triples | " + " | ".join(cell(r, r.get("load")) for r in queries) + " |")
    for n in names:
        lines.append(f"| {n} | " + " | ".join(cell(r, r["queries"].get(n)) for r in queries) + " |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "ner")
    ap.add_argument("--base-chars", type=int, default=BASE_CHARS, help="characters of the 1x corpus")
    ap.add_argument("--scales", type=int, nargs="+", default=[1, 4, 16])
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--skip", nargs="*", default=[], help="scale:workers runs to leave out, e.g. 16:1")
    ap.add_argument("--stages", default="ner,build,export,sparql",
                    help="stages to run; the others are taken from the last run's results.json")
    ap.add_argument("--sparql-timeout", type=float, default=900, help="seconds per engine and graph")
    ap.add_argument("--rdflib-memory-gb", type=float, default=12, help="address-space limit of the rdflib process")
    ap.add_argument("--readme", action="store_true", help="write the table into README.md")
    args = ap.parse_args()
    stages = set(args.stages.split(",")) if args.stages else set()
    saved_path = RESULTS / "results.json"
    saved = json.loads(saved_path.read_text()) if saved_path.exists() else {}

    def save(key: str, value: object) -> None:
        saved[key] = value
        saved_path.write_text(json.dumps(saved, indent=1))
        print(json.dumps({key: value}), flush=True)

    RESULTS.mkdir(parents=True, exist_ok=True)
    corpora: dict[int, Path] = {}
    if stages:
        sents = sentences(args.data, args.base_chars)
        corpora = {s: make_corpus(sents, s) for s in args.scales}
    if "ner" in stages:
        save("ner", [ner_only(corpora[min(args.scales)], w) for w in args.workers])
    if "build" in stages:
        rows = []
        for s in args.scales:
            for w in args.workers:
                if f"{s}:{w}" not in args.skip:
                    rows.append(build(corpora[s], s, w))
                    save("rows", rows)
    rows = saved["rows"]
    largest = max(rows, key=lambda r: (r["scale"], r["workers"]))
    smallest = min(rows, key=lambda r: (r["scale"], -r["workers"]))
    if "export" in stages:
        save("export", export_speed(corpora[largest["scale"]], largest["scale"]))
    if "sparql" in stages:
        results = []
        for row in (smallest, largest):
            nt = n_triples(corpora[row["scale"]], row)
            for engine in ("pyoxigraph", "rdflib"):
                r = sparql(nt, engine, args.sparql_timeout, args.rdflib_memory_gb)
                results.append({**r, "scale": row["scale"], "triples": row["triples"]})
        save("sparql", results)
    publish(table(rows, saved["ner"], saved["export"], saved["sparql"], largest), args.readme)


def publish(text: str, readme: bool) -> None:
    print(text)
    if readme:
        path = ROOT / "README.md"
        doc = path.read_text(encoding="utf8")
        a, b = doc.index(MARK[0]) + len(MARK[0]), doc.index(MARK[1])
        path.write_text(doc[:a] + "\n" + text + "\n" + doc[b:], encoding="utf8")


if __name__ == "__main__":
    main()
