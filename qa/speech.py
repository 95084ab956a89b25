"""What someone said: "여민수 대표는 뭐라고 했어?" is answered by the words the article quotes, not by a name in them.

News gives speech in double quotes (“…”), often two quotations joined by 며 before "고 말했다"; single quotes hold
names (‘우티’), which the span reader proposes as candidates, and double quotes sometimes a term ("“게임 체인저”라는").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from qa import aliases, lexicon
from qa.korean import NAME_TAGS, Morpheme, marks_topic
from qa.subject import run_start

_QUOTATION_RE = re.compile(r"[“\"]([^“”\"\n]+)[”\"]")
_SPEECH_WORDS = 3  # a quotation this long is speech; a shorter one only when it ends as a sentence does
_SENTENCE_ENDINGS = ("다", "요", "까", "죠", "네", "자", "라")


def quotation(sentence: str, words: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """The offsets of the quotation the sentence gives, without its quotes; None when it quotes no one. A term in
    quotes ("“게임 체인저”라는 평가", "“멜론”") is no speech. Of two quotations, the one holding more of the question's
    ``words`` ("기술로 뭘 하겠다고 했어?" against “…의미 깊다”며 “ICT 기술로 … 노력하겠다”), else the first."""
    said = [m for m in _QUOTATION_RE.finditer(sentence) if _is_speech(m.group(1).strip())]
    if not said:
        return None
    best = max(said, key=lambda m: (sum(w in m.group(1) for w in words), -m.start()))
    return best.start(1), best.end(1)


def _is_speech(said: str) -> bool:
    return len(said.split()) >= _SPEECH_WORDS or (len(said.split()) > 1 and said.endswith(_SENTENCE_ENDINGS))


class Speaker(NamedTuple):
    """Whoever a question asks the words of: their names (lower-cased) and the titles it gives them ("SKT 대표")."""

    names: frozenset[str]
    titles: frozenset[str]


def speaker(question: str, morphemes: list[Morpheme]) -> Speaker | None:
    """The names and title in the phrase a question marks as topic or subject last before its saying cue ("SKT
    대표는 … 뭐라고 했어?" → skt, 대표; not 네이버 of "네이버가 고른 속내는 뭐라고 분석돼?", whose topic is 속내). None when it
    asks what something is called ("X는 무엇이라고 불렸나?"), names no one ("대표는 뭐라고 했어?") or no person by a title
    ("헤이그는 그들을 무엇이라고 묘사했나?": writing that says "그는 …" would not name him again)."""
    cue = min((question.find(c) for c in lexicon.SAYING_CUES if c in question), default=-1)
    if cue < 0 or any(m.form in lexicon.NAMING_STEMS for m in morphemes if m.start >= cue):
        return None
    topics = [i for i, m in enumerate(morphemes) if 0 < i and m.start < cue and marks_topic(m)]
    if not topics:
        return None
    run = morphemes[run_start(morphemes, topics[-1]) : topics[-1]]
    names = frozenset(n.form.lower() for n in run if n.tag in NAME_TAGS and len(n.form) > 1)
    titles = frozenset(n.form for n in run if n.form in lexicon.PERSON_TITLES)
    return Speaker(names, titles) if names and titles else None


def names_speaker(sentence: str, morphemes: list[Morpheme], who: Speaker, document: str) -> bool:
    """Whether the sentence gives words to the speaker: one of their names (or the other name the article pairs with
    one, "SK텔레콤(이하 SKT)") and, when the question gave a title, a title ending like it ("공동대표" for 대표), before
    the quotation it opens or, quoting no one, before its verb of saying ("SKT는 …하겠다고 밝혔다"). A sentence that
    only mentions the name says nothing of what they said; a company's statement is not its 대표's words."""
    found = quotation(sentence)
    if found:
        end = found[0]
    else:
        verb = next((m for i, m in enumerate(morphemes) if (m.tag == "VV" and m.form in lexicon.SPEECH_VERBS) or (
            m.form in lexicon.SPEECH_NOUNS and i + 1 < len(morphemes) and morphemes[i + 1].tag == "XSV")), None)
        if verb is None:
            return False
        end = verb.start
    said_by = sentence[:end].lower()
    named = any(name in said_by for name in aliases.same_words(who.names, document.lower()))
    return named and (not who.titles or any(title.lower() in said_by for title in who.titles))
