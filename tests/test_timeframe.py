"""Whether the evidence speaks of the year or month a question asks about."""

from __future__ import annotations

import pytest

from qa.timeframe import calendar, speaks_of_another_time


def test_years_and_months_in_digits():
    assert calendar("지난해 11월 기준 2019년 자료") == {"년": {2019}, "월": {11}}
    assert calendar("2010년대 초, 3개월 동안") == {"년": set(), "월": set()}  # a decade, a duration
    assert calendar("2020년보다 30% 늘었다", points_only=True) == {"년": set(), "월": set()}


@pytest.mark.parametrize("question, sentence, other", [
    ("멜론 점유율 작년 12월 기준으로는 얼마였어?", "지난해 11월 기준 점유율 1위는 멜론으로 34.14%로 집계됐다.", True),
    ("멜론 점유율 작년 11월 기준으로는 얼마였어?", "지난해 11월 기준 점유율 1위는 멜론으로 34.14%로 집계됐다.", False),
    ("2019년 매출은?", "2018년 매출은 3조원이었다.", True),
    # a year the sentence compares with is not its time; nor is a range one point
    ("카카오 2021년 영업이익은?", "지난해 영업이익은 5969억원으로 2020년보다 30% 늘었다.", False),
    ("2022년 월드컵 우승국은?", "아르헨티나가 1986년 이후 36년 만에 우승했다.", False),
    ("1~2월 매출은?", "1월 매출은 100억원이었다.", False),
    ("1999년부터 출전 정지 후 참가한 올림픽은?", "2000년 시드니 올림픽에 참가했다.", False),
    # nothing to compare: no digits in the question, or none in the sentence
    ("작년 점유율은?", "2020년 11월 기준 34.14%다.", False),
    ("2020년 점유율은?", "지난해 점유율은 34.14%다.", False),
    # one kind agreeing is enough: "2020년 12월" against "2020년 11월" is not refused (the year speaks of it)
    ("2020년 12월 점유율은?", "2020년 11월 기준 34.14%다.", False),
])
def test_another_time(question, sentence, other):
    assert speaks_of_another_time(question, sentence) is other
