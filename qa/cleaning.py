"""Turn raw Korean news text into a clean ``Document``: strip noise, keep the metadata.

News pages carry bylines (``송가영 기자``), approval stamps (``승인 2021.03.15 10:23``), photo captions, share and
comment widgets, copyright lines and sometimes the whole body twice. The noise goes; title, outlet, reporter and
date are kept as fields *and* as a header line of the cleaned text, so they can be searched and cited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
import datetime

from qa import lexicon
from qa.reading import RawArticle
from qa.schema import Document

TITLE_MAX_CHARS = 150
DUPLICATE_LINE_MIN_CHARS = 200  # a flattened copy of the body is at least this long
DUPLICATE_SHARE = 0.7  # share of a long line's sentences found elsewhere that marks it a copy

_DATE = r"(\d{4})\s*[.\-/년]\s*(\d{1,2})\s*[.\-/월]\s*(\d{1,2})\s*일?(?:\s*\(?[월화수목금토일]\)?)?(?:\s*(\d{1,2}):(\d{2})(?::\d{2})?)?"
_DATE_RE = re.compile(_DATE)
_STAMP_RE = re.compile(rf"(?:{'|'.join(lexicon.STAMP_WORDS)})\s*[:：]?\s*" + _DATE)
_TIMESTAMP_LINE_RE = re.compile(r"^" + _DATE + r"$")
_ROLES = "|".join(sorted(lexicon.REPORTER_ROLES, key=len, reverse=True))
_REPORTER = rf"([가-힣]{{2,4}})\s*(?:{_ROLES})"
_BYLINE_RE = re.compile(r"^(?:[•·▶◆-]\s*)?" + _REPORTER + r"(?=\s|$|[\w.+-]+@)")
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_DATELINE_RES = (
    # [서울=뉴시스] 홍길동 기자 = 본문  (place = outlet, then the reporter)
    re.compile(r"^[\[(]([가-힣A-Za-z0-9 ]{1,12})=(?P<outlet>[가-힣A-Za-z0-9]{2,12})[\])]\s*(?:(?P<author>[가-힣]{2,4})\s*(?:기자|특파원)\s*=?\s*)?"),
    # 시사위크=송가영 기자  본문
    re.compile(r"^(?P<outlet>[가-힣A-Za-z0-9]{2,12})\s*=\s*(?P<author>[가-힣]{2,4})\s*(?:기자|특파원)\s*=?\s*"),
)
_COPYRIGHT_RE = re.compile(
    r"\s*(?:<?저작권자\s*)?(?:copyright\s*(?:[ⓒ©]|\(c\))?|[ⓒ©]|\(c\))\s*([^\s,.>]*)[^\n]{0,60}?(?:무단\s*전재|재배포|all rights reserved)[^\n]*$",
    re.I,
)
_COMMENT_COUNT_RE = re.compile(rf"^(?:{'|'.join(lexicon.COUNTER_WORDS)})\s*\d+\s*$")
# A line of one or two letters or symbols with no Hangul or digit is page chrome (a close or share button), not text.
_CHROME_RE = re.compile(r"^[^가-힣0-9]{1,2}$")
_CAPTION_RES = (
    re.compile(rf"^[\(\[<]\s*(?:{'|'.join(lexicon.CAPTION_WORDS)})\s*[=:/].*[\)\]>]$"),
    re.compile(rf"^[\(\[<][^()\[\]]{{0,60}}(?:{'|'.join(lexicon.CREDIT_WORDS)})\s*[\)\]>]\s*(?:[ⓒ©].{{0,30}})?$"),
    re.compile(rf"^(?:{'|'.join(lexicon.PHOTO_WORDS)})\s*[=:/]"),
    re.compile(r"[.!?)]\s*/\s*[가-힣A-Za-z0-9]{2,10}\s*$"),  # caption ending in a photo credit: "... 있다. /뉴시스"
    re.compile(r"^[ⓒ©]\s*\S{1,20}$"),
)
_LEADING_MARKS_RE = re.compile(r"^[■□◆◇▶▷●○◎※•·]+\s*")
_SENTENCE_CUT_RE = re.compile(r"(?<=[.?!])\s+")


@dataclass
class _Meta:
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    fallback_date: str | None = None
    extras: dict[str, str] = field(default_factory=dict)


def iso_date(match: re.Match) -> str:
    """``2021.06.30 13:36`` → ``2021-06-30T13:36``; date only when no time was given."""
    year, month, day, hour, minute = match.groups()[:5]
    date = f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
    return f"{date}T{int(hour):02d}:{minute}" if hour else date


def parse_date(text: str) -> str | None:
    """A stated date in any usual spelling (``2021.06.30``, ``2021-06-30 13:36``, ``2021년 6월 30일``) as ISO."""
    match = _DATE_RE.search(text)
    if not match:
        return None
    try:
        datetime.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None  # 2021.13.45 looks like a date but is not one
    return iso_date(match)


def korean_date(iso: str) -> str:
    """``2021-06-30T13:36`` → ``2021년 6월 30일 13:36``, the form readers and questions use."""
    date, _, time = iso.partition("T")
    year, month, day = (int(x) for x in date.split("-"))
    text = f"{year}년 {month}월 {day}일"
    return f"{text} {time}" if time else text


def korean_day(published: str | None) -> str | None:
    """The day of an ISO date or date-time as readers write it (``2021년 6월 30일``), None when undated."""
    return korean_date(published.partition("T")[0]) if published else None


def _normalise_line(line: str) -> str:
    line = line.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    return re.sub(r"[ \t\u3000]+", " ", line).strip()


def _signature(text: str) -> str:
    """Letters and digits only: two copies of a text compare equal despite spacing, bullets and quotes."""
    return re.sub(r"[^0-9A-Za-z가-힣]", "", text).lower()


def _take_metadata(line: str, meta: _Meta) -> str | None:
    """Record what a byline, stamp or copyright line says; return what is left of the line (None = drop it)."""
    bare = _LEADING_MARKS_RE.sub("", line)
    if bare.lower() in lexicon.NEWS_WIDGETS or _COMMENT_COUNT_RE.match(bare) or _CHROME_RE.match(bare):
        return None
    if _TIMESTAMP_LINE_RE.match(line):
        meta.fallback_date = meta.fallback_date or iso_date(_TIMESTAMP_LINE_RE.match(line))
        return None
    stamp = _STAMP_RE.search(line)
    byline = _BYLINE_RE.match(line)
    if (stamp or byline) and len(line) <= 80:
        if stamp and not meta.published:
            meta.published = iso_date(_DATE_RE.search(stamp.group(0)))
        if byline and not meta.author:
            meta.author = byline.group(1)
        return None
    copyright_ = _COPYRIGHT_RE.search(line)
    if copyright_:
        outlet = copyright_.group(1).strip("<>()[]")
        if outlet and not meta.outlet:
            meta.outlet = outlet
        rest = line[: copyright_.start()].strip()
        return rest or None
    if any(pattern.search(line) for pattern in _CAPTION_RES) and len(line) <= 400:
        return None
    if _EMAIL_RE.fullmatch(line):
        return None
    return line


def _strip_dateline(line: str, meta: _Meta) -> str:
    """``시사위크=송가영 기자  다양한 ...`` → body text, recording outlet and reporter."""
    for pattern in _DATELINE_RES:
        match = pattern.match(line)
        if match:
            meta.outlet = meta.outlet or match.group("outlet")
            meta.author = meta.author or match.group("author")
            return line[match.end() :].strip()
    return line


def _drop_flattened_copies(lines: list[str]) -> list[str]:
    """Remove a long line whose sentences mostly appear again in the lines kept (a body flattened onto one line).

    Lines are compared with those still kept, so of two near-copies of a paragraph one always survives.
    """
    kept = list(lines)
    for i, line in enumerate(lines):
        if len(line) < DUPLICATE_LINE_MIN_CHARS:
            continue
        rest = _signature(" ".join(l for j, l in enumerate(kept) if j != i))
        pieces = [_signature(p) for p in _SENTENCE_CUT_RE.split(line)]
        pieces = [p for p in pieces if len(p) >= 10]
        if pieces and sum(p in rest for p in pieces) / len(pieces) >= DUPLICATE_SHARE:
            kept[i] = ""
    return [line for line in kept if line]


def _drop_repeats(lines: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for line in lines:
        sig = _signature(line)
        if sig and sig in seen:
            continue
        seen.add(sig)
        out.append(line)
    return out


def _looks_like_title(line: str) -> bool:
    return len(line) <= TITLE_MAX_CHARS and not re.search(r"(?:다|요|음|함)[.!]?[\"”’']?$", line)


def _fallback_title(line: str) -> str:
    first = _SENTENCE_CUT_RE.split(line, maxsplit=1)[0]
    return first if len(first) <= 60 else first[:57].rstrip() + "…"


def meta_line(outlet: str | None, author: str | None, published: str | None) -> str:
    parts = [outlet or "", f"{author} 기자" if author else "", korean_date(published) if published else ""]
    return " · ".join(p for p in parts if p)


def clean_article(raw: RawArticle, doc_id: str) -> Document:
    """Clean one raw article into a Document whose ``text`` starts with title and metadata lines."""
    fields = raw.fields
    meta = _Meta()
    lines = [_normalise_line(line) for line in raw.text.split("\n")]
    lines = [line for line in lines if line]
    lines = _drop_flattened_copies(lines)
    body: list[str] = []
    for line in lines:
        kept = _take_metadata(line, meta)
        if kept:
            body.append(kept)
    body = _drop_repeats(body)

    title = fields.get("title", "").strip() or None
    if title:
        body = [line for line in body if _signature(line) != _signature(title)]
    elif body and _looks_like_title(body[0]):
        title = body.pop(0)
    elif body:
        title = _fallback_title(body[0])
    title = _normalise_line(title or raw.source)

    body = [_LEADING_MARKS_RE.sub("", _strip_dateline(line, meta)) for line in body]
    body = [line for line in body if line]

    outlet = fields.get("outlet") or meta.outlet
    author = fields.get("author") or meta.author
    published = meta.published or meta.fallback_date
    if fields.get("published"):
        published = parse_date(fields["published"]) or fields["published"]
    author = re.sub(r"\s*기자$", "", author) if author else None

    header = [title]
    line = meta_line(outlet, author, published)
    if line:
        header.append(line)
    head_text = "\n".join(header) + "\n\n"
    return Document(
        doc_id=doc_id,
        title=title,
        text=head_text + "\n\n".join(body),
        source=raw.source,
        outlet=outlet,
        author=author,
        published=published,
        url=fields.get("url"),
        body_start=len(head_text),
    )
