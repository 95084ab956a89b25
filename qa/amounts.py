"""Amounts read as numbers, so two answers can be compared: "3,000억원" → 300000000000 원, "80% 이상" → 80 %.

Only what the article's own spelling states: a number, Korean multipliers (조, 억, 만, 천) and the unit after them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MULTIPLIERS = {"조": 10**12, "억": 10**8, "만": 10**4, "천": 10**3}
_UNIT_SPELLINGS = {"퍼센트": "%", "프로": "%"}
_NUMBER = r"\d[\d,]*(?:\.\d+)?"
# "3조 2,000억 원", "16.23%", "1500만여명": the number, each multiplier group, then the unit word or symbol.
_AMOUNT_RE = re.compile(
    rf"({_NUMBER})\s*(조|억|만|천)?((?:\s*{_NUMBER}\s*(?:억|만|천))*)\s*(?:여\s*)?([%가-힣A-Za-z$]*)"
)
_GROUP_RE = re.compile(rf"({_NUMBER})\s*(억|만|천)")


@dataclass(frozen=True)
class Amount:
    value: float
    unit: str  # "%", "원", "명", … ("" when none is written)


def read_amount(text: str | None) -> Amount | None:
    """The first amount ``text`` states, or None when it states none."""
    match = _AMOUNT_RE.search(text or "")
    if match is None:
        return None
    number, multiplier, groups, unit = match.groups()
    value = float(number.replace(",", "")) * _MULTIPLIERS.get(multiplier or "", 1)
    value += sum(float(n.replace(",", "")) * _MULTIPLIERS[m] for n, m in _GROUP_RE.findall(groups))
    unit = re.sub(r"^여", "", unit)
    for spelling, symbol in _UNIT_SPELLINGS.items():
        if unit.startswith(spelling):
            unit = symbol
    return Amount(value, "%" if unit.startswith("%") else unit)
