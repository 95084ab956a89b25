"""Definitions (real Kiwi): which questions ask what a term is, and where a sentence says it."""

from __future__ import annotations

import pytest

from qa.definition import defined_term, definition, described_kind, named_by


@pytest.mark.parametrize("question, term", [
    ("하이퍼클로바가 뭐야?", "하이퍼클로바"),
    ("콜드체인 풀필먼트는 무엇인가요?", "콜드체인 풀필먼트"),
    ("그 메타버스라는 게 뭔데?", "메타버스"),
    ("메타버스란?", "메타버스"),
    ("Big Tech 뜻", "Big Tech"),
    ("ESG의 의미는?", "ESG"),
    ("ESG는 무슨 뜻이야?", "ESG"),
    ("탄소중립이란?", "탄소중립"),  # 이란 read as a particle
    ("CBDC란 무엇인가요?", "CBDC"),
    # … pressed by an adverb that does not change what is asked.
    ("풀필먼트가 정확히 뭔데요?", "풀필먼트"),
    ("메타버스는 도대체 뭐야?", "메타버스"),
    # … or asking what it does.
    ("팬데믹 극복 AI는 뭐 하는 거야?", "팬데믹 극복 AI"),
    ("팬데믹 극복 AI는 뭘 해주는 건데?", "팬데믹 극복 AI"),
    ("팬데믹 극복 AI는 뭐 하시는 거예요?", "팬데믹 극복 AI"),
    # … and as a request to explain.
    ("NFT 뜻 알려줘", "NFT"),
    ("스테이블코인이 뭔지 알려줘", "스테이블코인"),
    ("RE100 개념 설명해줘", "RE100"),
    ("탄소중립이 무엇인지 알려줄래?", "탄소중립"),
    # Questions asking a name, an attribute or what someone did are not definitions.
    ("협의체 이름이 뭐야?", None),
    ("지분교환 규모가 뭐야?", None),
    ("네이버가 인수한 회사가 뭐야?", None),
    ("카카오가 뭐 했어?", None),
    ("네이버는 뭐 한 거야?", None),
    ("네이버는 뭐 할 거야?", None),
    ("카카오 점유율 알려줘", None),
    ("협의체 이름이 정확히 뭐야?", None),
])
def test_questions_asking_what_a_term_is(analyzer, question, term):
    assert defined_term(question, analyzer.morphemes(question)) == term


@pytest.mark.parametrize("term, sentence, said", [
    # A gloss in parentheses after the term, or the quoted name it ends on.
    ("Big Tech", "미국의 Big Tech(거대 정보기술 기업)가 시장을 장악했다.", "거대 정보기술 기업"),
    ("콜드체인", "쿠팡은 콜드체인(냉장·냉동 상태로 유통하는 ‘저온 유통 체계’) 센터를 연다.", "저온 유통 체계"),
    # A sentence about the term closing on a copula, or on a defining verb.
    ("하이퍼클로바", "하이퍼클로바는 네이버가 개발한 초대규모 한국어 언어 모델이다.", "네이버가 개발한 초대규모 한국어 언어 모델"),
    ("메타버스", "메타버스란 가상과 현실이 융합된 공간을 말한다.", "가상과 현실이 융합된 공간"),
    ("ESG", "ESG는 환경·사회·지배구조를 의미한다.", "환경·사회·지배구조"),
    ("ESG", "카카오와 SKT는 환경‧사회‧지배구조(ESG) 분야에서 협력한다.", "환경‧사회‧지배구조"),  # what it abbreviates
    ("공매도", "공매도(空賣渡)는 주식을 빌려서 파는 투자 기법이다.", "주식을 빌려서 파는 투자 기법"),  # hanja skipped
    # An alias, a photo note, a title, a spelling in Latin letters, a forecast or a stage, a sentence saying something
    # else of the term: no definition.
    ("SK텔레콤", "SK텔레콤(이하 SKT)은 우버와 손잡았다.", None),
    ("이재용", "이재용(사진) 회장은 말했다.", None),
    ("삼성전자", "삼성전자(대표 한종희)는 신제품을 냈다.", None),
    ("메타버스", "메타버스는 올해 시장 규모가 50조원에 이를 전망이다.", None),
    ("메타버스", "메타버스는 아직 초기 단계다.", None),
    ("세종", "세종(Sejong)은 한글을 만들었다.", None),
    ("하이퍼클로바", "네이버는 하이퍼클로바를 공개했다.", None),
    ("하이퍼클로바", "하이퍼클로바는 지난해 공개됐다.", None),
])
def test_where_a_sentence_defines_the_term(analyzer, term, sentence, said):
    found = definition(term, sentence, analyzer)
    assert (sentence[found[0] : found[1]] if found else None) == said


