"""The wider office-holder table: leaders of many more states and IGOs resolve to their country
on the article's date, from a bare title and name alone; and its rows stay well-formed.

Every sentence here is invented; only the names, offices and dates come from the data."""

from __future__ import annotations

import csv
import itertools
from datetime import date
from importlib import resources as package_files
from typing import Any

import pytest

from communique import extract_article
from communique.actors import load_actor_data
from communique.actors.surface import fold

_TAIL = " on Monday, and the two sides discussed trade, energy and regional security."


def _rows(name: str) -> list[dict[str, str]]:
    text = package_files.files("communique.actors.data").joinpath(name).read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def _person(text: str, on: date, resources: Any) -> tuple[str | None, str | None]:
    rec = extract_article(text + _TAIL, published=on, resources=resources)
    (person,) = [e for e in rec.entities if e.kind == "person"]
    return person.country, person.role.title if person.role else None


@pytest.mark.parametrize(
    ("text", "on", "country", "title"),
    [
        ("Prime Minister Najib Mikati met the visiting envoy", date(2022, 3, 1), "LBN", None),
        ("Foreign Minister Ararat Mirzoyan met the visiting envoy", date(2023, 5, 2), "ARM", None),
        ("President Sadyr Japarov received the visiting envoy", date(2022, 6, 1), "KGZ", None),
        ("Sultan Haitham bin Tariq received the visiting envoy", date(2023, 6, 1), "OMN", "Sultan"),
        ("King Hamad bin Isa Al Khalifa received the envoy", date(2019, 2, 4), "BHR", "King"),
        ("Prime Minister Mostafa Madbouly met the visiting envoy", date(2023, 5, 1), "EGY", None),
        ("Prime Minister Pushpa Kamal Dahal met the visiting envoy", date(2023, 5, 1), "NPL", None),
        ("President Gabriel Boric met the visiting envoy", date(2023, 5, 1), "CHL", None),
    ],
)
def test_bare_title_and_name_take_the_country_of_the_office(
    text: str, on: date, country: str, title: str | None, resources: Any
) -> None:
    got_country, got_title = _person(text, on, resources)
    assert got_country == country
    assert got_title is not None
    if title is not None:
        assert got_title == title


def test_the_office_held_on_the_date_decides_the_country(resources: Any) -> None:
    """One person, two offices in turn: a national one, then an IGO's."""
    as_minister = _person(
        "Foreign Minister Marija Pejčinović Burić met the visiting envoy",
        date(2018, 5, 2),
        resources,
    )
    as_head = _person(
        "Secretary General Marija Pejčinović Burić met the visiting envoy",
        date(2021, 5, 3),
        resources,
    )
    assert as_minister == ("HRV", "Foreign Minister")
    assert as_head == ("COE", "Secretary General")


def test_no_office_before_the_term_begins(resources: Any) -> None:
    before = _person(
        "Prime Minister Robert Golob met the visiting envoy", date(2019, 1, 7), resources
    )
    during = _person(
        "Prime Minister Robert Golob met the visiting envoy", date(2023, 1, 9), resources
    )
    assert before == (None, None)
    assert during == ("SVN", "Prime Minister")


@pytest.mark.parametrize(
    ("name", "on", "title", "country"),
    [
        ("Tamim bin Hamad Al Thani", date(2010, 6, 1), "Crown Prince", "QAT"),
        ("Mishal Al-Ahmad Al-Jaber Al-Sabah", date(2024, 6, 1), "Emir", "KWT"),
        ("Ilie Bolojan", date(2025, 3, 1), "Acting President", "ROU"),
        ("Ilie Bolojan", date(2025, 7, 1), "Prime Minister", "ROU"),
        ("Alexander Schallenberg", date(2021, 11, 1), "Chancellor", "AUT"),
        ("Kassym-Jomart Tokayev", date(2020, 1, 1), "President", "KAZ"),
        ("Abdel Fattah el-Sisi", date(2013, 9, 1), "Defence Minister", "EGY"),
        ("Shirley Ayorkor Botchwey", date(2020, 1, 1), "Foreign Minister", "GHA"),
        ("Shirley Ayorkor Botchwey", date(2025, 6, 1), "Secretary-General", "COMSEC"),
    ],
)
def test_office_holder_on_a_date(name: str, on: date, title: str, country: str) -> None:
    role = load_actor_data().role_on(name, on)
    assert role is not None and (role.title, role.country) == (title, country)


def test_office_holder_rows_are_well_formed() -> None:
    rows = _rows("office_holders.csv")
    places = {r["code"] for r in _rows("states.csv")} | {r["code"] for r in _rows("igos.csv")}
    for r in rows:
        start = date.fromisoformat(r["valid_from"])
        end = date.fromisoformat(r["valid_to"]) if r["valid_to"] else None
        assert end is None or start <= end, r
        assert r["country"] in places, r
        assert r["title"].strip() == r["title"] and r["title"], r
        assert r["name"].strip() == r["name"] and "|" not in r["name"], r
        assert all(a and a.strip() == a for a in filter(None, r["aliases"].split("|"))), r
        assert r["name"] not in r["aliases"].split("|"), r
    assert len({r["country"] for r in rows}) >= 120
    # rows of one country stay together: a country's rows come in few runs, not scattered
    runs = [c for c, _ in itertools.groupby(r["country"] for r in rows)]
    assert len(runs) <= 2 * len(set(runs))


def test_every_spelling_names_one_person() -> None:
    owners: dict[str, set[str]] = {}
    for r in _rows("office_holders.csv"):
        for spelling in (r["name"], *filter(None, r["aliases"].split("|"))):
            owners.setdefault(fold(spelling), set()).add(fold(r["name"]))
    shared = {s: names for s, names in owners.items() if len(names) > 1}
    assert not shared


def test_between_posts_a_person_still_speaks_for_the_state_served(resources: Any) -> None:
    # Wang Yi: foreign minister to 2022-12-30, state councillor to 2023-03-12, minister again
    # from 2023-07-25; in June 2023 he held no listed post
    between = _person(
        "The top diplomat Wang Yi met the visiting envoy", date(2023, 6, 19), resources
    )
    assert between[0] == "CHN"
    # Shinzo Abe left office in September 2020: Japanese in 2022, no one's in 2030
    assert _person("Shinzo Abe met the visiting envoy", date(2022, 1, 9), resources)[0] == "JPN"
    assert _person("Shinzo Abe met the visiting envoy", date(2030, 1, 9), resources)[0] is None


def test_a_spanish_name_with_the_mothers_surname_is_the_holder_named_without_it() -> None:
    data = load_actor_data()
    full = data.person("Laurentino Cortizo Cohen")
    assert full is not None
    assert any(r.title == "leader" and r.country == "PAN" for r in full.roles)


def test_a_name_with_a_generation_suffix_is_another_man() -> None:
    data = load_actor_data()
    son = data.person("Rafael Trujillo (son)")
    father = data.person("Rafael Trujillo")
    assert father is not None and son is not None and son.key != father.key
    assert set(son.roles) != set(father.roles)
