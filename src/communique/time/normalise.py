"""Turn grammar candidates into ``TimeExpression`` records, anchored on the document date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..model import Granularity, TimeExpression
from .anchor import Anchor
from .calendar import add_months, day_near, iso_at_clock, month_year, safe_date, weekday_near
from .candidate import Candidate
from .lexicon import SEASONS, UNITS
from .tense import Tense


@dataclass(frozen=True, slots=True)
class Reading:
    """A value before it becomes a record: the span and the kind come from the candidate."""

    value: str | None
    granularity: Granularity | None
    value_end: str | None = None
    anchored: bool = False  # the value depends on the document anchor
    kind: str | None = None  # overrides the candidate's kind


NONE = Reading(None, None)


def normalise(cand: Candidate, text: str, anchor: Anchor | None, tense: Tense) -> TimeExpression:
    reading = _read(cand, anchor, tense)
    inferred = reading.anchored and anchor is not None and anchor.inferred
    return TimeExpression(
        start=cand.start,
        end=cand.end,
        text=text[cand.start : cand.end],
        value=reading.value,
        granularity=reading.granularity,
        value_end=reading.value_end,
        year_inferred=inferred and reading.value is not None,
        kind=reading.kind or _PUBLIC_KIND.get(cand.kind, cand.kind),
    )


_PUBLIC_KIND = {"relday": "relative", "ago": "relative", "relunit": "relative"}


def _read(cand: Candidate, anchor: Anchor | None, tense: Tense) -> Reading:
    reader = _READERS.get(cand.kind)
    try:
        return reader(cand, anchor, tense) if reader else NONE
    except (ValueError, OverflowError):  # calendar arithmetic past year 1 or 9999
        return NONE


def _day(d: date) -> str:
    return d.isoformat()


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _with_clock(cand: Candidate, day: date, anchored: bool, kind: str | None = None) -> Reading:
    if cand.clock is None:
        return Reading(_day(day), "day", anchored=anchored, kind=kind)
    granularity: Granularity = "minute" if cand.clock.exact else "hour"
    return Reading(iso_at_clock(day, cand.clock), granularity, anchored=anchored, kind="time")


def _date(cand: Candidate, anchor: Anchor | None, tense: Tense) -> Reading:
    if cand.month is None or cand.day is None:
        return NONE
    if cand.year is not None:
        day = safe_date(cand.year, cand.month, cand.day)
        return _range_end(cand, _with_clock(cand, day, False)) if day else NONE
    if anchor is None:
        return NONE
    day = _yearless_day(cand, anchor, tense)
    return _range_end(cand, _with_clock(cand, day, True)) if day else NONE


def _yearless_day(cand: Candidate, anchor: Anchor, tense: Tense) -> date | None:
    assert cand.month is not None and cand.day is not None
    if cand.weekday is not None:
        fitting = [
            d
            for y in (anchor.day.year - 1, anchor.day.year, anchor.day.year + 1)
            if (d := safe_date(y, cand.month, cand.day)) and d.weekday() == cand.weekday
        ]
        near = [d for d in fitting if abs((d - anchor.day).days) <= 183]  # fmt: skip
        if near:
            return near[0]
    return day_near(anchor.day, cand.month, cand.day, tense)


def _range_end(cand: Candidate, start: Reading) -> Reading:
    if cand.day_end is None or start.value is None:
        return start
    first = date.fromisoformat(start.value[:10])
    month_end = cand.month_end or first.month
    year_end = cand.year_end or (first.year + (1 if month_end < first.month else 0))
    last = safe_date(year_end, month_end, cand.day_end)
    if last is None or last < first:
        return start
    return Reading(start.value, start.granularity, _day(last), start.anchored, "range")


def _weekday(cand: Candidate, anchor: Anchor | None, tense: Tense) -> Reading:
    if anchor is None or cand.weekday is None:
        return NONE
    return _with_clock(cand, weekday_near(anchor.day, cand.weekday, tense, cand.rel), True)


def _relday(cand: Candidate, anchor: Anchor | None, tense: Tense) -> Reading:
    if anchor is None:
        return NONE
    day = anchor.day + timedelta(days=cand.amount or 0)
    return _with_clock(cand, day, True, kind="relative")


def _month_expr(cand: Candidate, anchor: Anchor | None, tense: Tense) -> Reading:
    if cand.month is None:
        return NONE
    if cand.year is not None:
        return Reading(_month(cand.year, cand.month), "month")
    if anchor is None:
        return NONE
    if cand.rel and cand.rel.endswith(" year"):
        year = anchor.day.year + _shift(cand.rel.split()[0])
        return Reading(_month(year, cand.month), "month", anchored=True)
    year = month_year(anchor.day, cand.month, tense, cand.rel)
    return Reading(_month(year, cand.month), "month", anchored=True)


def _year_expr(cand: Candidate, anchor: Anchor | None, tense: Tense) -> Reading:
    if cand.year is None:
        return NONE
    end = f"{cand.year_end:04d}" if cand.year_end else None
    return Reading(f"{cand.year:04d}", "year", end)


def _span_of_years(cand: Candidate, width: int) -> Reading:
    if cand.year is None:
        return NONE
    return Reading(f"{cand.year:04d}", "year", f"{cand.year + width - 1:04d}")


def _decade(cand: Candidate, anchor: Anchor | None, tense: Tense) -> Reading:
    return _span_of_years(cand, 10)


def _century(cand: Candidate, anchor: Anchor | None, tense: Tense) -> Reading:
    return _span_of_years(cand, 100)


def _shift(rel: str | None) -> int:
    return {"last": -1, "next": 1}.get(rel or "", 0)


def _relunit(cand: Candidate, anchor: Anchor | None, tense: Tense) -> Reading:
    if anchor is None or cand.unit is None:
        return NONE
    if cand.rel == "tense":
        return _unit_around(anchor.day, cand.unit, _tense_shift(anchor.day, tense))
    if cand.rel == "edge":
        return _unit_around(anchor.day, cand.unit, _edge_shift(cand.mod, tense))
    return _unit_around(anchor.day, cand.unit, _shift(cand.rel))


def _tense_shift(day: date, tense: Tense) -> int:
    """ "over the weekend" told in the past is the last one (this one from Saturday on)."""
    if tense == "past":
        return 0 if day.weekday() >= 5 else -1
    if tense == "future":
        return 0
    return 0 if day.weekday() >= 3 else -1


def _edge_shift(edge: str | None, tense: Tense) -> int:
    """ "the end of the year" told in the past is the last one that ended; "the start of the
    year" told in the future is the next one that starts; otherwise the current one."""
    if edge == "end" and tense == "past":
        return -1
    if edge in {"beginning", "start"} and tense == "future":
        return 1
    return 0


