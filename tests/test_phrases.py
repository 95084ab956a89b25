"""Candidate answer phrases: every span a short answer could be, with exact offsets into the sentence."""

from __future__ import annotations

import pytest

from qa import phrases


def texts(analyzer, sentence: str) -> set[str]:
    found = phrases.candidates(sentence, analyzer.morphemes(sentence))
    assert all(sentence[p.start : p.end] == sentence[p.start : p.end].strip() for p in found)
    return {sentence[p.start : p.end] for p in found}


def test_noun_phrases_and_their_parts(analyzer):
    found = texts(analyzer, "네이버는 경기도 군포에 e풀필먼트 센터를 열었다.")
    assert {"경기도 군포", "경기도", "군포"} <= found
    assert "네이버" in found and "네이버는" not in found  # particles are never part of an answer


def test_names_split_from_the_words_they_are_glued_to(analyzer):
    found = texts(analyzer, "노태우정부는 1989년 2월 15일 여의도 농민 시위 주동자를 지명수배했다.")
    assert {"노태우", "1989년 2월 15일", "여의도 농민 시위"} <= found


def test_amounts_dates_and_quoted_names(analyzer):
    sentence = "양사는 지난해 12월 3,000억원 규모의 지분을 교환하고 ‘우티’를 출범했으며 점유율은 80% 이상이다."
    found = texts(analyzer, sentence)
    assert {"지난해 12월", "3,000억원", "우티", "80% 이상"} <= found


def test_a_name_in_square_brackets_is_quoted(analyzer):
    sentence = "뷰어스는 창간 6주년을 기념해 [포스트 코로나] 기획을 준비했다."
    kinds = {sentence[p.start : p.end]: p.kinds for p in phrases.candidates(sentence, analyzer.morphemes(sentence))}
    assert "quoted" in kinds["포스트 코로나"]
    # A stock code, a footnote and a story label in brackets are no names.
    for sentence in ("대성전자[005930]는 2분기 영업이익이 늘었다.", "[단독] 카카오는 새 서비스를 출시했다.", "사실이다.[1]"):
        found = phrases.candidates(sentence, analyzer.morphemes(sentence))
        assert not any("quoted" in p.kinds for p in found), sentence


def test_of_and_conjoined_phrases(analyzer):
    found = texts(analyzer, "마이크는 공기의 진동을 감지하고 카카오와 SK텔레콤이 만든 제품이다.")
    assert "공기의 진동" in found and "카카오와 SK텔레콤" in found


def test_enumerations_are_whole_lists():
    sentence = "협력 분야는 △AI △ESG △지식재산권 등이다. 구글, 유튜브, 넷플릭스 등이 있다."
    spans = [sentence[a:b] for a, b in phrases.enumerations(sentence)]
    assert spans == ["△AI △ESG △지식재산권", "구글, 유튜브, 넷플릭스"]
    assert phrases.enumerated_items(sentence) == ["AI", "ESG", "지식재산권", "구글", "유튜브", "넷플릭스"]


def test_an_item_of_a_list_closed_by_deung_belongs_to_the_whole_list():
    sentence = "몸집을 키우는 구글, 유튜브, 넷플릭스 등 글로벌 빅테크에 대응한다. 쌀밥과 김치볶음밥, 된장국 등이 나왔다."
    for item, listed in (("유튜브", "구글, 유튜브, 넷플릭스"), ("넷플릭스", "구글, 유튜브, 넷플릭스"),
                         ("쌀밥", "쌀밥과 김치볶음밥, 된장국")):
        at = sentence.index(item)
        found = phrases.enumeration_of(sentence, at, at + len(item))
        assert found is not None and sentence[found[0] : found[1]] == listed
    at = sentence.index("넷플릭스")
    assert phrases.enumeration_of(sentence, at, at + 2) is None  # part of an item is no item
    found = phrases.enumeration_of(sentence, at, at + len("넷플릭스 등"))  # the last item with 등 closing the list
    assert found is not None and sentence[found[0] : found[1]] == "구글, 유튜브, 넷플릭스"
    plain = "김포, 파주시, 강화도 상공에서 관측됐다."  # no 등: a list not marked as examples
    assert phrases.enumeration_of(plain, 4, 7) is None


