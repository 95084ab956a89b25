"""The typed records that flow through the pipeline: documents → chunks → hits."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

# Ids a client may choose for an added article: lowercase, URL- and file-name-safe, at most 80 characters.
DOC_ID_PATTERN = r"^[a-z0-9](?:[a-z0-9._-]{0,78}[a-z0-9])?$"


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into a document's cleaned text."""

    start: int
    end: int


@dataclass(slots=True)
class Document:
    """A cleaned article. ``text`` is the canonical cleaned text every offset points into.

    Its first line is the title and its second the metadata line (outlet, reporter, date) when known, so that
    questions about who wrote an article and when can be answered and cited like any sentence.
    """

    doc_id: str
    title: str
    text: str
    source: str  # file name (and line) it came from
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO 8601 date or date-time
    url: str | None = None
    body_start: int = 0  # where the article body begins in ``text`` (after the header lines)

    @property
    def body(self) -> str:
        """The article's text without its header lines."""
        return self.text[self.body_start :]

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Chunk:
    """A run of whole sentences from one document, with offsets into its cleaned text."""

    chunk_id: str
    doc_id: str
    start: int
    end: int
    text: str
    sentences: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Chunk":
        spans = [Span(**s) for s in data.get("sentences", [])]
        return cls(**{**data, "sentences": spans})


@dataclass(slots=True)
class Hit:
    """One retrieved chunk with its fused score and the ranks it had in each retriever (None = not found)."""

    chunk: Chunk
    document: Document
    score: float
    dense_rank: int | None = None
    lexical_rank: int | None = None
    dense_score: float | None = None
    lexical_score: float | None = None
    key: int = -1  # the chunk's storage key in the index that was searched (where its vectors and terms are)

    def to_dict(self) -> dict:
        doc = self.document
        return {
            "doc_id": doc.doc_id,
            "chunk_id": self.chunk.chunk_id,
            "title": doc.title,
            "outlet": doc.outlet,
            "author": doc.author,
            "published": doc.published,
            "text": self.chunk.text,
            "start": self.chunk.start,
            "end": self.chunk.end,
            "score": round(self.score, 6),
            "dense_rank": self.dense_rank,
            "lexical_rank": self.lexical_rank,
        }
