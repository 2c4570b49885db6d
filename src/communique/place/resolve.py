"""Toponym resolution: pick one gazetteer entry for a name, using the document's context.

The score of a candidate adds, in log-population units:
  - its size (log10 population),
  - a prior by feature class (a name that is both a country and a town is nearly always the
    country; first-level divisions and capitals come next),
  - a penalty when the name is only an alternate name of the entry,
  - the document context: the share of the document's other toponyms that lie in the same
    country or first-level division, and whether another toponym lies nearby.
Context comes from a first, context-free pass over all the document's names; each name's own
contribution is left out when it is resolved, so a name never votes for itself.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .gazetteer import Candidate, Gazetteer, Place, haversine_km, name_key

FEATURE_PRIOR: Mapping[str, float] = {
    "country": 4.0,
    "continent": 3.0,
    "region": 2.5,
    "admin1": 2.0,
    "admin2": 0.5,
    "capital": 1.0,
    "city": 0.0,
}
ALTERNATE_PENALTY = 1.0
COUNTRY_BONUS = 2.5  # the candidate's country is mentioned elsewhere in the document
COUNTRY_SHARE_BONUS = 2.0  # scaled by the share of the document's places in that country
ADMIN1_BONUS = 2.0  # the candidate's first-level division is mentioned elsewhere
NEAR_BONUS = 1.0  # another of the document's places lies within NEAR_KM
NEAR_KM = 150.0

_TRAILING = re.compile(r"\s*,\s*(.+)$")


@dataclass(frozen=True, slots=True)
class Evidence:
    """What one name contributes to its document's context."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1: Counter[tuple[str, str]] = field(default_factory=Counter)
    points: tuple[tuple[float, float], ...] = ()


@dataclass(frozen=True, slots=True)
class PlaceContext:
    """The geographic context of one document: totals and each name's own share."""

    countries: Counter[str]
    admin1: Counter[tuple[str, str]]
    points: tuple[tuple[float, float], ...]
    by_name: Mapping[str, Evidence]
    weight: float

    def without(self, name: str) -> PlaceContext:
        own = self.by_name.get(name_key(name))
        if own is None:
            return self
        own_points = set(own.points)
        return PlaceContext(
            countries=self.countries - own.countries,
            admin1=self.admin1 - own.admin1,
            points=tuple(p for p in self.points if p not in own_points),
            by_name={},
            weight=max(0.0, self.weight - sum(own.countries.values())),
        )


EMPTY_CONTEXT = PlaceContext(Counter(), Counter(), (), {}, 0.0)


def build_context(
    names: Iterable[str], gazetteer: Gazetteer, countries: Iterable[str] = ()
) -> PlaceContext:
    """Context from a document's toponyms (resolved without context) and known countries."""
    by_name: dict[str, Evidence] = {}
    for name in names:
        key = name_key(name)
        best = _first_pass(name, gazetteer)
        if best is None:
            continue
        ev = by_name.setdefault(key, Evidence())
        if best.country:
            ev.countries[best.country] += 1
        if best.country and best.admin1:
            ev.admin1[(best.country, best.admin1)] += 1
        if best.feature in ("city", "capital"):
            by_name[key] = Evidence(ev.countries, ev.admin1, ((best.lat, best.lon),))
    total_c: Counter[str] = Counter()
    total_a: Counter[tuple[str, str]] = Counter()
    points: list[tuple[float, float]] = []
    for ev in by_name.values():
        total_c.update(ev.countries)
        total_a.update(ev.admin1)
        points.extend(ev.points)
    for iso3 in countries:
        total_c[iso3] += 1
    return PlaceContext(total_c, total_a, tuple(points), by_name, float(sum(total_c.values())))


def _first_pass(name: str, gazetteer: Gazetteer) -> Place | None:
    cands = lookup(name, gazetteer)
    if not cands:
        return None
    return max(cands, key=lambda c: _score(c, EMPTY_CONTEXT)).place


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
    """The best entry for ``name`` given the document context (its own share left out)."""
    cands = lookup(name, gazetteer)
    if not cands:
        return None
    ctx = context.without(name)
    return max(cands, key=lambda c: _score(c, ctx)).place


def resolve_by_population(name: str, gazetteer: Gazetteer) -> Place | None:
    """Baseline: the most populous entry with the name."""
    cands = lookup(name, gazetteer)
    if not cands:
        return None
    return max(cands, key=lambda c: c.place.population).place


def _score(cand: Candidate, ctx: PlaceContext) -> float:
    place = cand.place
    score = math.log10(place.population + 1)
    if cand.primary or place.feature not in ("admin1", "admin2"):
        score += FEATURE_PRIOR[place.feature]  # "Geneva" the canton is only an alternate name
    if not cand.primary:
        score -= ALTERNATE_PENALTY
    if ctx.weight <= 0 or place.country is None:
        return score
    seen = ctx.countries.get(place.country, 0)
    if seen:
        score += COUNTRY_BONUS + COUNTRY_SHARE_BONUS * seen / ctx.weight
    if place.admin1 and ctx.admin1.get((place.country, place.admin1), 0):
        score += ADMIN1_BONUS
    if place.feature in ("city", "capital") and _near(place, ctx.points):
        score += NEAR_BONUS
    return score


def _near(place: Place, points: Sequence[tuple[float, float]]) -> bool:
    return any(haversine_km(place.lat, place.lon, lat, lon) <= NEAR_KM for lat, lon in points)
