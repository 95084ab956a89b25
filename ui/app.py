"""The chat page: ask in Korean, read the cited answer, check its sources, add, list and delete articles.

A thin layer over ``QAService``: every action is one service call, rendered; no answering logic lives here. What
Gradio has no component for (``[n]`` links, per-answer sources, the evidence scrolled into view) is ``page.js``.
"""

from __future__ import annotations

import logging
import threading
from html import escape
from pathlib import Path

import gradio as gr

from qa.api_models import EXAMPLE_QUESTION, EXAMPLES
from qa.contract import Answer
from qa.filters import FilterError, Filters
from qa.query import Query, Turn
from qa.service import ArticleError, NotFound, QAService, QuestionError
from qa.suggestions import candidates, suggest
from ui.articles import TABLE_COLUMNS, overview_html, table_rows
from ui.sources import message_html, sources_html

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
ERROR_TEXT = "요청을 처리하지 못했습니다. 잠시 후 다시 시도해 주세요."
THINKING = '<span class="qa-thinking">답을 찾는 중…</span>'
PANEL_EMPTY = '<div class="qa-panel"><p>답의 출처가 여기에 나옵니다. 답의 [1]을 누르면 그 근거로 갑니다.</p></div>'
NO_SELECTION = "표에서 기사를 누르면 선택됩니다."


def panel(sources: str) -> str:
    """The sources panel's content; ``page.js`` swaps in an earlier answer's sources inside ``.qa-panel``."""
    return f'<div class="qa-panel">{sources}</div>'


