"""The loaded actor tables and the lookups the resolver asks of them (``ActorData``).

Lookups of surface forms depend on the article's date (``ActorData.at``): "Moscow" is the
Soviet Union in 1987 and Russia in 1997. People are found in the curated table (and the
user's), then in the large derived table (``office.py``): by full name, or by surname among
those in office on the date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from ..model import Role
from .index import DatedName, SurfaceIndex, build_index
from .office import ELITE, FAMILY_NAME_FIRST, OfficeTable, family_name
from .patterns import ruler_patterns
from .records import ActorRef, Group, Igo, Person, State
from .surface import fold, normalize, spelling_key
from .titles import country_in_title

EarlierCodes = dict[str, tuple[tuple[date, int | None, int | None], ...]]


@dataclass(frozen=True, slots=True)
class ActorData:
    """The loaded actor tables with their lookup indexes. Build with ``load_actor_data``."""

    states: tuple[State, ...]
    igos: tuple[Igo, ...]
    people: tuple[Person, ...]  # curated and user office holders (entity-ruler patterns)
    regions: tuple[tuple[str, str], ...]  # (pattern, label): "Latin America" is not "America"
    title_words: dict[str, str]  # word -> head | modifier | connector
    verb_cues: dict[
        tuple[str, str], str
    ]  # (subject|object|preposition|phrase, lemma) -> actor | place
    _index: SurfaceIndex
    _by_code: dict[str, State]
    _igo_by_code: dict[str, Igo]
    _people_by_key: dict[str, Person]
    _surnames: dict[str, tuple[str, ...]]  # folded surname -> keys of the people bearing it
    _spellings: dict[str, tuple[str, ...]]  # ``spelling_key`` of a surname -> the same keys
    context_words: frozenset[str]  # folded context aliases ("alliance", "bloc")
    groups: tuple[Group, ...] = ()
    _group_by_key: dict[str, Group] = field(default_factory=dict)
    dated: tuple[DatedName, ...] = ()
    derived: OfficeTable = field(default_factory=OfficeTable)
    _earlier_codes: EarlierCodes = field(default_factory=dict)
    #: folded name -> the states that go by it ("Congo": COD, COG); read per article
    shared_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    on: date | None = None  # the date lookups answer for (``at``)

    @classmethod
    def build(
        cls,
        states: tuple[State, ...],
        igos: tuple[Igo, ...],
        people: tuple[Person, ...],
        regions: tuple[tuple[str, str], ...],
        title_words: dict[str, str],
        verb_cues: dict[tuple[str, str], str],
        groups: tuple[Group, ...] = (),
        dated: tuple[DatedName, ...] = (),
        earlier_codes: EarlierCodes | None = None,
        derived: OfficeTable | None = None,
        authoritative: frozenset[str] = frozenset(),
        shared_names: dict[str, tuple[str, ...]] | None = None,
    ) -> ActorData:
        """``authoritative``: keys of people whose listed roles are all there is (the user's);
        any other curated person also gets the derived table's roles that do not overlap."""
        derived = derived or OfficeTable()
        people = tuple(p if p.key in authoritative else _merged(p, derived) for p in people)
        return cls(
            states=states,
            igos=igos,
            people=people,
            regions=regions,
            title_words=title_words,
            verb_cues=verb_cues,
            _index=build_index(states, igos, people, groups, dated),
            _by_code={s.code: s for s in states},
            _igo_by_code={g.code: g for g in igos},
            _people_by_key={p.key: p for p in people},
            _surnames=(surnames := _surname_owners(people, title_words)),
            _spellings=_spelling_owners(surnames),
            context_words=frozenset(fold(a) for g in igos for a in g.context_aliases),
            groups=groups,
            _group_by_key={g.key: g for g in groups},
            dated=dated,
            derived=derived,
            _earlier_codes=earlier_codes or {},
            shared_names=shared_names or {},
        )

    def at(self, on: date | None) -> ActorData:
        """The same tables, answering for the date ``on`` (the article's reference date)."""
        return self if on == self.on else replace(self, on=on)

    def state(self, code: str) -> State | None:
        return self._by_code.get(code)

    def state_on(self, code: str, on: date | None) -> State | None:
        """The state that held the territory of today's ``code`` on ``on``: Russia's in 1987
        is the Soviet Union, Serbia's in 1995 Yugoslavia; today's state when ``on`` is None or it
        existed then."""
        state = self._by_code.get(code)
        if on is None or state is None or state.exists_on(on):
            return state
        for _ in range(3):  # SRB -> SCG -> YUG: up through successions
            before = next((s for s in self.states if state.code in s.successors), None)
            if before is None:
                return state
            if before.exists_on(on):
                return before
            state = before
        return state

    def igo(self, code: str) -> Igo | None:
        return self._igo_by_code.get(code)

    def group(self, key: str) -> Group | None:
        return self._group_by_key.get(key)

    def codes_on(self, code: str | None, on: date | None) -> tuple[int | None, int | None]:
        """(COW, GW) numbers of the state ``code`` on ``on`` (West Germany: 260 to 1990)."""
        state = self.state(code) if code else None
        if state is None:
            return None, None
        for last, cow, gw in self._earlier_codes.get(state.code, ()):
            if on is not None and on <= last:
                return cow, gw
        return state.cow, state.gw

    def is_curated(self, key: str) -> bool:
        """Is the person with ``key`` in the curated table (not only the derived one)?"""
        return key in self._people_by_key

    def person(self, name: str) -> Person | None:
        """The office holder called ``name`` (any listed spelling), or None."""
        ref = self._index.get(name)
        if ref is not None and ref.kind == "person":
            return self._people_by_key.get(ref.key)
        if ref is not None or " " not in normalize(name):
            return None  # a bare surname is found by date (``person_by_surname``)
        key = self.derived.key_of(name)
        return self._people_by_key.get(key) or self.derived.person(key) if key else None

    def lookup(self, text: str, context: Sequence[str] = ()) -> ActorRef | None:
        """Resolve a surface string ("Russian", "the Kremlin", "Kyiv", "NATO", "Sergei Lavrov")
        for the date of ``at``.

        ``context``: codes of the IGOs and bodies already named, in order of mention; with it,
        a context alias ("the alliance", "the bloc") resolves to the latest one it fits."""
        hit = self._index.get(text, self.on)
        if hit is not None or not context:
            return hit
        said = fold(text if text.lower().startswith("the ") else "the " + text)
        for code in reversed(context):
            igo = self.igo(code)
            if igo is not None and said in {
                fold("the " + normalize(a)) for a in igo.context_aliases
            }:
                return ActorRef(f"{igo.kind}:{igo.code}", igo.kind, igo.code, igo.name, "context")
        return None

    def igo_metonym(self, text: str) -> Igo | None:
        """The IGO a place name stands for when used as an actor ("Brussels" -> EU; in 1987
        the European Communities)."""
        norm = normalize(text)
        return next((g for g in self.igos if norm in g.metonyms and self._exists(g)), None)

    def _exists(self, item: Igo | State) -> bool:
        return item.valid_to is None if self.on is None else item.exists_on(self.on)

    def person_by_surname(
        self, surname: str, on: date | None, since: int | None = None
    ) -> Person | None:
        """The office holder a bare surname ("Okonjo-Iweala", "Orban") means: given a date, the
        only bearer of that surname in office on that date; without one, the only bearer of
        the curated table still in office in or after the year ``since`` (the latest year an
        undated article states, when it states one). The derived table is asked only with a
        date, and prefers people holding an office over those only tied to a state."""
        # "Zelenskiy" is "Zelensky": another romanisation when the written one is unknown
        keys = self._surnames.get(fold(surname)) or self._spellings.get(spelling_key(surname), ())
        people = [p for k in keys if (p := self._people_by_key.get(k)) is not None]
        if on is not None:
            people = [p for p in people if self.roles_on(p.name, on)]
        elif since is not None:
            people = [p for p in people if any(_serves_from(r, since) for r in p.roles)]
        if people or on is None:
            return people[0] if len(people) == 1 else None
        bearers = [
            (p, held)
            for p in self.derived.by_surname(surname)
            if p.key not in self._people_by_key and (held := [r for r in p.roles if _holds(r, on)])
        ]
        office = [p for p, held in bearers if any(r.title != ELITE for r in held)]
        found = office or [p for p, _ in bearers]
        return found[0] if len(found) == 1 else None

    def roles_of(self, person_name: str) -> tuple[Role, ...]:
        person = self.person(person_name)
        return person.roles if person else ()

    def roles_on(self, person_name: str, on: date | None) -> tuple[Role, ...]:
        """Every office held on ``on``; with None, the latest office only."""
        if on is None:
            latest = self.role_on(person_name, None)
            return (latest,) if latest else ()
        return tuple(r for r in self.roles_of(person_name) if _holds(r, on))

    def role_on(self, person_name: str, on: date | None) -> Role | None:
        """The office held on ``on`` (the first listed if several); with None, the latest."""
        roles = self.roles_of(person_name)
        if on is None:
            return max(roles, key=_role_order, default=None)
        return next((r for r in roles if _holds(r, on)), None)

    def title_country(self, title_text: str) -> str | None:
        """The state or IGO a title names ("Russian Deputy Foreign Minister" -> "RUS")."""
        return country_in_title(title_text, self)

    def ruler_patterns(self) -> list[dict[str, object]]:
        return ruler_patterns(self)


def _merged(person: Person, derived: OfficeTable) -> Person:
    """A curated person with the derived roles that overlap none of the curated ones."""
    extra = derived.person(person.key)
    if extra is None:
        return person
    added = tuple(r for r in extra.roles if not any(_overlap(r, c) for c in person.roles))
    return replace(person, roles=person.roles + added) if added else person


def _overlap(a: Role, b: Role) -> bool:
    return (a.valid_from or date.min) <= (b.valid_to or date.max) and (
        b.valid_from or date.min
    ) <= (a.valid_to or date.max)


def _surname_owners(
    people: tuple[Person, ...], title_words: dict[str, str]
) -> dict[str, tuple[str, ...]]:
    """Surnames (the last word; the first for names written family name first) -> the people
    bearing them; never a given name or a title word.
    Which bearer a bare surname means is decided by the date (``person_by_surname``)."""
    owners: dict[str, set[str]] = {}
    firsts: set[str] = set()  # given names written first ("john" of "John Kerry")
    for p in people:
        country = next((r.country for r in p.roles if r.country in FAMILY_NAME_FIRST), None)
        for name in (p.name, *p.aliases):
            folded = fold(name)
            surname = family_name(name, folded, country)
            if surname:
                owners.setdefault(surname, set()).add(p.key)
            if surname != folded.split()[0] and " " in folded:
                firsts.add(folded.split()[0])
    return {
        last: tuple(sorted(keys))
        for last, keys in owners.items()
        if last not in firsts and last not in title_words
    }


def _spelling_owners(surnames: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Surnames by their form across romanisations (``spelling_key``)."""
    owners: dict[str, set[str]] = {}
    for surname, keys in surnames.items():
        if " " not in surname:
            owners.setdefault(spelling_key(surname), set()).update(keys)
    return {k: tuple(sorted(v)) for k, v in owners.items()}


def _role_order(role: Role) -> tuple[date, date]:
    return (role.valid_to or date.max, role.valid_from or date.min)


def _serves_from(role: Role, year: int) -> bool:
    """Was the office still held in ``year`` or later (a year's slack for the year it ended)?"""
    return role.valid_to is None or role.valid_to.year >= year - 1


def _holds(role: Role, on: date) -> bool:
    return (role.valid_from is None or role.valid_from <= on) and (
        role.valid_to is None or on <= role.valid_to
    )
