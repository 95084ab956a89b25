"""Composing answers: yes/no polarity read from the predicate the question asks about; comparisons of two amounts."""

from __future__ import annotations

import pytest

from qa.composer import (ABSTAIN_TEXT, agrees, asks_settled, called_off, compared_answer, difference_answer, only_planned,
                         only_speculated,
                         ordered_answer)
from qa.contract import Answer, Citation


@pytest.mark.parametrize(
    "question,evidence,yes",
    [
        ("네이버는 물류센터를 갖고 있어?", "네이버가 가진 물류센터는 없다.", False),
        ("네이버는 물류센터가 없어?", "네이버가 가진 물류센터는 없다.", True),
        ("두 회사는 펀드를 함께 만들어?", "두 회사는 ESG 공동펀드도 함께 조성한다.", True),
        # Two negations in the evidence, one in the question: the asked predicate (막다) decides.
        ("평형수를 교체하지 않은 선박의 입항을 막았나?", "평형수를 교체하지 않았더라도 입항을 막지는 않았다.", False),
        ("공동인수는 성사됐어?", "두 회사의 공동인수는 성사되지 못했다.", False),
        ("그 법안은 통과됐어?", "법안은 본회의를 통과했다.", True),
        # A predicate modifying a noun is negated with the noun's predicate: "운영하는 공장은 없다".
        ("그 회사는 공장을 운영하고 있어?", "그 회사가 운영하는 공장은 없다.", False),
        ("그 회사는 공장을 운영해?", "그 회사가 운영하는 공장은 두 곳이다.", True),
        # "-지 않-" closing a question asks to confirm the positive; "안 …" asks about the negation.
        ("두 회사가 합병하지 않았어?", "두 회사는 지난해 합병했다.", True),
        ("두 회사가 예전에 합병한 적 있지 않나요?", "두 회사는 합병한 적이 없다.", False),
        ("두 회사가 합병 안 했어?", "두 회사는 지난해 합병했다.", False),
        ("두 회사가 합병하지 않았대?", "두 회사는 합병하지 않았다고 밝혔다.", True),  # reported: the negation asked
        ("두 회사가 합병하지 않아서 생긴 문제는 없어?", "두 회사가 합병하지 않아 생긴 문제는 없다.", True),
        # A question framing a clause ("…라고 보나요?") asks about the clause's predicate.
        ("합병이 무산돼도 협업엔 지장이 없을 거라고 보나요?", "합병은 무산됐으나 협업에 큰 지장은 없을 것으로 보인다.", True),
        ("합병 뒤에도 공장은 문을 닫지 않을 것으로 예상해?", "합병 뒤 공장은 문을 닫을 것으로 예상된다.", False),
        ("합병이 무산돼도 협업은 문제없을 걸로 보나요?", "합병은 무산됐으나 협업에 큰 문제는 없을 것으로 보인다.", True),
        ("합병 뒤에 공장은 문을 닫을 걸로 봐?", "합병 뒤에도 공장은 문을 닫지 않을 것으로 보인다.", False),
        ("그 제품은 출시된 걸로 알려졌어?", "그 제품은 출시되지 않은 것으로 알려졌다.", False),  # Kiwi's 걸 + 로
        # "…거 맞아?" confirms the clause before it.
        ("그 회사는 자체 공장이 없는 거 맞지?", "그 회사가 가진 공장은 없다.", True),
        ("그 회사는 공장이 있는 게 맞아?", "그 회사가 가진 공장은 없다.", False),
        ("그 회사가 공장을 닫은 거 맞아?", "그 회사는 지난달 공장을 닫았다.", True),
        # Words for falling through mean one thing: "무산됐어?" against "결렬됐으나".
        ("두 회사의 합병은 무산됐나요?", "두 회사의 합병은 지난달 결렬됐으나 협력은 이어진다.", True),
        ("합병 협상은 실패했어?", "합병 협상은 결렬되지 않고 이어지고 있다.", False),
        # "처음이 아니다" says it happened before; "처음이다" that it never did.
        ("두 회사가 전에도 협력한 적이 있나요?", "두 회사의 협력은 이번이 처음이 아니다.", True),
        ("두 회사가 협력한 적 없어?", "두 회사의 협력은 이번이 처음이 아니다.", False),
        ("두 회사가 전에 협력한 적 있어?", "두 회사의 협력은 이번이 처음이다.", False),
        ("두 회사가 전에 협력한 적 없어?", "두 회사의 협력은 이번이 처음이다.", True),
        ("두 회사가 협력한 적도 있어?", "두 회사의 협력은 이번이 처음이 아니다.", True),
        ("두 회사가 협력한 적 있어?", "두 회사는 2019년에도 협력했으며, 공동 투자는 이번이 처음이다.", True),  # said directly
        # The outcome of the asked event, not of another clause's; a success says it did not fall through.
        ("두 회사의 합병은 무산됐나요?", "합병은 성사됐지만 후속 투자 계획은 철회됐다.", False),
        ("두 회사의 합병은 성사됐나요?", "두 회사의 합병은 끝내 무산됐다.", False),
        ("두 회사의 합병은 무산됐나요?", "두 회사의 합병은 성사되지 못했다.", True),
    ],
)
def test_polarity_follows_the_asked_predicate(analyzer, question, evidence, yes):
    assert agrees(question, evidence, analyzer) is yes


