"""Acts told in parallel clauses with the object left out (rule role.parallel_object).

"The U.S. has expelled 60 Russian diplomats, Ukraine has expelled 13": the second clause names a
number and no one it is aimed at; the clause it repeats does. The act with the same verb, told
just before in the same sentence and tied to it (one clause governs the other, or both hang on
one head), or as the sentence just before ("Germany expelled four Russian diplomats. Poland
expelled two."), lends it its target, unless that target is the act's own actor ("Russia
expelled two" in return).
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Event
from .build import Built
from .position_records import DIRECTED, PositionCandidate
from .rules import rule
from .syntax import Parse


def parallel_objects(parse: Parse, built: Built) -> Built:
    """``built`` with the target of a parallel clause's act lent to an act with its object left
    out."""
    by_id = {e.id: e for e in built.events}
    lent: dict[str, Event] = {}
    for eid, p in built.positions:
        ev = by_id.get(eid)
        if ev is None or ev.recipients or ev.type not in DIRECTED or not _object_left_out(parse, p):
            continue
        for qid, q in built.positions:
            other = by_id.get(qid)
            if other is None or qid == eid or not other.recipients or other.type != ev.type:
                continue
            if q.verb >= p.verb or q.entry.lemma != p.entry.lemma:
                continue
            # in one sentence, tied clauses; or a clause of its own right after ("Germany
            # expelled four Russian diplomats. Poland expelled two.")
            same = q.sentence == p.sentence and _tied(parse, q.verb, p.verb)
            after = q.sentence == p.sentence - 1 and parse.tokens[p.verb].dep == "ROOT"
            if not (same or after) or set(other.actors) & set(ev.actors):
                continue
            if _codes(built, other.recipients) & _codes(built, ev.actors):
                continue  # "Russia expelled two" in return: not at itself
            lent[eid] = replace(
                ev, recipients=other.recipients, rules=(*ev.rules, rule("role.parallel_object"))
            )
    if not lent:
        return built
    return replace(built, events=tuple(lent.get(e.id, e) for e in built.events))


def _codes(built: Built, ids: tuple[str, ...]) -> set[str]:
    ents = {e.id: e for e in built.entities}
    return {c for i in ids if i in ents for c in (ents[i].code, ents[i].country) if c}


def _object_left_out(parse: Parse, p: PositionCandidate) -> bool:
    """ "has expelled 13", "expelled two": the verb's object is a bare number and nothing more
    names whom the act is aimed at."""
    t = parse.tokens
    objs = parse.dep_children(p.verb, "dobj")
    if len(objs) != 1 or t[objs[0]].pos != "NUM":
        return False
    return not parse.children[objs[0]] and not parse.preps(p.verb, "on", "against", "from", "to")


def _tied(parse: Parse, a: int, b: int) -> bool:
    """One clause governs the other ("expelled X, and Y expelled two"), or both hang on one
    head ("said X expelled 60, Y expelled 13")."""
    t = parse.tokens
    return a in parse.ancestors(b) or b in parse.ancestors(a) or (t[a].head == t[b].head != a)
