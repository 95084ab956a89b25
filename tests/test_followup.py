"""Follow-up questions completed from the conversation (real Kiwi): what is carried over, swapped, pointed to."""

from __future__ import annotations

import pytest

from qa.followup import FollowUpResolver
from qa.query import Turn

STAKE = Turn.of_text("카카오랑 SKT가 지분 바꾼 게 얼마짜리야?", "3,000억원입니다. 카카오와 SK텔레콤은 … [1]")
SHARE = Turn.of_text("카카오 모빌리티 점유율은 얼마야?", "80% 이상입니다. 공정거래위원회 추산에 따르면 … [1]")
PARTNER = Turn.of_text("네이버는 어느 회사와 지분교환을 했어?", "CJ대한통운입니다. 네이버는 지난해 10월 … [1]")
AUTHOR = Turn.of_text("시사위크 기사 누가 썼어?", "「‘라이벌’서 ‘파트너’로…」 기사는 송가영 기자가 썼습니다. [1]")
FUND = Turn.of_text("카카오와 SKT가 조성하는 펀드는?", "ESG 공동펀드입니다. 이와 함께 ESG 공동펀드를 조성해 … [1]")
OUTLETS = frozenset({"시사위크", "뷰어스", "송가영", "송인화"})


@pytest.fixture(scope="module")
def resolver(analyzer) -> FollowUpResolver:
    return FollowUpResolver(analyzer, max_turns=6)


