"""kg: knowledge graphs of people, organizations, companies and places from Chinese news."""

from __future__ import annotations

__version__ = "0.1.0"

from kg.nlp.loading import load_nlp  # noqa: E402

__all__ = ["load_nlp", "__version__"]
