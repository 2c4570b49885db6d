"""Acts aimed at a group named by its size: "urged both sides to ...", "called on the two
countries to ...", "spoke by telephone with both leaders" (rule role.both_sides)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..model import Entity, Event, Span
from .arguments import party_code
from .position_records import DIRECTED
from .rules import rule
from .syntax import Parse


def _codes(ids: Iterable[str], by_id: dict[str, Entity]) -> frozenset[str]:
    out = set()
    for i in ids:
        e = by_id.get(i)
        code = party_code(e) if e is not None else None
        if code:
            out.add(code)
    return frozenset(out)


#: "urged both sides to ...", "called on the two countries to ...": the pair told before.
SIDE_NOUNS = frozenset(
    {"side", "party", "country", "nation", "neighbour", "neighbor", "rival", "government",
     "leader", "state", "minister", "counterpart", "president"}
)  # fmt: skip
_PAIR_SLOTS = frozenset({"dobj", "pobj", "dative"})
_GROUP_SIZES = {"both": 2, "two": 2, "three": 3, "four": 4}


def _both_sides(parse: Parse, events: list[Event], by_id: dict[str, Entity]) -> list[Event]:
    """A directed act aimed at "both sides", "the two countries" or "the three governments" is
    aimed at the parties of the latest act told before it between exactly that many parties
    other than its actor (role.both_sides)."""
    ordered = sorted((e for e in events if e.evidence), key=lambda e: e.evidence[0].start)
    out: list[Event] = []
    for ev in events:
        size = (
            None
            if (ev.type not in DIRECTED and ev.mode != "call")  # "phoned both ministers"
            or ev.meeting is not None
            or _codes(ev.recipients, by_id)
            or not ev.evidence
            else _aimed_group(parse, ev.evidence[0])
        )
        group = (
            _group_before(ev, ordered, by_id, size) or _pair_named(parse, ev, by_id, size)
            if size
            else ()
        )
        out.append(
            replace(ev, recipients=group, rules=(*ev.rules, rule("role.both_sides")))
            if group
            else ev
        )
    return out


def _pair_named(parse: Parse, ev: Event, by_id: dict[str, Entity], size: int) -> tuple[str, ...]:
    """With no act between them told before, a call or an appeal: "X and Y traded accusations.
    Z spoke with both leaders and urged them to ...": the two parties other than the actor
    named in the sentence before and in its own up to it (people first, else states), when
    exactly two are."""
    if size != 2 or not (ev.mode == "call" or ev.type == "REQUEST"):
        return ()  # an appeal or a call "to/with both leaders"; other acts wait for a told pair
    own = _codes(ev.actors, by_id)
    start = ev.evidence[0].start
    n = parse.sentence_index(parse.token_at(start))
    first = parse.annotated.sentences[max(0, n - 1)].first_token
    named = [
        e
        for e in parse.entities_in(range(first, parse.token_at(start)))
        if e.kind in {"person", "state"} and not _codes((e.id,), by_id) & own
    ]
    for kind in ("person", "state"):
        found: dict[str, str] = {}
        for e in named:
            code = next(iter(_codes((e.id,), by_id)), None)
            if e.kind == kind and code:
                found.setdefault(code, e.id)
        if len(found) == 2:
            return tuple(found.values())
    return ()


def _aimed_group(parse: Parse, span: Span) -> int | None:
    """How many parties an object like "both sides" or "the three countries" names."""
    t = parse.tokens
    first, last = parse.token_range(span.start, span.end)
    for i in range(first, last + 1):
        if t[i].lemma.lower() not in SIDE_NOUNS or t[i].tag not in {"NNS", "NNPS"}:
            continue
        slot = t[i].dep in _PAIR_SLOTS or (
            t[i].dep == "nsubj" and t[t[i].head].dep in {"xcomp", "ccomp"}
        )
        sizes = [
            _GROUP_SIZES[w] for k in parse.children[i] if (w := t[k].text.lower()) in _GROUP_SIZES
        ]
        if slot and sizes:
            return sizes[0]
    return None


def _group_before(
    ev: Event, ordered: list[Event], by_id: dict[str, Entity], size: int
) -> tuple[str, ...]:
    own = _codes(ev.actors, by_id)
    start = ev.evidence[0].start
    last: dict[frozenset[str], int] = {}
    # the group told most often before, the latest of equals: "urged the two countries" after
    # a dispute and one third state's support for a side is the dispute's pair
    groups: dict[frozenset[str], tuple[int, tuple[str, ...]]] = {}
    for rank, other in enumerate(o for o in ordered if o.evidence[0].start < start):
        ids: dict[str, str] = {}
        parties = other.actors + other.recipients
        if other.meeting is not None:
            parties += tuple(d.party for d in other.meeting.delegations)
        for i in parties:
            code = _codes((i,), by_id)
            if code and not code & own:
                ids.setdefault(next(iter(code)), i)
        if len(ids) == size:
            key = frozenset(ids)
            count = groups.get(key, (0, ()))[0]
            groups[key] = (count + 1, tuple(ids.values()))
            last[key] = rank
    if not groups:
        return ()
    best = max(groups, key=lambda k: (groups[k][0], last[k]))
    return groups[best][1]
