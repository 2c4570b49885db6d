"""Stage 5, place: toponyms and venues found in the text and geocoded offline.

Reads ``AnnotatedArticle`` (mentions, text); writes ``PlaceMention`` records. The gazetteer is
a heavy resource: load it once with ``load_gazetteer`` and pass it in.

    find_places(annotated, gazetteer)        -> PlaceMention*   the stage itself
    place_for("in Geneva", gazetteer)        -> PlaceMention    one phrase (events stage)
    geocode_span(text, start, end, gaz, ctx) -> Place           a span found elsewhere
    build_context(names, gazetteer)          -> PlaceContext    a document's context

Data (``place/data/``, each row with its source): GeoNames country points and names,
first-level divisions and counties derived by ``place/derive.py``, curated aliases, regions
and demonyms, and venues.
"""

from .find import find_places, geocode_span, place_for
from .gazetteer import (
    Candidate,
    Gazetteer,
    Place,
    government_seats,
    haversine_km,
    load_gazetteer,
    name_key,
)
from .resolve import (
    PlaceContext,
    build_context,
    resolve,
    resolve_by_population,
    resolve_in_country,
)

__all__ = [
    "government_seats",
    "Candidate",
    "Gazetteer",
    "Place",
    "PlaceContext",
    "build_context",
    "find_places",
    "geocode_span",
    "haversine_km",
    "load_gazetteer",
    "name_key",
    "place_for",
    "resolve",
    "resolve_by_population",
    "resolve_in_country",
]
