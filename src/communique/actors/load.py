"""Reading the actor tables: the package's CSV files under ``actors/data/``, then the user's.

Every reader takes rows as dictionaries and a ``where`` label for messages, so the same code
reads the package's files and the files given with ``--actors`` (see ``user.py``).
"""

from __future__ import annotations

import csv
import hashlib
import sys
from collections.abc import Callable, Iterator
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, TypeGuard, cast

from ..cachefile import cache_dir, read_data, write_data
from ..errors import ResourceError
from ..model import Role
from .index import DatedName
from .office import OfficeTable, read_office_table
from .records import Group, Igo, Person, State, Via
from .surface import fold, slug
from .tables import ActorData

_DATA = "communique.actors.data"
DERIVED = "office_holders_derived.csv"

Row = dict[str, str]
Fail = Callable[[str], Exception]  # builds the error for a bad cell; the caller adds the place


def split(cell: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p.strip() for p in (cell or "").split("|") if p.strip()))


def parse_date(cell: str | None, fail: Fail) -> date | None:
    if not cell:
        return None
    try:
        return date.fromisoformat(cell.strip())
    except ValueError:
        raise fail(f"bad date {cell!r} (expected YYYY-MM-DD)") from None


def parse_int(cell: str | None, fail: Fail) -> int | None:
    if not cell:
        return None
    try:
        return int(cell)
    except ValueError:
        raise fail(f"bad number {cell!r}") from None


def package_text(name: str) -> str:
    try:
        return resources.files(_DATA).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as err:
        raise ResourceError(f"actor data file {name} is missing") from err


def _rows(name: str) -> Iterator[tuple[Row, Fail]]:
    for number, row in enumerate(csv.DictReader(package_text(name).splitlines()), start=2):
        if None in row or not row.get("source"):
            raise ResourceError(f"actor data file {name}: malformed row {number}")
        yield row, _package_fail(name, number)


def _package_fail(name: str, number: int) -> Fail:
    return lambda message: ResourceError(f"actor data file {name} row {number}: {message}")


def state_from(r: Row, fail: Fail) -> State:
    return State(
        code=r["code"],
        iso2=r.get("iso2") or "",
        name=r["name"],
        status=r.get("status") or "",
        aliases=split(r.get("aliases")),
        demonyms=split(r.get("demonyms")),
        capital=r.get("capital") or "",
        capital_aliases=split(r.get("capital_aliases")),
        capital_ambiguous=r.get("capital_ambiguous") == "yes",
        name_ambiguous=r.get("name_ambiguous") == "yes",
        metonyms=split(r.get("metonyms")),
        source=r.get("source") or "",
        valid_from=parse_date(r.get("valid_from"), fail),
        valid_to=parse_date(r.get("valid_to"), fail),
        successors=split(r.get("successors")),
        cow=parse_int(r.get("cow"), fail),
        gw=parse_int(r.get("gw"), fail),
    )


def igo_from(r: Row, fail: Fail) -> Igo:
    if r.get("kind") not in ("igo", "body"):
        raise fail(f"kind {r.get('kind')!r} of {r.get('code')} is not igo|body")
    return Igo(
        code=r["code"],
        name=r["name"],
        kind=cast(Literal["igo", "body"], r["kind"]),
        parent=r.get("parent") or None,
        aliases=_with_mixed_case(split(r.get("aliases"))),
        context_aliases=split(r.get("context_aliases")),
        metonyms=split(r.get("metonyms")),
        source=r.get("source") or "",
        valid_from=parse_date(r.get("valid_from"), fail),
        valid_to=parse_date(r.get("valid_to"), fail),
        successor=r.get("successor") or None,
    )


def _with_mixed_case(aliases: tuple[str, ...]) -> tuple[str, ...]:
    """Acronyms of four letters or more are also written in mixed case ("Opec", "Asean")."""
    mixed = (a.capitalize() for a in aliases if a.isalpha() and a.isupper() and len(a) >= 4)
    return tuple(dict.fromkeys((*aliases, *mixed)))


def group_from(r: Row, fail: Fail) -> Group:
    return Group(
        key="group:" + slug(r["name"]),
        name=r["name"],
        aliases=split(r.get("aliases")),
        country=r["country"],
        source=r.get("source") or "",
    )


def role_from(r: Row, fail: Fail) -> Role:
    return Role(
        title=r.get("title") or "",
        country=r.get("country") or None,
        valid_from=parse_date(r.get("valid_from"), fail),
        valid_to=parse_date(r.get("valid_to"), fail),
        source=r.get("source") or "",
    )


def people_from(rows: Iterator[tuple[Row, Fail]]) -> tuple[Person, ...]:
    names: dict[str, str] = {}
    aliases: dict[str, tuple[str, ...]] = {}
    roles: dict[str, list[Role]] = {}
    for r, fail in rows:
        key = "person:" + slug(r["name"])
        names.setdefault(key, r["name"])
        aliases[key] = tuple(dict.fromkeys(aliases.get(key, ()) + split(r.get("aliases"))))
        roles.setdefault(key, []).append(role_from(r, fail))
    return tuple(
        Person(key=k, name=names[k], aliases=aliases[k], roles=tuple(roles[k])) for k in names
    )


