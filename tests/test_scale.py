"""Scale: the build cache, streamed exports, on-disk stores and the Dask cluster build."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pyoxigraph
import networkx as nx
import pytest

from conftest import FIXTURES
from kg.build import CACHE_NAME, BuildOptions, run_build
from kg.cli import main

PINNED = datetime.fromisoformat("2026-01-01T00:00:00+00:00")
OUTPUTS = ("graph.ttl", "graph.nt", "graph.jsonld", "graph.graphml", "graph.html")

NEWS = [
    "岳阳日报记者 周文\n\n岳阳市君山区钱粮湖镇的早稻开始插秧。岳阳市农业农村局局长李国强说，今年全市早稻面积稳定。\n",
    "邵阳新闻网讯\n\n邵阳市大祥区政府与湖南宝庆农产品进出口有限公司签约。公司董事长王志刚介绍，项目投资五亿元。\n",
    "常德日报记者 陈丽\n\n常德市鼎城区的湖南金健米业股份有限公司扩建生产线。金健米业总经理赵明表示，新线年底投产。\n",
]


DEFINED_ALIAS = (
    "工行与远航集团签署合作协议\n本报记者 钱晓\n\n中国工商银行股份有限公司（以下简称“工行”）与衡州远航集团有限公司"
    "签署战略合作协议。工行湖南省分行行长孙立新出席仪式。工行将为远航集团提供授信。\n"
)


def build(inputs: list[Path], out: Path, **kw) -> dict:
    kw = {"formats": ("ttl", "jsonld", "nt"), **kw}
    opts = BuildOptions(inputs=[str(p) for p in inputs], out=out, quiet=True, build_time=PINNED, **kw)
    return run_build(opts)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("news")
    shutil.copy(FIXTURES / "page.txt", root / "page.txt")
    for i, text in enumerate(NEWS[:2]):
        (root / f"n{i}.txt").write_text(text, encoding="utf8")
    (root / "alias.txt").write_text(DEFINED_ALIAS, encoding="utf8")
    return root


@pytest.fixture(scope="module")
def full(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("full")
    report = build([corpus], out, use_cache=False)
    assert report["counts"]["articles_from_cache"] == 0
    assert not (out / CACHE_NAME).exists()
    # the alias the text defines is in the graph, so the builds compared with this one carry it too
    g = nx.read_graphml(out / "graph.graphml")
    assert any(d["label"] == "中国工商银行股份有限公司" and d["aliases"] == "工行" for _, d in g.nodes(data=True))
    return out


def same_outputs(a: Path, b: Path) -> None:
    for name in OUTPUTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    pages = sorted(p.name for p in (a / "articles").iterdir())
    assert pages and pages == sorted(p.name for p in (b / "articles").iterdir())
    for name in pages:
        assert (a / "articles" / name).read_bytes() == (b / "articles" / name).read_bytes(), name


def test_rebuild_with_a_new_file_processes_only_that_file(corpus: Path, full: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build([corpus], out)
    n = first["counts"]["articles"]
    assert first["counts"]["articles_from_cache"] == 0 and (out / CACHE_NAME).exists()
    same_outputs(out, full)

    again = build([corpus], out)
    assert again["counts"]["articles_from_cache"] == n
    same_outputs(out, full)

    grown = tmp_path / "grown"
    shutil.copytree(corpus, grown)
    (grown / "n2.txt").write_text(NEWS[2], encoding="utf8")
    incremental = build([grown], out)
    assert incremental["counts"]["articles"] == n + 1
    assert incremental["counts"]["articles_from_cache"] == n  # only the new article went through the pipeline
    rebuilt = build([grown], tmp_path / "rebuilt", use_cache=False)
    same_outputs(out, tmp_path / "rebuilt")
    assert incremental["stats"] == rebuilt["stats"]
    labels = [e["label"] for e in rebuilt["stats"]["most_mentioned"]]
    assert rebuilt["counts"]["mentions"] > first["counts"]["mentions"] and labels


def test_damaged_cache_entries_are_computed_again(corpus: Path, full: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([corpus], out)
    with sqlite3.connect(out / CACHE_NAME) as db:
        db.execute("UPDATE extraction SET data = x'00ff'")
    report = build([corpus], out)
    assert report["counts"]["articles_from_cache"] == 0
    same_outputs(out, full)


def test_entries_of_another_model_or_code_are_removed(corpus: Path, full: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    n = build([corpus], out)["counts"]["articles"]
    with sqlite3.connect(out / CACHE_NAME) as db:  # as a build with another model would have left them
        db.execute("UPDATE extraction SET fingerprint = 'another-model', key = 'old-' || key "
                   "WHERE rowid IN (SELECT rowid FROM extraction ORDER BY key LIMIT 2)")
    report = build([corpus], out)
    assert report["counts"]["articles_from_cache"] == n - 2
    assert report["counts"]["stale_cache_entries_removed"] == 2
    with sqlite3.connect(out / CACHE_NAME) as db:
        assert db.execute("SELECT COUNT(*) FROM extraction WHERE fingerprint = 'another-model'").fetchone()[0] == 0
        assert db.execute("SELECT COUNT(*) FROM extraction").fetchone()[0] == n
    same_outputs(out, full)


def test_the_cache_key_covers_every_module_the_extraction_runs_and_no_export_code(tmp_path: Path) -> None:
    import kg
    from kg.cache import extraction_files, fingerprint
    from kg.nlp.loading import MODEL_DIR

    names = {p.name for p in extraction_files()}
    # rules split out of the extraction into modules of their own are still covered
    assert {"pipeline.py", "extract.py", "mentions.py", "persons.py", "companies.py", "layers.py", "roles.json"} <= names
    assert not names & {"export.py", "rdf.py", "html.py", "graph.py", "resolve.py", "build.py"}
    # a changed rule in any of them is another fingerprint: the cache is not reused
    package = tmp_path / "kg"
    shutil.copytree(Path(kg.__file__).parent, package, ignore=shutil.ignore_patterns("model", "__pycache__"))
    before = fingerprint(MODEL_DIR, package)
    with (package / "export.py").open("a") as f:
        f.write("# a change to the export\n")
    assert fingerprint(MODEL_DIR, package) == before
    with (package / "persons.py").open("a") as f:
        f.write("# a change to a rule\n")
    assert fingerprint(MODEL_DIR, package) != before


def test_a_rebuild_leaves_no_outputs_of_the_build_before(corpus: Path, tmp_path: Path) -> None:
    grown = tmp_path / "grown"
    shutil.copytree(corpus, grown)
    (grown / "n2.txt").write_text(NEWS[2], encoding="utf8")
    out = tmp_path / "out"
    before = build([grown], out)
    assert (out / "graph.nt").exists() and len(list((out / "articles").iterdir())) == before["counts"]["articles"]
    after = build([corpus], out, formats=("ttl", "jsonld"))  # one file fewer, no N-Triples asked for
    assert not (out / "graph.nt").exists()
    pages = sorted(p.name for p in (out / "articles").iterdir())
    assert pages == sorted(f"{a['id']}.html" for a in after["articles"])
    assert len(pages) == before["counts"]["articles"] - 1


def test_ntriples_and_nquads_are_streamed_each_triple_once(full: Path, tmp_path: Path) -> None:
    lines = (full / "graph.nt").read_text(encoding="utf8").splitlines()
    assert len(lines) == len(set(lines))
    ttl = sum(1 for _ in pyoxigraph.parse(path=str(full / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(lines) == ttl
    build([FIXTURES / "page.txt"], tmp_path, formats=("ttl", "nq"), html=False)
    quads = list(pyoxigraph.parse(path=str(tmp_path / "graph.nq"), format=pyoxigraph.RdfFormat.N_QUADS))
    graphs = {q.graph_name for q in quads}
    assert len(graphs) == 1 and "/build/" in str(next(iter(graphs)).value)


def test_load_into_an_on_disk_store_and_query_it(full: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    store = tmp_path / "store"
    assert main(["load", str(full), str(store)]) == 0
    assert "loaded" in capsys.readouterr().err
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert main(["query", str(store), query, "--format", "json"]) == 0
    from_store = json.loads(capsys.readouterr().out)
    assert main(["query", str(full), query, "--format", "json"]) == 0
    assert from_store == json.loads(capsys.readouterr().out)
    assert int(from_store[0]["n"]) == len((full / "graph.nt").read_text(encoding="utf8").splitlines())
    assert main(["load", str(tmp_path / "nothing"), str(tmp_path / "s2")]) == 2
    assert "no graph.nt" in capsys.readouterr().err


def test_build_can_fill_a_store(tmp_path: Path) -> None:
    report = build([FIXTURES / "page.txt"], tmp_path / "out", store=tmp_path / "store", html=False, formats=("nt",))
    assert report["store"]["triples"] == report["counts"]["triples"]["nt"]
    assert len(pyoxigraph.Store.read_only(str(tmp_path / "store"))) == report["store"]["triples"]


def test_cluster_build_equals_the_local_build(corpus: Path, full: Path, tmp_path: Path) -> None:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        report = build([corpus], tmp_path, use_cache=False, cluster=cluster.scheduler_address, partition_chars=400)
    assert report["counts"]["articles"] >= 4  # several partitions, spread over both workers
    same_outputs(tmp_path, full)


def test_worker_processes_give_the_same_graph(corpus: Path, full: Path, tmp_path: Path) -> None:
    report = build([corpus], tmp_path, use_cache=False, workers=2, partition_chars=400)
    assert report["counts"]["articles_from_cache"] == 0
    assert report["export_processes"] == 2  # the files too are written by two processes at once
    same_outputs(tmp_path, full)
    again = build([corpus], tmp_path / "again", workers=2)  # texts read back from a cache on disk
    assert again["counts"]["triples"] == report["counts"]["triples"]


def test_export_tasks_are_spread_over_the_processes_once_each() -> None:
    from kg.build import EXPORT_COST, TRIPLES_COST
    from kg.forked import balance

    rdf = frozenset({"ttl", "jsonld", "nt"})
    tasks = {k: EXPORT_COST[k] for k in (*rdf, "graphml", "html", "pages")}
    one, two = balance(tasks, 1, TRIPLES_COST, rdf), balance(tasks, 2, TRIPLES_COST, rdf)
    assert len(one) == 1 and sorted(one[0]) == sorted(tasks)
    assert len(two) == 2 and sorted(t for g in two for t in g) == sorted(tasks)
    assert all(rdf & set(g) for g in two)  # each process writes RDF too, rather than one doing it all

    def load(group: list[str]) -> float:
        return sum(tasks[t] for t in group) + (TRIPLES_COST if rdf & set(group) else 0)

    assert max(map(load, two)) < 0.6 * load(one[0])
