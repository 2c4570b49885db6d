"""Meeting dates: which day of a sentence belongs to a meeting.

A date that only modifies another noun, or that dates the clause governing the meeting's own
("agreed on Monday to hold talks in May"), is not the meeting's; a called-off meeting keeps the
day it was set for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from ..model import TimeExpression
from .arguments import dependency_distance, span_root
from .meeting_places import _other_clause
from .meeting_records import MeetingCluster
from .status import CALENDAR_WORDS, SCHEDULED, cancels
from .syntax import Parse
from .withdrawal import withdrawn_from


def _best_date(parse: Parse, trigger: int, dates: list[TimeExpression]) -> TimeExpression | None:
    """The date of the meeting: the most precise date attached near the trigger; a date that
    only modifies another noun ("NATO's 2011 intervention") or a bare year far away in the tree
    ("recognised it in 1777") is not the meeting's date."""
    usable = []
    agreeing = _agreed_to(parse, trigger)
    # "the summit due to be held in November was scrapped on Friday": a called-off meeting
    # keeps the date it was set for, told in a clause of its own
    set_for = _set_date_span(parse, trigger)
    dated_plan = any(parse.tokens[k].lemma.lower() in CALENDAR_WORDS for k in set_for)
    set_for |= _opening_span(parse, trigger)
    for t in dates:
        last = span_root(parse, t.start, t.end)
        if agreeing is not None and parse.governing_verb(last) == agreeing:
            continue  # "had agreed on Thursday to the talks": Thursday dates the agreeing
        tok = parse.tokens[last]
        if tok.dep in {"compound", "nummod", "amod", "poss", "nmod"} and tok.head != trigger:
            continue
        if _other_clause(parse, last, trigger) and last not in set_for:
            continue
        if dated_plan and parse.governing_verb(last) == _calling_off(parse, trigger):
            continue  # "pulled out on Thursday of talks set for Monday": Thursday dates the act
        dist = dependency_distance(parse, last, trigger)
        if t.granularity == "year" and dist > 3 and not _set_in_own_clause(parse, last, trigger):
            continue
        usable.append((t, dist))
    if not usable:
        return None
    # "agreed on Monday to hold talks in May": Monday dates the agreeing, May the talks
    inner = [u for u in usable if not _of_governing_clause(parse, u[0], trigger)]
    usable = inner or usable
    # "a package agreed during Khan's visit to Riyadh in October", said on Saturday: a date
    # hung on the meeting word itself is its own, before one of a clause around it
    usable = [u for u in usable if _on_trigger(parse, u[0], trigger)] or usable
    usable = [u for u in usable if parse.token_at(u[0].start) in set_for] or usable
    order = {"day": 0, "month": 1, "year": 2}
    return min(usable, key=lambda p: (order.get(p[0].granularity or "year", 3), p[1]))[0]


_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_UNIT_DAYS = {"day": 1, "days": 1, "week": 7, "weeks": 7}


def offset_date(
    parse: Parse,
    trigger: int,
    dates: list[TimeExpression],
    earlier: Sequence[TimeExpression] = (),
    triggers: Sequence[int] = (),
) -> TimeExpression | None:
    """ "said on Wednesday, a day after Albanese held talks in Port Vila": a meeting told after
    "<n> days after/before", with no date told after those words, is that many days
    before (after) the last day told before them in its sentence; in a sentence with no date
    ("His words came a day after he held talks"), the last day told before it (``earlier``),
    unless a meeting word (one of ``triggers``) comes before those words: that meeting's day
    dates it, once known (``dated_by_sequence``)."""
    t = parse.tokens
    sentence = parse.annotated.sentence_at(t[trigger].start)
    first = sentence.first_token if sentence is not None else trigger
    for k in range(trigger - 3, first - 1, -1):
        count, unit, link = t[k].text.lower(), t[k + 1].text.lower(), t[k + 2].text.lower()
        if not (count in _COUNTS and unit in _UNIT_DAYS and link in {"after", "before"}):
            continue
        if t[trigger].head == k + 2:
            return None  # "met Putin on July 3, a day before the summit": the summit is a mark
        phrase = t[k].start
        if any(d.start >= phrase for d in dates):
            return None  # "a day after talks in Nairobi on Tuesday": the talks' own day
        if not dates and any(first <= j < k for j in triggers):
            return None  # "The Antalya meeting came a day after ...": dated by that meeting
        days = [d for d in (dates or list(earlier)) if d.end <= phrase and d.granularity == "day"]
        told = max(days, key=lambda d: d.end, default=None)
        if told is None or not told.value or len(told.value) != 10:
            return None
        n = _COUNTS[count] * _UNIT_DAYS[unit]
        day = date.fromisoformat(told.value) + timedelta(days=-n if link == "after" else n)
        return replace(told, value=day.isoformat(), value_end=None, kind="relative")
    return None


