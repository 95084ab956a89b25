"""Load against a real server on loopback: 200 concurrent asks mixed with adds and deletes, then overload."""

from __future__ import annotations

import asyncio
import time

import httpx

from qa.api import create_app
from qa.service import QAService
from tests.conftest import SISAWEEK, VIEWERS
from tests.http_server import running

ASKS = 200
ADDS = 10
SEED_QUESTIONS = ["카카오와 SKT가 교환한 지분 규모는?", "네이버와 CJ대한통운의 풀필먼트 센터는 어디야?",
                  "네이버 대표이사 이름이 뭐야?", "카카오 공동대표는 누구야?"]


def article(n: int) -> dict:
    return {"title": f"가상 물류센터 {n}호 개장", "published": "2024-05-0" + str(n % 9 + 1),
            "body": f"가상물류는 부산에 물류센터 {n}호를 열었다. 물류센터 {n}호의 투자 규모는 {n + 1}00억원이다.\n\n김가상 기자"}


async def _run(base: str) -> tuple[list[httpx.Response], dict[int, str], list[int]]:
    async with httpx.AsyncClient(base_url=base, timeout=300, limits=httpx.Limits(max_connections=300)) as http:

        async def ask(i: int) -> httpx.Response:
            question = SEED_QUESTIONS[i % 4] if i % 2 else f"가상 물류센터 {i % ADDS}호의 투자 규모는 얼마야?"
            return await http.post("/ask", json={"question": question})

        async def add_then_maybe_delete(n: int) -> tuple[int, str, int]:
            await asyncio.sleep(n * 0.2)
            added = await http.post("/documents", json=article(n))
            assert added.status_code == 201, added.text
            doc_id = added.json()["id"]
            status = (await http.delete(f"/documents/{doc_id}")).status_code if n % 2 else 0
            return n, doc_id, status

        results = await asyncio.gather(*[ask(i) for i in range(ASKS)], *[add_then_maybe_delete(n) for n in range(ADDS)])
    answers = results[:ASKS]
    writes = results[ASKS:]
    assert all(status in (0, 200) for _, _, status in writes)
    return answers, {n: doc_id for n, doc_id, _ in writes}, [n for n, _, status in writes if status == 200]


def test_200_concurrent_asks_during_adds_and_deletes(writable_service):
    service = writable_service()
    with running(create_app(service, ui=False)) as base:
        started = time.monotonic()
        answers, ids, deleted = asyncio.run(_run(base))
        elapsed = time.monotonic() - started
        http = httpx.Client(base_url=base, timeout=60)
        final = {d["id"] for d in http.get("/documents").json()}
        kept = {ids[n] for n in range(ADDS) if n not in deleted}
        assert final == {SISAWEEK, VIEWERS} | kept  # nothing lost, nothing duplicated, deletes took
        for n in deleted:  # a deleted article is never cited again
            cited = http.get("/ask", params={"q": f"가상 물류센터 {n}호의 투자 규모는 얼마야?"}).json()["citations"]
            assert ids[n] not in {c["doc_id"] for c in cited}
        answer = http.get("/ask", params={"q": "가상 물류센터 2호의 투자 규모는 얼마야?"}).json()
        assert answer["answerable"] and "300억원" in answer["answer"]

    assert [r.status_code for r in answers] == [200] * ASKS
    texts = {doc_id: http_text for doc_id, http_text in _texts(service, final).items()}
    for response in answers:
        for citation in response.json()["citations"]:
            assert citation["doc_id"] in {SISAWEEK, VIEWERS} | set(ids.values())
            if citation["doc_id"] in texts:  # every cited sentence is exactly where it says it is
                assert texts[citation["doc_id"]][citation["start"] : citation["end"]] == citation["evidence"]
    restarted = QAService(service.settings, embedder=service.embedder, analyzer=service.analyzer)
    report = restarted.ensure_index()
    assert not report.rebuilt and set(restarted.index.documents) == final
    print(f"\n{ASKS} asks + {ADDS} adds + {len(deleted)} deletes in {elapsed:.1f}s, 0 errors")


def _texts(service, ids: set[str]) -> dict[str, str]:
    return {doc_id: service.document(doc_id).text for doc_id in ids}


def test_overload_degrades_with_503_not_a_hang(writable_service):
    service = writable_service(max_in_flight=1, max_queued=3, queue_timeout_s=1.0)
    with running(create_app(service, ui=False)) as base:

        async def flood() -> list[httpx.Response]:
            async with httpx.AsyncClient(base_url=base, timeout=60) as http:
                asks = [http.post("/ask", json={"question": f"카카오와 SKT 협력 {i}번째 질문"}) for i in range(40)]
                health = http.get("/health")
                return await asyncio.gather(health, *asks)

        started = time.monotonic()
        health, *responses = asyncio.run(flood())
        elapsed = time.monotonic() - started
    statuses = [r.status_code for r in responses]
    assert health.status_code == 200  # health is never queued behind the work
    assert set(statuses) == {200, 503} and statuses.count(503) >= 20
    busy = next(r for r in responses if r.status_code == 503)
    assert busy.headers["retry-after"] == "1" and "바쁩니다" in busy.json()["detail"]
    assert elapsed < 120  # a hang guard, not a speed target: a stuck queue would wait for the 60 s client timeout
