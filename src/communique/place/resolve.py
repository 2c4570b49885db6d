"""Toponym resolution: pick one gazetteer entry for a name, using the document's context.

The score of a candidate adds, in log10-population units:
  - its size (log10 population),
  - a prior by feature class (a name that is both a country and a town is nearly always the
    country; first-level divisions and capitals come next),
  - a penalty when the name is only an alternate name of the entry,
  - support from the document's other names: how much of their (probability-weighted)
    readings fall in the candidate's country, in its first-level division, or near it.
Each name's readings are weighted by a context-free first pass (a softmax of the scores
above), so "Springfield" spreads its weight thin while "Texas" votes with all of it. A name
never supports itself.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .gazetteer import Candidate, Gazetteer, Place, name_key

FEATURE_PRIOR: dict[str, float] = {
    "country": 4.0,
    "continent": 3.0,
    "region": 2.5,
    "admin1": 1.0,
    "admin2": 0.5,
    "capital": 2.0,
    "city": 0.0,
}
ALTERNATE_PENALTY = 1.0
COUNTRY_BONUS = 1.0  # other names of the document read as lying in the candidate's country
COUNTRY_SHARE_BONUS = 4.0  # scaled by the share of the document's names in that country
ADMIN1_BONUS = 2.0  # other names read as lying in the candidate's first-level division
NEAR_BONUS = 1.0  # other names read as lying in or next to the candidate's grid cell
TEMPERATURE = 2.0  # of the first-pass softmax, in log10 units
POPULATION_WEIGHT = 1.0  # per power of ten
RENOWN_WEIGHT = 0.5  # per power of ten of a town's alternate names in GeoNames
#: A country named in the text says what the article is about more than where its towns are:
#: its reading counts for this much of a town's or a division's towards the country's share,
#: and not at all towards COUNTRY_BONUS, which only towns and divisions earn.
COUNTRY_READING_WEIGHT = 0.25
CELL_DEGREES = 0.5  # grid for "nearby": the same or a neighbouring cell
ROUNDS = 3  # of context building: 1 = readings weighted by the context-free score only
_LOCAL = frozenset({"city", "capital", "admin2"})

_TRAILING = re.compile(r"\s*,\s*(.+)$")


@dataclass(frozen=True, slots=True)
class Evidence:
    """Probability-weighted readings of one name (or of the whole document)."""

    countries: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    towns: dict[str, float] = field(default_factory=lambda: defaultdict(float))  # by country
    admin1: dict[tuple[str, str], float] = field(default_factory=lambda: defaultdict(float))
    cells: dict[tuple[int, int], float] = field(default_factory=lambda: defaultdict(float))

    def add(self, place: Place, weight: float) -> None:
        if place.country:
            is_country = place.feature == "country"
            self.countries[place.country] += weight * (COUNTRY_READING_WEIGHT if is_country else 1)
            if not is_country:
                self.towns[place.country] += weight
            if place.admin1:
                self.admin1[(place.country, place.admin1)] += weight
        if place.feature in _LOCAL:
            self.cells[_cell(place.lat, place.lon)] += weight

    def merge(self, other: Evidence) -> None:
        for iso3, w in other.countries.items():
            self.countries[iso3] += w
        for iso3, w in other.towns.items():
            self.towns[iso3] += w
        for key, w in other.admin1.items():
            self.admin1[key] += w
        for cell, w in other.cells.items():
            self.cells[cell] += w


@dataclass(frozen=True, slots=True)
class PlaceContext:
    """The geographic context of one document: all names' readings and each name's own."""

    total: Evidence
    by_name: Mapping[str, Evidence]
    weight: float  # names (and known countries) that contributed


EMPTY_CONTEXT = PlaceContext(Evidence(), {}, 0.0)
_NO_EVIDENCE = Evidence()


def build_context(
    names: Iterable[str], gazetteer: Gazetteer, countries: Iterable[str] = ()
) -> PlaceContext:
    """Context from a document's toponyms and the countries it is known to be about.

    Readings are weighted first by the context-free score, then (ROUNDS > 1) again by the score
    with the support of the previous round, so that "Paris" and "Henry County" can lift each
    other towards Tennessee when neither does alone."""
    cands_of: dict[str, tuple[Candidate, ...]] = {}
    for name in names:
        key = name_key(name)
        if key not in cands_of:
            found = lookup(name, gazetteer)
            if found:
                cands_of[key] = found
    known = set(countries)
    context = EMPTY_CONTEXT
    for _ in range(ROUNDS):
        by_name = {key: _readings(cands, context, key) for key, cands in cands_of.items()}
        total = Evidence()
        for ev in by_name.values():
            total.merge(ev)
        for iso3 in known:
            total.countries[iso3] += COUNTRY_READING_WEIGHT
        context = PlaceContext(total, by_name, float(len(by_name) + len(known)))
    return context


def _readings(cands: tuple[Candidate, ...], context: PlaceContext, key: str) -> Evidence:
    own = context.by_name.get(key, _NO_EVIDENCE)
    others = context.weight - (1.0 if own is not _NO_EVIDENCE else 0.0)
    scores = [_prior(c) + _support(c.place, context.total, own, others) for c in cands]
    top = max(scores)
    weights = [10 ** ((s - top) / TEMPERATURE) for s in scores]
    norm = sum(weights)
    ev = Evidence()
    for cand, w in zip(cands, weights, strict=True):
        if w / norm >= 0.01:
            ev.add(cand.place, w / norm)
    return ev


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_DEGREES), math.floor(lon / CELL_DEGREES)


def lookup(name: str, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """Candidates for a name as written; "Springfield, Ill." falls back to its first part.

    A short all-capitals name ("WA", "OAS") only matches names written that way, never a
    place that merely shares the letters ("Wa", "Oas")."""
    found = gazetteer.candidates(name)
    bare = name.replace(".", "").strip()
    if found and bare.isupper() and len(bare) <= 3:
        found = tuple(c for c in found if c.acronym)
    if found:
        return found
    match = _TRAILING.search(name)
    if match:
        return gazetteer.candidates(name[: match.start()])
    return ()


def resolve(name: str, gazetteer: Gazetteer, context: PlaceContext = EMPTY_CONTEXT) -> Place | None:
    """The best entry for ``name`` given the document context (its own readings left out)."""
    cands = lookup(name, gazetteer)
    if not cands:
        return None
    own = context.by_name.get(name_key(name), _NO_EVIDENCE)
    others = context.weight - (1.0 if own is not _NO_EVIDENCE else 0.0)
    return max(cands, key=lambda c: _prior(c) + _support(c.place, context.total, own, others)).place


def resolve_in_country(
    name: str, iso3: str, gazetteer: Gazetteer, context: PlaceContext = EMPTY_CONTEXT
) -> Place | None:
    """The best entry for ``name`` inside country ``iso3`` ("Moscow" written for Russia is
    still the city), else the country itself."""
    cands = [c for c in lookup(name, gazetteer) if c.place.country == iso3]
    if not cands:
        return gazetteer.country(iso3)
    own = context.by_name.get(name_key(name), _NO_EVIDENCE)
    others = context.weight - (1.0 if own is not _NO_EVIDENCE else 0.0)
    return max(cands, key=lambda c: _prior(c) + _support(c.place, context.total, own, others)).place


def resolve_by_population(name: str, gazetteer: Gazetteer) -> Place | None:
    """Baseline: the most populous entry with the name."""
    cands = lookup(name, gazetteer)
    if not cands:
        return None
    return max(cands, key=lambda c: c.place.population).place


def _prior(cand: Candidate) -> float:
    place = cand.place
    score = POPULATION_WEIGHT * math.log10(place.population + 1)
    if place.feature in _LOCAL:
        score += RENOWN_WEIGHT * math.log10(place.names + 1)
    if cand.primary or place.feature not in ("admin1", "admin2"):
        score += FEATURE_PRIOR[place.feature]  # "Geneva" the canton is only an alternate name
    if not cand.primary:
        score -= ALTERNATE_PENALTY
    return score


def _support(place: Place, total: Evidence, own: Evidence, others: float) -> float:
    if others <= 0 or place.country is None:
        return 0.0
    score = 0.0
    iso3 = place.country
    country = total.countries.get(iso3, 0.0) - own.countries.get(iso3, 0.0)
    towns = total.towns.get(iso3, 0.0) - own.towns.get(iso3, 0.0)
    score += COUNTRY_BONUS * min(1.0, towns) + COUNTRY_SHARE_BONUS * country / others
    if place.admin1:
        key = (place.country, place.admin1)
        admin = total.admin1.get(key, 0.0) - own.admin1.get(key, 0.0)
        score += ADMIN1_BONUS * min(1.0, admin)
    if place.feature in _LOCAL:
        score += NEAR_BONUS * min(1.0, _near(place, total, own))
    return score


def _near(place: Place, total: Evidence, own: Evidence) -> float:
    lat, lon = _cell(place.lat, place.lon)
    found = 0.0
    for dlat in (-1, 0, 1):
        for dlon in (-1, 0, 1):
            cell = (lat + dlat, lon + dlon)
            found += total.cells.get(cell, 0.0) - own.cells.get(cell, 0.0)
    return found
