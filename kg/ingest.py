"""Read files and folders into articles: encodings, PDF line-break repair, page splitting.

Every ``Article`` keeps the character offsets that map its text back to its source
file, so that a mention can always be traced to the place it was read from.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Iterator
from urllib.parse import quote

from charset_normalizer import from_bytes

from kg.bylines import AUTHOR_NOTE_LINE, Byline, ends_with_photo_credit, is_paper, masthead, parse_source_line, parse_byline, parse_dateline, parse_trailing_credits
from kg.script import to_simplified

SUFFIXES = {".txt", ".md", ".html", ".htm", ".jsonl"}
MAX_BYTES = 16 * 1024 * 1024
MAX_CHAOS = 0.25  # charset-normalizer's mess ratio above which a guess is refused

# Sentence-final marks, full and half width, and the closers that may follow them.
_FINAL = set("。！？!?…；;")
_CLOSERS = set("”’」』）)】》\"'")
_INNER = set("，,、：:；;。！？!?")
_OPEN_CLOSE = {"“": "”", "「": "」", "『": "』", "（": "）", "(": ")", "《": "》", "【": "】"}


class InputError(Exception):
    """A file kg cannot read; the message names the file and the problem."""


@dataclass(frozen=True)
class Source:
    """One input text with where it came from."""

    path: str
    text: str
    encoding: str
    meta: dict = field(default_factory=dict, compare=False)
    simplified: int = 0  # traditional characters of the file read as simplified (on its first source)


@dataclass
class Article:
    id: str
    source: str
    text: str
    headline: str = ""
    kicker: str = ""
    subheadline: str = ""
    bylines: list[Byline] = field(default_factory=list)
    dateline: str = ""
    date: str = ""
    kind: str = "article"  # or "photo"
    paper: str = ""  # the newspaper the page or record is from (its running header), what 本报 stands for
    # (article offset, source offset) at each place the text was joined or cut
    offsets: list[tuple[int, int]] = field(default_factory=list)
    meta: dict = field(default_factory=dict)

    def source_offset(self, i: int) -> int:
        """Character offset in the source file of character ``i`` of ``self.text``."""
        k = bisect.bisect_right(self.offsets, (i, float("inf"))) - 1
        a, s = self.offsets[max(k, 0)]
        return s + (i - a)


# --------------------------------------------------------------------------- reading


def iter_files(inputs: Iterable[str | Path], errors: list[tuple[str, str]], skip: Iterable[Path] = ()) -> Iterator[Path]:
    """Files under the inputs, sorted, each once; problems go to ``errors``. Folders in
    ``skip`` (the build's own output, when it lies inside an input) are not walked."""
    seen: set[str] = set()
    skipped = {os.path.realpath(p) for p in skip}
    for item in inputs:
        path = Path(item)
        if not path.exists():
            errors.append((str(path), "no such file or folder"))
            continue
        if path.is_file():
            real = os.path.realpath(path)
            if real not in seen:
                seen.add(real)
                yield path
            continue
        visited: set[str] = set()
        for root, dirs, files in os.walk(path, followlinks=True):
            real_root = os.path.realpath(root)
            if real_root in visited:
                errors.append((root, "symbolic link loop: folder already read"))
                dirs[:] = []
                continue
            visited.add(real_root)
            dirs[:] = sorted(d for d in dirs if os.path.realpath(os.path.join(root, d)) not in skipped)
            for name in sorted(files):
                p = Path(root) / name
                if p.suffix.lower() not in SUFFIXES or name.startswith("."):
                    continue
                real = os.path.realpath(p)
                if real not in seen:
                    seen.add(real)
                    yield p


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Bytes to text, detecting the encoding; raise InputError when that fails."""
    if not data.strip():
        raise InputError(f"{path}: empty file")
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(enc), enc
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file (NUL bytes), not text")
    try:
        return clean_text(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if utf8_error.reason == "unexpected end of data":
        raise InputError(f"{path}: truncated UTF-8 sequence at byte {utf8_error.start} (end of file)")
    if not data[: utf8_error.start].isascii():
        # valid multi-byte UTF-8 before the bad byte: a damaged UTF-8 file, not another encoding
        raise InputError(f"{path}: invalid UTF-8 byte at offset {utf8_error.start}")
    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_8"]).best()
    if best is None or best.encoding in ("utf_8", "ascii") or best.chaos > MAX_CHAOS:
        raise InputError(f"{path}: not valid UTF-8 (byte {utf8_error.start}) and no other encoding detected")
    return clean_text(str(best)), best.encoding


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


_CR = re.compile(r"\r(\n)?")


def clean_text(text: str) -> str:
    """Control characters and lone surrogates become spaces, a lone CR a newline: one for one, so offsets hold."""
    text = _CONTROL.sub(" ", text)
    return _CR.sub(lambda m: " \n" if m.group(1) else "\n", text) if "\r" in text else text


_KG_PAGE = re.compile(r'<meta\s+name="generator"\s+content="kg"')  # the pages kg build writes


def read_source(path: Path) -> list[Source]:
    """One file as sources: a JSONL file gives one per good line."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"{name}: {size} bytes is over the limit of {MAX_BYTES // 2**20} MiB for one file; split it"
            )
        data = path.read_bytes()
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    text, encoding = decode(data, name)
    text, simplified = to_simplified(text)  # 陳 -> 陈, one for one: offsets unchanged (kg.script)
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        if _KG_PAGE.search(text[:2000]):
            raise InputError(f"{name}: a page kg wrote (the graph or an article page), not news")
        title = html_title(text)
        sources = [Source(name, clean_text(html_text(text)), encoding, {"title": title} if title else {})]
    elif suffix == ".jsonl":
        sources = _jsonl_sources(name, text, encoding)
    else:
        sources = [Source(name, text, encoding)]
    if simplified:
        sources[0] = replace(sources[0], simplified=simplified)
    return sources


def _jsonl_sources(name: str, text: str, encoding: str) -> list[Source]:
    bad: list[str] = []
    good: list[Source] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            bad.append(f"line {lineno}: not JSON ({exc.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            bad.append(f'line {lineno}: no "text" string')
            continue
        meta = {k: record[k] for k in ("id", "title", "date", "source", "url") if k in record}
        good.append(Source(f"{name}:{lineno}", clean_text(record["text"]), encoding, meta))
    if bad and not good:
        raise InputError(f"{name}: no usable line ({'; '.join(bad[:3])})")
    if bad:
        raise PartialInput(name, bad, good)
    return good


class PartialInput(InputError):
    """Some lines of a JSONL file were bad; ``sources`` holds the good ones."""

    def __init__(self, path: str, problems: list[str], sources: list[Source]) -> None:
        shown = "; ".join(problems[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
        super().__init__(f"{path}: {len(problems)} bad line(s) skipped ({shown})")
        self.sources = sources


_CHROME = re.compile(r"(?:^|[-_\s])(?:nav|navbar|menu|breadcrumb|crumbs?|footer|copyright|sidebar|share|comments?)(?:$|[-_\s])", re.I)


def _is_chrome(tag: Any) -> bool:
    attrs = getattr(tag, "attrs", None) or {}
    names = " ".join([*(attrs.get("class") or []), str(attrs.get("id") or "")])
    return bool(names) and _CHROME.search(names) is not None


def html_title(markup: str) -> str:
    """The page's headline: its first <h1>, else its <title> without the site's name (…_新闻中心_某网)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    h1 = soup.find("h1")
    if h1 is not None and h1.get_text(strip=True):
        return h1.get_text(" ", strip=True)
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    return re.split(r"\s*[_|｜]\s*|\s+[-—]\s+", title)[0] if title else ""


def html_text(markup: str) -> str:
    """Visible text of an HTML page, one block a paragraph; scripts and styles dropped."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(["head", "script", "style", "noscript", "template", "iframe", "svg", "nav", "footer", "aside"]):
        tag.decompose()
    for tag in soup.find_all(_is_chrome):  # menus, breadcrumbs, footers the page marks by class or id
        if not any(ends_sentence(p.get_text()) and len(p.get_text()) > 40 for p in tag.find_all("p")):
            tag.decompose()  # (never a block that holds the article's prose)
    blocks = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "title", "section", "article")
    for tag in soup.find_all(blocks):
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    text = soup.get_text()
    return re.sub(r"\n\s*\n+", "\n\n", re.sub(r"[ \t\r\f\v]+", " ", text)).strip()


# --------------------------------------------------------------------------- repair


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line, in source offsets, stripped."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def ends_sentence(line: str) -> bool:
    line = line.rstrip()
    while line and line[-1] in _CLOSERS:
        if line[-1] in "”’」』\"'" and len(line) > 1 and line[-2] in _FINAL:
            return True
        line = line[:-1]
    return bool(line) and line[-1] in _FINAL


def unbalanced(line: str) -> bool:
    return any(line.count(o) > line.count(c) for o, c in _OPEN_CLOSE.items())


def is_aside(line: str) -> bool:
    """A paragraph wholly in brackets, such as a photo caption: complete, though no sentence mark ends it."""
    line = line.strip()
    return len(line) > 1 and line[0] in "（(" and line[-1] in "）)" and not unbalanced(line)


def is_prose(line: str) -> bool:
    """Broken-off prose, as opposed to a headline: sentence marks inside, open quotes, or length."""
    inner = line[:-1]
    return any(ch in "。！？!?" for ch in inner) or unbalanced(line) or (
        len(line) >= 40 and any(ch in _INNER for ch in line)
    )


def repair(text: str) -> list[list[tuple[int, int]]]:
    """Lines grouped into paragraphs, joining lines that PDF extraction broke mid-sentence."""
    groups: list[list[tuple[int, int]]] = []
    for s, e in paragraphs(text):
        line = text[s:e]
        if groups:
            prev = "".join(text[a:b] for a, b in groups[-1])
            if (
                not ends_sentence(prev)
                and not is_aside(prev)
                and parse_trailing_credits(prev) is None
                and not ends_with_photo_credit(prev)
                and is_prose(prev)
                and parse_byline(line) is None
                and parse_dateline(line) is None
            ):
                groups[-1].append((s, e))
                continue
        groups.append([(s, e)])
    return groups


# --------------------------------------------------------------------------- splitting


# a page's running header: 浙江日报 2026年3月12日 星期四 第5版, 南方日报 2026年4月8日 A04版
_EDITION = r"(?:(?:第\s*[0-9０-９一二三四五六七八九十]+|[A-ZＡ-Ｚ]?[0-9０-９]{1,3})\s*版|(?<=[\s\u3000])[A-ZＡ-Ｚ][0-9０-９]{2}(?=[\s\u3000]|$))"
# (株洲日报 2026年10月22日 星期四 A05 城事: a lettered page number needs no 版)
_PAGE_HEADER = re.compile(rf"\d{{1,2}}月\d{{1,2}}日.*{_EDITION}|{_EDITION}.*\d{{1,2}}月\d{{1,2}}日")


# a paper's name, a space and a full date open a running header, whatever follows (江西日报 2026年4月15日 星期三 05)
_DATED_MASTHEAD = re.compile(r"^\s*\S+[\s\u3000]+\d{4}年\d{1,2}月\d{1,2}日(?![讯电])")


def is_page_header(line: str) -> bool:
    if len(line) > 60:
        return False
    return _PAGE_HEADER.search(line) is not None or (bool(masthead(line)) and _DATED_MASTHEAD.match(line) is not None)


# a web page's furniture: a menu (首页 | 新闻 | 体育), a source or time line (2025-09-22 08:30 来源：…)
_FURNITURE = re.compile(r"(?:[|｜>›»].*){2}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|(?:来源|作者|编辑|责任编辑|发布时间)\s*[:：]")


def is_furniture(line: str) -> bool:
    return len(line) <= 80 and _FURNITURE.search(line) is not None and not AUTHOR_NOTE_LINE.match(line.strip())


# a date alone on its line: an official notice's date under its issuer, not a headline
_DATE_LINE = re.compile(r"(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日")


def is_headline(line: str) -> bool:
    """A line that can head an article: short, no sentence, no page furniture, no bracketed
    note; nor a line that ends with a colon (各部门：, 经研究决定：) and leads into what follows,
    nor a date alone (a notice's date, under its issuer's name)."""
    return (
        len(line) <= 48
        and not line.rstrip().endswith(("：", ":"))
        and not _DATE_LINE.fullmatch(line.strip())
        and not (line.lstrip()[:1] in "（(" and line.rstrip()[-1:] in "）)")  # （作者系…）: a note, not a headline
        and not ends_sentence(line)
        and not is_prose(line)
        and not is_page_header(line)
        and not is_furniture(line)
    )


def _article_id(text: str) -> str:
    return "a" + hashlib.sha1(text.encode("utf8")).hexdigest()[:15]


def record_id(meta: dict) -> str | None:
    """The id a JSONL record gave itself, as given, if it gave one."""
    return None if meta.get("id") in (None, "") else str(meta["id"])


def _given_id(value: str) -> str:
    """A record's own id made safe to end an IRI and name a file: percent-encoded (so
    ``新闻 1`` or ``../x`` cannot break either), and hashed when that would be too long.
    The id as given stays in the article's meta."""
    safe = quote(value, safe="-_.~")
    if safe in (".", ".."):
        safe = safe.replace(".", "%2E")
    return safe if len(safe) <= 120 else _article_id(value)


def split_articles(source: Source) -> list[Article]:
    """A newspaper page into its articles (a single text stays one article)."""
    text = source.text
    paras = repair(text)
    lines = ["".join(text[a:b] for a, b in g) for g in paras]
    starts = _article_starts(lines)
    if len(starts) > 1 and not any(ends_sentence(x) or is_prose(x) for x in lines[: starts[1]]):
        starts = starts[1:]  # before the first article only menus and titles: page furniture, not an article
    given = str(source.meta.get("source") or "")
    papers, paper = [], given if is_paper(given) else ""
    for line in lines:  # the paper in effect at each line: the last running header or source line naming one
        if is_page_header(line) and (named := masthead(line)):
            paper = named
        elif is_furniture(line) and is_paper(source_of := parse_source_line(line)[0]):
            paper = source_of
        papers.append(paper)
    articles = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(paras)
        article = _build_article(source, paras[start:end], lines[start:end])
        if article is not None:
            article.paper = papers[min(end, start + 3) - 1]  # a header on the article's first lines counts
            articles.append(article)
    return articles


_DASH_SUBHEAD = ("——", "—— ", "--")
BULLETS = ("△", "▲", "■", "□", "●", "◆", "◇", "★", "☆", "▶", "►")  # marks that open a brief


def _closes(line: str) -> bool:
    """A line an article can end with: a sentence, or its photographer's credit (记者 X 摄)."""
    credits = parse_byline(line) if not ends_sentence(line) else None
    return ends_sentence(line) or bool(credits and any(c.photo for c in credits))


def _credited(lines: list[str], starts: list[int], end: int) -> bool:
    """Whether the article begun last before ``end`` has its byline under its headline: credits
    at the end of a later paragraph are then another article's (a brief's)."""
    top = starts[-1] if starts else 0
    return any(parse_byline(x) is not None or parse_dateline(x) is not None for x in lines[top : min(end, top + 5)])


def _article_starts(lines: list[str]) -> list[int]:
    """Index of the first line of each article: the headline block before a byline or dateline."""
    starts: list[int] = []
    for i, line in enumerate(lines):
        if line.startswith(BULLETS) and parse_byline(line) is None:  # □ 刘建武: a commentary's author, no brief
            # △ a brief: an article of its own, under the section's label if one stands above it (短讯)
            j = i - 1 if i > 0 and is_headline(lines[i - 1]) and not lines[i - 1].startswith(BULLETS) else i
            if not starts or j > starts[-1]:
                starts.append(j)
            continue
        byline = parse_byline(line)
        if byline is not None and any(c.photo for c in byline):
            # a photo story: headline, caption, then the photographers
            j = i - 1
            while j > 0 and not is_headline(lines[j]):
                j -= 1
            # (right after the start of another article only when that start is a brief's
            # dateline paragraph, not a headline of its own block)
            if j >= 0 and is_headline(lines[j]) and (not starts or j > starts[-1] + 1 or not is_headline(lines[starts[-1]])):
                starts.append(j)
            continue
        credited = parse_trailing_credits(line) is not None
        closing = credited or (byline is not None and line.lstrip()[:1] in "（(")
        if (credited and byline is None and i > 1 and is_headline(lines[i - 1])
                and parse_trailing_credits(lines[i - 2]) is None
                and (is_aside(lines[i - 2]) or (_closes(lines[i - 2]) and (len(lines[i - 1]) <= 4 or _credited(lines, starts, i - 1))))
                and (not starts or i - 1 > starts[-1])):
            # a section's label (简讯), or a brief's headline after an article credited at its top,
            # and one paragraph with its credits: an article of its own
            starts.append(i - 1)
        elif (credited and byline is None and i > 2 and is_headline(lines[i - 1])
                and is_headline(lines[i - 2]) and len(lines[i - 2]) <= 4 and ends_sentence(lines[i - 3])
                and (not starts or i - 2 > starts[-1])):
            # a section's label (相关新闻), a brief's headline and its paragraph with its credits
            starts.append(i - 2)
        if closing and i + 1 < len(lines) and is_headline(lines[i + 1]) and not is_page_header(lines[i + 1]):
            # （本报记者 X 整理） closes its article: a headline after it starts the next, byline or not
            if not starts or i + 1 > starts[-1]:
                starts.append(i + 1)
        dateline = parse_dateline(line)
        if byline is None and dateline is None:
            if line.startswith(_DASH_SUBHEAD) and i > 0 and is_headline(line) and is_headline(lines[i - 1]):
                # ——访 X, ——记 X: a sub-headline under its headline starts an article, byline or not
                j = i - 1
                while j > 0 and is_headline(lines[j - 1]) and i - (j - 1) <= 3 and parse_byline(lines[j - 1]) is None:
                    j -= 1
                if not starts or j > starts[-1]:
                    starts.append(j)
            continue
        if byline is None and starts and all(
            is_headline(x) or parse_byline(x) is not None for x in lines[starts[-1] : i]
        ):
            continue  # a dateline under its article's headline and byline: the same article
        j = i
        while j > 0 and is_furniture(lines[j - 1]):  # 2025-09-22 08:30 来源：… between headline and dateline
            j -= 1
        top = j
        while j > 0 and is_headline(lines[j - 1]) and top - (j - 1) <= 3 and parse_byline(lines[j - 1]) is None:
            j -= 1
        if j == top:
            j = i
        if j < i or dateline is not None:
            if not starts or j > starts[-1]:
                starts.append(j)
    if starts and all(is_page_header(x) for x in lines[: starts[0]]):
        starts[0] = 0  # the page's running header goes with the first article
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return sorted(set(starts))


def _build_article(source: Source, groups: list[list[tuple[int, int]]], lines: list[str]) -> Article | None:
    if not groups:
        return None
    head: list[str] = []
    bylines: list[Byline] = []
    dateline = date = ""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    headers = 0  # the page's running header above the first headline
    for idx, (group, line) in enumerate(zip(groups, lines)):
        byline = parse_byline(line)
        dl = parse_dateline(line)
        if byline is not None:
            bylines.extend(byline)
        elif dl is not None:
            dateline, date = dl.place, dl.date
            bylines.extend(dl.bylines)
            if not dl.bylines and (trailing := parse_trailing_credits(line)) is not None:
                bylines.extend(trailing[1])  # a brief: 本报讯 … 。（记者 X）
        elif idx == headers + len(head) and not bylines and not dateline and (is_page_header(line) or is_furniture(line)):
            headers += 1
        elif not bylines and not dateline and is_headline(line) and len(head) < 3 and idx == headers + len(head):
            head.append(line)
        elif (trailing := parse_trailing_credits(line)) is not None:
            bylines.extend(trailing[1])
        if parts:
            parts.append("\n")
            pos += 1
        for a, b in group:
            offsets.append((pos, a))
            parts.append(source.text[a:b])
            pos += b - a
    text = "".join(parts)
    kicker, headline, sub = _headline_parts(head)
    after = headers + len(head)  # the line under the headline block
    if len(head) == 1 and after < len(lines) and lines[after].startswith(BULLETS) and parse_byline(lines[after]) is None:
        kicker, headline = headline, ""  # 短讯 above the first brief: the section's label, not its headline
    if not headline and source.meta.get("title"):
        headline = str(source.meta["title"])
    return Article(
        id=_given_id(given) if (given := record_id(source.meta)) is not None else _article_id(text),
        source=source.path,
        text=text,
        headline=headline,
        kicker=kicker,
        subheadline=sub,
        bylines=bylines,
        dateline=dateline,
        date=str(source.meta.get("date") or date),
        kind="photo" if any(b.photo for b in bylines) else "article",
        offsets=offsets,
        meta=dict(source.meta),
    )


def _headline_parts(head: list[str]) -> tuple[str, str, str]:
    """(kicker, headline, sub-headline) of a headline block."""
    if not head:
        return "", "", ""
    if len(head) == 1:
        return "", head[0], ""
    if len(head) == 2:
        label = head[0].replace("·", "")  # 两会·声音: the dot joins a label's two words
        if len(label) <= 4 and len(head[1]) >= 2 * len(label) and not head[1].startswith("—"):
            return head[0], head[1], ""  # a column's label above the headline: 乡村振兴 / 小山村走出致富路
        return "", head[0], head[1]
    return head[0], head[1], head[2]
