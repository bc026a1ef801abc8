"""The entity labels kg's pipeline predicts, and the tag scheme its tagger uses."""

from __future__ import annotations

LABELS: tuple[str, ...] = ("PERSON", "ORG", "COMPANY", "PLACE")

# MSRA and UNER mark companies ORG as well: a span with this label tells the loss
# "ORG or COMPANY", so the distinction is learned only where a corpus annotates it.
AMBIGUOUS_ORG = "ORG_ANY"
ALTERNATIVES: dict[str, tuple[str, ...]] = {AMBIGUOUS_ORG: ("ORG", "COMPANY")}


def biluo_tags(labels: tuple[str, ...]) -> list[str]:
    """Tag inventory: O first, then B/I/L/U for each label."""
    return ["O"] + [f"{p}-{label}" for label in labels for p in "BILU"]
