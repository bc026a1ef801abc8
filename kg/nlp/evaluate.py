"""Exact-span precision, recall and F1 per label and overall."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Scores:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)

    def add(self, gold: set[tuple[int, int, str]], pred: set[tuple[int, int, str]]) -> None:
        for s, e, lab in pred & gold:
            self.tp[lab] += 1
        for s, e, lab in pred - gold:
            self.fp[lab] += 1
        for s, e, lab in gold - pred:
            self.fn[lab] += 1

    @staticmethod
    def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def table(self) -> dict[str, dict[str, float]]:
        labels = sorted(set(self.tp) | set(self.fp) | set(self.fn))
        out = {}
        for lab in labels:
            p, r, f = self.prf(self.tp[lab], self.fp[lab], self.fn[lab])
            out[lab] = {"p": p, "r": r, "f": f, "support": self.tp[lab] + self.fn[lab]}
        tp, fp, fn = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        p, r, f = self.prf(tp, fp, fn)
        out["ALL"] = {"p": p, "r": r, "f": f, "support": tp + fn}
        return out


def relabel(ents: set[tuple[int, int, str]], mapping: dict[str, str]) -> set[tuple[int, int, str]]:
    return {(s, e, mapping.get(lab, lab)) for s, e, lab in ents}


def format_table(table: dict[str, dict[str, float]]) -> str:
    lines = [f"{'label':<10}{'P':>8}{'R':>8}{'F1':>8}{'support':>9}"]
    for lab, row in table.items():
        lines.append(f"{lab:<10}{row['p']:>8.4f}{row['r']:>8.4f}{row['f']:>8.4f}{int(row['support']):>9}")
    return "\n".join(lines)
