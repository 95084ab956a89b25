"""``/documents``: list, read, add and delete articles; the writes carry the API key only when one is configured."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from starlette.datastructures import UploadFile

from qa.api.deps import ServiceDep, error_responses, require_api_key
from qa.api_models import EXAMPLE_DOC, ArticleIn, DocumentDetail, DocumentSummary
from qa.schema import Document
from qa.service import QAService

MAX_FORM_FIELDS = 20  # an upload form needs only "file"; other fields are ignored, a flood of them refused

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


def build_router(writes_guarded: bool) -> APIRouter:
    """The routes, with the key on the writes (and a 401 in their spec) only when ``writes_guarded``."""
    router = APIRouter()
    guard = [Depends(require_api_key)] if writes_guarded else []
    unauthorized = [401] if writes_guarded else []

    @router.get("/documents", response_model=list[DocumentSummary], summary="기사 목록")
    def list_documents(svc: ServiceDep) -> list[DocumentSummary]:
        index = svc.index
        return [DocumentSummary.of(doc, index.chunk_count(doc.doc_id)) for doc in index.documents.values()]

    @router.get("/documents/{doc_id}", response_model=DocumentDetail, responses=error_responses(404),
                summary="기사 한 건")
    def get_document(svc: ServiceDep, doc_id: str = Path(examples=[EXAMPLE_DOC])) -> DocumentDetail:
        """메타데이터와 정리된 본문 (인용 offset은 이 `text`를 가리킵니다)."""
        return DocumentDetail.of(svc.document(doc_id), svc.index.chunk_count(doc_id))

    @router.post(
        "/documents",
        status_code=201,
        response_model=DocumentSummary,
        responses=error_responses(400, 409, 413, 415, 422, *unauthorized),
        openapi_extra={"requestBody": _UPLOAD_BODY},
        dependencies=guard,
        summary="기사 추가",
    )
    async def add_document(request: Request, svc: ServiceDep) -> DocumentSummary:
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

    @router.delete(
        "/documents/{doc_id}",
        response_model=DocumentSummary,
        responses=error_responses(404, *unauthorized),
        dependencies=guard,
        summary="기사 삭제",
    )
    def delete_document(svc: ServiceDep, doc_id: str = Path(examples=["added-0123456789ab"])) -> DocumentSummary:
        """색인과 코퍼스에서 뺍니다 (파일은 `corpus/.trash/`로 옮겨져 되살릴 수 있습니다)."""
        chunks = svc.index.chunk_count(doc_id)
        return DocumentSummary.of(svc.remove_article(doc_id), chunks)

    return router


async def _add_upload(request: Request, svc: QAService) -> Document:
    limit = svc.settings.max_document_bytes
    form = await request.form(max_files=1, max_fields=MAX_FORM_FIELDS)  # malformed or larger forms get a 400
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise HTTPException(422, '"file" 필드에 .txt 또는 .md 파일을 올려 주세요.')
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise HTTPException(413, f"파일이 너무 큽니다 (최대 {limit:,} 바이트).")
    return await run_in_threadpool(svc.add_upload, data, upload.filename or "upload.txt")
