"""``/passages``: one indexed passage by its chunk id, as citations point to it."""

from __future__ import annotations

from fastapi import APIRouter, Path

from qa.api.deps import ServiceDep, error_responses
from qa.api_models import EXAMPLE_DOC, PassageDetail

router = APIRouter()


@router.get("/passages/{chunk_id}", response_model=PassageDetail, responses=error_responses(404), summary="문단 한 건")
def get_passage(svc: ServiceDep, chunk_id: str = Path(examples=[f"{EXAMPLE_DOC}:4"])) -> PassageDetail:
    return PassageDetail.of(*svc.passage(chunk_id))
