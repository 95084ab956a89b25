"""Questions that want several answers, split into parts that are each answered and cited on their own.

"두 기사 각각 누가 썼어?" wants one answer per article, "팬데믹 극복 AI 공개 시점을 두 기사는 각각 뭐라고 했어?" the same
question asked of each article, "네이버랑 카카오는 각각 어디랑 지분 교환했어?" one answer per company, "A 점유율이랑 B 점유율 중에 뭐가 더 높아?"
each amount and then which is larger. The words say which: a phrase naming several articles, a distributive word
(각각, 둘 다) after names joined by 와/랑/하고, or a comparative (더 높아, 더 적어) after two phrases.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from qa import lexicon
from qa.korean import NAME_TAGS, KoreanAnalyzer, Morpheme, Word, has_content, marks_topic
from qa.question import AnswerType, is_interrogative, metadata_types
from qa.schema import Document

_SEVERAL = re.compile(lexicon.SEVERAL_ARTICLES)
_ARTICLE_PHRASE = re.compile(rf"(?:{lexicon.SEVERAL_ARTICLES})\S*(?:\s*중\S*)?")
_DISTRIBUTIVE = re.compile("|".join(re.escape(c) for c in lexicon.DISTRIBUTIVE_CUES if c != "마다"))
_CLAUSE_END = re.compile(r"(이)?(고|며|구)[,?]?$")  # "언제고", "얼마며": a clause ends on its interrogative
_CHOOSE = re.compile(lexicon.CHOICE)
_CONNECTORS = frozenset({"와", "과", "랑", "이랑", "하고"})
_COUNTED = r"(?<![가-힣\d]){}(?![가-힣\d])"  # a count word standing alone: "두 기사", "기사 2건" (not 두 of 모두)
_THAN = "보다"
_LIST_COMMAS = (",", "，")
_SCOPE_PARTICLES = ("에서", "에", "으로", "로")
_NOT_COMPARED = lexicon.COMPARISON_BASELINES | lexicon.TIME_WORDS  # "평균보다", "지난해보다", "상반기보다"
# "…중에 뭐가 더 높아?", "…, 어느 쪽이 더 많아?": the compared phrases before, the adjective after 더.
_AMONG = r"\s+(?:중|가운데)(?:에서|에)?(?=\s)"  # "중" as a word of its own: not the 중 of 대성중공업
_COMPARE = re.compile(rf"^(?P<compared>.+?)(?:(?:{_AMONG}|\s*,)?\s*(?:뭐가|무엇이|어느\s*(?:게|것이|쪽\S*|곳\S*)|어디가|누가)"
                      rf"|{_AMONG})\s*(?P<attribute>.*?)\s*(?:더\s*(?P<adjective>\S+)|(?P<order>{'|'.join(lexicon.ORDER_ADVERBS)}))"
                      r"(?P<rest>.*)$")  # or "…중 직원이 더 많은 곳은?", "…중 뭐가 먼저야?"
_ANOTHER_CLAUSE = re.compile(r"\S(고|며)\s+\S")  # "…더 큰 곳은 어디고 언제 상장했어?": a second question follows
_VALUE_FOCUS = (lexicon.FOCUS_DATE, lexicon.FOCUS_NUMBER, lexicon.FOCUS_PERSON, lexicon.FOCUS_PLACE, lexicon.FOCUS_ORG)
_SPLIT_KINDS = ("person", "time", "place", "amount", "reason")  # interrogatives asking different things ("어디에 언제")
_PAST = frozenset({"었", "았", "였", "ᆻ"})  # the past tense endings: "더 높았어" (not 겠, 시)


@dataclass(frozen=True)
class Part:
    label: str  # what the part is about: an article's outlet or title, or a name
    question: str  # the part's own question
    doc_id: str | None = None  # the one article it is answered from (article parts)
    outlet: str | None = None  # the outlet whose articles it is answered from ("시사위크랑 뷰어스 기사는 각각")
    named: bool = False  # the label is a name the part is asked of ("카카오랑 SKT는 각각"), not a thing asked


@dataclass(frozen=True)
class Plan:
    parts: tuple[Part, ...]
    fields: tuple[AnswerType, ...] = ()  # article fields asked for: answered from each article's header line
    order: str | None = None  # "earlier" or "later": the question asks which article came first or last
    clock: bool = False  # the time of day as well as the date
    # "more" or "less": the question asks which part's amount is larger or smaller; "difference": how far apart
    # they are; "earlier" or "later": which part's date came first or last
    compare: str | None = None
    claimed: bool = False  # "A는 B보다 높아?": a yes/no question claiming the first part is the ``compare`` one


class Decomposer:
    def __init__(self, analyzer: KoreanAnalyzer, max_parts: int) -> None:
        self.analyzer = analyzer
        self.max_parts = max_parts

    @staticmethod
    def names_several_articles(text: str) -> bool:
        """"두 기사", "각 기사", "기사들": the question is about several articles."""
        return _SEVERAL.search(text) is not None

    def plan(self, text: str, articles: Callable[[int], list[Document]],
             outlets: frozenset[str] = frozenset()) -> Plan | None:
        """How to answer ``text`` in parts, or None for one answer. ``articles(n)``: the ``n`` articles (in scope)
        the question is most likely about, best first; ``outlets``: the outlets in scope."""
        several = _SEVERAL.search(text)
        if several:
            return self._per_article(text, several, articles)
        compared = _COMPARE.search(text)
        plan = self._per_compared(compared, outlets) if compared else None
        if plan is not None:
            return plan
        if (than := self._per_than(text)) is not None:
            return than
        if _CHOOSE.search(text):
            return self._within(text)
        if _DISTRIBUTIVE.search(text):  # "시사위크와 뷰어스의 공통점은?" wants one answer
            return self._per_outlet(text, outlets) or self._per_parallel(text) or self._per_name(text)
        return self._within(text)

    def _within(self, text: str) -> Plan | None:
        """The plans of a question about one thing: two interrogatives, or two things asked of one topic."""
        return self._per_interrogative(text) or self._per_attribute(text)

    def _per_attribute(self, text: str) -> Plan | None:
        """"ESG 공동펀드 운용 주체랑 지원 대상 알려줘", "지분교환 연도랑 규모를 뭐라고 했어?": two things (common nouns
        joined by 와/랑/하고) asked of one topic, each asked on its own. Only when nothing but the request follows
        them: "매출과 영업이익이 늘어난 이유는?" asks one thing about both, "카카오랑 SKT" are names, not things asked."""
        words = self.analyzer.words(text)
        joins = [i for i, w in enumerate(words[:-1]) if _joins(w)]
        if len(joins) != 1:
            return None
        at = joins[0]
        tail = len(words)
        while tail > at + 1 and self._asks(words[tail - 1]):
            tail -= 1
        second, last = words[at + 1 : tail], words[tail - 1]
        if second and last.bare in lexicon.DIFFERENCE_NOUNS:  # names may be compared: "지니랑 플로 점유율 차이"
            return self._per_difference(words[: at + 1], second[:-1])
        if not second or not (_ends_on_common_noun(words[at]) and _ends_on_common_noun(last)):
            return None
        if any(m.tag.startswith(("J", "VV", "VA", "VCP", "XSV", "XSA")) for w in second[:-1] for m in w.morphemes):
            return None  # "영업이익이 늘어난 이유", "카카오 인증서랑 경쟁하는 SKT 서비스": 와/랑 belongs to a verb
        if any(m.tag == "JKG" for m in last.morphemes):
            return None  # "…신경과 의사의 이름은?": the second thing owns what is asked
        first = words[at + 1 - len(second) : at + 1] if len(second) <= at + 1 else []
        if not first or (len(first) > 1 and any(m.tag in NAME_TAGS for w in first for m in w.morphemes)):
            # "수입과 지출 총액은?", "삼성전자 매출과 영업이익 증가율은?": the two things need as many words each, and
            # a name among them is the topic: which words the second's head noun is shared by is not said
            return None
        says = any(cue in text for cue in lexicon.SAYING_CUES)
        if not says and any(m.tag.startswith(("VV", "XSV")) and not set(self.analyzer.terms(w.text)) & lexicon.ASKING_TERMS
                            for w in words[tail:] for m in w.morphemes):
            return None  # "CJ대한통운이랑 지분교환 언제 했어?": the two are what was done, not what is asked
        asking = text.rstrip().endswith(("?", "？"))
        if tail == len(words) and not asking:
            return None  # "…운용 주체와 지원 대상" with no request or question mark is a keyword query
        topic = text[: first[0].start]
        particle = next(((m.form, m.tag) for m in last.morphemes if m.tag.startswith("J")), None)
        request = text[last.end :] or ("?" if asking else "")
        if says and any(cue in request for cue in lexicon.SAYING_CUES):
            particle, request = ("은", "JX"), "?"  # "연도랑 규모를 뭐라고 했어?" asks what each is: "…연도는?"
        parts = []
        for conjunct in (first, second):
            named = text[conjunct[0].start : conjunct[-1].start] + conjunct[-1].bare
            word = self.analyzer.join([(conjunct[-1].bare, "NNG"), particle]) if particle else conjunct[-1].bare
            asked = text[conjunct[0].start : conjunct[-1].start] + word
            parts.append(Part(named, re.sub(r"\s+", " ", f"{topic}{asked}{request}").strip()))
        return Plan(tuple(parts))

    def _per_difference(self, before: list[Word], second: list[Word]) -> Plan | None:
        """"멜론이랑 플로 점유율 차이 얼마나 나?": each amount ("멜론 점유율은 얼마야?"), then how far apart; the words
        the second phrase has beyond the first's length are what both measure."""
        if not second or any(m.tag.startswith(("J", "VV", "VA", "XSV", "XSA", "EC")) or is_interrogative(m)
                             for w in second for m in w.morphemes if m.tag != "JKG"):
            return None  # "정부가 …목표로 한 인원 비교하면 얼마나 차이 나?": not two phrases of amounts
        # "이명박과 박근혜의 표 차이": the compared phrase ends on 의, what both measure follows it
        owner = next((i for i, w in enumerate(second) if any(m.tag == "JKG" for m in w.morphemes)), None)
        length = owner + 1 if owner is not None else len(second)
        first = before[max(len(before) - length, 0) :]
        measured = [w.bare for w in second[len(first) :]]
        parts = []
        for phrase in ([w.bare for w in first] + measured, [w.bare for w in second]):
            if len(self.analyzer.terms(" ".join(phrase))) < 2:
                return None  # "카카오랑 네이버 차이": the difference in what?
            topic = self._topic(phrase[-1])
            parts.append(Part(" ".join(phrase), " ".join([*phrase[:-1], topic, "얼마야?"])))
        return Plan(tuple(parts), compare="difference")

    def _topic(self, noun: str) -> str:
        """The noun with the topic particle that fits it: 규모 → 규모는, 시점 → 시점은."""
        return self.analyzer.join([(noun, "NNG"), ("은", "JX")])

    def _asks(self, word: Word) -> bool:
        """Whether a word only asks (뭐야?, 알려줘, 다, 각각): an interrogative, a request or filler."""
        if any(is_interrogative(m) for m in word.morphemes):
            return True
        terms = self.analyzer.terms(word.text)
        return all(t in lexicon.QUESTION_FILLER or t in lexicon.ASKING_TERMS for t in terms) and not any(
            m.tag.startswith(("NNG", "NNP", "SL", "SN")) and m.form not in lexicon.QUESTION_FILLER
            and m.form not in lexicon.ASKING_TERMS for m in word.morphemes)

    def _per_compared(self, match: re.Match, outlets: frozenset[str] = frozenset()) -> Plan | None:
        """"A 점유율이랑 B 점유율 중에 뭐가 더 높아?": how much each is, then which is larger; "A랑 B 중 뭐가 먼저야?"
        (더 이른, 더 늦은): when each was, then which came first. Only for adjectives of size or time as they stand,
        not of a change (높아졌어, 더 많이 늘었어), and two phrases joined by 와/랑/하고; anything else is left to the
        other plans."""
        if match.group("order"):
            direction: str | None = lexicon.ORDER_ADVERBS[match.group("order")]
        else:
            # "어디가 더 높았어?" asks which was larger then: a past state compares as well as a present one
            direction = self._direction(match.string, match.start("adjective"), match.end("adjective"), past=True)
        if direction is None or _ANOTHER_CLAUSE.search(match.group("rest")):
            return None
        in_time = direction in ("earlier", "later")
        ask: str | None = "얼마야?"
        described = self._described(match.group("attribute"))
        if in_time:
            if described:
                return None  # "배송이 더 빠른 곳": a speed, not a date
            ask = self._when(match)
            if ask is None:
                return None
        compared = match.group("compared")
        # Read in the whole question: "CJ대한통운하고" alone reads as the verb 하다, before "신세계 중" as 와
        words = [w for w in self.analyzer.words(match.string) if w.end <= match.end("compared")]
        if any(w.bare in outlets for w in words):
            return None  # "시사위크랑 뷰어스 기사 중 어디가 먼저 나왔어?" asks the articles' order
        joins = [w for w in words[:-1] if _joins(w)]
        if len(joins) != 1:
            # "네이버가 CJ대한통운이랑 신세계랑 지분교환한 거 어느 쪽이 먼저였어?": names joined within one phrase
            named = None if described else self._per_name(compared)
            return Plan(tuple(Part(p.label, f"{p.question} {ask}", named=p.named) for p in named.parts),
                        compare=direction) \
                if named else None
        joined = joins[0]
        # "음원 점유율에서 멜론하고 지니 중 …", "작년 11월 기준으로 멜론이랑 플로 중 …": the words before the first
        # name that set the scope (…에서, …에, …으로) are what is measured, asked of both.
        at = words.index(joined)
        ends = [i for i, w in enumerate(words[:at]) if w.morphemes and w.morphemes[-1].form in _SCOPE_PARTICLES]
        # So is the topic both share, marked right before them ("네이버는 CJ대한통운이랑 신세계 중 …": 네이버 did
        # both; not the subject of a clause describing them, "매출이 늘어난 카카오랑 네이버 중 …").
        topics = [i for i, w in enumerate(words[:at]) if w.morphemes and marks_topic(w.morphemes[-1])
                  and all(m.tag.startswith(("NN", "SL", "SN")) for v in words[i + 1 : at] for m in v.morphemes)]
        shared = topics[-1] if topics and (not ends or topics[-1] > ends[-1]) else None  # the topic's word
        scope = words[: shared + 1] if shared is not None else words[: ends[-1] + 1] if ends else []
        named_from = len(scope)  # the first word of the first name
        while shared is None and scope and named_from < at and _predicate_only(words[named_from]):
            named_from += 1  # "음원 시장으로 보면 멜론이랑 …": the verb closing the scope is no part of the name
        first = compared[(words[named_from - 1].end if named_from else 0) : joined.morphemes[-1].start].strip()
        second = compared[joined.end :].strip()
        # "지니랑 플로 점유율 …": the words the second phrase has beyond the first's length are what both measure.
        extra = second.split()[len(first.split()) :]
        if extra and not described:
            first = " ".join([first, *extra])
        measured = [w.text for w in scope[:-1]] + [w.bare for w in scope[-1:]]
        attribute = measured + [w.bare for w in self.analyzer.words(described)
                                if w.morphemes and w.morphemes[0].tag.startswith("NN")]
        parts = []
        for phrase in (first, second):
            if shared is not None:  # "신세계와 네이버는 언제 지분을 맞바꿨나요?": each name joined to the topic as asked
                words_of = phrase.split()
                joined_name = self.analyzer.join([(words_of[-1], "NNP"), ("과", "JKB")])
                lead = compared[: words[shared].end]
                parts.append(Part(phrase, " ".join([*words_of[:-1], joined_name, lead, *attribute[len(measured) :], ask])))
                continue
            asked = " ".join([phrase, *attribute])
            if len(self.analyzer.terms(asked)) < 2:  # "카카오랑 네이버 중 누가 더 많아?": more of what?
                return None
            topic = self._topic(asked.split()[-1])
            parts.append(Part(phrase, " ".join([*asked.split()[:-1], topic, ask])))
        return Plan(tuple(parts), compare=direction)

    def _described(self, attribute: str) -> str:
        """What a compared thing is said to be, without the words asking which one: "어디와", "어느 쪽과" in
        "…중에 어디와 먼저 지분을 맞바꿨나요?" name the choice, not an attribute of it."""
        words = self.analyzer.words(attribute)
        asking = {i for i, w in enumerate(words) if any(is_interrogative(m) for m in w.morphemes)}
        asking |= {i + 1 for i in asking if i + 1 < len(words) and words[i + 1].bare in lexicon.CHOICE_NOUNS}
        return " ".join(w.text for i, w in enumerate(words) if i not in asking)

    def _per_than(self, text: str) -> Plan | None:
        """"플로는 지니보다 점유율 높아?", "멜론 점유율이 지니보다 더 높아?": a yes/no question claiming one name's amount
        exceeds another's: how much each is, then whether the claim holds. Only a name marked as topic or subject
        before a name with 보다 (not "지난해보다", "평균보다", "50%보다": no second name to ask), an adjective of size
        closing the question, something measured, and no interrogative."""
        words = self.analyzer.words(text)
        than = [i for i, w in enumerate(words) if _compares_to(w)]
        if len(than) != 1 or than[0] == 0 or len(words) < than[0] + 2 \
                or any(is_interrogative(m) for w in words for m in w.morphemes):
            return None
        at, last = than[0], words[-1]
        direction = self._direction(text, last.start, last.end)
        marked = words[at - 1].morphemes[-1] if words[at - 1].morphemes else None
        if direction not in ("more", "less") or marked is None or not marks_topic(marked) \
                or any(w.morphemes and w.morphemes[-1].tag.startswith("J") for w in words[: at - 1]):
            return None  # "음원 시장에서 …": a scope or a second topic is more than this reads
        first = [w.bare if i == at - 1 else w.text for i, w in enumerate(words[:at])]
        second = [words[at].text[: -len(_THAN)]]
        between = [w for w in words[at + 1 : -1] if w.text != "더"]
        if any(not _ends_on_common_noun(w) and not all(m.tag.startswith("NN") for m in w.morphemes)
               for w in between):
            return None  # "지니보다 많이 쓰는 …": a verb between is not an attribute
        attribute = [w.bare.rstrip(",") for w in between]
        if not attribute and len(first) > 1 and _ends_on_common_noun(words[at - 1]):
            # "카카오 T 점유율이 우티보다 높아?": the common noun closing the first phrase is what is measured
            attribute, first = first[-1:], first[:-1]
        if not attribute:
            return None  # "카카오가 SKT보다 커?": bigger in what?
        parts = []
        for phrase in (first, second):
            asked = [*phrase, *attribute]
            parts.append(Part(" ".join(asked), " ".join([*asked[:-1], self._topic(asked[-1]), "얼마야?"])))
        return Plan(tuple(parts), compare=direction, claimed=True)

    def _when(self, match: re.Match) -> str | None:
        """How each part asks its date, from what follows 먼저 (or an adverb, 더 늦게) or the adjective: "야?" →
        "언제야?", "먼저 취임했어?" → "언제 취임했어?"; None when a noun closes it ("먼저 죽은 사람은?" wants one of
        them, not two dates) or a verb follows the adjective ("더 이른 시기에 열렸어?")."""
        rest = match.group("rest")
        after_adverb = bool(match.group("order")) or match.group("adjective").endswith("게")
        morphemes = [m for m in self.analyzer.morphemes(match.string)  # read in its sentence: "였어?" alone is a verb
                     if m.start >= match.start("rest") and not m.tag.startswith(("S", "J"))]
        if not any(m.tag.startswith(("VV", "XSV")) for m in morphemes):
            return "언제야?"
        if not after_adverb or morphemes[-1].tag.startswith(("NN", "NP")):
            return None
        return f"언제 {rest.strip()}"

    def _direction(self, text: str, start: int, end: int, past: bool = False) -> str | None:
        """"more" for 높아/많은/큰, "less" for 낮아/적은/작은, "earlier" for 이른, "later" for 늦은 (the word at
        ``text[start:end]``, read in its sentence);
        None for anything else: an adverb (많이), a verb (늘었어), a change (높아졌어) or, unless ``past``, a past state
        (높았어)."""
        morphemes = [m for m in self.analyzer.morphemes(text) if start <= m.start < end]
        if not morphemes or morphemes[0].tag.split("-")[0] != "VA":
            return None
        if any(m.tag.startswith("VX") or (m.tag.startswith("EP") and not (past and m.form in _PAST))
               for m in morphemes[1:]):
            return None  # 높아졌어 changed; 높겠어, 높으시 are no state compared
        stem = morphemes[0].form
        for stems, direction in ((lexicon.COMPARATIVE_MORE, "more"), (lexicon.COMPARATIVE_LESS, "less"),
                                 (lexicon.COMPARATIVE_EARLIER, "earlier"), (lexicon.COMPARATIVE_LATER, "later")):
            if stem in stems:
                return direction
        return None

    def _per_interrogative(self, text: str) -> Plan | None:
        """"…어디에 언제 생겨?": two questions in one, each asked with the other's interrogative left out;
        "…언제고 규모는 얼마야?": two clauses, the first ending at its own interrogative."""
        asked: list[tuple[tuple[str, str], tuple[int, int]]] = []  # ((interrogative, kind), its word's span)
        for word in self.analyzer.words(text):
            first = word.morphemes[0] if word.morphemes else None
            if first is None or not is_interrogative(first):
                continue
            kind = next(((prefix, k) for prefix, k in lexicon.INTERROGATIVE_KINDS if first.form.startswith(prefix)), None)
            if kind and kind[1] in _SPLIT_KINDS and kind[1] not in {k[1] for k, _ in asked}:
                asked.append((kind, (word.start, word.end)))
        if len(asked) < 2:
            return None
        parts = []
        for at, ((label, _), keep) in enumerate(asked[: self.max_parts]):
            clause = _CLAUSE_END.search(text[keep[0] : keep[1]])
            if clause and at + 1 < len(asked):  # "언제고": this clause's question ends here
                question = text[: keep[0]] + text[keep[0] : keep[1]][: clause.start()] + "?"
                question = "".join(ch for i, ch in enumerate(question)
                                   if not any(a <= i < b for k, (a, b) in asked[:at]))
            else:
                dropped = [span for _, span in asked if span != keep]
                question = "".join(ch for i, ch in enumerate(text) if not any(a <= i < b for a, b in dropped))
            parts.append(Part(label, re.sub(r"\s+", " ", question).strip()))
        return Plan(tuple(parts))

    def _per_article(self, text: str, several: re.Match, articles: Callable[[int], list[Document]]) -> Plan | None:
        count = next((n for word, n in lexicon.COUNT_WORDS.items() if re.search(_COUNTED.format(word), several.group(0))),
                     None)
        docs = articles(min(count or self.max_parts, self.max_parts))
        if len(docs) < 2:
            return None
        order = "earlier" if any(c in text for c in lexicon.EARLIER_CUES) else (
            "later" if any(c in text for c in lexicon.LATER_CUES) else None)
        clock = any(c in text for c in lexicon.CLOCK_CUES)
        fields = list(dict.fromkeys(metadata_types(text)))
        if (order or clock) and AnswerType.PUBLISHED not in fields:
            fields.append(AnswerType.PUBLISHED)
        labels = _labels(docs)
        if fields:
            return Plan(tuple(Part(label, text, d.doc_id) for label, d in zip(labels, docs)), tuple(fields), order,
                        clock)
        rest = _DISTRIBUTIVE.sub(" ", _ARTICLE_PHRASE.sub(" ", text))
        combined = [w for w in rest.split() if w.rstrip(",") in lexicon.COMBINE_CUES]
        rest = re.sub(r"\s+", " ", " ".join(w for w in rest.split() if w not in combined)).strip()
        if not has_content(rest.replace("?", "")) or len(self.analyzer.terms(rest)) < 2:
            return None
        rest = self._value_asked(rest)
        within = self._within(rest)
        if combined:  # "두 기사 합쳐서 정리해줘": one answer from all of them
            return within or Plan((Part("", rest),))
        if within is not None:  # "두 기사 각각 연도랑 규모를 뭐라고 했어?": each thing of each article
            return Plan(tuple(Part(f"{label} {p.label}", p.question, d.doc_id)
                              for label, d in zip(labels, docs) for p in within.parts))
        return Plan(tuple(Part(label, rest, d.doc_id) for label, d in zip(labels, docs)))

    def _value_asked(self, question: str) -> str:
        """"…공개 시점을 (각 기사는) 뭐라고 썼어?" asked of each article asks what the 시점 is: "…공개 시점은?", so the
        date is read, not a quoted phrase. Only for a noun naming a date, amount, person, place or organisation, and
        not with a verb of naming ("…협의체를 뭐라고 불렀어?" asks the name)."""
        words = self.analyzer.words(question)
        for i, word in enumerate(words[1:], 1):
            if not any(word.text.startswith(cue.strip()) for cue in lexicon.SAYING_CUES):
                continue
            asked = words[i - 1]
            nouns = [m.form for m in asked.morphemes if m.tag.startswith("NN")]
            if not any(m.tag == "JKO" for m in asked.morphemes) or not nouns or not any(
                    nouns[-1] in focus for focus in _VALUE_FOCUS):
                return question
            if any(m.tag.startswith("VV") and m.form in lexicon.NAMING_VERBS for w in words[i:] for m in w.morphemes):
                return question
            topic = self._topic(asked.bare)
            return f"{question[: asked.start]}{topic}?"
        return question

    def _per_outlet(self, text: str, outlets: frozenset[str]) -> Plan | None:
        """"…시점을 시사위크랑 뷰어스 기사는 각각 어떻게 적었어?": outlets joined by 와/랑/하고, the question asked of
        each outlet's articles without them."""
        words = self.analyzer.words(text)
        for i, word in enumerate(words):
            group = [word]
            while group[-1].bare in outlets and _joins(group[-1]) and i + len(group) < len(words):
                group.append(words[i + len(group)])
            if len({w.bare for w in group}) < 2 or any(w.bare not in outlets for w in group):
                continue
            end = group[-1].end
            after = words[i + len(group)] if i + len(group) < len(words) else None
            if after is not None and after.bare in lexicon.ARTICLE_WORDS:  # "…뷰어스 기사는"
                end = after.end
            rest = _DISTRIBUTIVE.sub(" ", text[: group[0].start] + " " + text[end:])
            rest = re.sub(r"\s+", " ", rest).strip()
            if not has_content(rest.replace("?", "")):
                return None
            rest = self._value_asked(rest)
            named = list(dict.fromkeys(w.bare for w in group))[: self.max_parts]
            return Plan(tuple(Part(outlet, rest, outlet=outlet) for outlet in named))
        return None

    def _per_parallel(self, text: str) -> Plan | None:
        """"네이버는 CJ대한통운과, 카카오는 SK텔레콤과 각각 무슨 목적으로 손잡은 거야?": clauses set side by side with
        commas before the distributive word, each starting on a name, each asked with what follows."""
        cue = _DISTRIBUTIVE.search(text)
        head, after = text[: cue.start()], text[cue.end() :]
        clauses = [c.strip() for c in head.split(",")]
        if len(clauses) < 2 or not all(clauses):
            return None
        labels = []
        for clause in clauses:
            words = self.analyzer.words(clause)
            core = [m for m in words[0].morphemes if not m.tag.startswith(("J", "S")) or m.tag in NAME_TAGS]
            if len(words) < 2 or not core or core[0].tag not in NAME_TAGS:
                return None
            labels.append(words[0].bare)
        return Plan(tuple(Part(label, re.sub(r"\s+", " ", f"{clause} {after}").strip(), named=True)
                          for label, clause in zip(labels, clauses[: self.max_parts])))

    def _per_name(self, text: str) -> Plan | None:
        """"A랑 B는 각각 …": the question once for A and once for B, each with the particle that fits it.

        Names are read word by word (a name and its particles), so "SK텔레콤은" is one name although Kiwi splits it;
        common nouns too ("군포랑 용인에 각각"), when the last carries a particle that ends the group.
        """
        group: list[tuple[Word, str, tuple[str, str] | None]] = []  # (the word, its name, its particle)
        words = list(self.analyzer.words(text))
        for at, word in enumerate(words):
            particles = [m for m in word.morphemes if m.tag.startswith("J")]
            core = [m for m in word.morphemes if not m.tag.startswith(("J", "S")) or m.tag in NAME_TAGS]
            named = bool(core) and core[0].tag in (*NAME_TAGS, "NNG") and all(
                m.tag.startswith(("NN", *NAME_TAGS)) for m in core)
            glued = None
            if not named and group and group[-1][2] is not None and group[-1][2][0] in _CONNECTORS \
                    and not (at + 1 < len(words) and _auxiliary(words[at + 1])):
                glued = _glued_hago(word)  # "CJ대한통운이랑 신세계하고": Kiwi reads the last name's 하고 as 하다
            if glued is not None:
                core, particles, named = glued, [Morpheme("하고", "JKB", glued[-1].end, glued[-1].end + 2)], True
            if not named:
                if len(group) >= 2:
                    break
                group = []
                continue
            particle = (particles[0].form, particles[0].tag) if particles else None
            group.append((word, text[word.start : core[-1].end], particle))
            listed = particle is None and word.morphemes[-1].tag == "SP" and word.text.endswith(_LIST_COMMAS)
            if not listed and (particle is None or particle[0] not in _CONNECTORS or glued is not None):  # the last
                if len(group) >= 2:
                    break
                group = []
        if len(group) < 2:
            return None
        common = any(w.morphemes[0].tag == "NNG" for w, _, _ in group)
        commas, some_commas = _commas(group), _some_commas(group)
        last_is_name = group[-1][0].morphemes[0].tag in NAME_TAGS
        if common and group[-1][2] is None and not (some_commas and last_is_name):
            return None  # "센터 규모랑 투자 금액은 각각": where a phrase of common nouns ends, only a particle says
        if some_commas and not _bounded(words, group, first_too=commas):
            return None  # "카카오 T, 티맵택시 각각", "멜론, 카카오 지니": a listed name of two words
        before = _DISTRIBUTIVE.sub("", text[: group[0][0].start])
        after = _DISTRIBUTIVE.sub("", text[group[-1][0].end :])
        particle = group[-1][2]
        parts = []
        for _, name, _ in group[: self.max_parts]:
            word = self.analyzer.join([(name, "NNP"), particle]) if particle else name
            parts.append(Part(name, re.sub(r"\s+", " ", f"{before}{word}{after}").strip(), named=True))
        return Plan(tuple(parts))


