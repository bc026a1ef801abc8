"""Derive kg's compact administrative-division gazetteer from ../shared/data/gazetteers.

Writes ``kg/data/admin_divisions.tsv.gz``: code, official name, parent code, one row a
division (province 2 digits > city 4 > county 6 > township 9). Hong Kong, Macao and
Taiwan get synthetic codes under 71/81/82 in the order of the source file.

    python training/build_gazetteer.py --data ../shared/data/gazetteers
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "kg" / "data" / "admin_divisions.tsv.gz"
HKMOTW = {"台湾省": "71", "香港特别行政区": "81", "澳门特别行政区": "82"}


def rows(gaz: Path) -> list[tuple[str, str, str]]:
    adm = gaz / "admin_divisions"
    out: list[tuple[str, str, str]] = []
    for fname, parent in (
        ("provinces.csv", None),
        ("cities.csv", "provinceCode"),
        ("areas.csv", "cityCode"),
        ("streets.csv", "areaCode"),
    ):
        with (adm / fname).open(encoding="utf8") as f:
            for row in csv.DictReader(f):
                out.append((row["code"], row["name"], row[parent] if parent else ""))
    tree = json.loads((adm / "HK-MO-TW.json").read_text(encoding="utf8"))
    for name, children in tree.items():
        code = HKMOTW.get(name)
        if code is None:
            continue
        if not any(r[0] == code for r in out):
            out.append((code, name, ""))
        subs = children.items() if isinstance(children, dict) else ((c, []) for c in children)
        for i, (sub, leaves) in enumerate(subs, 1):
            sub_code = f"{code}{i:02d}"
            out.append((sub_code, sub, code))
            for j, leaf in enumerate(leaves if isinstance(leaves, list) else [], 1):
                out.append((f"{sub_code}{j:02d}", leaf, sub_code))
    return _without_pseudo_levels(sorted(set(out)))


def _pseudo(name: str) -> bool:
    """Rows of the statistics that group divisions without being one (省直辖县级行政区划 holds
    文昌市, 市辖区 holds a city's districts): no place is called so."""
    return "直辖" in name or name in ("市辖区", "县", "区")


def _without_pseudo_levels(rows: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Pseudo rows dropped, their children hung on the division above them."""
    parent = {code: up for code, _, up in rows}
    pseudo = {code for code, name, _ in rows if _pseudo(name)}

    def real(code: str) -> str:
        while code in pseudo:
            code = parent.get(code, "")
        return code

    return [(code, name, real(up)) for code, name, up in rows if code not in pseudo]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/gazetteers"))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    table = rows(args.data)
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        for code, name, parent in table:
            gz.write(f"{code}\t{name}\t{parent}\n".encode("utf8"))
    print(f"{len(table)} divisions -> {args.out} ({args.out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
