"""Dev files: how records are read (``qa.evaluation``); what is scored lives in ``qa.metrics``."""

from __future__ import annotations

import json

import pytest

from qa.evaluation import load_questions
from tests.conftest import DATA


def _write(tmp_path, *records: dict):
    path = tmp_path / "dev.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return path


def test_json_true_and_false_are_yes_and_no(tmp_path):
    """A false polarity once read as "no polarity", so a no-question counted as unanswerable and a right "아니요"
    scored as a wrong answer."""
    path = _write(tmp_path,
                  {"question": "네이버는 자체 물류센터를 가지고 있나요?", "answers": [], "polarity": False},
                  {"question": "카카오와 SKT가 이전에도 협력한 적이 있나요?", "answers": [], "polarity": True},
                  {"question": "네이버가 물류센터를 열었어?", "answers": [], "polarity": "no"})
    questions = load_questions(path)
    assert [q.polarity for q in questions] == ["no", "yes", "no"]
    assert all(q.answerable for q in questions)


def test_an_unknown_polarity_names_the_line(tmp_path):
    path = _write(tmp_path, {"question": "맞아?", "answers": [], "polarity": "maybe"})
    with pytest.raises(ValueError, match=r"dev.jsonl:1: .*polarity"):
        load_questions(path)


def test_every_shipped_dev_file_loads():
    for path in sorted(DATA.glob("*.jsonl")):
        questions = load_questions(path)
        assert questions, path
        assert all(q.polarity in (None, "yes", "no") for q in questions), path
