"""What someone said: "여민수 대표는 뭐라고 했어?" is answered by the words the article quotes, not by a name in them.

News gives speech in double quotes (“…”), often two quotations joined by 며 before "고 말했다"; single quotes hold
names (‘우티’), which the span reader proposes as candidates, and double quotes sometimes a term ("“게임 체인저”라는").
"""

from __future__ import annotations

import re

_QUOTATION_RE = re.compile(r"[“\"]([^“”\"\n]+)[”\"]")
_SPEECH_WORDS = 3  # a quotation this long is speech; a shorter one only when it ends as a sentence does
_SENTENCE_ENDINGS = ("다", "요", "까", "죠", "네", "자", "라")


def quotation(sentence: str) -> tuple[int, int] | None:
    """The offsets of the first quotation the sentence gives, without its quotes; None when it quotes no one. A term
    in quotes ("“게임 체인저”라는 평가", "“멜론”") is no speech."""
    for match in _QUOTATION_RE.finditer(sentence):
        said = match.group(1).strip()
        if len(said.split()) >= _SPEECH_WORDS or (len(said.split()) > 1 and said.endswith(_SENTENCE_ENDINGS)):
            return match.start(1), match.end(1)
    return None
