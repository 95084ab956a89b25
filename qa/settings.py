"""All tunable values in one place: defaults here, overridable by ``QA_*`` environment variables and CLI flags."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal
from urllib.parse import urlparse

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


MAX_QUESTION_CHARS = 1000  # also stated in the API schema
MAX_HISTORY_TURNS = 20  # earlier turns a request may carry (the API schema states it)
MAX_ANSWER_CHARS = 5000  # an earlier answer's text as a client sends it back
RuntimeName = Literal["torch", "onnx", "onnx-int8"]  # how the model runs (README, "Runtimes")
SEARCH_SCHEMES = ("milvus", "milvus-lite")  # QA_SEARCH_URL: a Milvus server, or Milvus's engine in this process


def _default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "qa-news"


class Settings(BaseSettings):
    """Settings for the whole pipeline; every field can be set as ``QA_<NAME>`` in the environment."""

    model_config = SettingsConfigDict(env_prefix="QA_", env_file=None, extra="ignore")

    # Where things live
    corpus_dir: Path = Path("corpus")
    index_dir: Path = Path(".qa-index")
    cache_dir: Path = Field(default_factory=_default_cache_dir, description="model rebuilds live here")

    # Embedding model: the default is rebuilt offline; any sentence-transformers name or path also works.
    model: str = "intfloat/multilingual-e5-small"
    # How the model runs: ONNX Runtime fp32 gives torch's vectors (cosine 1.0000) about 3x faster per question
    # and serves without importing torch; "onnx-int8" is smaller and looser (README, "Runtimes").
    runtime: RuntimeName = "onnx"
    query_prompt: str = "query: "
    passage_prompt: str = "passage: "
    embed_batch_size: int = 32
    embed_batch_tokens: int = 2048  # ONNX: padded tokens per forward pass (bounds memory; throughput is flat)
    embed_threads: int = 0  # threads the model runs on per process (0: the runtime's default, every core)
    embed_cache_size: int = 20_000  # cached question vectors
    answer_cache_size: int = 1_024  # answers to repeated questions, until the index changes
    embed_title: bool = True  # prepend the article title to each chunk before embedding

    # Indexing on Ray (`qa index --ray`): each worker holds one copy of the model and runs it on one core
    ray_address: str | None = None  # a cluster ("auto", "ray://host:10001"), or "local" to start one here
    ray_workers: int = Field(2, ge=1)  # encoding workers (on a local Ray: also the cores it is given)
    ray_start_timeout_s: float = 600.0  # longest wait for the workers' model loads (too few free CPUs: they pend)
    ray_batch_documents: int = 32  # articles per task: small enough to spread, large enough to batch the model
    ray_retries: int = 2  # times a batch is retried after its worker died

    # A distributed search engine for the candidate search (README, "Scaling out"); unset: the embedded index
    search_url: str | None = None  # milvus://host:19530, or milvus-lite:///path/to/file.db (in this process)
    engine_collection: str = "qa"  # collections are named <this>_gen_<index generation>
    engine_dense_index: Literal["FLAT", "HNSW"] = "FLAT"  # FLAT is exact, as FAISS below dense_exact_max
    engine_timeout_s: float = 10.0  # longest wait for the engine before the API answers 503
    engine_shards: int = 1  # a cluster: shards of a new collection (writes spread over data nodes)
    engine_replicas: int = 1  # a cluster: in-memory copies of the collection (a query node may fail)

    # Chunking (chosen by measurement on the dev questions; see README)
    chunk_chars: int = 480
    chunk_overlap_sentences: int = 1

    # Retrieval
    dense_exact_max: int = 50_000  # above this many chunks FAISS searches an HNSW graph instead of every vector
    hnsw_m: int = 32
    index_refresh_seconds: float = 1.0  # how often a server looks for another process's changes to its index
    small_segment_rows: int = 5_000  # segments smaller than this are merged once there are too many of them
    max_small_segments: int = 8  # ... more than this many: each search fans out over every segment
    hnsw_ef_construction: int = 80
    hnsw_ef_search: int = 128
    top_k: int = 5
    candidates: int = 30  # per retriever, before fusion
    fusion: Literal["rrf", "weighted"] = "weighted"
    dense_weight: float = 0.4  # RRF weight of the dense ranking
    dense_weight_min: float = 0.3  # weighted fusion: dense weight when the question's words all match a passage
    dense_weight_max: float = 0.7  # ... and when none of them do (a paraphrase)
    rrf_k: int = 60
    keep_each_best: bool = True  # each retriever's top passage always makes the top-k
    typo_max_distance: int = 1  # jamo edits allowed when correcting unknown query terms

    # Answering: the evidence, span and abstention models are fitted by `qa fit` (see README, "Answers")
    weights_path: Path | None = None  # fitted weights (default: qa/answer_weights.json)
    min_confidence: float | None = None  # refuse below this answerability probability (default: the fitted one)
    refusal_budget: float = 0.05  # qa fit: the threshold refuses at most this share of answerable questions
    read_sentences: int = 4  # best first-stage sentences whose answer spans are read and re-ranked
    owned_spans: int = Field(5, ge=1)  # best spans of a sentence whose owner is checked against the name a question asks of
    list_relative_probability: float = 0.5  # list questions: sentences at least this share as likely as the best
    max_list_items: int = 3
    max_answer_parts: int = 5  # "각각" questions: articles or names answered one by one, at most this many
    followup_turns: int = 6  # the latest turns a follow-up question is resolved against

    # Input limits
    max_question_chars: int = MAX_QUESTION_CHARS
    max_document_bytes: int = 5_000_000  # an added article's body or uploaded file
    max_request_bytes: int = 6_000_000  # any HTTP request body (a document plus its JSON or form envelope)

    # Server
    host: str = "127.0.0.1"  # loopback by default: exposing the server is a deliberate choice
    port: int = 8000
    api_key: SecretStr | None = None  # when set, write endpoints need it in the X-API-Key header
    max_in_flight: int = 8  # API requests worked on at once (answering is CPU-bound: more only adds latency)
    max_queued: int = 256  # ... and waiting for a turn; beyond that, 503
    queue_timeout_s: float = 60.0  # longest wait for a turn before 503

    # Chat page
    page_examples: int = 5  # example questions offered, each checked against the current index first
    page_articles: int = 8  # newest indexed articles listed above the chat

    @field_validator("search_url")
    @classmethod
    def _known_engine(cls, url: str | None) -> str | None:
        """A mistyped engine address is a configuration error at start, not a 503 at every question."""
        if not url:
            return None
        parsed = urlparse(url)
        if parsed.scheme not in SEARCH_SCHEMES:
            raise ValueError(f"unknown scheme {parsed.scheme!r}: use milvus://host:19530 or milvus-lite:///path/file.db")
        if parsed.scheme == "milvus-lite" and not parsed.path.endswith(".db"):
            raise ValueError("milvus-lite needs a file path ending in .db, e.g. milvus-lite:///srv/qa/milvus.db")
        if parsed.scheme == "milvus" and not parsed.netloc:
            raise ValueError("milvus needs a host and port, e.g. milvus://milvus.internal:19530")
        return url

    def resolved(self) -> "Settings":
        """Return a copy with absolute paths, so a server started elsewhere reads the same folders."""
        return self.model_copy(
            update={
                "corpus_dir": self.corpus_dir.expanduser().resolve(),
                "index_dir": self.index_dir.expanduser().resolve(),
                "cache_dir": self.cache_dir.expanduser().resolve(),
            }
        )
