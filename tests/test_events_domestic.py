"""The home state of an article and the unnamed bodies of it (events/domestic.py)."""

from __future__ import annotations

from typing import Any

import pytest

from communique import extract_article
from communique.events.domestic import home_state
from communique.events.lexicon import LexiconError, check_phrase_row, load_lexicon
from communique.model import Entity, PlaceMention, Span


def _state(code: str, n: int) -> Entity:
    spans = tuple(Span(i * 10, i * 10 + 5, code) for i in range(n))
    return Entity(f"ent_{code}", code, "state", code, code, (), spans)


def _place(country: str, at: int = 100) -> PlaceMention:
    return PlaceMention(at, at + 5, "Town", "Town", country, None, None, "city")


def test_home_state_needs_one_state_twice_as_weighty_as_any_other() -> None:
    assert home_state([_state("KEN", 2)], []) == "KEN"
    assert home_state([_state("KEN", 2), _state("UGA", 1)], []) == "KEN"
    assert home_state([_state("KEN", 2), _state("UGA", 2)], []) is None  # two states in contact
    # places count for the state they lie in: Kenya once, Nairobi, Mombasa; Uganda twice
    places = [_place("KEN"), _place("KEN")]
    assert home_state([_state("KEN", 1), _state("UGA", 2)], places) is None  # 3 to 2
    assert home_state([_state("KEN", 1), _state("UGA", 1)], places) == "KEN"  # 3 to 1
    # a state known only from place names may be a namesake ("Athens" in a Texan report),
    # also when the actors stage read the town as its state
    assert home_state([], [_place("GRC"), _place("GRC")]) is None
    assert home_state([_state("GRC", 1)], [_place("GRC", at=0)]) is None  # the same span
    assert home_state([], []) is None


def test_body_rows_are_checked_when_loaded() -> None:
    check_phrase_row(
        "domestic_bodies.csv",
        2,
        {"phrase": "riot police", "number": "many"}
        | {
            "force": "yes",
            "source": "curated",
        },
    )
    with pytest.raises(LexiconError):
        check_phrase_row(
            "domestic_bodies.csv",
            3,
            {"phrase": "police", "number": "few", "force": "yes"} | {"source": "curated"},
        )
    with pytest.raises(LexiconError):
        check_phrase_row(
            "domestic_bodies.csv",
            4,
            {"phrase": "Police", "number": "one", "force": "no"} | {"source": "curated"},
        )
    words = load_lexicon().bodies
    assert ("security", "force") in words.phrases and ("security", "force") in words.forces
    assert ("government",) in words.single and "foreign" in words.outside


@pytest.mark.slow
def test_officials_of_a_named_state_stay_uncoded_beside_another(sentence_resources: Any) -> None:
    """A titled person the data do not know is the home state's only in sentences that name no
    other state: the (invented) minister is told beside Saudi Arabia and Pakistan, so Saudi
    Arabia, the home state by weight, is not his."""
    text = (
        "Saudi Arabia has deposited $2 billion in Pakistan's central bank, Finance Minister "
        "Tariq Farooqui said on Tuesday. Saudi officials in Riyadh confirmed it. Saudi Arabia "
        "extended a similar deposit in 2018."
    )
    rec = extract_article(text, resources=sentence_resources)
    minister = [e for e in rec.entities if e.name == "Tariq Farooqui"]
    assert minister and minister[0].country is None
    rec = extract_article(
        text.replace(" in Pakistan's central bank", ""), resources=sentence_resources
    )
    minister = [e for e in rec.entities if e.name == "Tariq Farooqui"]
    assert minister and minister[0].country == "SAU"  # told beside no other state


@pytest.mark.slow
def test_bodies_take_the_home_state_and_not_a_named_one(sentence_resources: Any) -> None:
    rec = extract_article(
        "Police in Nairobi fired tear gas at protesters on Tuesday. The Ugandan army said "
        "nothing. Kenya's opposition called a strike.",
        resources=sentence_resources,
    )
    bodies = {e.name: e.country for e in rec.entities if e.kind == "organization"}
    assert bodies.get("Police") == "KEN" and bodies.get("protesters") == "KEN"
    assert "army" not in bodies  # "the Ugandan army" is Uganda's, found through Uganda
    coerce = [e for e in rec.events if e.type == "COERCE"]
    countries = {e.id: e.country for e in rec.entities}
    assert coerce and {countries[a] for a in coerce[0].actors} == {"KEN"}
    assert "role.home_state" in coerce[0].rules
