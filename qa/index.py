"""The persisted corpus index: documents, chunks, dense vectors (FAISS), sentence vectors and BM25, with a manifest.

One folder holds everything: generation folders (``gen-*``) and a ``CURRENT`` file naming the one in use, so a
save is one atomic rename. Each generation's manifest records file checksums, the model, the settings that shape
the index and the corpus fingerprint, so a current index is reused, and a stale or damaged one is rebuilt instead
of giving wrong answers.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np

from qa.chunking import chunk_document, header_lines
from qa.dense import DenseIndex
from qa.durable import failpoint, fsync_dir, fsync_tree, write_atomic
from qa.embedder import Embedder
from qa.filters import Filters
from qa.ingest import content_key
from qa.korean import KoreanAnalyzer
from qa.lexical import LexicalIndex
from qa.lru import LRUCache
from qa.row_file import RowFile
from qa.schema import Chunk, Document, Span
from qa.settings import Settings

log = logging.getLogger(__name__)

FORMAT_VERSION = 6
MANIFEST = "manifest.json"
CURRENT = "CURRENT"  # names the generation folder in use
GENERATION_PREFIX = "gen-"
FILTER_CACHE_SIZE = 64  # filters whose allowed rows are remembered per index
SENTENCE_DTYPE = np.float16  # sentence vectors only rank evidence: half precision halves their memory and disk


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
    documents: int
    chunks: int
    built_at: str
    files: dict[str, dict] = field(default_factory=dict)  # relative path → {"bytes", "sha256"}
    corpus: str | None = None  # the folder the index was built from (absolute), so it is served with its own articles


def passage_text(chunk: Chunk, doc: Document, with_title: bool) -> str:
    """What gets embedded: the chunk, led by its article's title so context-free chunks stay findable."""
    if with_title and chunk.start >= doc.body_start:
        return f"{doc.title}\n{chunk.text}"
    return chunk.text


def _file_record(path: Path) -> dict:
    """Size and SHA-256 of a file, read in blocks (index files can be hundreds of MB)."""
    with path.open("rb") as handle:
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    return {"bytes": path.stat().st_size, "sha256": digest}


def _checksums(folder: Path) -> dict[str, dict]:
    return {
        path.relative_to(folder).as_posix(): _file_record(path)
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST)
    }


def _verify(folder: Path, files: dict[str, dict]) -> str | None:
    """The first file that is missing or differs from its recorded size and checksum, if any."""
    if not files:
        return "no file checksums in the manifest"
    for name, expected in files.items():
        try:
            found = _file_record(folder / name)
        except OSError:
            return f"{name} is missing"
        if found != {"bytes": expected.get("bytes"), "sha256": expected.get("sha256")}:
            return f"{name} does not match its checksum"
    return None


@dataclass
class Encoded:
    """What indexing computes for chunks, row-aligned: the expensive part, done once per document."""

    chunks: list[Chunk]
    vectors: np.ndarray  # one per chunk
    sentence_vectors: np.ndarray  # one per sentence of each chunk, in order
    terms: list[list[str]]  # BM25 terms of each chunk's passage text
    term_starts: list[tuple[int, ...]]  # where each sentence's terms begin in ``terms[row]``, then where they end


def _encode_documents(
    documents: list[Document], settings: Settings, analyzer: KoreanAnalyzer, embedder: Embedder, progress: bool
) -> Encoded:
    """Chunk, analyse and embed documents. Kiwi reads each sentence once; the model reads each chunk once."""
    chunks: list[Chunk] = []
    terms: list[list[str]] = []
    term_starts: list[tuple[int, ...]] = []
    texts: list[str] = []
    spans: list[list[tuple[int, int]]] = []
    analysed_docs = analyzer.sentences_with_terms([(doc.text, doc.body_start, None) for doc in documents])
    # Titles and header lines (the header chunk's "sentences") are short: analysed in one batch too.
    headers = [header_lines(doc) for doc in documents]
    title_terms = analyzer.terms_many([doc.title for doc in documents])
    line_terms = iter(analyzer.terms_many(
        [doc.text[line.start : line.end] for doc, lines in zip(documents, headers) for line in lines]
    ))
    for doc, analysed, lines, title_words in zip(documents, analysed_docs, headers, title_terms):
        sentence_terms = {span: words for span, words in analysed}
        sentence_terms.update((line, next(line_terms)) for line in lines)
        for chunk in chunk_document(doc, analyzer, settings.chunk_chars, settings.chunk_overlap_sentences,
                                    sentences=[span for span, _ in analysed]):
            text = passage_text(chunk, doc, settings.embed_title)
            shift = len(text) - len(chunk.text) - chunk.start  # the title line before the chunk's own text
            chunk_words = list(title_words) if len(text) > len(chunk.text) else []
            starts = []
            for span in chunk.sentences:
                starts.append(len(chunk_words))
                chunk_words.extend(sentence_terms[span])
            chunks.append(chunk)
            terms.append(chunk_words)
            term_starts.append((*starts, len(chunk_words)))
            texts.append(text)
            spans.append([(span.start + shift, span.end + shift) for span in chunk.sentences])
    vectors, sentence_vectors = embedder.encode_passages_with_sentences(texts, spans, progress=progress)
    return Encoded(chunks, vectors, sentence_vectors.astype(SENTENCE_DTYPE), terms, term_starts)


