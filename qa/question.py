"""What a Korean question asks for: answer type, focus noun, the particle and predicate around the asked slot.

Korean questions name what they want in a few places: an interrogative (누구, 언제, 얼마), the noun after an
interrogative determiner (어떤 시위, 몇 명, 어느 나라), or the head noun of a topic left open at the end (…한 인물은?,
…의 이름은?). The particle after the asked slot (누구를, 어디에) and the predicate it belongs to (…를 사면했는가)
tell which phrase of an evidence sentence fills it. Nothing here knows the corpus.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from qa import lexicon
from qa.amounts import RANK_UNITS
from qa.definition import defined_term, described_kind
from qa.korean import KoreanAnalyzer, Morpheme, marks_topic


class AnswerType(str, Enum):
    AMOUNT = "amount"  # 얼마, 몇 명, 규모, 점유율
    DATE = "date"  # 언제, 며칠, 몇 년, 시기
    PERSON = "person"  # 누구, …한 인물은?
    ORG = "org"  # 어느 회사, …한 기관은?
    PLACE = "place"  # 어디, 위치, 어느 나라
    REASON = "reason"  # 왜, 이유, 까닭
    THING = "thing"  # 무엇, 이름, 어떤 X, …한 것은?
    YESNO = "yesno"  # …했어? with no question word
    AUTHOR = "author"  # 기사를 쓴 기자 (document metadata)
    OUTLET = "outlet"  # 어느 언론사 기사 (document metadata)
    PUBLISHED = "published"  # 기사가 언제 나왔어 (document metadata)
    TITLE = "title"  # 기사 제목 (document metadata)
    OPEN = "open"  # anything else (어떻게, 설명해 줘): answered with the evidence sentence
    CONVERSATION = "conversation"  # 안녕?, 뭘 할 수 있어?: answered with what the bot covers, no search


METADATA_TYPES = frozenset({AnswerType.AUTHOR, AnswerType.OUTLET, AnswerType.PUBLISHED, AnswerType.TITLE})
# Types answered by a short span of the evidence sentence.
SPAN_TYPES = frozenset(
    {AnswerType.AMOUNT, AnswerType.DATE, AnswerType.PERSON, AnswerType.ORG, AnswerType.PLACE, AnswerType.THING}
)


def _words(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in words)


# Metadata questions ask about the article itself; they are recognised first because they also say 누구/언제/어디.
_METADATA_RULES: list[tuple[AnswerType, re.Pattern]] = [
    (AnswerType.AUTHOR, re.compile(
        rf"({_words(lexicon.AUTHOR_WORDS)})(는|가|\s*이름|\s*누구)|기사\s*(쓴\s*)?({_words(lexicon.AUTHOR_WORDS)})\s*[?？]?\s*$|누가\s*(썼|작성|쓴)|쓴\s*(사람|기자)|(썼|작성했)(어|나|니|습니까)")),
    (AnswerType.OUTLET, re.compile(
        rf"({_words(lexicon.OUTLET_WORDS)})|어느\s*(언론|신문|매체)|어디\s*기사"
        # "이 기사 어디서 나온 거야?", "어디서 낸 기사야?": where an article came out is its outlet
        rf"|({_words(lexicon.ARTICLE_WORDS)})(는|가|들은|들이)?\s*어디\s*(서|에서)\s*({_words(lexicon.PUBLISHING_FORMS)})"
        rf"|어디\s*(서|에서)\s*({_words(lexicon.PUBLISHING_FORMS)})\S*\s*({_words(lexicon.ARTICLE_WORDS)})")),
    (AnswerType.PUBLISHED, re.compile(
        rf"({_words(lexicon.ARTICLE_WORDS)})(?!들?\s*(에서|에선|에는|엔|속|안|내용))(?!들?에\s).{{0,12}}언제"
        rf"|({_words(lexicon.ARTICLE_WORDS)}).{{0,12}}(날짜|며칠)|({_words(lexicon.ARTICLE_WORDS)})\s*몇\s*시(?!간)"
        rf"|(언제|며칠|몇\s*시(?!간)).{{0,6}}(승인|발행|보도|게재|작성|나왔|올라왔)"
        rf"|({_words(lexicon.PUBLISHED_WORDS)})")),
    (AnswerType.TITLE, re.compile(rf"{_words(lexicon.TITLE_WORDS)}")),
    # "이 기사 무슨 내용이야?", "두 기사가 각각 어떤 내용을 다루는지": what an article is about, its title and lead
    (AnswerType.TITLE, re.compile(rf"({_words(lexicon.ARTICLE_WORDS)})(는|가|들은|들이|들)?\s*(각각\s*)?"
                                  rf"(({_words(lexicon.CONTENT_ASKING)})\s*내용|({_words(lexicon.CONTENT_WORDS)}))")),
]
_PREDICATE_TAGS = ("VV", "VA", "VX", "XSV", "XSA", "VCP", "VCN")
_NOMINAL_TAGS = ("NNG", "NNP", "NNB", "NR", "SL", "SH", "XR", "XSN")
_PARTICLE_TAGS = ("JKS", "JKC", "JKG", "JKO", "JKB", "JKV", "JKQ", "JX", "JC")


@dataclass
class Question:
    text: str
    type: AnswerType
    wants_list: bool
    key_terms: list[str] = field(default_factory=list)
    stated_terms: list[str] = field(default_factory=list)  # key terms the answering sentence itself states
    focus_terms: list[str] = field(default_factory=list)  # what is measured: "투자 규모는 얼마야" → 투자, 규모
    focus: str | None = None  # the noun naming what is asked: "어떤 시위" → 시위, "…한 인물은?" → 인물
    focus_head: str | None = None  # its last morpheme: 국가 of 상대국가
    named_kind: str | None = None  # the noun a name is asked of: 협의체 of "협의체 이름 뭐야?" (names end on it)
    particle: str | None = None  # the particle after the asked slot: "누구를" → 를, "어디에" → 에
    owned: str | None = None  # the noun the answer owns: "누구 추산이야?" → 추산 ("공정위 추산에 따르면")
    predicate: list[str] = field(default_factory=list)  # terms of the predicate the answer belongs to
    units: tuple[str, ...] = ()  # the unit an amount must carry: "몇 명" → ("명",)
    entities: list[str] = field(default_factory=list)  # proper nouns and Latin names, lower-cased
    category: bool = False  # asks for a kind of thing ("협력 분야는?"): answered by listed items
    choice: bool = False  # "A와 B 중 누가 …": the answer is one of the question's own words
    says: bool = False  # "뭐라고 썼어?", "무엇이라 부르는가?": the words said or written, often quoted in the article
    words: frozenset[str] = frozenset()  # its words without particles: a span made only of these repeats it
    verbs: frozenset[str] = frozenset()  # its predicates' terms (바꾸다): what a paraphrase says in other words
    # "여민수는 누구야?", "여민수의 직책은?": the words naming a person whose identity (title) is asked, lower-cased
    person: tuple[str, ...] = ()
    post: bool = False  # "여민수의 직책은?": the person's post is asked, so it is refused when no title is found
    defines: str | None = None  # "e풀필먼트가 뭐야?": the term whose definition is asked
    described: str | None = None  # "…안내하는 솔루션 이름은?": the kind of the thing described, whose name is asked
    unknown_nouns: list[str] = field(default_factory=list)  # set by the answerer, which knows the corpus
    spelled: dict[str, str] = field(default_factory=dict)  # a typed term -> the corpus's spelling (벤쳐스 -> 벤처스)
    # One part of a question split by name ("카카오랑 SKT는 각각 …"): its own name, then the others asked beside it.
    compared: tuple[str, ...] = ()

    @property
    def identity(self) -> bool:
        """"여민수는 누구야?": who a named person is (their title) is asked, not a name."""
        return bool(self.person)

    @property
    def is_metadata(self) -> bool:
        return self.type in METADATA_TYPES

    @property
    def wants_span(self) -> bool:
        return self.type in SPAN_TYPES


_DEFINABLE = (AnswerType.THING, AnswerType.OPEN, AnswerType.YESNO)  # types a question asking what a term is gets


# "기술로 뭘 하겠다고 했어?", "뭘 한다고?": what someone said they do, in their words (as "뭐라고 했어?" asks).
_REPORTED_RE = re.compile(r"(?:뭘|무엇을|뭐를|무얼)\s+(?:\S+\s+)?(?:하겠다고|한다고|할\s*거라고)\s*(?:했|한|하|말|밝|\?|$)")


def _predicates(morphemes: list[Morpheme]) -> list[str]:
    """The first three content words after the asked slot, a verb with the auxiliary 놓다 it takes as one ("내놨어":
    Kiwi's 내 + 놓 is 내놓다, not the 내다 of "소득을 내지")."""
    out = []
    for at, m in enumerate(morphemes):
        if m.tag not in ("NNG", "VV", "VA", "XR"):
            continue
        tail = morphemes[at + 1 : at + 3]
        glued = m.tag == "VV" and len(m.form) == 1 and len(tail) == 2 and tail[0].tag == "EC" \
            and (tail[1].form, tail[1].tag) == ("놓", "VX")  # 내놓다; not "만들어 놓다", a verb and its auxiliary
        out.append(m.form + "놓" if glued else m.form)
    return out[:3]


def is_interrogative(morpheme: Morpheme) -> bool:
    form = morpheme.form
    return form in lexicon.INTERROGATIVES or (
        morpheme.tag in ("NNG", "NP", "MAG", "MM", "NR") and form.startswith(lexicon.INTERROGATIVE_PREFIXES)
    )


_FOCUS_TYPES = (
    (lexicon.FOCUS_DATE, AnswerType.DATE),
    (lexicon.FOCUS_PERSON, AnswerType.PERSON),
    (lexicon.FOCUS_PLACE, AnswerType.PLACE),
    (lexicon.FOCUS_ORG, AnswerType.ORG),
    (lexicon.FOCUS_NUMBER, AnswerType.AMOUNT),
)


def _type_of_focus(slot: _Slot, correct: Callable[[str], str | None] | None) -> AnswerType | None:
    """The category a focus noun names (the whole word first, then its head: 상대국가 → 국가 → place).

    A counter after 몇 (몇 명, 몇 년) is a number unless it is a date part. ``correct`` maps a misspelt focus to
    the corpus's spelling (점유률 → 점유율) when the caller knows a corpus.
    """
    if slot.focus is None:
        return None
    if slot.wh == "몇":
        return AnswerType.DATE if slot.focus in ("년", "년도", "월", "일", "시", "세기") else AnswerType.AMOUNT
    if slot.focus in lexicon.ASPECT_NOUNS:
        return None  # "어떤 점을 보고 결정했어?": a thing, not points
    if slot.head == "명" and slot.head_after_noun:
        # "서비스명", "회사명": 명 glued to a noun is its name (after a number, "3명", it counts people).
        return next((t for words, t in _FOCUS_TYPES if slot.focus[:-1] in words), AnswerType.THING)
    corrected = correct(slot.focus) if correct else None
    single = slot.focus[:-1] if slot.head == "들" else None  # "회사들은?": the plural's noun types it
    for name in dict.fromkeys(n for n in (slot.named_kind, slot.name_owner, slot.focus, single, slot.head,
                                          slot.focus[-2:], corrected) if n):
        for words, answer_type in _FOCUS_TYPES:
            if name in words:
                return answer_type
    return None


def _names_category(focus: str, answer_type: AnswerType) -> bool:
    """"…맞교환한 해는?", "…한 인물은?": the focus noun names only the answer's category, and the sentence that answers
    states an instance (2019년, 여민수), not the category word, so it is no term the evidence must contain. (A title
    or a kind, "대표", "구단", is written beside the name: "여민수 카카오 공동대표".)"""
    if answer_type == AnswerType.DATE:
        return focus in lexicon.FOCUS_DATE
    return answer_type in (AnswerType.PERSON, AnswerType.ORG, AnswerType.PLACE) and focus in lexicon.CATEGORY_WORDS


def _type_of_wh(wh: str) -> AnswerType | None:
    if wh.startswith(("누구", "누가")):
        return AnswerType.PERSON
    if wh.startswith(("언제", "며칠")):
        return AnswerType.DATE
    if wh.startswith("어디"):
        return AnswerType.PLACE
    if wh.startswith(("얼마", "몇")):
        return AnswerType.AMOUNT
    if wh in ("왜", "어째서"):
        return AnswerType.REASON
    if wh.startswith(("무엇", "뭐", "무슨", "뭘", "무얼", "어떤", "어느")):
        return AnswerType.THING
    if wh.startswith(("어떻", "어떻게")):
        return AnswerType.OPEN
    return None


@dataclass
class _Slot:
    """Where the question's asked slot is: its interrogative, focus noun and the particle after it."""

    wh: str | None = None
    focus: str | None = None  # the focus noun's whole word: "신용평가사는" → 신용평가사
    head: str | None = None  # its last morpheme: 사 (of 신용평가사), 율 (of 점유율)
    attribute: list[str] = field(default_factory=list)  # the focus with the noun before it: 투자 규모
    particle: str | None = None
    predicate: list[str] = field(default_factory=list)
    owned: str | None = None
    kinds: bool = False  # a kind of thing is asked: "어떤 미래사업 분야들에서" (the determiner's noun run names one)
    head_after_noun: bool = False  # the head is glued to a noun: 명 names ("서비스명"), after a number it counts
    name_owner: str | None = None  # whose name is asked: 사람 of "…한 사람의 이름은?" (a person's name)
    asks_value: bool = False  # "X가 어떻게 돼?": the value of X is asked, so X's category is the answer's

    @property
    def named_kind(self) -> str | None:
        """The noun a name is asked of: 협의체 of "협의체 이름 뭐야?"."""
        return self.attribute[-2] if self.head in lexicon.NAME_NOUNS and len(self.attribute) > 1 else None


_REQUEST_RE = re.compile(rf"({_words(lexicon.REQUEST_VERBS)})\s*(줘|주세요|줄래|주라|봐|보세요|줄 수)")


def _topic_head(morphemes: list[Morpheme], at: int) -> tuple[int, int] | None:
    """The noun run ending just before ``morphemes[at]`` (a particle), as (start, end) morpheme indices."""
    if at <= 0 or not morphemes[at - 1].tag.startswith(_NOMINAL_TAGS) or is_interrogative(morphemes[at - 1]):
        return None
    start = at - 1
    while start > 0 and morphemes[start - 1].tag.startswith(_NOMINAL_TAGS) \
            and morphemes[start - 1].end == morphemes[start].start:
        start -= 1
    return start, at


def _set_focus(slot: _Slot, morphemes: list[Morpheme], run: tuple[int, int]) -> None:
    start, end = run
    slot.focus = "".join(m.form for m in morphemes[start:end])
    slot.head = morphemes[end - 1].form
    before = morphemes[end - 2] if end - 2 >= start else None
    slot.head_after_noun = before is not None and before.tag in ("NNG", "NNP", "SL") \
        and before.end == morphemes[end - 1].start
    lead = [morphemes[start - 1].form] if start and morphemes[start - 1].tag in ("NNG", "NNP") else []
    slot.attribute = lead + [m.form for m in morphemes[start:end]]
    owner = morphemes[start - 2].form if start >= 2 and morphemes[start - 1].tag == "JKG" \
        and morphemes[start - 2].tag in ("NNG", "NNP") else None
    if slot.head in lexicon.NAME_NOUNS and owner in lexicon.FOCUS_PERSON | lexicon.FOCUS_PLACE:
        # "사람의 이름", "섬의 이름": a person's or a place's name. Not "회사의 이름" (a new company's name is coined,
        # often quoted: a thing's), nor "배의 이름" (배 also counts, as 종, 날 and 당시 date).
        slot.name_owner = owner
    # "…을 준 신용평가사는?": the modifier before the focus is the predicate the answer belongs to.
    before = [m.form for m in morphemes[max(0, start - 3) : start] if m.tag in ("VV", "VA", "NNG", "XR")]
    slot.predicate = slot.predicate or before[-2:]


def _asks_value(wh: Morpheme, rest: list[Morpheme]) -> bool:
    """"점유율이 어떻게 돼?", "규모는 어떻게 되나요?": 어떻게 closing on 되다 in the present asks what the topic
    amounts to; "어떻게 됐어?", "어떻게 될까?", "어떻게 되는 거야?" ask what happened or will happen."""
    if not wh.form.startswith("어떻") or wh.tag.split("-")[0] != "VA":
        return False
    rest = [m for m in rest if not (m.tag == "EC" and m.form == "게")]
    return bool(rest) and rest[0].tag == "VV" and rest[0].form == "되" and all(
        m.tag.startswith("S") or (m.tag == "EF" and not m.form.startswith("ᆯ")) for m in rest[1:])


def _slot(morphemes: list[Morpheme], text: str, favour: bool) -> _Slot:
    """``favour``: the question closes on a "-어 주다" request (``_asks_a_favour``)."""
    slot = _Slot()
    content = [i for i, m in enumerate(morphemes) if m.tag not in ("SF", "SP", "SS", "SSO", "SSC", "SE", "SO", "SW")]
    if not content:
        return slot
    wh_at = next((i for i in content if is_interrogative(morphemes[i])), None)
    if wh_at is not None:
        wh = morphemes[wh_at]
        slot.wh = wh.form
        rest = wh_at + 1
        if wh.form in lexicon.WH_DETERMINERS or wh.tag == "MM":
            noun = next((j for j in range(rest, min(rest + 2, len(morphemes)))
                         if morphemes[j].tag.startswith(("NN", "NR"))), None)
            if noun is not None:
                slot.focus = slot.head = morphemes[noun].form
                rest = noun + 1
                run = noun
                while run < len(morphemes) and morphemes[run].tag in ("NNG", "NNP"):
                    slot.kinds = slot.kinds or morphemes[run].form in lexicon.CATEGORY_NOUNS
                    run += 1
        while rest < len(morphemes) and morphemes[rest].form == wh.form:
            rest += 1  # "어디어디가", "누구누구를": a doubled interrogative asks for several
        # The particle right after the asked slot ("누구를", "얼마짜리로"): adverbs (왜, 언제) take none.
        while rest < len(morphemes) and morphemes[rest].tag in ("XSN", "NNB") and wh.tag != "MM":
            rest += 1
        if wh.tag in ("NP", "NNG", "NR", "MM") and rest < len(morphemes) and morphemes[rest].tag.startswith(_PARTICLE_TAGS):
            slot.particle = morphemes[rest].form
        slot.predicate = _predicates(morphemes[rest:])
        # "누구 추산이야?", "누구의 명령에 따라": the answer is whose 추산, whose 명령 (it stands before that noun).
        owned = rest + 1 if rest < len(morphemes) and morphemes[rest].tag == "JKG" else rest
        if wh.tag == "NP" and owned < len(morphemes) and morphemes[owned].tag in ("NNG", "NNP"):
            slot.owned = morphemes[owned].form
        # "누가 추산한 거야?": whose 추산, as the article says "공정위 추산에 따르면".
        source = rest + 1 if rest < len(morphemes) and morphemes[rest].tag == "JKS" else None
        if wh.tag == "NP" and source is not None and source + 1 < len(morphemes) \
                and morphemes[source].form in lexicon.SOURCE_NOUNS and morphemes[source + 1].tag == "XSV":
            slot.owned = morphemes[source].form
        # "…한 장소는 어디인가?": a pronoun standing as the predicate names its topic's head noun as the focus.
        closing = all(m.tag.startswith(("VCP", "E", "S", "J")) for m in morphemes[rest:])
        slot.asks_value = _asks_value(wh, morphemes[rest:])
        closing = closing or slot.asks_value
        # Talk drops the particle: "무산된 회사 어디?", "쓴 사람 누구야?".
        if slot.focus is None and closing and wh_at >= 1:
            before = morphemes[wh_at - 1].tag
            run = None
            if before in ("JX", "JKS"):
                run = _topic_head(morphemes, wh_at - 1)
            elif before.startswith(("NNG", "NNP")):
                run = _topic_head(morphemes, wh_at)
            if run:
                _set_focus(slot, morphemes, run)
        return slot
    # No interrogative: "…한 인물은?", or a keyword query ("네이버 지분교환 시기"), or a request ("…알려줘").
    # "…점유율 수치 좀", "…규모 좀요": a keyword query softened by 좀 asks what its last noun names.
    if len(content) > 2 and morphemes[content[-1]].form == "요" and morphemes[content[-2]].form in lexicon.SOFTENERS:
        content = content[:-1]
    if len(content) > 1 and morphemes[content[-1]].tag == "MAG" and morphemes[content[-1]].form in lexicon.SOFTENERS:
        content = content[:-1]
    last = content[-1]
    tail = morphemes[last]
    if tail.tag in ("JX", "JKS"):
        run = _topic_head(morphemes, last)
    elif tail.tag.startswith(_NOMINAL_TAGS):
        # "멜론 점유율 작년 11월", "… 2020년 11월 기준": a keyword query's closing time dates what is asked.
        end = last + 1
        while end > 1 and (dating := _dating_morphemes(morphemes, end)):
            end -= dating
        run = _topic_head(morphemes, end if end > 0 and morphemes[end - 1].tag.startswith(("NNG", "NNP", "XSN"))
                          else last + 1)
    else:
        request = _is_request(text, favour)
        nouns = [i for i in content if morphemes[i].tag.startswith(("NNG", "NNP"))
                 and morphemes[i].form not in lexicon.QUESTION_FILLER
                 and not (favour and _requests_with(morphemes, i))]
        run = None
        if request and nouns:
            end = nouns[-1] + 1
            while end < len(morphemes) and morphemes[end].tag == "XSN" and morphemes[end].start == morphemes[end - 1].end:
                end += 1  # 점유 + 율
            run = _topic_head(morphemes, end)
    if run:
        _set_focus(slot, morphemes, run)
    return slot


def _asks_a_thing(slot: _Slot, wh_type: AnswerType | None) -> bool:
    """Whether a question naming a motive asks for a name, a time or an amount in it: "속내는 어느 경쟁사를
    견제하려는 거였어?" asks the rival, "이유가 뭐야?" and "어떤 이유로?" the reason."""
    named = slot.wh in lexicon.WH_DETERMINERS and slot.focus is not None \
        and slot.focus not in lexicon.REASON_QUESTION_WORDS
    return named or wh_type in (AnswerType.PERSON, AnswerType.PLACE, AnswerType.DATE, AnswerType.AMOUNT)


def _dating_morphemes(morphemes: list[Morpheme], end: int) -> int:
    """How many morphemes before ``end`` date a figure ("2020년", "11월": 2; 작년, 기준: 1), else 0."""
    m = morphemes[end - 1]
    if m.tag == "NNB" and m.form in ("년", "월", "일") and morphemes[end - 2].tag == "SN":
        return 2
    return int(m.form in lexicon.RELATIVE_YEARS or m.form in lexicon.AS_OF_WORDS)


def _units(text: str, terms: list[str], focus: str | None, head: str | None, wh: str | None) -> tuple[str, ...]:
    """The unit family a measured question names, if any: 몇 명 → people, 이용료 → money."""
    names = set(terms) | ({focus} if focus else set())
    if wh == "몇" and focus:
        names.add(focus)
    if "%" in text or "퍼센트" in text or (head in lexicon.RATE_SUFFIXES and focus not in lexicon.RATIO_RATES):
        return lexicon.UNIT_FAMILIES["percent"]
    if wh == "몇":  # the counter after 몇 is the unit: "몇 프로", "몇 달러"
        for units in lexicon.UNIT_FAMILIES.values():
            if focus in units:
                return units
    for family, cues in lexicon.UNIT_CUES.items():
        if names & cues:
            return lexicon.UNIT_FAMILIES[family]
    return ()


_FIELD_OF_KIND = {"time": AnswerType.PUBLISHED, "person": AnswerType.AUTHOR, "place": AnswerType.OUTLET}
_METADATA_INTERROGATIVES = tuple(
    (tuple(p for p, k in lexicon.INTERROGATIVE_KINDS if k == kind) + (("날짜", *lexicon.CLOCK_CUES) if kind == "time" else ()),
     field) for kind, field in _FIELD_OF_KIND.items())


def metadata_types(text: str) -> list[AnswerType]:
    """Every article field a question asks about ("두 기사 각각 어느 매체에서 누가 썼어?" → outlet, author)."""
    if not any(word in text for word in lexicon.ARTICLE_WORDS):
        return []
    return [answer_type for answer_type, pattern in _METADATA_RULES if pattern.search(text)]


# "…기자 이름 뭐야?", "기자는 누구야?": a news reader asking for the reporter, whether or not they say "기사".
_REPORTER = re.compile(rf"({_words(lexicon.AUTHOR_WORDS)})\s*(이름|(은|는|이|가)?\s*누구)")


def _metadata_type(text: str) -> AnswerType | None:
    """Questions about an article itself name it as one ("기사"): "…를 보도한 언론사는?" asks about content."""
    if _REPORTER.search(text):
        return AnswerType.AUTHOR
    matches = metadata_types(text)
    if len(matches) > 1:  # "그 기자가 쓴 기사 언제 승인됐어?": the interrogative says which field is asked
        for words, answer_type in _METADATA_INTERROGATIVES:
            if answer_type in matches and any(w in text for w in words):
                return answer_type
    return matches[0] if matches else None


def _asks_a_favour(morphemes: list[Morpheme]) -> bool:
    """A request closing on "-어/아 주다" ("나열해줘", "정리해 주세요", "찾아줄래?"): it asks for content, not yes or no.
    "지원해 주나요?" or "만들어 줬어?" ask whether something is or was done: those endings are no request."""
    content = [m for m in morphemes if not m.tag.startswith(("S", "W"))]
    endings = []
    while content and content[-1].tag.startswith(("E", "JX")):
        endings.append(content.pop())
    final = next((m.form for m in endings if m.tag == "EF"), None)
    polite = all(m.form in lexicon.REQUEST_PREFINALS for m in endings if m.tag == "EP")  # 주시겠어요, not 줬어
    return len(content) >= 2 and (content[-1].form, content[-1].tag) == ("주", "VX") and content[-2].tag == "EC" \
        and final in lexicon.REQUEST_ENDINGS and polite


def _requests_with(morphemes: list[Morpheme], at: int) -> bool:
    """In a "-어 주다" request, whether the noun at ``at`` is the request's own verb: 나열 of "나열해줘", 정리 of
    "정리해 주세요"."""
    tail = morphemes[at + 1 : at + 4]
    return len(tail) == 3 and tail[0].tag == "XSV" and tail[1].tag == "EC" and (tail[2].form, tail[2].tag) == ("주", "VX")


def _is_request(text: str, favour: bool) -> bool:
    return favour or bool(_REQUEST_RE.search(text))


def _asks_yes_or_no(morphemes: list[Morpheme]) -> bool:
    """A question ending on a predicate and its ending ("…만들어?", "…없어?", "…했나요?") with no question word."""
    content = [m for m in morphemes if not m.tag.startswith(("S", "W"))]
    if content and (content[-1].form, content[-1].tag) == ("요", "JX"):
        content.pop()  # the polite 요 after an ending: "하는 건가요?" is "하는 건가?" asked politely
    if len(content) < 2 or not content[-1].tag.startswith("E"):
        return False
    before = [m for m in content[:-1] if not m.tag.startswith(("EP", "EC", "ETN"))]
    return bool(before) and before[-1].tag.split("-")[0] in _PREDICATE_TAGS


def _is_conversation(text: str, terms: list[str], morphemes: list[Morpheme]) -> bool:
    """A greeting or a question about the bot itself: a conversational cue and nothing else to search for."""
    lowered = {t.lower() for t in terms}
    interjections = {m.form.lower() for m in morphemes if m.tag == "IC"}  # 안녕 is an interjection, not a term
    cued = bool((lowered | interjections) & lexicon.CONVERSATION_CUES) or any(
        p in text for p in lexicon.CONVERSATION_PHRASES)
    return cued and lowered <= lexicon.CONVERSATION_WORDS


# Several things asked for: a plural ("회사들은?", "어떤 것들인가요?", "기업들 정리해줘"), all of them ("다 말해줄래?") or
# a count of kinds ("세 가지는?", "두 곳").
_SEVERAL_RE = re.compile(
    r"\S들(은|이|을)\s|\S들(은|는|이|을|인가요|인가|인지|이야|이에요)?\s*[?？]?$"  # not 들이다: 사들였어, 받아들입니까
    rf"|(\S들|(?<![가-힣])다)\s+({'|'.join(lexicon.REQUEST_VERBS)})\s*(줘|줄|주|달라)"
    rf"|(?<![가-힣\d])({_words(lexicon.SEVERAL_COUNTS)})\s*({_words(lexicon.KIND_COUNTERS)})(?!고|다|진|며)"  # not 가지다
)


# "점유율 1위는 어디야?", "최대 주주는 누구야?": who or where names the holder of a rank or a measure, not the measure.
_NAMING_WH = frozenset({AnswerType.PERSON, AnswerType.PLACE})
_MEASURED = frozenset({AnswerType.AMOUNT, AnswerType.DATE})
_TYPED = _NAMING_WH | _MEASURED


def _determiners(morphemes: list[Morpheme]) -> list[Morpheme]:
    """``morphemes`` with "어떤" read as the determiner it is before a noun: amid some questions Kiwi reads it as the
    adjective 어떻 + ᆫ ("…시장에서 SKT는 어떤 서비스로"), which asks how, not which thing."""
    out = list(morphemes)
    for i in range(len(out) - 3, -1, -1):
        stem, ending, noun = out[i : i + 3]
        if stem.form == "어떻" and stem.tag.startswith("VA") and ending.tag == "ETM" and ending.form == "ᆫ" \
                and noun.tag.startswith(("NN", "NR")):
            out[i : i + 2] = [Morpheme("어떤", "MM", stem.start, ending.end)]
    return out


def _who_is(slot: _Slot, answer_type: AnswerType, entities: list[str]) -> tuple[str, ...]:
    """"여민수는 누구야?": the named person whose identity is asked (their title is the answer, not a name)."""
    if answer_type == AnswerType.PERSON and slot.wh and slot.wh.startswith("누구") and not slot.predicate \
            and slot.focus is not None and slot.focus.lower() in entities:
        return (slot.focus.lower(),)
    return ()


def _post_holder(morphemes: list[Morpheme]) -> tuple[str, ...]:
    """The words naming the person whose post a question asks (lower-cased): the noun run just before the role noun
    ("여민수 직함", "여민수의 직책") or, after 어떤/무슨 or an adverbial phrase, the question's topic ("여민수는 카카오에서
    어떤 직책을 맡고 있어?", "여민수는 카카오에서 직함이 뭐야?").
    Nothing when the role noun is described by a clause ("가장 높은 직급은", "회사가 없앤 직급은")."""
    at = next((i for i, m in enumerate(morphemes) if m.form in lexicon.ROLE_NOUNS and m.tag.startswith("NN")), None)
    if not at:
        return ()
    i = at - 1
    if morphemes[i].tag == "JKG":
        i -= 1
    if morphemes[i].tag.startswith(_NOMINAL_TAGS) and not morphemes[i].tag.startswith("NNB"):
        return _run_words(morphemes, i)
    adverbial = morphemes[i].tag == "JKB" and _asked_noun(morphemes, at)  # "…에서 직함이 뭐야?", not "직책이 바뀌었어?"
    if not (morphemes[i].tag == "MM" and morphemes[i].form in lexicon.WH_DETERMINERS or adverbial):
        return ()
    for j in range(1, i):
        m = morphemes[j]
        if marks_topic(m) and not any(x.tag == "ETM" for x in morphemes[j:i]):
            return _run_words(morphemes, j - 1)
    return ()


def _asked_noun(morphemes: list[Morpheme], at: int) -> bool:
    """Whether the noun at ``at`` is what the question asks: a topic or subject particle, then an interrogative or
    the end ("직함이 뭐야?", "직함은?")."""
    rest = [m for m in morphemes[at + 1 :] if m.tag.split("-")[0] not in ("SF", "SP", "SE")]
    if not rest or rest[0].tag not in ("JKS", "JX"):
        return False
    return len(rest) == 1 or is_interrogative(rest[1])


def _run_words(morphemes: list[Morpheme], last: int) -> tuple[str, ...]:
    """The nouns of the run ending at ``morphemes[last]``, lower-cased, without bound nouns ("여민수 씨" → 여민수)."""
    start = last
    while start > 0 and morphemes[start - 1].tag.startswith(_NOMINAL_TAGS):
        start -= 1
    return tuple(m.form.lower() for m in morphemes[start : last + 1]
                 if not m.tag.startswith("NNB") and m.form not in lexicon.PERSON_TITLES)


def analyse(text: str, analyzer: KoreanAnalyzer, correct: Callable[[str], str | None] | None = None) -> Question:
    """``correct`` (optional) maps an unknown word to the corpus's spelling, for a misspelt focus noun."""
    morphemes = _determiners(analyzer.morphemes(text))
    terms = list(dict.fromkeys(analyzer.terms(text)))
    favour = _asks_a_favour(morphemes)
    slot = _slot(morphemes, text, favour)
    wants_list = any(cue in text for cue in lexicon.LIST_CUES) or bool(_SEVERAL_RE.search(text))
    focus_type = _type_of_focus(slot, correct)
    # "점유율 1위는?": the rank is given, its holder asked ("몇 위야?" asks the rank); the answer is no rank.
    rank_given = focus_type == AnswerType.AMOUNT and (slot.wh is None or slot.asks_value) and slot.focus in RANK_UNITS \
        and re.search(rf"\d\s*{re.escape(slot.focus)}", text) is not None
    if rank_given:
        focus_type = AnswerType.THING
    wh_type = _type_of_wh(slot.wh) if slot.wh else None
    metadata = _metadata_type(text)
    # "어떤 방식으로 …했어?": a manner, asked like 어떻게 (a determiner's noun otherwise names a thing)
    manner = wh_type == AnswerType.THING and slot.focus in lexicon.MANNER_NOUNS \
        and re.search(rf"{re.escape(slot.focus)}(?:들)?(?:으로|로)", text) is not None  # "어떤 방법들로" too
    if _is_conversation(text, terms, morphemes):
        answer_type = AnswerType.CONVERSATION
    elif metadata is not None:
        answer_type = metadata
    elif slot.wh in lexicon.REASON_QUESTION_WORDS or (
            set(terms) & lexicon.REASON_QUESTION_WORDS and not _asks_a_thing(slot, wh_type)):
        answer_type = AnswerType.REASON
    elif slot.asks_value and focus_type in (AnswerType.AMOUNT, AnswerType.DATE):  # not "범인은 어떻게 돼?"
        answer_type = focus_type
    elif manner:
        answer_type = AnswerType.OPEN
    elif wh_type in (AnswerType.DATE, AnswerType.AMOUNT, AnswerType.REASON, AnswerType.OPEN):
        answer_type = wh_type if not (wh_type == AnswerType.AMOUNT and focus_type == AnswerType.DATE) else focus_type
    elif focus_type is not None and not (wh_type in _NAMING_WH and focus_type in _MEASURED):
        answer_type = focus_type
    elif wh_type is not None:
        answer_type = wh_type
    elif slot.focus is not None:
        answer_type = AnswerType.THING  # "출범시킨 서비스는?": what is it
    elif not _is_request(text, favour) and _asks_yes_or_no(morphemes):
        answer_type = AnswerType.YESNO
    else:
        answer_type = AnswerType.OPEN

    if answer_type == AnswerType.AMOUNT and slot.focus in lexicon.DEGREE_NOUNS and not any(
            t in lexicon.FOCUS_NUMBER and t not in lexicon.DEGREE_NOUNS for t in terms):
        answer_type = AnswerType.THING  # "배송은 어느 정도 목표야?": a degree of something no figure measures
    holder = _post_holder(morphemes)
    if holder:
        answer_type = AnswerType.PERSON  # "여민수의 직책은?" is asked like "여민수는 누구야?"

    defines = defined_term(text, morphemes) if answer_type in _DEFINABLE else None
    if defines is not None:
        answer_type = AnswerType.THING  # "NFT란?" reads like a yes/no question: it asks what NFT is
    # "지분교환 규모는 언제야?": a focus noun of another category than the one asked is the topic, not the answer's head
    headed = (focus_type is None or focus_type == answer_type or answer_type not in _TYPED) and not rank_given
    key_terms = [
        t for t in terms
        if t not in lexicon.INTERROGATIVES and t not in lexicon.QUESTION_FILLER and t not in lexicon.SPEAKER_TIME
        and not t.startswith(lexicon.INTERROGATIVE_PREFIXES)
        and not (holder and t in lexicon.ROLE_NOUNS)  # "김철수의 직책은?" asks the title after 김철수; news never says 직책
        # the answer says the way or the thing, rarely the word 방식 or 점 ("어떤 점을 보고")
        and not ((manner or slot.focus in lexicon.ASPECT_NOUNS) and t in (slot.focus, f"{slot.focus}들"))
    ]
    # "…맞교환한 해는?": the focus noun names the answer's category, unless the question also uses it otherwise
    # ("기업 인수를 주도한 기업은?")
    category = slot.focus if headed and slot.focus and _names_category(slot.focus, answer_type) \
        and sum(m.form == slot.focus for m in morphemes) == 1 else None
    focus_terms = []
    if answer_type in (AnswerType.AMOUNT, AnswerType.DATE) and slot.focus and slot.wh is None:
        # "투자 규모는?", "출시 시기는?": the attribute measured, which the evidence should name.
        focus_terms = [t for t in slot.attribute if t in key_terms and t != category and len(t) > 1]
    entities = [m.form.lower() for m in morphemes if m.tag in ("NNP", "SL") and len(m.form) > 1]
    who = _who_is(slot, answer_type, entities)
    return Question(
        text=text,
        type=answer_type,
        wants_list=wants_list,
        key_terms=key_terms,
        stated_terms=[t for t in key_terms if t != category],
        focus_terms=focus_terms,
        focus=slot.focus if headed else None,
        focus_head=slot.head if headed else None,
        named_kind=slot.named_kind,
        particle=slot.particle,
        owned=slot.owned,
        predicate=[p for p in slot.predicate if p not in lexicon.QUESTION_FILLER],
        units=_units(text, terms, slot.focus, slot.head, slot.wh) if answer_type == AnswerType.AMOUNT else (),
        entities=list(dict.fromkeys(entities)),
        category=bool({slot.focus, slot.head} & lexicon.CATEGORY_NOUNS) or slot.kinds,
        defines=defines,
        described=described_kind(morphemes) if answer_type == AnswerType.THING and defines is None else None,
        choice=re.search(lexicon.CHOICE, text) is not None,
        says=any(cue in text for cue in lexicon.SAYING_CUES) or _REPORTED_RE.search(text) is not None,
        words=frozenset(w.bare for w in analyzer.words(text)),  # whole words: 카카오 is not one of 카카오모빌리티의
        verbs=analyzer.verbs(text),
        person=holder or who,
        post=bool(holder),
    )