def _commas(group: list[tuple[Word, str, tuple[str, str] | None]]) -> bool:
    """"멜론, 지니, 플로 점유율": names listed with commas, so the last (a name) ends where its word does."""
    return all(w.text.endswith(_LIST_COMMAS) for w, _, _ in group[:-1])


def _some_commas(group: list[tuple[Word, str, tuple[str, str] | None]]) -> bool:
    """"멜론이랑 지니, 플로 점유율": names joined by 와/랑 and commas, so the last (a name) ends where its word does."""
    joined = [w.text.endswith(_LIST_COMMAS) or (p is not None and p[0] in _CONNECTORS) for w, _, p in group[:-1]]
    return all(joined) and any(w.text.endswith(_LIST_COMMAS) for w, _, _ in group[:-1])


def _bounded(words: list[Word], group: list[tuple[Word, str, tuple[str, str] | None]], first_too: bool = True) -> bool:
    """Whether a list written with commas holds whole names: no bare noun just before its first item ("카카오 T,"),
    unless ``first_too`` is off (a first item closed by 와/랑 is whole: "지난해 카카오와 네이버, 구글"), and, when the
    last item has no particle, no name just after it ("카카오 지니")."""
    at = [w.start for w in words]
    first, last = at.index(group[0][0].start), at.index(group[-1][0].start)
    if first_too and first and _bare_noun(words[first - 1]):
        return False
    following = words[last + 1] if last + 1 < len(words) else None
    return group[-1][2] is not None or following is None or not following.morphemes \
        or following.morphemes[0].tag not in NAME_TAGS


