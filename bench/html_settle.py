"""Time from load to a still network in headless Chromium, for graph.html of 300, 1,000 and 3,000 nodes.

    python bench/html_settle.py            # needs Debian's chromium and playwright
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from kg.html import write_html

TYPES = ["PERSON", "ORG", "COMPANY", "PLACE"]


def synthetic(n: int, seed: int = 7) -> nx.MultiDiGraph:
    """A graph shaped like a news corpus: a few hubs, many small entities."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    for i in range(n):
        g.add_node(f"e{i}", type=rng.choice(TYPES), label=f"实体{i}", aliases=[], mentions=1 + int(rng.paretovariate(1.5)),
                   articles=[], admin_code="")
    for _ in range(2 * n):
        u, v = rng.sample(range(n), 2)
        hub = min(u, v) if rng.random() < 0.5 else v
        g.add_edge(f"e{u}", f"e{hub}", relation="co_occurrence", role="", weight=1 + rng.randrange(3), evidence=[])
    return g


def main() -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for n in (300, 1000, 3000):
            out = Path(tmp) / str(n)
            write_html(synthetic(n), out, max_nodes=n)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            start = time.perf_counter()
            page.goto((out / "graph.html").as_uri())
            page.wait_for_function("() => window.kgStable === true", timeout=600_000)
            settle = time.perf_counter() - start
            drawn = page.evaluate("network.body.nodeIndices.length")
            size = (out / "graph.html").stat().st_size
            print(f"{n} nodes: still after {settle:.1f} s, {drawn} drawn, page {size / 1e6:.1f} MB", flush=True)
            page.close()
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
