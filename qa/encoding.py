"""What indexing computes for documents: chunks, their BM25 terms, chunk vectors and sentence vectors.

This is the expensive part (Kiwi and the model), done once per document; storage (``qa/index.py``) only files it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qa.chunking import chunk_document, header_lines
from qa.embedder import Embedder
from qa.korean import KoreanAnalyzer
from qa.schema import Chunk, Document
from qa.segment import SENTENCE_DTYPE
from qa.settings import Settings


@dataclass
class Encoded:
    """Encoded chunks, row-aligned."""

    chunks: list[Chunk]
    vectors: np.ndarray  # one per chunk
    sentence_vectors: np.ndarray  # one per sentence of each chunk, in order
    terms: list[list[str]]  # BM25 terms of each chunk's passage text
    term_starts: list[tuple[int, ...]]  # where each sentence's terms begin in ``terms[row]``, then where they end

    @classmethod
    def joined(cls, parts: list["Encoded"], dim: int) -> "Encoded":
        """Batches encoded apart (on several workers), as one: rows follow the order of ``parts``."""
        return cls(
            [chunk for part in parts for chunk in part.chunks],
            np.concatenate([part.vectors for part in parts]) if parts else np.zeros((0, dim), np.float32),
            np.concatenate([part.sentence_vectors for part in parts]) if parts
            else np.zeros((0, dim), SENTENCE_DTYPE),
            [words for part in parts for words in part.terms],
            [starts for part in parts for starts in part.term_starts],
        )

    @property
    def sentence_counts(self) -> np.ndarray:
        return np.fromiter((len(c.sentences) for c in self.chunks), dtype=np.int64, count=len(self.chunks))


def passage_text(chunk: Chunk, doc: Document, with_title: bool) -> str:
    """What gets embedded: the chunk, led by its article's title so context-free chunks stay findable."""
    if with_title and chunk.start >= doc.body_start:
        return f"{doc.title}\n{chunk.text}"
    return chunk.text


def encode_documents(
    documents: list[Document], settings: Settings, analyzer: KoreanAnalyzer, embedder: Embedder, progress: bool
) -> Encoded:
    """Chunk, analyse and embed documents. Kiwi reads each sentence once; the model reads each chunk once."""
    chunks: list[Chunk] = []
    terms: list[list[str]] = []
    term_starts: list[tuple[int, ...]] = []
    texts: list[str] = []
    spans: list[list[tuple[int, int]]] = []
    analysed_docs = analyzer.sentences_with_terms([(doc.text, doc.body_start, None) for doc in documents])
    # Titles and header lines (the header chunk's "sentences") are short: analysed in one batch too.
    headers = [header_lines(doc) for doc in documents]
    title_terms = analyzer.terms_many([doc.title for doc in documents])
    line_terms = iter(analyzer.terms_many(
        [doc.text[line.start : line.end] for doc, lines in zip(documents, headers) for line in lines]
    ))
    for doc, analysed, lines, title_words in zip(documents, analysed_docs, headers, title_terms):
        sentence_terms = {span: words for span, words in analysed}
        sentence_terms.update((line, next(line_terms)) for line in lines)
        for chunk in chunk_document(doc, analyzer, settings.chunk_chars, settings.chunk_overlap_sentences,
                                    sentences=[span for span, _ in analysed]):
            text = passage_text(chunk, doc, settings.embed_title)
            shift = len(text) - len(chunk.text) - chunk.start  # the title line before the chunk's own text
            chunk_words = list(title_words) if len(text) > len(chunk.text) else []
            starts = []
            for span in chunk.sentences:
                starts.append(len(chunk_words))
                chunk_words.extend(sentence_terms[span])
            chunks.append(chunk)
            terms.append(chunk_words)
            term_starts.append((*starts, len(chunk_words)))
            texts.append(text)
            spans.append([(span.start + shift, span.end + shift) for span in chunk.sentences])
    vectors, sentence_vectors = embedder.encode_passages_with_sentences(texts, spans, progress=progress)
    return Encoded(chunks, vectors, sentence_vectors.astype(SENTENCE_DTYPE), terms, term_starts)
