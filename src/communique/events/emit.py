"""Emission: which candidate events are reported, merged into one, or left out, and why.

    emit_events(parse, events, links) -> (events, links, left_out)

The last step of the events stage; it sees finished ``Event`` records and never builds
new facts, only chooses among them. In order:

1. ``emit.asserted``     an act the text negates, only supposes or asks about is no event
2. ``emit.coded_actor``  the source actor must resolve to a code (state, IGO or body, a person
                         with the state they represent, a named group with its country)
3. ``emit.coded_target`` a directed act with no target, in a sentence that names another
                         coded party, has its roles unresolved: left out rather than guessed
   ``emit.background``   an act dated at least two years before the article's date is
                         background ("in 2003, when X endorsed the invasion"), not its news
   ``emit.statement_subsumed`` a statement in the sentence of the same party's typed act
                         ("accused Y of Z, saying ...") is the act's wording, not an event
4. ``emit.one_happening`` the same act told again (headline, lead, recap) joins the first
                         telling: one event with every evidence span
5. ``emit.main_event``   the event the headline and lead report is marked as the main one

Meetings keep their own clustering (``meetings.py``); this step applies 1, 2 and 5 to them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from ..model import Entity, Event, LeftOut, Link, Span, TimeExpression, content_id
from .arguments import party_code
from .claims import denies_a_claim
from .groups import _both_sides, _codes
from .lexicon import load_lexicon
from .position_records import DIRECTED
from .rules import rule
from .syntax import Parse

NOT_ASSERTED = frozenset({"negated", "hypothetical"})
LEAD_SENTENCES = 2  # the headline (when the text starts with it) and the lead


@dataclass(frozen=True, slots=True)
class Emitted:
    events: tuple[Event, ...]
    links: tuple[Link, ...]
    left_out: tuple[LeftOut, ...]


def emit_events(
    parse: Parse,
    events: Iterable[Event],
    links: Iterable[Link],
    on: date | None = None,
    news_year: int | None = None,
    entities: Iterable[Entity] = (),
) -> Emitted:
    """``on``: the article's date; ``news_year``, for an article without one, the year of the
    days and months it names (``news_year``): what lies years before either is background.
    ``entities``: those the build step added (places named as targets) besides the parse's."""
    by_id = {e.id: e for e in (*parse.entities, *entities)}
    events = [
        _not_at_itself(ev, by_id) for ev in _both_sides(parse, _unique_ids(list(events)), by_id)
    ]
    acting = _actors_by_sentence(events, by_id)
    kept: list[Event] = []
    left: list[LeftOut] = []
    for ev in events:
        reason = (
            _reason_to_leave(parse, ev, by_id, acting)
            or _background(ev, on, news_year)
            or _told_as_then(parse, ev, by_id)
        )
        if reason is None:
            kept.append(ev)
        else:
            left.append(LeftOut(ev, reason))
    kept, subsumed = _subsume_statements(kept, by_id)
    left += subsumed
    merged, alias = _one_per_happening(parse, kept, by_id)
    # a retelling without its target joins the telling that names it before this check
    aimed: list[Event] = []
    for ev in merged:
        if _unaimed(parse, ev, by_id):
            left.append(LeftOut(ev, rule("emit.aimed_act")))
        else:
            aimed.append(ev)
    final = _mark_main(parse, aimed)
    return Emitted(tuple(final), _relink(links, alias, {e.id for e in final}), tuple(left))


def _not_at_itself(ev: Event, by_id: dict[str, Entity]) -> Event:
    """ "The GCC welcomed the deal, with its Secretary-General ...": an organisation is no
    target of its own act, unless the act is the sides' towards each other (role.mutual_act).
    (A state's acts at home are aimed at it: "police detained protesters", IRN -> IRN.)"""
    if ev.meeting is not None or "role.mutual_act" in ev.rules:
        return ev
    bodies = {
        party_code(e)
        for a in ev.actors
        if (e := by_id.get(a)) is not None and e.kind in {"igo", "body"}
    }
    kept = tuple(
        r for r in ev.recipients if (e := by_id.get(r)) is None or party_code(e) not in bodies
    )
    return ev if len(kept) == len(ev.recipients) else replace(ev, recipients=kept)


