"""Bodies that meet again: "a session of the deal's Joint Commission ... The Joint Commission
will meet again in Vienna on Friday" (rule meeting.body_again).

A joint body the data code for no state (a commission, a committee of the parties) is told
meeting with its members named once, at its first session; a later sitting names only the
body. That sitting is between the members of the session the body held before.
"""

from __future__ import annotations

from ..model import Entity
from .arguments import party_code
from .meeting_records import MeetingCluster, MeetingMention
from .syntax import Parse


def body_met_before(
    parse: Parse, m: MeetingMention, clusters: list[MeetingCluster]
) -> list[Entity]:
    """The parties of the latest meeting whose words name the body that is the subject of the
    meeting verb ``m`` (none when ``m`` names parties, or its subject is no uncoded body)."""
    if m.parties or parse.tokens[m.trigger].pos != "VERB":
        return []
    bodies = {e.id for e in _subject_bodies(parse, m.trigger)}
    if not bodies:
        return []
    for c in reversed(clusters):
        if any(_names_body(parse, x.trigger, bodies) for x in c.mentions):
            out: list[Entity] = []
            for x in c.mentions:
                out += [e for e in x.parties if e not in out and party_code(e)]
            return out
    return []


def _subject_bodies(parse: Parse, verb: int) -> list[Entity]:
    t = parse.tokens
    subjects = parse.dep_children(verb, "nsubj", "nsubjpass")
    up = verb
    for _ in range(2):  # "the commission is due to meet again"
        if subjects or t[up].dep not in {"xcomp", "acomp"}:
            break
        up = t[up].head
        subjects = parse.dep_children(up, "nsubj", "nsubjpass")
    found = parse.entities_in([k for s in subjects for k in parse.subtree(s)])
    return [e for e in found if e.kind == "organization" and not party_code(e)]


def _names_body(parse: Parse, trigger: int, bodies: set[str]) -> bool:
    """Does the meeting's own phrase ("a session of the deal's Joint Commission") name one of
    the bodies?"""
    return any(e.id in bodies for e in parse.entities_in(list(parse.subtree(trigger))))
