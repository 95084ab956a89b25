"""Questions answered in parts: one per article ("두 기사 각각") or one per name ("네이버랑 카카오는 각각")."""

from __future__ import annotations

import pytest

from qa.decomposition import Decomposer
from qa.filters import Filters
from qa.question import AnswerType
from tests.conftest import SISAWEEK

VIEWERS = "viewers-2021-06-30-naver-kakao-bigtech-alliances"


@pytest.fixture(scope="module")
def decomposer(analyzer) -> Decomposer:
    return Decomposer(analyzer, max_parts=5)


def test_names_joined_before_a_distributive_word_are_asked_one_by_one(decomposer):
    plan = decomposer.plan("네이버랑 카카오는 각각 어디랑 지분 교환했어?", lambda n: [])
    assert [(p.label, p.question) for p in plan.parts] == [
        ("네이버", "네이버는 어디랑 지분 교환했어?"), ("카카오", "카카오는 어디랑 지분 교환했어?")]
    plan = decomposer.plan("네이버는 CJ대한통운이랑 신세계랑 각각 언제 지분교환했어?", lambda n: [])
    assert [p.question for p in plan.parts] == ["네이버는 CJ대한통운이랑 언제 지분교환했어?", "네이버는 신세계랑 언제 지분교환했어?"]
    assert all(p.named for p in plan.parts)  # each part is asked of a name, whose values the answerer keeps apart
    things = decomposer.plan("ESG 공동펀드 운용 주체랑 지원 대상 알려줘", lambda n: [])
    assert things is not None and not any(p.named for p in things.parts)  # things asked, not names


def test_a_last_name_joined_by_hago_is_a_name_not_the_verb_hada(decomposer):
    """"CJ대한통운이랑 신세계하고": Kiwi reads 신세계하고 as 신세계 + 하다; after a name joined by 랑 it is a name and 하고."""
    plan = decomposer.plan("네이버가 CJ대한통운이랑 신세계하고 지분 맞교환한 게 각각 언제야?", lambda n: [])
    assert [(p.label, p.question) for p in plan.parts] == [
        ("CJ대한통운", "네이버가 CJ대한통운하고 지분 맞교환한 게 언제야?"), ("신세계", "네이버가 신세계하고 지분 맞교환한 게 언제야?")]
    assert decomposer.plan("네이버가 신세계하고 각각 뭐 했어?", lambda n: []) is None  # no name joined before it
    # a common noun's 하다 is a verb: "SKT랑 협력하고 있는 분야" is one question
    for question in ("카카오가 SKT랑 협력하고 있는 분야는 각각 뭐야?", "네이버가 CJ대한통운이랑 협력하고 신세계랑 지분교환한 건 각각 언제야?"):
        plan = decomposer.plan(question, lambda n: [])
        assert plan is None or "협력" not in [p.label for p in plan.parts], question


def test_names_listed_with_commas_are_asked_one_by_one(decomposer):
    plan = decomposer.plan("멜론, 지니, 플로 음원 점유율은 각각 몇 %야?", lambda n: [])
    assert [p.label for p in plan.parts] == ["멜론", "지니", "플로"]
    assert plan.parts[1].question == "지니 음원 점유율은 몇 %야?"
    # Where a listed name of two words starts or ends is not known, so the question stays whole.
    for question in ("센터 규모, 투자 금액 각각 얼마야?", "카카오 T, 티맵택시 각각 어느 회사 거야?", "멜론, 카카오 지니 점유율 각각?"):
        assert decomposer.plan(question, lambda n: []) is None, question


def test_names_listed_with_a_comma_and_a_connector_are_asked_one_by_one(decomposer):
    """"멜론이랑 지니, 플로": Kiwi reads 멜론 as the fruit (a common noun), but the comma says where the last name ends."""
    plan = decomposer.plan("멜론이랑 지니, 플로 점유율 각각 알려줘", lambda n: [])
    assert plan is not None and [p.label for p in plan.parts] == ["멜론", "지니", "플로"]
    assert decomposer.plan("센터 규모랑 투자 금액, 인력 각각 얼마야?", lambda n: []) is None  # common nouns: no name ends it
    assert decomposer.plan("멜론이랑 지니, 카카오 지니 점유율 각각?", lambda n: []) is None  # where the last name ends is not known
    # A time before a first name closed by 와 does not hide where the list starts.
    plan = decomposer.plan("지난해 카카오와 네이버, 구글코리아의 매출은 각각 얼마야?", lambda n: [])
    assert plan is not None and [p.label for p in plan.parts] == ["카카오", "네이버", "구글코리아"]


