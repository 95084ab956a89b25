"""Composing the Korean answer: short answer first, then the cited evidence, or a plain refusal.

Templates only (no language model): every word of an answer other than the template's own comes from the cited
sentences, and every citation's offsets slice its evidence exactly out of the cleaned article.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from qa import lexicon
from qa.amounts import RANK_UNITS, Amount, read_amount
from qa.chunking import header_lines
from qa.cleaning import korean_day
from qa.contract import CITE_MARKER, Answer, Citation, Passage
from qa.dates import resolve
from qa.korean import KoreanAnalyzer, Morpheme, clause_numbers, predicate_term
from qa.phrases import quoted_names
from qa.question import AnswerType, Question
from qa.schema import Document, Hit, Span

ABSTAIN_TEXT = "기사에서 이 질문에 대한 답을 찾지 못했습니다. 아래 문단은 관련은 있지만 답을 담고 있지 않습니다."
NO_PASSAGE_TEXT = "기사에서 이 질문과 관련된 내용을 찾지 못했습니다."
PLANNED_TEXT = ("기사에서는 확인되지 않습니다: 기사가 쓰인 시점에는 계획이나 검토 단계로만 나옵니다. "
                "아래 문단을 참고하세요.")
SPECULATED_TEXT = ("기사에서는 확인되지 않습니다: 기사에는 가능성이나 관측으로만 나옵니다. 아래 문단을 참고하세요.")
CALLED_OFF_TEXT = ("기사에서는 확인되지 않습니다: 기사에는 그 일이 무산되거나 이뤄지지 않은 것으로 나옵니다. "
                   "아래 문단을 참고하세요.")
# "확정이야?" asked of what is only planned or talked of: not settled, so no, with the sentence saying why.
NOT_SETTLED_PLANNED = "아니요, 기사에는 계획이나 검토 단계로만 나옵니다:"
NOT_SETTLED_SPECULATED = "아니요, 기사에는 가능성이나 관측으로만 나옵니다:"
_TALK_PARTICLES = frozenset({"이", "가", "도", "은", "는", "만"})  # "가능성도 제기된다", "관측이 나온다"
CALLED_OFF_REACH = 4  # morphemes between the event and the word saying it fell through ("인수 협상이 결렬됐다")


HELP_LATEST = 3  # newest articles a help answer names


def help_answer(question: str, documents: list[Document]) -> Answer:
    """What the bot covers and how to ask, taken from the index: the answer to "안녕?" or "뭘 할 수 있어?"."""
    outlets = sorted({d.outlet for d in documents if d.outlet})
    named_outlets = ", ".join(outlets[:HELP_LATEST]) + (" 등" if len(outlets) > HELP_LATEST else "")
    covered = f"색인된 기사 {len(documents)}건" + (f"({named_outlets})" if outlets else "")
    latest = sorted(documents, key=lambda d: d.published or "", reverse=True)[:HELP_LATEST]
    listing = f" 최근 기사: {'; '.join(_describe(d) for d in latest)}." if latest else " 아직 색인된 기사가 없습니다."
    text = (
        f"안녕하세요. {covered}에 대해 한국어로 물어보면, 기사 속 문장을 근거로 짧게 답하고 출처를 [1]처럼 표시합니다. "
        f"기사에 없는 내용은 찾지 못했다고 답합니다.{listing} 기사에 나온 사람, 날짜, 숫자, 이유를 물어보세요 "
        "(예: \"…은 언제 발표했어?\", \"…의 규모는 얼마야?\", \"…기사는 누가 썼어?\")."
    )
    return Answer(question=question, answerable=False, answer=text, short_answer=None, citations=[], passages=[])


def _describe(doc: Document) -> str:
    """〈title〉(outlet · date), as the help answer lists an article."""
    meta = [x for x in (doc.outlet, korean_day(doc.published)) if x]
    return f"〈{doc.title}〉" + (f"({' · '.join(meta)})" if meta else "")


def passage(hit: Hit) -> Passage:
    return Passage(doc_id=hit.chunk.doc_id, chunk_id=hit.chunk.chunk_id, title=hit.document.title,
                   text=hit.chunk.text, start=hit.chunk.start, end=hit.chunk.end, score=round(hit.score, 6))


def citation(ref: int, hit: Hit, span: Span) -> Citation:
    doc = hit.document
    return Citation(ref=ref, doc_id=doc.doc_id, title=doc.title, outlet=doc.outlet, published=doc.published,
                    chunk_id=hit.chunk.chunk_id, evidence=doc.text[span.start : span.end], start=span.start,
                    end=span.end, score=round(hit.score, 6))


FOREIGN_TEXT = ("한국어 질문에 답합니다: 다른 언어의 질문에는 아직 답하지 못하니 한국어로 물어봐 주세요 "
                "(questions are answered in Korean only). 아래 문단이 관련 있어 보입니다.")


def foreign_refusal(question: str, hits: list[Hit]) -> Answer:
    """A question in another language: refused plainly, with the passages the multilingual search found for it."""
    return Answer(question=question, answerable=False, answer=FOREIGN_TEXT, short_answer=None, citations=[],
                  passages=[passage(h) for h in hits])


def refusal(question: str, hits: list[Hit]) -> Answer:
    """The articles do not answer: say so, and show the closest passages as related reading, not support."""
    return Answer(question=question, answerable=False, answer=ABSTAIN_TEXT if hits else NO_PASSAGE_TEXT,
                  short_answer=None, citations=[], passages=[passage(h) for h in hits])


_PREDICATES = ("VV", "VA", "XSV", "XSA")
NEGATION_REACH = 4  # morphemes after a predicate in which 않다, 못하다, 없다 negate it ("막지는 않았다")


def _negated_at(morphemes: list[Morpheme], at: int) -> bool:
    """Whether the predicate at ``at`` is negated: 안/못 before it, or a negating morpheme just after it; a
    predicate modifying a noun is negated with that noun's own predicate ("가진 물류센터는 없다")."""
    before = morphemes[at - 1] if at else None
    if before is not None and (before.form, before.tag) in lexicon.NEGATION_MORPHEMES:
        return True
    if any((m.form, m.tag.split("-")[0]) in lexicon.NEGATION_MORPHEMES
           for m in morphemes[at + 1 : at + 1 + NEGATION_REACH]):
        return True
    after = next((i for i in range(at + 1, len(morphemes)) if not morphemes[i].tag.startswith(("XS", "EP"))), None)
    if after is not None and morphemes[after].tag == "ETM":
        head = next((i for i in range(after + 1, len(morphemes))
                     if morphemes[i].tag.split("-")[0] in (*_PREDICATES, "VCN")), None)
        if head is not None:
            return (morphemes[head].form, morphemes[head].tag.split("-")[0]) in lexicon.NEGATION_MORPHEMES \
                or _negated_at(morphemes, head)
    return False


