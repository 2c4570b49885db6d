"""Meetings: find every mention of a meeting, then cluster mentions into meeting events.

A meeting is a CONSULT event with a ``meeting`` block. One meeting is usually mentioned several
times ("Ministers of A and B are to hold talks in X on Tuesday ... The session opens at 10:00
... the session's agenda"); mentions merge when nothing contradicts (date, place, participants,
status) and the later one refers back (a definite noun phrase) or repeats the participants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TypeVar

from ..model import Entity, PlaceMention, Status, TimeExpression
from .arguments import (
    PARTY_PREPS,
    SETTLEMENT_NOUNS,
    TOPIC_STOPS,
    dependency_distance,
    nearest_trigger,
    noun_parties,
    parties_under,
    party_code,
    place_descriptor,
    places_in_sentence,
    premodifier_parties,
    span_root,
    times_in_sentence,
    verb_parties,
)
from .lexicon import Entry, Lexicon
from .status import REPORTING, measure_head, status_of
from .syntax import Parse

T = TypeVar("T")
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her"})
VAGUE = frozenset(
    {
        "several",
        "many",
        "some",
        "various",
        "numerous",
        "few",
        "multiple",
        "any",
        "one",
        "no",
        "every",
        "each",
        "regular",
        "frequent",
        "such",
        "more",
    }
)
CONFLICT = {
    ("planned", "occurred"),
    ("occurred", "planned"),
    ("occurred", "cancelled"),
    ("cancelled", "occurred"),
    ("hypothetical", "occurred"),  # "proposed a meeting" ... "held talks": the talks took place
    ("occurred", "hypothetical"),
    ("hypothetical", "ongoing"),
    ("ongoing", "hypothetical"),
}
PRESS = frozenset(
    {"press", "news", "video", "phone", "telephone", "media", "virtual", "online", "remote"}
)
REMOTE = frozenset(
    {
        "video",
        "videoconference",
        "videolink",
        "link",
        "phone",
        "telephone",
        "zoom",
        "teleconference",
    }
)
ORDINAL_ROUNDS = frozenset(
    {"next", "new", "another", "second", "third", "fourth", "fifth", "sixth", "final", "further"}
)
# "the two leaders", "both sides": the parties of the meeting reported just before
PAIR_NOUNS = frozenset(
    {"leader", "side", "minister", "president", "country", "nation", "delegation", "government"}
)


@dataclass(slots=True)
class MeetingMention:
    trigger: int
    sentence: int
    entry: Entry
    parties: list[Entity]
    forum: Entity | None
    place: PlaceMention | None
    date: TimeExpression | None
    clock: TimeExpression | None
    status: Status | None
    definite: bool
    vague: bool
    visitors: frozenset[str] = frozenset()  # codes of who travels, for visits
    pair: bool = False  # subject is "the two leaders", "both sides"
    frame: int | None = None  # the meeting whose sidelines it was on
    aside: bool = False  # "on the sidelines" with no meeting named: of the latest summit
    joiners: frozenset[str] = frozenset()  # "X attended the talks": X joins a known meeting
    lead_place: PlaceMention | None = None  # the dateline's place, for a mention in the lead
    attending: bool = False  # "X will attend the summit on Sunday": X's attendance, not the summit
    days: int = 1  # "a two-day visit", "a three-day summit"
    hosted: bool = False  # met unnamed officials ("met government officials in Hanoi")


@dataclass(slots=True)
class MeetingCluster:
    """A meeting being assembled from its mentions (mutable while the article is read)."""

    mentions: list[MeetingMention] = field(default_factory=list)

    @property
    def codes(self) -> set[str]:
        return {c for m in self.mentions for c in (party_code(e) for e in m.parties) if c}

    @property
    def sides(self) -> set[str]:
        """Its participants and, for a visit, summons or hosted meeting, the host country."""
        place = self.place
        return self.codes | ({place.country} if self.hosted and place and place.country else set())

    @property
    def hosted(self) -> bool:
        """A visit, summons or summit, or a meeting with the unnamed officials of the place:
        the venue's country takes part as host."""
        return any(m.entry.mode in HOSTED_MODES or m.hosted for m in self.mentions)

    @property
    def lemmas(self) -> set[str]:
        return {m.entry.lemma for m in self.mentions}

    @property
    def visitors(self) -> set[str]:
        return {c for m in self.mentions for c in m.visitors}

    def first(self, attr: str) -> object:
        for m in self.mentions:
            value = getattr(m, attr)
            if value is not None:
                return value
        return None

    @property
    def date(self) -> TimeExpression | None:
        dated = [m.date for m in self.mentions if m.date is not None and not m.attending]
        dated = dated or [m.date for m in self.mentions if m.date is not None]
        return max(dated, key=_date_rank) if dated else None

    @property
    def place(self) -> PlaceMention | None:
        placed = [m.place for m in self.mentions if m.place is not None]
        return max(placed, key=_place_rank) if placed else None

    @property
    def status(self) -> Status | None:
        own = [m for m in self.mentions if not m.attending] or self.mentions
        known = [m.status for m in own if m.status is not None]
        if "cancelled" in known:
            return "cancelled"
        return known[0] if known else None

    @property
    def last_sentence(self) -> int:
        return self.mentions[-1].sentence


PLACE_RANK = {"venue": 3, "city": 2, "country": 1}


def _place_rank(p: PlaceMention) -> tuple[int, int]:
    """The most precise place wins: a venue, then a city, then a country; a region
    ("the Middle East") only when nothing else is named. Ties keep the first told."""
    return (p.venue is not None, PLACE_RANK.get(p.kind, 0))


def _date_rank(t: TimeExpression) -> tuple[int, int]:
    order = {"year": 0, "month": 1, "day": 2, "hour": 3, "minute": 4}
    return order.get(t.granularity or "year", 0), -t.start


