"""Derive the soft-word lexicon the NER model reads, from public word lists.

Sources: the administrative divisions and THUOCL place names in ../shared/data/gazetteers
(places, with their short forms), and the dictionary that ships with jieba (general words,
and its ns/nr/nt tags for places, person names and organizations). Nothing from corpus/.

    python training/build_lexicon.py --data ../shared/data --out training/assets/lexicon.tsv.gz
"""

from __future__ import annotations

import argparse
import csv
import json
import os
from pathlib import Path

from kg.nlp.lexicon import CATEGORIES, Lexicon
from kg.places import short_forms

BIT = {name: 1 << i for i, name in enumerate(CATEGORIES)}
JIEBA_TAGS = {"ns": "place", "nr": "person", "nrfg": "person", "nt": "org"}


def admin_names(gaz: Path) -> set[str]:
    names: set[str] = set()
    adm = gaz / "admin_divisions"
    for fname in ("provinces.csv", "cities.csv", "areas.csv", "streets.csv"):
        with (adm / fname).open(encoding="utf8") as f:
            names.update(row["name"] for row in csv.DictReader(f))
    hkmotw = json.loads((adm / "HK-MO-TW.json").read_text(encoding="utf8"))
    stack: list = [hkmotw]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            names.update(node)
            stack.extend(node.values())
        elif isinstance(node, list):
            names.update(x for x in node if isinstance(x, str))
    names.discard("市辖区")
    return names


def build(data: Path, min_freq: int) -> Lexicon:
    entries: dict[str, int] = {}

    def add(word: str, cat: str) -> None:
        if len(word) >= 2 and len(word) <= 12:
            entries[word] = entries.get(word, 0) | BIT[cat]

    for name in admin_names(data / "gazetteers"):
        add(name, "place")
        for short in short_forms(name):
            add(short, "place")
    with (data / "gazetteers" / "thuocl" / "THUOCL_diming.txt").open(encoding="utf-8-sig") as f:
        for line in f:
            word = line.split("\t")[0].strip()
            add(word, "place")
    import jieba  # training-time only

    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf8") as f:
        for line in f:
            word, freq, tag = line.split()
            if int(freq) < min_freq:
                continue
            add(word, JIEBA_TAGS.get(tag, "word"))
            if tag in JIEBA_TAGS:
                add(word, "word")
    return Lexicon(entries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("training/assets/lexicon.tsv.gz"))
    parser.add_argument("--min-freq", type=int, default=3)
    args = parser.parse_args()
    lexicon = build(args.data, args.min_freq)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    lexicon.write(args.out)
    counts = {c: sum(1 for b in lexicon.entries.values() if b & BIT[c]) for c in CATEGORIES}
    print(f"{len(lexicon)} entries {counts} -> {args.out} ({args.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
