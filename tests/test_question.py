"""Question analysis: the answer type, the focus noun, the particle and predicate around the asked slot."""

from __future__ import annotations

import pytest

from qa.question import AnswerType, analyse


@pytest.mark.parametrize(
    "question,expected",
    [
        ("쿠팡이 대구 물류센터에 투자한 금액은 얼마야?", AnswerType.AMOUNT),
        ("그 회사 직원은 몇 명이야?", AnswerType.AMOUNT),
        ("택시 호출 점유률이 얼마나 돼?", AnswerType.AMOUNT),  # typo
        ("새 물류센터는 언제 문을 열어?", AnswerType.DATE),
        ("조약이 체결된 해는?", AnswerType.DATE),
        ("헌법이 개정된 연도는 몇 년도인가?", AnswerType.DATE),
        ("협회를 처음 만든 인물은?", AnswerType.PERSON),
        ("그 법안을 발의한 사람은 누구인가?", AnswerType.PERSON),
        ("계약을 따낸 회사는?", AnswerType.ORG),
        ("정상회담이 열린 도시는 어디야?", AnswerType.PLACE),
        ("선수단이 처음 방문한 나라는?", AnswerType.PLACE),
        ("합병이 무산된 이유는?", AnswerType.REASON),
        ("왜 공장을 옮겼어?", AnswerType.REASON),
        ("새로 내놓은 서비스의 이름은?", AnswerType.THING),
        ("그가 주장한 이론은 무엇인가?", AnswerType.THING),
        ("이 회사는 해외 공장을 갖고 있어?", AnswerType.YESNO),
        ("이 기사를 쓴 기자는 누구야?", AnswerType.AUTHOR),
        ("시사위크 기자 이름 뭐야?", AnswerType.AUTHOR),  # the reporter, without saying "기사"
        ("그 기자가 쓴 기사 언제 승인됐어?", AnswerType.PUBLISHED),  # names the reporter, asks the date
        ("기자회견에서 발표한 사람은 누구야?", AnswerType.PERSON),
        ("이 기사는 어느 언론사 기사야?", AnswerType.OUTLET),
        ("이 기사는 언제 나왔어?", AnswerType.PUBLISHED),
        ("이 기사 어디서 나온 거야?", AnswerType.OUTLET),  # where an article came out: its outlet
        ("어디서 낸 기사야?", AnswerType.OUTLET),
        ("기사에서 그 회사는 어디서 나온 제품을 팔아?", AnswerType.PLACE),  # 어디서 in the content
        ("그 기사 몇 시에 나왔어?", AnswerType.PUBLISHED),
        ("기사에 따르면 사고는 몇 시에 났어?", AnswerType.DATE),  # the time of what the article reports
        ("기사에 나온 정전은 몇 시간 이어졌어?", AnswerType.AMOUNT),  # a duration
        ("그 기사 제목이 뭐야?", AnswerType.TITLE),
        ("경제 기사 기자?", AnswerType.AUTHOR),  # a keyword query ending on the field it asks
        ("이 기사에 나온 기자회견 장소", AnswerType.PLACE),
        ("기사에서 인터뷰한 사람은 현직 기자?", AnswerType.PERSON),  # about the content, not who wrote it
        ("수출 1위는 어디야?", AnswerType.PLACE),  # who or where holds a rank, not the rank's figure
        ("매출 1위 기업은 어디야?", AnswerType.ORG),
        ("지분율 최대 주주는 누구야?", AnswerType.PERSON),
        ("지분율 1위는 몇 %야?", AnswerType.AMOUNT),
        ("지난해 스마트폰 판매량 2위는?", AnswerType.THING),  # the rank is given: its holder is asked
        ("라면 시장 점유율 1위", AnswerType.THING),
        ("그 팀은 리그 몇 위야?", AnswerType.AMOUNT),  # the rank asked
        ("택시 호출 점유율 어느 정도야?", AnswerType.AMOUNT),  # "어느 정도": how much, not which one
        ("카카오모빌리티 대표 이름이 뭐야?", AnswerType.PERSON),  # a name, typed by the noun before it
        ("그 회사 이름이 뭐야?", AnswerType.ORG),
        ("인증서 서비스 이름 뭐야?", AnswerType.THING),
    ],
)
def test_answer_types(analyzer, question, expected):
    assert analyse(question, analyzer).type == expected


