"""Fitted weights: logistic models over named features, loaded from a small JSON file that says where they came from.

Every score the answerer uses to rank evidence, rank answer spans or decide to abstain is one of these models,
fitted by ``qa fit`` (``qa/fitting.py``) on external data; nothing here is tuned by hand. Features are plain
``{name: value}`` dicts, so a model can be read, printed and compared with the code that computes its inputs.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

DEFAULT_WEIGHTS = Path(__file__).with_name("answer_weights.json")


@dataclass
class LinearModel:
    """``sigmoid(bias + Σ weight[name] · feature[name])``; missing features count as 0."""

    names: list[str]
    weights: list[float]
    bias: float

    def __post_init__(self) -> None:
        self._positions = {name: i for i, name in enumerate(self.names)}

    def logit(self, features: dict[str, float]) -> float:
        positions, weights = self._positions, self.weights
        return self.bias + sum(weights[positions[k]] * v for k, v in features.items() if k in positions and v)

    def probability(self, features: dict[str, float]) -> float:
        return sigmoid(self.logit(features))

    def logits(self, rows: list[dict[str, float]]) -> np.ndarray:
        # Rows are sparse (tens of features out of hundreds of names): a sum per row, no dense matrix to fill.
        return np.fromiter((self.logit(row) for row in rows), dtype=np.float64, count=len(rows))

    def to_dict(self) -> dict:
        return {"bias": self.bias, "weights": dict(zip(self.names, self.weights))}

    @classmethod
    def from_dict(cls, data: dict) -> "LinearModel":
        weights = data.get("weights", {})
        return cls(list(weights), [float(v) for v in weights.values()], float(data.get("bias", 0.0)))


@dataclass
class Weights:
    """The answerer's fitted parts: evidence (two stages), answer spans, abstention, and its threshold."""

    evidence: LinearModel
    rerank: LinearModel
    span: LinearModel
    abstain: LinearModel
    min_confidence: float
    provenance: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "provenance": self.provenance,
            "min_confidence": self.min_confidence,
            "evidence": self.evidence.to_dict(),
            "rerank": self.rerank.to_dict(),
            "span": self.span.to_dict(),
            "abstain": self.abstain.to_dict(),
        }

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    @classmethod
    def from_dict(cls, data: dict) -> "Weights":
        return cls(
            evidence=LinearModel.from_dict(data["evidence"]),
            rerank=LinearModel.from_dict(data["rerank"]),
            span=LinearModel.from_dict(data["span"]),
            abstain=LinearModel.from_dict(data["abstain"]),
            min_confidence=float(data["min_confidence"]),
            provenance=data.get("provenance", {}),
        )

    @classmethod
    def untrained(cls) -> "Weights":
        """All-zero models: every probability is 0.5. For computing features before anything is fitted."""
        zero = LinearModel([], [], 0.0)
        return cls(zero, zero, zero, zero, 0.0, {"note": "untrained"})

    @classmethod
    def load(cls, path: Path | None = None) -> "Weights":
        path = path or DEFAULT_WEIGHTS
        try:
            return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}: not a weights file ({exc}); run `qa fit` to make one") from exc


def sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)
