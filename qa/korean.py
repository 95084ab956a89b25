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

from kiwipiepy import Kiwi

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

_CHO = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_JUNG = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_JONG = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"


def normalize_for_search(text: str) -> str:
    """One spelling for numbers and dates: ``3,000`` → ``3000``, ``2021.06.30`` → ``2021년 6월 30일``."""
    text = unicodedata.normalize("NFKC", text)
    text = _DIGIT_COMMA_RE.sub("", text)
    return _DOTTED_DATE_RE.sub(lambda m: f"{m[1]}년 {int(m[2])}월 {int(m[3])}일", text)


def jamo(word: str) -> str:
    """Decompose Hangul syllables into jamo, so ``률`` and ``율`` differ by one letter, not one syllable."""
    out = []
    for ch in word:
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            out.append(_CHO[code // 588] + _JUNG[(code % 588) // 28] + _JONG[code % 28].strip())
        else:
            out.append(ch)
    return "".join(out)


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
        self._kiwi = Kiwi()
        self._lock = threading.Lock()
        self._terms_cache: LRUCache[tuple[str, ...]] = LRUCache(cache_size)

    def _tokenize(self, text: str):
        with self._lock:
            return self._kiwi.tokenize(text)

    def sentences(self, text: str, start: int = 0, end: int | None = None) -> list[Span]:
        """Sentence spans of ``text[start:end]``, never crossing a line break, trimmed of white space."""
        end = len(text) if end is None else end
        spans: list[Span] = []
        for paragraph in _PARAGRAPH_RE.finditer(text, start, end):
            with self._lock:
                found = self._kiwi.split_into_sents(paragraph.group(0))
            for sent in found:
                s, e = paragraph.start() + sent.start, paragraph.start() + sent.end
                while s < e and text[s].isspace():
                    s += 1
                while e > s and text[e - 1].isspace():
                    e -= 1
                if e > s:
                    spans.append(Span(s, e))
        return spans

    def morphemes(self, text: str) -> list[tuple[str, str, int, int]]:
        """(form, tag, start, end) of each morpheme, with offsets into ``text`` as given (for answer spans)."""
        return [(t.form, t.tag, t.start, t.end) for t in self._tokenize(text)]

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
        tokens = self._tokenize(normalised)
        terms: list[str] = []
        for i, tok in enumerate(tokens):
            tag = tok.tag.split("-")[0]
            if tag in CONTENT_TAGS:
                terms.append(tok.form.lower())
            elif tag in PREDICATE_TAGS:
                terms.append(tok.form + "다")
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
