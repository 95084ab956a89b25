"""The sources HTML: [n] links in the message, each answer's sources folded under it, evidence in context."""

from __future__ import annotations

import re

from ui.sources import message_html, sources_html


def cards_for(service, question: str):
    answer = service.ask(question)
    windows = {c.ref: service.evidence_context(c.chunk_id, c.start, c.end)[1] for c in answer.citations}
    return answer, windows, sources_html(answer, service.index.documents, windows)


def test_the_card_shows_the_evidence_with_a_sentence_on_each_side(service):
    answer, windows, html = cards_for(service, "카카오 모빌리티는 택시 호출 시장을 얼마나 차지하고 있어?")
    citation = answer.citations[0]
    doc = service.index.documents[citation.doc_id]
    window = windows[citation.ref]
    assert window.start < citation.start and citation.end < window.end
    before, after = doc.text[window.start : citation.start], doc.text[citation.end : window.end]
    assert before.strip() == "카카오의 카카오T, SKT의 모빌리티 사업 티맵택시가 대표적이다."
    assert after.strip().startswith("이에 SKT는") and after.strip().endswith("못했다.")
    passage = re.search(r'<blockquote class="qa-passage">(.*?)</blockquote>', html, re.S).group(1)
    assert passage.startswith("… 카카오의 카카오T") and "<mark>공정거래위원회 추산에 따르면" in passage
    assert "우버" not in passage  # one sentence, not the whole chunk


def test_a_metadata_answer_is_shown_without_body_sentences(service):
    answer, windows, _ = cards_for(service, "시사위크 기사는 누가 썼어?")
    citation = answer.citations[0]
    assert (windows[citation.ref].start, windows[citation.ref].end) == (citation.start, citation.end)


def test_the_message_links_each_citation_and_folds_its_own_sources(service):
    answer, _, html = cards_for(service, "카카오와 SK텔레콤의 지분 교환 규모는?")
    message = message_html(answer, html)
    assert '<a class="qa-cite qa-cite-1" href="#">[1]</a>' in message
    assert '<details class="qa-inline-sources"><summary>출처 보기</summary>' in message
    assert "qa-src-1" in message and "<mark>" in message
    refused = service.ask("네이버 대표이사 이름이 뭐야?")
    assert "qa-cite" not in message_html(refused, sources_html(refused, service.index.documents, {}))
