"""The search-engine backend (Milvus, its own engine run in-process by milvus-lite): the same answers as the embedded
index, adds, deletes and filters inside the engine, an engine that lost writes repaired, and 503 when it is down."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from qa.api import create_app
from qa.engine import EngineUnavailable, expression
from qa.evaluation import load_questions
from qa.filters import FilterError, Filters
from qa.settings import Settings
from tests.conftest import DATA, PROBE_QUESTIONS, SISAWEEK, VIEWERS

pytest.importorskip("pymilvus")
pytest.importorskip("milvus_lite")

BODY = "제주도 서귀포에서 올해 감귤 수확이 시작됐다. 수확량은 3천 톤으로 지난해보다 늘었다."


@pytest.fixture()
def engine_service(writable_service, tmp_path):
    """A private seed corpus and index, searched through a Milvus collection of its own."""
    return lambda: writable_service(search_url=f"milvus-lite://{tmp_path / 'milvus.db'}")


def test_filters_become_milvus_expressions():
    assert expression(None) == "" and expression(Filters()) == ""
    assert expression(Filters(outlet=["시사위크"], published_from="2021-03-01", published_to="2021-03-31")) == \
        'outlet in ["시사위크"] and published >= 20210301 and published <= 20210331'
    assert expression(Filters(doc_ids=['a"b'])) == 'doc_id in ["a\\"b"]'  # quotes escaped, not closing the string
    assert expression(Filters(published_to="2021-03-31")) == "published >= 1 and published <= 20210331"  # undated out


def test_the_engine_gives_the_embedded_index_s_answers(service, engine_service):
    """Blind seed questions (never tuned on) and probe questions: same top passage, same answer. The engine's BM25
    scores differ from tantivy's in the third decimal (README, Scaling out); no answer here changes."""
    engine = engine_service()
    questions = PROBE_QUESTIONS + [q.question for q in load_questions(DATA / "blind_seed.jsonl")]
    for question in questions:
        ours, theirs = engine.ask(question), service.ask(question)
        assert (ours.answerable, ours.short_answer) == (theirs.answerable, theirs.short_answer), question
        assert engine.search(question)[0].chunk.chunk_id == service.search(question)[0].chunk.chunk_id, question
    held = engine._engine.client.get_collection_stats(engine._engine.collection)["row_count"]
    assert held == engine.index.chunk_total


def test_adds_deletes_and_filters_run_in_the_engine(engine_service):
    engine = engine_service()
    engine.ask("카카오와 SK텔레콤의 지분 교환 규모는?")  # the collection is filled from the index
    added = engine.add_article("감귤 소식", BODY, outlet="제주일보", published="2021-11-02")
    hits = engine.search("서귀포 감귤 수확량은?", filters=Filters(outlet=["제주일보"]))
    assert hits and {h.document.doc_id for h in hits} == {added.doc_id}
    assert "3천 톤" in engine.ask("서귀포 감귤 수확량은?").short_answer
    assert {h.document.doc_id for h in engine.search("지분 교환", filters=Filters(published_to="2021-03-31"))} == \
        {SISAWEEK}
    assert {h.document.doc_id for h in engine.search("지분 교환", filters=Filters(doc_ids=[VIEWERS]))} == {VIEWERS}
    with pytest.raises(FilterError):
        engine.search("지분 교환", filters=Filters(outlet=["없는신문"]))
    engine.remove_article(added.doc_id)
    assert added.doc_id not in {h.document.doc_id for h in engine.search("서귀포 감귤 수확량은?")}
    client = engine._engine.client
    assert not client.query(engine._engine.collection, filter=f'doc_id == "{added.doc_id}"', output_fields=["key"])


def test_an_engine_that_lost_writes_is_repaired_from_the_index(engine_service):
    first = engine_service()
    first.ask("카카오와 SK텔레콤의 지분 교환 규모는?")
    client, collection = first._engine.client, first._engine.collection
    client.delete(collection, filter=f'doc_id == "{SISAWEEK}"')  # as if the engine had lost them
    client.close()
    second = engine_service()  # a restarted server brings the engine back in step with the catalog
    hits = second.search("카카오와 SK텔레콤의 지분 교환 규모는?", filters=Filters(doc_ids=[SISAWEEK]))
    assert hits and {h.document.doc_id for h in hits} == {SISAWEEK}
    rows = second._engine.client.get_collection_stats(second._engine.collection)["row_count"]
    assert rows == second.index.chunk_total