def _main_predicate(morphemes: list[Morpheme]) -> int | None:
    """The last content predicate: what a yes/no question asks about ("…입항을 막았나?" → 막다), or the one of the
    clause it frames ("지장이 없을 거라고 보나요?" asks whether there is 지장, not whether one thinks so)."""
    found = [i for i, m in enumerate(morphemes) if m.tag.split("-")[0] in _PREDICATES]
    if len(found) > 1 and _frames_a_clause(morphemes, found[-1]):
        return found[-2]
    return found[-1] if found else None


def _frames_a_clause(morphemes: list[Morpheme], at: int) -> bool:
    """Whether the predicate at ``at`` takes a quoted or "것으로" clause: "…없다고 봐?", "…없을 것으로 보이나?",
    "…없을 걸로 봐?" (걸로 is 거 + ᆯ로)."""
    j = at - 2 if morphemes[at].tag.startswith("XS") else at - 1  # "예상하다": before the noun 예상
    if j < 0:
        return False
    m = morphemes[j]
    if m.tag == "EC" and m.form in lexicon.QUOTATIVE_ENDINGS:
        return True
    if morphemes[at].form in lexicon.CONFIRMING_STEMS:  # "…없는 거 맞아?", "…한 게 맞지?": the clause is asked
        k = j - 1 if m.tag == "JKS" else j
        return k > 0 and morphemes[k].form in ("거", "것", "게") and morphemes[k - 1].tag == "ETM"
    if m.tag != "JKB" or m.form not in ("으로", "로", "ᆯ로") or j == 0:
        return False
    noun = morphemes[j - 1].form  # Kiwi reads 걸로 as 거 + ᆯ로 or as 걸 + 로 ("…없을 걸로", not "그걸로")
    return noun in ("것", "거") or (noun == "걸" and j > 1 and morphemes[j - 2].tag == "ETM")


def _asks_to_confirm(morphemes: list[Morpheme], at: int) -> bool:
    """Whether the question ends in "-지 않-" ("교환한 적 있지 않음?", "합병하지 않았어?"): Korean's way to ask
    for confirmation of the positive, not whether the negation holds (that is "안 했어?" or "없어?")."""
    rest = [m for m in morphemes[at + 1 :] if not m.tag.startswith("S")]
    return len(rest) >= 3 and (rest[0].form, rest[0].tag) == ("지", "EC") and rest[1].form == "않" \
        and all(m.tag.startswith("E") for m in rest[2:]) and rest[-1].form not in lexicon.REPORTED_ENDINGS


def _predicates_of(morphemes: list[Morpheme], stem: str) -> list[int]:
    """Where the evidence uses the asked predicate: every predicate with the question's stem."""
    asked = predicate_term(stem)  # "이뤄졌어?" asks about the evidence's "이루어졌다"
    return [i for i, m in enumerate(morphemes)
            if m.tag.split("-")[0] in _PREDICATES and predicate_term(_stem(morphemes, i)) == asked]


def _stem(morphemes: list[Morpheme], at: int) -> str:
    """A predicate's stem, with the noun of a 하다/되다 verb (사면하다 → 사면)."""
    m = morphemes[at]
    return morphemes[at - 1].form if m.tag.startswith("XS") and at else m.form


_PAST = ("었", "았", "였", "ᆻ")


def _done(morphemes: list[Morpheme], at: int, modifier: bool = False) -> bool:
    """Whether the predicate at ``at`` is said to have happened: a past ending ("출시됐어?", "정해졌어?", "출시하셨어요?",
    "출시되지 않았어?") or a past modifier of 것 ("확정된 거야?"), with ``modifier`` of any noun for a verb ("10조원을
    돌파한 삼성전자", "인수가 확정된 가운데")."""
    rest = [m for m in morphemes[at + 1 :] if not m.tag.startswith(("XS", "S", "VX"))
            and not (m.tag == "EC" and m.form in ("어", "아", "여", "지")) and not (m.tag == "EP" and m.form in ("시", "으시"))]
    if not rest:
        return False
    first = rest[0]
    if first.tag == "EP" and any(p in first.form for p in _PAST):
        return True
    if first.tag != "ETM" or first.form not in ("ᆫ", "은"):
        return False
    verb = morphemes[at].tag.split("-")[0] in ("VV", "XSV")
    return (len(rest) > 1 and rest[1].form in ("거", "것")) or (modifier and verb)


