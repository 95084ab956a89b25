"""The one service object every surface (CLI, API, UI) calls: it owns the model, the analyzer and the index."""

from __future__ import annotations

import logging
import re
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path

from qa import aliases, composer, lexicon, phrases
from qa.answerer import Answerer, Reading
from qa.chunking import header_chunk_id
from qa.catalog import CatalogError
from qa.cleaning import clean_article, parse_date
from qa.contract import Answer
from qa.corpus_store import added_path, retire_article, save_article, source_path
from qa.durable import failpoint
from qa.embedder import Embedder
from qa.decomposition import Decomposer, Plan
from qa.filters import Filters
from qa.followup import FollowUpResolver
from qa.engine import CollectionSearch, EngineUnavailable, MilvusSearch
from qa.index import CorpusIndex, DuplicateDocument, IndexLoadError
from qa.ingest import content_key, corpus_fingerprint, document_id, file_fingerprint, fingerprint_with, ingest_folder
from qa.korean import KoreanAnalyzer, has_content
from qa.lru import LRUCache
from qa.named_scope import named_scope, without_other
from qa.query import Query
from qa.question import analyse
from qa.reading import Problem, RawArticle, ReadError, decode_bytes, read_bytes
from qa.retriever import HybridRetriever
from qa.schema import DOC_ID_PATTERN, Chunk, Document, Hit, Span
from qa.settings import Settings
from qa.weights import Weights

log = logging.getLogger(__name__)


class QuestionError(ValueError):
    """The question cannot be asked as given (empty, too long, not text)."""


class ArticleError(ValueError):
    """An article cannot be added as given (empty, too large, not UTF-8 text, bad metadata)."""


class DuplicateArticle(ArticleError):
    """The article is already indexed (same cleaned body, or the requested id is taken)."""

    def __init__(self, message: str, doc_id: str) -> None:
        super().__init__(message)
        self.doc_id = doc_id


class NotFound(LookupError):
    """No document or passage has the given id."""


UPLOAD_SUFFIXES = (".txt", ".md")
HEADER_SCORE = 1.0  # a header line cited for an article's own fields is the article's own word, not a search hit
_ID_RE = re.compile(DOC_ID_PATTERN)


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
    replaced: str | None = None  # the corpus folder of the index this build replaced, when it was another
    replaced_runtime: str | None = None  # the runtime of the index this build replaced, when it was another


def recorded_corpus(index_dir: Path) -> Path | None:
    """The corpus folder an existing index was built from, if it still exists: an index is served with its own
    articles unless another folder is named explicitly."""
    manifest = CorpusIndex.read_manifest(index_dir)
    if manifest is None or not manifest.corpus:
        return None
    folder = Path(manifest.corpus)
    return folder if folder.is_dir() else None


def _agrees(chosen: Filters | None, named: Filters) -> bool:
    """Whether the articles a question names lie within the reader's own choice of outlets and articles."""
    if chosen is None:
        return True
    if chosen.doc_ids:
        return False  # the reader chose the articles themselves
    return not (chosen.outlet and named.outlet and not set(named.outlet) <= set(chosen.outlet))


