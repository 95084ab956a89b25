"""Dense vector search with FAISS: inner product over L2-normalised vectors (= cosine similarity).

Exact search (``IndexFlatIP``) up to ``exact_max`` vectors; past that an HNSW graph, whose recall against exact
search the benchmark prints. Query time then stays well under the query-encoding time at 100k chunks.
"""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np


class DenseIndex:
    """Row ``i`` of the index is chunk ``i`` of the corpus index."""

    def __init__(self, index: faiss.Index) -> None:
        self.index = index

    @classmethod
    def empty(cls, dim: int) -> "DenseIndex":
        return cls(faiss.IndexFlatIP(dim))

    @classmethod
    def from_vectors(
        cls, vectors: np.ndarray, dim: int, exact_max: int, hnsw_m: int = 32, ef_construction: int = 80,
        ef_search: int = 128,
    ) -> "DenseIndex":
        if len(vectors) > exact_max:
            index = faiss.IndexHNSWFlat(dim, hnsw_m, faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = ef_construction
            index.hnsw.efSearch = ef_search
        else:
            index = faiss.IndexFlatIP(dim)
        dense = cls(index)
        dense.add(vectors)
        return dense

    @property
    def dim(self) -> int:
        return self.index.d

    @property
    def approximate(self) -> bool:
        return not isinstance(self.index, faiss.IndexFlat)

    def matrix(self) -> np.ndarray:
        """The stored vectors (row ``i`` = chunk ``i``) as a view, not a copy: the index is their only home."""
        flat = faiss.downcast_index(self.index.storage) if isinstance(self.index, faiss.IndexHNSW) else self.index
        if flat.ntotal == 0:
            return np.zeros((0, flat.d), dtype=np.float32)
        view = faiss.rev_swig_ptr(flat.get_xb(), flat.ntotal * flat.d).reshape(flat.ntotal, flat.d)
        view.flags.writeable = False
        return view

    def __len__(self) -> int:
        return self.index.ntotal

    def add(self, vectors: np.ndarray) -> None:
        if len(vectors):
            self.index.add(np.ascontiguousarray(vectors, dtype=np.float32))

    def with_added(self, vectors: np.ndarray) -> "DenseIndex":
        """A copy with ``vectors`` appended, leaving this one as it is (readers may be using it)."""
        copy = DenseIndex(faiss.clone_index(self.index))
        copy.add(vectors)
        return copy

    def search(self, query: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Return (rows, scores) of the ``k`` nearest chunks, best first."""
        k = min(k, len(self))
        if k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        scores, rows = self.index.search(query.reshape(1, -1).astype(np.float32), k)
        keep = rows[0] >= 0
        return rows[0][keep], scores[0][keep]

    def save(self, path: Path) -> None:
        faiss.write_index(self.index, str(path))

    @classmethod
    def load(cls, path: Path) -> "DenseIndex":
        return cls(faiss.read_index(str(path)))
