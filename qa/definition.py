"""Definitions: "e풀필먼트가 뭐야?", "After Disease 뜻" ask what a named thing is, not for a phrase inside the sentence.

News defines a term in three ways: a gloss in parentheses right after it ("e풀필먼트(… ‘물류 일괄 대행 서비스’)",
"After Disease(질병 이후)"), the term in parentheses after the words it abbreviates ("환경‧사회‧지배구조(ESG)"), or a
sentence about it closing on a copula or a defining verb ("팬데믹 극복 AI는 … 안내하는 솔루션이다", "X는 Y를 말한다").
This module finds the asked term in the question and its definition in a sentence.
"""

from __future__ import annotations

import re

from qa import lexicon
from qa.korean import KoreanAnalyzer, Morpheme

_NOMINAL = ("NNG", "NNP", "SL", "SH", "SN", "XSN", "XPN")
_WHAT = frozenset({"뭐", "무엇", "뭣"})
_QUOTES = "‘’'\"“”"
_QUOTED_TAIL_RE = re.compile(r"[‘'“\"]([^‘’'“”\"]{1,40})[’'”\"]\s*$")
_TOPIC_FORMS = frozenset({"은", "는", "이란", "란", "이라는", "라는"})
_FOCUS_NOUNS = (lexicon.FOCUS_DATE | lexicon.FOCUS_PERSON | lexicon.FOCUS_PLACE | lexicon.FOCUS_ORG
                | lexicon.FOCUS_NUMBER | lexicon.CATEGORY_NOUNS)


def defined_term(text: str, morphemes: list[Morpheme]) -> str | None:
    """The term a question asks to define: "팬데믹 극복 AI가 뭐야?" → "팬데믹 극복 AI"; "After Disease 뜻" → "After
    Disease"; "e풀필먼트란?" → "e풀필먼트". None when the question asks anything else ("협의체 이름이 뭐야?" asks a name,
    "네이버가 인수한 회사가 뭐야?" a company)."""
    ms = _without_request([m for m in morphemes if not m.tag.startswith("SF")])
    while ms and ms[0].tag in ("IC", "MM"):  # "그 e풀필먼트라는 게": a demonstrative before the term
        ms = ms[1:]
    run = 0
    while run < len(ms) and ms[run].tag.split("-")[0] in _NOMINAL:
        run += 1
    if run == 0:
        return None
    term, rest = ms[:run], ms[run:]
    if term[-1].form in lexicon.MEANING_NOUNS and run > 1:  # "After Disease 뜻"
        term, tail = term[:-1], [term[-1], *rest]
    elif len(rest) > 1 and rest[0].tag == "JKG" and rest[1].form in lexicon.MEANING_NOUNS:  # "AD의 의미는?"
        tail = rest[1:]
    else:
        tail = []
    if tail:
        if not _closes(tail[1:]):
            return None
    elif not _asks_what(rest):
        return None
    last = term[-1].form
    if last in lexicon.NAME_NOUNS or last in _FOCUS_NOUNS or last in lexicon.MEANING_NOUNS:
        return None  # "서비스 이름이 뭐야?", "시기가 뭐야?": a name or an attribute asked, not a definition
    return text[term[0].start : term[-1].end]


def described_kind(morphemes: list[Morpheme]) -> str | None:
    """The kind of thing a question describes and asks the name of: 솔루션 of "…안내하는 솔루션은 이름이 뭐야?" or
    "…안내하는 솔루션을 뭐라고 불러?", answered by the term a sentence defines as one ("팬데믹 극복 AI는 … 솔루션이다").
    The kind must follow a clause describing it: "협의체 이름이 뭐야?" asks a name ending on 협의체."""
    ms = [m for m in morphemes if not m.tag.startswith("SF")]
    for at, m in enumerate(ms):
        if m.tag == "NNG" and m.form in lexicon.NAME_NOUNS and _closes(ms[at + 1 :]):
            kind = at - 1  # "솔루션 이름이 뭐야?"
        elif m.tag == "NP" and m.form in _WHAT and _names_it(ms[at + 1 :]):
            kind = at - 1  # "솔루션을 뭐라고 불러?"
        else:
            continue
        if kind >= 0 and ms[kind].tag in ("JX", "JKG", "JKO") and ms[kind].form in ("은", "는", "의", "을", "를"):
            kind -= 1  # "솔루션은 이름이", "솔루션의 이름은", "솔루션을 뭐라고"
        if kind < 1 or ms[kind].tag not in ("NNG", "NNP", "SL"):
            return None
        run = kind
        while run > 0 and ms[run - 1].tag in ("NNG", "NNP", "SL"):
            run -= 1  # "안내하는 AI 솔루션": the kind is the run's last noun
        return ms[kind].form if run >= 1 and ms[run - 1].tag == "ETM" else None
    return None