@pytest.mark.parametrize("history, question, understood", [
    # A missing subject and object are carried over.
    ([STAKE], "그건 언제 한 거야?", "카카오랑 SKT가 지분 바꾼 게 언제 한 거야?"),
    ([SHARE], "왜?", "카카오 모빌리티 점유율은 왜?"),
    ([Turn.of_text("카카오와 SKT가 지분을 교환한 건 언제야?", "2019년입니다. …")], "얼마였는데?",
     "카카오와 SKT가 지분을 교환한 건 얼마였는데?"),
    # A pronoun's contracted particle is written out after what it stands for (그건 = 그것은: "규모는", not "규몬").
    ([Turn.of_text("카카오랑 SKT 지분교환 규모 얼마였어?", "3,000억원입니다. … [1]")], "그건 언제야?",
     "카카오랑 SKT 지분교환 규모는 언제야?"),
    # The predicate an auxiliary closes goes with it ("있지 않아?", "투자해 줬어?"); a 하다 verb's noun stays.
    ([Turn.of_text("두 회사가 예전에 합병한 적 있지 않아?", "네, 기사에 따르면 … [1]")], "몇 년에?",
     "두 회사가 예전에 합병 몇 년에?"),  # and the bound noun it took ("적"), the event's noun staying
    ([Turn.of_text("카카오가 우버와 손잡은 적 있어?", "네, 기사에 따르면 … [1]")], "언제?", "카카오가 우버와 손잡은 건 언제?"),
    ([Turn.of_text("두 회사가 합병했던 적 있어?", "네, 기사에 따르면 … [1]")], "언제?", "두 회사가 합병 언제?"),
    # A passive keeps its verb (who did what), and only the "-ㄴ 적" of an experience goes: 수 says "might".
    ([Turn.of_text("카카오가 투자받은 적 있어?", "네, 기사에 따르면 … [1]")], "얼마나?", "카카오가 투자받은 건 얼마나?"),
    ([Turn.of_text("카카오가 우버를 인수할 수도 있어?", "네, 기사에 따르면 … [1]")], "얼마에?",
     "카카오가 우버를 인수할 수도 얼마에?"),
    ([Turn.of_text("카카오가 그 회사에 투자해 줬어?", "네, 기사에 따르면 … [1]")], "얼마나?", "카카오가 그 회사에 투자 얼마나?"),
    # An interrogative and a single word of its own ask of what was just talked about.
    ([Turn.of_text("쿠팡이 대구에 물류센터 연 게 언제야?", "지난 3월입니다. … [1]")], "왜 지은 거야?",
     "쿠팡이 대구에 물류센터 연 게 왜 지은 거야?"),
    # A follow-up asking its own subject leaves the old subject the topic, however it is spelled …
    ([Turn.of_text("GPT가 뭐야?", "언어 모델입니다. … [1]")], "누가 만들었어?", "GPT는 누가 만들었어?"),
    ([Turn.of_text("하이퍼클로바가 뭐야?", "언어 모델입니다. … [1]")], "누가 개발했어?", "하이퍼클로바는 누가 개발했어?"),
    # … but not the subject of a clause describing something else.
    ([Turn.of_text("카카오가 인수한 회사는?", "멜론입니다. … [1]")], "누가 대표야?", "카카오가 인수한 회사는 누가 대표야?"),
    ([Turn.of_text("SKT가 출시한 서비스가 뭐야?", "우티입니다. … [1]")], "누가 만들었어?",
     "SKT가 출시한 서비스는 누가 만들었어?"),  # the thing asked before is kept, now as the topic
    # Another name after a rank's holder was answered asks the measure of it; not when no rank picked the holder, nor
    # when the rank was of the person asked.
    ([Turn.of_text("음원 점유율 1위는 어디야?", "멜론입니다. … [1]")], "SKT는?", "SKT 점유율은?"),
    ([Turn.of_text("올해 매출 목표를 발표한 회사는 어디야?", "기아입니다. … [1]")], "현대차는?",
     "현대차는 올해 매출 목표를 발표한 회사는 어디야?"),
    ([Turn.of_text("1위 후보는 누구야?", "김철수입니다. … [1]")], "이영희는?", "이영희는 1위 후보는 누구야?"),
    # A new name replaces the old ones, with the particle that fits it.
    ([SHARE], "그럼 SKT는?", "SKT 점유율은 얼마야?"),
    ([STAKE], "그럼 네이버는 누구랑 했어?", "네이버가 지분 바꾼 게 누구랑 했어?"),
    # "그럼 X 기사는?": the new phrase replaces the old one with the same head noun, describing words and all.
    ([Turn.of_text("경제면 반도체 수출 기사 쓴 기자는 누구야?", "「…」 기사는 김철수 기자가 썼습니다. [1]")],
     "그럼 사회면 화재 기사는?", "사회면 화재 기사 쓴 기자는 누구야?"),
    ([Turn.of_text("카카오와 SKT 지분 교환 규모는 얼마야?", "3,000억원입니다. … [1]")], "그럼 네이버와 미래에셋 지분 교환 규모는?",
     "네이버와 미래에셋 지분 교환 규모는 얼마야?"),
    ([Turn.of_text("삼성전자 반도체 매출은 얼마야?", "10조원입니다. … [1]")], "그럼 가전 매출은?",
     "삼성전자 가전 매출은 얼마야?"),  # a phrase naming no one is still about the one named before
    # … but a new topic stays as asked, and so does a phrase with a clause of its own.
    ([Turn.of_text("카카오 택시 점유율 얼마야?", "80%입니다. … [1]")], "그런데 삼성전자 3분기 영업이익은?",
     "그런데 삼성전자 3분기 영업이익은?"),
    ([Turn.of_text("네이버가 인수한 회사는 어디야?", "왓패드입니다. … [1]")], "그럼 카카오가 인수한 회사는?",
     "그럼 카카오가 인수한 회사는?"),
    # A topic Kiwi reads as a common noun is replaced all the same.
    ([Turn.of_text("사과는 어느 나라 과일이야?", "칠레입니다. … [1]")], "람부탄은?", "람부탄은 어느 나라 과일이야?"),
    # A new thing with nothing asked of it is asked the last question: before its interrogative, in place of the
    # old topic, or in place of what an attribute was of.
    ([Turn.of_text("네이버 풀필먼트 센터 어디서 시작해?", "군포입니다. … [1]")], "콜드체인 쪽은?",
     "네이버 풀필먼트 센터 콜드체인 쪽은 어디서 시작해?"),
    ([Turn.of_text("택시 호출 점유율은 얼마야?", "80%입니다. … [1]")], "음원 스트리밍 쪽은?",
     "음원 스트리밍 쪽 점유율은 얼마야?"),
    ([Turn.of_text("ESG 공동펀드는 누가 운용해?", "카카오벤처스입니다. … [1]")], "AI 협의체는?",
     "AI 협의체는 누가 운용해?"),
    # … but a common noun alone more often asks something else of the same thing: read as before.
    ([Turn.of_text("ESG 공동펀드 어디서 운용해?", "카카오벤처스입니다. … [1]")], "규모는?", "ESG 공동펀드 운용 규모는?"),
    ([Turn.of_text("카카오와 SKT는 언제 지분을 교환했어?", "2019년입니다. … [1]")], "이유는?",
     "카카오와 SKT는 지분을 교환 이유는?"),
    ([Turn.of_text("카카오뱅크 대출 금리는 얼마야?", "3%입니다. … [1]")], "한도는?", "카카오뱅크 대출 한도는?"),
    # … and not a topic that is what is asked, nor an attribute after other words.
    ([Turn.of_text("점유율은 얼마나 돼?", "80%입니다. … [1]")], "카카오는?", "카카오는 점유율은 얼마나 돼?"),
    ([Turn.of_text("택시 호출 시장 점유율은 얼마야?", "80%입니다. … [1]")], "그럼 카카오는?",
     "카카오는 택시 호출 시장 점유율은 얼마야?"),
    # Demonstratives point back: to the phrase named before, to the name the answer gave, to both companies.
    ([AUTHOR], "그 기사는 언제 나왔어?", "시사위크 기사는 언제 나왔어?"),
    ([PARTNER], "그 회사랑은 언제 했어?", "CJ대한통운이랑은 언제 했어?"),
    ([PARTNER], "거기서 뭘 맡아?", "CJ대한통운에서 뭘 맡아?"),  # 거기서 is 거기에서: a name takes the full particle
    ([FUND], "양사는 그 펀드를 어디서 운용해?", "카카오와 SKT는 그 펀드를 어디서 운용해?"),
    ([Turn.of_text("카카오랑 SKT 협력 분야는?", "AI, ESG입니다. …")], "두 회사는 언제 지분 교환했어?",
     "카카오와 SKT는 언제 지분 교환했어?"),
    # The "그럼" that linked the turn before to its own predecessor is not carried on.
    ([SHARE, Turn.of_text("그럼 SKT는 택시 쪽에서 어디랑 손잡았어?", "우버입니다. … [1]")], "그 합작회사 이름은?",
     "SKT는 택시 쪽에서 합작회사 이름은?"),
    ([Turn.of_text("근데 네이버는 물류센터 어디에 지어?", "용인입니다. … [1]")], "언제?", "네이버는 물류센터 언제?"),
    ([Turn.of_text("그럼 카카오 점유율은?", "30%입니다. … [1]")], "SKT는?", "SKT 점유율은?"),
    # What an interrogative determiner asked ("몇 년도", "어느 회사") is not carried with the topic.
    ([Turn.of_text("쿠팡이랑 CJ 지분 맞교환이 몇 년도였지?", "2019년입니다. … [1]")], "얼마짜리였는데?",
     "쿠팡이랑 CJ 지분 맞교환이 얼마짜리였는데?"),
    ([Turn.of_text("현대차는 어느 회사랑 합작했어?", "앱티브입니다. … [1]")], "언제?", "현대차는 합작 언제?"),
    # "둘이" (a numeral) points back to the pair named before, like 두 회사.
    ([Turn.of_text("현대차가 LG전자랑 손잡은 게 언제야?", "3월입니다. … [1]")], "둘이 같이 세운 회사는 어디였어?",
     "현대차와 LG전자가 같이 세운 회사는 어디였어?"),
])
def test_follow_ups_are_completed_from_the_previous_turn(resolver, history, question, understood):
    assert resolver.resolve(question, history) == understood


