"""The persisted index: reused when current, rebuilt when the corpus or settings change, refused when damaged."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from qa.index import CorpusIndex, IndexLoadError
from qa.service import QAService
from qa.settings import Settings
from tests.conftest import CORPUS


@pytest.fixture()
def workspace(tmp_path, service):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    return settings, service.embedder, service.analyzer


def _service(settings, embedder, analyzer, **changes) -> QAService:
    return QAService(settings.model_copy(update=changes), embedder=embedder, analyzer=analyzer)


def test_index_is_persisted_and_reused(workspace):
    settings, embedder, analyzer = workspace
    first = _service(settings, embedder, analyzer).ensure_index()
    assert first.rebuilt and first.documents == 2 and first.chunks > 10
    manifest = CorpusIndex.read_manifest(settings.index_dir)
    assert manifest.signature["model"] == "intfloat/multilingual-e5-small" and manifest.dim == 384

    again = _service(settings, embedder, analyzer)
    report = again.ensure_index()
    assert not report.rebuilt and report.chunks == first.chunks
    hits = again.search("카카오와 SKT가 교환한 지분 규모는?")
    assert "3,000억원" in hits[0].chunk.text or "3000억원" in hits[0].chunk.text


def test_changed_corpus_makes_the_index_stale(workspace):
    settings, embedder, analyzer = workspace
    _service(settings, embedder, analyzer).ensure_index()
    (settings.corpus_dir / "new.txt").write_text(
        "제주도 감귤 수확 시작\n\n제주도에서 올해 첫 감귤 수확이 시작됐다. 농가는 풍년을 기대한다.", encoding="utf-8"
    )
    svc = _service(settings, embedder, analyzer)
    report = svc.ensure_index()
    assert report.rebuilt and report.documents == 3
    assert svc.search("감귤 수확은 어디서 시작됐어?")[0].document.title == "제주도 감귤 수확 시작"


def test_changed_settings_make_the_index_stale(workspace):
    settings, embedder, analyzer = workspace
    _service(settings, embedder, analyzer).ensure_index()
    report = _service(settings, embedder, analyzer, chunk_chars=200).ensure_index()
    assert report.rebuilt and "settings" in report.reason


@pytest.mark.parametrize(
    "damage",
    ["truncate_vectors", "flip_a_vector_byte", "flip_a_sentence_vector_byte", "delete_chunks", "garble_manifest",
     "lose_current"],
)
def test_damaged_index_is_refused_then_rebuilt(workspace, damage):
    settings, embedder, analyzer = workspace
    built = _service(settings, embedder, analyzer).ensure_index()
    folder = CorpusIndex.current_generation(settings.index_dir)
    vectors = folder / "dense.faiss"
    if damage == "truncate_vectors":
        vectors.write_bytes(vectors.read_bytes()[: vectors.stat().st_size // 2])
    elif damage == "flip_a_vector_byte":  # same size, different numbers: only the checksum can tell
        data = bytearray(vectors.read_bytes())
        data[-7] ^= 0x40
        vectors.write_bytes(bytes(data))
    elif damage == "flip_a_sentence_vector_byte":
        sentences = folder / "sentences.npy"
        data = bytearray(sentences.read_bytes())
        data[-3] ^= 0x40
        sentences.write_bytes(bytes(data))
    elif damage == "delete_chunks":
        (folder / "chunks.jsonl").unlink()
    elif damage == "garble_manifest":
        (folder / "manifest.json").write_text("{")
    else:
        (settings.index_dir / "CURRENT").unlink()
    folder = settings.index_dir
    with pytest.raises(IndexLoadError):
        CorpusIndex.load(folder, settings)
    report = _service(settings, embedder, analyzer).ensure_index()
    assert report.rebuilt and report.chunks == built.chunks


def test_missing_corpus_is_a_clear_error(tmp_path, service):
    settings = Settings(corpus_dir=tmp_path / "nowhere", index_dir=tmp_path / "index")
    with pytest.raises(Exception, match="corpus folder does not exist"):
        QAService(settings, embedder=service.embedder, analyzer=service.analyzer).ensure_index()


def test_an_index_of_another_dimension_is_refused(workspace):
    settings, embedder, analyzer = workspace
    _service(settings, embedder, analyzer).ensure_index()
    manifest = CorpusIndex.current_generation(settings.index_dir) / "manifest.json"
    manifest.write_text(manifest.read_text().replace('"dim": 384', '"dim": 768'))
    with pytest.raises(IndexLoadError, match="disagree"):
        CorpusIndex.load(settings.index_dir, settings)


def test_sentence_vectors_and_terms_follow_their_chunks(writable_service):
    """Each chunk's sentences keep their own vectors and terms through an add, a delete and a reload."""
    service = writable_service()
    index = service.index
    assert index.sentence_vectors.shape == (sum(len(c.sentences) for c in index.chunks), index.manifest.dim)
    row = next(r for r, c in enumerate(index.chunks) if "3,000억원" in c.text)
    chunk = index.chunks[row]
    positions = list(range(len(chunk.sentences)))
    vectors = index.sentence_vectors_of([(row, p) for p in positions])
    terms = [index.sentence_terms(row, p) for p in positions]
    for p, span in enumerate(chunk.sentences):
        assert terms[p] == service.analyzer.terms(index.documents[chunk.doc_id].text[span.start : span.end])
    assert any("3000억원" in t for t in terms)

    def same_as_before(current: CorpusIndex) -> None:
        moved = next(r for r, c in enumerate(current.chunks) if c.chunk_id == chunk.chunk_id)
        assert np.array_equal(current.sentence_vectors_of([(moved, p) for p in positions]), vectors)
        assert [current.sentence_terms(moved, p) for p in positions] == terms

    added = service.add_article("감귤 수확 시작", "제주도 서귀포에서 올해 첫 감귤 수확이 시작됐다. 농가는 풍년을 기대한다.")
    same_as_before(service.index)
    new_rows = [r for r, c in enumerate(service.index.chunks) if c.doc_id == added.doc_id]
    assert len(service.index.sentence_vectors) == int(service.index.sentence_starts[-1])
    assert service.index.sentence_terms(new_rows[-1], 0)  # the new article's sentences have terms too
    service.remove_article(next(d for d in index.documents if d != chunk.doc_id))  # the other seed article
    same_as_before(service.index)
    same_as_before(CorpusIndex.load(service.settings.index_dir, service.settings))
