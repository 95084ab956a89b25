"""Dense vector search with FAISS: inner product over L2-normalised vectors (= cosine similarity).

Exact search (``IndexFlatIP``) up to ``exact_max`` vectors; past that an HNSW graph, whose recall against exact
search the benchmark prints. Query time then stays well under the query-encoding time at 100k chunks.
"""

from __future__ import annotations

from pathlib import Path

import faiss
import numpy as np
from threadpoolctl import ThreadpoolController


SELECTIVE = 4  # a filter keeping under a quarter of an HNSW index's rows is searched exactly
EXACT_BLOCK = 8192  # rows multiplied at a time in exact filtered search (bounded temporary memory)


class DenseIndex:
    """Row ``i`` of the index is chunk ``i`` of the corpus index."""

    def __init__(self, index: faiss.Index) -> None:
        self.index = index
        self._blas = ThreadpoolController()

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

    def search(self, query: np.ndarray, k: int, within: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Return (rows, scores) of the ``k`` nearest chunks, best first; only rows in ``within`` when given.

        A filter searches the graph with a selector while it keeps most rows; a narrower one is searched exactly
        (an HNSW walk that may only stop at a few allowed nodes loses recall, and exact search over them is cheap).
        """
        query = query.reshape(1, -1).astype(np.float32)
        k = min(k, len(self) if within is None else len(within))
        if k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        if within is None:
            scores, rows = self.index.search(query, k)
        else:
            if not self.approximate or len(within) * SELECTIVE < len(self):
                return self._exact_within(query[0], k, within)
            # A bitmap (one bit per row) is built in microseconds; a batch selector hashes every id (6 ms at 50k).
            allowed = np.zeros(len(self), dtype=bool)
            allowed[within] = True
            bitmap = np.packbits(allowed, bitorder="little")  # faiss reads bit i & 7 of byte i >> 3
            selector = faiss.IDSelectorBitmap(len(self), faiss.swig_ptr(bitmap))  # both alive during the search
            params = faiss.SearchParametersHNSW()
            params.sel = selector
            params.efSearch = max(self.index.hnsw.efSearch, k)
            scores, rows = self.index.search(query, k, params=params)
        keep = rows[0] >= 0
        return rows[0][keep], scores[0][keep]

    def _exact_within(self, query: np.ndarray, k: int, within: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        matrix = self.matrix()
        # On one BLAS thread: OpenBLAS's threads keep spinning after a large product and slowed the next question's
        # encode by half (measured: filtered /ask 1.5 x unfiltered with them, 1.0 x without).
        with self._blas.limit(limits=1, user_api="blas"):
            scores = np.concatenate([matrix[within[i : i + EXACT_BLOCK]] @ query
                                     for i in range(0, len(within), EXACT_BLOCK)])
        best = np.argpartition(-scores, k - 1)[:k] if k < len(scores) else np.arange(len(scores))
        best = best[np.argsort(-scores[best], kind="stable")]
        return within[best].astype(np.int64), scores[best].astype(np.float32)

    def save(self, path: Path) -> None:
        faiss.write_index(self.index, str(path))

    @classmethod
    def load(cls, path: Path) -> "DenseIndex":
        return cls(faiss.read_index(str(path)))
