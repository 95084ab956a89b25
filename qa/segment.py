"""One immutable segment of the index: the chunk vectors (FAISS) and sentence vectors of a batch of chunks.

An add writes one small segment and never touches the others, so its cost does not grow with the archive; a merge
writes one segment from several and retires them. A segment knows its chunks only by their stable keys; which of
them are still live (not deleted) is the catalog's business, passed in at search time.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from qa.dense import DenseIndex
from qa.durable import fsync_dir, fsync_tree
from qa.row_file import RowFile
from qa.settings import Settings

SENTENCE_DTYPE = np.float16  # sentence vectors only rank evidence: half precision halves their memory and disk
FILES = ("dense.faiss", "sentences.npy", "keys.npy", "starts.npy")


class SegmentError(RuntimeError):
    """A segment's files are missing or differ from what the catalog recorded."""


def file_record(path: Path) -> dict:
    """Size and SHA-256 of a file, read in blocks (segment files can be hundreds of MB)."""
    with path.open("rb") as handle:
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    return {"bytes": path.stat().st_size, "sha256": digest}


class Segment:
    def __init__(self, name: str, keys: np.ndarray, starts: np.ndarray, dense: DenseIndex,
                 sentences: np.ndarray | RowFile) -> None:
        self.name = name
        self.keys = keys  # chunk keys of rows 0..n-1, ascending
        self.starts = starts  # row of each chunk's first sentence vector, plus one closing entry
        self.dense = dense
        self.sentences = sentences

    def __len__(self) -> int:
        return len(self.keys)

    @classmethod
    def write(cls, folder: Path, keys: np.ndarray, vectors: np.ndarray, sentence_vectors: np.ndarray,
              sentence_counts: np.ndarray, settings: Settings) -> dict[str, dict]:
        """Write a segment folder, flushed to disk; return its files' checksums for the catalog to record."""
        folder.mkdir(parents=True)
        dense = DenseIndex.from_vectors(vectors, vectors.shape[1], settings.dense_exact_max, settings.hnsw_m,
                                        settings.hnsw_ef_construction, settings.hnsw_ef_search)
        dense.save(folder / "dense.faiss")
        np.save(folder / "sentences.npy", np.ascontiguousarray(sentence_vectors, dtype=SENTENCE_DTYPE))
        np.save(folder / "keys.npy", np.asarray(keys, dtype=np.int64))
        np.save(folder / "starts.npy", np.concatenate([[0], np.cumsum(sentence_counts)]).astype(np.int64))
        fsync_tree(folder)
        fsync_dir(folder.parent)  # the folder's own entry: the catalog will name it
        return {name: file_record(folder / name) for name in FILES}

    @classmethod
    def open(cls, folder: Path, files: dict[str, dict], verify: bool = True) -> "Segment":
        """Open a written segment; with ``verify``, every file must match the checksum the catalog recorded."""
        for name in FILES:
            path = folder / name
            if not path.is_file():
                raise SegmentError(f"segment {folder.name}: {name} is missing")
            if verify and file_record(path) != files.get(name):
                raise SegmentError(f"segment {folder.name}: {name} does not match its checksum")
        try:
            keys, starts = np.load(folder / "keys.npy"), np.load(folder / "starts.npy")
            dense = DenseIndex.load(folder / "dense.faiss")
            # Read by rows: only the sentences of retrieved chunks are ever read, and none stay in the process.
            sentences = RowFile(folder / "sentences.npy")
        except (OSError, ValueError, RuntimeError) as exc:
            raise SegmentError(f"segment {folder.name}: {exc}") from exc
        if len(dense) != len(keys) or len(starts) != len(keys) + 1 or sentences.shape[0] != starts[-1]:
            raise SegmentError(f"segment {folder.name}: its files disagree in size")
        return cls(folder.name, keys, starts, dense, sentences)

    def rows_of(self, keys: np.ndarray) -> np.ndarray:
        """This segment's rows of the given keys (ascending); keys it does not hold are left out."""
        rows = np.searchsorted(self.keys, keys)
        inside = rows < len(self.keys)
        rows, keys = rows[inside], keys[inside]
        return rows[self.keys[rows] == keys]

    def search(self, query: np.ndarray, k: int, within: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        """(keys, scores) of the ``k`` nearest chunks, only rows in ``within`` when given."""
        rows, scores = self.dense.search(query, k, within=within)
        return self.keys[rows], scores

    def vectors(self, rows: np.ndarray) -> np.ndarray:
        return self.dense.matrix()[rows]

    def sentence_vectors(self, row: int, positions: list[int]) -> np.ndarray:
        first = int(self.starts[row])
        return np.asarray(self.sentences[[first + p for p in positions]], dtype=np.float32)

    def all_sentence_vectors(self) -> np.ndarray:
        return np.asarray(self.sentences, dtype=SENTENCE_DTYPE)