def _names_it(rest: list[Morpheme]) -> bool:
    """"(뭐)라고 불러?", "(뭐)라고 해?": the copula's quoting ending, then a naming verb or 하다 closing the question."""
    tags = [(m.form, m.tag.split("-")[0]) for m in rest]
    if len(tags) < 3 or tags[0][1] != "VCP" or tags[1] != ("라고", "EC"):
        return False
    verb = tags[2]
    return verb[1] == "VV" and (verb[0] in lexicon.NAMING_STEMS or verb[0] == "하") and _closes_tags(tags[3:])


def named_by(kind: str, sentence: str, analyzer: KoreanAnalyzer) -> tuple[int, int] | None:
    """Where ``sentence`` names a thing of ``kind`` it defines, as offsets: the term it opens on when it closes saying
    what the term is and the term or its definition ends on the kind ("팬데믹 극복 AI는 … 안내하는 솔루션이다" for 솔루션
    or for AI)."""
    morphemes = analyzer.morphemes(sentence)
    lead = 0
    while lead < len(morphemes) and morphemes[lead].tag.startswith("SS"):
        lead += 1
    run = lead
    while run < len(morphemes) and morphemes[run].tag.split("-")[0] in _NOMINAL:
        run += 1
    if run == lead:
        return None
    start, end = morphemes[lead].start, morphemes[run - 1].end
    first = sentence[start:end].split()[0]
    if sentence[start:end] == kind or first in lexicon.DEMONSTRATIVES or first in lexicon.DEICTIC_TIME:
        return None  # "솔루션은 …", "해당 서비스는 …", "이번 협의체는 …": no name
    said = _predicate(sentence, start, end, analyzer)
    if said is None or not (sentence[start:end].endswith(kind) or sentence[said[0] : said[1]].endswith(kind)):
        return None
    return start, end


def _without_request(ms: list[Morpheme]) -> list[Morpheme]:
    """The question without a closing request to explain: "NFT 뜻 (알려줘)", "뭔지 (설명해 주세요)"."""
    helper = next((i for i in range(len(ms) - 1, 0, -1) if (ms[i].form, ms[i].tag) == ("주", "VX")), None)
    if helper is None or helper < 2 or ms[helper - 1].tag != "EC":
        return ms
    verb = helper - 2
    if ms[verb].tag == "XSV" and verb > 0:
        verb -= 1  # "설명해": the noun before 하
    return ms[:verb] if ms[verb].form in lexicon.EXPLAIN_REQUESTS else ms