@pytest.mark.parametrize(
    "question,evidence,planned",
    [
        # Asked whether it happened; the article gives it as a goal, a plan, under review: it cannot say.
        ("그 신약은 실제로 출시됐어?", "회사는 내년 출시를 목표로 신약을 개발 중이다.", True),
        ("공장 부지는 확정된 거야?", "회사는 공장 부지로 평택을 검토 중인 것으로 알려졌다.", True),
        ("새 공장은 지어졌어?", "회사는 오는 8월 새 공장을 지을 예정이다.", True),
        # Said to have happened, or not asked whether it happened: polarity decides as usual.
        ("새 공장은 지어졌어?", "회사는 지난달 새 공장을 지었고, 두 번째 공장도 지을 계획이다.", False),
        ("그 신약을 개발하고 있어?", "회사는 내년 출시를 목표로 신약을 개발 중이다.", False),
        ("두 회사는 합병했어?", "두 회사는 지난해 합병했다.", False),
        # A plan in another clause is not about what is asked; an agreement ("-기로 했어?") is what a plan says.
        ("협의체에 삼성도 참여했나요?", "지난해 삼성과 함께 협의체를 구성, 올해 신약 공개를 목표로 개발할 계획이다.", False),
        ("두 회사는 특허를 공유하기로 했어?", "두 회사는 특허를 서로 공유한다는 계획이다.", False),
        ("미국 공장도 지었어?", "회사는 지난해 한국 공장을 지었고, 미국 공장도 지을 계획이다.", True),
        # A plan noun that frames nothing as planned: met, kept to, announced.
        ("매출 목표 달성했어?", "회사는 매출 목표 10조원을 넘어섰다.", False),
        ("새 스마트폰 출시했어?", "삼성전자는 예정대로 지난달 새 스마트폰을 선보였다.", False),
        ("구조조정 계획을 발표했어?", "회사는 구조조정 계획을 지난달 공개했다.", False),
        # Honorific, negated and double-past questions ask whether it happened too.
        ("삼성전자가 새 스마트폰을 출시하셨어요?", "삼성전자는 내년 새 스마트폰 출시를 목표로 개발 중이다.", True),
        ("그 신약 아직 출시되지 않았어?", "회사는 내년 출시를 목표로 신약을 개발 중이다.", True),
        # Asking when or where it happened presumes it did: a plan gives no such time or place.
        ("그 신약은 언제 출시됐어?", "회사는 내년 상반기 출시를 목표로 신약을 개발 중이다.", True),
        ("새 공장은 어디에 지어졌어?", "회사는 오는 8월 평택에 새 공장을 지을 예정이다.", True),
        ("그 신약은 언제 출시돼?", "회사는 내년 상반기 출시를 목표로 신약을 개발 중이다.", False),
        ("새 공장은 어디에 지어졌어?", "회사는 지난달 평택에 새 공장을 지었다.", False),
        ("신약 출시 목표 시점은 언제였어?", "회사는 내년 상반기 출시를 목표로 신약을 개발 중이다.", False),
        # "목표로" as "with the aim of" beside an event said to have happened, in other words than the question's.
        ("재단은 언제 출범했어?", "재단은 청년 창업 지원을 목표로 지난해 3월 설립됐다.", False),
        ("한국은행은 왜 금리를 인상했어?", "한국은행은 물가 안정을 목표로 기준금리를 0.25%포인트 올렸다.", False),
        ("합의는 언제 이뤄졌어?", "양측은 연내 타결을 목표로 협상했고 합의는 지난달 이루어졌다.", False),
    ],
)
def test_a_plan_does_not_answer_whether_it_happened(analyzer, question, evidence, planned):
    wh = any(w in question for w in ("언제", "어디", "왜", "누가", "무엇", "얼마"))
    assert only_planned(question, evidence, analyzer, asks_whether=not wh) is planned


