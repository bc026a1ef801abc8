"""Convert the public NER corpora into spaCy DocBins with kg's label set.

MSRA and UNER mark every organization ORG, companies included, so their ORG spans
become ``ORG_ANY``: the loss of the ``kg_ner`` component accepts ORG or COMPANY there
and the distinction is learned from CLUENER, which annotates it.

Dev splits are carved with a fixed seed and written as id lists to
``training/splits/`` so that figures stay comparable between runs.

    python training/convert.py --data ../shared/data/ner --out training/corpus
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Iterator

import spacy
from spacy.tokens import Doc, DocBin

from kg.nlp.labels import AMBIGUOUS_ORG

SPLITS = Path(__file__).parent / "splits"
SEED = 20261128
DEV_SHARE = {"msra": 0.05, "cluener": 0.10}

MISSING = "-"
MSRA_MAP = {"PER": "PERSON", "LOC": "PLACE", "ORG": AMBIGUOUS_ORG}
CLUENER_MAP = {
    "name": "PERSON",
    "company": "COMPANY",
    "organization": "ORG",
    "government": "ORG",
    # CLUENER's addresses are whole postal addresses (北京市海淀区…路), where MSRA marks
    # each place: their tokens are left unannotated (no loss) rather than taught twice.
    "address": MISSING,
    "scene": MISSING,
}
Record = tuple[str, str, list[tuple[int, int, str]]]


def read_msra(path: Path) -> Iterator[Record]:
    with path.open(encoding="utf8") as f:
        for i, line in enumerate(f):
            d = json.loads(line)
            ents = [(s, e, MSRA_MAP[lab]) for s, e, lab in d["entities"]]
            yield f"msra:{i}", d["text"], ents


def read_cluener(path: Path) -> Iterator[Record]:
    with path.open(encoding="utf8") as f:
        for i, line in enumerate(f):
            d = json.loads(line)
            ents = []
            for typ, mentions in d["label"].items():
                label = CLUENER_MAP.get(typ)
                if label is None:
                    continue
                for spans in mentions.values():
                    ents.extend((s, e + 1, label) for s, e in spans)
            yield f"cluener:{i}", d["text"], ents


def read_uner(path: Path) -> Iterator[Record]:
    """Word-level IOB2 rows, re-anchored on the sentence text as character offsets."""
    sent_id, text, words, tags = "", "", [], []
    with path.open(encoding="utf8") as f:
        for line in [*f, "\n"]:
            line = line.rstrip("\n")
            if line.startswith("# sent_id = "):
                sent_id = line[len("# sent_id = ") :]
            elif line.startswith("# text = "):
                text = line[len("# text = ") :]
            elif line.startswith("#"):
                continue
            elif line.strip():
                cols = line.split("\t")
                words.append(cols[1])
                tags.append(cols[2])
            elif words:
                yield f"uner:{sent_id}", text, _iob_to_spans(text, words, tags)
                words, tags = [], []


def _iob_to_spans(text: str, words: list[str], tags: list[str]) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    pos = 0
    current: list | None = None
    for word, tag in zip(words, tags):
        start = text.find(word, pos)
        if start < 0:
            return []  # text and tokens disagree: drop the annotation rather than guess
        end = start + len(word)
        pos = end
        label = MSRA_MAP.get(tag[2:]) if tag != "O" else None
        if tag.startswith("B-") or (tag.startswith("I-") and (current is None or current[2] != label)):
            if current:
                spans.append(tuple(current))
            current = [start, end, label]
        elif tag.startswith("I-") and current is not None:
            current[1] = end
        else:
            if current:
                spans.append(tuple(current))
            current = None
    if current:
        spans.append(tuple(current))
    return spans


def make_doc(nlp: spacy.language.Language, text: str, ents: list[tuple[int, int, str]]) -> Doc | None:
    doc = nlp.make_doc(text)
    spans, missing = [], []
    for s, e, label in sorted(set(ents)):
        span = doc.char_span(s, e, label=label, alignment_mode="strict")
        if span is None or not span.text.strip():
            continue
        (missing if label == MISSING else spans).append(span)
    spans = spacy.util.filter_spans(spans)
    missing = [m for m in missing if not any(m.start < s.end and s.start < m.end for s in spans)]
    try:
        doc.set_ents(spans, missing=missing, default="outside")
    except ValueError:
        return None
    return doc


def split_ids(name: str, ids: list[str]) -> set[str]:
    """Dev ids for a corpus: read from training/splits when present, else carved once."""
    path = SPLITS / f"{name}_dev.txt"
    if path.exists():
        return set(path.read_text(encoding="utf8").split())
    rng = random.Random(SEED)
    dev = sorted(rng.sample(ids, int(len(ids) * DEV_SHARE[name])), key=lambda x: int(x.split(":")[1]))
    SPLITS.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(dev) + "\n", encoding="utf8")
    return set(dev)


def gold_line(text: str, ents: list[tuple[int, int, str]]) -> str:
    labels = {AMBIGUOUS_ORG: "ORG", MISSING: "PLACE"}
    entities = [[s, e, labels.get(lab, lab)] for s, e, lab in sorted(set(ents))]
    return json.dumps({"text": text, "entities": entities}, ensure_ascii=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/ner"))
    parser.add_argument("--out", type=Path, default=Path("training/corpus"))
    parser.add_argument("--limit", type=int, default=0, help="records per corpus (smoke tests)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("zh")

    corpora = {
        "msra": list(read_msra(args.data / "msra_train.jsonl")),
        "cluener": list(read_cluener(args.data / "cluener_train.jsonl")),
        "uner": list(read_uner(args.data / "uner_zh_gsdsimp_train.iob2")),
        "uner_dev": list(read_uner(args.data / "uner_zh_gsdsimp_dev.iob2")),
    }
    train = DocBin()
    dropped = 0
    (args.out / "dev").mkdir(exist_ok=True)
    for name, records in corpora.items():
        if args.limit:
            records = records[: args.limit]
        ids = [r[0] for r in records]
        dev_ids = split_ids(name, ids) if name in DEV_SHARE else set(ids) if name == "uner_dev" else set()
        dev_bin = DocBin()
        gold_lines = []
        for rid, text, ents in records:
            doc = make_doc(nlp, text, ents)
            if doc is None:
                dropped += 1
            elif rid in dev_ids:
                dev_bin.add(doc)
                gold_lines.append(gold_line(text, ents))
            else:
                train.add(doc)
        if dev_ids:
            short = name.removesuffix("_dev")
            dev_bin.to_disk(args.out / "dev" / f"{short}.spacy")
            (args.out / f"{short}_dev.jsonl").write_text("\n".join(gold_lines) + "\n", encoding="utf8")
        print(f"{name}: {len(records)} records, dev {len(dev_bin)}")
    train.to_disk(args.out / "train.spacy")
    print(f"train: {len(train)} docs; dropped {dropped} with overlapping spans")


if __name__ == "__main__":
    main()