def find_meeting_mentions(
    parse: Parse,
    lexicon: Lexicon,
    times: tuple[TimeExpression, ...],
    places: tuple[PlaceMention, ...],
) -> list[MeetingMention]:
    """Every meeting mention in the article, with what its own sentence says about it."""
    out: list[MeetingMention] = []
    found = _dateline(parse, places)
    dateline = found[2] if found else None
    lead = parse.sentence_index(parse.token_at(found[0])) if found else -1
    dateline_end = found[1] if found else 0
    if lead >= 0 and parse.annotated.sentences[lead].end <= dateline_end + 1:
        lead += 1  # "SEOUL, April 15 (Yonhap) --" split off as a sentence of its own
    for n, _sentence in enumerate(parse.annotated.sentences):
        triggers = [
            (i, e) for i in parse.sentence_tokens(n) if (e := _trigger_entry(parse, lexicon, i))
        ]
        if not triggers:
            continue
        idx = [i for i, _ in triggers]
        stamped = [
            t
            for t in times_in_sentence(parse, times, n)
            if t.start >= dateline_end and not _of_the_report(parse, t.start, idx)
        ]
        own_times = _assign(parse, [(t.start, t) for t in stamped], idx)  # not the filing date
        own_places = _assign(
            parse,
            [
                (p.start, p)
                for p in places_in_sentence(parse, places, n)
                if not _of_the_report(parse, p.start, idx)
            ],
            idx,
        )
        here = places_in_sentence(parse, places, n)
        for i, entry in triggers:
            m = _mention(parse, i, n, entry, own_times.get(i, []), own_places.get(i, []))
            if m.place is None:
                m.place = _where_clause_place(parse, i, here)
            # the dateline places the lead's meeting, and a meeting with the unnamed officials
            # of the place the report is filed from ("HANOI - ... met government officials")
            m.lead_place = dateline if n == lead or m.hosted else None
            if n == lead:  # "KAZAN, Russia (Reuters) -": no party of the lead
                m.parties = [e for e in m.parties if _named_after(e, dateline_end, parse, n)]
            out.extend(_per_destination(parse, m, here))
    _arrival_places(parse, places, out, times)
    return out


def _per_destination(
    parse: Parse, m: MeetingMention, here: list[PlaceMention]
) -> list[MeetingMention]:
    """'state visits to Senegal and Rwanda', 'visited Hanoi and Vientiane': one visit per
    destination in another country, each with the visitor, its host and its place."""
    if m.entry.mode != "visit":
        return [m]
    i = m.trigger
    heads = parse.preps(i, "to") if parse.tokens[i].pos == "NOUN" else parse.dep_children(i, "dobj")
    dests = [c for h in heads[:1] for c in parse.conjuncts(h)]
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
    out = []
    for place, host in stops:
        part = replace(m, place=place, parties=[*shared, *([host] if host else [])])
        out.append(part)
    return out


ARRIVAL_VERBS = frozenset({"arrive", "land"})


def _of_the_report(parse: Parse, offset: int, triggers: list[int]) -> bool:
    """'X said in Belgrade on Friday that he expected little from the next meeting': the place
    and day belong to the saying, whose clause holds the meeting word, not to the meeting."""
    tok = parse.token_at(offset)
    above = list(parse.ancestors(tok))
    if any(i in above for i in triggers):
        return False  # inside a meeting's own phrase: "the summit in Peru"
    verb = next((a for a in above if parse.tokens[a].pos in {"VERB", "AUX"}), None)
    if verb is None or parse.tokens[verb].lemma.lower() not in REPORTING or verb in triggers:
        return False
    return any(verb in parse.ancestors(i) for i in triggers)


def _arrival_places(
    parse: Parse,
    places: tuple[PlaceMention, ...],
    mentions: list[MeetingMention],
    times: tuple[TimeExpression, ...] = (),
) -> None:
    """'X arrived in Warsaw on Monday. He will hold talks with Y on Tuesday': a meeting with no
    place of its own, held by a person who arrived somewhere in that sentence or the one
    before, is where they arrived. An arrival told in the next sentence counts too when it is
    dated no later than the meeting ('Li met Pham on Tuesday. Pham arrived in Beijing on
    Sunday for a four-day visit')."""
    arrivals: list[tuple[int, frozenset[str], PlaceMention]] = []
    arrived_on: dict[int, str] = {}
    for tok in parse.tokens:
        if tok.pos != "VERB" or tok.lemma.lower() not in ARRIVAL_VERBS:
            continue
        n = parse.sentence_index(tok.i)
        where = _best_place(parse, tok.i, places_in_sentence(parse, places, n))
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
        ids = {e.id for e in m.parties}
        earlier = _sequence_prep(parse, m.trigger) is not None  # "arrived ... after talks"
        met_on = m.date.value if m.date is not None and m.date.granularity == "day" else None
        for n, who, where in arrivals:
            told_after = (
                n == m.sentence + 1 and met_on is not None and arrived_on.get(n, "9") <= met_on
            )
            near = n <= m.sentence <= n + 1 or told_after
            if near and who & ids and not (earlier and n == m.sentence):
                m.place = where
                break


def _named_after(e: Entity, offset: int, parse: Parse, n: int) -> bool:
    s = parse.annotated.sentences[n]
    here = [span.start for span in e.mentions if s.start <= span.start < s.end]
    after = [k for k in here if k >= offset and not place_descriptor(parse, parse.token_at(k))]
    return not here or bool(after)


def _dateline_end(text: str, start: int) -> int:
    """Where the dateline that starts at ``start`` ends: after its dash."""
    line_end = text.find("\n", start)
    line = text[start : line_end if line_end >= 0 else len(text)]
    dash = re.search(r"\s(?:-{1,2}|\u2013|\u2014)\s|\)\s*(?:-{1,2}|\u2013|\u2014)", line)
    return start + dash.end() if dash and dash.start() < 80 else start


DATELINE_END = re.compile(r"^\s*(?:,[^,\n(]{2,30})?\s*(?:,|\(|[-\u2013\u2014]|\d)")


