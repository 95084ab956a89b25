"""What every route shares: the app's one ``QAService``, the optional write key, and the documented error bodies."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Security
from fastapi.security import APIKeyHeader

from qa.api_models import Error
from qa.service import QAService

_api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="설정했을 때만 쓰기 요청에 필요")


def get_service(request: Request) -> QAService:
    return request.app.state.service


ServiceDep = Annotated[QAService, Depends(get_service)]


def require_api_key(request: Request, key: str | None = Security(_api_key_header)) -> None:
    """Write endpoints need the key when one is configured; compared in constant time."""
    expected = get_service(request).settings.api_key
    if expected is None:
        return
    # Header values arrive decoded as latin-1: encoding back gives the raw bytes, so UTF-8 keys work too.
    if key is None or not hmac.compare_digest(key.encode("latin-1"), expected.get_secret_value().encode("utf-8")):
        raise HTTPException(401, "API 키가 없거나 틀렸습니다 (X-API-Key).")


def error_responses(*statuses: int) -> dict[int | str, dict]:
    """The error statuses an endpoint documents; every one has the ``Error`` body."""
    return {status: {"model": Error} for status in statuses}
