"""Whose answer: a figure or a name read from a clause about another name than the one the question asks about.

"티맵택시의 점유율은?" against "카카오모빌리티는 … 점유율 80% 이상을 기록하고": the sentence answers the question's
words for 카카오모빌리티, and the article gives 티맵택시 no figure. News sentences pair names with their values
("A는 X, B는 Y"), so the clause an answer comes from must be about what the question names, or at least mention it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from qa import aliases, lexicon
from qa.korean import NAME_TAGS, KoreanAnalyzer, Morpheme, index_after, marks_topic
from qa.question import is_interrogative

_ANAPHORS = frozenset({"이", "그", "이것", "그것", "이들", "그들"})  # "이를 통해": the clause names it before
_CLAUSE_ENDS = frozenset({"EC", "SF", "SE"})
_NAMED_BEFORE = tuple(lexicon.POINTING_NOUNS - lexicon.REFLEXIVE_NOUNS)  # "양사와 삼성전자가": the names given before


def about_another(asked: set[str], terms: set[str], question: str, sentence: str, span: tuple[int, int],
                  analyzer: KoreanAnalyzer, document: str) -> bool:
    """Whether the clause holding the answer (``span``, offsets in ``sentence``) is about a name that is neither
    the answer nor one the question gives, and mentions none of the question's names (``asked``, lower-cased). Names
    match inside longer names (카카오 in 카카오모빌리티, 포켓몬 in 포켓몬스터) and through the article's short forms
    ("SK텔레콤(이하 SKT)"). A topic made of the question's own words (``terms``: "교통카드가 티머니 교통카드다" for
    "…교통카드는 무엇인가?") or pointed back to ("이 지진파는") is the question's thing, whatever Kiwi tags it. A
    clause that reports ("서울시는 40만명이 모인 것으로 추산했다") is about its source's figure for the asked thing."""
    if not asked:
        return False
    names = set(asked)
    typed = question.lower()
    for full, short in aliases.introduced(document):
        if full.lower() in typed or short.lower() in typed:  # "카카오뱅크(이하 카뱅)": Kiwi's pieces would miss it
            names |= {full.lower(), short.lower()}
    morphemes = analyzer.morphemes(sentence)
    first, last = _clause_around(morphemes, span[0])
    if first >= last:
        return False
    inside = morphemes[first:last]
    clause = sentence[inside[0].start : inside[-1].end].lower()
    topic = _topic_at(morphemes, first, last)
    # "신세계는 네이버의 온라인 장악력을": 네이버 only owns something in 신세계's clause; but "카카오의 ‘멜론’" is what
    # 카카오 owns, the answer to "카카오 음원 서비스는?", unless the question asks another's ("네이버는 신세계의 어떤 점")
    owned = sentence[inside[0].start : span[0]].lower().rstrip(" ‘'\"“")
    asked_owner = _OWNER_ASKED_RE.search(typed)
    topic_at = morphemes[topic].start - inside[0].start if topic is not None else None
    if any(name in clause and (not _owner_only(name, clause, topic_at, typed) or owned.endswith(name + "의")
                               and (asked_owner is None or asked_owner.group(1) == name)) for name in names) \
            or any(m.tag == "NP" and m.form in _ANAPHORS for m in inside) \
            or any(word.startswith(_NAMED_BEFORE) for word in clause.split()) \
            or any(m.form in lexicon.REPORTING_STEMS and m.tag in ("NNG", "VV") for m in inside):
        return False
    if topic is None:
        return False
    start = run_start(morphemes, topic)
    run = morphemes[start:topic]
    if not run or _points_back(morphemes, start) or any(m.form.lower() in terms for m in run) \
            or any(len(m.form) > 1 and m.form.lower() in name for m in run for name in names):
        return False
    # "이방원이 정변을 … 이방원의 군사들에게": the clause is about the answer itself.
    topic_text = sentence[run[0].start : run[-1].end]
    answered = run[0].start < span[1] and span[0] < run[-1].end or sentence[span[0] : span[1]] in topic_text
    return not answered and _names_someone(run)


