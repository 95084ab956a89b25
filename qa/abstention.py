"""Abstention: one calibrated probability that the articles answer the question, from the reading's features.

The worst thing this product can do is cite an unrelated article with confidence. A similarity threshold alone
cannot tell a question about an absent article from a paraphrase of a present one, so the decision combines
what the evidence and span models found with how much of the question the corpus knows at all (words it has
never seen, proper nouns that no retrieved sentence names), in a logistic model fitted on questions whose
articles are indexed and questions whose articles are not.
"""

from __future__ import annotations

import math

from qa.evidence import SentenceCandidate
from qa.question import Question
from qa.weights import LinearModel

_CARRIED = ("coverage", "coverage_context", "coverage_window", "coverage_document", "similarity", "pairs",
            "rarest", "passage_dense", "entities", "entities_context", "focus_terms", "unit_found")


def features(question: Question, best: SentenceCandidate | None, runner_up: SentenceCandidate | None) -> dict[str, float]:
    """What the decision sees: the best evidence's own features and probabilities, and the question's words."""
    f: dict[str, float] = {f"type_{question.type.value}": 1.0}
    f["key_terms"] = math.log1p(len(question.key_terms))
    f["unknown"] = len(question.unknown_nouns) / max(len(question.key_terms), 1)
    f["unknown_any"] = float(bool(question.unknown_nouns))
    if best is None:
        f["no_evidence"] = 1.0
        return f
    for name in _CARRIED:
        if name in best.features:
            f[name] = best.features[name]
    f["entities_missing"] = float(bool(question.entities) and best.features.get("entities_context", 1.0) < 1.0)
    f["evidence_logit"] = _logit(best.probability)
    f["first_stage_logit"] = best.logit
    f["evidence_margin"] = best.probability - (runner_up.probability if runner_up is not None else 0.0)
    if question.wants_span:
        top = best.spans[0] if best.spans else None
        f["span_logit"] = _logit(top.probability) if top is not None else -8.0
        f["span_missing"] = float(top is None)
    return f


def probability(model: LinearModel, question: Question, best: SentenceCandidate | None,
                runner_up: SentenceCandidate | None) -> float:
    return model.probability(features(question, best, runner_up))


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))
