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


def test_a_filtered_search_returns_only_allowed_rows_and_finds_their_nearest():
    """Narrow filters are searched exactly; wide ones walk the HNSW graph with a bitmap of allowed rows."""
    rng = np.random.default_rng(1)
    vectors = _unit(3_000)
    dense = DenseIndex.from_vectors(vectors, 32, exact_max=100)
    assert dense.approximate
    for share in (0.05, 0.6):
        within = np.sort(rng.choice(len(vectors), int(len(vectors) * share), replace=False))
        agree = 0
        for query in vectors[:50] + rng.normal(scale=0.1, size=(50, 32)).astype(np.float32):
            rows, scores = dense.search(query, 10, within=within)
            assert len(rows) == 10 and set(rows.tolist()) <= set(within.tolist())
            assert np.all(np.diff(scores) <= 1e-6)  # best first
            truth = within[np.argmax(vectors[within] @ query)]
            agree += rows[0] == truth
        assert agree >= (50 if share < 0.25 else 45)  # exact below a quarter; the graph nearly always
    rows, _ = dense.search(vectors[0], 10, within=np.array([5, 7], dtype=np.int64))
    assert sorted(rows.tolist()) == [5, 7]
    assert len(dense.search(vectors[0], 10, within=np.zeros(0, dtype=np.int64))[0]) == 0
