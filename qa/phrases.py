"""Candidate answer phrases of a sentence: every span a short answer could be, from Kiwi's morphemes.

A short answer is the article's own words: a noun phrase ("경기도 군포"), part of one ("박정희" of "박정희
대통령", "노태우" of "노태우정부"), a date ("지난해 10월", "1989년 2월 15일"), an amount ("3,000억원", "80% 이상"), a
quoted name (‘우티’), "X의 Y", "X와 Y" or a modified noun. This module proposes them all; the reader ranks them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from qa import lexicon
from qa.korean import KoreanAnalyzer, Morpheme

# Kinds of candidate, in the order a reader might prefer them when tied.
KINDS = ("np", "sub", "split", "quoted", "of", "conj", "modified", "date", "amount", "paren")
MAX_WORDS = 6  # longer spans are never short answers
MAX_SPLIT_MORPHEMES = 5

_NOMINAL = frozenset({"NNG", "NNP", "NNB", "NR", "SN", "SL", "SH", "XR", "XPN", "XSN"})
_CORE = frozenset({"NNG", "NNP", "NR", "SN", "SL", "SH", "XR"})  # a candidate holds at least one of these
_UNIT_SYMBOLS = frozenset({"%", "℃", "°", "㎞", "㎡", "$", "￦", "₩"})
_GLUE = frozenset({"-", "·", "‧", "&", "/", ".", "+"})  # inside names when written without spaces: SK-II, R&D
_QUOTED_RE = re.compile(r"[‘'“\"「『《〈<]([^‘’'“”\"「」『』《》〈〉<>\n]{1,40})[’'”\"」』》〉>]")
# The square brackets news puts round a series' or a report's name ("[포스트 코로나] 기획"); not a stock code
# ("삼성전자[005930]"), a footnote ("[1]") or a story label ("[단독]").
_BRACKETED_RE = re.compile(r"[\[【]([^\[\]【】\n]{1,40})[\]】]")
_PAREN_RE = re.compile(r"\(([^()\n]{1,40})\)")
# News sets a service's, product's or project's name in single quotes (‘멜론’, ‘티맵 택시’); double quotes hold speech.
_NAME_QUOTED_RE = re.compile(r"‘(?P<curly>[^‘’\n]{1,20})’|(?<![A-Za-z])'(?P<plain>[^'\n]{1,20})'(?![A-Za-z])")
MAX_NAME_WORDS = 2
NAME_CONTEXT_CHARS = 12  # read before a quoted name: its owner or kind ("카카오의 ‘멜론’")
CACHED_TEXTS = 256  # articles whose quoted names are kept: the documents of the questions being answered

_NUM = r"\d[\d,]*(?:\.\d+)?"
_UNITS = (r"(?:만여명|여명|여 명|원|달러|엔|유로|위안|파운드|명|개|곳|건|%|퍼센트|대|배|위|주년|차|분기|개국|가구|표|석|세|살"
          r"|톤|km|㎞|m|kg|점|회|번|년간|개월|주|일간|시간|분|초|층|마리|척|채|권|편|종|골|승|패|위안|프로)")
_AMOUNT_RE = re.compile(
    rf"(?:약\s*)?{_NUM}\s*(?:조|억|만|천)?\s*(?:{_NUM}\s*(?:억|만|천))?\s*{_UNITS}"
    rf"(?:\s*(?:{'|'.join(lexicon.AMOUNT_BOUNDS)}))?"
)
_RELATIVE = "|".join(sorted(lexicon.RELATIVE_DATE_WORDS, key=len, reverse=True))
_LEAD = "|".join(lexicon.RELATIVE_DATE_LEADS)
_PARTS = "|".join(lexicon.DATE_PARTS)
_DATE_RE = re.compile(
    rf"(?:(?:{_RELATIVE}|{_LEAD})\s*)?"
    r"(?:\d{4}년\s*(?:\d{1,2}월\s*(?:\d{1,2}일)?)?|\d{1,2}월\s*(?:\d{1,2}일)?|\d{1,2}일"
    r"|\d{4}[.\-/]\s?\d{1,2}[.\-/]\s?\d{1,2}\.?|\d{4}년대|\d{1,2}세기)"
    rf"(?:\s*(?:{_PARTS}))?"
    rf"|(?:{_RELATIVE})(?:\s*(?:{_PARTS}))?"
)


@lru_cache(maxsize=CACHED_TEXTS)
def quoted_spans(text: str) -> list[str]:
    """Every phrase ``text`` sets in quotes, in order: ‘AI R&D 협의체’, “…”."""
    return [match.group(1).strip() for match in _QUOTED_RE.finditer(text)]


def quoted_names(text: str, analyzer: KoreanAnalyzer) -> frozenset[str]:
    """The names ``text`` sets in single quotes: ‘멜론’ is a name wherever the article then writes 멜론 bare, though Kiwi
    reads the bare word as the fruit. A name is one or two words of two characters or more, Kiwi reads a proper noun
    or Latin letters in it, or the article gives its owner or kind just before ("카카오의 ‘멜론’", "서비스 ‘패스’");
    a word quoted for emphasis ("‘라이벌’서 ‘파트너’로", "‘검토 중’") is none."""
    names = set()
    for match in _NAME_QUOTED_RE.finditer(text):
        group = "curly" if match.group("curly") is not None else "plain"
        name = match.group(group).strip()
        words = name.split()
        if not words or len(words) > MAX_NAME_WORDS or any(len(w) < 2 for w in words) or re.search(r"[.?!,]", name):
            continue
        lead = max(0, match.start() - NAME_CONTEXT_CHARS)
        morphemes = analyzer.morphemes(text[lead : match.end()])
        start, end = match.start(group) - lead, match.end(group) - lead
        inside = [m for m in morphemes if start <= m.start and m.end <= end]
        before = [m for m in morphemes if m.end <= match.start() - lead]
        owned = bool(before) and (before[-1].tag == "JKG" or before[-1].tag in ("NNG", "NNP", "SL")
                                   and before[-1].end < match.start() - lead)
        if owned or any(m.tag in ("NNP", "SL") for m in inside):
            names.add(name)
    return frozenset(names)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A candidate span ``[start, end)`` of the sentence, the morphemes it covers and how it was proposed."""

    start: int
    end: int
    kinds: frozenset[str]
    first: int  # index of its first morpheme (or -1 when a pattern, not morphemes, proposed it)
    last: int  # index after its last morpheme


