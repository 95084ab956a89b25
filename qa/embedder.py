"""Sentence embeddings with sentence-transformers: passages and queries get their own prompts."""

from __future__ import annotations

import numpy as np
from tqdm import tqdm

from qa.lru import LRUCache
from qa.model_store import resolve_model_path
from qa.settings import Settings

ENCODE_SLICE_BATCHES = 8  # batches per `encode` call when indexing: bounds the token embeddings held at once


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

    def encode_passages_with_sentences(
        self, texts: list[str], spans: list[list[tuple[int, int]]], progress: bool = False
    ) -> tuple[np.ndarray, np.ndarray]:
        """Passage vectors, plus one vector per sentence span from the same forward pass.

        A sentence's vector is the mean of its tokens' contextual embeddings (the model's own mean pooling,
        restricted to the sentence), so evidence sentences are scored against a question without encoding them
        at question time. ``spans`` are character ranges into each text; rows follow them in order.
        """
        first_row = np.concatenate([[0], np.cumsum([len(s) for s in spans], dtype=np.int64)])
        vectors = np.zeros((len(texts), self.dim), dtype=np.float32)
        sentences = np.zeros((int(first_row[-1]), self.dim), dtype=np.float32)
        # Longest first, as `encode` sorts, so slices pad alike; each slice's token embeddings are pooled and
        # dropped before the next (holding a whole corpus's made indexing a fifth slower).
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        with tqdm(total=len(texts), unit="chunk", desc="embedding", disable=not progress) as bar:
            for begin in range(0, len(order), self.batch_size * ENCODE_SLICE_BATCHES):
                part = order[begin : begin + self.batch_size * ENCODE_SLICE_BATCHES]
                outputs = self.model.encode([texts[i] for i in part], prompt=self.passage_prompt,
                                            batch_size=self.batch_size, output_value=None, show_progress_bar=False)
                all_offsets = self._offsets([self.passage_prompt + texts[i] for i in part])
                for i, output, offsets in zip(part, outputs, all_offsets):
                    vectors[i] = output["sentence_embedding"].float().numpy()
                    tokens = output["token_embeddings"].float().numpy()
                    offsets = _fitted(offsets, len(tokens)) - len(self.passage_prompt)
                    for row, (start, end) in enumerate(spans[i], start=int(first_row[i])):
                        inside = (offsets[:, 0] < end) & (offsets[:, 1] > start)
                        pooled = tokens[inside].mean(axis=0) if inside.any() else vectors[i]
                        sentences[row] = pooled / (np.linalg.norm(pooled) or 1.0)
                bar.update(len(part))
        return _normalised(vectors), sentences

    def _offsets(self, texts: list[str]) -> list[np.ndarray]:
        """Character range of each model token of each text (special tokens get an empty range), in one batch."""
        encoded = self.model.tokenizer(
            texts, return_offsets_mapping=True, truncation=True, max_length=self.model.max_seq_length
        )
        return [np.asarray(offsets, dtype=np.int64).reshape(-1, 2) for offsets in encoded["offset_mapping"]]

    def encode_query(self, text: str) -> np.ndarray:
        """The question's vector, from an LRU cache: a repeated question is encoded once per process."""
        key = (self.query_prompt, text)
        vector = self.cache.get(key)
        if vector is None:
            encoded = self.model.encode([text], prompt=self.query_prompt, normalize_embeddings=True,
                                        show_progress_bar=False)
            vector = np.ascontiguousarray(encoded[0], dtype=np.float32)
            self.cache.put(key, vector)
        return vector


def _normalised(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.ascontiguousarray(vectors / np.where(norms == 0, 1.0, norms), dtype=np.float32)


def _fitted(offsets: np.ndarray, length: int) -> np.ndarray:
    """Offsets for exactly ``length`` tokens: any the tokenizer did not report get an empty range (never pooled)."""
    if len(offsets) >= length:
        return offsets[:length]
    return np.vstack([offsets, np.zeros((length - len(offsets), 2), dtype=np.int64)])
