"""Meeting clusters: mentions of the same meeting joined into one, and what is reported.

Two mentions join when a phrase ties them or when their parties, dates, places, visitors and
forums agree; a cluster is reported when it has two sides and took place, is under way, is
planned or was called off.
"""

from __future__ import annotations

import re
from datetime import date

from ..model import Entity, PlaceMention, TimeExpression
from ..time.lexicon import MONTHS
from .arguments import (
    dependency_distance,
    party_code,
)
from .meeting_attendance import attendance_told, sideline_attendance
from .meeting_bodies import body_met_before
from .meeting_dates import dated_by_sequence
from .meeting_legs import _before_the_journey, _only_a_journey, _onward_leg
from .meeting_records import CONFLICT, GATHERING_WORDS, UNREAL, MeetingCluster, MeetingMention
from .meeting_summons import summoned_at_dateline
from .syntax import Parse

TRACK_WORDS = frozenset({"round", "talk", "negotiation", "consultation", "meeting", "session"})


def cluster_mentions(
    parse: Parse,
    mentions: list[MeetingMention],
    sovereigns: dict[str, str] | None = None,
    firm_words: frozenset[str] = frozenset(),
) -> list[MeetingCluster]:
    """``sovereigns``: territory code -> the state it belongs to ("HKG" -> "CHN");
    ``firm_words``: words that end a firm's name ("Airways", "Corp")."""
    clusters: list[MeetingCluster] = []
    _frame_asides(mentions)
    for m in mentions:
        if m.pair:
            paired = next((c for c in reversed(clusters) if _of_size(c, m.group)), None)
            pair = _track_parties(paired) if paired else _pair_named_before(parse, m)
            m.named_before = paired is None and bool(pair)
            m.parties += [e for e in pair if e not in m.parties]
        if again := body_met_before(parse, m, clusters):
            m.parties, m.found_by = again, (*m.found_by, "meeting.body_again")
        target = _same_phrase(parse, m, clusters) or _best_cluster(m, clusters)
        if target is not None and _before_the_journey(parse, m, target):
            target = None
        if target is not None and _onward_leg(parse, m, target):
            # the next leg's place and hosts: the meeting was not held there
            m.place = None
            m.parties = [e for e in m.parties if party_code(e) in m.visitors] or m.parties
        if target is not None:
            target.mentions.append(m)
        elif not m.vague and (m.parties or m.forum or m.place or m.date):
            if not m.parties and m.entry.lemma in SERIES_WORDS and _of_a_series(parse, m.trigger):
                # "next year's summit will be held in Rio": the organisation of the summit told
                m.parties = _series_forum(clusters)
                m.found_by += ("meeting.series",) if m.parties else ()
            if not m.parties and m.entry.lemma in TRACK_WORDS and clusters and (m.date or m.place):
                last = clusters[-1]
                if last.last_sentence == m.sentence and _compatible(m, last):
                    last.mentions.append(m)  # "welcomed X to Suva, where they held talks"
                    continue
                # "a new round of talks": of the latest negotiation between two sides or more,
                # not of a round one mediator hosted
                track = next((c for c in reversed(clusters) if len(c.codes) >= 2), last)
                m.parties = list(_track_parties(track))
            clusters.append(MeetingCluster([m]))
    _inherit_frames(clusters)
    sideline_attendance(clusters, _gathering)
    _beside_gatherings(clusters)
    _during_visits(clusters)
    dated_by_sequence(parse, clusters)
    _join_attendance(parse, clusters)
    for c in clusters:
        _dateline_fallback(c)
        summoned_at_dateline(parse, c)
    _same_day_at_dateline(clusters, parse.annotated.article.published)
    return [
        c
        for c in clusters
        if _two_sided(c)
        and c.status not in UNREAL
        and not _only_a_frame(c, clusters)
        and not _within_one_state(c, sovereigns or {})
        and not _between_firms(parse, c, firm_words)
        and not _only_a_journey(c, clusters)
    ]


#: Meetings an organisation holds in a series: "the next summit", "last year's summit".
SERIES_WORDS = frozenset({"summit", "conference", "ministerial"})
SERIES_MODIFIERS = frozenset({"next", "previous", "last", "upcoming", "following", "past"})


