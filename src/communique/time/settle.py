"""Settling the grammar's overlapping candidates into one reading of the text."""

from __future__ import annotations

import re
from dataclasses import replace

from ..intervals import Stretches
from .candidate import Candidate


def select(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first; ties go to the earlier pattern."""
    order = sorted(enumerate(cands), key=lambda ic: (-(ic[1].end - ic[1].start), ic[0]))
    taken: list[Candidate] = []
    covered = Stretches(max((c.end for c in cands), default=0))
    for _, cand in order:
        if not covered.overlaps(cand.start, cand.end):
            taken.append(cand)
            covered.add(cand.start, cand.end)
    return sorted(taken, key=lambda c: c.start)


_GLUE = re.compile(r"\s*,?\s*(?:on|at|(?:at\s+)?(?:around|about)|by)?\s*", re.IGNORECASE)
_DATED = frozenset({"date", "weekday", "relday"})


def merge_clock_dates(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Join a clock time written right beside a date ("Monday at 10:00", "15:00 GMT Saturday")."""
    out: list[Candidate] = []
    for cand in cands:
        prev = out[-1] if out else None
        if prev is not None and _GLUE.fullmatch(text[prev.end : cand.start]):
            merged = _merge_pair(prev, cand)
            if merged is not None:
                out[-1] = merged
                continue
        out.append(cand)
    return out


def _merge_pair(a: Candidate, b: Candidate) -> Candidate | None:
    if a.kind == "time" and b.kind in _DATED and b.clock is None:
        return replace(b, start=a.start, clock=a.clock)
    if b.kind == "time" and a.kind in _DATED and a.clock is None:
        return replace(a, end=b.end, clock=b.clock)
    return None


def settle_numeric_order(cands: list[Candidate]) -> list[Candidate]:
    """Read ambiguous numeric dates in the order the article's unambiguous ones use."""
    orders = {c.mod for c in cands if c.mod in {"dm", "md"} and c.day != c.month}
    if len(orders) != 1:
        return [replace(c, month=None, day=None) if c.mod == "ambiguous" else c for c in cands]
    month_first = orders == {"md"}
    return [
        replace(c, month=c.day, day=c.month, mod=None) if c.mod == "ambiguous" and month_first
        else replace(c, mod=None) if c.mod == "ambiguous" else c
        for c in cands
    ]  # fmt: skip