def _dateline(
    parse: Parse, places: tuple[PlaceMention, ...]
) -> tuple[int, int, PlaceMention | None] | None:
    """The dateline ("ANKARA, May 3 (Reuters) -", "Hanoi (VNA) -"): a name written first on a
    line near the start of the text, in capitals or followed by an agency, then a date, an agency
    or a dash. Returns its start, where it ends (after the dash) and its place where the name is
    a known city."""
    text = parse.text
    head = text[:300]
    for line_start in [0] + [k + 1 for k, ch in enumerate(head) if ch == "\n"]:
        line = text[line_start : line_start + 120]
        word = re.match(r"\s*([A-Z][A-Za-z.' ]{1,30}?)(?=\s*(?:,|\(|\s[-\u2013\u2014]))", line)
        if not word:
            continue
        name = word.group(1).strip()
        rest = line[word.end(1) :]
        if not (name.isupper() and len(name) > 3) and not re.match(r"\s*\([^)]{1,30}\)", rest):
            continue
        if not DATELINE_END.match(rest):
            continue
        at = line_start + line.index(name)
        end = _dateline_end(text, at)
        found = [p for p in places if p.text.lower() == name.lower() and p.kind != "country"]
        place = replace(found[0], start=at, end=at + len(name), text=name) if found else None
        return at, end, place
    return None


def _assign(parse: Parse, items: list[tuple[int, T]], triggers: list[int]) -> dict[int, list[T]]:
    """Give each time/place of a sentence to the trigger nearest to it in the tree."""
    out: dict[int, list[T]] = {}
    for offset, item in items:
        tok = parse.tokens[parse.token_at(offset)]
        while tok.dep == "compound" and tok.head != tok.i:
            tok = parse.tokens[tok.head]
        owner = parse.tokens[tok.head]  # "a summit in Laos": the noun its preposition is under
        if tok.dep == "pobj" and owner.dep == "prep" and owner.head in triggers:
            out.setdefault(owner.head, []).append(item)
            continue
        best = nearest_trigger(parse, parse.token_at(offset), triggers)
        if best is not None:
            out.setdefault(best, []).append(item)
    return out


def _remote(parse: Parse, i: int) -> bool:
    """'met virtually', 'held talks by video link', 'spoke over the phone': no in-person meeting."""
    for owner in {i, parse.governing_verb(i)}:
        for k in parse.children[owner]:
            if parse.tokens[k].text.lower() in {"virtually", "remotely", "online"}:
                return True
        objs = parse.preps(owner, "by", "via", "over", "through")
        if any(parse.tokens[o].lemma.lower() in REMOTE for o in objs):
            return True
    return False


def _trigger_entry(parse: Parse, lexicon: Lexicon, i: int) -> Entry | None:
    tok = parse.tokens[i]
    lemma = tok.lemma.lower()
    if _remote(parse, i):
        return None
    if tok.pos == "NOUN" or (tok.pos == "PROPN" and lemma in {"summit", "talks"}):
        entry = lexicon.meeting_nouns.get(lemma)
        return entry if entry and _noun_ok(parse, i, entry) else None
    if tok.pos == "VERB" or (tok.pos == "ADJ" and tok.tag == "VBG"):
        entry = lexicon.meeting_verbs.get(lemma)
        return entry if entry and _verb_ok(parse, i, entry) else None
    return None


# "recalled its ambassador for consultations": a diplomatic protest, not a meeting
RECALL_VERBS = frozenset({"recall", "summon", "call", "bring", "withdraw", "return", "order"})


def _recalled_for(parse: Parse, i: int) -> bool:
    t = parse.tokens
    prep = t[i].head
    return (
        t[i].dep == "pobj"
        and t[prep].text.lower() == "for"
        and t[t[prep].head].lemma.lower() in RECALL_VERBS
    )


def _noun_ok(parse: Parse, i: int, entry: Entry) -> bool:
    tok = parse.tokens[i]
    mods = {parse.tokens[k].text.lower() for k in parse.children[i]}
    if mods & PRESS or _recalled_for(parse, i):
        return False
    kind, words = entry.need_kind, entry.need_words
    if kind == "plural":
        return tok.tag in {"NNS", "NNPS"} or tok.text.lower() == "talks"
    if kind == "not":
        return not mods & words
    if kind == "mod":  # "a courtesy call", not "a phone call"
        return bool(mods & words)
    if kind == "of":
        if mods & ORDINAL_ROUNDS:  # "the next round", "a new round" of an ongoing negotiation
            return True
        objs = parse.preps(i, "of")
        return any(parse.tokens[o].lemma.lower() in words for o in objs) or bool(
            {parse.tokens[k].lemma.lower() for k in parse.children[i]}
            & {"negotiating", "negotiation"}
        )
    if kind == "forum":  # "a session of the Security Council", not "was at the session"
        own = premodifier_parties(parse, i) + parties_under(parse, parse.preps(i, *PARTY_PREPS))
        return any(e.kind in {"igo", "body"} for e in own)
    if kind == "actor":
        return bool(noun_parties(parse, i))
    return True


MESSAGES = frozenset(
    {
        "call",
        "phone",
        "letter",
        "message",
        "invitation",
        "request",
        "note",
        "cable",
        "congratulation",
        "greeting",
        "condolence",
        "proposal",
        "reply",
        "response",
        "statement",
        "decision",
        "news",
        "report",
    }
)


def _verb_ok(parse: Parse, i: int, entry: Entry) -> bool:
    kind = entry.need_kind
    if entry.mode == "host" and entry.lemma not in {"receive", "welcome"}:
        # "Russia is hosting the summit": the summit is the mention, its host one of its parties
        lex = {"summit", "meeting", "talk", "conference", "round", "negotiation", "session"}
        for o in parse.dep_children(i, "dobj"):
            dets = {parse.tokens[k].text.lower() for k in parse.children[o]}
            if parse.tokens[o].lemma.lower() in lex and dets & DEFINITE:
                return False
    if parse.dep_children(i, "auxpass") and entry.lemma in {"meet", "receive", "welcome"}:
        # "the calls were met with responses", "the plan was welcomed": not an encounter
        agents = parse.preps(i, "by", "with")
        if not any(e.kind in {"person", "state", "igo"} for e in parties_under(parse, agents)):
            return False
    if kind == "person":
        objs = parse.objects(i)  # "received his Greek counterpart X"
        if any(parse.tokens[o].lemma.lower() in MESSAGES for o in objs):
            return False  # "received a call from X", "welcomed the letter of X"
        return any(e.kind in {"person", "state"} for e in parties_under(parse, objs))
    if kind == "venue":  # "was informed (about the decision) at the ministry"
        venues = {"ministry", "office", "embassy", "chancellery"}
        return any(parse.tokens[o].lemma.lower() in venues for o in _at_objects(parse, i))
    if kind == "actor":
        return bool(verb_parties(parse, i))
    if kind == "subject":  # "leaders of X gathered", not "ministers gathered in X"
        subj = parse.dep_children(i, "nsubj")  # the nearest: a dateline can parse as one too
        return bool(subj) and bool(parties_under(parse, [max(subj)]))
    if kind == "on":
        return _calls_on(parse, i)
    if kind == "with":  # "sat down with X", not "sat down to eat"
        return bool(parties_under(parse, parse.preps(i, "with")))
    if kind == "envoy":
        return _sends_envoy(parse, i)
    return True


