"""The curated actor tables: complete, well-formed, sourced, and right on spot-checked dates."""

from __future__ import annotations

import csv
import itertools
import re
from datetime import date
from importlib import resources

import pytest

from communique.actors import load_actor_data


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("communique.actors.data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


@pytest.mark.parametrize(
    "name",
    [
        "states.csv",
        "igos.csv",
        "office_holders.csv",
        "regions.csv",
        "title_words.csv",
        "verb_cues.csv",
        "shared_names.csv",
    ],
)
def test_actors_data_every_row_has_a_source(name: str) -> None:
    rows = _rows(name)
    assert rows
    assert all(r.get("source") for r in rows), name
    assert all(None not in r for r in rows), f"{name}: a row has more cells than the header"


def test_actors_data_states_are_iso3_unique_and_complete() -> None:
    rows = _rows("states.csv")
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes))
    assert len(codes) >= 190
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    assert {"PSE", "XKX", "TWN", "VAT", "SSD", "RUS", "USA", "CHN"} <= set(codes)
    assert all(r["name"] and r["capital"] for r in rows)


def test_actors_data_igos_unique_and_bodies_have_known_parents() -> None:
    rows = _rows("igos.csv")
    codes = {r["code"] for r in rows}
    assert len(codes) == len(rows) >= 60
    assert {r["kind"] for r in rows} <= {"igo", "body"}
    assert all(r["parent"] in codes for r in rows if r["parent"])
    parents = {r["code"]: r["parent"] for r in rows}
    assert parents["NRC"] == "NATO" and parents["UNSC"] == "UN" and parents["EC"] == "EU"


def test_actors_data_roles_have_valid_dates_and_known_countries() -> None:
    rows = _rows("office_holders.csv")
    places = {r["code"] for r in _rows("states.csv")} | {r["code"] for r in _rows("igos.csv")}
    assert len(rows) >= 300
    for r in rows:
        start = date.fromisoformat(r["valid_from"])
        if r["valid_to"]:
            assert start <= date.fromisoformat(r["valid_to"]), r
        assert r["country"] in places, r
        assert r["title"], r


def test_actors_data_no_overlapping_terms_of_one_person_in_one_office() -> None:
    data = load_actor_data()
    for person in data.people:
        by_office: dict[tuple[str, str | None], list[tuple[date, date]]] = {}
        for role in person.roles:
            span = (role.valid_from or date.min, role.valid_to or date.max)
            by_office.setdefault((role.title, role.country), []).append(span)
        for spans in by_office.values():
            spans.sort()
            assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), person.name


@pytest.mark.parametrize(
    ("name", "on", "title", "country"),
    [
        ("Donald Trump", date(2019, 6, 1), "President", "USA"),
        ("Joe Biden", date(2022, 3, 1), "President", "USA"),
        ("Boris Johnson", date(2016, 8, 1), "Foreign Secretary", "GBR"),
        ("Jens Stoltenberg", date(2022, 1, 12), "Secretary General", "NATO"),
        ("Sergei Lavrov", date(2018, 4, 5), "Foreign Minister", "RUS"),
        ("Xi Jinping", date(2020, 1, 1), None, "CHN"),
        ("Emmanuel Macron", date(2018, 2, 1), "President", "FRA"),
        ("Chrystia Freeland", date(2018, 4, 5), "Foreign Minister", "CAN"),
        ("Ursula von der Leyen", date(2023, 5, 1), "President of the European Commission", "EU"),
        ("Ban Ki-moon", date(2012, 1, 1), "Secretary-General", "UN"),
    ],
)
def test_actors_data_role_on_spot_checks(
    name: str, on: date, title: str | None, country: str
) -> None:
    role = load_actor_data().role_on(name, on)
    assert role is not None
    assert role.country == country
    if title is not None:
        assert role.title == title


def test_actors_data_office_holder_on_a_date() -> None:
    data = load_actor_data()

    def holder(title: str, country: str, on: date) -> set[str]:
        return {
            p.name
            for p in data.people
            for r in p.roles
            if r.title == title
            and r.country == country
            and data.role_on(p.name, on) is not None
            and any(x is r for x in data.roles_on(p.name, on))
        }

    assert holder("President", "USA", date(2019, 6, 1)) == {"Donald Trump"}
    assert holder("Foreign Secretary", "GBR", date(2016, 8, 1)) == {"Boris Johnson"}
    assert holder("Secretary General", "NATO", date(2022, 1, 12)) == {"Jens Stoltenberg"}
    assert holder("Prime Minister", "GBR", date(2022, 10, 1)) == {"Liz Truss"}
    assert holder("Secretary of State", "USA", date(2014, 6, 1)) == {"John Kerry"}


def test_actors_data_role_gaps_and_unknowns_give_none() -> None:
    data = load_actor_data()
    assert data.role_on("Barack Obama", date(2018, 1, 1)) is None
    assert data.role_on("Nobody Atall", date(2018, 1, 1)) is None
    assert data.roles_of("Nobody Atall") == ()


def test_actors_data_person_spellings_name_no_state_or_igo() -> None:
    data = load_actor_data()
    for person in data.people:
        for spelling in (person.name, *person.aliases):
            ref = data.lookup(spelling)
            assert ref is not None and ref.key == person.key, (person.name, spelling)
