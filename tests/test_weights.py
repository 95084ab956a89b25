"""Fitted weights: named-feature logistic models in a JSON file that records where they came from."""

from __future__ import annotations

import math

import pytest

from qa.weights import DEFAULT_WEIGHTS, LinearModel, Weights


def test_a_linear_model_is_a_logistic_function_of_named_features():
    model = LinearModel(["coverage", "similarity"], [2.0, -1.0], 0.5)
    assert model.logit({"coverage": 1.0, "similarity": 0.5, "unknown": 9.0}) == pytest.approx(2.0)
    assert model.probability({}) == pytest.approx(1 / (1 + math.exp(-0.5)))
    assert model.logits([{"coverage": 1.0}, {}]).tolist() == pytest.approx([2.5, 0.5])
    assert LinearModel.from_dict(model.to_dict()).to_dict() == model.to_dict()


def test_the_shipped_weights_load_and_say_where_they_came_from(tmp_path):
    weights = Weights.load(DEFAULT_WEIGHTS)
    provenance = weights.provenance
    assert "KorQuAD" in provenance["data"]["korquad"] and provenance["command"].startswith("qa fit")
    assert any("evidence hit" in line for line in provenance["cross_validation"])
    assert 0.0 < weights.min_confidence < 1.0
    for model in (weights.evidence, weights.rerank, weights.span, weights.abstain):
        assert model.names and all(math.isfinite(w) for w in model.weights)
    weights.save(tmp_path / "w.json")
    assert Weights.load(tmp_path / "w.json").to_dict() == weights.to_dict()


def test_a_broken_weights_file_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "w.json"
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(ValueError, match="qa fit"):
        Weights.load(path)
