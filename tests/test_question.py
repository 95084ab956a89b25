"""Question analysis: what each Korean question asks for."""

from __future__ import annotations

import pytest

from qa.question import AnswerType, analyse, classify


@pytest.mark.parametrize(
    "question,expected",
    [
        ("카카오와 SKT가 교환한 지분 규모는?", AnswerType.AMOUNT),
        ("카카오 택시 점유률이 얼마나 돼?", AnswerType.AMOUNT),
        ("용인 풀필먼트 센터의 면적은?", AnswerType.AMOUNT),
        ("AI R&D 협의체는 언제 만들어졌어?", AnswerType.DATE),
        ("몇 년에 지분을 교환했어?", AnswerType.DATE),
        ("카카오 공동대표는 누구야?", AnswerType.PERSON),
        ("네이버 대표이사 이름이 뭐야?", AnswerType.PERSON),
        ("네이버랑 카카오는 누구랑 동맹을 맺었어?", AnswerType.ORG),
        ("네이버 풀필먼트 센터는 어디에 있어?", AnswerType.PLACE),
        ("네이버가 CJ대한통운과 손잡은 이유는?", AnswerType.REASON),
        ("왜 협력을 강화했어?", AnswerType.REASON),
        ("SKT가 우버와 출범시킨 서비스 이름은?", AnswerType.THING),
        ("네이버는 자체 물류센터를 갖고 있어?", AnswerType.YESNO),
        ("시사위크 기사를 쓴 기자는 누구야?", AnswerType.AUTHOR),
        ("왕좌의 게임 기사는 어느 언론사 기사야?", AnswerType.OUTLET),
        ("카카오-SKT 협력 기사는 언제 승인됐어?", AnswerType.PUBLISHED),
        ("뷰어스 기사 제목이 뭐야?", AnswerType.TITLE),
    ],
)
def test_answer_types(question, expected):
    assert classify(question)[0] == expected


def test_list_questions():
    assert classify("멜론이랑 지니, 플로 점유율 각각 알려줘")[1]
    assert classify("글로벌 빅테크로 어떤 회사들이 언급됐어?")[1]
    assert not classify("멜론 점유율은 몇 퍼센트야?")[1]


def test_key_terms_drop_question_words(analyzer):
    q = analyse("카카오랑 SKT가 지분 바꾼 게 얼마짜리야?", analyzer)
    assert {"카카오", "skt", "지분"} <= set(q.key_terms)
    assert "얼마" not in q.key_terms


@pytest.mark.parametrize(
    ("question", "focus"),
    [
        ("쿠팡 대구 풀필먼트센터 투자 규모는 얼마야?", ["투자", "규모"]),
        ("T맵 택시 출시 시기는 언제야?", ["출시", "시기"]),
        ("오바마는 언제 대통령에 당선됐어?", []),  # a bare question word names no attribute
        ("카카오모빌리티 대표는 누구야?", []),  # people are not focused: the role is everywhere
    ],
)
def test_focus_terms_name_the_asked_attribute(analyzer, question, focus):
    assert analyse(question, analyzer).focus_terms == focus
