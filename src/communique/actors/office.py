"""The large dated office-holder table derived from the field's public datasets.

``office_holders_derived.csv`` is written by ``python -m communique.actors.build`` from the
PETRARCH2/Phoenix dictionaries, CountryInfo, Archigos, REIGN and Wikidata (see
``derived_sources.csv`` for each source tag, its citation and licence). It has the columns of
``office_holders.csv``; ``source`` holds a short tag.

Its names are not entity-ruler patterns (tens of thousands of phrases would slow start-up):
they are looked up when the NER has already found a person, by full name or alias and, with
the article's date, by surname among the people in office on that date.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from ..errors import ResourceError
from ..model import Role
from .records import Person
from .surface import fold

ELITE = "political figure"  # a person tied to a state without an office the data know

#: States whose people English-language news names family name first ("Xi Jinping", "Moon
#: Jae-in", "Tsai Ing-wen"): a bare "Xi" or "Moon" is the first word of the name, not the last.
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "PRK", "KOR"})

#: Shortest surname looked up alone ("Abe", "May"); family names written first may be two
#: letters ("Xi", "Li"). Shorter words are too often something else.
MIN_SURNAME = 3


_COLUMNS = ("name", "aliases", "title", "country", "valid_from", "valid_to", "source")


@dataclass(frozen=True, slots=True)
class OfficeTable:
    """People and their dated roles, keyed like the curated people ("person:<slug>"). Rows are
    kept as read; a person's ``Person`` (with parsed dates) is made the first time it is asked
    for, so loading costs one pass over the file and one index entry per name."""

    _names: dict[str, str] = field(default_factory=dict)  # folded name or alias -> key
    _rows: dict[str, list[list[str]]] = field(default_factory=dict)  # key -> its raw rows
    _surnames: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _sources: dict[str, str] = field(default_factory=dict)  # source tag -> citation
    _made: dict[str, Person] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self._rows)

    def key_of(self, name: str) -> str | None:
        return self._names.get(fold(name))

    def person(self, key: str) -> Person | None:
        made = self._made.get(key)
        if made is None and key in self._rows:
            made = self._made[key] = self._person(key, self._rows[key])
        return made

    def by_surname(self, surname: str) -> tuple[Person, ...]:
        keys = self._surnames.get(fold(surname), ())
        return tuple(p for k in keys if (p := self.person(k)) is not None)

    def _person(self, key: str, rows: list[list[str]]) -> Person:
        aliases = (a for row in rows for a in row[1].split("|") if a)
        return Person(key, rows[0][0], tuple(dict.fromkeys(aliases)), tuple(map(self._role, rows)))

    def _role(self, row: list[str]) -> Role:
        _, _, title, country, first, last, tag = row
        source = self._sources.get(tag) or _expand(tag, self._sources)
        return Role(
            title=title,
            country=country or None,
            valid_from=date.fromisoformat(first) if first else None,
            valid_to=date.fromisoformat(last) if last else None,
            source=source,
        )


def read_office_table(
    lines: Iterable[str], sources: dict[str, str], skip_words: frozenset[str]
) -> OfficeTable:
    """Read the derived table (the columns of ``office_holders.csv``, in that order);
    ``sources`` expands each row's source tag, ``skip_words`` (title words) are never taken
    for surnames."""
    rows = csv.reader(lines)
    if tuple(next(rows, ())) != _COLUMNS:
        raise ResourceError("office_holders_derived.csv: columns are not " + ",".join(_COLUMNS))
    table = OfficeTable(_sources=dict(sources))
    surnames: dict[str, list[str]] = {}
    name, key = "", ""
    for row in rows:
        if row[0] != name:
            name = row[0]
            key = _index_names(table, surnames, name, row[1], skip_words, row[3])
        table._rows[key].append(row)
    table._surnames.update((k, tuple(v)) for k, v in surnames.items())
    _join_given_name_variants(table)
    return table


#: Words that open a family name ("al-Maliki", "van Agt"): a name left with one is no person's.
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "van", "von", "de", "da", "di", "du"})


def _join_given_name_variants(table: OfficeTable) -> None:
    """ "Mohamed Irfaan Ali" (a leader list) and "Irfaan Ali" (a cabinet list) are one person
    when both served one state only: each name's rows hold both, so the later office is
    known by either name."""
    for name, key in list(table._names.items()):
        words = name.split()
        if len(words) < 3:
            continue
        if words[1] not in _PARTICLES:  # "al-Khalifa" is a family, not a man
            _join(table, key, " ".join(words[1:]), None)
        # "Laurentino Cortizo Cohen" and "Laurentino Cortizo": the mother's surname left off
        # (not "Rafael Trujillo (son)", "Marcos Jr.": another man of the family)
        if words[-1].isalpha() and words[-1] not in _GENERATIONS:
            _join(table, key, " ".join(words[:-1]), TWO_SURNAMES)


_GENERATIONS = frozenset({"jr", "sr", "junior", "senior", "hijo", "son", "ii", "iii", "iv"})

#: States whose people carry two surnames, the father's then the mother's, and are often named
#: by the first alone (Spanish-speaking states).
TWO_SURNAMES = frozenset(
    {"ARG", "BOL", "CHL", "COL", "CRI", "CUB", "DOM", "ECU", "ESP", "GNQ", "GTM", "HND", "MEX"}
    | {"NIC", "PAN", "PER", "PRY", "SLV", "URY", "VEN"}
)


def _join(table: OfficeTable, key: str, other: str, only_in: frozenset[str] | None) -> None:
    """One person's rows under two names of one state's holder (``only_in``: those states)."""
    if not (short := table._names.get(other)) or short == key:
        return
    mine, theirs = table._rows[key], table._rows[short]
    countries = {r[3] for r in mine} | {r[3] for r in theirs}
    if len(countries) != 1 or "" in countries or any(r in theirs for r in mine):
        return
    if only_in is not None and not countries <= only_in:
        return
    joined = mine + theirs
    table._rows[key] = joined
    table._rows[short] = list(joined)


def _expand(tag: str, sources: dict[str, str]) -> str:
    """ "phoenix+archigos": each tag's citation, remembered for the next row."""
    sources[tag] = "; ".join(sources.get(t, t) for t in tag.split("+"))
    return sources[tag]