def test_each_of_three_names_gets_the_figure_its_own_sentence_gives(service):
    """The best sentence for "지니 … 점유율" gives its figure to 멜론; 지니's own figure is in the next one."""
    answer = service.ask("멜론, 지니, 플로의 점유율은 각각 몇 %야?")
    assert answer.short_answer == "멜론: 34.14% · 지니: 23.1% · 플로: 16.23%", answer.answer


@pytest.mark.parametrize("question", [
    "카카오와 SK텔레콤의 지분 교환 규모는?",  # names joined, but one answer is asked for
    "카카오와 SKT가 상호 협력하기로 한 분야는 모두 뭐야?",  # a list, answered from the evidence
    "시사위크 기사는 누가 썼어?",
])
def test_one_answer_questions_are_not_split(decomposer, service, question):
    assert decomposer.plan(question, lambda n: list(service.index.documents.values())[:n]) is None


def test_several_articles_need_at_least_two_in_scope(decomposer, service):
    one = [service.index.documents[SISAWEEK]]
    assert decomposer.plan("두 기사 각각 누가 썼어?", lambda n: one) is None
    both = list(service.index.documents.values())
    plan = decomposer.plan("두 기사 각각 어느 매체에서 누가 썼어?", lambda n: both[:n])
    assert plan.fields == (AnswerType.AUTHOR, AnswerType.OUTLET) and len(plan.parts) == 2


def test_each_article_metadata_is_answered_and_cited_from_its_header(service):
    answer = service.ask("두 기사 각각 어느 매체에서 누가 썼어?")
    assert answer.answerable and {c.doc_id for c in answer.citations} == {SISAWEEK, VIEWERS}
    for name in ("시사위크", "송가영", "뷰어스", "송인화"):
        assert name in answer.short_answer
    for c in answer.citations:
        assert service.index.documents[c.doc_id].text[c.start : c.end] == c.evidence and "기자" in c.evidence


@pytest.mark.parametrize("question", ["기사 두 개 승인 날짜가 각각 언제로 찍혀 있나요?", "두 건의 기사 각각 언제 나왔어?",
                                      "기사 2건 발행일 알려줘"])
def test_articles_counted_after_the_word_are_several_articles(service, question):
    answer = service.ask(question)
    assert "2021년 3월 15일" in answer.short_answer and "2021년 6월 30일" in answer.short_answer
    assert {c.doc_id for c in answer.citations} == {SISAWEEK, VIEWERS}


@pytest.mark.parametrize("question", ["이 기사 3건의 계약 각각 금액은?", "12건의 기사 발행일"])
def test_counts_of_other_things_or_larger_counts_are_not_two_articles(decomposer, question):
    assert not decomposer.names_several_articles(question)  # not 3건 of 계약, not the 2건 of 12건


def test_the_reporters_name_asked_with_a_space_is_the_author(service):
    answer = service.ask("두 기사 각각 어느 매체에서 나왔고 기자 이름은 뭐야?")
    for name in ("시사위크", "송가영", "뷰어스", "송인화"):
        assert name in answer.answer


def test_which_article_came_first(service):
    answer = service.ask("두 기사 중 어느 게 먼저 나왔어?")
    assert answer.answer.startswith("시사위크 기사가 먼저 나왔습니다.")
    assert "2021년 3월 15일" in answer.short_answer and "2021년 6월 30일" in answer.short_answer
    timed = service.ask("두 기사 승인 시간 각각 몇 시야?")
    assert "10:23" in timed.short_answer and "13:36" in timed.short_answer