#: Links from a date up to the verb whose subject is the meeting, within the meeting's own
#: clause: "the next meeting is due to be held in Kathmandu early next year".
_OWN_CLAUSE_LINKS = frozenset({"prep", "pobj", "npadvmod", "advmod", "xcomp", "acomp", "amod"})


def _set_in_own_clause(parse: Parse, i: int, trigger: int) -> bool:
    """The date hangs, through complements only, on the verb the meeting word is subject of."""
    t = parse.tokens
    if t[trigger].dep not in {"nsubj", "nsubjpass"}:
        return False
    k = i
    while t[k].dep in _OWN_CLAUSE_LINKS and t[k].head != k:
        k = t[k].head
        if k == t[trigger].head:
            return True
    return False


def _calling_off(parse: Parse, trigger: int) -> int | None:
    """The verb that calls the meeting off ("the summit ... was scrapped", "pulled out of talks
    with X"), or None."""
    tok = parse.tokens[trigger]
    if tok.dep in {"nsubj", "nsubjpass", "dobj"} and cancels(parse, tok.head):
        return tok.head
    return withdrawn_from(parse, trigger)


def _set_date_span(parse: Parse, trigger: int) -> set[int]:
    """The tokens of the plan a cancelled meeting noun carries ("due to be held in November",
    "scheduled for March 17"), when the verb it hangs on calls it off; else none."""
    t = parse.tokens
    if _calling_off(parse, trigger) is None:
        return set()
    plans = [
        k
        for k in parse.children[trigger]
        if t[k].dep in {"acl", "amod", "relcl"} and t[k].lemma.lower() in SCHEDULED | {"due"}
    ]
    # "a meeting between X and President Y, which had been arranged for Thursday": the parser
    # hangs the "which" clause on the nearest name; a "which" never describes a person
    plans += [
        k
        for k in parse.subtree(trigger)
        if k != trigger
        and t[k].dep == "relcl"
        and t[k].lemma.lower() in SCHEDULED | {"due"}
        and any(t[w].text.lower() == "which" for w in parse.dep_children(k, "nsubj", "nsubjpass"))
    ]
    return {x for k in plans for x in parse.subtree(k)}


#: Verbs by which a meeting itself opens or runs: "a meeting of G20 ministers that opens in
#: the city on Wednesday", "talks which began on Monday".
OPENING = frozenset({"open", "begin", "start", "convene", "close", "end", "conclude", "run"})


def _opening_span(parse: Parse, trigger: int) -> set[int]:
    """The tokens of a relative clause in the meeting noun's phrase that tells the meeting open
    or end with no object of its own, wherever the parser hung it ("a meeting of Group of 20
    foreign ministers that opens in the city on Wednesday": the ministers do not open)."""
    t = parse.tokens
    if t[trigger].pos not in {"NOUN", "PROPN"}:
        return set()
    clauses = [
        k
        for k in parse.subtree(trigger)
        if k != trigger
        and t[k].dep == "relcl"
        and t[k].lemma.lower() in OPENING
        and not parse.dep_children(k, "dobj")
    ]
    return {x for k in clauses for x in parse.subtree(k)}


#: Prepositions that put a date on the meeting itself ("talks in October", "met on Monday").
OWN_DATE_PREPS = frozenset({"in", "on", "at", "during"})


