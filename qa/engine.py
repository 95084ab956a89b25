"""A distributed search engine as the candidate search: Milvus holds each chunk's vector, its Kiwi terms for BM25 and
its filterable metadata, and runs the dense search, the BM25 search and the filters itself.

Chosen by ``QA_SEARCH_URL``: ``milvus://host:19530`` (a Milvus server or cluster) or ``milvus-lite:///path/x.db``
(Milvus's own engine in this process, the same client API: what the tests run). The embedded index stays the
source of truth, like tantivy's files: the engine mirrors its live chunks and is brought back in step from it at
start and after every add or delete, so an engine that lost writes is repaired, never trusted over the catalog.
The answerer still reads chunk texts, terms and sentence vectors from the local catalog and segments.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import warnings
from urllib.parse import urlparse

import numpy as np

from qa.filters import Filters, publication_day
from qa.index import CorpusIndex
from qa.settings import Settings

log = logging.getLogger(__name__)
# milvus-lite keeps no MVCC timestamps, and pymilvus warns about it on every listing of keys.
logging.getLogger("pymilvus.orm.iterator").setLevel(logging.ERROR)
warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)  # milvus-lite 2.5

SCHEMES = ("milvus", "milvus-lite")
TERMS_BYTES = 65_535  # Milvus's longest VARCHAR; a chunk's terms take a few kilobytes at most
WRITE_BATCH = 1_000  # chunks per insert request: bounded request size
KEY_PAGE = 10_000  # keys read per page when listing what the engine holds


class EngineUnavailable(RuntimeError):
    """The search engine is down, unreachable or timing out: the API answers 503 with Retry-After, never a guess."""


def _uri(url: str) -> str:
    parsed = urlparse(url)
    if parsed.scheme not in SCHEMES:
        raise ValueError(f"QA_SEARCH_URL: unknown scheme {parsed.scheme!r} (use milvus://host:port or "
                         "milvus-lite:///path/to/file.db)")
    return parsed.path if parsed.scheme == "milvus-lite" else f"http://{parsed.netloc}"


def _terms_text(terms: list[str]) -> str:
    """A chunk's terms as the engine's analyzer reads them (whitespace), whole terms only, within the field's size."""
    text, size = [], 0
    for term in terms:
        size += len(term.encode("utf-8")) + 1
        if size > TERMS_BYTES:
            break
        text.append(term)
    return " ".join(text) or " "


def expression(filters: Filters | None) -> str:
    """A filter as a Milvus boolean expression over the chunk's metadata fields ("" for none)."""
    if filters is None or filters.empty:
        return ""
    parts = []
    if filters.outlet:
        parts.append(f"outlet in {json.dumps(list(filters.outlet), ensure_ascii=False)}")
    if filters.doc_ids:
        parts.append(f"doc_id in {json.dumps(list(filters.doc_ids), ensure_ascii=False)}")
    if filters.day_range:
        low, high = filters.day_range
        parts.append(f"published >= {low}" + (f" and published <= {high}" if high is not None else ""))
    return " and ".join(parts)


