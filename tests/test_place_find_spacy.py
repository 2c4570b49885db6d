"""find_places on text annotated by the real spaCy model (few tests: the model is slow to load)."""

from __future__ import annotations

from typing import Any

from communique.nlp import annotate_text
from communique.nlp.backend import NlpBackend
from communique.place import find_places, load_gazetteer
from communique.settings import NlpSettings


def test_place_find_spacy_cities_countries_and_venue(nlp_model: Any) -> None:
    backend = NlpBackend(nlp=nlp_model, settings=NlpSettings())
    text = (
        "The foreign ministers of France and Japan met in Geneva on Tuesday. "
        "Later they flew to Brussels for talks at NATO headquarters in Brussels, "
        "and the French minister returned to Paris on Friday."
    )
    annotated = annotate_text(text, backend)
    places = find_places(annotated, load_gazetteer())
    found = {(p.text, p.name, p.country, p.kind) for p in places}
    assert ("Geneva", "Geneva", "CHE", "city") in found
    assert ("Paris", "Paris", "FRA", "city") in found
    assert ("France", "France", "FRA", "country") in found
    venue = next(p for p in places if p.kind == "venue")
    assert (venue.venue, venue.name, venue.country) == ("NATO headquarters", "Brussels", "BEL")
    for p in places:
        assert text[p.start : p.end] == p.text
    assert not any(p.text == "French" for p in places)  # a demonym is not a place


def test_place_find_spacy_dateline_city_in_capitals(nlp_model: Any) -> None:
    backend = NlpBackend(nlp=nlp_model, settings=NlpSettings())
    text = (
        "Ministers agree on transit corridor\n\n"
        "YEREVAN, Armenia (AP) — The prime ministers of Armenia and Georgia met on Monday.\n\n"
        "MEANWHILE the talks continued. NEWS - the rest of the story."
    )
    annotated = annotate_text(text, backend)
    places = find_places(annotated, load_gazetteer())
    yerevan = [p for p in places if p.text == "YEREVAN"]
    assert len(yerevan) == 1 and (yerevan[0].name, yerevan[0].country) == ("Yerevan", "ARM")
    assert text[yerevan[0].start : yerevan[0].end] == "YEREVAN"
    assert not any(p.text in {"MEANWHILE", "NEWS"} for p in places)
