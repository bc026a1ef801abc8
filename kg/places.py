"""Chinese place-name forms: the administrative suffixes and the short forms people write."""

from __future__ import annotations

import re

# Longest first, so 自治州 is tried before 州 would be.
ADMIN_SUFFIXES: tuple[str, ...] = (
    "特别行政区", "自治区", "自治州", "自治县", "自治旗", "街道办事处", "街道", "地区",
    "新区", "林区", "矿区", "省", "市", "县", "区", "镇", "乡", "盟", "旗",
)
_AUTONOMOUS = re.compile(r"^(.{2,}?)(?:[^族]{1,5}族|维吾尔)+自治(?:区|州|县|旗)$")


def short_forms(name: str) -> list[str]:
    """Forms of an official division name that news uses on their own (长沙市 -> 长沙)."""
    m = _AUTONOMOUS.match(name)
    if m:
        return [m.group(1)]
    for suffix in ADMIN_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return [name[: -len(suffix)]]
    return []
