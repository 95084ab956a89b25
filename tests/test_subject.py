"""Whose answer: a value read from a clause about another name than the question's is no answer to it."""

from __future__ import annotations

import pytest

from qa.subject import about_another, asks_owned, asks_whose, owner, paired

PAIRED = "조사기관 추산에 따르면 대성모빌리티는 국내 택시 호출 시장에서 점유율 80% 이상을 기록하고 있다."
VALUES = "지니가 23.1%, 플로가 16.23%를 기록하며 뒤를 이었다."


@pytest.mark.parametrize("asked,sentence,answer,another", [
    ({"한빛택시"}, PAIRED, "80%", True),  # the figure is 대성모빌리티's
    ({"대성모빌리티"}, PAIRED, "80%", False),
    ({"대성"}, PAIRED, "80%", False),  # inside a longer name: given the benefit of the doubt
    ({"플로"}, VALUES, "16.23%", False),
    ({"플로"}, VALUES, "23.1%", True),  # 지니's, in the clause before
    ({"한빛택시"}, "그는 점유율 80%를 기록했다.", "80%", False),  # no name is the clause's topic
    (set(), PAIRED, "80%", False),  # the question names no one
    # A comma in a list of names ends no clause; a thing described is no name; "이를" names it earlier.
    ({"대성"}, "지난해 12월 한빛은 대성, 삼성전자와 함께 협의체를 세웠다.", "지난해 12월", False),
    ({"한빛"}, "AI 기술 개발은 전 영역에서 올해부터 투자를 진행한다.", "올해", False),
    ({"esg"}, "카카오와 SK텔레콤은 이를 통해 혁신 기업을 지원할 예정이다.", "혁신 기업", False),
    # "양사", "자사" stand for names given before: the clause may be about the question's ("양사와 대성이 함께하는").
    ({"한빛"}, "지난해에는 양사와 대성이 함께하는 ‘미래 협의체’를 구성했다.", "미래 협의체", False),
    ({"한빛"}, "지난해에는 누리와 대성이 함께하는 ‘미래 협의체’를 구성했다.", "미래 협의체", True),
    ({"한빛"}, "대성은 자사의 메신저를 기반으로 하는 ‘대성 인증서’를 내놨다.", "대성 인증서", True),  # 자사 is 대성
    ({"skt"}, "여민수 카카오 공동대표는 의미가 깊다고 말했다.", "의미", True),  # a named person's title
    # The clause's topic is the answer: "누구의 군사들에게 피살됐어?" is answered by who the clause is about.
    ({"정도전"}, "이방원이 정변을 일으킨 뒤 이방원의 군사들에게 피살되었다.", "이방원", False),  # the second
    ({"라이언"}, "잭은 2년 전에 랩쳐에서 태어났다.", "랩쳐", False),  # a one-syllable name is no name to compare
])
def test_a_value_from_a_clause_about_another_name(analyzer, asked, sentence, answer, another):
    at = sentence.rindex(answer)
    assert about_another(asked, set(), "", sentence, (at, at + len(answer)), analyzer, sentence) is another


def test_an_articles_short_name_is_the_same_name(analyzer):
    document = "한빛텔레콤(이하 HBT)은 새 서비스를 냈다. 한빛텔레콤은 지난해 ‘우리’를 출범시켰다."
    sentence = "한빛텔레콤은 지난해 ‘우리’를 출범시켰다."
    at = sentence.index("우리")
    assert not about_another({"hbt"}, set(), "HBT가 출범시킨 건?", sentence, (at, at + 2), analyzer, document)
    assert about_another({"대성"}, set(), "대성이 출범시킨 건?", sentence, (at, at + 2), analyzer, document)
    # Kiwi may cut the question's name into pieces (카카오 + 뱅크): the article's pair is matched in its words.
    bank = "카카오뱅크(이하 카뱅)는 문을 열었다. 카뱅은 3분기 순이익 500억원을 냈다."
    said = "카뱅은 3분기 순이익 500억원을 냈다."
    at = said.index("500억원")
    assert not about_another({"카카오"}, set(), "카카오뱅크 3분기 순이익은?", said, (at, at + 6), analyzer, bank)


def test_a_source_giving_the_figure_is_no_other_subject(analyzer):
    sentence = "서울시는 축제에 40만명이 모인 것으로 추산했다."
    at = sentence.index("40만명")
    assert not about_another({"bts"}, set(), "BTS 축제에 몇 명이 모였어?", sentence, (at, at + 4), analyzer, sentence)


@pytest.mark.parametrize("sentence,answer,terms", [
    ("이때 신설된 교통카드가 티머니 교통카드다.", "티머니 교통카드", {"교통카드"}),  # the question's own thing
    ("이 지진파는 ‘조화 주파수’ 형태로 분석됐다.", "조화 주파수", set()),  # pointed back to
    ("포켓몬이 지닐 수 있는 아이템은 열매로, 체력을 회복할 수 있다.", "열매", set()),  # inside the asked name
])
def test_a_topic_that_is_the_questions_own_thing(analyzer, sentence, answer, terms):
    at = sentence.index(answer)
    assert not about_another({"포켓몬스터", "백령도"}, terms, "", sentence, (at, at + len(answer)), analyzer, sentence)