@pytest.mark.parametrize(
    "sentence,items",
    [
        ("저녁식사로 제공된 쌀밥과 김치볶음밥, 된장국 등을 비웠다.", ["쌀밥", "김치볶음밥", "된장국"]),  # 과 opens it
        ("네이버는 신세계 및 CJ대한통운, 쿠팡 등과 겨룬다.", ["신세계", "CJ대한통운", "쿠팡"]),
        ("날아다닌 구간은 김포, 파주시, 강화도 상공이다.", ["김포", "파주시", "강화도"]),  # three words, no 등
        ("그는 하지만, 결국 포기했다.", []),  # two words between commas are a clause, not a list
        ("결과 원인, 이유 등이 있다.", ["원인", "이유"]),  # the 과 of 결과 joins nothing
        ("관람객은 1,234,567명으로 늘었다.", []),  # thousands separators
        ("행사는 서울, 부산, 대구에서 열린다.", ["서울", "부산", "대구"]),  # the last item without its particle
        ("△성과 공유 △인력 교류 등을 약속했다.", ["성과 공유", "인력 교류"]),  # 과 inside a bullet item
        # the list goes on past 뿐만 아니라, its last items closed by 까지 or 도
        ("철강, 조선, 화학 분야뿐만 아니라 최근에는 바이오, 반도체까지 넓혔다.", ["철강", "조선", "화학", "바이오", "반도체"]),
        ("사과, 배, 감뿐 아니라 포도, 귤까지 수입한다.", ["사과", "배", "감", "포도", "귤"]),
        ("가격, 디자인, 성능뿐만 아니라 속도 면에서도 앞선다.", ["가격", "디자인", "성능"]),  # 도 closes no item
        ("△수출 △물류 등뿐만 아니라 금융까지 맡는다.", ["수출", "물류", "금융"]),
        ("사과, 배, 감 등을 판다. 그뿐만 아니라 포도도 판다.", ["사과", "배", "감"]),  # another sentence's 뿐
    ],
)
def test_lists_opened_by_a_conjunction_or_without_a_closing_word(sentence, items):
    assert phrases.enumerated_items(sentence) == items


def test_names_an_article_sets_in_single_quotes(analyzer):
    """A name in single quotes is one Kiwi reads as a proper noun or Latin letters, or one the article gives an owner
    or a kind just before; words quoted for emphasis, speech in double quotes and quoted sentences are none."""
    text = ("‘라이벌’서 ‘파트너’로 바뀌었다. SKT의 ‘플로’는 카카오의 ‘멜론’을 추격한다. 그는 “협력이 매우 의미 깊다”고 "
            "말했다. 인증 서비스 ‘패스’를 선보였다. 사업은 ‘검토 중’이다. It's a 'big deal'.")
    assert phrases.quoted_names(text, analyzer) == frozenset({"플로", "멜론", "패스", "big deal"})


@pytest.mark.parametrize("sentence,noun,examples", [
    ("△철강 △조선 △화학 등 다양한 형태의 수출 품목을 늘렸다.", "품목", ["철강", "조선", "화학"]),
    ("대기업, 중견기업 등 국내 제조 기업의 설비 투자를 돕는다.", "기업", ["대기업", "중견기업"]),
    ("대기업, 중견기업 등을 만나고 수출 품목을 늘렸다.", "품목", []),  # another clause's noun
    ("대기업, 중견기업 등 국내 제조 기업의 설비 투자를 돕는다.", "제조", []),  # not the phrase's marked head
    ("삼성, 엘지 등 대기업이 만든 제품을 샀다.", "제품", []),  # the examples are of 대기업, not of 제품
    ("서울, 부산 등 대도시를 돈다.", "시", []),  # a one-syllable noun inside another word
])
def test_examples_listed_before_a_noun(sentence, noun, examples):
    assert phrases.examples_of(sentence, noun) == examples
