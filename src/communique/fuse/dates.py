"""Event dates as day ranges, for comparing reports at different granularities."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import When


@dataclass(frozen=True, slots=True)
class DayRange:
    first: date
    last: date

    def widened(self, before: int, after: int) -> DayRange:
        return DayRange(self.first - timedelta(days=before), self.last + timedelta(days=after))

    def overlaps(self, other: DayRange) -> bool:
        return self.first <= other.last and other.first <= self.last


def day_range(when: When | None) -> DayRange | None:
    """The days a ``When`` covers, from its start value to its end value when it has one ("last
    week": Monday to Sunday), or None when the start cannot be read."""
    if when is None:
        return None
    first = value_range(when.start)
    last = value_range(when.end) if when.end else None
    if first is None or last is None or last.last < first.first:
        return first
    return DayRange(first.first, last.last)


def value_range(value: str) -> DayRange | None:
    """ "2022", "2022-01" or "2022-01-12[T...]" -> the days it covers."""
    parts = value[:10].split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return DayRange(date(year, 1, 1), date(year, 12, 31))
        month = int(parts[1])
        if len(parts) == 2:
            last = calendar.monthrange(year, month)[1]
            return DayRange(date(year, month, 1), date(year, month, last))
        day = date(year, month, int(parts[2]))
    except (ValueError, IndexError):
        return None
    return DayRange(day, day)


def point(day: date | None) -> DayRange | None:
    return DayRange(day, day) if day is not None else None
