"""The persisted corpus index: documents, chunks, dense vectors (FAISS) and BM25, with a manifest.

One folder holds everything. The manifest records the model, the settings that shape the index and the corpus
fingerprint, so a current index is reused and a stale one is rebuilt instead of giving wrong answers.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from qa.chunking import chunk_document
from qa.dense import DenseIndex
from qa.embedder import Embedder
from qa.ingest import content_key
from qa.korean import KoreanAnalyzer
from qa.lexical import LexicalIndex
from qa.schema import Chunk, Document
from qa.settings import Settings

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
MANIFEST = "manifest.json"


class IndexLoadError(RuntimeError):
    """The index folder is missing, damaged or does not match the configuration."""


def index_signature(settings: Settings) -> dict:
    """The settings that change what is stored; any difference makes an index stale."""
    return {
        "format_version": FORMAT_VERSION,
        "model": settings.model,
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


def passage_text(chunk: Chunk, doc: Document, with_title: bool) -> str:
    """What gets embedded: the chunk, led by its article's title so context-free chunks stay findable."""
    if with_title and chunk.start >= doc.body_start:
        return f"{doc.title}\n{chunk.text}"
    return chunk.text


def _encode_documents(
    documents: list[Document], settings: Settings, analyzer: KoreanAnalyzer, embedder: Embedder, progress: bool
) -> tuple[list[Chunk], np.ndarray, list[list[str]]]:
    """Chunk, embed and analyse documents: the expensive part of indexing, done once per document."""
    chunks: list[Chunk] = []
    for doc in documents:
        chunks.extend(chunk_document(doc, analyzer, settings.chunk_chars, settings.chunk_overlap_sentences))
    by_id = {doc.doc_id: doc for doc in documents}
    texts = [passage_text(c, by_id[c.doc_id], settings.embed_title) for c in chunks]
    vectors = embedder.encode_passages(texts, progress=progress)
    terms = [analyzer.terms(text) for text in texts]
    return chunks, vectors, terms


