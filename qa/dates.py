"""Dates as news articles write them, placed on the calendar by the article's own date: "지난해 10월" in an article
of 2021-06-30 is October 2020, "지난 3월" March 2021, "지난 2019년" 2019. Used to say which of two events came first."""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa import lexicon

_FULL_RE = re.compile(r"(?<!\d)(\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})(?!\d)")
_YEAR_RE = re.compile(r"(?<!\d)(\d{4})\s*년(?!\s*대)")
_MONTH_RE = re.compile(r"(?<!\d)(\d{1,2})\s*월")
_DAY_RE = re.compile(r"(?<!\d)(\d{1,2})\s*일")
_RELATIVE_YEAR_RE = re.compile("|".join(sorted(lexicon.RELATIVE_YEARS, key=len, reverse=True)))
_PAST_RE = re.compile(r"지난\s*(?=\d{1,2}\s*월)")  # "지난 3월": the last March before the article, not "지난해"


@dataclass(frozen=True)
class CalendarDate:
    """A year, and the month and day when the text gives them (0 when it does not)."""

    year: int
    month: int = 0
    day: int = 0

    def before(self, other: CalendarDate) -> bool | None:
        """True or False when the two dates tell, None when they do not (2020 against October 2020)."""
        for mine, theirs in ((self.year, other.year), (self.month, other.month), (self.day, other.day)):
            if not mine or not theirs:
                return None
            if mine != theirs:
                return mine < theirs
        return None  # the same date: neither came first


def resolve(text: str, published: str | None) -> CalendarDate | None:
    """The date ``text`` names, read against the article's ISO ``published`` date for relative words (지난해, 올해,
    지난 3월, a month without a year); None when it names no year it can place."""
    full = _FULL_RE.search(text)
    if full:
        return CalendarDate(int(full[1]), int(full[2]), int(full[3]))
    anchor = _anchor(published)
    month = _MONTH_RE.search(text)
    day = _DAY_RE.search(text[month.end():]) if month else None
    m = int(month[1]) if month and 1 <= int(month[1]) <= 12 else 0
    d = int(day[1]) if m and day and 1 <= int(day[1]) <= 31 else 0
    year = _YEAR_RE.search(text)
    if year:
        return CalendarDate(int(year[1]), m, d)
    relative = _RELATIVE_YEAR_RE.search(text)
    if anchor is None:
        return None
    if relative:
        return CalendarDate(anchor[0] + lexicon.RELATIVE_YEARS[relative[0]], m, d)
    if not m:
        return None
    # A month alone is this year's; "지난 3월" after the article's March is the year before's.
    past = _PAST_RE.search(text) is not None
    return CalendarDate(anchor[0] - 1 if past and m > anchor[1] else anchor[0], m, d)


def _anchor(published: str | None) -> tuple[int, int] | None:
    match = re.match(r"(\d{4})-(\d{2})", published or "")
    return (int(match[1]), int(match[2])) if match else None
