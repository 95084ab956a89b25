"""Writes to the corpus folder, the source of truth: added articles are saved as files, deleted ones retired.

Because every article lives in ``corpus/``, a restart or a full rebuild sees exactly what the API added or
removed. Each write lands whole (temporary file, fsync, rename); a deleted article is moved to ``.trash/`` (a
hidden folder the indexer ignores), so a mistaken delete loses nothing.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

from qa.durable import fsync_dir, write_atomic
from qa.reading import RawArticle, decode_bytes, parse_jsonl

ADDED_FOLDER = "added"
TRASH_FOLDER = ".trash"


class StoreError(ValueError):
    """A corpus write was refused (e.g. a source path outside the corpus folder)."""


def article_record(doc_id: str, text: str, fields: dict[str, str]) -> str:
    """One JSONL line holding an added article: its id, raw body and stated metadata."""
    record = {"id": doc_id, **{k: v for k, v in fields.items() if v and k != "id"}, "body": text}
    return json.dumps(record, ensure_ascii=False)


def added_path(corpus_dir: Path, doc_id: str) -> Path:
    return corpus_dir / ADDED_FOLDER / f"{doc_id}.jsonl"


def save_article(corpus_dir: Path, doc_id: str, raw: RawArticle) -> RawArticle:
    """Save an added article as ``added/<id>.jsonl``; return it exactly as the indexer will read it back."""
    path = added_path(corpus_dir, doc_id)
    line = article_record(doc_id, raw.text, raw.fields)
    source = path.relative_to(corpus_dir).as_posix()
    (stored,) = parse_jsonl(line, source)  # the same parse a restart will do, so ids and text agree
    assert isinstance(stored, RawArticle)
    stored.source = f"{source}:1"
    write_atomic(path, (line + "\n").encode("utf-8"))
    return stored


def source_path(corpus_dir: Path, source: str) -> tuple[Path, int | None]:
    """The file (and JSONL line number) a document came from, refusing anything outside the corpus folder."""
    name, _, line = source.rpartition(":") if source.rpartition(":")[2].isdigit() else (source, "", "")
    path = (corpus_dir / name).resolve()
    if not path.is_relative_to(corpus_dir.resolve()):
        raise StoreError(f"{source}: outside the corpus folder")
    return path, int(line) if line else None


def retire_article(corpus_dir: Path, source: str) -> None:
    """Take a document out of the corpus: move its file to ``.trash/``, or blank its line in a JSONL file.

    Blanking (not deleting) the line keeps the line numbers, and so the ids, of the file's other articles.
    """
    path, line = source_path(corpus_dir, source)
    if not path.exists():
        return
    trash = corpus_dir / TRASH_FOLDER
    trash.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    lines = decode_bytes(path.read_bytes(), source).split("\n") if line is not None else []
    others = [n for n, text in enumerate(lines, start=1) if text.strip() and n != line]
    if line is None or not others:
        shutil.move(path, trash / f"{stamp}-{path.name}")
        fsync_dir(path.parent)
        return
    write_atomic(trash / f"{stamp}-{path.stem}-{line}.jsonl", (lines[line - 1] + "\n").encode("utf-8"))
    lines[line - 1] = ""
    write_atomic(path, "\n".join(lines).encode("utf-8"))
