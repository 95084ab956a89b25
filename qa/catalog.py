"""The index's document store and commit point: documents, chunks (with their terms), segments and the manifest,
in SQLite (WAL mode, full sync).

Every change to the index is one transaction here: an add's segment files are written and flushed first, and the
add exists once the catalog names them; a delete removes the document's rows (the tombstone is their absence). A
crash therefore leaves the catalog at the last acknowledged change, and anything written for a change it never
recorded (an orphan segment folder) is ignored and later removed.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from qa.lru import LRUCache
from qa.schema import Chunk

FILENAME = "catalog.sqlite"
RECORD_CACHE_SIZE = 20_000  # chunk records (chunk, terms, term starts) kept in memory; they never change
RECORD_BATCH = 2_000  # records read at a time when every chunk is read
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS segments (name TEXT PRIMARY KEY, files TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (doc_id TEXT PRIMARY KEY, content_key TEXT NOT NULL, record TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS documents_by_content ON documents (content_key);
CREATE TABLE IF NOT EXISTS chunks (
    key INTEGER PRIMARY KEY,
    chunk_id TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    segment TEXT NOT NULL,
    position INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,  -- a tombstone: readers of older snapshots may still read the record
    record TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS chunks_by_id ON chunks (chunk_id) WHERE deleted = 0;
CREATE INDEX IF NOT EXISTS chunks_by_doc ON chunks (doc_id);
CREATE INDEX IF NOT EXISTS chunks_by_segment ON chunks (segment);
"""


class CatalogError(RuntimeError):
    """The catalog is missing, unreadable or damaged."""


