"""Charges told in the passive with no one charging (rule role.charged_at_home).

"The former South African president is charged with 16 counts of corruption", "Najib was
charged with abuse of power": news tells an indictment by the state's prosecutors without
naming them. Analysts code it as that state accusing (PLOVER ACCUSE, CAMEO 1121 accuse of crime):
the state where the clause says it happened ("were indicted in New York"), else, for an office
holder or former office holder of one state, that state. A national charged abroad with no
place told ("Two Iranians were indicted") names no accuser and stays left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import Entity, Event, PlaceMention
from .arguments import party_code
from .build import Built
from .meeting_officials import OFFICIAL_NOUNS
from .rules import rule
from .syntax import Parse
from .targets import state_entity

#: Verbs of bringing charges: "was charged with", "was indicted on charges of".
CHARGE_VERBS = frozenset({"charge", "indict"})


def charged_at_home(parse: Parse, built: Built, places: Sequence[PlaceMention]) -> Built:
    """``built`` with the charging state as the actor of passive charges that name none."""
    by_id = {e.id: e for e in built.events}
    ents = {e.id: e for e in built.entities}
    states = {e.code: e for e in built.entities if e.kind == "state" and e.code}
    changed: dict[str, Event] = {}
    made: dict[str, Entity] = {}
    for eid, p in built.positions:
        ev = by_id.get(eid)
        if ev is None or ev.type != "ACCUSE" or ev.actors or not ev.recipients:
            continue
        t = parse.tokens
        if t[p.verb].lemma.lower() not in CHARGE_VERBS or not parse.dep_children(p.verb, "auxpass"):
            continue
        if parse.preps(p.verb, "by") or _a_task(parse, p.verb):
            continue  # an agent named, however it resolved; "charged with negotiating"
        place = _place_of(parse, p.verb, places)
        if place is not None and place.country:
            state = states.get(place.country) or state_entity(
                parse, place, parse.annotated.article.id, made
            )
        else:
            code = _office_state(parse, p.verb, [ents[i] for i in ev.recipients if i in ents])
            state = states.get(code) if code else None
        if state is None:
            continue
        changed[eid] = replace(
            ev, actors=(state.id,), rules=(*ev.rules, rule("role.charged_at_home"))
        )
    if not changed:
        return built
    added = tuple(e for e in made.values() if e.id not in ents)
    return replace(
        built,
        entities=built.entities + added,
        events=tuple(changed.get(e.id, e) for e in built.events),
    )


#: Gerunds "charged with" takes as crimes ("charged with plotting a coup"); any other gerund
#: is a task ("was charged with negotiating the deal").
CRIME_GERUNDS = frozenset(
    {"plot", "launder", "embezzle", "murder", "kill", "spy", "conspire", "abuse", "defraud"}
    | {"bribe", "incite", "smuggle", "traffic", "attempt", "assault", "obstruct", "leak"}
    | {"steal", "rape", "torture", "finance", "fund", "aid", "support", "plan", "attack"}
    | {"threaten", "misuse", "accept", "solicit", "evade", "falsify", "forge", "insult"}
)


def _a_task(parse: Parse, verb: int) -> bool:
    """ "was charged with negotiating the border deal": a duty given, not a crime charged."""
    t = parse.tokens
    tasks = [o for o in parse.preps(verb, "with") if t[o].tag == "VBG"]
    return any(t[o].lemma.lower() not in CRIME_GERUNDS for o in tasks)


def _place_of(parse: Parse, verb: int, places: Sequence[PlaceMention]) -> PlaceMention | None:
    """The one place told "in" the charging clause ("were indicted in New York")."""
    heads = set(parse.preps(verb, "in"))
    found = [p for p in places if p.country and parse.token_at(p.start) in _inside(parse, heads)]
    return found[0] if len({p.country for p in found}) == 1 else None


def _inside(parse: Parse, heads: set[int]) -> set[int]:
    return {k for h in heads for k in parse.subtree(h)}


def _office_state(parse: Parse, verb: int, targets: list[Entity]) -> str | None:
    """The one state the charged hold or held office in: people with a title or a role, or a
    state named by its office holder ("the former South African president")."""
    if not targets:
        return None
    people = [e for e in targets if e.kind == "person"]
    if people and not all(e.titles or e.role is not None for e in people):
        return None
    if len(people) != len(targets):
        subjects = parse.dep_children(verb, "nsubjpass")
        if people or not any(parse.tokens[k].lemma.lower() in OFFICIAL_NOUNS for k in subjects):
            return None
    codes = {party_code(e) for e in targets}
    return codes.pop() if len(codes) == 1 and None not in codes else None
