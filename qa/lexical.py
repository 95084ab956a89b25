"""Korean lexical search: BM25 (bm25s) over kiwipiepy morpheme terms, with typo correction for unknown terms."""

from __future__ import annotations

import logging
from collections import defaultdict
from pathlib import Path

import bm25s
import numpy as np

from qa.korean import edit_distance, jamo
from qa.lru import LRUCache

logging.getLogger("bm25s").setLevel(logging.WARNING)
CORRECTION_CACHE_SIZE = 10_000  # unknown terms already corrected (or found uncorrectable)


class LexicalIndex:
    """BM25 over pre-computed term lists; row ``i`` is chunk ``i`` of the corpus index."""

    def __init__(self, corpus_terms: list[list[str]], typo_max_distance: int = 1) -> None:
        self.size = len(corpus_terms)
        self.typo_max_distance = typo_max_distance
        self.bm25 = bm25s.BM25()
        if corpus_terms:
            # bm25s needs at least one token per document; "" is its reserved empty token.
            self.bm25.index([terms or [""] for terms in corpus_terms], show_progress=False)
        self._by_syllable: dict[str, list[tuple[str, str]]] | None = None
        # The vocabulary never changes (an add builds a new index), so a correction holds for the index's life.
        self._corrections: LRUCache[str] = LRUCache(CORRECTION_CACHE_SIZE)

    @property
    def vocabulary(self) -> dict[str, int]:
        return getattr(self.bm25, "vocab_dict", None) or {}

    def _typo_candidates(self) -> dict[str, list[tuple[str, str]]]:
        """Known terms (with their jamo spelling) by first and by last syllable: a typo rarely changes both."""
        if self._by_syllable is None:
            index: dict[str, list[tuple[str, str]]] = defaultdict(list)
            for term in self.vocabulary:
                if len(term) >= 2 and not term.startswith("#"):
                    entry = (term, jamo(term))
                    index["^" + term[0]].append(entry)
                    index[term[-1] + "$"].append(entry)
            self._by_syllable = index
        return self._by_syllable

    def correct(self, term: str) -> str | None:
        """The closest known term within the allowed jamo edits (``풀필먼드`` → ``풀필먼트``), if any."""
        if term in self.vocabulary or len(term) < 3 or term.startswith("#") or not self.typo_max_distance:
            return None
        cached = self._corrections.get(term)
        if cached is None:
            cached = self._closest(term) or ""  # "" = no close term: scanning the candidates again would not help
            self._corrections.put(term, cached)
        return cached or None

    def _closest(self, term: str) -> str | None:
        pool = self._typo_candidates()
        best, best_distance = None, self.typo_max_distance + 1
        target = jamo(term)
        for candidate, spelled in sorted({*pool.get("^" + term[0], ()), *pool.get(term[-1] + "$", ())}):
            if abs(len(candidate) - len(term)) > 1:
                continue
            distance = edit_distance(target, spelled, self.typo_max_distance)
            if distance < best_distance:
                best, best_distance = candidate, distance
        return best

    def segment(self, term: str) -> list[str]:
        """Split an unknown compound into known pieces (``풀필먼트센터`` → ``풀필먼트``, ``센터``), longest first."""
        vocab = self.vocabulary
        if term in vocab or len(term) < 4 or term.startswith("#"):
            return []
        pieces, i = [], 0
        while i < len(term):
            for j in range(len(term), i + 1, -1):
                if term[i:j] in vocab and (j - i) >= 2:
                    pieces.append(term[i:j])
                    i = j
                    break
            else:
                return []
        return pieces if len(pieces) > 1 else []

    def repair(self, term: str) -> list[str]:
        """Known terms standing for ``term``: itself, else its typo fix, else its compound split ([] if none)."""
        if term in self.vocabulary:
            return [term]
        fixed = self.correct(term)
        return [fixed] if fixed else self.segment(term)

    def expand(self, terms: list[str], variants: list[str] = ()) -> list[str]:
        """The query's known terms, plus repairs of unknown ones: typo fixes, compound splits, spacing variants."""
        vocab = self.vocabulary
        out = [t for t in terms if t in vocab]
        for term in terms:
            if term not in vocab:
                out.extend(self.repair(term))
        for variant in dict.fromkeys(variants):
            pieces = [variant] if variant in vocab else self.segment(variant)
            out.extend(p for p in pieces if p not in out)
        return out

    def idf(self, term: str) -> float:
        """BM25's idf from the index's own document frequencies (an unseen term gets the largest idf)."""
        token = self.vocabulary.get(term)
        indptr = self.bm25.scores["indptr"] if self.size else None
        df = int(indptr[token + 1] - indptr[token]) if token is not None and indptr is not None else 0
        return float(np.log(1 + (self.size - df + 0.5) / (df + 0.5)))

    def weighted(self, query_terms: list[str]) -> "WeightedQuery":
        """The query's terms as (known pieces, idf weight): repaired and weighed once, then matched many times."""
        out = []
        for term in dict.fromkeys(query_terms):
            repaired = self.repair(term)
            out.append((tuple(repaired), self.idf(repaired[0] if repaired else term)))
        return WeightedQuery(out)

    def coverage(self, query_terms: list[str], terms: set[str], context: set[str] = frozenset()) -> float:
        """Share of the question's idf weight found in a text (see ``WeightedQuery.coverage``)."""
        return self.weighted(query_terms).coverage(terms, context)

    def scores(self, query_terms: list[str], variants: list[str] = ()) -> np.ndarray:
        """BM25 score of every chunk for the query (zeros when no term is known)."""
        known = [t for t in self.expand(query_terms, variants) if t]
        if not known or not self.size:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self.bm25.get_scores(known), dtype=np.float32)

    def save(self, folder: Path) -> None:
        if self.size:
            self.bm25.save(str(folder))

    @classmethod
    def load(cls, folder: Path, size: int, typo_max_distance: int) -> "LexicalIndex":
        lexical = cls([], typo_max_distance)
        if size:
            lexical.bm25 = bm25s.BM25.load(str(folder))
            lexical.size = size
        return lexical


class WeightedQuery:
    """A question's terms with their idf weights, for measuring how much of it a text carries."""

    def __init__(self, terms: list[tuple[tuple[str, ...], float]]) -> None:
        self.terms = terms
        self.total = sum(weight for _, weight in terms)

    def coverage(self, terms: set[str], context: set[str] = frozenset()) -> float:
        """Share of the idf weight found in ``terms``: near 1 when the question reuses the text's words.

        Terms found only in ``context`` (the sentence before, the title) earn half. Unknown query terms count
        against the text unless a typo fix or a compound split repairs them.
        """
        if not self.total:
            return 0.0
        found = 0.0
        for pieces, weight in self.terms:
            if not pieces:
                continue
            if all(p in terms for p in pieces):
                found += weight
            elif context and all(p in terms or p in context for p in pieces):
                found += weight / 2
        return found / self.total
