"""The articles a question names as its source: "뷰어스 기사에서 백신 맞은 사람 몇 명이래?" is asked of 뷰어스's
articles, and "다른 기사에선 …?" of the articles the last answer did not cite.

Such a phrase says where to look, not what to find: left in the question its words (뷰어스, 기사, a description of
the article) are words no answering sentence holds, so it is taken out and read as a filter, the way the page's
controls restrict a question.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from qa import lexicon
from qa.filters import Filters

# "…기사에서", "…기사에선", "…기사 보면", "…기사에 따르면": the article a question is asked of.
_SOURCE = r"기사\s*(?:에서는|에서|에선|에는|엔|를\s*보면|\s*보면|\s*보니|에\s*따르면|에\s*의하면)(?![가-힣])"
_DESCRIBING_WORDS = 4  # "뷰어스 포스트 코로나 기획 기사에서": words between the outlet and 기사 that describe it
_OTHER_RE = re.compile(rf"(?:^|\s)(?:다른|딴)\s*{_SOURCE}\s*")
_SEVERAL_RE = re.compile(lexicon.SEVERAL_ARTICLES)


@dataclass(frozen=True)
class NamedScope:
    question: str  # the question without the phrase naming its source
    filters: Filters


def named_scope(text: str, outlets: Iterable[str], documents: Iterable[str], cited: Sequence[str] = ()
                ) -> NamedScope | None:
    """The question without the phrase naming its source, and the filter that phrase stands for; None when it names
    none, several ("두 기사에서", "시사위크랑 뷰어스 기사에서 각각": answered per article elsewhere) or one the index
    does not have. ``cited``: the articles the last answer cited, which "다른 기사" excludes."""
    if _SEVERAL_RE.search(text) or any(cue in text for cue in lexicon.DISTRIBUTIVE_CUES):
        return None
    other = _OTHER_RE.search(text)
    if other is not None:
        rest = [d for d in documents if d not in cited]
        if not cited or not rest:
            return None
        return _scoped(text, other, Filters(doc_ids=rest))
    named = [o for o in outlets if o in text]
    if len(named) != 1:
        return None
    outlet = named[0]
    match = re.search(rf"(?:^|\s){re.escape(outlet)}(?:의)?(?:\s+\S+){{0,{_DESCRIBING_WORDS}}}?\s*{_SOURCE}\s*", text)
    return _scoped(text, match, Filters(outlet=[outlet])) if match is not None else None


def _scoped(text: str, match: re.Match | None, filters: Filters) -> NamedScope | None:
    if match is None:
        return None
    question = re.sub(r"\s+", " ", f"{text[: match.start()]} {text[match.end() :]}").strip()
    if not re.search(r"[가-힣A-Za-z0-9]", question.rstrip("?？")):
        return None  # "뷰어스 기사에서?": nothing is asked but the article
    return NamedScope(question, filters)
