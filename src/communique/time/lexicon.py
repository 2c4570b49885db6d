"""Words of the time grammar: months, weekdays, number words, units and the zone table."""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

from ..errors import ResourceError

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "hundred": 100, "a hundred": 100, "a dozen": 12, "dozen": 12, "half a": 0,
}  # fmt: skip

#: vague quantities: the amount is unknown ("several days" -> PXD)
VAGUE_NUMBERS = frozenset({"several", "a few", "few", "many", "some", "a couple of", "couple of"})

ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
}  # fmt: skip

#: unit word -> ISO 8601 duration designator and how many of it one unit is
UNITS: dict[str, tuple[str, int]] = {
    "second": ("S", 1), "minute": ("M", 1), "hour": ("H", 1), "day": ("D", 1),
    "night": ("D", 1), "week": ("W", 1), "month": ("M", 1), "quarter": ("M", 3),
    "year": ("Y", 1), "decade": ("Y", 10), "century": ("Y", 100),
}  # fmt: skip

#: season -> (first month, TimeML code)
SEASONS: dict[str, tuple[int, str]] = {
    "spring": (3, "SP"), "summer": (6, "SU"), "autumn": (9, "FA"), "fall": (9, "FA"),
    "winter": (12, "WI"),
}  # fmt: skip


_MONTH_WORDS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?"
)
_WEEKDAY_WORDS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
#: capitalised as in running text, or all capitals as in datelines and headlines
MONTH_PATTERN = rf"(?:{_MONTH_WORDS}|{_MONTH_WORDS.upper()})(?![A-Za-z])"
WEEKDAY_PATTERN = rf"(?:{_WEEKDAY_WORDS}|{_WEEKDAY_WORDS.upper()})(?![A-Za-z])"
DAY_PATTERN = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
YEAR_PATTERN = r"(?:1[6-9]\d\d|20\d\d)(?![\d])"


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    return WEEKDAYS[word.lower()]


def day_number(word: str) -> int:
    return int(re.sub(r"\D", "", word))


def number_value(word: str) -> int | None:
    """A cardinal written in digits or words; None for vague quantities ("several")."""
    text = word.lower().replace(",", "").strip()
    if text.isdigit():
        return int(text)
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text]
    parts = text.replace("-", " ").split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


@lru_cache(maxsize=1)
def _zone_rows() -> tuple[dict[str, str], ...]:
    try:
        text = resources.files(__package__).joinpath("data/zones.csv").read_text("utf-8")
    except OSError as err:
        raise ResourceError(f"time-zone table missing: {err}") from err
    return tuple(csv.DictReader(text.splitlines()))


@lru_cache(maxsize=1)
def zone_offsets() -> dict[str, int]:
    """Zone as written -> standard offset from UTC in minutes, from ``data/zones.csv``."""
    return {row["abbreviation"]: int(row["utc_offset_minutes"]) for row in _zone_rows()}


@lru_cache(maxsize=1)
def zone_summer_rules() -> dict[str, str]:
    """Zone as written -> its summer-time rule ("us", "eu"); zones without one are absent."""
    return {row["abbreviation"].lower(): row["dst"] for row in _zone_rows() if row["dst"]}


def zone_summer_rule(name: str) -> str:
    return zone_summer_rules().get(re.sub(r"\s+", " ", name.strip()).lower(), "")


_OFFSET = re.compile(r"(?:GMT|UTC)\s?([+\-−–])\s?(\d{1,2})(?::?(\d\d))?")


def zone_offset(name: str) -> int | None:
    """Minutes east of UTC for a zone as written: "EST", "Moscow Time", "GMT+3", "UTC-04:30"."""
    m = _OFFSET.fullmatch(name.strip())
    if m:
        minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
        return minutes if m.group(1) == "+" else -minutes
    zones = zone_offsets()
    if name in zones:
        return zones[name]
    return _spaced_zones().get(name.lower())


@lru_cache(maxsize=1)
def _spaced_zones() -> dict[str, int]:
    """Zones of several words ("Moscow Time"), lower-cased -> standard offset."""
    return {k.lower(): v for k, v in zone_offsets().items() if " " in k}


@lru_cache(maxsize=1)
def zone_pattern() -> str:
    """An alternation of the known zones (abbreviations, "Moscow time", "GMT+3"), longest first."""
    names = sorted((z for z in zone_offsets() if len(z) > 1), key=len, reverse=True)
    words = [re.escape(z).replace(r"\ ", r"\s+").replace(" time", " [Tt]ime") for z in names]
    offset = r"(?:GMT|UTC)\s?[+\-−–]\s?\d{1,2}(?::?\d\d)?"
    return r"(?:" + offset + "|" + "|".join(words) + r")(?![A-Za-z0-9])"