class MilvusSearch:
    """One Milvus collection of the index's live chunks: key, dense vector, Kiwi terms (BM25 by the engine), doc id,
    outlet and publication day."""

    def __init__(self, settings: Settings) -> None:
        try:
            from pymilvus import MilvusClient
        except ImportError as exc:
            raise EngineUnavailable("QA_SEARCH_URL needs pymilvus: pip install 'qa-news[engine]'") from exc
        self.settings = settings
        self._lock = threading.Lock()
        self.collection: str | None = None  # one collection per index generation: a rebuild reuses chunk keys
        self._held: set[int] | None = None  # keys the collection holds, once listed
        self.followed: CorpusIndex | None = None  # the snapshot the collection holds exactly
        self.client = self._call("connection", lambda: MilvusClient(uri=_uri(settings.search_url),
                                                                     timeout=settings.engine_timeout_s))

    def collection_for(self, index: CorpusIndex) -> str:
        return re.sub(r"[^A-Za-z0-9_]", "_", f"{self.settings.engine_collection}_{index.generation.name}")

    def _create(self, name: str, dim: int) -> None:
        from pymilvus import DataType, Function, FunctionType

        settings = self.settings
        schema = self.client.create_schema(auto_id=False)
        schema.add_field("key", DataType.INT64, is_primary=True)
        schema.add_field("dense", DataType.FLOAT_VECTOR, dim=dim)
        schema.add_field("terms", DataType.VARCHAR, max_length=65_535, enable_analyzer=True,
                         analyzer_params={"tokenizer": "whitespace"})  # Kiwi's terms, as tantivy gets them
        schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
        schema.add_field("doc_id", DataType.VARCHAR, max_length=512)
        schema.add_field("outlet", DataType.VARCHAR, max_length=512)
        schema.add_field("published", DataType.INT64)
        schema.add_function(Function(name="bm25", function_type=FunctionType.BM25, input_field_names=["terms"],
                                     output_field_names=["sparse"]))
        indexes = self.client.prepare_index_params()
        indexes.add_index("dense", index_type=settings.engine_dense_index, metric_type="IP",
                          params={"M": settings.hnsw_m, "efConstruction": settings.hnsw_ef_construction}
                          if settings.engine_dense_index == "HNSW" else {})
        indexes.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25")
        # Strong: an article is searchable as soon as its add returns, on a cluster too.
        self.client.create_collection(name, schema=schema, index_params=indexes, consistency_level="Strong",
                                      shards_num=settings.engine_shards)

    def _call(self, what: str, call):
        """Any failure of the engine (pymilvus, grpc or socket errors) as one error the API turns into a 503."""
        try:
            return call()
        except Exception as exc:
            raise EngineUnavailable(f"search engine {what} failed ({self.settings.search_url}): {exc}") from exc

    # -- keeping in step with the index -------------------------------------------------------------------------

    def held_keys(self) -> set[int]:
        """Every key the collection holds, read in pages."""
        held: set[int] = set()
        iterator = self._call("listing", lambda: self.client.query_iterator(
            self.collection, batch_size=KEY_PAGE, filter="key >= 0", output_fields=["key"],
            consistency_level="Strong"))
        while True:
            page = self._call("listing", iterator.next)
            if not page:
                break
            held.update(int(row["key"]) for row in page)
        iterator.close()
        return held

    def follow(self, index: CorpusIndex) -> None:
        """Make the engine hold exactly ``index``'s live chunks: insert what it lacks, delete what is gone. A new
        generation (a rebuild) gets a new collection, and the other generations' collections are dropped."""
        with self._lock:
            name = self.collection_for(index)
            if name == self.collection and self.followed is not None and index.revision <= self.followed.revision:
                return  # an older snapshot, still answering: the engine never goes back (stale keys are skipped)
            if name != self.collection:
                self._open(name, index.manifest.dim)
            held = self._held if self._held is not None else self.held_keys()
            live = set(index.live_keys.tolist())
            gone, missing = sorted(held - live), sorted(live - held)
            if gone:
                self._call("delete", lambda: self.client.delete(name, ids=gone))
            for start in range(0, len(missing), WRITE_BATCH):
                rows = self._rows(index, missing[start : start + WRITE_BATCH])
                # upsert: another server sharing the collection may have written the same chunks already
                self._call("insert", lambda: self.client.upsert(name, rows))
            if gone or missing:
                log.info("search engine: %d chunks added, %d removed", len(missing), len(gone))
            self._held, self.followed = live, index

    def _open(self, name: str, dim: int) -> None:
        prefix = f"{self.settings.engine_collection}_gen_"
        existing = self._call("listing", self.client.list_collections)
        if name not in existing:
            self._call("create", lambda: self._create(name, dim))
        replicas = {"replica_number": self.settings.engine_replicas} if self.settings.engine_replicas > 1 else {}
        self._call("load", lambda: self.client.load_collection(name, **replicas))
        for other in existing:
            if other != name and other.startswith(prefix):
                self._call("drop", lambda: self.client.drop_collection(other))
        self.collection, self._held = name, None

    def _rows(self, index: CorpusIndex, keys: list[int]) -> list[dict]:
        vectors = index.vectors_of(keys)
        rows = []
        for key, vector in zip(keys, vectors):
            chunk = index.chunk_of(key)
            doc = index.documents[chunk.doc_id]
            rows.append({"key": key, "dense": vector.tolist(), "terms": _terms_text(index.terms(key)),
                         "doc_id": doc.doc_id, "outlet": doc.outlet or "", "published": publication_day(doc.published)})
        return rows

    # -- searching ----------------------------------------------------------------------------------------------

    def _search(self, data: list, field: str, k: int, where: str) -> tuple[np.ndarray, np.ndarray]:
        found = self._call("search", lambda: self.client.search(
            self.collection, data=data, anns_field=field, limit=k, filter=where, output_fields=[]))[0]
        return (np.asarray([int(hit["id"]) for hit in found], dtype=np.int64),
                np.asarray([float(hit["distance"]) for hit in found], dtype=np.float32))

    def dense(self, vector: np.ndarray, k: int, filters: Filters | None) -> tuple[np.ndarray, np.ndarray]:
        """(keys, cosines) of the ``k`` nearest chunks the filters allow, best first."""
        return self._search([vector.tolist()], "dense", k, expression(filters))

    def lexical(self, terms: list[str], k: int, filters: Filters | None, keys: list[int] | None = None
                ) -> tuple[np.ndarray, np.ndarray]:
        """(keys, BM25 scores) of the ``k`` best chunks for the query terms; only ``keys`` when given."""
        if not terms or k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        where = expression(filters)
        if keys is not None:
            where = " and ".join(filter(None, [where, f"key in {list(keys)}"]))
        found_keys, scores = self._search([" ".join(terms)], "sparse", k, where)
        positive = scores > 0
        return found_keys[positive], scores[positive]

    def lexical_scores(self, terms: list[str], keys: list[int]) -> dict[int, float]:
        """The BM25 score of each given chunk (0 for those the terms do not match)."""
        found_keys, scores = self.lexical(terms, len(keys), None, keys)
        found = dict(zip(found_keys.tolist(), scores.tolist()))
        return {key: found.get(key, 0.0) for key in keys}
