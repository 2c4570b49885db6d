"""Canonical actors: states, IGOs and their bodies, people with dated roles.

``load_actor_data`` reads the curated tables under ``actors/data/``; ``ActorData`` looks strings
up in them and builds the entity-ruler patterns the NLP stage places before its statistical NER;
``resolve_actors`` turns an annotated article's mentions into one ``Entity`` per actor.

Data files (CSV, each row with a ``source``):

    states.csv          197 states: ISO3, names, aliases, demonyms, capitals, seats of government
    igos.csv            IGOs and their bodies: short code, aliases, parent, context-only aliases
    office_holders.csv  people with dated offices (title, ISO3 or IGO code, valid_from/valid_to)
    regions.csv         id-less ruler patterns for names holding a state's ("Latin America")
    title_words.csv     words of official titles (head, modifier, connector)
    verb_cues.csv       words that tell a capital used as an actor from one used as a place
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
