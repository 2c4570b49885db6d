"""A meeting placed nowhere, on the day of a meeting held in the city the report is filed from
(meeting.same_day_dateline), and a person named after a possessive party ("the European Union's
Enrique Mora") acting for it."""

from __future__ import annotations

from datetime import date

from communique import extract_article
from communique.model import Event, Record

LEAD = "VIENNA, April 6 (AFP) - Iranian and Russian diplomats opened talks in Vienna on Tuesday. "
AWAY = (
    "KYIV, April 6 (AFP) - Ukrainian President Volodymyr Zelensky met US President Joe Biden in "
    "Washington on Tuesday. "
)
LATER = "The European Union's Enrique Mora met the US delegation later on Tuesday."


def _record(text: str) -> Record:
    return extract_article(text, published=date(2021, 4, 6))


def _with(rec: Record, code: str) -> Event:
    ents = {e.id: e for e in rec.entities}
    return next(
        e
        for e in rec.events
        if e.meeting is not None
        and any(code in (ents[i].code, ents[i].country) for i in e.actors + e.recipients)
    )


def test_a_meeting_later_that_day_is_held_in_the_dateline_city() -> None:
    rec = _record(LEAD + LATER)
    ev = _with(rec, "EU")
    assert ev.where is not None and ev.where.name == "Vienna"
    assert "meeting.same_day_dateline" in ev.rules


def test_not_when_that_days_meeting_was_held_elsewhere() -> None:
    rec = _record(AWAY + LATER)
    ev = _with(rec, "EU")
    assert ev.where is None


def test_a_possessive_party_before_a_name_is_whom_the_person_acts_for() -> None:
    rec = _record(LEAD + LATER)
    mora = next(e for e in rec.entities if e.name == "Enrique Mora")
    assert mora.country == "EU"
    rec = _record("Rwanda's Jean Baptiste Kamanzi met officials in Kigali on Monday.")
    assert next(e for e in rec.entities if e.kind == "person").country == "RWA"


TODAY = (
    "MOSCOW, Sep 11 (PTI) - Indian Foreign Minister Subrahmanyam Jaishankar held talks with "
    "Chinese Foreign Minister Wang Yi in Moscow on Thursday. Jaishankar is also scheduled to "
    "hold a bilateral meeting with Russian Foreign Minister Sergey Lavrov later on Friday."
)


SET_IN_A_CLAUSE = (
    "Bishkek, May 30 (Kabar) - The meeting of the government delegations of Kyrgyzstan and "
    "Tajikistan on the demarcation of the state border, which was scheduled for Friday in "
    "Batken, has been postponed at the request of the Tajik side, officials said."
)
ONE_MORE = (
    "On the sidelines, Chinese Foreign Minister Wang Yi met Indonesian Foreign Minister Retno "
    "Marsudi in Jakarta on Thursday.\n\nWang also met with U.S. Secretary of State Antony Blinken."
)


def _meeting_with(text: str, on: date, code: str) -> Event:
    return _with(extract_article(text, published=on), code)


def test_a_meeting_on_the_reports_day_by_a_side_who_met_there_is_held_there() -> None:
    ev = _meeting_with(TODAY, date(2020, 9, 11), "RUS")
    assert ev.status == "planned" and ev.where is not None and ev.where.name == "Moscow"


def test_not_a_meeting_of_other_sides_on_the_reports_day() -> None:
    text = TODAY.replace("Jaishankar is also", "Brazil's Mauro Vieira is also")
    assert _meeting_with(text, date(2020, 9, 11), "RUS").where is None


def test_a_plan_told_in_a_which_clause_on_the_topic_places_the_meeting() -> None:
    ev = _meeting_with(SET_IN_A_CLAUSE, date(2024, 5, 30), "TJK")
    assert ev.status == "cancelled" and ev.where is not None and ev.where.name == "Batken"


def test_a_meeting_told_as_one_more_is_held_when_and_where_the_one_before_was() -> None:
    text = ONE_MORE
    ev = _meeting_with(text, date(2023, 7, 14), "USA")
    assert ev.when is not None and ev.when.start == "2023-07-13"
    assert ev.where is not None and ev.where.name == "Jakarta"
    assert "meeting.also_after" in ev.rules
    # without "also" it is a meeting of its own, its day and place untold
    ev = _meeting_with(text.replace("Wang also met", "Wang met"), date(2023, 7, 14), "USA")
    assert "meeting.also_after" not in ev.rules
