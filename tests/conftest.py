from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def page_text() -> str:
    return (FIXTURES / "page.txt").read_text(encoding="utf8")


@pytest.fixture(scope="session")
def nlp():
    from kg import load_nlp

    return load_nlp()
