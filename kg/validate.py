"""``kg validate``: every export parses with an independent parser and meets the SHACL shapes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph
from rdflib import Graph

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology"
FORMATS = {
    ".ttl": (pyoxigraph.RdfFormat.TURTLE, "turtle"),
    ".jsonld": (pyoxigraph.RdfFormat.JSON_LD, "json-ld"),
    ".nt": (pyoxigraph.RdfFormat.N_TRIPLES, "nt"),
    ".nq": (pyoxigraph.RdfFormat.N_QUADS, "nquads"),
}


@dataclass
class Validation:
    files: dict[str, int] = field(default_factory=dict)  # file -> triples parsed
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def export_files(target: Path) -> list[Path]:
    if target.is_file():
        return [target]
    return sorted(p for p in target.glob("graph.*") if p.suffix in FORMATS)


def is_store(target: Path) -> bool:
    """An on-disk pyoxigraph store folder (as opposed to an export folder)."""
    return target.is_dir() and not any(target.glob("graph.*")) and any(target.iterdir())


def loadable_export(target: Path) -> Path | None:
    """The export file quickest to bulk-load: N-Triples, then N-Quads, then Turtle."""
    files = [p for p in export_files(target) if p.suffix in (".nt", ".nq", ".ttl")]
    return min(files, key=lambda p: ((".nt", ".nq", ".ttl").index(p.suffix), p.name)) if files else None


def bulk_load(store: pyoxigraph.Store, path: Path) -> None:
    with path.open("rb") as f:
        store.bulk_load(f, format=FORMATS[path.suffix][0])


def load_store(target: Path, store_dir: Path) -> int:
    """Bulk-load an export into an on-disk store, built beside it and swapped in whole; returns its triples."""
    import shutil
    import tempfile

    path = loadable_export(target)
    if path is None:
        raise FileNotFoundError(f"{target}: no graph.nt / graph.nq / graph.ttl to load")
    store_dir = store_dir.absolute()
    store_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{store_dir.name}.", dir=store_dir.parent))
    try:
        store = pyoxigraph.Store(str(tmp))
        bulk_load(store, path)
        store.optimize()
        n = len(store)
        del store
        if store_dir.exists():
            shutil.rmtree(store_dir)
        tmp.rename(store_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return n


def validate(target: Path, shapes: Path | None = None) -> Validation:
    result = Validation()
    files = export_files(target)
    if not files:
        result.errors.append(f"{target}: no graph.ttl / graph.jsonld / graph.nt to validate")
        return result
    data: Graph | None = None
    for path in files:
        ox_format, rdflib_format = FORMATS[path.suffix]
        try:
            with path.open("rb") as f:
                n = sum(1 for _ in pyoxigraph.parse(f, format=ox_format))
        except (SyntaxError, ValueError, OSError) as exc:
            result.errors.append(f"{path}: does not parse ({exc})")
            continue
        result.files[str(path)] = n
        if data is None and path.suffix in (".ttl", ".nt"):
            data = Graph().parse(path, format=rdflib_format)
    if data is None:
        return result
    result.errors.extend(shacl_violations(data, shapes or ONTOLOGY / "shapes.ttl"))
    result.errors.extend(sparql_checks(files[0]))
    return result


def sparql_checks(path: Path) -> list[str]:
    """The checks in ontology/checks/*.rq, each row a violation, run by pyoxigraph."""
    store = pyoxigraph.Store()
    bulk_load(store, path)
    out = []
    for query in sorted((ONTOLOGY / "checks").glob("*.rq")):
        for row in store.query(query.read_text(encoding="utf8")):
            out.append(f"{row['focus'].value}: {row['message'].value}")
    return out


def shacl_violations(data: Graph, shapes_path: Path) -> list[str]:
    from pyshacl import validate as shacl

    shapes = Graph().parse(shapes_path, format="turtle")
    ontology = Graph().parse(ONTOLOGY / "kg.ttl", format="turtle")
    conforms, report, _ = shacl(data, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True)
    if conforms:
        return []
    from rdflib.namespace import SH

    out = []
    for r in sorted(report.subjects(predicate=SH.focusNode), key=str):
        focus = report.value(r, SH.focusNode)
        message = report.value(r, SH.resultMessage)
        path = report.value(r, SH.resultPath)
        out.append(f"{focus}: {message}" + (f" (path {path})" if path is not None else ""))
    return sorted(set(out))
