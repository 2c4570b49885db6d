"""Tours: one visit per destination of a tour ("state visits to Senegal and Rwanda"), each
with its host, its place and, where the text gives them, its own day ("stopping in Jeddah on
Monday, Doha on Tuesday")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from ..model import Entity, PlaceMention, TimeExpression
from .arguments import party_code, span_root
from .meeting_records import MeetingMention
from .syntax import Parse


def _per_destination(
    parse: Parse,
    m: MeetingMention,
    here: list[PlaceMention],
    times: Sequence[TimeExpression] = (),
) -> list[MeetingMention]:
    """'state visits to Senegal and Rwanda', 'visited Hanoi and Vientiane': one visit per
    destination in another country, each with the visitor, its host and its place; a city of
    that country told with its own day in the sentence ("stopping in Jeddah on Monday, Doha on
    Tuesday") places and dates its visit. ``times``: the sentence's."""
    if m.entry.mode != "visit":
        return [m]
    i = m.trigger
    heads = parse.dep_children(i, "dobj") if parse.tokens[i].pos == "VERB" else []
    if not heads:  # "a visit to Senegal and Rwanda", "will travel to Kenya and Rwanda"
        heads = parse.preps(i, "to")
    # "to South Africa, the Democratic Republic of Congo and Rwanda": a list the parser may
    # hang on the first name as an apposition
    firsts = [x for h in heads[:1] for x in (h, *parse.dep_children(h, "appos"))]
    dests = [c for h in firsts for c in parse.conjuncts(h)]
    if len(dests) == 1:  # "the Maldives and Sri Lanka" parsed as one name: its places' starts
        inside = set(parse.subtree(dests[0]))
        dests = [parse.token_at(p.start) for p in here if parse.token_at(p.start) in inside]
        dests = dests or [firsts[0]]
    stops: list[tuple[PlaceMention, Entity | None]] = []
    for d in dests:
        place = next(
            (p for p in here if parse.token_at(p.start) <= d < parse.token_at(p.end - 1) + 1), None
        )
        hit = parse.entity_at.get(d)
        host = hit.entity if hit is not None and hit.entity.kind == "state" else None
        if place is not None and place.country:
            stops.append((place, host))
    if len({p.country for p, _ in stops}) < 2:
        return [m]
    hosts = {e.id for _, e in stops if e is not None}
    countries = {p.country for p, _ in stops}
    shared = [e for e in m.parties if e.id not in hosts and party_code(e) not in countries]
    days = _respective_days(m.date, len(stops))
    out = []
    for n, (place, host) in enumerate(stops):
        part = replace(m, place=place, parties=[*shared, *([host] if host else [])])
        if days:  # "will visit the Maldives and Sri Lanka on June 8 and 9": one day each
            part.date = days[n]
        if place.kind == "country" and (leg := _dated_city(parse, place.country, here, times)):
            part.place, part.date = leg  # "..., stopping in Jeddah on Monday, Doha on Tuesday"
        out.append(part)
    return out


_JUST_ON = re.compile(r"\s+on\s+")


def _dated_city(
    parse: Parse,
    country: str | None,
    here: list[PlaceMention],
    times: Sequence[TimeExpression],
) -> tuple[PlaceMention, TimeExpression] | None:
    """The one city of ``country`` named in the sentence with a day in its own phrase ("Doha on
    Tuesday"), and that day."""
    found = []
    for p in here:
        if p.kind != "city" or p.country != country:
            continue
        inside = set(parse.subtree(span_root(parse, p.start, p.end)))
        days = [
            t
            for t in times
            if t.granularity == "day"
            and (
                parse.token_at(t.start) in inside
                # "Jeddah on Monday": the day right after the city, however it is hung
                or (t.start >= p.end and _JUST_ON.fullmatch(parse.text[p.end : t.start]))
            )
        ]
        if len(days) == 1:
            found.append((p, days[0]))
    return found[0] if len(found) == 1 else None


def _respective_days(when: TimeExpression | None, stops: int) -> list[TimeExpression]:
    """A range of as many days as a tour has stops, one day per stop in order; else none."""
    if when is None or not when.value or not when.value_end or when.granularity != "day":
        return []
    try:
        first, last = date.fromisoformat(when.value[:10]), date.fromisoformat(when.value_end[:10])
    except ValueError:
        return []
    if (last - first).days + 1 != stops:
        return []
    return [
        replace(when, value=(first + timedelta(days=k)).isoformat(), value_end=None)
        for k in range(stops)
    ]
