"""How an answer is judged: KorQuAD's exact match and character F1, and the honest hit used by ``qa eval``.

An answer is a hit only when what a reader takes from it is right: the short answer when there is one (not the
gold text somewhere in the quoted evidence), the polarity of a yes/no answer, every item of a list, and for
sentence answers (why, how) the key phrase inside a cited evidence sentence.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from qa.contract import Answer
from qa.korean import normalize_for_search

SHORT_F1_MIN = 2 / 3  # a short answer this close to the gold (character F1) counts as right, e.g. "지난해 10월" for "10월"
_REMOVED = re.compile(r"['\"《》<>〈〉()‘’“”]")
_PUNCTUATION = frozenset(string.punctuation)
T = TypeVar("T")


def normalize(text: str) -> str:
    """KorQuAD's normalisation (``evaluate-v1.0.py``): quotes and brackets to spaces, punctuation removed, lower case."""
    text = _REMOVED.sub(" ", text.lower())
    text = "".join(ch for ch in text if ch not in _PUNCTUATION)
    return " ".join(text.split())


def exact_match(prediction: str | None, gold: str) -> bool:
    return prediction is not None and normalize(prediction) == normalize(gold)


def char_f1(prediction: str | None, gold: str) -> float:
    """KorQuAD's character-level F1 over the normalised texts, spaces removed."""
    if not prediction:
        return 0.0
    predicted = list(normalize(prediction).replace(" ", ""))
    expected = list(normalize(gold).replace(" ", ""))
    common = sum((Counter(predicted) & Counter(expected)).values())
    if not common:
        return 0.0
    precision, recall = common / len(predicted), common / len(expected)
    return 2 * precision * recall / (precision + recall)


def best_exact(prediction: str | None, golds: list[str]) -> bool:
    return any(exact_match(prediction, g) for g in golds)


def best_f1(prediction: str | None, golds: list[str]) -> float:
    return max((char_f1(prediction, g) for g in golds), default=0.0)


def squash(text: str) -> str:
    """Compare texts regardless of spacing, thousands separators and date spelling.

    ``3,000억 원`` = ``3000억원``; ``2021.03.15`` = ``2021년 3월 15일``.
    """
    return re.sub(r"\s+", "", normalize_for_search(text)).lower()


def contains(text: str, needle: str) -> bool:
    return squash(needle) in squash(text)


def short_right(short: str | None, golds: list[str]) -> bool:
    """Right when it equals a gold answer (any spelling of the same number or date), or nearly (character F1)."""
    if short is None:
        return False
    spelled = [normalize_for_search(g) for g in golds]
    return best_exact(normalize_for_search(short), spelled) or best_f1(normalize_for_search(short), spelled) >= SHORT_F1_MIN


@dataclass
class Expected:
    """What a dev question expects: alternatives for one answer, all of a list's items, a yes/no polarity."""

    answers: list[str]
    items: list[str]
    polarity: str | None  # "yes" | "no"
    evidence: str | None

    @property
    def answerable(self) -> bool:
        return bool(self.answers or self.items or self.polarity)


def honest_hit(answer: Answer, expected: Expected, wants_span: bool) -> bool:
    """Whether a reader gets the right answer from ``answer`` (see the module docstring)."""
    if not expected.answerable:
        return not answer.answerable
    if not answer.answerable or not answer.citations:
        return False
    cited = " ".join(c.evidence for c in answer.citations)
    if expected.polarity:
        lead = "네" if expected.polarity == "yes" else "아니요"
        grounded = expected.evidence is None or contains(cited, expected.evidence) or any(
            contains(cited, a) for a in expected.answers)
        return answer.answer.startswith(lead) and grounded
    if expected.items:
        listed = answer.short_answer if answer.short_answer else cited
        return all(contains(listed, item) for item in expected.items)
    if wants_span or answer.short_answer:
        return short_right(answer.short_answer, expected.answers)
    return any(contains(cited, a) for a in expected.answers)


def first_rank(retrieved: Iterable[T], holds_answer: Callable[[T], bool]) -> int | None:
    """Position (0 = top) of the first retrieved passage that holds the answer, or None: recall@k is ``rank < k``."""
    return next((rank for rank, item in enumerate(retrieved) if holds_answer(item)), None)


def first_citation_holds(answer: Answer, holds_answer: Callable[[str, str], bool]) -> bool:
    """The evidence hit: the first cited sentence (its article id and text) holds the answer."""
    first = answer.citations[0] if answer.citations else None
    return first is not None and holds_answer(first.doc_id, first.evidence)
