"""resolve_actors on hand-built annotated articles (no model needed)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from communique import extract_article
from communique.actors import load_actor_data, resolve_actors
from communique.model import AnnotatedArticle, CleanArticle, Entity, Mention, Sentence, Token


def _article(
    text: str,
    mentions: list[tuple[str, str] | tuple[str, str, str]],
    tokens: tuple[Token, ...] = (),
) -> AnnotatedArticle:
    """Mentions as (surface, label[, key]), in text order, each after the one before."""
    found: list[Mention] = []
    cursor = 0
    for item in mentions:
        surface, label = item[0], item[1]
        start = text.index(surface, cursor)
        cursor = start + len(surface)
        key = item[2] if len(item) == 3 else None
        found.append(Mention(start, start + len(surface), surface, label, key))
    sentences = tuple(
        Sentence(m.start(), m.end(), m.group(), 0, 0) for m in re.finditer(r"[^.]+\.?", text)
    )
    article = CleanArticle(
        id="art1",
        text=text,
        title=None,
        byline=None,
        section=None,
        site=None,
        url=None,
        published=None,
        published_source="none",
        language="en",
        removed=(),
    )
    return AnnotatedArticle(article, sentences, tokens, tuple(found))


def _by_name(entities: tuple[Entity, ...]) -> dict[str, Entity]:
    return {e.name: e for e in entities}


def test_actors_resolve_title_gives_country_and_data_gives_role() -> None:
    text = (
        "Russian Deputy Foreign Minister Sergey Ryabkov met "
        "NATO Secretary-General Jens Stoltenberg."
    )
    annotated = _article(
        text,
        [
            ("Russian", "NORP"),
            ("Sergey Ryabkov", "PERSON"),
            ("NATO", "ORG"),
            ("Jens Stoltenberg", "PERSON"),
        ],
    )
    people = _by_name(resolve_actors(annotated, load_actor_data(), date(2022, 1, 12)))
    ryabkov = people["Sergey Ryabkov"]
    assert (ryabkov.kind, ryabkov.country, ryabkov.titles) == (
        "person",
        "RUS",
        ("Deputy Foreign Minister",),
    )
    stoltenberg = people["Jens Stoltenberg"]
    assert stoltenberg.country == "NATO"
    assert stoltenberg.titles == ("Secretary-General",)
    assert stoltenberg.role is not None and stoltenberg.role.title == "Secretary General"
    assert people["Russia"].code == "RUS" and people["NATO"].kind == "igo"


def test_actors_resolve_apposition_and_possessive_titles() -> None:
    text = (
        "Talks were led by Oleg Petrov, Russia's deputy minister of industry. "
        "Vietnam's Defence Minister Tran Van Binh attended."
    )
    annotated = _article(text, [("Oleg Petrov", "PERSON"), ("Tran Van Binh", "PERSON")])
    people = _by_name(resolve_actors(annotated, load_actor_data(), None))
    assert people["Oleg Petrov"].country == "RUS"
    assert people["Oleg Petrov"].titles == ("deputy minister of industry",)
    assert people["Tran Van Binh"].country == "VNM"
    assert people["Tran Van Binh"].titles == ("Defence Minister",)


def test_actors_resolve_one_entity_per_actor_with_all_mentions() -> None:
    text = "Chrystia Freeland flew to Ottawa. Freeland said Canada and the U.S. agreed."
    annotated = _article(
        text,
        [
            ("Chrystia Freeland", "PERSON"),
            ("Ottawa", "GPE", "state:CAN"),
            ("Freeland", "PERSON"),
            ("Canada", "GPE", "state:CAN"),
            ("U.S.", "GPE", "state:USA"),
        ],
    )
    entities = resolve_actors(annotated, load_actor_data(), date(2018, 4, 5))
    names = [e.name for e in entities]
    assert names == ["Chrystia Freeland", "Canada", "United States"]  # "flew to Ottawa": a place
    freeland = entities[0]
    assert [m.text for m in freeland.mentions] == ["Chrystia Freeland", "Freeland"]
    assert freeland.country == "CAN" and freeland.role is not None
    assert all(text[m.start : m.end] == m.text for e in entities for m in e.mentions)
    again = resolve_actors(annotated, load_actor_data(), date(2018, 4, 5))
    assert [e.id for e in again] == [e.id for e in entities]


def test_actors_resolve_capital_metonymy_from_words() -> None:
    text = "Moscow rejected the plan. Talks in Beijing went on. Washington's envoy called."
    annotated = _article(text, [("Moscow", "GPE"), ("Beijing", "GPE"), ("Washington", "GPE")])
    codes = {e.code for e in resolve_actors(annotated, load_actor_data(), None)}
    assert codes == {"RUS", "USA"}


def _parsed(text: str, words: list[tuple[str, str, str, int, str]]) -> tuple[Token, ...]:
    """Tokens of ``text`` from (word, pos, dep, head, lemma), each word after the one before."""
    tokens, offset = [], 0
    for i, (w, pos, dep, head, lemma) in enumerate(words):
        start = text.index(w, offset)
        offset = start + len(w)
        tokens.append(Token(i, start, offset, w, lemma, pos, pos, dep, head))
    return tuple(tokens)


def test_actors_resolve_capital_metonymy_from_parse() -> None:
    text = "Kyiv hosted talks with Moscow"
    words = [
        ("Kyiv", "PROPN", "nsubj", 1, "Kyiv"),
        ("hosted", "VERB", "ROOT", 1, "host"),
        ("talks", "NOUN", "dobj", 1, "talk"),
        ("with", "ADP", "prep", 2, "with"),
        ("Moscow", "PROPN", "pobj", 3, "Moscow"),
    ]
    tokens = _parsed(text, words)
    annotated = _article(text, [("Kyiv", "GPE"), ("Moscow", "GPE")], tokens)
    codes = {e.code for e in resolve_actors(annotated, load_actor_data(), None)}
    assert codes == {"RUS"}  # Kyiv is the subject of "host": a place


def test_actors_resolve_addressed_capital_from_parse() -> None:
    text = "Washington called on Kigali to withdraw"
    words = [
        ("Washington", "PROPN", "nsubj", 1, "Washington"),
        ("called", "VERB", "ROOT", 1, "call"),
        ("on", "ADP", "prep", 1, "on"),
        ("Kigali", "PROPN", "pobj", 2, "Kigali"),
        ("to", "PART", "aux", 5, "to"),
        ("withdraw", "VERB", "xcomp", 1, "withdraw"),
    ]
    tokens = _parsed(text, words)
    annotated = _article(text, [("Washington", "GPE"), ("Kigali", "GPE")], tokens)
    codes = {e.code for e in resolve_actors(annotated, load_actor_data(), None)}
    assert codes == {"USA", "RWA"}  # "called on X": X is addressed, an actor


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (
            "Congo accused Rwanda of backing rebels near Kinshasa.",
            [("Congo", "GPE"), ("Rwanda", "GPE"), ("Kinshasa", "GPE")],
            {"COD", "RWA"},
        ),
        (
            "The Congolese army fought in Brazzaville.",
            [("Congolese", "NORP"), ("Brazzaville", "GPE")],
            {"COG"},
        ),
        (  # both Congos named: the bare name stays open
            "Congo and DR Congo met. Congo said so.",
            [("Congo", "GPE"), ("DR Congo", "GPE"), ("Congo", "GPE")],
            {"COD"},
        ),
        (  # neither named otherwise: open
            "Congo accused Rwanda of backing rebels.",
            [("Congo", "GPE"), ("Rwanda", "GPE")],
            {"RWA"},
        ),
    ],
)
def test_actors_resolve_a_name_two_states_share(
    text: str, mentions: list[tuple[str, str]], expected: set[str]
) -> None:
    entities = resolve_actors(_article(text, mentions), load_actor_data(), None)
    assert {e.code for e in entities if e.kind == "state"} == expected


def test_actors_resolve_context_alias_needs_an_antecedent() -> None:
    text = "The alliance met. NATO said the alliance would not bend, and the bloc agreed."
    annotated = _article(text, [("NATO", "ORG")])
    nato = _by_name(resolve_actors(annotated, load_actor_data(), None))["NATO"]
    assert [m.text for m in nato.mentions] == ["NATO", "the alliance", "the bloc"]


def test_actors_resolve_organizations_keep_their_country() -> None:
    text = "The Russian Foreign Ministry summoned the envoy. The Foreign Ministry said so."
    annotated = _article(text, [("Russian Foreign Ministry", "ORG"), ("Foreign Ministry", "ORG")])
    entities = resolve_actors(annotated, load_actor_data(), None)
    orgs = [e for e in entities if e.kind == "organization"]
    assert len(orgs) == 1
    assert orgs[0].country == "RUS" and orgs[0].code is None and len(orgs[0].mentions) == 2


def test_actors_resolve_ignores_dates_and_numbers() -> None:
    text = "On Monday two envoys met."
    annotated = _article(text, [("Monday", "DATE"), ("two", "CARDINAL")])
    assert resolve_actors(annotated, load_actor_data(), None) == ()


def test_actors_resolve_bare_surname_of_an_office_holder() -> None:
    text = "Lavrov said the talks were useful."
    annotated = _article(text, [("Lavrov", "PERSON")])
    (lavrov,) = resolve_actors(annotated, load_actor_data(), date(2019, 5, 1))
    assert lavrov.name == "Sergey Lavrov" and lavrov.country == "RUS"
    assert lavrov.role is not None and lavrov.role.title == "Foreign Minister"


def test_actors_resolve_title_before_an_aside_and_a_comma() -> None:
    text = "He met the Speaker of the Assembly (Morocco's lower house), Karim Idrissi, on Monday."
    annotated = _article(text, [("Karim Idrissi", "PERSON")])
    (person,) = resolve_actors(annotated, load_actor_data(), None)
    assert person.titles == ("Speaker of the Assembly",)
    assert person.country == "MAR"


def test_actors_resolve_finds_a_titled_name_the_ner_missed() -> None:
    text = "Russia's Deputy Minister of Industry Ivan Petrov and Venezuela's envoy took part."
    annotated = _article(text, [("Russia", "GPE", "state:RUS"), ("Venezuela", "GPE", "state:VEN")])
    people = [e for e in resolve_actors(annotated, load_actor_data(), None) if e.kind == "person"]
    assert [(p.name, p.country, p.titles) for p in people] == [
        ("Ivan Petrov", "RUS", ("Deputy Minister of Industry",))
    ]


def test_actors_resolve_metonyms_datelines_and_seats_of_government() -> None:
    text = (
        "MOSCOW, March 3 - Brussels warned on Monday that the Kremlin must pay. "
        "Talks at the White House ended."
    )
    annotated = _article(
        text,
        [("MOSCOW", "GPE"), ("Brussels", "GPE"), ("Kremlin", "ORG"), ("White House", "ORG")],
    )
    entities = resolve_actors(annotated, load_actor_data(), None)
    assert [(e.kind, e.code) for e in entities] == [("igo", "EU"), ("state", "RUS")]


def test_actors_resolve_context_aliases_follow_case_and_latest_antecedent() -> None:
    text = (
        "The EU and NATO met. The alliance said no. Later the EU spoke and the bloc agreed. "
        "The union of workers struck."
    )
    annotated = _article(text, [("EU", "ORG"), ("NATO", "ORG"), ("EU", "ORG")])
    by_code = {e.code: e for e in resolve_actors(annotated, load_actor_data(), None)}
    assert [m.text for m in by_code["NATO"].mentions] == ["NATO", "The alliance"]
    assert [m.text for m in by_code["EU"].mentions] == ["EU", "EU", "the bloc"]


def test_actors_resolve_undated_role_follows_the_written_title() -> None:
    data = load_actor_data()
    text = "Dutch Prime Minister Mark Rutte met NATO Secretary General Jens Stoltenberg."
    annotated = _article(text, [("Mark Rutte", "PERSON"), ("Jens Stoltenberg", "PERSON")])
    people = _by_name(resolve_actors(annotated, data, None))
    rutte = people["Mark Rutte"]
    assert rutte.role is not None and (rutte.role.title, rutte.country) == ("Prime Minister", "NLD")
    dated = _by_name(resolve_actors(annotated, data, date(2025, 3, 1)))["Mark Rutte"]
    assert dated.role is not None and dated.role.country == "NATO"  # the office held that day


def test_actors_resolve_capitals_between_possessives_and_shouted_datelines() -> None:
    text = (
        "Talks between Moscow and Kyiv resumed. Flights between Rome and Madrid stopped. "
        "Berlin's proposal was welcome, Warsaw's central station was shut. "
        "Photo by AP. OTTAWA, Canada - rain fell."
    )
    annotated = _article(
        text,
        [
            ("Moscow", "GPE"),
            ("Kyiv", "GPE"),
            ("Rome", "GPE"),
            ("Madrid", "GPE"),
            ("Berlin", "GPE"),
            ("Warsaw", "GPE"),
            ("OTTAWA", "GPE"),
        ],
    )
    codes = {e.code for e in resolve_actors(annotated, load_actor_data(), None)}
    assert codes == {"RUS", "UKR", "DEU"}


def test_actors_resolve_country_written_after_the_name() -> None:
    text = "President Ivan Horvat of Croatia met EU foreign policy chief Ana Novak."
    annotated = _article(text, [("Ivan Horvat", "PERSON"), ("Ana Novak", "PERSON")])
    people = _by_name(resolve_actors(annotated, load_actor_data(), None))
    assert people["Ivan Horvat"].country == "HRV"
    assert people["Ivan Horvat"].titles == ("President",)
    assert people["Ana Novak"].titles == ("foreign policy chief",)
    assert people["Ana Novak"].country == "EU"


def test_actors_resolve_plural_title_covers_joined_names() -> None:
    text = "Talks between Defence Ministers Ngo Van A and Ivan Petrov went well."
    annotated = _article(text, [("Ngo Van A", "PERSON"), ("Ivan Petrov", "PERSON")])
    people = _by_name(resolve_actors(annotated, load_actor_data(), None))
    assert people["Ngo Van A"].titles == ("Defence Ministers",)
    assert people["Ivan Petrov"].titles == ("Defence Ministers",)


def test_actors_resolve_a_state_named_like_a_person_keeps_one_sense() -> None:
    data = load_actor_data()
    text = "Jordan closed its borders. Refugees cannot cross into Jordan."
    annotated = _article(text, [("Jordan", "PERSON"), ("Jordan", "GPE")])
    ents = resolve_actors(annotated, data, None)
    assert [(e.kind, e.code, len(e.mentions)) for e in ents] == [("state", "JOR", 2)]
    # named as a person only: a person (no state sense in the article)
    alone = resolve_actors(
        _article("Jordan said he was tired.", [("Jordan", "PERSON")]), data, None
    )
    assert [e.kind for e in alone] == ["person"]
    # a full name stays a person even beside the state
    text = "Michael Jordan flew to Jordan."
    both = resolve_actors(
        _article(text, [("Michael Jordan", "PERSON"), ("Jordan", "GPE")]), data, None
    )
    assert sorted(e.kind for e in both) == ["person", "state"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Jordan's King Abdullah II arrived in Cairo.", "state"),  # owns a title
        ("Jordan's goal in the last minute won the match.", "person"),  # a possessive, no title
        ("Jordan closed its borders with Syria.", "state"),  # a verb taking "its"
        ("Jordan scored his first goal.", "person"),  # "his": a person's
    ],
)
def test_actors_resolve_a_state_name_read_from_what_follows(text: str, kind: str) -> None:
    ents = resolve_actors(_article(text, [("Jordan", "PERSON")]), load_actor_data(), None)
    assert [(e.kind, e.code) for e in ents if e.name == "Jordan"] == [
        ("state", "JOR") if kind == "state" else ("person", None)
    ]


def test_bare_surname_the_ner_missed_is_the_person_in_office(resources: Any) -> None:
    rec = extract_article(
        "Lavrov met Kerry in Geneva on Monday.", published=date(2014, 3, 1), resources=resources
    )
    people = {e.name: e.country for e in rec.entities if e.kind == "person"}
    assert people.get("Sergey Lavrov") == "RUS" and people.get("John Kerry") == "USA"
    undated = extract_article("Lavrov met Kerry in Geneva on Monday.", resources=resources)
    assert "Sergey Lavrov" not in {e.name for e in undated.entities}


def test_leader_surname_the_ner_took_for_a_place(resources: Any) -> None:
    text = (
        "Modi plans to meet Biden in Washington. In a meeting in Ankara, Erdogan told Blinken so."
    )
    rec = extract_article(text, published=date(2023, 6, 10), resources=resources)
    people = {e.name: e.country for e in rec.entities if e.kind == "person"}
    assert people.get("Narendra Modi") == "IND"  # tagged as a verb
    assert people.get("Antony Blinken") == "USA"  # tagged as a place


def test_undated_bare_surname_is_bounded_by_the_latest_year_stated(resources: Any) -> None:
    """Without a date, a bare surname the NER missed or mislabelled means the one curated
    office holder still serving in or after the latest year the article states; with no year
    stated nothing is guessed, and a holder whose offices ended before it is not meant."""
    text = "Lavrov met Kerry in Geneva in March 2014."
    people = {e.name: e.country for e in extract_article(text, resources=resources).entities}
    assert people.get("Sergey Lavrov") == "RUS" and people.get("John Kerry") == "USA"
    later = "Kerry met officials in Geneva in March 2019."
    assert "John Kerry" not in {
        e.name for e in extract_article(later, resources=resources).entities
    }


def test_a_state_body_named_like_an_igo_is_not_the_igo(resources: Any) -> None:
    text = (
        "Timothy Morrison, a National Security Council official, testified on Tuesday. "
        "The National Security Council declined to comment."
    )
    rec = extract_article(text, published=date(2019, 11, 20), resources=resources)
    codes = {e.name: e.code or e.country for e in rec.entities}
    assert "UNSC" not in codes.values()
    un = extract_article(
        "The UN Security Council met on Tuesday.", published=date(2019, 11, 20), resources=resources
    )
    assert "UNSC" in {e.code for e in un.entities}


def test_title_after_a_name_may_name_its_state_in_capitals(resources: Any) -> None:
    """ "Sean Robertson, the U.S. commander," is of the United States (a state written in
    capitals with stops is no dateline word)."""
    text = "Sean Robertson, the U.S. commander, said the talks in Geneva were useful."
    rec = extract_article(text, published=date(2019, 11, 20), resources=resources)
    people = {e.name: e.country for e in rec.entities if e.kind == "person"}
    assert people.get("Sean Robertson") == "USA"


def test_actors_resolve_other_romanisations_of_an_office_holder() -> None:
    """ "Zelenskiy" (an agency's spelling) and "Shimom Peres" (a typo in the given name) are
    the office holders the date allows; a different given name is someone else."""
    text = "Zelenskiy met President Shimom Peres and Ivan Peres."
    annotated = _article(
        text, [("Zelenskiy", "ORG"), ("Shimom Peres", "PERSON"), ("Ivan Peres", "PERSON")]
    )
    data = load_actor_data()
    on_2020 = _by_name(resolve_actors(annotated, data, date(2020, 3, 1)))
    assert on_2020["Volodymyr Zelensky"].country == "UKR"
    on_2009 = _by_name(resolve_actors(annotated, data, date(2009, 4, 1)))
    assert on_2009["Shimon Peres"].country == "ISR"
    assert "Ivan Peres" in on_2009 and on_2009["Ivan Peres"].country is None


def test_actors_resolve_a_state_named_like_a_us_state_is_the_us_state_throughout() -> None:
    """Once the article names the US state ("Georgia lawmakers"), "Georgia" and "the Georgia
    State Ethics Commission" are American; an article about the country keeps the country."""
    us = extract_article(
        "Rick Thompson, executive secretary of the Georgia State Ethics Commission, said the law "
        "was clear. Georgia lawmakers met on Monday. Georgia has many lobbyists, Thompson said.",
        published=date(2009, 3, 20),
    )
    codes = {e.name: e.code or e.country for e in us.entities}
    assert codes.get("Rick Thompson") == "USA"
    assert codes.get("Georgia State Ethics Commission") == "USA"
    assert "GEO" not in codes.values()
    country = extract_article(
        "Russia and Georgia fought a war in 2008. Georgia's president met Vladimir Putin.",
        published=date(2009, 3, 20),
    )
    assert "GEO" in {e.code for e in country.entities}


def test_actors_resolve_georgia_in_a_us_state_politics_story_is_the_us_state() -> None:
    """Two signs of US state politics ("State Rep.", "(R-Ocilla)", "HB 516") make a bare
    "Georgia" the US state; one sign alone does not."""
    story = (
        "State Rep. Jay Roberts (R-Ocilla) is pushing HB 516, which would stop Georgia "
        "communities from banning modular homes, Georgia Municipal Association spokesman Al "
        "Outland said."
    )
    codes = {e.name: e.code or e.country for e in extract_article(story).entities}
    assert "GEO" not in codes.values() and codes.get("Al Outland") == "USA"
    one_sign = "Georgia's parliament passed HB 516 on Monday, the speaker in Tbilisi said."
    assert "GEO" in {e.code for e in extract_article(one_sign).entities}


def test_actors_resolve_a_region_named_after_another_state_is_not_that_state() -> None:
    """ "Inner Mongolia" is in China and "East Azerbaijan" in Iran: neither is the state whose
    name it holds."""
    for text, code in (
        ("The Inner Mongolia health commission said the couple had been quarantined.", "MNG"),
        ("Officials in East Azerbaijan province said the earthquake had killed 12 people.", "AZE"),
    ):
        assert code not in {e.code for e in extract_article(text).entities}


def test_actors_resolve_a_name_the_ner_cut_short_to_the_listed_person() -> None:
    data = load_actor_data()
    text = "Merkel met President Roch Marc Christian Kabore in Ouagadougou."
    annotated = _article(text, [("Roch Marc", "PERSON")])
    names = [e.name for e in resolve_actors(annotated, data, None) if e.kind == "person"]
    assert names == ["Roch Marc Christian Kabore"]
    # no longer listed name: the mention keeps its own extent
    annotated = _article("Merkel met Roch Marc Unknown Person.", [("Roch Marc", "PERSON")])
    names = [e.name for e in resolve_actors(annotated, data, None) if e.kind == "person"]
    assert names == ["Roch Marc"]


def test_actors_resolve_congo_named_without_its_article(resources: Any) -> None:
    for name, code in (("Democratic Republic of Congo", "COD"), ("Republic of Congo", "COG")):
        rec = extract_article(
            f"{name} on Saturday ordered Rwanda's ambassador to leave.", resources=resources
        )
        assert code in {e.code for e in rec.entities}, name


def test_actors_resolve_a_states_own_council_is_not_the_uns() -> None:
    data = load_actor_data()
    for text, surface, country in (
        ("Russia's Security Council met on Friday.", "Security Council", "RUS"),
        ("A meeting of the High Security Council was held.", "Security Council", None),
    ):
        spans = [("Russia", "GPE"), (surface, "ORG")] if "Russia" in text else [(surface, "ORG")]
        entities = resolve_actors(_article(text, spans), data, None)
        council = next(e for e in entities if e.name == "Security Council")
        assert council.code is None and council.country == country, text
    un = resolve_actors(
        _article("The Security Council voted on Friday.", [("Security Council", "ORG")]), data, None
    )
    assert [e.code for e in un] == ["UNSC"]
