"""Canonical actors: states, IGOs and their bodies, people with dated roles.

``load_actor_data`` reads the curated tables under ``actors/data/``; ``ActorData`` looks strings
up in them and builds the entity-ruler patterns the NLP stage places before its statistical NER;
``resolve_actors`` turns an annotated article's mentions into one ``Entity`` per actor.

Data files (CSV, each row with a ``source``):

    states.csv          197 states and 5 historical ones (SUN, DDR, YUG, CSK, SCG): ISO3, names,
                        aliases, demonyms, capitals, seats of government, dates, successors,
                        COW and Gleditsch-Ward numbers
    earlier_codes.csv   COW/GW numbers a state bore before a unification (West Germany 260)
    dated_names.csv     names of a state or IGO only between two dates (Bonn, Lagos, "EC")
    igos.csv            IGOs and their bodies: short code, aliases, parent, context-only aliases,
                        dates and successor (EEC -> EU, OAU -> AU, CSCE -> OSCE)
    office_holders.csv  people with dated offices (title, ISO3 or IGO code, valid_from/valid_to)
    office_holders_derived.csv  the same, 1945 onwards, built from the field's datasets by
                        ``python -m communique.actors.build`` (tags in derived_sources.csv)
    regions.csv         id-less ruler patterns for names holding a state's ("Latin America")
    title_words.csv     words of official titles (head, modifier, connector)
    verb_cues.csv       words that tell a capital used as an actor from one used as a place
"""

from __future__ import annotations

from .load import load_actor_data
from .records import ActorRef, Igo, Person, State
from .resolve import resolve_actors
from .surnames import latest_year
from .tables import ActorData
from .titles import TitleParse, title_after, title_before

__all__ = [
    "ActorData",
    "ActorRef",
    "Igo",
    "Person",
    "State",
    "TitleParse",
    "latest_year",
    "load_actor_data",
    "resolve_actors",
    "title_after",
    "title_before",
]
