"""Abstention: one calibrated probability decides, and questions the articles do not answer are refused."""

from __future__ import annotations

import pytest

from qa import abstention
from qa.question import analyse


@pytest.mark.parametrize(
    "question",
    [
        "이순신 장군이 태어난 해는?",  # nothing in the corpus is about it
        "2022 카타르 월드컵 우승국은 어디야?",
        "카카오의 작년 영업이익은 얼마야?",  # on topic, but no article states it
        "쿠팡 대표이사는 누구야?",
    ],
)
def test_questions_the_articles_do_not_answer_are_refused(service, question):
    r, answer = service.read_and_answer(question)
    assert not answer.answerable, answer.answer
    assert r.confidence < service.weights.min_confidence
    assert answer.citations == [] and answer.passages  # related passages, marked as not support


def test_answerable_questions_are_confident(service):
    r, answer = service.read_and_answer("카카오와 SK텔레콤이 맞바꾼 지분은 얼마 규모였어?")
    assert answer.answerable and r.confidence >= service.weights.min_confidence


def test_features_name_what_the_question_lacks(service, analyzer):
    question = analyse("카카오의 작년 홍보비는 얼마야?", analyzer)
    question.unknown_nouns = ["홍보비"]
    features = abstention.features(question, None, None)
    assert features["unknown_any"] == 1.0 and features["no_evidence"] == 1.0 and features["type_amount"] == 1.0