RIVALS = "현재 쿠팡이 서비스 중인 ‘소리’는 국내 시장 점유율 1위에 올라있는 대성의 ‘노래’의 뒤를 바짝 추격하고 있다."
CROSSED = "한빛은 대성의 오프라인 매장을, 대성은 한빛의 온라인 고객을 보고 손잡았다는 분석이다."
GIVEN = "한빛의 한빛T, 대성의 모빌리티 사업 대성택시가 대표적이다."


_RIVALS = "현재 쿠팡이 서비스 중인 ‘소리’는 음원 시장 1위에 올라있는 네이버의 ‘바이브’를 추격하고 있다."


@pytest.mark.parametrize("names,question,sentence,span,expected", [
    # The subject of a relative clause owns its phrase; a genitive owns what follows it.
    (("대성", "쿠팡"), "대성 음악 서비스는?", RIVALS, "소리", "쿠팡"),
    (("대성", "쿠팡"), "대성 음악 서비스는?", RIVALS, "노래", "대성"),
    (("대성", "쿠팡"), "대성은 음악 서비스로 뭘 해?", RIVALS, "노래", "대성"),  # 쿠팡이 is the modifier's subject
    (("대성", "쿠팡"), "대성 음악 서비스는?", RIVALS, "국내 시장", "대성"),  # in the clause describing 대성의 ‘노래’
    # Asked of a topic ("한빛은 …"), the clause's topic owns its values; asked of a name bare, the genitive does.
    (("한빛", "대성"), "한빛은 상대의 뭘 봤어?", CROSSED, "오프라인 매장", "한빛"),
    (("한빛", "대성"), "한빛은 상대의 뭘 봤어?", CROSSED, "온라인 고객", "대성"),  # the clause after the comma
    (("한빛", "대성"), "대성 매장은?", CROSSED, "오프라인 매장", "대성"),
    (("한빛", "대성"), "한빛 택시 서비스는?", GIVEN, "한빛T", "한빛"),  # its own name inside the answer is no owner
    (("한빛", "대성"), "한빛 택시 서비스는?", GIVEN, "대성택시", "대성"),
    (("한빛", "대성"), "한빛 택시는?", "이에 대성은 자사가 서비스하고 있는 티맵을 중심으로 택시를 선보였다.", "티맵", "대성"),
    (("한빛", "대성"), "한빛 택시는?", "이에 대성은 자사가 서비스하고 있는 티맵을 중심으로 택시를 선보였다.", "대성", "대성"),
    (("한빛", "대성"), "한빛 택시는?", "대성은 택시를 선보였지만 별다른 소득을 내지 못했다.", "소득", "대성"),
    (("한빛", "대성"), "한빛 택시는?", "대성이 택시를 선보였지만 별다른 소득을 내지 못했다.", "소득", None),
    # A name the clause mentions owns what follows it; an earlier topic carries on only into clauses naming none.
    (("LG전자", "삼성전자"), "LG전자 매출은?", "삼성전자는 매출이 10% 늘었지만 LG전자의 매출은 5% 줄었다.", "5%", "LG전자"),
    (("기아", "현대차"), "기아는 몇 대 팔았어?", "현대차는 6만대를 팔았고 기아 판매량은 5만대였다.", "5만대", "기아"),
    (("토스", "카카오뱅크"), "토스는 무슨 적금 내놨어?", "토스는 카카오뱅크의 26주적금에 맞서 ‘키워봐요 적금’을 내놨다.",
     "26주적금", "카카오뱅크"),
    (("SKT", "카카오"), "SKT는 누구와 지분을 교환했어?", "카카오는 SK텔레콤과 지난 2019년 지분교환을 맺었다.", "카카오", None),
    (("한빛", "대성"), "한빛은 누구와 손잡았어?", "한빛은 대성과 손잡았다.", "대성", "한빛"),
    (("SKT", "대성"), "SKT 택시는?", "대성의 대성T, SK텔레콤의 티맵택시가 대표적이다.", "티맵택시", "SKT"),  # (이하 SKT)
    # Names that the answers belong to: the subject of a relative clause on the name, or its genitive.
    (("바이브", "소리"), "바이브랑 소리는 각각 어느 회사 거야?", _RIVALS, "쿠팡", "소리"),
    (("바이브", "소리"), "바이브랑 소리는 각각 어느 회사 거야?", _RIVALS, "네이버", "바이브"),
    (("네이버", "쿠팡"), "네이버랑 쿠팡 음원 앱은 각각 뭐야?", _RIVALS, "소리", "쿠팡"),  # a topic heads no such clause
    # A relative clause describes the phrase it ends on, through a genitive: 1위 is 바이브's, not the topic 소리's.
    (("소리", "바이브"), "소리 음원 점유율은 얼마야?", _RIVALS, "1위", "바이브"),
    (("소리", "바이브"), "소리 음원 점유율은 얼마야?", "‘소리’는 시장 1위에 올라 있는 ‘바이브’를 추격하고 있다.", "1위",
     "바이브"),
    (("소리", "바이브"), "소리 순위는?", "‘소리’는 시장 2위에 올랐고 ‘바이브’를 추격하고 있다.", "2위", "소리"),  # no clause
    # … but not what the clause's own subject holds, nor across a comma.
    (("SK텔레콤", "카카오모빌리티"), "SK텔레콤 지분율은?", "SK텔레콤이 지분 40%를 보유한 카카오모빌리티는 상장을 추진한다.",
     "40%", "SK텔레콤"),
    (("삼성전자", "애플"), "삼성전자 점유율은?", "‘삼성전자’는 점유율 18%로, 점유율 20%로 1위에 오른 ‘애플’을 뒤쫓았다.",
     "18%", "삼성전자"),
])
def test_whose_value_among_names_asked_each(analyzer, names, question, sentence, span, expected):
    start = sentence.index(span)
    document = f"SK텔레콤(이하 SKT)은 … {sentence}"
    assert owner(names, question, sentence, (start, start + len(span)), analyzer, document) == expected


