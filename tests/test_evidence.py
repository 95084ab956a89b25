"""Evidence scoring on the real seed index: the sentence that answers ranks first, and its features are sane."""

from __future__ import annotations

import pytest

from qa.metrics import contains


def reading(service, question: str):
    return service.answerer().read(question)


@pytest.mark.parametrize(
    "question,holding",
    [
        ("카카오와 SK텔레콤이 맞바꾼 지분은 얼마 규모였어?", "3000억원 규모의 지분"),  # either article's spelling
        ("카카오모빌리티의 택시 호출 시장 점유율은 어느 정도야?", "80% 이상"),
        ("네이버의 e풀필먼트 센터는 어느 지역에 있어?", "경기도 군포"),
        ("팬데믹 극복 AI는 누가 개발하고 있어?", "팬데믹 극복 AI"),
    ],
)
def test_the_answering_sentence_ranks_first(service, question, holding):
    best = reading(service, question).best
    assert contains(best.text, holding), best.text


def test_features_are_read_from_the_index(service):
    r = reading(service, "카카오와 SK텔레콤이 맞바꾼 지분은 얼마 규모였어?")
    features = r.best.features
    assert 0.0 < features["coverage"] <= 1.0 and -1.0 <= features["similarity"] <= 1.0
    assert features["passage_first"] in (0.0, 1.0)
    assert r.best.rerank_features["span_logit"] > -8.0  # its spans were read
    # Every candidate is a sentence of a retrieved passage, sliced from the cleaned article.
    for sentence in r.sentences:
        assert sentence.hit.document.text[sentence.span.start : sentence.span.end] == sentence.text


def test_a_sentence_that_only_restates_the_question_does_not_win(service):
    r = reading(service, "네이버가 CJ대한통운과 지분을 교환한 때는?")
    assert "지난해 10월" in r.best.text


def test_the_category_asked_for_is_not_missing_from_the_answering_sentence(service):
    """"…맞바꾼 해는?" is answered by a sentence naming the year, not the word 해: that sentence covers the question."""
    r = reading(service, "카카오가 SK텔레콤이랑 지분을 교환한 해는?")
    assert "2019년" in r.best.text and r.best.features["coverage"] == pytest.approx(1.0)


def test_a_list_followed_by_the_asked_kind_is_seen(service):
    """"협력 분야는?": the sentence listing "△AI △ESG △지식재산권 등의 분야" is told apart from sentences that merely
    name a 분야."""
    r = service.answerer().gather("카카오와 SKT가 함께하는 협력 분야는?")
    by_text = {c.text: c.features for c in r.sentences}
    listing = next(f for text, f in by_text.items() if "△AI" in text)
    assert listing["list*enumeration"] == 1.0 and listing["list*enumeration_focus"] == 1.0
    lead = next(f for text, f in by_text.items() if text.startswith("다양한 사업 분야에서"))
    assert "list*enumeration" not in lead


def test_a_sentence_writing_an_abbreviation_covers_its_full_form(service):
    """The 시사위크 article spells out "인공지능(AI)": its sentence writing "AI R&D 협의체" covers a question asking
    about the 인공지능 R&D 협의체, as it does not when the article's abbreviations are not read."""
    question = "인공지능 R&D 협의체는 언제 구성됐어?"
    answerer = service.answerer()

    def coverage() -> float:
        sentences = answerer.read(question).sentences
        return next(s for s in sentences if "‘AI R&D 협의체’를 구성" in s.text).features["coverage"]

    assert coverage() == 1.0
    answerer.evidence.analyzer = None
    assert coverage() < 1.0
