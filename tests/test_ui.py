"""The chat page in a real browser: Debian's headless Chromium driven by Playwright against a live server.

Screenshots go to ``test-artifacts/`` (or ``QA_TEST_ARTIFACTS``) so a person can look at what the page showed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from qa.api import create_app
from qa.api_models import EXAMPLES
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


@pytest.fixture()
def page(writable_service):
    if CHROMIUM is None:
        pytest.fail("Chromium is not installed: `apt-get install chromium` (make test does this as root)")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with running(create_app(writable_service())) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000}, locale="ko-KR")
        page.goto(base + "/", wait_until="networkidle")
        yield page
        browser.close()


def ask(page: Page, question: str) -> None:
    box = page.locator("#qa-question textarea")
    box.fill(question)
    box.press("Enter")


def last_answer(page: Page):
    return page.locator("#qa-chat .message-row, #qa-chat [data-testid='bot']").last


def test_ask_see_cited_answer_with_highlighted_evidence(page):
    expect(page.get_by_text(EXAMPLES["questions"][0]).first).to_be_visible()  # an example
    ask(page, "카카오 모빌리티는 택시 호출 시장을 얼마나 차지하고 있어?")
    chat = page.locator("#qa-chat")
    expect(chat).to_contain_text("80% 이상", timeout=60_000)
    expect(chat).to_contain_text("[1]")
    mark = page.locator("#qa-sources .qa-passage mark").first
    expect(mark).to_contain_text("점유율 80% 이상")
    expect(page.locator("#qa-sources .qa-meta").first).to_contain_text("시사위크")
    expect(page.locator("#qa-sources .qa-meta").first).to_contain_text("송가영 기자")
    page.locator("#qa-sources details summary").first.click()
    expect(page.locator("#qa-sources .qa-article-text").first).to_be_visible()
    page.screenshot(path=ARTIFACTS / "ui-answer.png", full_page=True)

    ask(page, "네이버 대표이사 이름이 뭐야?")
    expect(chat).to_contain_text("찾지 못했습니다", timeout=60_000)
    expect(page.locator("#qa-sources .qa-note")).to_contain_text("근거가 아닙니다")
    assert page.locator("#qa-sources .qa-related").count() >= 1
    assert page.locator("#qa-sources mark").count() == 0  # related passages are not shown as support
    page.screenshot(path=ARTIFACTS / "ui-abstain.png", full_page=True)


def test_add_an_article_ask_about_it_and_no_script_runs(page):
    page.get_by_role("tab", name="기사 추가·목록").click()
    expect(page.locator("#qa-documents")).to_contain_text("시사위크")
    page.locator("#qa-add-title textarea, #qa-add-title input").first.fill(ARTICLE_TITLE)
    page.locator("#qa-add-body textarea").fill(ARTICLE_BODY)
    page.locator("#qa-add-button").click()
    expect(page.locator("#qa-add-status")).to_contain_text("추가했습니다", timeout=60_000)
    expect(page.locator("#qa-documents")).to_contain_text("감귤")
    page.screenshot(path=ARTIFACTS / "ui-added.png", full_page=True)

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

    def broken(self, question, top_k=None):
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
