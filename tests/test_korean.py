"""Korean analysis: particles, number and date spellings, spacing variants, typos, sentence offsets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qa.korean import edit_distance, has_content, jamo, normalize_for_search, normalize_with_offsets


def test_particles_do_not_change_terms(analyzer):
    assert "카카오" in analyzer.terms("카카오와") and "카카오" in analyzer.terms("카카오는")
    assert "서울" in analyzer.terms("서울은")


def test_number_spellings_give_the_same_terms(analyzer):
    with_comma = analyzer.terms("3,000억원 규모")
    without = analyzer.terms("3000억원 규모")
    assert with_comma == without
    assert "3000억원" in without


def test_contracted_and_full_verb_spellings_give_the_same_terms(analyzer):
    # Kiwi keeps "이뤄지다" and "이루어지다" as two verbs: a question saying one must find an article saying the other.
    assert "이루어지다" in analyzer.terms("영역에서 이뤄진다")
    assert "이루어지다" in analyzer.terms("다양한 영역에서 이루어지며")
    assert "바꾸다" in analyzer.terms("규정을 바꿔 놓았다")
    assert "떨어지다" in analyzer.terms("주가가 떨어졌다")  # a verb of its own, not 떨다


def test_date_spellings_meet(analyzer):
    assert normalize_for_search("승인 2021.06.30") == "승인 2021년 6월 30일"
    dotted = set(analyzer.terms("2021.06.30"))
    written = set(analyzer.terms("2021년 6월 30일"))
    assert {"2021년", "6월", "30일"} <= dotted & written


def test_spacing_variants_cover_both_spellings(analyzer):
    assert analyzer.spacing_variants("풀필먼트 센터에") == ["풀필먼트센터"]
    # Kiwi cuts the unfamiliar loanword into syllables; the whole word is kept as a term as well.
    assert "풀필먼트" in analyzer.terms("콜드체인 풀필먼트를 놓을 예정이다")
    assert "풀필먼트센터" in analyzer.terms("풀필먼트센터를")


def test_a_word_kiwi_garbles_in_context_is_read_alone(analyzer):
    # Amid a sentence Kiwi reads "풀필먼트" as 풀 + 필 + an ending + a verb; alone, as the noun it is.
    text = "네이버는 경기도 군포 e풀필먼트(배송과 보관) 센터를 열었다. 이어 콜드체인 풀필먼트를 놓을 예정이다."
    morphemes = analyzer.morphemes(text)
    nouns = [m for m in morphemes if m.form == "풀필먼트"]
    assert len(nouns) == 2 and all(text[m.start : m.end] == "풀필먼트" and m.tag == "NNG" for m in nouns)
    assert not any(a.tag.startswith("NN") and b.tag.startswith("E") and a.end == b.start
                   for a, b in zip(morphemes, morphemes[1:]))
    assert [(m.form, m.tag) for m in morphemes if m.start >= text.index("이어")][:6] == [
        ("이어", "MAG"), ("콜드", "NNP"), ("체인", "NNG"), ("풀필먼트", "NNG"), ("를", "JKO"), ("놓", "VV")]


def test_a_latin_name_kiwi_reads_with_a_verb_is_read_alone(analyzer):
    # Amid this question Kiwi reads "SKT는" as SKT + the verb 늘 + an ending; alone, as SKT and its particle.
    morphemes = analyzer.morphemes("민간 인증서 시장에서 SKT는 어떤 서비스로 경쟁해?")
    pairs = [(m.form, m.tag) for m in morphemes]
    assert ("SKT", "SL") in pairs and ("는", "JX") in pairs and ("늘", "VV") not in pairs


def test_a_dropped_copula_is_not_taken_for_garbling(analyzer):
    morphemes = analyzer.morphemes("둘은 친구 사이었던 것으로 알려졌다.")
    assert ("사이", "NNG") in [(m.form, m.tag) for m in morphemes]


@pytest.mark.parametrize("typed,meant", [
    ("카카오 지분교환 금액 얼마엿지", "카카오 지분교환 금액 얼마였지"),
    ("펀드 이름 머야", "펀드 이름 뭐야"),
    ("지원 대상은 어디애요?", "지원 대상은 어디에요?"),
    ("승객 몇명 타고잇었어?", "승객 몇명 타고 있었어?"),
])
def test_misspelt_endings_and_pronouns_are_respelled(analyzer, typed, meant):
    assert analyzer.respell(typed) == meant


@pytest.mark.parametrize("typed,meant", [
    ("티맵택시 결국 어케 됐음?", "티맵택시 결국 어떻게 됐음?"),  # Kiwi reads 어케 as 어 + 하 + 게: a yes/no question
    ("이거 어캐 된 거야", "이거 어떻게 된 거야"),
    ("택시 호출 앱 이름 모야?", "택시 호출 앱 이름 뭐야?"),  # Kiwi reads 모야 as a name
    ("모야모야병 환자는 몇 명이야?", "모야모야병 환자는 몇 명이야?"),  # inside a word: left as typed
    ("두 회사 임원 모임 이름은?", "두 회사 임원 모임 이름은?"),  # a word (a meeting), not 뭐임
])
def test_chat_spellings_of_interrogatives_are_written_out(analyzer, typed, meant):
    assert analyzer.respell(typed) == meant


@pytest.mark.parametrize("typed,meant", [
    ("지니vs플로 점유율 어디가 더 높아?", "지니하고 플로 점유율 어디가 더 높아?"),
    ("멜론 VS. 지니", "멜론하고 지니"),
    ("SKT vs KT 점유율", "SKT하고 KT 점유율"),
    ("CVS 편의점 매출은?", "CVS 편의점 매출은?"),  # the letters of a name
    ("LG전자 VS사업본부 매출은?", "LG전자 VS사업본부 매출은?"),  # a name glued after it
    ("지니 vs플로", "지니 vs플로"),
])
def test_versus_joins_the_names_it_sets_against_each_other(analyzer, typed, meant):
    assert analyzer.respell(typed) == meant


def test_respelling_rewrites_only_the_ending(analyzer):
    assert analyzer.respell("e풀필먼트엿어") == "e풀필먼트였어"  # the word's start as typed, not "e 풀필먼트"
    assert analyzer.respell("3,000억원이엿어").startswith("3,000억원")  # not "3,000억 원"


@pytest.mark.parametrize("question", [
    "카카오와 SKT가 지분을 교환한 시기는?",
    "2006년 7월 조선민주주의인민공화국이 발사한 미사일의 이름은 무엇인가?",  # Kiwi's model would make 이 a 의
    "2003년 재규어, 애스턴 마틴 등의 메이커가 개설한 것은?",  # … and 애스턴 a 웨스턴
    "삼성젼자랑 카카오가 같이 만든 협의체 이름",  # a misspelt noun is left to the index's own words
])
def test_respelling_leaves_names_particles_and_nouns_as_typed(analyzer, question):
    assert analyzer.respell(question) == question


def test_unknown_compounds_and_typos_map_to_corpus_terms():
    from qa.lexical import LexicalEntry, LexicalIndex

    lexical = LexicalIndex.create(None, [LexicalEntry(0, "a", ["풀필먼트", "센터", "군포"]),
                                         LexicalEntry(1, "b", ["점유", "멜론"])])
    assert lexical.segment("풀필먼트센터") == ["풀필먼트", "센터"]
    assert lexical.correct("풀필먼드") == "풀필먼트"
    assert set(lexical.expand(["풀필먼드"], ["풀필먼트센터"])) == {"풀필먼트", "센터"}
    assert lexical.expand(["없는말"]) == []


def test_latin_names_typed_in_hangul_map_to_corpus_terms():
    from qa.lexical import LexicalIndex, LexicalEntry

    lexical = LexicalIndex.create(None, [LexicalEntry(0, "a", ["skt", "cj", "카카오"]), LexicalEntry(1, "b", ["이유"])])
    assert lexical.repair("에스케이티") == ["skt"]
    assert lexical.repair("씨제이") == ["cj"]
    assert lexical.spelled_out("케이티") is None  # kt: no article names it
    assert lexical.repair("이유") == ["이유"]  # a known word stays itself
    unknown = LexicalIndex.create(None, [LexicalEntry(0, "a", ["eu", "gg"])])
    assert unknown.spelled_out("이유") is None and unknown.spelled_out("지지") is None  # Korean words, not E+U


def test_jamo_distance_sees_common_typos():
    assert edit_distance(jamo("풀필먼드"), jamo("풀필먼트"), 2) == 1
    assert edit_distance(jamo("점유률"), jamo("점유율"), 2) == 1
    assert edit_distance(jamo("카카오"), jamo("네이버"), 2) == 3  # gave up: beyond the limit


def test_sentence_spans_slice_the_text_exactly(analyzer):
    text = "제목 줄\n\n첫 문장이다. 둘째 문장은 29.2%를 말한다!  셋째는?\n넷째 줄"
    spans = analyzer.sentences(text)
    assert [text[s.start : s.end] for s in spans] == [
        "제목 줄", "첫 문장이다.", "둘째 문장은 29.2%를 말한다!", "셋째는?", "넷째 줄",
    ]


def test_dotted_dates_and_compatibility_characters_keep_sentences_whole(analyzer):
    text = "승인 2021.03.15 10:23\n㈜카카오는 2021.06.30 3,000억원을 냈다… 다음 문장이다."
    spans = analyzer.sentences(text)
    assert [text[s.start : s.end] for s in spans] == [
        "승인 2021.03.15 10:23", "㈜카카오는 2021.06.30 3,000억원을 냈다…", "다음 문장이다.",
    ]
    analysed = analyzer.sentences_with_terms([(text, 0, None)])[0]
    assert [span for span, _ in analysed] == spans
    for span, terms in analysed:  # the same terms as analysing the sentence alone, in whatever spelling
        assert terms == analyzer.terms(text[span.start : span.end])
    assert {"3000억원", "2021년", "6월", "30일"} <= set(analysed[1][1])


@given(st.text(alphabet="0123456789,.년월일 가나다㈜…ＡＢ１２", max_size=40))
def test_normalised_offsets_point_back_into_the_text(text):
    mapped = normalize_with_offsets(text)
    if mapped is None:
        return
    normalised, starts, ends = mapped
    assert normalised == normalize_for_search(text)
    assert len(starts) == len(ends) == len(normalised)
    assert all(0 <= a < b <= len(text) for a, b in zip(starts, ends))
    assert starts == sorted(starts)


def test_only_letters_and_digits_of_some_script_are_searchable():
    assert has_content("카카오?") and has_content("ㅋㅋ") and has_content("AI") and has_content("2021") and has_content("漢字")
    assert not has_content("🙂🙂 ?!") and not has_content("\u0301" * 5) and not has_content("△ … ·")


def test_a_name_read_with_its_particle_is_split(analyzer):
    """Kiwi reads "플로가" in "지니가 23.1%, 플로가 16.23%를" as one proper noun; alone, as 플로 + 가."""
    sentence = "지니가 23.1%, 플로가 16.23%를 기록하며 뒤를 이었다."
    assert "플로" in analyzer.terms(sentence) and "플로가" not in analyzer.terms(sentence)
    assert [(m.form, m.tag) for m in analyzer.morphemes(sentence)][5:7] == [("플로", "NNP"), ("가", "JKS")]
    assert [terms for _, terms in analyzer.sentences_with_terms([(sentence, 0, None)])[0]] == [analyzer.terms(sentence)]


@pytest.mark.parametrize("question, read", [("점유율은요?", "점유율은?"), ("그럼 네이버는요??", "그럼 네이버는??"),
                                            ("기준이 뭔데요?", "기준이 뭔데요?"),
                                            ("지니는요?", "지니는요?")])  # "지니는?" alone reads as the verb 지니다
def test_the_polite_yo_after_a_closing_topic_is_dropped(analyzer, question, read):
    """Kiwi reads the 요 of "점유율은요?" as a determiner, so the question lost its focus; "…뭔데요?" is an ending."""
    assert analyzer.respell(question) == read
