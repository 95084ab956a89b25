"""Sentence vectors read by rows from their .npy file: the same values as loading it, nothing kept resident."""

from __future__ import annotations

import numpy as np
import pytest

from qa.row_file import RowFile


@pytest.fixture()
def saved(tmp_path):
    matrix = np.random.default_rng(0).normal(size=(50, 8)).astype(np.float16)
    path = tmp_path / "sentences.npy"
    np.save(path, matrix)
    return path, matrix


def test_rows_are_read_in_the_order_asked(saved):
    path, matrix = saved
    rows = RowFile(path)
    assert rows.shape == (50, 8) and len(rows) == 50 and rows.dtype == np.float16
    for wanted in ([3, 4, 5, 6], [7], [10, 2, 3, 49, 0], [], [5, 5]):
        assert np.array_equal(rows[wanted], matrix[wanted].reshape(-1, 8))
    assert np.array_equal(np.asarray(rows), matrix)
    assert np.asarray(rows, dtype=np.float32).dtype == np.float32
    assert np.array_equal(np.concatenate([np.asarray(rows), matrix[:2]]), np.concatenate([matrix, matrix[:2]]))


def test_a_row_out_of_range_is_an_error(saved):
    rows = RowFile(saved[0])
    with pytest.raises(IndexError):
        rows[[49, 50]]
    with pytest.raises(IndexError):
        rows[[-1]]


def test_rows_stay_readable_after_the_file_is_replaced(saved):
    """A writer removes an old index generation while a reader still answers from it."""
    path, matrix = saved
    rows = RowFile(path)
    path.unlink()
    np.save(path, np.zeros((2, 8), dtype=np.float16))
    assert np.array_equal(rows[[1, 2]], matrix[[1, 2]])


def test_a_truncated_or_wrong_shaped_file_is_refused(saved, tmp_path):
    path, _ = saved
    data = path.read_bytes()
    path.write_bytes(data[:-10])
    with pytest.raises(ValueError, match="bytes"):
        RowFile(path)
    flat = tmp_path / "flat.npy"
    np.save(flat, np.zeros(8, dtype=np.float16))
    with pytest.raises(ValueError, match="2-D"):
        RowFile(flat)


def test_a_loaded_index_reads_sentence_vectors_without_mapping_them(service):
    """The served index holds no map of sentences.npy: rows are read per question (issue 16, memory at 100k)."""
    from qa.index import CorpusIndex

    index = CorpusIndex.load(service.settings.index_dir, service.settings)
    assert all(isinstance(segment.sentences, RowFile) for segment in index.segments)
    maps = open("/proc/self/maps", encoding="utf-8").read()
    assert "sentences.npy" not in maps
    built = service.index
    keys = built.live_keys.tolist()
    picks = [(keys[0], 0), (keys[1], 1), (keys[-1], 0)]
    assert np.array_equal(index.sentence_vectors_of(picks), built.sentence_vectors_of(picks))
