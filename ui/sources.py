"""HTML for the sources panel: each citation's article, its passage with the evidence highlighted, the article.

Everything taken from articles or questions goes through ``html.escape``: an article holding ``<script>`` shows
it as text.
"""

from __future__ import annotations

import re
from html import escape

from qa.cleaning import korean_date
from qa.contract import CITE_MARKER, Answer, Citation, Passage
from qa.schema import Document, Span

RELATED_NOTE = "기사에서 답을 찾지 못했습니다. 아래 문단은 관련이 있을 뿐, 답의 근거가 아닙니다."


def highlighted(text: str, start: int, end: int) -> str:
    """``text`` escaped, with ``text[start:end]`` wrapped in ``<mark>`` (offsets clipped to the text)."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    return f"{escape(text[:start])}<mark>{escape(text[start:end])}</mark>{escape(text[end:])}"


def meta_line(doc: Document | None, outlet: str | None, published: str | None) -> str:
    author = f"{doc.author} 기자" if doc and doc.author else None
    date = korean_date(published) if published and published[:4].isdigit() else published
    return " · ".join(escape(part) for part in (outlet, author, date) if part)


def citation_card(citation: Citation, window: Span | None, doc: Document | None) -> str:
    """One source: title and metadata, the evidence marked with a sentence either side, the whole article folded."""
    parts = [
        f'<div class="qa-source qa-src-{citation.ref}">',
        f'<div class="qa-source-head"><span class="qa-ref">[{citation.ref}]</span> '
        f'<strong>{escape(citation.title)}</strong></div>',
        f'<div class="qa-meta">{meta_line(doc, citation.outlet, citation.published)}</div>',
    ]
    if doc is not None and window is not None:
        text = doc.text[window.start : window.end]
        lead = "… " if window.start > doc.body_start else ""
        tail = " …" if window.end < len(doc.text.rstrip()) else ""
        body = lead + highlighted(text, citation.start - window.start, citation.end - window.start) + tail
    else:  # deleted since the answer was made: the evidence alone
        body = f"<mark>{escape(citation.evidence)}</mark>"
    parts.append(f'<blockquote class="qa-passage">{body}</blockquote>')
    if doc is not None:
        parts.append(
            '<details class="qa-article"><summary>기사 전체 보기</summary>'
            f'<div class="qa-article-text">{highlighted(doc.text, citation.start, citation.end)}</div></details>'
        )
    parts.append("</div>")
    return "".join(parts)


def related_card(passage: Passage, doc: Document | None) -> str:
    return (
        '<div class="qa-source qa-related">'
        f"<div class=\"qa-source-head\"><strong>{escape(passage.title)}</strong></div>"
        f'<div class="qa-meta">{meta_line(doc, doc.outlet if doc else None, doc.published if doc else None)}</div>'
        f'<blockquote class="qa-passage">{escape(passage.text)}</blockquote></div>'
    )


def sources_html(answer: Answer, documents: dict[str, Document], windows: dict[int, Span]) -> str:
    """One answer's sources: its citations (``windows`` by ref), or, when it abstains, related passages marked as
    such. Headed by the question, since the panel may show an earlier answer's sources."""
    asked = f'<p class="qa-for">질문: {escape(answer.question)}</p>'
    if answer.answerable:
        cards = [citation_card(c, windows.get(c.ref), documents.get(c.doc_id)) for c in answer.citations]
        return f'<div class="qa-sources"><h3>출처</h3>{asked}' + "".join(cards) + "</div>"
    cards = [related_card(p, documents.get(p.doc_id)) for p in answer.passages[:3]]
    if not cards:  # a greeting's help text, or nothing related at all: the chat message says it all
        return '<div class="qa-sources qa-empty"></div>'
    return (
        f'<div class="qa-sources qa-abstained"><h3>관련 문단</h3>{asked}<p class="qa-note">{RELATED_NOTE}</p>'
        + "".join(cards) + "</div>"
    )


def message_html(answer: Answer, sources: str) -> str:
    """The chat message: the answer with each ``[n]`` a link to its source, and this answer's own sources folded
    under it (the page shows them beside the chat on a wide screen, under the message on a phone). Refs ride in
    class names: the chat's sanitiser drops ``data-`` attributes."""
    refs = {citation.ref for citation in answer.citations}

    def link(match: re.Match) -> str:
        ref = int(match.group(1))
        return f'<a class="qa-cite qa-cite-{ref}" href="#">[{ref}]</a>' if ref in refs else match.group(0)

    text = CITE_MARKER.sub(link, escape(answer.answer))
    understood = (f'<div class="qa-understood">이해한 질문: {escape(answer.resolved_question)}</div>'
                  if answer.resolved_question else "")
    if 'class="qa-source' not in sources:
        return f'{understood}<div class="qa-answer">{text}</div>'
    return (
        f'{understood}<div class="qa-answer">{text}</div>'
        f'<details class="qa-inline-sources"><summary>출처 보기</summary>{sources}</details>'
    )