def _nominal(morphemes: list[Morpheme], i: int) -> bool:
    m = morphemes[i]
    tag = m.tag.split("-")[0]
    if tag in _NOMINAL or tag.startswith("W_"):
        return True
    if tag == "SW" and m.form in _UNIT_SYMBOLS:
        return True
    if tag == "MM" and i + 1 < len(morphemes) and morphemes[i + 1].tag in ("NNB", "NNG", "NR"):
        return True  # "두 번째", "세 명"
    return False


def _runs(text: str, morphemes: list[Morpheme]) -> list[tuple[int, int]]:
    """Maximal runs of nominal morphemes separated by nothing or by spaces: the sentence's noun phrases."""
    runs: list[tuple[int, int]] = []
    start = None
    for i, m in enumerate(morphemes):
        glue = (
            m.form in _GLUE and start is not None and i + 1 < len(morphemes)
            and morphemes[i - 1].end == m.start and morphemes[i + 1].start == m.end and _nominal(morphemes, i + 1)
        )
        if _nominal(morphemes, i) or glue:
            if start is not None and text[morphemes[i - 1].end : m.start].strip():
                runs.append((start, i))
                start = None
            if start is None:
                start = i
        elif start is not None:
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, len(morphemes)))
    return runs


def _words_of(morphemes: list[Morpheme], first: int, last: int) -> list[tuple[int, int]]:
    """The space-separated words of a run, as morpheme index ranges."""
    words = [[first, first + 1]]
    for i in range(first + 1, last):
        if morphemes[i].start > morphemes[i - 1].end:
            words.append([i, i + 1])
        else:
            words[-1][1] = i + 1
    return [tuple(w) for w in words]


def _has_core(morphemes: list[Morpheme], first: int, last: int) -> bool:
    return any(m.tag.split("-")[0] in _CORE or m.tag.startswith("W_") for m in morphemes[first:last])


