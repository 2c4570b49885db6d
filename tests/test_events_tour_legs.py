"""A tour that "has taken" its traveller to some places and "will take" them to others: one
visit per place, done or planned as its clause tells it (meeting.tour_legs). Invented
sentences."""

from __future__ import annotations

from datetime import date
from typing import Any

from communique import extract_article
from communique.evaluation.meetings import is_meeting


def _visits(text: str, resources: Any) -> dict[str, tuple[str, str | None, tuple[str, ...]]]:
    rec = extract_article(text, published=date(2021, 3, 27), resources=resources)
    codes = {e.id: e.code or e.country for e in rec.entities}
    return {
        str(codes[r]): (e.status, e.when.start if e.when else None, e.rules)
        for e in rec.events
        if is_meeting(e)
        for r in e.recipients
    }


def test_each_place_a_tour_takes_its_traveller_to_is_a_visit(resources: Any) -> None:
    found = _visits(
        "Iran is the second stop of Chinese Foreign Minister Wang Yi's Middle East tour, "
        "which has already taken him to Saudi Arabia and will also take him to Oman and "
        "Bahrain.",
        resources,
    )
    assert found["SAU"][0] == "occurred"
    assert found["OMN"][0] == "planned" and found["BHR"][0] == "planned"
    # legs of a tour under way, undated: the month of the report
    assert {found[c][1] for c in ("SAU", "OMN", "BHR")} == {"2021-03"}
    assert all("meeting.tour_legs" in found[c][2] for c in ("SAU", "OMN", "BHR"))


def test_goods_a_tour_takes_somewhere_make_no_legs(resources: Any) -> None:
    found = _visits(
        "Chinese President Xi Jinping's tour, which has taken billions in Chinese investment "
        "to Oman and Bahrain, ended on Friday.",
        resources,
    )
    assert not any("meeting.tour_legs" in rules for _, _, rules in found.values())
