"""The reference runtime: sentence-transformers on torch, which loads any model name or folder it knows."""

from __future__ import annotations

import numpy as np

from qa.runtime import TokenOutput, normalised


class TorchRuntime:
    """``SentenceTransformer(path)`` on the CPU; token offsets come from the model's own tokenizer."""

    name = "torch"

    def __init__(self, path: str, threads: int = 0) -> None:
        import torch
        from sentence_transformers import SentenceTransformer  # heavy import: only when this runtime is chosen
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # the per-tensor "Loading weights" bar is noise for users
        if threads:
            torch.set_num_threads(threads)
        self.model = SentenceTransformer(path, device="cpu")
        self.dim = int(self.model.get_embedding_dimension())

    def embed(self, texts: list[str], prompt: str) -> np.ndarray:
        vectors = self.model.encode(texts, prompt=prompt, normalize_embeddings=True, show_progress_bar=False)
        return normalised(np.asarray(vectors, dtype=np.float32))

    def embed_tokens(self, texts: list[str], prompt: str, batch_size: int) -> list[TokenOutput]:
        outputs = self.model.encode(texts, prompt=prompt, batch_size=batch_size, output_value=None,
                                    show_progress_bar=False)
        encoded = self.model.tokenizer([prompt + text for text in texts], return_offsets_mapping=True,
                                       truncation=True, max_length=self.model.max_seq_length)
        results = []
        for output, offsets in zip(outputs, encoded["offset_mapping"]):
            tokens = output["token_embeddings"].float().numpy()
            offsets = _fitted(np.asarray(offsets, dtype=np.int64).reshape(-1, 2), len(tokens)) - len(prompt)
            results.append(TokenOutput(output["sentence_embedding"].float().numpy(), tokens, offsets))
        return results


def _fitted(offsets: np.ndarray, length: int) -> np.ndarray:
    """Offsets for exactly ``length`` tokens: any the tokenizer did not report get an empty range (never pooled)."""
    if len(offsets) >= length:
        return offsets[:length]
    return np.vstack([offsets, np.zeros((length - len(offsets), 2), dtype=np.int64)])
