"""Hybrid retrieval: dense (FAISS) and Korean lexical (BM25) candidates, fused into one ranking."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from qa.embedder import Embedder
from qa.filters import Filters
from qa.index import CorpusIndex
from qa.korean import KoreanAnalyzer
from qa.schema import Hit
from qa.settings import Settings


class CandidateSearch(Protocol):
    """A search engine that finds the candidates itself (``qa.engine``); without one, the index's FAISS segments
    and tantivy do. Keys are the index's chunk keys; filters run inside the engine."""

    def dense(self, vector: np.ndarray, k: int, filters: Filters | None) -> tuple[np.ndarray, np.ndarray]: ...

    def lexical(self, terms: list[str], k: int, filters: Filters | None) -> tuple[np.ndarray, np.ndarray]: ...

    def lexical_scores(self, terms: list[str], keys: list[int]) -> dict[int, float]: ...


@dataclass
class Ranked:
    """Chunk keys and scores of one retriever's candidates, best first."""

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
    dense_scores: np.ndarray, lexical_scores: np.ndarray, candidates: list[int], dense_weight: float
) -> dict[int, float]:
    """Convex combination of the two retrievers' scores, each min-max normalised over the candidate set."""

    def normalise(values: np.ndarray) -> np.ndarray:
        span = float(values.max() - values.min()) if len(values) else 0.0
        return (values - values.min()) / span if span > 0 else np.zeros_like(values)

    combined = dense_weight * normalise(dense_scores) + (1 - dense_weight) * normalise(lexical_scores)
    return dict(zip(candidates, combined.tolist()))


