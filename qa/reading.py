"""Read article files (.txt, .md, .jsonl) from a corpus folder into raw records, decoding Korean encodings.

Nothing here interprets news text; that is ``cleaning``'s job. A bad file never stops the others: it is reported
as a ``Problem`` naming the file, and the caller decides how loudly to say it.
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

SUFFIXES = (".txt", ".md", ".jsonl")
JSONL_FIELDS = ("title", "body", "published", "outlet", "author", "url", "id")
_CONTROL_LIMIT = 0.05  # share of control characters above which text is treated as binary


class ReadError(ValueError):
    """A file (or one record in it) cannot be read as an article; the message names it."""


@dataclass
class RawArticle:
    """One article as found on disk, before cleaning. ``fields`` holds metadata the file states explicitly."""

    source: str
    text: str
    fields: dict[str, str] = field(default_factory=dict)


@dataclass
class Problem:
    """A file or record that was skipped, and why."""

    source: str
    reason: str


def decode_bytes(data: bytes, source: str) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or CP949/EUC-KR; refuse anything else clearly."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ReadError(f"{source}: starts like {encoding} but is not valid {encoding} (byte {exc.start})") from None
    if b"\x00" in data:
        raise ReadError(f"{source}: looks binary (contains NUL bytes), not a text article")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp949")  # superset of EUC-KR, the usual legacy Korean encoding
        except UnicodeDecodeError as exc:
            raise ReadError(
                f"{source}: not valid UTF-8 or CP949/EUC-KR text (byte {exc.start}); save it as UTF-8"
            ) from None
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t")
    if text and controls / len(text) > _CONTROL_LIMIT:
        raise ReadError(f"{source}: looks binary ({controls} control characters), not a text article")
    return text


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split ``---``-fenced ``key: value`` front matter off a Markdown file."""
    match = re.match(r"\A---\s*\n(.*?)\n---\s*\n", text, flags=re.S)
    if not match:
        return {}, text
    fields = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() in JSONL_FIELDS:
            fields[key.strip()] = value.strip().strip("\"'")
    return fields, text[match.end() :]


def parse_markdown(text: str, source: str) -> RawArticle:
    fields, body = _front_matter(text)
    heading = re.match(r"\A\s*#\s+(.+)\n", body)
    if heading and "title" not in fields:
        fields["title"] = heading.group(1).strip()
        body = body[heading.end() :]
    body = re.sub(r"^#{1,6}\s+", "", body, flags=re.M)  # section headings become plain lines
    return RawArticle(source=source, text=body, fields=fields)


def parse_jsonl(text: str, source: str) -> Iterator[RawArticle | Problem]:
    # Records end at "\n" only: str.splitlines() would also cut at U+2028, U+0085 and others inside a JSON string.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(where, f"invalid JSON ({exc.msg})")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("body"), str) or not record["body"].strip():
            yield Problem(where, 'each line must be an object with a non-empty "body" string')
            continue
        fields = {k: str(record[k]).strip() for k in JSONL_FIELDS if k != "body" and record.get(k)}
        yield RawArticle(source=where, text=record["body"], fields=fields)


def read_file(path: Path, name: str | None = None) -> Iterator[RawArticle | Problem]:
    """Yield the articles in one file, or a Problem for what cannot be read."""
    source = name or path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Problem(source, f"cannot be read ({exc.strerror})")
        return
    yield from read_bytes(data, source, path.suffix.lower())


def read_bytes(data: bytes, source: str, suffix: str) -> Iterator[RawArticle | Problem]:
    """Yield the articles in an in-memory file (also used for uploads)."""
    if not data.strip():
        yield Problem(source, "empty file")
        return
    try:
        text = decode_bytes(data, source)
    except ReadError as exc:
        yield Problem(source, str(exc).removeprefix(f"{source}: "))
        return
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if suffix == ".jsonl":
        yield from parse_jsonl(text, source)
    elif suffix == ".md":
        yield parse_markdown(text, source)
    else:
        yield RawArticle(source=source, text=text)


def corpus_files(folder: Path) -> list[Path]:
    """Article files under ``folder`` in a stable order (hidden files and folders are ignored)."""
    if not folder.is_dir():
        raise ReadError(f"{folder}: corpus folder does not exist")
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.suffix.lower() in SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def read_corpus(folder: Path) -> Iterator[RawArticle | Problem]:
    for path in corpus_files(folder):
        yield from read_file(path, str(path.relative_to(folder)))