def _bare_noun(word: Word) -> bool:
    return bool(word.morphemes) and all(m.tag.startswith(("NN", *NAME_TAGS)) for m in word.morphemes)


def _compares_to(word: Word) -> bool:
    """"지니보다": a name and the particle 보다, or a word Kiwi reads whole as one unknown noun ("플로보다"); not a time,
    a figure or a common noun ("지난해보다", "50%보다", "평균보다")."""
    ms = word.morphemes
    if not word.text.endswith(_THAN) or len(word.text) <= len(_THAN) or not ms:
        return False
    if len(ms) == 1:
        return ms[0].tag in ("NNG", "NNP")
    noun = word.text[: -len(_THAN)]
    return ms[-1].form == _THAN and ms[-1].tag.startswith("J") \
        and all(m.tag.startswith(("NNG", "NNP", "SL", "SH")) for m in ms[:-1]) \
        and noun not in _NOT_COMPARED and not any(noun.endswith(w) for w in lexicon.RELATIVE_DATE_WORDS)


def _predicate_only(word: Word) -> bool:
    """A word that is a verb and its endings only: "보면", "따지면"."""
    tags = [m.tag for m in word.morphemes]
    return bool(tags) and tags[0].startswith(("VV", "VA")) and all(t.startswith(("VV", "VA", "VX", "E", "JX")) for t in tags)