def test_a_sentence_pairs_names_with_values_only_where_an_asked_name_is_a_topic(analyzer):
    """"카카오는 X, SKT는 Y" pairs names with values; "SKT는 ‘우버’와 손잡고 … ‘우티’를" says nothing of 우티's own."""
    sentence = "SKT는 미국의 ‘우버’와 손잡고 합작회사를 출범, ‘우티’를 출범시켰다."
    assert paired({"skt"}, sentence, analyzer, sentence)
    assert not paired({"우티"}, sentence, analyzer, sentence)
    assert not paired(set(), sentence, analyzer, sentence)


def test_a_name_written_only_as_the_owner_in_a_clause_with_its_own_topic_is_not_what_the_clause_is_about(analyzer):
    """"네이버는 신세계의 오프라인 영향력을, 신세계는 네이버의 온라인 장악력을 보고": asked of 네이버, the second clause
    is 신세계's (네이버 is only whose 장악력 it is)."""
    sentence = "네이버는 신세계의 오프라인 영향력을, 신세계는 네이버의 온라인 장악력을 보고 결정했다는 분석이다."
    second, first = sentence.index("온라인 장악력"), sentence.index("오프라인 영향력")
    question = "네이버는 신세계의 어떤 점을 보고 결정했어?"
    assert about_another({"네이버"}, {"네이버", "보다", "결정"}, question, sentence,
                                 (second, second + 7), analyzer, sentence)
    assert not about_another({"네이버"}, {"네이버", "보다", "결정"}, question, sentence,
                                     (first, first + 8), analyzer, sentence)


def test_an_owner_whose_owned_thing_the_question_names_is_what_the_clause_is_about(analyzer):
    """"삼성전자는 SKT의 자회사에 투자했다" answers "SKT 자회사에 투자한 규모": the question asks of SKT's 자회사."""
    sentence = "삼성전자는 SKT의 자회사에 3000억원을 투자했다."
    at = sentence.index("3000억원")
    assert not about_another({"skt"}, {"skt", "자회사", "투자"}, "SKT 자회사에 투자한 규모 얼마야?", sentence,
                             (at, at + 7), analyzer, sentence)


@pytest.mark.parametrize("question, owned, whose", [
    ("카카오의 음원 서비스는 뭐야?", True, False),
    ("카카오 음원 서비스 이름", True, False),
    ("카카오의 음원 서비스 이름은 뭔가요?", True, False),
    ("카카오는 음원 서비스 뭐 해?", False, False),  # the topic does something
    ("포스트 카카오 기획은 뭘 기념했어?", False, False),  # a word inside a longer name
    ("카카오는 어느 회사 서비스야?", False, True),
    ("카카오는 누굴 쫓고 있어?", False, False),
])
def test_a_question_asks_what_a_name_owns_or_whose_it_is(analyzer, question, owned, whose):
    assert asks_owned({"카카오"}, question, analyzer, "") is owned
    assert asks_whose({"카카오"}, question, analyzer, "") is whose


@pytest.mark.parametrize("question", ["노무현 정부가 카카오를 감시하기 위해 파견한 인물은?",
                                      "카카오 후보는 어느 연령층으로부터 지지를 얻었는가?",
                                      "카카오의 인권은 어디에서 비난을 받고 있는가?"])
def test_a_name_owning_something_else_than_what_is_asked_asks_nothing_it_owns(analyzer, question):
    assert not asks_owned({"노무현" if question.startswith("노무현") else "카카오"}, question, analyzer, "")
