"""Korean lexical search: BM25 over kiwipiepy morpheme terms in tantivy, with typo correction for unknown terms.

tantivy (a Lucene-like engine in Rust) keeps the postings in segments, so an add writes a small segment and a
delete marks documents, neither re-fitting the rest; its BM25 reads document frequencies across all segments, so
scores stay corpus-wide. Terms come analysed by Kiwi and are indexed as they are (a whitespace tokenizer over the
joined terms, no lower-casing or stemming). Outlet, publication day and document id are indexed too, so a filter is
a clause of the query itself. Each ``LexicalIndex`` reads through one searcher, a point-in-time view: a writer's
commit makes a new ``LexicalIndex`` and leaves the readers of the old one undisturbed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Set
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import tantivy

from qa import lexicon
from qa.filters import Filters, publication_day
from qa.korean import edit_distance, jamo
from qa.lru import LRUCache

_HANGUL_WORD = re.compile(r"[가-힣]+")

CORRECTION_CACHE_SIZE = 10_000  # unknown terms already corrected (or found uncorrectable)
FREQUENCY_CACHE_SIZE = 50_000  # terms whose live document frequency is known
CLAUSE_CACHE_SIZE = 64  # filters already turned into query clauses (a reader asks many questions in one scope)
WRITER_HEAP_BYTES = 50_000_000  # tantivy's indexing buffer; a larger one only helps a bulk build


class LexicalError(RuntimeError):
    """The lexical index cannot be opened or read."""


@dataclass
class LexicalEntry:
    """What the lexical index holds of one chunk."""

    key: int
    doc_id: str
    terms: list[str]
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD…


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_unsigned_field("key", indexed=True, fast=True)
    builder.add_text_field("doc", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("outlet", tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("published", indexed=True, fast=True)
    builder.add_text_field("terms", tokenizer_name="whitespace", index_option="freq")
    builder.add_text_field("tails", tokenizer_name="whitespace", index_option="basic")  # reversed: typo candidates
    return builder.build()


def _joined(terms: list[str]) -> str:
    return " ".join(t for t in terms if t and not any(c.isspace() for c in t))


class LexicalIndex:
    def __init__(self, index: tantivy.Index, typo_max_distance: int = 1) -> None:
        self.index = index
        self.schema = index.schema
        self.typo_max_distance = typo_max_distance
        index.reload()
        self.searcher = index.searcher()
        self.size = self.searcher.num_docs
        # The vocabulary of one searcher never changes, so a correction holds for this object's life.
        self._corrections: LRUCache[str] = LRUCache(CORRECTION_CACHE_SIZE)
        self._frequencies: LRUCache[int] = LRUCache(FREQUENCY_CACHE_SIZE)
        self._clauses: LRUCache[tantivy.Query] = LRUCache(CLAUSE_CACHE_SIZE)

    @classmethod
    def create(cls, folder: Path | None, entries: list[LexicalEntry] = (), typo_max_distance: int = 1) -> "LexicalIndex":
        """A new index (in memory when ``folder`` is None) holding ``entries``."""
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
        index = tantivy.Index(_schema(), path=str(folder) if folder else None, reuse=False)
        lexical = cls(index, typo_max_distance)
        return lexical.with_added(entries) if entries else lexical

    @classmethod
    def open(cls, folder: Path, typo_max_distance: int = 1) -> "LexicalIndex":
        try:
            return cls(tantivy.Index.open(str(folder)), typo_max_distance)
        except (OSError, ValueError) as exc:
            raise LexicalError(f"lexical index: {exc}") from exc

    # -- writing -----------------------------------------------------------------------------------------------

    def _write(self, change) -> "LexicalIndex":
        writer = self.index.writer(WRITER_HEAP_BYTES, 1)
        try:
            change(writer)
            writer.commit()
            writer.wait_merging_threads()
        except BaseException:
            writer.rollback()
            raise
        return LexicalIndex(self.index, self.typo_max_distance)

    def with_added(self, entries: list[LexicalEntry]) -> "LexicalIndex":
        """Index ``entries`` in one commit and return the view that sees them."""

        def add(writer: tantivy.IndexWriter) -> None:
            for entry in entries:
                doc = tantivy.Document()
                doc.add_unsigned("key", entry.key)
                doc.add_text("doc", entry.doc_id)
                if entry.outlet:
                    doc.add_text("outlet", entry.outlet)
                doc.add_integer("published", publication_day(entry.published))
                doc.add_text("terms", _joined(entry.terms))
                doc.add_text("tails", _joined([t[::-1] for t in dict.fromkeys(entry.terms) if len(t) >= 2]))
                writer.add_document(doc)

        return self._write(add)

    def without(self, doc_ids: list[str]) -> "LexicalIndex":
        def delete(writer: tantivy.IndexWriter) -> None:
            for doc_id in doc_ids:
                writer.delete_documents_by_term("doc", doc_id)

        return self._write(delete)

    # -- the vocabulary: typos and compounds -----------------------------------------------------------------

    def frequency(self, term: str) -> int:
        """How many live chunks hold ``term``. tantivy's own document frequency still counts deleted chunks until
        its segments merge, so a term only a deleted article had is counted again, over the live ones."""
        if not term:
            return 0
        found = self._frequencies.get(term)
        if found is None:
            found = self.searcher.doc_freq("terms", term)
            if found:
                query = tantivy.Query.term_query(self.schema, "terms", term)
                found = self.searcher.search(query, 1, count=True).count
            self._frequencies.put(term, found)
        return found

    def known(self, term: str) -> bool:
        return self.frequency(term) > 0

    def begins_known(self, term: str, looked_at: int = 50) -> bool:
        """Whether a known term is ``term`` followed by more ("삼성" of 삼성전자, "카카오" of 카카오엔터테인먼트): a
        short form of a name the articles write in full. Only the first ``looked_at`` terms of the prefix are read."""
        return any(t != term and self.known(t)
                   for t, _ in itertools.islice(self.searcher.terms_with_prefix("terms", term), looked_at))

    def correct(self, term: str) -> str | None:
        """The closest known term within the allowed jamo edits (``풀필먼드`` → ``풀필먼트``), if any."""
        if len(term) < 3 or term.startswith("#") or not self.typo_max_distance or self.known(term):
            return None
        cached = self._corrections.get(term)
        if cached is None:
            cached = self._closest(term) or ""  # "" = no close term: scanning the candidates again would not help
            self._corrections.put(term, cached)
        return cached or None

    def _closest(self, term: str) -> str | None:
        """Known terms sharing the first or the last syllable (a typo rarely changes both), nearest in jamo."""
        candidates = {t for t, _ in self.searcher.terms_with_prefix("terms", term[0])}
        candidates |= {t[::-1] for t, _ in self.searcher.terms_with_prefix("tails", term[-1])}
        best, best_distance = None, self.typo_max_distance + 1
        target = jamo(term)
        for candidate in sorted(candidates):
            if len(candidate) < 2 or candidate.startswith("#") or abs(len(candidate) - len(term)) > 1:
                continue
            distance = edit_distance(target, jamo(candidate), self.typo_max_distance)
            if distance < best_distance and self.known(candidate):  # not a deleted article's word
                best, best_distance = candidate, distance
        return best

    def segment(self, term: str) -> list[str]:
        """Split an unknown compound into known pieces (``풀필먼트센터`` → ``풀필먼트``, ``센터``), longest first."""
        if len(term) < 4 or term.startswith("#") or self.known(term):
            return []
        pieces, i = [], 0
        while i < len(term):
            for j in range(len(term), i + 1, -1):
                if self.known(term[i:j]):
                    pieces.append(term[i:j])
                    i = j
                    break
            else:
                return []
        return pieces if len(pieces) > 1 else []

    def head(self, term: str) -> list[str]:
        """The known head of an unknown noun with a one-syllable prefix: 맞교환 → 교환, 재협상 → 협상."""
        prefixed = len(term) >= 3 and term[0] in lexicon.NOUN_PREFIXES and _HANGUL_WORD.fullmatch(term)
        return [term[1:]] if prefixed and self.known(term[1:]) else []

    def spelled_out(self, term: str) -> str | None:
        """The known Latin name a Hangul word reads out letter by letter: 에스케이티 → skt, 씨제이 → cj. Two syllables
        read as letters are mostly Korean words (이유, 지지, 피시), so a word needs three."""
        if not 3 <= len(term) <= 12 or not _HANGUL_WORD.fullmatch(term):
            return None
        for latin in _letter_readings(term):
            if len(latin) >= 2 and self.known(latin):
                return latin
        return None

    def repair(self, term: str, verbs: Set[str] = frozenset()) -> list[str]:
        """Known terms standing for ``term``: itself, else the Latin name it spells out, else its typo fix, else its
        compound split or its head ([] if none). A verb of ``verbs`` is never typo-fixed: Kiwi reads a verb only
        from its dictionary, so a verb near it is another verb (바꾸다 is not 바뀌다)."""
        if self.known(term):
            return [term]
        fixed = self.spelling(term, verbs)
        return [fixed] if fixed else self.segment(term) or self.head(term)

    def spelling(self, term: str, verbs: Set[str] = frozenset()) -> str | None:
        """The known term an unknown ``term`` writes otherwise: the Latin name it spells out, else its typo fix (a
        verb of ``verbs`` is neither)."""
        if term in verbs:
            return None
        return self.spelled_out(term) or self.correct(term)

    def expand(self, terms: list[str], variants: list[str] = (), verbs: Set[str] = frozenset()) -> list[str]:
        """The query's known terms, plus repairs of unknown ones: typo fixes, compound splits, spacing variants."""
        out = [t for t in terms if self.known(t)]
        for term in terms:
            if not self.known(term):
                out.extend(self.repair(term, verbs))
        for variant in dict.fromkeys(variants):
            pieces = [variant] if self.known(variant) else self.segment(variant)
            out.extend(p for p in pieces if p not in out)
        return out

    def idf(self, term: str) -> float:
        """BM25's idf from the index's own document frequencies (an unseen term gets the largest idf)."""
        df = self.frequency(term)
        return float(np.log(1 + (self.size - df + 0.5) / (df + 0.5)))

    def weighted(
        self, query_terms: list[str], verbs: Set[str] = frozenset(), drop_unused_verbs: bool = True
    ) -> "WeightedQuery":
        """The query's terms as (known pieces, idf weight): repaired and weighed once, then matched many times.

        A verb of ``verbs`` no article uses is left out (unless ``drop_unused_verbs`` is off): verbs are where
        questions paraphrase (지분을 바꾸다 for 지분교환), while a name or noun no article uses says the articles may
        not know what is asked. A piece of a misspelt word is left out too: the word's typo fix stands for it.
        """
        out = []
        terms = list(dict.fromkeys(query_terms))
        for term in terms:
            repaired = self.repair(term, verbs)
            if not repaired and term in verbs and drop_unused_verbs:
                continue
            if not repaired and self.piece_of_misspelt(term, terms):
                continue
            out.append((tuple(repaired), self.idf(repaired[0] if repaired else term)))
        return WeightedQuery(out)

    def piece_of_misspelt(self, term: str, words: Iterable[str]) -> bool:
        """Whether a term is a piece of a misspelt word with a typo fix: Kiwi reads "지분교한" (for 지분교환) as
        지분교 + 한, and the whole word's fix stands for it; the piece is no word the articles lack. (Not a piece of a
        word only split or cut to its head: "벅스뮤직" → 뮤직 leaves 벅스 unknown, as it should.)"""
        return any(term != word and term in word and self.correct(word) for word in words)

    # -- searching ---------------------------------------------------------------------------------------------

    def query(
        self, query_terms: list[str], variants: list[str] = (), verbs: Set[str] = frozenset()
    ) -> tantivy.Query | None:
        """The BM25 query for a question's terms (None when no term is known)."""
        known = self.expand(query_terms, variants, verbs)
        if not known:
            return None
        return tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, tantivy.Query.term_query(self.schema, "terms", term)) for term in known]
        )

    def clause(self, filters: Filters) -> tantivy.Query:
        """A filter as a query clause that scores nothing: outlets, a publication day range, article ids."""
        found = self._clauses.get(filters.key)
        if found is None:
            found = self._clause(filters)
            self._clauses.put(filters.key, found)
        return found

    def _clause(self, filters: Filters) -> tantivy.Query:
        parts = []
        if filters.outlet:
            parts.append(tantivy.Query.term_set_query(self.schema, "outlet", list(filters.outlet)))
        if filters.doc_ids:
            parts.append(tantivy.Query.term_set_query(self.schema, "doc", list(filters.doc_ids)))
        if filters.day_range:
            low, high = filters.day_range
            parts.append(tantivy.Query.range_query(self.schema, "published", tantivy.FieldType.Integer, low, high))
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, part) for part in parts])

    def search(self, query: tantivy.Query | None, k: int, within: tantivy.Query | None = None
               ) -> tuple[np.ndarray, np.ndarray]:
        """(keys, scores) of the ``k`` best chunks with a positive score, best first; only those ``within`` allows."""
        if query is None or k <= 0 or not self.size:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        if within is not None:
            query = tantivy.Query.boolean_query([
                (tantivy.Occur.Must, query),
                (tantivy.Occur.Must, tantivy.Query.const_score_query(within, 0.0)),
            ])
        hits = [(score, address) for score, address in self.searcher.search(query, k, count=False).hits if score > 0]
        keys = self.searcher.fast_field_values("key", [address for _, address in hits]) if hits else []
        return np.asarray(keys, dtype=np.int64), np.asarray([score for score, _ in hits], dtype=np.float32)

    def scores_of(self, query: tantivy.Query | None, keys: list[int]) -> dict[int, float]:
        """The BM25 score of each given chunk (0 for those the query does not match)."""
        if query is None or not keys:
            return {key: 0.0 for key in keys}
        found_keys, scores = self.search(query, len(keys),
                                         tantivy.Query.term_set_query(self.schema, "key", list(keys)))
        found = dict(zip(found_keys.tolist(), scores.tolist()))
        return {key: found.get(key, 0.0) for key in keys}


