"""A large index from a real one: copies of every document and chunk under distinct ids (and, for undated
articles, dates), no re-embedding.

Copies get slightly perturbed vectors (then re-normalised), so nearest-neighbour results stay well defined and
HNSW recall against exact search means something; their text, terms and sentence vectors are the original's.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np

from qa.encoding import Encoded
from qa.index import CorpusIndex
from qa.ingest import corpus_fingerprint
from qa.schema import Chunk
from qa.settings import Settings

NOISE = 0.02  # per-dimension standard deviation added to copies (cosine to the original stays about 0.93)


def replicate(index: CorpusIndex, target_chunks: int, settings: Settings, seed: int = 0) -> CorpusIndex:
    """Written to ``settings.index_dir`` as one segment (an HNSW graph past ``settings.dense_exact_max``)."""
    copies = max(1, math.ceil(target_chunks / max(1, len(index.chunks))))
    rng = np.random.default_rng(seed)
    documents, chunks, vectors = {}, [], []
    live = index.live_keys.tolist()
    original = index.vectors_of(live)
    sentences = index.sentence_vectors_of([(k, p) for k in live for p in range(len(index.chunk_of(k).sentences))])
    terms = [index.terms(k) for k in live]
    term_starts = [index.record(k)[2] for k in live]
    for copy in range(copies):
        suffix = f"~r{copy}" if copy else ""
        for doc_id, doc in index.documents.items():
            # Undated articles get one date per copy, so a date filter can keep part of the archive.
            published = doc.published or f"{2000 + copy // 12:04d}-{copy % 12 + 1:02d}-01"
            documents[doc_id + suffix] = replace(doc, doc_id=doc_id + suffix, published=published)
        for chunk in index.chunks:
            doc_id = chunk.doc_id + suffix
            number = chunk.chunk_id.rsplit(":", 1)[1]
            chunks.append(Chunk(f"{doc_id}:{number}", doc_id, chunk.start, chunk.end, chunk.text, chunk.sentences))
        block = original if not copy else original + rng.normal(0, NOISE, original.shape)
        vectors.append(block / np.linalg.norm(block, axis=1, keepdims=True))
    encoded = Encoded(
        chunks,
        np.ascontiguousarray(np.concatenate(vectors), dtype=np.float32),
        np.concatenate([sentences] * copies),
        terms * copies,
        term_starts * copies,
    )
    fingerprint = corpus_fingerprint(settings.corpus_dir) if settings.corpus_dir.is_dir() else f"{0:064x}"
    return CorpusIndex.create(settings.index_dir, documents, encoded, settings, index.manifest.dim, fingerprint)
