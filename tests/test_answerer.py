"""The answerer on the real seed articles: typed short answers, exact citations, abstention, concise text."""

from __future__ import annotations

import pytest

from qa.answerer import ABSTAIN_TEXT
from qa.evaluation import squash
from tests.conftest import SISAWEEK


def check_citations(service, answer):
    """Every [n] marker points to a citation whose offsets slice exactly the evidence out of the cleaned text."""
    assert answer.citations
    for citation in answer.citations:
        assert f"[{citation.ref}]" in answer.answer
        doc = service.index.documents[citation.doc_id]
        assert doc.text[citation.start : citation.end] == citation.evidence
        assert citation.title == doc.title and citation.outlet == doc.outlet


def test_headline_colloquial_question(service):
    answer = service.ask("카카오랑 SKT가 지분 바꾼 게 얼마짜리야?")
    assert answer.answerable
    assert squash(answer.short_answer or "").startswith("3000억원")
    check_citations(service, answer)
    assert "3,000억원" in answer.citations[0].evidence or "3000억원" in answer.citations[0].evidence


def test_unanswered_question_says_so(service):
    answer = service.ask("네이버 대표이사 이름이 뭐야?")
    assert not answer.answerable
    assert answer.answer == ABSTAIN_TEXT and answer.citations == [] and answer.short_answer is None
    assert answer.passages  # related passages stay visible, marked as not supporting


@pytest.mark.parametrize(
    "question,short",
    [
        ("카카오모빌리티의 택시 호출 시장 점유율은?", "80% 이상"),  # amount
        ("AI R&D 협의체는 언제 만들어졌어?", "지난해 12월"),  # date
        ("카카오 공동대표는 누구야?", "여민수 카카오 공동대표"),  # person
        ("네이버의 풀필먼트 센터는 어디에 있어?", "경기도 군포"),  # place
        ("SKT가 우버와 함께 출범시킨 서비스는?", "우티"),  # thing, quoted name
        ("시사위크 기사를 쓴 기자는 누구야?", "송가영 기자"),  # metadata: reporter
        ("왕좌의 게임 기사는 어느 언론사 기사야?", "뷰어스"),  # metadata: outlet
        ("카카오-SKT 전략적 협력 기사는 언제 승인됐어?", "2021년 3월 15일"),  # metadata: date
    ],
)
def test_typed_short_answers(service, question, short):
    answer = service.ask(question)
    assert answer.answerable and answer.short_answer == short, answer.answer
    check_citations(service, answer)


def test_reason_question_cites_the_reason(service):
    answer = service.ask("네이버가 CJ대한통운이랑 손잡은 진짜 이유가 뭐야?")
    assert answer.answerable and "쿠팡을 견제" in answer.answer
    check_citations(service, answer)


def test_yes_no_question(service):
    answer = service.ask("네이버는 자체 물류센터를 갖고 있어?")
    assert answer.answerable and answer.answer.startswith("아니요") and "없다" in answer.answer


def test_list_question_cites_several_sentences(service):
    answer = service.ask("멜론이랑 지니, 플로 점유율 각각 알려줘")
    assert answer.answerable
    for share in ("34.14%", "23.1%", "16.23%"):
        assert share in answer.answer
    check_citations(service, answer)


def test_typo_and_spacing_variants_are_answered(service):
    for question in ("카카오 택시 점유률이 얼마나 돼?", "네이버 풀필먼드 센터 어디에 열어?", "네이버 풀필먼트센터 위치가 어디야?"):
        answer = service.ask(question)
        assert answer.answerable, question
        assert ("80%" in answer.answer) or ("군포" in answer.answer), question


@pytest.mark.parametrize(
    "question",
    [
        "카카오의 2021년 매출은 얼마야?",  # the articles never mention revenue
        "네이버와 CJ대한통운이 교환한 지분 규모는 얼마야?",  # an amount exists, but for another pair
        "우티의 택시 호출 점유율은 몇 퍼센트야?",  # a share exists, but for Kakao Mobility
        "SKT 대표이사는 누구야?",
        "용인 콜드체인 풀필먼트 센터의 면적은?",
    ],
)
def test_abstains_when_the_evidence_is_about_something_else(service, question):
    answer = service.ask(question)
    assert not answer.answerable, answer.answer


def test_answers_are_concise(service):
    for question in ("카카오와 SKT가 교환한 지분 규모는?", "팬데믹 극복 AI는 어떤 솔루션이야?", "쿠팡의 가장 큰 장점은 뭐야?"):
        answer = service.ask(question)
        assert answer.answerable and len(answer.answer) <= 400, answer.answer
        assert answer.answer.count("[") <= 3


def test_answer_contract_fields(service):
    data = service.ask("카카오와 SKT가 교환한 지분 규모는?").model_dump()
    assert list(data) == ["question", "answerable", "answer", "short_answer", "citations", "passages"]
    assert list(data["citations"][0]) == ["ref", "doc_id", "title", "outlet", "published", "chunk_id", "evidence", "start", "end", "score"]
    assert list(data["passages"][0]) == ["doc_id", "chunk_id", "title", "text", "start", "end", "score"]
    assert data["citations"][0]["doc_id"] in (SISAWEEK, "viewers-2021-06-30-naver-kakao-bigtech-alliances")


@pytest.mark.parametrize("bad", ["", "   \n\t", "가" * 1001])
def test_bad_questions_are_refused_clearly(service, bad):
    from qa.service import QuestionError

    with pytest.raises(QuestionError):
        service.ask(bad)


def test_repeated_questions_are_answered_from_the_cache_until_the_index_changes(writable_service):
    service = writable_service()
    first = service.ask("카카오와 SKT가 교환한 지분 규모는?")
    assert service.ask("  카카오와 SKT가 교환한 지분 규모는?  ") is first
    service.add_article("감귤 수확 시작", "제주도 서귀포에서 올해 첫 감귤 수확이 시작됐다.")
    again = service.ask("카카오와 SKT가 교환한 지분 규모는?")
    assert again is not first and again.short_answer == first.short_answer


def test_a_question_about_fields_is_answered_with_the_listed_items(service):
    answer = service.ask("카카오와 SKT가 협력하기로 한 분야는?")
    assert answer.answerable and answer.short_answer.startswith("△AI")
    assert "지식재산권" in answer.short_answer and "ESG" in answer.short_answer


def test_answering_encodes_only_the_question(service, monkeypatch):
    """Evidence sentences are scored with vectors made at index time: a new question costs one encode."""
    model = service.embedder.model
    encoded: list[list[str]] = []
    original = model.encode

    def counting(texts, *args, **kwargs):
        encoded.append(list(texts))
        return original(texts, *args, **kwargs)

    monkeypatch.setattr(model, "encode", counting)
    question = "카카오모빌리티는 택시 호출 시장에서 점유율이 어느 정도야?"
    service.embedder.cache.pop((service.settings.query_prompt, question))
    answer = service.ask(question)
    assert answer.answerable and "80%" in answer.short_answer
    assert encoded == [[question]]
