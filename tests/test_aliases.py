"""Short names an article introduces ("SK텔레콤(이하 SKT)") are the question's own words, not its answer."""

from __future__ import annotations

from qa.aliases import abbreviated, introduced, same_words


def test_the_short_forms_an_article_introduces():
    text = "카카오와 SK텔레콤(이하 SKT)이 손잡았다. 미국 항공우주국(이하 NASA)과 ‘국립환경과학원’(이하 ‘과학원’)도."
    assert introduced(text) == (("SK텔레콤", "SKT"), ("항공우주국", "NASA"), ("국립환경과학원", "과학원"))
    assert introduced("괄호(예시) 안의 말") == ()
    # The official style names the short form with 라 한다; dates and news formulae are no names.
    assert introduced("공정거래위원회(이하 '공정위'라 한다)는") == (("공정거래위원회", "공정위"),)
    assert introduced("19일(이하 현지시간) 발표했다. 홍길동(이하 존칭 생략)은") == ()


def test_the_abbreviations_an_article_spells_out():
    text = ("인공지능(AI) 기술, ‘AI 연구개발(R&D) 협의체’, 환경‧사회‧지배구조(ESG), ESG(환경 사회 지배구조). "
            "지식재산권(특허), 2021년(CY), 사진(AP)")
    assert abbreviated(text) == (("인공지능", "AI"), ("연구개발", "R&D"), ("환경‧사회‧지배구조", "ESG"),
                                 ("환경 사회 지배구조", "ESG"))  # not a gloss, a year's note or a photo's source
    assert same_words(frozenset({"인공지능", "모임"}), "인공지능(AI) 기술") == {"인공지능", "모임", "AI"}


def test_either_name_in_the_question_brings_the_other():
    text = "카카오와 SK텔레콤(이하 SKT)이 협력한다."
    assert same_words(frozenset({"카카오", "SKT"}), text) == {"카카오", "SKT", "SK텔레콤"}
    assert same_words(frozenset({"SK텔레콤"}), text) == {"SK텔레콤", "SKT"}
    words = frozenset({"네이버"})
    assert same_words(words, text) is words  # nothing to add


def test_a_question_naming_the_short_form_is_not_answered_with_the_full_name(service):
    answer = service.ask("카카오랑 SKT가 이번에 협력하기로 한 분야가 뭐야?")
    assert answer.answerable and "SK텔레콤" not in (answer.short_answer or ""), answer.answer