@pytest.mark.parametrize("question", ["신차 출시 확정이야?", "신차 출시가 사실이야?", "신차 출시는 확실해요?",
                                      "신차 출시 결정됐어?"])
def test_asking_whether_a_planned_event_is_settled_gets_no_yes(analyzer, question):
    assert only_planned(question, "회사는 내년 출시를 목표로 신차를 개발 중이다.", analyzer)
    assert not only_planned(question, "회사는 지난달 신차를 출시했다.", analyzer)


@pytest.mark.parametrize("question, evidence", [
    ("울산 신공장 완공 사실이야?", "당초 2025년 완공 예정이던 현대차 울산 신공장은 올해 완공됐다."),
    ("울산 신공장 완공 확정된 거야?", "당초 2025년 완공 예정이던 현대차 울산 신공장은 올해 완공됐다."),
    ("매출 1조원 달성 확실해?", "회사는 목표로 했던 매출 1조원을 지난해 달성했다."),
    ("영업이익 10조 돌파한 거 사실이야?", "2분기 영업이익 10조원을 돌파한 삼성전자는 하반기 반도체 투자 확대를 추진한다."),
])
def test_a_settled_event_the_evidence_says_happened_is_not_only_planned(analyzer, question, evidence):
    """A plan noun beside it ("예정이던", "목표로 했던", "추진한다") does not make what happened a plan."""
    assert not only_planned(question, evidence, analyzer)


@pytest.mark.parametrize("question, settled", [
    ("신차 출시 확정이야?", True),
    ("합병은 확정된 거야?", True),
    ("인수가 결정됐어?", True),
    ("그 얘기 사실이에요?", True),
    ("합병 확실해?", True),
    ("신차 출시됐어?", False),  # whether it happened: a plan leaves it open
    ("공식 발표했어?", False),
    ("사실상 합병한 거야?", False),  # 사실상 is an adverb here, not the predicate
])
def test_questions_asking_whether_something_is_settled(analyzer, question, settled):
    assert asks_settled(question, analyzer) is settled


@pytest.mark.parametrize("question", ["공장은 계획대로 완공됐어?", "신차는 예정대로 출시됐어?"])
def test_a_plan_noun_in_a_yes_no_question_still_asks_whether_it_happened(analyzer, question):
    assert only_planned(question, "회사는 내년 완공과 출시를 목표로 공사 중이다.", analyzer)


TALK = "일각에서는 A사와 B사의 합병 가능성도 제기된다."


