"""Meetings: every mention of a meeting in an article, with what its sentence says.

    find_meeting_mentions(parse, lexicon, times, places) -> [MeetingMention]
    cluster_mentions(parse, mentions) -> [MeetingCluster]    (meeting_clusters.py)

Steps, each in its own module: trigger words (meeting_triggers.py), parties, forum and who
visits (meeting_parties.py), place and date (meeting_places.py), clusters (meeting_clusters.py).
"""

from __future__ import annotations

from dataclasses import replace

from ..model import PlaceMention, Status, TimeExpression
from .absence import skipped_with
from .arguments import (
    SETTLEMENT_NOUNS,
    TRAVEL_VERBS,
    called_on,
    noun_parties,
    parties_under,
    party_code,
    premodifier_parties,
    speaker_of,
    travelled_for,
    verb_parties,
)
from .datelines import dateline as find_dateline
from .datelines import named_after
from .lexicon import Entry, Lexicon
from .meeting_attendance import attendance_parties
from .meeting_clusters import _setting_place
from .meeting_dates import _agreed_to, _best_date, offset_date
from .meeting_legs import _arrival_places
from .meeting_officials import meets_officials
from .meeting_parties import (
    ATTEND_VERBS,
    _addressed_while_meeting,
    _duration,
    _framework_forum,
    _governor_parties,
    _habitual,
    _joiners,
    _mediators,
    _members_forum,
    _organisation_forum,
    _sidelines_of,
    _speakers,
    _their_own,
    day_of,
    engaged_in,
    engaged_now,
    group_size,
    listed_after,
    told_within,
)
from .meeting_places import (
    _assign,
    _best_place,
    _of_the_report,
    _where_clause_place,
    at_seat,
)
from .meeting_records import DEFINITE, GATHERING_WORDS, VAGUE, MeetingMention
from .meeting_status import ENDING
from .meeting_tours import _per_destination
from .meeting_triggers import _trigger_entry
from .meeting_visitors import _visitors, summoned
from .sentence_spans import places_in_sentence, times_in_sentence
from .status import SCHEDULED, status_of
from .syntax import Parse

YEARLESS_KINDS = frozenset({"date", "month", "range"})  # "May 16", "in March": no year known


def find_meeting_mentions(
    parse: Parse,
    lexicon: Lexicon,
    times: tuple[TimeExpression, ...],
    places: tuple[PlaceMention, ...],
) -> list[MeetingMention]:
    """Every meeting mention in the article, with what its own sentence says about it."""
    out: list[MeetingMention] = []
    found = find_dateline(parse, places)
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
                if not _of_the_report(parse, p.start, idx) and p.start >= dateline_end
            ],
            idx,
        )
        here = places_in_sentence(parse, places, n)
        sent = parse.annotated.sentences[n]
        yearless = [
            t
            for t in times
            if sent.start <= t.start < sent.end
            and t.start >= dateline_end
            and t.value is None
            and t.kind in YEARLESS_KINDS
        ]
        told = [t for t in times_in_sentence(parse, times, n) if t.start >= dateline_end]
        before = [  # the latest day told before this sentence: the story's day so far
            t
            for k in range(n)
            for t in times_in_sentence(parse, times, k)
            if t.start >= dateline_end and t.granularity == "day"
        ][-1:]
        for i, entry in triggers:
            m = _mention(parse, i, n, entry, own_times.get(i, []), own_places.get(i, []))
            m.undated = _best_date(parse, i, yearless)  # compared only, never reported
            # "said on Wednesday, a day after X held talks": the day before the report's day
            m.date = offset_date(parse, i, told, before, idx) or m.date
            if at_seat(m.place):  # meeting.government_seat: "talks at the Kremlin"
                m.hosted = True
            where = _where_clause_place(parse, i, here)
            own = set(parse.subtree(parse.governing_verb(i)))
            if where is not None and (m.place is None or parse.token_at(m.place.start) not in own):
                m.place = where  # "returned to Washington from Cairo, where he held talks"
            if m.place is None:
                m.place = _leg_place(parse, i, here)
            if m.place is None and dateline is not None and _told_here(parse, i):
                m.place = dateline  # "BRIDGETOWN - The summit is taking place in this capital"
            # the dateline places the lead's meeting, and a meeting with the unnamed officials
            # of the place the report is filed from ("HANOI - ... met government officials")
            m.lead_place = dateline if n == lead or m.hosted else None
            m.filed_from = dateline
            if n == lead:  # "KAZAN, Russia (Reuters) -": no party of the lead
                m.parties = [e for e in m.parties if named_after(e, dateline_end, parse, n)]
            out.extend(_per_destination(parse, m, here, stamped))
        _described_within(parse, [m for m in out if m.sentence == n])
        _frame_triggers(parse, [m for m in out if m.sentence == n])
    _arrival_places(parse, places, out, times, dateline)
    return out


