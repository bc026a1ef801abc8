"""Load the spaCy pipeline that ships inside the package."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from kg.nlp.lexicon import Lexicon, read_shared

MODEL_DIR = Path(__file__).parent / "model"


def model_dir(path: str | Path | None = None) -> Path:
    return Path(path) if path else MODEL_DIR


def load_nlp(path: str | Path | None = None, **kwargs: object) -> Language:
    """The shipped pipeline (or the one at ``path``), with kg's components registered."""
    from kg.nlp import component, layers, sentences, tokenizer  # noqa: F401  (registers factories and layers)

    target = model_dir(path)
    if not (target / "config.cfg").exists():
        raise FileNotFoundError(f"no spaCy pipeline at {target}: train one with `kg train`")
    return spacy.load(target, **kwargs)


@lru_cache(maxsize=2)
def shared_nlp(path: str | None = None) -> Language:
    """One loaded pipeline per process (loading costs about a second)."""
    return load_nlp(path)


@lru_cache(maxsize=1)
def shipped_lexicon() -> Lexicon:
    """The lexicon inside the shipped pipeline, for code that has the Doc but not the pipeline."""
    return read_shared(MODEL_DIR / "kg_ner" / "lexicon.tsv.gz")