def test_each_name_gets_its_own_cited_answer(service):
    answer = service.ask("네이버랑 카카오는 각각 어디랑 지분 교환했어?")
    lines = answer.answer.splitlines()
    assert lines[0].startswith("네이버: CJ대한통운") and lines[1].startswith("카카오: SK텔레콤")
    assert [c.ref for c in answer.citations] == list(range(1, len(answer.citations) + 1))  # renumbered in order
    assert "[1]" in lines[0] and f"[{len(answer.citations)}]" in lines[1]


def test_a_sentence_pairing_each_name_with_its_own_gives_each_its_own(service):
    """"A가 서비스 중인 ‘X’는 … B의 ‘Y’": each name's part is answered by its own value, not one value for both."""
    answer = service.ask("카카오랑 SKT가 각각 서비스하는 음원 앱은 뭐야?")
    assert answer.short_answer == "카카오: 멜론 · SKT: 플로"
    answer = service.ask("카카오와 SKT는 인증서 서비스로 각각 뭘 내놨어?")
    assert answer.short_answer.endswith("SKT: 패스") and "패스" not in answer.short_answer.split("·")[0]


def test_names_asked_each_their_partner_may_answer_each_other(service):
    """"각각 누구랑": the partner asked may be the other name of the question."""
    answer = service.ask("카카오랑 SK텔레콤은 각각 누구랑 지분 교환했어?")
    assert answer.short_answer == "카카오: SK텔레콤 · SK텔레콤: 카카오", answer.answer


def test_things_asked_each_whose_they_are_get_their_own_owner(writable_service):
    """"쿠팡이 서비스 중인 ‘소리’ … 네이버의 ‘바이브’": each thing's company, and never the other thing asked."""
    service = writable_service()
    service.add_article("음원 앱 경쟁", "국내 음원 앱 시장의 경쟁이 치열하다. 현재 쿠팡이 서비스 중인 ‘소리’는 음원 시장 1위에 "
                        "올라있는 네이버의 ‘바이브’를 바짝 추격하고 있다.")
    assert service.ask("소리랑 바이브는 각각 어느 회사 앱이야?").short_answer == "소리: 쿠팡 · 바이브: 네이버"


def test_the_same_answer_from_both_articles_is_said_once(service):
    answer = service.ask("두 기사 모두에 나오는 ESG 펀드 운용 검토 회사는?")
    assert answer.short_answer == "카카오벤처스"
    assert {c.doc_id for c in answer.citations} == {SISAWEEK, VIEWERS}


def test_a_scope_of_one_article_answers_once(service):
    answer = service.ask("두 기사 각각 누가 썼어?", filters=Filters(outlet=["뷰어스"]))
    assert {c.doc_id for c in answer.citations} == {VIEWERS} and "송인화" in answer.answer


def test_two_interrogatives_are_two_questions(decomposer, service):
    plan = decomposer.plan("카카오와 SKT가 지분 교환한 건 언제고 규모는 얼마야?", lambda n: [])
    assert [(p.label, p.question) for p in plan.parts] == [
        ("언제", "카카오와 SKT가 지분 교환한 건 언제?"), ("얼마", "카카오와 SKT가 지분 교환한 건 규모는 얼마야?")]
    assert decomposer.plan("왜냐하면 언제 했어?", lambda n: []) is None  # 왜냐하면 is a conjunction, not 왜
    answer = service.ask("네이버 콜드체인 풀필먼트 어디에 언제 생겨?")
    lines = answer.answer.splitlines()
    assert lines[0].startswith("어디: 용인") and lines[1].startswith("언제:") and "8월" in lines[1]


def test_choosing_one_of_several_is_not_asking_each(decomposer):
    """"A와 B가 각각 주장한 위치 중 누가 …" asks which one (a KorQuAD question), not one answer for each."""
    question = "궁궐의 위치는 무학대사와 정도전이 각각 주장한 위치중 누가 주장한 곳에 세워지게 되는가?"
    assert decomposer.plan(question, lambda n: []) is None