def _told_here(parse: Parse, i: int) -> bool:
    """The meeting's clause places it where the report is filed: "here", "in this capital"."""
    t = parse.tokens
    for k in parse.subtree(parse.governing_verb(i)):
        if t[k].text.lower() == "here" and t[k].dep == "advmod":
            return True
        this = any(t[d].text.lower() == "this" for d in parse.dep_children(k, "det"))
        if this and t[k].lemma.lower() in SETTLEMENT_NOUNS and t[t[k].head].text.lower() == "in":
            return True
    return False


def _frame_triggers(parse: Parse, here: list[MeetingMention]) -> None:
    """ "on the sidelines of the Commonwealth Heads of Government Meeting": the setting is the
    meeting word inside the phrase, whichever word of it the parser made its head."""
    for m in here:
        if m.frame is None:
            continue
        if not any(o.trigger == m.frame for o in here):
            inside = set(parse.subtree(m.frame))
            m.frame = next((o.trigger for o in here if o is not m and o.trigger in inside), m.frame)
        # the "with" side the parser hung on the setting is the sideline meeting's, not the
        # setting's ("a bilateral meeting on the sidelines of the summit with X")
        aside = parties_under(parse, parse.preps(m.frame, "with"))
        for o in here:
            if o.trigger == m.frame:
                o.parties = [e for e in o.parties if e not in aside]


def _described_within(parse: Parse, here: list[MeetingMention]) -> None:
    """ "The session of the X-Y committee, which was to have met in Algiers this month, was
    postponed": a meeting verb in a clause describing a meeting noun's phrase tells that
    meeting's place and day, which go to the noun."""
    for m in here:
        inside = set(parse.subtree(m.trigger))
        for o in here:
            if o is m or o.trigger not in inside or o.parties:
                continue
            if not any(
                parse.tokens[a].dep == "relcl"
                for a in (o.trigger, *parse.ancestors(o.trigger))
                if a in inside
            ):
                continue
            m.place = m.place or o.place
            m.date = m.date or o.date


#: Verbs a visit noun is the subject of when a leg of it is placed ("the visit began in X").
LEG_VERBS = frozenset({"start", "begin", "end", "conclude", "continue", "kick", "wrap"})


def _leg_place(parse: Parse, i: int, here: list[PlaceMention]) -> PlaceMention | None:
    """ "Clinton's visit to the region started in Sharm el-Sheikh, where she attended ...": the
    place where a visit begins or ends is its place, even when a later clause is set there."""
    t = parse.tokens
    if t[i].lemma.lower() != "visit" or t[i].dep != "nsubj":
        return None
    verb = t[i].head
    if t[verb].lemma.lower() not in LEG_VERBS:
        return None
    objs = set(parse.preps(verb, "in", "at"))
    return next((p for p in here if _covers(parse, p, objs)), None)


