"""Stage 5, place: toponyms and venues found in the text and geocoded offline.

Reads ``AnnotatedArticle`` (mentions, text); writes ``PlaceMention`` records. The gazetteer is
a heavy resource: load it once with ``load_gazetteer`` and pass it in.
"""

from .find import find_places, geocode_span, place_for
from .gazetteer import Candidate, Gazetteer, Place, haversine_km, load_gazetteer, name_key
from .resolve import PlaceContext, build_context, resolve, resolve_by_population

__all__ = [
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
]
