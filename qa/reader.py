"""Span readers: given a question and one evidence sentence, the phrase of the sentence that answers it.

``Reader`` is the protocol the answerer calls, so a neural reader can replace the one here. ``PhraseReader``
proposes every candidate phrase of the sentence (``phrases``) and ranks them with a fitted logistic model over
named features: does the phrase have the asked type (date, amount, name, place …), does it end on the question's
focus noun ("어떤 시위" → "…시위"), is it followed by the same particle as the question's asked slot (누구를 →
"…를"), does it sit just before the question's predicate, how close is it to the words the question repeats, whether
those words share its clause ("지니가 23.1%, 플로가 16.23%를" binds each share to its own name), and does it
merely repeat the question.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol

from qa import lexicon, phrases
from qa.korean import KoreanAnalyzer, Morpheme, clause_numbers, index_after, marks_topic, predicate_term
from qa.question import AnswerType, Question, is_interrogative
from qa.weights import LinearModel, sigmoid

# Particles compared by function, not spelling: 을/를 after a vowel or a consonant are the same particle.
_PARTICLE_CLASS = {
    "을": "를", "를": "를", "ᆯ": "를", "이": "가", "가": "가", "은": "는", "는": "는", "ᆫ": "는", "와": "와", "과": "와",
    "랑": "와", "이랑": "와", "하고": "와", "으로": "로", "로": "로", "으로서": "로서", "로서": "로서", "에": "에",
    "에서": "에서", "의": "의", "에게": "에게", "한테": "에게", "께": "에게", "도": "도", "만": "만", "까지": "까지",
    "부터": "부터", "보다": "보다", "처럼": "처럼", "이라고": "라고", "라고": "라고", "이라는": "라는", "라는": "라는",
}
# The span classes that can answer each question type.
TYPE_CLASSES = {
    AnswerType.DATE: frozenset({"date"}),
    AnswerType.AMOUNT: frozenset({"amount", "number"}),
    AnswerType.PERSON: frozenset({"person", "proper"}),
    AnswerType.ORG: frozenset({"org", "proper", "latin"}),
    AnswerType.PLACE: frozenset({"place", "proper"}),
    AnswerType.THING: frozenset({"quoted", "proper", "latin", "common", "number"}),
}
_NAMING_TYPES = frozenset({AnswerType.PERSON, AnswerType.ORG, AnswerType.PLACE, AnswerType.THING})
# Closing brackets, unlike closing quotes: the particle after "(이하 창준위)는" is the phrase's before the bracket.
_BRACKETS = frozenset(")]}）］")
WINDOW = 3  # morphemes either side in which the question's words count as the candidate's context
_DATE_FULL_RE = re.compile(phrases._DATE_RE.pattern)
# A span that is, or ends the noun phrase, likened to something: "쿠팡(…) 로켓배송처럼", "서울만큼".
_LIKENESS_TAIL_RE = re.compile(f"(?:{'|'.join(lexicon.LIKENESS_PARTICLES)})$")
_LIKENED_RE = re.compile(rf"(?:\s*[가-힣A-Za-z0-9]{{2,}}?)?(?:{'|'.join(lexicon.LIKENESS_PARTICLES)})")
_AMOUNT_RE = re.compile(r"\d\s*(?:[천만억조]|%s)" % "|".join(
    re.escape(unit) for units in lexicon.UNIT_FAMILIES.values() for unit in units))  # "3,000억원", "80%", "1500만명"
_AMOUNT_FULL_RE = re.compile(phrases._AMOUNT_RE.pattern)


@dataclass
class SpanCandidate:
    """One candidate answer span of a sentence: offsets into the sentence, its features and its probability."""

    start: int
    end: int
    text: str
    features: dict[str, float] = field(default_factory=dict)
    probability: float = 0.0
    classes: frozenset[str] = frozenset()  # what kind of thing the span names (see ``candidate_classes``)


class Reader(Protocol):
    def read(self, question: Question, sentence: str, names: frozenset[str] = frozenset()) -> list[SpanCandidate]:
        """Candidate spans of ``sentence`` answering ``question``, most probable first, were it the evidence;
        ``names``: what the sentence's article writes as names (‘멜론’), which Kiwi may read as common nouns."""
        ...


def _reading(term: str) -> str:
    """A predicate as the reader compares it: words news uses for one act as one (lexicon.SAME_MEANING: "맞바꾸다"
    for "교환")."""
    return lexicon.SAME_MEANING_READING.get(term, term)


