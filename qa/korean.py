"""Korean text analysis with kiwipiepy: sentence spans with exact offsets, and search terms from morphemes.

Particles and endings glue to words (``서울은``, ``카카오와``), spacing varies (``풀필먼트센터`` / ``풀필먼트 센터``) and
numbers come in many spellings (``3,000억원`` / ``3000억원``, ``2021.06.30`` / ``2021년 6월 30일``); the terms made
here are the same for all of those spellings, so lexical search and answer scoring see through them.
"""

from __future__ import annotations

import re
import sys
import threading
import unicodedata
from typing import NamedTuple

from kiwipiepy import Kiwi, Token

from qa import lexicon
from qa.lru import LRUCache
from qa.schema import Span

CONTENT_TAGS = frozenset({"NNG", "NNP", "NR", "SL", "SH", "XR", "SN"})
PREDICATE_TAGS = frozenset({"VV", "VA"})
UNIT_TAGS = frozenset({"NR", "NNB", "SW"})  # what may follow a number: 억, 원, 년, %
_BREAK_TAGS = frozenset({"SF", "SP", "SS", "SSO", "SSC", "SE", "SO", "SW"})
_TRAILING_TAGS = ("J", "E", "VCP", "XSV", "XSA", "SF", "SP", "SS", "SE", "SO", "SW")
_DIGIT_COMMA_RE = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_DOTTED_DATE_RE = re.compile(r"(?<!\d)(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})(?!\d)")
_PARAGRAPH_RE = re.compile(r"[^\n]+")
_SCRIPT_RUN_RE = re.compile(r"[A-Za-z]+|[가-힣]+")
# Particles Kiwi sometimes reads as the end of an unknown name ("플로가", "군포랑"); not 도, which ends names of
# islands and provinces (교동도), nor 로, which ends road names (통일로), nor 에, which ends Japanese names (마쓰마에),
# nor 은 after a two-syllable given name (현정은).
GLUED_PARTICLES = ("가", "이", "은", "는", "을", "를", "와", "과", "의", "랑", "에서", "하고", "까지", "부터")
TOKENS_CACHE_SIZE = 2_000  # recent questions and evidence sentences, as Kiwi tokens
# What Kiwi's typo model may respell in a question: endings, the copula, auxiliaries and pronouns ("얼마엿지" ->
# "얼마였지", "머야" -> "뭐야", "어디애요" -> "어디에요"). Its fixes of nouns and particles turn rare names into common
# words ("애스턴" -> "웨스턴", "미사일이" -> "미사일의"); nouns are repaired against the index's own words instead.
RESPELLED_TAGS = frozenset({"EP", "EF", "EC", "VCP", "VX", "NP"})
# Whole words, not a quoted name ("‘모야’ 앱"): no letter nor quotation mark on either side.
_CHAT_RE = re.compile(rf"(?<![\w'\"‘’“”])(?:{'|'.join(sorted(lexicon.CHAT_INTERROGATIVES, key=len, reverse=True))})"
                      rf"(?![\w'\"‘’“”])")
# "지니 vs 플로", "지니vs플로": written "지니하고 플로" (하고 joins a noun whatever its last sound), so that the names
# read as joined. Glued to a Hangul word before it or spaced on both sides: not "LG전자 VS사업본부", nor "CVS".
_VERSUS_RE = re.compile(r"(?:(?<=[가-힣])[vV][sS]\.?\s*|\s+[vV][sS]\.?\s+)(?=\S)")
# "점유율은요?", "지니는요?": the polite 요 after a closing topic particle (Kiwi reads it as a determiner) is dropped,
# so the question reads as "점유율은?" does.
_POLITE_TOPIC_RE = re.compile(r"(?<=[가-힣A-Za-z0-9)’”])(은|는)요(?=[\s?？.!~]*$)")

_CHO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_JUNG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_JONG = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"


HANGUL = re.compile(r"[가-힣]")
NAME_TAGS = ("NNP", "SL", "SH")  # Kiwi's tags for proper nouns and foreign (Latin, Chinese-character) words


