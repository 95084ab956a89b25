"""Cleaning real news text: both seed articles, and the noise patterns Korean news sites add."""

from __future__ import annotations

import pytest

from qa.cleaning import clean_article
from qa.reading import RawArticle, read_corpus
from tests.conftest import CORPUS, SISAWEEK, VIEWERS

NOISE = ["저작권자", "무단전재", "이 기사를 공유합니다", "댓글 0", "의견 0", "/뉴시스", "(사진=", "승인 20", "시사위크=", "관련기사"]


@pytest.fixture(scope="module")
def seeds():
    docs = {}
    for raw in read_corpus(CORPUS):
        doc_id = raw.source.removesuffix(".txt")
        docs[doc_id] = clean_article(raw, doc_id)
    return docs


def test_seed_metadata_is_extracted(seeds):
    viewers, sisaweek = seeds[VIEWERS], seeds[SISAWEEK]
    assert viewers.title == "[포스트 코로나 : 산업] 빅테크 급성장..‘동맹전략’ 왕좌의 게임"
    assert (viewers.outlet, viewers.author, viewers.published) == ("뷰어스", "송인화", "2021-06-30T13:36")
    assert sisaweek.title == "‘라이벌’서 ‘파트너’로… 카카오-SKT, 핵심기술 앞세워 ‘전략적 협력’ 강화"
    assert (sisaweek.outlet, sisaweek.author, sisaweek.published) == ("시사위크", "송가영", "2021-03-15T10:23")


def test_metadata_is_a_citable_header_line(seeds):
    doc = seeds[SISAWEEK]
    title, meta = doc.text[: doc.body_start].strip().split("\n")
    assert title == doc.title
    assert meta == "시사위크 · 송가영 기자 · 2021년 3월 15일 10:23"


@pytest.mark.parametrize("doc_id", [VIEWERS, SISAWEEK])
def test_noise_is_removed(seeds, doc_id):
    body = seeds[doc_id].text[seeds[doc_id].body_start :]
    for noise in NOISE:
        assert noise not in body, noise
    assert not body.startswith("X")


@pytest.mark.parametrize(
    "sentence",
    ["드디어 터널 끝이 보인다.", "카카오는 SK텔레콤과 지난 2019년 3000억원 규모의 지분교환을 맺었다.",
     "여민수 카카오 공동대표는", "카카오와 SKT의 협업은 이번이 처음이 아니다."],
)
def test_repeated_body_appears_once(seeds, sentence):
    assert sum(doc.text.count(sentence) for doc in seeds.values()) == 1


def test_photo_caption_repeated_twice_is_gone(seeds):
    caption = "카카오와 SK텔레콤(이하 SKT)가 전략적 협업 관계를 보다 공고히 하는 모양새다."
    assert caption not in seeds[SISAWEEK].text


def test_body_keeps_the_article_text(seeds):
    body = seeds[SISAWEEK].text
    assert body.count("다양한 사업 분야에서 치열한 경쟁을 벌여온 카카오와 SK텔레콤(이하 SKT)이") == 1
    assert "16.23%를 기록하며 뒤를 이었다." in body


def _clean(text: str, **fields) -> object:
    return clean_article(RawArticle("t.txt", text, fields), "t")


def test_common_byline_stamp_and_copyright_forms():
    doc = _clean(
        "서울시, 공공자전거 확대\n\n입력 2023.05.01 09:10 | 수정 2023.05.02 10:00\n홍길동 기자 hong@news.co.kr\n"
        "[서울=뉴시스] 홍길동 기자 = 서울시가 따릉이를 늘린다. 내년까지 5000대를 추가한다.\n"
        "(사진=서울시 제공)\n페이스북\n트위터\nCopyright ⓒ 뉴시스. All rights reserved. 무단 전재 및 재배포 금지."
    )
    assert doc.title == "서울시, 공공자전거 확대"
    assert (doc.outlet, doc.author, doc.published) == ("뉴시스", "홍길동", "2023-05-01T09:10")
    body = doc.text[doc.body_start :]
    assert body == "서울시가 따릉이를 늘린다. 내년까지 5000대를 추가한다."


def test_explicit_fields_win_and_dates_are_normalised():
    doc = _clean("본문 첫 문장이다. 둘째 문장이다.", title="주어진 제목", published="2021년 6월 30일", outlet="한겨레")
    assert doc.title == "주어진 제목" and doc.published == "2021-06-30" and doc.outlet == "한겨레"
    assert doc.text.startswith("주어진 제목\n한겨레 · 2021년 6월 30일\n\n본문 첫 문장이다.")


def test_untitled_text_gets_a_title_from_its_first_sentence():
    doc = _clean("오늘 서울에 첫눈이 내렸다. 기상청은 내일도 눈이 온다고 밝혔다.")
    assert doc.title == "오늘 서울에 첫눈이 내렸다."
    assert "기상청은 내일도" in doc.text[doc.body_start :]


def test_of_two_near_copies_of_a_paragraph_one_is_kept():
    """Found on KorQuAD: an article holding a paragraph twice (two revisions) lost both copies."""
    first = ("2009년 8월에는 한 그룹 회장이 방북하여 공단 활성화와 관광 문제 등의 현안이 논의되었다. "
             "또한 전직 대통령의 서거를 계기로 고위급 조문단이 서울을 방문하면서 당국자들과 연쇄 회담을 가졌다. "
             "이후 양측은 추석 기간 동안 이산가족 상봉을 실시하기로 합의했다. "
             "같은 해 11월에는 서해에서 교전이 일어나 함정 한 척이 반파되었고 다른 함정은 경미한 피해를 입었다.")
    second = first.replace("연쇄 회담을 가졌다", "연쇄 회동을 했다")
    raw = RawArticle(source="x.txt", text=f"제목\n\n{first}\n\n다른 문단이다.\n\n{second}")
    doc = clean_article(raw, "x")
    assert doc.text.count("이산가족 상봉") == 1 and "다른 문단이다" in doc.text
