"""``qa fit``: fit the answerer's weights on data nobody here wrote, and say how well they do on questions left out.

The data: the first half of KorQuAD 1.0 dev (``qa.korquad``) asked of three indexes: all 70 articles; every other
article (the other half's questions are about absent articles); every article's even paragraphs (questions about
the odd ones are on topic, but their answer is gone), plus news dev files written blind over the
seed and wikinews-ko articles. KorQuAD brings volume (Wikipedia, questions written to the paragraph), the news
files the register users bring (colloquial, paraphrased); each side gets ``NEWS_SHARE`` of the total weight.

Every figure printed is cross-validated: articles (KorQuAD's, and the news files' by doc_id) are split into
folds; each fold's questions are answered with weights fitted without its articles, through the same
``Answerer.weigh``/``decide`` the product runs. The weights written out are then fitted on everything, and the
file records the data, the command, the code revision and this report.
"""

from __future__ import annotations

import datetime
import subprocess
import time
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from qa import korquad
from qa.evaluation import load_questions
from qa.fitting import Example, Fitter
from qa.metrics import best_exact, best_f1, first_citation_holds, first_rank, honest_hit
from qa.service import QAService
from qa.settings import Settings
from qa.weights import Weights

NEWS_SHARE = 0.25  # of the total training weight that the news dev files carry, however many questions they have


@dataclass
class Tally:
    """Counts for one source over the folds' left-out questions."""

    answerable: int = 0
    unanswerable: int = 0
    evidence: float = 0  # right first citation
    hits: float = 0  # honest hits (news files), exact matches (KorQuAD)
    f1: float = 0.0
    at1: int = 0
    at5: int = 0
    refused: int = 0
    accepted: int = 0  # unanswerable questions answered anyway

    def rate(self, value: float, unanswerable: bool = False) -> float:
        return value / max(self.unanswerable if unanswerable else self.answerable, 1)


@dataclass
class Report:
    tallies: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))

    def add(self, ex: Example, reading, answer) -> None:
        tally = self.tallies[ex.source]
        if not ex.answerable:
            tally.unanswerable += 1
            tally.accepted += answer.answerable
            return
        tally.answerable += 1
        tally.refused += not answer.answerable
        tally.evidence += first_citation_holds(answer, ex.holds_answer)
        rank = first_rank(reading.hits, lambda h: ex.holds_answer(h.document.doc_id, h.chunk.text))
        tally.at1 += rank == 0
        tally.at5 += rank is not None and rank < 5
        if ex.expected is not None:
            tally.hits += honest_hit(answer, ex.expected, reading.question.wants_span)
        else:
            tally.hits += best_exact(answer.short_answer, ex.answers)
            tally.f1 += best_f1(answer.short_answer, ex.answers)

    def lines(self) -> list[str]:
        out = []
        k, half = self.tallies.get("korquad"), self.tallies.get("korquad-half")
        on_topic = self.tallies.get("korquad-paragraphs")
        if k and k.answerable:
            out.append(
                f"KorQuAD dev half ({k.answerable} questions, all articles indexed): recall@1 {k.rate(k.at1):.3f}, "
                f"recall@5 {k.rate(k.at5):.3f}, evidence hit {k.rate(k.evidence):.3f}, short answer exact "
                f"{k.rate(k.hits):.3f}, F1 {k.rate(k.f1):.3f}, answerable refused {k.rate(k.refused):.3f}")
        if half and half.unanswerable:
            out.append(
                f"KorQuAD abstention check (every other article indexed): {half.rate(half.accepted, True):.3f} of "
                f"{half.unanswerable} questions about a left-out article answered; present articles' questions "
                f"refused {half.rate(half.refused):.3f}")
        if on_topic and on_topic.unanswerable:
            out.append(
                f"KorQuAD on-topic check (odd paragraphs removed): {on_topic.rate(on_topic.accepted, True):.3f} of "
                f"{on_topic.unanswerable} questions whose answer was removed answered; the others refused "
                f"{on_topic.rate(on_topic.refused):.3f}")
        for source, t in sorted(self.tallies.items()):
            if source.startswith("korquad"):
                continue
            out.append(
                f"{source} ({t.answerable} answerable, {t.unanswerable} not): evidence hit {t.rate(t.evidence):.3f}, "
                f"answer hit (honest) {t.rate(t.hits):.3f}, wrongly refused {t.rate(t.refused):.3f}, "
                f"wrongly accepted {t.rate(t.accepted, True):.3f}")
        return out


