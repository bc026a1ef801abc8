"""Reproducible training: corpora -> DocBins and lexicon -> spaCy training -> shipped pipeline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from spacy.language import Language

from kg.nlp.loading import MODEL_DIR

REPO = Path(__file__).resolve().parents[2]
SENT_PUNCT = ["。", "！", "？", "!", "?", "；", ";", "…", "\n"]


def package(trained: Path, target: Path = MODEL_DIR) -> Language:
    """The trained pipeline plus a sentencizer, with kg's name and version, written to ``target``."""
    import kg
    from kg.nlp.loading import load_nlp

    nlp = load_nlp(trained)
    if "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("kg_sentencizer", name="sentencizer", config={"punct_chars": SENT_PUNCT})
    nlp.meta.update(
        {
            "name": "kg_news",
            "version": kg.__version__,
            "description": "Chinese news NER (PERSON, ORG, COMPANY, PLACE): character tagger "
            "with bigram and lexicon features, trained on MSRA, CLUENER and UNER GSD.",
            "license": "CC BY-SA 4.0 (UNER GSD data); code MIT",
            "author": "kg",
        }
    )
    nlp.to_disk(target)
    return nlp


def train(data: Path, output: Path, config: Path, max_steps: int, ship: bool) -> int:
    corpus = output / "corpus"
    steps = [
        [sys.executable, str(REPO / "training" / "convert.py"), "--data", str(data / "ner"), "--out", str(corpus)],
        [sys.executable, str(REPO / "training" / "build_lexicon.py"), "--data", str(data),
         "--out", str(output / "lexicon.tsv.gz")],
        [sys.executable, "-m", "spacy", "train", str(config), "--output", str(output),
         "--paths.train", str(corpus / "train.spacy"), "--paths.dev", str(corpus / "dev"),
         "--paths.lexicon", str(output / "lexicon.tsv.gz"),
         *(["--training.max_steps", str(max_steps)] if max_steps else [])],
    ]
    for cmd in steps:
        print("+", " ".join(cmd), file=sys.stderr)
        if subprocess.call(cmd) != 0:
            print(f"kg train: step failed: {' '.join(cmd[:3])}", file=sys.stderr)
            return 1
    if ship:
        package(output / "model-best")
        print(f"kg train: shipped {output / 'model-best'} -> {MODEL_DIR}", file=sys.stderr)
    return 0