def candidates(sentence: str, morphemes: list[Morpheme]) -> list[Phrase]:
    """Every candidate answer span of ``sentence`` (whose Kiwi analysis is ``morphemes``), deduplicated."""
    found: dict[tuple[int, int], tuple[set[str], int, int]] = {}

    def add(first: int, last: int, kind: str) -> None:
        if first < last and _has_core(morphemes, first, last):
            add_span(morphemes[first].start, morphemes[last - 1].end, kind, first, last)

    def add_span(start: int, end: int, kind: str, first: int = -1, last: int = -1) -> None:
        while start < end and sentence[start] in " \t":
            start += 1
        while end > start and sentence[end - 1] in " \t,.":
            end -= 1
        if end <= start:
            return
        entry = found.setdefault((start, end), (set(), first, last))
        entry[0].add(kind)
        if entry[1] < 0 <= first:
            found[(start, end)] = (entry[0], first, last)

    runs = _runs(sentence, morphemes)
    for first, last in runs:
        words = _words_of(morphemes, first, last)
        add(first, last, "np")
        for a in range(len(words)):
            for b in range(a + 1, min(len(words), a + MAX_WORDS) + 1):
                if (a, b) != (0, len(words)):
                    add(words[a][0], words[b - 1][1], "sub")
        for w_first, w_last in words:  # "노태우정부" → 노태우, 정부
            if 1 < w_last - w_first <= MAX_SPLIT_MORPHEMES:
                for cut in range(w_first + 1, w_last):
                    add(w_first, cut, "split")
                    add(cut, w_last, "split")
    for (a_first, a_last), (b_first, b_last) in zip(runs, runs[1:]):
        between = morphemes[a_last:b_first]
        if len(between) == 1 and between[0].tag == "JKG":  # X의 Y
            add(a_first, b_last, "of")
        elif len(between) == 1 and (between[0].tag == "JC" or between[0].form in (",", "및", "·")):  # X와 Y
            add(a_first, b_last, "conj")
    for (a_first, a_last), (b_first, b_last) in zip(runs, runs[1:]):
        modifier = morphemes[a_last:b_first]
        if modifier and modifier[-1].tag == "ETM" and len(modifier) <= 3:  # 새로운 정부, 폭력 시위를 주도한 … (short)
            add(a_first, b_last, "modified")
    for pattern, kind in ((_QUOTED_RE, "quoted"), (_BRACKETED_RE, "quoted"), (_PAREN_RE, "paren")):
        for match in pattern.finditer(sentence):
            inner = match.group(1).strip()
            if pattern is _BRACKETED_RE and (not re.search(r"[^\W\d_]", inner) or inner in lexicon.STORY_LABELS):
                continue
            add_span(match.start(1), match.end(1), kind, *_covering(morphemes, match.start(1), match.end(1)))
    for pattern, kind in ((_DATE_RE, "date"), (_AMOUNT_RE, "amount")):
        for match in pattern.finditer(sentence):
            if match.group(0).strip():
                add_span(match.start(), match.end(), kind, *_covering(morphemes, match.start(), match.end()))
    return [Phrase(start, end, frozenset(kinds), first, last)
            for (start, end), (kinds, first, last) in sorted(found.items())]


def _covering(morphemes: list[Morpheme], start: int, end: int) -> tuple[int, int]:
    """Indices of the morphemes inside ``[start, end)`` (-1, -1 when none lines up)."""
    inside = [i for i, m in enumerate(morphemes) if m.start >= start and m.end <= end]
    return (inside[0], inside[-1] + 1) if inside else (-1, -1)


# "△AI △플랫폼 △미디어" (the bullets of Korean press text), or "인프라, 데이터, 언어모델 등".
_BULLETED_RE = re.compile(r"△[^△.]{1,40}?(?:\s*△[^△.]{1,40}?)+(?=\s*(?:등|의|을|를|에|\.|$))")
_BULLET_SEPARATOR_RE = re.compile(r"△|,")
_ITEM = r"[가-힣A-Za-z0-9()‧·]"
_COMMA = r"(?:(?<!\d),|(?<=\d),(?!\d))\s*"  # not the thousands separator of 1,234,567 (one way to match only)
# "인프라, 데이터, 언어모델 등", "쌀밥과 김치볶음밥, 된장국 등" (the first item joined by 와/과/및, at least two
# characters: not the 결 of 결과), or three words or more between commas without 등 ("김포, 파주시, 강화도 상공").
_COMMA_LIST_RE = re.compile(
    rf"(?<!{_ITEM})(?:(?P<joined>{_ITEM}{{2,}}?)(?:와|과|\s+및)\s+)?(?P<listed>{_ITEM}+(?:{_COMMA}{_ITEM}+)+)(?=\s*등)"
    rf"|(?<!{_ITEM})(?P<bare>{_ITEM}+(?:{_COMMA}{_ITEM}+){{2,}})(?!{_ITEM})"
)
_COMMA_SEPARATOR_RE = re.compile(_COMMA)
# A particle left on the last item of a list without 등 ("…, 대구에서"): only endings no place or name ends in.
_TRAILING_PARTICLE_RE = re.compile(r"(?<=[가-힣A-Za-z0-9)])(에서|에게|으로|까지|부터|에는|에서는|으로는|뿐만|뿐)$")


# "통신, 미디어, 커머스 분야뿐만 아니라 최근에는 ESG, AI까지": the list goes on past 뿐(만) 아니라 (a classifier noun
# before it, an adverbial after it), its further items closed by 까지 or 마저 (not 도: "속도 면에서도" ends in it).
_GOES_ON_RE = re.compile(
    rf"\s*(?:{_ITEM}+)?뿐(?:만)?\s*(?:아니라|아니고)\s*(?:[가-힣]+(?:에는|에도|에서는|에서도)\s+)?"
    rf"(?P<more>{_ITEM}+(?:{_COMMA}{_ITEM}+)+|{_ITEM}+)(?:까지|마저)(?!{_ITEM})"
)


