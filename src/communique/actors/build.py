"""Build the dated office-holder table and the states' COW/GW numbers from the field's data.

    python -m communique.actors.build --data ../shared/data/office-holders [--check]

Reads PETRARCH2/Phoenix (MIT), CountryInfo (CC BY-SA 3.0), Archigos 4.1 and REIGN (academic
data: dated facts derived and cited), Wikidata (CC0) and the COW state list, and writes

    data/office_holders_derived.csv   one row per person and role, each with its source tag
    data/states.csv                   its ``cow``, ``gw`` and ``codes_source`` columns only

Fixes applied on the way (each a rule, not a list of people):
1. a role coded to a state before that state existed goes to the state it was part of
   (Phoenix codes Shevardnadze's Soviet years to Georgia: before 1991-12-26 they are SUN);
   numbers (Archigos GW 365, REIGN COW 365) go to the state bearing them on each date;
2. generic ties ("government official", "political figure") give way to the titled roles
   that cover the same time; leaders named by surname only join the person of the same
   state and time whose name ends with that surname;
3. open ranges end on the source's file date (in office then, unknown after).
``--check`` writes nothing and fails when the files differ from what would be written.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

from . import build_sources as src
from .surface import fold, slug

DATA = Path(__file__).resolve().parent / "data"
_DEFAULT = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "office-holders"
_DAY = timedelta(days=1)
# Gleditsch & Ward (1999) keep these numbers where COW changed them; checked against Archigos
_GW_KEEPS = {"DEU": 260, "YEM": 678, "SRB": 340}
_COLUMNS = ("name", "aliases", "title", "country", "valid_from", "valid_to", "source")


@dataclass(frozen=True, slots=True)
class StateRow:
    code: str
    names: tuple[str, ...]
    valid_from: date | None
    valid_to: date | None
    successors: tuple[str, ...]


@dataclass(slots=True)
class Tables:
    """The package's states (with numbers once known) and IGO codes."""

    states: dict[str, StateRow]
    igos: set[str]
    numbers: dict[str, list[tuple[str, int, date | None, date | None]]] = field(
        default_factory=dict
    )  # "cow:365" -> [(ISO3, number, from, to)]

    def predecessor(self, code: str) -> str | None:
        return next((s.code for s in self.states.values() if code in s.successors), None)


def _read_states(path: Path) -> tuple[list[dict[str, str]], dict[str, StateRow]]:
    rows = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
    states = {
        r["code"]: StateRow(
            r["code"],
            tuple(n for n in (r["name"], *r["aliases"].split("|")) if n),
            date.fromisoformat(r["valid_from"]) if r["valid_from"] else None,
            date.fromisoformat(r["valid_to"]) if r["valid_to"] else None,
            tuple(s for s in r["successors"].split("|") if s),
        )
        for r in rows
        if r["status"] != "territory"  # office-holder data places no roles there reliably
    }
    return rows, states


# --- COW and Gleditsch-Ward numbers ---------------------------------------------------------


def state_numbers(folder: Path, tables: Tables) -> dict[str, tuple[int | None, int | None, str]]:
    """ISO3 -> (COW, GW, source note). COW by name in the COW list (or the entry of a state it
    was part of or became, when that entry spans its dates); GW = COW unless Gleditsch-Ward
    kept an older number, and only where Archigos (GW-coded) has leaders in the state's time."""
    cow_rows = list(csv.DictReader((folder / "manystates_states" / "states2016.csv").open()))
    variants = _name_variants(folder / "manystates_states" / "ctry_orig2ctry_pref.csv")
    entries: dict[str, list[tuple[int, date, date]]] = {}
    for r in cow_rows:
        span = (
            int(r["ccode"]),
            date(int(r["styear"]), int(r["stmonth"]), int(r["stday"])),
            date(int(r["endyear"]), int(r["endmonth"]), int(r["endday"])),
        )
        for name in {r["statenme"], *variants.get(fold(r["statenme"]), ())}:  # "&" = "and"
            entries.setdefault(fold(name), []).append(span)
    spells = _archigos_spans(folder / "archigos" / "archigos_4.1_leaders.csv")
    listed = _gw_listed(folder / "country_names" / "coco_country_data.tsv")
    out: dict[str, tuple[int | None, int | None, str]] = {}
    for code, state in tables.states.items():
        cow, how = _cow_of(state, tables, entries)
        gw: int | None = _GW_KEEPS.get(code, cow)
        note = f"COW State System v2016 ({how})" if cow else "not in the COW state list"
        if gw is not None and _led(spells.get(gw, []), state):
            note += "; GW: Archigos 4.1 leaders"
        elif (gw := listed.get(code)) is not None:
            note += "; GW: country_converter 1.3.2 GWcode (not in Archigos 4.1)"
        else:
            note += "; no GW number"
        out[code] = (cow, gw, note)
    return out


