"""Composing answers: yes/no polarity read from the predicate the question asks about."""

from __future__ import annotations

import pytest

from qa.composer import agrees


@pytest.mark.parametrize(
    "question,evidence,yes",
    [
        ("네이버는 물류센터를 갖고 있어?", "네이버가 가진 물류센터는 없다.", False),
        ("네이버는 물류센터가 없어?", "네이버가 가진 물류센터는 없다.", True),
        ("두 회사는 펀드를 함께 만들어?", "두 회사는 ESG 공동펀드도 함께 조성한다.", True),
        # Two negations in the evidence, one in the question: the asked predicate (막다) decides.
        ("평형수를 교체하지 않은 선박의 입항을 막았나?", "평형수를 교체하지 않았더라도 입항을 막지는 않았다.", False),
        ("공동인수는 성사됐어?", "두 회사의 공동인수는 성사되지 못했다.", False),
        ("그 법안은 통과됐어?", "법안은 본회의를 통과했다.", True),
    ],
)
def test_polarity_follows_the_asked_predicate(analyzer, question, evidence, yes):
    assert agrees(question, evidence, analyzer) is yes
