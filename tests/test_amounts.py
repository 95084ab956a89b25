"""Amounts read as numbers: the article's own spellings of one value compare equal, units kept apart."""

from __future__ import annotations

import pytest

from qa.amounts import Amount, read_amount


@pytest.mark.parametrize("text,value,unit", [
    ("3,000억원", 3000 * 10**8, "원"),
    ("3000억 원", 3000 * 10**8, "원"),
    ("3조 2,000억원 규모", 3 * 10**12 + 2000 * 10**8, "원"),
    ("80% 이상", 80, "%"),
    ("34.14퍼센트", 34.14, "%"),
    ("1500만여명", 1500 * 10**4, "명"),
    ("약 3천명", 3000, "명"),
    ("2천500억원", 2500 * 10**8, "원"),  # 천 inside the 억 section
    ("3만5000명", 35000, "명"),
    ("1억 2천만 원", 12000 * 10**4, "원"),
    ("-3.5%", -3.5, "%"),
    ("1.5%p", 1.5, "%p"),  # percentage points are not percent
])
def test_spellings_of_an_amount_read_as_one_value(text, value, unit):
    assert read_amount(text) == Amount(float(value), unit)


@pytest.mark.parametrize("text", ["카카오모빌리티", "", None, "30~40%"])
def test_text_without_a_number_or_with_a_range_is_no_amount(text):
    assert read_amount(text) is None