@pytest.mark.parametrize("question, kind", [
    ("탄소 배출량을 실시간으로 보여주는 플랫폼은 이름이 뭐야?", "플랫폼"),
    ("중소기업 수출을 돕는 제도의 이름은 무엇인가요?", "제도"),
    ("주문 다음 날 물건을 받는 서비스를 뭐라고 불러?", "서비스"),
    ("주문 다음 날 물건을 받는 서비스는 뭐라고 해?", "서비스"),
    ("사고 위험을 알려주는 AI 이름이 뭐였지?", "AI"),
    ("우회 경로를 안내하는 AI 솔루션은 이름이 뭐야?", "솔루션"),  # the last noun of the kind's run
    # A name asked of a kind no clause describes may end on the kind itself: not a described thing.
    ("협의체 이름이 뭐야?", None),
    ("카카오 인증 서비스 이름은?", None),
    ("그 서비스 이름 뭐야?", None),
    ("실시간으로 보여주는 플랫폼은 어디가 만들어?", None),  # no name asked
])
def test_a_described_thing_whose_name_is_asked(analyzer, question, kind):
    assert described_kind(analyzer.morphemes(question)) == kind


@pytest.mark.parametrize("kind, sentence, term", [
    ("플랫폼", "‘탄소맵’은 기업의 탄소 배출량을 실시간으로 보여주는 플랫폼이다.", "탄소맵"),
    ("AI", "안전 지킴이 AI는 공사 현장의 사고 위험을 알려주는 솔루션이다.", "안전 지킴이 AI"),  # the term ends on it
    ("제도", "수출바우처는 중소기업의 수출 비용을 지원하는 제도다.", "수출바우처"),
    ("플랫폼", "탄소맵은 올해 하반기 출시될 예정이다.", None),  # no definition
    ("플랫폼", "탄소맵은 기업의 탄소 배출량을 보여주는 서비스다.", None),  # defined as another kind
    ("플랫폼", "회사는 탄소맵이 배출량을 보여주는 플랫폼이라고 설명했다.", None),  # does not open on the term
    ("서비스", "해당 서비스는 배출량을 보여주는 서비스다.", None),  # pointing back, no name
    ("협의체", "이번 협의체는 세 회사가 참여하는 협의체다.", None),
    ("플랫폼", "플랫폼은 판매자와 구매자를 잇는 플랫폼이다.", None),  # the kind itself
])
def test_where_a_sentence_names_a_thing_of_the_kind(analyzer, kind, sentence, term):
    found = named_by(kind, sentence, analyzer)
    assert (sentence[found[0] : found[1]] if found else None) == term


def test_an_owners_attribute_is_defined_with_words_between(analyzer):
    """"쿠팡 장점이 뭐야?" against "쿠팡의 최대 장점은 …라는 점이다": 의 and a word between owner and attribute."""
    sentence = "쿠팡의 최대 장점은 온라인 플랫폼과 오프라인 물류센터가 직계로 연결돼 있다는 점이다."
    start, end = definition("쿠팡 장점", sentence, analyzer)
    assert sentence[start:end] == "온라인 플랫폼과 오프라인 물류센터가 직계로 연결돼 있다는 점"
    assert definition("네이버 장점", sentence, analyzer) is None