def test_an_amount_answered_is_not_a_place_to_point_back_to(resolver):
    """"어느 정도야?" asks how much: "거기" next points to a name asked about, not to "80% 이상"."""
    history = [Turn.of_text("카카오 택시 호출 점유율 어느 정도야?", "80% 이상입니다. 공정거래위원회 추산에 따르면 … [1]")]
    assert resolver.resolve("SKT는 거기 다시 도전했어?", history) == "SKT는 카카오 다시 도전했어?"
    places = [Turn.of_text("네이버가 물류센터를 어느 곳에 세워?", "군포입니다. … [1]")]
    assert resolver.resolve("거긴 언제 열어?", places) == "군포는 언제 열어?"
    things = [Turn.of_text("카카오가 어떤 건 인수했어?", "우버입니다. … [1]")]  # 건 here is 것은, no measure
    assert resolver.resolve("그거 언제야?", things) == "우버 언제야?"


def test_the_conversation_is_resolved_turn_by_turn(resolver):
    """"왜?" after "CJ대한통운은?" continues the question as the second turn understood it."""
    history = [Turn.of_text("네이버가 신세계와 지분교환을 마친 건 언제야?", "3월입니다. …"), Turn("CJ대한통운은?")]
    assert resolver.resolve("왜?", history) == "CJ대한통운과 지분교환을 마친 건 왜?"


def test_names_the_index_knows_are_swapped_like_proper_nouns(resolver):
    """Kiwi reads 시사위크 as common nouns; the index knows it as an outlet."""
    history = [AUTHOR, Turn("그 기사는 언제 나왔어?")]
    assert resolver.resolve("뷰어스는?", history, OUTLETS) == "뷰어스 기사는 언제 나왔어?"


def test_names_an_article_quotes_are_swapped_like_proper_nouns(resolver):
    """Kiwi reads 망고 as the fruit; an article writing ‘망고’ makes it a service's name the next question replaces."""
    history = [Turn.of_text("망고 점유율 얼마야?", "30%입니다. … [1]")]
    assert resolver.resolve("바나나는?", history, frozenset({"망고", "바나나"})) == "바나나 점유율 얼마야?"
    assert resolver.resolve("바나나는?", history) == "망고 점유율 바나나는?"


@pytest.mark.parametrize("question", [
    "네이버 대표이사 이름이 뭐야?",  # a full new question: a topic switch
    "쿠팡이 대구에 연 풀필먼트센터 투자 규모는?",
    "안녕?",  # conversation
    "Which company did Naver swap shares with?",  # another language: read as it stands
])
def test_questions_that_stand_alone_are_left_as_asked(resolver, question):
    assert resolver.resolve(question, [STAKE, SHARE]) == question


def test_without_history_nothing_changes(resolver):
    assert resolver.resolve("그건 언제 한 거야?", []) == "그건 언제 한 거야?"
    assert FollowUpResolver(resolver.analyzer, max_turns=0).resolve("왜?", [SHARE]) == "왜?"


def test_an_answer_text_gives_back_its_short_answer():
    assert STAKE.short_answer == "3,000억원" and STAKE.answerable
    refused = Turn.of_text("네이버 대표이사는?", "기사에서 이 질문에 대한 답을 찾지 못했습니다.")
    assert refused.short_answer is None and refused.answerable is False
    assert Turn.of_text("네이버 대표이사는?", None).answerable is None