@pytest.mark.parametrize("question, names", [
    ("카카오와 SK텔레콤은 각각 어디와 손잡았어?", ["카카오", "SK텔레콤"]),  # Kiwi splits SK텔레콤 into SK + 텔레콤
    ("SK텔레콤과 카카오는 각각 어디랑 손잡았어?", ["SK텔레콤", "카카오"]),
    ("각각 네이버랑 카카오가 손잡은 곳은?", ["네이버", "카카오"]),
])
def test_names_are_read_word_by_word(decomposer, question, names):
    plan = decomposer.plan(question, lambda n: [])
    assert [p.label for p in plan.parts] == names
    assert all("각각" not in p.question and p.question.startswith(p.label) for p in plan.parts)


@pytest.mark.parametrize("question,parts,direction", [
    ("멜론이랑 지니 중에 어느 쪽이 점유율이 더 높아?", ["멜론 점유율은 얼마야?", "지니 점유율은 얼마야?"], "more"),
    ("티맵택시 점유율과 플로 점유율, 어느 게 더 낮아?", ["티맵택시 점유율은 얼마야?", "플로 점유율은 얼마야?"], "less"),
    ("한빛제철과 대성중공업 중 직원이 더 많은 곳은?", ["한빛제철 직원은 얼마야?", "대성중공업 직원은 얼마야?"], "more"),
    # What is measured may come first, as a scope: "…에서 A하고 B 중".
    ("호출 시장 점유율에서 카카오T하고 티맵택시 중 어느 쪽이 더 커?",
     ["카카오T 호출 시장 점유율은 얼마야?", "티맵택시 호출 시장 점유율은 얼마야?"], "more"),
    # Or after the second name, shared by both: "A랑 B 직원 수".
    ("한빛제철이랑 대성중공업 직원 수 어디가 더 적어?", ["한빛제철 직원 수는 얼마야?", "대성중공업 직원 수는 얼마야?"], "less"),
    # which was larger then: a past state is compared too
    ("작년 기준 수출 비중으로 보면 한빛제철이랑 대성중공업 중에 어디가 더 높았어?",
     ["한빛제철 작년 기준 수출 비중은 얼마야?", "대성중공업 작년 기준 수출 비중은 얼마야?"], "more"),
])
def test_a_comparison_of_two_amounts_asks_each_amount(decomposer, question, parts, direction):
    plan = decomposer.plan(question, lambda n: [])
    assert [p.question for p in plan.parts] == parts and plan.compare == direction


@pytest.mark.parametrize("question", [
    "카카오랑 네이버 중 누가 더 많아?",  # more of what: nothing to ask of each
    "네이버와 카카오 중 어디가 더 좋아?",  # not a size: no amount decides it
    "네이버와 손잡은 뒤, 카카오 점유율은 더 높아졌어?",  # a change, not two amounts
    "삼성전자 매출과 영업이익 중 뭐가 더 많이 늘었어?",
    "카카오와 네이버가 협상 중, 지분을 더 많이 가진 곳은?",
    "한빛제철이랑 대성중공업 중에 내년 매출이 어디가 더 많겠어?",  # a guess, not a state compared
])
def test_comparisons_without_two_amounts_are_not_split(decomposer, question):
    assert decomposer.plan(question, lambda n: []) is None


def test_a_comparison_that_is_not_one_leaves_the_question_to_the_other_plans(decomposer):
    plan = decomposer.plan("네이버랑 카카오는 각각 누가 더 많이 투자했어?", lambda n: [])
    assert [p.label for p in plan.parts] == ["네이버", "카카오"] and plan.compare is None


@pytest.mark.parametrize("question,parts,direction", [
    ("한빛제철은 대성중공업보다 직원 수 많아?", ["한빛제철 직원 수는 얼마야?", "대성중공업 직원 수는 얼마야?"], "more"),
    ("한빛제철 매출이 대성중공업보다 더 적지?", ["한빛제철 매출은 얼마야?", "대성중공업 매출은 얼마야?"], "less"),
    ("티맵택시가 카카오T보다 점유율이 더 낮아?", ["티맵택시 점유율은 얼마야?", "카카오T 점유율은 얼마야?"], "less"),
    # a name of two words: the common nouns after it are what is measured
    ("카카오 T 점유율이 우티보다 높아?", ["카카오 T 점유율은 얼마야?", "우티 점유율은 얼마야?"], "more"),
])
def test_a_yes_no_comparison_asks_each_amount(decomposer, question, parts, direction):
    """"A는 B보다 X 많아?" claims the first is larger: each amount is asked, then the claim checked."""
    plan = decomposer.plan(question, lambda n: [])
    assert [p.question for p in plan.parts] == parts and (plan.compare, plan.claimed) == (direction, True)