def _of_a_series(parse: Parse, noun: int) -> bool:
    """ "the next summit", "next year's summit", "the previous summit": another meeting of the
    series the article reports."""
    t = parse.tokens
    for k in parse.children[noun]:
        if t[k].dep == "amod" and t[k].text.lower() in SERIES_MODIFIERS:
            return True
        if t[k].dep == "poss" and t[k].lemma.lower() in {"year", "month"}:
            return any(t[a].text.lower() in SERIES_MODIFIERS for a in parse.children[k])
    return False


def _series_forum(clusters: list[MeetingCluster]) -> list[Entity]:
    """The organisation of the latest summit told that has one (meeting.series)."""
    for c in reversed(clusters):
        igos = [e for m in c.mentions for e in m.parties if e.kind == "igo"]
        if igos and c.lemmas & SERIES_WORDS:
            return igos[:1]
    return []


#: "arrived in Quito after talks with X": the talks came before the journey, elsewhere.
def _between_firms(parse: Parse, c: MeetingCluster, firm_words: frozenset[str]) -> bool:
    """ "Executives of Kenya Airways and South African Airways met": every party is named
    only inside a firm's name; no diplomatic meeting (meeting.between_firms)."""
    parties = [e for m in c.mentions for e in m.parties]
    return bool(parties) and all(_firm_named(parse, e, firm_words) for e in parties)


def _firm_named(parse: Parse, e: Entity, firm_words: frozenset[str]) -> bool:
    """A firm ("Rongsheng Petrochemical Corp"), or a state named only as the first word of a
    firm's name ("Kenya Airways")."""
    t = parse.tokens
    if e.kind == "organization":
        return e.name.split()[-1].lower().strip(".") in firm_words
    if e.kind != "state":
        return False
    for m in e.mentions:
        last = parse.token_range(m.start, m.end)[1]
        following = t[last + 1].text.lower() if last + 1 < len(t) else ""
        if following not in firm_words:
            return False
    return True


def _within_one_state(c: MeetingCluster, sovereigns: dict[str, str]) -> bool:
    """ "Hong Kong's chief executive went to Beijing": a territory with its own government and
    the state it belongs to are one state's two levels; no diplomatic meeting
    (meeting.within_one_state)."""
    sides = c.sides
    return len(sides) >= 2 and len({sovereigns.get(s, s) for s in sides}) == 1


def _of_size(c: MeetingCluster, group: int) -> bool:
    """A meeting told before that a group of ``group`` parties can be: a pair any meeting of
    two sides or more, a group of three or four one of exactly that many."""
    return len(c.codes) >= 2 if group == 2 else len(c.codes) == group


def _pair_named_before(parse: Parse, m: MeetingMention) -> list[Entity]:
    """ "Biden and Xi spoke for three hours. The two leaders met on the sidelines ...": with no
    meeting of two sides reported before, "the two leaders" are the two sides named in the
    two sentences before (people first, else states); none when those name more or fewer
    than two. "The three countries" are the three states named there, alike."""
    first = parse.annotated.sentences[max(0, m.sentence - 2)].first_token
    last = parse.annotated.sentences[m.sentence].first_token
    named = [
        e
        for e in parse.entities_in(range(first, last))
        if e.kind in {"person", "state"} and party_code(e)
    ]
    people = {party_code(e): e for e in named if e.kind == "person"}
    states = {party_code(e): e for e in named if e.kind == "state"}
    if len(people) == m.group:  # "the two leaders": the two people named
        return list(people.values())
    # "Maldivian President X asked India ...": two states, the one person among them
    return list(states.values()) if len(states) == m.group and set(people) <= set(states) else []


def _setting_place(
    parse: Parse, frame: int | None, places: list[PlaceMention]
) -> PlaceMention | None:
    """'on the sidelines of the Indian Ocean Conference in Muscat': the place of the named
    setting, also when the setting is a name rather than a meeting word."""
    if frame is None or frame < 0:
        return None
    inside = set(parse.subtree(frame))
    return next(
        (p for p in places if parse.token_at(p.start) in inside and p.kind in {"city", "venue"}),
        None,
    )