def test_time_words_that_point_back_leave_the_question_to_the_conversation(resolver):
    history = [Turn.of_text("카카오랑 SKT는 예전에 무슨 파트너십 맺었어?", "전략적 파트너십입니다. …")]
    assert resolver.resolve("전에 언제 했었는데?", history).startswith("카카오랑 SKT는")
    assert resolver.resolve("그럼 지금은 어디랑 손잡았대?", history).startswith("카카오랑 SKT는")


def test_questions_about_the_article_just_cited_are_scoped_to_it(service):
    """"누가 쓴 기사야?" after an answer cited from 시사위크 asks who wrote that article, not the best-matching one."""
    from qa.query import Query

    first = service.ask("카카오 모빌리티 점유율은 얼마야?")
    assert {c.doc_id for c in first.citations} == {"sisaweek-2021-03-15-kakao-skt-partnership"}
    history = (Turn.of_answer("카카오 모빌리티 점유율은 얼마야?", first),)
    assert service.ask(Query("누가 쓴 기사야?", history)).short_answer == "송가영 기자"
    other = service.ask("네이버는 어느 회사와 지분교환을 했어?")
    history = (Turn.of_answer("네이버는 어느 회사와 지분교환을 했어?", other),)
    assert service.ask(Query("이 기사 누가 썼어?", history)).short_answer == "송인화 기자"
    # A refusal in between cites nothing: the question is still about the article last cited.
    refused = service.ask("카카오 인증서 가입자는 몇 명이야?")
    assert not refused.answerable
    history = (Turn.of_answer("카카오 모빌리티 점유율은 얼마야?", first), Turn.of_answer("…", refused))
    assert service.ask(Query("누가 쓴 기사야?", history)).short_answer == "송가영 기자"
    # Naming the other article asks about that one.
    assert service.ask(Query("뷰어스 기사 누가 썼어?", (Turn.of_answer("…", first),))).short_answer == "송인화 기자"


def test_then_another_article_asks_the_same_of_it(service):
    """"그럼 시사위크 카카오 기사는?" after who wrote the 뷰어스 article: who wrote that one, and "그 기사" is it after."""
    from qa.query import Query

    question = "뷰어스 네이버 물류 기사 쓴 기자는 누구야?"
    first = service.ask(question)
    assert first.short_answer == "송인화 기자"
    history = (Turn.of_answer(question, first),)
    then = service.ask(Query("그럼 시사위크 카카오 기사는?", history))
    assert then.short_answer == "송가영 기자", then.resolved_question
    history += (Turn.of_answer("그럼 시사위크 카카오 기사는?", then),)
    when = service.ask(Query("그 기사는 언제 승인됐어?", history))
    assert {c.doc_id for c in when.citations} == {"sisaweek-2021-03-15-kakao-skt-partnership"}, when.resolved_question


def test_another_name_in_the_place_of_the_one_answered_asks_the_same_measure(resolver):
    """"바나나는?" after "과일 점유율 1위 어디야?" answered 망고 asks 바나나's share, not which fruit is first; with nothing
    measured it is asked the last question as before."""
    first = [Turn.of_text("과일 점유율 1위 어디야?", "망고입니다. … [1]")]
    assert resolver.resolve("바나나는?", first, frozenset({"망고", "바나나"})) == "바나나 점유율은?"
    maker = [Turn.of_text("이 과일 어느 회사가 팔아?", "델몬트입니다. … [1]")]
    assert resolver.resolve("돌은?", maker, frozenset({"델몬트", "돌"})) == "돌은 이 과일 어느 회사가 팔아?"
    # The rank stood for the name answered two turns before: the new name takes its place.
    measured = [*first, Turn.of_text("몇 퍼센트였는데?", "34%입니다. … [1]")]
    assert resolver.resolve("바나나는?", measured, frozenset({"망고", "바나나"})) == "과일 점유율 바나나 몇 퍼센트였는데?"


def test_a_question_asking_what_a_term_is_stands_alone(resolver):
    """"e풀필먼트가 뭐야?", "콜드체인 물류라는 게 뭐야?" ask about that term whatever came before; a single Korean
    word asked so ("카카오는 뭐야?", "전략이 뭐야?") more often asks it of what was just talked about, and anything after
    "그럼" is."""
    history = [Turn.of_text("네이버 물류센터 어디서 시작해?", "군포입니다. … [1]")]
    assert resolver.resolve("e풀필먼트가 뭔데?", history) == "e풀필먼트가 뭔데?"
    assert resolver.resolve("그 콜드체인 물류라는 게 뭐야?", history) == "그 콜드체인 물류라는 게 뭐야?"
    assert resolver.resolve("전략이 뭐야?", history) == "네이버 물류센터 시작 전략이 뭐야?"
    assert resolver.resolve("카카오는 뭐야?", history) == "카카오 물류센터 시작 뭐야?"
    assert resolver.resolve("그럼 콜드체인은 뭐야?", history) == "네이버 물류센터 시작 콜드체인은 뭐야?"