def _covers(parse: Parse, p: PlaceMention, heads: set[int]) -> bool:
    """Is one of the tokens ``heads`` inside the place's name?"""
    first, last = parse.token_at(p.start), parse.token_at(p.end - 1)
    return any(first <= k <= last for k in heads)


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
        parties += [e for e in parties_under(parse, called_on(parse, i)) if e not in parties]
    if is_noun:
        parties += [e for e in _governor_parties(parse, i) if e not in parties]
    if not is_noun:  # "Meeting in Jeddah, the crown prince told Blinken ...": Blinken too
        parties += [e for e in _addressed_while_meeting(parse, i) if e not in parties]
    parties += [e for e in _mediators(parse, i) if e not in parties]
    if is_noun:
        parties += [e for e in _speakers(parse, i) if e not in parties]
    if is_noun:  # "a meeting in Osaka where he told Xi ..."
        parties += [e for e in told_within(parse, i) if e not in parties]
    frame = _sidelines_of(parse, i)
    if frame is not None and frame >= 0:
        # "a bilateral meeting on the sidelines of the summit with X": the parser hangs the
        # "with" phrase on the summit; it names the meeting's other side
        parties += [e for e in parties_under(parse, parse.preps(frame, "with")) if e not in parties]
    attending, attendance = attendance_parties(parse, i) if is_noun else ([], [])
    parties += [e for e in attending if e not in parties]
    if len(parties) < 2:  # "... a meeting in Moscow. Those attending include X"
        parties += [e for e in listed_after(parse, n) if e not in parties]
    if is_noun and not parties:  # "a meeting at the OAS": the organisation meets
        parties = [e for e in parties_under(parse, parse.preps(i, "at")) if e.kind == "igo"]
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
    kid_lemmas = {parse.tokens[k].lemma.lower() for k in parse.children[i]}
    dates = [t for t in times if t.value and t.granularity in {"day", "month", "year"}]
    clocks = [t for t in times if t.kind == "time"]
    group = group_size(parse, i, is_noun)
    pair = bool(group) or (is_noun and _their_own(parse, i))
    return MeetingMention(
        trigger=i,
        sentence=n,
        entry=entry,
        parties=parties,
        forum=forum,
        place=_best_place(parse, i, places) or _setting_place(parse, frame, places),
        date=_of_next_year(parse, i, _best_date(parse, i, dates)),
        clock=clocks[0] if clocks else None,
        status=_agreed_status(
            parse,
            i,
            _departure(entry, _onward(parse, i, entry) or status_of(parse, i))
            or ("ongoing" if is_noun and engaged_now(parse, i) else None)
            or (_purpose_planned(parse, i) if is_noun else None),
        ),
        definite=is_noun and (bool(dets & DEFINITE) or has_poss),
        vague=(is_noun and (bool(dets & VAGUE) or (not dets and not parties and not pair)))
        or _habitual(parse, i)
        or (is_noun and _with_many(parse, i)),
        visitors=_visitors(parse, i, is_noun)
        if entry.mode == "visit"
        else summoned(parse, i)
        if entry.mode == "summon" and not is_noun
        else frozenset(),
        pair=pair,
        group=group or 2,
        frame=frame if frame is not None and frame >= 0 else None,
        aside=frame == -1,
        joiners=(_joiners(parse, i) if is_noun else frozenset())
        | {c for e in attending if (c := party_code(e))},
        days=_duration(parse, i) if is_noun else 1,
        day_of=day_of(parse, i) if is_noun else 1,
        closing=is_noun and tok.dep == "dobj" and parse.tokens[tok.head].lemma.lower() in ENDING,
        further=not is_noun and _also(parse, i),
        hosted=meets_officials(parse, i, is_noun) or (is_noun and travelled_for(parse, i)),
        bilateral=(bilateral := is_noun and "bilateral" in kid_lemmas),
        # "the summit" may be the bilateral one told before; "the first Korea-Africa summit"
        # is a gathering of its own
        gathering=is_noun
        and entry.lemma in GATHERING_WORDS
        and not bilateral
        and (not dets & DEFINITE or _named_gathering(parse, i)),
        engaged=is_noun and engaged_in(parse, i) is not None,
        attending=is_noun and (bool(dets & DEFINITE) or has_poss) and _attends(parse, i),
        found_by=tuple(attendance)
        + (("meeting.relative_subject",) if not is_noun and _relative(parse, i) else ())
        + (("meeting.speaker_pronoun",) if not is_noun and _speaker_pronoun(parse, i) else ())
        + (("meeting.skipped_with",) if is_noun and skipped_with(parse, i) else ()),
    )


def _speaker_pronoun(parse: Parse, i: int) -> bool:
    """Was the verb's subject "it"/"we" read as the speaker ("India said it had summoned X")?"""
    heads = parse.dep_children(i, "nsubj", "nsubjpass")
    return any(parse.tokens[h].text.lower() in {"it", "we"} for h in heads) and bool(
        speaker_of(parse, i)
    )


def _relative(parse: Parse, i: int) -> bool:
    """Was the verb's subject or guest a relative pronoun read as the phrase it describes?"""
    heads = parse.dep_children(i, "nsubj", "nsubjpass")
    return any(parse.relative_antecedent(h) is not None for h in heads)


def _of_next_year(parse: Parse, noun: int, when: TimeExpression | None) -> TimeExpression | None:
    """ "next year's summit will be held in November": November of the year after the report's,
    which the time stage, reading "in November" alone, put in the report's year."""
    t = parse.tokens
    published = parse.annotated.article.published
    if when is None or when.value is None or published is None:
        return when
    if any(c.isdigit() for c in when.text):
        return when  # a year or a day written out ("on Nov. 18") is the time stage's to place
    nexts = [
        k
        for k in parse.dep_children(noun, "poss")
        if t[k].lemma.lower() == "year"
        and any(t[a].text.lower() == "next" for a in parse.children[k])
    ]
    if not nexts or not when.value.startswith(str(published.year)):
        return when
    return replace(when, value=str(published.year + 1) + when.value[4:], value_end=None)


