"""Tours: one visit per destination of a tour ("state visits to Senegal and Rwanda"), each
with its host, its place and, where the text gives them, its own day ("stopping in Jeddah on
Monday, Doha on Tuesday")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from ..model import Entity, PlaceMention, Status, TimeExpression
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
    if not heads and parse.tokens[i].pos in {"NOUN", "PROPN"}:
        legs = _taken_to(parse, i)
        if legs:
            return _legs_taken(parse, m, here, times, legs)
    # "to South Africa, the Democratic Republic of Congo and Rwanda": a list the parser may
    # hang on the first name as an apposition
    firsts = [x for h in heads[:1] for x in (h, *parse.dep_children(h, "appos"))]
    dests = [c for h in firsts for c in parse.conjuncts(h)]
    if len(dests) == 1:  # "the Maldives and Sri Lanka" parsed as one name: its places' starts
        inside = set(parse.subtree(dests[0]))
        dests = [parse.token_at(p.start) for p in here if parse.token_at(p.start) in inside]
        dests = dests or [firsts[0]]
    stops = _stops_at(parse, dests, here)
    if len({p.country for p, _ in stops}) < 2:
        return [m]
    return _one_per_stop(parse, m, here, times, stops)


def _one_per_stop(
    parse: Parse,
    m: MeetingMention,
    here: list[PlaceMention],
    times: Sequence[TimeExpression],
    stops: list[tuple[PlaceMention, Entity | None]],
) -> list[MeetingMention]:
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


def _stops_at(
    parse: Parse, dests: list[int], here: list[PlaceMention]
) -> list[tuple[PlaceMention, Entity | None]]:
    stops = []
    for d in dests:
        place = next(
            (p for p in here if parse.token_at(p.start) <= d < parse.token_at(p.end - 1) + 1), None
        )
        hit = parse.entity_at.get(d)
        host = hit.entity if hit is not None and hit.entity.kind == "state" else None
        if place is not None and place.country:
            stops.append((place, host))
    return stops


#: Words that make a journey verb's clause a plan ("will also take him to Oman").
_PLAN_AUX = frozenset({"will", "shall", "would", "'ll"})


def _taken_to(parse: Parse, noun: int) -> list[tuple[int, bool]]:
    """ "a six-nation tour, which has already taken him to Saudi Arabia and Turkey and will
    also take him to Oman": the clauses in which the journey takes its traveller somewhere, as
    (the clause's verb, whether it is a plan)."""
    t = parse.tokens
    clauses = [k for k in parse.dep_children(noun, "relcl") if t[k].lemma.lower() == "take"]
    clauses += [c for k in clauses for c in parse.conjuncts(k) if c != k]
    out = []
    for v in clauses:
        if t[v].lemma.lower() != "take" or not parse.preps(v, "to"):
            continue
        if not any(t[o].pos == "PRON" for o in parse.dep_children(v, "dobj")):
            continue  # the traveller taken ("him", "her"), not goods or a case
        aux = {t[a].text.lower() for a in parse.dep_children(v, "aux")}
        out.append((v, bool(aux & _PLAN_AUX)))
    return out


def _legs_taken(
    parse: Parse,
    m: MeetingMention,
    here: list[PlaceMention],
    times: Sequence[TimeExpression],
    legs: list[tuple[int, bool]],
) -> list[MeetingMention]:
    """One visit per place a journey "takes" its traveller to, each told as done or planned
    as its clause tells it (meeting.tour_legs)."""
    out: list[MeetingMention] = []
    for verb, planned in legs:
        firsts = parse.preps(verb, "to")[:1]
        dests = [c for h in firsts for c in parse.conjuncts(h)]
        stops = _stops_at(parse, dests, here)
        if not stops:
            continue
        status: Status = "planned" if planned else "occurred"
        countries = {p.country for p, _ in stops}
        for part in _one_per_stop(parse, m, here, times, stops):
            part.status = status
            part.visitors = part.visitors or frozenset(
                c for e in part.parties if (c := party_code(e)) and c not in countries
            )
            part.found_by = (*part.found_by, "meeting.tour_legs")
            out.append(part)
    return out or [m]


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
