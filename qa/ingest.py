"""From a corpus folder to clean documents with stable ids, reporting every file that was skipped."""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from qa.cleaning import clean_article
from qa.reading import Problem, RawArticle, corpus_files, read_file
from qa.schema import Document

log = logging.getLogger(__name__)


@dataclass
class IngestResult:
    documents: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # sources whose content was already ingested


def content_key(doc: Document) -> str:
    """Documents with the same cleaned body are the same article, whatever file they came from."""
    body = re.sub(r"\s+", "", doc.body)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def document_id(raw: RawArticle) -> str:
    """A stable, URL-safe id: an explicit ``id`` field, else the file path (and line) it came from."""
    if raw.fields.get("id"):
        base = raw.fields["id"]
    else:
        path, _, line = raw.source.partition(":")
        base = str(PurePosixPath(path).with_suffix("")) + (f"-{line}" if line else "")
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", base).strip("-._").lower()
    if not slug or slug != base.lower().replace("/", "-"):
        # Non-ASCII or unusual names: keep what is readable and add a short hash so ids stay unique.
        slug = (slug[:40] + "-" if slug else "doc-") + hashlib.sha1(base.encode("utf-8")).hexdigest()[:8]
    return slug


def clean_raw(raw: RawArticle | Problem) -> Document | Problem:
    """One file's article cleaned, or why it is skipped: the per-article part of ingestion, safe to run anywhere."""
    if isinstance(raw, Problem):
        return raw
    doc = clean_article(raw, document_id(raw))
    if not doc.body.strip():
        return Problem(raw.source, "no article text left after cleaning")
    return doc


def collect(cleaned: list[Document | Problem], sources: list[str]) -> IngestResult:
    """Cleaned articles, in corpus order, with repeated content dropped and clashing ids made unique."""
    result = IngestResult()
    seen_ids: set[str] = set()
    seen_content: set[str] = set()
    for doc, source in zip(cleaned, sources):
        if isinstance(doc, Problem):
            result.problems.append(doc)
            continue
        key = content_key(doc)
        if key in seen_content:
            result.duplicates.append(source)
            continue
        if doc.doc_id in seen_ids:
            doc.doc_id = f"{doc.doc_id}-{key[:6]}"
        seen_ids.add(doc.doc_id)
        seen_content.add(key)
        result.documents.append(doc)
    return result


def ingest_raw(raws: list[RawArticle | Problem]) -> IngestResult:
    return collect([clean_raw(raw) for raw in raws], [raw.source for raw in raws])


def read_files(folder: Path, paths: list[Path]) -> list[RawArticle | Problem]:
    """The articles (or problems) of some corpus files, in order."""
    return [raw for path in paths for raw in read_file(path, str(path.relative_to(folder).as_posix()))]


def ingest_folder(folder: Path) -> IngestResult:
    return reported(ingest_raw(read_files(folder, list(corpus_files(folder)))))


def reported(result: IngestResult) -> IngestResult:
    """``result``, with every skipped file logged."""
    for problem in result.problems:
        log.warning("skipped %s: %s", problem.source, problem.reason)
    return result


FINGERPRINT_MODULUS = 2**256


def file_fingerprint(folder: Path, path: Path) -> int:
    """One article file's share of the corpus fingerprint (its path and content); 0 for a file that is not there."""
    if not path.is_file():
        return 0
    digest = hashlib.sha256(path.relative_to(folder).as_posix().encode("utf-8") + b"\0"
                            + hashlib.sha256(path.read_bytes()).digest())
    return int.from_bytes(digest.digest(), "big")


def corpus_fingerprint(folder: Path) -> str:
    """Changes when any article file is added, removed or edited. It is a sum of per-file shares, so a change the
    service makes itself updates it from that one file (``fingerprint_with``) instead of re-reading the corpus."""
    return f"{sum(file_fingerprint(folder, path) for path in corpus_files(folder)) % FINGERPRINT_MODULUS:064x}"


def fingerprint_with(fingerprint: str, removed: int, added: int) -> str:
    """The corpus fingerprint after one file's share went from ``removed`` to ``added``."""
    return f"{(int(fingerprint, 16) - removed + added) % FINGERPRINT_MODULUS:064x}"