def _sends_envoy(parse: Parse, i: int) -> bool:
    """'dispatched its foreign minister to Khartoum', 'sent an envoy to Damascus': a named
    person or an envoy noun sent to a place; not troops, aid or letters."""
    t = parse.tokens
    if not parse.preps(i, "to"):
        return False
    objs = parse.dep_children(i, "dobj")
    named = [e for e in parties_under(parse, objs) if e.kind == "person"]
    envoys = [o for h in objs for o in parse.conjuncts(h) if t[o].lemma.lower() in ENVOY_NOUNS]
    return bool(named or envoys)


ENVOY_NOUNS = frozenset(
    {
        "envoy",
        "ambassador",
        "minister",
        "delegation",
        "commissioner",
        "diplomat",
        "official",
        "emissary",
        "representative",
        "mission",
    }
)


def _calls_on(parse: Parse, i: int) -> bool:
    """'The ambassador called on the prime minister': a person pays a call on an office-holder;
    'X called on Y to do Z' or 'called on Y for restraint' is an appeal."""
    if parse.dep_children(i, "xcomp", "ccomp", "advcl") or parse.preps(i, "for"):
        return False
    hosts = parties_under(parse, parse.preps(i, "on"))
    if not any(e.kind in {"person", "state"} for e in hosts):
        return False
    subj = parse.dep_children(i, "nsubj")
    if not subj and parse.tokens[i].dep == "acl":
        subj = [parse.tokens[i].head]
    callers = parties_under(parse, subj)
    return any(e.kind == "person" for e in callers) or any(
        parse.tokens[k].lemma.lower() in ENVOY_NOUNS for k in subj
    )


def _mention(
    parse: Parse,
    i: int,
    n: int,
    entry: Entry,
    times: list[TimeExpression],
    places: list[PlaceMention],
) -> MeetingMention:
    tok = parse.tokens[i]
    is_noun = tok.pos in {"NOUN", "PROPN"}
    parties = noun_parties(parse, i) if is_noun else verb_parties(parse, i)
    if entry.need_kind == "on":  # "called on the prime minister"
        parties += [e for e in parties_under(parse, parse.preps(i, "on")) if e not in parties]
    if is_noun:
        parties += [e for e in _governor_parties(parse, i) if e not in parties]
    parties += [e for e in _mediators(parse, i) if e not in parties]
    if is_noun:
        parties += [e for e in _speakers(parse, i) if e not in parties]
    forum = (
        next((e for e in parties if e.kind == "body"), None)
        or _framework_forum(parse, i)
        or _organisation_forum(parse, i, is_noun)
        or _members_forum(parties, entry)
    )
    dets = {
        parse.tokens[k].text.lower()
        for k in parse.children[i]
        if parse.tokens[k].dep in {"det", "poss", "nummod", "amod"}
    }
    has_poss = any(parse.tokens[k].dep == "poss" for k in parse.children[i])
    dates = [t for t in times if t.value and t.granularity in {"day", "month", "year"}]
    clocks = [t for t in times if t.kind == "time"]
    frame = _sidelines_of(parse, i)
    return MeetingMention(
        trigger=i,
        sentence=n,
        entry=entry,
        parties=parties,
        forum=forum,
        place=_best_place(parse, i, places) or _setting_place(parse, frame, places),
        date=_best_date(parse, i, dates),
        clock=clocks[0] if clocks else None,
        status=status_of(parse, i),
        definite=is_noun and (bool(dets & DEFINITE) or has_poss),
        vague=(is_noun and (bool(dets & VAGUE) or (not dets and not parties)))
        or _habitual(parse, i),
        visitors=_visitors(parse, i, is_noun) if entry.mode == "visit" else frozenset(),
        pair=_pair_subject(parse, i) or (is_noun and _their_own(parse, i)),
        frame=frame if frame is not None and frame >= 0 else None,
        aside=frame == -1,
        joiners=_joiners(parse, i) if is_noun else frozenset(),
        days=_duration(parse, i) if is_noun else 1,
        hosted=_meets_officials(parse, i, is_noun),
        attending=is_noun
        and (bool(dets & DEFINITE) or has_poss)
        and tok.dep == "dobj"
        and parse.tokens[tok.head].lemma.lower() in ATTEND_VERBS,
    )


DURATIONS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "week": 7}


def _duration(parse: Parse, noun: int) -> int:
    """'a two-day visit', 'the 3-day summit', 'a week-long tour': how many days it lasts."""
    for k in parse.subtree(noun):
        if k >= noun:
            continue
        words = parse.text[parse.tokens[k].start : parse.tokens[noun].start].lower()
        found = re.match(r"(two|three|four|five|six|seven|[2-7])[- ]days?\b|(week)[- ]?long", words)
        if found:
            word = found.group(1) or found.group(2)
            return int(word) if word.isdigit() else DURATIONS[word]
    return 1


ATTEND_VERBS = frozenset({"attend", "join", "address", "skip", "boycott", "miss"})


JOIN_VERBS = frozenset(
    {"attend", "join", "host", "chair", "convene", "organise", "organize", "address"}
)


