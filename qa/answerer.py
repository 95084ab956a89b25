"""The template answerer (no LLM), as a pipeline of small fitted parts:

question analysis (``question``) → retrieval (``retriever``) → evidence scoring (``evidence``) → span reading
(``reader``) → abstention (``abstention``) → composing the Korean answer (``composer``).

``read`` runs the pipeline and keeps every intermediate result, so evaluation and fitting see exactly what the
product sees; ``answer`` turns a reading into the answer contract.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from qa import abstention, aliases, composer, dates, lexicon, phrases, subject, timeframe
from qa.amounts import read_amount
from qa.contract import Answer
from qa.definition import definition, named_by
from qa.speech import names_speaker, quotation, speaker
from qa.evidence import EvidenceScorer, SentenceCandidate
from qa.korean import GLUED_PARTICLES, HANGUL, NAME_TAGS, KoreanAnalyzer, Morpheme, has_content, index_after
from qa.question import AnswerType, Question, analyse
from qa.reader import TYPE_CLASSES, PhraseReader, SpanCandidate
from qa.retriever import HybridRetriever
from qa.schema import Hit, Span
from qa.settings import Settings
from qa.weights import Weights

_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
FOREIGN_MIN_WORDS = 3  # a question of this many Latin words and no Hangul is in another language, not "SKT 점유율"

_CONTINUATION_RE = re.compile(
    rf"^(?:\S+(?:은|는)\s+)?({'|'.join(lexicon.CONTINUATION_OPENERS)})\s|({'|'.join(lexicon.REASON_MARKERS)})\S*\s*(것이다|이다)\.?$"
)


@dataclass
class Reading:
    """Everything the pipeline found for one question, before the decision to answer or refuse."""

    question: Question
    hits: list[Hit]
    sentences: list[SentenceCandidate] = field(default_factory=list)  # best evidence first
    confidence: float = 0.0  # probability that the articles answer the question

    @property
    def best(self) -> SentenceCandidate | None:
        return self.sentences[0] if self.sentences else None

    def led_by(self, sentence: SentenceCandidate) -> Reading:
        """The same reading with ``sentence`` as its best evidence (a rule of the answer chose it over the models')."""
        return dataclasses.replace(self, sentences=[sentence, *(s for s in self.sentences if s is not sentence)])

    @property
    def best_span(self) -> SpanCandidate | None:
        """The best sentence's best span, extended to what the reader's scores nearly tie with: an amount asked for
        keeps the bound the article puts on it ("80% 이상", not "80%"), who a named person is keeps their title."""
        best = self.best
        if best is None or not best.spans:
            return None
        if self.question.identity:
            titled = title_after_name(self.question, best)
            if titled is not None:
                return titled  # "여민수는 누구야?", "여민수의 직책은?": "카카오 공동대표", not "카카오"
        top = best.spans[0]
        for span in best.spans:
            if span.start != top.start or span.end <= top.end:
                continue
            if self.question.type == AnswerType.AMOUNT and best.text[top.end : span.end].strip() in lexicon.AMOUNT_BOUNDS:
                return span
        return top


def title_after_name(question: Question, sentence: SentenceCandidate) -> SpanCandidate | None:
    """The likeliest span ending on a title that the sentence gives right after a name the question asks about
    ("여민수 카카오 공동대표는"): news introduces a person by name, then organisation and post."""
    text = sentence.text.lower()
    person = question.person
    names = {name for name in (*person, "".join(person), " ".join(person)) if len(name) > 1}
    for span in sentence.spans:  # likeliest first
        if span.features.get("ends_with_title") and any(
                text[: span.start].rstrip().endswith(name) for name in names):
            return span
    return None


# What a time can be said with: digits, a relative date word ("지난해"), a part of a period ("상반기"), 때/시절/직후 ….
_WHEN_RE = re.compile("|".join([r"\d", *lexicon.RELATIVE_DATE_WORDS, *lexicon.DATE_PARTS, *lexicon.TIME_NOUNS]))
_CALENDAR_RE = re.compile(r"\d\s*(년|월)|\d[./]\d")
_SPECIFIC_CLASSES = frozenset({"date", "amount", "place", "org", "person", "quoted", "latin"})


def _specific(classes: frozenset[str]) -> frozenset[str]:
    """What an item names, without the classes every noun phrase shares when it has a narrower one."""
    return classes & _SPECIFIC_CLASSES or classes


def _in_article(question: Question, sentence: SentenceCandidate) -> Question:
    """The question as the sentence's article words it: its "SKT" is also the "SK텔레콤(이하 SKT)" it introduced."""
    words = aliases.same_words(question.words, sentence.hit.document.text)
    return question if words is question.words else dataclasses.replace(question, words=words)


def article_names(sentence: SentenceCandidate, analyzer: KoreanAnalyzer) -> frozenset[str]:
    """The names the sentence's article sets in quotes (‘멜론’), for the reader to know them bare."""
    return phrases.quoted_names(sentence.hit.document.body, analyzer)


_PARTICLE_AFTER = "|".join((*GLUED_PARTICLES, *lexicon.NAME_PARTICLES))
_LEAD_CHARS = 1500  # where an article's lead sentence is looked for, from its body's start
_SENTENCE_END_RE = re.compile(r"다[.。]?$")
# A reason given by pointing back ("이를 보완하기 위해", "이 때문에"), and one stated as the reason ("…한 이유는 …").
_POINTED_REASON_RE = re.compile(r"(?<![가-힣])(?:이를|이에|이|그)\s+(?:\S+\s+)?(?:위해|위한|때문)")
_STATED_REASON_RE = re.compile(rf"(?:{'|'.join(lexicon.REASON_NOUNS)})(?:은|는)\s")
_NAMING_CLASSES = frozenset({"proper", "quoted", "latin", "org"})
_OWNER_OF_RE = re.compile(r"[’'\"”]?의")  # a span right before 의 owns what follows it


def _mentions_any(names: set[str], sentence: SentenceCandidate) -> bool:
    """Whether the sentence writes one of ``names`` (lower-cased), or the other name its article pairs with one
    ("SK텔레콤(이하 SKT)")."""
    text = sentence.text.lower()
    return any(n in text for n in aliases.same_words(frozenset(names), sentence.hit.document.text.lower()))


def _written(name: str, text: str) -> bool:
    """Whether ``text`` writes ``name`` as a word of its own, bare or with a particle ("플로는", which Kiwi may read
    as 플 + 로 + 는), not inside a longer word."""
    return re.search(rf"(?<!\w){re.escape(name)}(?:{_PARTICLE_AFTER})?(?!\w)", text, re.IGNORECASE) is not None


# "누구랑", "어디와", "어느 회사하고": the question asks a partner, which may be another of the names it asks about.
_PARTNER_RE = re.compile(r"(누구|어디|(?:어느|어떤)\s*\S+?)(와|과|랑|이랑|하고)(?!\w)")
_ADDITIVE_RE = re.compile(rf"^({'|'.join(lexicon.ADDITIVE_OPENERS)})\s")


def _list_items(spans: list[SpanCandidate], share: float, sentence: str, morphemes: list[Morpheme], question: str,
                like: tuple[SpanCandidate, frozenset[str]] | None = None, partner: bool = False,
                also_named: frozenset[str] = frozenset()) -> list[str]:
    """The spans of one sentence that answer as well as its best and name the same kind of thing (or, with ``like``,
    as well as the best item of the sentence it carries on and of the kinds given), in reading order: "34.14%",
    "23.1%", "16.23%" for "…점유율 각각 알려줘". Picked spans with only a space between them are one item ("경기도
    군포"). Items coordinated with a picked one join it; so does the subject doing it together with them (see
    ``_joined_subject``), unless the question asks for a ``partner`` ("누구와 함께 …?"); neither when the question
    names it, also under the other name its article gives it (``also_named``: "SK텔레콤" for "SKT")."""
    if not spans:
        return []
    top, kinds = like or (spans[0], spans[0].classes)
    picked: list[SpanCandidate] = []
    for span in spans:
        if span.probability < top.probability * share or not (span.classes & kinds):
            continue
        if all(span.end <= p.start or span.start >= p.end for p in picked):
            picked.append(span)
    def named(item: SpanCandidate) -> bool:
        last = item.text.split()[-1]
        return last in also_named or _written(last, question)

    whole = [s for s in spans if _whole(s, sentence)]
    _add_coordinated(picked, whole, kinds, sentence, named)
    if not partner and picked:
        picked += _joined_subject(picked, [s for s in whole if s.classes & kinds], sentence, morphemes, named)
    items: list[tuple[int, int]] = []
    for p in sorted(picked, key=lambda p: p.start):
        if items and not sentence[items[-1][1] : p.start].strip():
            items[-1] = (items[-1][0], p.end)
        else:
            items.append((p.start, p.end))
    return [sentence[a:b] for a, b in items]


# What joins two coordinated items: a comma or middle dot, or 와/과/및/랑/하고 after the first (quote marks aside).
_COORDINATOR_RE = re.compile(r"[’”'\"]?\s*(?:[,·ㆍ]|와|과|및|랑|이랑|하고)\s*[‘“'\"]?")
# Where an item ends: the end of its word, or a particle closing it ("삼성전자와", "제트블루도").
_ITEM_END_RE = re.compile(r"[’”'\"]?(?:와|과|및|랑|이랑|하고|은|는|이|가|도|을|를|의|에|에서|으로|로)?(?!\w)")
_INNER_JOIN_RE = re.compile(r",|(?:와|과|및|랑|하고)\s")
_NOT_COORDINATED = frozenset({"date", "amount"})  # "37척, 약 12만 톤" is one amount said two ways


# "…중 전자 회사는?", "첫 번째로", "가장": the question asks for one of several (whole words: not 중 of 중국).
_NARROWED_RE = re.compile(rf"(?<![가-힣])(?:{'|'.join(lexicon.NARROWING_WORDS)})(?:에서|에|로|으로)?(?![가-힣])"
                          r"|번째")  # glued too: "첫번째", "2번째"


# "어떤 데이터", "무슨 기업": a kind of thing asked, which a list of examples answers.
_WHICH_RE = re.compile(rf"(?<![가-힣])(?:{'|'.join(lexicon.WH_DETERMINERS - {'몇'})})\s")


def _whole(span: SpanCandidate, sentence: str) -> bool:
    """Whether a span is a whole item: from a word's start to its end (a particle aside), nothing coordinated inside;
    not "항공" of "알래스카 항공", nor "배달" of "배달의민족"."""
    return (span.start == 0 or not sentence[span.start - 1].isalnum()) \
        and _ITEM_END_RE.match(sentence, span.end) is not None and not _INNER_JOIN_RE.search(span.text)


def _add_coordinated(picked: list[SpanCandidate], whole: list[SpanCandidate], kinds: frozenset[str], sentence: str,
                     named: Callable[[SpanCandidate], bool]) -> None:
    """Adds to ``picked`` the items coordinated with one of them, however unlikely each is alone: "SK텔레콤,
    삼성전자와 함께" lists both when 삼성전자 is picked; coordination makes them one answer. On each side the longest
    whole phrase is the item, and joins when it names the same kind of thing; not one the question ``named`` (what
    it asks about), nor a date or an amount."""
    grown = True
    while grown:
        grown = False
        for p in list(picked):
            for joined in ([s for s in whole if _COORDINATOR_RE.fullmatch(sentence[s.end : p.start])],
                           [s for s in whole if _COORDINATOR_RE.fullmatch(sentence[p.end : s.start])]):
                if not joined:
                    continue
                item = max(joined, key=lambda s: s.end - s.start)
                if item.classes & kinds and not item.classes & _NOT_COORDINATED \
                        and all(item.end <= q.start or item.start >= q.end for q in picked) \
                        and not named(item):
                    picked.append(item)
                    grown = True


# "…와 함께", "…과 공동으로": the items do it together with the clause's subject.
_TOGETHER_RE = re.compile(r"[’”'\"]?\s*(?:와|과|이랑|랑|하고)\s*(?:함께|같이|공동으로)(?!\w)")
# A topic or subject particle closing a name (quote marks aside).
_SUBJECT_AFTER_RE = re.compile(r"[’”'\"]?(?:은|는|이|가|도)(?!\w)")
_SUBJECT_TAGS = ("JKS", "JX")
_CLAUSE_TAGS = ("VV", "VA", "VX", "VCP", "VCN", "XSV", "XSA", "EP", "EC", "EF", "ETM", "ETN")  # predicates, endings


def _joined_subject(picked: list[SpanCandidate], alike: list[SpanCandidate], sentence: str,
                    morphemes: list[Morpheme], named: Callable[[SpanCandidate], bool]) -> list[SpanCandidate]:
    """In "카카오는 SK텔레콤, 삼성전자와 함께 협의체를 세웠다" the subject did it too: asked who took part, the
    answer names all three. The nearest subject before the items, of their kind and in their clause (no predicate
    nor other subject between), when the items are not the subject themselves ("네이버가 구글과 함께"), no subject
    follows "함께" ("퀄컴과 함께 ARM이 개발했다"), and the question has not ``named`` it."""
    first, last = min(p.start for p in picked), max(p.end for p in picked)
    together = _TOGETHER_RE.match(sentence, last)
    if together is None or any(_SUBJECT_AFTER_RE.match(sentence, p.end) for p in picked):
        return []
    subjects = [s for s in alike if s.end <= first and _SUBJECT_AFTER_RE.match(sentence, s.end)]
    if not subjects:
        return []
    doer = max(subjects, key=lambda s: (s.end, s.start))  # the shortest of the nearest: "카카오", not "12월 카카오"
    own = subject.after_quotes(morphemes, index_after(morphemes, doer.end))  # "‘카카오’는": past the closing mark
    between = morphemes[own + 1 : index_after(morphemes, first)]  # past its own particle
    after = []
    for m in morphemes[index_after(morphemes, together.end()) :]:
        if m.tag.split("-")[0] in _CLAUSE_TAGS:
            break
        after.append(m)
    if any(m.tag.split("-")[0] in _CLAUSE_TAGS + _SUBJECT_TAGS for m in between) \
            or any(m.tag in _SUBJECT_TAGS for m in after) or "," in sentence[doer.end : first]:
        return []
    return [] if named(doer) else [doer]


def _names_the_asked_kind(items: list[str], spans: list[SpanCandidate], asked: AnswerType) -> bool:
    """Whether a list the sentence spells out names what is asked: "보관, 포장, 배송 등" names no place for "어디어디에
    생겨?"; any list answers "뭐뭐야?" or "분야는?"."""
    wanted = TYPE_CLASSES.get(asked) if asked != AnswerType.THING else None
    return wanted is None or any(span.classes & wanted and any(span.text in item for item in items) for span in spans)


class Answerer:
    def __init__(self, retriever: HybridRetriever, analyzer: KoreanAnalyzer, settings: Settings, weights: Weights):
        self.retriever = retriever
        self.analyzer = analyzer
        self.settings = settings
        self.weights = weights
        self.evidence = EvidenceScorer(retriever.index, weights.evidence, weights.rerank, analyzer)
        self.reader = PhraseReader(analyzer, weights.span)

    @property
    def min_confidence(self) -> float:
        configured = self.settings.min_confidence
        return self.weights.min_confidence if configured is None else configured

    def read(self, text: str, top_k: int | None = None, compared: tuple[str, ...] = ()) -> Reading:
        """``compared``: for one part of a question split by name, its name and then the others (see Question)."""
        return self.weigh(self.gather(text, top_k, compared))

    def gather(self, text: str, top_k: int | None = None, compared: tuple[str, ...] = ()) -> Reading:
        """Question analysis, retrieval and every candidate sentence's features: what no fitted weight changes."""
        question = analyse(text, self.analyzer, correct=self.retriever.index.lexical.correct)
        question.compared = compared
        question.unknown_nouns = self._unknown_nouns(question)
        question.spelled = self._corpus_spellings(question)
        # "🙂🙂🙂" has nothing to look for, "안녕?" is not about the articles: neither is searched.
        searchable = has_content(text) and question.type != AnswerType.CONVERSATION
        hits = self.retriever.search(text, top_k=top_k or self.settings.top_k) if searchable else []
        reading = Reading(question, hits)
        if hits and not question.is_metadata:
            vector = self.retriever.embedder.encode_query(text)  # cached by the search above
            reading.sentences = self.evidence.gather(question, hits, vector)
        return reading

    def weigh(self, reading: Reading) -> Reading:
        """Apply the fitted models: rank sentences, read the best few's spans, re-rank them, and decide confidence."""
        question = reading.question
        sentences = self.evidence.rank(reading.sentences)
        head = sentences[: self.settings.read_sentences]
        if question.wants_span:
            self.analyzer.analyse_many([s.text for s in head])
            for sentence in head:
                sentence.spans = self._spans(question, sentence)
        reading.sentences = self.evidence.rerank(question, head) + sentences[len(head) :]
        runner_up = reading.sentences[1] if len(reading.sentences) > 1 else None
        reading.confidence = abstention.probability(self.weights.abstain, question, reading.best, runner_up)
        return reading

    def answer(self, text: str, top_k: int | None = None, compared: tuple[str, ...] = ()) -> Answer:
        return self.decide(self.read(text, top_k, compared))

    def _spans(self, question: Question, sentence: SentenceCandidate) -> list[SpanCandidate]:
        """The sentence's spans, best first; for a part asked of one name, none its clause gives another name
        ("카카오 음원 서비스" against "SKT가 서비스 중인 ‘플로’는 … 카카오의 ‘멜론’")."""
        spans = self.reader.read(_in_article(question, sentence), sentence.text, article_names(sentence, self.analyzer))
        if not question.compared:
            if question.type == AnswerType.AMOUNT or question.wants_list or question.category:
                return spans  # figures have their own check in ``decide``; a list takes every item
            asked = self._asked_names(question, sentence)
            if not subject.paired(asked, sentence.text, self.analyzer, sentence.hit.document.text):
                return self._owned_first(question, sentence, spans, asked)
            # "SKT 인증서 이름은?" against "카카오는 … ‘카카오 인증서’, SKT는 … ‘패스’를": not 카카오's clause
            return [s for s in spans if not self._about_another(question, sentence, s, asked)]
        own, document = question.compared[0], sentence.hit.document.text
        asked, terms = {own.lower()}, {t.lower() for t in question.key_terms}
        # 플로 is no answer to "멜론은 어느 회사 거야?"; SK텔레콤 is one to "카카오는 누구랑 지분 교환했어?"
        others = set() if _PARTNER_RE.search(question.text) else {name.lower() for name in question.compared[1:]}
        return [s for s in spans if s.text.strip("‘’'\"“”").lower() not in others
                and subject.owner(question.compared, question.text, sentence.text, (s.start, s.end),
                                  self.analyzer, document) in (None, own)
                and not subject.about_another(asked, terms, question.text, sentence.text, (s.start, s.end),
                                              self.analyzer, document)]

    def _owned_first(self, question: Question, sentence: SentenceCandidate, spans: list[SpanCandidate],
                     asked: set[str]) -> list[SpanCandidate]:
        """Without the spans another name owns, when the question asks what a name owns or whose it is and the
        sentence ties a span to the asked name: "카카오의 음원 서비스는?" against "SKT가 서비스 중인 ‘플로’는 … 카카오의
        ‘멜론’의 뒤를" is 멜론, not SKT's 플로; "멜론은 어느 회사 서비스야?" is 카카오, not 플로's SKT."""
        document = sentence.hit.document.text
        if not asked or not spans or question.says:
            return spans
        owned = subject.asks_owned(asked, question.text, self.analyzer, document)
        if not (owned or question.type in (AnswerType.ORG, AnswerType.PERSON)
                and subject.asks_whose(asked, question.text, self.analyzer, document)):
            return spans
        rivals = self._rivals(question, sentence, asked)
        if not rivals:
            return spans
        names = (*sorted(asked), *rivals)
        owners = [None if owned and self._owns_asked(sentence.text, s, asked)  # "카카오의 ‘멜론’": 멜론's owner, not
                  else subject.owner(names, question.text, sentence.text, (s.start, s.end), self.analyzer, document)
                  for s in spans[: self.settings.owned_spans]]  # a thing 멜론 owns
        if owners[0] not in rivals or not any(o in asked and s.classes & _NAMING_CLASSES for s, o in zip(spans, owners)):
            return spans  # only a name the asked one owns (not "‘멜론’의 뒤") tells which spans are another's
        return [s for s, o in zip(spans, owners) if o not in rivals] + spans[len(owners) :]

    @staticmethod
    def _owns_asked(sentence: str, span: SpanCandidate, asked: set[str]) -> bool:
        """Whether the span is written as the owner of an asked name: "카카오의 ‘멜론’" for 멜론."""
        after = _OWNER_OF_RE.match(sentence, span.end)
        return after is not None and sentence[after.end() :].lstrip(" ‘'\"“").lower().startswith(tuple(asked))

    def _rivals(self, question: Question, sentence: SentenceCandidate, asked: set[str]) -> tuple[str, ...]:
        """The names the sentence writes that the question neither asks nor writes, and that hold no asked name
        (카카오모빌리티 is 카카오's)."""
        written = {m.form for m in self.analyzer.morphemes(sentence.text) if m.tag in NAME_TAGS}
        written |= {n for n in article_names(sentence, self.analyzer) if n in sentence.text}
        return tuple(sorted(n for n in written if len(n) > 1 and not _written(n, question.text)
                            and not any(a in n.lower() or n.lower() in a for a in asked)))

    def decide(self, reading: Reading) -> Answer:
        """Answer from a reading, or refuse when the articles are unlikely to answer it."""
        question, hits = reading.question, reading.hits
        text = question.text
        if question.type == AnswerType.CONVERSATION:
            return composer.help_answer(text, list(self.retriever.index.documents.values()))
        if not HANGUL.search(text) and len(_LATIN_WORD.findall(text)) >= FOREIGN_MIN_WORDS:
            return composer.foreign_refusal(text, hits)  # the question words and readers are Korean
        if not hits:
            return composer.refusal(text, hits)
        if question.is_metadata:
            return composer.metadata_answer(question, hits, self._lead(hits[0]))
        if reading.best is None or reading.confidence < self.min_confidence:
            return composer.refusal(text, hits)
        if question.says and (who := speaker(text, self.analyzer.morphemes(text))) is not None:
            # "SKT 대표는 뭐라고 했어?": only words the articles give to SKT's 대표 answer, not 카카오 대표's
            spoken = next((s for s in reading.sentences[: self.settings.read_sentences]
                           if names_speaker(s.text, self.analyzer.morphemes(s.text), who, s.hit.document.text)), None)
            if spoken is None:
                return composer.refusal(text, hits)
            reading = reading.led_by(spoken)
        if question.identity and title_after_name(question, reading.best) is None:
            # "김철수는 회사에서 어떤 직책이야?": the read sentence that gives the person's title answers
            titled = next((s for s in reading.sentences[1 : self.settings.read_sentences]
                           if title_after_name(question, s) is not None), None)
            if titled is not None:
                reading = reading.led_by(titled)
            elif question.post:
                return composer.refusal(text, hits)  # "윤서진의 직책은?": no sentence gives 윤서진 a title
        if question.compared and not question.wants_list and question.type != AnswerType.AMOUNT \
                and not _mentions_any({n.lower() for n in question.compared}, reading.best) \
                and not self._points_back(reading.best):
            # A part asked of one name ("카카오와 SKT가 각각 운영하는 서비스는?") from a sentence naming it, when one
            # is read: one naming neither, nor pointing back to one ("이 회사는"), is about neither.
            named = next((s for s in reading.sentences[1 : self.settings.read_sentences]
                          if s.spans and _mentions_any({question.compared[0].lower()}, s)), None)
            if named is not None:
                reading = reading.led_by(named)
        span = reading.best_span
        if question.type == AnswerType.AMOUNT and question.compared and not question.wants_list \
                and (span is None or not self._counts(span, reading.best.text)):
            # A part asked of one name ("멜론, 지니, 플로 점유율 각각") whose best sentence gives its figures to the
            # other names: a later read sentence giving this name a figure of its own answers.
            own = self._own_figure(reading, None)
            if own is not None:
                reading = reading.led_by(own)
                span = reading.best_span
        if question.type == AnswerType.AMOUNT and not question.wants_list and span is not None \
                and not self._counts(span, reading.best.text):
            return composer.refusal(text, hits)  # "규모는 얼마야?" answered by a name or a date: no amount given
        if question.type == AnswerType.DATE and not question.wants_list and span is not None \
                and not _WHEN_RE.search(span.text):
            return composer.refusal(text, hits)  # "언제 출범했어?" answered by a name: the articles give no time
        if question.type == AnswerType.DATE and not question.wants_list and span is not None \
                and (finer := self._finer_date(reading, span)) is not None:
            reading = reading.led_by(finer)  # "올해" in one article, "올해 상반기" in another: the half year
            span = reading.best_span
        if question.type == AnswerType.AMOUNT and not question.wants_list and self._owner_absent(question):
            return composer.refusal(text, hits)  # "벅스의 점유율은?": no article names 벅스, so none gives its figure
        if question.type == AnswerType.AMOUNT and not (question.wants_list or question.category) and span is not None:
            # A figure asked of a name, read from a sentence not naming it ("플로 점유율 몇 퍼센트야?" against "…1위는
            # 멜론으로 34.14%로") or from a clause about another name: a read sentence giving the name a figure of its
            # own ("지니가 23.1%, 플로가 16.23%를") answers; "티맵택시의 점유율은?" against "카카오모빌리티는 … 80% 이상",
            # with no such sentence, is refused.
            claimed = self._claimed(question, reading.best, span)
            another = self._about_another(question, reading.best, span)
            if claimed or another:
                own = self._own_figure(reading, span if claimed and not another else None)
                if own is not None:
                    reading = reading.led_by(own)
                    span = reading.best_span
                elif another:
                    return composer.refusal(text, hits)
        if question.type == AnswerType.AMOUNT and not question.wants_list and span is not None \
                and _in_another_unit(question, span):
            # "플로 점유율 몇 퍼였대?" read "1위" first: a later read sentence giving the name a figure in the unit
            # asked answers; "지분 몇 %야?" against "3000억원" alone is refused (the share is not given)
            own = self._own_figure(reading, span)
            if own is None:
                return composer.refusal(text, hits)
            reading = reading.led_by(own)
            span = reading.best_span
        # "12월 기준 점유율은?" against "11월 기준 … 34.14%": another time's figure. Only figures: elsewhere a date
        # in the question mostly describes who or what is asked ("1982년 판사로 임관하여 재직했던 법원은?").
        if question.type == AnswerType.AMOUNT and timeframe.speaks_of_another_time(text, reading.best.text):
            return composer.refusal(text, hits)
        yes_no = question.type == AnswerType.YESNO
        settled = yes_no and composer.asks_settled(text, self.analyzer)  # "확정이야?": a plan or talk says no
        best = reading.best
        if composer.only_planned(text, best.text, self.analyzer, yes_no):
            if settled:
                return composer.not_settled(text, best.hit, best.span, hits, composer.NOT_SETTLED_PLANNED)
            return composer.unconfirmed(text, hits)  # "실제로 출시됐어?", "언제 출시됐어?" against "출시를 목표로 개발 중이다"
        if composer.only_speculated(text, best.text, self.analyzer, yes_no):
            if settled:
                return composer.not_settled(text, best.hit, best.span, hits, composer.NOT_SETTLED_SPECULATED)
            return composer.unconfirmed(text, hits, composer.SPECULATED_TEXT)  # "발표했어?" against "…가능성도 제기된다"
        if question.type != AnswerType.YESNO and composer.called_off(text, reading.best.text, self.analyzer):
            return composer.unconfirmed(text, hits, composer.CALLED_OFF_TEXT)  # "결국 누가 인수했어?" against "…결렬됐으나"
        quoted = None
        if question.wants_list or question.category:  # "각각 알려줘", "협력 분야는?": the listed items
            chosen, short = self._list(reading)
        elif (defined := self._definition(reading)) is not None:  # "e풀필먼트가 뭐야?": what the article says it is
            chosen, short = [defined[0]], defined[1]
        elif (named := self._named(reading)) is not None:  # "…안내하는 솔루션 이름은?": the term defined as one
            chosen, short = [named[0]], named[1]
        elif (quoted := self._quotation(reading)) is not None:  # "대표는 뭐라고 했어?": the words quoted
            chosen, short = [quoted[0]], quoted[1]
        else:
            best = reading.best
            chosen = [best, *self._continuation(question, best)]
            chosen += [s for s in self._stated_reason(reading) if all(c.key != s.key for c in chosen)]
            short = span.text if question.wants_span and span else None
            if short and span and question.type not in (AnswerType.AMOUNT, AnswerType.DATE) \
                    and not _NARROWED_RE.search(text) \
                    and (listed := phrases.enumeration_of(best.text, span.start, span.end)) is not None:
                short = best.text[listed[0] : listed[1]]  # one of "구글, 유튜브, 넷플릭스 등": the examples together
            elif short and question.focus and question.type not in (AnswerType.AMOUNT, AnswerType.DATE) \
                    and _WHICH_RE.search(text) and not _NARROWED_RE.search(text) \
                    and (examples := phrases.examples_of(best.text, question.focus)):
                short = ", ".join(examples)  # "어떤 데이터를 공유해?": "△텍스트 △음성 등 … 데이터", the examples
        evidence = [(c.hit, c.span) for c in chosen]
        return composer.answer(question, evidence, short, hits, self.analyzer, said=quoted is not None)

    def _definition(self, reading: Reading) -> tuple[SentenceCandidate, str] | None:
        """For a question asking what a term is, the likeliest read sentence that defines it, and the definition."""
        term = reading.question.defines
        return self._first_saying(reading, lambda text: definition(term, text, self.analyzer)) if term else None

    def _named(self, reading: Reading) -> tuple[SentenceCandidate, str] | None:
        """For a question describing a thing and asking its name, the likeliest read sentence defining a term as a
        thing of that kind, and the term."""
        kind = reading.question.described
        return self._first_saying(reading, lambda text: named_by(kind, text, self.analyzer)) if kind else None

    def _quotation(self, reading: Reading) -> tuple[SentenceCandidate, str] | None:
        """For a question asking what was said, the likeliest read sentence quoting someone, and the quotation."""
        words = frozenset(reading.question.key_terms)
        return self._first_saying(reading, lambda text: quotation(text, words)) if reading.question.says else None

    def _first_saying(
        self, reading: Reading, find: Callable[[str], tuple[int, int] | None]
    ) -> tuple[SentenceCandidate, str] | None:
        """The first read sentence, nearly as likely as the best, in which ``find`` finds what is asked, and it."""
        if reading.best is None:
            return None
        floor = reading.best.probability * self.settings.list_relative_probability
        for sentence in reading.sentences[: self.settings.read_sentences]:
            found = find(sentence.text) if sentence.probability >= floor else None
            if found is not None:
                return sentence, sentence.text[found[0] : found[1]]
        return None

    def _counts(self, span: SpanCandidate, sentence: str) -> bool:
        """Whether a span states a quantity: digits that are not a date, or a Korean numeral ("두 배", "절반")."""
        text = span.text
        if "date" in span.classes and "amount" not in span.classes and _CALENDAR_RE.search(text):
            return False  # "2019년", "10월": a point in time; "10일" may be a duration
        unit = sentence[span.end : span.end + 1]
        if text.isdigit() and ((unit == "년" and len(text) == 4) or (unit == "월" and len(text) <= 2)):
            return False  # the "10" of "10월" or the "2019" of "2019년"; "5년" and "4.5" are quantities
        rest = timeframe.YEAR_OR_MONTH_RE.sub("", text).strip()  # "8월 용인": a month and a place, no quantity
        return any(ch.isdigit() for ch in rest) or any(
            m.tag in ("SN", "NR") or (m.tag == "MM" and m.form in lexicon.NUMERAL_DETERMINERS)
            or m.form in lexicon.QUANTITY_WORDS for m in (self.analyzer.morphemes(rest) if rest else ()))

    def _list(self, reading: Reading) -> tuple[list[SentenceCandidate], str | None]:
        """Several items: every sentence nearly as likely as the best, each cited, and the items they hold."""
        question = reading.question
        share = self.settings.list_relative_probability
        floor = reading.best.probability * share
        chosen = [s for s in reading.sentences if s.probability >= floor][: self.settings.max_list_items]
        carried = self._carried_on(chosen[0])
        if carried is not None and all(c.key != carried.key for c in chosen):
            chosen.append(carried)  # "이어 오는 8월 용인에 …": the list goes on in the next sentence
        top = chosen[0].spans[0] if chosen[0].spans else None
        # What a carried-on item must name: the asked type's narrowest class the best item has.
        like = (top, _specific(top.classes & TYPE_CLASSES.get(question.type, top.classes) or top.classes)) \
            if top is not None else None
        listed: dict[int, list[str]] = {}  # by position in chosen: the sentence's spelled-out list, or its loose items
        loose: dict[int, list[str]] = {}
        for at, sentence in enumerate(chosen):
            enumeration = phrases.enumerated_items(sentence.text) if sentence is not carried else []
            spans = (sentence.spans or self._spans(question, sentence)) \
                if question.wants_span else []
            if enumeration and (not spans or _names_the_asked_kind(enumeration, spans, question.type)):
                listed[at] = enumeration
            elif spans:
                loose[at] = _list_items(spans, share, sentence.text, self.analyzer.morphemes(sentence.text),
                                        question.text, like if sentence is carried else None,
                                        bool(_PARTNER_RE.search(question.text)),
                                        aliases.same_words(question.words, sentence.hit.document.text))
        if listed:
            # A sentence spelling the list out ("△AI △ESG △특허 등의 분야") is the article's own list: the loose spans of
            # the other sentences ("ICT 분야", "관계") would only add noise to it, and they are not cited.
            chosen = [chosen[at] for at in listed]
        items = [item for found in (listed or loose).values() for item in found]
        short = ", ".join(dict.fromkeys(i.strip() for i in items if i.strip())) or None
        return sorted(chosen, key=lambda s: (s.hit.document.doc_id, s.span.start)), short

    def _continuation(self, question: Question, chosen: SentenceCandidate) -> list[SentenceCandidate]:
        """The next sentence of the paragraph, when it carries on the chosen one (reasons, explanations): it opens on
        a word pointing back, after its topic or not ("네이버는 이를 보완하기 위해 …")."""
        if question.type not in (AnswerType.REASON, AnswerType.OPEN):
            return []
        nxt = self._next_sentence(chosen)
        return [nxt] if nxt is not None and _CONTINUATION_RE.search(nxt.text) else []

    def _lead(self, hit: Hit) -> tuple[Hit, Span] | None:
        """The article's first body sentence and a hit on the chunk holding it: what the article is about."""
        doc = hit.document
        sentences = self.analyzer.sentences(doc.text, doc.body_start, min(len(doc.text), doc.body_start + _LEAD_CHARS))
        # a subheading ("네이버, CJ대한통운·신세계와 협업..") is no lead: the first sentence that ends as one does
        first = next((s for s in sentences if _SENTENCE_END_RE.search(doc.text[s.start : s.end])),
                     sentences[0] if sentences else None)
        if first is None:
            return None
        index = self.retriever.index
        start, end = index.doc_keys.get(doc.doc_id, (0, 0))
        key = next((k for k in range(start, end) if index.is_live(k)
                    and index.chunk_of(k).start <= first.start < index.chunk_of(k).end), None)
        return (Hit(index.chunk_of(key), doc, hit.score, key=key), first) if key is not None else None

    def _stated_reason(self, reading: Reading) -> list[SentenceCandidate]:
        """For a why question answered by a sentence whose reason points back ("네이버는 이를 보완하기 위해 …"), a read
        sentence that states the reason as one ("…협업을 결정한 실질적인 이유는 쿠팡을 견제하기
        위함이다") about the same names: both are the article's reasons."""
        question, best = reading.question, reading.best
        if question.type != AnswerType.REASON or best is None or not _POINTED_REASON_RE.search(best.text):
            return []
        names = {n.lower() for n in question.entities if n.lower() in best.text.lower()}
        return [s for s in reading.sentences[1 : self.settings.read_sentences]
                if names and _STATED_REASON_RE.search(s.text) and all(n in s.text.lower() for n in names)][:1]

    def _carried_on(self, chosen: SentenceCandidate) -> SentenceCandidate | None:
        """The next sentence when it adds to the chosen one ("이어", "또한"), or opens the next paragraph doing so
        ("이 외에도 …")."""
        nxt = self._next_sentence(chosen, across_paragraphs=True)
        return nxt if nxt is not None and _ADDITIVE_RE.search(nxt.text) else None

    def _next_sentence(self, chosen: SentenceCandidate, across_paragraphs: bool = False) -> SentenceCandidate | None:
        doc = chosen.hit.document
        paragraph_end = doc.text.find("\n\n", chosen.span.end)
        if across_paragraphs and paragraph_end >= 0 and not doc.text[chosen.span.end : paragraph_end].strip():
            paragraph_end = doc.text.find("\n\n", paragraph_end + 2)  # the chosen sentence ends its paragraph
        following = self.analyzer.sentences(doc.text, chosen.span.end, paragraph_end if paragraph_end >= 0 else None)
        if not following:
            return None
        nxt = following[0]
        return SentenceCandidate(chosen.hit, chosen.rank, Span(nxt.start, nxt.end), doc.text[nxt.start : nxt.end], -1, [])

    def _about_another(self, question: Question, best: SentenceCandidate, span: SpanCandidate,
                       asked: set[str] | None = None) -> bool:
        """Whether the span comes from a clause about another name than the question asks about (``asked``: the
        question's names in this sentence's article, when already known)."""
        terms = {t.lower() for t in question.key_terms} | set(question.spelled.values())
        names = self._asked_names(question, best) if asked is None else asked
        return subject.about_another(names, terms, question.text, best.text,
                                     (span.start, span.end), self.analyzer, best.hit.document.text)

    def _asked_names(self, question: Question, sentence: SentenceCandidate) -> set[str]:
        """The names the question asks about, lower-cased: its proper nouns the articles use ("카톡" for 카카오톡 is
        none to look for) and the names the sentence's article quotes (‘플로’, which Kiwi reads as a common noun)."""
        lexical = self.retriever.index.lexical
        names = {question.spelled.get(n, n) for n in question.entities if lexical.repair(n)}
        return names | {n.lower() for n in article_names(sentence, self.analyzer) if _written(n, question.text)}

    def _claimed(self, question: Question, sentence: SentenceCandidate, span: SpanCandidate) -> bool:
        """Whether a name the sentence's article quotes, and the question does not, owns the figure ("…1위는
        멜론으로 34.14%로" for "플로 점유율은?"), by how the sentence pairs names with values (``subject.owner``)."""
        asked = self._asked_names(question, sentence)
        rivals = tuple(n for n in article_names(sentence, self.analyzer)
                       if n.lower() not in asked and not _written(n, question.text) and n in sentence.text)
        if not asked or not rivals:
            return False
        whose = subject.owner((*sorted(asked), *rivals), question.text, sentence.text, (span.start, span.end),
                              self.analyzer, sentence.hit.document.text)
        return whose in rivals

    def _points_back(self, sentence: SentenceCandidate) -> bool:
        """Whether the sentence points back to a name given before: "이 회사는", "그 업체", "양사는"."""
        morphemes = self.analyzer.morphemes(sentence.text)
        return any((m.tag == "MM" and m.form in lexicon.DEMONSTRATIVES and i + 1 < len(morphemes)
                    and morphemes[i + 1].tag.startswith("NN")) or (m.tag.startswith("NN") and m.form in
                                                                   lexicon.POINTING_NOUNS)
                   for i, m in enumerate(morphemes))

    def _owner_absent(self, question: Question) -> bool:
        """Whether the question asks a figure of a name no article uses: a name before a genitive ("유튜브 뮤직의
        점유율"; Kiwi reads an unknown name with its 의 as one noun, "벅스의") or a proper noun right before the
        attribute asked ("벅스 점유율"), with a word the articles lack and not known written together."""
        unknown = set(question.unknown_nouns)
        if not unknown:
            return False
        morphemes = self.analyzer.morphemes(question.text)
        owners = []
        for at, m in enumerate(morphemes):
            run = morphemes[subject.run_start(morphemes, at) : at] if m.tag == "JKG" else []
            if any(n.tag in ("NNP", "SL") for n in run):
                owners.append(run)  # "유튜브 뮤직의", a name's: not "예수상만의" (예수상 + 만)
            elif m.tag == "NNG" and m.form.endswith("의") and len(m.form) > 1:
                owners.append([m])  # "벅스의": an unknown name read with its genitive
            elif m.tag == "NNP" and at + 1 < len(morphemes) and morphemes[at + 1].form == question.focus \
                    and morphemes[at + 1].start > m.end:
                owners.append([m])  # "벅스 점유율은?"
        lexical = self.retriever.index.lexical
        for run in owners:
            whole = "".join(n.form for n in run).lower().removesuffix("의")
            if any(n.form.lower() in unknown for n in run) and not lexical.repair(whole) \
                    and not lexical.begins_known(whole):
                return True  # not "삼성의 매출은?" where the articles write 삼성전자
        return False

    def _finer_date(self, reading: Reading, span: SpanCandidate) -> SentenceCandidate | None:
        """A read sentence dating what the best one dates, more precisely, and holding as much of the question."""
        best, text = reading.best, reading.question.text
        for sentence in reading.sentences[1 : self.settings.read_sentences]:
            top = sentence.spans[0] if sentence.spans else None
            if top is not None and sentence.features.get("coverage", 0.0) >= best.features.get("coverage", 0.0) \
                    and dates.refines(span.text, best.hit.document.published, top.text,
                                      sentence.hit.document.published) \
                    and composer.only_planned(text, sentence.text, self.analyzer, False) \
                    == composer.only_planned(text, best.text, self.analyzer, False):
                return sentence  # not a plan's date for what happened ("출시했다" against "…출시할 계획이다")
        return None

    def _own_figure(self, reading: Reading, rival: SpanCandidate | None) -> SentenceCandidate | None:
        """The first read sentence after the best that names what the question asks about and gives it a figure of
        its own, from a clause about no other name. Against a best figure another name was found to own
        (``rival``), only a figure read as likely, in the unit asked."""
        question = reading.question
        for sentence in reading.sentences[1 : self.settings.read_sentences]:
            top = sentence.spans[0] if sentence.spans else None
            if top is None or not _mentions_any(self._asked_names(question, sentence), sentence) \
                    or not self._counts(top, sentence.text) or self._about_another(question, sentence, top):
                continue
            if rival is not None and (top.probability < rival.probability
                                      or (question.units and not top.features.get("unit_match"))):
                continue
            return sentence
        return None

    def _corpus_spellings(self, question: Question) -> dict[str, str]:
        """The question's terms the articles spell otherwise, typed as they are in the question (카카오벤쳐스 ->
        카카오벤처스, 에스케이티 -> skt): a span the question already names is no answer, however it was typed."""
        lexical = self.retriever.index.lexical
        out = {}
        for term in question.key_terms:
            if term in question.text.lower() and not lexical.known(term):
                spelled = lexical.spelling(term, question.verbs)
                if spelled:
                    out[term] = spelled
        return out

    def _unknown_nouns(self, question: Question) -> list[str]:
        """Nouns of the question that no article uses, even after typo and spacing repair (매출, 이용료)."""
        lexical = self.retriever.index.lexical
        nouns = {m.form.lower() for m in self.analyzer.morphemes(question.text) if m.tag in ("NNG", "NNP")}
        return [t for t in question.key_terms if t in nouns and len(t) > 1 and not lexical.repair(t)
                and not lexical.piece_of_misspelt(t, question.key_terms)]


def _in_another_unit(question: Question, span: SpanCandidate) -> bool:
    """A figure written in a unit of another kind than the one asked: money for "몇 %", a share for "몇 명"."""
    if not question.units or span.features.get("unit_match"):
        return False
    amount = read_amount(span.text)
    if amount is None or not amount.unit:
        return False  # a bare number: news often drops the unit
    return any(amount.unit.startswith(unit) for units in lexicon.UNIT_FAMILIES.values() for unit in units)
