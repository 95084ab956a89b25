"""A question naming its source: "뷰어스 기사에서 …" asks 뷰어스's articles, "다른 기사에선 …" the ones not cited last."""

from __future__ import annotations

import pytest

from qa.filters import Filters
from qa.named_scope import named_scope
from qa.query import Query, Turn
from tests.conftest import SISAWEEK

VIEWERS = "viewers-2021-06-30-naver-kakao-bigtech-alliances"
OUTLETS = ("뷰어스", "시사위크")
DOCS = (SISAWEEK, VIEWERS)


@pytest.mark.parametrize("question,asked", [
    ("뷰어스 기사에서 백신 맞은 사람 몇 명이래?", "백신 맞은 사람 몇 명이래?"),
    ("뷰어스 포스트 코로나 기획 기사에서 백신 맞은 사람이 몇 명이라고 했나요?", "백신 맞은 사람이 몇 명이라고 했나요?"),
    ("뷰어스 기사 보면 카카오랑 sk텔레콤 원래 어떤 분야에서 협력했대?", "카카오랑 sk텔레콤 원래 어떤 분야에서 협력했대?"),
    ("그럼 뷰어스 기사에 따르면 펀드 운용은 누가 해?", "그럼 펀드 운용은 누가 해?"),
    ("이 뷰어스 기사에서 백신 맞은 사람 몇 명이래?", "백신 맞은 사람 몇 명이래?"),  # with its determiner
    ("뷰어스 기사에서?", ""),  # nothing asked but the article: the last question is asked of it
])
def test_an_outlets_article_named_as_source_is_a_filter(question, asked):
    scope = named_scope(question, OUTLETS, DOCS)
    assert scope is not None and scope.question == asked and scope.filters == Filters(outlet=["뷰어스"])


@pytest.mark.parametrize("question", [
    "뷰어스는 어디 언론사야?",  # the outlet is what is asked about, not a source
    "시사위크 기사와 뷰어스 기사에서 각각 팬데믹 극복 AI 공개 시점은?",  # each: answered per article
    "두 기사에서 지분교환 규모는 각각 얼마야?",
    "중앙일보 기사에서 백신 맞은 사람 몇 명이래?",  # an outlet the index does not have names no scope
    "시사위크 기사에서는 뷰어스를 언급했어?".replace("시사위크", "한국일보"),  # 뷰어스 is mentioned, not the source
])
def test_no_scope_is_read_where_no_one_source_is_named(question):
    assert named_scope(question, OUTLETS, DOCS) is None


def test_the_longest_outlet_standing_before_the_article_is_the_source():
    outlets = ("한국경제", "한국경제TV", "뷰어스")
    scope = named_scope("한국경제TV 기사에서 매출은?", outlets, DOCS)
    assert scope is not None and scope.filters == Filters(outlet=["한국경제TV"]) and scope.question == "매출은?"
    scope = named_scope("뷰어스 기사에서는 한국경제 얘기도 나와?", outlets, DOCS)
    assert scope is not None and scope.filters == Filters(outlet=["뷰어스"])


def test_an_article_excluded_by_name_is_not_the_one_last_cited():
    """"시사위크 말고 다른 기사에선": which article is excluded is said, so the last citation does not decide it."""
    assert named_scope("시사위크 말고 다른 기사에선 펀드 누가 운용해?", OUTLETS, DOCS, cited=[VIEWERS]) is None


def test_the_other_article_is_every_article_the_last_answer_did_not_cite():
    scope = named_scope("다른 기사에선 ESG 펀드로 뭘 지원한대?", OUTLETS, DOCS, cited=[SISAWEEK])
    assert scope is not None and scope.question == "ESG 펀드로 뭘 지원한대?"
    assert scope.filters == Filters(doc_ids=[VIEWERS])
    assert named_scope("다른 기사에선 ESG 펀드로 뭘 지원한대?", OUTLETS, DOCS) is None  # nothing cited yet


def test_a_question_naming_an_outlets_article_is_answered_from_it(service):
    """Left in, "뷰어스 포스트 코로나 기획 기사" are words no answering sentence holds: the question was refused."""
    answer = service.ask("뷰어스 포스트 코로나 기획 기사에서 백신 맞은 사람이 몇 명이라고 했나요?")
    assert answer.short_answer == "1500만여명" and answer.citations[0].doc_id == VIEWERS
    assert answer.resolved_question == "백신 맞은 사람이 몇 명이라고 했나요?"
    assert service.ask("시사위크 기사에서 카카오와 SKT가 협력 강화 계획을 밝힌 날짜는?").short_answer == "15일"


def test_the_other_article_follows_the_conversation(service):
    first = service.ask("카카오와 SKT는 AI 학습용 데이터를 어떤 형태로 공유한대?")
    assert first.citations[0].doc_id == SISAWEEK
    answer = service.ask(Query("다른 기사에선 공동 펀드는 어디서 운용한대?", (Turn.of_answer(first.question, first),)))
    assert answer.short_answer == "카카오벤처스" and {c.doc_id for c in answer.citations} == {VIEWERS}


@pytest.mark.parametrize("question,expected", [
    ("시사위크 기사에서 누가 썼어?", "송가영"), ("뷰어스 기사에서 누가 썼어?", "송인화"),
    ("뷰어스 기사에서 제목이 뭐야?", "빅테크"),
])
def test_a_question_about_the_named_article_itself_is_answered_from_its_header(service, question, expected):
    answer = service.ask(question)
    assert answer.answerable and expected in answer.answer


def test_the_other_article_alone_asks_the_last_question_again(service):
    first = service.ask("카카오와 SKT는 AI 학습용 데이터를 어떤 형태로 공유한대?")
    history = (Turn.of_answer(first.question, first),)
    again = service.ask(Query("다른 기사에선?", history))
    assert {c.doc_id for c in again.citations} <= {VIEWERS}
    author = service.ask(Query("다른 기사에서는 누가 썼어?", history))
    assert "송인화" in author.answer


def test_the_other_article_stays_the_subject_of_the_next_turn(service):
    """"다른 기사에선 …" then "규모는?": the next turn carries what was asked, not "다른 기사" read anew."""
    first = service.ask("카카오와 SKT는 공동 펀드를 어디서 운용한대?")
    second = service.ask(Query("다른 기사에선 공동 펀드는 어디서 운용한대?", (Turn.of_answer(first.question, first),)))
    history = (Turn.of_answer(first.question, first), Turn.of_answer(second.question, second))
    third = service.understand(Query("규모는?", history))
    assert "다른 기사" not in third.text and third.scoped is None


def test_the_same_outlet_chosen_in_the_filter_still_takes_the_phrase_out(service):
    answer = service.ask(Query("뷰어스 포스트 코로나 기획 기사에서 백신 맞은 사람이 몇 명이라고 했나요?",
                               filters=Filters(outlet=["뷰어스"])))
    assert answer.short_answer == "1500만여명"


def test_a_source_the_reader_filtered_out_is_not_read_back_in(service):
    answer = service.ask(Query("뷰어스 기사에서 백신 맞은 사람 몇 명이래?", filters=Filters(outlet=["시사위크"])))
    assert not answer.answerable  # the reader chose 시사위크: the question's outlet does not override it
