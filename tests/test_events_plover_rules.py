"""PLOVER coding rules on invented one-sentence articles: the main event of each sentence (the
most confident non-STATEMENT event, as the events evaluation reads it) has the expected type.

The sentences are made up for these tests; each exercises one lexicon entry or rule."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from communique import extract_article
from communique.evaluation.events import record_coding
from communique.settings import CleanSettings, Settings

CASES = [
    # CAMEO 057 sign formal agreement, 055 apologize, 050 diplomatic ties -> SUPPORT
    ("SUPPORT", "Chile and Peru signed a trade agreement on Tuesday."),
    ("SUPPORT", "Japan apologized to South Korea for the remarks of its envoy."),
    ("SUPPORT", "Peru and Bolivia established diplomatic ties on Monday."),
    # easing administrative restrictions -> CONCEDE; economic/military ones -> RETREAT
    ("CONCEDE", "The Kenyan government lifted the curfew in Mombasa on Friday."),
    ("RETREAT", "The Turkish army lifted its blockade of the border town on Sunday."),
    ("RETREAT", "Ghana released 40 Togolese fishermen on Monday."),
    # light verb + event noun
    ("ACCUSE", "Police in Kenya launched an investigation into the deaths of three protesters."),
    ("PROTEST", "Farmers staged protests in Paris on Monday to demand higher prices."),
    ("SANCTION", "Poland announced a suspension of flights to Belarus on Monday."),
    # lexicon
    ("COERCE", "The Interior Ministry of Belarus banned the opposition party on Monday."),
    ("COOPERATE", "Egypt extradited a Libyan suspect to Tunisia on Sunday."),
    ("ASSAULT", "Syrian tanks fired rockets at a village near Idlib on Tuesday."),
    # announced acts: withdrawing observers is a sanction, so announcing it is a threat
    ("THREATEN", "France announced on Friday that it will withdraw its observers from Mali."),
    ("THREATEN", "Serbia announced that it would tighten the blockade of the port."),
    # stated readiness to act for others -> AGREE (intent), subject found through "is ready"
    (
        "AGREE",
        "Germany is ready to contribute troops to a peacekeeping force in Sudan, "
        "the German defence minister said.",
    ),
    # obligations in reported speech are demands
    ("REQUEST", "Russia said on Monday that Georgia must return the captured drones."),
]


@pytest.fixture(scope="module")
def short_resources(resources: Any) -> Any:
    """The session resources, accepting one-sentence articles."""
    return replace(
        resources, settings=Settings(clean=CleanSettings(min_chars=1, require_english=False))
    )


@pytest.mark.slow
@pytest.mark.parametrize(("expected", "text"), CASES)
def test_main_event_type(expected: str, text: str, short_resources: Any) -> None:
    coding = record_coding(extract_article(text, resources=short_resources))
    assert coding.main == expected, (text, coding.types)
