"""Evidence scoring: which sentence of the retrieved passages answers the question.

Every body sentence of the retrieved passages is a candidate. Its features are named and cheap, read from the
index (each sentence's terms and vector were stored at indexing time; nothing is re-analysed or re-encoded):
how much of the question's idf weight it carries, alone and with its neighbours and title, whether it repeats
the question's word pairs, its meaning's closeness to the question, its passage's rank and scores, whether it
names the question's proper nouns and holds a date or amount when one is asked. A fitted logistic model turns
them into the probability that the sentence holds the answer.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np

from qa import aliases, lexicon
from qa.index import CorpusIndex
from qa.korean import KoreanAnalyzer
from qa.lexical import LexicalIndex
from qa.phrases import _AMOUNT_RE, _DATE_RE, enumerations
from qa.question import Question
from qa.reader import TYPE_CLASSES, SpanCandidate
from qa.schema import Hit, Span
from qa.weights import LinearModel, sigmoid

_QUOTE_RE = re.compile(r"[‘'“\"「『《〈]")
TELLING_SHARE = 0.5  # a question's name found in fewer than this share of the retrieved sentences tells them apart


@dataclass
class SentenceCandidate:
    """One sentence of a retrieved passage, as possible evidence."""

    hit: Hit
    rank: int  # of its passage among the retrieved ones
    span: Span
    text: str
    position: int  # of the sentence in its chunk (where its vector and terms are)
    terms: list[str]
    features: dict[str, float] = field(default_factory=dict)  # first stage: every retrieved sentence
    probability: float = 0.0
    logit: float = 0.0  # of the first stage
    spans: list[SpanCandidate] = field(default_factory=list)  # read later, for the best sentences only
    rerank_features: dict[str, float] = field(default_factory=dict)  # second stage: the best few, spans read

    @property
    def key(self) -> tuple[str, int]:
        return self.hit.document.doc_id, self.span.start


class EvidenceScorer:
    """Two stages: every retrieved sentence is scored from cheap stored features; the best few are re-scored once
    their answer spans are read (a sentence that restates the question but holds no answer of the asked type
    loses to one that does)."""

    def __init__(self, index: CorpusIndex, model: LinearModel | None, rerank: LinearModel | None = None,
                 analyzer: KoreanAnalyzer | None = None) -> None:
        """``analyzer`` (optional) reads the names an article makes the same ("인공지능(AI)") into search terms, so
        that a sentence writing AI covers a question asking about 인공지능."""
        self.index = index
        self.model = model
        self.rerank_model = rerank
        self.analyzer = analyzer

    @property
    def lexical(self) -> LexicalIndex:
        return self.index.lexical

    def gather(self, question: Question, hits: list[Hit], question_vector: np.ndarray) -> list[SentenceCandidate]:
        """Every body sentence of the retrieved passages, with its first-stage features."""
        candidates = self._candidates(hits)
        if candidates:
            self._features(question, candidates, question_vector)
        return candidates

    def rank(self, candidates: list[SentenceCandidate]) -> list[SentenceCandidate]:
        """First stage: probabilities from the stored features, most probable first (earlier readings forgotten)."""
        for candidate in candidates:
            candidate.spans, candidate.rerank_features = [], {}
        if self.model is not None and candidates:
            for candidate, logit in zip(candidates, self.model.logits([c.features for c in candidates])):
                candidate.logit = float(logit)
                candidate.probability = sigmoid(candidate.logit)
        return sorted(candidates, key=lambda c: -c.logit)

    def rerank(self, question: Question, head: list[SentenceCandidate]) -> list[SentenceCandidate]:
        """Second stage over the best few, whose ``spans`` have been read: most probable first."""
        if not head:
            return head
        best = head[0].logit
        for position, candidate in enumerate(head):
            candidate.rerank_features = rerank_features(question, candidate, position, best)
        if self.rerank_model is not None:
            for candidate, logit in zip(head, self.rerank_model.logits([c.rerank_features for c in head])):
                candidate.probability = sigmoid(float(logit))
        return sorted(head, key=lambda c: -c.probability)

    def _alias_terms(self, text: str) -> list[tuple[frozenset[str], frozenset[str]]]:
        """The article's alias pairs as search terms, both ways round: ({"ai"}, {"인공", "지능", "인공지능"}), …"""
        if self.analyzer is None:
            return []
        out = []
        for pair in aliases.pairs_of(text):
            first, second = (frozenset(self.analyzer.terms(name)) for name in pair)
            if first and second:
                out += [(first, second), (second, first)]
        return out

    @staticmethod
    def _aliased(terms: set[str], pairs: list[tuple[frozenset[str], frozenset[str]]]) -> set[str]:
        """``terms`` with the other name's terms of every alias pair one of whose names they hold."""
        extra = set().union(*(other for have, other in pairs if have <= terms))
        return terms | extra if extra else terms

    def _candidates(self, hits: list[Hit]) -> list[SentenceCandidate]:
        seen: set[tuple[str, int]] = set()
        out = []
        for rank, hit in enumerate(hits):
            doc = hit.document
            for position, span in enumerate(hit.chunk.sentences):
                key = (doc.doc_id, span.start)
                if key in seen or span.start < doc.body_start:
                    continue
                seen.add(key)
                terms = self.index.sentence_terms(hit.key, position)
                out.append(SentenceCandidate(hit, rank, span, doc.text[span.start : span.end], position, terms))
        return out

    def _features(self, question: Question, candidates: list[SentenceCandidate], question_vector: np.ndarray) -> None:
        lexical = self.lexical
        key_terms = [_as_one(t) for t in question.stated_terms]
        weighted = lexical.weighted(key_terms, question.verbs)
        pairs = list(zip(key_terms, key_terms[1:]))
        entities = [lexical.repair(e)[0] if lexical.repair(e) else e for e in question.entities]
        rarest = max(key_terms, key=lexical.idf) if key_terms else None
        rarest_pieces = (lexical.repair(rarest, question.verbs) or [rarest]) if rarest else []
        question_terms = set(question.key_terms) | set(question.entities)
        best_hit = max(c.hit.score for c in candidates) or 1.0
        best_lexical = max((c.hit.lexical_score or 0.0) for c in candidates) or 1.0
        titles: dict[str, set[str]] = {}
        alias_terms: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = {}
        doc_terms: dict[str, set[str]] = {}
        read = [list(map(_as_one, c.terms)) for c in candidates]  # each sentence's terms as coverage reads them
        for c, sentence_terms in zip(candidates, read):
            doc_terms.setdefault(c.hit.document.doc_id, set()).update(sentence_terms)
        # Names that tell the retrieved sentences apart ("지니" among 멜론, 지니, 플로), not the article's own subject,
        # which half of them name.
        telling = [e for e in entities if sum(e in c.terms for c in candidates) < len(candidates) * TELLING_SHARE]
        vectors = self.index.sentence_vectors_of([(c.hit.key, c.position) for c in candidates])
        similarities = vectors @ question_vector
        for c, sentence_terms, similarity in zip(candidates, read, similarities.tolist()):
            doc = c.hit.document
            title = titles.get(doc.doc_id)
            if title is None:
                title = titles[doc.doc_id] = set(map(_as_one, self.index.title_terms(c.hit.key)))
            if doc.doc_id not in alias_terms:
                alias_terms[doc.doc_id] = self._alias_terms(doc.text)
            terms = self._aliased(set(sentence_terms), alias_terms[doc.doc_id])
            before = set(map(_as_one, self._paragraph_terms_before(c)))
            neighbours = set(map(_as_one, self._neighbour_terms(c)))
            f = c.features
            f["coverage"] = weighted.coverage(terms)
            f["coverage_context"] = weighted.coverage(terms, before | title)
            f["coverage_window"] = weighted.coverage(terms | neighbours)
            f["coverage_neighbours"] = weighted.coverage(neighbours)
            f["coverage_document"] = weighted.coverage(doc_terms[doc.doc_id] | title)
            f["pairs"] = _pair_share(pairs, sentence_terms)
            f["rarest"] = float(bool(rarest_pieces) and all(p in terms for p in rarest_pieces))
            f["similarity"] = similarity
            f["passage_score"] = c.hit.score / best_hit
            f["passage_lexical"] = (c.hit.lexical_score or 0.0) / best_lexical
            f["passage_dense"] = c.hit.dense_score or 0.0
            f["passage_rank"] = float(c.rank)
            f["passage_first"] = float(c.rank == 0)
            if entities:
                f["entities"] = sum(e in terms or e in title for e in entities) / len(entities)
                f["entities_context"] = sum(e in terms or e in title or e in before for e in entities) / len(entities)
            if telling:
                f["entities_telling"] = sum(e in terms for e in telling) / len(telling)
            if question.focus_terms:
                f["focus_terms"] = sum(_as_one(t) in terms for t in question.focus_terms) / len(question.focus_terms)
            f["paragraph_first"] = float(not before)
            f["log_chars"] = math.log1p(len(c.text))
            q_type = question.type.value
            for name, present in _sentence_classes(c.text).items():
                if present:
                    f[f"{q_type}*has_{name}"] = 1.0
            if question.wants_list or question.category:
                f.update(_enumeration_features(question, c.text))
            if question.units:
                f["unit_found"] = float(any(u in c.text for u in question.units))
            # A sentence that only restates the question holds no answer: what does it add?
            f["novel_share"] = len(terms - question_terms) / max(len(terms), 1)
            f["new_number"] = float(any(t[:1].isdigit() and t not in question_terms for t in terms))
        for name in ("coverage", "coverage_context", "similarity", "pairs"):
            top = max(c.features[name] for c in candidates)
            for c in candidates:
                c.features[f"{name}_gap"] = top - c.features[name]
                c.features[f"{name}_top"] = float(c.features[name] == top)

    def _paragraph_terms_before(self, candidate: SentenceCandidate) -> set[str]:
        """Terms of the sentences before this one in its paragraph: who "이들은" or "양사는" refers to."""
        doc, span = candidate.hit.document, candidate.span
        paragraph_start = max(doc.text.rfind("\n\n", 0, span.start) + 2, doc.body_start)
        return self.index.terms_between(candidate.hit.key, paragraph_start, span.start)

    def _neighbour_terms(self, candidate: SentenceCandidate) -> set[str]:
        """Terms of the sentences just before and after, within the same paragraph of the same chunk."""
        sentences = candidate.hit.chunk.sentences
        doc_text = candidate.hit.document.text
        out: set[str] = set()
        for position in (candidate.position - 1, candidate.position + 1):
            if 0 <= position < len(sentences):
                a, b = sorted((sentences[position], candidate.span), key=lambda s: s.start)
                if "\n" not in doc_text[a.end : b.start]:
                    out.update(self.index.sentence_terms(candidate.hit.key, position))
        return out


