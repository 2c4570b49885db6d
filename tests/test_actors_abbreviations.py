"""An abbreviation defined in brackets right after a name joins that actor, with its later
mentions; one that does not spell the name, or that is no abbreviation, joins nothing. A form
of address between a title and a name ("..., Comrade X") keeps the title. Every sentence here
is invented."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from communique import extract_article
from communique.actors.joins import spells

_ON = date(2024, 3, 5)


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("APC", "All Progressives Congress", True),
        ("PTI", "Pakistan Tehreek-e-Insaf", True),
        ("DepEd", "Department of Education", True),
        ("LTTE", "the Liberation Tigers of Tamil Eelam", True),
        ("AMLO", "Andres Manuel Lopez Obrador", True),
        ("AP", "WASHINGTON", False),
        ("CNN", "South Korea", False),
        ("NPP", "Labour Party", False),
    ],
)
def test_spells(short: str, long: str, expected: bool) -> None:
    assert spells(short, long) is expected


def _entities(text: str, resources: Any) -> dict[str, tuple[str | None, list[str]]]:
    rec = extract_article(text, published=_ON, resources=resources)
    return {e.name: (e.country, [m.text for m in e.mentions]) for e in rec.entities}


def test_party_abbreviation_joins_the_party(resources: Any) -> None:
    text = (
        "ABUJA — The opposition Social Renewal Movement (SRM) accused Nigerian President "
        "Bola Tinubu of rigging the vote on Monday. The SRM said it would go to court, and "
        "SRM lawmakers walked out of the Nigerian Senate."
    )
    found = _entities(text, resources)
    country, mentions = found["Social Renewal Movement"]
    assert mentions.count("SRM") == 3
    assert country == "NGA"
    assert "SRM" not in found


def test_person_abbreviation_joins_the_person(resources: Any) -> None:
    text = (
        "Mexican President Andres Manuel Lopez Obrador (AMLO) criticized the United States on "
        "Monday. AMLO said Washington had ignored Mexico's requests."
    )
    found = _entities(text, resources)
    owner = next(name for name in found if name.startswith("Andr"))
    assert found[owner][1].count("AMLO") == 2
    assert "AMLO" not in found


def test_brackets_that_spell_nothing_join_nothing(resources: Any) -> None:
    text = (
        "WARSAW (AP) — The opposition Civic Platform (KO) said on Monday that the Polish "
        "government had broken the law. KO leaders asked the European Commission to act."
    )
    found = _entities(text, resources)
    for name, (_, mentions) in found.items():
        if name != "AP":
            assert "AP" not in mentions
        if name.startswith("Civic"):
            assert "KO" not in mentions


def test_form_of_address_keeps_the_title(resources: Any) -> None:
    text = (
        "LAGOS — The spokesman of the ruling Social Renewal Movement, Comrade Timi Okoro, "
        "criticised Nigerian President Bola Tinubu on Monday. Okoro said the party was divided."
    )
    found = _entities(text, resources)
    country, _ = found["Timi Okoro"]
    assert country == "NGA"
