"""Short names an article introduces: "SK텔레콤(이하 SKT)" makes SKT and SK텔레콤 the same words in that article, and
"인공지능(AI)" makes AI and 인공지능.

News style names a company or an institution in full once and gives the short form it uses afterwards. A reader
that knows a question's "SKT" is the article's "SK텔레콤" does not answer the question with its own subject.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa import lexicon

_QUOTES = "'\"‘’“”「」『』"
# The word before "(이하 …)" (quotes and a trailing comma aside) and the short form inside it.
_INTRODUCED_RE = re.compile(
    rf"(?<![^\s(){_QUOTES}])([^\s(){_QUOTES}]+)[{_QUOTES}]?\s*"  # the full name, from the start of its word
    rf"\(\s*이하\s*,?\s*[{_QUOTES}]?([^(){_QUOTES}\n]{{1,20}}?)[{_QUOTES}]?(?:\s*이?라\s*한다)?\s*\)"  # (이하 …)
)
# A Hangul word glued to its abbreviation in parentheses, or an abbreviation glued to its Hangul full form.
_ABBREVIATION = r"[A-Z][A-Za-z&]{1,7}"
_ABBREVIATED_RE = re.compile(
    rf"(?<![가-힣‧·0-9A-Za-z])(?P<full>[가-힣][가-힣‧·]+)\((?P<short>{_ABBREVIATION})\)"
    rf"|(?<![A-Za-z&])(?P<short2>{_ABBREVIATION})\((?P<full2>[가-힣][가-힣‧· ]{{0,20}})\)"
)
CACHED_TEXTS = 256  # articles whose aliases are kept: the documents of the questions being answered


@lru_cache(maxsize=CACHED_TEXTS)
def introduced(text: str) -> tuple[tuple[str, str], ...]:
    """(full name, short form) pairs the text introduces, in order: (("SK텔레콤", "SKT"),)."""
    pairs = []
    for match in _INTRODUCED_RE.finditer(text):
        full, short = match.group(1).strip(), match.group(2).strip()
        # "19일(이하 현지시간)", "(이하 존칭 생략)": news formulae, not a name's short form
        if full and short and full != short and not full[0].isdigit() and short not in lexicon.NOT_SHORT_NAMES:
            pairs.append((full, short))
    return tuple(dict.fromkeys(pairs))


@lru_cache(maxsize=CACHED_TEXTS)
def abbreviated(text: str) -> tuple[tuple[str, str], ...]:
    """(full form, abbreviation) pairs the text spells out: "인공지능(AI)", "환경‧사회‧지배구조(ESG)", "AI(인공지능)"."""
    pairs = []
    for match in _ABBREVIATED_RE.finditer(text):
        full, short = (match["full"], match["short"]) if match["full"] else (match["full2"].strip(), match["short2"])
        if full not in lexicon.NOT_GLOSSES:  # "사진(AP)": a photo's source, not what AP stands for
            pairs.append((full, short))
    return tuple(dict.fromkeys(pairs))


def pairs_of(text: str) -> tuple[tuple[str, str], ...]:
    """Every pair of names the text makes the same: short forms it introduces and abbreviations it spells out."""
    return introduced(text) + abbreviated(text)


def same_words(words: frozenset[str], text: str) -> frozenset[str]:
    """``words`` with the other name of every alias pair of ``text`` one of whose names is among them."""
    extra = {other for pair in pairs_of(text) for name, other in (pair, pair[::-1]) if name in words}
    return words | extra if extra else words