SPEECH_VERBS = frozenset(
    {"say", "tell", "announce", "declare", "warn", "urge", "speak", "stress", "add", "note"}
)
PHASES = frozenset({"close", "end", "opening", "start", "beginning", "sideline", "margin"})


def _speakers(parse: Parse, noun: int) -> list[Entity]:
    """'X said at the close of the summit', 'X told the summit', 'X spoke at the conference':
    who speaks there attends."""
    tok = parse.tokens[noun]
    if tok.dep == "dobj" and parse.tokens[tok.head].lemma.lower() in {"tell", "address"}:
        verb = tok.head
    else:
        k = noun
        for _ in range(2):  # "at the close of the summit": up through a phase noun
            prep = parse.tokens[k].head
            if parse.tokens[k].dep != "pobj" or parse.tokens[prep].text.lower() != "of":
                break
            if parse.tokens[parse.tokens[prep].head].lemma.lower() not in PHASES:
                break
            k = parse.tokens[prep].head
        prep = parse.tokens[k].head
        if parse.tokens[k].dep != "pobj" or parse.tokens[prep].text.lower() not in {
            "at",
            "to",
            "in",
            "during",
        }:
            return []
        verb = parse.tokens[prep].head
    if parse.tokens[verb].lemma.lower() not in SPEECH_VERBS | {"address"}:
        return []
    return parties_under(parse, parse.dep_children(verb, "nsubj"))


def _joiners(parse: Parse, noun: int) -> frozenset[str]:
    """Codes of those who attend or join a meeting named by a definite noun ("Sudan, which
    attended the talks as an observer"): they add to that meeting's parties."""
    tok = parse.tokens[noun]
    if tok.dep != "dobj" or parse.tokens[tok.head].lemma.lower() not in JOIN_VERBS:
        return frozenset()
    return frozenset(
        c for c in (party_code(e) for e in _governor_parties(parse, noun)) if c is not None
    )


# unnamed counterparts who stand for the state where the meeting is held
OFFICIAL_NOUNS = frozenset(
    {
        "official",
        "leader",
        "authority",
        "counterpart",
        "government",
        "minister",
        "president",
        "premier",
        "king",
        "emir",
        "host",
        "diplomat",
        "representative",
        "lawmaker",
        "parliamentarian",
        "deputy",
        "head",
    }
)


def _meets_officials(parse: Parse, i: int, is_noun: bool) -> bool:
    """'met with several top government officials', 'talks with his hosts', 'met the
    president': the other side is named only as officials, so the place says whose."""
    t = parse.tokens
    heads = parse.preps(i, "with")
    if not is_noun:
        heads += parse.dep_children(i, "dobj")
    elif t[i].dep == "dobj":
        heads += parse.preps(t[i].head, "with")
    for h in heads:
        for c in parse.conjuncts(h):
            if t[c].lemma.lower() in OFFICIAL_NOUNS and not any(
                k in parse.entity_at for k in parse.subtree(c, TOPIC_STOPS)
            ):
                return True
    return False


def _their_own(parse: Parse, i: int) -> bool:
    """'Their last meeting was in Bali': a meeting owned by "their", naming no party itself,
    is one of the pair reported before."""
    poss = [k for k in parse.children[i] if parse.tokens[k].dep == "poss"]
    if not poss or parse.tokens[poss[0]].text.lower() != "their":
        return False
    own = premodifier_parties(parse, i) + parties_under(parse, parse.preps(i, *PARTY_PREPS))
    return not own


def _pair_subject(parse: Parse, i: int) -> bool:
    """'The two leaders will meet again', 'both sides held talks'."""
    verb = parse.governing_verb(i)
    subjects = parse.dep_children(verb, "nsubj", "nsubjpass")
    for _ in range(2):  # "the two leaders are due to meet": up through open complements
        if subjects or parse.tokens[verb].dep not in {"xcomp", "advcl", "acomp"}:
            break
        verb = parse.tokens[verb].head
        subjects = parse.dep_children(verb, "nsubj", "nsubjpass")
    for s in subjects:
        tok = parse.tokens[s]
        words = {parse.tokens[k].text.lower() for k in parse.children[s]}
        if tok.lemma.lower() in PAIR_NOUNS and words & {"two", "both"}:
            return True
        if tok.text.lower() == "two" and words & {"the"}:  # "the two held talks"
            return True
    return False


def _sidelines_of(parse: Parse, i: int) -> int | None:
    """'On the sidelines of the summit, X met Y': the meeting noun whose sidelines these are;
    -1 for sidelines of no named meeting ('On the sidelines, X met Y')."""
    for owner in (i, parse.governing_verb(i)):
        for p in parse.preps(owner, "on", "at", "in", "during"):
            if parse.tokens[p].lemma.lower() in {"sideline", "margin", "sidelines", "margins"}:
                inner = parse.preps(p, "of")
                return inner[0] if inner else -1
    return None


def _members_forum(parties: list[Entity], entry: Entry) -> Entity | None:
    """'Leaders of the G7 gathered for a summit': an organisation alone among the parties of a
    summit or meeting is its forum."""
    if entry.mode in {"summit", "meet"} and len(parties) == 1 and parties[0].kind == "igo":
        return parties[0]
    return None


VISIT_CARRIERS = frozenset(
    {"pay", "make", "begin", "start", "undertake", "conduct", "end", "conclude", "wrap", "cut"}
)


def _visitors(parse: Parse, i: int, is_noun: bool) -> frozenset[str]:
    """Who makes the visit: the possessor or "by" agent of a visit noun ("Trump's visit", "a
    visit by the crown prince"), the subject of a visit verb. Empty when not said."""
    if is_noun:
        heads = [k for k in parse.children[i] if parse.tokens[k].dep == "poss"]
        heads += parse.preps(i, "by")
        t = parse.tokens
        carrier = t[i].head
        paid = t[i].dep == "dobj" and t[carrier].lemma.lower() in VISIT_CARRIERS
        on_visit = t[i].dep == "pobj" and t[carrier].text.lower() == "on"  # "X is on a visit"
        if not heads and (paid or on_visit):
            verb = carrier if paid else t[carrier].head
            heads = [k for k in parse.dep_children(verb, "nsubj") if t[k].pos != "PRON"]
        found = parties_under(parse, heads)
    else:
        found = parties_under(parse, parse.dep_children(i, "nsubj"))
    return frozenset(c for c in (party_code(e) for e in found) if c)


