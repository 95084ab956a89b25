"""Fitting (``qa.fitting``) and ``qa fit`` (``qa.training``): weights fitted by a script, cross-validated by
article, written with their provenance."""

from __future__ import annotations

from qa import training
from qa.fitting import Rows, choose_threshold, fit_logistic
from qa.weights import Weights
from tests.korquad_sample import write


def test_logistic_fit_learns_the_direction_of_a_feature():
    rows = Rows()
    for i in range(40):
        rows.add({"coverage": i / 40, "noise": (i * 7) % 3}, i >= 20, i)
    model = fit_logistic(rows)
    assert model.probability({"coverage": 0.9, "noise": 1}) > 0.8 > 0.2 > model.probability({"coverage": 0.1, "noise": 1})


def test_one_class_gives_a_constant_model():
    rows = Rows()
    for i in range(5):
        rows.add({"x": i}, True, i)
    model = fit_logistic(rows)
    assert model.names == [] and model.probability({"x": 3}) > 0.99


def test_the_threshold_refuses_at_most_the_budget_of_answerable_questions():
    scores = [0.1, 0.2, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.97]
    labels = [0, 0, 0, 1, 0, 1, 1, 1, 1, 1]
    assert choose_threshold(scores, labels, refusal_budget=0.0) == 0.5  # every answerable question answered
    assert choose_threshold(scores, labels, refusal_budget=1 / 6) == 0.7  # one in six may be refused
    weights = [1.0] * 3 + [5.0] + [1.0] * 6  # ... unless that one weighs more than the budget
    assert choose_threshold(scores, labels, weights, refusal_budget=1 / 6) == 0.5


def test_fit_writes_cross_validated_weights_with_provenance(tmp_path, service):
    sample = write(tmp_path / "korquad")
    out = tmp_path / "weights.json"
    lines = training.run(sample, [], out, service.settings, folds=2, shared=service)
    assert lines[0].startswith("cross-validated over 2 folds") and "KorQuAD dev half (16 questions" in lines[1]
    weights = Weights.load(out)
    assert weights.provenance["cross_validation"] and "16 questions" in weights.provenance["data"]["korquad"]
    assert weights.evidence.names  # the evidence model learned from every retrieved sentence
