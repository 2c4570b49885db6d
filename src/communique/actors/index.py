"""Surface forms -> actors, each form valid for a span of dates.

Most forms hold for all time: a state's name, aliases and demonyms always name that state
("Soviet" is the Soviet Union in a 2015 article on history too). Capitals, seats of government
and metonyms are dated: "Moscow" and "the Kremlin" are the Soviet Union up to 1991-12-25 and
Russia from 1991-12-26, "Bonn" is Germany only while the government sat there. A lookup with
a date returns the first entry valid on that date; without one, the first entry still valid
today (open-ended), so undated articles read capitals as they are now.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .records import ActorRef, Group, Igo, Person, State, Via
from .surface import fold, is_acronym, normalize


@dataclass(frozen=True, slots=True)
class Entry:
    ref: ActorRef
    valid_from: date | None = None
    valid_to: date | None = None

    def holds(self, on: date | None) -> bool:
        if on is None:
            return self.valid_to is None
        return (self.valid_from is None or self.valid_from <= on) and (
            self.valid_to is None or on <= self.valid_to
        )


@dataclass(frozen=True, slots=True)
class SurfaceIndex:
    """Surface form -> entries, exact (acronyms) and folded (everything else); the first entry
    added for a form wins among those valid on the date asked about."""

    exact: dict[str, list[Entry]] = field(default_factory=dict)
    folded: dict[str, list[Entry]] = field(default_factory=dict)

    def add(
        self,
        surface: str,
        ref: ActorRef,
        valid_from: date | None = None,
        valid_to: date | None = None,
    ) -> None:
        norm = normalize(surface)
        if not norm:
            return
        entry = Entry(ref, valid_from, valid_to)
        self.exact.setdefault(norm, []).append(entry)
        if not is_acronym(norm):
            self.folded.setdefault(fold(norm), []).append(entry)

    def get(self, surface: str, on: date | None = None) -> ActorRef | None:
        norm = normalize(surface)
        hit = _first(self.exact.get(norm), on)
        if hit is None and not is_acronym(norm):
            hit = _first(self.folded.get(fold(norm)), on)
        return hit


def _first(entries: list[Entry] | None, on: date | None) -> ActorRef | None:
    if not entries:
        return None
    return next((e.ref for e in entries if e.holds(on)), None)


def state_ref(s: State, via: Via) -> ActorRef:
    return ActorRef(key=f"state:{s.code}", kind="state", code=s.code, name=s.name, via=via)


def igo_ref(g: Igo, via: Via) -> ActorRef:
    return ActorRef(key=f"{g.kind}:{g.code}", kind=g.kind, code=g.code, name=g.name, via=via)


@dataclass(frozen=True, slots=True)
class DatedName:
    """A surface form that names a state or IGO only between two dates (dated_names.csv)."""

    surface: str
    code: str
    via: Via
    valid_from: date | None
    valid_to: date | None


def build_index(
    states: tuple[State, ...],
    igos: tuple[Igo, ...],
    people: tuple[Person, ...],
    groups: tuple[Group, ...] = (),
    dated: tuple[DatedName, ...] = (),
) -> SurfaceIndex:
    index = SurfaceIndex()
    for g in igos:  # IGO names first: "EU" must not become anything else
        index.add(g.name, igo_ref(g, "name"))
        for a in g.aliases:
            index.add(a, igo_ref(g, "alias"))
    _add_dated(index, dated, states, igos)
    for s in states:
        index.add(s.name, state_ref(s, "name"))
        for a in s.aliases:
            index.add(a, state_ref(s, "alias"))
    for s in states:
        for d in s.demonyms:
            index.add(d, state_ref(s, "demonym"))
        for m in s.metonyms:
            index.add(m, state_ref(s, "metonym"), s.valid_from, s.valid_to)
    for s in states:
        for c in (s.capital, *s.capital_aliases):
            index.add(c, state_ref(s, "capital"), s.valid_from, s.valid_to)
    for p in people:
        ref = ActorRef(key=p.key, kind="person", code=None, name=p.name, via="name")
        for n in (p.name, *p.aliases):
            index.add(n, ref)
    for gr in groups:  # after states and people: a group never takes their names
        ref = ActorRef(key=gr.key, kind="group", code=None, name=gr.name, via="name")
        for n in (gr.name, *gr.aliases):
            index.add(n, ref)
    return index


def _add_dated(
    index: SurfaceIndex,
    dated: tuple[DatedName, ...],
    states: tuple[State, ...],
    igos: tuple[Igo, ...],
) -> None:
    by_state = {s.code: s for s in states}
    by_igo = {g.code: g for g in igos}
    for d in dated:
        if (s := by_state.get(d.code)) is not None:
            index.add(d.surface, state_ref(s, d.via), d.valid_from, d.valid_to)
        elif (g := by_igo.get(d.code)) is not None:
            index.add(d.surface, igo_ref(g, d.via), d.valid_from, d.valid_to)
