"""Training stays runnable: a few steps on a tiny corpus with the repo's config."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.cli.train import train
from spacy.tokens import DocBin

from kg.nlp.labels import AMBIGUOUS_ORG
from kg.nlp.lexicon import Lexicon
from kg.nlp.train import package

CONFIG = Path(__file__).parents[1] / "training" / "config.cfg"
DATA = [
    ("王明在株洲工作。", [(0, 2, "PERSON"), (3, 5, "PLACE")]),
    ("株洲恒远电机股份有限公司扩产。", [(0, 12, "COMPANY")]),
    ("湘潭市教育局发布通知。", [(0, 6, "ORG")]),
    ("李华到湘潭大学讲课。", [(0, 2, "PERSON"), (3, 7, AMBIGUOUS_ORG)]),
]


def test_a_few_training_steps_give_a_loadable_pipeline(tmp_path: Path) -> None:
    nlp = spacy.blank("zh")
    db = DocBin()
    for text, ents in DATA * 4:
        doc = nlp.make_doc(text)
        doc.ents = [doc.char_span(s, e, label=lab) for s, e, lab in ents]
        db.add(doc)
    db.to_disk(tmp_path / "train.spacy")
    (tmp_path / "dev").mkdir()
    db.to_disk(tmp_path / "dev" / "dev.spacy")
    Lexicon({"株洲": 2, "湘潭": 2, "王明": 4}).write(tmp_path / "lex.tsv.gz")
    overrides = {
        "paths.train": str(tmp_path / "train.spacy"),
        "paths.dev": str(tmp_path / "dev"),
        "paths.lexicon": str(tmp_path / "lex.tsv.gz"),
        "training.max_steps": 6,
        "training.eval_frequency": 3,
        "training.optimizer.learn_rate.total_steps": 6,
        "training.optimizer.learn_rate.warmup_steps": 1,
        "components.kg_ner.model.tok2vec.embed.char_rows": 100,
        "components.kg_ner.model.tok2vec.embed.bigram_rows": 100,
    }
    train(CONFIG, tmp_path / "out", overrides=overrides)
    shipped = package(tmp_path / "out" / "model-last", tmp_path / "shipped")
    assert shipped.pipe_names == ["kg_ner", "sentencizer"]
    loaded = spacy.load(tmp_path / "shipped")
    assert len(loaded.get_pipe("kg_ner").lexicon) == 3
    assert set(loaded.get_pipe("kg_ner").labels) == {"PERSON", "ORG", "COMPANY", "PLACE"}
    doc = loaded("王明在株洲工作。")
    assert all(e.label_ in {"PERSON", "ORG", "COMPANY", "PLACE"} for e in doc.ents)
    # the pipeline round-trips through bytes too (what nlp.pipe(n_process=2) relies on)
    again = spacy.blank("zh").from_config(loaded.config).from_bytes(loaded.to_bytes())
    assert [t.text for t in again("王明")] == ["王", "明"]