def particle_class(form: str) -> str:
    return _PARTICLE_CLASS.get(form, form)


def morpheme_term(m: Morpheme) -> str:
    """The search term a morpheme stands for, as ``KoreanAnalyzer.terms`` spells it (predicates as stem+다)."""
    tag = m.tag.split("-")[0]
    return predicate_term(m.form) if tag in ("VV", "VA") else m.form.lower().replace(",", "")


def candidate_classes(text: str, morphemes: list[Morpheme], phrase: phrases.Phrase, nxt: Morpheme | None,
                      names: frozenset[str] = frozenset()) -> set[str]:
    """What kind of thing a span names: a date, an amount, a proper name, a place, an organisation, a person …"""
    inside = morphemes[phrase.first : phrase.last] if phrase.first >= 0 else []
    tags = [m.tag.split("-")[0] for m in inside]
    classes: set[str] = set()
    if _DATE_FULL_RE.fullmatch(text):  # "2019년" inside "지난 2019년 3000억원" is a date too, not only the longest match
        classes.add("date")
    if "amount" in phrase.kinds and _AMOUNT_FULL_RE.fullmatch(text):  # "80% 이상", not its "80%"
        classes.add("amount")
    if "SN" in tags or any(ch.isdigit() for ch in text):
        classes.add("number")
    if "NNP" in tags or text in names:
        classes.add("proper")
    if "SL" in tags:
        classes.add("latin")
    if "quoted" in phrase.kinds:
        classes.add("quoted")
    last = inside[-1].form if inside else text
    if text.endswith(lexicon.PLACE_SUFFIXES) and "NNP" in tags or (nxt is not None and nxt.form in ("에서", "에")):
        classes.add("place")
    if last.endswith(lexicon.ORG_SUFFIXES) and len(text) > 2:
        classes.add("org")
    if (nxt is not None and nxt.form in lexicon.PERSON_TITLES) or (
        tags and tags[0] == "NNP" and re.fullmatch(r"[가-힣]{2,4}", inside[0].form or "")
    ):
        classes.add("person")
    if not classes & {"date", "amount", "number", "proper", "latin", "quoted"}:
        classes.add("common")
    return classes


def _named_apart(candidate: SpanCandidate, question: Question) -> bool:
    """Whether a candidate made of the question's words is a name the article quotes that the question does not
    spell out: "카카오가 밀고 있는 인증서 이름은?" is answered by ‘카카오 인증서’."""
    squeezed = re.sub(r"\s+", "", question.text)
    return "quoted" in candidate.classes and re.sub(r"\s+", "", candidate.text) not in squeezed


