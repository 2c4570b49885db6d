"""find_places / place_for on hand-built annotated articles (no spaCy model)."""

from __future__ import annotations

import re

import pytest

from communique.model import AnnotatedArticle, CleanArticle, Mention
from communique.place import Gazetteer, find_places, load_gazetteer, place_for


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def _article(
    text: str, spans: list[tuple[str, str]], key: dict[str, str] | None = None
) -> AnnotatedArticle:
    """An annotated article whose mentions are the first occurrences of each (text, label)."""
    mentions = []
    for surface, label in spans:
        for match in re.finditer(re.escape(surface), text):
            mentions.append(
                Mention(match.start(), match.end(), surface, label, (key or {}).get(surface))
            )
    clean = CleanArticle(
        id="a1",
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
    return AnnotatedArticle(article=clean, sentences=(), tokens=(), mentions=tuple(mentions))


def test_place_find_city_and_country(gazetteer: Gazetteer) -> None:
    text = "Ministers met in Geneva on Monday. Russia said the talks were useful."
    places = find_places(_article(text, [("Geneva", "GPE"), ("Russia", "GPE")]), gazetteer)
    assert [(p.text, p.name, p.country, p.kind) for p in places] == [
        ("Geneva", "Geneva", "CHE", "city"),
        ("Russia", "Russia", "RUS", "country"),
    ]
    for p in places:
        assert text[p.start : p.end] == p.text


def test_place_find_venue_located_by_following_city(gazetteer: Gazetteer) -> None:
    text = "The envoys gathered at NATO headquarters in Brussels for four hours."
    places = find_places(_article(text, [("Brussels", "GPE")]), gazetteer)
    assert len(places) == 1
    venue = places[0]
    assert (venue.kind, venue.venue, venue.name, venue.country) == (
        "venue",
        "NATO headquarters",
        "Brussels",
        "BEL",
    )
    assert text[venue.start : venue.end] == "NATO headquarters in Brussels"


def test_place_find_known_venue_gets_its_city(gazetteer: Gazetteer) -> None:
    text = "A spokesman for the Kremlin said the offer stood."
    (venue,) = find_places(_article(text, [("Kremlin", "ORG")]), gazetteer)
    assert (venue.venue, venue.name, venue.country) == ("the Kremlin", "Moscow", "RUS")


def test_place_find_ministry_sits_in_the_capital(gazetteer: Gazetteer) -> None:
    text = "The Russian Foreign Ministry summoned the ambassador."
    (venue,) = find_places(_article(text, [("Russian", "NORP")]), gazetteer)
    assert (venue.kind, venue.name, venue.country) == ("venue", "Moscow", "RUS")


def test_place_find_demonyms_are_not_places(gazetteer: Gazetteer) -> None:
    text = "French and German diplomats disagreed."
    assert find_places(_article(text, [("French", "NORP"), ("German", "NORP")]), gazetteer) == ()


def test_place_find_paris_texas_by_context(gazetteer: Gazetteer) -> None:
    text = "The fair in Paris drew visitors from Dallas and across Texas."
    spans = [("Paris", "GPE"), ("Dallas", "GPE"), ("Texas", "GPE")]
    paris = find_places(_article(text, spans), gazetteer)[0]
    assert (paris.name, paris.country) == ("Paris", "USA")
    alone = find_places(_article("Talks resumed in Paris.", [("Paris", "GPE")]), gazetteer)[0]
    assert alone.country == "FRA"


def test_place_find_georgia_country_or_state(gazetteer: Gazetteer) -> None:
    text = "Russia and NATO discussed Ukraine and Georgia."
    spans = [("Russia", "GPE"), ("Ukraine", "GPE"), ("Georgia", "GPE")]
    georgia = find_places(_article(text, spans), gazetteer)[-1]
    assert (georgia.country, georgia.kind) == ("GEO", "country")
    text = "Voters in Atlanta, Georgia, and across Alabama went to the polls."
    spans = [("Atlanta", "GPE"), ("Georgia", "GPE"), ("Alabama", "GPE")]
    state = next(p for p in find_places(_article(text, spans), gazetteer) if p.text == "Georgia")
    assert (state.country, state.kind) == ("USA", "region")


def test_place_find_state_key_keeps_the_city(gazetteer: Gazetteer) -> None:
    text = "Moscow rejected the plan, and Russia said so in Vienna."
    key = {"Moscow": "state:RUS", "Russia": "state:RUS", "Vienna": "state:AUT"}
    spans = [("Moscow", "GPE"), ("Russia", "GPE"), ("Vienna", "GPE")]
    places = find_places(_article(text, spans, key), gazetteer)
    assert [(p.name, p.country, p.kind) for p in places] == [
        ("Moscow", "RUS", "city"),
        ("Russia", "RUS", "country"),
        ("Vienna", "AUT", "city"),
    ]


def test_place_find_actor_countries_do_not_pull_towns(gazetteer: Gazetteer) -> None:
    text = "The US and Russia held talks in Geneva; the United States and Moscow agreed."
    spans = [("US", "GPE"), ("Russia", "GPE"), ("Geneva", "GPE"), ("United States", "GPE")]
    geneva = next(p for p in find_places(_article(text, spans), gazetteer) if p.text == "Geneva")
    assert (geneva.name, geneva.country) == ("Geneva", "CHE")


def test_place_find_exonym_and_unknown(gazetteer: Gazetteer) -> None:
    text = "Officials in Kiev met visitors from Zzyzxville."
    spans = [("Kiev", "GPE"), ("Zzyzxville", "GPE")]
    places = find_places(_article(text, spans), gazetteer)
    assert [(p.text, p.name, p.country) for p in places] == [("Kiev", "Kyiv", "UKR")]


def test_place_find_keeps_abbreviation_dots(gazetteer: Gazetteer) -> None:
    text = "Envoys of the U.S. and the U.K. met in Geneva."
    spans = [("U.S.", "GPE"), ("U.K.", "GPE"), ("Geneva.", "GPE")]
    places = find_places(_article(text, spans), gazetteer)
    assert [(p.text, p.country) for p in places] == [
        ("U.S.", "USA"),
        ("U.K.", "GBR"),
        ("Geneva", "CHE"),
    ]


def test_place_for_phrase(gazetteer: Gazetteer) -> None:
    text = "in Geneva"
    place = place_for(text, gazetteer)
    assert place is not None
    assert (place.name, place.country) == ("Geneva", "CHE")
    assert text[place.start : place.end] == "Geneva"
    assert place_for("in Nowhereland", gazetteer) is None
    venue = place_for("at the Kremlin", gazetteer)
    assert venue is not None
    assert (venue.text, venue.venue, venue.name, venue.kind) == (
        "the Kremlin",
        "the Kremlin",
        "Moscow",
        "venue",
    )


def test_place_find_capitals_written_with_or_without_accents(gazetteer: Gazetteer) -> None:
    # the country list writes "Bogota", "Yaounde", "Port Vila"; GeoNames "Bogotá", "Yaoundé",
    # "Port-Vila"; Kazakhstan's capital is Astana again (the list still says Nur-Sultan)
    expected = {"COL": "Bogotá", "CMR": "Yaoundé", "VUT": "Port-Vila", "KAZ": "Astana"}
    for iso3, name in expected.items():
        assert gazetteer.capitals[iso3].name == name
    # the geocoding feature keeps the country list's own spelling: "San José" is not
    # preferred as a capital over other San Joses
    assert gazetteer.capitals["CRI"].feature == "city"


def test_place_find_a_settlement_named_after_its_kind(gazetteer: Gazetteer) -> None:
    # the tagger leaves "Cucuta" unlabelled; "the city of X" names a city all the same
    text = "The talks were set for the Colombian border city of Cucuta and the port of Aden."
    places = find_places(_article(text, [("Colombian", "NORP")]), gazetteer)
    assert [(p.name, p.country) for p in places] == [("Cúcuta", "COL"), ("Aden", "YEM")]
    # a country is no settlement: "the capital of X" and "the city of Georgia" are not read
    none = find_places(_article("He toured the city of Georgia.", []), gazetteer)
    assert none == ()


def test_place_find_a_venue_named_after_its_city(gazetteer: Gazetteer) -> None:
    text = "Albanese met Indonesian President Joko Widodo at the Bogor Palace on Monday."
    (venue,) = find_places(_article(text, [("Indonesian", "NORP")]), gazetteer)
    assert (venue.kind, venue.name, venue.country) == ("venue", "Bogor", "IDN")
    assert venue.text == "the Bogor Palace"
    # a city of a state the article does not speak of is not read ("Kensington Palace")
    assert find_places(_article("Guests arrived at Kensington Palace.", []), gazetteer) == ()


def test_place_find_a_journeys_end_the_tagger_left_unlabelled(gazetteer: Gazetteer) -> None:
    text = "Lula will fly to São Tomé on Saturday. He then travels to Nuku'alofa."
    found = [(p.name, p.country) for p in find_places(_article(text, []), gazetteer)]
    assert found == [("São Tomé", "STP"), ("Nuku‘alofa", "TON")]
    # "flew to The Hague" keeps to the tagger; a capitalised word that is no city is dropped
    assert find_places(_article("He flew to Monday's meeting.", []), gazetteer) == ()


def test_place_find_where_talks_are_held_the_tagger_left_unlabelled(gazetteer: Gazetteer) -> None:
    text = "Officials of the Maldives held talks in Male. The ministers met in Nuku'alofa."
    spans = [("Maldives", "GPE")]
    found = [(p.name, p.country) for p in find_places(_article(text, spans), gazetteer)]
    assert ("Male", "MDV") in found and ("Nuku‘alofa", "TON") in found
    # a month or a weekday is no place ("talks in March", "met in Monday's session")
    for text in ("They held talks in March.", "They met in Monday's session."):
        assert find_places(_article(text, []), gazetteer) == ()


def test_place_find_place_followed_by_its_state_lies_in_it(gazetteer: Gazetteer) -> None:
    text = "The two presidents met in Argyle, St Vincent and the Grenadines, on Thursday."
    spans = [("Argyle", "GPE"), ("St Vincent and the Grenadines", "GPE")]
    places = find_places(
        _article(text, spans, {"St Vincent and the Grenadines": "state:VCT"}), gazetteer
    )
    assert [(p.text, p.country) for p in places] == [
        ("Argyle", "VCT"),
        ("St Vincent and the Grenadines", "VCT"),
    ]


def test_place_find_state_name_that_is_also_a_division_keeps_the_city(
    gazetteer: Gazetteer,
) -> None:
    text = "Officials met in Atlanta, Georgia, on Thursday."
    places = find_places(
        _article(text, [("Atlanta", "GPE"), ("Georgia", "GPE")], {"Georgia": "state:GEO"}),
        gazetteer,
    )
    assert places[0].text == "Atlanta" and places[0].country == "USA"
