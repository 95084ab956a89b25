"""Hybrid retrieval on the real seed corpus with the real model: exact facts, paraphrases, typos, spacing."""

from __future__ import annotations

import pytest

from qa.metrics import contains
from tests.conftest import SISAWEEK, VIEWERS


def rank(service, question: str, evidence: str, mode: str = "hybrid", top_k: int = 5) -> int | None:
    hits = service.search(question, top_k=top_k, mode=mode)
    return next((i for i, h in enumerate(hits, 1) if contains(h.chunk.text, evidence)), None)


def test_a_hit_is_a_slice_of_its_article_with_metadata(service):
    top = service.search("카카오와 SK텔레콤의 지식재산권 분쟁 자제")[0]
    assert "지식재산권 분쟁을 최대한 자제" in top.chunk.text
    assert (top.document.doc_id, top.document.outlet) == (SISAWEEK, "시사위크")
    doc = service.index.documents[top.chunk.doc_id]
    assert doc.text[top.chunk.start : top.chunk.end] == top.chunk.text
    record = top.to_dict()
    assert {"doc_id", "chunk_id", "title", "outlet", "published", "text", "start", "end", "score"} <= record.keys()


@pytest.mark.parametrize(
    "question,evidence",
    [
        ("노래 스트리밍 앱 가운데 가장 많이 이용되는 곳은?", "점유율 1위는 멜론으로"),
        ("주문한 물건이 바로 다음날 도착하게 하려는 거야?", "익일 배송을 목표"),
        ("두 기업은 서로의 특허로 소송하지 않기로 했어?", "지식재산권 분쟁을 최대한 자제"),
    ],
)
def test_paraphrases_are_carried_by_dense_search(service, question, evidence):
    lexical = rank(service, question, evidence, mode="lexical", top_k=len(service.index.chunks))
    assert lexical is None or lexical > 1, "not a paraphrase: lexical search alone finds it"
    assert rank(service, question, evidence, mode="dense") == 1
    # Dense search's best passage always keeps a seat in the fused top-k, however weak the lexical match.
    assert rank(service, question, evidence) <= 3


@pytest.mark.parametrize(
    "question,evidence",
    [
        ("닐슨코리아클릭 조사", "닐슨코리아클릭"),
        ("지니뮤직 23.1", "23.1%"),
        ("여민수 공동대표 발언", "여민수 카카오 공동대표"),
        ("이베이코리아 공동인수 결렬", "이베이코리아 공동인수"),
    ],
)
def test_exact_names_and_numbers_are_carried_by_lexical_search(service, question, evidence):
    assert rank(service, question, evidence, mode="lexical") == 1
    assert rank(service, question, evidence) == 1


@pytest.mark.parametrize(
    "question,evidence",
    [
        ("콜드체인 풀필먼드 용인", "용인에 저온 보관 제품"),  # typo
        ("카카오모빌리티 점유률", "점유율 80% 이상"),  # typo
        ("콜드 체인풀필먼트 용인", "용인에 저온 보관 제품"),  # spacing
        ("3천억원 규모 지분", "3,000억원"),  # a number spelled differently
        ("3000억 지분교환", "3,000억원"),
    ],
)
def test_typos_spacing_and_number_spellings_find_the_passage_first(service, question, evidence):
    assert rank(service, question, evidence, top_k=1) == 1


def test_typo_correction_maps_unknown_terms_to_the_corpus(service):
    assert service.index.lexical.correct("풀필먼드") == "풀필먼트"
    assert service.index.lexical.correct("카카오") is None  # known terms are left alone
    # Kiwi reads a verb only from its dictionary: a question's verb the articles lack is another verb, not a typo
    # (바꾸다 is not 바뀌다, which a 뷰어스 sentence uses); nouns are still repaired
    lexical, verbs = service.index.lexical, service.analyzer.verbs("카카오는 누구랑 지분 바꿨어?")
    assert verbs == {"바꾸다"} and lexical.known("바뀌다")
    assert lexical.repair("바꾸다", verbs) == [] and lexical.repair("풀필먼드", verbs) == ["풀필먼트"]


def test_a_verb_no_article_uses_does_not_count_against_a_sentence(service):
    """Questions paraphrase in their verbs (지분을 바꾸다 for 지분교환); a noun no article uses still counts."""
    lexical = service.index.lexical
    asked = ["카카오", "지분", "바꾸다", "벅스"]
    sentence = {"카카오", "지분", "교환"}
    plain, paraphrased = lexical.weighted(asked), lexical.weighted(asked, verbs={"바꾸다"})
    assert 0 < plain.coverage(sentence) < paraphrased.coverage(sentence) < 1  # 벅스 still missing
    assert lexical.known("맺다") and lexical.weighted(["카카오", "맺다"], verbs={"맺다"}).coverage({"카카오"}) < 1


def test_a_piece_of_a_misspelt_word_does_not_count_as_a_word_the_articles_lack(service):
    """Kiwi reads "지분교한" (지분교환 misspelt) as 지분교 + 한: the whole word's typo fix stands for it, and the
    piece 지분교 is not a noun no article uses. A name only split ("벅스뮤직" → 뮤직) still leaves 벅스 missing."""
    lexical = service.index.lexical
    terms = service.analyzer.terms("카카오 SKT 지분교한 언제 했어?")
    assert "지분교" in terms and lexical.correct("지분교한") == "지분교환"
    assert lexical.weighted(terms).coverage({"카카오", "skt", "지분교환", "하다"}) == pytest.approx(1.0)
    assert lexical.piece_of_misspelt("지분교", terms)
    assert not lexical.piece_of_misspelt("벅스", ["벅스", "뮤직", "벅스뮤직"])


def test_metadata_is_searchable(service):
    top = service.search("송가영 기자가 쓴 기사", top_k=1)[0]
    assert top.chunk.doc_id == SISAWEEK and "송가영 기자" in top.chunk.text
    top = service.search("뷰어스 2021년 6월 30일 기사", top_k=1)[0]
    assert top.chunk.doc_id == VIEWERS and "2021년 6월 30일" in top.chunk.text


def test_an_unknown_noun_with_a_prefix_stands_for_its_known_head(service):
    """"맞교환" is not in the articles, "교환" is: the question is searched and weighed as asking about 교환."""
    lexical = service.index.lexical
    assert lexical.repair("맞교환") == ["교환"]
    assert lexical.head("교환") == []  # too short to carry a prefix
    assert lexical.head("무교환") == [] and lexical.head("고교환") == []  # 무 negates; 고 is a surname as often
    answer = service.ask("카카오-SKT 지분 맞교환 규모가 얼마였지?")
    assert answer.answerable and answer.short_answer == "3,000억원", answer.answer