class PhraseReader:
    """Ranks Kiwi candidate phrases with a fitted logistic model (``model`` may be None to only compute features)."""

    def __init__(self, analyzer: KoreanAnalyzer, model: LinearModel | None,
                 memo: dict[tuple[str, str, frozenset[str]], list[SpanCandidate]] | None = None) -> None:
        """``memo`` keeps candidates by (question, sentence, names) when the same readings are weighed many times
        (fitting)."""
        self.analyzer = analyzer
        self.model = model
        self.memo = memo

    def read(self, question: Question, sentence: str, names: frozenset[str] = frozenset()) -> list[SpanCandidate]:
        candidates = self.candidates(question, sentence, names)
        if not question.choice:  # "여민수 말고 다른 공동대표는?" is not answered by "카카오 공동대표": its own words
            candidates = [c for c in candidates if not set(c.text.split()) <= question.words or _named_apart(c, question)]
        if question.units and question.units != lexicon.UNIT_FAMILIES["money"] \
                and any(c.features.get("unit_match") for c in candidates):
            # "몇 %야?" is answered by a percentage, not by the head count beside it; "목표 인원은?" by "3600만명", not
            # "70%" (money is often written without its unit: "2조5000억으로")
            candidates = [c for c in candidates if c.features.get("unit_match") or "number" not in c.classes]
        owners = [c for c in candidates if c.features.get("owned_follows") and sentence[c.end : c.end + 1].isspace()]
        if question.owned and owners:
            # "누가 추산한 거야?": the name written as a word before 추산 ("공정거래위원회 추산에 따르면") is whose it is
            # (not 시장 of "시장조사기관" for "어디 조사야?")
            candidates = owners
        likened = {id(c): m.end() for c in candidates if (m := _LIKENED_RE.match(sentence, c.end))}
        about_it = any(set(_LIKENESS_TAIL_RE.sub("", sentence[c.start : likened[id(c)]]).split()) & question.words
                       for c in candidates if id(c) in likened)  # "로켓배송은 어느 회사 서비스야?"
        if not question.named_kind and not about_it and not any(w in question.text for w in lexicon.LIKENESS_WORDS) \
                and any(id(c) not in likened for c in candidates):
            # "쿠팡 로켓배송처럼 익일 배송을 목표로 한다": what something is likened to (쿠팡, 쿠팡 로켓배송) is not
            # what it is, unless the question asks for a name ("쿠팡 배송 서비스 이름은?"), for the model itself or
            # about it
            candidates = [c for c in candidates if id(c) not in likened]
        if question.type == AnswerType.DATE and any("date" in c.classes for c in candidates):
            # "몇 년도에?" is answered by a date, not by the amount written after it ("2019년 3,000억원 규모"); a clock
            # time, a quarter or a decade ("오후 3시", "3분기", "1990년대") stays
            candidates = [c for c in candidates if "date" in c.classes or not _AMOUNT_RE.search(c.text)]
        if self.model is not None and candidates:
            for candidate, logit in zip(candidates, self.model.logits([c.features for c in candidates])):
                candidate.probability = sigmoid(logit)
        return sorted(candidates, key=lambda c: (-c.probability, c.end - c.start, c.start))

    def candidates(self, question: Question, sentence: str, names: frozenset[str] = frozenset()) -> list[SpanCandidate]:
        if self.memo is None:
            return self._candidates(question, sentence, names)
        key = (question.text, sentence, names)
        if key not in self.memo:
            self.memo[key] = self._candidates(question, sentence, names)
        return self.memo[key]

    def _candidates(self, question: Question, sentence: str, names: frozenset[str]) -> list[SpanCandidate]:
        morphemes = self.analyzer.morphemes(sentence)
        found = phrases.candidates(sentence, morphemes)
        if not found:
            return []
        context = _Context(question, sentence, morphemes, self.analyzer.morphemes(question.text))
        out = []
        for phrase in found:
            text = sentence[phrase.start : phrase.end]
            if not text.split() or text.split()[-1] in lexicon.POINTING_NOUNS:
                continue  # "자사", "최근 양사": who is meant is in the sentence, not in the span
            first = phrase.first if phrase.first >= 0 else _index_at(morphemes, phrase.start)
            last = phrase.last if phrase.last >= 0 else index_after(morphemes, phrase.end)
            nxt = morphemes[last] if last < len(morphemes) else None
            classes = candidate_classes(text, morphemes, phrase, nxt, names)
            f: dict[str, float] = {f"kind_{kind}": 1.0 for kind in phrase.kinds}
            f.update(_shape(text, first, last, classes, context.q_type))
            f.update(context.question_words(text, first, last))
            f.update(context.slot(phrase, text, first, last, classes))
            f.update(context.paired(first, last))
            if any(a <= phrase.start and phrase.end <= b for a, b in context.glosses):
                f["in_gloss"] = 1.0  # "질병 이후" for "After Disease 뜻"
            out.append(SpanCandidate(phrase.start, phrase.end, text, f, classes=frozenset(classes)))
        _add_relative_features(out)
        return out


def _shape(text: str, first: int, last: int, classes: set[str], q_type: str) -> dict[str, float]:
    """What the span looks like: its length and the kind of thing it names, crossed with the asked type."""
    n_words = len(text.split())
    f = {
        "words": float(n_words),
        "words_1": float(n_words == 1),
        f"{q_type}*words": float(n_words),
        "log_chars": math.log1p(len(text)),
        "morphemes": float(last - first),
    }
    for cls in classes:
        f[f"class_{cls}"] = 1.0
        f[f"{q_type}*{cls}"] = 1.0
    return f