def test_questions_about_the_news_are_not_questions_about_the_article(analyzer):
    """Without "기사", an outlet or a reporter is content: "…를 처음 보도한 언론사는?" asks which outlet reported it."""
    assert analyse("그 사건을 처음 보도한 언론사는?", analyzer).type == AnswerType.ORG


@pytest.mark.parametrize(
    "question,focus,particle",
    [
        ("어떤 시위를 주도했나?", "시위", "를"),
        ("민간 인증서 시장에서 SKT는 어떤 서비스로 경쟁해?", "서비스", "로"),  # Kiwi reads 어떤 as 어떻 + ᆫ here
        ("최근 개관한 박물관의 이름은?", "이름", None),
        ("대회에 참가한 선수는 누구인가?", "선수", None),
        ("그는 누구를 사면했는가?", None, "를"),
        ("회의는 어디에서 열렸어?", None, "에서"),
        ("협력 분야는?", "분야", None),
        ("음원 앱 점유율 각각 알려줘", "점유율", None),
        ("같이 사려다 무산된 회사 어디?", "회사", None),  # talk drops the particle before the question word
        ("그 기사 쓴 사람 누구야?", "사람", None),
        # a noun of another category than the one asked is what the question is about, not the answer's head
        ("지분교환 규모는 언제야?", None, None),
        ("설립 시기는 언제야?", "시기", None),
    ],
)
def test_focus_noun_and_particle_of_the_asked_slot(analyzer, question, focus, particle):
    q = analyse(question, analyzer)
    assert (q.focus, q.particle) == (focus, particle)


def test_predicate_of_the_asked_slot(analyzer):
    assert "사면" in analyse("그는 누구를 사면했는가?", analyzer).predicate
    assert "세우다" in analyse("공장을 세운 회사는?", analyzer).predicate or "세우" in analyse("공장을 세운 회사는?", analyzer).predicate


def test_units_and_lists(analyzer):
    assert analyse("직원은 몇 명이야?", analyzer).units == ("명",)
    assert "원" in analyse("이용료는 얼마야?", analyzer).units
    # The counter after 몇 is the unit, whatever the rest says (a misspelt 점유률 names no unit of its own).
    assert "%" in analyse("그 앱 점유률 몇프로엿어?", analyzer).units
    assert "달러" in analyse("그 그림은 몇 달러에 팔렸어?", analyzer).units
    assert analyse("두 앱 점유율 각각 알려줘", analyzer).wants_list
    assert analyse("어떤 회사들이 참여했어?", analyzer).wants_list
    assert not analyse("점유율은 몇 퍼센트야?", analyzer).wants_list


def test_key_terms_drop_question_words(analyzer):
    q = analyse("카카오랑 SKT가 지분 바꾼 게 얼마짜리야?", analyzer)
    assert {"카카오", "skt", "지분"} <= set(q.key_terms)
    assert not {"얼마", "얼마짜리", "짜리"} & set(q.key_terms)
    assert q.entities == ["카카오", "skt"]


@pytest.mark.parametrize("question", ["예전에 카카오랑 SKT가 지분 바꾼 적 있지?", "요즘 카카오랑 SKT가 지분 바꿨어?",
                                      "아까 말한 카카오랑 SKT 지분 교환 언제야?"])
def test_the_speakers_time_is_no_search_term(analyzer, question):
    """"예전에", "요즘", "아까" place the question in the speaker's time: an article's word for it is no evidence."""
    q = analyse(question, analyzer)
    assert {"카카오", "skt", "지분"} <= set(q.key_terms)
    assert not {"예전", "요즘", "아까"} & set(q.key_terms)


@pytest.mark.parametrize("question, category", [("한강대교가 처음 개통한 해는?", "해"), ("초대 총장을 지낸 인물은?", "인물"),
                                                ("그 공장을 사들인 회사는 어디야?", "회사"), ("정상회담이 열린 날짜는 언제야?", "날짜")])
def test_a_focus_naming_the_answers_category_is_not_a_term_the_evidence_states(analyzer, question, category):
    """The sentence that answers "…개통한 해는?" says "1917년에 개통", not 해: the category word is searched for but
    not counted as a term the answering sentence must state."""
    q = analyse(question, analyzer)
    assert category in q.key_terms and category not in q.stated_terms
    assert set(q.stated_terms) == set(q.key_terms) - {category}


@pytest.mark.parametrize("question, focus", [("두 회사의 협력 분야는?", "분야"), ("협상을 이끈 대표는 누구야?", "대표"),
                                             ("우승을 차지한 구단은?", "구단"),
                                             ("기업 인수를 주도한 기업은 어디야?", "기업")])  # the topic's word too