def _index_names(
    table: OfficeTable,
    surnames: dict[str, list[str]],
    name: str,
    aliases: str,
    skip_words: frozenset[str],
    country: str = "",
) -> str:
    """Index a person's name and aliases; returns the person's key."""
    folded_name = _fold(name)
    key = "person:" + _slug(folded_name)
    table._rows.setdefault(key, [])  # two spellings of one slug: one person
    for written in (name, *(a for a in aliases.split("|") if a)):
        folded = _fold(written)
        if " " in folded:  # a bare surname is found by date only
            table._names.setdefault(folded, key)
        surname = family_name(written, folded, country)
        if surname and surname not in skip_words:
            owners = surnames.setdefault(surname, [])
            if key not in owners:
                owners.append(key)
    return key


#: "Ban Ki-moon", "Kim Jong-un": a hyphenated given name written after the family name.
_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]+ [A-Z][a-z]+-[a-z]+")


def family_name(name: str, folded: str, country: str | None) -> str | None:
    """The word of a full name (``folded``: the same name folded) that a bare mention uses
    ("merkel", "xi", "ban"), or None when it is too short to be looked up alone."""
    words = folded.split()
    if len(words) < 2:
        return None
    if country in FAMILY_NAME_FIRST or _HYPHENATED_GIVEN.fullmatch(name):
        return words[0] if len(words[0]) >= MIN_SURNAME - 1 else None
    return words[-1] if len(words[-1]) >= MIN_SURNAME else None


def _fold(name: str) -> str:
    """``fold`` for a clean name, fast when it is plain ASCII (most are)."""
    if name.isascii() and "'" not in name:
        return " ".join(name.replace("-", " ").casefold().split())
    return fold(name)


def _slug(folded: str) -> str:
    """``surface.slug`` of an already folded name."""
    if folded.replace(" ", "").isalnum() and folded.isascii():
        return folded.replace(" ", "-")
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
