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

    def encode_passages_with_sentences(
        self, texts: list[str], spans: list[list[tuple[int, int]]], progress: bool = False
    ) -> tuple[np.ndarray, np.ndarray]:
        """Passage vectors, plus one vector per sentence span from the same forward pass.

        A sentence's vector is the mean of its tokens' contextual embeddings (the model's own mean pooling,
        restricted to the sentence), so evidence sentences are scored against a question without encoding them
        at question time. ``spans`` are character ranges into each text; rows follow them in order.
        """
        sentence_count = sum(len(s) for s in spans)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32), np.zeros((sentence_count, self.dim), dtype=np.float32)
        outputs = self.model.encode(
            texts,
            prompt=self.passage_prompt,
            batch_size=self.batch_size,
            output_value=None,
            show_progress_bar=progress,
        )
        vectors = np.empty((len(texts), self.dim), dtype=np.float32)
        sentences = np.empty((sentence_count, self.dim), dtype=np.float32)
        row = 0
        for i, (text, output, text_spans) in enumerate(zip(texts, outputs, spans)):
            vectors[i] = output["sentence_embedding"].float().numpy()
            tokens = output["token_embeddings"].float().numpy()
            offsets = self._offsets(self.passage_prompt + text, len(tokens))
            shift = len(self.passage_prompt)
            for start, end in text_spans:
                inside = (offsets[:, 0] < end + shift) & (offsets[:, 1] > start + shift)
                pooled = tokens[inside].mean(axis=0) if inside.any() else vectors[i]
                sentences[row] = pooled / (np.linalg.norm(pooled) or 1.0)
                row += 1
        return _normalised(vectors), sentences

    def _offsets(self, text: str, length: int) -> np.ndarray:
        """Character range of each model token of ``text`` (special tokens get an empty range)."""
        encoded = self.model.tokenizer(
            text, return_offsets_mapping=True, truncation=True, max_length=self.model.max_seq_length
        )
        offsets = np.asarray(encoded["offset_mapping"], dtype=np.int64)[:length]
        if len(offsets) < length:  # the model saw more tokens than the tokenizer gave offsets for: never pool them
            offsets = np.vstack([offsets, np.zeros((length - len(offsets), 2), dtype=np.int64)])
        return offsets

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


def _normalised(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.ascontiguousarray(vectors / np.where(norms == 0, 1.0, norms), dtype=np.float32)
