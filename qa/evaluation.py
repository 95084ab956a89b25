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


def supports(doc_id: str, text: str, question: DevQuestion) -> bool:
    """A passage supports a question when it contains the evidence (in the expected article, if one is named)."""
    if question.doc_id and doc_id != question.doc_id:
        return False
    if question.evidence:
        return squash(question.evidence) in squash(text)
    return any(squash(answer) in squash(text) for answer in question.answers)


def hit_supports(hit: Hit, question: DevQuestion) -> bool:
    return supports(hit.chunk.doc_id, hit.chunk.text, question)


def first_supporting_rank(hits: list[Hit], question: DevQuestion) -> int | None:
    for rank, hit in enumerate(hits, start=1):
        if hit_supports(hit, question):
            return rank
    return None


@dataclass
class EvalReport:
    """The figures ``qa eval`` prints; rates are over the answerable or unanswerable questions as named."""

    questions: int
    answerable: int
    unanswerable: int
    k: int
    recall_at_k: float
    recall_at_1: float
    answer_hit: float
    short_exact: float
    short_total: int
    wrongly_refused: float
    wrongly_accepted: float
    failures: list[dict]

    def lines(self) -> list[str]:
        return [
            f"questions            {self.questions} ({self.answerable} answerable, {self.unanswerable} not)",
            f"retrieval recall@1   {self.recall_at_1:.3f}",
            f"retrieval recall@{self.k}   {self.recall_at_k:.3f}",
            f"answer hit rate      {self.answer_hit:.3f}",
            f"short-answer exact   {self.short_exact:.3f} (of {self.short_total} with a short answer)",
            f"wrongly refused      {self.wrongly_refused:.3f} (answerable questions refused)",
            f"wrongly accepted     {self.wrongly_accepted:.3f} (unanswerable questions answered)",
        ]


def answer_contains(answer_text: str, expected: list[str]) -> bool:
    text = squash(answer_text).lower()
    return any(squash(e).lower() in text for e in expected)


def evaluate(service, questions: list[DevQuestion], k: int = 5) -> EvalReport:
    """Run every question through retrieval and the answerer; ``service`` is a ``QAService``."""
    answerable = [q for q in questions if q.answerable]
    unanswerable = [q for q in questions if not q.answerable]
    at_k = at_1 = hits = refused = accepted = short_total = short_exact = 0
    failures = []
    for q in questions:
        result = service.ask(q.question, top_k=k)
        if q.answerable:
            rank = next((i for i, p in enumerate(result.passages, 1) if supports(p.doc_id, p.text, q)), None)
            at_k += rank is not None
            at_1 += rank == 1
            hit = result.answerable and answer_contains(result.answer, q.answers)
            hits += hit
            refused += not result.answerable
            if result.short_answer:
                short_total += 1
                short_exact += any(squash(result.short_answer).lower() == squash(a).lower() for a in q.answers)
            if not hit:
                failures.append({"question": q.question, "expected": q.answers, "got": result.answer[:160]})
        else:
            accepted += result.answerable
            if result.answerable:
                failures.append({"question": q.question, "expected": "(abstain)", "got": result.answer[:160]})
    n_a, n_u = len(answerable) or 1, len(unanswerable) or 1
    return EvalReport(
        questions=len(questions), answerable=len(answerable), unanswerable=len(unanswerable), k=k,
        recall_at_k=at_k / n_a, recall_at_1=at_1 / n_a, answer_hit=hits / n_a,
        short_exact=short_exact / (short_total or 1), short_total=short_total,
        wrongly_refused=refused / n_a, wrongly_accepted=accepted / n_u, failures=failures,
    )