class _Context:
    """The question and the sentence's morphemes, read once for all of the sentence's candidates."""

    def __init__(self, question: Question, sentence: str, morphemes: list[Morpheme], asked: list[Morpheme]) -> None:
        self.question = question
        self.asked_about = _topics(asked)
        self.sentence = sentence
        self.morphemes = morphemes
        self.q_type = question.type.value
        self.key_terms = set(question.key_terms) | set(question.spelled.values())
        # "점유율 조사한 곳이 어디야?" asks who reported; "공정위 추산으로 점유율은 어느 정도?" asks the figure
        self.asks_reporting = question.type in _NAMING_TYPES and any(
            t in lexicon.REPORTING_STEMS or t[:-1] in lexicon.REPORTING_STEMS for t in self.key_terms)
        self.predicate = {_reading(p) for p in (*question.predicate, *map(predicate_term, question.predicate))}
        # "위치", "지역": a location proper is asked, where "어디" alone may ask for a company
        self.asks_location = question.focus in lexicon.LOCATION_NOUNS or question.focus_head in lexicon.LOCATION_NOUNS
        self.asks_dative = bool(question.particle) and particle_class(question.particle) == "에게"
        self.terms = [morpheme_term(m) for m in morphemes]
        self.matched = [i for i, t in enumerate(self.terms) if t in self.key_terms]
        self.predicate_at = [i for i, t in enumerate(self.terms) if _reading(t) in self.predicate]
        typed = question.text.lower()
        for term, spelled in question.spelled.items():
            typed = typed.replace(term, spelled)
        self.q_text = re.sub(r"\s+", "", typed)
        self.entities = set(question.entities)
        self.clause_of = clause_numbers(morphemes)
        self.clause_terms: dict[int, Counter[str]] = {}
        for clause, term in zip(self.clause_of, self.terms):
            self.clause_terms.setdefault(clause, Counter())[term] += 1
        self.topics = self._clause_topics()
        self.glosses = self._glosses()

    def _clause_topics(self) -> dict[int, str]:
        """Each clause's topic or subject (the noun before 은/는/이/가): in "카카오는 ‘카카오 인증서’, SKT는 ‘패스’로"
        clause 1 is about 카카오, clause 2 about SKT."""
        topics: dict[int, str] = {}
        for i in range(1, len(self.morphemes)):
            m, before = self.morphemes[i], self.morphemes[i - 1]
            if marks_topic(m) and before.tag in ("NNP", "NNG", "SL") and before.end == m.start:
                topics.setdefault(self.clause_of[i], self.terms[i - 1])
        return topics

    def _glosses(self) -> list[tuple[int, int]]:
        """Character ranges of parentheses right after a word of the question: "After Disease(질병 이후)" glosses
        what the question names."""
        out = []
        for i in range(1, len(self.morphemes)):
            m = self.morphemes[i]
            if m.form == "(" and self.morphemes[i - 1].end == m.start and self.terms[i - 1] in self.key_terms:
                close = self.sentence.find(")", m.end)
                if close > 0:
                    out.append((m.end, close))
        return out

    def paired(self, first: int, last: int) -> dict[str, float]:
        """In a sentence pairing topics with what each has ("카카오는 X, SKT는 Y"), whether the span's clause is about
        what the question names, or about another of the pair."""
        if first >= last or len(set(self.topics.values())) < 2:
            return {}
        topic = self.topics.get(self.clause_of[first])
        if topic is None:
            return {}
        asked = self.key_terms | self.entities
        others = [t for c, t in self.topics.items() if c != self.clause_of[first] and t != topic]
        if topic in asked and any(t not in asked for t in others):
            return {"topic_asked": 1.0}
        if topic not in asked and any(t in asked for t in others):
            return {"topic_other": 1.0}
        return {}

    def question_words(self, text: str, first: int, last: int) -> dict[str, float]:
        """The question's own words are not its answer; the words around them are where answers sit."""
        own = self.terms[first:last]
        overlap = sum(t in self.key_terms for t in own) / max(len(own), 1)
        outside = [i for i in self.matched if not first <= i < last]
        distances = [min(abs(i - first), abs(i - (last - 1))) for i in outside]
        near = {self.terms[i] for i in outside if first - 2 * WINDOW <= i < last + 2 * WINDOW}
        return {
            "q_overlap": overlap,
            "q_overlap_all": float(overlap == 1.0),
            "in_question": float(re.sub(r"\s+", "", text).lower() in self.q_text),
            "q_distance": math.log1p(min(distances)) if distances else 3.0,
            "q_near_before": float(any(first - WINDOW <= i < first for i in outside)),
            "q_near_after": float(any(last <= i < last + WINDOW for i in outside)),
            "q_around_share": len(near) / max(len(self.key_terms), 1),
            "q_matched_share": len({self.terms[i] for i in self.matched}) / max(len(self.key_terms), 1),
            **self.clause(first, last),
        }

    def clause(self, first: int, last: int) -> dict[str, float]:
        """How much of the question sits in the span's own clause, outside the span: in a sentence pairing names
        with values, the value whose clause holds the asked name."""
        if first >= last or last > len(self.terms):
            return {}
        a, b = self.clause_of[first], self.clause_of[last - 1]
        total = self.clause_terms[a] if a == b else self.clause_terms[a] + self.clause_terms[b]
        own = self.terms[first:last]

        def around(term: str) -> bool:  # in the clause, outside the span
            return total.get(term, 0) > own.count(term)

        f = {"clause_q_share": sum(map(around, self.key_terms)) / max(len(self.key_terms), 1)}
        if self.entities:
            f["clause_entities"] = sum(map(around, self.entities)) / len(self.entities)
        return f

    def slot(self, phrase: phrases.Phrase, text: str, first: int, last: int, classes: set[str]) -> dict[str, float]:
        """Does the span fill the question's asked slot: its particle, its focus noun, its predicate?"""
        question, morphemes, q_type = self.question, self.morphemes, self.q_type
        after = last
        while after < len(morphemes) and morphemes[after].tag == "SSC" and morphemes[after].form not in _BRACKETS:
            after += 1  # "미국의 ‘우버’와 손잡고": the particle of a quoted name follows its closing mark
        nxt = morphemes[after] if after < len(morphemes) else None
        before = morphemes[first - 1] if first > 0 else None
        own = self.terms[first:last]
        f: dict[str, float] = {"position": phrase.start / max(len(self.sentence), 1)}
        if nxt is not None and nxt.tag.startswith("J"):
            role = particle_class(nxt.form)
            f["particle_after"] = 1.0
            f[f"{q_type}*after_{role}"] = 1.0
            if question.particle and role == particle_class(question.particle):
                f["particle_match"] = 1.0
                f[f"{q_type}*particle_match"] = 1.0
            elif self.asks_dative and role == "에":
                f["dative_match"] = 1.0  # "누구한테 개방해?": news gives to organisations with 에 ("벤처기업 등에")
        elif nxt is not None and nxt.start == phrase.end and nxt.tag not in ("SP", "SF", "SE"):
            f["glued_after"] = 1.0  # the span stops inside a word (a comma or a full stop closes it)
            if nxt.tag.startswith(("XSV", "XSA")) and own and morphemes[last - 1].tag.startswith("NNG"):
                f["verbal_noun"] = 1.0  # "ESG 공동펀드를 조성해": the noun of a predicate, rarely a thing asked for
                f[f"{q_type}*verbal_noun"] = 1.0
        if nxt is not None and nxt.start < phrase.end < nxt.end and self.sentence[phrase.end].isalnum():
            f["cuts_morpheme"] = 1.0  # a pattern's span ending inside a morpheme: "1980년" of "1980년대"
        if before is not None and before.end == phrase.start and before.tag.split("-")[0] in ("NNG", "NNP", "SN", "XPN"):
            f["glued_before"] = 1.0
        focus, head = question.focus, question.focus_head
        if focus:
            if text.endswith(focus) or (head and own and own[-1] == head):
                f["ends_with_focus"] = 1.0
                f["focus_only"] = float(text == focus or text == head)
            following = [m.form for m in morphemes[last : last + 3]]
            if focus in following or head in following or focus in "".join(following):
                f["focus_follows"] = 1.0  # apposition: "김대중 전 대통령" for "…한 대통령은?"
        if question.named_kind and own and own[-1] == question.named_kind:
            f["ends_with_named"] = 1.0  # "‘AI 연구개발(R&D) 협의체’" for "협의체 이름 뭐야?"
        if self.asks_location:
            for cls in classes:
                f[f"location*{cls}"] = 1.0
        if question.owned:
            after = [m for m in morphemes[last : last + 2] if m.tag != "JKG"]
            if after and after[0].form == question.owned:
                f["owned_follows"] = 1.0  # "공정거래위원회 추산에 따르면" for "누구 추산이야?"
        if _attributed(morphemes, last):
            f["attributed"] = 1.0  # "닐슨코리아클릭에 따르면": the source of what the sentence says
            if question.owned:
                f["attributed_owned"] = 1.0  # "누구 추산이야?": the source is what is asked
            if self.asks_reporting:
                f["attributed_reported"] = 1.0  # "점유율 조사한 데가 어디야?": who reported it is asked
        unquoted = [m for m in morphemes[last : last + 4] if m.tag.split("-")[0] not in ("SSO", "SSC", "SS")]
        if len(unquoted) > 1 and unquoted[0].tag == "JKG" and morpheme_term(unquoted[1]) in self.asked_about:
            f["owns_asked"] = 1.0  # "카카오의 ‘멜론’" for "멜론은 어느 회사 서비스야?": whose the asked thing is
        ahead = [i - last for i in self.predicate_at if i >= last]
        if ahead:
            f["predicate_distance"] = math.log1p(min(ahead))
            if min(ahead) <= WINDOW + 2:
                f["predicate_after"] = 1.0
                f[f"{q_type}*predicate_after"] = 1.0
        if question.units:
            f["unit_match"] = float(any(u in text for u in question.units))
        if nxt is not None and nxt.form in lexicon.PERSON_TITLES:
            f["title_follows"] = 1.0
        if own and own[-1] in lexicon.PERSON_TITLES:
            f["ends_with_title"] = 1.0
        if question.says:
            f["says*quoted"] = float("quoted" in phrase.kinds)  # "뭐라고 썼어?" → ‘Dokdo’
        if _descriptor_before_name(morphemes[first:last]):
            f["descriptor_before_name"] = 1.0  # "시장조사기관 닐슨코리아클릭": the name alone is also a candidate
        words = text.split()
        if len(words) > 1 and words[-1] in lexicon.TITLE_PREFIXES:
            f["ends_with_title_prefix"] = 1.0  # "이건희 전" of "이건희 전 회장"
        return f


