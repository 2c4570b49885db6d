"""The user's own actors (``communique extract --actors FILE``): office-holders, states, IGOs
and groups from CSV files with the package's columns, and one-line errors for bad rows.

Every person, state and organisation here is invented."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from communique.actors import load_actor_data
from communique.cli import main
from communique.errors import InputError
from communique.settings import ActorSettings

_PEOPLE = "name,aliases,title,country,valid_from,valid_to,source\n"


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_actors_user_file_adds_office_holders_found_by_name_and_surname(tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        "people.csv",
        _PEOPLE + "Ivo Testovich,Testovich,Foreign Minister,SUN,1986-01-01,1989-12-31,my notes\n",
    )
    data = load_actor_data((path,))
    role = data.role_on("Ivo Testovich", date(1987, 5, 1))
    assert role is not None and (role.country, role.source) == ("SUN", "my notes")
    found = data.person_by_surname("Testovich", date(1988, 1, 1))
    assert found is not None and found.name == "Ivo Testovich"
    assert any(p.get("pattern") == "Ivo Testovich" for p in data.ruler_patterns())
    assert load_actor_data().person("Ivo Testovich") is None  # the package's tables unchanged


def test_actors_user_file_overrides_a_package_person(tmp_path: Path) -> None:
    path = _file(tmp_path, "people.csv", _PEOPLE + "Barack Obama,,Special Envoy,UN,2030-01-01,,\n")
    data = load_actor_data((path,))
    assert [(r.title, r.country) for r in data.roles_of("Barack Obama")] == [
        ("Special Envoy", "UN")
    ]
    assert data.roles_of("Barack Obama")[0].source == "user file people.csv"


def test_actors_user_file_states_igos_and_groups_by_header(tmp_path: Path) -> None:
    states = _file(
        tmp_path,
        "states.csv",
        "code,iso2,name,status,aliases,demonyms,capital,valid_from,valid_to,source\n"
        "XNA,,Northland,historical,Republic of Northland,Northlandic,Nordburg,1950-01-01,"
        "1975-06-30,my notes\n",
    )
    igos = _file(
        tmp_path,
        "igos.csv",
        "code,name,kind,parent,aliases,source\nNCU,Northern Customs Union,igo,,NCU,my notes\n",
    )
    groups = _file(
        tmp_path,
        "groups.csv",
        "name,aliases,country,source\nNorthland Liberation Front,NLF,XNA,my notes\n",
    )
    data = load_actor_data((states, igos, groups)).at(date(1960, 1, 1))
    assert data.lookup("Northlandic").code == "XNA"  # type: ignore[union-attr]
    assert data.lookup("Nordburg").code == "XNA"  # type: ignore[union-attr]
    assert data.at(date(1980, 1, 1)).lookup("Nordburg") is None  # a capital, by date
    assert data.lookup("Northern Customs Union").code == "NCU"  # type: ignore[union-attr]
    assert data.lookup("NLF").kind == "group"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            _PEOPLE + "Ivo Testovich,,Minister,SUN,1986-01-01,,n\n,,Minister,SUN,,,n\n",
            ":3: name is empty",
        ),
        (_PEOPLE + "Ivo Testovich,,Minister,XXX,1986-01-01,,n\n", ":2: country 'XXX' is no state"),
        (_PEOPLE + "Ivo Testovich,,Minister,SUN,1986-13-01,,n\n", ":2: bad date '1986-13-01'"),
        (
            _PEOPLE + "Ivo Testovich,,Minister,SUN,1989-01-01,1988-01-01,n\n",
            ":2: valid_to 1988-01-01 is before",
        ),
        (
            _PEOPLE + "Ivo Testovich,,Minister,SUN,1986-01-01,,n,extra\n",
            ":2: 8 cells, the header has 7",
        ),
        ("who,what\nIvo,minister\n", ":1: header 'who,what' is not that of"),
        ("code,name,kind\nnca,Northern Customs Union,igo\n", ":2: code 'nca' is not"),
        ("code,name,kind\nNCU,Northern Customs Union,club\n", "kind 'club' of NCU is not igo|body"),
    ],
)
def test_actors_user_file_bad_rows_name_the_file_and_line(
    tmp_path: Path, text: str, message: str
) -> None:
    path = _file(tmp_path, "bad.csv", text)
    with pytest.raises(InputError) as err:
        load_actor_data((path,))
    assert str(err.value).startswith(str(path)) and message in str(err.value)
    assert "\n" not in str(err.value)


def test_actors_user_file_cli_reports_a_bad_row_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _file(tmp_path, "bad.csv", _PEOPLE + "Ivo Testovich,,Minister,XXX,,,n\n")
    article = _file(tmp_path, "a.txt", "Ivo Testovich met the visiting envoy on Monday.\n")
    code = main(["extract", str(article), "--actors", str(bad)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and f"{bad}:2: country 'XXX'" in err and "Traceback" not in err


def test_actors_user_file_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        ActorSettings(files=(tmp_path / "none.csv",))