# Features of the best span that the second stage reads: how well it fills the question's asked slot.
_SLOT_FEATURES = ("particle_match", "focus_follows", "ends_with_focus", "predicate_after", "q_around_share",
                  "q_distance", "unit_match", "clause_q_share", "clause_q_top", "clause_entities", "owned_follows")


def rerank_features(question: Question, candidate: SentenceCandidate, position: int, best_logit: float) -> dict[str, float]:
    """What the second stage sees: the first stage's verdict and, for short answers, what reading the sentence's
    spans found (a sentence restating the question with no answer of the asked type loses to one holding it)."""
    q_type = question.type.value
    f = {
        "logit": candidate.logit,
        "logit_gap": best_logit - candidate.logit,
        "position": float(position),
        "first": float(position == 0),
        f"{q_type}*logit": candidate.logit,
    }
    if question.wants_span:
        spans = candidate.spans
        top = spans[0] if spans else None
        span_logit = _clipped_logit(top.probability) if top is not None else -8.0
        f["span_logit"] = span_logit
        f[f"{q_type}*span_logit"] = span_logit
        f["span_gap"] = span_logit - (_clipped_logit(spans[1].probability) if len(spans) > 1 else -8.0)
        f["spans_likely"] = float(sum(s.probability >= 0.5 for s in spans))
        f["span_missing"] = float(top is None)
        if top is not None:
            f["span_typed"] = float(bool(top.classes & TYPE_CLASSES.get(question.type, frozenset())))
            for name in _SLOT_FEATURES:
                if name in top.features:
                    f[f"span_{name}"] = top.features[name]
    return f