def _asks_what(rest: list[Morpheme]) -> bool:
    """After the term: a topic or subject particle (or 이라는 게, 이란) and 뭐/무엇, or 이란/란 alone ("e풀필먼트란?")."""
    tags = [(m.form, m.tag) for m in rest]
    if tags and tags[0][1] == "VCP" and len(tags) >= 2 and tags[1][0] in ("란", "라는", "ᆫ") and tags[1][1] == "ETM":
        tags = tags[2:]  # "…이라는", "…란"
        if not tags:
            return True  # "e풀필먼트란?"
        if tags[0] == ("것", "NNB") or tags[0] == ("거", "NNB"):
            tags = tags[1:]  # "…라는 게"
    if tags and tags[0][1] == "JX" and tags[0][0] in ("이란", "란"):  # "탄소중립이란?", "CBDC란 무엇인가요?"
        tags = tags[1:]
        if not tags:
            return True
    elif tags and tags[0][1] in ("JKS", "JX") and tags[0][0] in ("이", "가", "은", "는", "ᆫ"):
        tags = tags[1:]
    while tags and tags[0][1] == "MAG" and tags[0][0] in lexicon.INTENSIFIERS:
        tags = tags[1:]  # "풀필먼트가 정확히 뭐야?"
    if len(tags) > 1 and tags[0] == ("무슨", "MM") and tags[1][0] in lexicon.MEANING_NOUNS:
        return _closes(rest[len(rest) - len(tags) + 2 :])  # "…는 무슨 뜻이야?"
    return bool(tags) and tags[0][0] in _WHAT and tags[0][1] == "NP" and (
        _closes_tags(tags[1:]) or _does(tags[1:]))


def _does(tags: list[tuple[str, str]]) -> bool:
    """After 뭐: "하는 거야?", "해 주는 건데?", "해?" ask what the thing does, which is what it is said to be
    (not "뭐 했어?", what someone did)."""
    if tags and tags[0][1] == "JKO":
        tags = tags[1:]  # 뭘 = 뭐 + ㄹ
    if not tags or tags[0] != ("하", "VV"):
        return False
    tags = tags[1:]
    if len(tags) >= 2 and tags[0][1] == "EC" and tags[1] == ("주", "VX"):
        tags = tags[2:]  # 해 주다
    if tags and tags[0] == ("시", "EP"):
        tags = tags[1:]  # the honorific 시 ("뭐 하시는 거예요?") still asks what it does
    if len(tags) >= 2 and tags[0] == ("는", "ETM") and tags[1][0] in ("거", "것") and tags[1][1] == "NNB":
        tags = tags[2:]  # 하는 거야 (not 한 거야, 할 거야: an event)
    return _closes_tags(tags) and not any(t == "EP" for _, t in tags)  # "뭐 했어?", "뭐 하겠어?": an event


def _closes(rest: list[Morpheme]) -> bool:
    """Nothing but a particle, 뭐/무엇 and the copula with its ending after the meaning noun ("뜻은 뭐야?")."""
    tags = [(m.form, m.tag) for m in rest]
    if tags and tags[0][1] in ("JKS", "JX"):
        tags = tags[1:]
    if tags and tags[0][0] in _WHAT and tags[0][1] == "NP":
        tags = tags[1:]
    return _closes_tags(tags)


def _closes_tags(tags: list[tuple[str, str]]) -> bool:
    """Only the copula, endings and the polite 요 ("무엇인가요")."""
    return all(t == "VCP" or t.startswith("E") or (f, t) == ("요", "JX") for f, t in tags)


def definition(term: str, sentence: str, analyzer: KoreanAnalyzer) -> tuple[int, int] | None:
    """Where ``sentence`` says what ``term`` is, as offsets: its gloss in parentheses, the word it abbreviates
    ("환경‧사회‧지배구조(ESG)"), or the predicate of a sentence about it closing on a copula or a defining verb; None
    when it does not define it."""
    pattern = r"\s?".join(re.escape(ch) for ch in term.replace(" ", ""))
    for match in re.finditer(pattern, sentence, flags=re.IGNORECASE):
        found = _gloss(sentence, match.end()) or _expanded(sentence, match) \
            or _predicate(sentence, match.start(), match.end(), analyzer)
        if found:
            return found
    words = term.split()
    if len(words) > 1:
        # "쿠팡 장점이 뭐야?" against "쿠팡의 최대 장점은 …라는 점이다": the owner's (의) attribute, words between
        loose = re.match(rf"{re.escape(words[0])}(?:의)?\s+(?:\S+\s+){{0,{_BETWEEN_WORDS}}}?{re.escape(words[-1])}",
                         sentence, flags=re.IGNORECASE)
        if loose:
            return _predicate(sentence, loose.start(), loose.end(), analyzer)
    return None


