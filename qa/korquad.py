"""The external development set: the first half of KorQuAD 1.0 dev, as written by ``../shared/korquad/split.py``.

KorQuAD is CC BY-ND: nothing of it lives in this repository. ``qa eval --korquad DIR`` (or ``QA_KORQUAD_DIR``)
reads DIR/corpus/*.txt and DIR/questions.jsonl, keeps its indexes inside DIR, and measures what a user feels:
retrieval, the cited evidence, the short answer (KorQuAD's own exact match and character F1), answerable
questions refused, and two abstention checks: with every other article indexed, how often a question about a
left-out article still gets a cited answer (which can only cite an unrelated article); and with every article's
odd paragraphs removed, how often a question whose answer was removed is answered anyway (on topic, unanswered).
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from qa.metrics import best_exact, best_f1, contains, first_citation_holds, first_rank
from qa.settings import Settings


@dataclass
class KorquadQuestion:
    id: str
    question: str
    answers: list[str]
    article: str  # the article's file name without .txt
    paragraph: int

    def supported_by(self, text: str) -> bool:
        return any(contains(text, a) for a in self.answers)


@dataclass
class KorquadSet:
    folder: Path
    questions: list[KorquadQuestion]
    articles: list[str]  # in file order

    @property
    def corpus(self) -> Path:
        return self.folder / "corpus"

    def half_corpus(self) -> Path:
        """A corpus of every other article (the 1st, 3rd, …): the other half's questions have no article."""
        folder = self.folder / "corpus-half"
        folder.mkdir(exist_ok=True)
        kept = {f"{name}.txt" for name in self.kept_articles()}
        for path in folder.glob("*.txt"):
            if path.name not in kept:
                path.unlink()
        for name in kept:
            link = folder / name
            if not link.exists():
                link.symlink_to((self.corpus / name).resolve())
        return folder

    def paragraph_corpus(self) -> Path:
        """Every article with only its even paragraphs (0, 2, 4 …): questions about the others are on topic, yet
        what they ask is no longer written anywhere (unless the kept text states the answer too)."""
        folder = self.folder / "corpus-paragraphs"
        folder.mkdir(exist_ok=True)
        for path in sorted(self.corpus.glob("*.txt")):
            title, *paragraphs = path.read_text(encoding="utf-8").rstrip("\n").split("\n\n")
            kept = "\n\n".join([title, *paragraphs[::2]]) + "\n"
            target = folder / path.name
            if not target.exists() or target.read_text(encoding="utf-8") != kept:
                target.write_text(kept, encoding="utf-8")
        return folder

    def answered_in_kept_paragraphs(self, question: KorquadQuestion) -> bool:
        """Whether the paragraph corpus still answers ``question``: its paragraph was kept, or its answer is
        written in a kept paragraph as well."""
        if question.paragraph % 2 == 0:
            return True
        text = (self.folder / "corpus-paragraphs" / f"{question.article}.txt").read_text(encoding="utf-8")
        return any(contains(text, answer) for answer in question.answers)

    def kept_articles(self) -> list[str]:
        return self.articles[::2]

    def left_out_articles(self) -> list[str]:
        return self.articles[1::2]


def load(folder: Path) -> KorquadSet:
    folder = Path(folder).expanduser()
    path = folder / "questions.jsonl"
    if not path.is_file() or not (folder / "corpus").is_dir():
        raise FileNotFoundError(
            f"{folder}: expected corpus/ and questions.jsonl, as ../shared/korquad/split.py writes them"
        )
    questions = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            questions.append(KorquadQuestion(r["id"], r["question"], r["answers"], r["doc_id"], r["paragraph"]))
    articles = list(dict.fromkeys(q.article for q in questions))
    return KorquadSet(folder, questions, articles)


def settings_for(base: Settings, corpus: Path, index: Path) -> Settings:
    return Settings(**{**base.model_dump(), "corpus_dir": corpus, "index_dir": index})


def services(data: KorquadSet, settings: Settings, folder: Path, shared=None, weights=None, progress: bool = False):
    """The three services ``evaluate`` compares (all articles, every other one, even paragraphs), their indexes
    built or loaded in ``folder``; one model and analyzer (``shared``'s, if given) serve all three."""
    from qa.service import QAService  # the service imports the pipeline; this module stays light for the CLI

    made = []
    for corpus, name in ((data.corpus, "index-full"), (data.half_corpus(), "index-half"),
                         (data.paragraph_corpus(), "index-paragraphs")):
        service = QAService(settings_for(settings, corpus, folder / name), embedder=shared and shared.embedder,
                            analyzer=shared and shared.analyzer, weights=weights)
        service.ensure_index(progress=progress)
        shared = shared or service
        made.append(service)
    return tuple(made)


