"""The span reader with the fitted weights: the phrase of an evidence sentence that fills the asked slot."""

from __future__ import annotations

import pytest

from qa.question import analyse
from qa.reader import PhraseReader
from qa.weights import Weights


@pytest.fixture(scope="module")
def reader(analyzer):
    return PhraseReader(analyzer, Weights.load().span)


@pytest.mark.parametrize(
    "question,sentence,answer",
    [
        ("그 공장은 언제 문을 열었어?", "그 공장은 지난해 10월 경기도 군포에서 문을 열었다.", "지난해 10월"),
        ("회사의 직원은 몇 명이야?", "이 회사는 직원 1,200명에 연 매출 3,000억원을 올렸다.", "1,200명"),
        ("매출은 얼마야?", "이 회사는 직원 1,200명에 연 매출 3,000억원을 올렸다.", "3,000억원"),
        ("대통령은 누구를 특별사면했는가?", "대통령은 2009년 12월 29일 이건희 전 회장을 단독으로 특별사면했다.", "이건희"),
        ("새 박물관을 설계한 건축가는?", "새 박물관은 건축가 이서진이 설계했으며 2004년 문을 열었다.", "이서진"),
        ("두 회사가 함께 출범시킨 서비스의 이름은?", "SKT는 우버와 손잡고 ‘우티’라는 합작 서비스를 출범시켰다.", "우티"),
    ],
)
def test_the_span_that_fills_the_asked_slot_ranks_first(reader, analyzer, question, sentence, answer):
    spans = reader.read(analyse(question, analyzer), sentence)
    assert spans[0].text == answer, [(s.text, round(s.probability, 2)) for s in spans[:3]]
    assert sentence[spans[0].start : spans[0].end] == answer


def test_spans_that_repeat_the_question_rank_low(reader, analyzer):
    question = analyse("한빛제철이 설립된 해는?", analyzer)
    spans = reader.read(question, "한빛제철은 1968년 포항에서 설립되었다.")
    assert spans[0].text == "1968년"
    assert next(s for s in spans if s.text == "한빛제철").probability < 0.1
