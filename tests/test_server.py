"""The API over real HTTP: uvicorn on a free loopback port, parallel readers during writes, and `qa serve`."""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor

import httpx

from qa.api import create_app
from qa.index import CorpusIndex
from qa.settings import Settings
from tests.conftest import CORPUS
from tests.http_server import qa_serve, running
from tests.test_api import ARTICLE, NEW_QUESTION

KNOWN_QUESTION = "카카오와 SKT가 교환한 지분 규모는?"


def test_every_endpoint_over_http(writable_service):
    with running(create_app(writable_service())) as base, httpx.Client(base_url=base, timeout=30) as http:
        assert http.get("/health").json()["status"] == "ready"
        answer = http.get("/ask", params={"q": KNOWN_QUESTION}).json()
        assert answer["answerable"] and answer["short_answer"].replace(",", "") == "3000억원"
        assert http.post("/ask", json={"question": "   "}).status_code == 422
        docs = http.get("/documents").json()
        assert len(docs) == 2
        detail = http.get(f"/documents/{docs[0]['id']}").json()
        passage = http.get(f"/passages/{docs[0]['id']}:1").json()
        assert detail["text"][passage["start"] : passage["end"]] == passage["text"]
        added = http.post("/documents", json=ARTICLE)
        assert added.status_code == 201
        assert http.get("/ask", params={"q": NEW_QUESTION}).json()["answerable"]
        assert http.delete(f"/documents/{added.json()['id']}").status_code == 200
        assert http.get(f"/documents/{added.json()['id']}").status_code == 404


def test_readers_keep_answering_while_articles_are_added(writable_service):
    """Parallel asks during writes all succeed, and each sees either the old or the new index, never a mix."""
    with running(create_app(writable_service())) as base, httpx.Client(base_url=base, timeout=60) as http:

        def ask(_: int) -> tuple[int, bool]:
            response = http.post("/ask", json={"question": KNOWN_QUESTION})
            return response.status_code, response.json().get("answerable", False)

        def add(n: int) -> int:
            article = {**ARTICLE, "title": f"{ARTICLE['title']} {n}", "body": f"{ARTICLE['body']}\n\n후속 보도 {n}번."}
            return http.post("/documents", json=article).status_code

        with ThreadPoolExecutor(max_workers=8) as pool:
            asks = [pool.submit(ask, i) for i in range(24)]
            adds = [pool.submit(add, n) for n in range(3)]
            results = [f.result() for f in asks]
            assert [f.result() for f in adds] == [201, 201, 201]
        assert all(status == 200 and answerable for status, answerable in results)
        assert http.get("/health").json()["documents"] == 5
        assert len(http.get("/documents").json()) == 5


def test_qa_serve_starts_the_api_from_the_command_line(tmp_path):
    """What `make serve` runs: `qa serve` builds or loads the index and answers on the chosen port."""
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    with qa_serve(corpus, tmp_path / "index") as (base, process):
        assert httpx.get(base + "/health").json()["documents"] == 2
        answer = httpx.get(base + "/ask", params={"q": "카카오 모빌리티는 택시 호출 시장을 얼마나 차지하고 있어?"}).json()
        assert answer["answerable"] and answer["short_answer"] == "80% 이상" and answer["citations"]
        assert "<html" in httpx.get(base + "/").text.lower()  # the chat page on the same port
        process.terminate()
        assert process.wait(timeout=20) in (0, -15)  # shut down on SIGTERM (uvicorn re-raises it when done)
    assert CorpusIndex.read_manifest(tmp_path / "index").documents == 2


def test_default_bind_is_loopback(monkeypatch):
    monkeypatch.delenv("QA_HOST", raising=False)
    assert Settings().host == "127.0.0.1"
