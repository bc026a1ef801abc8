"""Derive the surnames kg reads a name the model missed by (kg/data/surnames.txt).

A character is a surname when it begins many three-character person names in jieba's
dictionary (tag nr), begins person names in the MSRA and CLUENER training sets, and begins
a person name in at least one of a hundred of its uses in MSRA's text: the last test drops
the characters that begin foreign or given names but are mostly common words (大, 成, 向).
Nothing from corpus/.

    python training/build_surnames.py --data ../shared/data --out kg/data/surnames.txt
"""

from __future__ import annotations

import argparse
import json
import os
import re
from collections import Counter
from pathlib import Path

NAME = re.compile(r"^[\u4e00-\u9fff]{2,3}$")


def first_characters(data: Path) -> tuple[Counter, Counter, Counter]:
    """(jieba nr names, MSRA/CLUENER person names, all MSRA text) character counts."""
    import jieba  # training-time only

    dictionary, names, text = Counter(), Counter(), Counter()
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf8") as f:
        for line in f:
            word, _freq, tag = line.split()
            if tag == "nr" and len(word) == 3 and NAME.match(word):
                dictionary[word[0]] += 1
    with (data / "ner" / "msra_train.jsonl").open(encoding="utf8") as f:
        for line in f:
            row = json.loads(line)
            text.update(row["text"])
            names.update(row["text"][s] for s, e, t in row["entities"] if t == "PER" and NAME.match(row["text"][s:e]))
    with (data / "ner" / "cluener_train.jsonl").open(encoding="utf8") as f:
        for line in f:
            names.update(n[0] for n in json.loads(line)["label"].get("name", {}) if NAME.match(n))
    return dictionary, names, text


def surnames(data: Path, in_dictionary: int = 5, in_corpora: int = 2, share: float = 0.01) -> list[str]:
    dictionary, names, text = first_characters(data)
    keep = [c for c in dictionary if dictionary[c] >= in_dictionary and names[c] >= in_corpora and names[c] >= share * text[c]]
    return sorted(keep, key=lambda c: (-names[c], c))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("kg/data/surnames.txt"))
    args = parser.parse_args()
    chars = surnames(args.data)
    args.out.write_text("".join(chars) + "\n", encoding="utf8")
    print(f"{len(chars)} surnames -> {args.out}")


if __name__ == "__main__":
    main()