def test_a_kind_or_a_title_asked_for_is_a_term_the_evidence_states(analyzer, question, focus):
    """"협력 분야는?" is answered by "△AI △ESG 등의 분야", "대표는 누구야?" by "여민수 카카오 공동대표": a thing's kind
    and a person's title are written beside the answer; a word the question also uses otherwise is needed for that."""
    q = analyse(question, analyzer)
    assert q.focus == focus and focus in q.stated_terms


def test_focus_terms_name_the_measured_attribute(analyzer):
    assert analyse("물류센터 투자 규모는?", analyzer).focus_terms == ["투자", "규모"]
    assert analyse("오바마는 언제 당선됐어?", analyzer).focus_terms == []  # a bare question word names none


@pytest.mark.parametrize(
    "question",
    ["두 회사가 펀드를 함께 만들어?", "그 공장은 문을 닫았나요?", "네이버는 물류센터가 없어?", "계약이 성사됐어?", "그게 사실이야?",
     "그 펀드가 스타트업도 지원하는 건가요?", "두 회사가 합병하는 거예요?"],
)
def test_yes_no_questions_end_on_a_predicate_without_a_question_word(analyzer, question):
    assert analyse(question, analyzer).type == AnswerType.YESNO


def test_requests_are_not_yes_no_questions(analyzer):
    assert analyse("협약 내용을 설명해 줘", analyzer).type != AnswerType.YESNO
    # Any "-어/아 주다" request, not only the listed request verbs; its own verb (나열) is not what it asks for.
    q = analyse("두 회사가 투자하는 분야 전부 나열해줘", analyzer)
    assert q.type == AnswerType.THING and q.focus == "분야" and q.wants_list
    assert analyse("두 회사가 펀드를 함께 만들어 줬어?", analyzer).type == AnswerType.YESNO  # past: was it done
    for question in ("정부가 스타트업을 지원해 주나요?", "카카오가 투자해 줄까?"):  # asking whether, not asking for
        assert analyse(question, analyzer).type == AnswerType.YESNO
    # Only the request's own verb is left out of the focus: 투자 of "투자했는지" stays.
    assert analyse("네이버가 CJ대한통운에 투자했는지 알려줘", analyzer).focus == "투자"


def test_a_misspelt_focus_is_typed_by_the_corpus_spelling(analyzer):
    assert analyse("공개 싯기는?", analyzer).type == AnswerType.THING  # no corpus: unknown word
    fixed = {"싯기": "시기"}.get
    assert analyse("공개 싯기는?", analyzer, correct=fixed).type == AnswerType.DATE
    # A rate (a noun Kiwi reads with the suffix 율/률) is a percentage, misspelt or not; 법률 is one noun, no rate.
    for question in ("택시 호출 점유률은?", "코로나19 백신 접종률 6월23일 기준", "실업률은 얼마야?"):
        q = analyse(question, analyzer)
        assert q.type == AnswerType.AMOUNT and "%" in q.units, question
    assert "%" not in analyse("법률 자문 비용은?", analyzer).units
    assert analyse("서울대 수시 경쟁률은?", analyzer).units == ()  # a rate given as "9.5대 1"


def test_how_does_it_stand_asks_the_value_of_its_topic(analyzer):
    """"X가 어떻게 돼?" asks X's value: an amount or a date, where X is one; "어떻게 됐어?" / "어떻게 될까?" ask what
    happened or will happen."""
    assert analyse("멜론 점유율이 어떻게 돼?", analyzer).type == AnswerType.AMOUNT
    assert analyse("지분 교환 규모가 어떻게 되나요?", analyzer).type == AnswerType.AMOUNT
    assert analyse("출시 시기는 어떻게 됩니까?", analyzer).type == AnswerType.DATE
    for question in ("강남역 흉기 난동 범인은 어떻게 됐어?", "서울 부동산 시장은 어떻게 될까?", "그 회사는 어떻게 돼?",
                     "멜론 점유율은 어떻게 됐어?"):
        assert analyse(question, analyzer).type == AnswerType.OPEN, question
    assert analyse("카카오 계획은 어떻게 돼?", analyzer).type == AnswerType.OPEN  # 계획: no category
    assert analyse("이베이코리아 인수는 어떻게 됐어?", analyzer).type == AnswerType.OPEN
    assert analyse("어떻게 지분을 교환했어?", analyzer).type == AnswerType.OPEN  # how, not what it amounts to