def test_a_rebuild_gets_a_new_collection_and_drops_the_old(engine_service):
    engine = engine_service()
    engine.ask("카카오와 SK텔레콤의 지분 교환 규모는?")
    old = engine._engine.collection
    engine.ensure_index(rebuild=True)  # as `qa index --rebuild` does: the new collection is filled at once
    current = engine._engine.collection
    assert current != old and old not in engine._engine.client.list_collections()
    assert engine._engine.client.get_collection_stats(current)["row_count"] == engine.index.chunk_total
    assert engine.ask("카카오와 SK텔레콤의 지분 교환 규모는?").answerable


def test_an_engine_that_is_down_is_a_503_with_retry_after(writable_service):
    service = writable_service(search_url="milvus://127.0.0.1:9", engine_timeout_s=1.0)  # nothing listens there
    with pytest.raises(EngineUnavailable):
        service.ask("카카오와 SK텔레콤의 지분 교환 규모는?")
    with TestClient(create_app(service, ui=False)) as client:
        response = client.post("/ask", json={"question": "카카오와 SK텔레콤의 지분 교환 규모는?"})
        assert response.status_code == 503 and int(response.headers["Retry-After"]) > 0
        assert "검색 엔진" in response.json()["detail"]
        assert client.get("/health").status_code == 200
    added = service.add_article("감귤 소식", BODY)  # the catalog takes the add; the engine follows once it is back
    assert added.doc_id in service.index.documents


def test_two_servers_sharing_the_engine_hold_each_chunk_once(engine_service):
    """Two services (as two servers would) over one index folder and one collection: each brings the engine in
    step with what it serves, and chunks the other already wrote are not written twice."""
    first, second = engine_service(), engine_service()
    first.ask("카카오와 SK텔레콤의 지분 교환 규모는?")
    second.ask("카카오와 SK텔레콤의 지분 교환 규모는?")
    added = first.add_article("감귤 소식", BODY, outlet="제주일보", published="2021-11-02")  # in the engine at once
    assert first._engine.client.query(first._engine.collection, filter=f'doc_id == "{added.doc_id}"',
                                      output_fields=["key"])
    second.settings.index_refresh_seconds = 0.0  # follow the first's add at the next question
    hits = second.search("서귀포 감귤 수확량은?", filters=Filters(doc_ids=[added.doc_id]))
    assert hits and hits[0].document.doc_id == added.doc_id
    engine = second._engine
    assert engine.client.get_collection_stats(engine.collection)["row_count"] == second.index.chunk_total


@pytest.mark.parametrize("url", ["http://milvus:19530", "milvus-lite:///tmp/no-suffix", "milvus://"])
def test_a_mistyped_engine_address_is_a_configuration_error(url):
    with pytest.raises(ValidationError, match="search_url"):
        Settings(search_url=url)


def test_a_question_on_the_index_before_a_rebuild_is_a_503_not_other_chunks(engine_service):
    """Chunk keys start over in a rebuilt index: a question still holding the old snapshot must not search the new
    collection (its keys would name other chunks), so it gets a 503 and is asked again."""
    engine = engine_service()
    engine.ask("카카오와 SK텔레콤의 지분 교환 규모는?")
    before = engine.index
    engine.ensure_index(rebuild=True)
    with pytest.raises(EngineUnavailable, match="rebuilt"):
        engine.engine_following(before)
    assert engine.engine_following(engine.index).name == engine._engine.collection


def test_a_rebuild_whose_fill_failed_is_filled_at_the_next_question(engine_service, monkeypatch):
    engine = engine_service()
    engine.ask("카카오와 SK텔레콤의 지분 교환 규모는?")
    client = engine._engine.client
    upsert, failures = client.upsert, []

    def failing_once(*args, **kwargs):
        if not failures:
            failures.append(1)
            raise ConnectionError("engine went away")
        return upsert(*args, **kwargs)

    monkeypatch.setattr(client, "upsert", failing_once)
    engine.ensure_index(rebuild=True)  # the new collection stays empty: the write is logged, not lost
    assert failures and client.get_collection_stats(engine._engine.collection)["row_count"] == 0
    assert engine.ask("카카오와 SK텔레콤의 지분 교환 규모는?").answerable
    assert client.get_collection_stats(engine._engine.collection)["row_count"] == engine.index.chunk_total
