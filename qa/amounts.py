"""Amounts read as numbers, so two answers can be compared: "3,000억원" → 300000000000 원, "80% 이상" → 80 %.

Only what the article's own spelling states: digits, Korean multipliers ("2천500억", "3만5000", "1억 2천만") and
the unit after them. A range ("30~40%") is no single amount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LARGE = {"조": 10**12, "억": 10**8, "만": 10**4}  # each closes a section of the number
_SMALL = {"천": 10**3, "백": 10**2, "십": 10}  # multiply the digits just before them, within a section
_TOKEN_RE = re.compile(r"\s*(\d[\d,]*(?:\.\d+)?|[조억만천백십])")
_UNIT_RE = re.compile(r"\s*(?:여\s*)?([%가-힣A-Za-z$]*)")
_UNIT_SPELLINGS = {"퍼센트": "%", "프로": "%"}
RANK_UNITS = frozenset({"위", "등", "번째"})  # 1위 is above 3위: a rank is no amount to compare by size


@dataclass(frozen=True)
class Amount:
    value: float
    unit: str  # "%", "원", "명", … ("" when none is written)


def read_amount(text: str | None) -> Amount | None:
    """The first amount ``text`` states, or None when it states none (or a range)."""
    start = re.search(r"-?\d", text or "")
    if start is None:
        return None
    text = text or ""
    negative = text[start.start()] == "-"
    at = start.start() + negative
    total = section = 0.0
    digits: float | None = None
    while (token := _TOKEN_RE.match(text, at)) is not None:
        word = token.group(1)
        if word[0].isdigit():
            if digits is not None:
                break  # "2019년 3,000억원": a second number is another amount
            digits = float(word.replace(",", ""))
        elif word in _SMALL:
            section += (digits if digits is not None else 1) * _SMALL[word]
            digits = None
        else:
            total += (section + (digits or 0)) * _LARGE[word]
            section, digits = 0.0, None
        at = token.end()
    total += section + (digits or 0)
    if re.match(r"\s*[~∼-]\s*\d", text[at:]):
        return None
    unit = _UNIT_RE.match(text, at).group(1)  # type: ignore[union-attr]
    for spelling, symbol in _UNIT_SPELLINGS.items():
        if unit.startswith(spelling):
            unit = symbol
    if unit.startswith("%"):
        unit = "%p" if unit.startswith("%p") else "%"
    return Amount(-total if negative else total, unit)
