"""Builders of the time grammar for parts of years and spans counted in units: "the first
half of 2022", "the third quarter", "two years ago", "for six months", "the end of the year"."""

from __future__ import annotations

import re

from .candidate import Candidate
from .lexicon import SEASONS, VAGUE_NUMBERS, number_value


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _preceded(m: re.Match[str], cue: re.Pattern[str]) -> bool:
    return bool(cue.search(m.string[max(0, m.start() - 20) : m.start()]))


_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
             "4th": 4, "final": 4, "last": 4}  # fmt: skip


def _quarter(m: re.Match[str]) -> Candidate | None:
    word = m["q"].lower()
    number = int(word) if word.isdigit() else _QUARTERS[word]
    return Candidate(m.start(), m.end(), "quarter", year=_year(m["y"]), month=3 * number - 2)


def _half(m: re.Match[str]) -> Candidate | None:
    """ "the first half of 2022", "the second half of next year", "H2 2021"."""
    first = m["h"].lower() in {"first", "1st", "1"}
    rel = m.groupdict().get("rel")
    return Candidate(
        m.start(), m.end(), "half", year=_year(m["y"]), month=1 if first else 7,
        rel=rel.lower() if rel else None,
    )  # fmt: skip


def _unit_edge(m: re.Match[str]) -> Candidate | None:
    """ "the end of the year": the current one, or the last one that ended (``rel="edge"``)."""
    return Candidate(
        m.start(), m.end(), "relunit", rel="edge", unit=m["unit"].lower(), mod=m["pre"].lower()
    )


def _unit_key(word: str) -> str:
    word = word.lower()
    if word in SEASONS:
        return word
    if word.startswith("centur"):
        return "century"
    return word.rstrip("s") if word != "weekends" else "weekend"


def _ago(m: re.Match[str]) -> Candidate | None:
    amount = number_value(m["n"])
    unit = _unit_key(m["unit"])
    if unit in {"second", "minute", "hour", "night"}:
        return None
    return Candidate(m.start(), m.end(), "ago", unit=unit, amount=amount)


_AGE_CUE = re.compile(r"\b(?:ages?|aged)\s+$", re.IGNORECASE)


def _duration(m: re.Match[str]) -> Candidate | None:
    tail = m.string[m.end() : m.end() + 5].lower()
    if re.match(r"(?:-|\s)old", tail) or _preceded(m, _AGE_CUE):
        return None  # ages ("a five-year-old", "children aged 6 months")
    unit = _unit_key(m["unit"])
    words = m["n"].lower()
    amount = None if words in VAGUE_NUMBERS else number_value(words)
    if words in {"a", "an", "one"} and unit in {"second", "minute"} and not m["q"]:
        return None  # "wait a minute", "a second term"
    return Candidate(m.start(), m.end(), "duration", unit=unit, amount=amount)


def _bare_units(m: re.Match[str]) -> Candidate | None:
    return Candidate(m.start("span"), m.end("span"), "duration", unit=_unit_key(m["unit"]))
