"""The HTTP API: a FastAPI app over one ``QAService``; every endpoint is a thin call into it."""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from datetime import date

from fastapi import Depends, FastAPI, HTTPException, Path, Query, Request, Security
from fastapi.concurrency import run_in_threadpool
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.security import APIKeyHeader
from pydantic import ValidationError
from starlette.datastructures import UploadFile

from qa.api_models import (
    EXAMPLE_DOC,
    EXAMPLE_QUESTION,
    EXAMPLES,
    NOT_BLANK,
    AskRequest,
    ArticleIn,
    DocumentDetail,
    DocumentSummary,
    Error,
    Health,
    PassageDetail,
)
from qa.limits import AdmissionLimit, BodyLimit
from qa.contract import Answer
from qa.filters import FilterError, Filters
from qa.service import ArticleError, DuplicateArticle, NotFound, QAService, QuestionError
from qa.settings import MAX_QUESTION_CHARS, Settings

log = logging.getLogger(__name__)

LIMITED_PATHS = ("/ask", "/documents", "/passages")  # the work; /health and the page's assets stay quick
MAX_FORM_FIELDS = 20  # an upload form needs only "file"; other fields are ignored, a flood of them refused


def _errors(*statuses: int) -> dict[int | str, dict]:
    """The error statuses an endpoint documents; every one has the ``Error`` body."""
    return {status: {"model": Error} for status in statuses}


_UPLOAD_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": ArticleIn.model_json_schema()},
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {"file": {"type": "string", "format": "binary", "description": "UTF-8 .txt 또는 .md"}},
                "required": ["file"],
            }
        },
    },
}
_api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="설정했을 때만 쓰기 요청에 필요")


def get_service(request: Request) -> QAService:
    return request.app.state.service


def require_api_key(request: Request, key: str | None = Security(_api_key_header)) -> None:
    """Write endpoints need the key when one is configured; compared in constant time."""
    expected = get_service(request).settings.api_key
    if expected is None:
        return
    # Header values arrive decoded as latin-1: encoding back gives the raw bytes, so UTF-8 keys work too.
    if key is None or not hmac.compare_digest(key.encode("latin-1"), expected.get_secret_value().encode("utf-8")):
        raise HTTPException(401, "API 키가 없거나 틀렸습니다 (X-API-Key).")


def _error(status: int, message: str, **extra: str) -> JSONResponse:
    return JSONResponse({"detail": message, **extra}, status_code=status)


def _field(error: dict) -> str:
    return ".".join(str(part) for part in error.get("loc", ()) if part != "body") or "body"


def _message(error: dict) -> str:
    """Pydantic's message, in plain Korean for the mistakes people make most (blank or over-long text)."""
    kind, context = error.get("type"), error.get("ctx") or {}
    if kind == "string_too_short" or (kind == "string_pattern_mismatch" and context.get("pattern") == NOT_BLANK):
        return "비어 있습니다 (empty or only spaces)"
    if kind == "string_too_long":
        return f"너무 깁니다 (최대 {context.get('max_length', 0):,}자)"
    return error.get("msg", "invalid")


async def _invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
    """FastAPI's 422, with a one-line ``detail`` a person can read and the structured ``errors`` beside it."""
    # Without "input": it may be undecodable bytes or a megabyte of text, and echoing it back helps no one.
    errors = [{k: e[k] for k in ("type", "loc", "msg") if k in e} for e in exc.errors()]
    detail = "; ".join(f"{_field(e)}: {_message(e)}" for e in exc.errors()) or "잘못된 요청입니다."
    return JSONResponse({"detail": detail, "errors": jsonable_encoder(errors)}, status_code=422)


