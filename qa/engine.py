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
import math
import re
import threading
import warnings
from dataclasses import dataclass
from urllib.parse import urlparse

import numpy as np

from qa.filters import Filters, publication_day
from qa.index import CorpusIndex
from qa.settings import SEARCH_SCHEMES, Settings

log = logging.getLogger(__name__)
# milvus-lite keeps no MVCC timestamps, and pymilvus warns about it on every listing of keys.
logging.getLogger("pymilvus.orm.iterator").setLevel(logging.ERROR)
warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)  # milvus-lite 2.5

TERMS_BYTES = 65_535  # Milvus's longest VARCHAR; a chunk's terms take a few kilobytes at most
WRITE_BATCH = 1_000  # chunks per insert request: bounded request size
KEY_PAGE = 10_000  # keys read per page when listing what the engine holds


class EngineUnavailable(RuntimeError):
    """The search engine is down, unreachable or timing out: the API answers 503 with Retry-After, never a guess."""


def _uri(url: str) -> str:
    """What pymilvus connects to: a file path runs milvus-lite in this process, http://host:port a server."""
    parsed = urlparse(url)
    assert parsed.scheme in SEARCH_SCHEMES, url  # Settings checked it
    return parsed.path if parsed.scheme == "milvus-lite" else f"http://{parsed.netloc}"


def _name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", text)  # what Milvus allows in a collection name


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


@dataclass(frozen=True)
class CollectionSearch:
    """Searches of one collection: a question is answered from the collection of the snapshot it started with, even
    if a rebuild switches the engine to another meanwhile (chunk keys start over in a rebuild)."""

    engine: "MilvusSearch"
    name: str

    def _search(self, data: list, field: str, k: int, where: str) -> tuple[np.ndarray, np.ndarray]:
        found = self.engine.call("search", lambda timeout: self.engine.client.search(
            self.name, data=data, anns_field=field, limit=k, filter=where, output_fields=[], timeout=timeout))[0]
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


