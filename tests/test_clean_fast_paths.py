"""The clean stage's fast paths decide exactly what the plain patterns decide: line
normalisation, the lexicon's prefix test and the script count of the language guess."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from communique.clean.language import _SCRIPTS, LanguageGuess, _script_language, guess_language
from communique.clean.lexicon import _COUNT, _EDGE, _SPACE, load_lexicon, normalise_line

EDGES = st.sampled_from(["", " ", "»", "(3)", "[12]", "12 ", "_", "...", "·", "٣", "x", "\n"])
LINES = st.builds(
    lambda a, body, b: a + body + b,
    EDGES,
    st.text(max_size=40),
    EDGES,
)


def reference_normalise(line: str) -> str:
    text = _SPACE.sub(" ", line.strip().lower())
    text = _COUNT.sub("", text)
    return _EDGE.sub("", text).strip()


@settings(max_examples=400, deadline=None)
@given(LINES)
def test_clean_fast_normalise_line_is_the_patterns(line: str) -> None:
    assert normalise_line(line) == reference_normalise(line)


def reference_match(line: str) -> str | None:
    """The lexicon's match with every prefix and phrase tried in order (no shortcut)."""
    lexicon = load_lexicon()
    raw = _SPACE.sub(" ", line.strip().lower())
    norm = reference_normalise(line)
    if not norm and raw:
        return "navigation" if len(raw) <= 3 else None
    for candidate in (norm, raw):
        if candidate in lexicon.lines:
            return lexicon.lines[candidate]
    words = len(raw.split())
    if words <= 5:
        for word in re.findall(r"\w+", norm):
            if word in lexicon.words:
                return lexicon.words[word]
    for phrase, category in lexicon.prefixes:
        limit = 60 if category == "credit" else 16
        if words <= limit and (raw.startswith(phrase) or norm.startswith(phrase)):
            return category
    if words <= 80:
        for phrase, category in lexicon.contains:
            if phrase in raw:
                return category
    return None


def test_clean_fast_lexicon_match_on_every_phrase_and_variants() -> None:
    lexicon = load_lexicon()
    phrases = [p for p, _ in lexicon.prefixes] + [p for p, _ in lexicon.contains]
    phrases += list(lexicon.lines) + list(lexicon.words)
    lines = []
    for phrase in phrases:
        lines += [phrase, phrase.upper(), f"» {phrase} (3)", f"{phrase} and more words here"]
        lines += [f"The minister said that {phrase} was not the point.", phrase + " " * 3 + "12"]
    lines += ["The talks resumed in Geneva on Monday.", "", "»", "12", "Photo: AFP"]
    for line in lines:
        assert lexicon.match(line) == reference_match(line), line


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_clean_fast_lexicon_match_on_any_text(line: str) -> None:
    assert load_lexicon().match(line) == reference_match(line)


def reference_script(text: str) -> LanguageGuess | None:
    counts: dict[str, int] = {}
    letters = 0
    for char in text[:20_000]:
        if not char.isalpha():
            continue
        letters += 1
        name = unicodedata.name(char, "")
        for script, language in _SCRIPTS.items():
            if name.startswith(script):
                counts[language] = counts.get(language, 0) + 1
                break
    if not letters or not counts:
        return None
    language, count = max(counts.items(), key=lambda item: item[1])
    return LanguageGuess(language, count / letters) if count / letters >= 0.3 else None


SCRIPT_TEXT = st.text(
    alphabet=st.sampled_from(list("abc xyzАБВ漢字ひらカタ한글عربיםΑΒΓहिंथไ12,.")), max_size=200
)


@settings(max_examples=300, deadline=None)
@given(SCRIPT_TEXT)
def test_clean_fast_script_count_is_the_per_letter_count(text: str) -> None:
    assert _script_language(text) == reference_script(text)


def test_clean_fast_script_guess_on_long_mixed_text() -> None:
    text = ("Die Außenminister trafen sich. " * 500) + ("東京で会談が行われた。" * 2000)
    assert _script_language(text) == reference_script(text)
    assert guess_language("Les ministres se sont réunis à Paris pour la conférence.").language
