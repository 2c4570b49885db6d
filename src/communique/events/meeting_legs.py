"""Journeys and meetings: which legs of a trip a meeting belongs to.

A meeting told after a journey's "after"/"before" took place on another leg; a journey told
alone frames the meeting held where it goes; a departure told after a meeting is the next leg;
a meeting with no place of its own held by someone who arrived somewhere is held there.
"""

from __future__ import annotations

from ..model import PlaceMention, TimeExpression
from .arguments import parties_under
from .meeting_places import ARRIVAL_VERBS, _best_place, _sequence_prep
from .meeting_records import MeetingCluster, MeetingMention
from .sentence_spans import places_in_sentence, times_in_sentence
from .syntax import Parse

_SEQUENCE = frozenset({"after", "following", "before", "ahead"})


def _before_the_journey(parse: Parse, m: MeetingMention, c: MeetingCluster) -> bool:
    """A meeting told under "after"/"before" on a journey verb ("arrived in Quito on Monday
    after talks with X in Bogota") took place on another leg: it joins no journey."""
    t = parse.tokens
    journeys = {j.trigger for j in c.mentions if j.entry.need_kind == "journey"}
    for a in parse.ancestors(m.trigger):
        if t[a].dep == "prep" and t[a].text.lower() in _SEQUENCE:
            return t[a].head in journeys
        if t[a].pos in {"VERB", "AUX"}:
            return False
    return False


def _onward_leg(parse: Parse, m: MeetingMention, c: MeetingCluster) -> bool:
    """meeting.onward_leg: "held talks with X on Friday and then left for Australia", "X, who
    was hosted by Y, flew to Z": a journey to a place told after a meeting held, in the same
    sentence and not as its purpose, is the next leg; the meeting was not held there."""
    if m.entry.need_kind != "journey" or not m.entry.need_words & {"to", "for"}:
        return False
    return any(
        x.sentence == m.sentence
        and x.trigger < m.trigger
        and x.status != "planned"
        and not _purpose_of(parse, m.trigger, x.trigger)
        for x in c.mentions
    )


def _purpose_of(parse: Parse, journey: int, k: int) -> bool:
    """Is the word at ``k`` inside the journey verb's phrase, not its subject's description
    nor a phrase of what came before ("after talks with X")?"""
    t = parse.tokens
    for a in [k, *parse.ancestors(k)]:
        if a == journey:
            return True
        if t[a].dep in {"nsubj", "nsubjpass"}:
            return False
        if t[a].dep == "prep" and t[a].text.lower() in _SEQUENCE:
            return False
    return False


def _only_a_journey(c: MeetingCluster, clusters: list[MeetingCluster]) -> bool:
    """ "X arrived in Prague on Monday. He will hold talks with Y on Tuesday": a journey told
    alone is the frame of the meeting the traveller holds in that country, not a second
    meeting (meeting.journey_frame)."""
    if not all(m.entry.need_kind == "journey" for m in c.mentions):
        return False
    where = c.place.country if c.place is not None else None
    return any(
        other is not c
        and not all(m.entry.need_kind == "journey" for m in other.mentions)
        and c.sides <= other.sides | other.codes
        # held in the country the journey goes to ("... to Ankara": not a meeting in Moscow)
        and (where is None or other.place is None or other.place.country == where)
        for other in clusters
    )


def _arrival_places(
    parse: Parse,
    places: tuple[PlaceMention, ...],
    mentions: list[MeetingMention],
    times: tuple[TimeExpression, ...] = (),
    dateline: PlaceMention | None = None,
) -> None:
    """'X arrived in Warsaw on Monday. He will hold talks with Y on Tuesday': a meeting with no
    place of its own, held by a person who arrived somewhere in that sentence or the one
    before, is where they arrived. An arrival told in the next sentence counts too when it is
    dated no later than the meeting ('Li met Pham on Tuesday. Pham arrived in Beijing on
    Sunday for a four-day visit'). An arrival that names no place, in a report filed from a
    city, is in that city ('RABAT - ... X arrived on Wednesday and held talks with Y')."""
    arrivals: list[tuple[int, frozenset[str], PlaceMention]] = []
    arrived_on: dict[int, str] = {}
    for tok in parse.tokens:
        if tok.pos != "VERB" or tok.lemma.lower() not in ARRIVAL_VERBS:
            continue
        n = parse.sentence_index(tok.i)
        where = _best_place(parse, tok.i, places_in_sentence(parse, places, n))
        if where is None and not parse.preps(tok.i, "in", "at", "to", "from"):
            where = dateline  # "arrived on Monday evening", filed from the city
        people = parties_under(parse, parse.dep_children(tok.i, "nsubj"))
        who = frozenset(e.id for e in people if e.kind == "person")
        if where is not None and where.kind != "region" and who:
            arrivals.append((n, who, where))
            day = [
                t.value
                for t in times_in_sentence(parse, times, n)
                if t.value and t.granularity == "day"
            ]
            if day:
                arrived_on[n] = day[0]
    for m in mentions:
        if m.place is not None or m.status in {"cancelled", "negated", "hypothetical"}:
            continue
        above = set(parse.ancestors(m.trigger))
        frame = next(
            (
                o
                for o in mentions
                if o.place is not None
                and o.sentence == m.sentence
                and (
                    (o.trigger in above and _purpose_of(parse, o.trigger, m.trigger))
                    or (
                        o.entry.mode == "visit"
                        and (v := parse.governing_verb(o.trigger)) in above
                        and _purpose_of(parse, v, m.trigger)
                    )
                )
            ),
            None,
        )
        if frame is not None and _sequence_prep(parse, m.trigger) is None:
            # "is due in Montevideo for talks with X", "arrived in Dushanbe and will hold talks
            # with Y": the journey's place (not "arrived in Quito after talks with Z")
            m.place = frame.place
            continue
        ids = {e.id for e in m.parties}
        earlier = _sequence_prep(parse, m.trigger) is not None  # "arrived ... after talks"
        met_on = m.date.value if m.date is not None and m.date.granularity == "day" else None
        for n, who, where in arrivals:
            told_after = (
                n == m.sentence + 1 and met_on is not None and arrived_on.get(n, "9") <= met_on
            )
            # a few sentences on, the visit goes on: "arrived in Tehran on Saturday ... He is
            # due to meet President X later on Saturday"
            later = n + 1 < m.sentence <= n + 4 and (
                met_on is None or arrived_on.get(n, "9") <= met_on
            )
            near = n <= m.sentence <= n + 1 or told_after or later
            if near and who & ids and not (earlier and n == m.sentence):
                m.place = where
                break
