"""Fitting the answerer's models: logistic regressions over named features, in pipeline order.

``Fitter`` gathers every example's reading once (retrieval and sentence features do not depend on weights),
then fits the first-stage evidence model, the span model, the second-stage evidence model and the abstention
model with its threshold, each from the examples it is given, so cross-validation can leave any of them out.
The ``qa fit`` command that feeds it (data, weights per source, folds, report) is ``qa.training``.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field

import numpy as np

from qa import abstention
from qa.answerer import Answerer, Reading, article_names
from qa.metrics import Expected, contains, normalize
from qa.service import QAService
from qa.settings import Settings
from qa.weights import LinearModel, Weights, sigmoid

log = logging.getLogger(__name__)

REGULARISATION = 1.0  # sklearn's C: inverse L2 strength on standardised features
SPAN_SENTENCES = 2  # answer-holding sentences per question whose candidate spans train the span model


@dataclass
class Example:
    """One question asked of one index, with what a right reading must find."""

    source: str  # "korquad", "korquad-half", or a dev file's name
    group: str  # cross-validation group: the article the question is about
    question: str
    answers: list[str]
    evidence: str | None
    doc_id: str | None  # the indexed document that answers it (None: no indexed article does)
    service: QAService = field(repr=False)
    weight: float = 1.0
    expected: Expected | None = None  # a dev question's full expectation (items, polarity), for its honest hit

    @property
    def answerable(self) -> bool:
        if self.expected is not None:  # a dev question may span articles (no doc_id) and still be answerable
            return self.expected.answerable
        return self.doc_id is not None and bool(self.answers)

    def holds_answer(self, doc_id: str, text: str) -> bool:
        if self.doc_id is not None and doc_id != self.doc_id:
            return False
        if self.evidence:
            return contains(text, self.evidence)
        return any(contains(text, a) for a in self.answers)


@dataclass
class Rows:
    """Feature rows with labels, weights and the example each came from."""

    features: list[dict[str, float]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    owners: list[int] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)

    def add(self, features: dict[str, float], label: bool, owner: int, weight: float = 1.0) -> None:
        self.features.append(features)
        self.labels.append(int(label))
        self.owners.append(owner)
        self.weights.append(weight)

    def subset(self, owners: set[int]) -> "Rows":
        out = Rows()
        for f, y, o, w in zip(self.features, self.labels, self.owners, self.weights):
            if o in owners:
                out.add(f, bool(y), o, w)
        return out


def fit_logistic(rows: Rows) -> LinearModel:
    """Logistic regression on standardised features, folded back into weights on the raw features."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    if len(set(rows.labels)) < 2:  # nothing to separate (tiny data): a constant at the observed rate
        rate = min(max(sum(rows.labels) / max(len(rows.labels), 1), 1e-3), 1 - 1e-3)
        return LinearModel([], [], round(math.log(rate / (1 - rate)), 6))
    vectorizer = DictVectorizer(sparse=False)
    matrix = vectorizer.fit_transform(rows.features)
    weights = np.asarray(rows.weights)
    mean = np.average(matrix, axis=0, weights=weights)
    scale = np.sqrt(np.average((matrix - mean) ** 2, axis=0, weights=weights))
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=REGULARISATION, max_iter=5000)
    model.fit((matrix - mean) / scale, rows.labels, sample_weight=rows.weights)
    coefficients = model.coef_[0] / scale
    bias = float(model.intercept_[0] - np.sum(model.coef_[0] * mean / scale))
    names = vectorizer.get_feature_names_out().tolist()
    return LinearModel(names, [round(float(w), 6) for w in coefficients], round(bias, 6))


def choose_threshold(scores: list[float], labels: list[int], weights: list[float] | None = None,
                     refusal_budget: float = 0.05) -> float:
    """The highest score that refuses at most ``refusal_budget`` of the answerable questions (by weight).

    Refusing a question the articles answer and answering one they do not are both failures, but the product
    promises the first to be rare; among the thresholds that keep that promise, the highest answers the fewest
    unanswerable questions.
    """
    p, y = np.asarray(scores), np.asarray(labels)
    w = np.asarray(weights) if weights is not None else np.ones_like(p)
    positive = y == 1
    total = max(float(w[positive].sum()), 1e-9)
    best = float(p.min()) if len(p) else 0.0
    for t in np.unique(np.round(p[positive], 3)):
        if float(w[positive & (p < t)].sum()) / total > refusal_budget:
            break
        best = float(t)
    return best


