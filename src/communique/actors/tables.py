"""Loading the curated actor tables and looking strings up in them."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Literal, cast

from ..errors import ResourceError
from ..model import Role
from .patterns import ruler_patterns
from .records import ActorRef, Group, Igo, Person, State, Via
from .surface import fold, is_acronym, normalize, slug
from .titles import country_in_title

_DATA = "communique.actors.data"


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p.strip() for p in (cell or "").split("|") if p.strip()))


def _parse_date(cell: str | None, where: str) -> date | None:
    if not cell:
        return None
    try:
        return date.fromisoformat(cell)
    except ValueError as err:
        raise ResourceError(f"actor data: bad date {cell!r} in {where}") from err


def _rows(name: str) -> Iterator[dict[str, str]]:
    try:
        text = resources.files(_DATA).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as err:
        raise ResourceError(f"actor data file {name} is missing") from err
    for number, row in enumerate(csv.DictReader(text.splitlines()), start=2):
        if None in row or not row.get("source"):
            raise ResourceError(f"actor data file {name}: malformed row {number}")
        yield row


def _states() -> tuple[State, ...]:
    return tuple(
        State(
            code=r["code"],
            iso2=r["iso2"],
            name=r["name"],
            status=r["status"],
            aliases=_split(r["aliases"]),
            demonyms=_split(r["demonyms"]),
            capital=r["capital"],
            capital_aliases=_split(r["capital_aliases"]),
            capital_ambiguous=r["capital_ambiguous"] == "yes",
            name_ambiguous=r["name_ambiguous"] == "yes",
            metonyms=_split(r["metonyms"]),
            source=r["source"],
        )
        for r in _rows("states.csv")
    )


def _igos() -> tuple[Igo, ...]:
    out = []
    for r in _rows("igos.csv"):
        if r["kind"] not in ("igo", "body"):
            raise ResourceError(f"igos.csv: kind {r['kind']!r} of {r['code']} is not igo|body")
        out.append(
            Igo(
                code=r["code"],
                name=r["name"],
                kind=cast(Literal["igo", "body"], r["kind"]),
                parent=r["parent"] or None,
                aliases=_split(r["aliases"]),
                context_aliases=_split(r["context_aliases"]),
                metonyms=_split(r["metonyms"]),
                source=r["source"],
            )
        )
    return tuple(out)


def _groups() -> tuple[Group, ...]:
    return tuple(
        Group(
            key="group:" + slug(r["name"]),
            name=r["name"],
            aliases=_split(r["aliases"]),
            country=r["country"],
            source=r["source"],
        )
        for r in _rows("groups.csv")
    )


def _people() -> tuple[Person, ...]:
    names: dict[str, str] = {}
    aliases: dict[str, tuple[str, ...]] = {}
    roles: dict[str, list[Role]] = {}
    for n, r in enumerate(_rows("office_holders.csv"), start=2):
        key = "person:" + slug(r["name"])
        where = f"office_holders.csv row {n}"
        names.setdefault(key, r["name"])
        aliases[key] = tuple(dict.fromkeys(aliases.get(key, ()) + _split(r["aliases"])))
        role = Role(
            title=r["title"],
            country=r["country"] or None,
            valid_from=_parse_date(r["valid_from"], where),
            valid_to=_parse_date(r["valid_to"], where),
            source=r["source"],
        )
        roles.setdefault(key, []).append(role)
    return tuple(
        Person(key=k, name=names[k], aliases=aliases[k], roles=tuple(roles[k])) for k in names
    )


def _regions() -> tuple[tuple[str, str], ...]:
    return tuple((r["pattern"], r["label"]) for r in _rows("regions.csv"))


def _title_words() -> dict[str, str]:
    return {r["word"]: r["kind"] for r in _rows("title_words.csv")}


def _verb_cues() -> dict[tuple[str, str], str]:
    return {(r["role"], r["lemma"]): r["reading"] for r in _rows("verb_cues.csv")}


@dataclass(frozen=True, slots=True)
class _Index:
    """Surface form -> reference, exact (acronyms) and folded (everything else)."""

    exact: dict[str, ActorRef] = field(default_factory=dict)
    folded: dict[str, ActorRef] = field(default_factory=dict)

    def add(self, surface: str, ref: ActorRef) -> None:
        norm = normalize(surface)
        if not norm:
            return
        self.exact.setdefault(norm, ref)
        if not is_acronym(norm):
            self.folded.setdefault(fold(norm), ref)

    def get(self, surface: str) -> ActorRef | None:
        norm = normalize(surface)
        hit = self.exact.get(norm)
        if hit is None and not is_acronym(norm):
            hit = self.folded.get(fold(norm))
        return hit


def _state_ref(s: State, via: Via) -> ActorRef:
    return ActorRef(key=f"state:{s.code}", kind="state", code=s.code, name=s.name, via=via)


def _igo_ref(g: Igo, via: Via) -> ActorRef:
    return ActorRef(key=f"{g.kind}:{g.code}", kind=g.kind, code=g.code, name=g.name, via=via)


def _build_index(
    states: tuple[State, ...],
    igos: tuple[Igo, ...],
    people: tuple[Person, ...],
    groups: tuple[Group, ...] = (),
) -> _Index:
    index = _Index()
    for g in igos:  # IGO names first: "EU" must not become anything else
        index.add(g.name, _igo_ref(g, "name"))
        for a in g.aliases:
            index.add(a, _igo_ref(g, "alias"))
    for s in states:
        index.add(s.name, _state_ref(s, "name"))
        for a in s.aliases:
            index.add(a, _state_ref(s, "alias"))
    for s in states:
        for d in s.demonyms:
            index.add(d, _state_ref(s, "demonym"))
        for m in s.metonyms:
            index.add(m, _state_ref(s, "metonym"))
    for s in states:
        for c in (s.capital, *s.capital_aliases):
            index.add(c, _state_ref(s, "capital"))
    for p in people:
        ref = ActorRef(key=p.key, kind="person", code=None, name=p.name, via="name")
        for n in (p.name, *p.aliases):
            index.add(n, ref)
    for gr in groups:  # after states and people: a group never takes their names
        ref = ActorRef(key=gr.key, kind="group", code=None, name=gr.name, via="name")
        for n in (gr.name, *gr.aliases):
            index.add(n, ref)
    return index


@dataclass(frozen=True, slots=True)
class ActorData:
    """The loaded actor tables with their lookup indexes. Build with ``load_actor_data``."""

    states: tuple[State, ...]
    igos: tuple[Igo, ...]
    people: tuple[Person, ...]
    regions: tuple[tuple[str, str], ...]  # (pattern, label): "Latin America" is not "America"
    title_words: dict[str, str]  # word -> head | modifier | connector
    verb_cues: dict[tuple[str, str], str]  # (subject|object|preposition, lemma) -> actor | place
    _index: _Index
    _by_code: dict[str, State]
    _igo_by_code: dict[str, Igo]
    _people_by_key: dict[str, Person]
    _surnames: dict[str, tuple[str, ...]]  # folded surname -> keys of the people bearing it
    context_words: frozenset[str]  # folded context aliases ("alliance", "bloc")
    groups: tuple[Group, ...] = ()
    _group_by_key: dict[str, Group] = field(default_factory=dict)

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
    ) -> ActorData:
        return cls(
            states=states,
            igos=igos,
            people=people,
            regions=regions,
            title_words=title_words,
            verb_cues=verb_cues,
            _index=_build_index(states, igos, people, groups),
            _by_code={s.code: s for s in states},
            _igo_by_code={g.code: g for g in igos},
            _people_by_key={p.key: p for p in people},
            _surnames=_surname_owners(people, title_words),
            context_words=frozenset(fold(a) for g in igos for a in g.context_aliases),
            groups=groups,
            _group_by_key={g.key: g for g in groups},
        )

    def state(self, code: str) -> State | None:
        return self._by_code.get(code)

    def igo(self, code: str) -> Igo | None:
        return self._igo_by_code.get(code)

    def group(self, key: str) -> Group | None:
        return self._group_by_key.get(key)

    def person(self, name: str) -> Person | None:
        """The office holder called ``name`` (any listed spelling), or None."""
        ref = self._index.get(name)
        return self._people_by_key.get(ref.key) if ref and ref.kind == "person" else None

    def lookup(self, text: str, context: Sequence[str] = ()) -> ActorRef | None:
        """Resolve a surface string ("Russian", "the Kremlin", "Kyiv", "NATO", "Sergei Lavrov").

        ``context``: codes of the IGOs and bodies already named, in order of mention; with it,
        a context alias ("the alliance", "the bloc") resolves to the latest one it fits."""
        hit = self._index.get(text)
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
        """The IGO a place name stands for when used as an actor ("Brussels" -> EU)."""
        norm = normalize(text)
        return next((g for g in self.igos if norm in g.metonyms), None)

    def person_by_surname(self, surname: str, on: date | None) -> Person | None:
        """The office holder a bare surname ("Okonjo-Iweala", "Orban") means: given a date, the
        only bearer of that surname in office on that date; without one, the only bearer."""
        keys = self._surnames.get(fold(surname), ())
        people = [p for k in keys if (p := self._people_by_key.get(k)) is not None]
        if on is not None:
            people = [p for p in people if self.roles_on(p.name, on)]
        return people[0] if len(people) == 1 else None

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


def _surname_owners(
    people: tuple[Person, ...], title_words: dict[str, str]
) -> dict[str, tuple[str, ...]]:
    """Last words of names -> the people bearing them; never a first word or a title word.
    Which bearer a bare surname means is decided by the date (``person_by_surname``)."""
    owners: dict[str, set[str]] = {}
    firsts: set[str] = set()
    for p in people:
        for name in (p.name, *p.aliases):
            parts = fold(name).split()
            if len(parts) >= 2:
                owners.setdefault(parts[-1], set()).add(p.key)
                firsts.add(parts[0])
    return {
        last: tuple(sorted(keys))
        for last, keys in owners.items()
        if len(last) >= 4 and last not in firsts and last not in title_words
    }


def _role_order(role: Role) -> tuple[date, date]:
    return (role.valid_to or date.max, role.valid_from or date.min)


def _holds(role: Role, on: date) -> bool:
    return (role.valid_from is None or role.valid_from <= on) and (
        role.valid_to is None or on <= role.valid_to
    )


@lru_cache(maxsize=1)
def load_actor_data() -> ActorData:
    """Read the package's curated tables once per process."""
    return ActorData.build(
        _states(), _igos(), _people(), _regions(), _title_words(), _verb_cues(), _groups()
    )
