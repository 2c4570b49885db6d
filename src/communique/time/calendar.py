"""Calendar arithmetic for anchoring: which Monday, which December, which 12 January.

``direction`` is the tense of the clause: "past" picks the most recent one on or before the
anchor, "future" the next one on or after it, "present" the nearest."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from .candidate import Clock
from .tense import Tense


def weekday_near(anchor: date, weekday: int, direction: Tense, rel: str | None = None) -> date:
    """The day with ``weekday`` (0 = Monday) that the clause means, seen from ``anchor``.

    The anchor day itself counts in both directions: news written on a Friday says "said
    Friday" and "meets Friday" of that very day; a week away is written "next Friday"."""
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if rel == "last" or (rel == "past"):
        return anchor - timedelta(days=back or 7)
    if rel in {"next", "coming"}:
        return anchor + timedelta(days=ahead or 7)
    if rel in {"this", "this week"}:
        return anchor - timedelta(days=anchor.weekday()) + timedelta(days=weekday)
    if rel in {"next week", "last week"}:  # "Friday next week", "Tuesday last week"
        shift = 7 if rel == "next week" else -7
        return anchor - timedelta(days=anchor.weekday()) + timedelta(days=weekday + shift)
    if direction == "past":
        return anchor - timedelta(days=back)
    if direction == "future":
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back) if back <= ahead else anchor + timedelta(days=ahead)


def month_year(anchor: date, month: int, direction: Tense, rel: str | None = None) -> int:
    """The year of a month named without one ("in December")."""
    if rel in {"last", "past"}:
        return anchor.year if month < anchor.month else anchor.year - 1
    if rel in {"next", "coming"}:
        return anchor.year if month > anchor.month else anchor.year + 1
    if rel == "this" or month == anchor.month:
        return anchor.year
    if direction == "past":
        return anchor.year if month < anchor.month else anchor.year - 1
    if direction == "future":
        return anchor.year if month > anchor.month else anchor.year + 1
    diff = month - anchor.month
    return anchor.year - 1 if diff > 6 else anchor.year + 1 if diff < -6 else anchor.year


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


#: a date this close to the anchor is read in the anchor's year whatever the tense: a past
#: tense about "20 March" in a text dated 16 March more likely means a publication date a few
#: days off (or reported speech) than a date a year back
SLACK = timedelta(days=7)


def day_near(anchor: date, month: int, day: int, direction: Tense) -> date | None:
    """The date of a month-day named without a year ("on 12 January")."""
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
               if (d := safe_date(y, month, day)) is not None]  # fmt: skip
    if not options:
        return None
    close = [d for d in options if abs(d - anchor) <= SLACK]
    if close:
        return close[0]
    before = [d for d in options if d <= anchor]
    after = [d for d in options if d >= anchor]
    if direction == "past" and before:
        return max(before)
    if direction == "future" and after:
        return min(after)
    return min(options, key=lambda d: abs((d - anchor).days))


def weekday_years(month: int, day: int, weekday: int, lo: int = 1900, hi: int = 2099) -> list[int]:
    """Years in which ``day`` of ``month`` falls on ``weekday``."""
    return [y for y in range(lo, hi + 1)
            if (d := safe_date(y, month, day)) is not None and d.weekday() == weekday]  # fmt: skip


def place_near(reference: date, month: int, day: int) -> date | None:
    """``day`` of ``month`` in the year that puts it within half a year of ``reference``."""
    return day_near(reference, month, day, "present")


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def iso_at_clock(day: date, clock: Clock) -> str:
    """``day`` at the clock time, in UTC when the clock names a zone ("...T09:00:00Z")."""
    local = datetime(day.year, day.month, day.day, clock.hour % 24, clock.minute)
    if clock.offset is None:
        return local.strftime("%Y-%m-%dT%H:%M:%S")
    offset = clock.offset + (60 if in_summer_time(clock.summer, day) else 0)
    return (local - timedelta(minutes=offset)).strftime("%Y-%m-%dT%H:%M:%SZ")


def in_summer_time(rule: str, day: date) -> bool:
    """Whether ``day`` falls in summer time under ``rule``: "us" (second Sunday of March to
    first Sunday of November, since 2007), "eu" (last Sunday of March to last Sunday of
    October). Decided by the day; the hours around a switch are not told apart."""
    if rule == "us":
        return _sunday(day.year, 3, 2) <= day < _sunday(day.year, 11, 1)
    if rule == "eu":
        return _last_sunday(day.year, 3) <= day < _last_sunday(day.year, 10)
    return False


def _sunday(year: int, month: int, nth: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (nth - 1))


def _last_sunday(year: int, month: int) -> date:
    last = date(*add_months(year, month, 1), 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - 6) % 7)
