"""Quotations: what someone said, as the article quotes it."""

from __future__ import annotations

import pytest

from qa.speech import Speaker, names_speaker, quotation, speaker


@pytest.mark.parametrize("sentence, said", [
    ("김 대표는 “협력이 매우 뜻깊다”며 “앞으로 더 넓히겠다”고 말했다.", "협력이 매우 뜻깊다"),
    ('이 장관은 "규제를 풀겠다"고 밝혔다.', "규제를 풀겠다"),
    # A name in quotes is no speech, nor is a sentence quoting no one.
    ("SKT는 ‘우티’를 출범시켰다.", None),
    ("점유율 1위는 “멜론”이었다.", None),
    ("“게임 체인저”라는 평가가 나왔다.", None),
    ('그는 "AI"가 핵심이라며 "내년에 두 배로 늘리겠다"고 했다.', "내년에 두 배로 늘리겠다"),  # quotes not crossed
    ("두 회사는 지분을 교환했다.", None),
])
def test_the_first_quotation_of_a_sentence(sentence, said):
    found = quotation(sentence)
    assert (sentence[found[0] : found[1]] if found else None) == said


@pytest.mark.parametrize("question, names, titles", [
    ("SKT 대표는 이번 협력에 대해 뭐라고 했어?", {"skt"}, {"대표"}),
    ("여민수 카카오 공동대표는 협력에 대해 뭐라고 했어?", {"여민수", "카카오"}, {"대표"}),  # Kiwi: 공동 + 대표
])
def test_whose_words_a_question_asks(analyzer, question, names, titles):
    assert speaker(question, analyzer.morphemes(question)) == Speaker(frozenset(names), frozenset(titles))


@pytest.mark.parametrize("question", [
    "대표는 뭐라고 했어?",  # no one named
    "체스보드에서 알렉산더는 열을 무엇이라고 불렀는가?",  # what something is called, not what was said
    "이 기사 제목이 뭐야?",  # no saying cue
    "네이버가 한빛을 파트너로 고른 속내는 뭐라고 분석돼?",  # the topic is 속내; 네이버 is a clause's subject
    "대성은 공장 증설을 두고 뭐라고 밝혔어?",  # a company, no person by a title
])
def test_questions_asking_no_ones_words(analyzer, question):
    assert speaker(question, analyzer.morphemes(question)) is None


@pytest.mark.parametrize("sentence, who, gives", [
    ("김철수 한빛제철 대표는 “새 공장은 지역 경제에 큰 도움이 될 것”이라고 말했다.", ({"한빛제철"}, {"대표"}), True),
    ("김철수 한빛제철 대표는 “새 공장은 지역 경제에 큰 도움이 될 것”이라고 말했다.", ({"대성"}, {"대표"}), False),
    ("한빛제철과 대성은 “함께 공장을 짓겠다”고 밝혔다.", ({"대성"}, {"대표"}), False),  # the company, not its 대표
    ("대성은 올해 포항에 공장을 짓겠다고 밝혔다.", ({"대성"}, set()), True),  # reported speech: before the verb
    ("대성과 한빛은 올해 포항에 공장을 지었다.", ({"대성"}, set()), False),  # mentioned, saying nothing
    ("SK텔레콤(이하 SKT) 대표는 “협력을 넓히겠다”고 말했다.", ({"skt"}, {"대표"}), True),  # the article's short name
])
def test_whose_words_a_sentence_gives(analyzer, sentence, who, gives):
    names, titles = who
    found = names_speaker(sentence, analyzer.morphemes(sentence), Speaker(frozenset(names), frozenset(titles)), sentence)
    assert found is gives


def test_of_two_quotations_the_one_holding_the_questions_words():
    sentence = "여민수 대표는 “두 기업이 자산을 나눈다는 점이 의미 깊다”며 “ICT 기술로 산업 발전에 기여하겠다”고 말했다."
    start, end = quotation(sentence, frozenset({"여민수", "기술"}))
    assert sentence[start:end] == "ICT 기술로 산업 발전에 기여하겠다"
    start, end = quotation(sentence)
    assert sentence[start:end].startswith("두 기업이")  # no words to go by: the first
