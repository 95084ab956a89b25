"""Pack a document's sentences into overlapping chunks that keep exact offsets into its cleaned text."""

from __future__ import annotations

import re

from qa.korean import KoreanAnalyzer
from qa.schema import Chunk, Document, Span

_LINE_RE = re.compile(r"[^\n]+")


def header_chunk_id(doc_id: str) -> str:
    """The id of a document's first chunk, which holds its title and metadata lines."""
    return f"{doc_id}:0"


def header_lines(doc: Document) -> list[Span]:
    """The title and metadata lines: short fields, not prose, so each line is one citable unit."""
    return [Span(m.start(), m.end()) for m in _LINE_RE.finditer(doc.text, 0, doc.body_start)]


def chunk_document(
    doc: Document,
    analyzer: KoreanAnalyzer,
    max_chars: int,
    overlap_sentences: int,
    sentences: list[Span] | None = None,
) -> list[Chunk]:
    """Header (title + metadata line) as chunk 0, then runs of whole body sentences up to ``max_chars``.

    Chunks are slices ``doc.text[start:end]``, so any sentence inside one can be cited by its offsets.
    ``sentences`` are the body's sentence spans when the caller has already split them.
    """
    chunks: list[Chunk] = []

    def emit(spans: list[Span]) -> None:
        start, end = spans[0].start, spans[-1].end
        chunk_id = f"{doc.doc_id}:{len(chunks)}"
        chunks.append(Chunk(chunk_id, doc.doc_id, start, end, doc.text[start:end], list(spans)))

    header = header_lines(doc)
    if header:
        emit(header)
    if sentences is None:
        sentences = analyzer.sentences(doc.text, doc.body_start)
    i = 0
    while i < len(sentences):
        j = i + 1
        while j < len(sentences) and sentences[j].end - sentences[i].start <= max_chars:
            j += 1
        emit(sentences[i:j])
        if j >= len(sentences):
            break
        i = max(i + 1, j - overlap_sentences)
    return chunks