@pytest.mark.parametrize("question,evidence,asks_whether,speculated", [
    ("A사와 B사 합병, 공식 발표한 거야?", TALK, True, True),
    ("A사와 B사가 합병했어?", TALK, True, True),
    ("A사와 B사는 언제 합병했어?", TALK, False, True),
    ("A사와 B사는 언제 합병했어?", "시장에서는 A사가 C사를 인수할 것이라는 관측이 나온다.", False, False),  # another event
    ("A사와 B사 합병 가능성이 제기됐어?", TALK, True, False),  # asks about the talk itself
    ("A사와 B사가 합병했어?", "A사와 B사는 지난달 합병했다. 추가 인수 가능성도 제기된다.", True, False),  # it happened
    ("A사와 B사가 합병할까?", TALK, True, False),  # no past presumed
    ("A사와 B사가 합병했어?", "양사의 합병설이 돌고 있다.", True, True),  # a rumour glued to its event
    ("A사가 B사를 인수했어?", "A사가 B사를 인수할 것이라는 관측이다.", True, True),
    ("A사와 B사가 합병했어?", "A사, B사와 합병 가능성?", True, True),  # a headline closing on the talk
    ("A사와 B사가 합병했어?", "A사-B사 합병설", True, True),
    # A noun of talk that says nothing is only talk: met, borne, a season, a source of news.
    ("한빛제약이 흑자 전환했어?", "한빛제약은 1분기 시장 예상을 깨고 흑자로 돌아섰다.", True, False),
    ("A사가 B사를 인수했어?", "A사는 예상대로 B사를 품에 안았다.", True, False),
    ("김 대표가 사퇴했어?", "김 대표는 횡령 의혹 끝에 지난달 대표직에서 물러났다.", True, False),
    ("폭설이 왔어?", "관측 이래 최대 적설량을 기록했다.", True, False),
    ("범인을 검거했어?", "경찰은 소문을 듣고 잠복해 범인을 검거했다.", True, False),
    # Asked whether it is settled ("확정이야?", "사실이야?", "확실해?"), as a past verb asks whether it happened.
    ("A사랑 B사 합병은 확정이야?", TALK, True, True),
    ("A사와 B사가 합병한다는 게 사실이에요?", TALK, True, True),
    ("A사와 B사 합병 확실해?", TALK, True, True),
    ("A사와 B사 합병 확정이야?", "A사와 B사는 지난달 합병을 확정했다.", True, False),
    ("A사와 B사 합병 확정이야?", "A사와 B사는 지난달 합병했다.", True, False),
    ("A사와 B사 합병이 사실이야?", "A사와 B사는 지난달 합병했다. 추가 인수 가능성도 제기된다.", True, False),
    # The settled event said to have happened, beside talk of another: not only talk.
    ("카카오의 멜론 인수는 확정이야?", "카카오의 멜론 인수가 확정된 가운데 업계에선 후속 구조조정 가능성도 제기된다.", True,
     False),
])
def test_talk_does_not_say_it_happened(analyzer, question, evidence, asks_whether, speculated):
    assert only_speculated(question, evidence, analyzer, asks_whether) is speculated


FELL_THROUGH = "지난해 추진된 제주항공의 이스타항공 인수는 결렬됐으나 양사의 노선 협력은 이어지고 있다."


@pytest.mark.parametrize("question,evidence,presumed", [
    ("이스타항공은 결국 어느 회사가 인수했어?", FELL_THROUGH, True),
    ("이스타항공을 인수한 회사는 어디야?", FELL_THROUGH, True),  # a past relative clause presumes it too
    ("제주항공은 언제 이스타항공을 인수했나요?", "제주항공은 지난해 이스타항공 인수에 실패했다.", True),
    ("누가 합병을 발표했어?", "무산된 합병을 두고 C사가 입장을 발표했다.", False),  # another event fell through
    ("이스타항공 인수가 무산된 회사는?", FELL_THROUGH, False),  # asks about the failure
    ("이스타항공을 인수하려 했던 회사는?", FELL_THROUGH, False),  # asks about the attempt
    ("이스타항공을 인수할 회사는?", FELL_THROUGH, False),  # no past presumed
    ("제주항공은 언제 이스타항공을 인수했나요?", "제주항공은 지난해 인수에 실패했으나 올해 인수했다.", False),  # it did, later
    ("노선 협력은 언제 시작했어?", FELL_THROUGH, False),  # the clause that fell through is another one
    # Failed first, done in the end (by the same verb or another), or by someone else: it happened.
    ("누가 이스타항공을 인수했어?", "인수 협상 결렬 이후 성정이 인수에 성공했다.", False),
    ("합병한 회사는?", "합병이 무산될 뻔했지만 양사는 결국 합병을 마무리했다.", False),
    ("어느 회사가 수주했어?", "A사는 수주에 실패했고 B사가 최종 사업자로 선정됐다.", False),
    # Not said to have fallen through: negated, possible, demanded, or the failure word before another event.
    ("언제 상장했어?", "회사의 상장은 무산되지 않았다.", False),
    ("정책을 도입한 나라는?", "정책 도입이 무산될 수도 있다는 우려가 나온다.", False),
    ("도입한 곳은?", "도입을 철회하라는 요구가 거세다.", False),
    ("합병한 회사는?", "합병 무산과 관련해 양측이 입장을 냈다.", False),
    # An attempt that failed still took place; a state is no event.
    ("이스타항공과 협상한 회사는?", "제주항공과 이스타항공의 인수 협상이 결렬됐다.", False),
    ("회사가 신청한 것은?", "상장 신청을 철회했다.", False),
])
def test_a_question_presuming_what_fell_through(analyzer, question, evidence, presumed):
    assert called_off(question, evidence, analyzer) is presumed