def _on_trigger(parse: Parse, t: TimeExpression, trigger: int) -> bool:
    """The date hangs on the meeting word: "visit to Riyadh in October", "met Monday"."""
    tok = parse.tokens[span_root(parse, t.start, t.end)]
    if tok.head == trigger and tok.dep in {"npadvmod", "tmod", "obl:tmod"}:
        return True
    prep = parse.tokens[tok.head]
    return (
        tok.dep == "pobj"
        and prep.head == trigger
        and prep.dep == "prep"
        and prep.text.lower() in OWN_DATE_PREPS
    )


def _of_governing_clause(parse: Parse, t: TimeExpression, trigger: int) -> bool:
    """The date hangs on a verb that governs the meeting's own clause through a complement
    ("agreed on Monday to meet", "said on Friday the talks would ..."), not on that clause."""
    own = parse.governing_verb(trigger)
    above = set()
    k = own
    while parse.tokens[k].dep in {"xcomp", "ccomp"} and parse.tokens[k].head != k:
        k = parse.tokens[k].head
        above.add(k)
    if not above:
        return False
    at = parse.governing_verb(span_root(parse, t.start, t.end))
    return at in above


#: Verbs of agreeing to or proposing a meeting: their day is not the meeting's.
AGREEING = frozenset(
    {"agree", "accept", "propose", "offer", "suggest", "approve", "endorse", "consent", "welcome"}
)


def _agreed_to(parse: Parse, noun: int) -> int | None:
    """The verb a meeting noun is agreed to or proposed by ("agreed on Thursday to the talks",
    "proposed talks on Monday"), or None."""
    t = parse.tokens
    tok = t[noun]
    head = t[tok.head]
    verb = head.head if tok.dep == "pobj" and head.text.lower() in {"to", "for"} else tok.head
    if tok.dep not in {"dobj", "pobj"} or t[verb].lemma.lower() not in AGREEING:
        return None
    return verb


def dated_by_sequence(parse: Parse, clusters: list[MeetingCluster]) -> None:
    """ "The Antalya meeting (Thursday) came a day after Erdogan hosted Herzog": a meeting told
    in a clause so many days after or before a dated meeting takes that day; "On the eve of the
    summit, Tinubu received Faye": the day before the summit's."""
    t = parse.tokens
    owner = {m.trigger: c for c in clusters for m in c.mentions}
    for c in clusters:
        if c.date is not None:
            continue
        for m in c.mentions:
            verb = m.trigger if t[m.trigger].pos == "VERB" else parse.governing_verb(m.trigger)
            shifted = _after_or_before(parse, verb, c, owner) or _on_the_eve(parse, verb, c, owner)
            if shifted is not None:
                m.date = shifted
                break


def _shift(told: TimeExpression | None, days: int) -> TimeExpression | None:
    if told is None or told.granularity != "day" or not told.value:
        return None
    day = (date.fromisoformat(told.value[:10]) + timedelta(days=days)).isoformat()
    return replace(told, value=day, value_end=None, kind="relative")


def _after_or_before(
    parse: Parse, verb: int, c: MeetingCluster, owner: dict[int, MeetingCluster]
) -> TimeExpression | None:
    t = parse.tokens
    marks = {t[k].text.lower() for k in parse.dep_children(verb, "mark")}
    if t[verb].dep != "advcl" or not marks & {"after", "before"}:
        return None
    days = [k for k in parse.dep_children(verb, "npadvmod") if t[k].lemma.lower() == "day"]
    counts = [t[n].text.lower() for k in days for n in parse.children[k]]
    n = next((_COUNTS[w] for w in counts if w in _COUNTS), None)
    heads = [t[verb].head, *parse.dep_children(t[verb].head, "nsubj", "nsubjpass")]
    other = next((owner[h] for h in heads if h in owner and owner[h] is not c), None)
    if n is None or other is None:
        return None
    return _shift(other.date, -n if "after" in marks else n)


def _on_the_eve(
    parse: Parse, verb: int, c: MeetingCluster, owner: dict[int, MeetingCluster]
) -> TimeExpression | None:
    """ "On the eve of the summit" hung on the meeting's verb: the day before that meeting."""
    t = parse.tokens
    for on in parse.preps(verb, "on"):
        if t[on].lemma.lower() != "eve":
            continue
        for noun in parse.preps(on, "of"):
            other = owner.get(noun)
            if other is not None and other is not c:
                return _shift(other.date, -1)
    return None
