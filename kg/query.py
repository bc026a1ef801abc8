"""SPARQL over an export (pyoxigraph), printed as a table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyoxigraph

from kg.validate import bulk_load, is_store, loadable_export


class QueryError(Exception):
    """A query kg cannot run; the message says why."""


def load_store(target: Path) -> pyoxigraph.Store:
    """An in-memory store of an export folder or file, or an on-disk store folder."""
    if is_store(target):
        return pyoxigraph.Store(str(target))
    path = loadable_export(target)
    if path is None:
        raise QueryError(f"{target}: no graph.ttl or graph.nt to query")
    store = pyoxigraph.Store()
    bulk_load(store, path)
    return store


def _term(t: object) -> str:
    if t is None:
        return ""
    return t.value if hasattr(t, "value") else str(t)


def run_query(store: pyoxigraph.Store, query: str) -> tuple[list[str], list[list[str]]]:
    try:
        result = store.query(query)
    except SyntaxError as exc:
        raise QueryError(f"query does not parse: {exc}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(str(exc)) from None
    if isinstance(result, bool) or isinstance(result, pyoxigraph.QueryBoolean):
        return ["result"], [[str(bool(result)).lower()]]
    if isinstance(result, pyoxigraph.QuerySolutions):
        names = [v.value for v in result.variables]
        return names, [[_term(row[n]) for n in names] for row in result]
    rows = [[_term(t.subject), _term(t.predicate), _term(t.object)] for t in result]
    return ["subject", "predicate", "object"], rows


def render(names: list[str], rows: list[list[str]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([dict(zip(names, r)) for r in rows], ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(names)
        w.writerows(rows)
        return buf.getvalue().rstrip("\n")
    widths = [max([_width(n)] + [_width(r[i]) for r in rows]) for i, n in enumerate(names)]
    widths = [min(w, 60) for w in widths]
    lines = [" | ".join(_pad(n, w) for n, w in zip(names, widths))]
    lines.append("-+-".join("-" * w for w in widths))
    for r in rows:
        lines.append(" | ".join(_pad(_clip(c, w), w) for c, w in zip(r, widths)))
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def _width(s: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if "\u1100" <= ch and (ch >= "\u2e80") else 1 for ch in s)


def _clip(s: str, w: int) -> str:
    out, n = "", 0
    for ch in s.replace("\n", " "):
        cw = _width(ch)
        if n + cw > w - 1 and _width(s) > w:
            return out + "…"
        out += ch
        n += cw
    return out


def _pad(s: str, w: int) -> str:
    return s + " " * max(0, w - _width(s))