_BETWEEN_WORDS = 2  # words a sentence may put between an owner and its attribute ("쿠팡의 최대 장점")


def _expanded(sentence: str, match: re.Match) -> tuple[int, int] | None:
    """"환경‧사회‧지배구조(ESG)" for "ESG가 뭐야?": the term alone in parentheses glued to the word it abbreviates."""
    if match.start() == 0 or sentence[match.start() - 1] != "(" or sentence[match.end() : match.end() + 1] != ")":
        return None
    end = match.start() - 1
    start = end
    while start > 0 and not sentence[start - 1].isspace() and sentence[start - 1] not in _QUOTES + "△▲·,(":
        start -= 1
    return (start, end) if end > start and re.search(r"[가-힣]", sentence[start:end]) else None


def _gloss(sentence: str, end: int) -> tuple[int, int] | None:
    """"e풀필먼트(… ‘물류 일괄 대행 서비스’)": the gloss, or the quoted name it ends on; not "(이하 SKT)", "(사진)",
    "(대표 …)", nor a gloss without Hangul (a spelling in Latin letters or hanja)."""
    at = end
    while at < len(sentence) and sentence[at] in _QUOTES:
        at += 1
    close = sentence.find(")", at)
    if at >= len(sentence) or sentence[at] != "(" or close < 0:
        return None
    start = at + 1
    inner = sentence[start:close]
    words = inner.split()
    if not re.search(r"[가-힣]", inner) or not words or words[0] in lexicon.NOT_GLOSSES \
            or words[0] in lexicon.PERSON_TITLES:
        return None
    quoted = _QUOTED_TAIL_RE.search(inner)
    if quoted:
        return start + quoted.start(1), start + quoted.end(1)
    lead = len(inner) - len(inner.lstrip())
    return start + lead, start + len(inner.rstrip())


def _predicate(sentence: str, term_start: int, term_end: int, analyzer: KoreanAnalyzer) -> tuple[int, int] | None:
    """"팬데믹 극복 AI는 … 솔루션이다.": the sentence opens on the term as its topic and closes on a copula (the noun
    phrase before it) or on a defining verb ("…를 말한다": its object)."""
    if sentence[:term_start].strip(_QUOTES + " "):
        return None
    morphemes = analyzer.morphemes(sentence)
    opened_at = term_end
    if sentence[opened_at : opened_at + 1] == "(" and sentence.find(")", opened_at) > 0:
        opened_at = sentence.find(")", opened_at) + 1  # "공매도(空賣渡)는 …": the term's spelling in parentheses
    after = [m for m in morphemes if m.start >= opened_at]
    while after and after[0].tag.startswith("SS"):
        after = after[1:]
    topic = after[0] if after else None
    if topic is None or topic.form not in _TOPIC_FORMS and not (topic.tag == "VCP" and len(after) > 1
                                                               and after[1].form in _TOPIC_FORMS - {"은", "는"}):
        return None
    opened = next((m.end for m in after if m.form in _TOPIC_FORMS), None)
    closing = [m for m in morphemes if not m.tag.startswith("S")]
    if opened is None or len(closing) < 3 or not closing[-1].tag.startswith("EF"):
        return None
    start = opened
    while start < len(sentence) and sentence[start] == " ":
        start += 1
    if closing[-2].tag == "VCP":  # "…솔루션이다"; not "…할 전망이다", "…초기 단계다"
        if closing[-3].form in lexicon.NOT_DEFINING_HEADS or closing[-3].form in lexicon.PLAN_NOUNS:
            return None
        end = closing[-3].end
    else:  # "…를 말한다", "…를 의미한다"
        verb = closing[-2].form if closing[-2].tag.startswith("VV") else closing[-3].form + closing[-2].form
        first = len(closing) - (2 if closing[-2].tag.startswith("VV") else 3)
        if verb not in lexicon.DEFINING_VERBS or first < 2 or closing[first - 1].tag != "JKO":
            return None
        end = closing[first - 2].end
    return (start, end) if end > start else None
