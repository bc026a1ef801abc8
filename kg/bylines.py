"""Bylines and datelines of Chinese newspapers, read by their structure.

``岳阳日报全媒体记者 王明 通讯员 李华 陈刚`` names its people by position, not by a
list of names: a credit is an optional outlet, a role word, then the names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.names import surnames

# Roles of people credited in a byline, longest first.
ROLES: tuple[str, ...] = (
    "全媒体记者", "融媒体记者", "特约记者", "见习记者", "实习记者", "摄影记者", "首席记者",
    "驻站记者", "本报记者", "记者", "通讯员", "实习生", "特约通讯员", "摄影", "报道员",
)
PHOTO_MARKS: tuple[str, ...] = ("摄影报道", "摄影", "摄", "图文")
REPORTED = ("报道", "报导", "整理", "采写", "撰文", "编译", "综合", "文/图", "图/文", "文／图", "图／文")
# 本报记者 王明 报道, 本报记者 王明 文/图 (the story, with its photos): a last word naming no one
_ROLE = "|".join(sorted(ROLES, key=len, reverse=True))
# a name: two to six characters, or longer with the separator of transcribed names (阿依努尔·买买提)
_NAME = r"(?:[\u4e00-\u9fff]{1,8}[·•][\u4e00-\u9fff]{1,8}(?:[·•][\u4e00-\u9fff]{1,8})?|[\u4e00-\u9fff][\u4e00-\u9fff·•]{1,5})"
# an outlet and its app or brand after a dot (新华日报·交汇点记者 X): the outlet is the paper
_CREDIT = re.compile(rf"^(?P<org>(?:[\u4e00-\u9fffA-Za-z]{{2,12}}[·•])?[\u4e00-\u9fffA-Za-z]{{0,12}}?)(?P<role>{_ROLE})(?P<name>{_NAME})?$")
_NAME_ONLY = re.compile(rf"^{_NAME}$")
_DATELINE = re.compile(
    r"^(?:另据|又据|据)?(?P<paper>[\u4e00-\u9fff·•]{0,16}?)(?P<date>(?:\d{4}年)?\d{1,2}月\d{1,2}日)?(?:讯|电)"
    # credits in brackets (本报讯（记者 王明）), or after a date none (they were in a byline
    # above) and a space
    r"(?:\s*[（(](?P<credits>[^）)]{0,80})[）)]|(?<=日[讯电])(?=[ \u3000]))"
)
# a head with neither date nor credits, then a space: 本报讯 9月1日，…; 本报综合消息 …; 据新华社电 …
_BARE_DATELINE = re.compile(
    r"^(?:据)?(?:(?P<paper>本报|新华社|中新社|[\u4e00-\u9fff]{2,8}(?:日报|晚报|早报|时报|商报|青年报))"
    r"(?:讯|电|专电|综合消息|综合报道|综合外电)|综合(?:消息|报道|外电))(?=[ \u3000:：])"
)
# The outlet of a dateline, and the place it was filed from: 新华社北京, 本报宁波, 浙江日报.
# 本报 is "this newspaper". The outlet is the longest head ending in an outlet word, so a
# place named after it stays a place (a bare 台 is left out: 烟台 and 邢台 are places).
THIS_PAPER = "本报"
# the words a newspaper's name ends with
_PAPER_WORDS = r"(?:日报|晚报|早报|商报|时报|周报|青年报|法制报|经济报|报)"
_OUTLET = re.compile(
    rf"^(?P<outlet>{THIS_PAPER}|.+(?:{_PAPER_WORDS}|通讯社|新闻社|电视台|电台|社|网时刻|网|客户端))(?P<where>.*)$"
)
_SPLIT = re.compile(r"[\s\u3000、，,]+")
# a page's running header starts with the paper's name: 江西日报 2026年5月12日 第3版
_MASTHEAD = re.compile(rf"^\s*(?P<paper>[\u4e00-\u9fff]{{1,10}}{_PAPER_WORDS})(?=[\s\u3000·|｜/]|\d|第)")
_PAPER = re.compile(rf"^[\u4e00-\u9fff]{{1,10}}{_PAPER_WORDS}$")


@dataclass
class Byline:
    """One credit: the outlet (may be empty), the role word, the people."""

    org: str
    role: str
    names: list[str] = field(default_factory=list)
    photo: bool = False


@dataclass
class Dateline:
    place: str  # all that comes before the date: 新华社北京, 本报宁波, 浙江日报
    date: str
    bylines: list[Byline]
    end: int
    outlet: str = ""  # 新华社, 本报, 浙江日报
    where: str = ""  # 北京, 宁波, ""
    head: int = 0  # where the outlet starts in the line (after 另据, 据)


def masthead(line: str) -> str:
    """The paper a page's running header names, or ''."""
    m = _MASTHEAD.match(line)
    return m.group("paper") if m else ""