def _plans(morphemes: list[Morpheme], at: int) -> bool:
    """Whether the plan noun at ``at`` frames an event as planned: "공개를 목표로", "지을 계획이다", "검토 중", not
    "목표를 달성했다" or "계획대로 출시했다"."""
    nxt = morphemes[at + 1] if at + 1 < len(morphemes) else None
    return nxt is not None and ((nxt.form, nxt.tag) in lexicon.PLAN_FRAMES or nxt.tag == "XSV")  # 검토하고, 추진된


def only_planned(question: str, evidence: str, analyzer: KoreanAnalyzer, asks_whether: bool = True) -> bool:
    """Whether a question asks if, when or where something happened while the evidence gives it only as a plan or
    as under review ("실제로 공개됐어?", "언제 공개됐어?" against "올해 공개를 목표로 개발 중이다"): the article cannot
    say it did. A question asking when, where or what (``asks_whether`` false) presumes the event, so the evidence
    must name the asked event itself as planned ("공개를 목표로"; not "창업 지원을 목표로 지난해 설립됐다" asked "언제
    출범했어?"), and a question naming a plan asks about the plan ("공개 목표 시점은 언제였어?")."""
    return _unsaid(question, evidence, analyzer, asks_whether, _plan_at, named_is_asked=not asks_whether)
    # (named_is_asked: "계획대로 완공됐어?" still asks whether it was)


def only_speculated(question: str, evidence: str, analyzer: KoreanAnalyzer, asks_whether: bool = True) -> bool:
    """Whether a question asks if, when or where something happened while the evidence gives it only as talk
    ("공식 발표한 거야?" against "3자 협업 가능성도 제기된다", "합병설이 돈다"); a question naming the talk asks about it
    ("어떤 가능성이 제기됐어?")."""
    return _unsaid(question, evidence, analyzer, asks_whether, _talk_at, named_is_asked=True)


def _plan_at(morphemes: list[Morpheme], at: int, framing: bool = True) -> bool:
    """A plan noun at ``at`` (that frames an event as planned, with ``framing``)."""
    is_plan = morphemes[at].tag == "NNG" and _noun(morphemes, at) in lexicon.PLAN_NOUNS
    return is_plan and (not framing or _plans(morphemes, at))


def _talk_at(morphemes: list[Morpheme], at: int, framing: bool = True) -> bool:
    """A noun of talk at ``at`` ("가능성", "관측", "합병설") that, with ``framing``, is said to exist or to be raised:
    "가능성도 제기된다", "관측이 나온다", "…할 것이라는 관측이다", a headline's "…결성 가능성?"; not "예상대로",
    "의혹을 받는", "설 연휴"."""
    m = morphemes[at]
    glued_rumour = m.tag == "NNB" and m.form == "설" and at > 0 and morphemes[at - 1].tag == "NNG" \
        and morphemes[at - 1].end == m.start  # 합병 + 설
    if not (m.tag == "NNG" and _noun(morphemes, at) in lexicon.SPECULATION_NOUNS or glued_rumour):
        return False
    if not framing:
        return True
    j = at + 1
    while j < len(morphemes) and morphemes[j].tag == "XSN":
        j += 1
    if j < len(morphemes) and morphemes[j].tag == "VCP":
        return True
    if all(m.tag.startswith("S") for m in morphemes[j:]):
        return True  # a headline closing on it: "네이버, CJ-신세계와 삼자동맹 결성 가능성?"
    if j + 1 >= len(morphemes) or morphemes[j].tag not in ("JKS", "JX") or morphemes[j].form not in _TALK_PARTICLES:
        return False
    said = morphemes[j + 1]
    return said.form in lexicon.TALK_PREDICATES and said.tag in ("VV", "VA", "NNG")


def _unsaid(question: str, evidence: str, analyzer: KoreanAnalyzer, asks_whether: bool,
            mark_at: Callable[..., bool], named_is_asked: bool) -> bool:
    """Whether the evidence gives the event the question asks about as done only under a noun that ``mark_at``
    finds framing it (a plan, talk) in the clause about what the question names, and nowhere as having happened.
    ``named_is_asked``: a question naming such a noun asks about the plan or the talk itself."""
    q, e = analyzer.morphemes(question), analyzer.morphemes(evidence)
    settled = _settled_at(q)
    if settled is not None:  # "완공 확정이야?": whether the 완공 is settled
        at = _event_before(q, settled)
        if at is None:
            return False
    else:
        at = _main_predicate(q)
        if at is None or not _done(q, at) or _decides(q, at):
            return False
    named = {i for i in range(len(q)) if mark_at(q, i, framing=False)}
    if named_is_asked and named:
        return False  # "공개 목표 시점은 언제였어?": the plan is what is asked
    stem = _stem(q, at)
    said_at = _predicates_of(e, stem)
    if settled is not None:  # "인수가 확정된 가운데": the evidence says it is settled
        said_at += _predicates_of(e, q[settled].form)
    if not asks_whether and not said_at and not any(m.form == stem and m.tag == "NNG" for m in e):
        return False  # the evidence names another event: "…목표로 지난해 설립됐다" asked "언제 출범했어?"
    # The clause about what the question names: in "협의체를 구성, … AI를 공개할 계획이다" only the AI is planned, in
    # "한국 공장을 지었고, 미국 공장도 지을 계획이다" the 미국 공장 is.
    asked = {m.form for i, m in enumerate(q) if m.tag.startswith(("NN", "SL")) and m.tag != "NNB" and i not in named}
    clause = clause_numbers(e)
    found = Counter(clause[i] for i, m in enumerate(e) if m.form in asked)
    if not found:
        return False
    about, _ = found.most_common(1)[0]
    if any(clause[i] == about and _done(e, i, modifier=True) for i in said_at):
        return False  # the evidence says it happened ("올해 완공됐다", "10조원을 돌파한 삼성전자")
    return any(clause[i] == about and mark_at(e, i) for i in range(len(e)))


