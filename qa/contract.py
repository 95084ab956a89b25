"""The answer contract: what ``qa ask --json``, ``POST /ask`` and the UI all return, field for field."""

from __future__ import annotations

import re

from typing import Annotated

from pydantic import BaseModel, Field

CITE_MARKER = re.compile(r"\[(\d+)\]")  # the "[n]" an answer's text cites citation n with
# Strict: an answer sent back as history must not pass ``true`` for an offset or a score (pydantic's lax mode would).
Offset = Annotated[int, Field(strict=True)]
Score = Annotated[float, Field(strict=True)]


class Citation(BaseModel):
    ref: Offset = Field(description="the n of the [n] marker in the answer text")
    doc_id: str
    title: str
    outlet: str | None
    published: str | None
    chunk_id: str
    evidence: str = Field(description="the cited sentence, exactly as in the cleaned article")
    start: Offset = Field(description="character offset of the evidence in the cleaned article text")
    end: Offset
    score: Score


class Passage(BaseModel):
    doc_id: str
    chunk_id: str
    title: str
    text: str
    start: Offset
    end: Offset
    score: Score


class Answer(BaseModel):
    question: str
    resolved_question: str | None = Field(
        default=None, description="the question as understood from the conversation, when it differs (follow-ups)")
    answerable: bool
    answer: str = Field(description="display text with [n] citation markers")
    short_answer: str | None = Field(description="the answer span alone (e.g. 3,000억원), when the type allows")
    citations: list[Citation]
    passages: list[Passage] = Field(description="the retrieved passages: support, or related when abstaining")
