"""The persisted index: reused when current, rebuilt when the corpus or settings change, refused when damaged."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from qa.index import CorpusIndex, IndexLoadError
from qa.service import DuplicateArticle, QAService
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


def _segment(settings) -> Path:
    return next((CorpusIndex.current_generation(settings.index_dir) / "segments").iterdir())


@pytest.mark.parametrize(
    "damage",
    ["truncate_vectors", "flip_a_vector_byte", "flip_a_sentence_vector_byte", "lose_a_segment", "garble_catalog",
     "lose_catalog", "lose_current"],
)
def test_damaged_index_is_refused_then_rebuilt(workspace, damage):
    settings, embedder, analyzer = workspace
    built = _service(settings, embedder, analyzer).ensure_index()
    generation = CorpusIndex.current_generation(settings.index_dir)
    vectors = _segment(settings) / "dense.faiss"
    if damage == "truncate_vectors":
        vectors.write_bytes(vectors.read_bytes()[: vectors.stat().st_size // 2])
    elif damage == "flip_a_vector_byte":  # same size, different numbers: only the checksum can tell
        data = bytearray(vectors.read_bytes())
        data[-7] ^= 0x40
        vectors.write_bytes(bytes(data))
    elif damage == "flip_a_sentence_vector_byte":
        sentences = _segment(settings) / "sentences.npy"
        data = bytearray(sentences.read_bytes())
        data[-3] ^= 0x40
        sentences.write_bytes(bytes(data))
    elif damage == "lose_a_segment":
        shutil.rmtree(_segment(settings))
    elif damage == "garble_catalog":
        (generation / "catalog.sqlite").write_bytes(b"not a database" * 100)
    elif damage == "lose_catalog":
        (generation / "catalog.sqlite").unlink()
    else:
        (settings.index_dir / "CURRENT").unlink()
    with pytest.raises(IndexLoadError):
        CorpusIndex.load(settings.index_dir, settings)
    report = _service(settings, embedder, analyzer).ensure_index()
    assert report.rebuilt and report.chunks == built.chunks


def test_a_lost_lexical_index_is_rebuilt_from_the_catalog_without_encoding(workspace):
    """tantivy's postings are derived from the catalog's terms: lost or out of step, they are re-derived."""
    settings, embedder, analyzer = workspace
    _service(settings, embedder, analyzer).ensure_index()
    generation = CorpusIndex.current_generation(settings.index_dir)
    for folder in generation.glob("lexical-*"):
        shutil.rmtree(folder)
    loaded = CorpusIndex.load(settings.index_dir, settings)
    assert loaded.lexical.size == len(loaded.chunks)
    svc = _service(settings, embedder, analyzer)
    assert not svc.ensure_index().rebuilt
    assert svc.search("카카오와 SKT가 교환한 지분 규모는?", mode="lexical")[0].lexical_score > 0


def test_an_index_in_the_older_layout_is_rebuilt_with_a_message(workspace):
    settings, embedder, analyzer = workspace
    old = settings.index_dir / "gen-1"
    old.mkdir(parents=True)
    (old / "manifest.json").write_text("{}")
    (settings.index_dir / "CURRENT").write_text("gen-1")
    report = _service(settings, embedder, analyzer).ensure_index()
    assert report.rebuilt and "older whole-file layout" in report.reason and report.documents == 2
    assert not old.exists()


def test_missing_corpus_is_a_clear_error(tmp_path, service):
    settings = Settings(corpus_dir=tmp_path / "nowhere", index_dir=tmp_path / "index")
    with pytest.raises(Exception, match="corpus folder does not exist"):
        QAService(settings, embedder=service.embedder, analyzer=service.analyzer).ensure_index()


def test_an_index_of_another_dimension_is_refused(workspace):
    settings, embedder, analyzer = workspace
    _service(settings, embedder, analyzer).ensure_index()
    catalog = sqlite3.connect(CorpusIndex.current_generation(settings.index_dir) / "catalog.sqlite")
    catalog.execute("UPDATE meta SET value = '768' WHERE key = 'dim'")
    catalog.commit()
    catalog.close()
    with pytest.raises(IndexLoadError, match="disagree"):
        CorpusIndex.load(settings.index_dir, settings)


def test_sentence_vectors_and_terms_follow_their_chunks(writable_service):
    """Each chunk keeps its key, sentence vectors and terms through an add, a delete, a merge and a reload."""
    service = writable_service()
    index = service.index
    key = next(k for k in index.live_keys.tolist() if "3,000억원" in index.chunk_of(k).text)
    chunk = index.chunk_of(key)
    positions = list(range(len(chunk.sentences)))
    vectors = index.sentence_vectors_of([(key, p) for p in positions])
    terms = [index.sentence_terms(key, p) for p in positions]
    for p, span in enumerate(chunk.sentences):
        assert terms[p] == service.analyzer.terms(index.documents[chunk.doc_id].text[span.start : span.end])
    assert any("3000억원" in t for t in terms)

    def same_as_before(current: CorpusIndex) -> None:
        assert current.chunk(chunk.chunk_id) == chunk and current.chunk_of(key) == chunk
        assert np.array_equal(current.sentence_vectors_of([(key, p) for p in positions]), vectors)
        assert [current.sentence_terms(key, p) for p in positions] == terms

    added = service.add_article("감귤 수확 시작", "제주도 서귀포에서 올해 첫 감귤 수확이 시작됐다. 농가는 풍년을 기대한다.")
    same_as_before(service.index)
    new_keys = service.index.keys_of({added.doc_id})
    assert len(new_keys) and service.index.sentence_terms(int(new_keys[-1]), 0)  # the new sentences have terms too
    service.remove_article(next(d for d in index.documents if d != chunk.doc_id))  # the other seed article
    same_as_before(service.index)
    same_as_before(service.optimize())
    assert len(service.index.segments) == 1
    same_as_before(CorpusIndex.load(service.settings.index_dir, service.settings))


def test_adds_write_small_segments_that_merge_and_deletes_stay_deleted(writable_service):
    """Each add is one new segment (nothing else rewritten); past the limit the small ones merge into one, dropping
    deleted chunks; what a search finds survives the merge and a reload."""
    service = writable_service(max_small_segments=3, small_segment_rows=1_000)
    first = service.index.segments[0]
    added = [service.add_article(f"감귤 소식 {n}", f"제주도 서귀포 {n}농장에서 올해 감귤 수확이 시작됐다. 수확량은 {n}천 톤이다.")
             for n in range(1, 3)]
    assert len(service.index.segments) == 3 and service.index.segments[0] is first  # untouched, not copied
    gone = next(d for d in sorted(service.index.documents) if d not in {a.doc_id for a in added})  # a seed article: its segment keeps the other one, live
    service.remove_article(gone)
    assert len(service.index.segments) == 3
    question = "2농장의 감귤 수확량은?"
    before = [h.chunk.chunk_id for h in service.search(question)]
    assert before[0].startswith(added[1].doc_id)
    service.add_article("감귤 소식 3", "제주도 서귀포 3농장에서 올해 감귤 수확이 시작됐다. 수확량은 3천 톤이다.")
    index = service.index
    assert len(index.segments) == 1  # four small segments (the seed's too) over the limit of three: merged
    assert gone not in index.documents and not index.keys_of({gone}).size
    assert len(index.segments[0]) == len(index.chunks)  # the deleted article's vectors were not carried over
    assert service.search(question)[0].chunk.chunk_id == before[0]
    assert service.search("3농장의 감귤 수확량은?")[0].document.title == "감귤 소식 3"
    reloaded = CorpusIndex.load(service.settings.index_dir, service.settings)
    assert len(reloaded.segments) == 1 and len(reloaded.chunks) == len(index.chunks)
    assert len(list((reloaded.generation / "segments").iterdir())) == 1  # the merged-away folders are gone


def test_filters_are_lexical_query_clauses(writable_service):
    """tantivy sees only the allowed articles: by outlet, by publication day, by id; undated articles fall outside
    every date range."""
    from qa.filters import Filters

    service = writable_service()
    undated = service.add_article("감귤 소식", "제주도 서귀포에서 올해 감귤 수확이 시작됐다. 카카오도 감귤을 판다.")
    index = service.index
    lexical = index.lexical
    query = lexical.query(service.analyzer.terms("카카오"))
    owners = lambda keys: {index.chunk_of(int(k)).doc_id for k in keys}  # noqa: E731
    everything = owners(lexical.search(query, 100)[0])
    assert undated.doc_id in everything and len(everything) == 3
    by_outlet = owners(lexical.search(query, 100, lexical.clause(Filters(outlet=["뷰어스"])))[0])
    assert by_outlet == {d for d, doc in index.documents.items() if doc.outlet == "뷰어스"}
    dated = owners(lexical.search(query, 100, lexical.clause(Filters(published_from="2021-01-01")))[0])
    assert dated == everything - {undated.doc_id}
    march = owners(lexical.search(query, 100, lexical.clause(Filters(published_to="2021-03-31")))[0])
    assert march == {d for d, doc in index.documents.items() if (doc.published or "9")[:10] <= "2021-03-31"}
    assert owners(lexical.search(query, 100, lexical.clause(Filters(doc_ids=[undated.doc_id])))[0]) == {undated.doc_id}


def test_a_deleted_articles_words_are_unknown_again(writable_service):
    """tantivy keeps deleted chunks in its statistics until it merges; the vocabulary must not: a word only a
    deleted article had is unknown (no typo fix lands on it, the question's unknown word is noticed)."""
    service = writable_service()
    added = service.add_article("감귤 소식", "제주도 서귀포에서 올해 감귤 수확이 시작됐다.")
    assert service.index.lexical.known("서귀포") and service.index.lexical.correct("서귀표") == "서귀포"
    service.remove_article(added.doc_id)
    lexical = service.index.lexical
    assert not lexical.known("서귀포") and lexical.correct("서귀표") is None
    assert lexical.idf("서귀포") == lexical.idf("한번도없던말")
    assert not [h for h in service.search("서귀포 감귤", mode="lexical") if h.document.doc_id == added.doc_id]


def test_two_writers_of_one_folder_apply_their_changes_to_each_others(writable_service):
    """Two services (as two processes would) writing one index folder: each write starts from the latest catalog
    under the folder's lock, so neither undoes or collides with the other's."""
    first, second = writable_service(index_refresh_seconds=3600), writable_service(index_refresh_seconds=3600)
    first.index, second.index  # both hold a snapshot now; neither looks for the other's changes on its own
    one = first.add_article("감귤 소식", "제주도 서귀포에서 올해 감귤 수확이 시작됐다.")
    two = second.add_article("한라봉 소식", "제주도 남원에서 올해 한라봉 출하가 시작됐다.")  # from a stale view
    assert {one.doc_id, two.doc_id} <= set(second.index.documents)
    first.remove_article(one.doc_id)
    loaded = CorpusIndex.load(first.settings.index_dir, first.settings)
    assert two.doc_id in loaded.documents and one.doc_id not in loaded.documents
    assert len(set(loaded.live_keys.tolist())) == len(loaded.chunks) == loaded.lexical.size


def test_the_same_article_added_by_two_writers_is_indexed_once(writable_service):
    """Two servers adding one article at once: the second, whose view predates the first's add, gets the clear
    duplicate error (409 over HTTP), not a database error, and the first's article file stays."""
    first, second = writable_service(index_refresh_seconds=3600), writable_service(index_refresh_seconds=3600)
    first.index, second.index
    body = "제주도 서귀포에서 올해 감귤 수확이 시작됐다. 수확량은 3천 톤이다."
    added = first.add_article("감귤 소식", body)
    with pytest.raises(DuplicateArticle) as raised:
        second.add_article("감귤 소식 (다시)", body, doc_id="gamgyul-again")
    assert raised.value.args[0].endswith(f"(id: {added.doc_id})")
    with pytest.raises(DuplicateArticle):
        second.add_article("감귤 소식", body)  # the same id as well
    loaded = CorpusIndex.load(first.settings.index_dir, first.settings)
    assert added.doc_id in loaded.documents and "gamgyul-again" not in loaded.documents
    assert not list(first.settings.corpus_dir.rglob("gamgyul-again*"))
    assert list(first.settings.corpus_dir.rglob(f"{added.doc_id}*"))
    assert len(set(loaded.live_keys.tolist())) == len(loaded.chunks) == loaded.lexical.size


def test_an_article_deleted_then_added_again_is_found_again(writable_service):
    """A delete leaves tombstones (a reader of an older snapshot can still read what it retrieved); the same
    article added back gets the same ids and is searchable; ``--optimize`` purges the tombstones."""
    service = writable_service()
    body = "제주도 서귀포에서 올해 감귤 수확이 시작됐다. 수확량은 3천 톤이다."
    first = service.add_article("감귤 소식", body)
    before = service.index
    key = int(before.keys_of({first.doc_id})[0])
    service.remove_article(first.doc_id)
    # A reader still holding the snapshot from before the delete answers from it, deleted chunk included.
    stale = service.answerer(before).retriever.search("서귀포 감귤 수확량은?")
    assert first.doc_id in {h.document.doc_id for h in stale} and before.chunk_of(key).doc_id == first.doc_id
    again = service.add_article("감귤 소식", body)
    assert again.doc_id == first.doc_id
    hit = service.search("서귀포 감귤 수확량은?")[0]
    assert hit.document.doc_id == again.doc_id and hit.key != key
    assert CorpusIndex.load(service.settings.index_dir, service.settings).chunk(hit.chunk.chunk_id) == hit.chunk
    tombstones = "SELECT COUNT(*) FROM chunks WHERE deleted = 1"
    catalog = sqlite3.connect(service.index.generation / "catalog.sqlite")
    assert catalog.execute(tombstones).fetchone()[0] > 0
    service.optimize()
    assert catalog.execute(tombstones).fetchone()[0] == 0 and service.index.chunk(hit.chunk.chunk_id) == hit.chunk
    catalog.close()
