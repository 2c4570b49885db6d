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