def _subsume_statements(
    events: list[Event], by_id: dict[str, Entity]
) -> tuple[list[Event], list[LeftOut]]:
    """A statement told in the sentence of a typed act by the same party ("X accused Y of Z,
    saying ...") is that act's wording, not a second event (emit.statement_subsumed)."""
    typed = [e for e in events if e.type != "STATEMENT" and e.meeting is None]
    kept: list[Event] = []
    left: list[LeftOut] = []
    for ev in events:
        codes = _codes(ev.actors, by_id)
        spans = {(s.start, s.end) for s in ev.evidence}
        if (
            ev.type == "STATEMENT"
            and ev.mode != "press_conference"
            and any(
                spans <= {(s.start, s.end) for s in t.evidence} and codes & _codes(t.actors, by_id)
                for t in typed
            )
        ):
            left.append(LeftOut(ev, rule("emit.statement_subsumed")))
        else:
            kept.append(ev)
    return kept, left


def _unique_ids(events: list[Event]) -> list[Event]:
    """Events split from one trigger (a tour: one visit per destination) get ids of their own."""
    seen: dict[str, int] = {}
    out = []
    for ev in events:
        n = seen.get(ev.id, 0)
        seen[ev.id] = n + 1
        out.append(ev if n == 0 else replace(ev, id=content_id("evt", ev.id, str(n))))
    return out


def _actors_by_sentence(events: list[Event], by_id: dict[str, Entity]) -> dict[int, set[str]]:
    """Codes acting in each sentence (by evidence start): the subject of a second clause
    ("X offered aid, and Y welcomed it") is that clause's actor, not a lost target."""
    out: dict[int, set[str]] = {}
    for ev in events:
        if ev.evidence:
            out.setdefault(ev.evidence[0].start, set()).update(_codes(ev.actors, by_id))
    return out


def _reason_to_leave(
    parse: Parse, ev: Event, by_id: dict[str, Entity], acting: dict[int, set[str]]
) -> str | None:
    if ev.status in NOT_ASSERTED or _asked(parse, ev):
        return rule("emit.asserted")
    actor_codes = _codes(ev.actors, by_id)
    if not actor_codes:
        return rule("emit.coded_actor")
    if ev.mode in ABROAD_MODES and actor_codes == _codes(ev.recipients, by_id):
        # "recalled its ambassador to Ethiopia" read as Ethiopia's own act: one of the two
        # sides is wrong
        return rule("emit.coded_target")
    if _teams(parse, ev, by_id):
        return rule("emit.sport")
    if ev.type in DIRECTED and ev.meeting is None and not _codes(ev.recipients, by_id):
        busy = actor_codes | acting.get(ev.evidence[0].start, set()) if ev.evidence else actor_codes
        if _other_parties(parse, ev, frozenset(busy)):
            return rule("emit.coded_target")
    return None


def _teams(parse: Parse, ev: Event, by_id: dict[str, Entity]) -> bool:
    """ "Iran and the United States met at the stadium", "India crushed Pakistan in their Asia
    Cup match": states named bare (no person, body or force of theirs) in sentences that all
    speak of sport are teams."""
    ids = ev.actors + ev.recipients
    if ev.meeting is not None:
        ids += tuple(d.party for d in ev.meeting.delegations)
    sport = load_lexicon().sport_words
    t = parse.tokens
    parties = [
        e
        for i in ids
        if (e := by_id.get(i)) is not None
        # "the Narendra Modi Stadium": a name in a venue's name is no party
        and not all(
            t[k].dep == "compound" and t[t[k].head].lemma.lower() in sport
            for m in e.mentions
            for k in _tokens_of(parse, m)
        )
    ]
    if not parties or any(e.kind != "state" for e in parties) or not ev.evidence:
        return False
    for span in ev.evidence:
        first, last = parse.token_range(span.start, span.end)
        # a word of a party's name is no sport ("the Arab League", "the Awami League")
        if not any(
            t[i].lemma.lower() in sport and i not in parse.entity_at for i in range(first, last + 1)
        ):
            return False
    return True


def _tokens_of(parse: Parse, span: Span) -> range:
    first, last = parse.token_range(span.start, span.end)
    return range(first, last + 1)