def _settled_at(morphemes: list[Morpheme]) -> int | None:
    """Where a question asks whether something is settled: its word of certainty as a copula or 하다 predicate
    ("확정이야?", "확실해?") or as its main verb ("결정됐어?", "확정된 거야?")."""
    at = _asks_settled(morphemes)
    if at is not None:
        return at
    last = [i for i, m in enumerate(morphemes) if m.tag.split("-")[0] in _PREDICATES][-1:]
    # "…굴리는 걸로 확정된 거야?": a word of certainty taking a 걸로 clause is still what is asked (not "언제 공개하는
    # 걸로 결정됐어?", which presumes the decision and asks its content)
    asks_whether = not any(m.form in lexicon.INTERROGATIVES for m in morphemes)
    main = last[0] if asks_whether and last and _stem(morphemes, last[0]) in lexicon.SETTLED_WORDS \
        else _main_predicate(morphemes)
    if main is None or _stem(morphemes, main) not in lexicon.SETTLED_WORDS:
        return None
    return main - 1 if morphemes[main].tag.startswith("XS") else main


def _event_before(morphemes: list[Morpheme], at: int) -> int | None:
    """The event whose settling is asked: the content word before the word of certainty ("완공 확정이야?" → 완공,
    "셋이 같이 하는 건 확정이야?" → 하다), past its particles, bound nouns, endings and adverbs."""
    for i in range(at - 1, -1, -1):
        tag = morphemes[i].tag.split("-")[0]
        if morphemes[i].form in ("걸", "거", "것") and tag in ("NNG", "NNB"):
            continue  # "…굴리는 걸로 확정": Kiwi may read this 걸 as a noun
        if tag in ("NNG", "NNP", "SL", "VV", "VA", "XR"):
            return i
        if not (tag in ("NNB", "MAG", "VX", "VCP") or tag.startswith(("J", "E", "S", "XS"))):
            return None
    return None


def _asks_settled(morphemes: list[Morpheme]) -> int | None:
    """Where a question ends asking whether something is settled ("셋이 같이 하는 건 확정이야?", "사실이야?",
    "확실해?"): a word of certainty made its predicate, which asks whether it happened as a past verb would."""
    content = [i for i, m in enumerate(morphemes) if m.tag.split("-")[0] in ("NNG", "NNP", "XR", *_PREDICATES)]
    if not content:
        return None
    at = content[-1]
    if morphemes[at].tag.startswith("XS"):
        at -= 1  # 확실 + 하다
    nxt = morphemes[at + 1] if at + 1 < len(morphemes) else None
    settled = morphemes[at].form in lexicon.SETTLED_WORDS and morphemes[at].tag.startswith(("NNG", "XR"))
    return at if settled and nxt is not None and nxt.tag.split("-")[0] in ("VCP", "XSA") else None


def _noun(morphemes: list[Morpheme], at: int) -> str:
    """The noun at ``at`` with its noun suffix: Kiwi reads 가능성 as 가능 + 성."""
    nxt = morphemes[at + 1] if at + 1 < len(morphemes) else None
    glued = nxt is not None and nxt.tag == "XSN" and nxt.start == morphemes[at].end
    return morphemes[at].form + nxt.form if glued else morphemes[at].form


def called_off(question: str, evidence: str, analyzer: KoreanAnalyzer) -> bool:
    """Whether a question presumes an event happened ("결국 어느 회사가 인수했어?") that the evidence says fell through
    ("…공동인수는 결렬됐으나"): any name it gives is of a failed attempt. A question asking about the failure or the
    attempt ("인수가 무산된 회사는?", "인수하려 했던 회사는?") is answered as asked."""
    q, e = analyzer.morphemes(question), analyzer.morphemes(evidence)
    at = _main_predicate(q)
    if at is None or not (_done(q, at) or _did(q, at)) or any(m.form in lexicon.CALLED_OFF_NOUNS for m in q):
        return False
    stem = _stem(q, at)
    if stem in lexicon.ATTEMPT_NOUNS or stem in lexicon.PLAN_NOUNS:
        return False  # "협상한 회사는?": a negotiation that broke down still took place
    said = [i for i, m in enumerate(e) if m.tag.split("-")[0] in _PREDICATES and (_done(e, i) or _did(e, i))]
    if any(_stem(e, i) == stem or _stem(e, i) in lexicon.SUCCESS_STEMS for i in said):
        return False  # it happened after all, or someone else's succeeded: "…결렬 이후 성정이 인수에 성공했다"
    # Said in past and unnegated: not "무산될 수도", "무산되지 않았다", "철회하라는 요구".
    return any(_done(e, i) and not _negated_at(e, i) for i in _outcomes_of(e, stem, lexicon.CALLED_OFF_NOUNS))


