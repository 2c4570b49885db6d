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

from ..model import Role
from .records import Person
from .surface import fold

ELITE = "political figure"  # a person tied to a state without an office the data know


@dataclass(frozen=True, slots=True)
class OfficeTable:
    """People and their dated roles, keyed like the curated people ("person:<slug>")."""

    _names: dict[str, str] = field(default_factory=dict)  # folded name or alias -> key
    _people: dict[str, Person] = field(default_factory=dict)
    _surnames: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self._people)

    def key_of(self, name: str) -> str | None:
        return self._names.get(fold(name))

    def person(self, key: str) -> Person | None:
        return self._people.get(key)

    def by_surname(self, surname: str) -> tuple[Person, ...]:
        keys = self._surnames.get(fold(surname), ())
        return tuple(p for k in keys if (p := self._people.get(k)) is not None)


def read_office_table(
    lines: Iterable[str], sources: dict[str, str], skip_words: frozenset[str]
) -> OfficeTable:
    """Read the derived table; ``sources`` expands each row's source tag, ``skip_words`` (title
    words) are never taken for surnames."""
    rows = csv.reader(lines)
    header = next(rows, [])
    col = {name: i for i, name in enumerate(header)}
    n, a, t, c, f, u, s = (
        col[k] for k in ("name", "aliases", "title", "country", "valid_from", "valid_to", "source")
    )
    grouped: dict[str, tuple[str, list[str], list[Role]]] = {}
    for row in rows:
        name = row[n]
        held = grouped.get(name)
        if held is None:
            held = grouped[name] = (name, [x for x in row[a].split("|") if x], [])
        held[2].append(
            Role(
                title=row[t],
                country=row[c] or None,
                valid_from=date.fromisoformat(row[f]) if row[f] else None,
                valid_to=date.fromisoformat(row[u]) if row[u] else None,
                source=sources.get(row[s]) or _expand(row[s], sources),
            )
        )
    return _index(grouped.values(), skip_words)


def _expand(tag: str, sources: dict[str, str]) -> str:
    """ "phoenix+archigos": each tag's citation, remembered for the next row."""
    sources[tag] = "; ".join(sources.get(t, t) for t in tag.split("+"))
    return sources[tag]


def _index(
    grouped: Iterable[tuple[str, list[str], list[Role]]], skip_words: frozenset[str]
) -> OfficeTable:
    table = OfficeTable()
    surnames: dict[str, list[str]] = {}
    for name, aliases, roles in grouped:
        folded_name = _fold(name)
        key = "person:" + _slug(folded_name)
        known = table._people.get(key)
        if known is not None:  # two spellings of one slug: one person
            roles = [*known.roles, *roles]
            aliases = [*known.aliases, *aliases]
        table._people[key] = Person(key, name, tuple(dict.fromkeys(aliases)), tuple(roles))
        for folded in (folded_name, *(_fold(a) for a in aliases)):
            if " " in folded:  # a bare surname is found by date only
                table._names.setdefault(folded, key)
            last = folded.rsplit(" ", 1)[-1]
            if len(last) >= 4 and last not in skip_words:
                owners = surnames.setdefault(last, [])
                if key not in owners:
                    owners.append(key)
    table._surnames.update((k, tuple(v)) for k, v in surnames.items())
    return table


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
