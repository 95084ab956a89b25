"""The ``qa`` command as a user runs it: JSON output, exit codes, clear errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from qa.index import CorpusIndex
from tests.conftest import CORPUS, ROOT, SISAWEEK


def run_qa(*args: str, env_extra: dict | None = None, input_text: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "qa.cli", *args], cwd=ROOT, env=env, capture_output=True, text=True,
        input=input_text, timeout=600,
    )


def test_search_json_returns_the_passage_with_offsets(seed_settings, service):
    env = {"QA_INDEX_DIR": str(seed_settings.index_dir)}
    result = run_qa("search", "카카오와 SKT가 교환한 지분 규모는?", "--json", "--top-k", "3", env_extra=env)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    top = payload["hits"][0]
    assert "3,000억원" in top["text"] or "3000억원" in top["text"]
    doc = service.index.documents[top["doc_id"]]
    assert doc.text[top["start"] : top["end"]] == top["text"]
    assert top["title"] == doc.title and top["outlet"] == doc.outlet
    assert len(payload["hits"]) == 3


def test_index_reports_reuse(seed_settings, service):
    result = run_qa("index", env_extra={"QA_INDEX_DIR": str(seed_settings.index_dir)})
    assert result.returncode == 0, result.stderr
    assert "이미 최신" in result.stdout and "문서 2개" in result.stdout


def test_empty_question_is_a_clear_error(seed_settings):
    result = run_qa("search", "   ", env_extra={"QA_INDEX_DIR": str(seed_settings.index_dir)})
    assert result.returncode == 2
    assert "비어" in result.stderr and "Traceback" not in result.stderr


def test_missing_corpus_is_a_clear_error(tmp_path):
    result = run_qa("index", "--corpus", str(tmp_path / "nope"), "--index", str(tmp_path / "idx"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr


def test_ask_json_answers_and_cites(seed_settings, service):
    env = {"QA_INDEX_DIR": str(seed_settings.index_dir)}
    result = run_qa("ask", "카카오와 SK텔레콤의 지분 교환 규모는?", "--json", env_extra=env)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["answerable"] and answer["short_answer"].replace(",", "") == "3000억원"
    citation = answer["citations"][0]
    assert service.index.documents[citation["doc_id"]].text[citation["start"] : citation["end"]] == citation["evidence"]


def test_ask_batch_reads_stdin_and_reports_bad_lines(seed_settings):
    env = {"QA_INDEX_DIR": str(seed_settings.index_dir)}
    lines = "카카오 공동대표는 누구야?\n\n네이버 대표이사 이름이 뭐야?\n"
    result = run_qa("ask", "--json", "-", env_extra=env, input_text=lines)
    outputs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(outputs) == 3
    assert outputs[0]["answerable"] and "여민수" in outputs[0]["answer"]
    assert "error" in outputs[1]
    assert outputs[2]["answerable"] is False
    assert result.returncode == 1  # one line was not a question


def test_ask_with_filters_answers_from_the_allowed_articles(seed_settings, service):
    env = {"QA_INDEX_DIR": str(seed_settings.index_dir)}
    result = run_qa("ask", "카카오와 SKT가 교환한 지분은 얼마야?", "--json", "--outlet", "뷰어스", "--from", "2021-06-01",
                    env_extra=env)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert {c["doc_id"] for c in answer["citations"]} == {"viewers-2021-06-30-naver-kakao-bigtech-alliances"}
    for bad, says in ((["--outlet", "조선일보"], "색인에 없는 언론사"), (["--from", "2021-07-01", "--to", "2021-06-01"], "늦습니다")):
        result = run_qa("ask", "카카오와 SK텔레콤의 지분 교환 규모는?", *bad, env_extra=env)
        assert result.returncode == 2 and says in result.stderr and "Traceback" not in result.stderr


def test_ask_chat_keeps_the_conversation(seed_settings):
    env = {"QA_INDEX_DIR": str(seed_settings.index_dir)}
    lines = "시사위크 기사 누가 썼어?\n그 기사는 언제 나왔어?\n/새로\n그 기사는 언제 나왔어?\n"
    result = run_qa("ask", "--chat", "--json", env_extra=env, input_text=lines)
    assert result.returncode == 0, result.stderr
    outputs = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [o["question"] for o in outputs] == ["시사위크 기사 누가 썼어?", *["그 기사는 언제 나왔어?"] * 2]
    assert outputs[1]["resolved_question"] == "시사위크 기사는 언제 나왔어?" and outputs[1]["short_answer"] == "2021년 3월 15일"
    assert outputs[2]["resolved_question"] is None  # after /새로 the conversation starts over
    result = run_qa("ask", "--chat", "시사위크 기사 누가 썼어?", env_extra=env, input_text="그 기사는 언제 나왔어?\n")
    assert "이해한 질문: 시사위크 기사는 언제 나왔어?" in result.stdout and "2021년 3월 15일" in result.stdout


@pytest.mark.parametrize("bad", ["", "   ", "질" * 1001])
def test_ask_rejects_bad_questions(seed_settings, bad):
    result = run_qa("ask", bad, env_extra={"QA_INDEX_DIR": str(seed_settings.index_dir)})
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "질문" in result.stderr


def test_eval_prints_the_figures(seed_settings, tmp_path):
    questions = tmp_path / "q.jsonl"
    questions.write_text(
        '{"question": "카카오의 공동대표 이름은?", "answers": ["여민수"]}\n'
        '{"question": "쿠팡 대표이사는 누구야?", "answers": []}\n',
        encoding="utf-8",
    )
    result = run_qa("eval", str(questions), env_extra={"QA_INDEX_DIR": str(seed_settings.index_dir)})
    assert result.returncode == 0, result.stderr
    for label in ("retrieval recall@5", "evidence hit", "answer hit (honest)", "answer hit (lenient)",
                  "short-answer right", "wrongly refused", "wrongly accepted", "by kind"):
        assert label in result.stdout
    assert "answer hit (honest)  1.000" in result.stdout and "wrongly accepted     0.000" in result.stdout


def test_eval_asks_dialogue_turns_with_their_history_and_filtered_questions_in_scope(seed_settings, tmp_path):
    """The follow-up is a hit only when asked after its first turn; the scoped question only within its scope."""
    questions = tmp_path / "q.jsonl"
    dialogue = {"id": "d1", "turns": [
        {"question": "시사위크 기사 누가 썼어?", "answers": ["송가영"], "kind": "first"},
        {"question": "그 기사는 언제 나왔어?", "answers": ["2021년 3월 15일"], "kind": "follow-up"}]}
    scoped = {"question": "네이버가 신세계랑 지분교환 언제 했어?", "filters": {"outlet": ["시사위크"]}, "answers": [],
              "kind": "filtered-unanswerable"}
    questions.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in (dialogue, scoped)), encoding="utf-8")
    result = run_qa("eval", str(questions), env_extra={"QA_INDEX_DIR": str(seed_settings.index_dir)})
    assert result.returncode == 0, result.stderr
    assert "questions            3 (2 answerable, 1 not)" in result.stdout
    assert "follow-up 1.00 (1)" in result.stdout and "filtered-unanswerable 1.00 (1)" in result.stdout


def test_an_index_is_served_with_the_articles_it_was_built_from(tmp_path):
    """`qa ask --index B` without --corpus used to rebuild B from the default corpus/, losing its articles."""
    one, both, index = tmp_path / "one", tmp_path / "both", tmp_path / "index"
    one.mkdir()
    shutil.copy(CORPUS / f"{SISAWEEK}.txt", one)
    shutil.copytree(CORPUS, both)
    assert run_qa("index", "--corpus", str(one), "--index", str(index)).returncode == 0

    result = run_qa("ask", "카카오 모빌리티는 택시 호출 시장을 얼마나 차지하고 있어?", "--json", "--index", str(index))
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["answerable"] and answer["citations"][0]["doc_id"] == SISAWEEK
    assert CorpusIndex.read_manifest(index).documents == 1  # not rebuilt from the default corpus/

    result = run_qa("index", "--corpus", str(both), "--index", str(index))  # another folder, named explicitly
    assert result.returncode == 0, result.stderr
    assert str(one) in result.stderr and "다시 만들었습니다" in result.stderr
    assert CorpusIndex.read_manifest(index).documents == 2


def test_optimize_merges_segments_and_a_running_service_follows(writable_service):
    """`qa index --optimize` in another process while a service has the index open: the service serves the merged
    index within its refresh period, and its next write applies to it, not to its stale view."""
    service = writable_service(index_refresh_seconds=0)
    added = service.add_article("감귤 소식", "제주도 서귀포에서 올해 감귤 수확이 시작됐다. 수확량은 3천 톤이다.")
    assert len(service.index.segments) == 2
    settings = service.settings
    result = run_qa("index", "--optimize", "--corpus", str(settings.corpus_dir), "--index", str(settings.index_dir))
    assert result.returncode == 0, result.stderr
    assert "이미 최신" in result.stdout and "세그먼트 2개 → 1개" in result.stdout
    assert len(service.index.segments) == 1 and added.doc_id in service.index.documents
    assert service.search("서귀포 감귤 수확량은?")[0].document.doc_id == added.doc_id
    service.remove_article(added.doc_id)
    loaded = CorpusIndex.load(settings.index_dir, settings)
    assert added.doc_id not in loaded.documents and len(loaded.segments) == 1
    assert loaded.lexical.size == len(loaded.chunks) == len(service.index.chunks)