@pytest.mark.parametrize("question", ["안녕?", "안녕하세요!", "반가워요", "뭘 할 수 있어?", "너는 뭘 할 수 있니?", "도움말",
                                      "사용법 좀 알려줘", "hello"])
def test_greetings_and_questions_about_the_bot_are_conversation(analyzer, question):
    assert analyse(question, analyzer).type == AnswerType.CONVERSATION


@pytest.mark.parametrize("question", ["네이버는 뭘 할 수 있어?", "카카오 대표는 누구야?", "안녕하세요, 카카오 지분 규모는 얼마야?",
                                      "카카오톡 기능은 뭐야?"])
def test_a_question_with_something_to_search_is_not_conversation(analyzer, question):
    assert analyse(question, analyzer).type != AnswerType.CONVERSATION


def test_a_focus_without_its_particle_types_the_question(analyzer):
    """"무산된 회사 어디?" asks for an organisation, as "무산된 회사는 어디?" does, not for a place."""
    assert analyse("같이 사려다 무산된 회사 어디?", analyzer).type == analyse("같이 사려다 무산된 회사는 어디?", analyzer).type \
        == AnswerType.ORG


@pytest.mark.parametrize(
    "question,owned",
    [("점유율은 누구 추산이야?", "추산"), ("노아는 누구의 명령에 따라 배를 만들었는가?", "명령"), ("누구를 만났어?", None),
     ("무엇을 만들었나?", None),
     # Who did a source's act: the article names the source before the noun ("공정위 추산에 따르면").
     ("점유율 80%는 누가 추산한 거야?", "추산"), ("누가 집계했어?", "집계"), ("누가 발표했어?", None),
     ("누가 인수했어?", None)],  # "이베이코리아 인수": the noun's owner is what was bought, not who bought it
)
def test_the_noun_a_question_word_owns(analyzer, question, owned):
    """"누구 추산", "누구의 명령": the answer is the owner, found right before that noun."""
    assert analyse(question, analyzer).owned == owned


@pytest.mark.parametrize(
    "question,several",
    [
        ("이번에 손잡은 분야 세 가지는?", True),  # a count of kinds
        ("공장이 들어설 두 곳은 어디야?", True),
        ("새로 투자한 분야는 어떤 것들인가요?", True),  # a plural at the end
        ("대응해야 할 회사들은?", True),
        ("두 회사가 손잡은 기업들 정리해줘", True),  # a plural before a request
        ("손잡은 기업 알려줘", False),
        ("기사에 나온 빅테크 예시 다 말해줄래요?", True),  # all of them
        ("협력 분야 다 알려줘", True),
        ("그 회사 이름 알려줘", False),
        ("두 회사는 언제 손잡았어?", False),  # a count of who acts, not of what is asked
        ("세계 1위는?", False),
        ("세 가지고 온 건 뭐야?", False),  # 가지다, not 가지
        ("누가 그 지분을 사들였어?", False),  # 들이다, not a plural
        ("정부는 제안을 받아들입니까?", False),
    ],
)
def test_a_plural_or_a_count_of_kinds_asks_for_a_list(analyzer, question, several):
    assert analyse(question, analyzer).wants_list == several


@pytest.mark.parametrize("question", [
    "카카오-SKT 지분교환, 두 기사에서 언제 얼마 규모라고 나와?",  # when it happened, as the articles say
    "기사에 나온 협의체 언제 만들었어?",
    "기사들에서 언제 지분을 바꿨다고 나와?",
    "이 기사 속 협의체 언제 만들었어?",
])
def test_when_in_an_article_is_not_when_the_article_came_out(analyzer, question):
    assert analyse(question, analyzer).type == AnswerType.DATE


def test_an_articles_date_asked_without_when(analyzer):
    assert analyse("기사에는 날짜가 어떻게 찍혀 있어?", analyzer).type == AnswerType.PUBLISHED