def _part(short: str | None, answerable: bool = True, doc_id: str = "d") -> Answer:
    cited = [Citation(ref=1, doc_id=doc_id, title="t", outlet=None, published=None, chunk_id="d:0", evidence=f"{short}.",
                      start=0, end=len(f"{short}."), score=1.0)] if answerable else []
    return Answer(question="", answerable=answerable, answer=f"{short}입니다. [1]" if answerable else ABSTAIN_TEXT,
                  short_answer=short, citations=cited, passages=[])


@pytest.mark.parametrize("direction,winner", [("more", "가"), ("less", "나")])
def test_a_comparison_names_the_larger_or_smaller_amount(direction, winner):
    answer = compared_answer("가랑 나 중에 뭐가 더?", [("가", _part("80% 이상")), ("나", _part("34.14%"))], direction)
    figures = "가 80% 이상 대 나 34.14%" if winner == "가" else "나 34.14% 대 가 80% 이상"  # each named
    assert answer.answerable and answer.short_answer == f"{winner} ({figures})"
    assert [c.ref for c in answer.citations] == [1, 2]
    assert answer.answer.splitlines()[0] == f"{winner} 쪽이 더 {'큽니다' if direction == 'more' else '작습니다'} ({figures})."


@pytest.mark.parametrize("first,second,verdict", [
    ("80%", "34%", "네, 가 쪽이 더 큽니다 (가 80% 대 나 34%)."),
    ("34%", "80%", "아니요, 나 쪽이 더 큽니다 (나 80% 대 가 34%)."),
    ("34%", "34%", "아니요, 둘은 같습니다 (가 34% 대 나 34%)."),
])
def test_a_claimed_comparison_says_whether_it_holds(first, second, verdict):
    answer = compared_answer("가는 나보다 커?", [("가", _part(first)), ("나", _part(second))], "more", claimed=True)
    assert answer.answer.splitlines()[0] == verdict


def test_a_bound_against_the_same_figure_is_not_compared():
    answer = compared_answer("가는 나보다 커?", [("가", _part("80% 이상")), ("나", _part("80%"))], "more", claimed=True)
    assert not answer.answer.startswith(("네", "아니요")) and "같습니다" not in answer.answer


def test_a_claim_with_an_amount_missing_is_not_answered_yes_or_no():
    answer = compared_answer("가는 나보다 커?", [("가", _part("80%")), ("나", _part(None, answerable=False))], "more",
                             claimed=True)
    assert not answer.answer.startswith(("네", "아니요"))


@pytest.mark.parametrize("second", [_part("3,000억원"), _part("카카오"), _part(None, answerable=False)])
def test_amounts_in_other_units_or_missing_are_not_compared(second):
    answer = compared_answer("가랑 나 중에 뭐가 더 커?", [("가", _part("80%")), ("나", second)], "more")
    assert "쪽이 더" not in answer.answer and "대" not in (answer.short_answer or "")


def test_ranks_are_not_compared_as_amounts():
    answer = compared_answer("가랑 나 중에 순위가 더 높은 곳은?", [("가", _part("1위")), ("나", _part("3위"))], "more")
    assert "쪽이 더" not in answer.answer and answer.short_answer == "가: 1위 · 나: 3위"


@pytest.mark.parametrize("first,second,gap", [
    ("34.14%", "16.23%", "17.91%p"),  # a difference of percentages is in points
    ("1,500억원", "4500억원", "3,000억원"),
    ("12명", "30명", "18명"),
    ("1,234,567원", "2,000,000원", "765,433원"),  # a large unit only where it is exact
    ("2.5%", "1.25%", "1.25%p"),
])
def test_a_difference_of_two_exact_amounts(first, second, gap):
    answer = difference_answer("가랑 나 차이는?", [("가", _part(first)), ("나", _part(second))])
    assert answer.short_answer == f"{gap} (가 {first} 대 나 {second})"
    assert answer.answer.startswith(f"차이는 {gap}입니다") and [c.ref for c in answer.citations] == [1, 2]


@pytest.mark.parametrize("second", [_part("80% 이상"), _part("약 20%"), _part("3,000억원"), _part("디자인"),
                                    _part(None, answerable=False)])
