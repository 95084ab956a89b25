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
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

FILENAME = "catalog.sqlite"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS segments (name TEXT PRIMARY KEY, files TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (doc_id TEXT PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS chunks (
    key INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL,
    segment TEXT NOT NULL,
    position INTEGER NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_by_doc ON chunks (doc_id);
CREATE INDEX IF NOT EXISTS chunks_by_segment ON chunks (segment);
"""


class CatalogError(RuntimeError):
    """The catalog is missing, unreadable or damaged."""


class Catalog:
    """One SQLite file; a single connection guarded by a lock (writes are serialised by the service anyway)."""

    def __init__(self, path: Path, create: bool = False) -> None:
        if not create and not path.is_file():
            raise CatalogError(f"{path.name} is missing")
        try:
            self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")  # an acknowledged change survives power loss, not only a crash
            if create:
                self._db.executescript(_SCHEMA)
            elif self._db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise CatalogError(f"{path.name} is damaged (SQLite quick_check failed)")
        except sqlite3.DatabaseError as exc:
            raise CatalogError(f"{path.name} is damaged ({exc})") from exc
        self._lock = threading.Lock()

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: the changes made inside become durable together at the end, or not at all."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

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

    def chunks(self) -> list[tuple[int, str, int, dict]]:
        """(key, segment, position in the segment, record) of every live chunk, by key."""
        return [(key, segment, position, json.loads(record)) for key, segment, position, record
                in self._rows("SELECT key, segment, position, record FROM chunks ORDER BY key")]

    def keys_of(self, doc_id: str) -> list[int]:
        return [key for (key,) in self._rows("SELECT key FROM chunks WHERE doc_id = ? ORDER BY key", doc_id)]

    def live_in(self, segment: str) -> int:
        return self._rows("SELECT COUNT(*) FROM chunks WHERE segment = ?", segment)[0][0]

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
    def add_documents(db: sqlite3.Connection, records: list[dict]) -> None:
        db.executemany("INSERT INTO documents (doc_id, record) VALUES (?, ?)",
                       [(r["doc_id"], json.dumps(r, ensure_ascii=False)) for r in records])

    @staticmethod
    def add_chunks(db: sqlite3.Connection, rows: list[tuple[int, str, str, int, dict]]) -> None:
        """Rows of (key, doc_id, segment, position, record)."""
        db.executemany("INSERT INTO chunks (key, doc_id, segment, position, record) VALUES (?, ?, ?, ?, ?)",
                       [(k, d, s, p, json.dumps(r, ensure_ascii=False)) for k, d, s, p, r in rows])

    @staticmethod
    def move_chunks(db: sqlite3.Connection, segment: str, positions: list[tuple[int, int]]) -> None:
        """Point chunks (key, new position) at a merged segment."""
        db.executemany("UPDATE chunks SET segment = ?, position = ? WHERE key = ?",
                       [(segment, position, key) for key, position in positions])

    @staticmethod
    def remove_document(db: sqlite3.Connection, doc_id: str) -> None:
        db.execute("DELETE FROM chunks WHERE doc_id = ?", (doc_id,))
        db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