HABITUAL = frozenset(
    {
        "continuously",
        "regularly",
        "repeatedly",
        "often",
        "frequently",
        "constantly",
        "routinely",
        "periodically",
        "sometimes",
        "usually",
    }
)


def _habitual(parse: Parse, i: int) -> bool:
    """'have been negotiating continuously', 'meet regularly': an aggregate, not one meeting."""
    verb = parse.governing_verb(i)
    return any(parse.tokens[k].text.lower() in HABITUAL for k in parse.children[verb])


SIDE_MARKS = frozenset({"since", "because", "although", "though", "after", "before", "until"})


def _other_clause(parse: Parse, i: int, trigger: int) -> bool:
    """Token ``i`` sits in a clause of its own, with its own subject, beside the meeting's:
    a coordinated clause ("held talks with X, and the G7 announced aid to Kyiv"), a clause of
    reason or sequence ("his first meeting with Y since he took office last week") or one
    describing someone else ("met Y, whose government took office in May")."""
    own = parse.governing_verb(trigger)
    for a in [i, *parse.ancestors(i)]:
        if a in (own, trigger):
            return False
        tok = parse.tokens[a]
        if tok.pos not in {"VERB", "AUX"} or tok.dep not in {"conj", "advcl", "relcl"}:
            continue
        if trigger in set(parse.subtree(a)):
            return False
        if not parse.dep_children(a, "nsubj", "nsubjpass", "nsubj:pass"):
            continue
        if tok.dep == "relcl":  # "talks with Y, whose government took office in May"
            return tok.head != trigger and tok.lemma.lower() not in ARRIVAL_VERBS | VISIT_VERBS
        marks = {parse.tokens[k].text.lower() for k in parse.dep_children(a, "mark", "advmod")}
        return tok.dep == "conj" or bool(marks & SIDE_MARKS)
    return False


def _best_date(parse: Parse, trigger: int, dates: list[TimeExpression]) -> TimeExpression | None:
    """The date of the meeting: the most precise date attached near the trigger; a date that
    only modifies another noun ("NATO's 2011 intervention") or a bare year far away in the tree
    ("recognised it in 1777") is not the meeting's date."""
    usable = []
    for t in dates:
        last = span_root(parse, t.start, t.end)
        tok = parse.tokens[last]
        if tok.dep in {"compound", "nummod", "amod", "poss", "nmod"} and tok.head != trigger:
            continue
        if _other_clause(parse, last, trigger):
            continue
        dist = dependency_distance(parse, last, trigger)
        if t.granularity == "year" and dist > 3:
            continue
        usable.append((t, dist))
    if not usable:
        return None
    order = {"day": 0, "month": 1, "year": 2}
    return min(usable, key=lambda p: (order.get(p[0].granularity or "year", 3), p[1]))[0]


LOCATIVE = frozenset({"in", "at", "to", "near", "outside", "inside", "for", "into"})


def _where_clause_place(
    parse: Parse, trigger: int, places: list[PlaceMention]
) -> PlaceMention | None:
    """'flew to Suva, where the two held talks', 'a trip to Tanzania, where he was due to meet
    X': a meeting in a "where" clause is at the place the clause describes."""
    verb = parse.governing_verb(trigger)
    for _ in range(3):  # "where he was due to meet": up through open complements
        tok = parse.tokens[verb]
        if tok.dep == "relcl" or tok.head == verb:
            break
        if tok.dep not in {"xcomp", "acomp", "conj"}:
            return None
        verb = tok.head
    tok = parse.tokens[verb]
    if tok.dep != "relcl" or not any(
        parse.tokens[k].text.lower() == "where" for k in parse.dep_children(verb, "advmod")
    ):
        return None
    noun = tok.head
    for p in places:
        first, last = parse.token_range(p.start, p.end)
        if first <= noun <= last and p.kind != "region":
            return p
    return None


VISIT_VERBS = frozenset({"visit", "tour"})


def _visited(parse: Parse, p: PlaceMention) -> bool:
    """'will visit Mexico City': the place a visit verb takes as its object."""
    last = parse.token_at(max(p.start, p.end - 1))
    tok = parse.tokens[last]
    return tok.dep == "dobj" and parse.tokens[tok.head].lemma.lower() in VISIT_VERBS


def _best_place(parse: Parse, trigger: int, places: list[PlaceMention]) -> PlaceMention | None:
    """The place a meeting is located at: introduced by a locative preposition ("in Geneva",
    "at NATO headquarters", "visit to Morocco") or visited ("visit Rabat"), never a
    participant ("US-Russia talks")."""
    located = [
        p
        for p in places
        if (_locative(parse, p) or _visited(parse, p))
        and not _in_topic(parse, p, trigger)
        and not _other_clause(parse, parse.token_at(p.start), trigger)
    ]
    frame = _sequence_prep(parse, trigger)
    if frame is not None:  # "arrived in Quito after talks with X": Quito is the arrival's
        inside = set(parse.subtree(frame))
        located = [p for p in located if parse.token_at(p.start) in inside]
    if not located:
        return _institution_venue(parse, trigger)
    return min(
        located,
        key=lambda p: (
            dependency_distance(parse, parse.token_at(p.start), trigger),
            p.kind == "country",
        ),
    )


SEQUENCE_PREPS = frozenset({"after", "following", "before", "from"})


def _sequence_prep(parse: Parse, trigger: int) -> int | None:
    """The 'after'/'before' preposition a meeting word sits under, within its clause."""
    for a in parse.ancestors(trigger):
        tok = parse.tokens[a]
        if tok.dep == "prep" and tok.text.lower() in SEQUENCE_PREPS:
            return a
        if tok.pos in {"VERB", "AUX"}:
            return None
    return None


TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning", "against"})