def _frame_asides(mentions: list[MeetingMention]) -> None:
    """'On the sidelines, X met Y' after a summit was reported: the sidelines are the latest
    summit's (or meeting of an organisation's) before it. Talks on the sidelines of a summit
    named in their sentence take its place and day when they have none."""
    by_trigger = {m.trigger: m for m in mentions}
    for k, m in enumerate(mentions):
        if m.aside:
            host = next(
                (x for x in reversed(mentions[:k]) if x.entry.mode == "summit" or x.forum),
                None,
            )
            m.frame = host.trigger if host is not None else None
        setting = by_trigger.get(m.frame) if m.frame is not None else None
        if setting is not None and setting.sentence == m.sentence:
            # "met on the sidelines of the G20 summit in Hamburg last July": the summit's
            # place and day are the talks', before they are compared with other meetings
            m.place = m.place or setting.place
            m.date = m.date or setting.date


def _only_a_frame(c: MeetingCluster, clusters: list[MeetingCluster]) -> bool:
    """A summit named only as the setting of other talks ('met on the sidelines of the G20
    summit in Hamburg') and nowhere else is not reported on its own: the talks are."""
    triggers = {m.trigger for m in c.mentions}
    framed = [
        m for d in clusters if d is not c for m in d.mentions if m.frame in triggers and not m.aside
    ]
    return bool(framed) and {m.sentence for m in c.mentions} <= {m.sentence for m in framed}


def _join_attendance(parse: Parse, clusters: list[MeetingCluster]) -> None:
    """ "Xi and Sharif are among those due to attend": who attends the latest gathering told in
    the three sentences before (a summit, a meeting of an organisation or of three states)."""
    for n in range(len(parse.annotated.sentences)):
        before = [c for c in clusters if c.mentions[0].sentence < n <= c.last_sentence + 3]
        gatherings = [c for c in before if _gathering(c)]
        if not gatherings:
            continue
        found = attendance_told(parse, n)
        if not found:
            continue
        summits = [c for c in gatherings if c.lemmas & SERIES_WORDS]  # a summit, if one was told
        first = (summits or gatherings)[-1].mentions[0]
        first.parties += [e for e in found if e not in first.parties]
        first.joiners |= {c for e in found if (c := party_code(e))}
        first.found_by += ("meeting.attendance_told",)


def _gathering(c: MeetingCluster) -> bool:
    igo = any(e.kind == "igo" for m in c.mentions for e in m.parties)
    return bool(c.lemmas & SERIES_WORDS) or igo or len(c.codes) >= 3


def _inherit_frames(clusters: list[MeetingCluster]) -> None:
    """A meeting on the sidelines of another takes its place and date when it has none."""
    owner = {m.trigger: c for c in clusters for m in c.mentions}
    for c in clusters:
        for m in c.mentions:
            host = owner.get(m.frame) if m.frame is not None else None
            if host is None and m.frame is not None:
                host = _gathering_before(clusters, c, m.sentence)
            if host is None or host is c:
                continue
            if c.place is None and host.place is not None:
                m.place = host.place
            if c.date is None and host.date is not None:
                m.date = host.date


def _gathering_before(
    clusters: list[MeetingCluster], c: MeetingCluster, n: int
) -> MeetingCluster | None:
    """ "On the sidelines of the retreat" with no meeting word of the sentence for it: the
    latest gathering told in the three sentences before, placed."""
    told = [
        o
        for o in clusters
        if o is not c and n - 3 <= o.mentions[0].sentence < n and o.place and _gathering(o)
    ]
    return told[-1] if told else None