@pytest.mark.parametrize("question", [
    "한빛제철이 대성중공업보다 커?",  # bigger in what: nothing to ask of each
    "한빛제철이 대성중공업보다 직원을 많이 뽑았어?",  # a verb, not two amounts
    "한빛제철 직원 수가 작년보다 늘었어?",  # a change over time
    "한빛제철은 대성중공업보다 직원 수가 많았어?",  # a past state
    "누가 대성중공업보다 직원이 많아?",  # asks who: not yes or no
    # no second name to ask: a time, a figure, a common noun
    "한빛제철 점유율이 지난해보다 높아?", "한빛제철 매출이 작년보다 많아?", "한빛제철 점유율이 50%보다 높아?",
    "한빛제철 연봉이 평균보다 높아?",
    "한빛제철은 대성중공업보다 설립 시점이 일러?",  # dates: which came first is another answer
    "많이 쓰는 대성중공업보다 한빛제철 매출 많아?",  # 는 of a verb's modifier, no topic
])
def test_yes_no_questions_that_compare_no_two_amounts_are_not_split(decomposer, question):
    plan = decomposer.plan(question, lambda n: [])
    assert plan is None or not plan.claimed


def test_a_yes_no_comparison_is_answered_yes_or_no_with_each_amount(service):
    answer = service.ask("멜론 점유율이 카카오모빌리티보다 낮아?")
    assert answer.answer.splitlines()[0] == "네, 멜론 점유율 쪽이 더 작습니다 (멜론 점유율 34.14% 대 카카오모빌리티 점유율 80% 이상)."
    answer = service.ask("지니가 멜론보다 점유율 높아?")
    assert answer.answer.splitlines()[0] == "아니요, 멜론 점유율 쪽이 더 큽니다 (멜론 점유율 34.14% 대 지니 점유율 23.1%)."
    assert len(answer.citations) == 2


def test_a_comparison_is_answered_with_each_amount_cited(service):
    answer = service.ask("카카오모빌리티 택시 호출 점유율이랑 멜론 점유율 중 어느 쪽이 더 낮아?")
    assert answer.answerable and answer.short_answer == "멜론 점유율 (멜론 점유율 34.14% 대 카카오모빌리티 택시 호출 점유율 80% 이상)"
    assert answer.answer.splitlines()[0] == "멜론 점유율 쪽이 더 작습니다 (멜론 점유율 34.14% 대 카카오모빌리티 택시 호출 점유율 80% 이상)."
    cited = [c.evidence for c in answer.citations]
    assert len(cited) == 2 and "80% 이상" in cited[0] and "34.14%" in cited[1]


@pytest.mark.parametrize("question,parts", [
    ("ESG 공동펀드 운용 주체랑 지원 대상 알려줘", ["ESG 공동펀드 운용 주체 알려줘", "ESG 공동펀드 지원 대상 알려줘"]),
    ("네이버 풀필먼트 센터 위치랑 개소 시기는?", ["네이버 풀필먼트 센터 위치는?", "네이버 풀필먼트 개소 시기는?"]),
    # "뭐라고 했어?" after two things asks what each is
    ("카카오-SKT 지분교환 연도랑 규모를 뭐라고 했어?", ["카카오-SKT 지분교환 연도는?", "카카오-SKT 지분교환 규모는?"]),
])
def test_two_things_asked_of_one_topic_are_asked_one_by_one(decomposer, question, parts):
    assert [p.question for p in decomposer.plan(question, lambda n: []).parts] == parts


