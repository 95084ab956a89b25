"""Chunks keep exact offsets into the cleaned text, cover every sentence, and respect the size setting."""

from __future__ import annotations

import pytest

from qa.chunking import chunk_document
from qa.ingest import ingest_folder
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def documents():
    return ingest_folder(CORPUS).documents


@pytest.mark.parametrize("max_chars,overlap", [(200, 0), (320, 1), (600, 2)])
def test_offsets_slice_the_cleaned_text(documents, analyzer, max_chars, overlap):
    for doc in documents:
        chunks = chunk_document(doc, analyzer, max_chars, overlap)
        assert chunks[0].text.startswith(doc.title)
        covered = set()
        for chunk in chunks:
            assert doc.text[chunk.start : chunk.end] == chunk.text
            assert chunk.chunk_id.startswith(doc.doc_id + ":")
            for span in chunk.sentences:
                assert chunk.start <= span.start < span.end <= chunk.end
                covered.add((span.start, span.end))
            body_chunk = chunk.start >= doc.body_start
            if body_chunk and len(chunk.sentences) > 1:
                assert len(chunk.text) <= max_chars
        all_sentences = {(s.start, s.end) for s in analyzer.sentences(doc.text, doc.body_start)}
        assert all_sentences <= covered


def test_header_chunk_cites_title_and_byline_lines(documents, analyzer):
    doc = next(d for d in documents if d.author == "송가영")
    header = chunk_document(doc, analyzer, 320, 1)[0]
    lines = [doc.text[s.start : s.end] for s in header.sentences]
    assert lines == [doc.title, "시사위크 · 송가영 기자 · 2021년 3월 15일 10:23"]


def test_overlap_repeats_the_last_sentence(documents, analyzer):
    chunks = chunk_document(documents[0], analyzer, 320, 1)[1:]
    for first, second in zip(chunks, chunks[1:]):
        assert first.sentences[-1] == second.sentences[0]
