"""Indexing on Ray: reading, cleaning, Kiwi analysis and embedding run in batches on a cluster's workers.

Embedding is the wall (one core encodes a few dozen chunks a second), so it is what spreads. The driver only puts
the batches back in corpus order and writes the index as ``qa index`` does in one process: the same chunks and
terms, vectors equal to float rounding, switched in whole, so a run that fails or is stopped leaves the previous
index serving. A worker that dies mid-batch is restarted and its batch retried (``Settings.ray_retries``).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tqdm import tqdm

from qa.durable import failpoint
from qa.embedder import Embedder
from qa.encoding import Encoded, encode_documents
from qa.index import CorpusIndex
from qa.ingest import IngestResult, clean_raw, collect, read_files, reported
from qa.korean import KoreanAnalyzer
from qa.reading import Problem, corpus_files
from qa.schema import Document
from qa.settings import Settings

log = logging.getLogger(__name__)

LOCAL = "local"  # ``ray_address`` that starts a Ray instance on this machine for the run
LOCAL_START_ATTEMPTS = 2  # a local Ray on a busy machine may miss its own start-up deadline once
READ_BATCH_FILES = 64  # corpus files per reading task: reading and cleaning are cheap next to encoding


class RayIndexingError(RuntimeError):
    """Ray is missing, unreachable, or a batch failed on every retry; the previous index is untouched."""


def _ray():
    try:
        import ray
    except ImportError as exc:
        raise RayIndexingError("indexing on Ray needs the ray package: pip install 'qa-news[ray]'") from exc
    return ray


@contextmanager
def connected(settings: Settings) -> Iterator[object]:
    """Ray for one run: a local instance with ``ray_workers`` cores, or the cluster at ``ray_address``."""
    ray = _ray()
    local = settings.ray_address in (None, "", LOCAL)
    attempts = LOCAL_START_ATTEMPTS if local else 1  # an unreachable cluster stays unreachable: no retry
    for attempt in range(1, attempts + 1):
        try:  # "local" always starts a new instance, even on a node of a running cluster or with RAY_ADDRESS set
            ray.init(address=LOCAL if local else settings.ray_address,
                     num_cpus=settings.ray_workers if local else None,
                     include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False)
            break
        except Exception as exc:  # Ray raises ConnectionError, ValueError or its own errors for a bad address
            ray.shutdown()  # what did start of a failed local instance
            if attempt == attempts:
                raise RayIndexingError(f"cannot start or reach Ray at {settings.ray_address}: {exc}") from exc
            log.warning("a local Ray did not start (%s); starting it again", exc)
    try:
        yield ray
    finally:
        ray.shutdown()


def _read_and_clean(folder: str, paths: list[str]) -> list[tuple[Document | Problem, str]]:
    """One reading task: some corpus files' articles, cleaned, each with its source. A file the driver listed but
    this node cannot open fails the task: skipping it would switch in an index missing those articles."""
    for path in paths:
        if not os.access(path, os.R_OK):
            raise FileNotFoundError(f"{path}: not readable on this Ray node (the corpus must be on a shared file "
                                    "system, at the same path on every node)")
    raws = read_files(Path(folder), [Path(p) for p in paths])
    return [(clean_raw(raw), raw.source) for raw in raws]


class _Encoder:
    """One worker: Kiwi and the model loaded once, then batch after batch of articles."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.analyzer = KoreanAnalyzer()
        self.embedder = Embedder(settings)

    def dim(self) -> int:
        return self.embedder.dim

    def encode(self, documents: list[Document]) -> Encoded:
        failpoint("ray-indexing:encode")
        return encode_documents(documents, self.settings, self.analyzer, self.embedder, progress=False)


def ingest_on_ray(ray, folder: Path, settings: Settings) -> IngestResult:
    """The corpus read and cleaned in tasks; duplicates and id clashes are settled here, in corpus order."""
    paths = [str(p) for p in corpus_files(folder)]
    task = ray.remote(num_cpus=1, max_retries=settings.ray_retries)(_read_and_clean)
    batches = [task.remote(str(folder), paths[i : i + READ_BATCH_FILES])
               for i in range(0, len(paths), READ_BATCH_FILES)]
    cleaned = [pair for batch in ray.get(batches) for pair in batch]
    return reported(collect([doc for doc, _ in cleaned], [source for _, source in cleaned]))


class EncoderPool:
    """``ray_workers`` workers, each with Kiwi and the model loaded once; batches go to whichever is free."""

    def __init__(self, ray, settings: Settings) -> None:
        worker_settings = settings.model_copy(update={"embed_threads": settings.embed_threads or 1})
        actor = ray.remote(num_cpus=1, max_restarts=settings.ray_retries,
                           max_task_retries=settings.ray_retries)(_Encoder)
        self.workers = [actor.remote(worker_settings) for _ in range(settings.ray_workers)]
        try:  # every model loaded; workers wait for free CPUs, so a cluster too small for them would wait forever
            dims = ray.get([worker.dim.remote() for worker in self.workers], timeout=settings.ray_start_timeout_s)
        except ray.exceptions.GetTimeoutError as exc:
            cpus = ray.cluster_resources().get("CPU", 0)
            raise RayIndexingError(f"{settings.ray_workers} Ray workers did not start within "
                                   f"{settings.ray_start_timeout_s:g} s (the cluster has {cpus:g} CPUs; each worker "
                                   "takes one): start fewer with --workers") from exc
        self.dim = dims[0]
        self.batch_documents = max(1, settings.ray_batch_documents)

    def encode(self, documents: list[Document], progress: bool = False) -> Encoded:
        """Documents chunked, analysed and embedded; rows in the order of ``documents``."""
        from ray.util import ActorPool

        size = self.batch_documents
        batches = [documents[i : i + size] for i in range(0, len(documents), size)]
        parts = []
        with tqdm(total=len(documents), unit="doc", desc="embedding on Ray", disable=not progress) as bar:
            for batch, part in zip(batches, ActorPool(self.workers).map(lambda w, b: w.encode.remote(b), batches)):
                parts.append(part)
                bar.update(len(batch))
        return Encoded.joined(parts, self.dim)


def build_on_ray(settings: Settings, corpus_fingerprint: str, progress: bool = False
                 ) -> tuple[IngestResult, CorpusIndex]:
    """The corpus indexed on Ray and written as a new generation of ``settings.index_dir``."""
    ray = _ray()
    try:
        with connected(settings):
            ingested = ingest_on_ray(ray, settings.corpus_dir, settings)
            pool = EncoderPool(ray, settings)
            encoded = pool.encode(ingested.documents, progress)
    except ray.exceptions.RayError as exc:
        raise RayIndexingError(f"indexing on Ray failed, the previous index is unchanged: {exc}") from exc
    index = CorpusIndex.create(settings.index_dir, {d.doc_id: d for d in ingested.documents}, encoded, settings,
                               pool.dim, corpus_fingerprint)
    return ingested, index