def _did(morphemes: list[Morpheme], at: int) -> bool:
    """A verb in a past relative clause: "인수한 회사", "출시된 서비스" (of an adjective, "큰 회사", it is present)."""
    rest = [m for m in morphemes[at + 1 :] if not m.tag.startswith("XS")]
    return morphemes[at].tag in ("VV", "XSV") and bool(rest) and rest[0].tag == "ETM" and rest[0].form in ("ᆫ", "은")


def _decides(morphemes: list[Morpheme], at: int) -> bool:
    """"공유하기로 했어?": whether they agreed to, which a plan answers (not "…맡기로 정해졌어?", whether it is settled)."""
    return at >= 2 and morphemes[at].form == "하" and morphemes[at - 1].form in ("로", "으로") \
        and morphemes[at - 2].tag == "ETN"


def asks_settled(question: str, analyzer: KoreanAnalyzer) -> bool:
    """Whether a yes/no question asks if something is settled ("확정이야?", "결정된 거야?", "사실이야?"), which a plan
    or talk answers no, rather than whether it happened, which they leave open."""
    return _settled_at(analyzer.morphemes(question)) is not None


def not_settled(question: str, hit: Hit, span: Span, hits: list[Hit], lead: str) -> Answer:
    """"아니요": what the question asks to be settled the cited sentence gives only as planned or talked of."""
    cited = citation(1, hit, span)
    return Answer(question=question, answerable=True, answer=f"{lead} {cited.evidence} [1]", short_answer=None,
                  citations=[cited], passages=[passage(h) for h in hits])


def unconfirmed(question: str, hits: list[Hit], why: str = PLANNED_TEXT) -> Answer:
    """A question whether or when something happened that the articles give only as planned (or as fallen
    through): no yes, no no, no name."""
    return Answer(question=question, answerable=False, answer=why, short_answer=None, citations=[],
                  passages=[passage(h) for h in hits])


def agrees(question: str, evidence: str, analyzer: KoreanAnalyzer) -> bool:
    """Whether the evidence says yes to the question: its predicate is negated exactly when the question's is.

    The question's main predicate is looked for in the evidence; when the evidence words it differently, the
    whole sentence's negation decides.
    """
    q, e = analyzer.morphemes(question), analyzer.morphemes(evidence)
    at = _main_predicate(q)
    q_negated = _negated_at(q, at) and not _asks_to_confirm(q, at) if at is not None else False
    if _alone_against_together(q, e, evidence, analyzer):
        return q_negated  # "혼자 하는 거야?" against "…과 함께": no ("혼자 하는 거 아니지?": yes)
    if at is not None and _asks_if_ever(q, at):
        inner = _main_predicate(q[: at - 1]) if at > 1 else None  # what happened or not: "협력한 적"
        event = _stem(q, inner) if inner is not None else None
        # Only when the evidence does not say it with the asked verb: "2019년에도 협력했으며, 공동 투자는 이번이 처음이다".
        before = _done_before(e) if event and not _predicates_of(e, event) else None
        if before is not None:
            never = (q[at].form == "없") != q_negated  # "협력한 적 없어?" asks whether it never happened
            return never != before  # "협력한 적 있어?" against "이번이 처음이 아니다": yes
    if at is not None:
        places = _predicates_of(e, _stem(q, at))
        if places:
            return q_negated == _negated_at(e, places[-1])
        said = _says_outcome(q, at, e)
        if said is not None:
            return q_negated != said
    e_negated = sum((m.form, m.tag.split("-")[0]) in lexicon.NEGATION_MORPHEMES for m in e) % 2 == 1
    return q_negated == e_negated


def _alone_against_together(q: list[Morpheme], e: list[Morpheme], evidence: str, analyzer: KoreanAnalyzer) -> bool:
    """Whether a question asks if a named one does something alone (혼자, 홀로, 단독으로, 독자적으로) and the evidence's
    clause naming it says it does so with others (함께, 합작, 연합, 손잡고): "패스는 SKT 혼자 운영해?" against "…, SKT는
    국내 이통사들과 함께 서비스 중인 ‘패스’" (not "이와 함께", "in addition"; not a question saying "혼자가 아니라")."""
    alone = any(m.form in lexicon.ALONE_WORDS and (m.form in ("혼자", "홀로") or i + 1 < len(q)
                                                  and q[i + 1].form in ("으로", "적")) for i, m in enumerate(q))
    rather = any(m.tag == "VCN" and i + 1 < len(q) and q[i + 1].form == "라" for i, m in enumerate(q))  # 아니라
    quoted = {name.lower() for name in quoted_names(evidence, analyzer)}  # ‘패스’: a name Kiwi reads as a common noun
    names = {m.form.lower() for m in q if m.tag in ("NNP", "SL") or m.form.lower() in quoted}
    if not alone or rather or not names:
        return False
    clause = clause_numbers(e)
    named = {clause[i] for i, m in enumerate(e) if m.form.lower() in names}
    together = [i for i, m in enumerate(e) if (m.form in lexicon.TOGETHER_WORDS or m.form == "손"
                and i + 2 < len(e) and e[i + 2].form == "잡") and not (i >= 2 and e[i - 2].form == "이"
                and e[i - 1].form == "와")]
    return any(clause[i] in named for i in together)


