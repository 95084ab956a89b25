"""Example questions the current index answers right: candidates are asked, checked, and only then offered.

A fixed list of examples goes stale as articles are added and removed, and a first click that shows a wrong answer
costs a reader's trust; so every candidate carries what a right answer says and is asked before it is shown.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from qa.cleaning import korean_day
from qa.contract import Answer
from qa.schema import Document

_IGNORED = re.compile(r"[\s,]")  # "3,000억 원" and "3000억원" say the same


@dataclass(frozen=True, slots=True)
class Example:
    """A question and what its right answer contains; ``expect=None`` means the articles do not say (refuse)."""

    question: str
    expect: str | None


def _field_value(doc: Document, field: str) -> str | None:
    if field == "published":
        return korean_day(doc.published)  # as the answer says it
    return getattr(doc, field)


def candidates(data: dict, documents: Iterable[Document]) -> list[Example]:
    """The listed candidates, then the templates asked about each article that is its outlet's only one (newest
    first), so "시사위크 기사는 누가 썼어?" names one article."""
    docs = list(documents)
    outlets = Counter(doc.outlet for doc in docs if doc.outlet)
    found = [Example(c["question"], c["expect"]) for c in data.get("candidates", [])]
    for doc in sorted(docs, key=lambda d: d.published or "", reverse=True):
        if not doc.outlet or outlets[doc.outlet] != 1:
            continue
        for template in data.get("templates", []):
            value = _field_value(doc, template["field"])
            if value:
                found.append(Example(template["question"].format(outlet=doc.outlet), value))
    return found


def answered_right(example: Example, answer: Answer) -> bool:
    if example.expect is None:
        return not answer.answerable
    said = answer.short_answer or answer.answer
    return answer.answerable and _IGNORED.sub("", example.expect) in _IGNORED.sub("", said)


def suggest(examples: Iterable[Example], ask: Callable[[str], Answer], limit: int) -> list[str]:
    """Up to ``limit`` questions answered right; one refusal among them, shown last (it shows the bot says "없다")."""
    answered: list[str] = []
    refusal: list[str] = []
    for example in examples:
        if len(answered) + len(refusal) >= limit:
            break
        if example.expect is None and refusal:
            continue
        if answered_right(example, ask(example.question)):
            (refusal if example.expect is None else answered).append(example.question)
    return answered + refusal
