"""The span reader with the fitted weights: the phrase of an evidence sentence that fills the asked slot."""

from __future__ import annotations

import pytest

from qa.question import analyse
from qa.reader import PhraseReader
from qa.weights import Weights


@pytest.fixture(scope="module")
def reader(analyzer):
    return PhraseReader(analyzer, Weights.load().span)


@pytest.mark.parametrize(
    "question,sentence,answer",
    [
        ("그 공장은 언제 문을 열었어?", "그 공장은 지난해 10월 경기도 군포에서 문을 열었다.", "지난해 10월"),
        ("회사의 직원은 몇 명이야?", "이 회사는 직원 1,200명에 연 매출 3,000억원을 올렸다.", "1,200명"),
        ("매출은 얼마야?", "이 회사는 직원 1,200명에 연 매출 3,000억원을 올렸다.", "3,000억원"),
        ("대통령은 누구를 특별사면했는가?", "대통령은 2009년 12월 29일 이건희 전 회장을 단독으로 특별사면했다.", "이건희"),
        ("새 박물관을 설계한 건축가는?", "새 박물관은 건축가 이서진이 설계했으며 2004년 문을 열었다.", "이서진"),
        ("두 회사가 함께 출범시킨 서비스의 이름은?", "SKT는 우버와 손잡고 ‘우티’라는 합작 서비스를 출범시켰다.", "우티"),
        ("스마트폰 판매량 2위는?", "삼성전자가 1위, 애플이 2위, 샤오미가 3위를 기록했다.", "애플"),  # a rank's holder
    ],
)
def test_the_span_that_fills_the_asked_slot_ranks_first(reader, analyzer, question, sentence, answer):
    spans = reader.read(analyse(question, analyzer), sentence)
    assert spans[0].text == answer, [(s.text, round(s.probability, 2)) for s in spans[:3]]
    assert sentence[spans[0].start : spans[0].end] == answer


def test_spans_made_of_the_questions_own_words_are_no_answer(reader, analyzer):
    question = analyse("한빛제철이 설립된 해는?", analyzer)
    spans = reader.read(question, "한빛제철은 1968년 포항에서 설립되었다.")
    assert spans[0].text == "1968년" and "한빛제철" not in {s.text for s in spans}
    # The question's words in another order are still its own: "다른 공동대표" is not "카카오 공동대표".
    spans = reader.read(analyse("여민수 말고 카카오 다른 공동대표는 누구야?", analyzer), "여민수 카카오 공동대표는 말했다.")
    assert not {"카카오 공동대표", "여민수", "카카오"} & {s.text for s in spans}
    # Whole words only: 카카오 is not a word of "카카오모빌리티의 모회사는?".
    spans = reader.read(analyse("카카오모빌리티의 모회사는 어디야?", analyzer), "카카오모빌리티의 모회사는 카카오다.")
    assert "카카오" in {s.text for s in spans}
    # A name the article quotes whole is its own, though made of the question's words, unless the question spells it.
    sentence = "대성은 자사의 메신저를 기반으로 하는 인증 서비스 ‘대성 인증서’를 내놨다."
    spans = reader.read(analyse("대성이 내놓은 인증서 이름은?", analyzer), sentence)
    assert spans[0].text == "대성 인증서"
    assert "대성 인증서" not in {s.text for s in reader.read(analyse("대성 인증서가 뭐야?", analyzer), sentence)}


def test_a_noun_pointing_back_to_a_company_is_no_answer(reader, analyzer):
    """"자사", "양사" stand for a company named before them; the answer is what the sentence gives, not the pointer."""
    sentence = "대성은 자사가 운영하는 지도 앱을 중심으로 ‘대성 택시’를 선보였지만 최근 양사가 손을 뗐다."
    spans = reader.read(analyse("대성이 선보인 택시 서비스 이름이 뭐야?", analyzer), sentence)
    texts = {s.text for s in spans}
    assert spans and not {"자사", "양사", "최근 양사"} & texts, [s.text for s in spans[:5]]
    # 당사 is also a party's headquarters (黨舍): a place, kept.
    spans = reader.read(analyse("노조는 어디 앞에서 집회를 열었어?", analyzer), "노조는 여의도 한빛당 당사 앞에서 집회를 열었다.")
    assert any(s.text.endswith("당사") for s in spans), [s.text for s in spans[:5]]


