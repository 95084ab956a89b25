"""Runtimes: ONNX Runtime gives torch's vectors and answers, never imports torch, and never mixes with torch."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from qa import cli
from qa.embedder import Embedder
from qa.encoding import encode_documents as _encode_documents
from qa.index import IndexLoadError
from qa.model_store import ModelProvisionError
from qa.onnx_export import ensure_export, export_folder, read_info
from qa.service import QAService
from qa.settings import Settings
from tests.conftest import PROBE_QUESTIONS, ROOT

QUESTIONS = PROBE_QUESTIONS


@pytest.fixture(scope="module")
def torch_embedder(seed_settings) -> Embedder:
    return Embedder(seed_settings.model_copy(update={"runtime": "torch"}))


def _encoded(service: QAService, embedder: Embedder):
    documents = list(service.index.documents.values())
    return _encode_documents(documents, service.settings, service.analyzer, embedder, progress=False)


def _cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    a, b = a.astype(np.float32), b.astype(np.float32)
    return (a * b).sum(axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))


def test_onnx_vectors_equal_torch_vectors(service, torch_embedder):
    """Passage, evidence-sentence and question vectors of the default runtime match torch's on the seed corpus."""
    assert service.embedder.runtime.name == "onnx"
    onnx, torch = _encoded(service, service.embedder), _encoded(service, torch_embedder)
    assert len(onnx.vectors) > 10
    assert _cosines(onnx.vectors, torch.vectors).min() > 0.9999
    assert _cosines(onnx.sentence_vectors, torch.sentence_vectors).min() > 0.999  # stored as float16
    questions = np.stack([service.embedder.encode_query(q) for q in QUESTIONS])
    assert _cosines(questions, np.stack([torch_embedder.encode_query(q) for q in QUESTIONS])).min() > 0.9999


def test_onnx_answers_equal_torch_answers(service, torch_embedder):
    torch_service = QAService(service.settings.model_copy(update={"runtime": "torch"}), embedder=torch_embedder,
                              analyzer=service.analyzer)
    torch_service.use_index(service.index)
    for question in QUESTIONS:
        ours, theirs = service.ask(question), torch_service.ask(question)
        assert [h.chunk.chunk_id for h in service.search(question)] == \
               [h.chunk.chunk_id for h in torch_service.search(question)], question
        assert (ours.answerable, ours.short_answer) == (theirs.answerable, theirs.short_answer), question
    assert not service.ask(QUESTIONS[-1]).answerable  # the seed articles say nothing about it


def test_int8_is_close_to_torch_and_records_its_parity(service, torch_embedder):
    int8 = Embedder(service.settings.model_copy(update={"runtime": "onnx-int8"}))
    assert int8.runtime.name == "onnx-int8"
    cosines = _cosines(_encoded(service, int8).vectors, _encoded(service, torch_embedder).vectors)
    assert cosines.mean() > 0.99 and cosines.min() > 0.97
    folder = export_folder(torch_embedder_path(service), service.settings.cache_dir, quantized=True)
    assert read_info(folder)["cosine_to_torch"]["mean"] > 0.99


def torch_embedder_path(service: QAService) -> str:
    from qa.model_store import resolve_model_path

    return resolve_model_path(service.settings.model, service.settings.cache_dir)


def test_an_index_is_never_served_by_another_runtime(writable_service, capsys):
    """An index built on onnx, asked for with --runtime torch, is rebuilt (with a message), not mixed."""
    onnx_service = writable_service()
    settings = onnx_service.settings
    with pytest.raises(ValueError, match="onnx"):
        QAService(settings.model_copy(update={"runtime": "torch"}), embedder=onnx_service.embedder)
    code = cli.main(["index", "--corpus", str(settings.corpus_dir), "--index", str(settings.index_dir),
                     "--runtime", "torch"])
    out, err = capsys.readouterr()
    assert code == 0 and "새로 만들었습니다" in out
    assert "onnx 실행 방식으로 만든 색인을 torch 실행 방식으로 다시 만들었습니다" in err
    report = onnx_service.ensure_index()  # and back: the onnx service rebuilds it for itself
    assert report.rebuilt and report.replaced_runtime == "torch"
    assert onnx_service.index.manifest.signature["runtime"] == "onnx"
    shutil.rmtree(settings.corpus_dir)  # nothing to rebuild from: refused with the way out, never served mixed
    with pytest.raises(IndexLoadError, match="QA_RUNTIME=onnx"):
        QAService(settings.model_copy(update={"runtime": "torch"})).ensure_index()
    assert not QAService(settings, embedder=onnx_service.embedder).ensure_index().rebuilt


def test_the_export_is_cached_and_a_broken_model_gets_a_clear_error(service, tmp_path, monkeypatch):
    model = torch_embedder_path(service)
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: pytest.fail("exported again"))
    assert ensure_export(model, service.settings.cache_dir) == export_folder(model, service.settings.cache_dir)
    monkeypatch.undo()
    broken = tmp_path / "broken-model"
    broken.mkdir()
    (broken / "config.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelProvisionError, match="QA_RUNTIME=torch"):
        ensure_export(str(broken), tmp_path / "cache")


def test_a_server_on_onnx_never_imports_torch(writable_service):
    """The serving process answers on the seed index with onnxruntime and tokenizers alone."""
    settings = writable_service().settings
    script = textwrap.dedent(f"""
        import sys
        from fastapi.testclient import TestClient
        from qa.api import create_app
        from qa.service import QAService
        from qa.settings import Settings
        service = QAService(Settings(corpus_dir={str(settings.corpus_dir)!r}, index_dir={str(settings.index_dir)!r}))
        assert not service.ensure_index().rebuilt
        with TestClient(create_app(service)) as client:
            assert client.get("/health").json()["runtime"] == "onnx"
            answer = client.post("/ask", json={{"question": {QUESTIONS[2]!r}}}).json()
        print(answer["short_answer"], sorted(m for m in ("torch", "transformers", "sentence_transformers") if m in sys.modules))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "80% 이상 []"