def _topics(asked: list[Morpheme]) -> set[str]:
    """The terms a question is about: its topic ("멜론은 어느 회사 거야?"), a subject an interrogative follows ("멜론이
    어느 회사 거야?") or an object ("멜론을 운영하는 회사는?"); not the subject of a clause describing what is asked
    ("SKT와 우버가 세운 회사는?")."""
    out = set()
    for i in range(1, len(asked)):
        m, noun = asked[i], asked[i - 1]
        if not noun.tag.startswith(("NN", "SL")) or noun.end != m.start:
            continue
        topic = m.tag == "JX" and m.form in ("은", "는", "ᆫ")
        subject = m.tag == "JKS" and i + 1 < len(asked) and is_interrogative(asked[i + 1])
        if topic or subject or m.tag == "JKO":  # an object too: "멜론을 운영하는 회사는?" asks its owner
            start = i - 1  # the whole word: "패스키는" is read 패스 + 키
            while start > 0 and asked[start - 1].end == asked[start].start and asked[start - 1].tag.startswith(
                    ("NN", "SL")):
                start -= 1
            out.add("".join(n.form for n in asked[start:i]).lower())
            out.update(morpheme_term(n) for n in asked[start:i])
    return out


def _attributed(morphemes: list[Morpheme], last: int) -> bool:
    """Whether a span ending before ``morphemes[last]`` is the X of "X(의 추산)에 따르면" / "X에 의하면"."""
    after = morphemes[last : last + 5]
    if len(after) >= 2 and after[0].tag == "JKG":
        after = after[1:]
    if len(after) >= 3 and after[0].tag == "NNG":  # "공정거래위원회 추산에 따르면"
        after = after[1:]
    return len(after) >= 3 and after[0].form == "에" and after[1].tag.startswith("VV") \
        and after[1].form in lexicon.ATTRIBUTION_VERBS and after[2].form == "면"  # not "법에 따라", "지침에 따른"