def test_only_a_question_naming_its_topic_is_answered_without_the_conversation(resolver):
    """A follow-up the articles do not answer in context is tried alone only when it says what it is about: "규모는
    얼마였어?" alone would take any article's figure."""
    assert resolver.stands_alone("네이버 주가는?")
    assert resolver.stands_alone("망고 점유율은?", frozenset({"망고"}))  # a name the articles quote
    assert resolver.stands_alone("인증서 시장에서 밀고 있는 서비스 이름이 뭐였지?")
    assert not resolver.stands_alone("그럼 네이버는?")
    assert not resolver.stands_alone("규모는 얼마였어?")
    assert not resolver.stands_alone("지분교환 규모는 얼마였어?")
    assert not resolver.stands_alone("그 회사 주가는 얼마나 올랐어?")  # points back
    assert not resolver.stands_alone("해당 기업 매출은 얼마야?")


def test_a_term_just_defined_is_what_that_points_back_to(resolver):
    """After "X가 뭐야?" the answer describes X: "그거" stands for the term, not for the description."""
    history = [Turn.of_text("스마트 팩토리 AI가 뭐야?", "공장의 고장을 미리 알려 주는 솔루션입니다. … [1]")]
    assert resolver.resolve("그거 누가 만들어?", history) == "스마트 팩토리 AI 누가 만들어?"
    named = [Turn.of_text("카카오가 어떤 건 인수했어?", "우버입니다. … [1]")]  # a name answered: that is the referent
    assert resolver.resolve("그거 누가 만들어?", named) == "우버 누가 만들어?"
    # "X가 뭐야?" answered by a name names it: that name is the referent
    service = [Turn.of_text("한빛 인증 서비스가 뭐야?", "한빛패스입니다. … [1]")]
    assert resolver.resolve("그거 언제 나왔어?", service) == "한빛패스 언제 나왔어?"
    assert resolver.resolve("거기에 누가 투자했어?", history) == "스마트 팩토리 AI에 누가 투자했어?"


def test_there_after_a_place_in_the_question_is_that_place(resolver):
    """"거기서" / "거기에" point to where the last question placed its subject ("과일 시장에서"), not to its name; a
    time ("지난해 3월에") or an asked place ("어느 시장에서") is no such place."""
    market = [Turn.of_text("국내 과일 시장에서 망고 점유율 얼마야?", "30%입니다. … [1]")]
    assert resolver.resolve("바나나는 거기서 뭘로 팔아?", market) == "바나나는 국내 과일 시장에서 뭘로 팔아?"
    assert resolver.resolve("바나나는 거기에 언제 들어왔어?", market) == "바나나는 국내 과일 시장에 언제 들어왔어?"
    assert resolver.resolve("거기선 바나나가 몇 위야?", market) == "국내 과일 시장에서는 바나나가 몇 위야?"  # 거기선 = 거기서는
    dated = [Turn.of_text("지난해 3월에 망고 점유율 얼마였어?", "30%입니다. … [1]")]
    assert "3월" not in resolver.resolve("바나나는 거기서 뭘로 팔아?", dated)
    asked = [Turn.of_text("어느 시장에서 망고가 제일 잘 팔려?", "국내입니다. … [1]")]
    assert "어느" not in resolver.resolve("바나나는 거기서 뭘로 팔아?", asked)
    half = [Turn.of_text("델몬트는 하반기에 일본에서 뭘 팔아?", "망고입니다. … [1]")]  # a period is no place
    assert resolver.resolve("거기서 경쟁사는 어디야?", half) == "일본에서 경쟁사는 어디야?"
    # a place or company asked and answered is what "거기에" means
    partner = [Turn.of_text("델몬트는 과일 시장에서 어디랑 손잡았어?", "돌입니다. … [1]")]
    assert resolver.resolve("거기에 지분 얼마 줬어?", partner) == "돌에 지분 얼마 줬어?"


def test_there_is_the_name_that_was_not_the_subject(resolver):
    """"거기랑" after "델몬트가 돌이랑 … 언제였지?" is 돌: the subject would be left out or named again."""
    history = [Turn.of_text("델몬트가 돌이랑 합작한 게 언제였지?", "지난해 10월입니다. … [1]")]
    assert resolver.resolve("왜 굳이 거기랑 손잡은 거야?", history, frozenset({"델몬트", "돌"})) == "왜 굳이 돌이랑 손잡은 거야?"


def test_that_person_is_the_one_named_by_a_title(resolver):
    """"그 사람" after "델몬트 공동대표가 뭐라고 했어?" is that 공동대표, not the company."""
    history = [Turn.of_text("델몬트 공동대표가 합작 두고 뭐라고 했어?", "“의미 깊다”입니다. … [1]")]
    assert resolver.resolve("그 사람 이름이 뭐였지?", history, frozenset({"델몬트"})) == "델몬트 공동대표 이름이 뭐였지?"


