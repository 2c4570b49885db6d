"""States and IGOs as they were on the article's date: the Soviet Union, the two Germanys,
Yugoslavia, Czechoslovakia, Serbia and Montenegro, the European Communities; capitals and
seats of government by date; IGO acronyms in mixed case; COW and Gleditsch-Ward numbers.

Every sentence is invented."""

from __future__ import annotations

import csv
from datetime import date
from importlib import resources as package_files
from typing import Any

import pytest

from communique import extract_article
from communique.actors import load_actor_data
from communique.model import Entity

_TAIL = " for talks on trade and arms control, officials said."


def _people(text: str, on: date, resources: Any) -> dict[str, Entity]:
    rec = extract_article(text + _TAIL, published=on, resources=resources)
    return {e.name: e for e in rec.entities if e.kind == "person"}


def _codes(text: str, on: date, resources: Any) -> set[str | None]:
    rec = extract_article(text + _TAIL, published=on, resources=resources)
    return {e.code for e in rec.entities if e.kind in ("state", "igo", "body")}


def test_actors_history_soviet_minister_in_1987_is_sun(resources: Any) -> None:
    people = _people(
        "Soviet Foreign Minister Eduard Shevardnadze met Secretary of State George Shultz "
        "in Washington on Tuesday",
        date(1987, 9, 16),
        resources,
    )
    soviet = people["Eduard Shevardnadze"]
    assert soviet.country == "SUN" and (soviet.cow, soviet.gw) == (365, 365)
    assert people["George Shultz"].country == "USA"


@pytest.mark.parametrize(
    ("text", "on", "name", "country"),
    [
        (
            "East German leader Erich Honecker met the visiting envoy",
            date(1986, 5, 6),
            "Erich Honecker",
            "DDR",
        ),
        (
            "West German Chancellor Helmut Kohl met the visiting envoy",
            date(1986, 5, 6),
            "Helmut Kohl",
            "DEU",
        ),
        (
            "Yugoslav Prime Minister Milka Planinc received the visiting envoy",
            date(1985, 3, 4),
            "Milka Planinc",
            "YUG",
        ),
        (
            "Czechoslovak Foreign Minister Bohuslav Chnoupek received the envoy",
            date(1986, 2, 3),
            "Bohuslav Chnoupek",
            "CSK",
        ),
        (
            "Canada's External Affairs Minister Joe Clark received the envoy",
            date(1987, 4, 7),
            "Joe Clark",
            "CAN",
        ),
        (
            "Soviet Defence Minister Dmitry Yazov received the envoy",
            date(1988, 3, 1),
            "Dmitry Yazov",
            "SUN",
        ),
    ],
)
def test_actors_history_titles_name_the_state_of_the_time(
    text: str, on: date, name: str, country: str, resources: Any
) -> None:
    assert _people(text, on, resources)[name].country == country


def test_actors_history_counterpart_takes_the_historical_adjective(resources: Any) -> None:
    people = _people(
        "Oskar Fischer, East Germany's foreign minister, met his Yugoslav counterpart "
        "Raif Dizdarevic in East Berlin on Thursday",
        date(1987, 6, 4),
        resources,
    )
    assert people["Oskar Fischer"].country == "DDR"
    assert people["Raif Dizdarevic"].country == "YUG"


def test_actors_history_igos_of_the_time_and_mixed_case_acronyms(resources: Any) -> None:
    codes = _codes(
        "The European Community and Opec officials met Asean ministers in Geneva on Monday",
        date(1988, 6, 6),
        resources,
    )
    assert {"EEC", "OPEC", "ASEAN"} <= codes


def test_actors_history_adjectives_always_name_their_own_state() -> None:
    later = load_actor_data().at(date(2015, 5, 9))
    for written, code in (("Soviet", "SUN"), ("East German", "DDR"), ("Yugoslav", "YUG")):
        ref = later.lookup(written)
        assert ref is not None and ref.code == code
    assert later.lookup("Czechoslovak") is not None
    serbia_montenegro = later.lookup("Serbia and Montenegro")
    assert serbia_montenegro is not None and serbia_montenegro.code == "SCG"


@pytest.mark.parametrize(
    ("surface", "on", "code"),
    [
        ("Moscow", date(1987, 1, 5), "SUN"),
        ("the Kremlin", date(1991, 12, 25), "SUN"),
        ("the Kremlin", date(1992, 1, 3), "RUS"),
        ("Moscow", None, "RUS"),
        ("Bonn", date(1995, 7, 1), "DEU"),
        ("Bonn", date(2005, 7, 1), None),
        ("Bonn", None, None),
        ("Belgrade", date(1985, 1, 1), "YUG"),
        ("Belgrade", date(2004, 1, 1), "SCG"),
        ("Belgrade", date(2010, 1, 1), "SRB"),
        ("Prague", date(1990, 1, 1), "CSK"),
        ("Prague", date(1995, 1, 1), "CZE"),
        ("Pankow", date(1980, 1, 1), "DDR"),
        ("Lagos", date(1985, 1, 1), "NGA"),
        ("Lagos", date(2005, 1, 1), None),
    ],
)
def test_actors_history_capitals_and_seats_resolve_by_date(
    surface: str, on: date | None, code: str | None
) -> None:
    ref = load_actor_data().at(on).lookup(surface)
    assert (ref.code if ref else None) == code


