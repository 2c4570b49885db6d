"""Actors listed between dashes and "with X doing Y" phrases beside an act: short invented
reports, one general rule each."""

from __future__ import annotations

from datetime import date
from typing import Any

from communique import extract_article
from communique.model import Record


def _codes(rec: Record, ids: tuple[str, ...]) -> set[str]:
    ents = {e.id: e for e in rec.entities}
    return {c for i in ids for c in (ents[i].code, ents[i].country) if c}


def test_a_list_set_off_by_dashes_before_the_verb_is_its_subject(resources: Any) -> None:
    text = (
        "The only two Arab states to have signed peace treaties with Israel - Egypt and Jordan "
        "- also sharply criticised the US policy shift."
    )
    rec = extract_article(text, published=date(2019, 11, 19), resources=resources)
    accuse = [e for e in rec.events if e.type == "ACCUSE"]
    assert accuse, [(e.type, e.rules) for e in rec.events]
    assert {"EGY", "JOR"} <= _codes(rec, accuse[0].actors)
    assert "ISR" not in _codes(rec, accuse[0].actors)


def test_a_with_phrase_of_someone_doing_something_is_no_target(resources: Any) -> None:
    text = (
        "Egypt sharply criticised the US policy shift, with Jordanian Foreign Minister Ayman "
        "Safadi warning of dangerous consequences."
    )
    rec = extract_article(text, published=date(2019, 11, 19), resources=resources)
    accuse = [e for e in rec.events if e.type == "ACCUSE"]
    assert accuse and _codes(rec, accuse[0].recipients) == {"USA"}, [
        (e.type, _codes(rec, e.recipients)) for e in rec.events
    ]


def test_a_parallel_clause_lends_no_target_that_is_the_actor_itself(resources: Any) -> None:
    text = "Germany expelled four Russian diplomats on Monday. Russia expelled two in return."
    rec = extract_article(text, published=date(2024, 3, 18), resources=resources)
    by_russia = [e for e in rec.events if e.type == "SANCTION" and "RUS" in _codes(rec, e.actors)]
    assert all("RUS" not in _codes(rec, e.recipients) for e in by_russia), by_russia
    assert all("role.parallel_object" not in e.rules for e in by_russia), by_russia
    text = "Germany expelled four Russian diplomats on Monday. Poland expelled two."
    rec = extract_article(text, published=date(2024, 3, 18), resources=resources)
    by_poland = [e for e in rec.events if e.type == "SANCTION" and "POL" in _codes(rec, e.actors)]
    assert by_poland and _codes(rec, by_poland[0].recipients) == {"RUS"}
    assert "role.parallel_object" in by_poland[0].rules
