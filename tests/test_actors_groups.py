"""Non-state parties (movements, armed groups, rival governments) resolve to an organisation
entity with the country whose politics they belong to, so meetings with them have that party."""

from __future__ import annotations

import csv
import io
from datetime import date
from importlib import resources
from typing import Any

from communique import extract_article
from communique.actors import load_actor_data


def test_groups_table_is_well_formed() -> None:
    text = resources.files("communique.actors.data").joinpath("groups.csv").read_text("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    data = load_actor_data()
    assert len(rows) >= 25
    for row in rows:
        assert row["source"].strip(), row
        assert data.state(row["country"]) is not None, row["country"]
    surfaces = [s for r in rows for s in (r["name"], *filter(None, r["aliases"].split("|")))]
    assert len(surfaces) == len(set(surfaces))


def test_group_is_an_organisation_with_its_country(resources: Any) -> None:
    text = (
        "Norwegian and Qatari envoys met a Hamas delegation in Doha on Sunday.\n\n"
        "In Kabul, Pakistani diplomats held talks with the Taliban on Monday."
    )
    rec = extract_article(text, published=date(2024, 6, 4), resources=resources)
    groups = {e.name: e for e in rec.entities if e.kind == "organization"}
    assert groups["Hamas"].country == "PSE" and groups["Hamas"].code is None
    assert groups["Taliban"].country == "AFG"
    meetings = [e for e in rec.events if e.type == "CONSULT"]
    ents = {e.id: e for e in rec.entities}
    parties = [
        {ents[i].code or ents[i].country for i in (*m.actors, *m.recipients)} for m in meetings
    ]
    assert {"NOR", "QAT", "PSE"} in [p & {"NOR", "QAT", "PSE"} for p in parties]
    assert any({"PAK", "AFG"} <= p for p in parties)


def _organ_rows() -> list[dict[str, str]]:
    text = resources.files("communique.actors.data").joinpath("organs.csv").read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_organs_table_is_well_formed() -> None:
    rows = _organ_rows()
    data = load_actor_data()
    assert len(rows) >= 40
    branches = {"legislature", "executive", "security", "armed forces", "ruling party"}
    for row in rows:
        assert row["source"].strip() and row["branch"] in branches, row
        assert data.state(row["country"]) is not None, row["country"]
    surfaces = [s for r in rows for s in (r["name"], *filter(None, r["aliases"].split("|")))]
    assert len(surfaces) == len(set(surfaces))
    for surface in surfaces:  # an organ never takes a state's or an IGO's name
        ref = data.lookup(surface)
        assert ref is not None and ref.kind == "group", surface


def test_organ_named_without_its_state_acts_for_it(resources: Any) -> None:
    text = (
        "Konstantin Kosachev, chairman of the Duma's foreign affairs committee, criticised the "
        "protocol on Tuesday.\n\nThe CIA accused the Revolutionary Guards of plotting attacks."
    )
    rec = extract_article(text, published=date(2009, 3, 20), resources=resources)
    ents = {e.id: e for e in rec.entities}
    organs = {e.name: e for e in rec.entities if e.kind == "organization"}
    assert organs["State Duma"].country == "RUS"
    assert organs["Islamic Revolutionary Guard Corps"].country == "IRN"
    accuse = [e for e in rec.events if e.type == "ACCUSE"]
    pairs = {
        (
            frozenset(ents[i].country or ents[i].code for i in e.actors),
            frozenset(ents[i].country or ents[i].code for i in e.recipients),
        )
        for e in accuse
    }
    assert (frozenset({"USA"}), frozenset({"IRN"})) in pairs


def test_us_state_georgia_is_not_the_country(resources: Any) -> None:
    text = (
        "Georgia Gov. Brian Kemp signed the election bill in Atlanta on Monday, and police in "
        "Savannah, Georgia, arrested two men after the vote.\n\n"
        "In Tbilisi, Georgia's President Salome Zourabichvili met the French president."
    )
    rec = extract_article(text, published=date(2023, 6, 10), resources=resources)
    georgia = [e for e in rec.entities if e.code == "GEO"]
    spans = [s.text for e in georgia for s in e.mentions]
    assert spans == ["Georgia"]  # only the country's own mention ("Georgia's President")
