"""A meeting's status against the report's day: under way when told in the past progressive or
begun that day or the day before, planned when announced ahead ("is due back in X for talks")."""

from __future__ import annotations

from datetime import date
from typing import Any

from communique import extract_article
from communique.evaluation.meetings import is_meeting
from communique.model import Record


def _statuses(rec: Record) -> list[str]:
    return [e.status for e in rec.events if is_meeting(e)]


def _run(text: str, published: date, resources: Any) -> list[str]:
    return _statuses(extract_article(text, published=published, resources=resources))


def test_talks_begun_the_day_before_the_report_are_under_way(sentence_resources: Any) -> None:
    text = "EU and British negotiators resumed talks in London on Monday."
    assert _run(text, date(2020, 11, 10), sentence_resources) == ["ongoing"]
    # told on Friday, Monday's talks are past
    assert _run(text, date(2020, 11, 13), sentence_resources) == ["occurred"]


def test_talks_begun_and_ended_are_over(sentence_resources: Any) -> None:
    text = "EU and British negotiators resumed talks in London on Monday and ended them on Monday."
    assert _run(text, date(2020, 11, 10), sentence_resources) == ["occurred"]


def test_leaders_gathering_that_day_for_a_summit_are_in_it(sentence_resources: Any) -> None:
    text = "African heads of state gathered in Addis Ababa on Sunday for the African Union summit."
    assert _run(text, date(2020, 2, 9), sentence_resources) == ["ongoing"]


def test_past_progressive_on_the_report_day_is_under_way(sentence_resources: Any) -> None:
    text = "Negotiators from Israel and Egypt were holding talks in Cairo on Monday, aides said."
    assert _run(text, date(2024, 4, 8), sentence_resources) == ["ongoing"]
    assert _run(text, date(2024, 4, 20), sentence_resources) == ["occurred"]


def test_due_back_for_talks_is_planned(sentence_resources: Any) -> None:
    text = (
        "The African Union envoy Olusegun Obasanjo is due back in Addis Ababa later this week "
        "for further talks with Ethiopian officials."
    )
    assert _run(text, date(2021, 11, 15), sentence_resources) == ["planned"]


def test_a_summons_with_no_place_is_in_the_summoning_state(sentence_resources: Any) -> None:
    for text in (
        "Sweden's ambassador was summoned to the Turkish foreign ministry on Friday.",
        "Turkey responded on Friday by summoning Sweden's ambassador.",
    ):
        rec = extract_article(text, published=date(2023, 1, 21), resources=sentence_resources)
        [ev] = [e for e in rec.events if is_meeting(e)]
        assert ev.where is not None and ev.where.country == "TUR", text


def test_talks_on_a_journey_take_the_journeys_place(sentence_resources: Any) -> None:
    text = (
        "Brazilian President Lula arrived in Buenos Aires on Monday. He is then due in "
        "Montevideo on Wednesday for talks with Uruguayan President Luis Lacalle Pou."
    )
    rec = extract_article(text, published=date(2023, 1, 23), resources=sentence_resources)
    places = sorted((e.where.name or "") for e in rec.events if is_meeting(e) and e.where)
    assert places == ["Buenos Aires", "Montevideo"], places
