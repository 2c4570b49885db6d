"""Dates of acts come from their own clause, never from a clause describing a noun."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from communique import extract_article


@pytest.mark.parametrize(
    ("text", "etype", "published", "start"),
    [
        ("Peru on Monday rejected an OAS decision first taken in 2019.", "REJECT", None, None),
        (
            "Peru on Monday rejected an OAS decision first taken in 2019.",
            "REJECT",
            date(2021, 3, 3),
            "2021-03-01",
        ),
        (
            "Ghana accused Togo on Tuesday of breaking an accord signed in 2015.",
            "ACCUSE",
            None,
            None,
        ),
        (
            "Officials said Iran had expelled two British diplomats in 2019.",
            "SANCTION",
            None,
            "2019",
        ),
    ],
)
def test_events_date_of_act_is_its_own_clause(
    text: str, etype: str, published: date | None, start: str | None, sentence_resources: Any
) -> None:
    rec = extract_article(text, published=published, resources=sentence_resources)
    # the date is the act's own, reported or left out as background
    ev = next(e for e in (*rec.events, *(o.event for o in rec.left_out)) if e.type == etype)
    assert (ev.when.start if ev.when else None) == start


def test_a_date_in_what_was_said_is_not_the_saying(resources: Any) -> None:
    text = "Kenyan Foreign Minister Musalia Mudavadi said the new visa rules would start in July."
    rec = extract_article(text, published=date(2024, 3, 4), resources=resources)
    said = [e for e in rec.events if e.type == "STATEMENT"]
    assert said and all(e.when is None or not e.when.start.startswith("2024-07") for e in said)


def test_a_planned_meeting_takes_its_own_date_not_the_agreements(resources: Any) -> None:
    text = "Kenya agreed on Monday to hold talks with Uganda in May."
    rec = extract_article(text, published=date(2024, 3, 6), resources=resources)
    meetings = [e for e in rec.events if e.meeting is not None]
    assert len(meetings) == 1 and meetings[0].when is not None
    assert meetings[0].when.start == "2024-05", meetings[0].when
