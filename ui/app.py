"""The chat page: ask in Korean, read the cited answer, check its sources, add articles, list them.

A thin layer over ``QAService``: every action is one service call, rendered; no answering logic lives here.
"""

from __future__ import annotations

import logging
from html import escape
from pathlib import Path

import gradio as gr

from qa.api_models import EXAMPLES
from qa.contract import Answer
from qa.service import ArticleError, NotFound, QAService, QuestionError
from ui.sources import sources_html

log = logging.getLogger(__name__)

DOCUMENT_COLUMNS = ["id", "제목", "언론사", "기자", "날짜", "문단 수"]
ERROR_TEXT = "요청을 처리하지 못했습니다. 잠시 후 다시 시도해 주세요."
CSS = """
.qa-sources h3 { margin: 0 0 .5rem; }
.qa-source { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: .6rem .8rem; margin-bottom: .6rem; }
.qa-ref { color: var(--color-accent); font-weight: 700; }
.qa-meta { color: var(--body-text-color-subdued); font-size: .85rem; margin: .2rem 0 .4rem; }
.qa-passage { margin: 0; padding-left: .6rem; border-left: 3px solid var(--border-color-primary); white-space: pre-wrap; }
.qa-passage mark, .qa-article-text mark { background: #ffe066; color: #000; padding: 0 .1rem; }
.qa-article-text { white-space: pre-wrap; max-height: 24rem; overflow-y: auto; font-size: .9rem; margin-top: .4rem; }
.qa-note { font-weight: 600; }
.qa-related .qa-passage { opacity: .8; }
"""


class ChatPage:
    """Event handlers bound to one service; each returns what the page shows next."""

    def __init__(self, service: QAService) -> None:
        self.service = service

    def ask(self, question: str, history: list[dict]) -> tuple[str, list[dict], str]:
        """Append the question and its cited answer (or a clear error) to the conversation."""
        question = (question or "").strip()
        if not question:
            return "", history, gr.skip()
        # The chat renders HTML (sanitised); escaping makes a question or article holding tags show them as text.
        history = [*history, {"role": "user", "content": escape(question)}]
        try:
            answer = self.service.ask(question)
        except QuestionError as exc:
            return "", [*history, {"role": "assistant", "content": escape(str(exc))}], ""
        except Exception:  # a failing request must leave a message, not a frozen page
            log.exception("ask failed")
            return "", [*history, {"role": "assistant", "content": ERROR_TEXT}], ""
        return "", [*history, {"role": "assistant", "content": escape(answer.answer)}], self.sources(answer)

    def sources(self, answer: Answer) -> str:
        index = self.service.index
        wanted = {c.doc_id for c in answer.citations} | {p.doc_id for p in answer.passages}
        documents = {d: index.documents[d] for d in wanted if d in index.documents}
        passages = {}
        for citation in answer.citations:
            try:
                chunk, _ = self.service.passage(citation.chunk_id)
                passages[citation.chunk_id] = (chunk.start, chunk.text)
            except NotFound:  # deleted since the answer was made: show the evidence alone
                continue
        return sources_html(answer, documents, passages)

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
            return f"⚠️ {escape(str(exc))}", gr.skip(), gr.skip(), gr.skip()
        except Exception:
            log.exception("add failed")
            return f"⚠️ {ERROR_TEXT}", gr.skip(), gr.skip(), gr.skip()
        message = f"✅ 추가했습니다: {escape(doc.title)} (id: {escape(doc.doc_id)}). 이제 이 기사에 대해 물어볼 수 있습니다."
        return message, "", "", self.documents()

    def documents(self) -> list[list]:
        index = self.service.index
        return [
            [d.doc_id, d.title, d.outlet or "", d.author or "", d.published or "", index.chunk_count(d.doc_id)]
            for d in index.documents.values()
        ]


def build_ui(service: QAService) -> gr.Blocks:
    page = ChatPage(service)
    with gr.Blocks(title="기사 QA") as blocks:
        gr.Markdown("# 기사 QA\n뉴스 기사에 대해 한국어로 물어보세요. 답마다 근거 문장과 출처가 붙고, 기사에 없는 내용은 답하지 않습니다.")
        with gr.Tab("질문하기"):
            with gr.Row():
                with gr.Column(scale=3):
                    chat = gr.Chatbot(label="대화", height=460, render_markdown=False, elem_id="qa-chat",
                                      feedback_options=None)
                    with gr.Row():
                        question = gr.Textbox(placeholder=f"예: {EXAMPLES['questions'][0]}", show_label=False,
                                              scale=5, max_length=service.settings.max_question_chars,
                                              elem_id="qa-question", submit_btn="보내기")
                    gr.Examples(EXAMPLES["questions"], inputs=question, label="예시 질문 (누르면 입력됩니다)")
                with gr.Column(scale=2):
                    sources = gr.HTML("<p>답의 출처가 여기에 나옵니다.</p>", elem_id="qa-sources")
            question.submit(page.ask, [question, chat], [question, chat, sources], concurrency_limit=4)
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
                    table = gr.Dataframe(headers=DOCUMENT_COLUMNS, label="색인된 기사", interactive=False,
                                         elem_id="qa-documents")
            add.click(page.add, [title, body, outlet, author, published, upload], [status, title, body, table],
                      concurrency_limit=1)
        blocks.load(page.documents, None, table)
    blocks.queue(max_size=service.settings.max_queued)  # a bounded queue: past it the page says the server is busy
    return blocks


def mount(app, service: QAService, path: str = "/"):
    """Serve the chat page from the API's own app (same port), after the API routes so they keep priority."""
    return gr.mount_gradio_app(app, build_ui(service), path=path, css=CSS, footer_links=[], show_error=False)