def _unit_around(day: date, unit: str, shift: int) -> Reading:
    """The week/month/year/... holding ``day``, moved ``shift`` units."""
    if unit in {"week", "weekend"}:
        monday = day - timedelta(days=day.weekday()) + timedelta(weeks=shift)
        first = monday + timedelta(days=5) if unit == "weekend" else monday
        return Reading(_day(first), "day", _day(monday + timedelta(days=6)), True, unit)
    if unit == "month":
        year, month = add_months(day.year, day.month, shift)
        return Reading(_month(year, month), "month", anchored=True, kind="month")
    if unit == "quarter":
        year, month = add_months(day.year, (day.month - 1) // 3 * 3 + 1, 3 * shift)
        end = _month(*add_months(year, month, 2))
        return Reading(_month(year, month), "month", end, True, "quarter")
    if unit in {"decade", "century"}:
        width = 10 if unit == "decade" else 100
        start = day.year // width * width + shift * width
        return Reading(f"{start:04d}", "year", f"{start + width - 1:04d}", True, unit)
    if unit == "year":
        return Reading(f"{day.year + shift:04d}", "year", anchored=True, kind="year")
    return NONE


def _quarter(cand: Candidate, anchor: Anchor | None, tense: Tense) -> Reading:
    if cand.month is None:
        return NONE
    if cand.year is not None:
        year = cand.year
    elif anchor is not None:
        year = month_year(anchor.day, cand.month, tense)
    else:
        return NONE
    end = _month(*add_months(year, cand.month, 2))
    return Reading(_month(year, cand.month), "month", end, cand.year is None, "quarter")


def _half(cand: Candidate, anchor: Anchor | None, tense: Tense) -> Reading:
    if cand.month is None:
        return NONE
    if cand.year is not None:
        year, anchored = cand.year, False
    elif anchor is not None:
        year, anchored = anchor.day.year + _shift(cand.rel), True
    else:
        return NONE
    end = _month(year, cand.month + 5)
    return Reading(_month(year, cand.month), "month", end, anchored, "half")


def resolve_anaphor(cand: Candidate, text: str, reference: TimeExpression | None) -> TimeExpression:
    """ "the next day", "two weeks later", "that year": counted from ``reference``, the last
    expression told before it (None: no value)."""
    try:
        reading = _from_reference(cand, reference) if reference else NONE
    except (ValueError, OverflowError):
        reading = NONE
    return TimeExpression(
        start=cand.start, end=cand.end, text=text[cand.start : cand.end], value=reading.value,
        granularity=reading.granularity, value_end=reading.value_end,
        year_inferred=bool(reference and reference.year_inferred and reading.value),
        kind=reading.kind or "relative",
    )  # fmt: skip


def _from_reference(cand: Candidate, reference: TimeExpression) -> Reading:
    if reference.value is None or cand.unit is None:
        return NONE
    day = _loose_day(reference.value)
    if day is None:
        return NONE
    n = cand.amount or 0
    if cand.unit == "day":
        return Reading(_day(day + timedelta(days=n)), "day", kind="relative")
    if cand.unit in {"week", "weekend"}:
        return _unit_around(day, cand.unit, n)
    if cand.unit == "month":
        return Reading(_month(*add_months(day.year, day.month, n)), "month", kind="month")
    if cand.unit == "year":
        return Reading(f"{day.year + n:04d}", "year", kind="year")
    return NONE


def _loose_day(value: str) -> date | None:
    """The day of a value; the first day of a month ("2022-03") or year ("2022") value."""
    parts = value[:10].split("-")
    try:
        numbers = [int(p) for p in parts] + [1, 1]
        return date(numbers[0], numbers[1], numbers[2])
    except ValueError:
        return None


def _season(cand: Candidate, anchor: Anchor | None, tense: Tense) -> Reading:
    if cand.unit not in SEASONS:
        return NONE
    first_month = SEASONS[cand.unit][0]
    if cand.year is not None:
        return _season_reading(cand.year, first_month, False)
    if anchor is None:
        return NONE
    start = _season_start(anchor.day, first_month, cand.rel, tense)
    return _season_reading(start.year, first_month, True)


def _season_start(day: date, first_month: int, rel: str | None, tense: Tense) -> date:
    """Which summer: "last" ended before ``day``, "next" starts after it; "this" is the one
    under way, else the one just past (past tense), the coming one (future), the nearer one."""
    starts = [date(y, first_month, 1) for y in range(day.year - 2, day.year + 2)]
    spans = [(s, date(*add_months(s.year, s.month, 3), 1)) for s in starts]
    past = [s for s, e in spans if e <= day]
    ahead = [s for s, _ in spans if s > day]
    under_way = [s for s, e in spans if s <= day < e]
    if rel == "last":
        return max(past)
    if rel == "next":
        return min(ahead)
    if under_way:
        return under_way[0]
    if tense != "present":
        return max(past) if tense == "past" else min(ahead)
    last_end = date(*add_months(max(past).year, first_month, 3), 1)
    return max(past) if (day - last_end) < (min(ahead) - day) else min(ahead)


def _season_reading(year: int, first_month: int, anchored: bool) -> Reading:
    end = _month(*add_months(year, first_month, 2))
    return Reading(_month(year, first_month), "month", end, anchored, "season")


def _ago(cand: Candidate, anchor: Anchor | None, tense: Tense) -> Reading:
    if anchor is None or cand.unit is None or cand.amount is None:
        return NONE
    n = cand.amount
    day = anchor.day
    if cand.unit == "day":
        return Reading(_day(day - timedelta(days=n)), "day", anchored=True, kind="relative")
    if cand.unit == "week":
        return _unit_around(day, "week", -n)
    if cand.unit == "month":
        return Reading(_month(*add_months(day.year, day.month, -n)), "month", anchored=True,
                       kind="month")  # fmt: skip
    years = {"year": 1, "decade": 10, "century": 100}.get(cand.unit)
    if years is None:
        return NONE
    return Reading(f"{day.year - n * years:04d}", "year", anchored=True, kind="year")


def duration_value(unit: str | None, amount: int | None) -> str | None:
    """ISO 8601 duration ("P3Y", "PT2H"); "X" for an unknown amount ("PXD")."""
    if unit not in UNITS:
        return None
    designator, size = UNITS[unit]
    if amount is None:
        code = {"decade": "DE", "century": "CE", "quarter": "Q"}.get(unit, designator)
        number = "X"
    else:
        code, number = designator, str(amount * size)
    timed = unit in {"second", "minute", "hour"}
    return f"PT{number}{code}" if timed else f"P{number}{code}"


def _duration(cand: Candidate, anchor: Anchor | None, tense: Tense) -> Reading:
    return Reading(duration_value(cand.unit, cand.amount), None)


def _set(cand: Candidate, anchor: Anchor | None, tense: Tense) -> Reading:
    return Reading(duration_value(cand.unit, 1), None)


def _present(cand: Candidate, anchor: Anchor | None, tense: Tense) -> Reading:
    return Reading(_day(anchor.day), "day", anchored=True) if anchor else NONE


def _time(cand: Candidate, anchor: Anchor | None, tense: Tense) -> Reading:
    if cand.clock is None:
        return NONE
    return Reading(None, "minute" if cand.clock.exact else "hour")


def _nothing(cand: Candidate, anchor: Anchor | None, tense: Tense) -> Reading:
    return NONE


_READERS = {
    "date": _date, "range": _date, "weekday": _weekday, "relday": _relday, "month": _month_expr,
    "year": _year_expr, "decade": _decade, "century": _century, "relunit": _relunit,
    "season": _season, "ago": _ago, "duration": _duration, "set": _set, "present": _present,
    "time": _time, "past_ref": _nothing, "future_ref": _nothing, "quarter": _quarter,
    "half": _half,
}  # fmt: skip