def test_a_choice_between_the_questions_names_is_answered_by_one_of_them(reader, analyzer):
    question = analyse("한빛제철과 대성중공업 가운데 어느 곳이 먼저 설립됐어?", analyzer)
    spans = reader.read(question, "대성중공업은 1962년, 한빛제철은 1968년에 설립되었다.")
    assert {"한빛제철", "대성중공업"} <= {s.text for s in spans}


@pytest.mark.parametrize("question,answer", [("을지제약의 매출은?", "310억원"), ("갑을상사 매출은 얼마야?", "420억원")])
def test_a_value_is_read_from_the_clause_that_names_what_was_asked(reader, analyzer, question, answer):
    spans = reader.read(analyse(question, analyzer), "을지제약이 310억원, 갑을상사가 420억원의 매출을 올렸다.")
    assert spans[0].text == answer, [(s.text, round(s.probability, 2)) for s in spans[:3]]


def test_whose_noun_the_answer_stands_before(reader, analyzer):
    """"누구 추산이야?" asks whose 추산: the name right before 추산 (or 의 추산) in the sentence."""
    question = analyse("택시 호출 점유율은 누구 추산이야?", analyzer)
    assert question.owned == "추산"
    sentence = "한국소비자원 추산에 따르면 이 회사는 국내 택시 호출 시장에서 점유율 40%를 기록했다."
    features = {c.text: c.features for c in reader.candidates(question, sentence)}
    assert features["한국소비자원"].get("owned_follows") == 1.0 and "owned_follows" not in features["국내"]
    assert reader.read(question, sentence)[0].text == "한국소비자원"


def test_a_sentence_pairing_topics_with_their_things(reader, analyzer):
    """"A사는 X, B사는 Y": a span in B사's clause is about B사, one in A사's is about the other of the pair."""
    question = analyse("한빛통신 쪽 인증 서비스는 뭐야?", analyzer)
    sentence = "대성전자는 자사 메신저 기반의 ‘대성 인증’, 한빛통신은 통신사들과 함께 ‘패스키’로 경쟁 중이다."
    features = {c.text: c.features for c in reader.candidates(question, sentence)}
    assert features["패스키"].get("topic_asked") == 1.0 and "topic_other" not in features["패스키"]
    assert features["대성 인증"].get("topic_other") == 1.0
    single = {c.text: c.features for c in reader.candidates(question, "한빛통신은 ‘패스키’를 내놓았다.")}
    assert not {"topic_asked", "topic_other"} & set(single["패스키"])  # one topic: nothing is paired


def test_a_span_ending_inside_a_word_is_marked(reader, analyzer):
    """A date pattern takes "1980년" out of "1980년대"; a name Kiwi splits into morphemes sharing offsets is whole."""
    question = analyse("언제 사라졌어?", analyzer)
    features = {c.text: c.features for c in reader.candidates(question, "쥐트슐라이페는 1980년대 보수로 사라졌다.")}
    assert features["1980년"].get("cuts_morpheme") == 1.0 and "cuts_morpheme" not in features["1980년대"]
    named = {c.text: c.features for c in reader.candidates(analyse("누가 연출했어?", analyzer), "박칼린이 연출했다.")}
    assert all("cuts_morpheme" not in f for f in named.values())


def test_parentheses_after_the_asked_word_gloss_it(reader, analyzer):
    question = analyse("After Disease 뜻", analyzer)
    sentence = "두 약어는 Before Corona(코로나 이전)와 After Disease(질병 이후)로 바뀌어 불렸다."
    features = {c.text: c.features for c in reader.candidates(question, sentence)}
    assert features["질병 이후"].get("in_gloss") == 1.0 and "in_gloss" not in features["코로나 이전"]


def test_a_description_before_a_name_is_not_part_of_the_answer(reader, analyzer):
    question = analyse("보고서를 낸 조사기관은 어디야?", analyzer)
    sentence = "시장조사기관 한빛리서치는 지난달 보고서를 냈다."
    features = {c.text: c.features for c in reader.candidates(question, sentence)}
    assert features["시장조사기관 한빛리서치"].get("descriptor_before_name") == 1.0
    assert "descriptor_before_name" not in features["한빛리서치"]


