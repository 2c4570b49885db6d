"""The grammar's records: a clock time, and a candidate time expression not yet anchored."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Clock:
    """A time of day as written; ``offset`` (minutes east of UTC) when a zone is given."""

    hour: int
    minute: int
    offset: int | None
    exact: bool  # minutes written ("09:00") rather than an hour ("10 a.m.")
    summer: str = ""  # summer-time rule of the zone ("us", "eu"): ``offset`` is its winter one


@dataclass(frozen=True, slots=True)
class Candidate:
    """One match of the grammar, not yet anchored to a date."""

    start: int
    end: int
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    year_end: int | None = None
    month_end: int | None = None
    day_end: int | None = None
    clock: Clock | None = None
    rel: str | None = None
    unit: str | None = None
    amount: int | None = None
    part: str | None = None
    mod: str | None = None


Builder = Callable[[re.Match[str]], Candidate | None]