class Morpheme(NamedTuple):
    """One Kiwi morpheme with its character range in the analysed text."""

    form: str
    tag: str
    start: int
    end: int


class _Token(NamedTuple):
    """A token standing in for one of Kiwi's, where ``_unglued`` split a name from its particle."""

    form: str
    tag: str
    start: int
    len: int

    @property
    def end(self) -> int:
        return self.start + self.len


class Word(NamedTuple):
    """One space-separated word (eojeol: a noun and its particles, a verb and its endings) and its morphemes."""

    text: str
    start: int
    end: int
    morphemes: list[Morpheme]

    @property
    def bare(self) -> str:
        """The word without its particles or closing punctuation: "점유율이" → 점유율, "모회사는" → 모회사."""
        particle = next((m for m in self.morphemes if m.tag.startswith("J")), None)
        return self.text[: particle.start - self.start] if particle else self.text.rstrip("?？.!")


_EOJEOL = re.compile(r"\S+")


# Where one clause of a sentence ends: a connective ending (…하며, …하고), a comma, the sentence's end.
_CLAUSE_ENDS = frozenset({"EC", "SF", "SE"})


def index_after(morphemes: list[Morpheme], offset: int) -> int:
    """The index of the first morpheme starting at or after ``offset`` (their count when none does)."""
    return next((i for i, m in enumerate(morphemes) if m.start >= offset), len(morphemes))


def clause_numbers(morphemes: list[Morpheme]) -> list[int]:
    """The clause number of each morpheme; a clause's closing ending or comma belongs to it."""
    out, clause = [], 0
    for m in morphemes:
        out.append(clause)
        if m.tag.split("-")[0] in _CLAUSE_ENDS or m.form == ",":  # not "·", which joins names
            clause += 1
    return out


def marks_topic(morpheme: Morpheme) -> bool:
    """Whether the morpheme is the particle of a topic or a subject (은/는/이/가 read as JX or JKS)."""
    return morpheme.tag in ("JX", "JKS") and morpheme.form in lexicon.TOPIC_PARTICLES


def has_content(text: str) -> bool:
    """Whether the text holds anything searchable: a letter or a digit of any script.

    Emoji, symbols, punctuation and combining marks alone are neither an article nor a question.
    """
    return any(ch.isalnum() for ch in text)

def normalize_for_search(text: str) -> str:
    """One spelling for numbers and dates: ``3,000`` → ``3000``, ``2021.06.30`` → ``2021년 6월 30일``."""
    text = unicodedata.normalize("NFKC", text)
    text = _DIGIT_COMMA_RE.sub("", text)
    return _DOTTED_DATE_RE.sub(lambda m: f"{m[1]}년 {int(m[2])}월 {int(m[3])}일", text)


def normalize_with_offsets(text: str) -> tuple[str, list[int], list[int]] | None:
    """``normalize_for_search`` with, for each output character, the start and end of what it came from.

    None in the rare case NFKC joins characters (conjoining jamo): callers then analyse such text piecewise.
    """
    starts: list[int] = list(range(len(text)))
    if not unicodedata.is_normalized("NFKC", text):
        pieces = [unicodedata.normalize("NFKC", ch) for ch in text]  # "…" → "...", "㈜" → "(주)"
        if "".join(pieces) != unicodedata.normalize("NFKC", text):
            return None
        text = "".join(pieces)
        starts = [i for i, piece in enumerate(pieces) for _ in piece]
    edits = sorted(
        [(m.start(), m.end(), "") for m in _DIGIT_COMMA_RE.finditer(text)]
        + [(m.start(), m.end(), f"{m[1]}년 {int(m[2])}월 {int(m[3])}일") for m in _DOTTED_DATE_RE.finditer(text)]
    )
    out: list[str] = []
    out_starts: list[int] = []
    out_ends: list[int] = []
    position = 0
    for start, end, replacement in [*edits, (len(text), len(text), "")]:
        out.append(text[position:start])
        out_starts.extend(starts[position:start])
        out_ends.extend(starts[i] + 1 for i in range(position, start))
        if replacement:
            out.append(replacement)
            out_starts.extend([starts[start]] * len(replacement))
            out_ends.extend([starts[end - 1] + 1] * len(replacement))
        position = end
    return "".join(out), out_starts, out_ends


