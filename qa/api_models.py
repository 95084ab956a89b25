"""Request and response models of the HTTP API, with the Korean examples its OpenAPI page shows."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from qa.contract import Answer
from qa.filters import Filters
from qa.query import Query, Turn
from qa.schema import DOC_ID_PATTERN, Chunk, Document
from qa.settings import MAX_ANSWER_CHARS, MAX_HISTORY_TURNS, MAX_QUESTION_CHARS

NOT_BLANK = r"\S"  # at least one non-space character

EXAMPLES = json.loads(Path(__file__).with_name("examples.json").read_text(encoding="utf-8"))
EXAMPLE_QUESTIONS = [candidate["question"] for candidate in EXAMPLES["candidates"]]
EXAMPLE_QUESTION = EXAMPLE_QUESTIONS[0]
EXAMPLE_DOC = EXAMPLES["document"]


MAX_HISTORY_CHARS = MAX_HISTORY_TURNS * (MAX_QUESTION_CHARS + MAX_ANSWER_CHARS)  # questions and answers read back


def _turn_chars(turn: object) -> int:
    """The characters of one history turn that are read: its question and its answer's text and citations."""
    if not isinstance(turn, dict):
        return len(json.dumps(turn, ensure_ascii=False, default=str))
    answer = turn.get("answer")
    if isinstance(answer, dict):
        answer = {k: v for k, v in answer.items() if k != "passages"}
    rest = {k: v for k, v in turn.items() if k != "answer"}
    return len(json.dumps([rest, answer], ensure_ascii=False, default=str))


class HistoryTurn(BaseModel):
    """An earlier turn as the client saw it: the answer's text as returned, or the whole answer object."""

    model_config = ConfigDict(extra="forbid")

    question: str = Field(min_length=1, max_length=MAX_QUESTION_CHARS, pattern=NOT_BLANK, description="앞서 한 질문")
    answer: str | Answer | None = Field(default=None, description="그 답 (받은 답 텍스트 또는 답 객체 전체)")

    @field_validator("answer")
    @classmethod
    def _bounded(cls, value: str | Answer | None) -> str | Answer | None:
        text = value.answer if isinstance(value, Answer) else value
        if text is not None and len(text) > MAX_ANSWER_CHARS:
            raise ValueError(f"답이 너무 깁니다 (최대 {MAX_ANSWER_CHARS:,}자)")
        return value

    def turn(self) -> Turn:
        if isinstance(self.answer, Answer):
            return Turn.of_answer(self.question, self.answer)
        return Turn.of_text(self.question, self.answer)


class AskRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [
            {"question": EXAMPLE_QUESTION},
            {"question": EXAMPLE_QUESTIONS[-1], "top_k": 3},
            {"question": "카카오와 SK텔레콤의 지분 교환 규모는?",
             "filters": {"outlet": ["뷰어스"], "published_from": "2021-06-01", "published_to": "2021-06-30"}},
            {"question": "그건 언제 했어?",
             "history": [{"question": "카카오와 SK텔레콤의 지분 교환 규모는?",
                          "answer": "3000억원입니다. 카카오는 SK텔레콤과 지난 2019년 3000억원 규모의 지분교환을 맺었다. [1]"}]},
        ]},
    )

    question: str = Field(min_length=1, max_length=MAX_QUESTION_CHARS, pattern=NOT_BLANK, description="한국어 질문 (1–1,000자)")
    top_k: int | None = Field(default=None, ge=1, le=20, description="읽을 문단 수 (기본 5)")
    filters: Filters | None = Field(default=None, description="이 기사들에서만 찾기: 언론사, 발행일 범위, 기사 id")
    history: list[HistoryTurn] | None = Field(
        default=None, max_length=MAX_HISTORY_TURNS,
        description=f"앞선 대화 (오래된 것부터, 최대 {MAX_HISTORY_TURNS}턴): 후속 질문(그건 언제야?, 그럼 네이버는?)을 이어서 이해합니다")

    @model_validator(mode="before")
    @classmethod
    def _history_size(cls, data: object) -> object:
        """A bound on the history's text (questions and answers; an answer object's passages are not read, so they
        do not count): 20 turns of full answer objects fit, a megabyte of text does not."""
        history = data.get("history") if isinstance(data, dict) else None
        if isinstance(history, list) and sum(_turn_chars(turn) for turn in history) > MAX_HISTORY_CHARS:
            raise ValueError(f"history가 너무 깁니다 (질문과 답 합쳐 최대 {MAX_HISTORY_CHARS:,}자)")
        return data

    def query(self) -> Query:
        return Query(self.question, tuple(t.turn() for t in self.history or ()), self.filters, self.top_k)

    @field_validator("top_k", mode="before")
    @classmethod
    def _json_integer(cls, value: object) -> object:
        """JSON Schema's integer: `7` or `7.0`, never `true` (lax parsing reads it as 1) or a numeric string."""
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
            raise ValueError("정수여야 합니다 (must be an integer)")
        return value