def is_paper(name: str) -> bool:
    """A newspaper's name (江西日报, 钱江晚报): what 本报, "this paper", can stand for."""
    return _PAPER.match(name) is not None


def split_dateline_head(head: str) -> tuple[str, str]:
    """(outlet, place) of what a dateline puts before its date. Of a paper and its app joined
    by a dot (四川日报·川观新闻), the paper is the outlet."""
    first = re.split(r"[·•]", head)[0]
    if first != head and _PAPER.match(first):
        return first, ""
    m = _OUTLET.match(head)
    return (m.group("outlet"), m.group("where")) if m else (head, "")


def parse_credits(text: str, default_org: str = "", bracketed: bool = False) -> list[Byline] | None:
    """Credits of a byline text, or None when the text is not one. In brackets, names before
    the first role word are credited without one (本报讯（杨帆 记者 王潇）: a correspondent
    the paper does not call so)."""
    tokens = [t for t in _SPLIT.split(text.strip()) if t]
    credits: list[Byline] = []
    photo = False
    lead = 0
    while bracketed and lead < len(tokens) - 1 and _NAME_ONLY.match(tokens[lead]) and not _CREDIT.match(tokens[lead]):
        lead += 1
    if lead:
        credits.append(Byline(org="", role="", names=tokens[:lead]))
        if not _CREDIT.match(tokens[lead]):
            return None
    for k, tok in enumerate(tokens[lead:], lead):
        if k == len(tokens) - 1 and tok in PHOTO_MARKS and credits:
            photo = True
            continue
        if k == len(tokens) - 1 and credits and (tok in REPORTED or _FILED.match(tok)):
            continue  # 本报记者 王明 报道; 本报记者 王明 北京3月5日电 (where and when it was filed)
        m = _CREDIT.match(tok)
        inner = _CREDIT.match(m.group("org")) if m and m.group("org") else None
        if inner and inner.group("name"):  # 记者王明通讯员李华, the spaces lost: two credits, not an outlet 记者王明
            org = inner.group("org") or (default_org if "记者" in inner.group("role") else "")
            credits.append(Byline(org=org, role=inner.group("role"), names=[inner.group("name")]))
            credits.append(Byline(org="", role=m.group("role"), names=[m.group("name")] if m.group("name") else []))
        elif m and (m.group("org") or m.group("role") != "摄影" or m.group("name")):
            org = re.split("[·•]", m.group("org"))[0] or (default_org if "记者" in m.group("role") else "")
            credits.append(Byline(org=org, role=m.group("role"), names=[m.group("name")] if m.group("name") else []))
        elif credits and _NAME_ONLY.match(tok) and not tok.endswith(tuple(ROLES)):
            credits[-1].names.append(tok)
        else:
            return None
    if not credits or not all(c.names for c in credits):
        return None
    if photo:
        for c in credits:
            c.photo = True
    return credits


