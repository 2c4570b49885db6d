"""Meetings and the legs of a journey, and meetings told in relative clauses: short invented
reports, one general rule each."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from communique import extract_article
from communique.evaluation.meetings import is_meeting
from communique.model import Record


def _met(rec: Record, a: str, b: str) -> list[Any]:
    ents = {e.id: e for e in rec.entities}
    out = []
    for ev in rec.events:
        if not is_meeting(ev):
            continue
        codes = {c for i in (*ev.actors, *ev.recipients) for c in (ents[i].code, ents[i].country)}
        if {a, b} <= codes:
            out.append(ev)
    return out


@pytest.mark.parametrize(
    "text",
    [
        "Indian Prime Minister Narendra Modi held talks with Japanese Prime Minister Fumio "
        "Kishida on Friday and then flew to Australia.",
        "After talks with Japanese Prime Minister Fumio Kishida on Friday, Indian Prime "
        "Minister Narendra Modi left for Australia.",
        "Indian Prime Minister Narendra Modi, who was hosted by Japanese Prime Minister Fumio "
        "Kishida on Friday, left for Australia.",
    ],
)
def test_a_journey_told_after_a_meeting_is_the_next_leg(text: str, resources: Any) -> None:
    rec = extract_article(text, published=date(2023, 5, 20), resources=resources)
    found = _met(rec, "IND", "JPN")
    assert found, [(e.type, e.rules) for e in rec.events]
    ents = {e.id: e for e in rec.entities}
    for ev in found:
        assert not (ev.where and ev.where.country == "AUS"), ev.where
        parties = {ents[i].code or ents[i].country for i in (*ev.actors, *ev.recipients)}
        assert "AUS" not in parties, parties


def test_a_journey_to_a_meeting_is_where_it_is_held(resources: Any) -> None:
    text = (
        "Indian Prime Minister Narendra Modi left for Tokyo on Friday for talks with Japanese "
        "Prime Minister Fumio Kishida."
    )
    rec = extract_article(text, published=date(2023, 5, 20), resources=resources)
    found = _met(rec, "IND", "JPN")
    assert found and found[0].where and found[0].where.name == "Tokyo", found


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "US Secretary of State Antony Blinken, who met Chinese President Xi Jinping in "
            "Beijing on Monday, said the talks were candid.",
            ("USA", "CHN"),
        ),
        (
            "Guatemalan Foreign Minister Mario Bucaro, who was received by Moroccan Prime "
            "Minister Aziz Akhannouch in Rabat on Wednesday, left for Dakhla on Friday.",
            ("GTM", "MAR"),
        ),
        (
            "Indian Prime Minister Narendra Modi, who is due to hold talks with Japanese Prime "
            "Minister Fumio Kishida, left for Tokyo on Friday.",
            ("IND", "JPN"),
        ),
    ],
)
def test_a_relative_pronoun_is_the_person_it_describes(
    text: str, sides: tuple[str, str], resources: Any
) -> None:
    rec = extract_article(text, published=date(2023, 5, 20), resources=resources)
    assert _met(rec, *sides), [(e.type, e.rules) for e in rec.events]


def test_a_visit_home_is_no_meeting(resources: Any) -> None:
    text = (
        "Islamabad recalled its ambassador from Tehran on Wednesday and barred Iran's envoy, "
        "who was visiting home, from returning."
    )
    rec = extract_article(text, published=date(2024, 1, 18), resources=resources)
    assert not any(is_meeting(e) and e.mode == "visit" for e in rec.events), rec.events
