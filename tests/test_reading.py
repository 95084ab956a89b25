"""Reading files: encodings, formats, and bad files that must be reported, never crash the run."""

from __future__ import annotations

import codecs
import json

from qa.reading import Problem, RawArticle, read_bytes, read_corpus

KOREAN = "카카오와 SK텔레콤이 지분을 교환했다.\n\n양사는 협력을 강화한다."


def _one(data: bytes, suffix: str = ".txt"):
    items = list(read_bytes(data, "기사" + suffix, suffix))
    assert len(items) == 1
    return items[0]


def test_utf8_with_and_without_bom():
    assert _one(KOREAN.encode("utf-8")).text == KOREAN
    assert _one(codecs.BOM_UTF8 + KOREAN.encode("utf-8")).text == KOREAN


def test_cp949_and_euc_kr_are_decoded():
    for encoding in ("cp949", "euc-kr"):
        item = _one(KOREAN.encode(encoding))
        assert isinstance(item, RawArticle) and item.text == KOREAN


def test_utf16_with_bom():
    assert _one(KOREAN.encode("utf-16")).text == KOREAN


def test_undecodable_text_is_rejected_naming_the_file():
    item = _one(b"\x80\x80 not korean \xff\xff")
    assert isinstance(item, Problem)
    assert item.source == "기사.txt" and "UTF-8" in item.reason


def test_empty_and_binary_files_are_skipped_with_a_reason():
    empty = _one(b"   \n")
    binary = _one(bytes(range(256)) * 4)
    assert isinstance(empty, Problem) and "empty" in empty.reason
    assert isinstance(binary, Problem) and "binary" in binary.reason


def test_jsonl_records_and_bad_lines():
    lines = [
        json.dumps({"title": "제목", "body": "본문이다.", "outlet": "뉴스", "author": "홍길동", "published": "2021-01-02"},
                   ensure_ascii=False),
        "{not json",
        json.dumps({"title": "본문 없음"}, ensure_ascii=False),
    ]
    items = list(read_bytes("\n".join(lines).encode("utf-8"), "a.jsonl", ".jsonl"))
    assert isinstance(items[0], RawArticle)
    assert items[0].fields == {"title": "제목", "outlet": "뉴스", "author": "홍길동", "published": "2021-01-02"}
    assert [type(i) for i in items[1:]] == [Problem, Problem]
    assert items[1].source == "a.jsonl:2" and items[2].source == "a.jsonl:3"


def test_markdown_front_matter_and_heading():
    text = "---\noutlet: 한국일보\nauthor: 김기자\n---\n# 마크다운 제목\n\n## 소제목\n본문 문장이다.\n"
    item = _one(text.encode("utf-8"), ".md")
    assert item.fields == {"outlet": "한국일보", "author": "김기자", "title": "마크다운 제목"}
    assert "##" not in item.text and "본문 문장이다." in item.text


def test_corpus_folder_reads_supported_files_only(tmp_path):
    (tmp_path / "a.txt").write_text("제목\n\n본문이다.", encoding="utf-8")
    (tmp_path / "b.csv").write_text("x,y", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("숨김", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    items = list(read_corpus(tmp_path))
    assert [i.source for i in items] == ["a.txt", "empty.txt"]
    assert isinstance(items[1], Problem)


def test_jsonl_bodies_may_hold_unicode_line_separators():
    """Found by schemathesis: U+2028 or U+0085 inside a JSON string is not a record boundary."""
    body = "첫 문장이다.\u2028둘째 문장이다.\u0085셋째 문장이다.\x1c넷째."
    line = json.dumps({"title": "구분자", "body": body}, ensure_ascii=False)
    (article,) = read_bytes((line + "\n").encode("utf-8"), "feed.jsonl", ".jsonl")
    assert isinstance(article, RawArticle) and article.text == body and article.source == "feed.jsonl:1"


def test_a_bom_followed_by_invalid_bytes_is_a_problem_not_a_crash():
    """Found by hypothesis: b"\\xfe\\xff\\x00" looked like UTF-16 and raised instead of being reported."""
    for data in (b"\xfe\xff\x00", codecs.BOM_UTF8 + b"\xff\xfe\xfa"):
        (problem,) = read_bytes(data, "odd.txt", ".txt")
        assert isinstance(problem, Problem) and "not valid" in problem.reason
