"""``/ask``: the question endpoint, as a JSON POST and as a GET for browsers and curl."""

from __future__ import annotations

from fastapi import APIRouter, Query
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from qa.api.deps import ServiceDep, error_responses
from qa.api_models import EXAMPLE_QUESTION, EXAMPLES, NOT_BLANK, AskRequest
from qa.contract import Answer
from qa.filters import Filters, IsoDate
from qa.settings import MAX_QUESTION_CHARS

router = APIRouter()


@router.post("/ask", response_model=Answer, responses=error_responses(400, 413, 422), summary="질문하기")
def ask(body: AskRequest, svc: ServiceDep) -> Answer:
    """근거 문장과 인용([1], [2] …)이 붙은 답, 또는 기사에 없으면 `answerable: false`.

    `history`에 앞선 대화를 보내면 "그건 언제야?", "그럼 네이버는?" 같은 후속 질문을 이어서 이해하고, 이해한 질문을
    `resolved_question`에 돌려줍니다.
    """
    return svc.ask(body.query())


@router.get("/ask", response_model=Answer, responses=error_responses(422), summary="질문하기 (GET)")
def ask_get(
    svc: ServiceDep,
    q: str = Query(min_length=1, max_length=MAX_QUESTION_CHARS, pattern=NOT_BLANK, description="한국어 질문",
                   examples=[EXAMPLE_QUESTION, EXAMPLES["typo_question"]]),
    top_k: int | None = Query(default=None, ge=1, le=20, description="읽을 문단 수 (기본 5)"),
    outlet: list[str] | None = Query(default=None, description="이 언론사의 기사만 (여러 번 쓸 수 있음)"),
    published_from: IsoDate | None = Query(default=None, description="이 날짜 이후 발행 (YYYY-MM-DD)"),
    published_to: IsoDate | None = Query(default=None, description="이 날짜 이전 발행 (YYYY-MM-DD)"),
    doc_id: list[str] | None = Query(default=None, description="이 기사 id만 (여러 번 쓸 수 있음)"),
) -> Answer:
    """브라우저와 curl을 위한 GET 형태: `/ask?q=네이버와 손잡은 회사는?&outlet=뷰어스`"""
    try:
        filters = Filters(outlet=outlet, published_from=published_from, published_to=published_to,
                          doc_ids=doc_id)
    except ValidationError as exc:
        raise RequestValidationError(exc.errors(include_url=False)) from None
    return svc.ask(q, top_k=top_k, filters=filters)