def test_what_a_pronoun_stood_for_stays_the_thing_talked_about(resolver):
    """After "그거 언제 세웠어?" stood for the 협의체 answered before, and was answered with a date, "거기서" and "그게"
    still point to that 협의체, not to a word of its name nor to the date."""
    history = [Turn.of_text("델몬트가 돌이랑 만든 협의체 이름 뭐야?", "과일 연구 협의체입니다. … [1]"),
               Turn.of_text("그거 언제 세웠는데?", "지난해 12월입니다. … [1]")]
    assert resolver.resolve("그거 언제 세웠는데?", history[:1]) == "과일 연구 협의체 언제 세웠는데?"
    assert resolver.resolve("거기서 뭐 개발 중이래?", history) == "과일 연구 협의체에서 뭐 개발 중이래?"
    # "그건" still stands for the whole last question, and a name the last question asked about comes first
    measured = [Turn.of_text("델몬트가 인수한 과일 회사는 어디야?", "돌입니다. … [1]"),
                Turn.of_text("거기 점유율 얼마야?", "34%입니다. … [1]")]
    assert resolver.resolve("그건 언제 기준이야?", measured) == "돌 점유율은 언제 기준이야?"
    market = [Turn.of_text("택시 호출 시장에서 카카오 점유율은 얼마야?", "80%입니다. … [1]"),
              Turn.of_text("거기서 SKT 점유율은?", "20%입니다. … [1]")]
    assert resolver.resolve("거기 대표는 누구야?", market) == "SKT 대표는 누구야?"


def test_that_thing_may_be_named_two_turns_back(resolver):
    """"그 AI" after a turn about the 협의체: the turn before named 팬데믹 극복 AI (a Latin noun counts as a noun)."""
    history = [Turn.of_text("팬데믹 극복 AI 만드는 협의체에 어디어디 들어가 있어?", "삼성전자입니다. … [1]"),
               Turn.of_text("그 협의체는 언제 만들었어?", "지난해 12월입니다. … [1]")]
    assert resolver.resolve("그 AI는 뭘 해주는 건데?", history) == "팬데믹 극복 AI는 뭘 해주는 건데?"


def test_a_name_with_a_new_thing_asked_stands_alone(resolver):
    """"카카오 쪽 대표 이름이 뭐예요?" asks a thing the last turn did not speak of, of a name it gives: not carried into
    the question about the fund; a thing the last turn did speak of is still asked of the new name."""
    fund = Turn.of_text("카카오랑 SK텔레콤이 만드는 ESG 펀드로 뭘 지원한대요?", "ICT 혁신 기업입니다. … [1]")
    assert resolver.resolve("카카오 쪽 대표 이름이 뭐예요?", [fund]) == "카카오 쪽 대표 이름이 뭐예요?"
    invest = Turn.of_text("카카오는 ESG 펀드에 얼마 투자했어?", "1000억원입니다. … [1]")
    assert "펀드" in resolver.resolve("SKT는 얼마 투자했어?", [invest])


@pytest.mark.parametrize("question", ["신세계는?", "신세계 쪽에선?", "신세계 입장에선?", "신세계 입장에서 보면?",
                                      "신세계입장에선?", "그럼 신세계 입장에서 보면요?"])
def test_the_other_side_of_a_pair_asked_trades_places_with_the_first(resolver, question):
    """Asked of the name that was the object, the question is asked from its side: the two names trade places."""
    before = Turn.of_text("네이버는 신세계의 뭘 보고 손잡은 거래?", "오프라인 영향력입니다. … [1]")
    assert resolver.resolve(question, [before]) == "신세계는 네이버의 뭘 보고 손잡은 거래?"


def test_a_third_name_takes_the_first_ones_place(resolver):
    before = Turn.of_text("네이버는 신세계의 뭘 보고 손잡은 거래?", "오프라인 영향력입니다. … [1]")
    assert resolver.resolve("그럼 카카오는?", [before]) == "카카오는 신세계의 뭘 보고 손잡은 거래?"


def test_names_asked_together_do_not_trade_places(resolver):
    """"카카오랑 SKT는 각각 …" then "SKT 꺼는 …?": the pair was asked as one phrase, so SKT only takes its place."""
    before = Turn.of_text("민간 인증서 시장에서 카카오랑 SKT는 각각 뭘로 붙어?", "카카오: 카카오 인증서 · SKT: 패스 [1]")
    understood = resolver.resolve("SKT 꺼는 다른 통신사들이랑 같이 하는 거야?", [before])
    assert understood.startswith("민간 인증서 시장에서 SKT는") and "카카오" not in understood


def test_a_part_of_a_word_just_used_asked_to_be_defined_stands_alone(resolver):
    """"풀필먼트가 정확히 뭔데요?" after a question about the e풀필먼트센터 asks what 풀필먼트 is, not about the centre."""
    before = Turn.of_text("네이버 e풀필먼트센터 어디서 시작해요?", "군포입니다. … [1]")
    assert resolver.resolve("풀필먼트가 정확히 뭔데요?", [before]) == "풀필먼트가 정확히 뭔데요?"
    strategy = Turn.of_text("카카오의 성장 전략은?", "… [1]")
    assert resolver.resolve("전략이 뭐야?", [strategy]) != "전략이 뭐야?"  # a word of its own: asked of 카카오's