def test_asking_for_the_words_said_prefers_what_is_quoted(reader, analyzer):
    """"뭐라고 썼어?" asks for the words written: the quoted ‘Dokdo’, not the outlet that wrote them."""
    question = analyse("방송사가 지도에 뭐라고 썼어?", analyzer)
    assert question.says and not analyse("방송사가 지도에 뭘 썼어?", analyzer).says
    sentence = "한 방송사는 중계 화면의 지도에 ‘Dokdo’라고 적어 논란이 됐다."
    features = {c.text: c.features for c in reader.candidates(question, sentence)}
    assert features["Dokdo"]["says*quoted"] == 1.0 and features["방송사"]["says*quoted"] == 0.0
    assert reader.read(question, sentence)[0].text == "Dokdo"


def test_a_date_inside_a_longer_phrase_is_still_a_date(reader, analyzer):
    """"2019년" of "지난 2019년 500억원 규모" is a date though the longest date match there is "지난 2019년", and
    "10월" of "지난해 10월 …" a date, not an amount: a question asking how much is not answered by a month."""
    question = analyse("두 회사가 합병한 건 언제야?", analyzer)
    sentence = "두 회사는 지난 2019년 500억원 규모의 합병을 마쳤다."
    classes = {c.text: c.classes for c in reader.candidates(question, sentence)}
    assert "date" in classes["2019년"] and "date" in classes["지난 2019년"]
    assert "date" not in classes["2019년 500억원 규모"] and "amount" in classes["500억원"]
    assert "date" in {c.text: c.classes for c in reader.candidates(question, "그는 지난해 10월 입사했다.")}["10월"]
    assert reader.read(question, sentence)[0].text in ("2019년", "지난 2019년")



def test_the_source_a_sentence_cites_is_marked(reader, analyzer):
    """"X에 따르면", "X 추산에 따르면", "X에 의하면": X is who says it, asked only when a question asks a source."""
    question = analyse("택시 호출 점유율 1위는 어디야?", analyzer)
    sentence = "시장조사기관 한빛리서치에 따르면 택시 호출 점유율 1위는 대성택시로 집계됐다."
    features = {c.text: c.features for c in reader.candidates(question, sentence)}
    assert features["한빛리서치"].get("attributed") == 1.0
    assert not {"attributed_owned", "attributed_reported"} & set(features["한빛리서치"])  # the source is not asked
    assert "attributed" not in features["대성택시"]
    owned = analyse("택시 호출 점유율은 누구 추산이야?", analyzer)
    sentence = "한국소비자원 추산에 의하면 이 회사의 점유율은 40%다."
    features = {c.text: c.features for c in reader.candidates(owned, sentence)}
    assert features["한국소비자원"].get("attributed_owned") == 1.0
    surveyed = analyse("택시 호출 점유율 조사한 곳이 어디야?", analyzer)  # a question about the reporting
    sentence = "시장조사기관 한빛리서치에 따르면 택시 호출 점유율 1위는 대성택시로 집계됐다."
    assert {c.text: c.features for c in reader.candidates(surveyed, sentence)}["한빛리서치"].get(
        "attributed_reported") == 1.0
    figure = analyse("한빛리서치 조사로 택시 호출 점유율 1위는 몇 %야?", analyzer)  # the figure is asked, not who
    assert "attributed_reported" not in {c.text: c.features for c in reader.candidates(figure, sentence)}["한빛리서치"]
    under = {c.text: c.features for c in reader.candidates(question, "개정 법률에 따라 대성택시가 1위에 올랐다.")}
    assert "attributed" not in under["개정 법률"]  # "에 따라": under a law, not according to a source


def test_the_particle_of_a_quoted_name_follows_its_closing_mark(reader, analyzer):
    """"미국의 ‘우버’와 손잡고": 우버 takes 와 (the 랑 asked) and ends its word at the mark; 미국 takes 의."""
    question = analyse("SKT는 어디랑 손잡았어?", analyzer)
    features = {c.text: c.features for c in reader.candidates(question, "SKT는 미국의 ‘우버’와 손잡고 ‘우티’를 출범시켰다.")}
    assert features["우버"].get("particle_match") == 1.0 and "glued_after" not in features["우버"]
    assert "particle_match" not in features["미국"]
    bracketed = {c.text: c.features for c in reader.candidates(
        analyse("진보신당 대회는 어디서 열렸어?", analyzer), "준비위원회(이하 창준위)는 원불교회관에서 대회를 열었다.")}
    assert "particle_after" not in bracketed["창준위"]  # 는 is the phrase's before the bracket, not the gloss's
    assert "thing*after_를" in {c.text: c.features for c in reader.candidates(
        analyse("SKT는 무엇을 출범시켰어?", analyzer), "SKT는 미국의 ‘우버’와 손잡고 ‘우티’를 출범시켰다.")}["우티"]


