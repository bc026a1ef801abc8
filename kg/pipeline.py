"""Articles through the spaCy pipeline and relation extraction, in one process.

The same function runs in the build's own process, in worker processes and on cluster
workers, so every path gives the same extractions.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

from kg.extract import extract, unrepaired
from kg.records import Extraction
from kg.ingest import Article

CHUNK_CHARS = 5_000  # NLP runs on pieces of long articles, cut at sentence ends


def pieces(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters, at a sentence end where there is one."""
    out = []
    while len(text) > size:
        cut = max(text.rfind(ch, 0, size) for ch in "。！？!?\n")
        cut = cut + 1 if cut > size // 2 else size
        out.append(text[:cut])
        text = text[cut:]
    out.append(text)
    return out


BATCH_CHARS = 5_000  # text per pipeline batch: memory grows with it, and speed peaks about here


def analyse(articles: Iterable[Article], model: str | None, batch_chars: int = BATCH_CHARS) -> Iterator[Extraction]:
    """Extractions in the order the articles come, in one process.

    Batches are bounded by characters, not documents: the tagger's activations grow
    with the characters in a batch (64 articles of 1,000 characters took 1.2 GB).
    Long articles go through in pieces cut at sentence ends.
    """
    from spacy.tokens import Doc

    from kg.nlp.loading import shared_nlp

    stream = ((piece, (a, k, len(parts))) for a in articles for parts in [pieces(a.text)] for k, piece in enumerate(parts))
    buffer: list = []
    for batch in _char_batches(stream, batch_chars):
        nlp = shared_nlp(model)  # loaded at the first batch: a build from the cache never needs it
        words = nlp.get_pipe("kg_ner").lexicon if nlp.has_pipe("kg_ner") else None
        docs = nlp.pipe([text for text, _ in batch], batch_size=len(batch))
        for doc, (_, (article, k, n)) in zip(docs, batch):
            buffer.append(doc)
            if k + 1 < n:
                continue
            whole = buffer[0] if n == 1 else Doc.from_docs(buffer, ensure_whitespace=False)
            buffer = []
            try:
                ex = extract(article, whole, words)
            except Exception as exc:  # noqa: BLE001 - a rule's bug on one article is reported, not fatal
                ex = unrepaired(article, whole, exc)
            yield ex


def _char_batches(stream: Iterable[tuple[str, Any]], budget: int) -> Iterator[list[tuple[str, Any]]]:
    batch: list[tuple[str, Any]] = []
    size = 0
    for item in stream:
        batch.append(item)
        size += len(item[0])
        if size >= budget:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch
