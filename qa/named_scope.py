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
from qa.decomposition import Decomposer
from qa.filters import Filters
from qa.korean import has_content

# "…기사에서", "…기사에선", "…기사 보면", "…기사에 따르면", "…기사에 나온": the article a question is asked of.
_SOURCE = (r"기사\s*(?:에서는|에서도|에서|에선|에는|엔|에\s*나온|에\s*따르면|에\s*의하면|를\s*보면|\s*보면|\s*보니까?)"
           r"(?![가-힣])")
_DETERMINER = r"(?:(?:이|그|저|해당)\s+)?"  # "이 뷰어스 기사에서", "그 다른 기사에선"
_DESCRIBING_WORDS = 4  # "뷰어스 포스트 코로나 기획 기사에서": words between the outlet and 기사 that describe it
_OTHER_RE = re.compile(rf"(?:^|(?<=\s)){_DETERMINER}(?:다른|딴)\s*{_SOURCE}\s*")
_EXCEPT_RE = re.compile(r"말고|빼고|제외")  # "시사위크 말고 다른 기사에선": which one is excluded is said, not cited
_DISTRIBUTIVE_RE = re.compile(rf"(?<![가-힣])(?:{'|'.join(map(re.escape, lexicon.DISTRIBUTIVE_CUES))})")


@dataclass(frozen=True)
class NamedScope:
    question: str  # the question without the phrase naming its source ("" when nothing else is asked)
    filters: Filters


def named_scope(text: str, outlets: Iterable[str], documents: Iterable[str], cited: Sequence[str] = ()
                ) -> NamedScope | None:
    """The question without the phrase naming its source, and the filter that phrase stands for; None when it names
    none, several ("두 기사에서", "시사위크랑 뷰어스 기사에서 각각": answered per article elsewhere) or one the index
    does not have. ``cited``: the articles the last answer cited, which "다른 기사" excludes (with none cited, or all,
    there is no other article to read)."""
    if Decomposer.names_several_articles(text) or _DISTRIBUTIVE_RE.search(text):
        return None
    other = _OTHER_RE.search(text)
    if other is not None:
        rest = [d for d in documents if d not in cited]
        if not cited or not rest or _EXCEPT_RE.search(text[: other.start()]):
            return None
        return NamedScope(_without(text, other), Filters(doc_ids=rest))
    found = _outlet_phrases(text, outlets)
    if len(found) != 1:
        return None
    outlet, match = found[0]
    return NamedScope(_without(text, match), Filters(outlet=[outlet]))


def without_other(text: str) -> str:
    """The question without "다른 기사에선": what an earlier turn asked, to carry into the next ("다른 기사에선 펀드는
    어디서 운용해?" then "규모는?" asks the 펀드's 규모, not again of the article other than the one just cited). An
    outlet's article stays: carried, it keeps the next turn on that outlet."""
    other = _OTHER_RE.search(text)
    return (_without(text, other) or text) if other is not None else text


def _outlet_phrases(text: str, outlets: Iterable[str]) -> list[tuple[str, re.Match]]:
    """Each outlet standing before "기사에서" (or the like) in the text, longest names first and not overlapping: an
    outlet that is part of a longer one ("한국경제" of "한국경제TV") or only mentioned elsewhere does not count."""
    found: list[tuple[str, re.Match]] = []
    folded = text.casefold()
    for outlet in sorted({o for o in outlets if o.casefold() in folded}, key=len, reverse=True):  # few are named
        pattern = rf"(?:^|(?<=\s)){_DETERMINER}{re.escape(outlet)}(?:의)?(?:\s+\S+){{0,{_DESCRIBING_WORDS}}}?\s*{_SOURCE}\s*"
        match = re.search(pattern, text, re.IGNORECASE)
        if match is not None and all(match.end() <= m.start() or match.start() >= m.end() for _, m in found):
            found.append((outlet, match))
    return found


def _without(text: str, match: re.Match) -> str:
    question = re.sub(r"\s+", " ", f"{text[: match.start()]} {text[match.end() :]}").strip()
    return question if has_content(question.rstrip("?？")) else ""