def _gw_listed(path: Path) -> dict[str, int]:
    """ISO3 -> GW number of country_converter's table (read for the numbers, a fact)."""
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {r["ISO3"]: int(r["GWcode"]) for r in rows if r["GWcode"].strip().isdigit()}


def _name_variants(path: Path) -> dict[str, set[str]]:
    """Folded name -> every spelling manystates gives for the same country."""
    groups: dict[str, set[str]] = {}
    with path.open(encoding="utf-8-sig") as handle:
        for r in csv.DictReader(handle):
            groups.setdefault(r["ctry_pref"], {r["ctry_pref"]}).add(r["ctry_orig"])
    return {fold(n): names for names in groups.values() for n in names}


def _cow_of(
    state: StateRow, tables: Tables, entries: dict[str, list[tuple[int, date, date]]]
) -> tuple[int | None, str]:
    first, last = state.valid_from or date(1945, 1, 1), state.valid_to or date(2016, 12, 31)
    last = min(last, date(2016, 12, 31))
    own = [
        e for n in state.names for e in entries.get(fold(n), []) if e[1] <= last and e[2] >= first
    ]
    if own:  # the entry in force on the state's last day, else the one overlapping it most
        best = max(own, key=lambda e: (e[1] <= last <= e[2], min(e[2], last) - max(e[1], first)))
        return best[0], "by name"
    for other in _related(state.code, tables):
        for n in tables.states[other].names:
            for number, start, end in entries.get(fold(n), []):
                if start <= first and end >= last:
                    return number, f"the entry of {other}"
    return None, ""


def _related(code: str, tables: Tables) -> Iterator[str]:
    """Predecessors (transitively), then successors."""
    seen, at = set(), tables.predecessor(code)
    while at and at not in seen:
        seen.add(at)
        yield at
        at = tables.predecessor(at)
    yield from tables.states[code].successors


def _archigos_spans(path: Path) -> dict[int, list[tuple[date, date]]]:
    out: dict[int, list[tuple[date, date]]] = {}
    with path.open(encoding="utf-8") as handle:
        for r in csv.DictReader(handle):
            try:
                span = (date.fromisoformat(r["startdate"]), date.fromisoformat(r["enddate"]))
            except ValueError:
                continue
            out.setdefault(int(r["ccode"]), []).append(span)
    return out


def _led(spans: list[tuple[date, date]], state: StateRow) -> bool:
    first, last = state.valid_from or date(1945, 1, 1), state.valid_to or date.max
    return any(s <= last and e >= first for s, e in spans)


def _number_index(tables: Tables, numbers: dict[str, tuple[int | None, int | None, str]]) -> None:
    earlier = list(csv.DictReader((DATA / "earlier_codes.csv").read_text("utf-8").splitlines()))
    for code, (cow, gw, _) in numbers.items():
        state = tables.states[code]
        before = next((r for r in earlier if r["code"] == code), None)
        start = state.valid_from
        if before is not None:
            last = date.fromisoformat(before["valid_to"])
            tables.numbers.setdefault("cow:" + before["cow"], []).append(
                (code, int(before["cow"]), start, last)
            )
            tables.numbers.setdefault("gw:" + before["gw"], []).append(
                (code, int(before["gw"]), start, last)
            )
            start = last + _DAY
        for scheme, n in (("cow", cow), ("gw", gw)):
            if n is not None:
                tables.numbers.setdefault(f"{scheme}:{n}", []).append(
                    (code, n, start, state.valid_to)
                )


# --- places by date -------------------------------------------------------------------------


def placed(held: src.Held, tables: Tables) -> Iterator[src.Held]:
    """The row split into the states (or IGO) its place meant on each of its dates."""
    if held.place.startswith("igo:"):
        if held.place[4:] in tables.igos:
            yield replace(held, place=held.place[4:])
        return
    if held.place.startswith(("gw:", "cow:")):
        for code, _, first, last in tables.numbers.get(held.place, []):
            part = _clip(held, first, last)
            if part is not None:
                yield replace(part, place=code)
        return
    code = {"USR": "SUN", "FRY": "YUG"}.get(held.place, held.place)
    if code in tables.states:
        yield from _as_of(replace(held, place=code), tables, set())


def _as_of(held: src.Held, tables: Tables, seen: set[str]) -> Iterator[src.Held]:
    """Before its state existed, a role belongs to the state it was part of (recursively)."""
    state = tables.states[held.place]
    if (part := _clip(held, state.valid_from, state.valid_to)) is not None:
        yield part
    before = _clip(held, None, state.valid_from - _DAY) if state.valid_from else None
    predecessor = tables.predecessor(state.code)
    if before is not None and predecessor and predecessor not in seen:
        yield from _as_of(replace(before, place=predecessor), tables, seen | {state.code})


