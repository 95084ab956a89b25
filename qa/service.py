"""The one service object every surface (CLI, API, UI) calls: it owns the model, the analyzer and the index."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from qa.answerer import Answerer
from qa.contract import Answer
from qa.embedder import Embedder
from qa.index import CorpusIndex, IndexLoadError
from qa.ingest import corpus_fingerprint, ingest_folder
from qa.korean import KoreanAnalyzer
from qa.reading import Problem, ReadError
from qa.retriever import HybridRetriever
from qa.schema import Hit
from qa.settings import Settings

log = logging.getLogger(__name__)


class QuestionError(ValueError):
    """The question cannot be asked as given (empty, too long, not text)."""


def validate_question(question: object, max_chars: int) -> str:
    if not isinstance(question, str):
        raise QuestionError("질문은 문자열이어야 합니다 (question must be a string).")
    text = question.strip()
    if not text:
        raise QuestionError("질문이 비어 있습니다 (question is empty).")
    if len(text) > max_chars:
        raise QuestionError(f"질문이 너무 깁니다: {len(text)}자 (최대 {max_chars}자).")
    return text


@dataclass
class IndexReport:
    """What ``ensure_index`` did, for the CLI and the health endpoint to show."""

    rebuilt: bool
    documents: int
    chunks: int
    seconds: float
    problems: list[Problem]
    duplicates: list[str]
    reason: str


class QAService:
    def __init__(
        self,
        settings: Settings | None = None,
        embedder: Embedder | None = None,
        analyzer: KoreanAnalyzer | None = None,
    ) -> None:
        """``embedder`` and ``analyzer`` may be shared between services (tests, benchmarks) to load them once."""
        self.settings = (settings or Settings()).resolved()
        self.analyzer = analyzer or KoreanAnalyzer()
        self._embedder: Embedder | None = embedder
        self._index: CorpusIndex | None = None

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = Embedder(self.settings)
        return self._embedder

    @property
    def index(self) -> CorpusIndex:
        if self._index is None:
            self.ensure_index()
        assert self._index is not None
        return self._index

    @property
    def retriever(self) -> HybridRetriever:
        return HybridRetriever(self.index, self.embedder, self.analyzer, self.settings)

    def ensure_index(self, rebuild: bool = False, progress: bool = False) -> IndexReport:
        """Load the index if it is current for the corpus and settings; otherwise (re)build and save it."""
        started = time.perf_counter()
        corpus, folder = self.settings.corpus_dir, self.settings.index_dir
        fingerprint = corpus_fingerprint(corpus) if corpus.is_dir() else None
        reason = "forced rebuild" if rebuild else ""
        if not rebuild:
            try:
                existing = CorpusIndex.load(folder, self.settings)
            except IndexLoadError as exc:
                existing, reason = None, str(exc)
            if existing is not None:
                if fingerprint is None or existing.is_current(self.settings, fingerprint):
                    self._index = existing
                    return IndexReport(False, len(existing.documents), len(existing.chunks),
                                       time.perf_counter() - started, [], [], "index is current")
                reason = "corpus or settings changed since the index was built"
        if fingerprint is None:
            raise ReadError(f"{corpus}: corpus folder does not exist")
        log.info("building index: %s", reason)
        ingested = ingest_folder(corpus)
        index = CorpusIndex.build(
            ingested.documents, self.settings, self.analyzer, self.embedder, fingerprint, progress=progress
        )
        index.save(folder)
        self._index = index
        return IndexReport(True, len(index.documents), len(index.chunks), time.perf_counter() - started,
                           ingested.problems, ingested.duplicates, reason)

    def search(self, question: str, top_k: int | None = None, mode: str = "hybrid") -> list[Hit]:
        text = validate_question(question, self.settings.max_question_chars)
        return self.retriever.search(text, top_k=top_k, mode=mode)

    def ask(self, question: str, top_k: int | None = None) -> Answer:
        """A cited answer, or an explicit refusal when the articles do not support one."""
        text = validate_question(question, self.settings.max_question_chars)
        return Answerer(self.retriever, self.analyzer, self.settings).answer(text, top_k=top_k)
