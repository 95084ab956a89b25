"""What the bot knows, for the page: the indexed articles as a short list (question tab) and as table rows."""

from __future__ import annotations

from html import escape

from qa.cleaning import korean_day
from qa.schema import Document

TABLE_COLUMNS = ["제목", "언론사", "기자", "날짜", "문단 수"]


def newest_first(documents: dict[str, Document]) -> list[Document]:
    """Dated articles newest first, undated ones after them by title."""
    dated = sorted((d for d in documents.values() if d.published), key=lambda d: d.published, reverse=True)
    undated = sorted((d for d in documents.values() if not d.published), key=lambda d: d.title)
    return dated + undated


def readable_date(doc: Document) -> str:
    return korean_day(doc.published) or ""


def overview_html(documents: dict[str, Document], shown: int) -> str:
    """"색인된 기사 N건" and the ``shown`` newest as outlet · date · title, so a reader knows what to ask about."""
    docs = newest_first(documents)
    if not docs:
        return '<div class="qa-overview"><p>아직 색인된 기사가 없습니다. "기사 추가·목록" 탭에서 기사를 추가하세요.</p></div>'
    items = []
    for doc in docs[:shown]:
        meta = " · ".join(escape(part) for part in (doc.outlet, readable_date(doc)) if part)
        items.append(f'<li><span class="qa-meta">{meta}</span> {escape(doc.title)}</li>')
    more = f'<p class="qa-meta">외 {len(docs) - shown:,}건</p>' if len(docs) > shown else ""
    return (
        f'<div class="qa-overview"><h3>색인된 기사 {len(docs):,}건</h3><ul>{"".join(items)}</ul>{more}</div>'
    )


def table_rows(documents: dict[str, Document], chunk_count) -> tuple[list[list], list[str]]:
    """Rows for the article table (newest first) and the doc id of each row, for the delete action."""
    docs = newest_first(documents)
    rows = [[d.title, d.outlet or "", f"{d.author} 기자" if d.author else "", readable_date(d), chunk_count(d.doc_id)]
            for d in docs]
    return rows, [d.doc_id for d in docs]
