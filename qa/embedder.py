"""Sentence embeddings with sentence-transformers: passages and queries get their own prompts."""

from __future__ import annotations

import logging

import numpy as np

from qa.lru import LRUCache
from qa.model_store import resolve_model_path
from qa.settings import Settings

log = logging.getLogger(__name__)


class Embedder:
    """Loads the configured model once with ``SentenceTransformer(path)``; vectors are L2-normalised float32."""

    def __init__(self, settings: Settings) -> None:
        from sentence_transformers import SentenceTransformer  # heavy import: only when a model is needed
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # the per-tensor "Loading weights" bar is noise for users

        self.name = settings.model
        self.path = resolve_model_path(settings.model, settings.cache_dir)
        self.model = SentenceTransformer(self.path, device="cpu")
        self.query_prompt = settings.query_prompt
        self.passage_prompt = settings.passage_prompt
        self.batch_size = settings.embed_batch_size
        self.dim = int(self.model.get_embedding_dimension())
        self.cache: LRUCache[np.ndarray] = LRUCache(settings.embed_cache_size)

    def encode_passages(self, texts: list[str], progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self.model.encode(
            texts,
            prompt=self.passage_prompt,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=progress,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def encode_query(self, text: str) -> np.ndarray:
        return self.encode_cached([text], self.query_prompt)[0]

    def encode_cached(self, texts: list[str], prompt: str) -> np.ndarray:
        """Encode with an LRU cache: repeated questions and evidence sentences are encoded once per process."""
        found = {t: v for t in dict.fromkeys(texts) if (v := self.cache.get((prompt, t))) is not None}
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            vectors = self.model.encode(
                missing, prompt=prompt, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True
            )
            for text, vector in zip(missing, vectors):
                found[text] = np.ascontiguousarray(vector, dtype=np.float32)
                self.cache.put((prompt, text), found[text])
        return np.stack([found[t] for t in texts])
