"""Readers of the field's datasets for ``communique.actors.build``: each yields ``Held`` rows
(a person, a country code as the source writes it, a title, dates, the source's tag).

Country codes are resolved to the package's states later (``build.py``): here Phoenix writes
ISO3 (with "USR" for the Soviet Union), Archigos Gleditsch-Ward numbers, REIGN COW numbers.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import unquote


def _words(text: str) -> list[str]:
    return text.split()


# Phoenix: "still in office at file date" (generated from CountryInfo.140130)
PHOENIX_DATE = date(2014, 1, 30)
COUNTRYINFO_DATE = date(2011, 2, 28)  # CountryInfo 120116: open ranges = in office Feb-2011
WIKIDATA_DATE = date(2023, 1, 10)  # the snapshot's commit

_SECTORS = {
    "": "government official",
    "MIL": "government official (defence)",
    "BUS": "government official (economy)",
    "AGR": "government official (agriculture)",
    "MED": "government official (media)",
    "EDU": "government official (education)",
    "HLH": "government official (health)",
    "DEV": "government official (development)",
    "JUD": "government official (justice)",
    "LAB": "government official (labour)",
    "ENV": "government official (environment)",
    "HRI": "government official (human rights)",
    "LEG": "legislator",
    "COP": "government official (police)",
    "SPY": "government official (intelligence)",
    "REF": "government official (refugees)",
}
# Phoenix codes of IGOs -> the package's IGO codes (top-level organisations only)
PHOENIX_IGOS = {
    "IGOUNO": "UN",
    "IGOWSTNAT": "NATO",
    "IGOEUREEC": "EU",
    "IGOBUSOPC": "OPEC",
    "IGOUNOHLHWHO": "WHO",
    "IGOUNODEVWBK": "WB",
    "IGOBUSIMF": "IMF",
    "IGOAFRAFU": "AU",
    "IGOAFROAU": "OAU",
    "IGOSEAASN": "ASEAN",
    "IGOOAS": "OAS",
    "IGOMEAARL": "LAS",
    "IGOPGSGCC": "GCC",
    "IGOUNOIAE": "IAEA",
    "IGOBUSWTO": "WTO",
    "IGOJUDICC": "ICC",
    "IGOWAFWAS": "ECOWAS",
    "IGOUNOLABILO": "ILO",
    "IGOUNOKID": "UNICEF",
    "IGOCASCIS": "CIS",
    "IGOSAFDEVSAD": "SADC",
    "IGOEAFEAC": "EAC",
    "IGOASADEVADB": "ADB",
    "IGOCWN": "COMSEC",
}
_UN_POSITIONS = {
    "Secretary-General of the United Nations": ("UN", "Secretary-General"),
    "Deputy Secretary-General of the United Nations": ("UN", "Deputy Secretary-General"),
    "Under-Secretary-General of the United Nations": ("UN", "Under-Secretary-General"),
    "President of the United Nations General Assembly": ("UNGA", "President"),
    "Judge of the International Court of Justice": ("ICJ", "Judge"),
    "President of the International Court of Justice": ("ICJ", "President"),
    "Vice President of the International Court of Justice": ("ICJ", "Vice President"),
    "Director-General of the World Trade Organization": ("WTO", "Director-General"),
    "OSCE High Commissioner on National Minorities": ("OSCE", "High Commissioner"),
    "president of the Parliamentary Assembly of the Council of Europe": ("COE", "President"),
}
_PARTICLES = frozenset(
    _words("de da del della di do dos das du van von der den la le bin ibn bint y e")
)
_HONORIFICS = frozenset(_words("sheikh sheikha emir king queen prince princess sultan"))
_NOT_NAMES = frozenset(
    _words(
        """mr mrs ms dr former ex the administration government ministry ministries council
        party army forces committee office department court parliament assembly senate cabinet
        republic union front movement bank agency commission police embassy soviet state
        national people peoples regime camp family dynasty supporters loyalists junta presidency
        gov govenor sen rep gen col lt adm amb pres sec secy sgt capt maj cmdr"""
    )
)
_PLURALS = {
    "chairmen": "chairman",
    "secretaries": "secretary",
    "presidents": "president",
    "ministers": "minister",
    "vice-presidents": "vice president",
}
_SMALL = frozenset({"of", "the", "and", "for", "on", "to", "in"})


@dataclass(frozen=True, slots=True)
class Held:
    """One dated tie between a person and a country or IGO, as a source gives it."""

    names: tuple[str, ...]  # the first is the name shown; the others are aliases
    place: str  # ISO3 as the source writes it, "gw:365", "cow:365", or "igo:UN"
    title: str
    start: date | None
    end: date | None
    tag: str
    specific: bool = True  # False: a generic tie (Phoenix "GOV", "ELI") others refine
    elite: bool = False  # Phoenix "ELI": tied to the state, no office known
    surname_only: bool = False  # Archigos/REIGN leaders named by surname


def pretty(raw: str) -> str:
    """ "BARBARA_MCDOUGALL_" -> "Barbara McDougall", "ABDULLAH_BIN_ZAYED" -> "Abdullah bin
    Zayed"."""
    words = [w for w in re.split(r"[_\s]+", raw.strip("_ ")) if w]
    return " ".join(_word(w, i == 0) for i, w in enumerate(words))