class Fitter:
    """Gathers every example's reading once, then fits the models in pipeline order on any subset of examples."""

    def __init__(self, examples: list[Example], settings: Settings) -> None:
        self.examples = examples
        self.settings = settings
        self.evidence = Rows()  # first-stage rows of every answerable example, after ``gather``
        self.spans = Rows()
        self.readings: list[Reading] = []
        self.memo: dict = {}  # span candidates by (question, sentence): read once, re-weighed per fold

    def _answerer(self, ex: Example, weights: Weights) -> Answerer:
        answerer = ex.service.answerer(weights=weights)
        answerer.reader.memo = self.memo
        return answerer

    def gather(self) -> None:
        """Question analysis, retrieval and sentence features for every example: what no weight changes."""
        untrained = Weights.untrained()
        for n, ex in enumerate(self.examples):
            self.readings.append(self._answerer(ex, untrained).gather(ex.question))
            if n % 500 == 0:
                log.info("gathered %d of %d questions", n, len(self.examples))
        self.evidence, self.spans = self.evidence_rows(), self.span_rows()
        log.info("feature rows: %d sentences, %d spans", len(self.evidence.labels), len(self.spans.labels))

    def evidence_rows(self) -> Rows:
        rows = Rows()
        for n, (ex, reading) in enumerate(zip(self.examples, self.readings)):
            if ex.answerable:
                for sentence in reading.sentences:
                    rows.add(sentence.features, ex.holds_answer(sentence.hit.document.doc_id, sentence.text), n,
                             ex.weight)
        return rows

    def span_rows(self) -> Rows:
        """Candidate spans of the sentences that hold the answer, labelled by KorQuAD's exact match."""
        rows = Rows()
        for n, (ex, reading) in enumerate(zip(self.examples, self.readings)):
            if not (ex.answerable and ex.answers and reading.question.wants_span):
                continue
            golds = {normalize(a) for a in ex.answers}
            reader = self._answerer(ex, Weights.untrained()).reader
            holding = [s for s in reading.sentences if ex.holds_answer(s.hit.document.doc_id, s.text)]
            for sentence in holding[:SPAN_SENTENCES]:
                for candidate in reader.candidates(reading.question, sentence.text,
                                                   article_names(sentence, reader.analyzer)):
                    rows.add(candidate.features, normalize(candidate.text) in golds, n, ex.weight)
        return rows

    def weighed(self, weights: Weights, owners: set[int]):
        """(index, example, reading) of each example in ``owners``, its reading weighed with ``weights``."""
        for n in sorted(owners):
            ex = self.examples[n]
            yield n, ex, self._answerer(ex, weights).weigh(self.readings[n])

    def fit(self, owners: set[int]) -> Weights:
        """All the models, in pipeline order, from the examples in ``owners`` only."""
        zero = LinearModel([], [], 0.0)
        weights = Weights(fit_logistic(self.evidence.subset(owners)), zero, fit_logistic(self.spans.subset(owners)),
                          zero, 0.0)
        # Second stage: the first stage chose each question's best few sentences and their spans were read;
        # now learn which of those sentences is right.
        rerank = Rows()
        for n, ex, reading in self.weighed(weights, {n for n in owners if self.examples[n].answerable}):
            for sentence in (s for s in reading.sentences if s.rerank_features):
                rerank.add(sentence.rerank_features, ex.holds_answer(sentence.hit.document.doc_id, sentence.text), n,
                           ex.weight)
        weights.rerank = fit_logistic(rerank)
        decisions = Rows()
        for n, ex, reading in self.weighed(weights, owners):
            runner_up = reading.sentences[1] if len(reading.sentences) > 1 else None
            decisions.add(abstention.features(reading.question, reading.best, runner_up), ex.answerable, n, ex.weight)
        weights.abstain = fit_logistic(decisions)
        threshold = choose_threshold(weights.abstain.logits(decisions.features).tolist(), decisions.labels,
                                     decisions.weights, self.settings.refusal_budget)
        weights.min_confidence = round(sigmoid(threshold), 4)
        return weights