_FILED = re.compile(r"^[\u4e00-\u9fff]{0,8}\d{1,2}月\d{1,2}日[电讯]$|^[\u4e00-\u9fff]{2,6}报道$")  # …北京3月5日电, …株洲报道
_TEXT_AND_PHOTOS = re.compile(r"^(?:文\s*[/／|｜·]\s*图|图\s*[/／|｜·]\s*文)[\s:：]*")
# credits closing a paragraph: …明年还将新建5处。（记者 蔡文杰 通讯员 龙小溪）
_TRAILING = re.compile(r"(?<=[。！？!?”])\s*[（(](?P<credits>[^（）()]{2,60})[）)]\s*$")
# the same unbracketed, when it credits a photo: 市民在观看新年音乐会。湖南日报全媒体记者 X 摄
_TRAILING_SHOT = re.compile(r"(?<=[。！？!?”])[\s\u3000]*(?P<credits>[^。！？!?”（）()]{2,60}?[\s\u3000](?:摄影报道|摄影|摄))[\s\u3000]*$")


# a photo caption's credit closing its paragraph: 图为村民在采摘油茶果。 肖霞 摄
_PHOTO_CREDIT = re.compile(rf"(?:^|[。！？!?\s\u3000])(?:{_NAME}[\s\u3000]+)+(?:摄影报道|摄影|摄)$")


def ends_with_photo_credit(line: str) -> bool:
    """The paragraph ends with a photographer's credit: it is complete, though no sentence mark ends it."""
    return _PHOTO_CREDIT.search(line.rstrip()) is not None


# a web page's source line: 2026-04-20 09:15 来源：四川日报 作者：张明远
_SOURCE = re.compile(r"来源\s*[:：]\s*(?P<source>[\u4e00-\u9fffA-Za-z]{2,20})")
_STAMP = r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
# 作者：X, and 作者：X，湖南师范大学…教授 (where the author works, after a comma)
_AUTHORS = re.compile(rf"(?:作者|记者)\s*[:：]\s*(?P<names>{_NAME}(?:[\s\u3000、，,]+{_NAME})*)(?:[，,]\s*[\u4e00-\u9fff]{{6,60}})?"
                      rf"(?:\s+{_STAMP})?\s*$")  # and the time the page was posted, after the names


def parse_source_line(line: str) -> tuple[str, list[Byline]]:
    """(the outlet a web page names as its source, the credits of its author line)."""
    source = _SOURCE.search(line)
    outlet = source.group("source") if source else ""
    authors = _AUTHORS.search(line[source.end() :] if source else line)
    names = [n for n in _SPLIT.split(authors.group("names")) if n] if authors else []
    return outlet, [Byline(org=outlet, role="作者", names=names)] if names else []


_SHOT_BY = re.compile(rf"^(?P<names>{_NAME}(?:[\s\u3000、]+{_NAME}){{0,2}})[\s\u3000]+(?:摄影|摄)$")
_HOW_SPLIT = re.compile(r"[\s\u3000]+(?=(?:文|撰文|摄影|图|摄)\s*[/／|｜:：])")  # before the second of 文/X 图/Y
_WRITTEN_BY = re.compile(rf"^(?P<how>文·图|文/图|文|撰文|作者|摄影|图|摄)\s*[/／|｜:：]\s*(?P<names>{_NAME}(?:[\s\u3000、，,]+{_NAME})*)$")


# 作者：李明华，湖南师范大学马克思主义学院教授: the author and, after a comma, where they work
AUTHOR_NOTE_LINE = re.compile(rf"^作者\s*[:：]\s*{_NAME}[，,]\s*(?P<after>[\u4e00-\u9fff、]{{6,60}})$")
_AUTHOR_MARKS = ("□", "■", "○", "●", "◎")  # □ 刘建武 under a commentary's headline: its author
_NAMES_ALONE = re.compile(rf"^{_NAME}(?:[\s\u3000、]+{_NAME}){{0,2}}$")


def _no_words(names: list[str]) -> bool:
    """Names of two to four characters none of which is a common word (短讯, 聚焦 are labels)."""
    from kg.nlp.loading import shipped_lexicon

    words = shipped_lexicon()
    return all(2 <= len(n) <= 4 and not words.common(n) for n in names)


