"""The build cache: each article's extraction on disk, keyed by the article's content hash.

A rebuild over a corpus with a few new files runs the pipeline on the new articles only;
everything else is read back from here. The key also covers the pipeline's weights and
kg's extraction code and data, so a new model or a new rule never reuses a stale result. The
cache doubles as the build's text store: exports read article texts from it one at a
time instead of holding them all in memory.
"""

from __future__ import annotations

import ast
import hashlib
import os
import pickle
import sqlite3
import zlib
from functools import lru_cache
from pathlib import Path

import kg
from kg.records import Extraction
from kg.ingest import Article

_SCHEMA = "CREATE TABLE IF NOT EXISTS extraction (key TEXT PRIMARY KEY, text TEXT, data BLOB, fingerprint TEXT)"
_VERSION = 3  # a cache of another layout is emptied, not misread


def extraction_files(package: Path | None = None) -> list[Path]:
    """What an extraction depends on besides the article: kg's modules that the pipeline
    imports, followed import by import from kg/pipeline.py (so a module split out of another
    is hashed too), and kg's data. Export and graph code are left out: changing them keeps
    the cache."""
    package = package or Path(kg.__file__).parent
    todo, seen = ["pipeline"], set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        path = next((p for p in (package / f"{name.replace('.', '/')}.py", package / name.replace(".", "/") / "__init__.py")
                     if p.is_file()), None)
        if path is None:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf8"))):
            if isinstance(node, ast.ImportFrom) and node.module and (node.module + ".").startswith("kg."):
                inner = node.module[3:]
                todo += [inner] if inner else []
                todo += [f"{inner}.{a.name}".lstrip(".") for a in node.names]  # from kg.nlp import layers
            elif isinstance(node, ast.Import):
                todo += [a.name[3:] for a in node.names if a.name.startswith("kg.")]
    code = {package / f"{n.replace('.', '/')}.py" for n in seen} | {package / n.replace(".", "/") / "__init__.py" for n in seen}
    data = [p for p in (package / "data").rglob("*") if p.is_file()]
    return sorted({p for p in code if p.is_file()} | set(data))


def fingerprint(model_dir: Path, package: Path | None = None) -> str:
    """A hash of the model weights and of kg's extraction code and data, and kg's version."""
    h = hashlib.sha256(kg.__version__.encode())
    files = extraction_files(package) + [p for p in Path(model_dir).rglob("*") if p.is_file()]
    for p in sorted({p for p in files if p.suffix != ".pyc"}):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def article_key(article: Article, fp: str) -> str:
    """The cache key: what the pipeline sees of an article (its text and parsed header), and the fingerprint."""
    parts = [fp, article.id, article.text, article.headline, article.kicker, article.subheadline,
             article.dateline, article.date, article.kind, article.paper, repr(article.bylines)]
    return hashlib.sha256("\x1f".join(parts).encode("utf8")).hexdigest()


class Cache:
    """Extractions in one SQLite file; a damaged entry reads as a miss and is recomputed."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._pid = 0
        db = self.db
        if db.execute("PRAGMA user_version").fetchone()[0] != _VERSION:
            db.execute("DROP TABLE IF EXISTS extraction")
            db.execute(f"PRAGMA user_version = {_VERSION}")
        db.execute(_SCHEMA)
        self._pending: list[tuple[str, str, bytes, str]] = []  # key, article text, extraction, fingerprint

    @property
    def db(self) -> sqlite3.Connection:
        """This process's connection: a connection must not cross a fork, so a child opens its own."""
        if self._conn is None or self._pid != os.getpid():
            self._conn = sqlite3.connect(self.path, isolation_level=None)
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._pid = os.getpid()
        return self._conn

    def release(self) -> None:
        """Everything written and the connection closed (before forking; it reopens when next used)."""
        self.flush()
        if self._conn is not None and self._pid == os.getpid():
            self._conn.close()
        self._conn = None

    def get(self, key: str) -> Extraction | None:
        row = self.db.execute("SELECT data FROM extraction WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            return pickle.loads(zlib.decompress(row[0]))
        except Exception:  # noqa: BLE001 - any damage means: compute it again
            return None

    def put(self, key: str, ex: Extraction, fp: str) -> None:
        self._pending.append((key, ex.article.text, zlib.compress(pickle.dumps(ex, protocol=5), 1), fp))
        if len(self._pending) >= 500:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            with self.db:
                self.db.execute("BEGIN")
                self.db.executemany("INSERT OR REPLACE INTO extraction VALUES (?, ?, ?, ?)", self._pending)
            self._pending = []

    def prune(self, fp: str) -> int:
        """Entries made by another model or other extraction code: no key can reach them again."""
        self.flush()
        with self.db:
            return self.db.execute("DELETE FROM extraction WHERE fingerprint IS NOT ?", (fp,)).rowcount

    def text(self, key: str) -> str:
        row = self.db.execute("SELECT text FROM extraction WHERE key = ?", (key,)).fetchone()
        return row[0] if row else ""

    def close(self) -> None:
        self.release()


class TextStore:
    """Article id -> text, read from the cache when an export asks for it (the last few kept)."""

    def __init__(self, cache: Cache, keys: dict[str, str]) -> None:
        self.cache = cache
        self.keys = keys
        self.get = lru_cache(maxsize=64)(self._get)

    def _get(self, article: str, default: str = "") -> str:
        key = self.keys.get(article)
        return self.cache.text(key) if key else default