def _says_outcome(q: list[Morpheme], at: int, e: list[Morpheme]) -> bool | None:
    """For a question whether an event fell through or came about ("합병은 무산됐나요?", "성사됐나요?"), whether the
    evidence says the asked outcome, in any of its words ("결렬됐으나"; "성사됐지만" says it did not fall through);
    None when it says neither of the event named before the asked outcome."""
    stem = _stem(q, at)
    asked = next((kind for kind in (lexicon.CALLED_OFF_NOUNS, lexicon.SUCCESS_STEMS) if stem in kind), None)
    event = next((m.form for m in reversed(q[: at - 1]) if m.tag == "NNG"), None) if asked and at > 1 else None
    if event is None:
        return None
    other = lexicon.SUCCESS_STEMS if asked is lexicon.CALLED_OFF_NOUNS else lexicon.CALLED_OFF_NOUNS
    same, opposite = _outcomes_of(e, event, asked), _outcomes_of(e, event, other)
    if same:
        return not _negated_at(e, same[-1])
    return _negated_at(e, opposite[-1]) if opposite else None


def _asks_if_ever(morphemes: list[Morpheme], at: int) -> bool:
    """"…한 적(이) 있어?" / "…한 적 없어?": whether it ever happened."""
    m = morphemes[at]
    previous = [x for x in morphemes[max(at - 2, 0) : at] if x.tag not in ("JKS", "JX")]  # 적이, 적도, 적은
    return m.form in ("있", "없") and bool(previous) and previous[-1].form == "적" and previous[-1].tag == "NNB"


def _done_before(morphemes: list[Morpheme]) -> bool | None:
    """"(두 회사의 협업은) 이번이 처음이 아니다" → True (it happened before), "처음이다" → False, otherwise None."""
    for i, m in enumerate(morphemes[:-1]):
        if m.form != lexicon.FIRST_TIME or m.tag != "NNG":
            continue
        nxt = [x for x in morphemes[i + 1 : i + 3] if x.tag.split("-")[0] in ("VCP", "VCN")]
        if nxt:
            return nxt[0].tag.split("-")[0] == "VCN"
    return None


def _outcomes_of(morphemes: list[Morpheme], event: str, outcomes: frozenset[str]) -> list[int]:
    """Predicates of an outcome (failure or success nouns) of the event named ``event``, in any tense, negated or
    not: its noun, then within a few words of the same clause such a noun made a predicate ("공동인수는 결렬됐으나",
    "인수에 실패했다"; not the 철회 of another clause, nor "무산된 합병", where the failure comes first)."""
    clause = clause_numbers(morphemes)
    return [j + 1 for j, m in enumerate(morphemes[:-1])
            if m.tag == "NNG" and m.form in outcomes and morphemes[j + 1].tag.startswith("XSV")
            and any(morphemes[i].tag == "NNG" and morphemes[i].form == event and clause[i] == clause[j]
                    for i in range(max(j - CALLED_OFF_REACH, 0), j))]


def answer(
    question: Question,
    evidence: list[tuple[Hit, Span]],
    short: str | None,
    hits: list[Hit],
    analyzer: KoreanAnalyzer,
    said: bool = False,
) -> Answer:
    """A cited answer: ``evidence`` are the cited sentences in order, ``short`` the answer span(s) if any (with
    ``said``, words someone said, shown in quotes)."""
    citations = [citation(i + 1, hit, span) for i, (hit, span) in enumerate(evidence)]
    quoted = " ".join(f"{c.evidence} [{c.ref}]" for c in citations)
    if question.type == AnswerType.YESNO:
        yes = agrees(question.text, citations[0].evidence, analyzer)
        text = f"{'네' if yes else '아니요'}, 기사에 따르면 {quoted}"
    elif short:
        text = f"“{short}”입니다. {quoted}" if said else f"{short}입니다. {quoted}"
    else:
        text = quoted
    return Answer(question=question.text, answerable=True, answer=text, short_answer=short, citations=citations,
                  passages=[passage(h) for h in hits])


_CONTENT_RE = re.compile(rf"(?:{'|'.join(lexicon.CONTENT_ASKING)})\s*내용|{'|'.join(lexicon.CONTENT_WORDS)}")


def metadata_answer(question: Question, hits: list[Hit], lead: tuple[Hit, Span] | None = None) -> Answer:
    """Who wrote it, which outlet, when, what title: read from the header lines of the best-matching article. What
    it is about ("무슨 내용이야?") is its title and ``lead``, its first sentence, cited too."""
    doc: Document = hits[0].document
    lines = header_lines(doc)
    clock = any(cue in question.text for cue in lexicon.CLOCK_CUES)  # "몇 시에 나왔어?": the time of day too
    value = doc.title if question.type == AnswerType.TITLE else _field(doc, question.type, clock)
    line = lines[0] if question.type == AnswerType.TITLE else (lines[1] if len(lines) > 1 else None)
    if not value or line is None:
        return refusal(question.text, hits)
    header_hit = next((h for h in hits if h.document.doc_id == doc.doc_id and h.chunk.start < doc.body_start), hits[0])
    templates = {
        AnswerType.AUTHOR: f"「{doc.title}」 기사는 {value}가 썼습니다. [1]",
        AnswerType.OUTLET: f"「{doc.title}」 기사는 {value} 기사입니다. [1]",
        AnswerType.PUBLISHED: f"「{doc.title}」 기사는 {value}에 나왔습니다. [1]",
        AnswerType.TITLE: f"기사 제목은 「{value}」입니다. [1]",
    }
    short, time = value, _time_of_day(doc)
    if question.type == AnswerType.PUBLISHED and clock and time \
            and not any(cue in question.text for cue in lexicon.DAY_CUES):
        short = time  # "몇 시에 나왔어?" is answered by the time of day; the sentence gives the day too
    cited = [citation(1, header_hit, line)]
    answer = templates[question.type]
    if question.type == AnswerType.TITLE and lead is not None and _CONTENT_RE.search(question.text):
        cited.append(citation(2, *lead))
        answer = f"「{value}」 기사입니다. [1] {cited[1].evidence} [2]"
    return Answer(question=question.text, answerable=True, answer=answer, short_answer=short,
                  citations=cited, passages=[passage(h) for h in hits])


