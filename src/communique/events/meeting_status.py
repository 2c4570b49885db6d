"""A reported meeting's status from its days: under way on the report's day, or ahead of it.

under_way(parse, cluster, when) -> bool     (meeting.under_way)
status_from_date(when, published) -> Status
"""

from __future__ import annotations

from datetime import date, timedelta

from ..model import Status, When
from .meeting_records import MeetingCluster
from .status_phrases import under_way as takes_under_way
from .syntax import Parse

#: Verbs that tell a meeting's start, resumption or convening ("talks began", "entered a
#: second day", "leaders gathered in Hiroshima for a three-day summit").
STARTING = frozenset(
    {"begin", "start", "open", "enter", "resume", "continue", "kick", "gather", "convene",
     "assemble"}
)  # fmt: skip
#: Verbs that tell a meeting's end ("talks ended", "wrapped up").
ENDING = frozenset({"end", "conclude", "close", "wrap", "finish", "collapse", "adjourn"})
#: Verbs of a journey's stages ("arrived on a two-day visit"), which leave a visit under way.
JOURNEYS = frozenset({"arrive", "land", "travel", "fly", "stop"})


def under_way(parse: Parse, c: MeetingCluster, when: When | None) -> bool:
    """meeting.under_way: a meeting told as past is still going on on the day of the report
    when it is told in the past progressive on that day or with no day ("were holding talks in
    Cairo on Monday"), when it lasts several days from a start before or on that day ("arrived
    on Wednesday on a two-day visit"), or when it began, resumed or convened that day or the
    day before and no telling of it says it ended ("resumed talks in London on Monday") or
    tells it held in the simple past ("US and Ukrainian officials met in Jeddah on Tuesday" in
    a report of "talks that began on Tuesday")."""
    published = parse.annotated.article.published
    t = parse.tokens
    nth = max(m.day_of for m in c.mentions)
    if nth >= 2 and not _ended(parse, c):  # "talks entered a third day on Monday"
        day = when is not None and when.granularity == "day"
        told = date.fromisoformat((when.end or when.start)[:10]) if when and day else None
        return (
            published is None or told is None or published - timedelta(days=1) <= told <= published
        )
    # "met ... on Thursday", "held talks with X": a meeting held within the visit is over
    verbs = [m.trigger if t[m.trigger].pos == "VERB" else t[m.trigger].head for m in c.mentions]
    verbs += [parse.governing_verb(m.trigger) for m in c.mentions]  # "gathered ... for a summit"
    day = when is not None and when.granularity == "day"
    start = date.fromisoformat(when.start[:10]) if when is not None and day else None
    if any(_begun_now(parse, v) for v in verbs) and not _ended(parse, c):
        return start is None or published is None or start == published  # "have begun talks"
    if any(_past_progressive(parse, v) for v in verbs) and (
        start is None or published is None or start == published
    ):
        return True
    if start is None or published is None:
        return False
    days = max(m.days for m in c.mentions)
    held = any(
        _told_past(parse, v)
        and t[v].lemma.lower() not in STARTING | JOURNEYS
        and not _got_under_way(parse, v)
        for v in verbs[: len(c.mentions)]
    )
    if days >= 2 and start <= published < start + timedelta(days=days) and not held:
        return True
    recent = published - timedelta(days=1) <= start <= published
    opened = any(t[v].lemma.lower() in STARTING or _got_under_way(parse, v) for v in verbs)
    return recent and not _ended(parse, c) and opened and not held


def _told_past(parse: Parse, verb: int) -> bool:
    """ "met", "was received by": a simple past, active or passive."""
    t = parse.tokens
    if t[verb].tag == "VBD":
        return True
    was = {t[a].text.lower() for a in parse.dep_children(verb, "auxpass")} & {"was", "were"}
    return t[verb].tag == "VBN" and bool(was)


def _got_under_way(parse: Parse, verb: int) -> bool:
    """'got under way', 'got underway': begun."""
    return parse.tokens[verb].lemma.lower() == "get" and takes_under_way(parse, verb)


def _ended(parse: Parse, c: MeetingCluster) -> bool:
    """A sentence telling the meeting also tells an end ("talks resumed ... and ended")."""
    t = parse.tokens
    return any(
        t[k].lemma.lower() in ENDING and t[k].pos == "VERB"
        for m in c.mentions
        for k in parse.sentence_tokens(m.sentence)
    )


PERFECT = frozenset({"has", "have", "'ve"})


def _begun_now(parse: Parse, verb: int) -> bool:
    """'have begun talks', 'has opened a summit': a start told in the present perfect."""
    t = parse.tokens
    return (
        t[verb].tag == "VBN"
        and t[verb].lemma.lower() in STARTING
        and any(
            t[k].dep == "aux" and t[k].text.lower() in {"has", "have"} for k in parse.children[verb]
        )
    )


def _past_progressive(parse: Parse, verb: int) -> bool:
    """'were holding talks': a verb in -ing under "was"/"were"."""
    t = parse.tokens
    return t[verb].tag == "VBG" and any(
        t[k].dep == "aux" and t[k].text.lower() in {"was", "were"} for k in parse.children[verb]
    )


#: Words of a time phrase that point ahead of the report ("later this week", "next month").
AHEAD = frozenset({"next", "later", "coming", "upcoming", "tomorrow"})


def status_from_date(when: When | None, published: object) -> Status:
    if when is not None and published is not None and when.start[:10] > str(published):
        return "planned"
    if when is not None and set(when.text.lower().split()) & AHEAD:
        return "planned"  # "travels on to Mali later this week": this week, still to come
    return "occurred"