class ArticleIn(BaseModel):
    """An article to add; ``body`` is the raw text (bylines, stamps and widgets are cleaned as for files)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "title": "쿠팡, 대구 풀필먼트센터 가동",
                    "body": "쿠팡이 대구에 축구장 46개 크기의 풀필먼트센터를 열었다. 투자 규모는 3200억원이다.\n\n김민수 기자",
                    "outlet": "예시일보",
                    "author": "김민수",
                    "published": "2022-03-02",
                }
            ]
        },
    )

    title: str = Field(min_length=1, max_length=300, pattern=NOT_BLANK, description="기사 제목")
    body: str = Field(min_length=1, pattern=NOT_BLANK, description="기사 본문 (원문 그대로)")
    outlet: str | None = Field(default=None, max_length=100, description="언론사")
    author: str | None = Field(default=None, max_length=100, description="기자 이름")
    published: str | None = Field(default=None, max_length=40, description="발행일 (2021-06-30, 2021.06.30, 2021년 6월 30일)")
    url: str | None = Field(default=None, max_length=2000)
    id: str | None = Field(
        default=None, max_length=80, pattern=DOC_ID_PATTERN, description="원하는 문서 id (영문 소문자·숫자·.-_); 없으면 내용으로 만듭니다"
    )


class Error(BaseModel):
    detail: str = Field(description="무엇이 잘못됐는지")
    doc_id: str | None = Field(default=None, description="중복일 때 이미 있는 문서의 id")
    errors: list[dict] | None = Field(default=None, description="입력 검증 오류의 자세한 목록 (422)")


class Health(BaseModel):
    status: str = Field(description='"ready" when the model and index are loaded')
    model: str
    runtime: str = Field(description='how the model runs: "onnx", "onnx-int8" or "torch"')
    documents: int
    chunks: int
    index_built_at: str = Field(description="when the index was last built or updated")


class DocumentSummary(BaseModel):
    id: str
    title: str
    outlet: str | None
    author: str | None
    published: str | None
    chunks: int

    @classmethod
    def of(cls, doc: Document, chunks: int) -> "DocumentSummary":
        return cls(id=doc.doc_id, title=doc.title, outlet=doc.outlet, author=doc.author,
                   published=doc.published, chunks=chunks)


class DocumentDetail(DocumentSummary):
    url: str | None
    source: str = Field(description="the corpus file (and line) the article came from")
    body_start: int = Field(description="where the body begins in text (after the title and metadata lines)")
    text: str = Field(description="the cleaned text every cited offset points into")

    @classmethod
    def of(cls, doc: Document, chunks: int) -> "DocumentDetail":
        return cls(**DocumentSummary.of(doc, chunks).model_dump(), url=doc.url, source=doc.source,
                   body_start=doc.body_start, text=doc.text)


class SentenceSpan(BaseModel):
    start: int
    end: int


class PassageDetail(BaseModel):
    doc_id: str
    chunk_id: str
    title: str
    text: str
    start: int = Field(description="offset of the passage in the cleaned article text")
    end: int
    sentences: list[SentenceSpan] = Field(description="the passage's sentences, as offsets into the article text")

    @classmethod
    def of(cls, chunk: Chunk, doc: Document) -> "PassageDetail":
        return cls(doc_id=doc.doc_id, chunk_id=chunk.chunk_id, title=doc.title, text=chunk.text,
                   start=chunk.start, end=chunk.end,
                   sentences=[SentenceSpan(start=s.start, end=s.end) for s in chunk.sentences])