def _in_topic(parse: Parse, p: PlaceMention, trigger: int) -> bool:
    """'talks on a ceasefire in Gaza': the place belongs to the topic, not to the meeting.
    A venue introduced by "at" is the meeting's, however the parser attached it."""
    first = parse.token_at(p.start)
    if (first > 0 and parse.tokens[first - 1].text.lower() == "at") or p.kind == "venue":
        return False
    for a in parse.ancestors(first):
        if a == trigger:
            return False
        tok = parse.tokens[a]
        if tok.dep == "prep" and tok.text.lower() in TOPIC_PREPS:
            return True
        if tok.lemma.lower() in TOPIC_HEADS and tok.pos in {"NOUN", "VERB"}:
            return True  # "met ... to discuss the situation in Syria"
    return False


# what a meeting is about: a place under these is the topic's ("to discuss the war in Sudan")
TOPIC_HEADS = frozenset(
    {
        "discuss",
        "review",
        "address",
        "examine",
        "situation",
        "crisis",
        "war",
        "conflict",
        "developments",
        "fighting",
        "violence",
    }
)


def _institution_venue(parse: Parse, trigger: int) -> PlaceMention | None:
    """'informed at the Russian Foreign Ministry': a national institution as the venue."""
    for o in _at_objects(parse, parse.governing_verb(trigger)):
        for e in parse.entities_in(parse.subtree(o)):
            if e.kind == "organization" and e.country and len(e.country) == 3:
                span = e.mentions[0]
                return PlaceMention(
                    span.start,
                    span.end,
                    span.text,
                    name=e.name,
                    country=e.country,
                    lat=None,
                    lon=None,
                    kind="venue",
                    venue=e.name,
                )
    return None


def _at_objects(parse: Parse, verb: int) -> list[int]:
    """Objects of "at" phrases under a verb, also where the parser hung them on its object."""
    out = []
    for k in parse.subtree(verb, frozenset({"relcl", "ccomp", "advcl"})):
        tok = parse.tokens[k]
        if (
            tok.dep == "prep"
            and tok.text.lower() == "at"
            and dependency_distance(parse, k, verb) <= 3
        ):
            out += parse.dep_children(k, "pobj")
    return out


def _locative(parse: Parse, p: PlaceMention) -> bool:
    first = parse.token_at(p.start)
    last = parse.token_at(max(p.start, p.end - 1))
    if first > 0 and parse.tokens[first - 1].text.lower() in LOCATIVE:
        return True
    noun = _settlement_noun(parse, last)
    if noun is not None:  # "in the Kazakh capital Astana", "in the Russian city of Kazan"
        for k in (noun, last):
            head = parse.tokens[parse.tokens[k].head]
            if head.dep == "prep" and head.text.lower() in LOCATIVE | {"on"}:
                return True  # "on the Italian island of Capri"
            if _locative_token(parse, min(parse.subtree(k))):
                return True
    head = parse.tokens[parse.tokens[last].head]
    if head.dep in {"prep"} and head.text.lower() in LOCATIVE:
        return True
    if head.dep == "appos" or parse.tokens[last].dep == "appos":  # "in Moscow, Russia"
        return _locative_token(parse, parse.tokens[parse.tokens[last].head].i)
    return False


def _settlement_noun(parse: Parse, last: int) -> int | None:
    """The noun a place name is the name of: "capital" in "the Kazakh capital Astana" (or
    "Astana, the Kazakh capital"), "city" in "the city of Kazan"."""
    tok = parse.tokens[last]
    head = parse.tokens[tok.head]
    if tok.dep == "pobj" and head.text.lower() == "of":
        head = parse.tokens[head.head]
    elif tok.dep not in {"appos", "compound", "npadvmod", "nmod"}:
        # the name as head of the phrase: "the Kazakh capital Astana" parsed with "capital" under it
        kids = [
            k for k in parse.children[last] if parse.tokens[k].lemma.lower() in SETTLEMENT_NOUNS
        ]
        return kids[0] if kids else None
    return head.i if head.lemma.lower() in SETTLEMENT_NOUNS else None


def _locative_token(parse: Parse, i: int) -> bool:
    return i > 0 and parse.tokens[i - 1].text.lower() in LOCATIVE


BROKER_VERBS = frozenset(
    {"mediate", "facilitate", "broker", "host", "sponsor", "organize", "organise", "convene"}
)


AUSPICES = frozenset({"auspices", "auspice", "aegis", "mediation", "sponsorship"})


def _mediators(parse: Parse, i: int) -> list[Entity]:
    """'talks ..., mediated by X and Y', 'the summit, hosted by X', 'talks under the auspices
    of X': brokers take part too."""
    out: list[Entity] = []
    for head in {i, parse.governing_verb(i)}:
        for k in parse.children[head]:
            tok = parse.tokens[k]
            if tok.dep in {"acl", "advcl", "relcl"} and tok.lemma.lower() in BROKER_VERBS:
                out += parties_under(parse, parse.preps(k, "by"))
        for k in parse.preps(head, "under"):
            if parse.tokens[k].text.lower() in AUSPICES:
                out += parties_under(parse, parse.preps(k, "of"))
    return out


def _organisation_forum(parse: Parse, i: int, is_noun: bool) -> Entity | None:
    """'the BRICS summit', 'an African Union summit', 'a meeting of the Arab League': the
    organisation whose meeting it is."""
    if not is_noun:
        return None
    pre = premodifier_parties(parse, i)
    of = parties_under(parse, parse.preps(i, "of"))
    return next((e for e in pre + of if e.kind == "igo"), None)