def article_ids(service) -> dict[str, str]:
    """KorQuAD article name (file stem) → the indexed document's id."""
    return {Path(doc.source).stem: doc.doc_id for doc in service.index.documents.values()}


@dataclass
class KorquadReport:
    questions: int
    recall: dict[str, tuple[float, float]]  # mode → (recall@1, recall@5)
    evidence_hit: float
    exact: float
    f1: float
    refused: float
    absent_questions: int
    absent_answered: float  # questions about a left-out article that got a cited answer anyway
    present_refused: float  # ... while the kept articles' questions were refused this often
    removed_questions: int = 0
    removed_answered: float = 0.0  # on-topic questions whose paragraph was removed, answered anyway
    by_type: dict[str, tuple[int, float, float]] = field(default_factory=dict)  # type → (n, exact, f1)
    seconds: float = 0.0

    def lines(self) -> list[str]:
        out = [f"KorQuAD 1.0 dev, first half: {self.questions} questions over 70 articles (all indexed)"]
        for mode, (r1, r5) in self.recall.items():
            out.append(f"retrieval {mode:8} recall@1 {r1:.3f}  recall@5 {r5:.3f}")
        out += [
            f"evidence hit         {self.evidence_hit:.3f} (gold answer inside the first cited sentence)",
            f"short answer exact   {self.exact:.3f}",
            f"short answer F1      {self.f1:.3f} (character F1, KorQuAD normalisation)",
            f"answerable refused   {self.refused:.3f}",
            f"abstention check     {self.absent_answered:.3f} of {self.absent_questions} questions about a left-out "
            f"article got a cited answer (present articles' questions refused: {self.present_refused:.3f})",
            f"on-topic check       {self.removed_answered:.3f} of {self.removed_questions} questions whose paragraph "
            "was removed (odd paragraphs of every article) got a cited answer",
            "by type              " + ", ".join(f"{t} {n}: {em:.2f}/{f1:.2f}" for t, (n, em, f1) in
                                                 sorted(self.by_type.items(), key=lambda x: -x[1][0])),
        ]
        return out


def evaluate(full, half, paragraphs, data: KorquadSet,
             modes: tuple[str, ...] = ("hybrid", "lexical", "dense")) -> KorquadReport:
    """``full`` serves all 70 articles, ``half`` every other one, ``paragraphs`` every article's even paragraphs
    (each a ``QAService``)."""
    started = time.perf_counter()
    questions = data.questions
    ids = article_ids(full)
    recall = {}
    for mode in modes:
        if mode == "hybrid":
            continue
        at1 = at5 = 0
        for q in questions:
            rank = first_rank(full.search(q.question, top_k=5, mode=mode),
                              lambda h: h.document.doc_id == ids[q.article] and q.supported_by(h.chunk.text))
            at1 += rank == 0
            at5 += rank is not None
        recall[mode] = (at1 / len(questions), at5 / len(questions))
    at1 = at5 = evidence = refused = 0
    exact = f1 = 0.0
    by_type: dict[str, list[tuple[bool, float]]] = defaultdict(list)
    for q in questions:
        reading, answer = full.read_and_answer(q.question)
        rank = first_rank(answer.passages, lambda p: p.doc_id == ids[q.article] and q.supported_by(p.text))
        at1 += rank == 0
        at5 += rank is not None
        evidence += first_citation_holds(answer, lambda doc_id, text: doc_id == ids[q.article] and q.supported_by(text))
        refused += not answer.answerable
        em, f = best_exact(answer.short_answer, q.answers), best_f1(answer.short_answer, q.answers)
        exact += em
        f1 += f
        by_type[reading.question.type.value].append((em, f))
    if "hybrid" in modes:
        recall = {"hybrid": (at1 / len(questions), at5 / len(questions)), **recall}
    left_out = set(data.left_out_articles())
    absent = [q for q in questions if q.article in left_out]
    present = [q for q in questions if q.article not in left_out]
    absent_answered = sum(half.read_and_answer(q.question)[1].answerable for q in absent)
    present_refused = sum(not half.read_and_answer(q.question)[1].answerable for q in present)
    removed = [q for q in questions if not data.answered_in_kept_paragraphs(q)]
    removed_answered = sum(paragraphs.read_and_answer(q.question)[1].answerable for q in removed)
    n = len(questions)
    return KorquadReport(
        questions=n, recall=recall, evidence_hit=evidence / n, exact=exact / n, f1=f1 / n, refused=refused / n,
        absent_questions=len(absent), absent_answered=absent_answered / max(len(absent), 1),
        present_refused=present_refused / max(len(present), 1),
        removed_questions=len(removed), removed_answered=removed_answered / max(len(removed), 1),
        by_type={t: (len(v), sum(e for e, _ in v) / len(v), sum(f for _, f in v) / len(v)) for t, v in by_type.items()},
        seconds=time.perf_counter() - started,
    )