class WeightedQuery:
    """A question's terms with their idf weights, for measuring how much of it a text carries."""

    def __init__(self, terms: list[tuple[tuple[str, ...], float]]) -> None:
        self.terms = terms
        self.total = sum(weight for _, weight in terms)

    def coverage(self, terms: set[str], context: set[str] = frozenset()) -> float:
        """Share of the idf weight found in ``terms``: near 1 when the question reuses the text's words.

        Terms found only in ``context`` (the sentence before, the title) earn half. Unknown query terms count
        against the text unless a typo fix or a compound split repairs them.
        """
        if not self.total:
            return 0.0
        found = 0.0
        for pieces, weight in self.terms:
            if not pieces:
                continue
            if all(p in terms for p in pieces):
                found += weight
            elif context and all(p in terms or p in context for p in pieces):
                found += weight / 2
        return found / self.total


def _letter_readings(word: str) -> list[str]:
    """Every way ``word`` reads as Latin letter names, in order: "에스케이티" → ["skt", ...]."""
    if not word:
        return [""]
    out = []
    for length in range(1, min(len(word), 3) + 1):
        letter = lexicon.LATIN_LETTER_NAMES.get(word[:length])
        if letter is not None:
            out += [letter + rest for rest in _letter_readings(word[length:])]
    return out
