"""Turns the service's exceptions and FastAPI's validation errors into the API's one error body, ``{"detail": …}``."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from qa.api_models import NOT_BLANK
from qa.engine import EngineUnavailable
from qa.filters import FilterError
from qa.service import ArticleError, DuplicateArticle, NotFound, QuestionError

ENGINE_RETRY_AFTER_S = 5  # seconds a client waits before asking again while the search engine is down
log = logging.getLogger(__package__)  # "qa.api", as before the API became a package: log lines keep their name


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


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(QuestionError, lambda request, exc: _error(422, str(exc)))
    app.add_exception_handler(FilterError, lambda request, exc: _error(422, str(exc)))
    app.add_exception_handler(NotFound, lambda request, exc: _error(404, str(exc.args[0])))
    app.add_exception_handler(
        DuplicateArticle, lambda request, exc: _error(409, str(exc), doc_id=exc.doc_id)
    )
    app.add_exception_handler(ArticleError, lambda request, exc: _error(422, str(exc)))
    app.add_exception_handler(RequestValidationError, _invalid_request)

    async def engine_down(request: Request, exc: EngineUnavailable) -> JSONResponse:
        log.warning("search engine unavailable on %s: %s", request.url.path, exc)
        return JSONResponse({"detail": "검색 엔진에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요."}, status_code=503,
                            headers={"Retry-After": str(ENGINE_RETRY_AFTER_S)})

    app.add_exception_handler(EngineUnavailable, engine_down)

    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return _error(500, "서버 내부 오류입니다. 잠시 후 다시 시도해 주세요.")

    app.add_exception_handler(Exception, unexpected)
