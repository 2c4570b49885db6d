"""Re-anchoring a clock time on the date of its event."""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Sequence
from datetime import date

from ..model import AnnotatedArticle, Granularity, TimeExpression
from .calendar import iso_at_clock
from .clock import parse_clock

_DAY_LIKE = frozenset({"day", "hour", "minute"})


def combine(date_expr: TimeExpression, time_expr: TimeExpression) -> TimeExpression:
    """The clock time of ``time_expr`` on the day of ``date_expr``, in UTC when a zone is given.

    ``date_expr`` must carry a day (granularity "day", or finer: its date part is used);
    ``time_expr`` must be a clock time ("09:00 GMT", "10 a.m. EST", "13.30"). The result keeps
    the span of ``time_expr`` (the evidence of the clock), takes kind "time", granularity
    "minute" ("09:00") or "hour" ("10 a.m."), and is ``year_inferred`` when either input is.
    Example: "on Wednesday, 12 January" (2022-01-12) + "at 09:00 GMT" ->
    "2022-01-12T09:00:00Z". When either input cannot serve (no day, no clock), ``time_expr``
    comes back unchanged.
    """
    day = _day_of(date_expr)
    clock = parse_clock(time_expr.text)
    if day is None or clock is None:
        return time_expr
    granularity: Granularity = "minute" if clock.exact else "hour"
    try:
        value = iso_at_clock(day, clock)
    except OverflowError:
        return time_expr
    return TimeExpression(
        start=time_expr.start,
        end=time_expr.end,
        text=time_expr.text,
        value=value,
        granularity=granularity,
        value_end=None,
        year_inferred=date_expr.year_inferred or time_expr.year_inferred,
        kind="time",
    )


def _day_of(expr: TimeExpression) -> date | None:
    if expr.value is None or expr.granularity not in _DAY_LIKE:
        return None
    try:
        return date.fromisoformat(expr.value[:10])
    except ValueError:
        return None


def combine_in_sentences(
    annotated: AnnotatedArticle, exprs: Sequence[TimeExpression]
) -> tuple[TimeExpression, ...]:
    """Give each unanchored clock time the day of the nearest dated expression in its sentence."""
    out: list[TimeExpression] = []
    starts = [e.start for e in exprs]
    in_order = all(a <= b for a, b in itertools.pairwise(starts))
    for expr in exprs:
        if expr.kind == "time" and expr.value is None:
            expr = _combine_nearby(annotated, exprs, starts if in_order else None, expr)
        out.append(expr)
    return tuple(out)


def _combine_nearby(
    annotated: AnnotatedArticle,
    exprs: Sequence[TimeExpression],
    starts: list[int] | None,
    clock: TimeExpression,
) -> TimeExpression:
    """``starts``: where each of ``exprs`` starts, when they are in text order (the sentence's
    expressions are then found by bisection); None to look at every one."""
    sentence = annotated.sentence_at(clock.start)
    if sentence is None:
        return clock
    if starts is not None:
        lo, hi = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
        exprs = exprs[lo:hi]
    dated = [
        e
        for e in exprs
        if sentence.start <= e.start < sentence.end
        and e.granularity == "day"
        and e.value is not None
        and e.value_end is None
    ]
    if not dated:
        return clock
    nearest = min(dated, key=lambda e: abs(e.start - clock.start))
    return combine(nearest, clock)