def _clip(held: src.Held, first: date | None, last: date | None) -> src.Held | None:
    start = max(held.start or date.min, first or date.min)
    end = min(held.end or date.max, last or date.max)
    if start > end:
        return None
    return replace(
        held,
        start=None if start == date.min else start,
        end=None if end == date.max else end,
    )


# --- people ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Person:
    name: str
    aliases: list[str]
    roles: list[src.Held]


def people(rows: Iterable[src.Held], curated: dict[str, str]) -> dict[str, _Person]:
    """Rows grouped into people (one slug, one person); a curated spelling takes the curated
    name; leaders named by surname join the person of their state and time."""
    found: dict[str, _Person] = {}
    by_name: dict[str, str] = {}  # folded name or alias -> key
    later: list[src.Held] = []
    for held in rows:
        if held.surname_only:
            later.append(held)
            continue
        name = curated.get(fold(held.names[0]), held.names[0])
        key = by_name.get(fold(name)) or slug(name)
        person = found.setdefault(key, _Person(name, [], []))
        for alias in held.names:
            if alias != person.name and alias not in person.aliases:
                person.aliases.append(alias)
            by_name.setdefault(fold(alias), key)
        person.roles.append(held)
    surnames: dict[str, set[str]] = {}
    for key, person in found.items():
        for n in (person.name, *person.aliases):
            surnames.setdefault(fold(n).rsplit(" ", 1)[-1], set()).add(key)
    for held in later:
        key = _bearer(found, surnames, held) or slug(held.names[0])
        found.setdefault(key, _Person(held.names[0], [], [])).roles.append(held)
    return found


def _bearer(found: dict[str, _Person], surnames: dict[str, set[str]], held: src.Held) -> str | None:
    """The one person of the leader's state and time whose name ends with its surname
    ("Kohl" -> Helmut Kohl, "G.H.W. Bush" -> George Bush); one holding an office then is
    preferred to one only tied to the state."""
    last = fold(held.names[0]).replace(".", " ").split()[-1]
    near = [
        (
            k,
            any(
                not r.elite for r in found[k].roles if r.place == held.place and _overlaps(r, held)
            ),
        )
        for k in sorted(surnames.get(last, ()))
        if any(r.place == held.place and _overlaps(r, held) for r in found[k].roles)
    ]
    office = [k for k, in_office in near if in_office]
    keys = office or [k for k, _ in near]
    return keys[0] if len(keys) == 1 else None


def _overlaps(a: src.Held, b: src.Held) -> bool:
    return (a.start or date.min) <= (b.end or date.max) and (b.start or date.min) <= (
        a.end or date.max
    )


def settle(roles: list[src.Held], tables: Tables) -> list[src.Held]:
    """Generic ties give way to titled roles over the same time; ties only as "political
    figure" keep the time no office covers; equal roles from several sources join."""
    roles = _historical(roles, tables)
    specific = [r for r in roles if r.specific and r.title != "leader"]
    leaders = [r for r in roles if r.title == "leader"]
    generic = [r for r in roles if not r.specific and not r.elite]
    elite = [r for r in roles if r.elite]
    kept = list(specific)
    kept += _minus(leaders, specific, same_place=True)
    kept += _minus(generic, kept, same_place=True)
    kept += _minus(elite, kept, same_place=False)
    return _joined(kept)


def _historical(roles: list[src.Held], tables: Tables) -> list[src.Held]:
    """A role coded to a successor over the time the same person held an office of the
    historical state goes to that state (CountryInfo lists East Germany's offices under DEU,
    Phoenix codes them DDR)."""
    held = [
        r
        for r in roles
        if not r.elite and r.place in tables.states and tables.states[r.place].successors
    ]
    out = []
    for r in roles:
        then = next(
            (h for h in held if r.place in tables.states[h.place].successors and _overlaps(r, h)),
            None,
        )
        if then is None:
            out.append(r)
            continue
        state = tables.states[then.place]
        inside = _clip(r, state.valid_from, state.valid_to)
        out += [replace(inside, place=state.code)] if inside else []
        out += _cut(r, replace(r, start=state.valid_from, end=state.valid_to))
    return out


def _minus(rows: list[src.Held], cover: list[src.Held], same_place: bool) -> list[src.Held]:
    out = []
    for row in rows:
        pieces = [row]
        for c in cover:
            if same_place and c.place != row.place:
                continue
            pieces = [p for piece in pieces for p in _cut(piece, c)]
        out += [p for p in pieces if _days(p) >= 30]
    return out


def _cut(row: src.Held, c: src.Held) -> list[src.Held]:
    if not _overlaps(row, c):
        return [row]
    left = _clip(row, None, c.start - _DAY) if c.start else None
    right = _clip(row, c.end + _DAY, None) if c.end else None
    return [p for p in (left, right) if p is not None]


