"""Quotations: what someone said, as the article quotes it."""

from __future__ import annotations

import pytest

from qa.speech import quotation


@pytest.mark.parametrize("sentence, said", [
    ("김 대표는 “협력이 매우 뜻깊다”며 “앞으로 더 넓히겠다”고 말했다.", "협력이 매우 뜻깊다"),
    ('이 장관은 "규제를 풀겠다"고 밝혔다.', "규제를 풀겠다"),
    # A name in quotes is no speech, nor is a sentence quoting no one.
    ("SKT는 ‘우티’를 출범시켰다.", None),
    ("점유율 1위는 “멜론”이었다.", None),
    ("“게임 체인저”라는 평가가 나왔다.", None),
    ('그는 "AI"가 핵심이라며 "내년에 두 배로 늘리겠다"고 했다.', "내년에 두 배로 늘리겠다"),  # quotes not crossed
    ("두 회사는 지분을 교환했다.", None),
])
def test_the_first_quotation_of_a_sentence(sentence, said):
    found = quotation(sentence)
    assert (sentence[found[0] : found[1]] if found else None) == said