def test_the_noun_of_a_predicate_and_a_word_before_a_comma_are_told_apart(reader, analyzer):
    """"펀드를 조성해": 조성 is the noun of a verb; "중소기업, 스타트업": a comma ends 중소기업 as a word."""
    question = analyse("펀드 지원 대상은?", analyzer)
    sentence = "회사는 펀드를 조성해 중소기업, 스타트업 등 혁신 기업을 지원한다."
    features = {c.text: c.features for c in reader.candidates(question, sentence)}
    assert features["조성"].get("verbal_noun") == 1.0
    assert "verbal_noun" not in features["중소기업"] and "glued_after" not in features["중소기업"]
    assert "verbal_noun" not in features["펀드"]


def test_a_name_the_article_quotes_is_a_name_where_it_stands_bare(reader, analyzer):
    """Kiwi reads 망고 as the fruit; the article's ‘망고’ elsewhere makes the bare word a proper name."""
    question = analyse("점유율 1위는 어디야?", analyzer)
    sentence = "점유율 1위는 망고로 집계됐다."
    assert "proper" not in {c.text: c.classes for c in reader.candidates(question, sentence)}["망고"]
    named = {c.text: c.classes for c in reader.candidates(question, sentence, frozenset({"망고"}))}
    assert "proper" in named["망고"] and "common" not in named["망고"]


def test_an_amount_asked_in_a_unit_is_answered_in_it(reader, analyzer):
    """"몇 %야?" is answered by the share, not by the head count or the bare number beside it."""
    question = analyse("독감 백신을 맞은 사람은 전체 인구의 몇 %야?", analyzer)
    sentence = "전체 인구의 31.4%인 1600만여명이 독감 백신을 맞았다."
    read = [c.text for c in reader.read(question, sentence)]
    assert read[0] == "31.4%" and "1600만여명" not in read
    counted = analyse("독감 백신을 맞은 사람은 몇 명이야?", analyzer)
    assert reader.read(counted, sentence)[0].text == "1600만여명"


def test_whose_the_asked_thing_is_only_when_it_is_what_the_question_is_about(reader, analyzer):
    """"대성의 ‘패스키’" answers "패스키는 어느 회사 서비스야?"; "대성의 ‘한빛’" does not answer what 한빛 and 가온
    founded, though 한빛 is one of the question's words."""
    owner = analyse("패스키는 어느 회사 서비스야?", analyzer)
    sentence = "대성의 ‘패스키’가 시장 1위다."
    assert {c.text: c.features for c in reader.candidates(owner, sentence)}["대성"].get("owns_asked") == 1.0
    run = analyse("패스키를 운영하는 회사는 어디야?", analyzer)  # what the question asks the owner of, as an object
    assert {c.text: c.features for c in reader.candidates(run, "대성의 ‘패스키’가 시장 1위다.")}["대성"].get(
        "owns_asked") == 1.0
    founded = analyse("가온과 한빛이 세운 합작회사 이름은?", analyzer)
    sentence = "가온은 미국의 ‘한빛’과 손잡고 합작회사 ‘가한’을 세웠다."
    assert "owns_asked" not in {c.text: c.features for c in reader.candidates(founded, sentence)}["미국"]


@pytest.mark.parametrize("question", ["한빛제철이 설비 들인 게 몇 년도야?", "한빛제철 설비 도입 몇년도에?"])
def test_a_date_question_is_answered_by_a_date_not_the_figure_beside_it(reader, analyzer, question):
    sentence = "한빛제철은 지난 2018년 500억원 규모의 설비를 들여 생산을 늘렸다."
    spans = reader.read(analyse(question, analyzer), sentence)
    assert spans and "date" in spans[0].classes and "억원" not in spans[0].text
    # the amount ("2018년 500억원 규모", "500억원") is not offered at all: it only ever wins by a hair
    assert not [s.text for s in spans if "500억" in s.text]


def test_a_clock_time_is_a_date_questions_answer(reader, analyzer):
    spans = reader.read(analyse("행사는 몇 시에 시작해?", analyzer), "행사는 3월 15일 오후 3시에 시작한다.")
    assert spans and spans[0].text == "3월 15일 오후 3시"