@pytest.mark.parametrize("before, question, not_in", [
    ("SKT는 미국의 우버와 손잡고 뭘 출범했어?", "우버는?", "미국의 SKT"),  # a partner, not whose thing was asked
    ("네이버는 CJ대한통운과 신세계 중 어디와 먼저 지분교환했어?", "신세계는?", "네이버 중"),  # one of the choices
])
def test_only_the_owner_of_what_was_asked_trades_places(resolver, before, question, not_in):
    assert not_in not in resolver.resolve(question, [Turn.of_text(before, "… [1]")])


def test_whether_it_is_settled_asks_of_what_was_asked_not_of_the_answer(resolver):
    """"그거 확정된 거야?" after "펀드는 어디서 운용해?" answered 카카오벤처스 asks whether the running is settled."""
    before = Turn.of_text("카카오-SKT ESG 공동펀드는 어디서 운용해요?", "카카오벤처스입니다. ESG 공동펀드는 … [1]")
    assert resolver.resolve("그거 확정된 거야?", [before]) == "카카오-SKT ESG 공동펀드는 운용 확정된 거야?"
    assert resolver.resolve("그거 누구 거야?", [before]).startswith("카카오벤처스")  # the thing answered, as before


@pytest.mark.parametrize("before, question, understood", [
    # A question saying something of its own carries the old names and topics, not the old clauses and adverbs.
    ("SKT는 재미 좀 봤어?", "그래서 지금은 누구랑 손잡았는데?", "SKT는 재미 지금은 누구랑 손잡았는데?"),
    ("특허 풀은 어느 분야로 만든다고 했지?", "그건 누구한테 열어준대요?", "특허 풀은 누구한테 열어준대요?"),
    # … but a noun phrase's own words stay ("…에 대해", a clause describing a noun), and so does a question with
    # nothing of its own (a light verb, a noun the interrogative asks)
    ("카카오랑 SKT가 이번에 협력하기로 한 분야가 뭐예요?", "그거 언제 발표했어?",
     "카카오랑 SKT가 이번에 협력하기로 한 분야가 언제 발표했어?"),
    ("여민수 대표는 SK텔레콤과의 협력에 대해 뭐라고 했어?", "그럼 SKT 대표는 뭐라고 했어?",
     "SKT 대표는 SK텔레콤과의 협력에 대해 대표는 뭐라고 했어?"),
    ("기사에 나온 백신 맞은 사람 몇명이야?", "언제 기준?", "기사에 나온 백신 맞은 사람 언제 기준?"),
])
def test_a_question_of_its_own_carries_only_the_topic(resolver, before, question, understood):
    assert resolver.resolve(question, [Turn.of_text(before, "… [1]")]) == understood


def test_a_thing_pointed_to_may_be_one_the_last_answer_quoted(resolver):
    """"그 협의체는 언제 꾸렸어?": no question named it, the answer cited "…‘AI R&D 협의체’를 구성"."""
    before = Turn.of_text("팬데믹 극복 AI는 어디어디가 같이 만드는 거예요?",
                          "삼성전자입니다. 지난해 12월에는 양사와 삼성전자가 함께하는 ‘AI R&D 협의체’를 구성, … [1]")
    assert resolver.resolve("그 협의체는 언제 꾸렸어?", [before]) == "AI R&D 협의체는 언제 꾸렸어?"
    unquoted = Turn.of_text("카카오와 SKT는 예전에 어떻게 협력했어?", "… 각 사 대표 임원이 참석하는 시너지 협의체를 통해 … [1]")
    assert resolver.resolve("그 협의체는 누가 들어가?", [unquoted]) == "시너지 협의체는 누가 들어가?"


def test_that_person_after_who_was_asked_is_the_one_answered(resolver):
    """"그 사람은 …?" after "코멘트한 사람은 누구예요?": 사람 was the asked slot, 여민수 the answer."""
    before = Turn.of_text("카카오 쪽에서 코멘트한 사람은 누구예요?", "여민수입니다. 여민수 카카오 공동대표는 … [1]")
    assert resolver.resolve("그 사람은 기술로 뭘 하겠다고 했어?", [before]) == "여민수는 기술로 뭘 하겠다고 했어?"


def test_the_speakers_time_is_no_topic_of_its_own(resolver):
    before = Turn.of_text("카카오가 SK텔레콤이랑 원래 협력하던 분야가 어디예요?", "통신입니다. … [1]")
    assert resolver.resolve("요즘은 어디까지 넓혔는데?", [before]) != "요즘은 어디까지 넓혔는데?"


def test_the_pair_is_the_two_names_asked_not_the_answer_as_well(resolver):
    """"둘이" after a question naming 카카오 and SK텔레콤 and answered "AI": the two companies."""
    before = Turn.of_text("카카오가 SK텔레콤이랑 협력하던 분야는 어디까지 넓혔어?", "AI입니다. … [1]")
    assert resolver.resolve("둘이 지분교환한 규모는?", [before]) == "카카오와 SK텔레콤이 지분교환한 규모는?"
    pair = Turn.of_text("카카오와 SK텔레콤이 지분교환한 규모는?", "3000억원입니다. … [1]")
    assert resolver.resolve("그럼 네이버랑 CJ대한통운은 얼마였어?", [pair]) == "네이버와 CJ대한통운이 지분교환한 규모는 얼마였어?"


