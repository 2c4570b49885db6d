"""A party pulling out of its own meeting: "pulled out of talks with X" calls the talks off."""

from __future__ import annotations

from .syntax import Parse

#: Verbs a party uses to leave its own meeting: "pulled out of talks with X", "withdrew from a
#: meeting with X", "backed out of a summit with X".
LEAVE_OUT_OF = frozenset({"pull", "back", "walk", "drop", "opt"})
LEAVE_FROM = frozenset({"withdraw", "pull"})


def withdrawn_from(parse: Parse, noun: int) -> int | None:
    """The verb by which the clause's subject pulls out of the meeting ``noun`` names with a
    counterpart ("pulled out of a meeting with his Hungarian counterpart"): the meeting is
    called off, the subject one of its parties. None for other nouns, and for meetings with
    no counterpart named ("withdrew from the summit": held without the subject)."""
    t = parse.tokens
    tok = t[noun]
    if tok.dep != "pobj" or not parse.preps(noun, "with"):
        return None
    prep = t[tok.head]
    head = t[prep.head]
    if prep.text.lower() == "of" and head.text.lower() == "out":
        verb = head.head if head.dep in {"prep", "prt", "advmod"} else head.i
        return verb if t[verb].lemma.lower() in LEAVE_OUT_OF else None
    if (
        prep.text.lower() == "of"
        and head.lemma.lower() in LEAVE_OUT_OF
        and any(t[k].text.lower() == "out" for k in parse.dep_children(head.i, "prt"))
    ):  # "pulled out on Thursday of talks with X": "of" hung on the verb
        return head.i
    if prep.text.lower() == "from" and head.lemma.lower() in LEAVE_FROM:
        return head.i
    return None
