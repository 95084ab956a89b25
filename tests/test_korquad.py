"""The external-set command on a small made-up set in KorQuAD's split format (KorQuAD itself stays out of the repo)."""

from __future__ import annotations

import pytest

from qa import korquad
from qa.cli import main
from tests.korquad_sample import ARTICLES, QUESTIONS, write


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return write(tmp_path_factory.mktemp("korquad"))


def test_loading_keeps_article_order_and_halves_the_corpus(sample):
    data = korquad.load(sample)
    assert data.articles == list(ARTICLES) and len(data.questions) == sum(map(len, QUESTIONS.values()))
    half = data.half_corpus()
    assert sorted(p.stem for p in half.glob("*.txt")) == sorted(list(ARTICLES)[::2])
    assert data.left_out_articles() == list(ARTICLES)[1::2]


def test_the_paragraph_corpus_keeps_even_paragraphs_and_knows_what_it_no_longer_answers(sample):
    data = korquad.load(sample)
    text = (data.paragraph_corpus() / "한빛제철.txt").read_text(encoding="utf-8")
    assert "1968년" in text and "광양" not in text  # paragraph 0 kept, paragraph 1 removed
    by_question = {q.question: q for q in data.questions}
    assert data.answered_in_kept_paragraphs(by_question["한빛제철이 설립된 해는?"])
    assert not data.answered_in_kept_paragraphs(by_question["광양 제철소의 연간 생산량은?"])


def test_a_folder_that_is_not_a_split_is_refused(tmp_path):
    with pytest.raises(FileNotFoundError, match="split.py"):
        korquad.load(tmp_path)


def test_evaluation_reports_every_figure(sample, service):
    data = korquad.load(sample)
    full, half, paragraphs = korquad.services(data, service.settings, sample, shared=service)
    assert full.embedder is service.embedder is paragraphs.embedder  # one model for the three indexes
    report = korquad.evaluate(full, half, paragraphs, data)
    assert set(report.recall) == {"hybrid", "lexical", "dense"}
    assert report.recall["hybrid"][1] == 1.0  # four short articles: the right passage is always in the top 5
    assert report.absent_questions == 8 and report.removed_questions == 8
    assert 0.0 <= report.absent_answered <= 1.0 and 0.0 <= report.exact <= report.f1 <= 1.0
    text = "\n".join(report.lines())
    for label in ("recall@1", "evidence hit", "short answer exact", "short answer F1", "answerable refused",
                  "abstention check", "on-topic check"):
        assert label in text


def test_the_command_reads_the_folder_from_the_environment(sample, monkeypatch, capsys):
    monkeypatch.setenv("QA_KORQUAD_DIR", str(sample))
    assert main(["eval"]) == 0
    assert "abstention check" in capsys.readouterr().out