class QAService:
    def __init__(
        self,
        settings: Settings | None = None,
        embedder: Embedder | None = None,
        analyzer: KoreanAnalyzer | None = None,
        weights: Weights | None = None,
    ) -> None:
        """``embedder`` and ``analyzer`` may be shared between services (tests, benchmarks) to load them once;
        ``weights`` default to the fitted file (``settings.weights_path``)."""
        self.settings = (settings or Settings()).resolved()
        if embedder is not None and embedder.runtime.name != self.settings.runtime:
            raise ValueError(f"embedder runs on {embedder.runtime.name}, settings say {self.settings.runtime}")
        self.analyzer = analyzer or KoreanAnalyzer()
        self._embedder: Embedder | None = embedder
        self._embedder_lock = threading.Lock()
        self._index: CorpusIndex | None = None
        self._write_lock = threading.RLock()  # one writer at a time; readers use whichever index is current
        self._checked_at = 0.0  # when the index folder was last checked for another process's changes
        self.answer_cache: LRUCache[Answer] = LRUCache(self.settings.answer_cache_size)  # per index revision
        self._revision = 0  # counts index swaps, so cached answers never outlive the index they came from
        self.weights = weights or Weights.load(self.settings.weights_path)
        self.followups = FollowUpResolver(self.analyzer, self.settings.followup_turns)
        self.decomposer = Decomposer(self.analyzer, self.settings.max_answer_parts)
        self._engine: MilvusSearch | None = None  # QA_SEARCH_URL: connected on first use, so a server starts without it
        self._engine_lock = threading.Lock()

    def use_index(self, index: CorpusIndex) -> None:
        """Serve ``index`` from now on (also for benchmarks that assemble one in memory).

        Index first, then revision; ``ask`` reads them in the opposite order, so a cached answer is never older
        than the revision it is filed under.
        """
        self._index = index
        self._revision += 1

    def _serve_written(self, index: CorpusIndex) -> None:
        """Serve the index a write of this service made, and hand the change to the search engine before the write
        returns, so other servers sharing the engine find it too. An engine that is down misses nothing: the
        catalog holds the change, and the engine is brought in step at its next question."""
        self.use_index(index)
        if self.settings.search_url:
            try:
                self.engine_following(index)
            except EngineUnavailable as exc:
                log.warning("search engine not updated after a write (it follows at the next question): %s", exc)

    @property
    def embedder(self) -> Embedder:
        with self._embedder_lock:  # one load, even when the first requests race for it
            if self._embedder is None:
                self._embedder = Embedder(self.settings)
            return self._embedder

    @property
    def index(self) -> CorpusIndex:
        if self._index is None:
            self.ensure_index()
        assert self._index is not None
        if time.monotonic() - self._checked_at >= self.settings.index_refresh_seconds:
            self._checked_at = time.monotonic()
            self._follow_other_writers()
        return self._index

    def _follow_other_writers(self) -> None:
        """Serve what another process (``qa index --optimize``, a second server) wrote to the index folder."""
        index = self._index
        if index is None or not self._write_lock.acquire(blocking=False):  # a write here is under way: later
            return
        try:
            if self._index is index and index.is_stale():
                latest = index.reloaded()
                if latest is not None:
                    self.use_index(latest)
                    log.info("index reloaded: another process changed it")
        except (IndexLoadError, CatalogError, OSError) as exc:  # keep answering from the snapshot in hand
            log.warning("index changed by another process but could not be reloaded: %s", exc)
        finally:
            self._write_lock.release()

    def ensure_index(self, rebuild: bool = False, progress: bool = False) -> IndexReport:
        """Load the index if it is current for the corpus and settings; otherwise (re)build and save it."""
        started = time.perf_counter()
        corpus, folder = self.settings.corpus_dir, self.settings.index_dir
        fingerprint = corpus_fingerprint(corpus) if corpus.is_dir() else None
        reason = "forced rebuild" if rebuild else ""
        replaced = replaced_runtime = None
        if not rebuild:
            try:
                existing = CorpusIndex.load(folder, self.settings)
            except IndexLoadError as exc:
                existing, reason = None, str(exc)
            if existing is not None:
                if existing.is_current(self.settings, fingerprint):
                    self.use_index(existing)
                    return IndexReport(False, len(existing.documents), existing.chunk_total,
                                       time.perf_counter() - started, [], [], "index is current")
                reason = "corpus or settings changed since the index was built"
                built_with = existing.manifest.signature.get("runtime", "torch")  # the only one before runtimes
                if fingerprint is None:  # nothing to rebuild from: serving another model's vectors would be wrong
                    hint = f"; serve it with QA_RUNTIME={built_with}" if built_with != self.settings.runtime else ""
                    raise IndexLoadError(f"{folder}: built with other settings ({built_with} runtime, "
                                         f"{existing.manifest.signature.get('model')}) and {corpus} is not there "
                                         f"to rebuild it from{hint}")
                if built_with != self.settings.runtime:
                    replaced_runtime = built_with
                    reason = f"the index was built with the {built_with} runtime; rebuilding it for {self.settings.runtime}"
                built_from = existing.manifest.corpus
                if built_from and Path(built_from) != corpus.expanduser().resolve():
                    replaced = built_from
                    reason = f"the index was built from {built_from}; rebuilding it from {corpus}"
        if fingerprint is None:
            raise ReadError(f"{corpus}: corpus folder does not exist")
        log.info("building index: %s", reason)
        if self.settings.ray_address:
            from qa.ray_indexing import build_on_ray  # Ray is an optional extra

            ingested, index = build_on_ray(self.settings, fingerprint, progress)
        else:
            ingested = ingest_folder(corpus)
            index = CorpusIndex.build(
                ingested.documents, self.settings, self.analyzer, self.embedder, fingerprint, progress=progress
            )
        self._serve_written(index)  # with QA_SEARCH_URL, `qa index` fills the engine too
        return IndexReport(True, len(index.documents), index.chunk_total, time.perf_counter() - started,
                           ingested.problems, ingested.duplicates, reason, replaced, replaced_runtime)

    def search(
        self, question: str, top_k: int | None = None, mode: str = "hybrid", filters: Filters | None = None
    ) -> list[Hit]:
        text = validate_question(question, self.settings.max_question_chars)
        return self._retriever(self.index, filters).search(text, top_k=top_k, mode=mode)

    def ask(self, query: Query | str, top_k: int | None = None, filters: Filters | None = None) -> Answer:
        """A cited answer, or an explicit refusal when the articles (those the filters allow) do not support one.

        A plain question (with ``top_k`` and ``filters``) is a query with no history, for the CLI and scripts.
        """
        if self._index is None:
            self.ensure_index()
        revision = self._revision
        index = self.index  # one index for the whole request: an add or delete swaps in a new one meanwhile
        query = self.understand(query, top_k, filters, index)
        # An add or delete makes a new revision: earlier answers are not reused.
        key = query.key(revision)
        cached = self.answer_cache.get(key)
        if cached is not None:
            return cached
        _, answer = self._read(query, index)
        self.answer_cache.put(key, answer)
        return answer

    def understand(
        self, query: Query | str, top_k: int | None = None, filters: Filters | None = None,
        index: CorpusIndex | None = None,
    ) -> Query:
        """The query checked, with its question resolved against the conversation (a follow-up completed), and a
        question about "the article" scoped to the one the last answer cited."""
        if isinstance(query, str):
            query = Query(query, filters=filters, top_k=top_k)
        text = validate_question(query.question, self.settings.max_question_chars)
        index = index or self.index
        respelled = self.analyzer.respell(text)
        # "누가 쓴 기사야?": the article the last answer cited, a refusal since then cited none
        last_cited = next((turn.doc_ids for turn in reversed(query.history) if turn.doc_ids), ())
        cited = [d for d in last_cited if d in index.documents]
        # Earlier turns as they asked, without "다른 기사에선" (read against the citations of their own time)
        history = tuple(replace(t, question=without_other(self.analyzer.respell(t.question))) for t in query.history)
        named = named_scope(respelled, index.outlets, index.documents, cited)
        if named is not None and not _agrees(query.filters, named.filters):
            named = None  # the reader chose other articles: the question's own does not override them
        asked = respelled
        if named is not None and not analyse(respelled, self.analyzer).is_metadata:
            # "뷰어스 기사에서 …": asked without the phrase naming its source; "다른 기사에선?" asks the last question
            # again. A question about the article itself keeps its 기사 ("시사위크 기사에서 누가 썼어?").
            asked = named.question or (history[-1].question if history else respelled)
        resolved = self.followups.resolve(asked, history, self._names_in_talk(query, index)) if history else asked
        query = replace(query, question=text, resolved=resolved if resolved != text else None)
        if named is not None:
            update = {k: v for k, v in named.filters.model_dump().items() if v}
            query = replace(query, filters=(query.filters or Filters()).model_copy(update=update))
        if cited and query.scoped is None and self._about_the_article(query.text, index):
            query = replace(query, filters=Filters(doc_ids=cited))
        return query

    def _names_in_talk(self, query: Query, index: CorpusIndex) -> frozenset[str]:
        """Names a follow-up may swap that Kiwi may read as common nouns: the outlets and reporters, and what the
        articles cited so far set in quotes as names (‘플로’, ‘멜론’) or introduce with a short form."""
        cited = {d for turn in query.history for d in turn.doc_ids if d in index.documents}
        quoted = (phrases.quoted_names(index.documents[d].body, self.analyzer) for d in cited)
        # and the names they introduce with a short form ("SK텔레콤(이하 SKT)"), which Kiwi may split (SK + 텔레콤)
        introduced = ({n for pair in aliases.introduced(index.documents[d].text) for n in pair} for d in cited)
        return index.names.union(*quoted, *introduced)

    def _about_the_article(self, text: str, index: CorpusIndex) -> bool:
        """A question about an article's own fields that names no article, topic or set of articles."""
        if not analyse(text, self.analyzer).is_metadata or self.decomposer.names_several_articles(text):
            return False
        if any(name in text for name in index.names):
            return False
        return all(t in lexicon.ARTICLE_FIELD_WORDS or t in lexicon.QUESTION_FILLER for t in self.analyzer.terms(text))

    def _read(self, query: Query, index: CorpusIndex) -> tuple[Reading, Answer]:
        """Read and answer the query; a completed follow-up the articles do not answer is tried as asked, in case
        it was a new question after all."""
        outlets = frozenset(o for o in index.outlets if not (query.scoped and query.scoped.outlet)
                            or o in query.scoped.outlet)
        plan = self.decomposer.plan(query.text, lambda n: self._likely_articles(index, query, n), outlets)
        parts = self._answer_parts(index, query, plan) if plan is not None else None
        if parts is not None:
            reading, answer = Reading(analyse(query.text, self.analyzer), []), parts
        else:
            answerer = self.answerer(index, filters=query.scoped)
            reading = answerer.read(query.text, top_k=query.top_k)
            answer = answerer.decide(reading)
            alone_text = self.analyzer.respell(query.question) if query.history and query.resolved else ""
            if alone_text and not answer.answerable \
                    and self.followups.stands_alone(alone_text, self._names_in_talk(query, index)):
                alone = answerer.read(alone_text, top_k=query.top_k)
                answered_alone = answerer.decide(alone)
                if answered_alone.answerable:
                    query, reading, answer = replace(query, resolved=None), alone, answered_alone
        return reading, answer.model_copy(update={"question": query.question, "resolved_question": query.resolved})

    def _likely_articles(self, index: CorpusIndex, query: Query, count: int) -> list[Document]:
        """The ``count`` articles (of those the filters allow) a question about several articles is about: all of
        them when there are no more, in date order; else the best-matching ones."""
        scope = query.scoped
        allowed = scope.documents(index.documents.values()) if scope else set(index.documents)
        if len(allowed) <= count:
            return sorted((index.documents[d] for d in allowed), key=lambda d: d.published or "")
        hits = self._retriever(index, scope).search(query.text, top_k=self.settings.candidates)
        return [index.documents[d] for d in dict.fromkeys(h.chunk.doc_id for h in hits)][:count]

    def _answer_parts(self, index: CorpusIndex, query: Query, plan: Plan) -> Answer | None:
        """Each part answered on its own (an article's header, or the question asked of one article or one name),
        then put together with its citations renumbered; None when the parts do not make the answer planned (no
        difference of two amounts), so the question is answered whole."""
        if plan.fields:
            headers = []
            for part in plan.parts:
                doc = index.documents[part.doc_id]
                chunk = index.chunk(header_chunk_id(doc.doc_id))
                if chunk is not None:
                    headers.append((part.label, Hit(chunk, doc, HEADER_SCORE)))
            return composer.articles_answer(query.text, headers, plan.fields, plan.order, plan.clock)
        parts = []
        names = tuple(p.label for p in plan.parts if p.named)
        for part in plan.parts:
            scope = query.scoped
            if part.doc_id:
                scope = Filters(doc_ids=[part.doc_id])
            elif part.outlet:
                scope = (scope or Filters()).model_copy(update={"outlet": [part.outlet]})
            # A part asked of a name is not answered by what its sentence gives the other names ("A는 X, B는 Y").
            compared = (part.label, *(n for n in names if n != part.label)) if part.named else ()
            answerer = self.answerer(index, filters=scope)
            parts.append((part.label, answerer.answer(part.question, top_k=query.top_k, compared=compared)))
        if len(parts) == 1:  # "두 기사 합쳐서 …": one answer from every article, to the question without those words
            return parts[0][1].model_copy(update={"question": query.text})
        if plan.compare in ("earlier", "later"):
            return composer.ordered_answer(query.text, parts, plan.compare,
                                           lambda doc_id: index.documents[doc_id].published)
        if plan.compare == "difference":  # no difference of two amounts: the question is answered whole
            return composer.difference_answer(query.text, parts)
        if plan.compare:
            return composer.compared_answer(query.text, parts, plan.compare, plan.claimed)
        return composer.parts_answer(query.text, parts)

    def answerer(
        self, index: CorpusIndex | None = None, weights: Weights | None = None, filters: Filters | None = None
    ) -> Answerer:
        retriever = self._retriever(index or self.index, filters)
        return Answerer(retriever, self.analyzer, self.settings, weights or self.weights)

    def _retriever(self, index: CorpusIndex, filters: Filters | None) -> HybridRetriever:
        """Search over ``index``, restricted to the articles ``filters`` allow (``FilterError`` for unknown
        outlets or ids)."""
        return HybridRetriever(index, self.embedder, self.analyzer, self.settings, filters,
                               self.engine_following(index) if self.settings.search_url else None)

    def engine_following(self, index: CorpusIndex) -> CollectionSearch:
        """The search engine, brought in step with ``index`` first (a no-op when it already is); raises
        ``EngineUnavailable`` while the engine is down, so a caller answers 503 rather than from stale data."""
        with self._engine_lock:
            if self._engine is None:
                self._engine = MilvusSearch(self.settings)
            engine = self._engine
        current = self._index or index  # the engine follows the served index, never an older snapshot
        if engine.followed is not current:
            engine.follow(current)
        return engine.searcher(index)

    def read_and_answer(self, query: Query | str, top_k: int | None = None) -> tuple[Reading, Answer]:
        """The pipeline's reading and the answer made from it, uncached (for evaluation)."""
        index = self.index
        return self._read(self.understand(query, top_k, index=index), index)

    def warm_up(self) -> None:
        """Load the index, the model and Kiwi before the first request, so that one is answered at full speed.

        The question is the first article's title: any indexed corpus has one.
        """
        first = next(iter(self.index.documents.values()), None)
        if first is None:
            return
        try:
            self.ask(first.title[: self.settings.max_question_chars])
        except EngineUnavailable as exc:  # the server starts all the same; asks get 503 until the engine is back
            log.warning("search engine unavailable at start: %s", exc)

    # -- reading the index -------------------------------------------------------------------------------------

    def document(self, doc_id: str) -> Document:
        doc = self.index.documents.get(doc_id)
        if doc is None:
            raise NotFound(f"문서를 찾을 수 없습니다: {doc_id}")
        return doc

    def passage(self, chunk_id: str) -> tuple[Chunk, Document]:
        index = self.index
        chunk = index.chunk(chunk_id)
        if chunk is None:
            raise NotFound(f"문단을 찾을 수 없습니다: {chunk_id}")
        return chunk, index.documents[chunk.doc_id]

    def evidence_context(self, chunk_id: str, start: int, end: int) -> tuple[Document, Span]:
        """``[start, end)`` widened by one sentence on each side (not into the title lines), for a reader to see the
        evidence where it stands in the article."""
        _, doc = self.passage(chunk_id)
        if start < doc.body_start:  # the title or metadata line: it has no sentences around it
            return doc, Span(start, end)
        spans = [s for s in self.index.sentences_near(chunk_id) if s.start >= doc.body_start]
        before = [s.start for s in spans if s.end <= start]
        after = [s.end for s in spans if s.start >= end]
        return doc, Span(before[-1] if before else start, after[0] if after else end)

    # -- writing: the corpus folder first, then the index, both atomic; one writer at a time -----------------

    def add_article(
        self,
        title: str,
        body: str,
        *,
        outlet: str | None = None,
        author: str | None = None,
        published: str | None = None,
        url: str | None = None,
        doc_id: str | None = None,
    ) -> Document:
        """Add one article and make it searchable at once (only its own chunks are embedded)."""
        if len(body.encode("utf-8")) > self.settings.max_document_bytes:
            raise ArticleError(f"본문이 너무 큽니다 (최대 {self.settings.max_document_bytes:,} 바이트).")
        fields = {"title": title, "outlet": outlet, "author": author, "published": published, "url": url}
        fields = {k: v.strip() for k, v in fields.items() if v and v.strip()}
        text = body.replace("\r\n", "\n").replace("\r", "\n")
        return self._add(RawArticle(source="(new)", text=text, fields=fields), doc_id)

    def add_upload(self, data: bytes, filename: str) -> Document:
        """Add an uploaded ``.txt`` or ``.md`` article (UTF-8; Markdown front matter may state the metadata)."""
        suffix = Path(filename).suffix.lower()
        if suffix not in UPLOAD_SUFFIXES:
            raise ArticleError(f"{filename!r}: .txt 또는 .md 파일만 올릴 수 있습니다.")
        if len(data) > self.settings.max_document_bytes:
            raise ArticleError(f"파일이 너무 큽니다 (최대 {self.settings.max_document_bytes:,} 바이트).")
        try:
            data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ArticleError(f"UTF-8 텍스트가 아닙니다 (바이트 {exc.start}); UTF-8로 저장해 올려 주세요.") from None
        (item,) = list(read_bytes(data, Path(filename).name, suffix))
        if isinstance(item, Problem):
            raise ArticleError(f"{filename!r}: {item.reason}")
        return self._add(item, item.fields.pop("id", None))

    def _add(self, raw: RawArticle, doc_id: str | None) -> Document:
        published = raw.fields.get("published")
        if published and not parse_date(published):  # JSON or front matter: one check for both
            raise ArticleError(f"published 날짜를 읽을 수 없습니다: {published!r} (예: 2021-06-30, 2021년 6월 30일)")
        if doc_id is not None and not _ID_RE.match(doc_id):
            raise ArticleError("id는 영문 소문자, 숫자, '.', '_', '-'로 된 80자 이하여야 합니다.")
        try:  # what a restart would skip as a binary file is refused now, not lost then
            decode_bytes(raw.text.encode("utf-8"), "본문")
        except ReadError:
            raise ArticleError("본문에 제어 문자가 너무 많아 텍스트로 읽을 수 없습니다 (looks binary).") from None
        with self._write_lock:
            index = self.index
            probe = clean_article(raw, doc_id or "new")
            body = probe.body
            if not body.strip():
                raise ArticleError("정리하고 나니 본문이 남지 않았습니다 (no article text left after cleaning).")
            if not has_content(body):
                raise ArticleError("본문에 한글, 영문, 숫자가 없습니다 (the article has no letters or digits).")
            existing = index.duplicate_of(probe)
            if existing:
                title = index.documents[existing].title
                raise DuplicateArticle(f"이미 색인된 기사와 내용이 같습니다: 「{title}」 (id: {existing})", existing)
            doc_id = doc_id or f"added-{content_key(probe)[:12]}"
            if doc_id in index.documents:
                raise DuplicateArticle(f"이미 있는 id입니다: {doc_id}", doc_id)
            corpus, path = self.settings.corpus_dir, added_path(self.settings.corpus_dir, doc_id)
            before = file_fingerprint(corpus, path)
            stored = save_article(corpus, doc_id, raw)
            failpoint("add:corpus-written")
            try:
                doc = clean_article(stored, document_id(stored))
                after = file_fingerprint(corpus, path)
                updated = index.with_documents([doc], self.settings, self.analyzer, self.embedder,
                                               lambda recorded: fingerprint_with(recorded, before, after))
            except BaseException as exc:
                if not before:  # the file is this call's own (another process may have written the same id)
                    path.unlink(missing_ok=True)
                if isinstance(exc, DuplicateDocument):  # another server added it first
                    raise DuplicateArticle(f"방금 다른 곳에서 색인된 기사와 같습니다 (id: {exc.doc_id})",
                                           exc.doc_id) from exc
                raise
            failpoint("add:index-saved")
            self._serve_written(updated)
            log.info("added %s (%d chunks)", doc.doc_id, updated.chunk_count(doc.doc_id))
            return doc

    def remove_article(self, doc_id: str) -> Document:
        """Remove one article from the corpus (its file goes to ``.trash/``) and from the index."""
        with self._write_lock:
            index = self.index
            doc = index.documents.get(doc_id)
            if doc is None:
                raise NotFound(f"문서를 찾을 수 없습니다: {doc_id}")
            corpus = self.settings.corpus_dir
            path, _ = source_path(corpus, doc.source)
            before = file_fingerprint(corpus, path)
            retire_article(corpus, doc.source)
            failpoint("remove:corpus-retired")
            after = file_fingerprint(corpus, path)
            updated = index.without_document(doc_id, self.settings,
                                             lambda recorded: fingerprint_with(recorded, before, after))
            self._serve_written(updated)
            log.info("removed %s", doc_id)
            return doc

    def optimize(self) -> CorpusIndex:
        """Merge every segment into one and refresh the lexical statistics (``qa index --optimize``); readers keep
        answering from the current snapshot meanwhile."""
        with self._write_lock:
            updated = self.index.optimized()
            self._serve_written(updated)
            return updated