def _descriptor_before_name(inside: list[Morpheme]) -> bool:
    """Whether a span is a description ending on a common noun, then a name: "미국연방상원의원 조셉 바이든"."""
    words: list[list[str]] = []
    for i, m in enumerate(inside):
        if i == 0 or inside[i - 1].end < m.start:
            words.append([])
        words[-1].append(m.tag.split("-")[0])
    names = 0  # how many words at the end hold a name
    while names < len(words) and set(words[-1 - names]) <= {"NNP", "SL"}:
        names += 1
    return 0 < names < len(words) and words[-1 - names][-1] in ("NNG", "XSN")




def _add_relative_features(candidates: list[SpanCandidate]) -> None:
    """Whether a candidate is the nearest to the question's words, and whether its clause holds the most of them,
    among the sentence's candidates."""
    if not candidates:
        return
    nearest = min(c.features["q_distance"] for c in candidates)
    fullest = max(c.features.get("clause_q_share", 0.0) for c in candidates)
    for c in candidates:
        c.features["q_nearest"] = float(c.features["q_distance"] == nearest)
        c.features["clause_q_top"] = float(fullest > 0 and c.features.get("clause_q_share", 0.0) == fullest)


def _index_at(morphemes: list[Morpheme], offset: int) -> int:
    return next((i for i, m in enumerate(morphemes) if m.end > offset), len(morphemes))
