"""Assemble Event records from meeting clusters, roles and position candidates."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..model import (
    Delegation,
    Entity,
    Event,
    Meeting,
    PlaceMention,
    Span,
    Status,
    TimeExpression,
    When,
    Where,
    content_id,
)
from ..time import combine
from .arguments import (
    dependency_distance,
    party_code,
)
from .backrefs import answering_parties, denied_accusers, group_parties, referred_parties
from .lexicon import load_lexicon
from .meeting_context import (
    _arrival_date,
    _hosting_state,
    _hosts_country,
    _publication_month,
    _speaker_date,
    _to_when,
    _visit_places,
    _where,
    also_after,
    lead_day,
)
from .meeting_places import act_place, at_seat
from .meeting_records import MeetingCluster
from .meeting_status import status_from_date, under_way
from .position_records import PositionCandidate
from .roles import AgendaFact, ChairFact, DelegationFact
from .rules import entry_rule, rule
from .sentence_spans import places_in_sentence, times_in_sentence
from .syntax import Parse
from .targets import (
    custody_at_home,
    custody_place,
    described_place_party,
    fought_each_other,
    mutual,
    place_target,
    state_entity,
)

Roles = tuple[list[DelegationFact], list[ChairFact], list[AgendaFact]]


@dataclass(frozen=True, slots=True)
class Built:
    entities: tuple[Entity, ...]
    events: tuple[Event, ...]
    meeting_of_token: dict[int, str]  # meeting trigger token -> event id
    meeting_sentences: dict[str, tuple[int, ...]]
    parent_of: dict[str, str]  # part_of: child event id -> meeting event id
    positions: tuple[tuple[str, PositionCandidate], ...]


def build_events(
    parse: Parse,
    clusters: list[MeetingCluster],
    roles: Roles,
    positions: list[PositionCandidate],
    times: tuple[TimeExpression, ...],
    places: tuple[PlaceMention, ...],
) -> Built:
    art = parse.annotated.article
    delegations, chairs, agendas = roles
    token_cluster = {m.trigger: c for c in clusters for m in c.mentions}
    attached = _attach_roles(parse, clusters, token_cluster, delegations, chairs, agendas)
    heads_country = {d.head.id: party_code(d.party) for d in delegations if d.head is not None}
    entities = tuple(
        replace(e, country=heads_country[e.id]) if e.id in heads_country and not e.country else e
        for e in parse.entities
    )
    events: list[Event] = []
    hosts: dict[str, Entity] = {}
    ids: dict[int, str] = {}
    sentences: dict[str, tuple[int, ...]] = {}
    for n, c in enumerate(clusters):
        ev = _meeting_event(parse, c, attached[n], art.id, hosts)
        if ev.when is None and ev.status in {"occurred", "ongoing"}:
            when = _speaker_date(c, positions)
            arrival = None if when else _arrival_date(parse, c, times, places)
            if arrival is not None:
                ev = replace(ev, when=arrival, rules=(*ev.rules, rule("meeting.arrival_date")))
            else:
                ev = replace(ev, when=when)
            day = None if ev.when or ev.status != "occurred" else lead_day(parse, c, times)
            if day is not None:
                ev = replace(ev, when=day, rules=(*ev.rules, rule("meeting.lead_day")))
            month = None if ev.when else _publication_month(parse, c)
            if month is not None:
                ev = replace(ev, when=month, rules=(*ev.rules, rule("meeting.publication_month")))
        elif ev.when is None and ev.status == "planned" and (month := _publication_month(parse, c)):
            if all("meeting.tour_legs" in m.found_by for m in c.mentions):  # the tour's next legs
                ev = replace(ev, when=month, rules=(*ev.rules, rule("meeting.publication_month")))
        events.append(ev)
        sentences[ev.id] = tuple(sorted({m.sentence for m in c.mentions}))
        for m in c.mentions:
            ids[m.trigger] = ev.id
    events = also_after(_visit_places(events, entities), clusters, entities)  # "also met"
    _forum_references(parse, clusters, events, ids)
    parent_of: dict[str, str] = {}
    for ev, parent in _press_conferences(parse, clusters, events, times, ids):
        events.append(ev)
        if parent:
            parent_of[ev.id] = parent
    pos_events = [(_position_event(parse, p, art.id, places, hosts), p) for p in positions]
    named = {e.id for e in entities}
    for p in positions:  # states the positions step took from a place ("In Beijing, ...")
        hosts.update({e.id: e for e in (*p.actors, *p.recipients) if e.id not in named})
    by_id = {**{e.id: e for e in entities}, **hosts}
    # a meeting is told again wherever it is mentioned again ("hours before the summit")
    told = [(s.start, e) for e in events for s in (e.evidence if e.meeting else e.evidence[:1])]
    told += [(parse.tokens[p.verb].start, ev) for ev, p in pos_events]
    final: list[tuple[str, PositionCandidate]] = []
    for ev, p in pos_events:
        group = group_parties(parse, p, told, by_id)
        referring = load_lexicon().referring
        referred = () if group else referred_parties(parse, p, told, by_id, referring)
        denied = () if group or referred else denied_accusers(parse, p, told, by_id)
        answering, answered = answering_parties(parse, p, told, by_id, referring)
        if answering and not group and not referred:
            p = replace(p, actors=answering, recipients=answered)
            ev = _position_event(parse, p, art.id, places, hosts)
            ev = replace(ev, rules=(*ev.rules, rule("role.answered_act")))
        elif group or referred or denied:
            p = replace(p, actors=group) if group else replace(p, recipients=referred or denied)
            if group and p.entry.mode == "call":  # "the two ministers spoke by phone"
                p = replace(p, actors=group[:1], recipients=group[1:])
            name = (
                "role.group_subject"
                if group
                else ("role.referred_act" if referred else "role.denied_claim")
            )
            ev = _position_event(parse, p, art.id, places, hosts)
            ev = replace(ev, rules=(*ev.rules, rule(name)))
        if answering or group or referred or denied:  # later references see the parties found here
            told = [(at, ev if e.id == ev.id else e) for at, e in told]
        events.append(ev)
        final.append((ev.id, p))
    events.sort(key=lambda e: e.evidence[0].start if e.evidence else 0)
    entities += tuple(hosts.values())
    return Built(entities, tuple(events), ids, sentences, parent_of, tuple(final))


@dataclass(slots=True)
class _Attached:
    delegations: list[DelegationFact]
    chairs: list[Entity]
    agenda: list[str]


def _attach_roles(
    parse: Parse,
    clusters: list[MeetingCluster],
    token_cluster: dict[int, MeetingCluster],
    delegations: list[DelegationFact],
    chairs: list[ChairFact],
    agendas: list[AgendaFact],
) -> list[_Attached]:
    out = [_Attached([], [], []) for _ in clusters]
    index = {id(c): n for n, c in enumerate(clusters)}

    def target(
        sentence: int, noun: int | None, codes: set[str], forum: Entity | None
    ) -> int | None:
        if noun is not None and noun in token_cluster:
            return index[id(token_cluster[noun])]
        if forum is not None:
            for n, c in enumerate(clusters):
                if any(m.forum is not None and m.forum.id == forum.id for m in c.mentions):
                    return n
        noun_lemma = parse.tokens[noun].lemma.lower() if noun is not None else ""
        best: tuple[tuple[int, int, int], int] | None = None
        for n, c in enumerate(clusters):
            first = c.mentions[0].sentence
            if first > sentence:
                continue
            forum_words = {w.lower() for m in c.mentions if m.forum for w in m.forum.name.split()}
            score = (
                int(noun_lemma in forum_words),
                len(codes & c.codes),
                max(m.sentence for m in c.mentions if m.sentence <= sentence),
            )
            if best is None or score > best[0]:
                best = (score, n)
        return best[1] if best else None

    for d in delegations:
        t = target(d.sentence, None, {party_code(d.party) or ""}, d.forum)
        if t is not None:
            out[t].delegations.append(d)
    for ch in chairs:
        t = target(ch.sentence, ch.noun, set(), None)
        if t is not None and ch.chair not in out[t].chairs:
            out[t].chairs.append(ch.chair)
    for a in agendas:
        t = target(a.sentence, a.noun, set(), None)
        if t is not None and (
            a.noun is not None
            or any(0 <= a.sentence - m.sentence <= 1 for m in clusters[t].mentions)
        ):
            out[t].agenda.extend(x for x in a.items if x not in out[t].agenda)
    return out


def _day_ahead(when: When | None, published: date | None) -> bool:
    """The meeting's first day, told to the day, lies after the article's date."""
    return (
        when is not None
        and published is not None
        and len(when.start) >= 10
        and when.start[:10] > published.isoformat()
    )


def _meeting_event(
    parse: Parse, c: MeetingCluster, att: _Attached, article_id: str, hosts: dict[str, Entity]
) -> Event:
    parties: list[Entity] = []
    for m in c.mentions:
        parties += [e for e in m.parties if e not in parties and party_code(e)]
    for d in att.delegations:
        if d.party not in parties:
            parties.append(d.party)
    host = _host_state(parse, c, article_id, hosts)
    if host is not None and party_code(host) not in {party_code(e) for e in parties}:
        parties.append(host)
    forum = next((m.forum for m in c.mentions if m.forum is not None), None)
    when = _when(c)
    status = (
        c.status
        or _sentence_mood(parse, c.mentions[0].sentence)
        or status_from_date(when, parse.annotated.article.published)
    )
    going = status == "occurred" and under_way(parse, c, when)
    if going:
        status = "ongoing"
    # "the G7 summit, which opens in Hiroshima on Friday", told on Wednesday: not yet held
    ahead = status in {"occurred", "ongoing"} and _day_ahead(
        when, parse.annotated.article.published
    )
    if ahead:
        status, going = "planned", False
    evidence = _evidence(parse, sorted({m.sentence for m in c.mentions}))
    heads: dict[str, str | None] = {}
    for d in att.delegations:  # one delegation per party, keeping the head where one is named
        if heads.get(d.party.id) is None:
            heads[d.party.id] = d.head.id if d.head else None
    delegations = [Delegation(party, head) for party, head in heads.items()]
    first = c.mentions[0]
    actors, recipients = _visit_roles(c, parties)
    where = _where(c.place)
    at_hosts = None
    if where is None:
        hosting = _hosting_state(parse, c)
        at_hosts = _hosts_country(parse, c) or hosting or _visited_state(recipients)
    return Event(
        id=content_id("evt", article_id, "CONSULT", str(parse.tokens[first.trigger].start)),
        rules=_meeting_rules(c)
        + ((rule("meeting.visit"),) if recipients else ())
        + ((rule("meeting.hosts_country"),) if at_hosts else ())
        + ((rule("meeting.under_way"),) if going else ())
        + ((rule("meeting.day_ahead"),) if ahead else ()),
        type="CONSULT",
        mode=first.entry.mode,
        status=status,
        actors=tuple(e.id for e in actors),
        recipients=tuple(e.id for e in recipients),
        when=when,
        where=where or at_hosts,
        meeting=Meeting(
            forum=forum.name if forum else None,
            chair=tuple(e.id for e in att.chairs),
            delegations=tuple(delegations),
            agenda=tuple(att.agenda),
        ),
        items=(),
        evidence=evidence,
        confidence=_confidence(c, when),
    )


def _visit_roles(c: MeetingCluster, parties: list[Entity]) -> tuple[list[Entity], list[Entity]]:
    """PLOVER codes a visit visitor -> host: the visitors are its actors, the hosts its
    recipients. Other meetings list every party as actor."""
    visitors = c.visitors
    if not visitors or first_mode(c) != "visit":
        return parties, []
    actors = [e for e in parties if party_code(e) in visitors]
    hosts = [e for e in parties if party_code(e) not in visitors]
    return (actors, hosts) if actors and hosts else (parties, [])


def _visited_state(hosts: list[Entity]) -> Where | None:
    """A visit with no place named takes place in the one state it visits ("a planned visit by
    Sweden's defence minister", cancelled by Turkey) (meeting.hosts_country)."""
    codes = {party_code(e) for e in hosts if e.kind in {"state", "person"}} - {None}
    code = codes.pop() if len(codes) == 1 else None
    if code is None or len(code) != 3 or len(hosts) > 2:
        return None
    return Where(name=None, venue=None, country=code, lat=None, lon=None)


def first_mode(c: MeetingCluster) -> str:
    return c.mentions[0].entry.mode


def _meeting_rules(c: MeetingCluster) -> tuple[str, ...]:
    names = [rule("meeting.mention")]
    names += sorted({entry_rule(m.entry.source, "triggers", m.entry.lemma) for m in c.mentions})
    if len(c.mentions) > 1:
        names.append(rule("meeting.cluster"))
    seat = any(at_seat(m.place) for m in c.mentions)
    if seat:
        names.append(rule("meeting.government_seat"))
    if any(m.hosted for m in c.mentions) and not seat:
        names.append(rule("meeting.host_officials"))
    if any(m.entry.need_kind == "envoy" for m in c.mentions):
        names.append(rule("meeting.envoy_sent"))
    if any(m.named_before for m in c.mentions):
        names.append(rule("meeting.pair_named_before"))
    if any(m.engaged for m in c.mentions):
        names.append(rule("meeting.in_talks"))
    names += [rule(n) for n in sorted({n for m in c.mentions for n in m.found_by})]
    return tuple(names)


def _forum_references(
    parse: Parse, clusters: list[MeetingCluster], events: list[Event], ids: dict[int, str]
) -> None:
    """A named body standing for its session ("The Council will be followed by ...") refers to
    the meeting held in that forum: its tokens count as mentions of that meeting for linking."""
    forum_event: dict[str, str] = {}
    for c, ev in zip(clusters, events, strict=False):
        for m in c.mentions:
            if m.forum is not None:
                forum_event.setdefault(m.forum.id, ev.id)
    for i, hit in parse.entity_at.items():
        if (
            i not in ids
            and hit.entity.id in forum_event
            and parse.tokens[i].dep in {"nsubj", "nsubjpass", "pobj", "dobj"}
        ):
            ids[i] = forum_event[hit.entity.id]


def _host_state(
    parse: Parse, c: MeetingCluster, article_id: str, hosts: dict[str, Entity]
) -> Entity | None:
    """The country a visit goes to, or where an envoy is summoned, takes part as host: the state
    named in the article whose code is the venue's country; else that state, named by the
    venue that stands for it ("will visit Beijing": China hosts), recorded as a new entity."""
    place = c.place
    if place is None or not c.hosted:
        return None
    return state_entity(parse, place, article_id, hosts)


def _when(c: MeetingCluster) -> When | None:
    found = c.date
    if found is None or found.value is None or found.granularity is None:
        return None
    clock = next((m.clock for m in c.mentions if m.clock is not None), None)
    if clock is not None and found.granularity == "day":
        found = combine(found, clock)
    when = _week_of_month(_to_when(found))
    # "a second day of talks on Monday" (not "talks on the second day of his visit": the
    # talks are that day's)
    nth = max(m.day_of if m.entry.mode != "visit" else 1 for m in c.mentions)
    # "wrapped up a two-day summit on Sunday": Sunday was its last day
    # (not "met X on Monday, wrapping up a two-day visit": the meeting is Monday's)
    dated_meeting = any(m.entry.mode != "visit" and m.date is not None for m in c.mentions)
    closing = [
        m.days for m in c.mentions if m.closing and not (dated_meeting and m.entry.mode == "visit")
    ]
    nth = max([nth, *closing])
    if when is None or nth < 2 or when.granularity != "day":
        return when
    # "were holding a second day of talks on Monday": the talks began on Sunday
    told = when.start[:10]
    first = (date.fromisoformat(told) - timedelta(days=nth - 1)).isoformat()
    return replace(when, start=first, end=told)


PROSPECT = frozenset(
    {
        "will",
        "could",
        "would",
        "may",
        "might",
        "shall",
        "hope",
        "expect",
        "plan",
        "prepare",
        "upcoming",
        "next",
        "future",
        "scheduled",
    }
)


def _sentence_mood(parse: Parse, n: int) -> Status | None:
    """When the meeting's own clause says nothing, a sentence looking ahead ("hope that the
    parties could grasp the opportunity of the summit") makes it planned."""
    words = {parse.tokens[i].lemma.lower() for i in parse.sentence_tokens(n)}
    return "planned" if words & PROSPECT else None


def _week_of_month(when: When | None) -> When | None:
    """ "this week", read Monday to Sunday across two months (30 September to 6 October): the
    days in the month that holds most of them (1 to 6 October), as a reader dates it."""
    if when is None or when.granularity != "day" or not when.end or "week" not in when.text.lower():
        return when
    first, last = date.fromisoformat(when.start[:10]), date.fromisoformat(when.end[:10])
    middle = first + timedelta(days=3)
    if (last - first).days != 6 or first.month == middle.month:
        return when
    if middle.month == last.month:
        return replace(when, start=date(last.year, last.month, 1).isoformat())
    return when


def _confidence(c: MeetingCluster, when: When | None) -> float:
    score = 0.5 + 0.1 * (when is not None) + 0.1 * (c.place is not None) + 0.1 * (len(c.codes) >= 2)
    return min(0.95, score + 0.1 * (c.status is not None))


def _evidence(parse: Parse, sentences: list[int]) -> tuple[Span, ...]:
    out = []
    for n in sentences:
        s = parse.annotated.sentences[n]
        raw = parse.text[s.start : s.end]
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        out.append(Span(s.start + lead, s.start + lead + len(body), body))
    return tuple(out)


def _press_conferences(
    parse: Parse,
    clusters: list[MeetingCluster],
    events: list[Event],
    times: tuple[TimeExpression, ...],
    ids: dict[int, str],
) -> list[tuple[Event, str | None]]:
    """Press conferences are statements, tied to the meeting they close or follow."""
    out: list[tuple[Event, str | None]] = []
    by_id = {e.id: e for e in events}
    for tok in parse.tokens:
        if tok.lemma.lower() not in {"conference", "briefing"} or tok.pos != "NOUN":
            continue
        mods = {parse.tokens[k].text.lower() for k in parse.children[tok.i]}
        if not mods & {"press", "news", "media"}:
            continue
        n = parse.sentence_index(tok.i)
        parent = next((ids[i] for i in parse.sentence_tokens(n) if i in ids), None)
        speaker = [e for e in parse.entities_in(parse.subtree(tok.i)) if e.kind == "person"]
        clocks = [t for t in times_in_sentence(parse, times, n) if t.kind == "time"]
        clock = (
            min(clocks, key=lambda t: dependency_distance(parse, parse.token_at(t.start), tok.i))
            if clocks
            else None
        )
        when = None
        parent_ev = by_id.get(parent) if parent else None
        if clock is not None and parent_ev is not None and parent_ev.when is not None:
            base = TimeExpression(
                0,
                0,
                parent_ev.when.text,
                parent_ev.when.start[:10],
                "day",
                year_inferred=parent_ev.when.year_inferred,
            )
            when = _to_when(combine(base, clock))
        status = parent_ev.status if parent_ev else "occurred"
        ev = Event(
            id=content_id("evt", parse.annotated.article.id, "STATEMENT", str(tok.start)),
            type="STATEMENT",
            mode="press_conference",
            status=status,
            actors=tuple(e.id for e in speaker),
            recipients=(),
            when=when,
            where=parent_ev.where if parent_ev else None,
            meeting=None,
            items=(),
            evidence=_evidence(parse, [n]),
            confidence=0.6,
            rules=(rule("position.press_conference"),),
        )
        out.append((ev, parent))
    return out


def _position_confidence(parse: Parse, p: PositionCandidate) -> float:
    """Verbal events with a named actor are surest; nominal or actor-less ones less so."""
    if p.entry.type == "STATEMENT":
        return 0.5
    score = 0.65 if parse.tokens[p.verb].pos == "VERB" else 0.45
    return score if p.actors else score - 0.1


def _position_event(
    parse: Parse,
    p: PositionCandidate,
    article_id: str,
    places: tuple[PlaceMention, ...],
    made: dict[str, Entity],
) -> Event:
    tok = parse.tokens[p.verb]
    here = places_in_sentence(parse, places, p.sentence)
    where = _where(act_place(parse, p.verb, here))
    when = _to_when(p.date) if p.date is not None else None
    recipients = tuple(e.id for e in p.recipients)
    extra: tuple[str, ...] = ()
    aimed = None if recipients else place_target(parse, p.verb, p.entry.type, p.actors, here)
    target = state_entity(parse, aimed, article_id, made) if aimed is not None else None
    if target is None and not recipients:
        target = described_place_party(parse, p.verb, p.entry.type, p.actors)
    if target is not None:
        recipients = (target.id,)
        extra = (rule("role.post_target" if p.entry.type == "SANCTION" else "role.place_target"),)
    if not recipients and (
        mutual(p.entry.type, p.entry.mode, p.actors, p.entry.source)
        or fought_each_other(parse, p.verb, p.entry.mode, p.actors)
    ):
        # "India and Pakistan exchanged fire", "Armenian and Azerbaijani forces clashed":
        # a fight between the subjects themselves, when no one else is fought
        # "India and Japan signed an agreement": each side acts towards the other
        recipients = tuple(e.id for e in p.actors)
        extra += (rule("role.mutual_act"),)
    actors = tuple(e.id for e in p.actors)
    held = None if actors else custody_place(parse, p.verb, p.entry.mode, here)
    holder = state_entity(parse, held, article_id, made) if held is not None else None
    if holder is None and not actors:
        holder = custody_at_home(parse, p.verb, p.entry.mode)
    if holder is not None and holder.id not in recipients:
        actors = (holder.id,)
        extra += (rule("role.custody_state"),)
    return Event(
        id=content_id("evt", article_id, p.entry.type, str(tok.start)),
        type=p.entry.type,
        mode=p.entry.mode,
        status=p.status,
        actors=actors,
        recipients=recipients,
        when=when,
        where=where,
        meeting=None,
        items=tuple(p.items),
        evidence=_evidence(parse, [p.sentence]),
        confidence=_position_confidence(parse, p),
        rules=(
            entry_rule(p.entry.source, "nouns" if tok.pos == "NOUN" else "verbs", p.entry.lemma),
            *extra,
        ),
    )