@pytest.mark.parametrize(
    ("surface", "on", "code"),
    [
        ("European Community", date(1987, 1, 1), "EEC"),
        ("European Community", date(2015, 1, 1), "EEC"),  # a name always names its own IGO
        ("EC", date(1987, 1, 1), "EEC"),
        ("EC", date(2015, 1, 1), None),  # later, "EC" mostly means the Commission
        ("Opec", None, "OPEC"),
        ("Nato", None, "NATO"),
        ("Asean", None, "ASEAN"),
        ("Ecowas", None, "ECOWAS"),
        ("Organisation of African Unity", None, "OAU"),
        ("Comecon", None, "COMECON"),
        ("Warsaw Pact", None, "WP"),
        ("CSCE", None, "CSCE"),
    ],
)
def test_actors_history_igos_with_history(surface: str, on: date | None, code: str | None) -> None:
    ref = load_actor_data().at(on).lookup(surface)
    assert (ref.code if ref else None) == code


def test_actors_history_igo_lineage_and_brussels_by_date() -> None:
    data = load_actor_data()
    assert [(c, data.igo(c).successor) for c in ("EEC", "OAU", "CSCE")] == [  # type: ignore[union-attr]
        ("EEC", "EU"),
        ("OAU", "AU"),
        ("CSCE", "OSCE"),
    ]
    then, now = data.at(date(1987, 1, 1)), data.at(date(2020, 1, 1))
    assert then.igo_metonym("Brussels").code == "EEC"  # type: ignore[union-attr]
    assert now.igo_metonym("Brussels").code == "EU"  # type: ignore[union-attr]


def test_actors_history_states_carry_cow_and_gw_numbers() -> None:
    data = load_actor_data()
    text = package_files.files("communique.actors.data").joinpath("states.csv").read_text("utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    assert all(r["codes_source"] for r in rows)
    without = {r["code"] for r in rows if not r["cow"] or not r["gw"]}
    territories = {r["code"] for r in rows if r["status"] == "territory"}
    assert {"HKG", "MAC"} <= territories  # territories with their own government: no numbers
    assert without == {"PSE", "VAT"} | territories  # not in the COW or Gleditsch-Ward lists
    assert data.codes_on("SUN", date(1987, 1, 1)) == (365, 365)
    assert data.codes_on("DDR", date(1987, 1, 1)) == (265, 265)
    assert data.codes_on("DEU", date(1987, 1, 1)) == (260, 260)  # West Germany
    assert data.codes_on("DEU", date(2000, 1, 1)) == (255, 260)
    assert data.codes_on("SRB", date(2010, 1, 1)) == (345, 340)
    assert data.codes_on("YUG", None) == (345, 345) and data.codes_on("CSK", None) == (315, 315)
    assert data.codes_on("NATO", None) == (None, None)


def test_actors_history_historical_states_have_dates_and_successors() -> None:
    data = load_actor_data()
    soviet = data.state("SUN")
    assert soviet is not None and soviet.valid_to == date(1991, 12, 25)
    assert {"RUS", "UKR", "GEO", "LTU"} <= set(soviet.successors)
    assert data.state("DDR").valid_to == date(1990, 10, 2)  # type: ignore[union-attr]
    assert data.state("CSK").successors == ("CZE", "SVK")  # type: ignore[union-attr]
    assert data.state("SCG").valid_from == date(2003, 2, 4)  # type: ignore[union-attr]


def test_actors_history_the_former_state_is_a_region_not_an_actor() -> None:
    by_phrase = {p["pattern"]: p for p in load_actor_data().ruler_patterns()}
    assert by_phrase["former Soviet Union"] == {"label": "LOC", "pattern": "former Soviet Union"}
    assert by_phrase["Soviet Union"]["id"] == "state:SUN"


def test_actors_state_on_gives_the_state_of_the_time() -> None:
    from communique.actors import load_actor_data

    data = load_actor_data()
    assert data.state_on("RUS", date(1987, 6, 1)).code == "SUN"  # type: ignore[union-attr]
    assert data.state_on("RUS", date(2005, 6, 1)).code == "RUS"  # type: ignore[union-attr]
    assert data.state_on("SRB", date(1995, 6, 1)).code == "YUG"  # type: ignore[union-attr]
    assert data.state_on("SRB", date(2004, 6, 1)).code == "SCG"  # type: ignore[union-attr]
    assert data.state_on("RUS", None).code == "RUS"  # type: ignore[union-attr]
