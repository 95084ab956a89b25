"""The ``qa`` command as a user runs it: JSON output, exit codes, clear errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT


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