def _glued_hago(word: Word) -> list[Morpheme] | None:
    """The nouns of a word Kiwi reads as a noun's verb 하다 closing on 고 ("신세계하고" → 신세계 + 하 + 고), which after
    a name joined by 와/랑 is the name and the particle 하고 (not before an auxiliary: "협력하고 있는")."""
    ms = [m for m in word.morphemes if not m.tag.startswith("S")]
    if len(ms) < 3 or [m.form for m in ms[-2:]] != ["하", "고"] or not ms[-2].tag.startswith(("XSV", "VV")):
        return None
    nouns = ms[:-2]
    if ms[-2].tag.startswith("XSV") and not all(m.tag in NAME_TAGS for m in nouns):
        return None  # a verbal noun's 하다 ("협력하고", "지분교환하고"): a verb, not a name and 하고
    return nouns if all(m.tag.startswith(("NN", *NAME_TAGS)) for m in nouns) else None


def _auxiliary(word: Word) -> bool:
    """A word that is an auxiliary verb ("있는", "싶어"): what comes before it is a verb ("협력하고 있는")."""
    return bool(word.morphemes) and (word.morphemes[0].tag.startswith("VX") or word.morphemes[0].form in ("있", "없"))


def _joins(word: Word) -> bool:
    """Whether a word ends on 와/랑/하고, joining the next name to it."""
    return bool(word.morphemes) and word.morphemes[-1].tag.startswith("J") and word.morphemes[-1].form in _CONNECTORS


def _ends_on_common_noun(word: Word) -> bool:
    """"지원 대상은", "규모를": the word is a common noun and its particles, not a name ("카카오랑") or a verb."""
    core = [m for m in word.morphemes if not m.tag.startswith(("J", "S"))]
    return bool(core) and core[-1].tag in ("NNG", "XSN") and not any(m.tag in NAME_TAGS for m in core)


def _labels(docs: list[Document]) -> list[str]:
    """Each article by its outlet, or by its title where outlets repeat or are missing."""
    outlets = [d.outlet for d in docs]
    distinct = all(outlets) and len(set(outlets)) == len(outlets)
    return [d.outlet if distinct and d.outlet else f"「{d.title}」" for d in docs]