PART_UNANSWERED = "기사에서 찾지 못했습니다."


def parts_answer(question: str, parts: list[tuple[str, Answer]]) -> Answer:
    """One answer from several, a line each: the part's label, then its own answer with the citations renumbered
    in order; a part the articles do not answer says so. Refused only when every part is."""
    citations: list[Citation] = []
    passages: dict[str, Passage] = {}
    lines, shorts = [], []
    for label, part in parts:
        for p in part.passages:
            passages.setdefault(p.chunk_id, p)
        if not part.answerable:
            lines.append(f"{label}: {PART_UNANSWERED}")
            continue
        offset = len(citations)
        citations += [c.model_copy(update={"ref": c.ref + offset}) for c in part.citations]
        lines.append(f"{label}: " + CITE_MARKER.sub(lambda m: f"[{int(m.group(1)) + offset}]", part.answer))
        shorts.append(f"{label}: {part.short_answer}" if part.short_answer else None)
    if not citations:
        return Answer(question=question, answerable=False, answer=ABSTAIN_TEXT, short_answer=None, citations=[],
                      passages=list(passages.values()))
    short = " · ".join(shorts) if all(shorts) else None  # type: ignore[arg-type]
    answered = [part.short_answer for _, part in parts if part.answerable]
    if len(answered) > 1 and all(answered) and len({a.replace(",", "").replace(" ", "") for a in answered}) == 1:
        short = answered[0]  # every part says the same: one short answer, each part still cited
        labels = ", ".join(label for label, part in parts if part.answerable)
        lines.insert(0, f"{short}입니다 ({labels} 모두).")
    return Answer(question=question, answerable=True, answer="\n".join(lines), short_answer=short,
                  citations=citations, passages=list(passages.values()))


def compared_answer(question: str, parts: list[tuple[str, Answer]], direction: str, claimed: bool = False) -> Answer:
    """Each part's amount, led by which is larger (``direction`` "more") or smaller, when both parts answered with
    amounts in the same unit; otherwise the parts alone, so nothing is compared that the articles do not state.
    ``claimed``: the question asked whether the first part is the larger (smaller) one, so the verdict says yes or no."""
    combined = parts_answer(question, parts)
    amounts = _comparable_amounts(parts)
    if not combined.answerable or amounts is None:
        return combined
    (first, first_part), (second, second_part) = parts
    a, b = (x.value for x in amounts)
    if a == b and any(_QUALIFIED_RE.search(part.short_answer or "") for _, part in parts):
        return combined  # "80% 이상" against 80%: not known to be the same, nor which is larger
    holds = a != b and (a > b) == (direction == "more")  # the first part is the larger (smaller) one
    if a == b:
        verdict, short = f"둘은 같습니다 ({_figures(first, first_part, second, second_part)}).", None
    else:
        (winner, won), (loser, lost) = ((first, first_part), (second, second_part)) if holds else \
            ((second, second_part), (first, first_part))
        size = "큽니다" if direction == "more" else "작습니다"
        figures = _figures(winner, won, loser, lost)
        verdict, short = f"{winner} 쪽이 더 {size} ({figures}).", f"{winner} ({figures})"
    if claimed:
        verdict = f"{'네' if holds else '아니요'}, {verdict}"
    return combined.model_copy(update={"answer": f"{verdict}\n{combined.answer}", "short_answer": short})


def difference_answer(question: str, parts: list[tuple[str, Answer]]) -> Answer | None:
    """How far apart the two parts' amounts are, each cited, when both are exact amounts in one unit; None
    otherwise ("80% 이상" minus 34.14% is no one figure; "실험군과 대조군의 차이" is no difference of amounts)."""
    amounts = _comparable_amounts(parts)
    if amounts is None or any(_QUALIFIED_RE.search(part.short_answer or "") for _, part in parts):
        return None
    (first, first_part), (second, second_part) = parts
    digits = max(_decimals(part.short_answer or "") for _, part in parts)
    gap = _amount_text(round(abs(amounts[0].value - amounts[1].value), digits), amounts[0].unit)
    combined = parts_answer(question, parts)
    figures = _figures(first, first_part, second, second_part)
    return combined.model_copy(update={"answer": f"차이는 {gap}입니다 ({figures}).\n{combined.answer}",
                                       "short_answer": f"{gap} ({figures})"})


def _figures(first: str, first_part: Answer, second: str, second_part: Answer) -> str:
    """Each side's value with its name, so the reader sees which is which: "지니 23.1% 대 플로 16.23%"."""
    return f"{first} {first_part.short_answer} 대 {second} {second_part.short_answer}"


