"""Statements that criticise: what a party says about another in critical words is an ACCUSE.

"Russia's foreign ministry said it viewed Washington's move as a measure contradicting the legal
footing", "Moon said China was partly responsible for the pollution": the content names one other
party and calls what it did illegal, unfounded, a violation, its fault (``events/data/
critical_words.csv``). Rule ``position.critical_statement``; a negated content ("was not
responsible") or one naming no other party, or several, stays a statement.
"""

from __future__ import annotations

from ..model import Entity
from .arguments import party_code
from .syntax import Parse


def critical_target(
    parse: Parse, verb: int, actors: list[Entity], words: frozenset[str]
) -> Entity | None:
    """The one other party a statement's content criticises, or None."""
    t = parse.tokens
    own = {party_code(e) for e in actors} - {None}
    for c in parse.dep_children(verb, "ccomp"):
        inside = sorted(parse.subtree(c))
        if not any(t[k].lemma.lower() in words and _blames(parse, k) for k in inside):
            continue
        if any(t[k].dep == "neg" for k in inside) or t[c].lemma.lower() in {"deny", "reject"}:
            return None  # "was not responsible", "denied that X was behind it"
        others: dict[str, Entity] = {}
        # "responding to provocations by Armenian units": whose act the critical noun names
        owners = _critical_owners(parse, inside, words)
        for e in parse.entities_in(sorted(set(_argument_tokens(parse, c, words) + owners))):
            code = party_code(e)
            if not code or code in own or e.kind not in {"state", "igo", "body", "person"}:
                continue
            if code not in others or e.kind == "state":
                others[code] = e
        return next(iter(others.values())) if len(others) == 1 else None
    return None


def _critical_owners(parse: Parse, inside: list[int], words: frozenset[str]) -> list[int]:
    """The "by" phrase and possessor of a critical noun (or of the noun a critical adjective
    qualifies) in a content clause: "provocations by Armenian units", "Kinshasa's aggression"."""
    t = parse.tokens
    nouns = [
        k if t[k].pos in {"NOUN", "PROPN"} else t[k].head
        for k in inside
        if t[k].lemma.lower() in words and (t[k].pos in {"NOUN", "PROPN"} or t[k].dep == "amod")
    ]
    heads = [h for n in nouns for h in parse.preps(n, "by")]
    heads += [k for n in nouns for k in parse.children[n] if t[k].dep == "poss"]
    return _phrases(parse, heads)


#: Hostile acts a party can be "behind": "said Russia was behind the poisoning".
HOSTILE_DEEDS = frozenset(
    {"attack", "bombing", "killing", "assassination", "poisoning", "hack", "hacking"}
    | {"cyberattack", "plot", "coup", "sabotage", "explosion", "blast", "strike", "shooting"}
)


def _blames(parse: Parse, k: int) -> bool:
    """ "responsible for the attack" blames; "responsible for issuing visas" is a duty; "behind
    the poisoning" blames, "behind the initiative" does not."""
    t = parse.tokens
    lemma = t[k].lemma.lower()
    if lemma == "behind":
        return any(t[o].lemma.lower() in HOSTILE_DEEDS for o in parse.dep_children(k, "pobj"))
    if lemma != "responsible":
        return True
    return any(t[o].pos in {"NOUN", "PROPN"} for o in parse.preps(k, "for"))


#: Relations inside a noun phrase: "Washington's move", "the Ukrainian claims".
_WITHIN_PHRASE = frozenset({"poss", "amod", "compound", "nmod", "appos", "case", "det"})
#: The arguments of a content clause (and of a clause it carries) that can be criticised.
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _argument_tokens(parse: Parse, clause: int, words: frozenset[str]) -> list[int]:
    """Tokens of the content clause's subjects and objects (and those of the clauses it
    carries, "viewed Washington's move as ..."), not of their prepositional phrases: "a
    provocation to damage relations between Turkey and Russia" accuses neither. Of a
    critical verb only the subject: "the ship breached a UN ban" does not accuse the UN."""
    t = parse.tokens
    verbs = [clause, *parse.dep_children(clause, "ccomp", "xcomp", "conj")]
    heads = [
        h
        for v in verbs
        for h in parse.dep_children(
            v, *(("nsubj", "nsubjpass") if t[v].lemma.lower() in words else _ARGUMENTS)
        )
    ]
    return sorted(_phrases(parse, heads))


def _phrases(parse: Parse, heads: list[int]) -> list[int]:
    """The heads with the words of their own noun phrases ("Washington's move")."""
    t = parse.tokens
    out: list[int] = []
    todo = list(heads)
    while todo:
        k = todo.pop()
        out.append(k)
        todo += [c for c in parse.children[k] if t[c].dep in _WITHIN_PHRASE]
    return out