def _word(word: str, first: bool) -> str:
    low = word.lower()
    if low in _PARTICLES and not first:
        return low
    parts = re.split(r"([-'’])", low)
    out = "".join(p if p in "-'’" else _cap(p) for p in parts)
    return out


def _cap(part: str) -> str:
    if part.startswith("mc") and len(part) > 3:
        return "Mc" + part[2:].capitalize()
    return part.capitalize()


def clean_name(raw: str, heads: frozenset[str]) -> str | None:
    """A person's name from a dictionary entry, or None when it holds a title or an office
    word ("PRESIDENT_BORIS_YELTSIN", "GORBACHEV_ADMINISTRATION")."""
    name = pretty(raw)
    words = [w.lower().strip(".,()") for w in name.split()]
    if not words or any(ch.isdigit() for ch in name) or "(" in name:
        return None
    if any(w in _NOT_NAMES or (w in heads and w not in _HONORIFICS) for w in words):
        return None
    return name


def _date(cell: str) -> date | None:
    try:
        return date.fromisoformat(cell) if cell else None
    except ValueError:
        return None


def _tsv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        yield from csv.DictReader(handle, delimiter="\t")


def phoenix(paths: Iterable[Path], heads: frozenset[str]) -> Iterator[Held]:
    """People of the Phoenix dictionaries with dated GOV/ELI codes (or IGO codes). Lines with
    no code before an entry are more names of it, as PETRARCH reads them."""
    for path in paths:
        names: list[str] = []
        actor, codes = "", list[tuple[str, str, str]]()
        for row in _tsv(path):
            if not row["code"] and not row["start"] and not row["end"]:
                if codes:
                    yield from _phoenix_entry(names, codes, heads)
                    names, codes, actor = [], [], ""
                names += [row["actor"], *row["aliases"].split("|")]
                continue
            if row["actor"] != actor:
                if codes:
                    yield from _phoenix_entry(names, codes, heads)
                    names, codes = [], []
                actor = row["actor"]
                names = [*names, row["actor"], *row["aliases"].split("|")]
            codes.append((row["code"], row["start"], row["end"]))
        if codes:
            yield from _phoenix_entry(names, codes, heads)


def _phoenix_entry(
    raw_names: list[str], codes: list[tuple[str, str, str]], heads: frozenset[str]
) -> Iterator[Held]:
    names = tuple(dict.fromkeys(n for r in raw_names if r and (n := clean_name(r, heads))))
    if not names or " " not in names[0]:
        names = tuple(sorted(names, key=lambda n: " " not in n))
    if not names or " " not in names[0]:
        return  # single words are surnames or entities, not a person's entry
    for code, first, last in codes:
        start, end = _date(first), _date(last)
        if start is None:
            continue
        place, title, generic, elite = _phoenix_code(code)
        if place is None:
            continue
        yield Held(
            names,
            place,
            title,
            start,
            end or PHOENIX_DATE,
            "phoenix",
            specific=not generic,
            elite=elite,
        )


def _phoenix_code(code: str) -> tuple[str | None, str, bool, bool]:
    """(place, title, generic?, elite?) of a CAMEO actor code."""
    for prefix, igo in sorted(PHOENIX_IGOS.items(), key=lambda kv: -len(kv[0])):
        if code == prefix:
            return "igo:" + igo, "official", False, False
    country, role, sector = code[:3], code[3:6], code[6:]
    if role == "GOV" and sector in _SECTORS:
        return country, _SECTORS[sector], True, False
    if role == "ELI" and not sector:
        return country, "political figure", True, True
    return None, "", False, False