def _clipped_logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _as_one(term: str) -> str:
    """A search term as the coverage features read it: words news uses for one thing as one (lexicon.SAME_MEANING:
    "…하겠다는 뜻을 15일 밝혔다" answers "발표한 날짜는?", "지분교환을 마쳤다" answers "지분을 언제 맞바꿨어?")."""
    return lexicon.SAME_MEANING_READING.get(term, term)


def _pair_share(pairs: list[tuple[str, str]], terms: list[str]) -> float:
    """Share of the question's adjacent term pairs that also stand next to each other in the sentence."""
    if not pairs:
        return 0.0
    adjacent = set(zip(terms, terms[1:])) | set(zip(terms, terms[2:]))
    return sum(pair in adjacent for pair in pairs) / len(pairs)


ENUMERATION_TAIL = 12  # characters after a list in which the noun naming its kind is looked for ("… 등의 분야")


def _enumeration_features(question: Question, text: str) -> dict[str, float]:
    """For a question asking for several items or a kind of thing: does the sentence spell out a list, and is the
    list followed by the question's focus noun ("△AI △ESG 등의 분야" for "협력 분야가 뭐야?")."""
    spans = enumerations(text)
    if not spans:
        return {}
    focus = question.focus_head or question.focus
    named = bool(focus) and any(focus in text[end : end + ENUMERATION_TAIL] for _, end in spans)
    return {"list*enumeration": 1.0, "list*enumeration_focus": float(named)}


def _sentence_classes(text: str) -> dict[str, bool]:
    return {
        "date": bool(_DATE_RE.search(text)),
        "amount": bool(_AMOUNT_RE.search(text)),
        "digit": any(map(str.isdigit, text)),
        "quote": bool(_QUOTE_RE.search(text)),
        "latin": bool(re.search(r"[A-Za-z]{2,}", text)),
    }