def _days(row: src.Held) -> int:
    return ((row.end or date(2023, 1, 10)) - (row.start or date(1945, 1, 1))).days


def _joined(rows: list[src.Held]) -> list[src.Held]:
    rows = sorted(rows, key=lambda r: (r.place, r.title, r.start or date.min))
    out: list[src.Held] = []
    for r in rows:
        last = out[-1] if out else None
        if (
            last is not None
            and (last.place, last.title) == (r.place, r.title)
            and (r.start or date.min) <= (last.end or date.max) + _DAY
        ):
            tags = "+".join(dict.fromkeys([*last.tag.split("+"), *r.tag.split("+")]))
            end = None if last.end is None or r.end is None else max(last.end, r.end)
            out[-1] = replace(last, end=end, tag=tags)
        else:
            out.append(r)
    return sorted(out, key=lambda r: (r.start or date.min, r.place))


# --- main -----------------------------------------------------------------------------------


def build(folder: Path) -> tuple[str, str]:
    """(office_holders_derived.csv, states.csv) as they should be."""
    state_rows, states = _read_states(DATA / "states.csv")
    igos = {r["code"] for r in csv.DictReader((DATA / "igos.csv").read_text("utf-8").splitlines())}
    tables = Tables(states, igos)
    numbers = state_numbers(folder, tables)
    _number_index(tables, numbers)
    heads = frozenset(
        r["word"]
        for r in csv.DictReader((DATA / "title_words.csv").read_text("utf-8").splitlines())
        if r["kind"] == "head"
    )
    names = {fold(n): code for code, s in states.items() for n in s.names}
    rows = _all_rows(folder, heads, {k.casefold(): v for k, v in names.items()})
    placed_rows = [p for held in rows for p in placed(held, tables)]
    found = people(placed_rows, _curated_names())
    return _derived_csv(found, tables), _states_csv(state_rows, numbers)


def _all_rows(folder: Path, heads: frozenset[str], names: dict[str, str]) -> Iterator[src.Held]:
    phoenix = folder / "phoenix_petrarch2"
    yield from src.phoenix(
        [phoenix / "phoenix_countries_actors.tsv", phoenix / "phoenix_international_actors.tsv"],
        heads,
    )
    yield from src.countryinfo(folder / "countryinfo" / "countryinfo_120116_leaders.tsv", heads)
    yield from src.wikidata(folder / "everypolitician_world", names)
    yield from src.archigos(folder / "archigos" / "archigos_4.1_leaders.csv")
    yield from src.reign(folder / "reign" / "reign_leaderlist_2021_03.csv")


def _curated_names() -> dict[str, str]:
    """Folded spellings of the curated people -> their curated name."""
    text = (DATA / "office_holders.csv").read_text("utf-8")
    out: dict[str, str] = {}
    for r in csv.DictReader(text.splitlines()):
        for n in (r["name"], *r["aliases"].split("|")):
            if " " in n:
                out.setdefault(fold(n), r["name"])
    return out


def _derived_csv(found: dict[str, _Person], tables: Tables) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_COLUMNS)
    for person in sorted(found.values(), key=lambda p: (fold(p.name), p.name)):
        aliases = "|".join(person.aliases)
        for role in settle(person.roles, tables):
            writer.writerow(
                (
                    person.name,
                    aliases,
                    role.title,
                    role.place,
                    role.start.isoformat() if role.start else "",
                    role.end.isoformat() if role.end else "",
                    role.tag,
                )
            )
    return out.getvalue()


def _states_csv(
    rows: list[dict[str, str]], numbers: dict[str, tuple[int | None, int | None, str]]
) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for r in rows:
        if r["code"] not in numbers:  # a territory: no state number, kept as written
            writer.writerow(r)
            continue
        cow, gw, note = numbers[r["code"]]
        writer.writerow({**r, "cow": cow or "", "gw": gw or "", "codes_source": note})
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m communique.actors.build", description=__doc__)
    parser.add_argument("--data", type=Path, default=_DEFAULT, help="the office-holders folder")
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args(argv)
    if not (args.data / "README.txt").exists():
        print(f"error: {args.data} is not the office-holders data folder", file=sys.stderr)
        return 2
    derived, states = build(args.data)
    targets = ((DATA / "office_holders_derived.csv", derived), (DATA / "states.csv", states))
    if args.check:
        stale = [p.name for p, text in targets if p.read_text("utf-8") != text]
        print("stale: " + ", ".join(stale) if stale else "up to date")
        return 1 if stale else 0
    for path, text in targets:
        path.write_text(text, encoding="utf-8")
    people_count = len({line.split(",", 1)[0] for line in derived.splitlines()[1:]})
    print(f"office_holders_derived.csv: {derived.count(chr(10)) - 1} roles, {people_count} names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
