"""Events stage: meetings, positions and the links between them.

    code_events(annotated, entities, times, places, on) -> EventSet

1. meeting mentions -> clusters (one meeting, many mentions)       meetings.py
2. delegations, chairs, agendas attached to their meeting          roles.py
3. proposals, demands, rejections, statements ...                  positions.py
4. links: precedes / follows / part_of / responds_to               links.py
5. emission: what is reported, merged or left out (and why)        emit.py

Every rule has a name (rules.py) and every event lists the rules that made it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..model import AnnotatedArticle, Entity, Event, EventSet, Link, PlaceMention, TimeExpression
from .build import build_events
from .calls import find_calls
from .charges import charged_at_home
from .datelines import dateline_in
from .domestic import domestic_bodies, home_state, home_state_roles
from .emit import emit_events, news_year
from .filed_officials import dateline_officials, reporting_state, tag_dateline_officials
from .lexicon import load_lexicon
from .links import find_links
from .meeting_clusters import cluster_mentions
from .meetings import find_meeting_mentions
from .parallel import parallel_objects
from .positions import find_positions
from .regional import regional_governments, regional_people
from .roles import find_agendas, find_chairs, find_delegations
from .rules import rule
from .sole_party import sole_other_party
from .syntax import Parse
from .withdrawal import withdrawn_from

PRODUCER = "events.rules.v1"


def code_events(
    annotated: AnnotatedArticle,
    entities: tuple[Entity, ...],
    times: tuple[TimeExpression, ...],
    places: tuple[PlaceMention, ...],
    on: date | None = None,
) -> EventSet:
    """``on``: the date the article is about (``time.reference_date``), for telling background
    acts from news."""
    lexicon = load_lexicon()
    entities = regional_people(annotated.article.text, entities, places)  # "Texas Gov. X"
    entities = regional_governments(annotated, entities, places)  # "Tamil Nadu accused X"
    filed = dateline_in(annotated.article.text, places)
    filed_in = filed[2].country if filed and filed[2] else None
    home = home_state(entities, places, filed_in)
    # "CANBERRA - ... Trade Minister X": an official of the state the report is filed from
    reporter = reporting_state(annotated.article.text, filed)
    entities, officials = dateline_officials(
        annotated, entities, places, reporter, home, lexicon.home_titles
    )
    named = set(entities)
    found = domestic_bodies(annotated, entities, places, lexicon.bodies, home)  # "the police"
    entities = found.entities
    given = frozenset(e.id for e in entities if e not in named)
    parse = Parse(annotated, entities, home)
    calls, call_nouns = find_calls(parse, times)  # 1. calls first: their talk nouns are no meetings
    mentions = [
        m
        for m in find_meeting_mentions(parse, lexicon, times, places)
        if m.trigger not in call_nouns
    ]
    clusters = cluster_mentions(parse, mentions, lexicon.sovereigns, lexicon.private_heads)
    roles = (find_delegations(parse), find_chairs(parse), find_agendas(parse))  # 2.
    triggers = {m.trigger for m in mentions} | {c.verb for c in calls}
    # "pulled out of talks with X": the talks are called off, no retreat besides
    triggers |= {v for m in mentions if (v := withdrawn_from(parse, m.trigger)) is not None}
    positions = find_positions(parse, lexicon, times, triggers, places) + calls  # 3.
    built = build_events(parse, clusters, roles, positions, times, places)
    built = parallel_objects(parse, built)  # "X expelled 60 Russian diplomats, Y expelled 13"
    built = charged_at_home(parse, built, places)  # "the former president is charged with X"
    links = find_links(parse, built)  # 4.
    responses = _address_responses(built.events, links)
    responses = home_state_roles(annotated, responses, home, found, given, built.entities)
    responses = tag_dateline_officials(responses, officials)
    asking = frozenset(v for v, senses in lexicon.verbs.items() if senses[0].type == "REQUEST")
    responses = sole_other_party(parse, responses, built.entities, lexicon.harmed, asking)
    emitted = emit_events(parse, responses, links, on, news_year(times), built.entities)  # 5.
    return EventSet(
        entities=built.entities,
        events=emitted.events,
        links=emitted.links,
        left_out=emitted.left_out,
    )


def _address_responses(events: tuple[Event, ...], links: tuple[Link, ...]) -> tuple[Event, ...]:
    """A response with no named addressee is addressed to the author of what it answers; a
    proposal, offer or demand with no named addressee is aimed at those who answer it ("Japan
    offered to fund a radar station, and Indonesia welcomed the proposal")."""
    by_id = {e.id: e for e in events}
    answered = {
        k.source: by_id[k.target]
        for k in links
        if k.relation == "responds_to" and k.target in by_id
    }
    answerers: dict[str, list[str]] = {}
    for source, target in answered.items():
        for actor in by_id[source].actors:
            if actor not in target.actors and actor not in answerers.setdefault(target.id, []):
                answerers[target.id].append(actor)
    return tuple(
        replace(
            e,
            recipients=answered[e.id].actors,
            rules=(*e.rules, rule("role.addressed_by_link")),
        )
        if e.id in answered and not e.recipients and answered[e.id].actors
        else replace(
            e,
            recipients=tuple(answerers[e.id]),
            rules=(*e.rules, rule("role.aimed_by_answer")),
        )
        if answerers.get(e.id) and not e.recipients
        else e
        for e in events
    )


__all__ = ["PRODUCER", "code_events"]
