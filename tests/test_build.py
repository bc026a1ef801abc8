"""`kg build` end to end on a small folder of fixtures, and what other programs read from it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from rdflib import RDF, RDFS, Graph
from rdflib.namespace import SDO

from conftest import FIXTURES

PINNED = "2026-01-01T00:00:00+00:00"


def kg(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    shutil.copy(FIXTURES / "page.txt", root / "page.txt")
    gbk = "湘潭日报记者 何小明\n\n湘潭电化科技股份有限公司今年产值增长。公司总经理刘建国说，新生产线已经投产。\n"
    (root / "old").mkdir()
    (root / "old" / "gbk.txt").write_bytes(("湘潭电化扩产\n\n" + gbk).encode("gbk"))
    (root / "feed.jsonl").write_text(
        json.dumps({"id": "feed-1", "title": "衡阳新闻", "text": "衡阳市市长朱健在衡阳市南岳区调研。"}, ensure_ascii=False)
        + "\nnot json\n",
        encoding="utf8",
    )
    (root / "empty.txt").write_text("", encoding="utf8")
    big5 = "電化公司赴臺交流\n\n本報記者 何小明 通訊員 湘潭外辦\n\n湘潭電化科技股份有限公司總經理劉建國昨日率團訪問臺北。\n"
    (root / "old" / "big5.txt").write_bytes(big5.encode("big5"))
    return root


@pytest.fixture(scope="module")
def built(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    res = kg("build", str(corpus), "-o", str(out), "--build-time", PINNED, "--format", "nt")
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    return out


def test_outputs_are_written(built: Path) -> None:
    for name in ("graph.ttl", "graph.jsonld", "graph.nt", "graph.graphml", "graph.html", "report.json"):
        assert (built / name).stat().st_size > 0, name
    assert list((built / "articles").glob("*.html"))


def test_report_lists_read_and_skipped_documents(built: Path) -> None:
    report = json.loads((built / "report.json").read_text(encoding="utf8"))
    skipped = {Path(s["path"]).name: s["reason"] for s in report["documents"]["skipped"]}
    assert "empty" in skipped["empty.txt"]
    assert "line 2" in skipped["feed.jsonl"]
    read = {Path(r["path"]).name: r for r in report["documents"]["read"]}
    assert read["gbk.txt"]["encoding"] in ("gb18030", "gbk", "gb2312")
    assert read["page.txt"]["articles"] == 3 and read["feed.jsonl"]["articles"] == 1
    assert report["counts"]["mentions"] == report["counts"]["mentions_in_graph"]
    assert sum(report["mentions_per_document"].values()) == report["counts"]["mentions"]


def test_a_traditional_page_joins_the_same_names_in_simplified_text(built: Path) -> None:
    report = json.loads((built / "report.json").read_text(encoding="utf8"))
    read = {Path(r["path"]).name: r for r in report["documents"]["read"]}
    assert read["big5.txt"]["encoding"] == "big5" and read["big5.txt"]["traditional_characters_simplified"] > 10
    g = nx.read_graphml(built / "graph.graphml")
    [person] = [n for n, d in g.nodes(data=True) if d["label"] == "刘建国"]
    assert not any(d["label"] == "劉建國" for _, d in g.nodes(data=True))
    articles = {u for u, _, d in g.in_edges(person, data=True) if d["relation"] == "mentions"}
    assert len(articles) == 2  # the GBK page's and the Big5 page's
    roles = {(d["role"], g.nodes[v]["label"]) for _, v, d in g.out_edges(person, data=True) if d["relation"] == "affiliation"}
    assert ("总经理", "湘潭电化科技股份有限公司") in roles


def test_graphml_carries_label_type_aliases_and_edge_relations(built: Path) -> None:
    g = nx.read_graphml(built / "graph.graphml")
    types = {d["type"] for _, d in g.nodes(data=True)}
    assert {"PERSON", "ARTICLE", "PLACE"} <= types
    people = {d["label"] for _, d in g.nodes(data=True) if d["type"] == "PERSON"}
    # reporters and correspondents of bylines and datelines are people
    assert {"陈晓东", "刘思远", "周小满", "林海峰", "黄丽娟", "王可心", "何小明"} <= people
    relations = {d["relation"] for _, _, d in g.edges(data=True)}
    assert {"author", "affiliation", "mentions", "co_occurrence"} <= relations
    for _, _, d in g.edges(data=True):
        assert {"relation", "role", "weight", "evidence"} <= set(d)
    assert all("aliases" in d for _, d in g.nodes(data=True))


def test_articles_have_headlines_and_their_reporters_as_authors(built: Path) -> None:
    g = Graph().parse(built / "graph.ttl")
    heads = {str(o) for o in g.objects(None, SDO.headline)}
    assert {"发展新质生产力", "连城新泉镇的春耕", "春天的湘江", "衡阳新闻"} <= heads
    q = """SELECT ?h ?name WHERE { ?a <https://schema.org/headline> ?h ; <https://schema.org/author> ?p .
           ?p <http://www.w3.org/2000/01/rdf-schema#label> ?name }"""
    authors = {(str(h), str(n)) for h, n in g.query(q)}
    assert {("发展新质生产力", "陈晓东"), ("发展新质生产力", "刘思远"), ("连城新泉镇的春耕", "林海峰")} <= authors


def test_every_entity_is_typed_and_labelled_once_in_chinese(built: Path) -> None:
    g = Graph().parse(built / "graph.ttl")
    classes = {SDO.Person, SDO.Organization, SDO.Corporation, SDO.Place}
    entities = {s for c in classes for s in g.subjects(RDF.type, c)}
    assert entities
    for e in entities:
        labels = list(g.objects(e, RDFS.label))
        assert len(labels) == 1 and labels[0].language == "zh"
        assert all(ord(ch) < 128 and ch != " " for ch in str(e))
    for c in g.subjects(RDF.type, SDO.Corporation):
        assert (c, RDF.type, SDO.Organization) in g


def test_rdf_parses_the_same_in_rdflib_and_pyoxigraph(built: Path) -> None:
    for name, ox_fmt, rd_fmt in (("graph.ttl", pyoxigraph.RdfFormat.TURTLE, "turtle"),
                                 ("graph.nt", pyoxigraph.RdfFormat.N_TRIPLES, "nt"),
                                 ("graph.jsonld", pyoxigraph.RdfFormat.JSON_LD, "json-ld")):
        with (built / name).open("rb") as f:
            n_ox = len(set(pyoxigraph.parse(f, format=ox_fmt)))
        assert n_ox == len(Graph().parse(built / name, format=rd_fmt)), name


def test_validate_passes_and_a_broken_graph_fails(built: Path, tmp_path: Path) -> None:
    ok = kg("validate", str(built))
    assert ok.returncode == 0 and "valid" in ok.stdout, ok.stdout
    g = Graph().parse(built / "graph.ttl")
    person = next(g.subjects(RDF.type, SDO.Person))
    g.remove((person, RDFS.label, None))
    g.serialize(tmp_path / "graph.ttl", format="turtle")
    bad = kg("validate", str(tmp_path))
    assert bad.returncode == 1
    assert f"{person}: every entity has exactly one rdfs:label in Chinese (@zh)" in bad.stdout


def test_validate_catches_offsets_that_do_not_match_the_text(built: Path, tmp_path: Path) -> None:
    lines = (built / "graph.nt").read_text(encoding="utf8").splitlines()
    k = next(i for i, line in enumerate(lines) if "#char=" in line.split(" ")[0] and "nif-core#beginIndex>" in line)
    subject, pred, value = lines[k].split(" ", 2)
    number = int(value.split('"')[1])
    lines[k] = f'{subject} {pred} "{number + 1}"' + value[value.index('"', 1) + 1 :]
    (tmp_path / "graph.nt").write_text("\n".join(lines) + "\n", encoding="utf8")
    out = kg("validate", str(tmp_path))
    assert out.returncode == 1 and "do not match the text of its context" in out.stdout


def test_build_is_byte_identical_and_independent_of_input_order(corpus: Path, built: Path, tmp_path: Path) -> None:
    inputs = sorted(str(p) for p in corpus.rglob("*") if p.is_file())
    res = kg("build", *reversed(inputs), "-o", str(tmp_path), "--build-time", PINNED, "--format", "nt", "-q")
    assert res.returncode == 0, res.stderr
    for name in ("graph.ttl", "graph.nt", "graph.graphml", "graph.jsonld", "graph.html"):
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes(), name


def test_example_queries_answer_on_the_fixture(built: Path) -> None:
    queries = Path(__file__).parents[1] / "ontology" / "queries"
    out = kg("query", str(built), "--file", str(queries / "places_in_province.rq"), "--format", "json")
    rows = json.loads(out.stdout)
    assert {"province": "福建省", "place": "新泉镇", "code": "350825105"} in rows
    out = kg("query", str(built), "--file", str(queries / "mentions_of_entity.rq"), "--format", "csv")
    assert out.returncode == 0 and len(out.stdout.splitlines()) > 1
    bad = kg("query", str(built), "SELECT WHERE {")
    assert bad.returncode == 2 and "does not parse" in bad.stderr


def test_nothing_to_build_is_an_error_with_a_summary(tmp_path: Path) -> None:
    res = kg("build", str(tmp_path / "missing"), "-o", str(tmp_path / "o"), "-q")
    assert res.returncode == 1
    assert "no such file or folder" in res.stderr and "nothing could be built" in res.stderr
    assert "Traceback" not in res.stderr


def test_strict_fails_on_skipped_input(corpus: Path, tmp_path: Path) -> None:
    res = kg("build", str(corpus), "-o", str(tmp_path), "--strict", "-q")
    assert res.returncode == 1 and "--strict" in res.stderr


def test_stats_lists_types_most_mentioned_and_strongest_relations(built: Path) -> None:
    out = kg("stats", str(built))
    assert out.returncode == 0
    lines = out.stdout.splitlines()
    assert lines[0].startswith("entities by type:") and "PERSON" in lines[0]
    assert "most mentioned:" in lines and "strongest relations:" in lines