class Catalog:
    """One SQLite file; a single connection guarded by a lock (writes are serialised by the service anyway)."""

    def __init__(self, path: Path, create: bool = False, check: bool = False) -> None:
        """``check``: read the whole file once (SQLite's ``quick_check``), as a served index is opened at start."""
        if not create and not path.is_file():
            raise CatalogError(f"{path.name} is missing")
        try:
            self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")  # an acknowledged change survives power loss, not only a crash
            if create:
                self._db.executescript(_SCHEMA)
            self._db.execute("SELECT COUNT(*) FROM meta").fetchone()
            if check and self._db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise CatalogError(f"{path.name} is damaged (SQLite quick_check failed)")
        except sqlite3.DatabaseError as exc:
            raise CatalogError(f"{path.name} is damaged ({exc})") from exc
        self._lock = threading.Lock()
        self._records: LRUCache[tuple[Chunk, list[str], tuple[int, ...]]] = LRUCache(RECORD_CACHE_SIZE)

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: the changes made inside become durable together at the end, or not at all. Each one
        counts up the catalog's revision, so a process can tell that another has changed the index."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                self._db.execute("INSERT INTO meta (key, value) VALUES ('revision', '1') ON CONFLICT (key) "
                                 "DO UPDATE SET value = CAST(value AS INTEGER) + 1")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def revision(self) -> int:
        """How many changes the catalog has committed."""
        found = self._rows("SELECT value FROM meta WHERE key = 'revision'")
        return int(found[0][0]) if found else 0

    def _rows(self, sql: str, *args: object) -> list[tuple]:
        with self._lock:
            try:
                return self._db.execute(sql, args).fetchall()
            except sqlite3.DatabaseError as exc:
                raise CatalogError(f"the catalog is damaged ({exc})") from exc

    # -- reading ---------------------------------------------------------------------------------------------

    def meta(self) -> dict:
        return {key: json.loads(value) for key, value in self._rows("SELECT key, value FROM meta")}

    def segments(self) -> dict[str, dict]:
        """Segment name → its files' recorded sizes and checksums."""
        return {name: json.loads(files) for name, files in self._rows("SELECT name, files FROM segments ORDER BY name")}

    def documents(self) -> list[dict]:
        return [json.loads(record) for (record,) in self._rows("SELECT record FROM documents ORDER BY rowid")]

    def placements(self) -> list[tuple[int, str, int]]:
        """(key, segment, position in the segment) of every live chunk, by key: all a snapshot keeps in memory
        about its chunks; their text and terms are read when a question needs them (``record``)."""
        return self._rows("SELECT key, segment, position FROM chunks WHERE deleted = 0 ORDER BY key")

    def chunk_count(self) -> int:
        return self._rows("SELECT COUNT(*) FROM chunks WHERE deleted = 0")[0][0]

    def key_ranges(self) -> list[tuple[str, int, int]]:
        """(doc_id, first key, end key) of every document: a document's chunks have consecutive keys."""
        return self._rows("SELECT doc_id, MIN(key), MAX(key) + 1 FROM chunks WHERE deleted = 0 GROUP BY doc_id")

    def key_of(self, chunk_id: str) -> int | None:
        found = self._rows("SELECT key FROM chunks WHERE chunk_id = ? AND deleted = 0", chunk_id)
        return found[0][0] if found else None

    def documents_with_content(self, content_key: str) -> list[str]:
        return [doc_id for (doc_id,) in self._rows("SELECT doc_id FROM documents WHERE content_key = ?", content_key)]

    def record(self, key: int) -> tuple[Chunk, list[str], tuple[int, ...]] | None:
        """A chunk with its terms and where each sentence's terms start, deleted or not (a snapshot taken before
        the delete may still be answering with it); None once ``--optimize`` has purged it. Cached: a key is never
        reused, so what it names never changes."""
        found = self._records.get(key)
        if found is None:
            rows = self._rows("SELECT record FROM chunks WHERE key = ?", key)
            if not rows:
                return None
            found = parse_record(rows[0][0])
            self._records.put(key, found)
        return found

    def records(self) -> Iterator[tuple[int, tuple[Chunk, list[str], tuple[int, ...]]]]:
        """Every live chunk's record, by key, streamed (a merge, a lexical rebuild)."""
        last = -1
        while True:
            batch = self._rows("SELECT key, record FROM chunks WHERE deleted = 0 AND key > ? ORDER BY key LIMIT ?",
                               last, RECORD_BATCH)
            for key, record in batch:
                yield key, parse_record(record)
            if len(batch) < RECORD_BATCH:
                return
            last = batch[-1][0]

    # -- writing (inside ``transaction``) ----------------------------------------------------------------------

    @staticmethod
    def set_meta(db: sqlite3.Connection, values: dict) -> None:
        db.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                       [(key, json.dumps(value, ensure_ascii=False)) for key, value in values.items()])

    @staticmethod
    def add_segment(db: sqlite3.Connection, name: str, files: dict) -> None:
        db.execute("INSERT INTO segments (name, files) VALUES (?, ?)", (name, json.dumps(files)))

    @staticmethod
    def drop_segments(db: sqlite3.Connection, names: list[str]) -> None:
        db.executemany("DELETE FROM segments WHERE name = ?", [(name,) for name in names])

    @staticmethod
    def purge_deleted(db: sqlite3.Connection) -> None:
        """Tombstones out for good (``qa index --optimize``): until then a snapshot taken before a delete, still
        answering a question, can read the chunks it retrieved."""
        db.execute("DELETE FROM chunks WHERE deleted = 1")

    @staticmethod
    def add_documents(db: sqlite3.Connection, records: list[tuple[dict, str]]) -> None:
        """(document record, content key) pairs."""
        db.executemany("INSERT INTO documents (doc_id, content_key, record) VALUES (?, ?, ?)",
                       [(r["doc_id"], key, json.dumps(r, ensure_ascii=False)) for r, key in records])

    @staticmethod
    def add_chunks(db: sqlite3.Connection, rows: list[tuple[int, str, int, Chunk, list[str], tuple[int, ...]]]
                   ) -> None:
        """Rows of (key, segment, position, chunk, terms, term starts)."""
        db.executemany(
            "INSERT INTO chunks (key, chunk_id, doc_id, segment, position, record) VALUES (?, ?, ?, ?, ?, ?)",
            [(k, c.chunk_id, c.doc_id, s, p, json.dumps({**c.to_dict(), "terms": t, "term_starts": list(ts)},
                                                           ensure_ascii=False))
             for k, s, p, c, t, ts in rows])

    @staticmethod
    def move_chunks(db: sqlite3.Connection, segment: str, positions: list[tuple[int, int]]) -> None:
        """Point chunks (key, new position) at a merged segment."""
        db.executemany("UPDATE chunks SET segment = ?, position = ? WHERE key = ?",
                       [(segment, position, key) for key, position in positions])

    @staticmethod
    def remove_document(db: sqlite3.Connection, doc_id: str) -> None:
        db.execute("UPDATE chunks SET deleted = 1 WHERE doc_id = ? AND deleted = 0", (doc_id,))
        db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))


def parse_record(text: str) -> tuple[Chunk, list[str], tuple[int, ...]]:
    record = json.loads(text)
    terms = [sys.intern(t) for t in record.pop("terms")]
    starts = tuple(record.pop("term_starts"))
    return Chunk.from_dict(record), terms, starts
