"""HTML for the sources panel: each citation's article, its passage with the evidence highlighted, the article.

Everything taken from articles or questions goes through ``html.escape``: an article holding ``<script>`` shows
it as text.
"""

from __future__ import annotations

from html import escape

from qa.cleaning import korean_date
from qa.contract import Answer, Citation, Passage
from qa.schema import Document

RELATED_NOTE = "기사에서 답을 찾지 못했습니다. 아래 문단은 관련이 있을 뿐, 답의 근거가 아닙니다."


def highlighted(text: str, start: int, end: int) -> str:
    """``text`` escaped, with ``text[start:end]`` wrapped in ``<mark>`` (offsets clipped to the text)."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    return f"{escape(text[:start])}<mark>{escape(text[start:end])}</mark>{escape(text[end:])}"


def meta_line(doc: Document | None, outlet: str | None, published: str | None) -> str:
    author = f"{doc.author} 기자" if doc and doc.author else None
    date = korean_date(published) if published and published[:4].isdigit() else published
    return " · ".join(escape(part) for part in (outlet, author, date) if part)


def citation_card(citation: Citation, passage: tuple[int, str] | None, doc: Document | None) -> str:
    """One source: title and metadata, the passage with the evidence marked, and the whole article folded."""
    parts = [
        f'<div class="qa-source" data-ref="{citation.ref}">',
        f'<div class="qa-source-head"><span class="qa-ref">[{citation.ref}]</span> '
        f'<strong>{escape(citation.title)}</strong></div>',
        f'<div class="qa-meta">{meta_line(doc, citation.outlet, citation.published)}</div>',
    ]
    if passage is not None:
        chunk_start, chunk_text = passage
        body = highlighted(chunk_text, citation.start - chunk_start, citation.end - chunk_start)
    else:
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


def sources_html(answer: Answer, documents: dict[str, Document], passages: dict[str, tuple[int, str]]) -> str:
    """The panel beside the chat: cited sources, or, when the product abstains, related passages marked as such."""
    if answer.answerable:
        cards = [
            citation_card(c, passages.get(c.chunk_id), documents.get(c.doc_id)) for c in answer.citations
        ]
        return '<div class="qa-sources"><h3>출처</h3>' + "".join(cards) + "</div>"
    cards = [related_card(p, documents.get(p.doc_id)) for p in answer.passages[:3]]
    if not cards:  # a greeting's help text, or nothing related at all: the chat message says it all
        return '<div class="qa-sources qa-empty"></div>'
    return (
        f'<div class="qa-sources qa-abstained"><p class="qa-note">{RELATED_NOTE}</p>'
        "<h3>관련 문단</h3>" + "".join(cards) + "</div>"
    )
