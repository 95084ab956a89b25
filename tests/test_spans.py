"""Typed answer spans come straight out of the article's sentence."""

from __future__ import annotations

from qa import spans
from qa.question import AnswerType


def texts(sentence, found):
    return [sentence[a:b] for a, b in found]


def test_amounts():
    s = "지난 2019년 3,000억원 규모의 지분을 교환했고 점유율 80% 이상, 1500만여명이 맞았다."
    assert texts(s, spans.amounts(s)) == ["3,000억원", "80% 이상", "1500만여명"]


def test_dates():
    s = "지난해 12월 협의체를 세웠고 올해 상반기 공개하며 2021년 6월 30일 승인됐다."
    assert texts(s, spans.dates(s)) == ["지난해 12월", "올해 상반기", "2021년 6월 30일"]


def test_persons_need_a_proper_noun(analyzer):
    s = "여민수 카카오 공동대표는 의미가 깊다고 말했다."
    assert texts(s, spans.persons(s, analyzer.morphemes(s))) == ["여민수 카카오 공동대표"]
    s = "온라인에서 군림하던 국내 대표 IT기업 네이버"
    assert spans.persons(s, analyzer.morphemes(s)) == []


def test_quoted_names_and_places(analyzer):
    s = "SKT는 미국의 ‘우버’와 손잡고 ‘우티’를 출범시켰다."
    assert texts(s, spans.quoted(s)) == ["우버", "우티"]
    s = "네이버는 경기도 군포 e풀필먼트 센터를 시작하고 8월 용인에 콜드체인을 놓는다."
    found = texts(s, spans.find(AnswerType.PLACE, s, analyzer.morphemes(s)))
    assert "경기도 군포" in found and "용인" in found


def test_enumerations_of_bulleted_and_comma_lists():
    sentence = "카카오와 SKT는 △AI △환경‧사회‧지배구조(ESG) △지식재산권(특허) 등의 분야에서 상호 협력한다."
    assert [sentence[a:b] for a, b in spans.enumerations(sentence)] == ["△AI △환경‧사회‧지배구조(ESG) △지식재산권(특허)"]
    sentence = "두 회사는 ESG, AI까지 협력 분야를 넓혔다."
    assert [sentence[a:b] for a, b in spans.enumerations(sentence)] == ["ESG, AI"]
    assert spans.enumerations("카카오는 오늘 새 서비스를 내놨다.") == []