@pytest.mark.parametrize("question,identity", [
    ("김철수는 누구야?", True),  # who a named person is
    ("김철수가 누구임?", True),
    ("한빛제철 대표는 누구야?", False),  # a person's name is asked
    ("누가 공장을 인수했어?", False),
    ("김철수의 직책은?", True),  # a named person's post: their title, as for 누구야
    ("김철수 직함이 뭐야?", True),
    ("김철수는 회사에서 어떤 직책을 맡고 있어?", True),
    ("김철수는 한빛제철에서 직함이 뭐예요?", True),  # the topic, past an adverbial phrase
    ("김철수는 한빛제철에서 직책이 바뀌었어?", False),  # the post is not what is asked
    ("한빛제철은 작년에 직급을 없앴어?", False),
    ("한빛제철에서 가장 높은 직급은 뭐야?", False),
    ("공장 이름이 뭐야?", False),
    ("직급 개편은 언제부터 시행돼?", False),  # a role noun asked of no one
    ("한빛제철이 없앤 직급은 뭐야?", False),
    ("가장 높은 직급은 뭐야?", False),
])
def test_who_a_named_person_is(analyzer, question, identity):
    assert analyse(question, analyzer).identity is identity


def test_a_role_noun_is_a_search_term_unless_a_persons_post_is_asked(analyzer):
    assert "직급" in analyse("직급 개편은 언제부터 시행돼?", analyzer).key_terms
    post = analyse("김철수의 직책은?", analyzer)
    assert post.post and post.person == ("김철수",) and "직책" not in post.key_terms


@pytest.mark.parametrize("question,answer_type,focus", [
    # A keyword query's closing time dates the figure asked for; it is not what is asked.
    ("멜론 스트리밍 점유율 작년 11월", AnswerType.AMOUNT, "점유율"),
    ("멜론 점유율 2020년 11월 기준", AnswerType.AMOUNT, "점유율"),
    ("2020년 11월", AnswerType.DATE, "월"),  # nothing else to ask
    ("코로나19", AnswerType.OPEN, None),  # a number glued to a name is no date
])
def test_a_keyword_query_closing_on_a_time(analyzer, question, answer_type, focus):
    analysed = analyse(question, analyzer)
    assert (analysed.type, analysed.focus) == (answer_type, focus)


@pytest.mark.parametrize("question,answer_type", [
    ("SKT 공동인증서 서비스명", AnswerType.THING),  # 명 glued to a noun is its name
    ("SKT 우버 합작 택시 서비스명", AnswerType.THING),  # (Kiwi tags this 명 a counter)
    ("회사명은?", AnswerType.ORG),
    ("참가자는 몇 명이야?", AnswerType.AMOUNT),  # after a number word it counts people
    ("모인 인원은 수천명?", AnswerType.AMOUNT),
])
def test_a_name_suffix_is_no_count(analyzer, question, answer_type):
    assert analyse(question, analyzer).type == answer_type


@pytest.mark.parametrize("question,answer_type", [
    ("그 자리에 새로 앉은 사람의 이름은?", AnswerType.PERSON),  # whose name: a person's
    ("당시 미국 대통령의 이름은 무엇인가?", AnswerType.PERSON),
    ("합병 뒤 새로 생긴 회사의 이름은?", AnswerType.THING),  # a coined name, often quoted: a thing's
    ("진도 앞바다에서 침몰한 배의 이름은?", AnswerType.THING),  # 배 also counts: no amount
    ("창업 당시의 이름은 뭐였어?", AnswerType.THING),
    ("새로 생긴 섬의 이름은?", AnswerType.PLACE),
    ("두 회사가 만든 서비스의 이름은?", AnswerType.THING),
    ("협의체에 참여한 회사들은?", AnswerType.ORG),  # a plural is typed by its noun
    ("센터가 새로 생기는 지역들은?", AnswerType.PLACE),
])
def test_a_name_or_a_plural_is_typed_by_its_noun(analyzer, question, answer_type):
    assert analyse(question, analyzer).type == answer_type


def test_a_kind_named_after_the_determiner_asks_for_items(analyzer):
    assert analyse("공동 풀은 어떤 미래사업 분야들에서 만든다고 했어?", analyzer).category
    assert not analyse("멜론은 어느 회사 서비스야?", analyzer).category



@pytest.mark.parametrize("question,answer_type", [
    ("네이버가 손잡은 진짜 속셈이 뭐래?", AnswerType.REASON),  # a motive, in talk's words
    ("어떤 이유로 손잡았어?", AnswerType.REASON),
    ("손잡은 속내는 어느 경쟁사를 견제하려는 거였어?", AnswerType.THING),  # the motive named, a rival asked
    ("손잡은 이유는 누구를 견제하기 위해서야?", AnswerType.PERSON),
    ("사고 원인은 언제 밝혀졌어?", AnswerType.DATE),
])
def test_a_motive_named_is_asked_unless_a_thing_in_it_is(analyzer, question, answer_type):
    assert analyse(question, analyzer).type == answer_type