def paired(asked: set[str], sentence: str, analyzer: KoreanAnalyzer, document: str) -> bool:
    """Whether the sentence sets one of the asked names (lower-cased) as a clause's topic or subject, so that it may
    pair names with values ("카카오는 ‘카카오 인증서’, SKT는 ‘패스’를"), and a clause about another name is that
    name's: not "SKT는 ‘우버’와 손잡고 … ‘우티’를 출범시키며", which says nothing of 우티 as a topic."""
    if not asked:
        return False
    morphemes = analyzer.morphemes(sentence)
    return any(_marks_topic(morphemes, m.marker) for m in _mentions(tuple(asked), morphemes, sentence, document))


def _clause_around(morphemes: list[Morpheme], offset: int) -> tuple[int, int]:
    """Morpheme range of the clause holding ``offset``: clauses end at a connective ending (not one an auxiliary verb
    follows: "서비스하고 있는" is one predicate) or the sentence's end, and at a comma only where a new topic follows
    ("‘카카오 인증서’, SKT는 …"; not "SK텔레콤, 삼성전자와")."""
    ends = [i + 1 for i, m in enumerate(morphemes)
            if (m.tag in _CLAUSE_ENDS and not (i + 1 < len(morphemes) and morphemes[i + 1].tag.startswith("VX")))
            or (m.form == "," and _topic_follows(morphemes, i + 1))]
    first = 0
    for end in [*ends, len(morphemes)]:
        if end > first and morphemes[end - 1].end > offset:
            return first, end
        first = end
    return first, len(morphemes)


def _topic_follows(morphemes: list[Morpheme], at: int) -> bool:
    """Whether a noun phrase with a topic or subject particle starts at ``at``."""
    i = at
    while i < len(morphemes) and morphemes[i].tag.startswith(("NN", "SL", "SH", "XSN", "SS")):
        i += 1
    return at < i < len(morphemes) and marks_topic(morphemes[i])


_OWNER_ASKED_RE = re.compile(r"(\S+)의\s+(?:어떤|무슨|어느|뭐|무엇|뭘)")  # "신세계의 어떤 점": whose thing is asked


def _owner_only(name: str, clause: str, topic_at: int | None, question: str) -> bool:
    """Whether a clause names ``name`` only as the owner of something the question does not ask of it, after a
    topic of its own (``topic_at``, its particle's offset in the clause): "신세계는 네이버의 온라인 장악력을 보고" is
    신세계's clause, not 네이버's; "삼성전자는 SKT의 자회사에 투자했다" is about SKT's 자회사 when that is asked."""
    ends = [m.end() for m in re.finditer(re.escape(name), clause)]
    if not ends or topic_at is None or topic_at > ends[0] or not all(clause.startswith("의", end) for end in ends):
        return False
    owned = {clause[end + 1 :].split()[0].strip("‘’'\"“”") for end in ends if clause[end + 1 :].split()}
    return not any(re.search(rf"{re.escape(name)}(?:의)?\s*{re.escape(noun[:2])}", question) for noun in owned if noun)


def _topic_at(morphemes: list[Morpheme], first: int, last: int) -> int | None:
    """Index of the first topic or subject particle glued to a noun in ``morphemes[first:last]``."""
    for i in range(max(first, 1), last):
        m, before = morphemes[i], morphemes[i - 1]
        if marks_topic(m) and before.end == m.start \
                and before.tag.startswith(("NN", "SL", "SH")):
            return i
    return None


def run_start(morphemes: list[Morpheme], at: int) -> int:
    """Where the noun phrase ending before ``morphemes[at]`` starts: "여민수 카카오 공동대표는" → at 여민수."""
    start = at
    while start > 0 and morphemes[start - 1].tag.startswith(("NN", "SL", "SH", "XSN")):
        start -= 1
    return start


def _points_back(morphemes: list[Morpheme], start: int) -> bool:
    """Whether a determiner before the topic (from ``start``) points back to something named earlier: "이
    지진파는", "해당 업체가"."""
    return start > 0 and morphemes[start - 1].tag == "MM" and morphemes[start - 1].form in lexicon.DEMONSTRATIVES


def _names_someone(run: list[Morpheme]) -> bool:
    """Whether a topic is a name ("카카오모빌리티는") or a named person's title ("여민수 카카오 공동대표는"), not a
    thing described ("AI 기술 개발은")."""
    word = [run[-1]]  # the last word: "SK텔레콤" is SK + 텔레콤, read as one name
    for m in reversed(run[:-1]):
        if m.end != word[0].start:
            break
        word.insert(0, m)
    # One-syllable names ("잭") are left out: a question's own are not among its names either.
    named = any(m.tag in NAME_TAGS and len(m.form) > 1 for m in run)
    return any(m.tag in NAME_TAGS and len(m.form) > 1 for m in word) or (named and run[-1].form in lexicon.PERSON_TITLES)


