"""Shared fixtures: the real Korean analyzer, the real model and the real seed corpus, built once per session.

Tests read a private copy of the two tracked seed articles, never ``corpus/`` itself: a user's added or trashed
articles there must not change what the tests see.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import pytest

from qa.korean import KoreanAnalyzer
from qa.service import QAService
from qa.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"
WIKINEWS = SHARED / "corpora" / "wikinews-ko"
SISAWEEK = "sisaweek-2021-03-15-kakao-skt-partnership"
VIEWERS = "viewers-2021-06-30-naver-kakao-bigtech-alliances"
SEED_FILES = (f"{SISAWEEK}.txt", f"{VIEWERS}.txt")
PROBE_QUESTIONS = [  # seed questions in no dev set, one unanswerable: for comparing two ways of building or running
    "카카오와 SKT가 맞바꾼 지분은 얼마어치야?",
    "네이버가 풀필먼트 센터를 연 곳은 어디야?",
    "카카오모빌리티는 택시 호출 시장을 얼마나 차지하고 있어?",
    "시사위크 기사는 누가 썼어?",
    "제주도 감귤 수확은 언제 시작됐어?",
]


def _seed_copy() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="qa-seed-corpus-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    for name in SEED_FILES:
        shutil.copy2(ROOT / "corpus" / name, folder / name)
    return folder


CORPUS = _seed_copy()  # the tracked seed articles only


@pytest.fixture(scope="session")
def analyzer() -> KoreanAnalyzer:
    return KoreanAnalyzer()


@pytest.fixture(scope="session")
def seed_settings(tmp_path_factory) -> Settings:
    return Settings(corpus_dir=CORPUS, index_dir=tmp_path_factory.mktemp("seed-index"))


@pytest.fixture(scope="session")
def service(seed_settings) -> QAService:
    svc = QAService(seed_settings)
    svc.ensure_index()
    return svc


@pytest.fixture()
def writable_service(tmp_path, service):
    """A service over a private copy of the seed corpus and its index (no rebuild), for tests that write."""

    def make(**overrides) -> QAService:
        corpus, index = tmp_path / "corpus", tmp_path / "index"
        if not corpus.exists():
            shutil.copytree(CORPUS, corpus)
            shutil.copytree(service.settings.index_dir, index)
        settings = Settings(**{**service.settings.model_dump(), "corpus_dir": corpus, "index_dir": index, **overrides})
        return QAService(settings, embedder=service.embedder, analyzer=service.analyzer)

    return make
