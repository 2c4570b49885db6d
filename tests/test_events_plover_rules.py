"""PLOVER coding rules on invented one-sentence articles: the main event of each sentence (the
most confident non-STATEMENT event, as the events evaluation reads it) has the expected type.

The sentences are made up for these tests; each exercises one lexicon entry or rule."""

from __future__ import annotations

from typing import Any

import pytest

from communique import extract_article
from communique.evaluation.events import record_coding

CASES = [
    # CAMEO 057 sign formal agreement, 055 apologize, 050 diplomatic ties -> SUPPORT
    ("AGREE", "Chile and Peru signed a trade agreement on Tuesday."),
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
    # obligations in reported speech are demands, whatever verb reports them
    ("REQUEST", "Russia said on Monday that Georgia must return the captured drones."),
    ("REQUEST", "Britain said on Monday that Iran must return the seized tanker to its owners."),
    (
        "REQUEST",
        "The foreign minister of Norway issued a reminder to Iran that it must cooperate "
        "with the inspectors.",
    ),
    (
        "REQUEST",
        "The Arab League concluded on Sunday that the rich nations must allocate more money "
        "to the refugees.",
    ),
    # intentions: readiness to yield is a promise, readiness to coerce a threat
    ("AGREE", "The Iraqi president said he is prepared to lift the ban on the Kurdish party."),
    ("THREATEN", "Egypt announced that it is prepared to impose martial law in the Sinai."),
    ("THREATEN", "The rebel commanders vowed to attack the capital of Chad."),
    (
        "THREATEN",
        "Kenya said it will pull out its peacekeepers from Somalia unless the government "
        "holds elections.",
    ),
    # a decision is the act itself, not an intention
    (
        "CONCEDE",
        "The Supreme Court of Kenya decided to allow the opposition candidate to run in the "
        "elections.",
    ),
    # what is refused or allowed is content, not an event of its own
    ("REJECT", "The rebels refused to allow UN planes to land and evacuate the wounded."),
    ("RETREAT", "Turkey opened the border crossing to allow the delivery of food to Syria."),
    ("REJECT", "Chile said it would not meet the demands of the kidnappers."),
    # more CAMEO codes
    ("COERCE", "The army of Myanmar declared a state of emergency in the capital on Monday."),
    (
        "COERCE",
        "Settlers set fire to the offices of the village council overnight, residents said.",
    ),
    ("ASSAULT", "Police in Uganda opened fire on the protesters on Monday."),
    ("RETREAT", "Kenya pulled out its troops from Somalia on Monday."),
    # the object of "allowed X to ..." is the subject of the infinitive; conjoined objects count
    ("RETREAT", "Sudan allowed UN monitors to enter the Darfur camps on Tuesday."),
    ("AID", "Japan sent doctors and medicine to the flooded provinces of Bangladesh."),
    # "on strike", "on alert" after a verb of state: a state, not a topic
    ("PROTEST", "Nurses in Lagos went on strike on Thursday."),
    ("MOBILIZE", "The Chilean navy was placed on high alert on Friday."),
    # predicative complement, "from"-phrase, joint action, resignation
    ("ACCUSE", "A tribunal in Lima found the former minister guilty of fraud."),
    ("SANCTION", "The Ivorian rebels withdrew from the negotiations in Accra on Monday."),
    ("COOPERATE", "Tunisian and Libyan forces held joint exercises near the border."),
    ("CONCEDE", "The governor of the province resigned after a week of strikes."),
]


@pytest.mark.slow
@pytest.mark.parametrize(("expected", "text"), CASES)
def test_main_event_type(expected: str, text: str, sentence_resources: Any) -> None:
    coding = record_coding(extract_article(text, resources=sentence_resources))
    assert coding.main == expected, (text, coding.types)


@pytest.mark.slow
def test_regret_is_no_demand(sentence_resources: Any) -> None:
    """'should have acted' looks back: no obligation laid on anyone."""
    text = "Ethiopia said it should have acted sooner against the smugglers."
    coding = record_coding(extract_article(text, resources=sentence_resources))
    assert "REQUEST" not in coding.types


RECIPIENT_CASES = [
    # the object names its party only in a modifier
    ("SEN", "The Gambian president praised Senegal's efforts to end the border dispute."),
    ("GHA", "Sweden welcomed Ghana's decision to free the detained journalists."),
    ("ESP", "Morocco rejected a Spanish proposal for joint patrols on Friday."),
    ("CHN", "Vietnam rejected an offer from China to hold talks on the islands."),
    # who is to act in a demand
    ("GBR", "Argentina demanded that Britain return the islands."),
    # one open complement down
    ("NGA", "Niger offered to hand over the two suspects to Nigeria."),
]


@pytest.mark.parametrize(("code", "sentence"), RECIPIENT_CASES)
def test_recipient_named_in_a_modifier_or_complement(
    code: str, sentence: str, sentence_resources: Any
) -> None:
    rec = extract_article(sentence, resources=sentence_resources)
    ents = {e.id: e for e in rec.entities}
    main = max((e for e in rec.events if e.type != "STATEMENT"), key=lambda e: e.confidence)
    assert code in {ents[i].code or ents[i].country for i in main.recipients}, main


@pytest.mark.parametrize(
    ("code", "sentence"),
    [
        ("NPL", "Seven opposition parties in Nepal demanded that India withdraw its troops."),
        ("MLI", "Rebels in Mali rejected the peace plan proposed by Algeria on Monday."),
    ],
)
def test_actor_of_a_group_is_where_it_is_from(
    code: str, sentence: str, sentence_resources: Any
) -> None:
    rec = extract_article(sentence, resources=sentence_resources)
    ents = {e.id: e for e in rec.entities}
    main = max((e for e in rec.events if e.type != "STATEMENT"), key=lambda e: e.confidence)
    assert code in {ents[i].code or ents[i].country for i in main.actors}, main
