"""The derived office-holder table (office_holders_derived.csv, built by
``communique.actors.build``): people 1945 onwards found by full name or by surname on the
article's date, merged with the curated rows, never entity-ruler patterns; and the build's
rules on invented rows.

Every sentence and build row here is invented; only names, offices and dates come from data."""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import date
from importlib import resources as package_files
from pathlib import Path
from typing import Any

import pytest

from communique import extract_article
from communique.actors import build as builder
from communique.actors import load_actor_data
from communique.actors.build_sources import Held, clean_name, pretty

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "office-holders"


def _countries(text: str, on: date, resources: Any) -> dict[str, str | None]:
    rec = extract_article(text, published=on, resources=resources)
    return {e.name: e.country for e in rec.entities if e.kind == "person"}


def test_actors_derived_1997_leaders_by_full_name_and_by_surname(resources: Any) -> None:
    on = date(1997, 3, 21)
    full = _countries(
        "President Bill Clinton and President Boris Yeltsin opened their talks in Helsinki on "
        "Friday, with arms control first on the agenda.",
        on,
        resources,
    )
    assert full["Bill Clinton"] == "USA" and full["Boris Yeltsin"] == "RUS"
    bare = _countries(
        "Clinton and Yeltsin met in Helsinki on Friday for a second day of talks.", on, resources
    )
    assert set(bare.values()) == {"USA", "RUS"}


def test_actors_derived_soviet_years_are_sun_not_the_successor() -> None:
    data = load_actor_data()
    assert {r.country for r in data.roles_on("Eduard Shevardnadze", date(1987, 6, 1))} == {"SUN"}
    assert {r.country for r in data.roles_on("Eduard Shevardnadze", date(1995, 6, 1))} == {"GEO"}
    gorbachev = data.role_on("Mikhail Gorbachev", date(1990, 6, 1))
    assert gorbachev is not None and gorbachev.country == "SUN"
    assert "PETRARCH2" in gorbachev.source or "CountryInfo" in gorbachev.source


def test_actors_derived_surname_is_the_bearer_in_office_on_the_date() -> None:
    data = load_actor_data()
    elder, younger = (
        data.person_by_surname("Bush", date(1990, 5, 1)),
        data.person_by_surname("Bush", date(2003, 5, 1)),
    )
    assert elder is not None and younger is not None and elder.key != younger.key
    assert data.person_by_surname("Honecker", date(1985, 1, 1)) is not None
    assert data.person_by_surname("Honecker", None) is None  # the large table needs a date


def test_actors_derived_curated_rows_win_and_names_are_no_patterns() -> None:
    data = load_actor_data()
    assert len(data.derived) > 15_000
    obama = data.role_on("Barack Obama", date(2012, 1, 1))
    assert obama is not None and obama.title == "President" and obama.source.startswith("curated")
    phrases = {p["pattern"] for p in data.ruler_patterns()}
    assert "Eduard Shevardnadze" not in phrases and "Erich Honecker" not in phrases
    assert len(phrases) < 6_000


def test_actors_derived_rows_are_well_formed_and_cite_a_source() -> None:
    folder = package_files.files("communique.actors.data")
    tags = {r["tag"] for r in csv.DictReader(folder.joinpath("derived_sources.csv").open())}
    codes = {r["code"] for r in csv.DictReader(folder.joinpath("states.csv").open())}
    codes |= {r["code"] for r in csv.DictReader(folder.joinpath("igos.csv").open())}
    with folder.joinpath("office_holders_derived.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            assert set(row["source"].split("+")) <= tags, row
            assert row["country"] in codes, row
            first, last = row["valid_from"], row["valid_to"]
            assert first and (not last or first <= last), row


# --- the build's rules, on invented rows ----------------------------------------------------


def _tables() -> builder.Tables:
    _, states = builder._read_states(builder.DATA / "states.csv")
    return builder.Tables(states, {"UN"})


def _held(place: str, start: date, end: date, **kw: Any) -> Held:
    return Held(("Ivo Testov",), place, kw.pop("title", "Minister"), start, end, "phoenix", **kw)


def test_actors_derived_build_moves_roles_before_independence_to_the_old_state() -> None:
    tables = _tables()
    parts = list(builder.placed(_held("GEO", date(1985, 7, 2), date(1995, 1, 1)), tables))
    assert [(p.place, p.start, p.end) for p in parts] == [
        ("GEO", date(1991, 12, 26), date(1995, 1, 1)),
        ("SUN", date(1985, 7, 2), date(1991, 12, 25)),
    ]
    serbia = list(builder.placed(_held("SRB", date(2001, 1, 1), date(2007, 1, 1)), tables))
    assert {p.place for p in serbia} == {"SRB", "SCG", "YUG"}


def test_actors_derived_build_titled_roles_replace_generic_ties() -> None:
    tables = _tables()
    roles = [
        _held(
            "USA",
            date(1960, 1, 1),
            date(1990, 1, 1),
            title="political figure",
            specific=False,
            elite=True,
        ),
        _held(
            "USA", date(1981, 1, 20), date(1989, 1, 20), title="government official", specific=False
        ),
        _held("USA", date(1981, 1, 20), date(1989, 1, 20), title="Vice President"),
    ]
    settled = builder.settle(roles, tables)
    assert [(r.title, r.start) for r in settled] == [
        ("political figure", date(1960, 1, 1)),
        ("Vice President", date(1981, 1, 20)),
        ("political figure", date(1989, 1, 21)),
    ]


def test_actors_derived_build_names_are_cleaned() -> None:
    heads = frozenset({"president", "minister"})
    assert pretty("BARBARA_MCDOUGALL_") == "Barbara McDougall"
    assert pretty("ABDULLAH_BIN_ZAYED_") == "Abdullah bin Zayed"
    assert clean_name("PRESIDENT_BORIS_YELTSIN", heads) is None
    assert clean_name("GORBACHEV_ADMINISTRATION", heads) is None
    assert clean_name("SHEIKH_HASINA_", heads) == "Sheikh Hasina"


@pytest.mark.skipif(not (SHARED / "README.txt").exists(), reason="no office-holder datasets")
def test_actors_derived_build_reproduces_the_shipped_files() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "communique.actors.build", "--data", str(SHARED), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_actors_derived_given_name_variants_of_one_state_are_one_person() -> None:
    from communique.actors.office import read_office_table

    rows = [
        "name,aliases,title,country,valid_from,valid_to,source",
        "Irfan Testname,,Minister of Housing,GUY,2009-02-01,2011-02-28,phoenix",
        "Mohamed Irfan Testname,,leader,GUY,2020-08-02,2021-03-01,reign",
        "Jan Otherstate,,minister,NLD,2001-01-01,2002-01-01,phoenix",
        "Karel Jan Otherstate,,leader,BEL,2010-01-01,2012-01-01,reign",
        "Ahmed al-Familyname,,minister,BHR,2001-01-01,2002-01-01,phoenix",
        "Salman Ahmed al-Familyname,,leader,BHR,2010-01-01,2012-01-01,reign",
    ]
    table = read_office_table(rows, {}, frozenset())
    short = table.person(table.key_of("Irfan Testname") or "")
    assert short is not None and {r.valid_to for r in short.roles} == {
        date(2011, 2, 28),
        date(2021, 3, 1),
    }
    # two states: two people; a given name before a full name of one state joins
    other = table.person(table.key_of("Jan Otherstate") or "")
    assert other is not None and {r.country for r in other.roles} == {"NLD"}
    joined = table.person(table.key_of("Ahmed al-Familyname") or "")
    assert joined is not None and len(joined.roles) == 2