@pytest.mark.parametrize("question", [
    "매출과 영업이익이 늘어난 이유는?",  # one thing asked about both
    "카카오와 SKT가 협력하기로 한 분야는?",  # names, not things asked
    "ESG 공동펀드 운용 주체와 지원 대상",  # a keyword query: no request, no question mark
    "지분교환 연도와 규모가 발표된 곳은?",
    "카카오 인증서랑 경쟁하는 SKT 서비스 뭐야?",  # 랑 belongs to the verb: what competes with it
    "버락 오바마 대통령과 함께 일하게 된 부통령은 누구인가?",
    "네이버 씨제이대한통운이랑 지분교환 언제햇어",  # the two are what was done, not what is asked
    # which words share the second's head noun is not said; a name among them is the topic
    "수입과 지출 총액은?", "삼성전자 매출과 영업이익 증가율은?", "노인과 바다 저자 알려줘",
    "평가하였던 신경과 의사의 이름은?",  # the second owns what is asked (신경과 is a department)
    "아키의 모리 가문과 견원지간이었던 사람은?",
])
def test_things_that_are_not_what_is_asked_are_not_split(decomposer, question):
    assert decomposer.plan(question, lambda n: []) is None


@pytest.mark.parametrize("question,parts,direction", [
    ("카카오-SKT 지분교환이랑 네이버-CJ대한통운 지분교환 중 어느 게 더 이른 거야?",
     ["카카오-SKT 지분교환은 언제야?", "네이버-CJ대한통운 지분교환은 언제야?"], "earlier"),
    ("CJ대한통운 지분교환이랑 신세계 지분교환 중 뭐가 먼저야?",
     ["CJ대한통운 지분교환은 언제야?", "신세계 지분교환은 언제야?"], "earlier"),
    ("용인 센터랑 군포 센터 중 어디가 더 늦게 열려?", ["용인 센터는 언제 열려?", "군포 센터는 언제 열려?"], "later"),
    ("카카오 대표랑 네이버 대표 중 누가 먼저 취임했어?", ["카카오 대표는 언제 취임했어?", "네이버 대표는 언제 취임했어?"], "earlier"),
    ("이순신 장군과 원균 장군 중 먼저 죽은 사람은?", None, None),  # one of them is asked, not two dates
    ("네이버 배송이랑 쿠팡 배송 중 어느 쪽이 더 빨라?", None, None),  # a speed
    ("네이버가 CJ대한통운이랑 신세계랑 지분교환한 거 어느 쪽이 먼저였어?",  # names joined within one phrase
     ["네이버가 CJ대한통운이랑 지분교환한 거 언제야?", "네이버가 신세계랑 지분교환한 거 언제야?"], "earlier"),
    ("쿠팡이랑 네이버 중 배송이 더 빠른 곳은?", None, None),  # a speed, not a date
    # "어디와", "어느 쪽과" ask which one, not an attribute; the topic both share (네이버는) is asked with each
    ("네이버는 CJ대한통운이랑 신세계 중에 어디와 먼저 지분을 맞바꿨나요?",
     ["CJ대한통운과 네이버는 언제 지분을 맞바꿨나요?", "신세계와 네이버는 언제 지분을 맞바꿨나요?"], "earlier"),
    ("네이버는 CJ대한통운이랑 신세계 중 어느 쪽과 먼저 지분교환을 했나요?",
     ["CJ대한통운과 네이버는 언제 지분교환을 했나요?", "신세계와 네이버는 언제 지분교환을 했나요?"], "earlier"),
    # "CJ대한통운하고" read alone is the verb 하다; in its question it joins 신세계
    ("네이버가 CJ대한통운하고 신세계 중 어디랑 먼저 지분교환 했어요?",
     ["CJ대한통운과 네이버가 언제 지분교환 했어요?", "신세계와 네이버가 언제 지분교환 했어요?"], "earlier"),
    ("매출이 늘어난 카카오랑 네이버 중 어디가 더 먼저야?", None, None),  # 매출이 is its clause's subject, not a topic
])
def test_which_came_first_asks_each_date(decomposer, question, parts, direction):
    plan = decomposer.plan(question, lambda n: [])
    assert (plan and [p.question for p in plan.parts], plan and plan.compare) == (parts, direction)


