"""How the embedding model runs: one small protocol, a torch runtime and an ONNX Runtime one for the same weights.

The embedder needs two things from a runtime: pooled vectors (questions) and, for indexing, each token's
contextual embedding with its character range (evidence sentences are pooled from them). Both runtimes give
the same numbers for the same model (see README, "Runtimes"); which one runs is ``Settings.runtime``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import numpy as np

from qa.model_store import resolve_model_path
from qa.settings import Settings

@dataclass
class TokenOutput:
    """One text's forward pass: its pooled vector (not normalised), token embeddings and their character ranges."""

    pooled: np.ndarray  # (dim,)
    tokens: np.ndarray  # (tokens, dim)
    offsets: np.ndarray  # (tokens, 2) character range of each token in the text; special tokens are empty


class EncoderRuntime(Protocol):
    """Runs the model; the prompt is the model's instruction prefix, and offsets never count it."""

    name: str
    dim: int

    def embed(self, texts: list[str], prompt: str) -> np.ndarray:
        """L2-normalised pooled vectors, one row per text."""
        ...

    def embed_tokens(self, texts: list[str], prompt: str, batch_size: int) -> list[TokenOutput]:
        """Pooled vectors and token embeddings, in the order of ``texts``."""
        ...


def load_runtime(settings: Settings) -> EncoderRuntime:
    """The configured runtime for the configured model (the default model is rebuilt offline first)."""
    path = resolve_model_path(settings.model, settings.cache_dir)
    if settings.runtime == "torch":
        from qa.torch_runtime import TorchRuntime

        return TorchRuntime(path, threads=settings.embed_threads)
    from qa.onnx_export import ensure_export
    from qa.onnx_runtime import OnnxRuntime

    folder = ensure_export(path, settings.cache_dir, quantized=settings.runtime == "onnx-int8")
    return OnnxRuntime(folder, batch_tokens=settings.embed_batch_tokens, threads=settings.embed_threads)


def normalised(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (an all-zero row stays zero), as contiguous float32."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.ascontiguousarray(vectors / np.where(norms == 0, 1.0, norms), dtype=np.float32)