class HybridRetriever:
    def __init__(
        self, index: CorpusIndex, embedder: Embedder, analyzer: KoreanAnalyzer, settings: Settings,
        filters: Filters | None = None, engine: CandidateSearch | None = None,
    ):
        """``filters``: the only articles retrieval may return (``FilterError`` for unknown outlets or ids).
        ``engine``: where candidates come from, when not the index itself."""
        self.index = index
        self.engine = engine
        self.embedder = embedder
        self.analyzer = analyzer
        self.settings = settings
        self.filters = filters if filters is not None and not filters.empty else None
        # Both searches see only the allowed chunks: an id selector for FAISS, a query clause for tantivy (an
        # engine filters itself; the allowed keys are still read, which is where unknown outlets are refused).
        self.within = index.keys_allowed(self.filters) if self.filters else None
        self.clause = index.lexical.clause(self.filters) if self.filters and engine is None else None

    def dense_weight(self, query_terms: list[str], lexical: Ranked, verbs: frozenset[str] = frozenset()) -> float:
        """Trust lexical search when its best passage covers the question's words, dense search when it does not.

        Questions that reuse the article's words are won by BM25, paraphrases by dense vectors; the coverage of
        the best lexical match tells which kind this question is (a verb no article uses counts: a paraphrase).
        """
        low, high = self.settings.dense_weight_min, self.settings.dense_weight_max
        if not len(lexical.rows):
            return high
        best_terms = set(self.index.terms(int(lexical.rows[0])))
        coverage = self.index.lexical.weighted(query_terms, verbs, drop_unused_verbs=False).coverage(best_terms)
        return high - coverage * (high - low)

    def _keep_each_best(self, ranking: list[int], dense: Ranked, lexical: Ranked, top_k: int) -> list[int]:
        """The fused top-k, but each retriever's own best passage is always among them.

        When the two disagree, fusion can bury the passage one of them was sure of; giving each a seat costs
        at most one slot at the bottom of the list (measured: recall@5 on paraphrases 0.83 → 0.86).
        """
        chosen = ranking[:top_k]
        protected = [int(r.rows[0]) for r in (dense, lexical) if len(r.rows)]
        if not self.settings.keep_each_best or top_k < 3:
            return chosen
        for row in protected:
            if row in chosen:
                continue
            for position in range(len(chosen) - 1, -1, -1):
                if chosen[position] not in protected:
                    chosen[position] = row
                    break
        return sorted(chosen, key=ranking.index)

    def _live(self, keys: np.ndarray, scores: np.ndarray) -> Ranked:
        """An engine following a newer index may return chunks this snapshot does not have: not candidates here."""
        alive = np.fromiter((self.index.is_live(int(k)) for k in keys), dtype=bool, count=len(keys))
        return Ranked(keys[alive], scores[alive])

    def _dense(self, query_vector: np.ndarray, n: int) -> Ranked:
        if self.engine is not None:
            return self._live(*self.engine.dense(query_vector, n, self.filters))
        return Ranked(*self.index.dense_search(query_vector, n, within=self.within))

    def _lexical(self, query_terms: list[str], variants: list[str], verbs: frozenset[str], n: int):
        """The BM25 candidates, and how to score other chunks for the same query."""
        lexical = self.index.lexical
        if self.engine is not None:
            terms, engine = lexical.expand(query_terms, variants, verbs), self.engine
            return self._live(*engine.lexical(terms, n, self.filters)), lambda keys: engine.lexical_scores(terms, keys)
        query = lexical.query(query_terms, variants, verbs)
        return Ranked(*lexical.search(query, n, self.clause)), lambda keys: lexical.scores_of(query, keys)

    def search(self, question: str, top_k: int | None = None, mode: str = "hybrid") -> list[Hit]:
        """``mode`` is ``hybrid``, ``dense`` or ``lexical`` (the single modes exist for evaluation)."""
        top_k = top_k or self.settings.top_k
        n = max(self.settings.candidates, top_k)
        index = self.index
        use_dense, use_lexical = mode != "lexical", mode != "dense"
        empty = Ranked(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32))

        query_vector = self.embedder.encode_query(question) if use_dense else None
        dense = self._dense(query_vector, n) if use_dense else empty
        query_terms = self.analyzer.terms(question) if use_lexical else []
        variants = self.analyzer.spacing_variants(question) if use_lexical else []
        verbs = self.analyzer.verbs(question) if use_lexical else frozenset()
        lexical, lexical_scores = self._lexical(query_terms, variants, verbs, n) if use_lexical else (empty, None)

        candidates = sorted(set(dense.rows.tolist()) | set(lexical.rows.tolist()))
        dense_of = dict(zip(candidates, (index.vectors_of(candidates) @ query_vector).tolist())) if use_dense and candidates else {}
        lexical_of = dict(zip(lexical.rows.tolist(), lexical.scores.tolist()))
        missing = [key for key in candidates if key not in lexical_of]
        if use_lexical and missing:  # dense candidates BM25 ranked below its cut-off: their own scores
            lexical_of.update(lexical_scores(missing))
        if mode == "dense":
            fused = dict(zip(dense.rows.tolist(), dense.scores.tolist()))
        elif mode == "lexical":
            fused = dict(lexical_of)
        elif self.settings.fusion == "rrf":
            fused = rrf(dense, lexical, self.settings.dense_weight, self.settings.rrf_k)
        else:
            dense_scores = np.asarray([dense_of[key] for key in candidates], dtype=np.float32)
            lexical_scores = np.asarray([lexical_of.get(key, 0.0) for key in candidates], dtype=np.float32)
            weight = self.dense_weight(query_terms, lexical, verbs)
            fused = weighted_scores(dense_scores, lexical_scores, candidates, weight)

        ranking = [key for key, _ in sorted(fused.items(), key=lambda item: (-item[1], item[0]))]
        if mode == "hybrid":
            ranking = self._keep_each_best(ranking, dense, lexical, top_k)
        dense_rank = {key: r + 1 for r, key in enumerate(dense.rows.tolist())}
        lexical_rank = {key: r + 1 for r, key in enumerate(lexical.rows.tolist())}
        hits = []
        for key in ranking[:top_k]:
            try:
                chunk = index.chunk_of(key)
            except KeyError:  # deleted and purged by a merge since this snapshot was taken
                continue
            hits.append(
                Hit(
                    chunk=chunk,
                    document=index.documents[chunk.doc_id],
                    score=float(fused[key]),
                    dense_rank=dense_rank.get(key),
                    lexical_rank=lexical_rank.get(key),
                    dense_score=dense_of.get(key),
                    lexical_score=float(lexical_of.get(key, 0.0)),
                    key=key,
                )
            )
        return hits
