"""Clock times: "09:00 GMT", "10 a.m. EST", "13.30 CET", "1100 GMT", "noon"."""

from __future__ import annotations

import re
from functools import lru_cache

from .candidate import Candidate, Clock
from .lexicon import zone_offset, zone_pattern, zone_summer_rule

AMPM = r"(?:a\.m\.?|p\.m\.?|am|pm|AM|PM|A\.M\.|P\.M\.)(?![A-Za-z])"


CLOCK_CORE = r"(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?(?![\d:])\s*(?P<ap>" + AMPM + r")?"


_CLOCK_SURE = re.compile(r"[ap]\.?m\b|[A-Z]{2}|[Tt]ime|:\d\d\s*h", re.IGNORECASE)
_NOT_CLOCK_NEXT = re.compile(r"\s*(?:%|per\s*cent|percent|million|billion|bn|m\b|km|kg|points?"
                             r"|majority|ratio|margin|votes?)", re.IGNORECASE)  # fmt: skip


def parse_clock(text: str) -> Clock | None:
    """The time of day in ``text`` ("09:00 GMT", "10 a.m. EST", "13.30 CET"), or None.

    A dot between hour and minutes counts only with a.m./p.m. or a zone: "10.30" alone is a
    number more often than a time."""
    for m in _clock_pattern().finditer(text):
        dotted = "." in text[m.start() : m.end("mi") if m["mi"] else m.start()]
        if (m["mi"] or m["ap"]) and not (dotted and not (m["ap"] or m["z"])):
            return _clock_of(m)
    word = re.search(r"\b(noon|midday|midnight)\b", text, re.IGNORECASE)
    if word:
        return Clock(0 if word.group(1).lower() == "midnight" else 12, 0, None, False)
    return None


@lru_cache(maxsize=1)
def _clock_pattern() -> re.Pattern[str]:
    return re.compile(r"(?<![\w:.])" + CLOCK_CORE + r"\s*(?:\(?(?P<z>" + zone_pattern() + r")\)?)?")


@lru_cache(maxsize=1)
def _zone_only() -> re.Pattern[str]:
    return re.compile(zone_pattern())


def _clock_of(m: re.Match[str]) -> Clock:
    hour, minute = int(m["h"]), int(m["mi"] or 0)
    ampm = (m["ap"] or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    zone = re.sub(r"\s+", " ", m["z"]) if m["z"] else None
    offset = zone_offset(zone) if zone else None
    return Clock(hour, minute, offset, bool(m["mi"]), zone_summer_rule(zone) if zone else "")


def clock_builder(m: re.Match[str]) -> Candidate | None:
    clock = parse_clock(m.group(0))
    if clock and not _CLOCK_SURE.search(m.group(0)) and _NOT_CLOCK_NEXT.match(m.string, m.end()):
        return None  # "10.30 percent", "3:1 majority"
    return Candidate(m.start(), m.end(), "time", clock=clock) if clock else None


def noon_builder(m: re.Match[str]) -> Candidate | None:
    return Candidate(m.start(), m.end(), "time", clock=parse_clock(m.group(0)))


def military_builder(m: re.Match[str]) -> Candidate | None:
    digits = re.match(r"\d{4}", m.group(0))
    zone = _zone_only().search(m.group(0))
    if digits is None or zone is None:
        return None
    hour, minute = int(digits.group(0)[:2]), int(digits.group(0)[2:])
    name = re.sub(r"\s+", " ", zone.group(0))
    clock = Clock(hour, minute, zone_offset(name), True, zone_summer_rule(name))
    return Candidate(m.start(), m.end(), "time", clock=clock)