def _unaimed(parse: Parse, ev: Event, by_id: dict[str, Entity]) -> bool:
    """A directed act with no coded target (most are acts aimed at people or groups no code
    names, or no acts at all), unless it may be one-sided or criticises violence."""
    return (
        ev.type in DIRECTED
        and ev.meeting is None
        and not _codes(ev.recipients, by_id)
        and ev.type not in ONE_SIDED
        and not (
            ev.type == "ACCUSE"
            and _against_violence(parse, ev)
            and not BLAMING.intersection(ev.rules)  # "held X responsible": X is the target
        )
        and not (ev.type == "REJECT" and _denies_a_claim(parse, ev, by_id))
    )


def _denies_a_claim(parse: Parse, ev: Event, by_id: dict[str, Entity]) -> bool:
    """ "the police deny accusations of brutality": a denial of a claim whose authors the text
    does not name (no other party in its sentence or the one before; an accuser named would
    have been found as its target, role.denied_claim) has no target to code; the denial is
    the act."""
    own = _codes(ev.actors, by_id)
    for span in ev.evidence[:1]:
        first, last = parse.token_range(span.start, span.end)
        n = parse.sentence_index(first)
        told = [k for m in range(max(0, n - 1), n + 1) for k in parse.sentence_tokens(m)]
        if {party_code(e) for e in parse.entities_in(told)} - own - {None}:
            return False  # another party named there or just before may be the accuser
        if any(denies_a_claim(parse, i) for i in range(first, last + 1)):
            return True
    return False


#: Accusations that are about their object alone ("held Ankara responsible"): with that
#: party uncoded, no event.
BLAMING = frozenset({"lexicon.verbs:hold"})


#: Acts only ever aimed at another state: never a state's towards itself.
ABROAD_MODES = frozenset({"recall_ambassador", "break_relations"})

#: Directed types whose act may be aimed at no party ("declared a ceasefire", "dropped its
#: demand", "withdrew its troops").
ONE_SIDED = frozenset({"CONCEDE", "RETREAT"})

#: Violence named without an ASSAULT event noun: "condemned what he called an act of terror".
VIOLENCE = frozenset({"terror", "terrorism", "violence", "killing", "shooting", "murder"})


def _against_violence(parse: Parse, ev: Event) -> bool:
    """ "condemned the attack", "denounced the bombing": criticism of a violent act whose
    author the text does not name has no target to code."""
    senses = load_lexicon().noun_senses
    t = parse.tokens
    for span in ev.evidence[:1]:
        first, last = parse.token_range(span.start, span.end)
        for i in range(first, last + 1):
            lemma = t[i].lemma.lower()
            violent = lemma in VIOLENCE or any(e.type == "ASSAULT" for e in senses.get(lemma, ()))
            if violent and t[i].dep in {"dobj", "pobj"}:
                return True
    return False


BACKGROUND_YEARS = 2


def _background(ev: Event, on: date | None, news_year: int | None) -> str | None:
    """An act or a meeting whose own date lies years before the article's date (or, undated,
    the latest day or month it names): background the article recalls, reported by the
    articles of its own time (a meeting told again years later would count twice)."""
    reference = on.year if on is not None else news_year
    if ev.when is None or ev.when.year_inferred:
        return None
    if reference is None:
        # undated, naming no day or month of its news: an act told with a bare year ("Manama
        # cut ties with Tehran in 2016") is recalled, as news is told by its day
        told_by_year = ev.when.granularity == "year" and ev.when.start[:4].isdigit()
        recalled = told_by_year and ev.meeting is None and ev.status == "occurred"
        return rule("emit.background") if recalled else None
    try:
        year = int(ev.when.start[:4])
    except ValueError:
        return None
    return rule("emit.background") if year <= reference - BACKGROUND_YEARS else None


_RECENT = re.compile(
    r"\b(?:last|this|past) (?:week|month|weekend|year)\b|\byesterday\b|\btoday\b|"
    r"\b(?:on|last) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    re.IGNORECASE,
)
_LONG_AGO = re.compile(r"\bfor (?:decades|generations|centuries)\b", re.IGNORECASE)
_THEN = re.compile(r"(?:\b[Tt]hen-|\b[Tt]he then\s+)(?:[\w.]+,?[-\s]+){0,4}$")