@pytest.mark.parametrize("question, noun", [("2019년 파트너십 맺은 뒤로 카카오-SKT는 어떤 방식으로 협력해 왔어?", "방식"),
                                            ("팬데믹 극복 AI는 어떤 식으로 작동하는 솔루션임?", "식"),
                                            ("네이버랑 카카오는 무슨 방법으로 사업 영역을 넓히고 있대요?", "방법"),
                                            ("카카오-SKT는 어떤 방법들로 협력해 왔어?", "방법들")])
def test_a_way_asked_with_a_determiner_is_asked_like_how(analyzer, question, noun):
    """"어떤 방식으로 …?" asks how (the clause that says it), not a thing named 방식, which the answer rarely writes."""
    read = analyse(question, analyzer)
    assert read.type == AnswerType.OPEN
    assert noun not in read.key_terms


def test_the_way_something_is_done_as_a_topic_still_asks_a_thing(analyzer):
    assert analyse("네이버가 목표로 하는 배송 방식은?", analyzer).type == AnswerType.THING


def test_an_aspect_asked_with_a_determiner_is_no_count_of_points(analyzer):
    read = analyse("네이버는 신세계의 어떤 점을 보고 결정했다고 하나요?", analyzer)
    assert read.type == AnswerType.THING
    assert "점" not in read.key_terms
    assert analyse("그 시험은 몇 점이야?", analyzer).type == AnswerType.AMOUNT


@pytest.mark.parametrize("question, focus", [("플로 음원 스트리밍 점유율 수치좀", "수치"), ("카카오 SKT 지분교환 규모 좀", "규모"),
                                             ("플로 점유율 좀요", "점유율")])
def test_a_keyword_query_softened_by_jom_asks_its_last_noun(analyzer, question, focus):
    read = analyse(question, analyzer)
    assert (read.type, read.focus) == (AnswerType.AMOUNT, focus)


def test_a_doubled_interrogative_keeps_the_particle_after_it(analyzer):
    """"어디어디가": the particle follows the second 어디, and is the asked slot's."""
    assert analyse("팬데믹 극복 AI는 어디어디가 같이 만드는 거예요?", analyzer).particle == "가"


@pytest.mark.parametrize("question, says", [("여민수는 기술로 뭘 하겠다고 했어?", True), ("SKT는 뭘 한다고?", True),
                                            ("언제 출시한다고 했어?", False), ("뭘 기념해서 준비한 거예요?", False)])
def test_what_someone_said_they_do_asks_for_their_words(analyzer, question, says):
    assert analyse(question, analyzer).says is says


def test_a_verb_and_the_auxiliary_noh_are_one_predicate(analyzer):
    """"내놨어": Kiwi reads 내 + 놓, which is 내놓다, not the 내다 of "소득을 내지"."""
    assert analyse("SKT는 카카오모빌리티에 맞서서 뭘 내놨어?", analyzer).predicate[-1] == "내놓"


@pytest.mark.parametrize("question, title", [("시사위크 기사는 무슨 내용이야?", True), ("두 기사가 각각 어떤 내용을 다뤄?", True),
                                             ("이 기사 요약해줘", True), ("기사에 나온 협력 내용이 뭐야?", False),
                                             ("기사에서 카카오는 어떤 내용을 발표했어?", False)])
def test_what_an_article_is_about_is_asked_of_the_article(analyzer, question, title):
    assert (analyse(question, analyzer).type == AnswerType.TITLE) is title


@pytest.mark.parametrize("question", ["여민수 대표는 뭘 공유한다고 했어?", "여민수 대표는 뭘 해결하겠다고 했어?"])
def test_what_someone_said_of_a_verb_of_their_own_asks_that_thing(analyzer, question):
    assert not analyse(question, analyzer).says  # "핵심 자산", not the whole quotation


@pytest.mark.parametrize("question, answer_type", [("네이버는 배송은 어느 정도 목표야?", AnswerType.THING),
                                                   ("할로우바디의 한 종류로 어느 정도 특성을 가진 것은?", AnswerType.THING),
                                                   ("점유율은 어느 정도야?", AnswerType.AMOUNT),
                                                   ("인구는 어느 정도인가?", AnswerType.AMOUNT)])
def test_a_degree_asks_a_figure_only_of_something_measured(analyzer, question, answer_type):
    assert analyse(question, analyzer).type == answer_type
