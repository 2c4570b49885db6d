"""A cheap language guess: script counts, then the share of each language's function words.

A sentence or two in Latin letters says too little for shares: it is English unless another
language's function words clearly outnumber English ones.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import load_stopwords

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_MAX_TOKENS = 3000
#: Below this share of function words no Latin-script language is claimed.
_MIN_RATIO = 0.08
#: A text of fewer words is too short for function-word shares alone (see _short_text_guess).
_SHORT_TOKENS = 20
_SHORT_MARGIN = 2
_SCRIPTS = {
    "CJK": "zh",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "HANGUL": "ko",
    "ARABIC": "ar",
    "HEBREW": "he",
    "GREEK": "el",
    "DEVANAGARI": "hi",
    "THAI": "th",
}


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """``language`` is an ISO 639-1 code or "und"; ``score`` the share that decided it."""

    language: str
    score: float


@lru_cache(maxsize=4096)
def _char_language(char: str) -> str | None:
    """The language a letter's script stands for (``_SCRIPTS``), or None (Latin, Cyrillic ...)."""
    name = unicodedata.name(char, "")
    for script, language in _SCRIPTS.items():
        if name.startswith(script):
            return language
    return None


def _script_language(text: str) -> LanguageGuess | None:
    counts: dict[str, int] = {}
    letters = 0
    for char, n in Counter(text[:20_000]).items():  # each distinct character looked up once
        if not char.isalpha():
            continue
        letters += n
        language = _char_language(char)
        if language is not None:
            counts[language] = counts.get(language, 0) + n
    if not letters or not counts:
        return None
    language, count = max(counts.items(), key=lambda item: item[1])
    share = count / letters
    return LanguageGuess(language, share) if share >= 0.3 else None


def _short_text_guess(tokens: list[str], best: LanguageGuess) -> LanguageGuess:
    """A few words in Latin letters are English unless another language's function words
    outnumber English ones by ``_SHORT_MARGIN`` ("met" is Dutch too, "in" half of Europe's)."""
    if best.language == "en" or not all(_is_latin(token) for token in tokens):
        return best
    english = load_stopwords().get("en", frozenset())
    english_hits = sum(1 for token in tokens if token in english)
    best_hits = round(best.score * len(tokens))
    if best.language == "und" or best_hits - english_hits < _SHORT_MARGIN:
        return LanguageGuess("en", english_hits / len(tokens))
    return best


def _is_latin(token: str) -> bool:
    return all(unicodedata.name(char, "").startswith("LATIN") for char in token)


def guess_language(text: str) -> LanguageGuess:
    """Guess the language of ``text`` from its script and its function words."""
    by_script = _script_language(text)
    if by_script is not None:
        return by_script
    tokens = [token.lower() for token in _WORD.findall(text[:60_000])][:_MAX_TOKENS]
    if not tokens:
        return LanguageGuess("und", 0.0)
    best = LanguageGuess("und", 0.0)
    # English first: on a tie (a short text of words many languages share) English wins.
    ordered = sorted(load_stopwords().items(), key=lambda item: (item[0] != "en", item[0]))
    for language, words in ordered:
        ratio = sum(1 for token in tokens if token in words) / len(tokens)
        if ratio > best.score:
            best = LanguageGuess(language, ratio)
    if best.score < _MIN_RATIO:
        best = LanguageGuess("und", best.score)
    return _short_text_guess(tokens, best) if len(tokens) < _SHORT_TOKENS else best


def is_english(text: str) -> bool:
    return guess_language(text).language == "en"
