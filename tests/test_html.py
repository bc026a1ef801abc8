"""graph.html in headless Chromium: offline, draws the graph, search works, hostile text stays text."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")

HOSTILE = (
    "株洲日报记者 陈晓东\n\n"
    '株洲市工信局局长孙明华说："<script>window.__pwned=1</script>"，'
    "还有<img src=x onerror=\"window.__pwned=2\">和</script><script>window.__pwned=3</script>'引号'。\n"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = tmp_path_factory.mktemp("html-corpus")
    shutil.copy(FIXTURES / "page.txt", corpus / "page.txt")
    (corpus / "hostile.txt").write_text("恶意标题测试\n\n" + HOSTILE, encoding="utf8")
    out = tmp_path_factory.mktemp("html-out")
    res = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(corpus), "-o", str(out), "-q"],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    return out


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"],
        )
        yield b
        b.close()


def open_page(browser, path: Path):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    seen = {"requests": [], "errors": [], "dialogs": []}

    def route(r):
        seen["requests"].append(r.request.url)
        r.continue_() if r.request.url.startswith("file:") else r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    return page, seen


def test_network_loads_offline_and_draws_every_node(browser, site: Path, tmp_path: Path) -> None:
    page, seen = open_page(browser, site / "graph.html")
    page.wait_for_function("() => window.kgStable === true", timeout=60000)
    expected = page.evaluate("DATA.nodes.length")
    assert expected > 5
    drawn = page.evaluate("network.body.nodeIndices.length")
    assert drawn == expected
    assert [u for u in seen["requests"] if not u.startswith("file:")] == []
    assert seen["errors"] == []
    page.screenshot(path=str(tmp_path / "graph.png"))
    assert (tmp_path / "graph.png").stat().st_size > 10_000


def test_search_finds_a_node_by_alias_and_shows_it(browser, site: Path) -> None:
    page, _ = open_page(browser, site / "graph.html")
    page.wait_for_function("() => window.kgStable === true", timeout=60000)
    page.fill("#search", "陈晓东")
    page.dispatch_event("#search", "change")
    assert page.locator("#info h2").first.inner_text() == "陈晓东"
    assert page.evaluate("network.getSelectedNodes().length") == 1


def test_hostile_text_runs_nothing(browser, site: Path) -> None:
    for path in [site / "graph.html", *sorted((site / "articles").glob("*.html"))]:
        page, seen = open_page(browser, path)
        page.wait_for_timeout(300)
        assert page.evaluate("window.__pwned === undefined"), path
        assert seen["dialogs"] == []
    pages = [p.read_text(encoding="utf8") for p in (site / "articles").glob("*.html")]
    hostile = next(p for p in pages if "__pwned" in p)
    assert "<script>window.__pwned" not in hostile and "&lt;script&gt;" in hostile
