"""A meeting's date and place from around it: the day its participant arrived, a dated statement
by one of its parties, the visit it took place during, the report's month, the hosts' country."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..model import Entity, Event, PlaceMention, TimeExpression, When, Where
from .arguments import (
    gerund_subject,
    parties_under,
    party_code,
    speaker_of,
)
from .clause_times import own_clause_time
from .meeting_records import MeetingCluster
from .position_records import PositionCandidate
from .rules import rule
from .sentence_spans import places_in_sentence, times_in_sentence
from .syntax import Parse

#: Verbs of arriving: "X arrived in Berlin on Tuesday. He held talks with Y" met that day.
ARRIVING = frozenset({"arrive", "land", "fly", "travel"})


def _visit_places(events: list[Event], entities: tuple[Entity, ...]) -> list[Event]:
    """A meeting told with no place between the visitor and the hosts of a visit the article
    reports with a place ("X is on a visit to Beijing. ... X also held talks with Y") took place
    there (rule meeting.visit_place), when no date says it is another day."""
    code = {e.id: e.code or e.country for e in entities}

    def sides(ev: Event) -> set[str]:
        return {c for i in (*ev.actors, *ev.recipients) if (c := code.get(i))}

    visits = [
        v
        for v in events
        if v.meeting is not None
        and v.mode == "visit"
        and v.where is not None
        and v.status in {"occurred", "ongoing"}
    ]
    out = []
    for ev in events:
        placed = ev.where is not None and (ev.where.name or ev.where.venue)
        if ev.meeting is not None and not placed and ev.status in {"occurred", "ongoing"}:
            mine = sides(ev)
            host = next(
                (
                    v
                    for v in visits
                    if v is not ev
                    and len(mine) >= 2
                    and mine <= sides(v)
                    and _during(v.when, ev.when)
                ),
                None,
            )
            if host is not None:
                ev = replace(ev, where=host.where, rules=(*ev.rules, rule("meeting.visit_place")))
        out.append(ev)
    return out


def _during(visit: When | None, meeting: When | None) -> bool:
    """Can a meeting on ``meeting`` be part of a visit dated ``visit`` (within a week of it:
    a visit's date may be its start, its report or "this week")? Days not known do not say
    otherwise."""
    if visit is None or meeting is None or visit.granularity != "day":
        return True
    if meeting.granularity != "day":
        return True
    gap = (date.fromisoformat(meeting.start[:10]) - date.fromisoformat(visit.start[:10])).days
    return abs(gap) <= 7


def _arrival_date(
    parse: Parse,
    c: MeetingCluster,
    times: tuple[TimeExpression, ...],
    places: tuple[PlaceMention, ...],
) -> When | None:
    """A meeting told without a date right after the arrival of one of its participants at its
    place on a given day ("X arrived in Berlin on Tuesday. He held talks with Y") took place
    that day (rule meeting.arrival_date)."""
    first = c.mentions[0].sentence
    if first == 0 or c.place is None:
        return None
    ids = {e.id for m in c.mentions for e in m.parties}
    n = first - 1
    there = c.place.country
    if not any(p.country == there for p in places_in_sentence(parse, places, n)):
        return None  # the arrival is at the meeting's place
    days = [t for t in times_in_sentence(parse, times, n) if t.granularity == "day"]
    for i in parse.sentence_tokens(n):
        tok = parse.tokens[i]
        if tok.pos != "VERB" or tok.lemma.lower() not in ARRIVING:
            continue
        subjects = parties_under(parse, parse.dep_children(i, "nsubj"))
        if not ids & {e.id for e in subjects}:
            continue
        own = own_clause_time(parse, days, i)
        if own is not None:
            return _to_when(own)
    return None


def _speaker_date(c: MeetingCluster, positions: list[PositionCandidate]) -> When | None:
    """A meeting told without a date, next to a dated statement by one of its participants
    ("X said Wednesday in Rabat. Speaking with Y, X ..."), took place that day."""
    first = c.mentions[0].sentence
    ids = {e.id for m in c.mentions for e in m.parties}
    codes = c.codes
    for p in positions:
        if p.date is None or p.date.granularity != "day" or p.sentence not in {first - 1, first}:
            continue
        speakers = {e.id for e in p.actors}
        spoken_for = {party_code(e) for e in p.actors} - {None}
        if (ids & speakers or codes & spoken_for) and p.status == "occurred":
            return _to_when(p.date)
    return None


#: Lead sentences (a title line and the first sentence) whose undated meetings are the news.
LEAD_SENTENCES = 2
#: From this day of the month on, a report's undated news happened in the same month.
MONTH_SETTLED_DAY = 4


def _publication_month(parse: Parse, c: MeetingCluster) -> When | None:
    """A meeting the lead reports as taken place or under way, or a leg of a tour under way,
    with no date anywhere in its mentions, in a report with a publication date: the news is of
    that month (month precision; not in a report's first days, when it may be last month's)."""
    published = parse.annotated.article.published
    if published is None or published.day < MONTH_SETTLED_DAY:
        return None
    # the legs of a tour under way ("has already taken him to X and will take him to Y")
    legs = all("meeting.tour_legs" in m.found_by for m in c.mentions)
    if min(m.sentence for m in c.mentions) >= LEAD_SENTENCES and not legs:
        return None
    if any(m.date is not None or m.undated is not None for m in c.mentions):
        return None
    return When(start=published.strftime("%Y-%m"), end=None, granularity="month", text="")


def _hosts_country(parse: Parse, c: MeetingCluster) -> Where | None:
    """ "talks with his Cypriot hosts", "met their Chinese hosts": hosts receive at home, so a
    meeting with no place named is in the hosts' country (rule meeting.hosts_country)."""
    t = parse.tokens
    codes: set[str] = set()
    for m in c.mentions:
        verbs = [m.trigger, *parse.dep_children(m.trigger, "relcl")]
        if t[m.trigger].dep == "dobj":
            verbs.append(t[m.trigger].head)
        for h in (h for v in verbs for w in parse.preps(v, "with") for h in parse.conjuncts(w)):
            if t[h].lemma.lower() == "host":
                mods = [k for k in parse.children[h] if t[k].dep in {"amod", "compound", "poss"}]
                codes |= {e.code for e in parse.entities_in(mods) if e.kind == "state" and e.code}
    if len(codes) != 1:
        return None
    return Where(name=None, venue=None, country=codes.pop(), lat=None, lon=None)


def _hosting_state(parse: Parse, c: MeetingCluster) -> Where | None:
    """ "Vietnam will host Xi", "was received by President X", "Pakistan summoned India's
    envoy": with no place named, a meeting one side hosts, receives or summons at is in that
    side's state (meeting.hosts_country)."""
    t = parse.tokens
    codes: set[str] = set()
    for m in c.mentions:
        if m.entry.mode not in {"host", "summon"} or t[m.trigger].pos != "VERB":
            continue
        guests = parse.dep_children(m.trigger, "nsubjpass")
        passive = guests or parse.dep_children(m.trigger, "auxpass")  # "is to be received by Y"
        heads = parse.preps(m.trigger, "by") if passive else []
        heads = heads or parse.dep_children(m.trigger, "nsubj") or gerund_subject(parse, m.trigger)
        if any(t[h].text.lower() in {"it", "we"} for h in heads):  # "India said it had summoned"
            heads = speaker_of(parse, m.trigger) or heads
        if not heads and guests and m.entry.mode == "summon":
            # "X's ambassador was summoned on Friday": the summons is in the other party's state
            guest = {party_code(e) for e in parties_under(parse, guests)}
            codes |= {k for e in m.parties if (k := party_code(e)) and len(k) == 3} - guest
            continue
        codes |= {k for e in parties_under(parse, heads) if (k := party_code(e)) and len(k) == 3}
    if len(codes) != 1:
        return None
    return Where(name=None, venue=None, country=codes.pop(), lat=None, lon=None)


def _to_when(t: TimeExpression) -> When | None:
    if t.value is None or t.granularity is None:
        return None
    return When(
        start=t.value,
        end=t.value_end,
        granularity=t.granularity,
        text=t.text,
        year_inferred=t.year_inferred,
    )


def _where(p: PlaceMention | None) -> Where | None:
    if p is None:
        return None
    return Where(name=p.name, venue=p.venue, country=p.country, lat=p.lat, lon=p.lon)


#: How far into the article an undated meeting still belongs to the lead's day, and how many
#: days before the report the lead's day may lie.
STORY_SENTENCES = 6
LEAD_DAYS_BACK = 1


def lead_day(parse: Parse, c: MeetingCluster, times: tuple[TimeExpression, ...]) -> When | None:
    """A meeting told as taken place in the first sentences of a dated report, with no date in
    any of its mentions, took place on the day the lead gives its news ("Iraq expelled Sweden's
    ambassador on Thursday ... Sweden summoned Iraq's charge d'affaires"), when that day lies in
    the day of the report or the day before (rule meeting.lead_day)."""
    published = parse.annotated.article.published
    if published is None or min(m.sentence for m in c.mentions) >= STORY_SENTENCES:
        return None
    if any(m.date is not None or m.undated is not None for m in c.mentions):
        return None
    sentences = parse.annotated.sentences[:LEAD_SENTENCES]
    if not sentences:
        return None
    end = sentences[-1].end
    for t in sorted(times, key=lambda x: x.start):
        if t.start >= end:
            break
        if t.granularity != "day" or not t.value or t.year_inferred:
            continue
        try:
            day = date.fromisoformat(t.value[:10])
        except ValueError:
            continue
        if 0 <= (published - day).days <= LEAD_DAYS_BACK:
            return When(start=day.isoformat(), end=None, granularity="day", text=t.text)
        return None
    return None


def also_after(
    events: list[Event], clusters: list[MeetingCluster], entities: tuple[Entity, ...]
) -> list[Event]:
    """meeting.also_after: "On the sidelines, Wang met with Retno Marsudi ... Wang also met
    with Blinken": a meeting told as one more ("also met") with no place and no other day of
    its own was held on the day and at the place of the meeting told just before, when the two
    share a side. ``events`` and ``clusters`` are parallel, in the order the meetings are first
    told."""
    by_id = {e.id: e for e in entities}

    def sides(ev: Event) -> set[str]:
        return {
            c for a in (*ev.actors, *ev.recipients) if a in by_id and (c := party_code(by_id[a]))
        }

    out = list(events)
    for n, (ev, c) in enumerate(zip(events, clusters, strict=True)):
        if ev.where is not None or ev.status != "occurred" or n == 0:
            continue
        if not c.mentions[0].further:
            continue
        before = out[n - 1]
        same_day = ev.when is None or (
            before.when is not None and before.when.start == ev.when.start
        )
        if (
            before.when is not None
            and before.status == "occurred"
            and sides(ev) & sides(before)
            and same_day
        ):
            out[n] = replace(
                ev,
                when=before.when,
                where=before.where,
                rules=(*ev.rules, rule("meeting.also_after")),
            )
    return out
