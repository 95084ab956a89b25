"""Durable, atomic file writes: what is on disk after a crash is the old version or the new one, never half.

The pattern is write to a temporary name, fsync, rename over the target, fsync the folder. Failpoints let the
crash tests kill the process between any two of these steps.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

FAILPOINT_ENV = "QA_FAILPOINT"
FAILPOINT_ONCE_ENV = "QA_FAILPOINT_ONCE"  # a marker file: the point fires only in the process that creates it


def failpoint(name: str) -> None:
    """Crash here (SIGKILL, no clean-up) when ``QA_FAILPOINT`` names this point; used by the crash tests only.

    With ``QA_FAILPOINT_ONCE`` it fires once across processes (a restarted worker then gets through)."""
    if os.environ.get(FAILPOINT_ENV) != name:
        return
    if marker := os.environ.get(FAILPOINT_ONCE_ENV):
        try:
            os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return
    os.kill(os.getpid(), signal.SIGKILL)


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_tree(folder: Path) -> None:
    """Flush every file and folder under ``folder`` to disk (before it is published by a rename)."""
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_file():
            with path.open("rb") as handle:
                os.fsync(handle.fileno())
        else:
            fsync_dir(path)
    fsync_dir(folder)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so a reader (or a crash) sees the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def replace_folder(folder: Path, make: Callable[[Path], object]) -> None:
    """Build a folder in a staging twin beside it, then swap it in with one rename: readers see the old folder or
    the new one, never half of one (a reader holding old files open keeps them until it closes them)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        make(staging)
        for path in staging.iterdir():  # temporary files and mkdtemp's folder are private; a shared cache is not
            if path.is_file():
                path.chmod(0o644)
        staging.chmod(0o755)
        if folder.exists():
            shutil.rmtree(folder)
        staging.rename(folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


@contextmanager
def exclusive(path: Path, wait: bool = True) -> Iterator[bool]:
    """Hold an exclusive lock on ``path`` (created if missing) across processes, waiting for another holder; with
    ``wait=False`` yield False at once instead when another holds it.

    ``flock`` locks belong to an open file, so the lock is not re-entrant: take it once per write, at the top.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)  # releases the lock
