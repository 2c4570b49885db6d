"""Refusals: a speaker ruling something out ("cannot accept", "is not ready to discuss"), the
side a refused act was with, and which negated answers are refusals at all.

Used by positions.py: a saying whose complement refuses is a rejection (rule
position.refusal_complement); so is a negated answer ("did not accept the plan", "will not
allow the treaty to be scrapped"; rule position.negated_agreement).
"""

from __future__ import annotations

from ..model import Entity
from .arguments import head_entities, parties_under, party_code
from .position_records import NEGATORS, SPEECH, _clause_text
from .syntax import Parse

REFUSAL_HEADS = frozenset(
    {
        "ready",
        "willing",
        "prepared",
        "allow",
        "accept",
        "permit",
        "tolerate",
        "agree",
        "dictate",
        "recognize",
        "recognise",
        "negotiate",
        "discuss",
        "intention",
        "intend",
    }
)

#: Acts that answer a proposal or a request: negated, they are a refusal ("did not accept",
#: "failed to reach agreement"); a promise, praise or apology left unmade is only no act ("did
#: not commit to amounts" asserts nothing).
ANSWERS = frozenset(
    {"agree", "accept", "approve", "ratify", "support", "back", "endorse", "recognize"}
    | {"recognise", "allow", "permit", "grant", "concede", "yield", "extradite", "cooperate"}
    | {"reach", "settle", "meet", "hand", "lift", "ease", "drop", "restore", "normalize"}
    | {"normalise", "establish", "let"}
)


def _refusal(parse: Parse, i: int, speaker: frozenset[str] = frozenset()) -> str | None:
    """The complement of a speech verb rules something out ('cannot accept', 'would never permit',
    'is not ready to discuss'): returns the refused proposition as written, else None. The
    refusal must be the speaker's (``speaker``: the speaker's codes), not what the speaker says
    of another ("saying Carter does not try to dictate")."""
    t = parse.tokens
    for c in parse.dep_children(i, "ccomp", "xcomp", "advcl"):
        if t[c].lemma.lower() in SPEECH:  # "repeated ..., adding that it would never permit X"
            inner = _refusal(parse, c, speaker)
            if inner:
                return inner
            continue
        for k in parse.subtree(c, frozenset({"relcl"})):
            word = t[k].text.lower()
            head = t[t[k].head]
            refuses = word in NEGATORS and (
                head.lemma.lower() in REFUSAL_HEADS
                or any(t[x].lemma.lower() in REFUSAL_HEADS for x in parse.children[head.i])
            )
            if (refuses or word == "cannot") and _refuser_speaks(parse, c, head.i, speaker):
                return _clause_text(parse, c)
    for k in parse.dep_children(i, "conj", "advcl"):
        if parse.tokens[k].lemma.lower() in {"say", "state", "stress", "add"}:
            found = _refusal(parse, k, speaker)
            if found:
                return found
    return None


def _refuser_speaks(parse: Parse, clause: int, verb: int, speaker: frozenset[str]) -> bool:
    """Is the subject of the refusing verb the speaker: none named, "we"/"it", the speaker's
    own party, or "he"/"she" with no other party named before it in the clause?"""
    t = parse.tokens
    v = verb
    while not parse.dep_children(v, "nsubj", "nsubjpass") and t[v].dep in {"xcomp", "conj"}:
        v = t[v].head
    subj = parse.dep_children(v, "nsubj", "nsubjpass")
    if not subj or not speaker or t[subj[0]].text.lower() in {"we", "i", "it"}:
        return True
    named = [e for e in parties_under(parse, subj) if party_code(e)]
    if named:
        return any(party_code(e) in speaker for e in named)
    before = range(min(parse.subtree(clause)), subj[0])
    return not any(party_code(e) not in speaker for e in parse.entities_in(before) if party_code(e))


def _refused_party(parse: Parse, i: int, refusal: str | None) -> list[Entity]:
    """ "said she has no intention of talking to Hamas": the side the refused act was with."""
    if refusal is None:
        return []
    t = parse.tokens
    verbs = [
        k
        for c in parse.dep_children(i, "ccomp", "xcomp", "advcl")
        for k in parse.subtree(c, frozenset({"relcl"}))
        if t[k].pos == "VERB"
    ]
    return head_entities(parse, [o for v in verbs for o in parse.preps(v, "to", "with")])