def _korquad_examples(data: korquad.KorquadSet, full: QAService, half: QAService,
                      paragraphs: QAService) -> list[Example]:
    """Each question asked of all articles, of every other article, and of every article's even paragraphs."""
    out = []
    for service, source in ((full, "korquad"), (half, "korquad-half"), (paragraphs, "korquad-paragraphs")):
        ids = korquad.article_ids(service)
        for q in data.questions:
            doc_id = ids.get(q.article)
            if source == "korquad-paragraphs" and not data.answered_in_kept_paragraphs(q):
                doc_id = None  # on topic, but what it asks is no longer written
            out.append(Example(source, q.article, q.question, q.answers, None, doc_id, service))
    return out


def _dev_examples(path: Path, service: QAService) -> list[Example]:
    """A news dev file's questions; unanswerable ones are grouped by their own text (no article to follow)."""
    return [
        Example(path.stem, f"{path.stem}:{q.doc_id or q.question}", q.question, q.answers + q.items, q.evidence,
                q.doc_id if q.answerable else None, service, expected=q.expected)
        for q in load_questions(path)
    ]


def _service(settings: Settings, corpus: Path, index: Path, shared: QAService | None) -> QAService:
    service = QAService(korquad.settings_for(settings, corpus, index), embedder=shared and shared.embedder,
                        analyzer=shared and shared.analyzer, weights=Weights.untrained())
    service.ensure_index(progress=False)
    return service


def _fold(group: str, folds: int, korquad_order: dict[str, int]) -> int:
    """KorQuAD articles alternate in pairs (so both folds hold indexed and left-out ones); others by a hash."""
    if group in korquad_order:
        return (korquad_order[group] // 2) % folds
    return zlib.crc32(group.encode("utf-8")) % folds


def run(korquad_dir: Path, dev: list[tuple[Path, Path]], out: Path, settings: Settings, folds: int = 2,
        shared: QAService | None = None, news_share: float = NEWS_SHARE) -> list[str]:
    """Fit, cross-validate and write the weights; returns the report's lines.

    ``dev`` pairs a question file with the corpus folder it is about; ``shared`` lends its model and analyzer.
    """
    started = time.perf_counter()
    data = korquad.load(korquad_dir)
    full, half, paragraphs = korquad.services(data, settings, data.folder, shared, Weights.untrained())
    examples = _korquad_examples(data, full, half, paragraphs)
    for questions, corpus in dev:
        service = _service(settings, corpus, settings.cache_dir / "dev-index" / corpus.resolve().name, full)
        examples += _dev_examples(questions, service)
    news = [ex for ex in examples if not ex.source.startswith("korquad")]
    for ex in news:
        ex.weight = news_share / (1 - news_share) * (len(examples) - len(news)) / len(news)
    fitter = Fitter(examples, settings)
    fitter.gather()

    order = {article: i for i, article in enumerate(data.articles)}
    fold_of = [_fold(ex.group, folds, order) for ex in examples]
    pooled = Report()
    for fold in range(folds):
        weights = fitter.fit({n for n, f in enumerate(fold_of) if f != fold})
        for n, ex, reading in fitter.weighed(weights, {n for n, f in enumerate(fold_of) if f == fold}):
            pooled.add(ex, reading, ex.service.answerer(weights=weights).decide(reading))
    report = [f"cross-validated over {folds} folds by article (each question answered by weights fitted without "
              "its article):", *("  " + line for line in pooled.lines())]

    weights = fitter.fit(set(range(len(examples))))
    weights.provenance = {
        "fitted": datetime.datetime.now().isoformat(timespec="seconds"),
        "command": "qa fit --korquad DIR " + " ".join(f"--dev {q}:{c}" for q, c in dev),
        "code": _git_revision(),
        "data": {
            "korquad": f"KorQuAD 1.0 dev, first 70 articles ({len(data.questions)} questions), asked of three "
                       "indexes: all articles; every other article (questions about absent articles); every "
                       "article's even paragraphs (on-topic questions whose answer was removed)",
            **{q.name: f"{len(load_questions(q))} questions over {c.name}/" for q, c in dev},
        },
        "news_share": news_share,
        "refusal_budget": settings.refusal_budget,
        "rows": {"evidence": len(fitter.evidence.labels), "span": len(fitter.spans.labels)},
        "cross_validation": report,
    }
    weights.save(out)
    report.append(f"weights fitted on everything → {out} ({time.perf_counter() - started:.0f} s)")
    return report


def _git_revision() -> str | None:
    """The commit the weights were fitted from; "-dirty" when uncommitted changes (fitted before committing)."""
    where = Path(__file__).parent
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=where,
                              check=True).stdout.strip()
        dirty = bool(subprocess.run(["git", "status", "--porcelain"], capture_output=True, text=True, cwd=where,
                                    check=True).stdout.strip())  # edits and new files alike
    except (OSError, subprocess.CalledProcessError):
        return None
    return head + "-dirty" if head and dirty else head or None
