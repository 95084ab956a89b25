"""The honest metric: a hit needs the right short answer, polarity or every list item, not the gold text anywhere."""

from __future__ import annotations

from qa.contract import Answer, Citation
from qa.metrics import Expected, best_exact, best_f1, char_f1, honest_hit, normalize, short_right


def make_answer(text: str, short: str | None, evidence: str, answerable: bool = True) -> Answer:
    citations = [Citation(ref=1, doc_id="d", title="t", outlet=None, published=None, chunk_id="d:1",
                          evidence=evidence, start=0, end=len(evidence), score=1.0)] if answerable else []
    return Answer(question="q", answerable=answerable, answer=text, short_answer=short, citations=citations,
                  passages=[])


def test_korquad_normalisation_and_scores():
    assert normalize("《슬럼독 밀리어네어》") == "슬럼독 밀리어네어"
    assert normalize("'Jai Ho!'") == "jai ho"
    assert best_exact("박정희", ["박정희"]) and not best_exact("박정희 대통령", ["박정희"])
    assert char_f1("박정희 대통령", "박정희") == 2 * (3 / 6) * 1 / (3 / 6 + 1)
    assert best_f1(None, ["x"]) == 0.0


def test_short_answers_in_other_spellings_are_right():
    assert short_right("3,000억원", ["3000억원"])
    assert short_right("2021년 3월 15일", ["2021.03.15"])
    assert short_right("지난해 10월", ["10월"])  # more complete, still the answer
    assert not short_right("여민수 카카오 공동대표", ["여민수"])  # a name buried in a role
    assert not short_right("1차", ["10만 명"])


def test_a_wrong_short_answer_before_the_right_sentence_is_a_miss():
    expected = Expected(["3000억원"], [], None, "3,000억원 규모의 지분을 교환")
    sentence = "양사는 지난 2019년 3,000억원 규모의 지분을 교환했다."
    wrong = make_answer(f"2019년입니다. {sentence} [1]", "2019년", sentence)
    right = make_answer(f"3,000억원입니다. {sentence} [1]", "3,000억원", sentence)
    assert not honest_hit(wrong, expected, wants_span=True)
    assert honest_hit(right, expected, wants_span=True)


def test_yes_no_needs_the_right_polarity_and_list_every_item():
    sentence = "네이버가 가진 물류센터는 없다."
    expected = Expected([], [], "no", "물류센터는 없다")
    assert honest_hit(make_answer(f"아니요, 기사에 따르면 {sentence} [1]", None, sentence), expected, False)
    assert not honest_hit(make_answer(f"네, 기사에 따르면 {sentence} [1]", None, sentence), expected, False)
    items = Expected([], ["멜론", "지니", "플로"], None, None)
    assert honest_hit(make_answer("...", "멜론, 지니, 플로", "..."), items, True)
    assert not honest_hit(make_answer("...", "멜론, 지니", "..."), items, True)


def test_refusals_are_hits_only_for_unanswerable_questions():
    refusal = make_answer("기사에서 찾지 못했습니다.", None, "", answerable=False)
    assert honest_hit(refusal, Expected([], [], None, None), wants_span=False)
    assert not honest_hit(refusal, Expected(["x"], [], None, None), wants_span=False)


def test_first_rank_and_first_citation_count_recall_and_evidence_hits(service):
    from qa.metrics import first_citation_holds, first_rank

    assert first_rank(["가", "나", "다나"], lambda text: "나" in text) == 1
    assert first_rank([], lambda text: True) is None and first_rank(["가"], lambda text: False) is None
    answer = service.ask("카카오와 SK텔레콤의 지분 교환 규모는?")
    assert first_citation_holds(answer, lambda doc_id, text: "3,000억원" in text or "3000억원" in text)
    assert not first_citation_holds(answer, lambda doc_id, text: doc_id == "another-article")
    refused = service.ask("네이버 대표이사 이름이 뭐야?")
    assert not first_citation_holds(refused, lambda doc_id, text: True)  # nothing cited, nothing held