def _dateline_fallback(c: MeetingCluster) -> None:
    """A meeting reported in the lead sentence with no place of its own, which took place or is
    under way, is where the report is filed from ("TEHRAN (Reuters) - Iran summoned ...")."""
    if c.place is not None or c.status in {"planned", "cancelled"}:
        return
    first = next((m for m in c.mentions if m.lead_place is not None), None)
    if first is not None and first.lead_place is not None:
        first.place = first.lead_place
        return
    # a meeting held with a side of the state the report is filed from, placed nowhere else in
    # the article ("MOSCOW - ... Wang held four hours of talks with Lavrov on Tuesday")
    filed = c.mentions[0].filed_from
    home = filed.country if filed is not None else None
    # not summonses, nor visits made from there; a visit the filed-from state hosts ("TEHRAN
    # - ... Wang called on Iranian President Rouhani") is there
    talks = all(
        m.entry.mode in {"meet", "negotiate"}
        or (m.entry.mode == "visit" and home not in m.visitors)
        for m in c.mentions
    )
    if talks and filed is not None and filed.country and filed.country in c.codes:
        c.mentions[0].place = filed


def _same_day_at_dateline(clusters: list[MeetingCluster], published: date | None) -> None:
    """meeting.same_day_dateline: "VIENNA - ... opened talks in Vienna on Tuesday ... Mora met
    the US delegation later on Tuesday": a meeting placed nowhere, held on the day of a meeting
    the article places in the city it is filed from, is held there too."""
    for c in clusters:
        filed = c.mentions[0].filed_from
        if c.place is not None or filed is None or c.date is None or c.date.granularity != "day":
            continue
        today = published is not None and c.date.value == published.isoformat()
        for g in clusters:
            gp, gd = g.place, g.date
            if g is c or gp is None or gd is None:
                continue
            # held that day, or on the report's own day by a side who met there ("MOSCOW ...
            # Jaishankar is also scheduled to meet Lavrov later on Friday")
            if gd.value != c.date.value and not (today and c.codes & g.codes):
                continue
            if gp.kind == "city" and gp.name == filed.name:
                c.mentions[0].place = gp
                c.mentions[0].found_by += ("meeting.same_day_dateline",)
                break


def _two_sided(c: MeetingCluster) -> bool:
    """A meeting needs two sides: two participants, or one plus the host country of a visit or
    summit, or an international body as forum. One-sided mentions ("talks with the Russian
    military", "a request to meet with X") are not reported as meetings."""
    codes = set(c.codes)
    if len(codes) >= 2:
        return True
    if not codes:
        return False
    place = c.place
    if place and place.country and c.hosted:
        codes.add(place.country)
    forum = any(m.forum is not None for m in c.mentions)
    igo = any(e.kind in {"igo", "body"} for m in c.mentions for e in m.parties)
    # a summit is many-sided by itself: a host or one attendee, with its place or day, is enough
    summit = "summit" in c.lemmas and (c.place is not None or c.date is not None)
    return len(codes) >= 2 or forum or igo or summit  # an organisation is met by someone


def _track_parties(c: MeetingCluster) -> list[Entity]:
    """A further round of the same negotiation, with its parties unnamed, is between the parties of
    the round mentioned before it."""
    out: list[Entity] = []
    for m in c.mentions:  # a person stands for a state: "held talks with President Ruto"
        out += [
            e
            for e in m.parties
            if e not in out
            and (e.kind in {"state", "igo"} or (e.kind == "person" and party_code(e)))
        ]
    return out


def _same_phrase(
    parse: Parse, m: MeetingMention, clusters: list[MeetingCluster]
) -> MeetingCluster | None:
    """Two meeting words tied in one phrase ("will meet ... for the summit", "the summit, hosted
    by X") describe one meeting unless their dates or places disagree."""
    if not clusters:
        return None
    c = clusters[-1]
    # "the round of talks ... that X was to have hosted": near any word of the meeting's phrase
    near = [
        x
        for x in c.mentions
        if x.sentence == m.sentence
        and dependency_distance(parse, x.trigger, m.trigger) <= 3
        and not _in_sequence(parse, x.trigger, m.trigger)
    ]
    if not near:
        return None
    if (
        m.date
        and c.date
        and m.date.value
        and c.date.value
        and not (m.date.value.startswith(c.date.value) or c.date.value.startswith(m.date.value))
    ):
        return None
    cp = c.place
    if m.place and cp and m.place.country and cp.country and m.place.country != cp.country:
        return None
    if m.visitors and c.visitors and not m.visitors & c.visitors:
        return None  # "X summoned Y's envoy, and Y responded by summoning X's": two summonses
    if m.status and c.status and (m.status, c.status) in CONFLICT:
        m.status = None  # the nearer clause (a participle: "hosted by") does not set the status
    return c


