"""Indexing on a local Ray with 2 workers: the same index as one process, a killed worker retried, a failed run
leaving the previous index serving."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from qa.index import CorpusIndex
from qa.ray_indexing import RayIndexingError, _read_and_clean
from qa.service import QAService
from qa.settings import Settings
from tests.conftest import CORPUS, PROBE_QUESTIONS, WIKINEWS

pytest.importorskip("ray")

WIKINEWS_SAMPLE = 40  # articles, spread over the corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seed articles plus a sample of wikinews-ko (when the shared corpora are there)."""
    folder = tmp_path_factory.mktemp("ray-corpus")
    for path in CORPUS.iterdir():
        shutil.copy2(path, folder / path.name)
    if WIKINEWS.is_dir():
        files = sorted(WIKINEWS.iterdir())
        for path in files[:: max(1, len(files) // WIKINEWS_SAMPLE)][:WIKINEWS_SAMPLE]:
            shutil.copy2(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def single(corpus, tmp_path_factory, service) -> QAService:
    """The same corpus indexed in this process, the reference."""
    svc = QAService(Settings(corpus_dir=corpus, index_dir=tmp_path_factory.mktemp("single-index")),
                    embedder=service.embedder, analyzer=service.analyzer)
    svc.ensure_index()
    return svc


def _on_ray(corpus: Path, index: Path, service: QAService, **overrides) -> QAService:
    settings = Settings(**{"corpus_dir": corpus, "index_dir": index, "ray_address": "local", "ray_workers": 2,
                           "ray_batch_documents": 1, **overrides})  # batches put back in order
    return QAService(settings, embedder=service.embedder, analyzer=service.analyzer)


def _assert_same_index(ours: CorpusIndex, reference: CorpusIndex) -> None:
    assert sorted(ours.documents) == sorted(reference.documents)
    assert [d.to_dict() for d in sorted(ours.documents.values(), key=lambda d: d.doc_id)] == \
        [d.to_dict() for d in sorted(reference.documents.values(), key=lambda d: d.doc_id)]
    by_id = {c.chunk_id: k for k, c in zip(reference.live_keys.tolist(), reference.chunks)}
    keys = ours.live_keys.tolist()
    assert sorted(c.chunk_id for c in ours.chunks) == sorted(by_id)
    reference_keys = [by_id[c.chunk_id] for c in ours.chunks]
    for key, other in zip(keys, reference_keys):
        assert ours.record(key)[0] == reference.record(other)[0]  # text, offsets, sentences
        assert ours.terms(key) == reference.terms(other)
    np.testing.assert_allclose(ours.vectors_of(keys), reference.vectors_of(reference_keys), atol=1e-5)
    sentences = [(key, p) for key in keys for p in range(len(ours.chunk_of(key).sentences))]
    reference_sentences = [(other, p) for other in reference_keys for p in range(len(reference.chunk_of(other).sentences))]
    np.testing.assert_allclose(ours.sentence_vectors_of(sentences), reference.sentence_vectors_of(reference_sentences),
                               atol=2e-3)  # stored in float16


def _results(svc: QAService) -> list[list[str]]:
    titles = [d.title for d in sorted(svc.index.documents.values(), key=lambda d: d.doc_id)][:: 5]
    return [[h.chunk.chunk_id for h in svc.search(q, top_k=5)] for q in PROBE_QUESTIONS + titles]


def test_ray_builds_the_same_index_as_one_process(corpus, single, service, tmp_path, monkeypatch):
    monkeypatch.setenv("RAY_ADDRESS", "127.0.0.1:1")  # a cluster named in the environment: "local" still means here
    on_ray = _on_ray(corpus, tmp_path / "index", service)
    report = on_ray.ensure_index()
    assert report.rebuilt and report.documents == len(single.index.documents) >= 2
    _assert_same_index(on_ray.index, single.index)
    assert _results(on_ray) == _results(single)
    answer = on_ray.ask("카카오와 SK텔레콤이 교환한 지분 규모는?")
    assert answer.answerable and "3000억" in answer.short_answer.replace(",", "")
    # Reopened in a plain process (no Ray), the index is current for its corpus: nothing is rebuilt.
    assert not QAService(Settings(corpus_dir=corpus, index_dir=tmp_path / "index"),
                         embedder=service.embedder, analyzer=service.analyzer).ensure_index().rebuilt


def test_a_worker_killed_mid_batch_is_restarted_and_its_batch_retried(corpus, single, service, tmp_path,
                                                                       monkeypatch):
    marker = tmp_path / "killed-once"
    monkeypatch.setenv("QA_FAILPOINT", "ray-indexing:encode")
    monkeypatch.setenv("QA_FAILPOINT_ONCE", str(marker))  # Ray's local workers inherit the environment
    on_ray = _on_ray(corpus, tmp_path / "index", service)
    on_ray.ensure_index()
    assert marker.exists(), "the failpoint never fired: the retry was not exercised"
    _assert_same_index(on_ray.index, single.index)


def test_a_run_that_fails_leaves_the_previous_index_serving(corpus, single, service, tmp_path):
    index = tmp_path / "index"
    shutil.copytree(single.settings.index_dir, index)
    before = CorpusIndex.current_generation(index)
    command = [sys.executable, "-m", "qa.cli", "index", "--corpus", str(corpus), "--index", str(index),
               "--ray", "--workers", "2", "--rebuild"]
    env = {**os.environ, "QA_FAILPOINT": "ray-indexing:encode", "QA_RAY_RETRIES": "1"}  # every try is killed
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 1, result.stderr
    assert "previous index is unchanged" in result.stderr
    assert CorpusIndex.current_generation(index) == before
    served = QAService(Settings(corpus_dir=corpus, index_dir=index), embedder=service.embedder,
                       analyzer=service.analyzer)
    assert not served.ensure_index().rebuilt
    assert "3000억" in served.ask("카카오와 SK텔레콤이 교환한 지분 규모는?").short_answer.replace(",", "")


def test_an_unreachable_cluster_is_a_clear_error(corpus, service, tmp_path):
    on_ray = _on_ray(corpus, tmp_path / "index", service, ray_address="ray://127.0.0.1:1")
    with pytest.raises(RayIndexingError, match="cannot start or reach Ray"):
        on_ray.ensure_index()
    assert CorpusIndex.current_generation(tmp_path / "index") is None


class _SlowToStart:
    """A Ray whose first local start misses its deadline, as a busy machine's sometimes does."""

    def __init__(self, failures: int) -> None:
        self.failures, self.inits, self.shutdowns = failures, 0, 0

    def init(self, **kwargs) -> None:
        self.inits += 1
        if self.inits <= self.failures:
            raise Exception("The current node timed out during startup.")

    def shutdown(self) -> None:
        self.shutdowns += 1


@pytest.mark.parametrize("address,failures,starts", [("local", 1, True), ("local", 2, False),
                                                     ("ray://127.0.0.1:1", 1, False)])
def test_a_local_start_that_times_out_is_tried_again(monkeypatch, address, failures, starts):
    from qa import ray_indexing

    fake = _SlowToStart(failures)
    monkeypatch.setattr(ray_indexing, "_ray", lambda: fake)
    settings = Settings(ray_address=address)
    if starts:
        with ray_indexing.connected(settings) as ray:
            assert ray is fake
        assert fake.inits == 2
    else:
        with pytest.raises(RayIndexingError, match="cannot start or reach Ray"):
            with ray_indexing.connected(settings):
                pass
        assert fake.inits == (2 if address == "local" else 1)


def test_a_file_a_node_cannot_read_fails_its_task(corpus):
    """Skipped, it would switch in an index without those articles; failed, the run stops and the old index stays."""
    with pytest.raises(FileNotFoundError, match="shared file system"):
        _read_and_clean(str(corpus), [str(corpus / "gone.txt")])
