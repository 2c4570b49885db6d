"""Staying away from a meeting: "X skipped the meeting with Y" is a meeting of X and Y called
off (meeting.skipped_with); "X skipped the summit" is a summit held without X."""

from __future__ import annotations

from datetime import date

from communique import extract_article
from communique.model import Record


def _record(text: str) -> Record:
    return extract_article(text, published=date(2024, 3, 18))


def _codes(rec: Record) -> list[tuple[str, set[str]]]:
    ents = {e.id: e for e in rec.entities}
    return [
        (
            e.status,
            {c for i in e.actors + e.recipients for c in (ents[i].code, ents[i].country) if c},
        )
        for e in rec.events
        if e.meeting is not None
    ]


def test_skipping_a_meeting_with_someone_calls_it_off() -> None:
    rec = _record(
        "Azerbaijan's President Ilham Aliyev skipped the meeting with Armenian Prime Minister "
        "Nikol Pashinyan in Granada on Thursday."
    )
    assert _codes(rec) == [("cancelled", {"AZE", "ARM"})]


def test_skipping_a_summit_leaves_it_held_without_the_absentee() -> None:
    rec = _record(
        "Russian President Vladimir Putin skipped the G20 summit in Rio de Janeiro on Monday."
    )
    meetings = _codes(rec)
    assert meetings and all(s == "occurred" and "RUS" not in codes for s, codes in meetings)
