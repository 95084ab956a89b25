"""Hybrid retrieval: dense (FAISS) and Korean lexical (BM25) candidates, fused into one ranking."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qa.embedder import Embedder
from qa.index import CorpusIndex
from qa.korean import KoreanAnalyzer
from qa.schema import Hit
from qa.settings import Settings


@dataclass
class Ranked:
    """Rows and scores of one retriever's candidates, best first."""

    rows: np.ndarray
    scores: np.ndarray


def rrf(dense: Ranked, lexical: Ranked, dense_weight: float, k: int) -> dict[int, float]:
    """Weighted reciprocal-rank fusion: robust to the two retrievers' incomparable score scales."""
    fused: dict[int, float] = {}
    for ranked, weight in ((dense, dense_weight), (lexical, 1.0 - dense_weight)):
        for rank, row in enumerate(ranked.rows.tolist()):
            fused[row] = fused.get(row, 0.0) + weight / (k + rank + 1)
    return fused


def weighted_scores(
    candidates: list[int], dense_scores: np.ndarray, lexical_scores: np.ndarray, dense_weight: float
) -> dict[int, float]:
    """Convex combination of min-max normalised scores over the candidate set."""

    def normalise(values: np.ndarray) -> np.ndarray:
        span = float(values.max() - values.min()) if len(values) else 0.0
        return (values - values.min()) / span if span > 0 else np.zeros_like(values)

    rows = np.asarray(candidates, dtype=np.int64)
    combined = dense_weight * normalise(dense_scores[rows]) + (1 - dense_weight) * normalise(lexical_scores[rows])
    return dict(zip(candidates, combined.tolist()))


class HybridRetriever:
    def __init__(self, index: CorpusIndex, embedder: Embedder, analyzer: KoreanAnalyzer, settings: Settings):
        self.index = index
        self.embedder = embedder
        self.analyzer = analyzer
        self.settings = settings

    def search(self, question: str, top_k: int | None = None, mode: str = "hybrid") -> list[Hit]:
        """``mode`` is ``hybrid``, ``dense`` or ``lexical`` (the single modes exist for evaluation)."""
        top_k = top_k or self.settings.top_k
        n = max(self.settings.candidates, top_k)
        index = self.index
        query_vector = self.embedder.encode_query(question) if mode != "lexical" else None
        query_terms = self.analyzer.terms(question) if mode != "dense" else []

        dense_all = index.vectors @ query_vector if query_vector is not None else np.zeros(len(index.chunks))
        lexical_all = index.lexical.scores(query_terms) if mode != "dense" else np.zeros(len(index.chunks))
        dense = Ranked(*index.dense.search(query_vector, n)) if query_vector is not None else Ranked(np.zeros(0, int), np.zeros(0))
        lexical = _top(lexical_all, n)

        if mode == "dense":
            fused = dict(zip(dense.rows.tolist(), dense.scores.tolist()))
        elif mode == "lexical":
            fused = dict(zip(lexical.rows.tolist(), lexical.scores.tolist()))
        elif self.settings.fusion == "rrf":
            fused = rrf(dense, lexical, self.settings.dense_weight, self.settings.rrf_k)
        else:
            candidates = sorted(set(dense.rows.tolist()) | set(lexical.rows.tolist()))
            fused = weighted_scores(candidates, dense_all, lexical_all, self.settings.dense_weight)

        dense_rank = {row: r + 1 for r, row in enumerate(dense.rows.tolist())}
        lexical_rank = {row: r + 1 for r, row in enumerate(lexical.rows.tolist())}
        best = sorted(fused.items(), key=lambda item: (-item[1], item[0]))[:top_k]
        hits = []
        for row, score in best:
            chunk = index.chunks[row]
            hits.append(
                Hit(
                    chunk=chunk,
                    document=index.documents[chunk.doc_id],
                    score=float(score),
                    dense_rank=dense_rank.get(row),
                    lexical_rank=lexical_rank.get(row),
                    dense_score=float(dense_all[row]) if query_vector is not None else None,
                    lexical_score=float(lexical_all[row]),
                )
            )
        return hits


def _top(scores: np.ndarray, k: int) -> Ranked:
    positive = int((scores > 0).sum())
    k = min(k, positive)
    if k <= 0:
        return Ranked(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32))
    rows = np.argpartition(-scores, k - 1)[:k]
    rows = rows[np.argsort(-scores[rows], kind="stable")]
    return Ranked(rows, scores[rows])
