"""Measure retrieval (and, later, answers) on a JSONL question file: ``question``, ``answers``, ``evidence``."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from qa.schema import Hit


@dataclass
class DevQuestion:
    question: str
    answers: list[str]
    evidence: str | None = None
    doc_id: str | None = None
    kind: str = ""

    @property
    def answerable(self) -> bool:
        return bool(self.answers)


def load_questions(path: Path) -> list[DevQuestion]:
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            out.append(
                DevQuestion(
                    question=record["question"],
                    answers=list(record.get("answers") or []),
                    evidence=record.get("evidence"),
                    doc_id=record.get("doc_id"),
                    kind=record.get("kind", ""),
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{number}: not a question record ({exc})") from None
    return out


def squash(text: str) -> str:
    """Compare texts regardless of spacing and thousands separators (``3,000억 원`` = ``3000억원``)."""
    return re.sub(r"(?<=\d),(?=\d)|\s+", "", text)


def hit_supports(hit: Hit, question: DevQuestion) -> bool:
    """A passage supports a question when it contains the evidence (in the expected article, if one is named)."""
    if question.doc_id and hit.chunk.doc_id != question.doc_id:
        return False
    if question.evidence:
        return squash(question.evidence) in squash(hit.chunk.text)
    return any(squash(answer) in squash(hit.chunk.text) for answer in question.answers)


def first_supporting_rank(hits: list[Hit], question: DevQuestion) -> int | None:
    for rank, hit in enumerate(hits, start=1):
        if hit_supports(hit, question):
            return rank
    return None