#: Words that set one happening before or after another ("came a day after X hosted Y").
SEQUENCE_WORDS = frozenset({"after", "before", "since", "until", "following"})


def _in_sequence(parse: Parse, a: int, b: int) -> bool:
    """One of the two words sits in a clause told as before or after the other's ("The Antalya
    meeting came a day after Erdogan hosted Herzog"): two happenings."""
    up_a = [a, *parse.ancestors(a)]
    up_b = [b, *parse.ancestors(b)]
    common = next((k for k in up_a if k in up_b), None)
    t = parse.tokens
    for k in (
        [*up_a[: up_a.index(common)], *up_b[: up_b.index(common)]] if common is not None else []
    ):
        marks = {t[c].text.lower() for c in parse.dep_children(k, "mark", "advmod")}
        if t[k].dep == "advcl" and marks & SEQUENCE_WORDS:
            return True
        if t[k].dep == "pcomp" and t[t[k].head].text.lower() in SEQUENCE_WORDS:
            return True
    return False


def _best_cluster(m: MeetingMention, clusters: list[MeetingCluster]) -> MeetingCluster | None:
    candidates = [c for c in clusters if _compatible(m, c)]
    if not candidates:
        return None
    codes = {c for c in (party_code(e) for e in m.parties) if c} - m.joiners
    if not (m.definite or (codes and any(_overlaps(codes, c.sides) for c in candidates))):
        return None
    return max(
        candidates,
        key=lambda c: (
            bool(codes & c.sides),
            m.forum is not None and any(x.forum == m.forum for x in c.mentions),
            m.entry.lemma in c.lemmas,
            c.last_sentence,
        ),
    )


def _within(a: str, b: str, m: MeetingMention, c: MeetingCluster) -> bool:
    """Two days of one multi-day meeting: 'a two-day visit' from Wednesday and talks on
    Thursday."""
    try:
        da, db = date.fromisoformat(a), date.fromisoformat(b)
    except ValueError:
        return False
    # "a second day of talks on Monday" and "the talks, which opened on Sunday": one meeting
    span = max([m.days, m.day_of, *(x.days for x in c.mentions), *(x.day_of for x in c.mentions)])
    return abs((da - db).days) < span


def _overlaps(a: set[str], b: set[str]) -> bool:
    return bool(a & b) and (a <= b or b <= a or len(a & b) >= 2)


def _months_differ(a: TimeExpression, b: TimeExpression) -> bool:
    """Two dates in different months, also when neither could be anchored to a year ("in
    March" and "on Tuesday (May 16)" in an undated article): two meetings, not one."""
    ma, mb = _month(a), _month(b)
    return ma is not None and mb is not None and ma != mb


def _month(t: TimeExpression) -> int | None:
    if t.value is not None:
        return int(t.value[5:7]) if len(t.value) >= 7 and t.value[4] == "-" else None
    if t.kind not in {"date", "range", "month"}:  # the time stage read a month name there
        return None
    named = {MONTHS[w] for w in re.findall(r"[a-z]+", t.text.lower()) if w in MONTHS}
    return named.pop() if len(named) == 1 else None