def test_no_difference_of_approximate_or_unlike_amounts(second):
    """None: the question is then answered whole ("실험군과 대조군의 차이는?" is no difference of amounts)."""
    assert difference_answer("가랑 나 차이는?", [("가", _part("34.14%")), ("나", second)]) is None
    assert difference_answer("가랑 나 차이는?", [("가", _part("3천여명")), ("나", _part("1000명"))]) is None


PUBLISHED = {"old": "2021-03-15", "new": "2021-06-30T13:36"}


@pytest.mark.parametrize("first,second,direction,winner", [
    # each date read against its own article: "지난해 10월" of a June 2021 article is 2020, after 2019
    (_part("지난 2019년", doc_id="new"), _part("지난해 10월", doc_id="new"), "earlier", "가"),
    (_part("지난 2019년", doc_id="new"), _part("지난해 10월", doc_id="new"), "later", "나"),
    # "지난 3월" of a June 2021 article is March 2021; "지난해 12월" of a March 2021 article is December 2020
    (_part("지난 3월", doc_id="new"), _part("지난해 12월", doc_id="old"), "earlier", "나"),
])
def test_which_of_two_dates_came_first(first, second, direction, winner):
    answer = ordered_answer("가랑 나 중 뭐가 먼저야?", [("가", first), ("나", second)], direction, PUBLISHED.get)
    won, lost = (first, second) if winner == "가" else (second, first)
    loser = "나" if winner == "가" else "가"
    figures = f"{winner} {won.short_answer} 대 {loser} {lost.short_answer}"
    assert answer.short_answer == f"{winner} ({figures})"
    assert answer.answer.splitlines()[0] == f"{winner} 쪽이 {'먼저' if direction == 'earlier' else '나중'}입니다 ({figures})."


@pytest.mark.parametrize("second", [
    _part("2019년 3월", doc_id="new"),  # a year alone against a month of that year: no order
    _part("상반기", doc_id="new"),  # no year at all
    _part(None, answerable=False),
])
def test_dates_that_do_not_tell_are_not_ordered(second):
    answer = ordered_answer("가랑 나 중 뭐가 먼저야?", [("가", _part("2019년", doc_id="new")), ("나", second)],
                            "earlier", PUBLISHED.get)
    assert "쪽이" not in answer.answer


@pytest.mark.parametrize("question, agreed", [
    ("패스는 SKT 혼자 운영하는 거야?", False), ("패스는 SKT가 단독으로 운영해?", False),
    ("패스는 혼자 하는 거야?", False),  # ‘패스’, quoted in the evidence, is a name (Kiwi reads a common noun)
    ("패스는 SKT 혼자 하는 거 아니지?", True),
    ("카카오 인증서는 카카오가 혼자 서비스해?", True),  # 함께 is in SKT's clause; 공동 인증서 is a kind of certificate
    ("패스는 SKT 혼자 하는 게 아니라 이통사들과 함께 하는 거야?", True),
])
def test_done_alone_is_denied_by_the_named_ones_clause_done_with_others(analyzer, question, agreed):
    evidence = ("카카오는 자사의 카카오톡을 기반으로 하는 공동 인증서 서비스 ‘카카오 인증서’, SKT는 국내 이통사들과 함께 "
                "서비스 중인 공동 인증서 서비스 ‘패스’를 놓고 입지 다툼을 벌이고 있다.")
    assert agrees(question, evidence, analyzer) is agreed


def test_in_addition_is_not_together(analyzer):
    assert agrees("SKT가 혼자 만들었어?", "이와 함께 SKT는 새 서비스를 만들었다.", analyzer)


@pytest.mark.parametrize("question", ["ESG 펀드는 카카오벤처스가 굴리는 걸로 확정된 거야?", "카카오벤처스 확정된 거야?"])
def test_whether_it_is_settled_as_something_is_a_settled_question(analyzer, question):
    """"…하는 걸로 확정된 거야?": the 걸로 clause is what is settled, not a view framed ("…할 걸로 봐?")."""
    evidence = "ESG 공동펀드는 카카오벤처스를 통한 운용을 검토 중인 것으로 알려졌다."
    assert asks_settled(question, analyzer)
    assert only_planned(question, evidence, analyzer)


def test_asked_when_it_was_decided_to_happen_the_decision_is_presumed(analyzer):
    """"언제 공개하는 걸로 결정됐어?" asks the date decided, not whether it is settled."""
    assert not asks_settled("팬데믹 극복 AI는 언제 공개하는 걸로 결정됐어?", analyzer)