class ChatPage:
    """Event handlers bound to one service; each returns what the page shows next."""

    def __init__(self, service: QAService) -> None:
        self.service = service
        self._examples: tuple[object, list[str]] | None = None  # (the index they were checked on, questions)
        self._examples_lock = threading.Lock()

    # -- asking: the question shows at once, the answer replaces "답을 찾는 중…" ---------------------------------

    def pose(self, question: str, history: list[dict]) -> tuple[str, list[dict], str]:
        question = (question or "").strip()
        if not question:
            return gr.skip(), gr.skip(), ""
        # The chat renders HTML (sanitised); escaping makes a question or article holding tags show them as text.
        pending = [{"role": "user", "content": escape(question)}, {"role": "assistant", "content": THINKING}]
        return "", [*history, *pending], question

    def pick(self, example: list[str], history: list[dict]) -> tuple[str, list[dict], str]:
        """A click on an example asks it."""
        return self.pose(example[0] if example else "", history)

    def answer(
        self, question: str, history: list[dict], turns: list[Turn] | None = None, outlets: list[str] | None = None,
        published_from: str = "", published_to: str = "",
    ) -> tuple[list[dict], str, list[Turn]]:
        """Replace the pending line with the cited answer (or a clear error), and show its sources.

        ``turns`` are the conversation so far, sent with the question so a follow-up ("그건 언제야?") is read in its
        light, as ``POST /ask`` does with ``history``.
        """
        if not question:
            return gr.skip(), gr.skip(), gr.skip()
        history, turns = history[:-1], list(turns or [])
        try:
            filters = Filters.from_fields(outlet=outlets, published_from=published_from, published_to=published_to)
            answer = self.service.ask(Query(question, tuple(turns), filters))
        except (QuestionError, FilterError) as exc:
            return [*history, {"role": "assistant", "content": escape(str(exc))}], panel(""), turns
        except Exception:  # a failing request must leave a message, not a frozen page
            log.exception("ask failed")
            return [*history, {"role": "assistant", "content": ERROR_TEXT}], panel(""), turns
        sources = self.sources(answer)
        return [*history, {"role": "assistant", "content": message_html(answer, sources)}], panel(sources), \
            [*turns, Turn.of_answer(question, answer)]

    def sources(self, answer: Answer) -> str:
        index = self.service.index
        wanted = {c.doc_id for c in answer.citations} | {p.doc_id for p in answer.passages}
        documents = {d: index.documents[d] for d in wanted if d in index.documents}
        windows = {}
        for citation in answer.citations:
            try:
                _, windows[citation.ref] = self.service.evidence_context(citation.chunk_id, citation.start, citation.end)
            except NotFound:  # deleted since the answer was made: the card shows the evidence alone
                continue
        return sources_html(answer, documents, windows)

    # -- what the bot knows -------------------------------------------------------------------------------------

    def examples(self) -> list[str]:
        """Example questions the current index answers right, checked once per index (adds and deletes change it)."""
        with self._examples_lock:
            index = self.service.index
            if self._examples is None or self._examples[0] is not index:
                found = candidates(EXAMPLES, index.documents.values())
                try:
                    chosen = suggest(found, self.service.ask, self.service.settings.page_examples)
                except Exception:  # the page still works without examples
                    log.exception("checking example questions failed")
                    return []
                self._examples = (index, chosen)
            return self._examples[1]

    def refresh(self) -> tuple[str, gr.Dataset, list[list], list[str], gr.Dropdown]:
        """The article overview, example questions, article table and the outlets to filter by, as the index is."""
        index = self.service.index
        rows, ids = table_rows(index.documents, index.chunk_count)
        examples = gr.Dataset(samples=[[q] for q in self.examples()])
        outlets = gr.Dropdown(choices=index.outlets)
        return overview_html(index.documents, self.service.settings.page_articles), examples, rows, ids, outlets

    # -- adding and deleting articles ----------------------------------------------------------------------------

    def add(self, title: str, body: str, outlet: str, author: str, published: str, upload: str | None):
        """Add the pasted article, or the uploaded file when one is given; report the result in Korean."""
        try:
            if upload:
                path = Path(upload)
                doc = self.service.add_upload(path.read_bytes(), path.name)
            else:
                if not (title or "").strip() or not (body or "").strip():
                    raise ArticleError("제목과 본문을 모두 입력하거나 .txt/.md 파일을 올려 주세요.")
                doc = self.service.add_article(
                    title, body, outlet=outlet or None, author=author or None, published=published or None
                )
        except ArticleError as exc:
            return f"⚠️ {escape(str(exc))}", gr.skip(), gr.skip()
        except Exception:
            log.exception("add failed")
            return f"⚠️ {ERROR_TEXT}", gr.skip(), gr.skip()
        return f"✅ 추가했습니다: 「{escape(doc.title)}」. 이제 이 기사에 대해 물어볼 수 있습니다.", "", ""

    def choose(self, ids: list[str], event: gr.SelectData) -> tuple[str, str, gr.Button]:
        """A click on a table row selects its article for deletion."""
        row = event.index[0] if isinstance(event.index, (list, tuple)) else event.index
        if not isinstance(row, int) or not 0 <= row < len(ids) or ids[row] not in self.service.index.documents:
            return "", NO_SELECTION, gr.Button(interactive=False)
        doc = self.service.index.documents[ids[row]]
        return doc.doc_id, f"선택한 기사: 「{escape(doc.title)}」", gr.Button(interactive=True)

    def confirm(self, doc_id: str) -> tuple[str, gr.Group]:
        if not doc_id or doc_id not in self.service.index.documents:
            return NO_SELECTION, gr.Group(visible=False)
        title = self.service.index.documents[doc_id].title
        return f"「{escape(title)}」을(를) 삭제할까요? 코퍼스에서 빠지고(.trash/ 로 옮겨짐) 색인에서 지워집니다.", \
            gr.Group(visible=True)

    def delete(self, doc_id: str) -> tuple[str, str, gr.Group, gr.Button]:
        """The same service call as ``DELETE /documents/{id}``."""
        try:
            doc = self.service.remove_article(doc_id)
        except NotFound:
            message = "⚠️ 이미 삭제된 기사입니다."
        except Exception:
            log.exception("delete failed")
            message = f"⚠️ {ERROR_TEXT}"
        else:
            message = f"🗑️ 삭제했습니다: 「{escape(doc.title)}」"
        return message, "", gr.Group(visible=False), gr.Button(interactive=False)