def test_this_figure_is_the_measure_a_turn_asked_a_figure_of(resolver):
    """"이 수치 언제 기준이에요?" two turns after "…점유율 1위 몇 퍼센트야?", a refused question between."""
    share = Turn.of_text("음원 스트리밍 점유율 1위 몇 퍼센트야?", "34.14%입니다. … [1]")
    refused = Turn.of_text("지니는 누가 운영하는 거야?", "기사에서 이 질문에 대한 답을 찾지 못했습니다.")
    assert resolver.resolve("이 수치 언제 기준이에요?", [share, refused]) == "음원 스트리밍 점유율 언제 기준이에요?"


@pytest.mark.parametrize("before, question, understood", [
    # A new name takes the place of the old names (a partner swapped: 신세계 for CJ대한통운)
    ("네이버는 CJ대한통운과 언제 지분교환했어?", "신세계는?", "신세계와 언제 지분교환했어?"),
    # "그 센터", "그 AI": a thing the last question named and asked something of, not an asked slot
    ("네이버 풀필먼트 센터는 어디서 시작해?", "그 센터에서 뭘 해?", "네이버 풀필먼트 센터에서 뭘 해?"),
    ("시사위크 기사는 누가 썼어?", "그 기사는 언제 나왔어?", "시사위크 기사는 언제 나왔어?"),
    # 양사: the name doing it and the one answered, not a country owning something ("미국의")
    ("SKT는 미국의 어느 회사와 손잡았어?", "양사가 만든 회사는?", "SKT와 우버가 만든 회사는?"),
    # "그거 사실이야?" / "그거 진짜 공개했어?": whether what was said holds, of the whole claim
    ("카카오와 SKT가 올해 공개할 AI는 뭐야?", "그거 사실이야?", "카카오와 SKT가 올해 공개할 AI는 사실이야?"),
    # an adverb that changes what was said stays
    ("SKT가 성과를 못 낸 택시 서비스는 뭐야?", "지금은 누구랑 손잡았어?", "SKT가 성과를 못 낸 택시 지금은 누구랑 손잡았어?"),
])
def test_what_a_follow_up_carries_keeps_its_meaning(resolver, before, question, understood):
    answered = {"카카오와 SKT가 올해 공개할 AI는 뭐야?": "팬데믹 극복 AI입니다. … [1]",
                "SKT는 미국의 어느 회사와 손잡았어?": "우버입니다. … [1]"}.get(before, "… [1]")
    assert resolver.resolve(question, [Turn.of_text(before, answered)]) == understood


@pytest.mark.parametrize("history, question, known, understood", [
    # "그거 확실해?": the claim asked about, not the place answered
    ([("ESG 펀드는 어디서 운용해?", "카카오벤처스입니다. … [1]")], "그거 확실해?", (), "ESG 펀드는 운용 확실해?"),
    # "이 수치": the measure's whole phrase, names included
    ([("카카오모빌리티 택시 호출 점유율 몇 퍼센트야?", "80% 이상입니다. … [1]")], "이 수치 언제 기준이에요?", (),
     "카카오모빌리티 택시 호출 점유율 언제 기준이에요?"),
    # "그 협의체" after "…협의체는 뭐야?": the one the answer named, not the bare word asked about
    ([("카카오랑 SKT가 작년 12월에 구성한 협의체는 뭐야?", "AI R&D 협의체입니다. … ‘AI R&D 협의체’를 구성 … [1]")],
     "그 협의체에는 누가 참여해?", (), "AI R&D 협의체에는 누가 참여해?"),
    # a name the article introduces with a short form is a name, however Kiwi splits it
    ([("카카오와 SK텔레콤의 협업은 언제 시작됐어?", "… [1]")], "양사는 뭘 공동 개발해?", ("SK텔레콤", "SKT"),
     "카카오와 SK텔레콤은 뭘 공동 개발해?"),
])
def test_what_pointing_words_stand_for_after_review(resolver, history, question, known, understood):
    turns = [Turn.of_text(q, a) for q, a in history]
    assert resolver.resolve(question, turns, frozenset(known)) == understood


def test_this_figure_is_the_latest_figure_asked_even_without_a_measure_noun(resolver):
    turns = [Turn.of_text("카카오와 SKT 지분 교환 규모는 얼마야?", "3000억원입니다. … [1]"),
             Turn.of_text("코로나 백신 맞은 사람은 몇 퍼센트야?", "29.2%입니다. … [1]")]
    assert "지분" not in resolver.resolve("이 수치 언제 기준이야?", turns)


def test_an_adverb_kept_only_with_the_word_it_changes(resolver):
    before = Turn.of_text("SKT는 티맵 택시로 왜 성과를 못 냈어?", "… [1]")
    assert "못 지금은" not in resolver.resolve("지금은 누구랑 손잡았어?", [before])