@dataclass
class CorpusIndex:
    documents: dict[str, Document]
    chunks: list[Chunk]
    vectors: np.ndarray
    terms: list[list[str]]
    dense: DenseIndex
    lexical: LexicalIndex
    manifest: Manifest
    _chunk_rows: dict[str, int] | None = field(default=None, repr=False)
    _doc_chunks: Counter | None = field(default=None, repr=False)
    _content_keys: dict[str, str] | None = field(default=None, repr=False)

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
        chunks, vectors, terms = _encode_documents(documents, settings, analyzer, embedder, progress)
        return cls._assemble(
            {doc.doc_id: doc for doc in documents}, chunks, vectors, terms, settings, embedder.dim, corpus_fingerprint
        )

    @classmethod
    def _assemble(
        cls,
        documents: dict[str, Document],
        chunks: list[Chunk],
        vectors: np.ndarray,
        terms: list[list[str]],
        settings: Settings,
        dim: int,
        corpus_fingerprint: str,
    ) -> "CorpusIndex":
        manifest = Manifest(
            signature=index_signature(settings),
            corpus_fingerprint=corpus_fingerprint,
            dim=dim,
            documents=len(documents),
            chunks=len(chunks),
            built_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        )
        return cls(
            documents=documents,
            chunks=chunks,
            vectors=vectors,
            terms=terms,
            dense=DenseIndex.from_vectors(vectors) if len(vectors) else DenseIndex(dim),
            lexical=LexicalIndex(terms, settings.typo_max_distance),
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
        chunks, vectors, terms = _encode_documents(documents, settings, analyzer, embedder, progress=False)
        return self._assemble(
            {**self.documents, **{doc.doc_id: doc for doc in documents}},
            self.chunks + chunks,
            np.concatenate([self.vectors, vectors]) if len(self.vectors) else vectors,
            self.terms + terms,
            settings,
            self.manifest.dim,
            corpus_fingerprint,
        )

    def without_document(self, doc_id: str, settings: Settings, corpus_fingerprint: str) -> "CorpusIndex":
        """A new index with one document and its chunks removed; ``self`` is left untouched."""
        keep = [row for row, chunk in enumerate(self.chunks) if chunk.doc_id != doc_id]
        return self._assemble(
            {key: doc for key, doc in self.documents.items() if key != doc_id},
            [self.chunks[row] for row in keep],
            self.vectors[keep] if keep else np.zeros((0, self.manifest.dim), dtype=np.float32),
            [self.terms[row] for row in keep],
            settings,
            self.manifest.dim,
            corpus_fingerprint,
        )

    def chunk(self, chunk_id: str) -> Chunk | None:
        if self._chunk_rows is None:
            self._chunk_rows = {chunk.chunk_id: row for row, chunk in enumerate(self.chunks)}
        row = self._chunk_rows.get(chunk_id)
        return self.chunks[row] if row is not None else None

    def duplicate_of(self, doc: Document) -> str | None:
        """The id of an indexed document with the same cleaned body, if any."""
        if self._content_keys is None:
            self._content_keys = {content_key(d): d.doc_id for d in self.documents.values()}
        return self._content_keys.get(content_key(doc))

    def chunk_count(self, doc_id: str) -> int:
        if self._doc_chunks is None:
            self._doc_chunks = Counter(chunk.doc_id for chunk in self.chunks)
        return self._doc_chunks.get(doc_id, 0)

    def save(self, folder: Path) -> None:
        """Write to a staging folder, then swap it in, so a reader never sees a half-written index."""
        folder = folder.resolve()
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
        try:
            with (staging / "documents.jsonl").open("w", encoding="utf-8") as out:
                for doc in self.documents.values():
                    out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
            with (staging / "chunks.jsonl").open("w", encoding="utf-8") as out:
                for chunk, terms in zip(self.chunks, self.terms):
                    out.write(json.dumps({**chunk.to_dict(), "terms": terms}, ensure_ascii=False) + "\n")
            np.save(staging / "vectors.npy", self.vectors)
            self.dense.save(staging / "dense.faiss")
            (staging / "lexical").mkdir()
            self.lexical.save(staging / "lexical")
            (staging / MANIFEST).write_text(json.dumps(asdict(self.manifest), indent=2), encoding="utf-8")
            old = folder.with_name(f".{folder.name}.old")
            if folder.exists():
                shutil.rmtree(old, ignore_errors=True)
                folder.rename(old)
            staging.rename(folder)
            shutil.rmtree(old, ignore_errors=True)
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    @staticmethod
    def read_manifest(folder: Path) -> Manifest | None:
        try:
            return Manifest(**json.loads((folder / MANIFEST).read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None

    @classmethod
    def load(cls, folder: Path, settings: Settings) -> "CorpusIndex":
        manifest = cls.read_manifest(folder)
        if manifest is None:
            raise IndexLoadError(f"{folder}: no readable index manifest; run `qa index`")
        try:
            documents = {}
            for line in (folder / "documents.jsonl").read_text(encoding="utf-8").splitlines():
                doc = Document(**json.loads(line))
                documents[doc.doc_id] = doc
            chunks, terms = [], []
            for line in (folder / "chunks.jsonl").read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                terms.append(record.pop("terms"))
                chunks.append(Chunk.from_dict(record))
            vectors = np.load(folder / "vectors.npy")
            dense = DenseIndex.load(folder / "dense.faiss")
            lexical = LexicalIndex.load(folder / "lexical", len(chunks), settings.typo_max_distance)
        except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
            raise IndexLoadError(f"{folder}: index files are damaged ({exc}); rebuild with `qa index`") from exc
        sizes = {len(chunks), len(terms), len(vectors), len(dense), lexical.size}
        if sizes != {manifest.chunks} or len(documents) != manifest.documents or dense.dim != manifest.dim:
            raise IndexLoadError(f"{folder}: index files disagree with the manifest; rebuild with `qa index`")
        return cls(documents, chunks, vectors, terms, dense, lexical, manifest)

    def is_current(self, settings: Settings, corpus_fingerprint: str) -> bool:
        return (
            self.manifest.signature == index_signature(settings)
            and self.manifest.corpus_fingerprint == corpus_fingerprint
        )