def _install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(QuestionError, lambda request, exc: _error(422, str(exc)))
    app.add_exception_handler(FilterError, lambda request, exc: _error(422, str(exc)))
    app.add_exception_handler(NotFound, lambda request, exc: _error(404, str(exc.args[0])))
    app.add_exception_handler(
        DuplicateArticle, lambda request, exc: _error(409, str(exc), doc_id=exc.doc_id)
    )
    app.add_exception_handler(ArticleError, lambda request, exc: _error(422, str(exc)))
    app.add_exception_handler(RequestValidationError, _invalid_request)

    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return _error(500, "서버 내부 오류입니다. 잠시 후 다시 시도해 주세요.")

    app.add_exception_handler(Exception, unexpected)


def create_app(service: QAService | None = None, settings: Settings | None = None, ui: bool = True) -> FastAPI:
    """Build the app around one service (made from ``settings`` when not given), loaded before serving.

    With ``ui`` the Gradio chat page is mounted at ``/`` on the same app, calling the same service.
    """
    service = service or QAService(settings)
    # The model and Kiwi load while Gradio is imported and the app is built; the server is ready when both are.
    warming = ThreadPoolExecutor(1, thread_name_prefix="warm-up").submit(service.warm_up)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await asyncio.wrap_future(warming)
        yield

    app = FastAPI(
        title="기사 QA API",
        description="한국어 뉴스 기사에 대한 질문에 근거 문장과 출처를 붙여 답합니다. 기사에 없는 내용은 답하지 않습니다.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.service = service
    # The key guards writes only when one is configured, and only then does the spec declare it.
    writes_guarded = [Depends(require_api_key)] if service.settings.api_key else []
    settings = service.settings
    app.add_middleware(
        AdmissionLimit, paths=LIMITED_PATHS, max_in_flight=settings.max_in_flight,
        max_queued=settings.max_queued, timeout_s=settings.queue_timeout_s,
    )
    app.add_middleware(BodyLimit, max_bytes=settings.max_request_bytes)
    _install_error_handlers(app)

    @app.post("/ask", response_model=Answer, responses=_errors(400, 413, 422), summary="질문하기")
    def ask(body: AskRequest, svc: QAService = Depends(get_service)) -> Answer:
        """근거 문장과 인용([1], [2] …)이 붙은 답, 또는 기사에 없으면 `answerable: false`."""
        return svc.ask(body.question, top_k=body.top_k, filters=body.filters)

    @app.get("/ask", response_model=Answer, responses=_errors(422), summary="질문하기 (GET)")
    def ask_get(
        q: str = Query(min_length=1, max_length=MAX_QUESTION_CHARS, pattern=NOT_BLANK, description="한국어 질문",
                       examples=[EXAMPLE_QUESTION, EXAMPLES["typo_question"]]),
        top_k: int | None = Query(default=None, ge=1, le=20, description="읽을 문단 수 (기본 5)"),
        outlet: list[str] | None = Query(default=None, description="이 언론사의 기사만 (여러 번 쓸 수 있음)"),
        published_from: date | None = Query(default=None, description="이 날짜 이후 발행 (YYYY-MM-DD)"),
        published_to: date | None = Query(default=None, description="이 날짜 이전 발행 (YYYY-MM-DD)"),
        doc_id: list[str] | None = Query(default=None, description="이 기사 id만 (여러 번 쓸 수 있음)"),
        svc: QAService = Depends(get_service),
    ) -> Answer:
        """브라우저와 curl을 위한 GET 형태: `/ask?q=네이버와 손잡은 회사는?&outlet=뷰어스`"""
        try:
            filters = Filters(outlet=outlet, published_from=published_from, published_to=published_to,
                              doc_ids=doc_id)
        except ValidationError as exc:
            raise RequestValidationError(exc.errors(include_url=False)) from None
        return svc.ask(q, top_k=top_k, filters=filters)

    @app.get("/health", response_model=Health, summary="상태")
    def health(svc: QAService = Depends(get_service)) -> Health:
        """모델과 색인이 준비됐는지, 모델 실행 방식(runtime), 문서·문단 수와 색인 시각."""
        index = svc.index
        return Health(status="ready", model=svc.settings.model, runtime=svc.settings.runtime, documents=len(index.documents),
                      chunks=len(index.chunks), index_built_at=index.manifest.built_at)

    @app.get("/documents", response_model=list[DocumentSummary], summary="기사 목록")
    def list_documents(svc: QAService = Depends(get_service)) -> list[DocumentSummary]:
        index = svc.index
        return [DocumentSummary.of(doc, index.chunk_count(doc.doc_id)) for doc in index.documents.values()]

    @app.get("/documents/{doc_id}", response_model=DocumentDetail, responses=_errors(404), summary="기사 한 건")
    def get_document(
        doc_id: str = Path(examples=[EXAMPLE_DOC]), svc: QAService = Depends(get_service)
    ) -> DocumentDetail:
        """메타데이터와 정리된 본문 (인용 offset은 이 `text`를 가리킵니다)."""
        return DocumentDetail.of(svc.document(doc_id), svc.index.chunk_count(doc_id))

    @app.get("/passages/{chunk_id}", response_model=PassageDetail, responses=_errors(404), summary="문단 한 건")
    def get_passage(
        chunk_id: str = Path(examples=[f"{EXAMPLE_DOC}:4"]), svc: QAService = Depends(get_service)
    ) -> PassageDetail:
        return PassageDetail.of(*svc.passage(chunk_id))

    @app.post(
        "/documents",
        status_code=201,
        response_model=DocumentSummary,
        responses=_errors(400, 409, 413, 415, 422, *([401] if writes_guarded else [])),
        openapi_extra={"requestBody": _UPLOAD_BODY},
        dependencies=writes_guarded,
        summary="기사 추가",
    )
    async def add_document(request: Request, svc: QAService = Depends(get_service)) -> DocumentSummary:
        """JSON(제목·본문·메타데이터) 또는 `.txt`/`.md` 파일 업로드(`file`). 바로 검색되고, 재시작해도 남습니다.

        같은 내용의 기사는 409와 이미 있는 `doc_id`를 돌려줍니다.
        """
        content_type = request.headers.get("content-type", "")
        if content_type.startswith("multipart/form-data"):
            doc = await _add_upload(request, svc)
        elif content_type.startswith("application/json"):
            try:
                article = ArticleIn.model_validate_json(await request.body())
            except ValidationError as exc:
                raise RequestValidationError(exc.errors(include_url=False, include_context=False)) from None
            fields = article.model_dump(exclude={"title", "body", "id"})
            doc = await run_in_threadpool(
                lambda: svc.add_article(article.title, article.body, doc_id=article.id, **fields)
            )
        else:
            raise HTTPException(415, "Content-Type은 application/json 또는 multipart/form-data여야 합니다.")
        return DocumentSummary.of(doc, svc.index.chunk_count(doc.doc_id))

    @app.delete(
        "/documents/{doc_id}",
        response_model=DocumentSummary,
        responses=_errors(404, *([401] if writes_guarded else [])),
        dependencies=writes_guarded,
        summary="기사 삭제",
    )
    def delete_document(
        doc_id: str = Path(examples=["added-0123456789ab"]), svc: QAService = Depends(get_service)
    ) -> DocumentSummary:
        """색인과 코퍼스에서 뺍니다 (파일은 `corpus/.trash/`로 옮겨져 되살릴 수 있습니다)."""
        chunks = svc.index.chunk_count(doc_id)
        return DocumentSummary.of(svc.remove_article(doc_id), chunks)

    if ui:
        from ui.app import mount  # Gradio is heavy to import: only when the page is served

        return mount(app, service)

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/docs")

    return app


async def _add_upload(request: Request, svc: QAService):
    limit = svc.settings.max_document_bytes
    form = await request.form(max_files=1, max_fields=MAX_FORM_FIELDS)  # malformed or larger forms get a 400
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise HTTPException(422, '"file" 필드에 .txt 또는 .md 파일을 올려 주세요.')
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise HTTPException(413, f"파일이 너무 큽니다 (최대 {limit:,} 바이트).")
    return await run_in_threadpool(svc.add_upload, data, upload.filename or "upload.txt")
