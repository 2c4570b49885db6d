"""Links between events: precedes / follows (meetings in sequence), part_of (a press conference
at a meeting), responds_to (a rejection answering a proposal)."""

from __future__ import annotations

from ..model import Link
from .build import Built
from .syntax import Parse

AFTER = frozenset({"after", "following", "since"})
BEFORE = frozenset({"before", "ahead", "prior", "preceding"})


def find_links(parse: Parse, built: Built) -> tuple[Link, ...]:
    links: list[Link] = []
    for earlier, later in _sequence(parse, built):
        links.append(Link(earlier, later, "precedes"))
        links.append(Link(later, earlier, "follows"))
    links += [Link(child, parent, "part_of") for child, parent in built.parent_of.items()]
    links += _responses(built)
    unique: dict[tuple[str, str, str], Link] = {}
    for k in links:
        if k.source != k.target:
            unique.setdefault((k.source, k.target, k.relation), k)
    return tuple(unique.values())


def _sequence(parse: Parse, built: Built) -> list[tuple[str, str]]:
    """Ordered pairs (earlier, later) from cue words linking two meeting mentions."""
    pairs: list[tuple[str, str]] = []
    for n, _s in enumerate(parse.annotated.sentences):
        here = [
            (i, built.meeting_of_token[i])
            for i in parse.sentence_tokens(n)
            if i in built.meeting_of_token
        ]
        if len(here) < 2:
            continue
        for i, ev in here:
            cue = _cue_of(parse, i)
            if cue is None:
                continue
            others = [(j, o) for j, o in here if o != ev and j != i]
            if not others:
                continue
            _j, other = min(others, key=lambda p: abs(p[0] - i))
            pairs.append((ev, other) if cue == "after" else (other, ev))
    return pairs


def _cue_of(parse: Parse, i: int) -> str | None:
    """'after X' / 'following X': X came first ("after").
    'before X' / 'followed by X': X came later ("before")."""
    t = parse.tokens
    tok = t[i]
    if tok.dep == "dobj" and t[tok.head].lemma.lower() in {"follow", "precede"}:
        return "after" if t[tok.head].lemma.lower() == "follow" else "before"  # "A follows B"
    if tok.dep != "pobj":
        return None
    prep = t[tok.head]
    word = prep.text.lower()
    if word in AFTER:
        return "after"
    if word in BEFORE or (word == "of" and t[prep.head].text.lower() == "ahead"):
        return "before"
    if word == "by" and prep.dep == "agent" and t[prep.head].lemma.lower() == "follow":
        return "before"
    return None


def _responses(built: Built) -> list[Link]:
    requests = [  # proposals, demands and offers can be answered
        (eid, p)
        for eid, p in built.positions
        if p.entry.type == "REQUEST" or (p.entry.type == "AGREE" and p.entry.mode == "offer")
    ]
    out = []
    for eid, p in built.positions:
        if p.entry.type not in {"REJECT", "AGREE", "CONCEDE", "SUPPORT"} or not (
            p.responds or p.entry.type == "REJECT"
        ):
            continue
        actor_codes = {e.code or e.country for e in p.actors}
        earlier = [
            (rid, r)
            for rid, r in requests
            if r.sentence <= p.sentence
            and not actor_codes & {e.code or e.country for e in r.actors}
        ]
        if not earlier:
            continue
        addressed = [
            (rid, r)
            for rid, r in earlier
            if actor_codes & {e.code or e.country for e in r.recipients}
        ]
        rid, _r = (addressed or earlier)[-1]
        out.append(Link(eid, rid, "responds_to"))
    return out