def test_which_of_two_partners_came_first_is_answered_with_the_partner(service):
    """The one chosen, with each date ("지난해 10월" of a June 2021 article is before its "지난 3월"), each cited."""
    answer = service.ask("네이버는 CJ대한통운이랑 신세계 중에 어디와 먼저 지분을 맞바꿨나요?")
    assert answer.short_answer == "CJ대한통운 (CJ대한통운 지난해 10월 대 신세계 지난 3월)"
    assert answer.answer.splitlines()[0] == "CJ대한통운 쪽이 먼저입니다 (CJ대한통운 지난해 10월 대 신세계 지난 3월)."
    assert ["지난해 10월" in c.evidence for c in answer.citations] == [True, False]


def test_which_came_first_is_answered_from_each_articles_date(service):
    answer = service.ask("카카오-SKT 지분교환이랑 네이버-CJ대한통운 지분교환 중 어느 게 더 이른 거야?")
    assert answer.answer.splitlines()[0] == "카카오-SKT 지분교환 쪽이 먼저입니다 (카카오-SKT 지분교환 지난 2019년 대 네이버-CJ대한통운 지분교환 지난해 10월)."
    assert ["2019년" in c.evidence for c in answer.citations] == [True, False]


@pytest.mark.parametrize("question,parts", [
    ("멜론이랑 플로 점유율 차이 얼마나 나?", ["멜론 점유율은 얼마야?", "플로 점유율은 얼마야?"]),
    ("지니 점유율이랑 플로 점유율 격차 알려줘", ["지니 점유율은 얼마야?", "플로 점유율은 얼마야?"]),
])
def test_a_difference_asks_each_amount(decomposer, question, parts):
    plan = decomposer.plan(question, lambda n: [])
    assert [p.question for p in plan.parts] == parts and plan.compare == "difference"
    assert decomposer.plan("카카오랑 네이버 차이가 뭐야?", lambda n: []) is None  # the difference in what?
    assert decomposer.plan("백신 맞은 사람이랑 정부가 목표로 한 인원 비교하면 얼마나 차이 나?", lambda n: []) is None


def test_outlets_named_together_are_asked_one_by_one(decomposer, service):
    outlets = frozenset({"시사위크", "뷰어스"})
    plan = decomposer.plan("팬데믹 극복 AI 공개 시점을 시사위크랑 뷰어스 기사는 각각 어떻게 적었어?", lambda n: [], outlets)
    assert [(p.label, p.outlet, p.question) for p in plan.parts] == [
        ("시사위크", "시사위크", "팬데믹 극복 AI 공개 시점을 어떻게 적었어?"),
        ("뷰어스", "뷰어스", "팬데믹 극복 AI 공개 시점을 어떻게 적었어?")]
    answer = service.ask("카카오 SKT 지분교환 규모를 시사위크랑 뷰어스는 각각 얼마라고 했어?")
    assert answer.answer.splitlines()[0] == "3,000억원입니다 (시사위크, 뷰어스 모두)."  # each part, then said once
    assert [c.doc_id for c in answer.citations] == [SISAWEEK, VIEWERS]


def test_common_nouns_joined_before_each_are_asked_one_by_one(decomposer):
    plan = decomposer.plan("네이버 군포랑 용인에 각각 무슨 물류센터 만든다는 거야?", lambda n: [])
    assert [p.question for p in plan.parts] == ["네이버 군포에 무슨 물류센터 만든다는 거야?", "네이버 용인에 무슨 물류센터 만든다는 거야?"]
    # where a phrase of common nouns ends, only a particle says: no garbled parts
    assert decomposer.plan("센터 규모랑 투자 금액은 각각 얼마야?", lambda n: []) is None


def test_clauses_side_by_side_are_asked_one_by_one(decomposer):
    plan = decomposer.plan("네이버는 CJ대한통운과, 카카오는 SK텔레콤과 각각 무슨 목적으로 손잡은 거야?", lambda n: [])
    assert [(p.label, p.question) for p in plan.parts] == [
        ("네이버", "네이버는 CJ대한통운과 무슨 목적으로 손잡은 거야?"), ("카카오", "카카오는 SK텔레콤과 무슨 목적으로 손잡은 거야?")]