# What a noun phrase is made of, for finding the names a sentence mentions and the phrase an answer stands in.
_NOUN_PARTS = ("NN", "NR", "SL", "SH", "SN", "XSN", "XPN")


class _Mention(NamedTuple):
    """A word opening on one of the names: its first morpheme, the morpheme after its noun run (its particle, if
    any) and the name."""

    first: int
    marker: int
    name: str


def owner(names: tuple[str, ...], question: str, sentence: str, span: tuple[int, int], analyzer: KoreanAnalyzer,
          document: str) -> str | None:
    """Which of ``names`` (the names a split question asks about each of, the question's own first: "카카오", "SKT")
    the span (offsets in ``sentence``) belongs to, or None when the sentence does not say. "카카오는 A, SKT는 B" pairs
    each name with its value: the subject of a relative clause ending on the span's phrase owns it ("SKT가 서비스
    중인 ‘플로’"); then the genitive before the span's phrase ("카카오의 ‘멜론’"), or the clause's topic first when
    the question asks what belongs to something else ("네이버는 상대의 뭘 보고" against "네이버는 신세계의 오프라인
    영향력을"); then a name the clause mentions before the span ("LG전자의 매출은 5% 줄었다"); then a topic marked 은/는
    in an earlier clause, which carries on ("SKT는 …했지만 별다른 소득을 내지 못했다")."""
    morphemes = analyzer.morphemes(sentence)
    at = next((i for i, m in enumerate(morphemes) if m.end > span[0]), len(morphemes))
    found = _mentions(names, morphemes, sentence, document)
    attached = _attached_to(morphemes, span, found)
    if attached is not None:
        return attached  # "SKT가 서비스 중인 ‘플로’", "카카오의 ‘멜론’" for "멜론이랑 플로는 각각 어느 회사 거야?"
    described = _described_by(morphemes, span, found)
    if described is not None:
        return described  # "‘플로’는 점유율 1위에 올라있는 카카오의 ‘멜론’의 뒤를": 1위 is 멜론's
    inside = [m for m in found if morphemes[m.first].start < span[1] and span[0] < morphemes[m.marker - 1].end]
    mentions = [m for m in found if m not in inside]
    # "SKT는 …" as the span, in a sentence about SKT alone; beside the part's own name, it may be its partner
    # ("카카오는 SK텔레콤과" for SKT's part).
    topical = [m for m in inside if _marks_topic(morphemes, m.marker)]
    if topical and not any(m.name == names[0] for m in mentions):
        return topical[0].name
    if not mentions or at == len(morphemes):
        return None
    first, _ = _clause_around(morphemes, span[0])
    phrase = at
    while phrase > first and morphemes[phrase - 1].tag.startswith((*_NOUN_PARTS, "SS")):
        phrase -= 1
    before = [m for m in mentions if first <= m.first and m.marker < phrase]
    topics = [m for m in before if _marks_topic(morphemes, m.marker)]
    if phrase > first and morphemes[phrase - 1].tag == "ETM" and topics:
        return topics[-1].name  # "SKT가 서비스 중인 ‘플로’"
    topic = next((m.name for m in reversed(topics) if not _modifies(morphemes, m.marker, phrase)), None)
    genitive = next((m.name for m in before if m.marker == phrase - 1 and morphemes[m.marker].tag == "JKG"), None)
    if genitive and topic:
        elsewhere = _asks_what_belongs_elsewhere(names, analyzer.morphemes(question), question, document)
        return topic if elsewhere else genitive
    if topic or genitive:
        return topic or genitive
    named = [m for m in before if not _modifies(morphemes, m.marker, phrase)]
    if named:
        return named[-1].name  # "기아 판매량은 5만대였다"
    if any(first <= m.first for m in mentions):
        return None  # the clause names one after the span: the sentence does not say whose
    # A topic marked 은/는 carries on into the clauses after its own, when they name none of the names.
    return next((m.name for m in reversed(mentions) if m.marker < first and morphemes[m.marker].tag == "JX"
                 and _marks_topic(morphemes, m.marker)), None)


