"""Dates as news articles write them, placed on the calendar by the article's own date: "지난해 10월" in an article
of 2021-06-30 is October 2020, "지난 3월" March 2021, "지난 2019년" 2019. Used to say which of two events came first."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from qa import lexicon

_FULL_RE = re.compile(r"(?<!\d)(\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})(?!\d)")
_YEAR_RE = re.compile(r"(?<!\d)(\d{4})\s*년(?!\s*대)")
_MONTH_RE = re.compile(r"(?<!\d)(\d{1,2})\s*월")
_DAY_RE = re.compile(r"(?<!\d)(\d{1,2})\s*일")
_RELATIVE_YEAR_RE = re.compile("|".join(sorted(lexicon.RELATIVE_YEARS, key=len, reverse=True)))
_SHORT_YEAR_RE = re.compile(r"(?<![\d.])['‘’]?(\d{2})\s*년(?!\s*대)")  # "19년 3월", "'19년"
_PAST_RE = re.compile(r"지난\s*(?=\d{1,2}\s*월)")  # "지난 3월": the last March before the article, not "지난해"
_COMING_RE = re.compile(r"(?:오는|다가오는)\s*(?=\d{1,2}\s*월)")  # "오는 2월": the next February
_RANGE_RE = re.compile(r"\d\s*[~∼〜-]\s*\d")  # "2019~2020년": a span, not one date


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
    지난 3월, 오는 2월); None when it names no year it can place, a span of time, no real day, or a month alone after
    the article's month (this year's plan or last year's news: the text does not say)."""
    found = _resolve(text, published)
    if found is None or _RANGE_RE.search(text):
        return None
    try:
        datetime.date(found.year, found.month or 1, found.day or 1)
    except ValueError:
        return None  # "2021년 2월 30일"
    return found


def _resolve(text: str, published: str | None) -> CalendarDate | None:
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
    if anchor is None:
        return None
    short = _SHORT_YEAR_RE.search(text)
    if short:  # "19년": this century's unless that is after the article's year
        century = anchor[0] // 100 * 100
        year_of = century + int(short[1])
        return CalendarDate(year_of if year_of <= anchor[0] else year_of - 100, m, d)
    relative = _RELATIVE_YEAR_RE.search(text)
    if relative:
        return CalendarDate(anchor[0] + lexicon.RELATIVE_YEARS[relative[0]], m, d)
    if not m:
        return None
    if _PAST_RE.search(text):  # "지난 3월": this year's when March is before the article's month
        return CalendarDate(anchor[0] if m <= anchor[1] else anchor[0] - 1, m, d)
    if _COMING_RE.search(text):  # "오는 2월": next year's when February is before it
        return CalendarDate(anchor[0] if m >= anchor[1] else anchor[0] + 1, m, d)
    return CalendarDate(anchor[0], m, d) if m <= anchor[1] else None


_FINER_RE = re.compile(r"\d{1,2}\s*[월일]|\d\s*분기|" + "|".join(lexicon.DATE_PARTS))  # what makes a date more precise


def refines(general: str, general_published: str | None, specific: str, specific_published: str | None) -> bool:
    """Whether ``specific`` gives the date ``general`` gives, more precisely: "올해" → "올해 상반기", "2019년" → "2019년
    3월" (two articles dating one event to different precision), each read against its own article's date."""
    if not specific.startswith(general + " "):
        return False  # not "1" → "10일"
    rest = specific[len(general) :].split()
    if not rest or not all(_FINER_RE.fullmatch(word) for word in rest):
        return False
    placed = resolve(general, general_published), resolve(specific, specific_published)
    # Both placed in the same year: "올해" of a 2020 and of a 2021 article differ, and "3월" of articles of two
    # years may be two Marches.
    return None not in placed and placed[0].year == placed[1].year


def _anchor(published: str | None) -> tuple[int, int] | None:
    match = re.match(r"(\d{4})-(\d{2})", published or "")
    return (int(match[1]), int(match[2])) if match else None