def test_several_articles_combined_get_one_answer(decomposer, service):
    both = list(service.index.documents.values())
    plan = decomposer.plan("두 기사 합쳐서 카카오랑 SKT 협력 분야 다 말해줘", lambda n: both[:n])
    assert [(p.label, p.question, p.doc_id) for p in plan.parts] == [("", "카카오랑 SKT 협력 분야 다 말해줘", None)]
    answer = service.ask("두 기사 종합하면 ESG 공동펀드 운용은 누가 맡아?")
    assert answer.short_answer == "카카오벤처스" and answer.question == "두 기사 종합하면 ESG 공동펀드 운용은 누가 맡아?"


def test_each_article_is_asked_each_thing(decomposer, service):
    both = sorted(service.index.documents.values(), key=lambda d: d.published)
    plan = decomposer.plan("두 기사 각각 카카오-SKT 지분교환 연도랑 규모를 뭐라고 했어?", lambda n: both[:n])
    assert [(p.label, p.question, p.doc_id) for p in plan.parts] == [
        ("시사위크 연도", "카카오-SKT 지분교환 연도는?", SISAWEEK), ("시사위크 규모", "카카오-SKT 지분교환 규모는?", SISAWEEK),
        ("뷰어스 연도", "카카오-SKT 지분교환 연도는?", VIEWERS), ("뷰어스 규모", "카카오-SKT 지분교환 규모는?", VIEWERS)]


@pytest.mark.parametrize("question,asked", [
    ("팬데믹 극복 AI 공개 시점을 두 기사에서 각각 뭐라고 써놨어?", "팬데믹 극복 AI 공개 시점은?"),  # what the 시점 is
    ("지분교환 규모를 두 기사는 각각 뭐라고 했어?", "지분교환 규모는?"),
    ("AI 협의체를 두 기사는 각각 뭐라고 불렀어?", "AI 협의체를 뭐라고 불렀어?"),  # its name, as written
    ("협력 방식을 두 기사는 각각 뭐라고 했어?", "협력 방식을 뭐라고 했어?"),  # no date, amount or name asked
])
def test_what_each_article_says_a_value_is(decomposer, service, question, asked):
    both = list(service.index.documents.values())
    assert {p.question for p in decomposer.plan(question, lambda n: both[:n]).parts} == {asked}


@pytest.mark.parametrize("question", [
    "시사위크와 뷰어스의 공통점은?",  # no 각각: one answer about both
    "시사위크와 시사위크 각각 뭐야?",  # one outlet
])
def test_outlets_are_asked_one_by_one_only_when_each_is_asked(decomposer, question):
    assert decomposer.plan(question, lambda n: [], frozenset({"시사위크", "뷰어스"})) is None


def test_combining_words_are_whole_words(decomposer, service):
    both = list(service.index.documents.values())
    plan = decomposer.plan("두 기사에서 종합부동산세 세율은 각각 얼마야?", lambda n: both[:n])
    assert [p.question for p in plan.parts] == ["종합부동산세 세율은 얼마야?"] * 2  # 종합 of 종합부동산세 combines nothing


def test_a_difference_of_phrases_ending_on_the_genitive(decomposer):
    plan = decomposer.plan("경선 결과 이명박과 박근혜의 표 차이는?", lambda n: [])
    assert [p.question for p in plan.parts] == ["이명박 표는 얼마야?", "박근혜 표는 얼마야?"]


def test_a_difference_not_of_amounts_is_answered_whole(service):
    whole = service.ask("카카오와 SKT의 인증서 서비스 이름 차이는?")
    assert not whole.answer.startswith("차이는") and "카카오: " not in whole.answer


def test_a_scope_before_the_compared_names_is_asked_of_both_not_named(decomposer):
    """"작년 11월 기준으로 멜론이랑 플로 중 …": the adverbial phrase before the names dates what each is asked."""
    plan = decomposer.plan("작년 11월 기준으로 멜론이랑 플로 중에 점유율 더 높은 게 어디야?", lambda n: [])
    assert [p.label for p in plan.parts] == ["멜론", "플로"]
    assert all("11월 기준" in p.question for p in plan.parts)
    plan = decomposer.plan("음원 시장으로 보면 멜론이랑 플로 중 어디가 더 높아?", lambda n: [])
    assert [p.label for p in plan.parts] == ["멜론", "플로"]  # the verb closing the scope is no part of a name