_SYLLABLE_BASE = 0xAC00  # 가: a Hangul syllable is BASE + (initial · 21 + medial) · 28 + final
_MEDIALS, _FINALS = len(_JUNG), len(_JONG)


def _syllable(ch: str) -> tuple[int, int, int] | None:
    """A Hangul syllable's initial, medial and final letters (as indices into _CHO, _JUNG, _JONG), or None."""
    code = ord(ch) - _SYLLABLE_BASE
    if not 0 <= code < len(_CHO) * _MEDIALS * _FINALS:
        return None
    return code // (_MEDIALS * _FINALS), code % (_MEDIALS * _FINALS) // _FINALS, code % _FINALS


def _compose(initial: int, medial: int, final: int) -> str:
    return chr(_SYLLABLE_BASE + (initial * _MEDIALS + medial) * _FINALS + final)


def jamo(word: str) -> str:
    """Decompose Hangul syllables into jamo, so ``률`` and ``율`` differ by one letter, not one syllable."""
    out = []
    for ch in word:
        parts = _syllable(ch)
        out.append(ch if parts is None else _CHO[parts[0]] + _JUNG[parts[1]] + _JONG[parts[2]].strip())
    return "".join(out)


# A contracted vowel of a verb stem and what it contracts: 이뤄지다 is 이루어지다, 돌봐주다 돌보아주다.
_CONTRACTED = {"ㅝ": ("ㅜ", "어"), "ㅘ": ("ㅗ", "아"), "ㅙ": ("ㅚ", "어")}


def predicate_term(stem: str) -> str:
    """A predicate's search term, ``stem+다``, with contracted vowels written out: Kiwi keeps "이뤄지다" and
    "이루어지다" as two verbs, and a question may write either."""
    out = []
    for i, ch in enumerate(stem):
        parts = _syllable(ch)
        vowel = _JUNG[parts[1]] if parts else ""
        if vowel in _CONTRACTED and parts[2] == 0 and i < len(stem) - 1:  # open, not the stem's last syllable
            plain, added = _CONTRACTED[vowel]
            out.append(_compose(parts[0], _JUNG.index(plain), 0) + added)
        else:
            out.append(ch)
    return "".join(out) + "다"


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, giving up (returning ``limit + 1``) as soon as it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


