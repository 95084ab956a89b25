"""``/health``: whether the model and index are ready, for load balancers and people alike."""

from __future__ import annotations

from fastapi import APIRouter

from qa.api.deps import ServiceDep
from qa.api_models import Health

router = APIRouter()


@router.get("/health", response_model=Health, summary="상태")
def health(svc: ServiceDep) -> Health:
    """모델과 색인이 준비됐는지, 모델 실행 방식(runtime), 문서·문단 수와 색인 시각."""
    index = svc.index
    return Health(status="ready", model=svc.settings.model, runtime=svc.settings.runtime, documents=len(index.documents),
                  chunks=index.chunk_total, index_built_at=index.manifest.built_at)
