"""The user's own actors (``communique extract --actors FILE``), laid over the package's.

A file has the columns of one of the package's tables, told apart by its header:

    office_holders.csv  name, title, country (+ aliases, valid_from, valid_to, source)
    states.csv          code, name and one of iso2/demonyms/capital (+ the other columns)
    igos.csv            code, name, kind (+ parent, aliases, ..., valid_from, valid_to)
    groups.csv          name, country (+ aliases, source)

A row adds an actor, or replaces the package's actor with the same code (states, IGOs) or
the same name (people, groups): a person listed by the user has exactly the roles the user
lists. A bad row stops with ``InputError("FILE:LINE: what is wrong")``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from ..errors import InputError
from .load import Fail, Row, group_from, igo_from, parse_date, people_from, state_from
from .records import Group, Igo, Person, State
from .tables import ActorData

T = TypeVar("T", State, Igo, Person, Group)
_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,11}$")
_REQUIRED = {
    "office_holders": ("name", "country"),
    "states": ("code", "name"),
    "igos": ("code", "name", "kind"),
    "groups": ("name", "country"),
}


@dataclass
class _Rows:
    """Rows read so far, by kind, each with the function that reports an error at its line."""

    by_kind: dict[str, list[tuple[Row, Fail]]] = field(default_factory=dict)


def overlay(base: ActorData, files: tuple[Path, ...]) -> ActorData:
    rows = _Rows()
    for path in files:
        _read(path, rows)
    states = _replace(base.states, _made(rows, "states", state_from), lambda s: s.code)
    igos = _replace(base.igos, _made(rows, "igos", igo_from), lambda g: g.code)
    known = {s.code for s in states} | {g.code for g in igos}
    _check_codes(rows, "office_holders", "country", known)
    _check_codes(rows, "groups", "country", known)
    _check_parents(rows, known)
    people = people_from(iter(rows.by_kind.get("office_holders", [])))
    groups = _replace(base.groups, _made(rows, "groups", group_from), lambda g: g.key)
    return ActorData.build(
        states=states,
        igos=igos,
        people=_replace(base.people, people, lambda p: p.key),
        regions=base.regions,
        title_words=base.title_words,
        verb_cues=base.verb_cues,
        groups=groups,
        dated=base.dated,
        earlier_codes=base._earlier_codes,
        derived=base.derived,
        authoritative=frozenset(p.key for p in people),
        shared_names=base.shared_names,
    )


def _read(path: Path, rows: _Rows) -> None:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read the actors file ({err})") from None
    reader = csv.DictReader(text.splitlines())
    header = [h.strip() for h in reader.fieldnames or []]
    kind = _kind(header)
    if kind is None:
        raise InputError(
            f"{path}:1: header {','.join(header)!r} is not that of office_holders.csv, "
            "states.csv, igos.csv or groups.csv (see docs/ACTORS.md)"
        )
    reader.fieldnames = header
    for row in _rows(reader, path, kind):
        rows.by_kind.setdefault(kind, []).append(row)


def _kind(header: list[str]) -> str | None:
    cols = set(header)
    if {"code", "name", "kind"} <= cols:
        return "igos"
    if {"code", "name"} <= cols and cols & {"iso2", "demonyms", "capital"}:
        return "states"
    if {"name", "title", "country"} <= cols:
        return "office_holders"
    if {"name", "country"} <= cols and "code" not in cols:
        return "groups"
    return None


def _rows(reader: csv.DictReader[str], path: Path, kind: str) -> Iterator[tuple[Row, Fail]]:
    for row in reader:
        fail = _fail_at(path, reader.line_num)
        if None in row:
            raise fail(f"{len(row) - 1 + len(row[None])} cells, the header has {len(row) - 1}")
        if any(v is None for v in row.values()):
            raise fail("fewer cells than the header has columns")
        clean = {k: (v or "").strip() for k, v in row.items()}
        if not any(clean.values()):
            continue  # a blank line
        for column in _REQUIRED[kind]:
            if not clean.get(column):
                raise fail(f"{column} is empty")
        if kind in ("states", "igos") and not _CODE.match(clean["code"]):
            raise fail(f"code {clean['code']!r} is not an upper-case code like RUS or NATO")
        first, last = (
            parse_date(clean.get("valid_from"), fail),
            parse_date(clean.get("valid_to"), fail),
        )
        if first and last and last < first:
            raise fail(f"valid_to {last} is before valid_from {first}")
        clean["source"] = clean.get("source") or f"user file {path.name}"
        yield clean, fail


def _fail_at(path: Path, line: int) -> Fail:
    return lambda message: InputError(f"{path}:{line}: {message}")


def _made(rows: _Rows, kind: str, make: Callable[[Row, Fail], T]) -> tuple[T, ...]:
    return tuple(make(r, fail) for r, fail in rows.by_kind.get(kind, []))


def _replace(base: tuple[T, ...], added: tuple[T, ...], key: Callable[[T], str]) -> tuple[T, ...]:
    """``base`` with each item of ``added`` in place of the one with its key, or at the end."""
    mine = {key(a): a for a in added}
    kept = tuple(mine.pop(key(b), b) for b in base)
    return kept + tuple(mine.values())


def _check_codes(rows: _Rows, kind: str, column: str, known: set[str]) -> None:
    for r, fail in rows.by_kind.get(kind, []):
        if r[column] not in known:
            raise fail(
                f"{column} {r[column]!r} is no state or IGO code (ISO3 such as RUS, or NATO)"
            )


def _check_parents(rows: _Rows, known: set[str]) -> None:
    for r, fail in rows.by_kind.get("igos", []):
        if r.get("parent") and r["parent"] not in known:
            raise fail(f"parent {r['parent']!r} is no IGO code")
