"""Bad input is reported and skipped, writes are atomic, and arbitrary text survives every export."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.atomic import atomic_write
from kg.build import ingest_all
from kg.pipeline import pieces
from kg.export import write_graphml, write_rdf
from kg.ingest import Source, clean_text, split_articles

GOOD = "株洲日报记者 陈晓东\n\n株洲市工信局局长孙明华表示，全市将继续为企业纾困解难。\n"


def skipped(inputs: list[Path]) -> dict[str, str]:
    ing = ingest_all([str(p) for p in inputs])
    return {Path(s["path"]).name: s["reason"] for s in ing.skipped}


@pytest.fixture()
def good(tmp_path: Path) -> Path:
    p = tmp_path / "good.txt"
    p.write_text(GOOD, encoding="utf8")
    return p


def test_missing_path(tmp_path: Path, good: Path) -> None:
    reasons = skipped([tmp_path / "nope.txt", good])
    assert reasons == {"nope.txt": f"{tmp_path / 'nope.txt'}: no such file or folder"}


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file(tmp_path: Path, good: Path) -> None:
    p = tmp_path / "secret.txt"
    p.write_text(GOOD, encoding="utf8")
    p.chmod(0)
    assert "permission denied" in skipped([p, good])["secret.txt"]


def test_unreadable_folder_entry_is_reported(tmp_path: Path, good: Path) -> None:
    # a dangling link: the file it names is gone (also what root sees for a missing file)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    assert "cannot read" in skipped([tmp_path])["gone.txt"]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00" * 50, "binary file"),
        ("empty.txt", b"", "empty file"),
        ("noise.txt", bytes(range(0x80, 0x100)) * 8, "no other encoding detected"),
        ("cut.txt", "株洲日报记者".encode() + b"\xe6\x97", "truncated UTF-8 sequence"),
    ],
)
def test_bad_files_are_skipped_with_the_reason(tmp_path: Path, good: Path, name: str, data: bytes, reason: str) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    ing = ingest_all([str(p), str(good)])
    [(path, why)] = [(s["path"], s["reason"]) for s in ing.skipped]
    assert path == str(p) and reason in why and str(p) in why
    assert len(ing.articles) == 1


def test_jsonl_bad_lines_named_good_lines_kept(tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl"
    p.write_text('{"text": "株洲市召开会议。"}\n{oops\n[1, 2]\n{"text": "湘潭市召开会议。"}\n', encoding="utf8")
    ing = ingest_all([str(p)])
    assert len(ing.articles) == 2
    [reason] = [s["reason"] for s in ing.skipped]
    assert "line 2" in reason and "line 3" in reason


def test_file_over_the_size_limit_is_refused(tmp_path: Path, good: Path) -> None:
    p = tmp_path / "huge.txt"
    with p.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # 50 MB on one line (sparse: no disk cost)
    assert "over the limit" in skipped([p, good])["huge.txt"]


def test_long_single_line_is_processed_in_pieces(tmp_path: Path) -> None:
    line = "株洲市工信局局长孙明华表示，全市将继续为企业纾困解难。" * 3000  # ~80k characters, no newline
    assert len(pieces(line)) > 3 and "".join(pieces(line)) == line
    p = tmp_path / "long.txt"
    p.write_text(line, encoding="utf8")
    out = tmp_path / "out"
    res = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(p), "-o", str(out), "-q"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    report = json.loads((out / "report.json").read_text(encoding="utf8"))
    assert report["counts"]["mentions"] == report["counts"]["mentions_in_graph"] > 3000


def test_html_scripts_and_entities(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text("<p>株洲&amp;湘潭<script>var x='株洲市工信局';</script></p><style>p{}</style>", encoding="utf8")
    [art] = ingest_all([str(p)]).articles
    assert art.text == "株洲&湘潭"


def test_symlink_loop_is_reported_once(tmp_path: Path, good: Path) -> None:
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "loop").symlink_to(folder)
    (folder / "good.txt").write_text(GOOD, encoding="utf8")
    ing = ingest_all([str(folder)])
    assert len(ing.articles) == 1
    assert any("symbolic link loop" in s["reason"] for s in ing.skipped)


def test_no_traceback_reaches_the_user(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00" * 100)
    res = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(tmp_path), "-o", str(tmp_path / "o")],
                         capture_output=True, text=True)
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert "bin.txt: binary file" in res.stderr and "nothing could be built" in res.stderr.splitlines()[-1]


def test_record_ids_cannot_break_iris_or_escape_the_output_folder(tmp_path: Path) -> None:
    records = [{"id": "../../escape", "text": GOOD}, {"id": "新闻 1", "text": "长沙市岳麓区政府发布通知。"}]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf8")
    out = tmp_path / "out"
    res = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(src), "-o", str(out), "-q", "--format", "nt"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    pages = sorted(p.name for p in (out / "articles").iterdir())
    assert pages == ["%E6%96%B0%E9%97%BB%201.html", "..%2F..%2Fescape.html"]
    assert not list(tmp_path.glob("escape*"))
    store = pyoxigraph.Store()
    store.load(path=str(out / "graph.nt"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    ids = {s["i"].value for s in store.query("SELECT ?i WHERE { ?a a <https://schema.org/NewsArticle> ; <https://schema.org/identifier> ?i }")}
    assert ids == {"../../escape", "新闻 1"}  # schema:identifier keeps the id as given


def test_failed_write_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.write_text("old complete file\n", encoding="utf8")
    with pytest.raises(RuntimeError):
        with atomic_write(target) as f:
            f.write("half")
            raise RuntimeError("disk full")
    assert target.read_text(encoding="utf8") == "old complete file\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_killed_mid_write_leaves_the_previous_complete_file(tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    target.write_text("old complete file\n", encoding="utf8")
    child = (
        "import os, signal, sys\n"
        "from kg.atomic import atomic_write\n"
        f"with atomic_write({str(target)!r}) as f:\n"
        "    f.write('@prefix half' * 1000); f.flush()\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    res = subprocess.run([sys.executable, "-c", child])
    assert res.returncode == -9
    assert target.read_text(encoding="utf8") == "old complete file\n"


any_text = st.text(st.characters(codec=None, exclude_categories=()), min_size=1, max_size=300)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_ingest_never_fails_and_offsets_map_back(text: str) -> None:
    clean = clean_text(text)
    assert len(clean) == len(text)
    for art in split_articles(Source("x.txt", clean, "utf-8")):
        for i, ch in enumerate(art.text):
            if ch != "\n":
                assert clean[art.source_offset(i)] == ch


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(label=any_text, alias=any_text, body=any_text)
def test_every_export_parses_and_round_trips_its_literals(tmp_path: Path, label: str, alias: str, body: str) -> None:
    label, alias, body = clean_text(label), clean_text(alias), clean_text(body)
    g = nx.MultiDiGraph()
    g.add_node("person-1", type="PERSON", label=label, aliases=[alias], mentions=1, articles=["a1"], admin_code="")
    g.add_node("a1", type="ARTICLE", label=body, headline=body, text=body, sentences=[[0, len(body)]], mentions=1,
               source="x", date="", dateline="", kicker="", subheadline="")
    g.add_edge("a1", "person-1", key="mentions:", relation="mentions", role="", weight=1,
               spans=[[0, len(body), body, "PERSON", 0]])
    write_rdf(g, tmp_path, ("ttl", "nt", "jsonld"), "https://example.org/kg/", None, "")
    write_graphml(g, tmp_path / "graph.graphml")
    for name, fmt in (("graph.ttl", pyoxigraph.RdfFormat.TURTLE), ("graph.nt", pyoxigraph.RdfFormat.N_TRIPLES),
                      ("graph.jsonld", pyoxigraph.RdfFormat.JSON_LD)):
        with (tmp_path / name).open("rb") as f:
            literals = {q.object.value for q in pyoxigraph.parse(f, format=fmt) if isinstance(q.object, pyoxigraph.Literal)}
        assert {label, alias, body} <= literals, name
    assert nx.read_graphml(tmp_path / "graph.graphml").nodes["person-1"]["label"] == label


def test_a_builds_own_pages_are_never_read_as_news(tmp_path: Path, good: Path) -> None:
    from kg.build import BuildOptions, run_build

    news = tmp_path / "news"
    news.mkdir()
    (news / "page.txt").write_text(GOOD, encoding="utf8")
    opts = BuildOptions(inputs=[str(news)], out=news / "out", quiet=True)
    first = run_build(opts)
    again = run_build(opts)  # its output folder now lies inside its input
    assert again["documents"] == first["documents"] == {
        "read": [{"path": str(news / "page.txt"), "encoding": "utf-8", "articles": 1}], "skipped": [], "extraction_failed": []}
    assert again["stats"] == first["stats"]
    # an earlier build's folder under another name is skipped, each page with its reason
    (news / "out").rename(news / "old")
    report = run_build(BuildOptions(inputs=[str(news)], out=tmp_path / "out", quiet=True))
    assert report["documents"]["read"] == first["documents"]["read"]
    reasons = {Path(s["path"]).name: s["reason"] for s in report["documents"]["skipped"]}
    assert "graph.html" in reasons and all("a page kg wrote" in r for r in reasons.values())
    assert len(reasons) == 1 + len(list((news / "old" / "articles").glob("*.html")))


def test_rules_failing_on_one_article_keep_its_entities_and_cost_nothing_else(tmp_path: Path, good: Path, monkeypatch) -> None:
    import kg.extract
    from kg.build import BuildOptions, run_build

    real = kg.extract.find_mentions

    def breaks_on_one(ex, *args, **kwargs):
        if "纾困" not in ex.article.text:
            raise ValueError("a rule's bug")
        return real(ex, *args, **kwargs)

    monkeypatch.setattr(kg.extract, "find_mentions", breaks_on_one)
    bad = tmp_path / "bad.txt"
    bad.write_text("湘潭日报记者 王晓明\n\n湘潭市人民政府副市长胡鹏飞出席大会。\n", encoding="utf8")
    out = tmp_path / "out"
    report = run_build(BuildOptions(inputs=[str(good), str(bad)], out=out, quiet=True, html=False, use_cache=False))
    [failed] = report["documents"]["extraction_failed"]
    assert failed["source"] == str(bad) and "ValueError: a rule's bug" in failed["reason"]
    g = nx.read_graphml(out / "graph.graphml")
    labels = {d["label"]: d["type"] for _, d in g.nodes(data=True)}
    # the good article's relations are all there; the failed one keeps what the model read
    assert any(d["relation"] == "affiliation" and g.nodes[u]["label"] == "孙明华" for u, _, d in g.edges(data=True))
    assert labels.get("胡鹏飞") == "PERSON" and report["counts"]["articles"] == 2
