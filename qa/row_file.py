"""A saved 2-D ``.npy`` matrix read row by row with ``pread``, never mapped into the process.

Sentence vectors are the index's largest file, and a question reads only its retrieved chunks' rows. Memory-mapped,
every row ever read stays resident in the server (about 280 MB after a load test at 100k chunks); read with
``pread``, the operating system caches the pages and the process holds only what one question needs.
"""

from __future__ import annotations

import os
import weakref
from collections.abc import Sequence
from pathlib import Path

import numpy as np


class RowFile:
    """Rows of a C-ordered ``.npy`` matrix, read on demand. The file stays open for the object's life, so an index
    whose generation folder a writer has since removed still reads its own rows."""

    def __init__(self, path: Path) -> None:
        with path.open("rb") as handle:
            version = np.lib.format.read_magic(handle)
            read_header = {(1, 0): np.lib.format.read_array_header_1_0, (2, 0): np.lib.format.read_array_header_2_0}
            if version not in read_header:
                raise ValueError(f"{path.name}: unsupported .npy format version {version}")
            shape, fortran_order, dtype = read_header[version](handle)
            self.offset = handle.tell()
        if fortran_order or len(shape) != 2:
            raise ValueError(f"{path.name}: expected a C-ordered 2-D matrix, found shape {shape}")
        self.shape: tuple[int, int] = shape
        self.dtype = np.dtype(dtype)
        self.row_bytes = shape[1] * self.dtype.itemsize
        expected = self.offset + shape[0] * self.row_bytes
        if path.stat().st_size != expected:
            raise ValueError(f"{path.name}: {path.stat().st_size} bytes, expected {expected}")
        self._fd = os.open(path, os.O_RDONLY)
        weakref.finalize(self, os.close, self._fd)

    def __len__(self) -> int:
        return self.shape[0]

    def _read(self, start: int, count: int) -> np.ndarray:
        data = os.pread(self._fd, count * self.row_bytes, self.offset + start * self.row_bytes)
        return np.frombuffer(data, dtype=self.dtype).reshape(count, self.shape[1])

    def __getitem__(self, rows: Sequence[int] | np.ndarray) -> np.ndarray:
        """The given rows, in order; consecutive rows (a chunk's sentences) are read in one call."""
        rows = np.asarray(rows, dtype=np.int64).reshape(-1)
        if rows.size and (rows.min() < 0 or rows.max() >= self.shape[0]):
            raise IndexError(f"row out of range 0..{self.shape[0] - 1}")
        out = np.empty((rows.size, self.shape[1]), dtype=self.dtype)
        breaks = np.flatnonzero(np.diff(rows) != 1) + 1
        for run in np.split(np.arange(rows.size), breaks) if rows.size else ():
            out[run] = self._read(int(rows[run[0]]), run.size)
        return out

    def __array__(self, dtype=None, copy=None) -> np.ndarray:
        """The whole matrix (an add or a delete rewrites it)."""
        whole = self._read(0, self.shape[0]).copy()
        return whole if dtype is None else whole.astype(dtype, copy=False)
