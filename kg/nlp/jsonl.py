"""JSONL in and out for ``kg ner`` and ``kg evaluate``: one record a line, errors by line."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import IO, Iterator

from kg.nlp.labels import LABELS


class LineError(ValueError):
    """A bad input line; the message names the file and line."""


@dataclass
class Record:
    line: int
    text: str
    entities: list[tuple[int, int, str]] | None = None


def read_records(stream: IO[str], name: str, plain_text: bool = False, gold: bool = False) -> Iterator[Record | LineError]:
    """Records of a JSONL stream (or plain text lines); a bad line yields its error instead."""
    for lineno, line in enumerate(stream, 1):
        line = line.rstrip("\n").rstrip("\r")
        if plain_text:
            yield Record(lineno, line)
            continue
        if not line.strip():
            yield LineError(f"{name}:{lineno}: empty line")
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield LineError(f"{name}:{lineno}: not JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            yield LineError(f'{name}:{lineno}: no "text" string')
            continue
        if not gold:
            yield Record(lineno, obj["text"])
            continue
        try:
            yield Record(lineno, obj["text"], _gold_entities(obj, len(obj["text"])))
        except LineError as exc:
            yield LineError(f"{name}:{lineno}: {exc}")


def _gold_entities(obj: dict, n: int) -> list[tuple[int, int, str]]:
    ents = obj.get("entities")
    if not isinstance(ents, list):
        raise LineError('no "entities" list')
    out = []
    for k, e in enumerate(ents):
        if not (isinstance(e, list) and len(e) == 3 and all(isinstance(x, int) for x in e[:2]) and isinstance(e[2], str)):
            raise LineError(f"entity {k}: expected [start, end, LABEL], got {json.dumps(e, ensure_ascii=False)}")
        s, t, label = e
        if not 0 <= s < t <= n:
            raise LineError(f"entity {k}: offsets [{s}, {t}] outside the text (length {n})")
        if label not in LABELS:
            raise LineError(f"entity {k}: unknown label {label!r} (expected one of {', '.join(LABELS)})")
        out.append((s, t, label))
    return out


def entities_line(doc_ents: list[tuple[int, int, str]], text: str | None = None) -> str:
    record: dict = {"entities": [list(e) for e in doc_ents]}
    if text is not None:
        record = {"text": text, **record}
    return json.dumps(record, ensure_ascii=False)
