"""Surface strings, titles and entity-ruler patterns resolved against the actor tables."""

from __future__ import annotations

from datetime import date

import pytest

from communique.actors import load_actor_data


@pytest.mark.parametrize(
    ("text", "key", "via"),
    [
        ("Russia", "state:RUS", "name"),
        ("Russian", "state:RUS", "demonym"),
        ("Moscow", "state:RUS", "capital"),
        ("the Kremlin", "state:RUS", "metonym"),
        ("Washington", "state:USA", "capital"),
        ("U.S.", "state:USA", "alias"),
        ("the United States", "state:USA", "name"),
        ("Beijing", "state:CHN", "capital"),
        ("Kiev", "state:UKR", "capital"),
        ("Kyiv", "state:UKR", "capital"),
        ("DPRK", "state:PRK", "alias"),
        ("Emirati", "state:ARE", "demonym"),
        ("NATO", "igo:NATO", "name"),
        ("EU", "igo:EU", "alias"),
        ("UN Security Council", "body:UNSC", "name"),
        ("Arab League", "igo:LAS", "name"),
        ("NATO-Russia Council", "body:NRC", "name"),
        ("Russia-NATO Council", "body:NRC", "alias"),
        ("Sergei Lavrov", "person:sergey-lavrov", "name"),
        ("Sergey Lavrov's", "person:sergey-lavrov", "name"),
    ],
)
def test_actors_lookup_resolves_surface_forms(text: str, key: str, via: str) -> None:
    ref = load_actor_data().lookup(text)
    assert ref is not None
    assert (ref.key, ref.via) == (key, via)


@pytest.mark.parametrize(
    "text", ["us", "the alliance", "the bloc", "Foreign Ministry", "Congolese"]
)
def test_actors_lookup_leaves_ambiguous_or_common_words_alone(text: str) -> None:
    assert load_actor_data().lookup(text) is None


def test_actors_lookup_context_aliases_need_a_named_antecedent() -> None:
    data = load_actor_data()
    alliance = data.lookup("the alliance", context=("EU", "NATO"))
    assert alliance is not None and (alliance.code, alliance.via) == ("NATO", "context")
    bloc = data.lookup("The bloc", context=("NATO", "EU"))
    assert bloc is not None and bloc.code == "EU"
    assert data.lookup("the alliance", context=("EU",)) is None


@pytest.mark.parametrize(
    ("title", "country"),
    [
        ("Russian Deputy Foreign Minister", "RUS"),
        ("NATO Secretary-General", "NATO"),
        ("US Ambassador to Russia", "USA"),
        ("Vietnam's Defence Minister", "VNM"),
        ("General Secretary of the Communist Party of Vietnam", "VNM"),
        ("Ambassador to Russia", None),
        ("Deputy Secretary of Defense", None),
    ],
)
def test_actors_lookup_title_country(title: str, country: str | None) -> None:
    assert load_actor_data().title_country(title) == country


def test_actors_lookup_role_on_prefers_date_and_latest_without_date() -> None:
    data = load_actor_data()
    early = data.role_on("Boris Johnson", date(2017, 1, 1))
    assert early is not None and early.title == "Foreign Secretary"
    latest = data.role_on("Boris Johnson", None)
    assert latest is not None and latest.title == "Prime Minister"
    assert {r.title for r in data.roles_on("Wang Yi", date(2019, 1, 1))} == {
        "Foreign Minister",
        "State Councilor",
    }


def test_actors_lookup_ruler_patterns_are_unique_and_case_sensitive() -> None:
    patterns = load_actor_data().ruler_patterns()
    phrases = [p["pattern"] for p in patterns]
    assert len(phrases) == len(set(phrases))
    by_phrase = {p["pattern"]: p for p in patterns}
    assert by_phrase["Paris"] == {"label": "GPE", "pattern": "Paris", "id": "state:FRA"}
    # capitals of states that exist only from or to a date are read by the article's date
    assert by_phrase["Kyiv"] == {"label": "GPE", "pattern": "Kyiv"}
    assert by_phrase["Russian"]["label"] == "NORP"
    assert by_phrase["NATO-Russia Council"]["id"] == "body:NRC"
    assert by_phrase["North Atlantic Treaty Organization"]["id"] == "igo:NATO"
    assert by_phrase["Sergei Lavrov"]["label"] == "PERSON"
    assert "us" not in by_phrase and "the alliance" not in by_phrase
    assert "Union" not in by_phrase and "Victoria" not in by_phrase
    keyed = [p for p in patterns if "id" in p]
    kinds = {"state", "igo", "body", "person", "group"}
    assert all(str(p["id"]).split(":")[0] in kinds for p in keyed)
    assert by_phrase["Hamas"] == {"label": "ORG", "pattern": "Hamas", "id": "group:hamas"}
    assert "id" not in by_phrase["Latin America"]  # blocks "America" -> USA inside it
    assert "Chad" not in by_phrase and "Jordan" not in by_phrase  # also first names: left to NER


def test_actors_lookup_bare_surname_is_the_bearer_in_office_on_the_date() -> None:
    data = load_actor_data()
    orban = data.person_by_surname("Orban", date(2024, 5, 1))
    assert orban is not None and orban.name == "Viktor Orbán"
    # in 2020 two Orbans held office (Hungary's and Romania's prime ministers): no guess
    assert data.person_by_surname("Orban", date(2020, 5, 1)) is None
    assert data.person_by_surname("Orban", None) is None


def test_actors_lookup_family_name_first_and_short_surnames() -> None:
    data = load_actor_data()
    on = date(2019, 6, 10)
    # names written family name first: the bare name is the first word
    assert data.person_by_surname("Xi", on).name == "Xi Jinping"  # type: ignore[union-attr]
    assert data.person_by_surname("Moon", on).name == "Moon Jae-in"  # type: ignore[union-attr]
    assert data.person_by_surname("Ban", date(2012, 1, 5)).name == "Ban Ki-moon"  # type: ignore[union-attr]
    assert data.person_by_surname("Jinping", on) is None
    # three-letter surnames are looked up too, still by date
    assert data.person_by_surname("Abe", on).name == "Shinzo Abe"  # type: ignore[union-attr]
    assert data.person_by_surname("Abe", date(2010, 1, 5)) is None
