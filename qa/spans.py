"""Typed answer spans inside an evidence sentence: amounts, dates, people, places, organisations, names.

Each finder returns ``(start, end)`` character ranges into the sentence, so a short answer is always the
article's own words, never a rewrite.
"""

from __future__ import annotations

import re

from qa.question import AnswerType

_NUM = r"\d[\d,]*(?:\.\d+)?"
_AMOUNT_RE = re.compile(
    rf"(?:약\s*)?{_NUM}\s*(?:조|억|만|천)?\s*(?:{_NUM}\s*(?:억|만|천))?\s*"
    r"(?:만여명|여명|여 명|원|달러|엔|유로|명|개|곳|건|%|퍼센트|대|배|위|주년|차|분기|개국|가구|표|석|세|톤|km|m)"
    r"(?:\s*(?:이상|이하|미만|초과|가량|안팎))?"
)
_DATE_RE = re.compile(
    r"(?:(?:지난|오는|올해|지난해|내년|작년)\s*)?"
    r"(?:\d{4}년\s*(?:\d{1,2}월\s*(?:\d{1,2}일)?)?|\d{1,2}월\s*\d{1,2}일|\d{1,2}월|\d{1,2}일"
    r"|\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}|(?:올해|지난해|내년)\s*(?:상반기|하반기|초|말)|상반기|하반기|\d분기)"
)
_RELATIVE_DATE_RE = re.compile(r"(?:올해|지난해|내년|작년)(?:부터|까지)?")
_TITLES = r"(?:공동대표|대표이사|대표|회장|부회장|사장|부사장|의장|장관|차관|대통령|총리|위원장|의원|시장|지사|교수|연구원|기자|특파원|CEO|감독|선수)"
_PERSON_RE = re.compile(rf"([가-힣]{{2,4}})\s+(?:[가-힣A-Za-z]+\s+)?{_TITLES}(?=[은는이가을를의와과,\s]|$)")
_QUOTED_RE = re.compile(r"[‘'“\"]([^’'”\"]{1,40})[’'”\"]")
_PLACE_SUFFIX_RE = re.compile(r"[가-힣]{1,6}(?:특별시|광역시|도|시|군|구|읍|면|동)(?=\s|[에의은는이가]|$)")


def _dedupe(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop spans contained in a longer one, keep order of appearance."""
    spans = sorted(set(spans), key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start >= out[-1][0] and end <= out[-1][1]:
            continue
        out.append((start, end))
    return out


def amounts(sentence: str) -> list[tuple[int, int]]:
    return _dedupe([m.span() for m in _AMOUNT_RE.finditer(sentence) if not _is_date(sentence, *m.span())])


def _is_date(sentence: str, start: int, end: int) -> bool:
    return bool(re.fullmatch(r"\d{4}년|\d{1,2}월|\d{1,2}일", sentence[start:end].strip()))


def dates(sentence: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _DATE_RE.finditer(sentence) if m.group(0).strip()]
    spans += [m.span() for m in _RELATIVE_DATE_RE.finditer(sentence)]
    return _dedupe([s for s in spans if sentence[s[0] : s[1]].strip()])


def persons(sentence: str, morphemes: list[tuple[str, str, int, int]]) -> list[tuple[int, int]]:
    """``여민수 카카오 공동대표`` → the name with its title, when Kiwi tags the name as a proper noun."""
    names = {start for form, tag, start, _ in morphemes if tag == "NNP"}
    return _dedupe([m.span() for m in _PERSON_RE.finditer(sentence) if m.start(1) in names])


def quoted(sentence: str) -> list[tuple[int, int]]:
    """Names the article put in quotes: ‘우티’, ‘팬데믹 극복 AI’."""
    return [m.span(1) for m in _QUOTED_RE.finditer(sentence)]


def proper_nouns(sentence: str, morphemes: list[tuple[str, str, int, int]]) -> list[tuple[int, int]]:
    """Runs of adjacent proper nouns (and the Latin/number parts glued to them), from Kiwi's tags."""
    spans: list[tuple[int, int]] = []
    current: list[int] | None = None
    for form, tag, start, end in morphemes:
        if tag in ("NNP", "SL", "SN") or (tag == "NNG" and current):
            if current and start <= current[1] + 1 and tag != "SN":
                current[1] = end
            elif tag == "NNP" or (tag == "SL" and form[:1].isupper()):
                if current:
                    spans.append(tuple(current))
                current = [start, end]
        else:
            if current:
                spans.append(tuple(current))
            current = None
    if current:
        spans.append(tuple(current))
    return _dedupe(spans)


def places(sentence: str, morphemes: list[tuple[str, str, int, int]]) -> list[tuple[int, int]]:
    """Place names: words with place suffixes (``경기도``) and proper nouns followed by ``에/에서``."""
    spans = [m.span() for m in _PLACE_SUFFIX_RE.finditer(sentence)]
    for i, (form, tag, start, end) in enumerate(morphemes[:-1]):
        following = morphemes[i + 1]
        # Kiwi sometimes tags the locative 에 as JKG; the form is what matters.
        if tag == "NNP" and following[1].startswith("JK") and following[0] in ("에", "에서", "으로", "로"):
            spans.append((start, end))
        if tag == "NNP" and i and morphemes[i - 1][1] == "NNP" and morphemes[i - 1][0].endswith("도"):
            spans.append((morphemes[i - 1][2], end))  # 경기도 군포
    return _dedupe(spans)


# "△AI △플랫폼 △미디어" (the bullets of Korean press text) or "인프라, 데이터, 언어모델 등" / "ESG, AI까지".
_BULLETED_RE = re.compile(r"△[^△.]{1,40}?(?:\s*△[^△.]{1,40}?)+(?=\s*(?:등|의|을|를|에|까지|\.|$))")
_COMMA_LIST_RE = re.compile(r"[가-힣A-Za-z0-9()‧·]+(?:,\s*[가-힣A-Za-z0-9()‧·]+)+(?=\s*(?:등|까지))")


def enumerations(sentence: str) -> list[tuple[int, int]]:
    """Lists of items: what "어떤 분야" or "어느 영역" questions ask for."""
    return _dedupe([m.span() for m in _BULLETED_RE.finditer(sentence)] + [m.span() for m in _COMMA_LIST_RE.finditer(sentence)])


_REASON_RE = re.compile(r"(위해|위한|위함|때문|이유|목적|따라|판단|덕분|탓)")


def reasons(sentence: str) -> list[tuple[int, int]]:
    """The clause up to a reason marker: ``쿠팡을 견제하기 위함``."""
    match = _REASON_RE.search(sentence)
    return [(0, match.end())] if match else []


def find(answer_type: AnswerType, sentence: str, morphemes: list[tuple[str, str, int, int]]) -> list[tuple[int, int]]:
    """Candidate answer spans of the asked type, in order of appearance."""
    if answer_type == AnswerType.AMOUNT:
        return amounts(sentence)
    if answer_type == AnswerType.DATE:
        return dates(sentence)
    if answer_type == AnswerType.PERSON:
        return persons(sentence, morphemes)
    if answer_type == AnswerType.PLACE:
        return places(sentence, morphemes)
    if answer_type == AnswerType.ORG:
        return _dedupe(persons(sentence, morphemes) + quoted(sentence) + proper_nouns(sentence, morphemes))
    if answer_type == AnswerType.THING:
        return quoted(sentence)
    if answer_type == AnswerType.REASON:
        return reasons(sentence)
    return []