def _agreed_status(parse: Parse, i: int, status: Status | None) -> Status | None:
    """ "New Delhi had agreed on Thursday to the talks": agreeing to a meeting plans it; that
    the agreeing is past does not make the meeting held. "Refused to receive a mission, which
    had been due in Niamey on Tuesday": a visit set and refused is called off."""
    if status in {None, "occurred"} and _agreed_to(parse, i) is not None:
        return "planned"
    if status == "negated" and _set_guest(parse, i):
        return "cancelled"
    return status


def _set_guest(parse: Parse, verb: int) -> bool:
    """The verb's object is a visit set for a day: "a mission which had been due in X"."""
    t = parse.tokens
    for o in parse.objects(verb):
        for r in parse.dep_children(o, "relcl", "acl"):
            words = {t[k].lemma.lower() for k in (r, *parse.children[r])}
            if words & (SCHEDULED | {"due"}):
                return True
    return False


def _purpose_planned(parse: Parse, noun: int) -> Status | None:
    """ "is set to host leaders in Astana for a summit": a meeting a planned act is for is
    planned too."""
    t = parse.tokens
    if t[noun].dep != "pobj" or t[t[noun].head].text.lower() != "for":
        return None
    verb = t[t[noun].head].head
    if status_of(parse, verb) == "planned":
        return "planned"
    # "is set to host ... for a summit", which the parser may hang as an adverbial clause
    head = t[verb].head
    infinitive = any(t[k].text.lower() == "to" for k in parse.dep_children(verb, "aux"))
    arranged = t[head].lemma.lower() in SCHEDULED | {"due"} and t[head].tag == "VBN"
    return "planned" if t[verb].dep in {"xcomp", "advcl"} and infinitive and arranged else None


def _onward(parse: Parse, i: int, entry: Entry) -> Status | None:
    """ "left for Kenya, before continuing to Mozambique": the tour's next legs are to come."""
    t = parse.tokens
    onward = t[i].dep == "pcomp" and t[i].tag == "VBG" and t[t[i].head].text.lower() == "before"
    return "planned" if onward and entry.need_kind == "journey" else None


def _departure(entry: Entry, status: Status | None) -> Status | None:
    """ "left for Washington to meet X": leaving tells nothing of the visit's own status (the
    meeting it is for is planned); the other mentions or the date decide."""
    return None if entry.lemma == "leave" and status == "occurred" else status


def _also(parse: Parse, verb: int) -> bool:
    """ "is also scheduled to meet Y", "will also hold talks with Z": another meeting."""
    t = parse.tokens
    for v in (verb, *parse.ancestors(verb)):
        if any(t[k].text.lower() == "also" for k in parse.dep_children(v, "advmod")):
            return True
        if t[v].dep not in {"xcomp", "acomp"}:
            return False
    return False


def _attends(parse: Parse, noun: int) -> bool:
    """ "will attend the summit", "arrived on Monday for the summit": someone's attendance of
    a meeting reported on its own, not a meeting of its own."""
    t = parse.tokens
    tok = t[noun]
    if tok.dep == "dobj":
        return t[tok.head].lemma.lower() in ATTEND_VERBS
    prep = t[tok.head]
    return (
        tok.dep == "pobj"
        and prep.text.lower() == "for"
        and t[prep.head].lemma.lower() in TRAVEL_VERBS
    )


#: Plural nouns for a set of counterparts: "talks with other partners, including X and Y".
COUNTERPART_SETS = frozenset(
    {"partner", "country", "ally", "nation", "neighbour", "neighbor", "government", "state"}
)


def _with_many(parse: Parse, noun: int) -> bool:
    """ "trade talks with other partners, including Europe, Japan and Mexico": talks with a set
    of counterparts, each its own, not one meeting among those listed."""
    t = parse.tokens
    return any(
        t[w].tag == "NNS"
        and t[w].lemma.lower() in COUNTERPART_SETS
        and not premodifier_parties(parse, w)
        and parse.preps(w, "including", "like", "as")
        for w in parse.preps(noun, "with")
    )


def _named_gathering(parse: Parse, i: int) -> bool:
    """ "the first Korea-Africa summit", "the two-day gathering": a definite gathering named by
    a modifier of its own, not "the summit" told again."""
    return any(parse.tokens[k].dep in {"amod", "compound", "nummod"} for k in parse.children[i])
