"""The persisted corpus index, built like a search engine's: a catalog, immutable segments and a lexical index.

One folder holds generation folders (``gen-*``) and a ``CURRENT`` file naming the one in use; a full build writes
a new generation and switches ``CURRENT`` with one atomic rename. Within a generation:

- ``catalog.sqlite`` (``qa/catalog.py``): documents, chunks with their terms, segments and the manifest; every
  change is one transaction there, which is what makes it happen.
- ``segments/seg-*`` (``qa/segment.py``): chunk and sentence vectors of the chunks one add (or one merge) wrote.
- ``lexical-*`` (``qa/lexical.py``): tantivy's BM25 postings, derived from the catalog's terms (rebuilt from them
  when missing or out of step after a crash).

Chunks are known by stable ids (``<doc_id>:<n>``) and, inside storage, by an integer key that never changes or
gets reused. An add writes one small segment and leaves the rest alone; a delete removes catalog rows (a tombstone:
the segment keeps the vectors until a merge drops them); small segments are merged as they pile up and
``qa index --optimize`` merges everything into one. Each ``CorpusIndex`` is an immutable snapshot: a write returns
a new one, and readers holding the old one keep answering from it.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np

from qa.catalog import FILENAME as CATALOG, Catalog, CatalogError
from qa.durable import exclusive, failpoint, fsync_dir, write_atomic
from qa.embedder import Embedder
from qa.encoding import Encoded, encode_documents
from qa.filters import Filters
from qa.ingest import content_key
from qa.korean import KoreanAnalyzer
from qa.lexical import LexicalEntry, LexicalError, LexicalIndex
from qa.lru import LRUCache
from qa.schema import Chunk, Document, Span
from qa.segment import Segment, SegmentError
from qa.settings import Settings

log = logging.getLogger(__name__)

FORMAT_VERSION = 14  # 14: a Latin word Kiwi glues to a verb read again alone (SKT는); 13: a word Kiwi garbles in context read again alone (풀필먼트); 12: sentence vectors join the
# sentence read alone; 11: longer particles split off too (군포랑), 로 not (통일로); 10: a name read with its
# particle ("플로가") split off; 9: contracted verb stems written out (이뤄지다 = 이루어지다); 8: catalog, segments and
# tantivy; 6 and older: one whole-index generation (rebuilt)
CURRENT = "CURRENT"  # names the generation folder in use
GENERATION_PREFIX = "gen-"
SEGMENTS = "segments"
LOCK = ".write.lock"  # in the index folder: one writer at a time, across processes
FILTER_CACHE_SIZE = 64  # filters whose allowed keys are remembered per index snapshot


class DuplicateDocument(ValueError):
    """An added document is already indexed: another writer (a second server) added it since this view was taken."""

    def __init__(self, doc_id: str) -> None:
        super().__init__(f"already indexed: {doc_id}")
        self.doc_id = doc_id


class IndexLoadError(RuntimeError):
    """The index folder is missing, damaged or does not match the configuration."""


def index_signature(settings: Settings) -> dict:
    """The settings that change what is stored; any difference makes an index stale."""
    return {
        "format_version": FORMAT_VERSION,
        "model": settings.model,
        "runtime": settings.runtime,  # an index is served with the runtime that built it, never mixed
        "query_prompt": settings.query_prompt,
        "passage_prompt": settings.passage_prompt,
        "embed_title": settings.embed_title,
        "chunk_chars": settings.chunk_chars,
        "chunk_overlap_sentences": settings.chunk_overlap_sentences,
    }


@dataclass
class Manifest:
    signature: dict
    corpus_fingerprint: str
    dim: int
    built_at: str
    corpus: str | None = None  # the folder the index was built from (absolute), so it is served with its own articles
    documents: int = 0
    chunks: int = 0
    segments: int = 0

    @classmethod
    def of(cls, catalog: Catalog) -> "Manifest":
        meta = catalog.meta()
        return cls(meta["signature"], meta["corpus_fingerprint"], meta["dim"], meta["built_at"], meta.get("corpus"))

    def stored(self) -> dict:
        """What the catalog keeps (the counts are the catalog's own rows)."""
        return {"signature": self.signature, "corpus_fingerprint": self.corpus_fingerprint, "dim": self.dim,
                "built_at": self.built_at, "corpus": self.corpus}


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")


def _segment_name() -> str:
    return f"seg-{time.time_ns()}"


def _entries(keys: list[int], chunks: list[Chunk], terms: list[list[str]], documents: dict[str, Document]
             ) -> list[LexicalEntry]:
    return [LexicalEntry(key, chunk.doc_id, words, documents[chunk.doc_id].outlet, documents[chunk.doc_id].published)
            for key, chunk, words in zip(keys, chunks, terms)]


@dataclass(eq=False)
class CorpusIndex:
    generation: Path
    catalog: Catalog
    manifest: Manifest
    documents: dict[str, Document]
    doc_keys: dict[str, tuple[int, int]]  # each document's chunk keys as (first, end): consecutive keys
    segments: list[Segment]
    segment_of: np.ndarray  # per key: position of its segment in ``segments`` (-1: deleted)
    row_of: np.ndarray  # per key: its row in that segment
    lexical: LexicalIndex
    settings: Settings
    revision: int = 0  # the catalog's revision this snapshot reflects
    _allowed: LRUCache[np.ndarray] = field(default_factory=lambda: LRUCache(FILTER_CACHE_SIZE), repr=False)
    _live_cache: dict[str, np.ndarray | None] = field(default_factory=dict, repr=False)

    # -- building and opening ----------------------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        documents: list[Document],
        settings: Settings,
        analyzer: KoreanAnalyzer,
        embedder: Embedder,
        corpus_fingerprint: str,
        progress: bool = False,
    ) -> "CorpusIndex":
        """Encode ``documents`` and write them as a new generation of ``settings.index_dir``, switched in whole."""
        encoded = encode_documents(documents, settings, analyzer, embedder, progress)
        return cls.create(settings.index_dir, {d.doc_id: d for d in documents}, encoded, settings, embedder.dim,
                          corpus_fingerprint)

    @classmethod
    def create(cls, folder: Path, documents: dict[str, Document], encoded: Encoded, settings: Settings, dim: int,
               corpus_fingerprint: str) -> "CorpusIndex":
        """Write a generation holding already-encoded chunks (one segment) and make it the current one.

        A crash at any point leaves ``CURRENT`` naming a complete generation (the old or the new one).
        """
        folder = folder.resolve()
        with exclusive(folder / LOCK):
            cls._write_generation(folder, documents, encoded, settings, dim, corpus_fingerprint)
            return cls.load(folder, settings, verify=False, locked=True)

    @classmethod
    def _write_generation(cls, folder: Path, documents: dict[str, Document], encoded: Encoded, settings: Settings,
                          dim: int, corpus_fingerprint: str) -> None:
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=folder))
        try:
            catalog = Catalog(staging / CATALOG, create=True)
            manifest = Manifest(index_signature(settings), corpus_fingerprint, dim, _now(),
                                str(settings.corpus_dir.expanduser().resolve()))
            keys = list(range(len(encoded.chunks)))
            name = _segment_name()
            files = Segment.write(staging / SEGMENTS / name, np.asarray(keys, dtype=np.int64), encoded.vectors,
                                  encoded.sentence_vectors, encoded.sentence_counts, settings)
            lexical_name = f"lexical-{time.time_ns()}"
            LexicalIndex.create(staging / lexical_name, _entries(keys, encoded.chunks, encoded.terms, documents))
            with catalog.transaction() as db:
                Catalog.set_meta(db, {**manifest.stored(), "next_key": len(keys), "lexical": lexical_name})
                Catalog.add_segment(db, name, files)
                Catalog.add_documents(db, [(doc.to_dict(), content_key(doc)) for doc in documents.values()])
                Catalog.add_chunks(db, [(key, name, key, chunk, words, starts) for key, chunk, words, starts
                                        in zip(keys, encoded.chunks, encoded.terms, encoded.term_starts)])
            catalog.close()
            fsync_dir(staging)
            failpoint("index-save:generation-written")
            generation = folder / f"{GENERATION_PREFIX}{time.time_ns()}"
            staging.rename(generation)
            fsync_dir(folder)
            failpoint("index-save:before-switch")
            write_atomic(folder / CURRENT, generation.name.encode("utf-8"))
            failpoint("index-save:after-switch")
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        for old in folder.iterdir():
            if old.name != generation.name and old.name.startswith((GENERATION_PREFIX, ".staging-")):
                shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink(missing_ok=True)

    @staticmethod
    def current_generation(folder: Path) -> Path | None:
        try:
            name = (folder / CURRENT).read_text(encoding="utf-8").strip()
        except OSError:
            return None
        return folder / name if name.startswith(GENERATION_PREFIX) and "/" not in name else None

    @classmethod
    def read_manifest(cls, folder: Path) -> Manifest | None:
        generation = cls.current_generation(folder)
        if generation is None or not (generation / CATALOG).is_file():
            return None
        try:
            catalog = Catalog(generation / CATALOG)
            try:
                manifest = Manifest.of(catalog)
                manifest.documents = len(catalog.documents())
                manifest.chunks = catalog.chunk_count()
                manifest.segments = len(catalog.segments())
            finally:
                catalog.close()
        except (CatalogError, KeyError, TypeError):
            return None
        return manifest

    @classmethod
    def load(cls, folder: Path, settings: Settings, verify: bool = True, locked: bool = False) -> "CorpusIndex":
        """Open the current generation; ``verify`` checks every segment file against its recorded checksum.

        Under the folder's write lock (``locked``: already held), so no other process is half-way through a write:
        what looks orphaned or out of step then really is, and is repaired.
        """
        if not locked:
            if not folder.is_dir():
                raise IndexLoadError(f"{folder}: no index; run `qa index`")
            with exclusive(folder / LOCK):
                return cls.load(folder, settings, verify, locked=True)
        generation = cls.current_generation(folder)
        if generation is None:
            raise IndexLoadError(f"{folder}: no index generation; run `qa index`")
        if not (generation / CATALOG).exists() and (generation / "manifest.json").exists():
            raise IndexLoadError(f"{folder}: an index in the older whole-file layout (before segments); "
                                 "it is rebuilt in the segmented layout")
        try:
            catalog = Catalog(generation / CATALOG, check=verify)
            meta = catalog.meta()
            revision = catalog.revision()
            manifest = Manifest.of(catalog)
            documents = {}
            for record in catalog.documents():
                doc = Document(**record)
                documents[doc.doc_id] = doc
            recorded = catalog.segments()
            segments = [Segment.open(generation / SEGMENTS / name, files, verify) for name, files in recorded.items()]
            placements = catalog.placements()
            doc_keys = {doc_id: (first, end) for doc_id, first, end in catalog.key_ranges()}
        except (CatalogError, SegmentError, KeyError, TypeError, ValueError) as exc:
            raise IndexLoadError(f"{folder}: index files are damaged ({exc}); rebuild with `qa index`") from exc
        size = int(meta.get("next_key", 0))
        segment_of = np.full(size, -1, dtype=np.int32)
        row_of = np.zeros(size, dtype=np.int64)
        position = {segment.name: i for i, segment in enumerate(segments)}
        try:
            if placements:
                keys, names, rows = zip(*placements)
                segment_of[list(keys)] = [position[name] for name in names]
                row_of[list(keys)] = rows
            for i, segment in enumerate(segments):  # each live key where its segment says it is
                mine = np.flatnonzero(segment_of == i)
                if not np.array_equal(segment.keys[row_of[mine]], mine):
                    raise ValueError(f"segment {segment.name} holds other chunks than the catalog says")
        except (IndexError, KeyError, TypeError, ValueError) as exc:
            raise IndexLoadError(f"{folder}: the catalog disagrees with its segments ({exc}); rebuild with "
                                 "`qa index`") from exc
        if any(segment.dense.dim != manifest.dim for segment in segments):
            raise IndexLoadError(f"{folder}: index files disagree with the manifest (vector size); rebuild with "
                                 "`qa index`")
        try:  # a lexical index out of step is rebuilt here, from the catalog
            index = cls(generation, catalog, manifest, documents, doc_keys, segments, segment_of, row_of,
                        cls._open_lexical(generation, meta, settings, len(placements)), settings, revision)
        except (CatalogError, LexicalError, OSError, ValueError, KeyError) as exc:
            raise IndexLoadError(f"{folder}: the lexical index could not be rebuilt ({exc}); rebuild with "
                                 "`qa index`") from exc
        index._remove_orphans(recorded)
        return index

    @staticmethod
    def _open_lexical(generation: Path, meta: dict, settings: Settings, live: int) -> LexicalIndex | None:
        """The lexical index, or None when it is missing or out of step with the catalog (it is then rebuilt)."""
        try:
            lexical = LexicalIndex.open(generation / meta["lexical"], settings.typo_max_distance)
        except (LexicalError, KeyError, OSError, ValueError) as exc:
            log.warning("lexical index unreadable (%s): rebuilding it from the catalog", exc)
            return None
        if lexical.size != live:
            log.warning("lexical index holds %d chunks, the catalog %d: rebuilding it from the catalog",
                        lexical.size, live)
            return None
        return lexical

    def __post_init__(self) -> None:
        if self.lexical is None:  # repaired from the catalog's terms: derived data, nothing is lost
            self.lexical = self._fresh_lexical()
            self.revision = self.catalog.revision()

    def _fresh_lexical(self) -> LexicalIndex:
        """A new lexical index of every live chunk, recorded in the catalog; the old one is removed."""
        name = f"lexical-{time.time_ns()}"
        keys, chunks, terms = [], [], []
        for key, (chunk, words, _) in self.catalog.records():
            keys.append(key)
            chunks.append(chunk)
            terms.append(words)
        lexical = LexicalIndex.create(self.generation / name, _entries(keys, chunks, terms, self.documents),
                                      self.settings.typo_max_distance)
        with self.catalog.transaction() as db:
            Catalog.set_meta(db, {"lexical": name})
        for old in self.generation.glob("lexical-*"):
            if old.name != name:
                shutil.rmtree(old, ignore_errors=True)
        return lexical

    def _remove_orphans(self, recorded: dict[str, dict]) -> None:
        """Segment folders the catalog never recorded: written by an add that crashed before its commit."""
        folder = self.generation / SEGMENTS
        for path in folder.iterdir() if folder.is_dir() else ():
            if path.name not in recorded:
                log.info("removing %s: written by a change that never committed", path.name)
                shutil.rmtree(path, ignore_errors=True)

    def is_current(self, settings: Settings, corpus_fingerprint: str | None) -> bool:
        """Built with these settings from this corpus (``None``: no corpus to compare with, the settings decide)."""
        return self.manifest.signature == index_signature(settings) and (
            corpus_fingerprint is None or self.manifest.corpus_fingerprint == corpus_fingerprint
        )

    # -- writing: each change returns a new snapshot ----------------------------------------------------------

    def _snapshot(self, **changes) -> "CorpusIndex":
        """A snapshot after a committed change (so at the catalog's current revision)."""
        values = {name: getattr(self, name) for name in (
            "generation", "catalog", "manifest", "documents", "doc_keys", "segments", "segment_of", "row_of",
            "lexical", "settings")}
        return CorpusIndex(**{**values, "revision": self.catalog.revision(), **changes})

    def is_stale(self) -> bool:
        """Another process has changed the index folder since this snapshot was taken."""
        return (self.current_generation(self.generation.parent) != self.generation
                or self.catalog.revision() != self.revision)

    def reloaded(self) -> "CorpusIndex | None":
        """The index folder as it is now (its files were checked when they were written); None while another
        process is writing it (a reader does not wait for a writer: it asks again later)."""
        with exclusive(self.generation.parent / LOCK, wait=False) as held:
            return CorpusIndex.load(self.generation.parent, self.settings, verify=False, locked=True) if held else None

    @contextmanager
    def _writing(self) -> Iterator["CorpusIndex"]:
        """The latest snapshot, under the folder's write lock: if another process wrote since this snapshot was
        taken, the change is applied to what it wrote, not to this stale view."""
        with exclusive(self.generation.parent / LOCK):
            yield (CorpusIndex.load(self.generation.parent, self.settings, verify=False, locked=True)
                   if self.is_stale() else self)

    def with_documents(
        self,
        documents: list[Document],
        settings: Settings,
        analyzer: KoreanAnalyzer,
        embedder: Embedder,
        fingerprint: Callable[[str], str],
    ) -> "CorpusIndex":
        """``documents`` added as one new segment: only their chunks are embedded, nothing else is rewritten.
        ``fingerprint`` gives the corpus fingerprint after the change from the one the latest index recorded."""
        new = encode_documents(documents, settings, analyzer, embedder, progress=False)  # outside the lock
        with self._writing() as latest:
            return latest._added(documents, new, settings, fingerprint(latest.manifest.corpus_fingerprint))

    def _added(self, documents: list[Document], new: Encoded, settings: Settings, corpus_fingerprint: str
               ) -> "CorpusIndex":
        for doc in documents:  # checked again here, on the latest catalog and under its lock
            existing = doc.doc_id if doc.doc_id in self.documents else self.duplicate_of(doc)
            if existing:
                raise DuplicateDocument(existing)
        first = len(self.segment_of)
        keys = list(range(first, first + len(new.chunks)))
        name = _segment_name()
        folder = self.generation / SEGMENTS / name
        files = Segment.write(folder, np.asarray(keys, dtype=np.int64), new.vectors, new.sentence_vectors,
                              new.sentence_counts, settings)
        failpoint("add:segment-written")
        with self.catalog.transaction() as db:
            Catalog.add_segment(db, name, files)
            Catalog.add_documents(db, [(doc.to_dict(), content_key(doc)) for doc in documents])
            Catalog.add_chunks(db, [(key, name, row, chunk, words, starts) for row, (key, chunk, words, starts)
                                    in enumerate(zip(keys, new.chunks, new.terms, new.term_starts))])
            Catalog.set_meta(db, {"next_key": first + len(keys), "corpus_fingerprint": corpus_fingerprint})
        failpoint("add:catalog-committed")
        all_documents = {**self.documents, **{doc.doc_id: doc for doc in documents}}
        segment = Segment.open(folder, files, verify=False)
        updated = self._snapshot(
            manifest=_with_fingerprint(self.manifest, corpus_fingerprint),
            documents=all_documents,
            doc_keys={**self.doc_keys, **_key_ranges(keys, new.chunks)},
            segments=[*self.segments, segment],
            segment_of=np.concatenate([self.segment_of, np.full(len(keys), len(self.segments), dtype=np.int32)]),
            row_of=np.concatenate([self.row_of, np.arange(len(keys), dtype=np.int64)]),
            lexical=self._lexical_after(lambda: self.lexical.with_added(
                _entries(keys, new.chunks, new.terms, all_documents))),
        )
        return updated.merged_if_due()

    @staticmethod
    def _lexical_after(change) -> LexicalIndex | None:
        """The lexical index after a committed change; None (rebuilt from the catalog) when tantivy fails: the
        catalog already holds the change, so the snapshot must follow it, not raise."""
        try:
            return change()
        except Exception:
            log.exception("the lexical index could not follow a committed change: rebuilding it from the catalog")
            return None

    def without_document(self, doc_id: str, settings: Settings, fingerprint: Callable[[str], str]) -> "CorpusIndex":
        """The document's catalog rows removed (its vectors stay in their segment, dead, until a merge)."""
        with self._writing() as latest:
            return latest._removed(doc_id, fingerprint(latest.manifest.corpus_fingerprint))

    def _removed(self, doc_id: str, corpus_fingerprint: str) -> "CorpusIndex":
        keys = self.keys_of({doc_id})
        segment_of = self.segment_of.copy()
        segment_of[keys] = -1
        # Segments left with no live chunk go in the same transaction (and then off the disk).
        emptied = {self.segments[i].name for i in set(self.segment_of[keys].tolist()) if not (segment_of == i).any()}
        with self.catalog.transaction() as db:
            Catalog.remove_document(db, doc_id)
            Catalog.drop_segments(db, sorted(emptied))
            Catalog.set_meta(db, {"corpus_fingerprint": corpus_fingerprint})
        failpoint("remove:catalog-committed")
        kept = [s for s in self.segments if s.name not in emptied]
        renumber = np.asarray([kept.index(s) if s in kept else -1 for s in self.segments] + [-1], dtype=np.int32)
        for name in emptied:
            shutil.rmtree(self.generation / SEGMENTS / name, ignore_errors=True)
        return self._snapshot(
            manifest=_with_fingerprint(self.manifest, corpus_fingerprint),
            documents={key: doc for key, doc in self.documents.items() if key != doc_id},
            doc_keys={d: span for d, span in self.doc_keys.items() if d != doc_id},
            segments=kept, segment_of=renumber[segment_of],
            lexical=self._lexical_after(lambda: self.lexical.without([doc_id])),
        )

    def merged_if_due(self) -> "CorpusIndex":
        """Merge the small segments once there are more than ``settings.max_small_segments`` of them (their
        dead rows dropped): a search fans out over fewer segments, and each merge costs only what it rewrites."""
        small = [s for s in self.segments if len(s) < self.settings.small_segment_rows]
        if len(small) <= self.settings.max_small_segments:
            return self
        try:
            return self.merged({s.name for s in small})
        except Exception:  # the add itself is committed; a merge is only housekeeping, tried again at the next add
            log.exception("merging small segments failed; the index is served unmerged")
            return self

    def optimized(self) -> "CorpusIndex":
        """Everything in one segment (an HNSW graph past ``dense_exact_max``) and a lexical index without deleted
        chunks in its statistics: what a rebuild would give, without encoding anything again."""
        with self._writing() as latest:
            merged = latest.merged({s.name for s in latest.segments}) if latest.segments else latest
            with merged.catalog.transaction() as db:
                Catalog.purge_deleted(db)
            lexical = merged._fresh_lexical()
            return merged._snapshot(lexical=lexical)

    def merged(self, names: set[str]) -> "CorpusIndex":
        """The live chunks of the named segments rewritten as one segment."""
        chosen = [i for i, s in enumerate(self.segments) if s.name in names]
        keys = np.flatnonzero(np.isin(self.segment_of, chosen))
        name = _segment_name()
        folder = self.generation / SEGMENTS / name
        vectors = self.vectors_of(keys)
        counts = np.asarray([len(self.chunk_of(k).sentences) for k in keys.tolist()], dtype=np.int64)
        sentence_vectors = np.concatenate(
            [self.segments[self.segment_of[k]].sentence_vectors(int(self.row_of[k]), list(range(count)))
             for k, count in zip(keys.tolist(), counts.tolist())]
        ) if len(keys) else np.zeros((0, self.manifest.dim), dtype=np.float32)
        files = Segment.write(folder, keys, vectors, sentence_vectors, counts, self.settings)
        with self.catalog.transaction() as db:
            Catalog.add_segment(db, name, files)
            Catalog.move_chunks(db, name, [(int(k), row) for row, k in enumerate(keys.tolist())])
            Catalog.drop_segments(db, sorted(names))
        failpoint("merge:catalog-committed")
        for old in names:
            shutil.rmtree(self.generation / SEGMENTS / old, ignore_errors=True)
        kept = [s for s in self.segments if s.name not in names]
        renumber = np.asarray([kept.index(s) if s in kept else len(kept) for s in self.segments] + [-1],
                              dtype=np.int32)
        segment_of = renumber[self.segment_of]
        row_of = self.row_of.copy()
        row_of[keys] = np.arange(len(keys))
        log.info("merged %d segments into %s (%d chunks)", len(names), name, len(keys))
        return self._snapshot(segments=[*kept, Segment.open(folder, files, verify=False)], segment_of=segment_of,
                              row_of=row_of)

    # -- reading ---------------------------------------------------------------------------------------------

    @cached_property
    def live_keys(self) -> np.ndarray:
        return np.flatnonzero(self.segment_of >= 0)

    @property
    def chunk_total(self) -> int:
        return len(self.live_keys)

    @cached_property
    def chunks(self) -> list[Chunk]:
        """Every live chunk, in key order, read from the catalog (a full read: for tools and tests, not serving)."""
        return [self.chunk_of(k) for k in self.live_keys.tolist()]

    def is_live(self, key: int) -> bool:
        return 0 <= key < len(self.segment_of) and self.segment_of[key] >= 0

    def record(self, key: int) -> tuple[Chunk, list[str], tuple[int, ...]]:
        """A live chunk, its terms and where each of its sentences' terms start (read once, then cached)."""
        found = self.catalog.record(key) if self.is_live(key) else None
        if found is None:
            raise KeyError(f"chunk key {key} is not in this index")
        return found

    def chunk_of(self, key: int) -> Chunk:
        return self.record(key)[0]

    def terms(self, key: int) -> list[str]:
        return self.record(key)[1]

    def _live_rows(self, position: int) -> np.ndarray | None:
        """Rows of a segment still live, or None when all are (then nothing needs excluding)."""
        segment = self.segments[position]
        if segment.name not in self._live_cache:
            alive = self.segment_of[segment.keys] == position
            self._live_cache[segment.name] = None if alive.all() else np.flatnonzero(alive)
        return self._live_cache[segment.name]

    def dense_search(self, query: np.ndarray, k: int, within: np.ndarray | None = None
                     ) -> tuple[np.ndarray, np.ndarray]:
        """(keys, scores) of the ``k`` nearest live chunks over every segment, best first; only keys in ``within``
        (ascending) when given."""
        found_keys, found_scores = [], []
        for position, segment in enumerate(self.segments):
            rows = segment.rows_of(within) if within is not None else self._live_rows(position)
            if rows is not None and not len(rows):
                continue
            keys, scores = segment.search(query, k, rows)
            found_keys.append(keys)
            found_scores.append(scores)
        if not found_keys:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        keys, scores = np.concatenate(found_keys), np.concatenate(found_scores)
        order = np.lexsort((keys, -scores))[:k]
        return keys[order], scores[order]

    def vectors_of(self, keys: np.ndarray | list[int]) -> np.ndarray:
        """Chunk vectors of the given keys, in order."""
        keys = np.asarray(keys, dtype=np.int64)
        out = np.empty((len(keys), self.manifest.dim), dtype=np.float32)
        positions = self.segment_of[keys]
        assert (positions >= 0).all(), "a deleted chunk's vector was asked for"
        for position in set(positions.tolist()):
            at = positions == position
            out[at] = self.segments[position].vectors(self.row_of[keys[at]])
        return out

    def sentence_vectors_of(self, sentences: list[tuple[int, int]]) -> np.ndarray:
        """Vectors (float32) of the given (chunk key, sentence position) pairs."""
        out = np.empty((len(sentences), self.manifest.dim), dtype=np.float32)
        by_chunk: dict[int, list[int]] = {}
        for i, (key, _) in enumerate(sentences):
            by_chunk.setdefault(key, []).append(i)
        for key, at in by_chunk.items():  # a chunk's sentences are consecutive rows: one read for all of them
            assert self.segment_of[key] >= 0, f"chunk key {key} is deleted"
            segment = self.segments[self.segment_of[key]]
            out[at] = segment.sentence_vectors(int(self.row_of[key]), [sentences[i][1] for i in at])
        return out

    def sentence_terms(self, key: int, position: int) -> list[str]:
        """The search terms of one sentence of a chunk, as indexing analysed them."""
        _, terms, starts = self.record(key)
        return terms[starts[position] : starts[position + 1]]

    def title_terms(self, key: int) -> list[str]:
        """The title's terms, which lead every body chunk's terms (the title is embedded and searched with it)."""
        _, terms, starts = self.record(key)
        return terms[: starts[0]]

    def terms_between(self, key: int, start: int, end: int) -> set[str]:
        """Terms of the sentences of a chunk's document within ``[start, end)``, read from this chunk and the ones
        before it (a document's chunks have consecutive keys), never re-analysed."""
        doc_id = self.chunk_of(key).doc_id
        found: set[str] = set()
        while self.is_live(key) and (chunk := self.chunk_of(key)).doc_id == doc_id and chunk.end > start:
            for position, span in enumerate(chunk.sentences):
                if span.start >= start and span.end <= end:
                    found.update(self.sentence_terms(key, position))
            key -= 1
        return found

    def chunk(self, chunk_id: str) -> Chunk | None:
        key = self.catalog.key_of(chunk_id)
        return self.chunk_of(key) if key is not None and self.is_live(key) else None

    def sentences_near(self, chunk_id: str) -> list[Span]:
        """The sentence spans of a chunk and of its neighbours in the same document, in reading order."""
        doc_id, _, number = chunk_id.rpartition(":")
        nearby = (self.chunk(f"{doc_id}:{int(number) + step}") for step in (-1, 0, 1))
        return sorted({span for chunk in nearby if chunk for span in chunk.sentences}, key=lambda span: span.start)

    def duplicate_of(self, doc: Document) -> str | None:
        """The id of an indexed document with the same cleaned body, if any."""
        found = [d for d in self.catalog.documents_with_content(content_key(doc)) if d in self.documents]
        return found[0] if found else None

    def keys_of(self, doc_ids: set[str]) -> np.ndarray:
        """The chunk keys of the given documents, ascending."""
        ranges = sorted(self.doc_keys[d] for d in doc_ids if d in self.doc_keys)
        return np.concatenate([np.arange(a, b) for a, b in ranges]) if ranges else np.zeros(0, dtype=np.int64)

    def keys_allowed(self, filters: Filters) -> np.ndarray:
        """The chunk keys ``filters`` allow, remembered per filter: a reader asks many questions in one scope, and
        a snapshot never changes (an add or delete makes a new one)."""
        keys = self._allowed.get(filters.key)
        if keys is None:
            keys = self.keys_of(filters.documents(self.documents.values()))
            self._allowed.put(filters.key, keys)
        return keys

    @cached_property
    def outlets(self) -> list[str]:
        """The outlets of the indexed articles, sorted: what a reader can restrict a question to."""
        return sorted({d.outlet for d in self.documents.values() if d.outlet})

    @cached_property
    def names(self) -> frozenset[str]:
        """The outlets and reporters of the indexed articles: names a follow-up may bring ("뷰어스는?")."""
        return frozenset(self.outlets) | {d.author for d in self.documents.values() if d.author}

    def chunk_count(self, doc_id: str) -> int:
        first, end = self.doc_keys.get(doc_id, (0, 0))
        return end - first


def _key_ranges(keys: list[int], chunks: list[Chunk]) -> dict[str, tuple[int, int]]:
    """Each document's chunk keys as ``(first, end)``."""
    spans: dict[str, tuple[int, int]] = {}
    for key, chunk in zip(keys, chunks):
        first, _ = spans.get(chunk.doc_id, (key, key))
        spans[chunk.doc_id] = (first, key + 1)
    return spans


def _with_fingerprint(manifest: Manifest, fingerprint: str) -> Manifest:
    return Manifest(manifest.signature, fingerprint, manifest.dim, manifest.built_at, manifest.corpus)
