"""What one ask is: the question, the conversation before it, the filters and the reading depth, built once by the
API, the CLI and the page and passed whole to the service, so that every surface asks the same way."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qa.contract import CITE_MARKER, Answer
from qa.filters import Filters

MAX_SHORT_CHARS = 80  # a short answer read back from an answer's text is at most this long
# The answer text the composer writes starts "<short answer>입니다. " (qa.composer.answer) and cites as "[1]".
_SHORT_LEAD = re.compile(rf"^(?P<short>[^\n]{{1,{MAX_SHORT_CHARS}}}?)입니다\. ")


@dataclass(frozen=True)
class Turn:
    """One earlier exchange: what was asked and, when the client sends it, what was answered."""

    question: str
    answer: str | None = None
    short_answer: str | None = None
    answerable: bool | None = None
    doc_ids: tuple[str, ...] = ()  # the articles the answer cited: "누가 쓴 기사야?" asks about them

    @classmethod
    def of_answer(cls, question: str, answer: Answer) -> Turn:
        """A turn from the answer object the service returned (as the page, ``qa ask --chat`` and ``qa eval`` keep)."""
        cited = tuple(dict.fromkeys(c.doc_id for c in answer.citations))
        return cls(question, answer.answer, answer.short_answer, answer.answerable, cited)

    @classmethod
    def of_text(cls, question: str, answer: str | None) -> Turn:
        """A turn whose answer is the text the server returned: answered when it cites ("[1]"), its short answer read
        back from the text. It names no articles: send the answer object for "이 기사 …" to find the one cited."""
        match = _SHORT_LEAD.match(answer or "")
        answered = None if answer is None else bool(CITE_MARKER.search(answer))
        return cls(question, answer, match["short"] if match and answered else None, answered)


@dataclass(frozen=True)
class Query:
    """One ask as every surface builds it; the service fills in ``resolved`` and, for a question about "the article",
    scopes ``filters`` to the one the last answer cited."""

    question: str
    history: tuple[Turn, ...] = ()
    filters: Filters | None = None
    top_k: int | None = None
    resolved: str | None = field(default=None, compare=False)  # set by the service: the question as understood

    @property
    def scoped(self) -> Filters | None:
        """The filters, or None when they allow everything."""
        return self.filters if self.filters is not None and not self.filters.empty else None

    @property
    def text(self) -> str:
        """What is searched for and answered: the resolved question when the conversation completed it."""
        return self.resolved or self.question

    def key(self, revision: int) -> tuple:
        """Everything that changes the answer (history only through the resolved question), for the answer cache."""
        scoped = self.scoped
        return (self.question, self.text, self.top_k, scoped.key if scoped else None, revision)