def _comparable_amounts(parts: list[tuple[str, Answer]]) -> tuple[Amount, Amount] | None:
    """Both parts' amounts when there are two, both answered with amounts in one unit (not ranks)."""
    if len(parts) != 2 or not all(part.answerable for _, part in parts):
        return None
    first, second = (read_amount(part.short_answer) for _, part in parts)
    if first is None or second is None or first.unit != second.unit or first.unit in RANK_UNITS:
        return None
    return first, second


# "80% 이상", "3천여명", "약 300명", "1000명가량": an amount that is not exact.
_QUALIFIED_RE = re.compile(rf"(?:^|\s)(?:{'|'.join(lexicon.AMOUNT_QUALIFIERS)})(?=\s|$)"
                           rf"|\d[천만억조]?(?:{'|'.join(q for q in lexicon.AMOUNT_QUALIFIERS if len(q) <= 2)})")


def _decimals(text: str) -> int:
    return max((len(m) for m in re.findall(r"\d\.(\d+)", text)), default=0)


def _amount_text(value: float, unit: str) -> str:
    """17.91 and "%" → "17.91%p" (a difference of percentages is in points); 3e11 and "원" → "3,000억원" (a large
    unit only where it is exact: 765,433원 stays as it is)."""
    for size, word in ((1e12, "조"), (1e8, "억"), (1e4, "만")):
        if value >= size and unit not in ("%", "") and float(value / size).is_integer():
            return f"{value / size:,.0f}{word}{unit}"
    return f"{value:,.{_decimals(f'{value:g}')}f}{'%p' if unit == '%' else unit}"


def ordered_answer(question: str, parts: list[tuple[str, Answer]], direction: str,
                   published: Callable[[str], str | None]) -> Answer:
    """Each part's date, led by which came first (``direction`` "earlier") or last, when both dates can be placed
    on the calendar and tell (each read against its own article's date, ``published(doc_id)``: "지난해 10월" of a
    2021 article is 2020); otherwise the parts alone."""
    combined = parts_answer(question, parts)
    dates = [resolve(part.short_answer, published(part.citations[0].doc_id))
             if part.answerable and part.short_answer and part.citations else None for _, part in parts]
    if not combined.answerable or len(parts) != 2 or None in dates:
        return combined
    first_before = dates[0].before(dates[1])  # type: ignore[union-attr]
    if first_before is None:
        return combined
    (winner, won), (loser, lost) = parts if first_before == (direction == "earlier") else parts[::-1]
    when = "먼저입니다" if direction == "earlier" else "나중입니다"
    figures = _figures(winner, won, loser, lost)
    return combined.model_copy(update={"answer": f"{winner} 쪽이 {when} ({figures}).\n{combined.answer}",
                                       "short_answer": f"{winner} ({figures})"})


def articles_answer(
    question: str, headers: list[tuple[str, Hit]], fields: tuple[AnswerType, ...], order: str | None, clock: bool
) -> Answer:
    """Who wrote, which outlet, when, what title, for each article: read from its header lines, each line a value
    came from cited; with ``order`` the dated articles by date and which came first (or last)."""
    if order:
        dated = sorted((h for h in headers if h[1].document.published), key=lambda h: h[1].document.published,
                       reverse=order == "later")
        headers = dated + [h for h in headers if not h[1].document.published]
    citations: list[Citation] = []
    lines, shorts, cited = [], [], []  # cited: (label, dated) of each article that made a line
    for label, hit in headers:
        doc = hit.document
        values = [v for v in (_field(doc, f, clock) for f in fields) if v]
        shown = [v for v in values if v != label] or values  # the label names the outlet unless that is all asked
        spans = header_lines(doc)
        wanted = ([spans[0]] if AnswerType.TITLE in fields else []) + (
            [spans[1]] if len(spans) > 1 and set(fields) - {AnswerType.TITLE} else [])
        if not shown or not wanted:
            continue
        refs = []
        for span in dict.fromkeys(wanted):
            citations.append(citation(len(citations) + 1, hit, span))
            refs.append(f"[{len(citations)}]")
        lines.append(f"{label}: {', '.join(shown)} {''.join(refs)}")
        shorts.append(", ".join(shown) if shown == [label] else f"{label} {', '.join(shown)}")
        cited.append((label, bool(doc.published)))
    if not citations:
        return refusal(question, [hit for _, hit in headers])
    if order and sum(has_date for _, has_date in cited) > 1:
        first = "먼저" if order == "earlier" else "나중에"
        lines.insert(0, f"{cited[0][0]} 기사가 {first} 나왔습니다.")
        shorts[0] = f"{first}: {shorts[0]}"
    return Answer(question=question, answerable=True, answer="\n".join(lines), short_answer=" · ".join(shorts),
                  citations=citations, passages=[passage(hit) for _, hit in headers])


def _field(doc: Document, field: AnswerType, clock: bool) -> str | None:
    if field == AnswerType.AUTHOR:
        return f"{doc.author} 기자" if doc.author else None
    if field == AnswerType.OUTLET:
        return doc.outlet
    if field == AnswerType.PUBLISHED:
        day = korean_day(doc.published)
        return f"{day} {_time_of_day(doc) if clock else ''}".strip() if day else None
    return f"「{doc.title}」"


def _time_of_day(doc: Document) -> str:
    """``13:36`` of an article approved at ``2021-06-30T13:36``; "" when only its day is known."""
    return doc.published.partition("T")[2][:5] if doc.published else ""