def _going_on(sentence: str, end: int) -> list[str]:
    """The items a list ending at ``end`` goes on with past 뿐만 아니라 ("…커머스 분야뿐만 아니라 최근에는 ESG, AI까지")."""
    more = _GOES_ON_RE.match(sentence, end)
    return _COMMA_SEPARATOR_RE.split(more.group("more")) if more else []


def enumerations(sentence: str) -> list[tuple[int, int]]:
    """Lists the sentence spells out: each as one span, for questions asking for several items."""
    spans = [m.span() for m in _BULLETED_RE.finditer(sentence)] + [m.span() for m in _COMMA_LIST_RE.finditer(sentence)]
    return sorted(set(spans))


_EXAMPLES_GAP_WORDS = 4  # "△텍스트 △음성 △이미지 등 다양한 형태의 AI 학습용 데이터": words between 등 and the noun
_CLAUSE_END_RE = re.compile(r"(?:고|며|서|다|면|지만)$")
# A particle closing the noun phrase the examples are of (not 의, which goes on to the head: "형태의 … 데이터").
_PHRASE_END_RE = re.compile(r"(?:이|가|을|를|은|는|에|에서|으로|로|와|과|도)$")


def examples_of(sentence: str, noun: str) -> list[str]:
    """The items of a list closed by 등 that gives examples of ``noun`` as the head of the same noun phrase: "어떤
    데이터?" is answered by 텍스트, 음성, 이미지 in "△텍스트 △음성 △이미지 등 다양한 형태의 AI 학습용 데이터를"; nothing
    when the noun is not the phrase's particle-marked head ("…등 ICT 혁신 기업의" for 혁신, "등 대기업이 만든 제품" for
    제품)."""
    for start, end in enumerations(sentence):
        after = re.match(r"\s*등(?:의)?\s+", sentence[end:])
        if after is None:
            continue
        for word in sentence[end + after.end() :].split()[: _EXAMPLES_GAP_WORDS + 1]:
            # the noun with a particle after it, at the end of its word (a one-syllable noun only as a word of its own)
            if re.fullmatch(rf"\S*?{re.escape(noun)}[가-힣]{{1,2}}", word) and (word.startswith(noun) or len(noun) > 1):
                return enumerated_items(sentence[start:end] + " 등")
            if _CLAUSE_END_RE.search(word) or _PHRASE_END_RE.search(word) or "," in word:
                break
    return []


def enumeration_of(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the list closed by 등 that has ``sentence[start:end]`` as one whole item starts and ends: in "구글,
    유튜브, 넷플릭스 등 글로벌 빅테크" the span of 넷플릭스 is one of three examples, and the three answer together."""
    closing = re.search(r"\s*등$", sentence[start:end])
    if closing is not None:
        end = start + closing.start()  # "신세계 등": the last item with the word closing the list
    for m in _COMMA_LIST_RE.finditer(sentence):
        if m.group("listed") is None:
            continue  # three words between commas without 등: a place written in full, or a list not closed
        first = m.start("joined") if m.group("joined") else m.start("listed")
        if not first <= start < end <= m.end("listed"):
            continue
        bounds = [(m.start("listed") + i.start(), m.start("listed") + i.end())
                  for i in re.finditer(rf"{_ITEM}+", m.group("listed"))]  # an item has no space in it
        if m.group("joined"):
            bounds.append(m.span("joined"))
        if (start, end) in bounds:
            return first, m.end("listed")
    return None


def enumerated_items(sentence: str) -> list[str]:
    """The items of every list the sentence spells out, in reading order, without their bullets or the 와/과 that
    joins the first: "△AI △ESG" → AI, ESG; "쌀밥과 김치볶음밥, 된장국 등" → 쌀밥, 김치볶음밥, 된장국."""
    found: list[tuple[int, list[str]]] = []
    for m in _BULLETED_RE.finditer(sentence):
        found.append((m.start(), _BULLET_SEPARATOR_RE.split(m.group()) + _going_on(sentence, m.end())))
    for m in _COMMA_LIST_RE.finditer(sentence):
        listed = _COMMA_SEPARATOR_RE.split(m.group("listed") or m.group("bare"))
        end = m.end()
        if m.group("bare"):
            last = _TRAILING_PARTICLE_RE.sub("", listed[-1])
            end -= len(listed[-1]) - len(last)  # "감뿐 아니라 …": the list may go on from before 뿐
            listed[-1] = last
        found.append((m.start(), ([m.group("joined")] if m.group("joined") else []) + listed
                      + _going_on(sentence, end)))
    return [item.strip() for _, items in sorted(found, key=lambda f: f[0]) for item in items if item.strip()]