def _governor_parties(parse: Parse, noun: int) -> list[Entity]:
    """'A and B held talks', 'delegations of A and B attending the meeting',
    'A hosted the summit'."""
    noun = measure_head(parse, noun)
    tok = parse.tokens[noun]
    if tok.dep not in {"dobj", "nsubjpass"}:
        return []
    verb = tok.head
    if parse.tokens[verb].lemma.lower() not in {
        "hold",
        "host",
        "attend",
        "have",
        "conduct",
        "begin",
        "start",
        "open",
        "resume",
        "join",
        "chair",
        "continue",
        "wrap",
        "conclude",
        "end",
        "pay",
        "make",
        "grant",
        "address",
        "organise",
        "organize",
        "convene",
    }:
        return []
    heads = [
        h for h in parse.dep_children(verb, "nsubj") if parse.tokens[h].tag not in {"WP", "WDT"}
    ]
    vt = parse.tokens[verb]
    if not heads and vt.dep in {"acl", "relcl"}:  # "Sudan, which attended the talks"
        heads = [vt.head]
    if not heads and vt.dep in {"xcomp", "advcl", "conj"} and vt.head != verb:
        heads = parse.dep_children(vt.head, "nsubj")  # "A and B agreed to hold a summit"
    heads += parse.preps(verb, "with", "between", "to")
    return parties_under(parse, heads)


def _framework_forum(parse: Parse, i: int) -> Entity | None:
    """A named body in the trigger's sentence introduced as its framework or host body."""
    n = parse.sentence_index(i)
    for k in parse.sentence_tokens(n):
        hit = parse.entity_at.get(k)
        if hit is not None and hit.entity.kind == "body" and hit.first == k:
            prev = {parse.tokens[j].text.lower() for j in range(max(0, k - 4), k)}
            if prev & {"framework", "auspices", "within", "at", "of"}:
                return hit.entity
    return None


# --- clustering -----------------------------------------------------------------------------


TRACK_WORDS = frozenset({"round", "talk", "negotiation", "consultation", "meeting", "session"})


def cluster_mentions(parse: Parse, mentions: list[MeetingMention]) -> list[MeetingCluster]:
    clusters: list[MeetingCluster] = []
    _frame_asides(mentions)
    for m in mentions:
        if m.pair:
            paired = next((c for c in reversed(clusters) if len(c.codes) >= 2), None)
            m.parties += [
                e for e in (_track_parties(paired) if paired else []) if e not in m.parties
            ]
        target = _same_phrase(parse, m, clusters) or _best_cluster(m, clusters)
        if target is not None:
            target.mentions.append(m)
        elif not m.vague and (m.parties or m.forum or m.place or m.date):
            if not m.parties and m.entry.lemma in TRACK_WORDS and clusters and (m.date or m.place):
                last = clusters[-1]
                if last.last_sentence == m.sentence and _compatible(m, last):
                    last.mentions.append(m)  # "welcomed X to Suva, where they held talks"
                    continue
                m.parties = list(_track_parties(last))  # "a new round of talks"
            clusters.append(MeetingCluster([m]))
    _inherit_frames(clusters)
    for c in clusters:
        _dateline_fallback(c)
    return [
        c
        for c in clusters
        if _two_sided(c) and c.status not in UNREAL and not _only_a_frame(c, clusters)
    ]


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


def _inherit_frames(clusters: list[MeetingCluster]) -> None:
    """A meeting on the sidelines of another takes its place and date when it has none."""
    owner = {m.trigger: c for c in clusters for m in c.mentions}
    for c in clusters:
        for m in c.mentions:
            host = owner.get(m.frame) if m.frame is not None else None
            if host is None or host is c:
                continue
            if c.place is None and host.place is not None:
                m.place = host.place
            if c.date is None and host.date is not None:
                m.date = host.date


def _dateline_fallback(c: MeetingCluster) -> None:
    """A meeting reported in the lead sentence with no place of its own, which took place or is
    under way, is where the report is filed from ("TEHRAN (Reuters) - Iran summoned ...")."""
    if c.place is not None or c.status in {"planned", "cancelled"}:
        return
    first = next((m for m in c.mentions if m.lead_place is not None), None)
    if first is not None and first.lead_place is not None:
        first.place = first.lead_place


# A meeting that did not or may not happen is not reported as a meeting ("did not meet",
# "could hold talks"): only meetings that took place, are under way, are planned or were
# called off are events.
UNREAL = frozenset({"negated", "hypothetical"})
HOSTED_MODES = frozenset({"visit", "summon", "summit", "host"})


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
    for m in c.mentions:
        out += [e for e in m.parties if e not in out and e.kind in {"state", "igo"}]
    return out


def _same_phrase(
    parse: Parse, m: MeetingMention, clusters: list[MeetingCluster]
) -> MeetingCluster | None:
    """Two meeting words tied in one phrase ("will meet ... for the summit", "the summit, hosted
    by X") describe one meeting unless their dates or places disagree."""
    if not clusters:
        return None
    c = clusters[-1]
    last = c.mentions[-1]
    if last.sentence != m.sentence or dependency_distance(parse, last.trigger, m.trigger) > 3:
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
    if m.status and c.status and (m.status, c.status) in CONFLICT:
        m.status = None  # the nearer clause (a participle: "hosted by") does not set the status
    return c


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
    span = max([m.days, *(x.days for x in c.mentions)])
    return abs((da - db).days) < span


def _overlaps(a: set[str], b: set[str]) -> bool:
    return bool(a & b) and (a <= b or b <= a or len(a & b) >= 2)


def _compatible(m: MeetingMention, c: MeetingCluster) -> bool:
    # attending a meeting already reported: its tense and day are the attendance's (a summit
    # under way is attended on one of its days; "will attend the summit on Sunday")
    if m.status and c.status and (m.status, c.status) in CONFLICT and not m.attending:
        return False
    cd = c.date
    if m.date and cd and m.date.value and cd.value and not m.attending:
        a, b = m.date.value, cd.value
        if not (a.startswith(b) or b.startswith(a) or _within(a, b, m, c)):
            return False
    cp = c.place
    if m.place and cp and m.place.country and cp.country and m.place.country != cp.country:
        return False
    if m.place and cp and m.place.kind == "city" and cp.kind == "city" and m.place.name != cp.name:
        return False
    codes = {party_code(e) for e in m.parties} - {None} - m.joiners
    if codes and c.codes and not codes & c.sides:
        return False
    if m.visitors and c.visitors and not m.visitors & c.visitors:
        return False  # "Trump's visit to Riyadh" and "the crown prince's visit": two visits
    forums = {x.forum.id for x in c.mentions if x.forum}
    return not (m.forum and forums and m.forum.id not in forums)