def _attached_to(morphemes: list[Morpheme], span: tuple[int, int], mentions: list[_Mention]) -> str | None:
    """The name the span itself describes, when the names are what the answers belong to: the span is its genitive
    ("카카오의 ‘멜론’") or the subject (이/가) of a relative clause ending on it ("SKT가 서비스 중인 ‘플로’"). A topic
    (은/는) heads no relative clause: "‘플로’는 … 1위에 올라있는 카카오의 ‘멜론’" says nothing of whose 플로 is."""
    k = after_quotes(morphemes, index_after(morphemes, span[1]))
    if k >= len(morphemes) or morphemes[k].start - span[1] > 1:
        return None
    starts = {m.first: m.name for m in mentions}
    if morphemes[k].tag == "JKG":
        return starts.get(after_quotes(morphemes, k + 1))
    if morphemes[k].tag != "JKS":
        return None
    for i in range(k + 1, len(morphemes)):
        m = morphemes[i]
        if m.tag in ("JKS", "JX") or m.tag in _CLAUSE_ENDS:
            return None  # another subject or topic, or the clause ends: not a clause about the span
        if m.tag == "ETM":
            return starts.get(after_quotes(morphemes, i + 1))
    return None


def _described_by(morphemes: list[Morpheme], span: tuple[int, int], mentions: list[_Mention]) -> str | None:
    """The name a relative clause holding the span describes: the head of the phrase the clause ends on, through a
    genitive ("[점유율 1위에 올라있는] 카카오의 ‘멜론’" gives 1위 to 멜론). The clause must have no subject of its own
    before the span, nor close (a comma too) or take a subject or topic between the span and its modifier ending."""
    starts = {m.first: m for m in mentions}
    first = next((i for i, m in enumerate(morphemes) if m.end > span[0]), len(morphemes))
    for i in range(first - 1, -1, -1):
        if morphemes[i].tag in _CLAUSE_ENDS or morphemes[i].tag in ("SP", "ETM", "JX"):
            break  # the clause holding the span opens after a topic, a comma or another modifier
        if morphemes[i].tag == "JKS":
            return None  # "SK텔레콤이 지분 40%를 보유한 카카오모빌리티": the clause's own subject holds the 40%
    k = index_after(morphemes, span[1])
    for i in range(k, len(morphemes)):
        m = morphemes[i]
        if m.tag == "EC" and i + 1 < len(morphemes) and morphemes[i + 1].tag.startswith("VX"):
            continue  # "올라 있는": a verb and its auxiliary
        if m.tag in ("JKS", "JX", "SP") or m.tag in _CLAUSE_ENDS:
            return None
        if m.tag == "ETM":
            head, at = None, after_quotes(morphemes, i + 1)
            while at < len(morphemes) and morphemes[at].tag.startswith(_NOUN_PARTS):
                end = at
                while end < len(morphemes) and morphemes[end].tag.startswith(_NOUN_PARTS):
                    end += 1
                if at in starts:
                    head = starts[at].name
                after = after_quotes(morphemes, end)
                if after >= len(morphemes) or morphemes[after].tag != "JKG":
                    break
                at = after_quotes(morphemes, after + 1)  # "카카오의 ‘멜론’의 뒤": the last name of the chain
            return head
    return None


def asks_owned(names: set[str], question: str, analyzer: KoreanAnalyzer, document: str) -> bool:
    """Whether the question names one of ``names`` as what owns the thing asked ("카카오의 음원 서비스는?", "카카오
    음원 서비스"), not as its topic or subject ("플로는 누굴 쫓고 있어?")."""
    morphemes = analyzer.morphemes(question)
    mentions = _mentions(tuple(names), morphemes, question, document)
    return bool(mentions) and not any(_marks_topic(morphemes, m.marker) for m in mentions) and any(
        m.marker < len(morphemes) and morphemes[m.marker].tag in ("JKG", "NNG")
        and (m.first == 0 or not morphemes[m.first - 1].tag.startswith(_NOUN_PARTS))  # not "포스트 코로나 기획"
        and _heads_the_asked(morphemes, m.marker + (morphemes[m.marker].tag == "JKG"))
        for m in mentions)


