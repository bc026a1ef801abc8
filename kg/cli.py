"""The ``kg`` command: build, ner, evaluate, stats, query, load, validate, serve, train."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import IO, Sequence

from kg.rdf import DEFAULT_BASE


def _fail(message: str, code: int = 2) -> int:
    print(f"kg: {message}", file=sys.stderr)
    return code


def cmd_build(args: argparse.Namespace) -> int:
    from kg.build import BuildOptions, run_build

    build_time = None
    if args.build_time:
        try:
            build_time = datetime.fromisoformat(args.build_time)
        except ValueError:
            return _fail(f"--build-time {args.build_time!r} is not an ISO 8601 date-time")
    formats = tuple(dict.fromkeys(["ttl", "jsonld", *args.format]))
    opts = BuildOptions(
        inputs=args.inputs or ["corpus"],
        out=Path(args.output),
        base_iri=args.base_iri,
        quiet=args.quiet,
        workers=args.workers,
        strict=args.strict,
        formats=formats,
        build_time=build_time,
        model=args.model,
        max_nodes=args.max_nodes,
        min_weight=args.min_weight,
        cache=Path(args.cache) if args.cache else None,
        use_cache=not args.no_cache,
        cluster=args.cluster,
        store=Path(args.store) if args.store else None,
    )
    report = run_build(opts)
    skipped = report["documents"]["skipped"]
    for s in skipped:
        print(f"kg: skipped {s['reason']}", file=sys.stderr)
    for f in report["documents"].get("extraction_failed", []):
        print(f"kg: rules failed, kept the model's entities without relations: {f['reason']}", file=sys.stderr)
    if "error" in report:
        return _fail(f"{report['error']} ({len(skipped)} input(s) skipped)", 1)
    if not args.quiet:
        counts = report["stats"]["nodes_by_type"]
        print(
            f"kg: {report['counts']['articles']} articles, "
            + ", ".join(f"{v} {k}" for k, v in counts.items())
            + f" -> {opts.out}/ in {report['timings_s']['total']:.1f}s",
            file=sys.stderr,
        )
    failed = report["documents"].get("extraction_failed", [])
    if args.strict and (skipped or failed):
        return _fail(f"--strict: {len(skipped)} input(s) skipped, rules failed on {len(failed)} article(s)", 1)
    return 0


def _open_input(path: str) -> IO[str]:
    if path == "-":
        return sys.stdin
    return open(path, encoding="utf-8-sig")


def cmd_ner(args: argparse.Namespace) -> int:
    from kg.nlp.jsonl import LineError, entities_line, read_records
    from kg.nlp.loading import load_nlp

    try:
        stream = _open_input(args.file)
    except OSError as exc:
        return _fail(f"{args.file}: {exc.strerror}")
    nlp = load_nlp(args.model)
    bad = 0
    with stream:
        records = list(read_records(stream, "<stdin>" if args.file == "-" else args.file, plain_text=args.text))
    texts = [r.text if not isinstance(r, LineError) else "" for r in records]
    docs = nlp.pipe(texts, batch_size=args.batch_size, n_process=args.workers)
    out = sys.stdout
    for rec, doc in zip(records, docs):
        if isinstance(rec, LineError):
            print(f"kg ner: {rec}", file=sys.stderr)
            bad += 1
            out.write(json.dumps({"entities": [], "error": str(rec)}, ensure_ascii=False) + "\n")
            continue
        ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        out.write(entities_line(ents) + "\n")
    out.flush()
    return 1 if bad and args.strict else 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from kg.nlp.evaluate import Scores, format_table, relabel
    from kg.nlp.jsonl import LineError, read_records
    from kg.nlp.loading import load_nlp

    try:
        stream = _open_input(args.gold)
    except OSError as exc:
        return _fail(f"{args.gold}: {exc.strerror}")
    with stream:
        records = list(read_records(stream, args.gold, gold=True))
    errors = [r for r in records if isinstance(r, LineError)]
    for e in errors[:20]:
        print(f"kg evaluate: {e}", file=sys.stderr)
    good = [r for r in records if not isinstance(r, LineError)]
    if errors and not args.skip_bad:
        return _fail(f"{len(errors)} bad line(s) in {args.gold}; fix them or pass --skip-bad")
    if not good:
        return _fail(f"{args.gold}: no gold records")
    mapping = dict(m.split(":", 1) for m in args.map)
    nlp = load_nlp(args.model)
    scores = Scores()
    for rec, doc in zip(good, nlp.pipe((r.text for r in good), batch_size=args.batch_size)):
        pred = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
        scores.add(relabel(set(rec.entities or []), mapping), relabel(pred, mapping))
    table = scores.table()
    if args.json:
        print(json.dumps(table, indent=2))
    else:
        print(format_table(table))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    path = Path(args.out) / "report.json"
    try:
        report = json.loads(path.read_text(encoding="utf8"))
    except (OSError, ValueError) as exc:
        return _fail(f"{path}: cannot read the build report ({exc})")
    s = report["stats"]
    print("entities by type:", ", ".join(f"{k} {v}" for k, v in s["nodes_by_type"].items()))
    print("edges by relation:", ", ".join(f"{k} {v}" for k, v in s["edges_by_relation"].items()))
    print("most mentioned:")
    for e in s["most_mentioned"]:
        print(f"  {e['mentions']:>4}  {e['label']} ({e['type']})")
    print("strongest relations:")
    for r in s["strongest_relations"]:
        role = f" [{r['role']}]" if r["role"] else ""
        print(f"  {r['weight']:>4}  {r['source']} -{r['relation']}{role}-> {r['target']}")
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    from kg.query import QueryError, load_store, render, run_query

    if args.file:
        try:
            query = Path(args.file).read_text(encoding="utf8")
        except OSError as exc:
            return _fail(f"{args.file}: {exc.strerror}")
    elif args.query:
        query = args.query
    else:
        return _fail("give a query, or --file Q.rq")
    try:
        names, rows = run_query(load_store(Path(args.target)), query)
    except QueryError as exc:
        return _fail(str(exc))
    print(render(names, rows, args.format))
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    import time

    from kg.validate import load_store

    t = time.perf_counter()
    try:
        n = load_store(Path(args.out), Path(args.store))
    except (FileNotFoundError, OSError, SyntaxError, ValueError) as exc:
        return _fail(f"load: {exc}")
    print(f"kg: loaded {n} triples into {args.store} in {time.perf_counter() - t:.1f}s", file=sys.stderr)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from kg.validate import validate

    result = validate(Path(args.target))
    for path, n in result.files.items():
        print(f"parsed {path}: {n} triples")
    for e in result.errors:
        print(f"violation: {e}")
    print("valid" if result.ok else f"invalid: {len(result.errors)} problem(s)")
    return 0 if result.ok else 1


def cmd_serve(args: argparse.Namespace) -> int:
    from kg.serve import serve

    try:
        serve(Path(args.target), args.host, args.port, args.timeout, args.limit)
    except FileNotFoundError as exc:
        return _fail(str(exc))
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    from kg.nlp.train import train

    return train(Path(args.data), Path(args.output), Path(args.config), args.max_steps, args.ship)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kg", description="Knowledge graphs from Chinese news.")
    sub = p.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="build the graph from files and folders")
    b.add_argument("inputs", nargs="*", help="files or folders (default: corpus/)")
    b.add_argument("-o", "--output", default="out", help="output folder (default: out/)")
    b.add_argument("--base-iri", default=DEFAULT_BASE, help=f"base of the minted IRIs (default {DEFAULT_BASE})")
    b.add_argument("--format", action="append", default=[], choices=["ttl", "jsonld", "nt", "nq"],
                   help="extra RDF serializations (ttl and jsonld are always written)")
    b.add_argument("--workers", type=int, default=1, help="NLP processes (spaCy n_process)")
    b.add_argument("--strict", action="store_true", help="fail when any input is skipped")
    b.add_argument("--build-time", help="pin the provenance timestamp (ISO 8601) for byte-identical output")
    b.add_argument("--model", help="a spaCy pipeline folder instead of the shipped one")
    b.add_argument("--max-nodes", type=int, default=300, help="entities drawn in graph.html (0: all)")
    b.add_argument("--min-weight", type=int, default=1, help="weakest relation drawn in graph.html")
    b.add_argument("--cache", help="build cache file (default: OUT/.kg-cache.sqlite); unchanged articles are read from it")
    b.add_argument("--no-cache", action="store_true", help="process every article again and keep no cache")
    b.add_argument("--cluster", metavar="ADDRESS",
                   help="run the pipeline on a Dask cluster (scheduler address, or local:N for N local workers)")
    b.add_argument("--store", help="also bulk-load the export into this on-disk pyoxigraph store")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    b.set_defaults(func=cmd_build)

    ld = sub.add_parser("load", help="bulk-load an export into an on-disk store for kg query / kg serve")
    ld.add_argument("out", help="an output folder or an RDF file (N-Triples loads fastest)")
    ld.add_argument("store", help="the store folder to create or replace")
    ld.set_defaults(func=cmd_load)

    n = sub.add_parser("ner", help="entities of JSONL (or text) lines, as JSONL")
    n.add_argument("file", nargs="?", default="-", help="input file, - for standard input")
    n.add_argument("--text", action="store_true", help="input lines are plain text, not JSONL")
    n.add_argument("--workers", type=int, default=1)
    n.add_argument("--batch-size", type=int, default=128)
    n.add_argument("--strict", action="store_true", help="exit 1 when a line was bad")
    n.add_argument("--model")
    n.set_defaults(func=cmd_ner)

    e = sub.add_parser("evaluate", help="precision, recall, F1 against gold JSONL")
    e.add_argument("gold")
    e.add_argument("--map", action="append", default=[], metavar="FROM:TO",
                   help="read a label as another on both sides, e.g. COMPANY:ORG")
    e.add_argument("--skip-bad", action="store_true", help="score the good lines when some are bad")
    e.add_argument("--json", action="store_true")
    e.add_argument("--batch-size", type=int, default=256)
    e.add_argument("--model")
    e.set_defaults(func=cmd_evaluate)

    s = sub.add_parser("stats", help="entities by type, most mentioned, strongest relations")
    s.add_argument("out", nargs="?", default="out")
    s.set_defaults(func=cmd_stats)

    q = sub.add_parser("query", help="SPARQL over an export")
    q.add_argument("target", help="an output folder, an RDF file or an on-disk store")
    q.add_argument("query", nargs="?", help="the SPARQL query")
    q.add_argument("--file", help="read the query from a .rq file")
    q.add_argument("--format", choices=["table", "csv", "json"], default="table")
    q.set_defaults(func=cmd_query)

    v = sub.add_parser("validate", help="parse the exports and check the SHACL shapes")
    v.add_argument("target", nargs="?", default="out")
    v.set_defaults(func=cmd_validate)

    sv = sub.add_parser("serve", help="a read-only SPARQL endpoint over an export")
    sv.add_argument("target", nargs="?", default="out")
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback only)")
    sv.add_argument("--port", type=int, default=7878)
    sv.add_argument("--timeout", type=float, default=10.0, help="seconds before a query is stopped")
    sv.add_argument("--limit", type=int, default=10000, help="most result rows returned")
    sv.set_defaults(func=cmd_serve)

    t = sub.add_parser("train", help="convert the corpora and train the NER pipeline")
    t.add_argument("--data", default="../shared/data", help="the public corpora and gazetteers")
    t.add_argument("--output", default="training/output")
    t.add_argument("--config", default="training/config.cfg")
    t.add_argument("--max-steps", type=int, default=0, help="override the config's step count")
    t.add_argument("--ship", action="store_true", help="copy the best model into the package")
    t.set_defaults(func=cmd_train)

    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except BrokenPipeError:
        return 0


def run() -> None:
    """The ``kg`` command: main(), then exit without tearing the heap down object by object
    (a large build's graph took over a second to free after every file was written)."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # the reader went away, or the stream was closed
            pass
    os._exit(code)


if __name__ == "__main__":
    run()
