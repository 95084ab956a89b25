"""The HTTP API in-process: every endpoint, the answer contract, writes that persist, and each error case."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from qa.api import create_app
from qa.api_models import EXAMPLE_QUESTION
from qa.segment import Segment
from qa.service import QAService
from tests.conftest import SISAWEEK

ARTICLE = {
    "title": "쿠팡, 대구 풀필먼트센터 가동",
    "body": "쿠팡이 대구 달성군에 축구장 46개 크기의 풀필먼트센터를 열었다. 쿠팡의 대구 풀필먼트센터 투자 규모는 "
    "3200억원이다.\n\n"
    "센터에서는 로봇 1천여 대가 물품을 옮긴다.\n\n김민수 기자 minsu@example.com\n\n"
    "저작권자 ⓒ 예시일보 무단전재 및 재배포 금지",
    "outlet": "예시일보",
    "published": "2022.03.02",
}
NEW_QUESTION = "쿠팡 대구 풀필먼트센터 투자 규모는 얼마야?"
CONTRACT = ["question", "resolved_question", "answerable", "answer", "short_answer", "citations", "passages"]
CITATION = ["ref", "doc_id", "title", "outlet", "published", "chunk_id", "evidence", "start", "end", "score"]
PASSAGE = ["doc_id", "chunk_id", "title", "text", "start", "end", "score"]


@pytest.fixture()
def client(writable_service):
    with TestClient(create_app(writable_service())) as client:
        yield client


def test_post_ask_returns_the_answer_contract_with_checkable_offsets(client):
    response = client.post("/ask", json={"question": "카카오와 SK텔레콤의 지분 교환 규모는?"})
    assert response.status_code == 200
    body = response.json()
    assert list(body) == CONTRACT
    assert body["answerable"] and body["short_answer"].replace(",", "") == "3000억원"
    assert "[1]" in body["answer"]
    citation = body["citations"][0]
    assert list(citation) == CITATION and list(body["passages"][0]) == PASSAGE
    text = client.get(f"/documents/{citation['doc_id']}").json()["text"]
    assert text[citation["start"] : citation["end"]] == citation["evidence"]


def test_get_ask_and_abstention(client):
    response = client.get("/ask", params={"q": "네이버 대표이사 이름이 뭐야?", "top_k": 3})
    assert response.status_code == 200
    body = response.json()
    assert body["answerable"] is False and body["citations"] == [] and body["passages"]
    assert "찾지 못했습니다" in body["answer"]


def test_ask_with_filters_post_and_get(client):
    question = "카카오와 SKT가 교환한 지분은 얼마야?"
    viewers = "viewers-2021-06-30-naver-kakao-bigtech-alliances"
    body = client.post("/ask", json={"question": question, "filters": {"outlet": ["뷰어스"]}}).json()
    assert {c["doc_id"] for c in body["citations"]} == {viewers}
    body = client.post("/ask", json={"question": question, "filters": {"doc_ids": [SISAWEEK]}}).json()
    assert {c["doc_id"] for c in body["citations"]} == {SISAWEEK}
    response = client.get("/ask", params={"q": question, "outlet": "뷰어스", "published_from": "2021-06-01",
                                          "published_to": "2021-06-30"})
    assert response.status_code == 200 and {c["doc_id"] for c in response.json()["citations"]} == {viewers}


@pytest.mark.parametrize("filters, says", [
    ({"outlet": ["조선일보"]}, "색인에 없는 언론사"),
    ({"doc_ids": ["no-such-article"]}, "색인에 없는 기사 id"),
    ({"published_from": "2021-07-01", "published_to": "2021-06-01"}, "늦습니다"),
    ({"publisher": ["뷰어스"]}, "filters"),
    ({"published_from": "어제"}, "published_from"),
    ({"published_from": "0"}, "YYYY-MM-DD"),  # not a Unix time: pydantic alone reads it as 1970-01-01
    ({"published_to": 1622505600}, "YYYY-MM-DD"),
    ("뷰어스", "filters"),
])
def test_bad_filters_are_a_clear_422(client, filters, says):
    response = client.post("/ask", json={"question": "카카오와 SK텔레콤의 지분 교환 규모는?", "filters": filters})
    assert response.status_code == 422 and says in response.json()["detail"]


def test_bad_get_filters_are_a_clear_422(client):
    response = client.get("/ask", params={"q": "지분 교환 규모는?", "published_from": "2021-07-01",
                                          "published_to": "2021-06-01"})
    assert response.status_code == 422 and "늦습니다" in response.json()["detail"]
    response = client.get("/ask", params={"q": "지분 교환 규모는?", "outlet": "조선일보"})
    assert response.status_code == 422 and "조선일보" in response.json()["detail"]
    response = client.get("/ask", params={"q": "🙂", "published_from": "-9.9e-149"})  # found by schemathesis
    assert response.status_code == 422 and "YYYY-MM-DD" in response.json()["detail"]


def test_a_follow_up_is_answered_from_the_history(client):
    first = client.post("/ask", json={"question": "시사위크 기사 누가 썼어?"}).json()
    assert first["short_answer"].startswith("송가영") and first["resolved_question"] is None
    as_text = {"question": "시사위크 기사 누가 썼어?", "answer": first["answer"]}
    body = client.post("/ask", json={"question": "그 기사는 언제 나왔어?", "history": [as_text]}).json()
    assert body["question"] == "그 기사는 언제 나왔어?"
    assert body["resolved_question"] == "시사위크 기사는 언제 나왔어?"
    assert body["short_answer"] == "2021년 3월 15일" and body["citations"][0]["doc_id"] == SISAWEEK
    # The whole answer object is accepted too; a new name replaces the old one ("뷰어스는?").
    history = [{"question": "시사위크 기사 누가 썼어?", "answer": first},
               {"question": "그 기사는 언제 나왔어?", "answer": body}]
    switched = client.post("/ask", json={"question": "뷰어스는?", "history": history}).json()
    assert switched["resolved_question"] == "뷰어스 기사는 언제 나왔어?"
    assert switched["short_answer"] == "2021년 6월 30일"
    # Twenty turns of whole answer objects (passages and all) are within the limit.
    long = client.post("/ask", json={"question": "그 기사는 언제 나왔어?",
                                     "history": [{"question": "시사위크 기사 누가 썼어?", "answer": first}] * 20})
    assert long.status_code == 200 and long.json()["short_answer"] == "2021년 3월 15일"
    # Without the history the same words are not a question about any article.
    alone = client.post("/ask", json={"question": "그 기사는 언제 나왔어?"}).json()
    assert alone["resolved_question"] is None and alone["short_answer"] != "2021년 3월 15일"


def test_a_follow_up_the_articles_do_not_answer_is_refused(client):
    history = [{"question": "카카오와 SK텔레콤의 지분 교환 규모는?", "answer": "3000억원입니다. …"}]
    body = client.post("/ask", json={"question": "그럼 네이버 대표이사는 누구야?", "history": history}).json()
    assert body["answerable"] is False and body["citations"] == []


@pytest.mark.parametrize("history, says", [
    ("카카오와 SK텔레콤의 지분 교환 규모는?", "history"),
    ({"question": "지분 교환 규모는?"}, "history"),
    ([{"question": "지분 교환 규모는?"}] * 50, "history"),
    ([{"question": "규모는?", "answer": "가" * 100_000}] * 10, "history"),
    ([{"question": "규모는?", "answer": {"question": "규모는?", "answerable": True, "answer": "가" * 4_000 + " [1]",
                                        "short_answer": None, "citations": [{"x": "나" * 30_000}], "passages": []}}] * 5,
     "history"),
    ([{"question": "규모는?", "answer": "3000억원입니다.", "extra": 1}], "history"),
    ([{"answer": "3000억원입니다."}], "question"),
    ([{"question": "   ", "answer": "3000억원입니다."}], "비어 있습니다"),
])
def test_bad_history_is_a_clear_422(client, history, says):
    response = client.post("/ask", json={"question": "그건 언제야?", "history": history})
    assert response.status_code == 422 and says in response.json()["detail"]


def test_health_lists_model_and_sizes(client):
    body = client.get("/health").json()
    assert body["status"] == "ready" and body["model"] == "intfloat/multilingual-e5-small"
    assert body["runtime"] == "onnx"  # the default: torch's vectors, faster (tests/test_runtime.py)
    assert body["documents"] == 2 and body["chunks"] > 10 and body["index_built_at"]


def test_documents_and_passages(client):
    docs = client.get("/documents").json()
    assert {d["id"] for d in docs} >= {SISAWEEK}
    sisaweek = next(d for d in docs if d["id"] == SISAWEEK)
    assert sisaweek["outlet"] == "시사위크" and sisaweek["author"] == "송가영" and sisaweek["chunks"] > 3
    detail = client.get(f"/documents/{SISAWEEK}").json()
    assert detail["text"].startswith(detail["title"]) and "무단전재" not in detail["text"]
    passage = client.get(f"/passages/{SISAWEEK}:1").json()
    assert detail["text"][passage["start"] : passage["end"]] == passage["text"]
    for span in passage["sentences"]:
        assert passage["start"] <= span["start"] < span["end"] <= passage["end"]


@pytest.mark.parametrize(
    ("method", "path", "payload", "status", "says"),
    [
        ("post", "/ask", {"question": ""}, 422, "비어"),
        ("post", "/ask", {"question": " \n\t "}, 422, "비어"),
        ("post", "/ask", {"question": "가" * 1001}, 422, "너무 깁니다"),
        ("post", "/ask", {"question": 42}, 422, "question"),
        ("post", "/ask", {"question": "카카오?", "top_k": 0}, 422, "top_k"),
        ("post", "/ask", {"question": "카카오?", "top_k": "다섯"}, 422, "top_k"),
        ("post", "/ask", {"question": "카카오?", "top_k": True}, 422, "top_k"),  # found by schemathesis
        ("post", "/ask", {"question": "카카오?", "extra": 1}, 422, "extra"),
        ("post", "/ask", {}, 422, "question"),
        ("get", "/ask?q=", None, 422, "비어"),
        ("get", "/ask", None, 422, "q"),
        ("get", "/documents/no-such-doc", None, 404, "no-such-doc"),
        ("get", "/passages/no-such-doc:3", None, 404, "no-such-doc:3"),
        ("delete", "/documents/no-such-doc", None, 404, "no-such-doc"),
        ("post", "/documents", {"title": "제목", "body": "   "}, 422, "body"),
        ("post", "/documents", {"title": "", "body": "본문이다."}, 422, "title"),
        ("post", "/documents", {"body": "본문이다."}, 422, "title"),
        ("post", "/documents", {"title": "제목", "body": "본문이다.", "published": "어제쯤"}, 422, "published"),
        ("post", "/documents", {"title": "제목", "body": "본문이다.", "id": "../../etc/passwd"}, 422, "id"),
        ("post", "/documents", {"title": "제목", "body": ["본문"]}, 422, "body"),
        ("post", "/documents", {"title": "제목", "body": "\u0301" * 10_000}, 422, "한글, 영문, 숫자"),  # accents only
        ("post", "/documents", {"title": "제목", "body": "🙂 " * 300}, 422, "한글, 영문, 숫자"),
        # Control characters a restart would read as a binary file (and skip): refused now, not lost later.
        ("post", "/documents", {"title": "제목", "body": "본문\x85\x86\x87\x88"}, 422, "제어 문자"),
    ],
)
def test_bad_requests_get_a_clear_4xx(client, method, path, payload, status, says):
    before = client.get("/documents").json()
    response = getattr(client, method)(path, **({"json": payload} if payload is not None else {}))
    assert response.status_code == status, response.text
    assert says in response.json()["detail"]
    assert client.get("/documents").json() == before  # nothing written


def test_malformed_json_and_unknown_content_type(client):
    response = client.post("/ask", content=b'{"question": ', headers={"content-type": "application/json"})
    assert response.status_code == 422
    response = client.post("/documents", content=b"{", headers={"content-type": "application/json"})
    assert response.status_code == 422
    response = client.post("/documents", content="제목\n본문".encode(), headers={"content-type": "text/plain"})
    assert response.status_code == 415 and "multipart" in response.json()["detail"]


def test_added_article_is_answerable_at_once_and_after_a_restart(writable_service):
    service = writable_service()
    with TestClient(create_app(service)) as client:
        assert not client.get("/ask", params={"q": NEW_QUESTION}).json()["answerable"]
        response = client.post("/documents", json=ARTICLE)
        assert response.status_code == 201, response.text
        added = response.json()
        assert added["title"] == ARTICLE["title"] and added["outlet"] == "예시일보"
        assert added["published"] == "2022-03-02" and added["author"] == "김민수" and added["chunks"] >= 2
        answer = client.post("/ask", json={"question": NEW_QUESTION}).json()
        assert answer["answerable"] and answer["citations"][0]["doc_id"] == added["id"]
        assert "3200억원" in answer["answer"]
        assert client.get("/health").json()["documents"] == 3

        duplicate = client.post("/documents", json={**ARTICLE, "title": "다른 제목"})
        assert duplicate.status_code == 409 and duplicate.json()["doc_id"] == added["id"]
        assert client.get("/health").json()["documents"] == 3

    restarted = QAService(service.settings, embedder=service.embedder, analyzer=service.analyzer)
    report = restarted.ensure_index()
    assert not report.rebuilt and report.documents == 3  # the saved index matches the corpus folder
    answer = restarted.ask(NEW_QUESTION)
    assert answer.answerable and answer.citations[0].doc_id == added["id"]


def test_delete_removes_the_article_keeps_it_in_trash_and_survives_a_restart(writable_service):
    service = writable_service()
    with TestClient(create_app(service)) as client:
        added = client.post("/documents", json=ARTICLE).json()
        response = client.delete(f"/documents/{added['id']}")
        assert response.status_code == 200 and response.json()["id"] == added["id"]
        assert client.get(f"/documents/{added['id']}").status_code == 404
        assert client.get(f"/passages/{added['id']}:1").status_code == 404
        assert not client.post("/ask", json={"question": NEW_QUESTION}).json()["answerable"]
        assert client.delete(f"/documents/{SISAWEEK}").status_code == 200
        assert [d["id"] for d in client.get("/documents").json()] == [
            "viewers-2021-06-30-naver-kakao-bigtech-alliances"
        ]
    corpus = service.settings.corpus_dir
    assert not list((corpus / "added").glob("*.jsonl"))
    assert len(list((corpus / ".trash").iterdir())) == 2
    restarted = QAService(service.settings, embedder=service.embedder, analyzer=service.analyzer)
    report = restarted.ensure_index()
    assert not report.rebuilt and report.documents == 1


def test_uploads_txt_and_markdown(client):
    text = "제주 감귤 첫 수확\n\n제주도 서귀포에서 올해 첫 감귤 수확이 시작됐다. 농가는 풍년을 기대한다.\n\n박지민 기자"
    response = client.post("/documents", files={"file": ("gamgyul.txt", text.encode("utf-8"), "text/plain")})
    assert response.status_code == 201, response.text
    assert response.json()["title"] == "제주 감귤 첫 수확" and response.json()["author"] == "박지민"
    answer = client.get("/ask", params={"q": "감귤 수확은 어디서 시작됐어?"}).json()
    assert answer["answerable"] and "서귀포" in answer["answer"]

    markdown = "---\ntitle: 부산 불꽃축제 개최\noutlet: 예시신문\npublished: 2023-11-04\n---\n\n부산 광안리에서 불꽃축제가 열렸다. 관람객은 100만 명으로 집계됐다.\n"
    response = client.post("/documents", files={"file": ("fireworks.md", markdown.encode("utf-8"))})
    assert response.status_code == 201, response.text
    assert response.json()["outlet"] == "예시신문" and response.json()["published"] == "2023-11-04"
    answer = client.get("/ask", params={"q": "불꽃축제 관람객은 몇 명이야?"}).json()
    assert answer["answerable"] and "100만 명" in answer["answer"]


@pytest.mark.parametrize(
    ("files", "status", "says"),
    [
        ({"file": ("euc.txt", "제목\n\n한국어 본문이다.".encode("cp949"))}, 422, "UTF-8"),
        ({"file": ("bin.txt", bytes(range(256)) * 4)}, 422, "UTF-8"),
        ({"file": ("empty.txt", b"")}, 422, "empty"),
        ({"file": ("photo.png", b"\x89PNG\r\n")}, 422, ".txt"),
        ({"file": ("feed.jsonl", b'{"body": "a"}')}, 422, ".txt"),
        ({"other": ("a.txt", "본문이다.".encode())}, 422, "file"),
    ],
)
def test_bad_uploads_are_refused(client, files, status, says):
    before = client.get("/documents").json()
    response = client.post("/documents", files=files)
    assert response.status_code == status, response.text
    assert says in response.json()["detail"]
    assert client.get("/documents").json() == before


def test_oversized_requests_get_413_before_anything_is_written(writable_service):
    service = writable_service(max_request_bytes=10_000, max_document_bytes=5_000)
    with TestClient(create_app(service)) as client:
        big = {"title": "큰 기사", "body": "가나다라마바사. " * 2_000}
        assert client.post("/documents", json=big).status_code == 413
        upload = client.post("/documents", files={"file": ("big.txt", ("본문이다. " * 2_000).encode())})
        assert upload.status_code == 413
        medium = {"title": "중간 기사", "body": "가나다라. " * 500}  # under the request limit, over the document limit
        response = client.post("/documents", json=medium)
        assert response.status_code == 422 and "너무 큽니다" in response.json()["detail"]
        assert client.get("/health").json()["documents"] == 2
    assert not (service.settings.corpus_dir / "added").exists()


def test_api_key_guards_writes_only(writable_service):
    service = writable_service(api_key="s3cret-키")
    with TestClient(create_app(service)) as client:
        assert client.post("/documents", json=ARTICLE).status_code == 401
        assert client.post("/documents", json=ARTICLE, headers={"X-API-Key": "wrong"}).status_code == 401
        assert client.delete(f"/documents/{SISAWEEK}").status_code == 401
        assert client.get("/ask", params={"q": "카카오와 SKT가 교환한 지분은?"}).status_code == 200
        key = {"X-API-Key": "s3cret-키".encode("utf-8")}  # raw UTF-8 bytes, as curl would send them
        assert client.post("/documents", json=ARTICLE, headers=key).status_code == 201


def test_a_failed_add_writes_nothing(writable_service, monkeypatch):
    service = writable_service()
    with TestClient(create_app(service), raise_server_exceptions=False) as client:
        before = client.get("/documents").json()

        def disk_full(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(Segment, "write", disk_full)  # the new segment cannot be written
        response = client.post("/documents", json=ARTICLE)
        assert response.status_code == 500 and "Traceback" not in response.text
        assert json.loads(response.text)["detail"]
        assert client.get("/documents").json() == before
    assert not list((service.settings.corpus_dir / "added").glob("*.jsonl"))
    monkeypatch.undo()
    restarted = QAService(service.settings, embedder=service.embedder, analyzer=service.analyzer)
    assert not restarted.ensure_index().rebuilt


def test_openapi_documents_every_endpoint_with_korean_examples(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    assert {"/ask", "/health", "/documents", "/documents/{doc_id}", "/passages/{chunk_id}"} <= set(paths)
    assert {"get", "post"} <= set(paths["/ask"]) and {"get", "post"} <= set(paths["/documents"])
    assert "delete" in paths["/documents/{doc_id}"]
    text = json.dumps(spec, ensure_ascii=False)
    assert EXAMPLE_QUESTION in text and "풀필먼트센터" in text
    ask_examples = paths["/ask"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    examples = spec["components"]["schemas"][ask_examples["$ref"].rsplit("/", 1)[1]]["examples"]
    follow_up = next(e for e in examples if e.get("history"))  # a Korean multi-turn example
    assert follow_up["question"] == "그건 언제 했어?" and "지분" in follow_up["history"][0]["question"]
    answer = client.post("/ask", json=follow_up).json()  # the example works as shown
    assert answer["resolved_question"] and "2019년" in answer["short_answer"]
    assert set(paths["/documents"]["post"]["requestBody"]["content"]) == {"application/json", "multipart/form-data"}
