"""FAISS dense search: exact up to a size, HNSW past it, and copies that leave the original untouched."""

from __future__ import annotations

import numpy as np

from qa.dense import DenseIndex


def _unit(rows: int, dim: int = 32, seed: int = 0) -> np.ndarray:
    vectors = np.random.default_rng(seed).normal(size=(rows, dim)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def test_exact_below_the_threshold_hnsw_above_with_high_recall():
    vectors = _unit(3000)
    exact = DenseIndex.from_vectors(vectors, 32, exact_max=5000)
    approx = DenseIndex.from_vectors(vectors, 32, exact_max=1000)
    assert not exact.approximate and approx.approximate and len(approx) == 3000
    queries = _unit(50, seed=1)
    recall = np.mean([
        len(set(exact.search(q, 10)[0]) & set(approx.search(q, 10)[0])) / 10 for q in queries
    ])
    assert recall >= 0.9
    rows, scores = exact.search(vectors[42], 1)
    assert rows[0] == 42 and abs(scores[0] - 1.0) < 1e-5


def test_with_added_copies_and_leaves_the_original_for_its_readers():
    original = DenseIndex.from_vectors(_unit(100), 32, exact_max=50)
    extra = _unit(5, seed=2)
    grown = original.with_added(extra)
    assert len(original) == 100 and len(grown) == 105 and grown.approximate
    assert grown.search(extra[3], 1)[0][0] == 103