def _told_as_then(parse: Parse, ev: Event, by_id: dict[str, Entity]) -> str | None:
    """ "invited by then-President Ronald Reagan": an undated act by an actor named with the
    office held then is in the past the article recalls (background, as a dated one), unless
    its sentence says it is recent ("last month"); so is one done "for decades"."""
    if ev.meeting is not None or not ev.evidence or ev.when is not None:
        return None
    span = ev.evidence[0]
    text = parse.annotated.article.text
    if _LONG_AGO.search(span.text):
        return rule("emit.background")  # "He defied the US for decades"
    if _RECENT.search(span.text):
        return None  # "Last month, then-Prime Minister X said ...": news all the same
    for i in ev.actors:
        e = by_id.get(i)
        for m in e.mentions if e is not None else ():
            if span.start <= m.start < span.end and _THEN.search(
                text[max(span.start, m.start - 40) : m.start]
            ):
                return rule("emit.background")
    return None


def news_year(times: Iterable[TimeExpression]) -> int | None:
    """The year of the days and months an undated article names most often ("on March 20,
    2019", "in May 2018"; the latest of equals): news is told with such dates, while bare
    years also name plans ("by 2030") and history ("in 1961")."""
    years = Counter(
        int(t.value[:4])
        for t in times
        if t.value
        and t.value[:4].isdigit()
        and t.granularity in {"day", "month"}
        and not t.year_inferred
    )
    return max(years, key=lambda y: (years[y], y), default=None)


def _asked(parse: Parse, ev: Event) -> bool:
    """Every sentence telling it is a question ("Will Russia retaliate?")."""
    return bool(ev.evidence) and all(
        s.text.rstrip(" \"'\u201d\u2019)").endswith("?") for s in ev.evidence
    )


def _other_parties(parse: Parse, ev: Event, actor_codes: frozenset[str]) -> bool:
    """A coded party named in the act's sentence that is not its actor: a target the rules
    could not attach, so the direction of the act is unknown."""
    for span in ev.evidence[:1]:
        first, last = parse.token_range(span.start, span.end)
        for i in range(first, last + 1):
            hit = parse.entity_at.get(i)
            if hit is None:
                continue
            code = party_code(hit.entity)
            if code and code not in actor_codes and hit.entity.kind in {"state", "igo", "body"}:
                return True
    return False


def _one_per_happening(
    parse: Parse, events: list[Event], by_id: dict[str, Entity]
) -> tuple[list[Event], dict[str, str]]:
    """Join a later telling of the same act into the first: same type, same actor and target
    codes, no conflicting date, a status that does not contradict (occurred vs planned). A
    speaker's successive quotes are one set of remarks: one statement with every quote."""
    out: list[Event] = []
    alias: dict[str, str] = {}
    for ev in events:
        if ev.meeting is not None or ev.mode == "press_conference":
            out.append(ev)
            continue
        key = _happening_key(ev, by_id)
        n = next(
            (
                k
                for k, o in enumerate(out)
                if o.meeting is None
                and (_same_happening(o, ev, key, by_id) or _recap(parse, o, ev, by_id))
            ),
            None,
        )
        if n is None:
            out.append(ev)
            continue
        first = out[n]
        out[n] = replace(
            first,
            evidence=_union(first.evidence, ev.evidence),
            when=first.when or ev.when,
            items=first.items + tuple(x for x in ev.items if x not in first.items),
            rules=_add(_add(first.rules, ev.rules), (rule("emit.one_happening"),)),
            confidence=max(first.confidence, ev.confidence),
        )
        alias[ev.id] = first.id
    return out, alias


def _happening_key(
    ev: Event, by_id: dict[str, Entity]
) -> tuple[str, frozenset[str], frozenset[str]]:
    """Type, actor and target codes; for an act within one state (the same codes on both
    sides) the parties themselves, since one code then stands for many actors ("Republicans
    accused the Democrats" is not the Democrats' accusation of the president)."""
    actors, targets = _codes(ev.actors, by_id), _codes(ev.recipients, by_id)
    if actors and actors == targets:
        return ev.type, frozenset(ev.actors), frozenset(ev.recipients)
    return ev.type, actors, targets


