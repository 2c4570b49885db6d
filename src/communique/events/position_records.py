"""The candidate record of the position rules, and the word lists they share."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Entity, Status, TimeExpression
from .lexicon import Entry
from .syntax import Parse

NEGATORS = frozenset({"not", "n't", "never", "cannot", "no"})

PRONOUNS = frozenset({"it", "they", "he", "she", "we", "this"})

SPEECH = frozenset(
    {"say", "state", "stress", "add", "insist", "declare", "note", "tell", "reiterate"}
)

ADDRESSEE_VERBS = frozenset(
    {"urge", "ask", "call", "press", "invite", "request", "appeal", "encourage"}
)

ITEM_TYPES = frozenset({"REQUEST", "REJECT", "AGREE", "CONCEDE"})


# PLOVER types that have a target: source -> target (the issue of "who did what to whom")
DIRECTED = frozenset(
    {
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "SANCTION",
        "COERCE",
        "ASSAULT",
        "AID",
        "CONCEDE",
        "RETREAT",
        "SUPPORT",
        "COOPERATE",
        "AGREE",
    }
)


@dataclass(frozen=True, slots=True)
class PositionCandidate:
    verb: int
    sentence: int
    entry: Entry
    actors: tuple[Entity, ...]
    recipients: tuple[Entity, ...]
    items: tuple[str, ...]
    status: Status
    date: TimeExpression | None
    responds: bool  # "responded to ... proposals"


def _clause_text(parse: Parse, c: int) -> str:
    idx = sorted(
        k for k in parse.subtree(c) if parse.tokens[k].dep != "mark" or parse.tokens[k].head != c
    )
    while idx and parse.tokens[idx[-1]].pos == "PUNCT":
        idx.pop()
    return parse.text[parse.tokens[idx[0]].start : parse.tokens[idx[-1]].end]


#: Adjectives that make a clause a demand: "it is essential that the United States play ...".
NECESSITY = frozenset(
    {"essential", "important", "necessary", "vital", "crucial", "imperative", "critical"}
)


def needed_clause(parse: Parse, c: int) -> int | None:
    """ "it was essential that X play ...", "it is important for X to remove ...": the clause
    said to be needed, under a "be" clause with a necessity adjective."""
    t = parse.tokens
    if t[c].lemma.lower() != "be" or not any(
        t[a].lemma.lower() in NECESSITY for a in parse.dep_children(c, "acomp")
    ):
        return None
    inner = [
        k
        for k in parse.dep_children(c, "ccomp", "advcl")
        if any(t[m].text.lower() in {"that", "for"} for m in parse.dep_children(k, "mark"))
        and t[k].tag in {"VB", "VBP"}  # what is to be done, not "that Russia had agreed"
    ]
    return inner[0] if inner else None