def _heads_the_asked(morphemes: list[Morpheme], at: int) -> bool:
    """Whether the noun phrase from ``at`` is what the question asks: it ends the question ("카카오 음원 서비스 이름")
    or its topic particle comes before an interrogative pronoun and a copula, and nothing else ("음원 서비스는 뭐야?");
    not "노무현 정부가 파견한 인물은?", "이명박 후보는 어느 연령층으로부터 …", "시리아의 인권은 어디에서 …"."""
    while at < len(morphemes) and morphemes[at].tag.startswith((*_NOUN_PARTS, "SS")):
        at += 1
    rest = [m for m in morphemes[at:] if not m.tag.startswith("S")]
    if not rest:
        return True
    return marks_topic(rest[0]) and len(rest) > 1 and rest[1].tag == "NP" and is_interrogative(rest[1]) \
        and all(m.tag == "VCP" or m.tag.startswith("E") or m.form == "요" for m in rest[2:])  # "뭔가요"


def asks_whose(names: set[str], question: str, analyzer: KoreanAnalyzer, document: str) -> bool:
    """Whether the question asks whose one of ``names`` is, with no verb of its own: "멜론은 어느 회사 서비스야?",
    "플로는 누구 거예요?" (not "플로는 누굴 쫓고 있어?", which asks what it does)."""
    morphemes = analyzer.morphemes(question)
    topics = [m for m in _mentions(tuple(names), morphemes, question, document) if _marks_topic(morphemes, m.marker)]
    return bool(topics) and not any(m.tag.split("-")[0] in ("VV", "VA", "XSV", "XSA")
                                    for m in morphemes[topics[0].marker :])


def after_quotes(morphemes: list[Morpheme], at: int) -> int:
    """The index of the first morpheme from ``at`` that is no quote mark or bracket."""
    while at < len(morphemes) and morphemes[at].tag.startswith("SS"):
        at += 1
    return at


def _asks_what_belongs_elsewhere(names: tuple[str, ...], morphemes: list[Morpheme], question: str,
                                 document: str) -> bool:
    """Whether the question asks of its name's topic what belongs to another ("네이버는 상대의 뭘 봤어?"): its name
    is marked as the topic and a genitive after it owns what is asked."""
    asked = next((m for m in _mentions(names, morphemes, question, document) if m.name == names[0]), None)
    return asked is not None and _marks_topic(morphemes, asked.marker) \
        and any(m.tag == "JKG" for m in morphemes[asked.marker + 1 :])


def _modifies(morphemes: list[Morpheme], marker: int, phrase: int) -> bool:
    """Whether the subject marked at ``marker`` has its predicate turn into a modifier before ``phrase``: "쿠팡이
    서비스 중인 ‘소리’는" is about 소리, not what follows; in "SKT는 자사가 서비스하고 있는 티맵을" the modifier is
    자사가's and SKT는 stays the topic."""
    for i in range(marker + 1, phrase):
        if morphemes[i].tag == "ETM":
            return True
        if _marks_topic(morphemes, i) and morphemes[i - 1].tag.startswith(_NOUN_PARTS):
            return False
    return False


def _mentions(names: tuple[str, ...], morphemes: list[Morpheme], text: str, document: str) -> list[_Mention]:
    """Every word opening on one of ``names`` or on a short form or full name the article gives it ("SK텔레콤" for
    SKT): "카카오는", "카카오모빌리티가", "SKT의"."""
    spellings = {name.lower(): name for name in names}
    for full, short in aliases.pairs_of(document):
        for one, other in ((full, short), (short, full)):
            if one.lower() in spellings and other.lower() not in spellings:
                spellings[other.lower()] = spellings[one.lower()]
    out = []
    i = 0
    while i < len(morphemes):
        j = i
        while j < len(morphemes) and morphemes[j].tag.startswith(_NOUN_PARTS) \
                and (j == i or morphemes[j].start == morphemes[j - 1].end):
            j += 1
        if j == i:
            i += 1
            continue
        word = text[morphemes[i].start : morphemes[j - 1].end].lower()
        name = next((spellings[s] for s in sorted(spellings, key=len, reverse=True) if word.startswith(s)), None)
        if name is not None:
            out.append(_Mention(i, j, name))
        i = j
    return out


def _marks_topic(morphemes: list[Morpheme], at: int) -> bool:
    """Whether the morpheme at ``at`` is a topic or subject particle glued to the word before it."""
    return at < len(morphemes) and marks_topic(morphemes[at]) and morphemes[at].start == morphemes[at - 1].end
