"""Hostile input: fuzzed files and articles, path traversal, HTML in data, and logs that keep article bodies out."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from qa.api import create_app
from qa.chunking import chunk_document
from qa.ingest import ingest_raw
from qa.reading import Problem, read_bytes
from qa.service import ArticleError

CONTROL = st.characters(codec="utf-8", categories=["Cc", "Cf", "Zl", "Zp", "Zs"])
KOREAN = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
TEXT = st.text(st.one_of(KOREAN, CONTROL, st.characters(codec="utf-8")), max_size=3000)
MIXED_ENCODINGS = st.lists(
    st.tuples(st.text(st.one_of(KOREAN, st.characters(codec="utf-8")), max_size=200),
              st.sampled_from(["utf-8", "cp949", "utf-16"])),
    max_size=4,
).map(lambda parts: b"".join(text.encode(enc, errors="ignore") for text, enc in parts))


def _check_documents(data: bytes, suffix: str, analyzer) -> None:
    result = ingest_raw(list(read_bytes(data, f"fuzz{suffix}", suffix)))
    for doc in result.documents:
        assert 0 < doc.body_start <= len(doc.text) and doc.title
        for chunk in chunk_document(doc, analyzer, 320, 1):
            assert doc.text[chunk.start : chunk.end] == chunk.text
            for span in chunk.sentences:
                assert chunk.start <= span.start <= span.end <= chunk.end
    assert all(isinstance(p, Problem) and p.reason for p in result.problems)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=4000), TEXT.map(lambda t: t.encode("utf-8")), MIXED_ENCODINGS),
       suffix=st.sampled_from([".txt", ".md", ".jsonl"]))
def test_ingestion_never_crashes_on_any_bytes(analyzer, data, suffix):
    """Random bytes, control characters, mixed encodings: an article with exact offsets, or a named Problem."""
    _check_documents(data, suffix, analyzer)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.one_of(st.just(""), st.text(max_size=50)), body=TEXT)
def test_jsonl_records_with_odd_titles_and_bodies(analyzer, title, body):
    import json

    line = json.dumps({"title": title, "body": body}, ensure_ascii=False)
    _check_documents(line.encode("utf-8"), ".jsonl", analyzer)


@pytest.mark.parametrize(
    "text",
    [
        "긴 줄 " + "가나다라마바사아자차카타파하" * 20_000,  # one 280,000-character line, no sentence end
        ("한국어 문장이 계속 이어진다. " * 40 + "\n") * 500,  # about 450,000 characters of prose
        "\x00\x01\x02 제목\n\n본문이다.",
        "\u202e\u200b\ufeff제목\u2028\n\n본문\u0085이다.",
    ],
)
def test_huge_and_strange_documents(analyzer, text):
    _check_documents(text.encode("utf-8"), ".txt", analyzer)


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(title=st.text(max_size=80), body=TEXT)
def test_added_articles_are_refused_cleanly_or_stored_exactly(writable_service, title, body):
    assume(title.strip())
    service = writable_service()
    try:
        doc = service.add_article(title, body)
    except ArticleError as exc:
        assert str(exc)
        return
    stored = service.document(doc.doc_id)
    for chunk in service.index.chunks:
        if chunk.doc_id == doc.doc_id:
            assert stored.text[chunk.start : chunk.end] == chunk.text


@pytest.fixture()
def client(writable_service):
    service = writable_service()
    with TestClient(create_app(service, ui=False)) as client:
        client.service = service
        yield client


@pytest.mark.parametrize(
    "path",
    ["/documents/..%2F..%2Fetc%2Fpasswd", "/documents/%2e%2e", "/passages/..%2Fmanifest.json:0",
     "/documents/sisaweek-2021-03-15-kakao-skt-partnership%00"],
)
def test_path_traversal_in_ids_finds_nothing(client, path):
    assert client.get(path).status_code == 404
    if path.startswith("/documents/"):
        assert client.delete(path).status_code == 404
    assert len(client.get("/documents").json()) == 2


def test_upload_names_cannot_escape_the_corpus(client):
    corpus, index = client.service.settings.corpus_dir, client.service.settings.index_dir
    before = {p for p in corpus.parent.rglob("*")}
    for name in ("../../evil.txt", "/etc/cron.d/evil.md", "..\\..\\evil.txt"):
        body = f"제목 {name}\n\n업로드 파일 이름으로 경로를 벗어나려는 시도다. {name}".encode()
        assert client.post("/documents", files={"file": (name, body)}).status_code == 201
    created = {p for p in corpus.parent.rglob("*")} - before
    assert created and all(p.is_relative_to(corpus / "added") or p.is_relative_to(index) for p in created)
    assert not list(corpus.parent.parent.glob("evil*")) and not Path("/etc/cron.d/evil.md").exists()


def test_html_in_articles_is_returned_as_data(client):
    script = "<script>alert('x')</script>"
    added = client.post("/documents", json={"title": f"스크립트 {script}", "body": f"감귤 수확량은 42만톤이다. {script}"})
    assert added.status_code == 201 and added.json()["title"] == f"스크립트 {script}"
    response = client.get("/ask", params={"q": "감귤 수확량은 얼마야?"})
    assert response.headers["content-type"].startswith("application/json")
    assert script in response.json()["answer"]  # data, unchanged: escaping is the page's job


def test_logs_keep_article_bodies_and_secrets_out(writable_service, caplog):
    secret_body = "본문비밀표지문장이다. 이 문장은 로그에 나오면 안 된다."
    service = writable_service(api_key="top-secret-key")
    with caplog.at_level(logging.DEBUG), TestClient(create_app(service, ui=False)) as client:
        headers = {"X-API-Key": "top-secret-key"}
        doc = client.post("/documents", json={"title": "로그 시험", "body": secret_body}, headers=headers).json()
        client.post("/documents", json={"title": "로그 시험", "body": secret_body}, headers=headers)  # duplicate
        client.post("/documents", json={"title": "로그", "body": secret_body, "published": "x"}, headers=headers)
        client.post("/documents", json={"title": "로그", "body": secret_body}, headers={"X-API-Key": "wrong"})
        client.delete(f"/documents/{doc['id']}", headers=headers)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "본문비밀표지문장" not in logged and "top-secret-key" not in logged
    assert doc["id"] in logged  # the events are logged, by id
