"""Measure retrieval and answers on a JSONL dev file, with the honest metric of ``qa.metrics``.

A record: ``question``; ``answers`` (alternative short answers, [] when the articles do not answer); optional
``items`` (every item a list answer needs), ``polarity`` ("yes"/"no", or true/false), ``evidence`` (a piece of the supporting
sentence), ``doc_id``, ``kind`` and ``filters`` (the search scope it is asked with). A dialogue is a record with
``turns``, each such a record: every turn is asked with the turns before it and the answers the service gave them,
as the chat page does.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from qa.contract import Answer
from qa.filters import Filters
from qa.query import Query, Turn
from qa.metrics import Expected, contains, first_citation_holds, first_rank, honest_hit, short_right


@dataclass
class DevQuestion:
    question: str
    answers: list[str]
    items: list[str] = field(default_factory=list)
    polarity: str | None = None
    evidence: str | None = None
    doc_id: str | None = None
    kind: str = ""
    filters: Filters | None = None
    dialogue: str | None = None  # the dialogue this is a turn of; its earlier turns come right before it

    @property
    def expected(self) -> Expected:
        return Expected(self.answers, self.items, self.polarity, self.evidence)

    @property
    def answerable(self) -> bool:
        return self.expected.answerable

    def supported_by(self, doc_id: str, text: str) -> bool:
        """A passage supports the question when it holds the evidence (or an answer) in the expected article."""
        if self.doc_id and doc_id != self.doc_id:
            return False
        if self.evidence:
            return contains(text, self.evidence)
        return any(contains(text, a) for a in self.answers + self.items)


def _polarity(value: object) -> str | None:
    """"yes"/"no", or JSON's true/false for them (a false must not read as "no polarity": unanswerable)."""
    if value is None or value in ("yes", "no"):
        return value  # type: ignore[return-value]
    if isinstance(value, bool):
        return "yes" if value else "no"
    raise ValueError(f'polarity must be "yes", "no", true, false or null, not {value!r}')


def _question(record: dict, dialogue: str | None = None) -> DevQuestion:
    filters = record.get("filters")
    return DevQuestion(
        question=record["question"],
        answers=list(record.get("answers") or []),
        items=list(record.get("items") or []),
        polarity=_polarity(record.get("polarity")),
        evidence=record.get("evidence"),
        doc_id=record.get("doc_id"),
        kind=record.get("kind", ""),
        filters=Filters.model_validate(filters) if filters else None,
        dialogue=dialogue,
    )


def load_questions(path: Path) -> list[DevQuestion]:
    """Questions and dialogues (flattened to their turns, in order)."""
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if "turns" in record:
                dialogue = str(record.get("id") or f"{path.name}:{number}")
                out.extend(_question(turn, dialogue) for turn in record["turns"])
            else:
                out.append(_question(record))
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}:{number}: not a question record ({exc})") from None
    return out


def lenient_hit(answer: Answer, question: DevQuestion) -> bool:
    """The metric ``qa eval`` used before: the gold text anywhere in the answer, quoted evidence included."""
    if not question.answerable:
        return not answer.answerable
    return answer.answerable and any(contains(answer.answer, a) for a in question.answers + question.items)


@dataclass
class EvalReport:
    """The figures ``qa eval`` prints; rates are over the answerable or unanswerable questions as named."""

    questions: int
    answerable: int
    unanswerable: int
    k: int
    recall_at_1: float
    recall_at_k: float
    evidence_hit: float
    answer_hit: float  # honest
    lenient_hit: float
    short_exact: float
    short_total: int
    wrongly_refused: float
    wrongly_accepted: float
    by_kind: dict[str, tuple[int, float]]
    failures: list[dict]

    def lines(self) -> list[str]:
        kinds = ", ".join(f"{kind} {hit:.2f} ({n})" for kind, (n, hit) in sorted(self.by_kind.items()))
        return [
            f"questions            {self.questions} ({self.answerable} answerable, {self.unanswerable} not)",
            f"retrieval recall@1   {self.recall_at_1:.3f}",
            f"retrieval recall@{self.k}   {self.recall_at_k:.3f}",
            f"evidence hit         {self.evidence_hit:.3f} (the supporting text inside the first cited sentence)",
            f"answer hit (honest)  {self.answer_hit:.3f} (short answer, polarity and every list item right)",
            f"answer hit (lenient) {self.lenient_hit:.3f} (gold text anywhere in the answer: the old metric)",
            f"short-answer right   {self.short_exact:.3f} (of {self.short_total} with a short answer)",
            f"wrongly refused      {self.wrongly_refused:.3f} (answerable questions refused)",
            f"wrongly accepted     {self.wrongly_accepted:.3f} (unanswerable questions answered)",
            f"by kind              {kinds}",
        ]


def evaluate(service, questions: list[DevQuestion], k: int = 5) -> EvalReport:
    """Run every question through the service's answerer; ``service`` is a ``QAService``."""
    answerable = [q for q in questions if q.answerable]
    unanswerable = [q for q in questions if not q.answerable]
    at_k = at_1 = evidence = hits = lenient = refused = accepted = short_total = short_right_n = 0
    kinds: dict[str, list[bool]] = defaultdict(list)
    failures = []
    history: list[Turn] = []
    for at, q in enumerate(questions):
        if q.dialogue is None or at == 0 or questions[at - 1].dialogue != q.dialogue:
            history = []
        query = Query(q.question, tuple(history), q.filters, k)
        reading, result = service.read_and_answer(query)
        history.append(Turn.of_answer(q.question, result))
        hit = honest_hit(result, q.expected, reading.question.wants_span)
        kinds[q.kind or "-"].append(hit)
        if q.answerable:
            rank = first_rank(result.passages, lambda p: q.supported_by(p.doc_id, p.text))
            at_k += rank is not None
            at_1 += rank == 0
            evidence += first_citation_holds(result, q.supported_by)
            hits += hit
            lenient += lenient_hit(result, q)
            refused += not result.answerable
            if result.short_answer and q.answers:
                short_total += 1
                short_right_n += short_right(result.short_answer, q.answers)
        else:
            accepted += result.answerable
        if not hit:
            expected = q.answers or q.items or q.polarity or "(abstain)"
            failures.append({"question": q.question, "kind": q.kind, "expected": expected,
                             "got": result.answer[:160], "short": result.short_answer,
                             "resolved": result.resolved_question})
    n_a, n_u = len(answerable) or 1, len(unanswerable) or 1
    return EvalReport(
        questions=len(questions), answerable=len(answerable), unanswerable=len(unanswerable), k=k,
        recall_at_1=at_1 / n_a, recall_at_k=at_k / n_a, evidence_hit=evidence / n_a, answer_hit=hits / n_a,
        lenient_hit=lenient / n_a, short_exact=short_right_n / (short_total or 1), short_total=short_total,
        wrongly_refused=refused / n_a, wrongly_accepted=accepted / n_u,
        by_kind={kind: (len(v), sum(v) / len(v)) for kind, v in kinds.items()}, failures=failures,
    )
