"""The date an article is written from: its publication date, or one inferred from the text.

Without a publication date the year comes from weekday+date agreement: "Wednesday, 12 January"
only fits some years (2022, 2028, 2033, 2016, ...). Every weekday+date of the article must
agree, and the year must not come before the latest year the article names outside a future
clause or a deadline ("the first since 2019" -> 2019 or later; "by 2030" says nothing); the
earliest such year wins. Without any weekday+date, a dateline serves: a full date with its
year at the start or the end of the text, or one written with its (agreeing) weekday. With
neither, there is no anchor: the machine clock is never used."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from .calendar import place_near, safe_date, weekday_years
from .candidate import Candidate
from .tense import Tense


@dataclass(frozen=True, slots=True)
class Anchor:
    day: date
    inferred: bool  # True when not the publication date


_DEADLINE_WORDS = frozenset({"by", "until", "till", "before", "through", "to"})


@dataclass(frozen=True, slots=True)
class Clue:
    """A candidate with the tense of its clause."""

    cand: Candidate
    tense: Tense
    lead: str = ""  # the word before: "since" marks a past year whatever the clause's tense,
    #                "by"/"until"/"before" a deadline, which may lie ahead
    stamp: bool = False  # at the very start or end of the text, where datelines stand


def document_anchor(clues: Sequence[Clue], published: date | None) -> Anchor | None:
    if published is not None:
        return Anchor(published, inferred=False)
    day = _from_weekday_dates(clues) or _from_full_dates(clues)
    return Anchor(day, inferred=True) if day else None


def _weekday_dated(clues: Sequence[Clue]) -> list[Clue]:
    return [c for c in clues if c.cand.kind in {"date", "range"} and c.cand.weekday is not None
            and c.cand.year is None and c.cand.month and c.cand.day]  # fmt: skip


def _from_weekday_dates(clues: Sequence[Clue]) -> date | None:
    dated = _weekday_dated(clues)
    floor = _latest_named_year(clues)
    if not dated or floor is None:
        return None
    first = dated[0].cand
    assert first.month and first.day and first.weekday is not None
    best: list[int] = []
    best_score = -1
    for year in weekday_years(first.month, first.day, first.weekday, lo=floor, hi=floor + 30):
        score = _agreement(date(year, first.month, first.day), dated[1:])
        if score > best_score:
            best, best_score = [year], score
        elif score == best_score:
            best.append(year)
    if not best:
        return None
    primary = date(min(best), first.month, first.day)
    placed = [(place_near(primary, c.cand.month or 1, c.cand.day or 1), c.tense) for c in dated]
    return _pick([(d, t) for d, t in placed if d is not None])


def _agreement(primary: date, others: Sequence[Clue]) -> int:
    score = 0
    for clue in others:
        placed = place_near(primary, clue.cand.month or 1, clue.cand.day or 1)
        if placed is not None and placed.weekday() == clue.cand.weekday:
            score += 1
    return score


def _latest_named_year(clues: Sequence[Clue]) -> int | None:
    """The latest year written in the article outside future clauses."""
    named = [
        c.cand
        for c in clues
        if (c.tense != "future" or c.lead == "since") and c.lead not in _DEADLINE_WORDS
    ]
    years = [y for c in named for y in (c.year, c.year_end) if y and 1900 <= y <= 2099]
    return max(years) if years else None


def _from_full_dates(clues: Sequence[Clue]) -> date | None:
    """A dateline: a full date (with its year) at the start or end of the text, or one whose
    weekday is written and agrees. A full date elsewhere may be history: no anchor from it."""
    found = [(d, c.tense) for c in clues
             if c.cand.kind in {"date", "range"} and c.cand.year and c.cand.month and c.cand.day
             and (d := safe_date(c.cand.year, c.cand.month, c.cand.day)) is not None
             and (c.stamp or d.weekday() == c.cand.weekday)]  # fmt: skip
    return _pick(found)


def _pick(found: Sequence[tuple[date, Tense]]) -> date | None:
    """The writing date lies before the events still to come and after those already past:
    the earliest future-tense date, else the latest date."""
    if not found:
        return None
    future = [d for d, t in found if t == "future"]
    return min(future) if future else max(d for d, _ in found)