def countryinfo(path: Path, heads: frozenset[str]) -> Iterator[Held]:
    """Heads (rulers.org, c. 1960-2009) and cabinets (CIA World Leaders 2003-2011)."""
    for row in _tsv(path):
        start = _date(row["start"])
        if start is None:
            continue
        alternatives = re.findall(r"\{([^}]*)\}", row["name"]) or [row["name"]]
        names = tuple(n for a in alternatives if (n := clean_name(a, heads)))
        if not names:
            continue
        title = _singular(row["position"]) if row["block"] == "Leaders" else row["position"]
        yield Held(
            names,
            row["iso3"],
            title or "government official",
            start,
            _date(row["end"]) or COUNTRYINFO_DATE,
            "countryinfo",
            specific=bool(title),
        )


def _singular(position: str) -> str:
    """ "Prime ministers (PRESIDENTS_OF_..." -> "Prime Minister"; "Chairmen of the council of
    ministers" -> "Chairman of the Council of Ministers"; "Governors-GENERAL" ->
    "Governor-General". Only the words before "of" are the office's plural."""
    words = position.split(" (")[0].lower().split()
    head = words.index("of") if "of" in words else len(words)
    out = [_one(w) if i < head else w for i, w in enumerate(words)]
    return " ".join(
        w if w in _SMALL and i else "-".join(p.capitalize() for p in w.split("-"))
        for i, w in enumerate(" ".join(out).split())
    )


def _one(word: str) -> str:
    if word in _PLURALS:
        return _PLURALS[word]
    parts = word.split("-")
    return "-".join(
        p[:-1] if p.endswith("s") and not p.endswith(("ss", "us")) and len(p) > 3 else p
        for p in parts
    )


def archigos(path: Path) -> Iterator[Held]:
    """Effective leaders 1945-2015: Gleditsch-Ward number, surname, the DBpedia page's name."""
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            start, end = _date(row["startdate"]), _date(row["enddate"])
            if start is None or end is None or end.year < 1945:
                continue
            full = _dbpedia_name(row.get("dbpediauri") or "")
            names = (full, row["leader"]) if full else (row["leader"],)
            yield Held(
                names,
                "gw:" + row["ccode"],
                "leader",
                start,
                end,
                "archigos",
                surname_only=not full,
            )


def _dbpedia_name(uri: str) -> str | None:
    if "dbpedia.org/resource/" not in uri:
        return None
    name = unquote(uri.rsplit("/", 1)[-1]).replace("_", " ")
    name = re.sub(r"\s*\(.*\)$", "", name).split(",")[0].strip()
    return name if " " in name else None


def reign(path: Path) -> Iterator[Held]:
    """Leaders 1945-2021-03: COW number, surname, start day/month/year, end month/year."""
    with path.open(encoding="latin-1") as handle:
        for row in csv.DictReader(handle):
            try:
                start = date(int(row["syear"]), int(row["smonth"]), int(row["sdate"]))
            except ValueError:
                continue
            end = _month_end(row["eyear"], row["emonth"])
            yield Held(
                (row["leader"].strip(),),
                "cow:" + row["ccode"],
                "leader",
                start,
                end,
                "reign",
                surname_only=True,
            )


def _month_end(year: str, month: str) -> date | None:
    if not year or not month:
        return date(2021, 3, 1)  # still in office in the March 2021 release
    first = date(int(year), int(month), 1)
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def wikidata(folder: Path, country_code: dict[str, str]) -> Iterator[Held]:
    """Foreign ministers in office 2022-23 (Wikidata, CC0) and UN office holders."""
    with (folder / "foreign_ministers_wikidata_2022.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = country_code.get(row["countryLabel"].casefold())
            start = _partial(row["start"], first=True)
            if code and row["name"] and start and re.search(r"[A-Za-z]", row["name"]):
                yield Held(
                    (row["name"],),
                    code,
                    row["positionLabel"] or "Foreign Minister",
                    start,
                    WIKIDATA_DATE,
                    "wikidata",
                )
    with (folder / "intl_org_holders.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            where = _UN_POSITIONS.get(row["position"])
            start = _partial(row["start"], first=True)
            if where is None or start is None or not row["person"].isascii():
                continue
            name = row["person"].split(",")[0]
            end = _partial(row["end"], first=False) or WIKIDATA_DATE
            yield Held((name,), "igo:" + where[0], where[1], start, end, "wikidata")


def _partial(cell: str, first: bool) -> date | None:
    """ "1999", "2005-06", "2005-06-12" -> a day (the first or the last of the span)."""
    parts = cell.strip().split("-") if cell else []
    try:
        if len(parts) == 3:
            return date.fromisoformat(cell.strip())
        if len(parts) == 2:
            y, m = int(parts[0]), int(parts[1])
            return date(y, m, 1) if first else _month_end(str(y), str(m))
        if len(parts) == 1:
            return date(int(parts[0]), 1, 1) if first else date(int(parts[0]), 12, 31)
    except ValueError:
        return None
    return None