def _same_happening(
    o: Event, ev: Event, key: tuple[str, frozenset[str], frozenset[str]], by_id: dict[str, Entity]
) -> bool:
    if _happening_key(o, by_id) != key:
        return False
    return _compatible(o, ev, by_id)


def _recap(parse: Parse, o: Event, ev: Event, by_id: dict[str, Entity]) -> bool:
    """A later telling that leaves the target out ("Trump demanded that China buy more. The
    purchases he requested ..."): same type and actor codes, the first names a target, the later
    none, at most two sentences apart."""
    if ev.type != o.type or ev.type == "STATEMENT" or ev.recipients or not o.recipients:
        return False
    codes = _codes(ev.actors, by_id)
    if not codes or codes != _codes(o.actors, by_id) or not (o.evidence and ev.evidence):
        return False
    first = parse.sentence_index(parse.token_at(o.evidence[0].start))
    later = parse.sentence_index(parse.token_at(ev.evidence[0].start))
    return 0 <= later - first <= 2 and _compatible(o, ev, by_id)


def _compatible(o: Event, ev: Event, by_id: dict[str, Entity]) -> bool:
    """No status, teller, content or date says these are two acts."""
    if (o.status == "planned") != (ev.status == "planned"):
        return False
    a_people, b_people = _people(o, by_id), _people(ev, by_id)
    if a_people and b_people and not a_people & b_people:
        return False  # two named people of one country: two acts ("X called for unity ...")
    if ev.type != "STATEMENT" and o.items and ev.items and not _words(o.items) & _words(ev.items):
        return False  # one side asked for unity, another for a resignation: two requests
    if o.when is not None and ev.when is not None:
        a, b = o.when.start, ev.when.start
        return a.startswith(b) or b.startswith(a)
    return True


def _people(ev: Event, by_id: dict[str, Entity]) -> frozenset[str]:
    return frozenset(i for i in ev.actors if i in by_id and by_id[i].kind == "person")


def _words(items: tuple[str, ...]) -> frozenset[str]:
    """Content words of an act's items (what was asked, offered, rejected)."""
    return frozenset(
        w for x in items for w in re.findall(r"[a-z]{4,}", x.lower()) if w not in ITEM_STOPWORDS
    )


ITEM_STOPWORDS = frozenset(
    {"that", "this", "with", "from", "their", "there", "they", "them", "will", "would", "should",
     "have", "been", "were", "which", "what", "into", "about", "more", "also", "such", "other"}
)  # fmt: skip


def _union(a: tuple[Span, ...], b: tuple[Span, ...]) -> tuple[Span, ...]:
    seen = {(s.start, s.end) for s in a}
    return tuple(
        sorted(a + tuple(s for s in b if (s.start, s.end) not in seen), key=lambda s: s.start)
    )


def _add(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return a + tuple(x for x in b if x not in a)


def _mark_main(parse: Parse, events: list[Event]) -> list[Event]:
    """The main event: the first non-statement event told in the headline or lead; a meeting
    there wins over other acts, as it is what diplomatic reports are about."""
    sents = parse.annotated.sentences
    if not sents or not events:
        return events
    lead_end = sents[min(LEAD_SENTENCES, len(sents)) - 1].end

    def in_lead(e: Event) -> bool:
        return e.type != "STATEMENT" and any(s.start < lead_end for s in e.evidence)

    lead = [e for e in events if in_lead(e)]
    if not lead:
        return events
    main = next((e for e in lead if e.meeting is not None), lead[0])
    marked = replace(main, main=True, rules=_add(main.rules, (rule("emit.main_event"),)))
    return [marked if e is main else e for e in events]


def _relink(links: Iterable[Link], alias: dict[str, str], kept: set[str]) -> tuple[Link, ...]:
    out: list[Link] = []
    for k in links:
        src, dst = alias.get(k.source, k.source), alias.get(k.target, k.target)
        if src in kept and dst in kept and src != dst:
            link = Link(src, dst, k.relation)
            if link not in out:
                out.append(link)
    return tuple(out)


__all__ = ["DIRECTED", "Emitted", "emit_events"]
