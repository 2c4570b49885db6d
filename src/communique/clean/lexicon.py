"""Curated word lists of the clean stage, read from ``clean/data/``.

``ui_phrases.csv``  interface phrases of web pages (navigation, share prompts, comment forms,
                    cookie notices ...) in several languages; ``match`` says how a line matches:
                    ``line`` (the whole line), ``prefix`` (the line starts with it),
                    ``word`` (a whole word of a line of at most five words) or
                    ``contains`` (anywhere in a line of at most 80 words).
``stopwords.csv``   high-frequency function words per language, for density and language guesses.
``agencies.csv``    news agency names as they stand in datelines and sign-offs ("Reuter", "AFP"),
                    with the state of each national one ("Bernama": MYS).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from ..errors import ResourceError

#: Categories after which nothing more of the article follows on a flattened page.
TERMINAL_CATEGORIES = frozenset({"comments", "related", "footer"})

_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
_COUNT = re.compile(r"\s*[(\[]?\d+[)\]]?$|^\d+\s+")
_SPACE = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+")
_CONTAINS_MAX_WORDS = 80
_PREFIX_MAX_WORDS = 16
_WORD_MAX_WORDS = 5
_CREDIT_MAX_WORDS = 60  # photo captions and reporting credits run long


def normalise_line(line: str) -> str:
    """Lower-cased line without surrounding bullets, arrows, counts or trailing punctuation."""
    return _trimmed(_SPACE.sub(" ", line.strip().lower()))


def _trimmed(text: str) -> str:
    """``normalise_line`` of a line already lower-cased with its spaces collapsed. The patterns
    run only where their first test can pass (most lines start and end with a letter)."""
    if text and (text[0].isdecimal() or text[-1].isdecimal() or text[-1] in ")]"):
        text = _COUNT.sub("", text)
    if text and not (text[0].isalnum() and text[-1].isalnum()):  # _EDGE strips non-word and "_"
        text = _EDGE.sub("", text)
    return text.strip()


@dataclass(frozen=True, slots=True)
class Lexicon:
    """UI phrases by match kind; ``match`` returns the category of a chrome line or None."""

    lines: dict[str, str]
    prefixes: tuple[tuple[str, str], ...]
    contains: tuple[tuple[str, str], ...]
    words: dict[str, str]
    #: Every prefix in one tuple: most lines start with none, and one ``startswith`` tells so
    #: before the ordered search for the category.
    _any_prefix: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_any_prefix", tuple(phrase for phrase, _ in self.prefixes))

    def match(self, line: str) -> str | None:
        raw = _SPACE.sub(" ", line.strip().lower())
        norm = _trimmed(raw)
        if not norm and raw:
            return "navigation" if len(raw) <= 3 else None  # a bare symbol line: "»", "|", "×"
        for candidate in (norm, raw):
            if candidate in self.lines:
                return self.lines[candidate]
        words = len(raw.split())
        if words <= _WORD_MAX_WORDS:
            for word in _TOKEN.findall(norm):
                if word in self.words:
                    return self.words[word]
        if raw.startswith(self._any_prefix) or norm.startswith(self._any_prefix):
            for phrase, category in self.prefixes:
                limit = _CREDIT_MAX_WORDS if category == "credit" else _PREFIX_MAX_WORDS
                if words <= limit and (raw.startswith(phrase) or norm.startswith(phrase)):
                    return category
        if words <= _CONTAINS_MAX_WORDS:
            for phrase, category in self.contains:
                if phrase in raw:
                    return category
        return None


def _rows(name: str) -> list[dict[str, str]]:
    try:
        path = resources.files("communique.clean") / "data" / name
        return list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
    except (OSError, csv.Error) as err:
        raise ResourceError(f"cannot read clean/data/{name}: {err}") from err


@cache
def load_lexicon() -> Lexicon:
    """The UI-phrase lexicon (read once per process)."""
    lines: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    contains: list[tuple[str, str]] = []
    words: dict[str, str] = {}
    for row in _rows("ui_phrases.csv"):
        phrase = _SPACE.sub(" ", row["phrase"].strip().lower())
        if not phrase:
            continue
        kind = row["match"].strip()
        if kind == "line":
            lines.setdefault(phrase, row["category"])
            lines.setdefault(normalise_line(phrase), row["category"])
        elif kind == "prefix":
            prefixes.append((phrase, row["category"]))
        elif kind == "contains":
            contains.append((phrase, row["category"]))
        elif kind == "word":
            words.setdefault(phrase, row["category"])
        else:
            raise ResourceError(f"clean/data/ui_phrases.csv: unknown match kind {kind!r}")
    return Lexicon(lines=lines, prefixes=tuple(prefixes), contains=tuple(contains), words=words)


@cache
def load_stopwords() -> dict[str, frozenset[str]]:
    """Function words by language code (read once per process)."""
    words: dict[str, set[str]] = {}
    for row in _rows("stopwords.csv"):
        words.setdefault(row["language"], set()).add(row["word"].strip().lower())
    return {language: frozenset(found) for language, found in words.items()}


@cache
def all_stopwords() -> frozenset[str]:
    """The union of every language's function words."""
    return frozenset().union(*load_stopwords().values())


@cache
def load_agency_states() -> dict[str, str]:
    """A national news agency's name -> the ISO3 code of its state ("Bernama" -> "MYS");
    international agencies (Reuters, AP, AFP) have none."""
    return {
        row["name"].strip(): row["country"].strip()
        for row in _rows("agencies.csv")
        if row["name"].strip() and (row.get("country") or "").strip()
    }


@cache
def load_agencies() -> tuple[str, ...]:
    """News agency names, longest first (read once per process)."""
    names = {row["name"].strip() for row in _rows("agencies.csv") if row["name"].strip()}
    return tuple(sorted(names, key=lambda name: (-len(name), name)))