@dataclass
class CorpusIndex:
    documents: dict[str, Document]
    chunks: list[Chunk]
    terms: list[list[str]]
    term_starts: list[tuple[int, ...]]  # per chunk: where each sentence's terms begin in its ``terms``
    dense: DenseIndex
    sentence_vectors: np.ndarray | RowFile  # rows ``sentence_starts[i] + j`` = sentence ``j`` of chunk ``i``
    lexical: LexicalIndex
    manifest: Manifest
    _chunk_rows: dict[str, int] | None = field(default=None, repr=False)
    _content_keys: dict[str, str] | None = field(default=None, repr=False)
    _sentence_starts: np.ndarray | None = field(default=None, repr=False)
    _doc_spans: dict[str, tuple[int, int]] | None = field(default=None, repr=False)
    _allowed: LRUCache[np.ndarray] = field(default_factory=lambda: LRUCache(FILTER_CACHE_SIZE), repr=False)

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
        encoded = _encode_documents(documents, settings, analyzer, embedder, progress)
        return cls._assemble({doc.doc_id: doc for doc in documents}, encoded, settings, embedder.dim,
                             corpus_fingerprint)

    @classmethod
    def _assemble(
        cls,
        documents: dict[str, Document],
        encoded: Encoded,
        settings: Settings,
        dim: int,
        corpus_fingerprint: str,
        dense: DenseIndex | None = None,
    ) -> "CorpusIndex":
        """``dense`` may be given already holding ``encoded.vectors`` (an incremental add)."""
        manifest = Manifest(
            signature=index_signature(settings),
            corpus_fingerprint=corpus_fingerprint,
            dim=dim,
            documents=len(documents),
            chunks=len(encoded.chunks),
            built_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            corpus=str(settings.corpus_dir.expanduser().resolve()),
        )
        return cls(
            documents=documents,
            chunks=encoded.chunks,
            terms=encoded.terms,
            term_starts=encoded.term_starts,
            dense=dense if dense is not None else DenseIndex.from_vectors(
                encoded.vectors, dim, settings.dense_exact_max, settings.hnsw_m, settings.hnsw_ef_construction,
                settings.hnsw_ef_search,
            ),
            sentence_vectors=encoded.sentence_vectors,
            lexical=LexicalIndex(encoded.terms, settings.typo_max_distance),
            manifest=manifest,
        )

    def with_documents(
        self,
        documents: list[Document],
        settings: Settings,
        analyzer: KoreanAnalyzer,
        embedder: Embedder,
        corpus_fingerprint: str,
    ) -> "CorpusIndex":
        """A new index with ``documents`` added: only their chunks are embedded; ``self`` is left untouched.

        Readers holding the old index keep answering from it while the new one is assembled (copy-on-write).
        BM25 statistics are corpus-wide, so the lexical index is re-fitted from the stored terms (no re-analysis).
        """
        new = _encode_documents(documents, settings, analyzer, embedder, progress=False)
        merged = Encoded(
            self.chunks + new.chunks,
            new.vectors,  # the dense index below already holds the others
            np.concatenate([np.asarray(self.sentence_vectors), new.sentence_vectors]),
            self.terms + new.terms,
            self.term_starts + new.term_starts,
        )
        return self._assemble(
            {**self.documents, **{doc.doc_id: doc for doc in documents}}, merged, settings, self.manifest.dim,
            corpus_fingerprint, dense=self.dense.with_added(new.vectors),  # no HNSW rebuild for one article
        )

    def without_document(self, doc_id: str, settings: Settings, corpus_fingerprint: str) -> "CorpusIndex":
        """A new index with one document and its chunks removed; ``self`` is left untouched."""
        keep = [row for row, chunk in enumerate(self.chunks) if chunk.doc_id != doc_id]
        starts = self.sentence_starts
        sentence_rows = [i for row in keep for i in range(starts[row], starts[row + 1])]
        dim = self.manifest.dim
        remaining = Encoded(
            [self.chunks[row] for row in keep],
            self.vectors[keep] if keep else np.zeros((0, dim), dtype=np.float32),
            np.asarray(self.sentence_vectors[sentence_rows], dtype=SENTENCE_DTYPE).reshape(-1, dim),
            [self.terms[row] for row in keep],
            [self.term_starts[row] for row in keep],
        )
        return self._assemble({key: doc for key, doc in self.documents.items() if key != doc_id}, remaining,
                              settings, dim, corpus_fingerprint)

    @property
    def vectors(self) -> np.ndarray:
        """Chunk vectors, row ``i`` = chunk ``i``: a view of what FAISS stores, kept once in memory and on disk."""
        return self.dense.matrix()

    @property
    def sentence_starts(self) -> np.ndarray:
        """Row of each chunk's first sentence vector; one more entry at the end closes the last chunk."""
        if self._sentence_starts is None:
            counts = np.fromiter((len(c.sentences) for c in self.chunks), dtype=np.int64, count=len(self.chunks))
            self._sentence_starts = np.concatenate([[0], np.cumsum(counts)])
        return self._sentence_starts

    def sentence_vectors_of(self, sentences: list[tuple[int, int]]) -> np.ndarray:
        """Vectors (float32) of the given (chunk row, sentence position) pairs."""
        starts = self.sentence_starts
        rows = [int(starts[row]) + position for row, position in sentences]
        return np.asarray(self.sentence_vectors[rows], dtype=np.float32).reshape(len(rows), self.manifest.dim)

    def sentence_terms(self, chunk_row: int, position: int) -> list[str]:
        """The search terms of one sentence of a chunk, as indexing analysed them."""
        starts = self.term_starts[chunk_row]
        return self.terms[chunk_row][starts[position] : starts[position + 1]]

    def title_terms(self, chunk_row: int) -> list[str]:
        """The title's terms, which lead every body chunk's terms (the title is embedded and searched with it)."""
        return self.terms[chunk_row][: self.term_starts[chunk_row][0]]

    def terms_between(self, chunk_row: int, start: int, end: int) -> set[str]:
        """Terms of the sentences of a chunk's document within ``[start, end)``, read from this chunk and the ones
        before it (a document's chunks are consecutive rows), never re-analysed."""
        doc_id = self.chunks[chunk_row].doc_id
        found: set[str] = set()
        row = chunk_row
        while row >= 0 and self.chunks[row].doc_id == doc_id and self.chunks[row].end > start:
            for position, span in enumerate(self.chunks[row].sentences):
                if span.start >= start and span.end <= end:
                    found.update(self.sentence_terms(row, position))
            row -= 1
        return found

    def chunk(self, chunk_id: str) -> Chunk | None:
        if self._chunk_rows is None:
            self._chunk_rows = {chunk.chunk_id: row for row, chunk in enumerate(self.chunks)}
        row = self._chunk_rows.get(chunk_id)
        return self.chunks[row] if row is not None else None

    def sentences_near(self, chunk_id: str) -> list[Span]:
        """The sentence spans of a chunk and of its neighbours in the same document, in reading order."""
        doc_id, _, number = chunk_id.rpartition(":")
        nearby = (self.chunk(f"{doc_id}:{int(number) + step}") for step in (-1, 0, 1))
        return sorted({span for chunk in nearby if chunk for span in chunk.sentences}, key=lambda span: span.start)

    def duplicate_of(self, doc: Document) -> str | None:
        """The id of an indexed document with the same cleaned body, if any."""
        if self._content_keys is None:
            self._content_keys = {content_key(d): d.doc_id for d in self.documents.values()}
        return self._content_keys.get(content_key(doc))

    def _spans(self) -> dict[str, tuple[int, int]]:
        """Each document's chunk rows as ``(first, end)``: a document's chunks are consecutive rows."""
        if self._doc_spans is None:
            spans: dict[str, tuple[int, int]] = {}
            for row, chunk in enumerate(self.chunks):
                first, _ = spans.get(chunk.doc_id, (row, row))
                spans[chunk.doc_id] = (first, row + 1)
            self._doc_spans = spans
        return self._doc_spans

    def rows_of(self, doc_ids: set[str]) -> np.ndarray:
        """The chunk rows of the given documents, ascending."""
        spans = self._spans()
        ranges = sorted(spans[d] for d in doc_ids if d in spans)
        return np.concatenate([np.arange(a, b) for a, b in ranges]) if ranges else np.zeros(0, dtype=np.int64)

    def rows_allowed(self, filters: Filters) -> np.ndarray:
        """The chunk rows ``filters`` allow, remembered per filter: a reader asks many questions in one scope, and
        an index never changes (an add or delete makes a new one)."""
        key = filters.key
        rows = self._allowed.get(key)
        if rows is None:
            rows = self.rows_of(filters.documents(self.documents.values()))
            self._allowed.put(key, rows)
        return rows

    @cached_property
    def outlets(self) -> list[str]:
        """The outlets of the indexed articles, sorted: what a reader can restrict a question to."""
        return sorted({d.outlet for d in self.documents.values() if d.outlet})

    @cached_property
    def names(self) -> frozenset[str]:
        """The outlets and reporters of the indexed articles: names a follow-up may bring ("뷰어스는?")."""
        return frozenset(self.outlets) | {d.author for d in self.documents.values() if d.author}

    def chunk_count(self, doc_id: str) -> int:
        first, end = self._spans().get(doc_id, (0, 0))
        return end - first

    def save(self, folder: Path) -> None:
        """Write a new generation folder, flush it, then switch ``CURRENT`` to it with one atomic rename.

        A crash at any point leaves ``CURRENT`` naming a complete generation (the old or the new one); readers of
        the folder never see a half-written index. Older generations are removed after the switch.
        """
        folder = folder.resolve()
        folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=folder))
        try:
            with (staging / "documents.jsonl").open("w", encoding="utf-8") as out:
                for doc in self.documents.values():
                    out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
            with (staging / "chunks.jsonl").open("w", encoding="utf-8") as out:
                for chunk, terms, starts in zip(self.chunks, self.terms, self.term_starts):
                    record = {**chunk.to_dict(), "terms": terms, "term_starts": starts}
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
            self.dense.save(staging / "dense.faiss")
            np.save(staging / "sentences.npy", np.asarray(self.sentence_vectors, dtype=SENTENCE_DTYPE))
            (staging / "lexical").mkdir()
            self.lexical.save(staging / "lexical")
            self.manifest.files = _checksums(staging)
            (staging / MANIFEST).write_text(json.dumps(asdict(self.manifest), indent=2), encoding="utf-8")
            fsync_tree(staging)
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
            if old.is_dir() and old.name != generation.name and old.name.startswith((GENERATION_PREFIX, ".staging-")):
                shutil.rmtree(old, ignore_errors=True)

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
        if generation is None:
            return None
        try:
            return Manifest(**json.loads((generation / MANIFEST).read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None

    @classmethod
    def load(cls, folder: Path, settings: Settings) -> "CorpusIndex":
        manifest = cls.read_manifest(folder)
        if manifest is None:
            raise IndexLoadError(f"{folder}: no readable index manifest; run `qa index`")
        generation = cls.current_generation(folder)
        damaged = _verify(generation, manifest.files)
        if damaged:
            raise IndexLoadError(f"{folder}: index files are damaged ({damaged}); rebuild with `qa index`")
        try:
            documents = {}
            with (generation / "documents.jsonl").open(encoding="utf-8", newline="\n") as lines:  # streamed
                for line in lines:
                    if line.strip():
                        doc = Document(**json.loads(line))
                        documents[doc.doc_id] = doc
            chunks, terms, term_starts = [], [], []
            with (generation / "chunks.jsonl").open(encoding="utf-8", newline="\n") as lines:  # streamed
                for line in lines:
                    if not line.strip():
                        continue
                    record = json.loads(line)
                    terms.append([sys.intern(t) for t in record.pop("terms")])
                    term_starts.append(tuple(record.pop("term_starts")))
                    chunks.append(Chunk.from_dict(record))
            dense = DenseIndex.load(generation / "dense.faiss")
            # Read by rows: only the sentences of retrieved chunks are ever read, and none stay in the process.
            sentence_vectors = RowFile(generation / "sentences.npy")
            lexical = LexicalIndex.load(generation / "lexical", len(chunks), settings.typo_max_distance)
        except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
            raise IndexLoadError(f"{folder}: index files are damaged ({exc}); rebuild with `qa index`") from exc
        sizes = {len(chunks), len(terms), len(term_starts), len(dense), lexical.size}
        sentences = sum(len(c.sentences) for c in chunks)
        if (
            sizes != {manifest.chunks}
            or len(documents) != manifest.documents
            or dense.dim != manifest.dim
            or sentence_vectors.shape != (sentences, manifest.dim)
        ):
            raise IndexLoadError(f"{folder}: index files disagree with the manifest; rebuild with `qa index`")
        return cls(documents, chunks, terms, term_starts, dense, sentence_vectors, lexical, manifest)

    def is_current(self, settings: Settings, corpus_fingerprint: str | None) -> bool:
        """Built with these settings from this corpus (``None``: no corpus to compare with, the settings decide)."""
        return self.manifest.signature == index_signature(settings) and (
            corpus_fingerprint is None or self.manifest.corpus_fingerprint == corpus_fingerprint
        )
