"""Follow-up questions completed from the conversation so far, without a language model.

A follow-up leaves out what was just asked about ("그건 언제 한 거야?", "왜?"), swaps one name for another ("그럼 네이버는?")
or points back (그 회사, 거기, 양사). Korean marks each in its morphemes: demonstrative pronouns and determiners, a
conjunctive adverb at the start, a question with no content word of its own. The previous question, itself
resolved, supplies what is missing, word for word, so the reader can see what was answered.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from dataclasses import dataclass, field

from qa import lexicon, phrases
from qa.amounts import RANK_UNITS
from qa.definition import defined_term
from qa.korean import HANGUL, NAME_TAGS, KoreanAnalyzer, Morpheme
from qa.query import Turn
from qa.question import is_interrogative

_NOMINAL_TAGS = ("NN", "NR", "NP", "SL", "SH", "SN", "XSN", "ETN")
_WORD_SYMBOLS = ("SL", "SH", "SN")  # Latin, hanja and digits: part of a word, unlike punctuation
_CONTENT_TAGS = ("NNG", "NNP", "SL", "SH", "XR", "VV", "VA")
_PREDICATE_TAGS = ("VV", "VA", "VX", "XSV", "XSA", "VCP", "VCN")
_PERSON_NOUNS = lexicon.FOCUS_PERSON
_PLACE_NOUNS = lexicon.FOCUS_ORG | lexicon.FOCUS_PLACE | {"사", "쪽", "측"}
# "신세계 입장에선?", "신세계입장에서 보면요?": that side as the topic ("신세계는?")
_STANDPOINT_RE = re.compile(rf"(?<=[^\s])\s*(?:{'|'.join(lexicon.STANDPOINT_NOUNS)})(?:에서는|에서|에선)"
                            r"(?:\s*보면요?|\s*볼\s*때요?)?(?=[\s?？.!]|$)")
# Particles that only pronouns contract ("거기서" = 거기에서, "그건" = 그것은): a name put in their place takes the full
# form.
_UNCONTRACTED = {("서", "JKB"): ("에서", "JKB"), ("ᆫ", "JX"): ("는", "JX"), ("ᆯ", "JKO"): ("를", "JKO")}
# Nouns that name an attribute asked of something (규모, 점유율, 시기, 위치): "음원 쪽은?" after "택시 점유율은?" keeps it.
_MEASURES = (lexicon.FOCUS_DATE | lexicon.FOCUS_NUMBER) - lexicon.FOCUS_PLACE - lexicon.FOCUS_PERSON - lexicon.FOCUS_ORG
_ATTRIBUTES = _MEASURES | lexicon.FOCUS_PLACE
_FIGURE_NOUNS = frozenset({"수치", "숫자", "수", "통계", "비율", "퍼센트"})  # "이 수치": a figure just talked about
# Adverbs that change what is said, kept when a follow-up carries the last question's words.
_MEANT_ADVERBS = frozenset({"못", "안", "잘못", "같이", "서로", *lexicon.ALONE_WORDS, *lexicon.TOGETHER_WORDS})
_SELF_CONTAINED_WORDS = 3  # content words a question without names needs to be read without the conversation
_NAMED_KINDS = ("person", "place", "thing")  # what an answer can name for "그 사람", "거기", "그거" to point to
_LOCATIVES = frozenset({("에서", "JKB"), ("에", "JKB"), ("서", "JKB")})  # 거기서 = 거기에서


@dataclass
class _Word:
    """One space-separated word (eojeol) and its morphemes."""

    text: str
    morphemes: list[Morpheme]
    start: int
    known: str | None = None  # a name the index knows (an outlet, a reporter) that Kiwi reads as common nouns

    @property
    def first(self) -> Morpheme | None:
        return self.morphemes[0] if self.morphemes else None

    @property
    def nominal(self) -> str | None:
        """The word up to its last noun, without what follows: "기사야?" → 기사, "여민수는" → 여민수, "투자해" → 투자."""
        nouns = [m for m in self.morphemes if m.tag.startswith(("NN", "SL", "SH"))]
        return self.text[: nouns[-1].end - self.start] if nouns else None

    @property
    def is_wh(self) -> bool:
        return any(is_interrogative(m) for m in self.morphemes)

    @property
    def particle(self) -> tuple[str, str] | None:
        tail = [m for m in self.morphemes if not m.tag.startswith("S")]
        return (tail[-1].form, tail[-1].tag) if tail and tail[-1].tag.startswith("J") else None

    @property
    def is_topic(self) -> bool:
        """A noun marked as what the question is about: "멜론은", "점유율이"."""
        first, particle = self.first, self.particle
        return (first is not None and first.tag.startswith(("NN", "SL", "SH")) and particle is not None
                and particle[0] in ("은", "는", "이", "가") and particle[1] in ("JX", "JKS"))

    @property
    def name(self) -> str | None:
        """The proper noun this word is, when it is only that and particles: "카카오랑" → 카카오, "SKT가" → SKT."""
        names = [m for m in self.morphemes if m.tag in NAME_TAGS]
        rest = [m for m in self.morphemes if m.tag not in NAME_TAGS and not m.tag.startswith(("J", "SF", "SP", "SS"))]
        if not names or any(m.tag != "NNB" for m in rest):
            return self.known
        return self.text[names[0].start - self.start : names[-1].end - self.start]

    @property
    def ends_question(self) -> bool:
        """Whether this word closes on a predicate and its ending ("손잡았어?", "했나요?")."""
        tags = [m.tag.split("-")[0] for m in self.morphemes if not m.tag.startswith("S")]
        return bool(tags) and tags[-1].startswith("E") and any(t in _PREDICATE_TAGS for t in tags)


@dataclass
class _Before:
    """The previous turn as the next one sees it: its question resolved, and what it answered."""

    words: list[_Word]
    turn: Turn
    # the term it asked to define when the answer described it ("팬데믹 극복 AI가 뭐야?" → "… 솔루션"): "그거" then
    # stands for the term, not for the description
    defined: str | None = None
    # the thing or place a word of it that pointed back stood for ("그거 언제 세웠어?" → the 협의체 named before): what
    # the next "거기" means when this turn answered no name and asked of no other ("거기서 뭐 개발해?")
    carried: str | None = None
    earlier: "_Before | None" = None  # the turn before this one, as it saw its own: "그 AI" may name two turns back

    @property
    def names(self) -> list[str]:
        return list(dict.fromkeys(w.name for w in self.words if w.name))

    @property
    def asked(self) -> str | None:
        """What kind of name the previous question asked for (person, place, thing), if it asked for one."""
        morphemes = [m for w in self.words for m in w.morphemes]
        for at, morpheme in enumerate(morphemes):
            if not is_interrogative(morpheme):
                continue
            if morpheme.form in lexicon.MEASURING_WH and at + 1 < len(morphemes) \
                    and morphemes[at + 1].form in _MEASURES:
                return None  # "어느 정도", "몇 년": an amount or a date, which nothing points back to
            for prefix, kind in lexicon.INTERROGATIVE_KINDS:
                if morpheme.form.startswith(prefix):
                    return kind
        return None

    def answered(self, kind: str) -> str | None:
        """The previous short answer, when it named one thing of ``kind`` (a list answers no single anaphor)."""
        short = self.turn.short_answer
        if not short or self.turn.answerable is False or "," in short or self.asked not in _NAMED_KINDS \
                or self.defined:  # a description of the term: nothing one points at
            return None
        return short if kind == "thing" or self.asked == kind or (self.asked == "thing" and kind == "place") else None

    def topic(self, drop_focus: bool = False, own_predicate: bool = False) -> list[str]:
        """The previous question without what it asked: its interrogative words and its closing predicate, and with
        ``drop_focus`` the attribute it asked about too ("규모는 얼마야?"), when the new question asks another. With
        ``own_predicate`` (the new question says what was done: "지금은 누구랑 손잡았어?") the old one's other predicates,
        adverbs go too ("SKT는 재미 좀 봤어?" carries "SKT는 재미"), a 하다 verb leaving its noun; a clause describing a
        noun stays ("물류센터 연 게")."""
        words = [w for at, w in enumerate(self.words)
                 if not w.is_wh and not (at and _determined(self.words[at - 1], w))]
        kept: list[str] = []
        if words and words[-1] is self.words[-1] and words[-1].ends_question:
            last = words.pop()
            if last.nominal and not last.is_wh:  # "…쓴 기사야?": the noun stays, the copula goes
                kept = [last.nominal]
            while words and last.first is not None and last.first.tag == "VX" and _ends_connective(words[-1]):
                last = words.pop()  # "있지 않음?", "투자해 줬어?": the predicate the auxiliary closes goes too,
                if last.nominal:  # but not its noun (투자)
                    kept.insert(0, last.nominal)
            if not kept and words and _bound_noun(words[-1]) and len(words) > 1 and _modifies(words[-2]):
                words.pop()  # "합병한 적 (있지 않아?)": the bound noun the predicate took goes, the event stays
                if _derived(words[-1]) and words[-1].nominal:
                    kept = [words.pop().nominal]  # "합병한" → 합병; "손잡은" stays
        if own_predicate:
            kept_words = [not _adverb(w) and (not _predicate(w) or _derived(w)) for w in words]
            # "못 낸", "같이 인수": an adverb that changes the word after it stays with it, not without it
            words = [w for i, w in enumerate(words) if kept_words[i] or any(m.form in _MEANT_ADVERBS for m in w.morphemes)
                     and i + 1 < len(words) and kept_words[i + 1]]
        wh = next((i for i, w in enumerate(self.words) if w.is_wh), None)
        if drop_focus and wh is not None and wh > 0 and wh == len(self.words) - 1:
            focus = self.words[wh - 1]  # "…규모는 얼마야?": the word before a closing interrogative
            particle = focus.particle
            nouns = [m for m in focus.morphemes if m.tag.startswith("NN")]
            if particle and particle[0] in ("은", "는", "이", "가") and nouns and nouns[-1].tag == "NNG" \
                    and (len(words) > 1 or _is_attribute(focus)):  # "하이퍼클로바가 뭐야?": all there is to carry
                words = [w for w in words if w is not focus]
        return [(w.nominal or w.text) if own_predicate and _predicate(w) else w.text.rstrip("?？.!")
                for w in words] + kept

    @property
    def subject(self) -> str | None:
        """The noun the previous question was about ("여민수는 …"), for when Kiwi does not know it as a name."""
        for word in self.words:
            particle = word.particle
            if particle and particle[1] in ("JX", "JKS") and word.nominal and not word.is_wh:
                return word.nominal
        return None

    @property
    def other_name(self) -> str | None:
        """The name "거기" most likely stands for: of "네이버가 CJ대한통운이랑 …", the one not the subject (the subject
        would be left out or named again), else the first."""
        others = [w.name for w in self.words if w.name and not w.is_topic]
        return others[-1] if others else (self.names[0] if self.names else None)

    @property
    def titled(self) -> str | None:
        """A person the previous question named by a title ("카카오 공동대표가 …"), with the words before it."""
        for at, word in enumerate(self.words):
            nouns = [m for m in word.morphemes if m.tag.startswith("NN")]
            if nouns and nouns[-1].form in lexicon.PERSON_TITLES and not word.is_wh:
                start = _phrase_start(self.words, at)
                if any(w.is_wh for w in self.words[start : at + 1]):
                    continue
                return " ".join([*(w.text for w in self.words[start:at]), word.text[: nouns[-1].end - word.start]])
        return None

    @property
    def location(self) -> str | None:
        """Where the previous question placed what it asked ("택시 호출 시장에서 …"), for "거기서" / "거기에"; not a time
        ("지난해 12월에") nor an asked place ("어떤 분야에서")."""
        for at, word in enumerate(self.words):
            if word.particle not in _LOCATIVES or word.is_wh or not word.nominal:
                continue
            start = _phrase_start(self.words, at)
            phrase = self.words[start : at + 1]
            if any(w.is_wh or _dates(w) for w in phrase) or (start > 0 and self.words[start - 1].is_wh):
                continue
            return " ".join([*(w.text for w in phrase[:-1]), _bare(word)])
        return None

    @property
    def measured(self) -> str | None:
        """The noun phrase of a measure the question asked a figure of ("음원 스트리밍 점유율 1위 몇 퍼센트야?" → "음원
        스트리밍 점유율"), for "이 수치" / "그 숫자" to stand for."""
        if not self.asked_amount:
            return None
        at = next((i for i, w in enumerate(self.words) if not w.is_wh and _bare(w) in _MEASURES
                   and _bare(w) not in _FIGURE_NOUNS), None)
        if at is None:
            return None
        start = _phrase_start(self.words, at)  # its whole noun phrase: "카카오모빌리티 택시 호출 점유율"
        return " ".join([*(w.text for w in self.words[start:at]), _bare(self.words[at])])

    @property
    def asked_amount(self) -> bool:
        """Whether the question asked for a figure ("몇 퍼센트야?", "얼마야?")."""
        return any(m.form.startswith(("몇", "얼마")) for w in self.words if w.is_wh for m in w.morphemes)

    def phrase_ending_with(self, noun: str) -> str | None:
        """The noun phrase of the previous question that ends with ``noun``: "그 기사" → "시사위크 기사"."""
        for at, word in enumerate(self.words):
            nouns = [m for m in word.morphemes if m.tag.startswith(("NN", "SL", "SH"))]
            if not nouns or nouns[-1].form != noun or word.is_wh:
                continue
            if at + 2 == len(self.words) and self.words[at + 1].is_wh and word.is_topic:
                continue  # "…코멘트한 사람은 누구예요?", "…구성한 협의체는 뭐야?": the asked slot, which the answer named
            lead = [word.text[: nouns[-1].end - word.start]]
            for prior in reversed(self.words[max(0, at - 2) : at]):  # the nouns before it: "시사위크 기사"
                if prior.is_wh:
                    lead = []  # "어느 회사 사람": the asked slot, not something named
                    break
                if not all(m.tag.startswith(("NN", "SL", "SH", "SN")) for m in prior.morphemes):
                    break
                lead.insert(0, prior.text)
            if lead:
                return " ".join(lead)
        return None


def _determined(prior: _Word, word: _Word) -> bool:
    """Whether ``word``'s noun is what an interrogative determiner before it asks ("몇 년도", "어느 회사", "무슨
    서비스"): the asked slot, which a follow-up's carried topic leaves out with the interrogative."""
    return len(prior.morphemes) == 1 and prior.is_wh and prior.morphemes[0].tag in ("MM", "NR") \
        and word.first is not None and word.first.tag.startswith("NN")


def _conjunctive(word: _Word) -> bool:
    """A word that is a conjunctive adverb alone ("그럼", "근데"): it links the turn to the one before, says nothing."""
    return [m.tag for m in word.morphemes if not m.tag.startswith("S")] == ["MAJ"]


def _dates(word: _Word) -> bool:
    """A word of a date: digits, or a time noun ("지난해", "상반기")."""
    return any(m.tag == "SN" for m in word.morphemes) or _bare(word) in lexicon.TIME_WORDS


def _head_noun(word: _Word) -> str | None:
    """The last noun of a word: 기사 of "기사는", 점유 of "점유율은"."""
    return next((m.form for m in reversed(word.morphemes) if m.tag.startswith("NN")), None)


def _bare(word: _Word) -> str:
    """The word without its particles and punctuation: "점유율은?" → 점유율."""
    kept = [m for m in word.morphemes if not m.tag.startswith(("J", "S")) or m.tag in _WORD_SYMBOLS]
    return word.text[: kept[-1].end - word.start] if kept else word.text


def _is_attribute(word: _Word) -> bool:
    """A word naming an attribute asked of something: 규모, 점유율, 시기 (the focus nouns of dates, places, amounts)."""
    return _bare(word) in _ATTRIBUTES or _head_noun(word) in _ATTRIBUTES


def _describes(word: _Word) -> bool:
    """A word that can stand before a noun in a noun phrase: nouns, or nouns joined by 와/과 ("카카오와 SKT")."""
    return bool(word.morphemes) and all(m.tag.startswith(("NN", "SL", "SH", "SN")) or m.tag == "JC"
                                        for m in word.morphemes)


def _phrase_start(words: list[_Word], at: int) -> int:
    """Where the noun phrase headed by ``words[at]`` starts: the describing words before it."""
    start = at
    while start > 0 and _describes(words[start - 1]):
        start -= 1
    return start


def _is_rank(word: _Word) -> bool:
    """A rank standing for whoever holds it: "1위", "2위가"."""
    tags = [(m.form, m.tag) for m in word.morphemes if not m.tag.startswith(("J", "SF"))]
    return len(tags) == 2 and tags[0][1] == "SN" and tags[1][0] in RANK_UNITS


def _bound_noun(word: _Word) -> bool:
    """The bound noun of "-ㄴ 적 있다" (an experience: "합병한 적 있어?"), with or without a particle; not 수 or 것,
    which say more ("인수할 수도 있어?")."""
    tags = [(m.form, m.tag) for m in word.morphemes if not m.tag.startswith("S")]
    return bool(tags) and tags[0] == ("적", "NNB") and all(t.startswith("J") for _, t in tags[1:])


def _closes_on(word: _Word, ending: str, skipped: tuple[str, ...] = ("S",)) -> bool:
    """Whether the word is a predicate and then an ending tagged ``ending`` (morphemes tagged ``skipped`` aside)."""
    tags = [m.tag.split("-")[0] for m in word.morphemes if not m.tag.startswith(skipped)]
    return len(tags) >= 2 and tags[-1] == ending and tags[-2] in _PREDICATE_TAGS


def _modifies(word: _Word) -> bool:
    """A predicate word closing on a modifier ending ("합병한", "만든", "합병했던"): the clause a bound noun heads."""
    return _closes_on(word, "ETM", ("S", "EP"))


def _derived(word: _Word) -> bool:
    """A noun's 하다 verb ("합병한"), whose noun names the event by itself; not a passive ("투자받은", "인수된"), whose
    noun alone would turn who did what around."""
    return {m.form for m in word.morphemes if m.tag.startswith("XSV")} == {"하"}


def _predicate(word: _Word) -> bool:
    """A word that is or ends on a predicate closing a clause of its own: "맞서서", "만든다고", "협력하기로"; not one
    describing the noun after it ("연 게", "출시한 서비스")."""
    kept = [m for m in word.morphemes if not m.tag.startswith("S")]
    tags = [m.tag.split("-")[0] for m in kept]
    if kept and kept[0].form in lexicon.POSTPOSITION_VERBS:
        return False  # "협력에 대해": the phrase goes on
    return any(t in _PREDICATE_TAGS for t in tags) and (tags[-1] in ("EC", "EF") or "ETN" in tags)


def _adverb(word: _Word) -> bool:
    """A word that is an adverb alone ("잘", "좀", "같이", "서로")."""
    kept = [m for m in word.morphemes if not m.tag.startswith(("SF", "SP", "SS", "SE", "SO", "SW"))]
    return bool(kept) and all(m.tag in ("MAG", "MAJ") for m in kept)


def _ends_connective(word: _Word) -> bool:
    """A predicate word closing on a connective ending ("있지", "교환해"), which an auxiliary word completes."""
    return _closes_on(word, "EC")


_POINTED = frozenset({"pointed"})


@dataclass
class _Filled:
    """A question with what points back filled in, and what reading it showed."""

    out: list[str] = field(default_factory=list)  # the question, filled in
    rest: list[str] = field(default_factory=list)  # ... without the names it brings
    names: list[tuple[str, tuple[str, str] | None]] = field(default_factory=list)  # those names, with their particles
    pointed: bool = False  # a word pointed back and was filled in
    event: bool = False  # "그건": the whole previous topic stands in it, so the question is complete
    dangling: bool = False  # a word points back at nothing found ("그중에", "이 경쟁"): the topic is carried over
    referent: str | None = None  # the name or thing a pointing word stood for
    own_predicate: bool = False  # the question says something of its own (see ``_says_what_was_done``)


class FollowUpResolver:
    def __init__(self, analyzer: KoreanAnalyzer, max_turns: int) -> None:
        self.analyzer = analyzer
        self.max_turns = max_turns

    def resolve(self, question: str, history: Sequence[Turn], known: Set[str] = frozenset()) -> str:
        """``question`` as understood after ``history`` (oldest first); unchanged when it stands on its own.

        ``known``: names the index holds (outlets, reporters), which Kiwi may not know as proper nouns.
        """
        before: _Before | None = None
        for turn in history[-self.max_turns :] if self.max_turns else ():
            resolved, referent = self._resolve(turn.question, before, known)
            words = self._words(resolved, known)
            if len(words) > 1 and _conjunctive(words[0]):
                words = words[1:]  # "그럼 SKT는 …": not "그럼" again in what the next turn carries or swaps
            before = _Before(words, turn, self._described(resolved, turn), referent, earlier=before)
        return self._resolve(question, before, known)[0]

    def _described(self, question: str, turn: Turn) -> str | None:
        """The term ``question`` asked to define, when ``turn`` answered it with a description (a clause, "…을 안내하는
        솔루션"), not a name ("SKT 인증 서비스가 뭐야?" → 패스)."""
        term = defined_term(question, self.analyzer.morphemes(question))
        short = turn.short_answer
        if term is None or not short or not any(m.tag.startswith(_PREDICATE_TAGS) for m in self.analyzer.morphemes(short)):
            return None
        return term

    def stands_alone(self, question: str, known: Set[str] = frozenset()) -> bool:
        """Whether the question asks about something named itself ("네이버 주가는?"), not only names one ("그럼
        네이버는?") nor asks with no name of its own ("규모는 얼마였어?" is about what was just talked about), so it
        can be answered without the conversation. A long question ("인증서 시장에서 밀고 있는 서비스 이름이 뭐였지?")
        names its topic in words."""
        words = self._words(question, known)
        if not self._content(words) or any(w.first is not None and w.first.form in lexicon.DEMONSTRATIVES and (
                w.first.tag == "MM" or len(w.first.form) > 1) for w in words):
            return False  # "그 회사 주가는 얼마나 올랐어?" points back
        return any(w.name for w in words) or self._content_words(words) >= _SELF_CONTAINED_WORDS

    def _words(self, text: str, known: Set[str]) -> list[_Word]:
        words = []
        for word in self.analyzer.words(text):
            nouns = [m for m in word.morphemes if not m.tag.startswith(("J", "S"))]
            lead = word.text[: nouns[-1].end - word.start] if nouns and all(
                m.tag.startswith(("NN", "SL", "SH")) for m in nouns) else None
            words.append(_Word(word.text, word.morphemes, word.start, lead if lead in known else None))
        return words

    def _join(self, text: str, particle: tuple[str, str] | None) -> str:
        """``text`` with ``particle`` after it, in the allomorph its last sound takes (when it ends on a noun)."""
        if particle is None:
            return text
        particle = _UNCONTRACTED.get(particle, particle)
        last = self.analyzer.morphemes(text)
        if not last or not last[-1].tag.startswith(_NOMINAL_TAGS) or last[-1].end != len(text):
            return text
        return text[: last[-1].start] + self.analyzer.join([(last[-1].form, last[-1].tag), particle])

    def _resolve(self, question: str, before: _Before | None, known: Set[str]) -> tuple[str, str | None]:
        """The question as understood, and what a word of it that pointed back stood for."""
        if before is None or not HANGUL.search(question):
            return question, None  # a question in another language is read as it stands
        if (side := _STANDPOINT_RE.search(question)) is not None:
            question = self._join(question[: side.start()], ("는", "JX")) + question[side.end() :]
        words = self._words(question, known)
        cue = bool(words) and words[0].first is not None and words[0].first.tag == "MAJ" and len(words) > 1
        if not cue and self._defines_a_term(question, before):
            return question, None  # "e풀필먼트가 뭔데?" asks about that term whatever was said before
        if cue:
            words = words[1:]  # "그럼", "그런데": a conjunctive adverb continues the conversation
        filled = self._fill(words, before)
        if filled.event:
            return " ".join(filled.out), filled.referent
        own = self._content(words)
        if filled.pointed and not filled.dangling and (own or any(w.is_wh for w in words)):
            return " ".join(filled.out), filled.referent
        # "그럼 시사위크 카카오 SKT 기사는?": "then" and a topic with nothing asked of it asks the last question again,
        # however many words name the new topic (the service still tries it alone if that finds nothing)
        topic_only = cue and bool(words) and words[-1].is_topic and not any(w.is_wh for w in words)
        if topic_only and not filled.pointed and (replaced := self._replace_phrase(before, words)):
            return replaced, filled.referent
        if not filled.pointed and (measured := self._in_answer_place(before, words)):
            return measured, filled.referent
        if not filled.pointed and not filled.dangling and self._stands(own, filled.names, cue, words):
            return question, filled.referent
        if not filled.pointed and not filled.dangling and filled.names and own and any(w.is_wh for w in words) \
                and not set(own) & set(self._content(before.words)):
            return question, filled.referent  # "카카오 쪽 대표 이름이 뭐예요?": a name, a new thing and what is asked
        if not filled.pointed and any(m.form.lower() in lexicon.CONVERSATION_CUES for w in words for m in w.morphemes):
            return question, filled.referent  # "고마워, 안녕": conversation, not a follow-up
        if not filled.pointed and own and (again := self._ask_again(before, words)):
            return again, filled.referent
        asks = any(w.is_wh for w in words) or bool(own) or (bool(words) and words[-1].ends_question)
        # "누가 만드는데?" after "팬데믹 극복 AI가 뭐야?": the new question has its own subject, the old one becomes the
        # topic ("팬데믹 극복 AI는 누가 만드는데?")
        subject_asked = any(w.is_wh and w.particle is not None and w.particle[1] == "JKS" for w in words)
        return self._complete(before, filled.rest if asks else [], filled.names,
                              drop_focus=bool(own) and not subject_asked, subject_asked=subject_asked,
                              own_predicate=filled.own_predicate), filled.referent

    def _defines_a_term(self, question: str, before: _Before) -> bool:
        """Whether the question asks what a term is that no earlier turn can stand for: several words or Latin
        letters ("팬데믹 극복 AI가 뭐야?", "e풀필먼트란?"), or a part of a longer word just used ("풀필먼트가 정확히
        뭔데?" after "e풀필먼트센터 어디서 시작해?"). A single Korean word asked so ("전략이 뭐야?", "카카오는 뭐야?")
        more often asks it of what was just talked about."""
        morphemes = self.analyzer.morphemes(question)
        term = defined_term(question, morphemes)
        if term is None:
            return False
        if morphemes[0].tag == "MM" and morphemes[0].form in lexicon.DEMONSTRATIVES and (
                " " not in term or term.split()[0] in _PERSON_NOUNS | _PLACE_NOUNS):
            # "그 AI는 뭘 해주는 건데?": the AI named before ("그 콜드체인 물류라는 게" names its own); "그 회사 최대
            # 강점이 뭔데?": the company named before
            return False
        part_of = any(term.lower() in _bare(w).lower() and term.lower() != _bare(w).lower() for w in before.words)
        return " " in term or re.search(r"[A-Za-z]", term) is not None or part_of

    def _in_answer_place(self, before: _Before, words: list[_Word]) -> str | None:
        """"플로는?" after "음원 점유율 1위 어디야?" answered 멜론: another name in the place of the one a rank picked asks
        the same measure of it ("플로 점유율은?"), not which is first. Only when the last question ranked by one
        measure and was answered with a name that is no person's."""
        if len(words) != 1 or not words[0].is_topic or not words[0].name or before.answered("place") is None \
                or not any(_is_rank(w) for w in before.words):
            return None  # a rank picked the name answered ("1위 어디야?"); not a person ("1위 회사 대표는 누구야?")
        measures = [w for w in before.words if not w.is_wh and _bare(w) in _MEASURES]
        if len(measures) != 1:
            return None
        return f"{words[0].name} {self._join(_bare(measures[0]), ('은', 'JX'))}?"

    def _replace_phrase(self, before: _Before, words: list[_Word]) -> str | None:
        """"그럼 시사위크 카카오 SKT 기사는?" after "뷰어스 빅테크 동맹 기사 쓴 기자는 누구야?": the new noun phrase takes the
        place of the old one with the same head noun (기사), describing words and all."""
        head = _head_noun(words[-1])
        if head is None or not all(_describes(w) for w in words[:-1]):
            return None  # "그럼 카카오가 인수한 회사는?" says more than a noun phrase
        old = before.words
        at = next((i for i, w in enumerate(old) if not w.is_wh and _head_noun(w) == head), None)
        if at is None or at == len(old) - 1:
            return None  # the old question's last word: nothing asked after it to ask again
        start = _phrase_start(old, at)  # the nouns describing it: "뷰어스 빅테크 동맹", "카카오와 SKT 지분 교환"
        if start > 0 and (old[start - 1].is_wh or old[start - 1].morphemes[-1].tag in ("MM", "ETM")):
            return None  # "어느 회사가", "사업을 맡은 회사는": the old phrase is asked about or described by a clause
        last = words[-1]
        described = [w.text for w in words[:-1]]
        if not any(w.name for w in words[:-1]):  # "그럼 가전 매출은?" after "삼성전자 반도체 매출은?": still 삼성전자's
            described = [w.text for w in old[start:at] if w.name] + described
        phrase = " ".join([*described, _bare(last)])
        rest = [w.text for w in old[at + 1 :]]
        return " ".join([*(w.text for w in old[:start]), self._join(phrase, old[at].particle), *rest])

    def _ask_again(self, before: _Before, words: list[_Word]) -> str | None:
        """"콜드체인 쪽은?" after "네이버 풀필먼트 센터 어디서 시작해?": a new thing with nothing asked of it is asked the last
        question. It takes the place of the old topic, or stands before the interrogative when none was marked; a
        topic that is an attribute (점유율, 규모) stays, the new thing taking the place of what it was of ("택시 호출
        점유율은 얼마야?" → "음원 스트리밍 쪽은?" → "음원 스트리밍 쪽 점유율은 얼마야?"). Only a thing that names something
        (a proper noun, "X 쪽") or shares the old topic's head noun counts: a common noun alone ("이유는?", "대표는?",
        "규모는?") more often asks something else of the same thing, and is read as before (None)."""
        old = before.words
        wh = next((i for i, w in enumerate(old) if w.is_wh), None)
        if wh is None or not words or not words[-1].is_topic or _is_attribute(words[-1]) or any(
                w.is_wh for w in words) or not all(_describes(w) for w in words[:-1]):
            return None
        if replaced := self._replace_phrase(before, words):
            return replaced  # the same head noun: "그 기사" of another outlet
        names = any(m.tag in NAME_TAGS for w in words for m in w.morphemes)
        if not names and _head_noun(words[-1]) not in lexicon.SIDE_NOUNS:
            return None
        texts = [w.text.rstrip("?？.!") for w in old]
        new = [w.text.rstrip("?？.!") for w in words]
        topic = next((i for i in range(wh) if old[i].is_topic), None)
        if topic is None:
            return " ".join([*texts[:wh], *new, *texts[wh:]]) + "?"
        start = _phrase_start(old, topic)  # the old topic's describing nouns: "택시 호출 (점유율은)"
        phrase = " ".join([*new[:-1], _bare(words[-1])])
        if _is_attribute(old[topic]):
            return " ".join([*texts[:start], phrase, *texts[topic:]]) + "?"
        if words[-1].name and (traded := self._traded(old, topic, words[-1].name)) is not None:
            return " ".join(t.rstrip("?？.!") for t in traded) + "?"
        return " ".join([*texts[:start], self._join(phrase, old[topic].particle), *texts[topic + 1 :]]) + "?"

    def _fill(self, words: list[_Word], before: _Before) -> _Filled:
        """The question with every word that points back replaced by what it points to."""
        filled = _Filled(own_predicate=self._says_what_was_done(words))
        at = 0
        while at < len(words):
            word, following = words[at], (words[at + 1] if at + 1 < len(words) else None)
            step = self._point_back(word, following, before, filled.own_predicate)
            if step is None:
                filled.out.append(word.text)
                if word.name and not word.is_wh:
                    filled.names.append((word.name, word.particle))
                else:
                    filled.rest.append(word.text)
                at += 1
                continue
            text, used, effects, referent = step
            filled.referent = referent or filled.referent
            if text is not None:
                filled.out.append(text)
                filled.rest.append(text)
            filled.pointed |= "pointed" in effects
            filled.event |= "event" in effects
            filled.dangling |= "dangling" in effects
            at += used
        return filled

    def _point_back(
        self, word: _Word, following: _Word | None, before: _Before, own_predicate: bool = False
    ) -> tuple[str | None, int, frozenset[str], str | None] | None:
        """What a word that points back stands for: (its text filled in, the words it took, what it showed, the name
        or thing it stood for), or None for a word that does not point back."""
        first = word.first
        if first is None:
            return None
        forms = [m.form for m in word.morphemes]
        if first.form in lexicon.EVENT_ANAPHORS and first.tag in ("NP", "NNG"):  # 그건, 그거, 그때
            # "그거 확정된 거야?" after "펀드는 어디서 운용해?": whether what was asked is settled, not the place answered
            settled = following is not None and any(m.form in lexicon.SETTLED_WORDS for m in following.morphemes)
            referent = (before.answered("thing") or before.defined) \
                if first.form not in ("그때", "이때") and not settled else None
            topic = referent or " ".join(before.topic(own_predicate=own_predicate))
            effects = {"pointed", "event"} if topic and not referent else {"pointed"}
            return (self._join(topic, word.particle) if topic else word.text), 1, frozenset(effects), referent
        if first.tag in ("NP", "NR") and (first.form in lexicon.GROUP_ANAPHORS or (
                len(forms) > 1 and forms[1] in lexicon.GROUP_SUFFIXES)):  # 걔네, 그들, 양측, 둘이 (a numeral)
            return self._pointed(before, word.text, word.particle, None, 1)
        particles = [(m.form, m.tag) for m in word.morphemes[1:] if m.tag.startswith("J")]
        if first.tag == "NP" and first.form in lexicon.PLACE_ANAPHORS and particles and particles[0] in _LOCATIVES \
                and not (before.asked == "place" and before.answered("place")) and (where := before.location):
            # "거기서(는)" after "택시 호출 시장에서 …": that market, unless the place or company asked was answered
            more = "".join(_UNCONTRACTED.get(p, p)[0] for p in particles[1:])  # 거기선 = 거기서는
            return self._join(where, particles[0]) + more, 1, _POINTED, None
        if first.tag == "NP" and first.form in lexicon.PERSON_ANAPHORS | lexicon.PLACE_ANAPHORS:  # 걔, 거기
            kind = "person" if first.form in lexicon.PERSON_ANAPHORS else "place"
            return self._pointed(before, word.text, word.particle, kind, 1)
        if self._pair(word, following):  # 양사, 두 회사
            if len(word.morphemes) == 1 and following is not None:  # "두 회사는": the noun is the next word
                return self._pointed(before, f"{word.text} {following.text}", following.particle, None, 2)
            return self._pointed(before, word.text, word.particle, None, 1)
        if first.tag != "MM" or first.form not in lexicon.DEMONSTRATIVES:
            return None
        if len(forms) > 1 and forms[1] in lexicon.AMONG:  # "그중에 네이버는…": among what was said
            return None, 1, frozenset({"dangling"}), None
        if len(word.morphemes) == 1 and following is not None and following.first is not None \
                and following.first.tag.startswith(("NN", "SL")):  # 그 기사, 그 회사, 그 펀드, 그 AI
            text, found = self._demonstrative(before, following)
            shown = f"{word.text} {text}" if found and text == following.text else text
            likeness = first.form in ("그런", "이런")  # "그런 X": X like that, nothing to find
            return shown, 2, (_POINTED if found or likeness else frozenset({"pointed", "dangling"})), None
        return None

    @staticmethod
    def _stands(own: list[str], names: list, cue: bool, words: list[_Word]) -> bool:
        """Whether a question that points back at nothing asks enough of its own to be read alone."""
        light = FollowUpResolver._light(words)
        if not names and any(w.is_wh for w in words) and FollowUpResolver._content_words(words) == 1:
            return False  # "왜 손잡은 건데?": an interrogative and one word of its own ask of what was just talked about
        return len(own) + len(names) >= 3 or (len(own) >= 2 and not (cue and light)) or (
            len(own) == 1 and not light and not cue)

    def _demonstrative(self, before: _Before, following: _Word) -> tuple[str, bool]:
        """"그 기사는" → "시사위크 기사는"; "그 회사랑" → the company named or answered before; else the noun alone."""
        noun = following.first
        assert noun is not None
        rest = following.text[noun.end - following.start :]
        phrase, turn = None, before
        while phrase is None and turn is not None:  # the latest turn naming it: "그 AI" after a turn about 협의체
            phrase, turn = turn.phrase_ending_with(noun.form), turn.earlier
        turn = before
        while phrase is None and turn is not None and noun.form in _FIGURE_NOUNS:
            # "이 수치": the measure the latest turn answering a figure asked it of ("점유율"); refused turns skipped
            phrase = turn.measured if turn.turn.answerable is not False else None
            if phrase is not None or turn.turn.answerable is not False and turn.asked_amount:
                break
            turn = turn.earlier
        phrase = phrase or None
        if phrase is None and noun.form in _PERSON_NOUNS | _PLACE_NOUNS:
            phrase = self._referent(before, "person" if noun.form in _PERSON_NOUNS else "place")
        if phrase is None and before.turn.answer and before.turn.answerable is not False:
            phrase = self._answered_phrase(before.turn.answer, noun.form)  # "그 협의체": the one the answer quoted
        if phrase is None and noun.form in lexicon.ARTICLE_WORDS:
            return following.text, True  # "이 기사": the article the last answer cited (the service scopes to it)
        if phrase is None:
            return following.text, False
        after = following.morphemes[1:]
        if after and after[0].tag.startswith("J"):  # the particle's allomorph after the phrase
            rest = following.text[after[0].end - following.start :]
            phrase = self._join(phrase, (after[0].form, after[0].tag))
        return phrase + rest, True

    def _complete(
        self, before: _Before, rest: list[str], names: list[tuple[str, tuple[str, str] | None]], drop_focus: bool,
        subject_asked: bool = False, own_predicate: bool = False,
    ) -> str:
        """An elliptical question: the previous one's topic (all of it, when this one asks nothing of its own: "네이버는?")
        with this one's names in place of the previous names, then what this one asks (whose subject, when it asks
        one, leaves the old subject the topic)."""
        base = before.topic(drop_focus, own_predicate) if rest else [w.text for w in before.words]
        by_text = {w.text: w for w in before.words}
        if subject_asked and rest and base and (last := by_text.get(base[-1])) is not None \
                and last.particle is not None and last.particle[1] == "JKS":  # not "카카오가 (인수한 회사)"
            base = [*base[:-1], self._join(_bare(last), ("는", "JX"))]
        if rest and base and (last := by_text.get(base[-1])) is not None and _modifies(last):
            base = [*base, "건"]  # "손잡은 적 있어?" → "언제였는데?": "손잡은 건 언제였는데?"
        if names:
            base = self._swap_names(before, base, names)
        resolved = " ".join([*base, *rest]).strip()
        return resolved if resolved.endswith(("?", "？")) else resolved + "?"

    def _swap_names(
        self, before: _Before, base: list[str], names: list[tuple[str, tuple[str, str] | None]]
    ) -> list[str]:
        """The previous names out, this question's in, where the first previous name stood."""
        by_text = {w.text.rstrip("?？.!"): w for w in before.words}
        # "…점유율 1위 몇 퍼센트야?" → "플로는?": the rank stands for the name answered before, whatever else is named
        ranks = [i for i, text in enumerate(base) if text in by_text and _is_rank(by_text[text])][:1] \
            if before.asked not in _NAMED_KINDS else []  # "1위 후보는 누구야?" asked the holder: no measure to carry
        places = ranks or [i for i, text in enumerate(base) if text in by_text and by_text[text].name]
        if len(names) > 1:  # "카카오와 SK텔레콤이" → "네이버랑 CJ대한통운은?": the word joined to a name by 와 goes too
            places += [i + 1 for i in places if i + 1 < len(base) and i + 1 not in places and base[i + 1] in by_text
                       and by_text[base[i]].particle is not None and by_text[base[i]].particle[1] == "JC"
                       and by_text[base[i + 1]].is_topic]
            places.sort()
        joined = self._and([name for name, _ in names])
        nouns_after = [by_text[t] for t in base[1:] if t in by_text and by_text[t].first is not None
                       and by_text[t].first.tag.startswith("NN") and not by_text[t].is_wh]
        if not places and nouns_after and base[0] in by_text and by_text[base[0]].is_topic:
            # "멜론은 어느 회사 서비스야?" → "지니는?": the new name takes the place of the topic it opened with; not
            # in "점유율은 얼마나 돼?", where the topic is what is asked
            places = [0]
        if not places:
            return [self._join(joined, names[-1][1]), *base]
        words = [by_text.get(text.rstrip("?？.!")) for text in base]
        if len(names) == 1 and None not in words \
                and (traded := self._traded(words, places[0], names[0][0])) is not None:
            return traded
        particle = names[-1][1]
        if particle is None or particle[1] == "JX" and particle[0] in ("은", "는"):
            particle = by_text[base[places[-1]]].particle
        swapped = [text for i, text in enumerate(base) if i not in places]
        swapped.insert(places[0], self._join(joined, particle))
        return swapped

    def _traded(self, old: list[_Word], at: int, name: str) -> list[str] | None:
        """"네이버는 신세계의 뭘 보고 손잡았어?" → "신세계는?": the name now asked of owned what the last question
        asked for, so the two trade places ("신세계는 네이버의 뭘 …"), each keeping the particle of its place; None
        otherwise (a name in another part is left where it stands)."""
        held = [i for i, w in enumerate(old) if i != at and _bare(w).lower() == name.lower()]  # Kiwi: 신세계/NNG
        if len(held) != 1 or not old[at].name or old[at].name.lower() == name.lower():
            return None
        owner, after = old[held[0]], held[0] + 1
        if owner.particle != ("의", "JKG") or after >= len(old) or not old[after].is_wh:
            return None  # only whose thing was asked; not "SKT는 미국의 우버와 …", "CJ대한통운과 신세계 중 …"
        texts = [w.text for w in old]
        texts[at] = self._join(name, old[at].particle)
        texts[held[0]] = self._join(old[at].name, old[held[0]].particle)
        return texts

    def _answered_phrase(self, answer: str, noun: str) -> str | None:
        """The last noun phrase of the answer that ends with ``noun`` and says more than it: "그 협의체" after an
        answer citing "…‘AI R&D 협의체’를 구성" is that 협의체."""
        quoted = [q for q in phrases.quoted_spans(answer) if q.endswith(noun) and q != noun]
        if quoted:
            return quoted[-1]  # "‘AI R&D 협의체’", symbols and all
        morphemes = self.analyzer.morphemes(answer)
        found = None
        for at, m in enumerate(morphemes):
            if m.form != noun or not m.tag.startswith("NN"):
                continue
            start = at
            while start > 0 and morphemes[start - 1].tag.startswith(("NN", "SL", "SH", "SN")) \
                    and morphemes[start].start - morphemes[start - 1].end <= 1:
                start -= 1
            if start < at:
                found = answer[morphemes[start].start : m.end]
        return found

    def _and(self, names: list[str]) -> str:
        """"A와 B와 C": names joined the Korean way (the particle's allomorph after each)."""
        return " ".join([*(self._join(n, ("와", "JC")) for n in names[:-1]), names[-1]])

    def _referent(self, before: _Before, kind: str | None) -> str | None:
        """What 그 사람 / 거기 (one of ``kind``) or 걔네 / 양사 (``kind`` None: several) point to: the name the last
        answer gave when it was asked for one of that kind, else the names the last question used."""
        if kind == "person":  # "그 사람" after "카카오 공동대표가 뭐라고 했어?": that 공동대표
            return before.answered(kind) or before.titled or (before.names[0] if before.names else before.subject)
        if kind is not None:
            defined = before.defined if kind == "place" else None  # "거기에 누가 투자했어?" after "X가 뭐야?": X
            other = before.other_name
            if before.carried and (other is None or other in before.carried):  # "AI 연구개발": a word of the thing
                other = before.carried
            return before.answered(kind) or defined or other or before.subject
        answered = before.answered("place")
        # 양사, 둘: the two named as doing it (not "미국의", an owner), else with the one answered
        doers = [w.name for at, w in enumerate(before.words) if w.name and not (  # "미국의 우버", "미국의 어느 회사"
            w.particle == ("의", "JKG") and at + 1 < len(before.words)
            and (before.words[at + 1].name or before.words[at + 1].is_wh))]
        doers = list(dict.fromkeys(doers))
        names = doers or before.names
        if len(names) < 2 and answered and answered not in names:
            names = [*names, answered]
        return self._and(names) if len(names) >= 2 else None

    def _pointed(self, before: _Before, text: str, particle: tuple[str, str] | None, kind: str | None,
                 used: int) -> tuple[str, int, frozenset[str], str | None]:
        """A pronoun's step: the referent of ``kind`` with the pronoun's particle, else the pronoun as it stands."""
        referent = self._referent(before, kind)
        carried = referent if kind == "place" else None  # not a person, nor the pair "걔네" stands for
        return (self._join(referent, particle) if referent else text), used, _POINTED, carried

    @staticmethod
    def _pair(word: _Word, following: _Word | None) -> bool:
        """"양사", "두 회사", "두 기업": two of the names before."""
        ms = word.morphemes
        if not ms or ms[0].tag != "MM" or ms[0].form not in lexicon.PAIR_DETERMINERS:
            return False
        noun = ms[1] if len(ms) > 1 else (following.first if following else None)
        return noun is not None and noun.form in _PLACE_NOUNS

    @staticmethod
    def _says_what_was_done(words: list[_Word]) -> bool:
        """Whether the question says something of its own, so that only the names and topics of the last one carry
        over, not its other predicates and adverbs: a predicate ("손잡았어?", "열어준대?"), not only a copula or a light
        verb ("언제였어?", "했어?"), or a noun that is no attribute ("성과는 있었어?"; not "규모는 얼마였어?")."""
        verb = any(m.tag.split("-")[0] in ("VV", "VA", "XSV") for w in words for m in w.morphemes) \
            and not FollowUpResolver._light(words)
        return verb or any(not _is_attribute(w) and w.first is not None and w.first.tag in ("NNG", "XR")
                           and FollowUpResolver._content([w]) and not (at and words[at - 1].is_wh)
                           for at, w in enumerate(words))  # "언제 기준?" asks the time of what was said

    @staticmethod
    def _light(words: list[_Word]) -> bool:
        """Whether the question's predicate says nothing itself ("했어?", "된 거야?", "어디야?") or is missing."""
        predicates = [m.form + "다" for w in words for m in w.morphemes if m.tag.split("-")[0] in ("VV", "VA", "XSV")]
        return all(p in lexicon.PRO_VERBS or p in lexicon.QUESTION_FILLER for p in predicates)

    @staticmethod
    def _content_words(words: list[_Word]) -> int:
        """How many of the words hold content of their own ("손잡은" is one, though Kiwi reads 손 + 잡)."""
        return sum(bool(FollowUpResolver._content([w])) for w in words)

    @staticmethod
    def _content(words: list[_Word]) -> list[str]:
        """The question's own content words: not names, interrogatives, fillers or light verbs."""
        out = []
        for word in words:
            if word.known:
                continue  # an outlet or reporter: a name, not something asked about
            for m in word.morphemes:
                lemma = m.form + "다" if m.tag.startswith(("VV", "VA")) else m.form
                if m.tag.split("-")[0] in _CONTENT_TAGS and not is_interrogative(m) and lemma not in \
                        lexicon.QUESTION_FILLER and lemma not in lexicon.PRO_VERBS and m.tag not in NAME_TAGS \
                        and m.form not in lexicon.DEICTIC_TIME:
                    out.append(m.form)
        return out
