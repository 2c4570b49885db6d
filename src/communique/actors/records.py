"""Records of the curated actor tables: states, IGOs and bodies, office holders, lookups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from ..model import Role

ActorKind = Literal["state", "igo", "body", "person", "group"]
Via = Literal["name", "alias", "demonym", "capital", "metonym", "context"]


@dataclass(frozen=True, slots=True)
class State:
    """A sovereign state (UN member or observer, or partially recognised), or a territory with
    its own government that news reports as an actor (status ``territory``: Hong Kong)."""

    code: str  # ISO 3166-1 alpha-3
    iso2: str
    name: str
    status: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str
    capital_aliases: tuple[str, ...]
    capital_ambiguous: bool  # the capital's name is also a common word or another place
    name_ambiguous: bool  # the name is also a common first name ("Chad", "Jordan")
    metonyms: tuple[str, ...]  # "the Kremlin", "Downing Street"
    source: str
    valid_from: date | None = None  # the state's existence (historical states and successors)
    valid_to: date | None = None
    successors: tuple[str, ...] = ()  # codes of the states that took its place ("SUN" -> RUS...)
    cow: int | None = None  # Correlates of War state number
    gw: int | None = None  # Gleditsch-Ward state number

    def exists_on(self, on: date) -> bool:
        return _within(on, self.valid_from, self.valid_to)


@dataclass(frozen=True, slots=True)
class Igo:
    """An intergovernmental organisation (``kind="igo"``) or one of its bodies (``"body"``)."""

    code: str
    name: str
    kind: Literal["igo", "body"]
    parent: str | None
    aliases: tuple[str, ...]
    context_aliases: tuple[str, ...]  # "the alliance": only once the IGO itself was named
    metonyms: tuple[str, ...]  # "Brussels" for the EU
    source: str
    valid_from: date | None = None
    valid_to: date | None = None
    successor: str | None = None  # the IGO that took its place ("OAU" -> "AU")

    def exists_on(self, on: date) -> bool:
        return _within(on, self.valid_from, self.valid_to)


@dataclass(frozen=True, slots=True)
class Group:
    """A non-state party named in diplomatic news (a movement, armed group or rival government),
    with the state whose politics it is part of; or an organ of a state named without the
    state ("the Duma", "the Knesset", "the IRGC"; ``organs.csv``), with that state."""

    key: str  # "group:hamas"
    name: str
    aliases: tuple[str, ...]
    country: str
    source: str


@dataclass(frozen=True, slots=True)
class Person:
    """An office holder with every dated role the data know of."""

    key: str  # "person:sergei-lavrov"
    name: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]


@dataclass(frozen=True, slots=True)
class ActorRef:
    """What a surface string resolves to, and how (``via``) it was written."""

    key: str  # "state:RUS", "igo:NATO", "body:NRC", "person:sergei-lavrov"
    kind: ActorKind
    code: str | None  # ISO3 / IGO short name; None for people
    name: str
    via: Via


def _within(on: date, valid_from: date | None, valid_to: date | None) -> bool:
    return (valid_from is None or valid_from <= on) and (valid_to is None or on <= valid_to)
