"""Sentence embeddings: passages and queries get their own prompts; the model runs on the configured runtime."""

from __future__ import annotations

import numpy as np
from tqdm import tqdm

from qa.lru import LRUCache
from qa.runtime import EncoderRuntime, load_runtime, normalised
from qa.settings import Settings

ENCODE_SLICE_BATCHES = 8  # batches per runtime call when indexing: bounds the token embeddings held at once


class Embedder:
    """Loads the configured model once (``Settings.runtime`` says how it runs); vectors are L2-normalised float32."""

    def __init__(self, settings: Settings, runtime: EncoderRuntime | None = None) -> None:
        self.name = settings.model
        self.runtime = runtime or load_runtime(settings)
        self.query_prompt = settings.query_prompt
        self.passage_prompt = settings.passage_prompt
        self.batch_size = settings.embed_batch_size
        self.dim = self.runtime.dim
        self.cache: LRUCache[np.ndarray] = LRUCache(settings.embed_cache_size)

    def encode_passages_with_sentences(
        self, texts: list[str], spans: list[list[tuple[int, int]]], progress: bool = False
    ) -> tuple[np.ndarray, np.ndarray]:
        """Passage vectors, plus one vector per sentence span, so evidence is scored without encoding at question time.

        A sentence's vector joins two readings: the mean of its tokens' contextual embeddings in the passage pass
        (what the sentence means where it stands) and the sentence encoded alone (what it says by itself). On the
        KorQuAD dev half their normalised sum ranks a question's gold sentence first within its article 0.73 of
        the time, against 0.59 for the contextual mean and 0.71 for the sentence alone. ``spans`` are character
        ranges into each text; rows follow them in order.
        """
        first_row = np.concatenate([[0], np.cumsum([len(s) for s in spans], dtype=np.int64)])
        vectors = np.zeros((len(texts), self.dim), dtype=np.float32)
        sentences = np.zeros((int(first_row[-1]), self.dim), dtype=np.float32)
        # Longest first, so batches pad alike; each slice's token embeddings are pooled and dropped before the
        # next (holding a whole corpus's made indexing a fifth slower).
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        step = self.batch_size * ENCODE_SLICE_BATCHES
        with tqdm(total=len(texts), unit="chunk", desc="embedding", disable=not progress) as bar:
            for begin in range(0, len(order), step):
                part = order[begin : begin + step]
                outputs = self.runtime.embed_tokens([texts[i] for i in part], self.passage_prompt, self.batch_size)
                for i, output in zip(part, outputs):
                    vectors[i] = output.pooled
                    for row, (start, end) in enumerate(spans[i], start=int(first_row[i])):
                        inside = (output.offsets[:, 0] < end) & (output.offsets[:, 1] > start)
                        pooled = output.tokens[inside].mean(axis=0) if inside.any() else output.pooled
                        sentences[row] = pooled / (np.linalg.norm(pooled) or 1.0)
                bar.update(len(part))
        texts_of_rows = [text[start:end] for text, text_spans in zip(texts, spans) for start, end in text_spans]
        sentences += self._encode_alone(texts_of_rows, progress)
        return normalised(vectors), normalised(sentences)

    def _encode_alone(self, texts: list[str], progress: bool) -> np.ndarray:
        """Each distinct text encoded by itself (chunks overlap, so a sentence is often met twice), in order."""
        distinct = sorted(set(texts), key=len, reverse=True)  # longest first, so batches pad alike
        found = np.zeros((len(distinct), self.dim), dtype=np.float32)
        step = self.batch_size * ENCODE_SLICE_BATCHES
        with tqdm(total=len(distinct), unit="sentence", desc="embedding sentences", disable=not progress) as bar:
            for begin in range(0, len(distinct), step):
                part = distinct[begin : begin + step]
                outputs = self.runtime.embed_tokens(part, self.passage_prompt, self.batch_size)
                found[begin : begin + step] = normalised(np.stack([output.pooled for output in outputs]))
                bar.update(len(part))
        row_of = {text: row for row, text in enumerate(distinct)}
        return found[[row_of[text] for text in texts]] if texts else np.zeros((0, self.dim), dtype=np.float32)

    def encode_query(self, text: str) -> np.ndarray:
        """The question's vector, from an LRU cache: a repeated question is encoded once per process."""
        key = (self.query_prompt, text)
        vector = self.cache.get(key)
        if vector is None:
            vector = np.ascontiguousarray(self.runtime.embed([text], self.query_prompt)[0], dtype=np.float32)
            self.cache.put(key, vector)
        return vector