class MilvusSearch:
    """The index's live chunks in Milvus, one collection per index generation: key, dense vector, Kiwi terms (BM25
    by the engine), doc id, outlet and publication day."""

    def __init__(self, settings: Settings) -> None:
        try:
            from pymilvus import MilvusClient
        except ImportError as exc:
            raise EngineUnavailable("QA_SEARCH_URL needs pymilvus: pip install 'qa-news[engine]'") from exc
        self.settings = settings
        # pymilvus retries a failed call until this many seconds have passed only when given an int
        self.timeout = max(1, math.ceil(settings.engine_timeout_s))
        self.prefix = _name(f"{settings.engine_collection}_gen_")
        self._lock = threading.Lock()
        self.collection: str | None = None  # the collection of the latest generation followed
        self._held: set[int] | None = None  # keys it holds, once listed
        self.followed: CorpusIndex | None = None  # the snapshot it holds exactly
        self.client = self.call("connection", lambda timeout: MilvusClient(uri=_uri(settings.search_url),
                                                                            timeout=timeout))

    def call(self, what: str, call):
        """One engine call with the configured deadline; any failure (pymilvus, grpc or socket errors) becomes the
        one error the API turns into a 503."""
        try:
            return call(self.timeout)
        except Exception as exc:
            raise EngineUnavailable(f"search engine {what} failed ({self.settings.search_url}): {exc}") from exc

    def collection_for(self, index: CorpusIndex) -> str:
        return _name(f"{self.settings.engine_collection}_{index.generation.name}")

    def searcher(self, index: CorpusIndex) -> CollectionSearch:
        """Searches for a question answered from ``index``; a 503 if the engine has moved to a newer generation."""
        name = self.collection_for(index)
        if name != self.collection:
            raise EngineUnavailable("the index was rebuilt while this question was being answered; ask again")
        return CollectionSearch(self, name)

    # -- keeping in step with the index -------------------------------------------------------------------------

    def follow(self, index: CorpusIndex) -> None:
        """Make the engine hold exactly ``index``'s live chunks: upsert what it lacks, delete what is gone. A new
        generation (a rebuild) gets a new collection, filled before the older generations' are dropped."""
        with self._lock:
            followed = self.followed
            if followed is not None and followed.generation == index.generation \
                    and index.revision <= followed.revision:
                return  # an older snapshot, still answering: the engine never goes back (stale keys are skipped)
            name = self.collection_for(index)
            switched = name != self.collection
            if switched:
                self._open(name, index.manifest.dim)
            held = self._held if self._held is not None else self._held_keys(name)
            live = set(index.live_keys.tolist())
            gone, missing = sorted(held - live), sorted(live - held)
            if gone:
                self.call("delete", lambda timeout: self.client.delete(name, ids=gone, timeout=timeout))
            for start in range(0, len(missing), WRITE_BATCH):
                rows = self._rows(index, missing[start : start + WRITE_BATCH])
                # upsert: another server sharing the collection may have written the same chunks already
                self.call("insert", lambda timeout: self.client.upsert(name, rows, timeout=timeout))
            if gone or missing:
                log.info("search engine: %d chunks added, %d removed", len(missing), len(gone))
            self._held, self.followed = live, index
            if switched:
                self._drop_older(name)

    def _open(self, name: str, dim: int) -> None:
        existing = self.call("listing", lambda timeout: self.client.list_collections(timeout=timeout))
        if name not in existing:
            self.call("create", lambda timeout: self._create(name, dim, timeout))
        replicas = {"replica_number": self.settings.engine_replicas} if self.settings.engine_replicas > 1 else {}
        self.call("load", lambda timeout: self.client.load_collection(name, timeout=timeout, **replicas))
        self.collection, self._held, self.followed = name, None, None

    def _drop_older(self, name: str) -> None:
        """Collections of older generations (their names end in the generation's creation time), once this one is
        complete; a newer generation's, which another server may already serve, stays."""
        mine = int(name[len(self.prefix) :])
        for other in self.call("listing", lambda timeout: self.client.list_collections(timeout=timeout)):
            suffix = other[len(self.prefix) :]
            if other.startswith(self.prefix) and suffix.isdigit() and int(suffix) < mine:
                self.call("drop", lambda timeout: self.client.drop_collection(other, timeout=timeout))

    def _create(self, name: str, dim: int, timeout: int) -> None:
        from pymilvus import DataType, Function, FunctionType

        settings = self.settings
        schema = self.client.create_schema(auto_id=False)
        schema.add_field("key", DataType.INT64, is_primary=True)
        schema.add_field("dense", DataType.FLOAT_VECTOR, dim=dim)
        schema.add_field("terms", DataType.VARCHAR, max_length=TERMS_BYTES, enable_analyzer=True,
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
                                      shards_num=settings.engine_shards, timeout=timeout)

    def _held_keys(self, name: str) -> set[int]:
        """Every key the collection holds, read in pages."""
        held: set[int] = set()
        iterator = self.call("listing", lambda timeout: self.client.query_iterator(
            name, batch_size=KEY_PAGE, filter="key >= 0", output_fields=["key"], consistency_level="Strong",
            timeout=timeout))
        try:
            while page := self.call("listing", lambda timeout: iterator.next()):
                held.update(int(row["key"]) for row in page)
        finally:
            iterator.close()
        return held

    def _rows(self, index: CorpusIndex, keys: list[int]) -> list[dict]:
        vectors = index.vectors_of(keys)
        rows = []
        for key, vector in zip(keys, vectors):
            chunk, terms, _ = index.record(key)
            doc = index.documents[chunk.doc_id]
            rows.append({"key": key, "dense": vector.tolist(), "terms": _terms_text(terms),
                         "doc_id": doc.doc_id, "outlet": doc.outlet or "", "published": publication_day(doc.published)})
        return rows