def parse_byline(line: str) -> list[Byline] | None:
    """A whole line that is a byline (文/图 记者 X, （记者 X） too, a web page's 作者：X, a
    commentary's 文/X), as its credits."""
    if len(line) > 80:
        return None
    if line.lstrip().startswith(_AUTHOR_MARKS) and _NAMES_ALONE.match(line.strip()[1:].strip()):
        names = [n for n in _SPLIT.split(line.strip()[1:]) if n]
        if _no_words(names):
            return [Byline(org="", role="作者", names=names)]  # □ 刘建武, not ■ 短讯 (a section's label)
    # 文/X: the author; 摄影/X, 图/X: the photographer; 文/X 图/Y: both, one line
    parts = [_WRITTEN_BY.match(p) for p in _HOW_SPLIT.split(line.strip())]
    if parts and all(parts):
        out = []
        for written in parts:
            how = written.group("how")
            names = [n for n in _SPLIT.split(written.group("names")) if n]
            shot = how in ("摄影", "图", "摄")
            out.append(Byline(org="", role="摄影" if shot else "作者", names=names, photo=shot or how in ("文·图", "文/图")))
        return out
    if "作者" in line or "来源" in line:
        credits = parse_source_line(line)[1]
        if credits:
            return credits
    line = line.strip()
    if line[:1] in "（(" and line[-1:] in "）)":  # （记者 孙晓梅 通讯员 何平） on a line of its own
        line = line[1:-1]
    if line[:1] in _AUTHOR_MARKS:  # ■本报记者 X, □ 记者 X 通讯员 Y: a mark before the credits
        line = line[1:].lstrip()
    shot = _SHOT_BY.match(line)
    if shot:  # （陈自明 摄）, 肖霞 摄: a photographer named alone under a caption
        names = [n for n in _SPLIT.split(shot.group("names")) if n]
        if _no_words(names) and all(n[0] in surnames() for n in names):
            return [Byline(org="", role="摄影", names=names, photo=True)]
    return parse_credits(_TEXT_AND_PHOTOS.sub("", line))


def parse_trailing_credits(line: str) -> tuple[int, list[Byline]] | None:
    """Reporters credited in brackets at the end of a paragraph, and where the brackets start;
    a photographer too (图为…。（记者 X 摄）: the article's photo, credited as 摄影), also
    without brackets after the caption's last sentence (…采摘草莓。通讯员 X 摄)."""
    m = _TRAILING.search(line) or _TRAILING_SHOT.search(line)
    if not m:
        return None
    credits = parse_credits(m.group("credits"), bracketed=True)
    return (m.start("credits"), credits) if credits else None


def _names_only(text: str) -> list[Byline]:
    """本报讯（杨帆 王潇）: an outlet's dateline holds its authors in brackets, role or not
    (names of two or three characters: 本报讯（电话会议） names no one)."""
    tokens = [t for t in _SPLIT.split(text.strip()) if t]
    if tokens and all(2 <= len(t) <= 3 and _NAME_ONLY.match(t) and not _CREDIT.match(t) for t in tokens):
        return [Byline(org="", role="", names=tokens)]
    return []


def parse_dateline(line: str) -> Dateline | None:
    """``岳阳日报3月30日讯（全媒体记者 王明）`` at the start of a paragraph."""
    m = _DATELINE.match(line)
    if not m:
        bare = _BARE_DATELINE.match(line)
        if bare is None:
            return None
        paper = bare.group("paper") or ""
        return Dateline(place=paper, date="", bylines=[], end=bare.end(), outlet=paper, head=bare.start("paper") if paper else 0)
    outlet, where = split_dateline_head(m.group("paper"))
    paper = "" if outlet == THIS_PAPER else outlet
    credits = parse_credits(m.group("credits") or "", default_org=paper, bracketed=True) or (
        _names_only(m.group("credits") or "") if _OUTLET.match(m.group("paper")) else [])
    if not m.group("date") and not credits:
        return None  # without a date only the credits say it is a dateline (他来电（电话）说 is prose)
    return Dateline(
        place=m.group("paper"), date=m.group("date") or "", bylines=credits, end=m.end(), outlet=outlet, where=where,
        head=m.start("paper"),
    )
