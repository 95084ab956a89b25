"""The template answerer (no LLM): choose evidence sentences, extract a typed short answer, cite, or abstain.

A sentence is evidence when it carries the question's key terms (idf-weighted, typos and spacing repaired) and,
for amount/date/person questions, a span of the asked type. When no sentence passes, the answer says plainly
that the articles do not say, instead of quoting the nearest sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qa import spans as span_finder
from qa.chunking import header_lines
from qa.cleaning import korean_date
from qa.contract import Answer, Citation, Passage
from qa.evaluation import squash
from qa.korean import KoreanAnalyzer
from qa.lexical import LexicalIndex
from qa.question import AnswerType, Question, analyse
from qa.retriever import HybridRetriever
from qa.schema import Hit, Span
from qa.settings import Settings

ABSTAIN_TEXT = "기사에서 이 질문에 대한 답을 찾지 못했습니다. 아래 문단은 관련은 있지만 답을 담고 있지 않습니다."
NO_PASSAGE_TEXT = "기사에서 이 질문과 관련된 내용을 찾지 못했습니다."
TYPED_REQUIRED = frozenset({AnswerType.AMOUNT, AnswerType.DATE, AnswerType.PERSON})
_NEGATION_RE = re.compile(r"없|않|못|아니|결렬|무산|실패")
# A question asking for a kind of thing ("협력 분야는?", "어떤 영역") is answered by a list of items.
_CATEGORY_RE = re.compile(r"분야|영역|종류|부문|항목")
# Unit words in a question restrict amount answers to that unit: "몇 명" wants people, "이용료" money.
_UNIT_RULES = (
    (re.compile(r"퍼센트|%|비율|점유율|점유률"), ("%", "퍼센트")),
    (re.compile(r"몇\s*명|인원|가입자|사람\s*수"), ("명",)),
    (re.compile(r"몇\s*위|순위"), ("위",)),
    (re.compile(r"금액|가격|요금|이용료|매출|영업이익|순이익|비용|예산|짜리"), ("원", "달러", "엔", "유로")),
    (re.compile(r"몇\s*주년"), ("주년",)),
    (re.compile(r"몇\s*개"), ("개",)),
)
_ARGUMENT_DATE_RE = re.compile(r"(을|를|이|가)(?![가-힣])")
SELF_OVERLAP = 0.5  # a span whose terms are mostly the question's own words is not its answer
# A sentence that opens with a connective, or explains ("…위한 것이다", "…때문이다"), continues the one before it:
# the answer often sits in the pair.
_CONTINUATION_RE = re.compile(
    r"^(그렇기 때문에|그래서|따라서|이는|이를|이에|이를 위해|이 때문에|이로써|다만|특히|즉|결국)"
    r"|(위한|위해서|때문)\s*(것이다|이다)\.?$"
)


@dataclass
class Candidate:
    """One sentence of a retrieved passage, scored as possible evidence."""

    hit: Hit
    span: Span
    text: str
    position: int = 0  # of the sentence in its chunk, for its vector
    coverage: float = 0.0
    similarity: float = 0.0  # cosine of question and sentence embeddings
    entities_in_sentence: float = 1.0  # share of the question's proper nouns in the sentence (or title)
    entities_in_context: bool = True  # all of them in the sentence, its paragraph so far, or the title
    typed: list[tuple[int, int]] = field(default_factory=list)
    focus: float = 0.0  # share of the asked attribute's terms ("투자 규모") in the sentence
    score: float = 0.0


class Answerer:
    def __init__(self, retriever: HybridRetriever, analyzer: KoreanAnalyzer, settings: Settings) -> None:
        self.retriever = retriever
        self.analyzer = analyzer
        self.settings = settings

    @property
    def lexical(self) -> LexicalIndex:
        return self.retriever.index.lexical

    def answer(self, text: str, top_k: int | None = None) -> Answer:
        question = analyse(text, self.analyzer)
        question.unknown_nouns = self._unknown_nouns(question)
        hits = self.retriever.search(text, top_k=top_k or self.settings.top_k)
        passages = [_passage(h) for h in hits]
        if not hits:
            return Answer(question=text, answerable=False, answer=NO_PASSAGE_TEXT, short_answer=None,
                          citations=[], passages=[])
        if question.is_metadata:
            return self._metadata_answer(question, hits, passages)
        candidates = self._score(question, hits)
        chosen = self._choose(question, candidates)
        if not chosen:
            return Answer(question=text, answerable=False, answer=ABSTAIN_TEXT, short_answer=None,
                          citations=[], passages=passages)
        return self._compose(question, chosen, passages)

    # --- evidence -------------------------------------------------------------------------------------------

    def _score(self, question: Question, hits: list[Hit]) -> list[Candidate]:
        seen: set[tuple[str, int]] = set()
        candidates: list[Candidate] = []
        best_hit = max(h.score for h in hits) or 1.0
        entities = self._entities(question)
        for rank, hit in enumerate(hits):
            doc = hit.document
            title_terms = set(self.analyzer.terms(doc.title))
            for position, span in enumerate(hit.chunk.sentences):
                key = (doc.doc_id, span.start)
                if key in seen or span.start < doc.body_start:
                    continue
                seen.add(key)
                sentence = doc.text[span.start : span.end]
                terms = set(self.retriever.index.sentence_terms(hit.row, position))
                before = self._paragraph_terms_before(hit, span)
                candidate = Candidate(hit=hit, span=span, text=sentence, position=position)
                candidate.coverage = self.lexical.coverage(question.key_terms, terms, before | title_terms)
                candidate.typed = self._typed_spans(question, sentence)
                candidate.focus = self._share_found(question.focus_terms, terms)
                if entities:
                    candidate.entities_in_sentence = sum(e in terms | title_terms for e in entities) / len(entities)
                    # A list question names alternatives ("멜론이랑 지니, 플로"): one of them is enough.
                    in_context = [e in terms | title_terms | before for e in entities]
                    candidate.entities_in_context = any(in_context) if question.wants_list else all(in_context)
                candidate.score = (
                    candidate.coverage
                    + (self.settings.type_match_bonus if candidate.typed else 0.0)
                    + self.settings.entity_bonus * candidate.entities_in_sentence
                    + self.settings.focus_bonus * candidate.focus
                    + self.settings.passage_prior * hit.score / best_hit
                )
                candidates.append(candidate)
        if candidates:
            question_vector = self.retriever.embedder.encode_query(question.text)
            # Sentence vectors were pooled from each chunk's tokens at index time: nothing is encoded here.
            vectors = self.retriever.index.sentence_vectors_of([(c.hit.row, c.position) for c in candidates])
            similarities = vectors @ question_vector
            spread = float(similarities.max() - similarities.min()) or 1.0
            for candidate, similarity in zip(candidates, similarities.tolist()):
                candidate.similarity = similarity
                candidate.score += self.settings.similarity_weight * (similarity - float(similarities.min())) / spread
        return sorted(candidates, key=lambda c: -c.score)

    def _share_found(self, wanted: list[str], terms: set[str]) -> float:
        """Share of ``wanted`` terms (typo- and spacing-repaired) that a sentence contains."""
        if not wanted:
            return 0.0
        found = sum(all(p in terms for p in (self.lexical.repair(t) or [t])) for t in wanted)
        return found / len(wanted)

    def _paragraph_terms_before(self, hit: Hit, span: Span) -> set[str]:
        """Terms of the sentences before ``span`` in its paragraph: who "이들은" or "양사는" refers to."""
        doc = hit.document
        paragraph_start = max(doc.text.rfind("\n\n", 0, span.start) + 2, doc.body_start)
        return self.retriever.index.terms_between(hit.row, paragraph_start, span.start)

    def _unknown_nouns(self, question: Question) -> list[str]:
        """Nouns of the question that no article uses, even after typo and spacing repair (매출, 이용료)."""
        nouns = {form.lower() for form, tag, _, _ in self.analyzer.morphemes(question.text) if tag in ("NNG", "NNP")}
        return [t for t in question.key_terms if t in nouns and len(t) > 1 and not self.lexical.repair(t)]

    def _entities(self, question: Question) -> list[str]:
        """The question's proper nouns (companies, services, people), repaired to corpus spellings."""
        names = []
        for form, tag, _, _ in self.analyzer.morphemes(question.text):
            if tag in ("NNP", "SL") and len(form) > 1:
                term = form.lower()
                fixed = term if term in self.lexical.vocabulary else self.lexical.correct(term)
                if fixed:
                    names.append(fixed)
        return list(dict.fromkeys(names))

    def _typed_spans(self, question: Question, sentence: str) -> list[tuple[int, int]]:
        if question.type not in (
            AnswerType.AMOUNT, AnswerType.DATE, AnswerType.PERSON, AnswerType.PLACE, AnswerType.ORG, AnswerType.THING
        ):
            return []
        needs_tags = (AnswerType.PLACE, AnswerType.ORG, AnswerType.PERSON)
        morphemes = self.analyzer.morphemes(sentence) if question.type in needs_tags else []
        found = span_finder.find(question.type, sentence, morphemes)
        if question.type == AnswerType.THING and _CATEGORY_RE.search(question.text):
            found = sorted(found + span_finder.enumerations(sentence))  # "어떤 분야" asks for the list of them
        if question.type == AnswerType.AMOUNT:
            units = next((u for pattern, u in _UNIT_RULES if pattern.search(question.text)), None)
            if units:
                found = [s for s in found if any(u in sentence[s[0] : s[1]] for u in units)]
        if question.type == AnswerType.REASON:
            return found
        # A span the question already states is not its answer ("협의체가 개발 중인 AI 이름은?").
        asked, own = squash(question.text), set(question.key_terms)
        kept = []
        for start, end in found:
            # For "여민수 카카오 공동대표" only the name matters: the title may well be the question's word.
            own_part = sentence[start:end].split()[0] if question.type == AnswerType.PERSON else sentence[start:end]
            terms = set(self.analyzer.terms(own_part))
            if squash(sentence[start:end]) in asked or (terms and len(terms & own) / len(terms) >= SELF_OVERLAP):
                continue
            kept.append((start, end))
        return kept

    def _supported(self, question: Question, candidate: Candidate) -> bool:
        """Evidence must name what the question names, carry the asked type, and match its words or meaning."""
        settings = self.settings
        if not candidate.entities_in_context:
            return False
        if question.type in TYPED_REQUIRED and not candidate.typed:
            return False
        if candidate.coverage >= settings.min_coverage:
            return True
        # Meaning alone may carry a paraphrase, but not a question measuring something the articles never name
        # ("매출은 얼마야?" when no article mentions revenue).
        return (
            candidate.similarity >= settings.min_similarity
            and candidate.coverage >= settings.min_coverage_similar
            and not (question.unknown_nouns and question.type in TYPED_REQUIRED)
        )

    def _choose(self, question: Question, candidates: list[Candidate]) -> list[Candidate]:
        supported = [c for c in candidates if self._supported(question, c)]
        if not supported:
            return []
        if not question.wants_list:
            return [supported[0], *self._continuation(question, supported[0])]
        # Several items: the best sentences (each cited), as long as they stay close to the best one.
        floor = supported[0].score - self.settings.list_score_margin
        return [c for c in supported if c.score >= floor][: self.settings.max_list_items]

    def _continuation(self, question: Question, chosen: Candidate) -> list[Candidate]:
        """The next sentence of the paragraph, when it carries on the chosen one (reasons, consequences)."""
        if chosen.typed:  # the sentence already holds the asked amount, date, name or reason
            return []
        doc = chosen.hit.document
        paragraph_end = doc.text.find("\n\n", chosen.span.end)
        following = self.analyzer.sentences(doc.text, chosen.span.end, paragraph_end if paragraph_end >= 0 else None)
        if not following:
            return []
        nxt = following[0]
        text = doc.text[nxt.start : nxt.end]
        reason = question.type == AnswerType.REASON and span_finder.reasons(text)
        if not (_CONTINUATION_RE.search(text) or reason):
            return []
        return [Candidate(hit=chosen.hit, span=nxt, text=text, coverage=chosen.coverage, similarity=chosen.similarity)]

    # --- composing ------------------------------------------------------------------------------------------

    def _short_answer(self, question: Question, candidate: Candidate) -> str | None:
        """The typed span nearest to where the question's key terms occur in the sentence."""
        if not candidate.typed or question.type == AnswerType.REASON:
            return None
        spans = candidate.typed
        anchors = [m.start() for t in question.key_terms for m in re.finditer(re.escape(t), candidate.text.lower())]
        if anchors:
            spans = sorted(spans, key=lambda s: min(abs(s[0] - a) for a in anchors))
        if question.type == AnswerType.DATE:
            # "올해 상반기를 목표로": a date taking 을/를/이/가 is a thing talked about, not when something happened.
            spans = sorted(spans, key=lambda s: bool(_ARGUMENT_DATE_RE.match(candidate.text, s[1])))
        start, end = spans[0]
        return candidate.text[start:end].strip()

    def _compose(self, question: Question, chosen: list[Candidate], passages: list[Passage]) -> Answer:
        citations = [_citation(i + 1, c.hit, c.span, c.text) for i, c in enumerate(chosen)]
        if question.wants_list:  # every item of every cited sentence, in reading order
            shorts = [c.text[a:b].strip() for c in chosen for a, b in c.typed if question.type != AnswerType.REASON]
        else:
            shorts = [s for s in (self._short_answer(question, c) for c in chosen) if s]
        short = ", ".join(dict.fromkeys(shorts)) if shorts else None
        evidence = " ".join(f"{c.text} [{i + 1}]" for i, c in enumerate(chosen))
        if question.type == AnswerType.YESNO:
            lead = "아니요" if _NEGATION_RE.search(chosen[0].text) else "네"
            text = f"{lead}, 기사에 따르면 {evidence}"
        elif short:
            text = f"{short}입니다. {evidence}"
        else:
            text = evidence
        return Answer(question=question.text, answerable=True, answer=text, short_answer=short,
                      citations=citations, passages=passages)

    def _metadata_answer(self, question: Question, hits: list[Hit], passages: list[Passage]) -> Answer:
        """Who wrote it, which outlet, when, what title: read from the header lines of the best-matching article."""
        doc = hits[0].document
        lines = header_lines(doc)
        title_line, meta_line = lines[0], (lines[1] if len(lines) > 1 else None)
        value = {
            AnswerType.AUTHOR: f"{doc.author} 기자" if doc.author else None,
            AnswerType.OUTLET: doc.outlet,
            AnswerType.PUBLISHED: korean_date(doc.published.split("T")[0]) if doc.published else None,
            AnswerType.TITLE: doc.title,
        }[question.type]
        line = title_line if question.type == AnswerType.TITLE else meta_line
        if not value or line is None:
            return Answer(question=question.text, answerable=False, answer=ABSTAIN_TEXT, short_answer=None,
                          citations=[], passages=passages)
        evidence = doc.text[line.start : line.end]
        header_hit = next((h for h in hits if h.document.doc_id == doc.doc_id and h.chunk.start < doc.body_start), hits[0])
        citation = _citation(1, header_hit, line, evidence)
        templates = {
            AnswerType.AUTHOR: f"「{doc.title}」 기사는 {value}가 썼습니다. [1]",
            AnswerType.OUTLET: f"「{doc.title}」 기사는 {value} 기사입니다. [1]",
            AnswerType.PUBLISHED: f"「{doc.title}」 기사는 {value}에 나왔습니다. [1]",
            AnswerType.TITLE: f"기사 제목은 「{value}」입니다. [1]",
        }
        return Answer(question=question.text, answerable=True, answer=templates[question.type], short_answer=value,
                      citations=[citation], passages=passages)


def _passage(hit: Hit) -> Passage:
    return Passage(doc_id=hit.chunk.doc_id, chunk_id=hit.chunk.chunk_id, title=hit.document.title,
                   text=hit.chunk.text, start=hit.chunk.start, end=hit.chunk.end, score=round(hit.score, 6))


def _citation(ref: int, hit: Hit, span: Span, evidence: str) -> Citation:
    doc = hit.document
    return Citation(ref=ref, doc_id=doc.doc_id, title=doc.title, outlet=doc.outlet, published=doc.published,
                    chunk_id=hit.chunk.chunk_id, evidence=evidence, start=span.start, end=span.end,
                    score=round(hit.score, 6))