def build_ui(service: QAService) -> gr.Blocks:
    page = ChatPage(service)
    quiet = {"show_progress": "hidden"}  # no Gradio timers: the chat says "답을 찾는 중…" itself
    with gr.Blocks(title="기사 QA") as blocks:
        gr.Markdown("# 기사 QA\n뉴스 기사에 대해 한국어로 물어보세요. 답마다 근거 문장과 출처가 붙고, 기사에 없는 내용은 답하지 않습니다.")
        pending = gr.State("")
        turns = gr.State([])  # the conversation so far, for follow-up questions; cleared with the chat
        doc_ids = gr.State([])
        selected = gr.State("")
        with gr.Tab("질문하기"):
            overview = gr.HTML(elem_id="qa-overview")
            with gr.Row():
                with gr.Column(scale=3):
                    chat = gr.Chatbot(show_label=False, height="min(520px, 62vh)", render_markdown=False,
                                      elem_id="qa-chat", feedback_options=None, buttons=[],
                                      placeholder="기사에 대해 물어보세요. 답의 [1]을 누르면 근거 문장으로 갑니다.")
                    question = gr.Textbox(label="질문", placeholder=f"예: {EXAMPLE_QUESTION}", show_label=False,
                                          max_length=service.settings.max_question_chars, elem_id="qa-question",
                                          submit_btn="보내기")
                    examples = gr.Dataset(components=[question], samples=[], label="예시 질문 (누르면 바로 물어봅니다)",
                                          elem_id="qa-examples")
                    with gr.Accordion("검색 범위 (선택)", open=False, elem_id="qa-scope"):
                        with gr.Row():
                            outlets = gr.Dropdown(label="언론사", multiselect=True, choices=[], elem_id="qa-outlets")
                            published_from = gr.Textbox(label="발행일부터", placeholder="2021-01-01",
                                                        elem_id="qa-from")
                            published_to = gr.Textbox(label="발행일까지", placeholder="2021-12-31", elem_id="qa-to")
                with gr.Column(scale=2, elem_id="qa-sources-column"):
                    sources = gr.HTML(PANEL_EMPTY, elem_id="qa-sources")
            scope = [outlets, published_from, published_to]
            question.submit(page.pose, [question, chat], [question, chat, pending], queue=False, **quiet).then(
                page.answer, [pending, chat, turns, *scope], [chat, sources, turns], concurrency_limit=4, **quiet)
            examples.click(page.pick, [examples, chat], [question, chat, pending], queue=False, **quiet).then(
                page.answer, [pending, chat, turns, *scope], [chat, sources, turns], concurrency_limit=4, **quiet)
            chat.clear(lambda: (PANEL_EMPTY, []), None, [sources, turns], queue=False, **quiet)
        with gr.Tab("기사 추가·목록", elem_id="qa-articles-tab"):
            with gr.Row():
                with gr.Column():
                    title = gr.Textbox(label="제목", elem_id="qa-add-title")
                    body = gr.Textbox(label="본문", lines=8, elem_id="qa-add-body")
                    with gr.Row():
                        outlet = gr.Textbox(label="언론사 (선택)")
                        author = gr.Textbox(label="기자 (선택)")
                        published = gr.Textbox(label="날짜 (선택, 예: 2021-06-30)")
                    upload = gr.File(label="또는 .txt / .md 파일", file_types=[".txt", ".md"], type="filepath")
                    add = gr.Button("기사 추가", variant="primary", elem_id="qa-add-button")
                    status = gr.Markdown(elem_id="qa-add-status")
                with gr.Column():
                    table = gr.Dataframe(headers=TABLE_COLUMNS, label="색인된 기사 (행을 누르면 선택)", interactive=False,
                                         wrap=True, column_widths=["40%", "14%", "16%", "20%", "10%"],
                                         elem_id="qa-documents", buttons=[])
                    chosen = gr.Markdown(NO_SELECTION, elem_id="qa-selected")
                    remove = gr.Button("선택한 기사 삭제", variant="stop", interactive=False, elem_id="qa-delete")
                    with gr.Group(visible=False) as confirm:
                        question_delete = gr.Markdown(elem_id="qa-confirm")
                        with gr.Row():
                            yes = gr.Button("삭제", variant="stop", elem_id="qa-delete-yes")
                            no = gr.Button("취소", elem_id="qa-delete-no")
        listing = [overview, examples, table, doc_ids, outlets]
        add.click(page.add, [title, body, outlet, author, published, upload], [status, title, body],
                  concurrency_limit=1, **quiet).then(page.refresh, None, listing, **quiet)
        table.select(page.choose, [doc_ids], [selected, chosen, remove], queue=False, **quiet)
        remove.click(page.confirm, [selected], [question_delete, confirm], queue=False, **quiet)
        no.click(lambda: gr.Group(visible=False), None, confirm, queue=False, **quiet)
        yes.click(page.delete, [selected], [chosen, selected, confirm, remove], concurrency_limit=1, **quiet).then(
            page.refresh, None, listing, **quiet)
        blocks.load(page.refresh, None, listing, **quiet)
    blocks.queue(max_size=service.settings.max_queued)  # a bounded queue: past it the page says the server is busy
    return blocks


def mount(app, service: QAService, path: str = "/"):
    """Serve the chat page from the API's own app (same port), after the API routes so they keep priority."""
    css = (HERE / "page.css").read_text(encoding="utf-8")
    head = f"<script>{(HERE / 'page.js').read_text(encoding='utf-8')}</script>"
    return gr.mount_gradio_app(app, build_ui(service), path=path, css=css, head=head, footer_links=[],
                               show_error=False)