def _compatible(m: MeetingMention, c: MeetingCluster) -> bool:
    # attending a meeting already reported: its tense and day are the attendance's (a summit
    # under way is attended on one of its days; "will attend the summit on Sunday")
    if m.status and c.status and (m.status, c.status) in CONFLICT and not m.attending:
        return False
    same_day = m.date is not None and c.date is not None and m.date.value == c.date.value
    further = m.further and m.sentence > c.last_sentence and m.status == "planned"
    if further and not same_day:
        return False  # "X is also due to be received by Y": one more meeting of the visit
    cd = c.date
    if m.date and cd and m.date.value and cd.value and not m.attending:
        a, b = m.date.value, cd.value
        same = a.startswith(b) or b.startswith(a)
        if not same and (not _within(a, b, m, c) or _other_counterparts(m, c)):
            return False
    elif not m.attending:
        mine = m.date or m.undated
        theirs = cd or next((x.undated for x in c.mentions if x.undated is not None), None)
        if mine is not None and theirs is not None and _months_differ(mine, theirs):
            return False
    cp = c.place
    if m.place and cp and m.place.country and cp.country and m.place.country != cp.country:
        return False
    if m.place and cp and m.place.kind == "city" and cp.kind == "city" and m.place.name != cp.name:
        return False
    codes = {party_code(e) for e in m.parties} - {None} - m.joiners
    if codes and c.codes and not codes & c.sides and not _told_again(m, c):
        return False
    if m.visitors and c.visitors and not m.visitors & c.visitors:
        return False  # "Trump's visit to Riyadh" and "the crown prince's visit": two visits
    if (
        m.bilateral
        and any(x.entry.lemma in GATHERING_WORDS and not x.bilateral for x in c.mentions)
    ) or (m.gathering and any(x.bilateral for x in c.mentions)):
        return False  # "a summit on Thursday" and "a bilateral meeting arranged for Thursday"
    if "meeting.tour_legs" in m.found_by and not (codes - m.visitors) <= c.codes:
        return False  # one leg of a tour joins only a meeting with its own host
    forums = {x.forum.id for x in c.mentions if x.forum}
    return not (m.forum and forums and m.forum.id not in forums)


def _told_again(m: MeetingMention, c: MeetingCluster) -> bool:
    """ "... at a joint summit in Dar es Salaam co-chaired by X and Y. The joint summit of the
    EAC and SADC was hosted by Z": a definite gathering word told again in the next sentence
    names more of the same gathering's parties."""
    return (
        m.definite
        and m.gathering
        and any(x.gathering and x.entry.lemma == m.entry.lemma for x in c.mentions)
        and m.sentence - c.last_sentence <= 1
    )


def _beside_gatherings(clusters: list[MeetingCluster]) -> None:
    """ "X will co-chair a two-day summit in Tokyo from Thursday ... A bilateral meeting with Y
    arranged for Thursday": a bilateral meeting with no place of its own, told beside a
    gathering it shares a party with and held on one of its days, is held where it is."""
    for c in clusters:
        if c.place is not None or c.date is None or not any(m.bilateral for m in c.mentions):
            continue
        for g in clusters:
            if g is c or g.place is None or g.date is None or not c.codes & g.sides:
                continue
            if not any(m.gathering for m in g.mentions):
                continue
            days = max(m.days for m in g.mentions)
            if _day_within(c.date.value, g.date.value, days):
                c.mentions[0].place = g.place
                break


def _other_counterparts(m: MeetingMention, c: MeetingCluster) -> bool:
    """ "On Sunday, Blinken held talks with Qin" beside "Blinken met Xi on Monday", within
    one two-day visit: meetings on two days with two different people across the table are
    two meetings, though the visit joins them."""
    mine = {e.id for e in m.parties if e.kind == "person"}
    theirs = {e.id for x in c.mentions for e in x.parties if e.kind == "person"}
    return bool(mine & theirs) and bool(mine - theirs) and bool(theirs - mine)


def _during_visits(clusters: list[MeetingCluster]) -> None:
    """A meeting of a visitor with no place of its own, held on a day of a placed visit of
    theirs, is held where the visit is."""
    for c in clusters:
        if c.place is not None or c.date is None or c.date.granularity != "day":
            continue
        for g in clusters:
            if g is c or g.place is None or g.date is None or not c.codes & g.visitors:
                continue
            if not any(m.entry.mode == "visit" for m in g.mentions):
                continue
            days = max(m.days for m in g.mentions)
            if _within(c.date.value or "", g.date.value or "", c.mentions[0], g) or (
                days > 1 and _day_within(c.date.value, g.date.value, days)
            ):
                c.mentions[0].place = g.place
                break


def _day_within(day: str | None, first: str | None, days: int) -> bool:
    try:
        d, f = date.fromisoformat(day or ""), date.fromisoformat(first or "")
    except ValueError:
        return False
    return 0 <= (d - f).days < days