class KoreanAnalyzer:
    """Owns one Kiwi instance (loading it takes a second or two); safe to share between threads."""

    def __init__(self, cache_size: int = 50_000) -> None:
        # Without the multi-word dictionary Kiwi takes 180 MB less and loads a second faster; the dev questions'
        # figures are the same (spacing variants and compounds are handled in ``terms``).
        self._kiwi = Kiwi(load_multi_dict=False)
        self._lock = threading.Lock()
        self._terms_cache: LRUCache[tuple[str, ...]] = LRUCache(cache_size)
        self._tokens_cache: LRUCache[tuple] = LRUCache(TOKENS_CACHE_SIZE)
        self._glued_cache: LRUCache[tuple] = LRUCache(TOKENS_CACHE_SIZE)
        self._respelled_cache: LRUCache[str] = LRUCache(TOKENS_CACHE_SIZE)

    def _tokenize(self, text: str) -> tuple:
        """Kiwi's tokens for ``text``, cached: a question is read for terms, names and spacing variants."""
        tokens = self._tokens_cache.get(text)
        if tokens is None:
            with self._lock:
                tokens = self._kiwi.tokenize(text)
            tokens = self._mended(text, tokens)
            self._tokens_cache.put(text, tokens)
        return tokens

    def respell(self, text: str) -> str:
        """``text`` with the misspelt endings and pronouns of a typed question written right, by Kiwi's typo model;
        a word with any other fix is left as typed. Cached: every ask reads its question so, before the answer cache."""
        cached = self._respelled_cache.get(text)
        if cached is None:
            cached = self._respell(text)
            self._respelled_cache.put(text, cached)
        return cached

    def _respell(self, text: str) -> str:
        text = _CHAT_RE.sub(lambda m: lexicon.CHAT_INTERROGATIVES[m.group(0)], text)
        text = _VERSUS_RE.sub("하고 ", text)
        text = self._without_polite_yo(text)
        with self._lock:
            tokens = self._kiwi.tokenize(text, typos="basic")
        fixed = [t for t in tokens if t.typo_cost > 0]
        if not fixed or any(t.tag not in RESPELLED_TAGS for t in fixed):
            return text
        out, last = [], 0
        for start, end in _words_holding(tokens, fixed):
            inside = [t for t in tokens if start <= t.start < end]
            first = next(i for i, t in enumerate(inside) if t in fixed)
            # Rewrite from the morpheme before the first fix (the ending contracts with it: 얼마 + 이었 → 얼마였),
            # keeping the word's start as typed ("3,000억원이엿어" → "3,000억원이었어", not "3,000억 원…").
            tail = inside[max(first - 1, 0) :]
            lead = tail[0]
            with self._lock:
                rewritten = self._kiwi.join([(t.form, t.tag) for t in tail])
                reread = [t.form for t in self._kiwi.tokenize(rewritten)]
            typed = text[lead.start : lead.start + lead.len]
            if first and not rewritten.startswith(typed) or reread != [t.form for t in tail]:
                continue  # the rewrite does not read back as the fix ("이엿어" → "이여서"): leave the word as typed
            out += [text[last : lead.start], rewritten]
            last = end
        return "".join(out) + text[last:]

    def _without_polite_yo(self, text: str) -> str:
        """"점유율은요?" read as "점유율은?", when the word before stays a noun with its topic particle ("지니는?" alone
        reads as the verb 지니다: left as typed)."""
        polite = _POLITE_TOPIC_RE.search(text)
        if polite is None:
            return text
        plain = text[: polite.start()] + polite.group(1) + text[polite.end() :]
        with self._lock:
            tokens = self._kiwi.tokenize(plain)
        particle = next((i for i, t in enumerate(tokens) if t.start == polite.start()), None)
        if particle is None or particle == 0 or tokens[particle].tag != "JX" \
                or not tokens[particle - 1].tag.startswith(("NN", "SL", "SH", "XSN")):
            return text
        return plain

    def _mended(self, text: str, tokens) -> tuple:
        """Kiwi's tokens with its two known misreadings undone: a name glued to its particle, a garbled word."""
        return self._reread(text, self._unglued(text, tokens))

    def _unglued(self, text: str, tokens) -> tuple:
        """Kiwi's tokens, with a name it read together with its particle split off: in "지니가 23.1%, 플로가
        16.23%를" Kiwi reads "플로가" as one proper noun, which it splits (플로 + 가) when it reads the word alone.
        Only a whole word read as one proper noun and ending on a particle's syllable is read again."""
        out: list = []
        for tok in tokens:
            glued = (tok.tag == "NNP" and len(tok.form) >= 3 and tok.form.endswith(GLUED_PARTICLES)
                     and not (len(tok.form) == 3 and tok.form[-1] == "은")
                     and (tok.start == 0 or not text[tok.start - 1].isalnum())
                     and (tok.end >= len(text) or not text[tok.end].isalnum()))
            split = self._split_word(tok.form) if glued else None
            if split is None:
                out.append(tok)
                continue
            (noun, tag), (particle, particle_tag) = split
            out += [_Token(noun, tag, tok.start, len(noun)),
                    _Token(particle, particle_tag, tok.start + len(noun), len(particle))]
        return tuple(out)

    def _reread(self, text: str, tokens: tuple) -> tuple:
        """Kiwi's tokens, with a word it garbled in context read again alone: amid a sentence it reads "풀필먼트를"
        as 풀 + 필 + 먼(ending) + 트(verb) + 를, alone as 풀필먼트 + 를, and "시장에서 SKT는 어떤" as SKT + 늘(verb) + ᆫ.
        A noun glued to an ending, or a Latin word glued to a verb, which Korean never writes, marks the garbling."""
        out = list(tokens)
        for i in range(len(tokens) - 1, 0, -1):
            if not _garbled(tokens[i - 1], tokens[i]):
                continue
            a, b = tokens[i - 1], tokens[i]
            start, end = _word_around(text, a.start)
            if not start <= b.start < end:
                continue
            with self._lock:
                alone = self._kiwi.tokenize(text[start:end])
            if any(_garbled(x, y) for x, y in zip(alone, alone[1:])):
                continue
            inside = [j for j, t in enumerate(out) if start <= t.start < end]
            if inside:
                out[inside[0] : inside[-1] + 1] = [_Token(t.form, t.tag, start + t.start, t.len) for t in alone]
        return tuple(out)

    def _split_word(self, word: str) -> tuple[tuple[str, str], tuple[str, str]] | None:
        """``word`` read alone: (noun, tag) and (particle, tag) when Kiwi reads it so, else None."""
        cached = self._glued_cache.get(word)
        if cached is None:
            with self._lock:
                alone = self._kiwi.tokenize(word)
            cached = ((alone[0].form, alone[0].tag), (alone[1].form, alone[1].tag)) if (
                len(alone) == 2 and alone[0].form + alone[1].form == word and len(alone[0].form) >= 2
                and alone[0].tag.startswith("NN") and alone[1].tag.startswith("J")) else ()
            self._glued_cache.put(word, cached)
        return cached or None

    def sentences(self, text: str, start: int = 0, end: int | None = None) -> list[Span]:
        """Sentence spans of ``text[start:end]``, never crossing a line break, trimmed of white space."""
        return [span for span, _ in self._analyse([(text, start, end)], with_terms=False)[0]]

    def sentences_with_terms(
        self, ranges: list[tuple[str, int, int | None]]
    ) -> list[list[tuple[Span, list[str]]]]:
        """For each ``(text, start, end)``: its sentence spans and their search terms, from one batched Kiwi pass.

        Indexing needs both for every sentence of every document; batching them is a third faster than
        analysing document by document, and twice as fast as splitting and analysing separately.
        """
        return self._analyse(ranges, with_terms=True)

    def terms_many(self, texts: list[str]) -> list[list[str]]:
        """``terms`` of many short texts (titles, header lines), with one batched Kiwi call for those not cached."""
        found = {t: cached for t in dict.fromkeys(texts) if (cached := self._terms_cache.get(t)) is not None}
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            normalised = [normalize_for_search(t) for t in missing]
            with self._lock:
                analysed = list(self._kiwi.tokenize(normalised))
            for text, norm, tokens in zip(missing, normalised, analysed):
                tokens = self._mended(norm, tokens)
                found[text] = tuple(sys.intern(t) for t in self._terms_of_tokens(norm, tokens))
                self._terms_cache.put(text, found[text])
        return [list(found[t]) for t in texts]

    def _analyse(
        self, ranges: list[tuple[str, int, int | None]], with_terms: bool
    ) -> list[list[tuple[Span, list[str]]]]:
        """Split paragraphs into sentences on their search-normalised form, so "2021.06.30" never ends one.

        Kiwi analyses all paragraphs of all ranges in one batch; offsets are mapped back to each text.
        """
        paragraphs = [
            (which, m.start(), normalize_with_offsets(m.group(0)), m.group(0))
            for which, (text, start, end) in enumerate(ranges)
            for m in _PARAGRAPH_RE.finditer(text, start, len(text) if end is None else end)
        ]
        plain = [p[2][0] for p in paragraphs if p[2] is not None]
        with self._lock:
            analysed = iter(list(self._kiwi.tokenize(plain, split_sents=True)) if plain else [])
        out: list[list[tuple[Span, list[str]]]] = [[] for _ in ranges]
        for which, offset, mapped, raw in paragraphs:
            text, found = ranges[which][0], out[which]
            if mapped is None:  # compatibility characters: sentence by sentence, as ``terms`` analyses them
                with self._lock:
                    sentences = self._kiwi.split_into_sents(raw)
                for sent in sentences:
                    span = _trimmed(text, offset + sent.start, offset + sent.end)
                    if span:
                        found.append((span, self.terms(text[span.start : span.end]) if with_terms else []))
                continue
            normalised, starts, ends = mapped
            for tokens in next(analysed):
                if not tokens:
                    continue
                tokens = self._mended(normalised, tokens)
                first, last = tokens[0], tokens[-1]
                span = _trimmed(text, offset + starts[first.start], offset + ends[last.start + last.len - 1])
                if span:
                    terms = [sys.intern(t) for t in self._terms_of_tokens(normalised, tokens)] if with_terms else []
                    found.append((span, terms))
        return out

    def analyse_many(self, texts: list[str]) -> None:
        """Read several texts into the token cache with one batched Kiwi call (much faster than one by one)."""
        missing = [t for t in dict.fromkeys(texts) if self._tokens_cache.get(t) is None]
        if not missing:
            return
        with self._lock:
            analysed = list(self._kiwi.tokenize(missing))
        for text, tokens in zip(missing, analysed):
            self._tokens_cache.put(text, self._mended(text, tokens))

    def morphemes(self, text: str) -> list[Morpheme]:
        """Each morpheme with offsets into ``text`` as given (for answer spans)."""
        return [Morpheme(t.form, t.tag, t.start, t.end) for t in self._tokenize(text)]

    def words(self, text: str) -> list[Word]:
        """The space-separated words of ``text``, each with the morphemes Kiwi read in it."""
        morphemes = self.morphemes(text)
        return [Word(m.group(), m.start(), m.end(), [x for x in morphemes if m.start() <= x.start < m.end()])
                for m in _EOJEOL.finditer(text)]

    def join(self, morphemes: list[tuple[str, str]]) -> str:
        """Morphemes back into a word, with the particle's allomorph chosen (쿠팡+가 → 쿠팡이, 카카오+과 → 카카오와)."""
        with self._lock:
            return self._kiwi.join(morphemes)

    def terms(self, text: str) -> list[str]:
        """Search terms: content morphemes (predicates as ``stem+다``), number+unit tokens and noun compounds.

        Cached: answering re-reads the same evidence sentences for many questions.
        """
        cached = self._terms_cache.get(text)
        if cached is not None:
            return list(cached)
        # Interned: a corpus repeats the same few thousand terms millions of times (a third of a GB at 100k chunks).
        terms = [sys.intern(t) for t in self._terms(text)]
        self._terms_cache.put(text, tuple(terms))
        return terms

    def _terms(self, text: str) -> list[str]:
        normalised = normalize_for_search(text)
        return self._terms_of_tokens(normalised, self._tokenize(normalised))

    def _terms_of_tokens(self, normalised: str, tokens) -> list[str]:
        """``tokens`` are Kiwi's analysis of ``normalised`` (or of a sentence in it, with offsets into it)."""
        terms: list[str] = []
        for i, tok in enumerate(tokens):
            tag = tok.tag.split("-")[0]
            if tag in CONTENT_TAGS:
                terms.append(tok.form.lower())
                # Kiwi reads "SK텔레콤" as one token in one sentence and as SK + 텔레콤 in another: keep the script
                # runs of a mixed token too, so both readings share terms.
                runs = _SCRIPT_RUN_RE.findall(tok.form)
                if len(runs) > 1:
                    terms.extend(run.lower() for run in runs if len(run) > 1 or run.isascii())
            elif tag in PREDICATE_TAGS:
                terms.append(predicate_term(tok.form))
            if tag == "SN":
                terms.extend(self._number_with_unit(tokens, i))
            if i and tag in ("NNG", "NNP") and tokens[i - 1].tag in ("NNG", "NNP"):
                prev = tokens[i - 1]
                if prev.start + prev.len == tok.start:  # written together: one compound
                    terms.append(prev.form + tok.form)
        # Kiwi may cut an unfamiliar word into syllables (풀필먼트 → 풀/필/먼/트); keep the whole word too.
        seen = set(terms)
        for stem, pieces in self._word_stems(normalised, tokens):
            if pieces > 1 and stem.lower() not in seen:
                terms.append(stem.lower())
        return terms

    def verbs(self, text: str) -> frozenset[str]:
        """The search terms of the text's verbs and adjectives (바꿨어 → 바꾸다): where questions paraphrase."""
        return frozenset(predicate_term(m.form) for m in self.morphemes(text) if m.tag.split("-")[0] in PREDICATE_TAGS)

    def spacing_variants(self, text: str) -> list[str]:
        """Adjacent noun-led words written together: ``풀필먼트 센터`` → ``풀필먼트센터``.

        With the whole words that ``terms`` keeps and compound splitting in the lexical index, a question matches
        whichever spacing the article used.
        """
        normalised = normalize_for_search(text)
        stems = [stem for stem, _ in self._word_stems(normalised, self._tokenize(normalised))]
        return [(a + b).lower() for a, b in zip(stems, stems[1:])]

    @staticmethod
    def _number_with_unit(tokens, i: int) -> list[str]:
        """``3000`` + ``억`` + ``원`` → ``3000억``, ``3000억원``: the amount as terms, whatever the spacing.

        Every prefix is a term, so a question saying ``3000억`` matches an article saying ``3000억원``.
        """
        parts = [tokens[i].form]
        out = []
        j = i + 1
        while j < len(tokens) and tokens[j].tag in UNIT_TAGS and len(parts) < 4:
            if tokens[j].tag == "SW" and tokens[j].form != "%":
                break
            parts.append(tokens[j].form)
            out.append("".join(parts))
            j += 1
        return out

    @staticmethod
    def _word_stems(text: str, tokens) -> list[tuple[str, int]]:
        """(stem, number of morphemes) of each noun-led word: the word minus trailing particles and endings.

        A word is a run of tokens not broken by white space or punctuation, so ``e풀필먼트(배송과`` is two words.
        """
        words: list[list] = []
        for tok in tokens:
            if tok.tag in _BREAK_TAGS:
                words.append([])
                continue
            previous = words[-1][-1] if words and words[-1] else None
            if previous is None or previous.start + previous.len != tok.start:
                words.append([])
            words[-1].append(tok)
        stems = []
        for word in words:
            while word and word[-1].tag.startswith(_TRAILING_TAGS):
                word = word[:-1]
            while word and word[0].tag == "SL" and len(word) > 1 and len(word[0].form) == 1:
                word = word[1:]  # "e풀필먼트": a one-letter Latin prefix is branding, not the word
            if word and word[0].tag.startswith(("NN", "SL", "SH", "XR")):
                stems.append((text[word[0].start : word[-1].start + word[-1].len], len(word)))
        return stems


def _garbled(a: Token | _Token, b: Token | _Token) -> bool:
    """Whether Kiwi read two glued tokens as Korean never writes them: a noun then an ending (not a past ending:
    Kiwi drops the copula after a vowel, "사이었던" = 사이 + 었 + 던), or a Latin word then a verb stem."""
    if a.end != b.start:
        return False
    return (a.tag.startswith("NN") and b.tag in ("EC", "EF", "ETM", "ETN")) \
        or (a.tag in ("SL", "SH") and b.tag.startswith(("VV", "VA")))


def _word_around(text: str, at: int) -> tuple[int, int]:
    """The run of letters and digits holding ``text[at]``, as (start, end)."""
    start, end = at, at
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def _words_holding(tokens, fixed) -> list[tuple[int, int]]:
    """(start, end) in the text of each whitespace word that holds a fixed token."""
    words: list[tuple[int, int, bool]] = []
    for t in tokens:
        if words and t.start <= words[-1][1]:  # no space before it: the same word
            words[-1] = (words[-1][0], max(words[-1][1], t.start + t.len), words[-1][2] or t in fixed)
        else:
            words.append((t.start, t.start + t.len, t in fixed))
    return [(a, b) for a, b, has in words if has]


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end) if end > start else None
