"""Dates as articles write them, placed on the calendar by the article's own date."""

from __future__ import annotations

import pytest

from qa.dates import CalendarDate, refines, resolve

JUNE_2021 = "2021-06-30T13:36"


@pytest.mark.parametrize("text,expected", [
    ("지난 2019년", CalendarDate(2019)),
    ("2021년 6월 30일", CalendarDate(2021, 6, 30)),
    ("2021.03.15", CalendarDate(2021, 3, 15)),
    ("지난해 10월", CalendarDate(2020, 10)),
    ("작년 12월 3일", CalendarDate(2020, 12, 3)),
    ("올해 상반기", CalendarDate(2021)),
    ("지난 3월", CalendarDate(2021, 3)),  # the last March before the article
    ("지난 8월", CalendarDate(2020, 8)),  # August had not come yet in June 2021: the year before's
    ("오는 8월", CalendarDate(2021, 8)),
    ("19년 3월", CalendarDate(2019, 3)),  # a two-digit year
    ("'19년", CalendarDate(2019)),
    ("5월 3일", CalendarDate(2021, 5, 3)),  # a month alone, before the article's: this year's
])
def test_dates_are_read_against_the_articles_date(text, expected):
    assert resolve(text, JUNE_2021) == expected


@pytest.mark.parametrize("text,published", [
    ("3,000억원", JUNE_2021),  # no date at all
    ("2010년대", JUNE_2021),  # a decade
    ("상반기", JUNE_2021),  # a part of some year
    ("지난해 10월", None),  # relative, and no article date to read it against
    ("2019~2020년", JUNE_2021),  # a span of time
    ("2021년 2월 30일", JUNE_2021),  # no such day
    ("12월 31일", JUNE_2021),  # a month alone after the article's: this year's plan or last year's news
])
def test_what_cannot_be_placed_is_none(text, published):
    assert resolve(text, published) is None


def test_only_dates_that_tell_are_ordered():
    assert CalendarDate(2019).before(CalendarDate(2020, 10)) is True
    assert CalendarDate(2021, 3).before(CalendarDate(2020, 12)) is False
    assert CalendarDate(2020).before(CalendarDate(2020, 10)) is None  # the year alone does not say
    assert CalendarDate(2020, 10).before(CalendarDate(2020, 10)) is None  # the same month


def test_coming_months_are_read_forward():
    assert resolve("오는 2월", "2021-11-20") == CalendarDate(2022, 2)  # the next February
    assert resolve("지난 12월", "2022-01-05") == CalendarDate(2021, 12)


@pytest.mark.parametrize("general,specific,finer", [
    ("올해", "올해 상반기", True),
    ("2019년", "2019년 3월", True),
    ("지난해", "지난해 12월", True),
    ("3월", "3월 15일", True),
    ("올해", "올해", False),  # the same
    ("올해", "올해 공개", False),  # not a date word
    ("2019년", "2020년 3월", False),  # another date
    ("상반기", "올해 상반기", False),  # not the general date said further
    ("올해", "올해 1분기", True),
    ("1", "10일", False),  # not a word of its own
    ("3월", "3월 중순", True),
])
def test_a_date_said_more_precisely_refines_it(general, specific, finer):
    assert refines(general, JUNE_2021, specific, JUNE_2021) is finer


def test_relative_dates_of_articles_of_different_years_are_not_one_date():
    assert not refines("올해", "2022-11-01", "올해 하반기", JUNE_2021)  # 2022 and 2021
    assert refines("올해", "2021-03-15", "올해 상반기", JUNE_2021)
    assert not refines("3월", "2023-05-02", "3월 중순", "2024-02-01")  # March 2023, and a March not placed
    assert not refines("올해", None, "올해 상반기", JUNE_2021)  # no article date: cannot tell it is one year
