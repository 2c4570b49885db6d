"""Events stage: meetings, positions and the links between them.

    code_events(annotated, entities, times, places) -> EventSet

1. meeting mentions -> clusters (one meeting, many mentions)       meetings.py
2. delegations, chairs, agendas attached to their meeting          roles.py
3. proposals, demands, rejections, statements ...                  positions.py
4. links: precedes / follows / part_of / responds_to               links.py
"""

from __future__ import annotations

from dataclasses import replace

from ..model import AnnotatedArticle, Entity, Event, EventSet, Link, PlaceMention, TimeExpression
from .build import build_events
from .lexicon import load_lexicon
from .links import find_links
from .meetings import cluster_mentions, find_meeting_mentions
from .positions import find_positions
from .roles import find_agendas, find_chairs, find_delegations
from .syntax import Parse

PRODUCER = "events.rules.v1"


def code_events(
    annotated: AnnotatedArticle,
    entities: tuple[Entity, ...],
    times: tuple[TimeExpression, ...],
    places: tuple[PlaceMention, ...],
) -> EventSet:
    lexicon = load_lexicon()
    parse = Parse(annotated, entities)
    mentions = find_meeting_mentions(parse, lexicon, times, places)  # 1.
    clusters = cluster_mentions(parse, mentions)
    roles = (find_delegations(parse), find_chairs(parse), find_agendas(parse))  # 2.
    triggers = {m.trigger for m in mentions}
    positions = find_positions(parse, lexicon, times, triggers)  # 3.
    built = build_events(parse, clusters, roles, positions, times, places)
    links = find_links(parse, built)  # 4.
    return EventSet(
        entities=built.entities, events=_address_responses(built.events, links), links=links
    )


def _address_responses(events: tuple[Event, ...], links: tuple[Link, ...]) -> tuple[Event, ...]:
    """A response with no named addressee is addressed to the author of what it answers."""
    by_id = {e.id: e for e in events}
    answered = {
        k.source: by_id[k.target]
        for k in links
        if k.relation == "responds_to" and k.target in by_id
    }
    return tuple(
        replace(e, recipients=answered[e.id].actors) if e.id in answered and not e.recipients else e
        for e in events
    )


__all__ = ["PRODUCER", "code_events"]
