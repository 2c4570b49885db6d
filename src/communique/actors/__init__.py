"""Canonical actors: states, IGOs and their bodies, people with dated roles.

``load_actor_data`` reads the curated tables under ``actors/data/``; ``ActorData`` looks strings
up in them and builds the entity-ruler patterns the NLP stage places before its statistical NER;
``resolve_actors`` turns an annotated article's mentions into one ``Entity`` per actor.
"""

from __future__ import annotations

from .records import ActorRef, Igo, Person, State
from .resolve import resolve_actors
from .tables import ActorData, load_actor_data
from .titles import TitleParse, title_after, title_before

__all__ = [
    "ActorData",
    "ActorRef",
    "Igo",
    "Person",
    "State",
    "TitleParse",
    "load_actor_data",
    "resolve_actors",
    "title_after",
    "title_before",
]
