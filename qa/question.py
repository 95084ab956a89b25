"""What a Korean question asks for: its answer type, whether it wants several items, and its key terms."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from qa.korean import KoreanAnalyzer


class AnswerType(str, Enum):
    AMOUNT = "amount"  # 얼마, 몇 명, 규모, 점유율
    DATE = "date"  # 언제, 며칠, 몇 년, 시기
    PERSON = "person"  # 대표는 누구야? (a named person)
    ORG = "org"  # 누구랑, 어느 회사 (organisation or person)
    PLACE = "place"  # 어디, 위치
    REASON = "reason"  # 왜, 이유, 까닭
    THING = "thing"  # 무엇, 뭐, 이름
    YESNO = "yesno"  # ...했어? with no question word
    AUTHOR = "author"  # 기사를 쓴 기자 (document metadata)
    OUTLET = "outlet"  # 어느 언론사 기사 (document metadata)
    PUBLISHED = "published"  # 기사가 언제 나왔어 (document metadata)
    TITLE = "title"  # 기사 제목 (document metadata)
    OPEN = "open"  # anything else: answer with the best sentence


METADATA_TYPES = frozenset({AnswerType.AUTHOR, AnswerType.OUTLET, AnswerType.PUBLISHED, AnswerType.TITLE})

# Types whose question names the measured attribute right by its cue word ("투자 규모는 얼마", "출시 시기는 언제").
# Not people: their cue is a role ("대통령은 누구") that many sentences name without naming the asked person.
FOCUSED_TYPES = frozenset({AnswerType.AMOUNT, AnswerType.DATE})

# Checked in order; the first match wins. Metadata rules come first because they also contain 누구/언제/어디.
_RULES: list[tuple[AnswerType, re.Pattern]] = [
    (AnswerType.AUTHOR, re.compile(r"(기자|작성자|글쓴이|필자)(는|가|이름|\s*누구)|누가\s*(썼|작성|쓴)|쓴\s*(사람|기자)|(썼|작성했)(어|나|니|습니까)")),
    (AnswerType.OUTLET, re.compile(r"(언론사|매체|신문사|출처)|어느\s*(언론|신문|매체)|어디\s*기사")),
    (AnswerType.PUBLISHED, re.compile(r"(기사|보도).{0,12}(언제|날짜|며칠)|(언제|며칠).{0,6}(승인|발행|보도|게재|작성|나왔|올라왔)|(작성일|보도일|발행일|승인일)")),
    (AnswerType.TITLE, re.compile(r"제목|헤드라인")),
    (AnswerType.REASON, re.compile(r"왜|이유|까닭|원인|목적")),
    (AnswerType.DATE, re.compile(r"언제|며칠|몇\s*(년|월|일|시)|시기|날짜|연도|몇\s*년도")),
    # A title holder must be a named person; a bare 누구/누가 may be a company too ("누구랑 동맹을 맺었어?").
    (AnswerType.PERSON, re.compile(r"(대표이사|대표|사장|회장|CEO|의장|장관|총리|대통령)\S{0,2}\s*(이름|누구|누가)|어떤\s*사람")),
    (AnswerType.AMOUNT, re.compile(
        r"얼마|몇\s*(명|개|곳|대|건|퍼센트|%|배|위|주년|만|억|천)|규모|금액|비율|점유율|점유률|몇"
        r"|면적|크기|넓이|길이|무게|가격|요금|이용료|매출|영업이익|순이익|수익|가입자|인원|비용|예산|액수"
    )),
    (AnswerType.ORG, re.compile(r"누구|누가|어느\s*(회사|기업|업체|곳)|어떤\s*(회사|기업|업체)|어디(가|랑|와|하고|서|에서)?\s*(운용|만들|개발|추산|출시|인수)|운용사|회사는")),
    (AnswerType.PLACE, re.compile(r"어디|위치|어느\s*(지역|곳|도시|나라)")),
    (AnswerType.THING, re.compile(r"무엇|뭐|무슨|이름|어떤|어떻게|어땠")),
]
_LIST_RE = re.compile(r"각각|모두|전부|다\s*알려|어떤\s*\S+들|\S+들(은|이|을)\s|목록|나열")
_TOPIC_ONLY_RE = re.compile(r"[가-힣A-Za-z0-9)]\s*(은|는)\s*\?*$")
_YESNO_RE = re.compile(r"(있|없|했|됐|하|되|맞|아니|였|었|았)(어|나|니|습니까|을까|지|죠|냐|는지)\s*\??$")

# Words that make a question a question, not part of what it is about.
QUESTION_WORDS = frozenset(
    {"얼마", "누구", "누가", "언제", "어디", "무엇", "뭐", "무슨", "어떤", "어떻다", "어느", "몇", "이름", "왜", "이유",
     "까닭", "하다", "되다", "있다", "이다", "알다", "알려주다", "말하다", "나오다", "기사", "것", "거", "며칠", "짜리",
     "얼마나", "정도", "어땠", "어떻게", "각각", "모두", "건", "뭘로", "뭔가", "내용", "설명", "대해", "관련", "곳", "때", "계획"}
)


_QUESTION_PREFIXES = ("얼마", "몇", "누구", "언제", "어디", "무엇", "어느", "어떤", "어떻")


@dataclass
class Question:
    text: str
    type: AnswerType
    wants_list: bool
    key_terms: list[str] = field(default_factory=list)
    focus_terms: list[str] = field(default_factory=list)  # what is measured or named: "투자 규모는 얼마야" → 투자, 규모
    unknown_nouns: list[str] = field(default_factory=list)  # set by the answerer, which knows the corpus

    @property
    def is_metadata(self) -> bool:
        return self.type in METADATA_TYPES


def _cue(text: str) -> tuple[AnswerType, re.Match | None]:
    for answer_type, pattern in _RULES:
        match = pattern.search(text)
        if match:
            return answer_type, match
    if _YESNO_RE.search(text.strip()):
        return AnswerType.YESNO, None
    if _TOPIC_ONLY_RE.search(text.strip()):  # "출범시킨 서비스는?": what is it
        return AnswerType.THING, None
    return AnswerType.OPEN, None


def classify(text: str) -> tuple[AnswerType, bool]:
    """The answer type and whether several items are wanted (``각각``, ``어떤 회사들``)."""
    return _cue(text)[0], bool(_LIST_RE.search(text))


def focus_window(text: str, cue: re.Match, words_before: int) -> str:
    """The cue's own word and the ``words_before`` words before it ("투자 규모는", "이용자 수는 몇 명")."""
    words = list(re.finditer(r"\S+", text))
    at = next((i for i, w in enumerate(words) if w.end() > cue.start()), len(words) - 1)
    last = next((i for i, w in enumerate(words) if w.end() >= cue.end()), at)
    return text[words[max(at - words_before, 0)].start() : words[last].end()] if words else ""


def _focus(text: str, cue: re.Match, key_terms: list[str], analyzer: KoreanAnalyzer) -> list[str]:
    """Key terms naming the asked attribute, when the cue is one ("투자 규모는 얼마" → 투자, 규모).

    A bare question word says nothing of the kind: the word before "언제" is the subject ("오바마는 언제").
    """
    if cue.group(0).startswith((*_QUESTION_PREFIXES, "며칠")):
        return []
    window = set(analyzer.terms(focus_window(text, cue, words_before=1)))
    focus = [t for t in key_terms if t in window]
    return focus if any(len(t) > 1 for t in focus) else []


def analyse(text: str, analyzer: KoreanAnalyzer) -> Question:
    answer_type, cue = _cue(text)
    key_terms = [
        t for t in dict.fromkeys(analyzer.terms(text))
        if t not in QUESTION_WORDS and not t.startswith(_QUESTION_PREFIXES)  # 얼마짜리, 몇명, 누구랑
    ]
    focus = _focus(text, cue, key_terms, analyzer) if cue and answer_type in FOCUSED_TYPES else []
    return Question(text=text, type=answer_type, wants_list=bool(_LIST_RE.search(text)), key_terms=key_terms,
                    focus_terms=focus)
