"""The chat page in a real browser: Debian's headless Chromium driven by Playwright against a live server.

Screenshots go to ``test-artifacts/`` (or ``QA_TEST_ARTIFACTS``) so a person can look at what the page showed.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Page, expect, sync_playwright

from qa.api import create_app
from tests.conftest import ROOT
from tests.http_server import running

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(os.environ.get("QA_TEST_ARTIFACTS", ROOT / "test-artifacts"))
HOSTILE = "<script>window.__xss = 'script ran'</script><img src=x onerror=\"window.__xss = 'img ran'\">"
ARTICLE_TITLE = "제주 감귤 첫 수확 <b>속보</b>"
ARTICLE_BODY = (
    f"제주도 서귀포시 남원읍에서 올해 첫 감귤 수확이 시작됐다. 농가는 올해 생산량을 42만톤으로 내다봤다. {HOSTILE}\n\n"
    "박지민 기자"
)


ENGLISH_LEFTOVERS = re.compile(r"\b(processing|copy|share|submit|clear)\b", re.IGNORECASE)
FIRST = ("카카오 모빌리티는 택시 호출 시장을 얼마나 차지하고 있어?", "점유율 80% 이상")
SECOND = ("네이버는 누구와 지분을 교환했어?", "CJ대한통운과 지분교환")
DESKTOP, PHONE = {"width": 1400, "height": 1000}, {"width": 390, "height": 844}


@pytest.fixture()
def server(writable_service):
    """The API and page over a private seed corpus, and a browser; yields (base URL, service, new_page)."""
    if CHROMIUM is None:
        pytest.fail("Chromium is not installed: `apt-get install chromium` (make test does this as root)")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    service = writable_service()
    with running(create_app(service)) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])

        def new_page(viewport: dict = DESKTOP) -> Page:
            page = browser.new_page(viewport=viewport, locale="ko-KR")
            page.goto(base + "/")
            # Ready when the checked example questions are shown (the page holds a heartbeat open: no network idle).
            expect(page.locator("#qa-examples button").first).to_be_visible(timeout=60_000)
            return page

        yield base, service, new_page
        browser.close()


@pytest.fixture()
def page(server) -> Page:
    return server[2]()


def ask(page: Page, question: str) -> None:
    box = page.locator("#qa-question textarea")
    box.fill(question)
    box.press("Enter")


def answers(page: Page):
    return page.locator("#qa-chat [data-testid='bot']")


def wait_for_answers(page: Page, count: int) -> None:
    expect(answers(page)).to_have_count(count, timeout=60_000)
    expect(page.locator("#qa-chat .qa-thinking")).to_have_count(0, timeout=60_000)


def english_leftovers(page: Page) -> list[str]:
    """Gradio's English words in text or tooltips a reader can see (Gradio keeps hidden, transparent status
    trackers in the page; those are not seen)."""
    texts = page.evaluate(
        """() => {
            const seen = (e) => e && e.checkVisibility({checkOpacity: true, checkVisibilityCSS: true});
            const found = [];
            const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walk.nextNode()) if (seen(walk.currentNode.parentElement)) found.push(walk.currentNode.data);
            document.querySelectorAll('[title]').forEach((e) => { if (seen(e)) found.push(e.getAttribute('title')); });
            return found;
        }"""
    )
    return sorted({m.group(0) for text in texts for m in ENGLISH_LEFTOVERS.finditer(text or "")})


def test_ask_see_cited_answer_with_highlighted_evidence(page):
    ask(page, FIRST[0])
    wait_for_answers(page, 1)
    expect(answers(page).first).to_contain_text("80% 이상")
    expect(answers(page).first.locator("a.qa-cite")).to_have_text("[1]")
    mark = page.locator("#qa-sources .qa-passage mark").first
    expect(mark).to_contain_text(FIRST[1])
    expect(page.locator("#qa-sources .qa-meta").first).to_contain_text("시사위크")
    expect(page.locator("#qa-sources .qa-meta").first).to_contain_text("송가영 기자")
    page.screenshot(path=ARTIFACTS / "ui-answer.png", full_page=True)

    ask(page, "네이버 대표이사 이름이 뭐야?")
    wait_for_answers(page, 2)
    expect(answers(page).last).to_contain_text("찾지 못했습니다")
    expect(page.locator("#qa-sources .qa-note")).to_contain_text("근거가 아닙니다")
    assert page.locator("#qa-sources .qa-related").count() >= 1
    assert page.locator("#qa-sources mark").count() == 0  # related passages are not shown as support
    page.screenshot(path=ARTIFACTS / "ui-abstain.png", full_page=True)


def test_every_answer_keeps_its_sources_and_citations_open_them(page):
    """Two questions; [1] of the first answer brings back the first answer's evidence; the whole article opens at
    the evidence; clearing the chat clears the panel."""
    ask(page, FIRST[0])
    wait_for_answers(page, 1)
    ask(page, SECOND[0])
    wait_for_answers(page, 2)
    panel_mark = page.locator("#qa-sources .qa-panel .qa-passage mark")
    expect(panel_mark).to_contain_text(SECOND[1])
    page.screenshot(path=ARTIFACTS / "ui-two-answers.png")

    answers(page).first.locator("a.qa-cite-1").click()
    expect(panel_mark).to_contain_text(FIRST[1])
    expect(page.locator("#qa-sources .qa-for")).to_contain_text(FIRST[0])  # says which question it belongs to
    expect(page.locator("#qa-sources .qa-source.qa-focus")).to_have_count(1)
    page.screenshot(path=ARTIFACTS / "ui-first-citation.png")

    page.locator("#qa-sources .qa-panel details.qa-article summary").click()
    article_mark = page.locator("#qa-sources .qa-panel .qa-article-text mark")
    expect(article_mark).to_contain_text(FIRST[1])
    expect(article_mark).to_be_in_viewport()  # scrolled to, inside the article's own scroll box
    page.screenshot(path=ARTIFACTS / "ui-article-at-evidence.png")

    answers(page).last.click()  # selecting an answer shows its sources
    expect(panel_mark).to_contain_text(SECOND[1])

    page.locator("#qa-chat button[title='대화 지우기'], #qa-chat button[aria-label='대화 지우기']").first.click()
    expect(answers(page)).to_have_count(0)
    expect(page.locator("#qa-sources mark")).to_have_count(0)
    page.screenshot(path=ARTIFACTS / "ui-cleared.png")


def test_on_a_phone_the_evidence_is_one_tap_under_the_answer(server):
    _, _, new_page = server
    page = new_page(PHONE)
    ask(page, FIRST[0])
    wait_for_answers(page, 1)
    chat_box = page.locator("#qa-chat").bounding_box()
    assert chat_box["height"] <= PHONE["height"]
    expect(page.locator("#qa-sources")).to_be_hidden()  # no panel far below the chat on a phone
    answers(page).first.locator(".qa-inline-sources > summary").click()
    mark = answers(page).first.locator(".qa-passage mark")
    expect(mark).to_contain_text(FIRST[1])
    expect(mark).to_be_in_viewport(ratio=1)
    box = mark.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no horizontal scrolling
    page.screenshot(path=ARTIFACTS / "ui-phone-evidence.png")


def test_the_page_is_korean_shows_the_question_at_once_and_what_it_knows(server, monkeypatch):
    from qa.service import QAService

    base, service, new_page = server
    page = new_page()
    expect(page.locator("#qa-overview")).to_contain_text(f"색인된 기사 {len(service.index.documents)}건")
    for doc in service.index.documents.values():
        expect(page.locator("#qa-overview")).to_contain_text(doc.title)
    assert english_leftovers(page) == []

    answer = QAService.ask

    def slow(self, question, top_k=None, filters=None):
        time.sleep(2.0)
        return answer(self, question, top_k, filters)

    monkeypatch.setattr(QAService, "ask", slow)
    page.locator("#qa-examples button").first.click()  # an example asks at once
    expect(page.locator("#qa-chat [data-testid='user']")).to_have_count(1, timeout=1_500)  # before the answer
    expect(page.locator("#qa-chat .qa-thinking")).to_contain_text("답을 찾는 중")
    page.screenshot(path=ARTIFACTS / "ui-thinking.png")
    assert english_leftovers(page) == []
    wait_for_answers(page, 1)
    assert english_leftovers(page) == []
    page.get_by_role("tab", name="기사 추가·목록").click()
    expect(page.locator("#qa-documents")).to_be_visible()
    assert english_leftovers(page) == []
    page.screenshot(path=ARTIFACTS / "ui-articles-tab.png")


def test_a_search_scope_from_the_page_answers_from_that_outlet(server):
    _, _, new_page = server
    page = new_page()
    page.locator("#qa-scope").get_by_text("검색 범위").click()
    page.locator("#qa-outlets input").click()
    page.get_by_role("option", name="뷰어스").click()
    page.keyboard.press("Escape")
    ask(page, "카카오와 SK텔레콤의 지분 교환 규모는?")
    wait_for_answers(page, 1)
    expect(page.locator("#qa-sources .qa-meta").first).to_contain_text("뷰어스")
    expect(page.locator("#qa-sources")).not_to_contain_text("시사위크")
    page.locator("#qa-from textarea, #qa-from input").first.fill("2021-07-01")
    ask(page, "카카오와 SK텔레콤의 지분 교환 규모는?")
    wait_for_answers(page, 2)
    expect(answers(page).last).to_contain_text("찾지 못했습니다")  # no 뷰어스 article after July 2021
    page.screenshot(path=ARTIFACTS / "ui-scope.png")


def test_a_follow_up_in_the_chat_is_read_with_the_turn_before_it(page):
    ask(page, "시사위크 기사 누가 썼어?")
    wait_for_answers(page, 1)
    expect(answers(page).first).to_contain_text("송가영")
    ask(page, "그 기사는 언제 나왔어?")
    wait_for_answers(page, 2)
    second = answers(page).last
    expect(second.locator(".qa-understood")).to_have_text("이해한 질문: 시사위크 기사는 언제 나왔어?")
    expect(second).to_contain_text("2021년 3월 15일")
    page.screenshot(path=ARTIFACTS / "ui-follow-up.png")
    # Clearing the chat starts a new conversation: the same words no longer continue the old one.
    page.locator("#qa-chat button[title='대화 지우기'], #qa-chat button[aria-label='대화 지우기']").first.click()
    expect(answers(page)).to_have_count(0)
    ask(page, "그 기사는 언제 나왔어?")
    wait_for_answers(page, 1)
    expect(answers(page).first.locator(".qa-understood")).to_have_count(0)


def test_delete_an_article_from_the_page(server):
    base, service, new_page = server
    page = new_page()
    doc = next(d for d in service.index.documents.values() if d.outlet == "시사위크")
    page.get_by_role("tab", name="기사 추가·목록").click()
    table = page.locator("#qa-documents")
    expect(table).to_contain_text(doc.title)
    expect(table).not_to_contain_text(doc.doc_id)  # titles, not internal ids
    expect(table).to_contain_text("송가영 기자")
    table.get_by_text(doc.title).filter(visible=True).first.click()
    expect(page.locator("#qa-selected")).to_contain_text(doc.title)
    page.locator("#qa-delete").click()
    expect(page.locator("#qa-confirm")).to_contain_text("삭제할까요")
    page.screenshot(path=ARTIFACTS / "ui-delete-confirm.png")
    assert doc.doc_id in {d["id"] for d in httpx.get(base + "/documents").json()}  # not before confirming
    page.locator("#qa-delete-yes").click()
    expect(page.locator("#qa-selected")).to_contain_text("삭제했습니다", timeout=60_000)
    expect(table).not_to_contain_text(doc.title)
    assert doc.doc_id not in {d["id"] for d in httpx.get(base + "/documents").json()}
    page.get_by_role("tab", name="질문하기").click()
    expect(page.locator("#qa-overview")).to_contain_text("색인된 기사 1건")
    page.screenshot(path=ARTIFACTS / "ui-deleted.png")


def test_add_an_article_ask_about_it_and_no_script_runs(page):
    page.get_by_role("tab", name="기사 추가·목록").click()
    expect(page.locator("#qa-documents")).to_contain_text("시사위크")
    page.locator("#qa-add-title textarea, #qa-add-title input").first.fill(ARTICLE_TITLE)
    page.locator("#qa-add-body textarea").fill(ARTICLE_BODY)
    page.locator("#qa-add-button").click()
    expect(page.locator("#qa-add-status")).to_contain_text("추가했습니다", timeout=60_000)
    expect(page.locator("#qa-documents")).to_contain_text("감귤")
    page.screenshot(path=ARTIFACTS / "ui-added.png", full_page=True)
    page.locator("#qa-add-title textarea, #qa-add-title input").first.fill(ARTICLE_TITLE)
    page.locator("#qa-add-body textarea").fill(ARTICLE_BODY)
    page.locator("#qa-add-button").click()  # the same article again: the warning names it by its title
    expect(page.locator("#qa-add-status")).to_contain_text("이미 색인된 기사", timeout=60_000)
    expect(page.locator("#qa-add-status")).to_contain_text("제주 감귤 첫 수확")

    page.get_by_role("tab", name="질문하기").click()
    ask(page, "올해 감귤 생산량은 얼마로 예상돼?")
    chat = page.locator("#qa-chat")
    expect(chat).to_contain_text("42만톤", timeout=60_000)
    expect(page.locator("#qa-sources")).to_contain_text("<b>속보</b>")  # the title's tags shown as text
    page.locator("#qa-sources details summary").first.click()
    expect(page.locator("#qa-sources .qa-article-text").first).to_contain_text("<script>")

    ask(page, f"{HOSTILE} 감귤은 어디서 수확됐어?")
    expect(chat).to_contain_text("<img src=x", timeout=60_000)  # the question shown as typed
    page.wait_for_timeout(500)
    assert page.evaluate("window.__xss") is None
    assert page.locator("#qa-sources script, #qa-chat script, #qa-sources img, #qa-chat img[src='x']").count() == 0
    page.screenshot(path=ARTIFACTS / "ui-escaped.png", full_page=True)


def test_a_failing_request_shows_an_error_not_a_frozen_page(page, monkeypatch, writable_service):
    from qa.service import QAService

    def broken(self, question, top_k=None, filters=None):
        raise RuntimeError("index unavailable")

    monkeypatch.setattr(QAService, "ask", broken)
    ask(page, "카카오와 SKT가 교환한 지분은?")
    expect(page.locator("#qa-chat")).to_contain_text("처리하지 못했습니다", timeout=60_000)
    expect(page.locator("#qa-question textarea")).to_be_editable()


def test_a_greeting_shows_no_related_passages_note(service):
    """The help answer to "안녕?" cites nothing and relates nothing: the panel stays empty, not "아래 문단은 …"."""
    from ui.sources import RELATED_NOTE, sources_html

    answer = service.ask("안녕?")
    assert RELATED_NOTE not in sources_html(answer, service.index.documents, {})
    refused = service.ask("카카오와 SK텔레콤 중 직원이 더 많은 곳은?")  # refused, with related passages
    assert RELATED_NOTE in sources_html(refused, service.index.documents, {})
