"""Whether the evidence speaks of the time a question asks about: "12월 기준 점유율은?" is not answered by the
11월 figure. Only years and months written in digits are compared; "지난해" and "올해" need the article's date."""

from __future__ import annotations

import re

from qa import lexicon

# "2019년", "8월" (not "2010년대", a decade, nor the "3" of "3개월")
YEAR_OR_MONTH_RE = re.compile(r"(?<!\d)(\d{4}\s*년(?!\s*대)|\d{1,2}\s*월)")
_RANGE_RE = re.compile(r"\d\s*[~∼〜-]\s*\d")  # "1~2월", "2019-2020년": a span of time, not one point
_REFERENCE_RE = re.compile(rf"\s*(?:{'|'.join(lexicon.TIME_REFERENCE_MARKERS)})")


def calendar(text: str, points_only: bool = False) -> dict[str, set[int]]:
    """The years and months a text names in digits: {"년": {2020}, "월": {11}}. With ``points_only``, not those
    it compares with ("2020년보다", "1986년 이후"): a sentence about 2021 may name 2020 that way."""
    found: dict[str, set[int]] = {"년": set(), "월": set()}
    for m in YEAR_OR_MONTH_RE.finditer(text):
        if points_only and _REFERENCE_RE.match(text, m.end()):
            continue
        found[m.group(0)[-1]].add(int("".join(ch for ch in m.group(0) if ch.isdigit())))
    return found


def speaks_of_another_time(question: str, sentence: str) -> bool:
    """Whether the question names a year or month, and the sentence names others of that kind and none it asks
    (in either, a year named to compare or to start from, "2019년부터", is no point of time)."""
    if _RANGE_RE.search(question):
        return False
    asked, said = calendar(question, points_only=True), calendar(sentence, points_only=True)
    both = [kind for kind in asked if asked[kind] and said[kind]]
    return bool(both) and not any(asked[kind] & said[kind] for kind in both)
