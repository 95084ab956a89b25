"""Ingesting folders: stable ids, duplicates, bad files reported, and the 644-article wikinews corpus."""

from __future__ import annotations

import shutil

import pytest

from qa.ingest import ingest_folder
from tests.conftest import CORPUS, SISAWEEK, VIEWERS, WIKINEWS


def test_seed_ids_are_stable_and_readable():
    first = [d.doc_id for d in ingest_folder(CORPUS).documents]
    assert first == [SISAWEEK, VIEWERS]
    assert [d.doc_id for d in ingest_folder(CORPUS).documents] == first


def test_duplicates_and_bad_files_are_reported_not_fatal(tmp_path):
    article = "감귤 수확\n\n제주도에서 올해 첫 감귤 수확이 시작됐다."
    (tmp_path / "a.txt").write_text(article, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(article + "\n", encoding="utf-8")
    (tmp_path / "euckr.txt").write_bytes("눈 소식\n\n서울에 첫눈이 내렸다.".encode("euc-kr"))
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    (tmp_path / "한글 이름.txt").write_text("한글 제목\n\n한글 파일 이름의 기사다.", encoding="utf-8")
    result = ingest_folder(tmp_path)
    assert sorted(d.title for d in result.documents) == ["감귤 수확", "눈 소식", "한글 제목"]
    assert result.duplicates == ["copy.txt"]
    assert sorted(p.source for p in result.problems) == ["binary.txt", "empty.md"]
    ids = [d.doc_id for d in result.documents]
    assert len(set(ids)) == len(ids) and all(i.isascii() for i in ids)


@pytest.mark.skipif(not WIKINEWS.is_dir(), reason="shared wikinews corpus not present")
def test_wikinews_corpus_ingests_without_errors(analyzer):
    from qa.chunking import chunk_document

    result = ingest_folder(WIKINEWS)
    assert not result.problems
    assert len(result.documents) + len(result.duplicates) == 644
    assert len({d.doc_id for d in result.documents}) == len(result.documents)
    for doc in result.documents:
        assert doc.title and doc.text[doc.body_start :].strip()
        for chunk in chunk_document(doc, analyzer, 320, 1):
            assert doc.text[chunk.start : chunk.end] == chunk.text


def test_the_corpus_fingerprint_follows_one_file_without_rereading_the_others(tmp_path):
    """An add or a delete updates the fingerprint from the one file it changed; the result is what reading the
    whole corpus again gives, so a restart sees the index as current."""
    from qa.ingest import corpus_fingerprint, file_fingerprint, fingerprint_with

    shutil.copytree(CORPUS, tmp_path / "corpus")
    corpus = tmp_path / "corpus"
    start = corpus_fingerprint(corpus)
    added = corpus / "added" / "new.jsonl"
    added.parent.mkdir()
    added.write_text('{"id": "new", "title": "감귤", "body": "제주도 감귤 수확이 시작됐다."}\n', encoding="utf-8")
    grown = fingerprint_with(start, 0, file_fingerprint(corpus, added))
    assert grown == corpus_fingerprint(corpus) != start
    edited_before = file_fingerprint(corpus, added)
    added.write_text('{"id": "new", "title": "감귤", "body": "제주도 감귤 수확이 끝났다."}\n', encoding="utf-8")
    assert fingerprint_with(grown, edited_before, file_fingerprint(corpus, added)) == corpus_fingerprint(corpus)
    removed = fingerprint_with(corpus_fingerprint(corpus), file_fingerprint(corpus, added), 0)
    added.unlink()
    assert removed == corpus_fingerprint(corpus) == start
