"""The role vocabulary, kept as data in ``kg/data/``: titles, what holds them, body words.

Both the mention passes and the relation patterns read names and roles through it.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Iterable

from kg.names import NUMBERED_SCHOOL

_ROLE = r"(?:[\u4e00-\u9fff]{1,14}|[\u4e00-\u9fff]{0,10}[A-Z]{2,4})"  # a title in letters (CEO) ends the role
ROLE_TEXT = re.compile(rf"^(?:{_ROLE}、)*{_ROLE}$")


CLAUSE_BREAK = re.compile(r"[^\u4e00-\u9fff、]")


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    text = resources.files("kg.data").joinpath("titles.txt").read_text(encoding="utf8")
    words = [w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#")]
    return tuple(sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def role_rules() -> dict:
    return json.loads(resources.files("kg.data").joinpath("roles.json").read_text(encoding="utf8"))


def ends_with_title(text: str) -> bool:
    return text.endswith(titles())


ANY_HOLDER = ("ORG", "COMPANY", "PLACE")


def longest_ending(text: str, words: Iterable[str]) -> str | None:
    """The longest of ``words`` that ``text`` ends with (the word that says what it names)."""
    return max((w for w in words if text.endswith(w)), key=len, default=None)


@lru_cache(maxsize=1 << 12)  # asked for every role at extraction and again for every affiliation at resolution
def holders(role_text: str) -> tuple[str, ...]:
    """The entity types the roles in ``role_text`` can be held in, most likely first."""
    targets = role_rules()["title_targets"]
    found: list[str] = []
    for role in role_text.split("、"):
        ending = longest_ending(role, targets)
        for label in targets[ending] if ending else ANY_HOLDER:
            if label not in found:
                found.append(label)
    return tuple(found)


@lru_cache(maxsize=1)
def generic_bodies() -> frozenset[str]:
    """Words for a kind of body that name none by themselves: 管委会, 党委, 政府, 医院."""
    rules = role_rules()
    return frozenset([*rules["holder_suffixes"], *rules["place_body_words"], *rules["party_bodies"]])


@lru_cache(maxsize=1)
def public_body_words() -> tuple[str, ...]:
    """Name endings of bodies that are no company (党支部, 政府, 委员会, 局): from the role rules."""
    rules = role_rules()
    words = {w for w, t in {**rules["holder_suffixes"], **rules["place_body_words"]}.items() if t == "ORG"}
    words -= {"中心", "实验室"}  # a shopping centre or a testing lab is as often a company
    return tuple(sorted(words | set(rules["party_bodies"]) | {"党支部", "支部"}, key=len, reverse=True))


ZONE_WORDS = ("开发区", "高新区", "经开区", "产业园", "工业园", "园区")


@lru_cache(maxsize=1)
def body_words() -> tuple[str, ...]:
    """Words for a kind of body (医院, 合作社) that a role can start with; party bodies and the
    words with a back-reference rule of their own (公司, 园区) are left to those rules."""
    rules = role_rules()
    return tuple(w for w in rules["holder_suffixes"] if w not in rules["party_bodies"] and w not in rules["backref"])


# a body's last character that a head's title shares: 国防部 + 部长 is written 国防部长
_SHARED = "部局厅处科所院站"


def shared_title(body: str, rest: str) -> str:
    """The title after a body's name when the two share a character (国防部 + 长 -> 部长), or ''."""
    if rest and body[-1:] in _SHARED and not ends_with_title(rest) and ends_with_title(body[-1] + rest):
        return body[-1] + rest
    return ""


def serves(role: str, holder: str, label: str) -> bool:
    """Whether ``holder`` can hold ``role`` by the kind of body the title needs: a 法官 serves
    a 法院, not the 检察院 named nearer, nor a country. Titles without a kind are not judged."""
    kinds = role_rules()["title_bodies"]
    title = longest_ending(role, kinds)
    if title is None:
        return True
    school = "中学" in kinds[title] and NUMBERED_SCHOOL.search(holder) is not None  # 株洲一中校长
    return label in ("ORG", "COMPANY") and (school or any(k in holder for k in kinds[title]))
