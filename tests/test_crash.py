"""Crash safety: a process killed (SIGKILL) at any step of an index write leaves a complete, loadable index,
and no article is lost once the API said it was added."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys

import httpx
import pytest

from qa.index import CorpusIndex
from qa.service import QAService
from tests.conftest import CORPUS
from tests.http_server import qa_serve
from tests.test_api import ARTICLE, NEW_QUESTION

EXTRA_ARTICLE = "제주 감귤 첫 수확\n\n제주도 서귀포에서 올해 첫 감귤 수확이 시작됐다. 농가는 풍년을 기대한다.\n"


@pytest.fixture()
def workspace(tmp_path, service):
    """A corpus copy with a current index of its two articles."""
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(CORPUS, corpus)
    shutil.copytree(service.settings.index_dir, index)
    return corpus, index, service


def _load(index, service) -> CorpusIndex:
    loaded = CorpusIndex.load(index, service.settings)  # raises if anything is incomplete or damaged
    manifest = CorpusIndex.read_manifest(index)
    assert len(loaded.documents) == manifest.documents and len(loaded.chunks) == manifest.chunks
    assert loaded.lexical.size == len(loaded.chunks)
    return loaded


@pytest.mark.parametrize(
    "point", ["index-save:generation-written", "index-save:before-switch", "index-save:after-switch"]
)
def test_qa_index_killed_while_saving_leaves_a_complete_index(workspace, point):
    corpus, index, service = workspace
    (corpus / "gamgyul.txt").write_text(EXTRA_ARTICLE, encoding="utf-8")  # makes the index stale: a rebuild
    command = [sys.executable, "-m", "qa.cli", "index", "--corpus", str(corpus), "--index", str(index)]
    result = subprocess.run(command, env={**os.environ, "QA_FAILPOINT": point}, capture_output=True, timeout=300)
    assert result.returncode == -signal.SIGKILL
    loaded = _load(index, service)
    assert len(loaded.documents) == (3 if point == "index-save:after-switch" else 2)  # the new one or the old one
    settings = service.settings.model_copy(update={"corpus_dir": corpus, "index_dir": index})
    recovered = QAService(settings, embedder=service.embedder, analyzer=service.analyzer)
    assert recovered.ensure_index().documents == 3
    assert not [p for p in index.iterdir() if p.name.startswith(".staging-")]  # left-overs cleaned up


@pytest.mark.parametrize(
    "point", ["add:corpus-written", "add:segment-written", "add:catalog-committed", "add:index-saved"]
)
def test_server_killed_during_an_add_loses_nothing_and_duplicates_nothing(workspace, point):
    corpus, index, service = workspace
    with qa_serve(corpus, index, env={"QA_FAILPOINT": point}) as (base, process):
        with pytest.raises(httpx.TransportError):  # the server dies mid-request
            httpx.post(base + "/documents", json=ARTICLE, timeout=60)
        assert process.wait(timeout=20) == -signal.SIGKILL
    _load(index, service)
    with qa_serve(corpus, index) as (base, _):
        documents = httpx.get(base + "/documents").json()
        # The article reached the corpus before the crash at every point here, so it is kept, exactly once.
        assert len(documents) == 3 and len({d["id"] for d in documents}) == 3
        assert httpx.get(base + "/ask", params={"q": NEW_QUESTION}).json()["answerable"]
        again = httpx.post(base + "/documents", json=ARTICLE)
        assert again.status_code == 409


def test_acknowledged_adds_and_deletes_survive_a_kill(workspace):
    corpus, index, service = workspace
    with qa_serve(corpus, index) as (base, process):
        ids = []
        for n in range(3):
            article = {**ARTICLE, "title": f"{ARTICLE['title']} {n}", "body": f"{ARTICLE['body']}\n\n후속 {n}번."}
            response = httpx.post(base + "/documents", json=article, timeout=60)
            assert response.status_code == 201
            ids.append(response.json()["id"])
        assert httpx.delete(f"{base}/documents/{ids[0]}", timeout=60).status_code == 200
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=20)
    assert set(ids[1:]) <= set(_load(index, service).documents)
    with qa_serve(corpus, index) as (base, _):
        present = {d["id"] for d in httpx.get(base + "/documents").json()}
        assert set(ids[1:]) <= present and ids[0] not in present and len(present) == 4
