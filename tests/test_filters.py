"""Filters restrict retrieval to the allowed articles before ranking: outlets, a date range, article ids."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from qa.filters import FilterError, Filters
from qa.schema import Document
from qa.service import QAService

SISAWEEK = "sisaweek-2021-03-15-kakao-skt-partnership"
VIEWERS = "viewers-2021-06-30-naver-kakao-bigtech-alliances"
BOTH_SAY = "카카오와 SKT가 교환한 지분은 얼마야?"  # 3,000억원, in both seed articles


def doc(doc_id: str, outlet: str | None, published: str | None) -> Document:
    return Document(doc_id, doc_id, "본문", "x.txt", outlet=outlet, published=published)


DOCS = [doc("a", "시사위크", "2021-03-15T10:23"), doc("b", "뷰어스", "2021-06-30"), doc("c", "뷰어스", None)]


def test_each_filter_keeps_the_articles_it_names():
    assert Filters(outlet=["뷰어스"]).documents(DOCS) == {"b", "c"}
    assert Filters(published_from=date(2021, 6, 1)).documents(DOCS) == {"b"}  # undated articles are left out
    assert Filters(published_to="2021-03-15").documents(DOCS) == {"a"}  # the day itself counts
    assert Filters(outlet=["뷰어스"], doc_ids=["b", "c"], published_to="2021-12-31").documents(DOCS) == {"b"}
    assert Filters().empty and not Filters(doc_ids=["a"]).empty
    assert Filters(outlet=["뷰어스", "시사위크"]).key == Filters(outlet=["시사위크", "뷰어스"]).key


def test_bad_filters_say_what_is_wrong():
    with pytest.raises(ValidationError, match="늦습니다"):
        Filters(published_from="2021-07-01", published_to="2021-06-01")
    with pytest.raises(ValidationError):
        Filters(publisher=["뷰어스"])  # an unknown key is an error, not ignored
    with pytest.raises(ValidationError):
        Filters(published_from="2021-13-01")
    with pytest.raises(FilterError, match="색인에 없는 언론사입니다: 조선일보.*뷰어스, 시사위크"):
        Filters(outlet=["조선일보"]).documents(DOCS)
    with pytest.raises(FilterError, match="색인에 없는 기사 id"):
        Filters(doc_ids=["nope"]).documents(DOCS)


def test_a_filtered_question_is_answered_from_the_allowed_articles_only(service):
    unfiltered = service.ask(BOTH_SAY)
    for outlet, doc_id in (("뷰어스", VIEWERS), ("시사위크", SISAWEEK)):
        answer = service.ask(BOTH_SAY, filters=Filters(outlet=[outlet]))
        assert answer.answerable and "3,000억원" in answer.short_answer.replace("3000", "3,000")
        assert {c.doc_id for c in answer.citations} == {doc_id}
        assert {p.doc_id for p in answer.passages} == {doc_id}
    assert service.ask(BOTH_SAY) == unfiltered  # the cache files answers by filter too
    for outlet, author in (("시사위크", "송가영"), ("뷰어스", "송인화")):  # "the article" is the one in scope
        assert author in service.ask("기사는 누가 썼어?", filters=Filters(outlet=[outlet])).short_answer
    june = service.ask(BOTH_SAY, filters=Filters(published_from="2021-06-01", published_to="2021-06-30"))
    assert {c.doc_id for c in june.citations} == {VIEWERS}


def test_a_filter_that_leaves_out_the_answer_gets_a_refusal_not_another_articles_answer(service):
    answer = service.ask("카카오 모빌리티는 택시 호출 시장을 얼마나 차지하고 있어?", filters=Filters(doc_ids=[VIEWERS]))
    assert not answer.answerable
    assert all(p.doc_id == VIEWERS for p in answer.passages)
    nothing = service.ask(BOTH_SAY, filters=Filters(published_from="2030-01-01"))
    assert not nothing.answerable and nothing.passages == []


def test_filters_find_the_passage_in_a_large_graph_index(service, tmp_path):
    """Thousands of chunks in an HNSW graph: a narrow filter (one article) and a wide one (an outlet) both return
    only allowed chunks, and the right one first."""
    from benchmarks.replicate import replicate

    settings = service.settings.model_copy(update={"dense_exact_max": 100, "index_dir": tmp_path / "big"})
    big = replicate(service.index, 3_000, settings)
    assert [s.dense.approximate for s in big.segments] == [True] and len(big.chunks) >= 3_000
    large = QAService(settings, embedder=service.embedder, analyzer=service.analyzer)
    large.use_index(big)
    question = "카카오 모빌리티는 택시 호출 시장을 얼마나 차지하고 있어?"
    copy = f"{SISAWEEK}~r137"
    for filters, allowed in ((Filters(doc_ids=[copy]), {copy}),
                             (Filters(outlet=["시사위크"]), {d for d in big.documents if d.startswith(SISAWEEK)})):
        hits = large.search(question, top_k=5, filters=filters)
        assert hits and {h.document.doc_id for h in hits} <= allowed
        assert "점유율 80% 이상" in hits[0].chunk.text
        for mode in ("dense", "lexical"):
            assert {h.document.doc_id for h in large.search(question, 5, mode, filters)} <= allowed
    answer = large.ask(question, filters=Filters(doc_ids=[copy]))
    assert answer.answerable and answer.citations[0].doc_id == copy and "80%" in answer.short_answer


def test_loose_fields_from_the_cli_or_the_page_make_a_filter_or_say_why_not():
    assert Filters.from_fields(outlet=None, published_from="  ", published_to="", doc_ids=[]) is None
    assert Filters.from_fields(outlet=["뷰어스"], published_from=" 2021-06-01 ").published_from == date(2021, 6, 1)
    with pytest.raises(FilterError, match="검색 범위를 읽을 수 없습니다.*늦습니다"):
        Filters.from_fields(published_from="2021-07-01", published_to="2021-06-01")
    with pytest.raises(FilterError, match="검색 범위를 읽을 수 없습니다"):
        Filters.from_fields(published_from="어제")
