"""Dates of acts come from their own clause, never from a clause describing a noun."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from communique import extract_article
from communique.settings import CleanSettings, Settings


@pytest.fixture(scope="module")
def sentence_resources(resources: Any) -> Any:
    return replace(
        resources, settings=Settings(clean=CleanSettings(min_chars=1, require_english=False))
    )


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
    ev = next(e for e in rec.events if e.type == etype)
    assert (ev.when.start if ev.when else None) == start
