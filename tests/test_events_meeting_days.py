"""A meeting's own day and guest: dates hung on the meeting word, the day a stay began, a
received "he", and whose visit a "his" after a purpose clause is. Invented sentences, one
general rule each."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from communique import extract_article
from communique.evaluation.meetings import is_meeting


def _codes(rec: Any, ids: tuple[str, ...]) -> set[str]:
    ents = {e.id: e for e in rec.entities}
    return {c for i in ids for c in (ents[i].code, ents[i].country) if c}


def _meetings(text: str, published: date, resources: Any) -> list[tuple[set[str], str | None]]:
    rec = extract_article(text, published=published, resources=resources)
    return [
        (_codes(rec, (*e.actors, *e.recipients)), e.when.start if e.when else None)
        for e in rec.events
        if is_meeting(e)
    ]


@pytest.mark.parametrize(
    ("text", "published", "parties", "start"),
    [
        (  # the day of the saying is not the visit's: "in October" hangs on the visit
            "The central bank said on Saturday it had received a deposit, part of a package "
            "agreed during Pakistani Prime Minister Imran Khan's visit to Riyadh in October.",
            date(2021, 12, 6),
            {"PAK", "SAU"},
            "2021-10",
        ),
        (  # a clause telling the meeting open dates it, wherever the parser hung it
            "Kenya's foreign minister is in Ghana for a meeting of African Union foreign "
            "ministers that opens in Accra on Wednesday.",
            date(2024, 2, 19),
            {"KEN", "AU"},
            "2024-02-21",
        ),
        (  # a stay still going on is dated by the day it began
            "ALGIERS - Algerian Foreign Minister Ahmed Attaf has been on a working visit to "
            "Nouakchott since Sunday, the ministry said.",
            date(2024, 1, 29),
            {"DZA", "MRT"},
            "2024-01-28",
        ),
        (  # the same with "since" hung on the stay's noun, not on "been"
            "RABAT - Moroccan Foreign Minister Karim Bennani has been on a working visit to "
            "Dakar since Sunday, where he is co-chairing with his Senegalese counterpart, "
            "Aminata Fall, the preparatory meeting of the joint commission, the ministry said "
            "on Tuesday.",
            date(2024, 1, 30),
            {"MAR", "SEN"},
            "2024-01-28",
        ),
        (  # a year told in the meeting's own clause, however deep in it, dates the meeting
            "The next session of the Ghana-Togo Joint Commission is due to be held in Lome "
            "early next year, officials said on Wednesday.",
            date(2024, 12, 4),
            {"GHA", "TGO"},
            "2025",
        ),
        (  # "he", the visitor, received by the host: the host's day
            "From Nairobi, Indonesian President Joko Widodo will fly to Dar es Salaam, where he "
            "will be received by Tanzanian President Samia Suluhu Hassan on Tuesday.",
            date(2023, 8, 20),
            {"IDN", "TZA"},
            "2023-08-22",
        ),
        (  # a participle describing another noun tells that noun's day, not the talks'
            "Prime Minister Pedro Sanchez and Moroccan King Mohammed VI held talks in Rabat on "
            "Thursday. At the start of the talks, Sanchez welcomed the Moroccan government's "
            "plan, unveiled earlier this month, to expand a fisheries accord.",
            date(2023, 2, 3),
            {"ESP", "MAR"},
            "2023-02-02",
        ),
        (  # the same with the participle hung on the noun: the talks keep the month told
            "Vietnamese Foreign Minister Bui Thanh Son held talks with his Philippine "
            "counterpart Enrique Manalo in Hanoi. At the start of the talks, Son praised the "
            "coast guard accord, signed on May 3, as a model for the region.",
            date(2024, 6, 12),
            {"VNM", "PHL"},
            "2024-06",
        ),
        (  # "<n> days after": that many days before the day told before the words
            "Vanuatu put a security pact with Australia on hold, officials said on Wednesday, "
            "a day after Australian Prime Minister Anthony Albanese held talks with his "
            "Vanuatu counterpart in Port Vila.",
            date(2025, 9, 10),
            {"AUS", "VUT"},
            "2025-09-09",
        ),
        (  # ... and in a sentence with no day of its own, the day told last before it
            "German President Frank-Walter Steinmeier asked Tanzania for forgiveness on "
            "Wednesday. His words came two days after he held talks with Tanzania's president "
            "in Dar es Salaam.",
            date(2023, 11, 2),
            {"DEU", "TZA"},
            "2023-10-30",
        ),
        (  # "on the eve of the summit": the day before the summit's
            "ABUJA, Dec 16 (Reuters) - West African leaders met in Abuja on Sunday for the "
            "66th ordinary summit of ECOWAS. On the eve of the summit, Nigerian President Bola "
            "Tinubu received Senegalese President Bassirou Diomaye Faye at the Presidential "
            "Villa.",
            date(2024, 12, 16),
            {"NGA", "SEN"},
            "2024-12-14",
        ),
        (  # a day of the meeting's own after the words is its day
            "The Ethiopian ministers said on Friday, two days after talks with Kenyan officials in "
            "Nairobi on Tuesday, that Ethiopia would reopen the border.",
            date(2024, 3, 8),
            {"ETH", "KEN"},
            "2024-03-05",
        ),
    ],
)
def test_meeting_day_is_its_own(
    text: str, published: date, parties: set[str], start: str, resources: Any
) -> None:
    found = _meetings(text, published, resources)
    assert any(parties <= p and s == start for p, s in found), found


def test_a_stay_since_a_year_is_not_dated_by_it(resources: Any) -> None:
    found = _meetings(
        "Indian Prime Minister Narendra Modi visited Moscow on Monday, his first visit to "
        "Russia since 2019.",
        date(2024, 7, 9),
        resources,
    )
    assert found and all(s == "2024-07-08" for _, s in found), found


def test_his_visit_after_a_purpose_clause_is_the_travellers(resources: Any) -> None:
    found = _meetings(
        "Colombian President Gustavo Petro will travel to Caracas on Tuesday to meet "
        "Venezuelan President Nicolás Maduro, his first visit since taking office.",
        date(2022, 10, 30),
        resources,
    )
    assert len(found) == 1, found
    assert {"COL", "VEN"} <= found[0][0] and found[0][1] == "2022-11-01", found


def test_purpose_of_a_call_is_aimed_at_the_one_called(resources: Any) -> None:
    rec = extract_article(
        "Pakistani Prime Minister Shehbaz Sharif spoke by phone with Saudi Crown Prince "
        "Mohammed bin Salman to express his gratitude.",
        published=date(2023, 7, 12),
        resources=resources,
    )
    support = [e for e in rec.events if e.type == "SUPPORT"]
    assert support, [e.type for e in rec.events]
    assert _codes(rec, support[0].actors) == {"PAK"}
    assert "SAU" in _codes(rec, support[0].recipients)
    assert support[0].status == "occurred"


def test_sidelines_of_a_gathering_told_before_place_the_meeting(resources: Any) -> None:
    text = (
        "Malaysian Foreign Minister Mohamad Hasan is attending a retreat of ASEAN foreign "
        "ministers in Luang Prabang, Laos, the first ASEAN ministerial meeting of the year.\n\n"
        "On the sidelines of the retreat, Mohamad held a bilateral meeting with his Thai "
        "counterpart Parnpree Bahiddha-Nukara on Sunday evening."
    )
    rec = extract_article(text, published=date(2024, 1, 29), resources=resources)
    pair = [
        e
        for e in rec.events
        if is_meeting(e) and {"MYS", "THA"} <= _codes(rec, (*e.actors, *e.recipients))
    ]
    assert pair and pair[0].where is not None and pair[0].where.country == "LAO", pair


def test_meetings_with_two_counterparts_on_two_days_of_a_visit_are_two(resources: Any) -> None:
    text = (
        "BEIJING (AP) - U.S. Secretary of State Antony Blinken met Chinese President Xi Jinping "
        "in Beijing on Monday, wrapping up a two-day visit.\n\n"
        "On Sunday, Blinken held nearly six hours of talks with Foreign Minister Qin Gang."
    )
    found = _meetings(text, date(2023, 6, 19), resources)
    days = sorted(s or "" for p, s in found if {"USA", "CHN"} <= p)
    assert days == ["2023-06-18", "2023-06-19"], found


def test_a_meeting_told_a_day_after_another_is_a_meeting_of_its_own_day(
    resources: Any,
) -> None:
    text = (
        "The foreign ministers of Turkey, Russia and Ukraine met in Antalya on Thursday. "
        "The Antalya meeting came a day after Turkish President Recep Tayyip Erdogan hosted "
        "Israeli President Isaac Herzog in Ankara."
    )
    found = _meetings(text, date(2022, 3, 10), resources)
    herzog = [(p, s) for p, s in found if "ISR" in p]
    assert len(herzog) == 1 and "RUS" not in herzog[0][0], found
    assert herzog[0][1] == "2022-03-09", found


def test_after_meeting_the_agreeing_ministers_met(resources: Any) -> None:
    text = (
        "The foreign ministers of South Korea, Japan and China agreed to hold a leaders' summit "
        "in Seoul, after meeting in Busan on Sunday for the first time in four years."
    )
    found = _meetings(text, date(2023, 11, 27), resources)
    assert any({"KOR", "JPN", "CHN"} <= p and s == "2023-11-26" for p, s in found), found


def test_the_capital_of_a_state_named_as_its_adjective(resources: Any) -> None:
    rec = extract_article(
        "Russian and US delegations held talks at a palace in the Saudi capital on Tuesday.",
        published=date(2025, 2, 18),
        resources=resources,
    )
    talks = [e for e in rec.events if is_meeting(e)]
    assert talks and talks[0].where is not None and talks[0].where.name == "Riyadh", talks


def test_a_party_handed_something_is_no_place(resources: Any) -> None:
    rec = extract_article(
        "Mercosur presidents gathered in Asuncion on Monday for the bloc's 64th summit, at "
        "which Paraguay handed the rotating presidency to Uruguay.",
        published=date(2024, 7, 8),
        resources=resources,
    )
    summits = [e for e in rec.events if is_meeting(e)]
    assert summits and all(e.where and e.where.country == "PRY" for e in summits), summits


def test_a_visit_is_not_dated_by_a_clause_after_which_it_came(resources: Any) -> None:
    found = _meetings(
        "Maldivian Foreign Minister Moosa Zameer paid an official visit to India on 9-10 May "
        "2024. This was his first official visit to India after assuming office in November "
        "2023.",
        date(2024, 5, 10),
        resources,
    )
    assert found and all(s and s.startswith("2024-05") for _, s in found), found


def test_an_act_joined_to_a_wish_is_the_asker_s(resources: Any) -> None:
    rec = extract_article(
        "During the talks, Nepalese Prime Minister Pushpa Kamal Dahal requested that the "
        "boundary issue be resolved through the established mechanism, and thanked India for "
        "its support in reconstruction.",
        published=date(2023, 6, 1),
        resources=resources,
    )
    thanks = [e for e in rec.events if e.type == "SUPPORT"]
    assert thanks and _codes(rec, thanks[0].actors) == {"NPL"}, thanks


def test_a_visit_the_filed_from_state_hosts_is_where_the_report_is_filed(
    resources: Any,
) -> None:
    rec = extract_article(
        "TEHRAN, March 27 (Xinhua) -- Chinese Foreign Minister Wang Yi and Iranian Foreign "
        "Minister Mohammad Javad Zarif on Saturday signed a cooperation plan.\n\n"
        "Before the signing ceremony, Wang held talks with Zarif. Wang also called on Iranian "
        "President Hassan Rouhani on the same day.",
        published=date(2021, 3, 27),
        resources=resources,
    )
    talks = [e for e in rec.events if is_meeting(e)]
    assert talks and all(e.where and e.where.name == "Tehran" for e in talks), talks


def test_a_gathering_told_again_names_more_of_its_parties(resources: Any) -> None:
    text = (
        "East and Southern African leaders yesterday called for an immediate and unconditional "
        "ceasefire in eastern Democratic Republic of Congo at a joint summit in Dar es Salaam "
        "co-chaired by President William Ruto and Zimbabwe's President "
        "Emmerson Mnangagwa. The joint summit of the East African Community and the Southern "
        "African Development Community was hosted by Tanzania's President Samia Suluhu Hassan."
    )
    rec = extract_article(text, published=date(2025, 2, 9), resources=resources)
    found = [e for e in rec.events if is_meeting(e)]
    assert len(found) == 1, found
    assert {"ZWE", "EAC", "SADC", "TZA"} <= _codes(rec, (*found[0].actors, *found[0].recipients))
    assert found[0].where is not None and found[0].where.name == "Dar es Salaam", found