def _dated_names() -> tuple[DatedName, ...]:
    return tuple(
        DatedName(
            surface=r["surface"],
            code=r["code"],
            via=cast(Via, r["via"]),
            valid_from=parse_date(r["valid_from"], fail),
            valid_to=parse_date(r["valid_to"], fail),
        )
        for r, fail in _rows("dated_names.csv")
    )


def _earlier_codes() -> dict[str, tuple[tuple[date, int | None, int | None], ...]]:
    """ISO3 -> (last day, COW, GW) of the numbers a state bore before a unification."""
    out: dict[str, list[tuple[date, int | None, int | None]]] = {}
    for r, fail in _rows("earlier_codes.csv"):
        last = parse_date(r["valid_to"], fail)
        if last is None:
            raise fail("valid_to is required")
        out.setdefault(r["code"], []).append(
            (last, parse_int(r["cow"], fail), parse_int(r["gw"], fail))
        )
    return {k: tuple(sorted(v)) for k, v in out.items()}


def _derived(title_words: dict[str, str]) -> OfficeTable:
    sources = {
        r["tag"]: f"{r['citation']} ({r['licence']})" for r, _ in _rows("derived_sources.csv")
    }
    raw = resources.files(_DATA).joinpath(DERIVED)
    try:
        data = raw.read_bytes()
    except (FileNotFoundError, OSError) as err:
        raise ResourceError(f"actor data file {DERIVED} is missing") from err
    path = _derived_cache_path(data, title_words)
    cached = read_data(path, _MAGIC) if path is not None else None
    if _valid_derived(cached):
        return OfficeTable(
            _names=cached["names"],
            _rows=cached["rows"],
            _surnames=cached["surnames"],
            _sources=dict(sources),
        )
    text = data.decode("utf-8")
    table = read_office_table(text.splitlines(), sources, frozenset(title_words))
    if path is not None:
        plain = {"format": _FORMAT, "names": table._names, "rows": table._rows}
        write_data(path, _MAGIC, {**plain, "surnames": table._surnames})
    return table


# The derived table read once is kept in the cache folder (``communique.cachefile``): reading
# it back costs a fraction of parsing and indexing 30,000 rows at every start.
_FORMAT = 1  # raise when the layout of the cached table changes
_MAGIC = b"communique-office-holders\n"
_CODE_FILES = ("load.py", "office.py", "surface.py")


def _derived_cache_path(data: bytes, title_words: dict[str, str]) -> Path | None:
    """The cache file of the derived table read from ``data``, or None when caching is off.
    Its name hashes every input: the table, the title words, the reading code, versions."""
    folder = cache_dir()
    if folder is None:
        return None
    from .. import __version__

    h = hashlib.sha256()
    h.update(f"format={_FORMAT}\0communique={__version__}\0".encode())
    h.update(f"python={sys.version_info.major}.{sys.version_info.minor}\0".encode())
    h.update("\0".join(sorted(title_words)).encode() + b"\0" + data + b"\0")
    for name in _CODE_FILES:
        h.update(name.encode() + b"\0" + resources.files(__package__).joinpath(name).read_bytes())
    return folder / f"office-holders-{h.hexdigest()[:32]}.bin"


def _valid_derived(payload: Any) -> TypeGuard[dict[str, Any]]:
    return (
        isinstance(payload, dict)
        and payload.get("format") == _FORMAT
        and all(isinstance(payload.get(k), dict) for k in ("names", "rows", "surnames"))
    )


@lru_cache(maxsize=1)
def load_package_data() -> ActorData:
    """Read the package's tables once per process."""
    title_words = {r["word"]: r["kind"] for r, _ in _rows("title_words.csv")}
    states = tuple(state_from(r, f) for r, f in _rows("states.csv"))
    return ActorData.build(
        states=states,
        igos=tuple(igo_from(r, f) for r, f in _rows("igos.csv")),
        people=people_from(_rows("office_holders.csv")),
        regions=tuple((r["pattern"], r["label"]) for r, _ in _rows("regions.csv")),
        title_words=title_words,
        verb_cues={(r["role"], r["lemma"]): r["reading"] for r, _ in _rows("verb_cues.csv")},
        groups=tuple(
            group_from(r, f) for name in ("groups.csv", "organs.csv") for r, f in _rows(name)
        ),
        dated=_dated_names(),
        earlier_codes=_earlier_codes(),
        derived=_derived(title_words),
        shared_names=_shared_names({s.code for s in states}),
    )


def _shared_names(known: set[str]) -> dict[str, tuple[str, ...]]:
    """``shared_names.csv``: a name two or more states go by, each code a known state's."""
    out: dict[str, tuple[str, ...]] = {}
    for r, fail in _rows("shared_names.csv"):
        codes = tuple(r["states"].split("|"))
        if len(codes) < 2 or not set(codes) <= known:
            raise fail(f"states {r['states']!r}: two or more known state codes")
        out[fold(r["name"])] = codes
    return out


def load_actor_data(files: tuple[Path, ...] = ()) -> ActorData:
    """The package's tables, with the user's files (``--actors``) laid over them: a row of a
    user file adds an actor or replaces the package's actor with the same code or name."""
    base = load_package_data()
    if not files:
        return base
    from .user import overlay  # only when asked for

    return overlay(base, files)
