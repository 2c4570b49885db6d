"""Meeting places: which place of a sentence belongs to a meeting (dates: meeting_dates).

Arrivals, "where" clauses (tours of several destinations: meeting_tours), and the clauses whose
place or day is someone else's.
"""

from __future__ import annotations

from ..model import PlaceMention
from ..place import government_seats, name_key
from .arguments import (
    SETTLEMENT_NOUNS,
    dependency_distance,
    nearest_trigger,
    span_root,
)
from .meeting_records import T
from .status import REPORTING, SCHEDULED
from .syntax import Parse

ARRIVAL_VERBS = frozenset({"arrive", "land"})


def _of_the_report(parse: Parse, offset: int, triggers: list[int]) -> bool:
    """'X said in Belgrade on Friday that he expected little from the next meeting': the place
    and day belong to the saying, whose clause holds the meeting word, not to the meeting."""
    tok = parse.token_at(offset)
    if _opens_visiting(parse, tok):
        return False  # "Visiting Nairobi, X said ... after talks with Y": the stay's place
    above = list(parse.ancestors(tok))
    if any(i in above for i in triggers):
        return False  # inside a meeting's own phrase: "the summit in Peru"
    verb = next((a for a in above if parse.tokens[a].pos in {"VERB", "AUX"}), None)
    if verb is None or parse.tokens[verb].lemma.lower() not in REPORTING or verb in triggers:
        return False
    return any(verb in parse.ancestors(i) for i in triggers)


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
        after = parse.tokens[tok.head].text.lower() in SIDE_MARKS
        if tok.dep == "pcomp" and tok.pos == "VERB" and after and trigger not in parse.subtree(a):
            return True  # "his first visit after assuming office in November": the assuming's
        if _describes_other_noun(parse, a, trigger):
            return True  # "welcomed the plan, announced earlier this month": the plan's day
        if tok.pos not in {"VERB", "AUX"} or tok.dep not in {"conj", "advcl", "relcl"}:
            continue
        if trigger in set(parse.subtree(a)):
            return False
        subjects = parse.dep_children(a, "nsubj", "nsubjpass", "nsubj:pass")
        if not subjects:
            continue
        if _refers_to_the_meeting(parse, subjects, tok.head, trigger):
            return False  # "the talks collapsed before they began on Monday in Addis Ababa"
        if tok.dep == "relcl":  # "talks with Y, whose government took office in May"
            if tok.head != trigger and _arranges(parse, a, trigger):
                return False  # "a meeting of A and B, which was due to be held in Kunming"
            return tok.head != trigger and tok.lemma.lower() not in ARRIVAL_VERBS | VISIT_VERBS
        marks = {parse.tokens[k].text.lower() for k in parse.dep_children(a, "mark", "advmod")}
        return tok.dep == "conj" or bool(marks & SIDE_MARKS)
    return False


def _describes_other_noun(parse: Parse, a: int, trigger: int) -> bool:
    """A participle describing another noun than the meeting ("the plan, announced earlier
    this month", "a deal signed in 2015"), with the meeting outside it, tells that noun's day or
    place; not one that holds or sets a meeting however the parser hung it ("talks with the
    delegation led by X, held in Geneva")."""
    t = parse.tokens
    tok = t[a]
    # the parser often hangs "the plan, announced in May," on the verb as a clause of its own
    reduced = (
        tok.dep == "advcl"
        and tok.tag == "VBN"
        and a > 1
        and t[a - 1].text == ","
        and t[a - 2].pos == "NOUN"
        and not parse.dep_children(a, "mark", "aux", "auxpass", "nsubj", "nsubjpass")
    )
    return (
        ((tok.dep == "acl" and tok.tag in {"VBN", "VBG"}) or reduced)
        and tok.head != trigger
        and tok.head not in parse.entity_at  # "France on Thursday condemned": a misparsed verb
        and tok.lemma.lower() not in ARRANGED | ARRIVAL_VERBS | VISIT_VERBS
        and trigger not in set(parse.subtree(a))
    )


def _refers_to_the_meeting(parse: Parse, subjects: list[int], head: int, trigger: int) -> bool:
    """The clause's subject is "it"/"they" standing for the meeting noun that is the subject of
    the clause it hangs on."""
    t = parse.tokens
    pronoun = all(t[k].text.lower() in {"it", "they"} for k in subjects)
    return pronoun and t[trigger].dep in {"nsubj", "nsubjpass"} and t[trigger].head == head


#: Words of a clause that sets or holds a meeting: "which was due to be held in Kunming",
#: "that had been set for last week in Cucuta", "which was to have taken place in Moscow".
ARRANGED = frozenset(
    {"due", "schedule", "plan", "set", "slate", "hold", "take", "expect", "meet", "convene"}
)


def _arranges(parse: Parse, clause: int, trigger: int) -> bool:
    """A relative clause hung on a noun inside the meeting's own phrase that tells when or
    where the meeting is set or held: it describes the meeting, however the parser hung it."""
    t = parse.tokens
    if t[clause].head not in set(parse.subtree(trigger)):
        return False
    if not any(
        t[k].text.lower() in {"which", "that"}
        for k in parse.dep_children(clause, "nsubj", "nsubjpass")
    ):
        return False
    return any(t[k].lemma.lower() in ARRANGED for k in parse.subtree(clause))


def at_seat(place: PlaceMention | None) -> bool:
    """A venue where a state's government sits ("the Kremlin", "Downing Street"): the state is
    a side of a meeting held there."""
    return (
        place is not None
        and place.kind == "venue"
        and place.venue is not None
        and name_key(place.venue) in government_seats()
    )


ACT_PLACE_PREPS = frozenset({"in", "at", "during"})
SPEAKING = frozenset({"speak", "address", "talk", "visit", "tour"})


def act_place(parse: Parse, verb: int, places: list[PlaceMention]) -> PlaceMention | None:
    """Where an act was done: a place under the act's own verb through locative phrases only
    ("said at a rally in Wheeling", "accused X during talks in Nairobi", "Speaking in Ottawa,
    X said"), never a place in what was said, in a party's name or in a noun's clause."""
    found = [p for p in places if p.kind != "country" and _act_path(parse, p, verb)]
    if not found:
        return None
    return min(found, key=lambda p: dependency_distance(parse, parse.token_at(p.start), verb))


def _act_path(parse: Parse, place: PlaceMention, verb: int) -> bool:
    t = parse.tokens
    k = span_root(parse, place.start, place.end)
    for _ in range(8):
        tok = t[k]
        if tok.head == k:
            return False
        if tok.dep == "prep" and tok.text.lower() not in ACT_PLACE_PREPS:
            return False
        if tok.dep == "advcl" and not (tok.tag == "VBG" and tok.lemma.lower() in SPEAKING):
            return False
        if tok.dep not in {"pobj", "prep", "compound", "appos", "advcl", "npadvmod"}:
            return False
        k = tok.head
        if k == verb:
            return True
    return False


LOCATIVE = frozenset({"in", "at", "to", "near", "outside", "inside", "for", "into"})
#: Parts of a state named with it in the possessive: "in Russia's Far East".
AREA_NOUNS = SETTLEMENT_NOUNS | {"east", "west", "north", "south", "region", "border", "coast"}


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
    if tok.dep == "relcl" and (found := _journey_place(parse, tok.head, verb, places)):
        return found
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
#: Journeys a "during which" clause can tell a meeting of.
JOURNEY_NOUNS = frozenset({"visit", "trip", "tour", "stay", "stop", "stopover", "mission"})


def _journey_place(
    parse: Parse, noun: int, clause: int, places: list[PlaceMention]
) -> PlaceMention | None:
    """The place of the journey a "during which" clause hangs on: "a state visit to Zimbabwe,
    during which he held talks ...": Zimbabwe, not the places of the sentence around it."""
    t = parse.tokens
    during = any(
        t[k].text.lower() in {"during", "on", "in"}
        and any(t[w].tag == "WDT" for w in parse.dep_children(k, "pobj"))
        for k in parse.dep_children(clause, "prep")
    )
    if not during or t[noun].lemma.lower() not in JOURNEY_NOUNS:
        return None
    inside = set(parse.subtree(noun)) - set(parse.subtree(clause))
    return next(
        (p for p in places if parse.token_at(p.start) in inside and p.kind != "region"), None
    )


def _visited(parse: Parse, p: PlaceMention) -> bool:
    """'will visit Mexico City': the place a visit verb takes as its object."""
    last = parse.token_at(max(p.start, p.end - 1))
    tok = parse.tokens[last]
    return tok.dep == "dobj" and parse.tokens[tok.head].lemma.lower() in VISIT_VERBS


def _city_of_the_meeting(parse: Parse, p: PlaceMention, trigger: int) -> bool:
    """ "The Sydney meeting", "the Vilnius summit": a city naming the meeting is its venue (a
    state so placed is a party: "the US-China talks")."""
    root = span_root(parse, p.start, p.end)
    return (
        p.kind == "city"
        and parse.tokens[root].dep == "compound"
        and parse.tokens[root].head == trigger
    )


def _best_place(parse: Parse, trigger: int, places: list[PlaceMention]) -> PlaceMention | None:
    """The place a meeting is located at: introduced by a locative preposition ("in Geneva",
    "at NATO headquarters", "visit to Morocco") or visited ("visit Rabat"), never a
    participant ("US-Russia talks")."""
    located = [
        p
        for p in places
        if (_locative(parse, p) or _visited(parse, p) or _city_of_the_meeting(parse, p, trigger))
        and not _in_topic(parse, p, trigger)
        and not _other_clause(parse, parse.token_at(p.start), trigger)
        and not _outside_relative(parse, parse.token_at(p.start), trigger)
    ]
    frame = _sequence_prep(parse, trigger)
    if frame is not None:  # "arrived in Quito after talks with X": Quito is the arrival's
        inside = set(parse.subtree(frame))
        # "Visiting Nairobi, X said ... after talks with Y": the stay the participle tells
        # holds the talks
        located = [p for p in located if parse.token_at(p.start) in inside] or [
            p for p in places if _visiting(parse, p)
        ]
    if not located and frame is None:
        # "talks on the Grand Ethiopian Renaissance Dam in Cairo": a city closing a topic
        # that names no situation is where the talks are
        located = [p for p in places if p.kind == "city" and _topic_city(parse, p, trigger)]
    if not located:
        return _institution_venue(parse, trigger)
    own = set(parse.subtree(trigger))  # "the summit in Rio de Janeiro", however it hangs
    return min(
        located,
        key=lambda p: (
            span_root(parse, p.start, p.end) not in own,
            dependency_distance(parse, span_root(parse, p.start, p.end), trigger),
            p.kind == "country",
        ),
    )


def _outside_relative(parse: Parse, i: int, trigger: int) -> bool:
    """meeting.relative_place: a meeting verb in a relative clause ("X, who was hosted by Y on
    Friday, left for Australia") is not placed by the clause around it."""
    verb = parse.governing_verb(trigger)
    if parse.tokens[verb].dep != "relcl" or parse.tokens[trigger].pos != "VERB":
        return False
    return i not in set(parse.subtree(verb))


def _visiting(parse: Parse, p: PlaceMention) -> bool:
    """ "Visiting Nairobi, X said ...": the place is the object of a "visiting" participle that
    opens its clause."""
    t = parse.tokens
    head = t[span_root(parse, p.start, p.end)]
    verb = t[head.head]
    return _opens_visiting(parse, parse.token_at(p.start)) or (
        head.dep == "dobj"
        and verb.lemma.lower() == "visit"
        and verb.tag == "VBG"
        and verb.dep in {"advcl", "acl"}
    )


def _opens_visiting(parse: Parse, first: int) -> bool:
    """The word before token ``first`` is a "Visiting" that opens its sentence (the tagger
    often takes "Visiting Nairobi" for one name)."""
    t = parse.tokens
    if first < 1 or t[first - 1].text.lower() != "visiting":
        return False
    return first == 1 or parse.sentence_index(first - 1) != parse.sentence_index(first - 2)


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
    A venue introduced by "at" is the meeting's, however the parser attached it; any venue is,
    unless a word of discussing governs it."""
    first = parse.token_at(p.start)
    if first > 0 and parse.tokens[first - 1].text.lower() == "at":
        return False
    for a in parse.ancestors(first):
        if a == trigger:
            return False
        tok = parse.tokens[a]
        if _arranged_clause(parse, a):
            return False  # "talks on the border, which were scheduled for Friday in Batken"
        # a venue is the meeting's, however the parser hung it, unless what is discussed
        # holds it ("to discuss the raid on Mexico's embassy in Quito")
        topic = tok.dep == "prep" and tok.text.lower() in TOPIC_PREPS
        if topic and p.kind != "venue" and not _occasion(parse, a):
            return True
        if tok.lemma.lower() in TOPIC_HEADS and tok.pos in {"NOUN", "VERB"}:
            return True  # "met ... to discuss the situation in Syria"
    return False


def _arranged_clause(parse: Parse, k: int) -> bool:
    """A "which" clause that sets a meeting for a day or a place ("which was scheduled for
    Friday in Batken", "which had been due in Niamey"): the parser hangs it on the nearest
    noun, often the topic's, but a "which ... scheduled" clause tells the meeting's plan."""
    t = parse.tokens
    if t[k].dep != "relcl":
        return False
    words = {t[c].lemma.lower() for c in (k, *parse.children[k])}
    which = any(t[w].text.lower() == "which" for w in parse.dep_children(k, "nsubj", "nsubjpass"))
    return which and bool(words & (SCHEDULED | {"due"}))


def _topic_city(parse: Parse, p: PlaceMention, trigger: int) -> bool:
    """A city "in" which the topic's own noun lies, the topic naming a thing rather than a
    situation there ("talks on the dam in Cairo", not "talks on the fighting in Khartoum")."""
    first = parse.token_at(p.start)
    t = parse.tokens
    if first == 0 or t[first - 1].text.lower() != "in":
        return False
    if not _in_topic(parse, p, trigger) or _other_clause(parse, first, trigger):
        return False
    noun = t[t[first - 1].head]
    prep = t[noun.head]
    return (
        noun.pos in {"NOUN", "PROPN"}
        and noun.lemma.lower() not in TOPIC_HEADS
        and prep.dep == "prep"
        and prep.text.lower() in TOPIC_PREPS
        and prep.head == trigger
    )


#: What "on" may introduce besides a topic: "on the sidelines of the UN General Assembly in New
#: York", "on the island of Bali", "on a visit to", "on Thursday".
OCCASIONS = frozenset(
    {"sideline", "sidelines", "margin", "margins", "island", "visit", "tour", "trip", "occasion",
     "eve", "day", "weekend", "stop", "stopover", "way"}
)  # fmt: skip


def _occasion(parse: Parse, prep: int) -> bool:
    """ "on the sidelines of ...", "called on Prime Minister Khan in Islamabad": an "on" whose
    object is an occasion or a person called on introduces no topic."""
    t = parse.tokens
    for o in parse.dep_children(prep, "pobj"):
        if t[o].lemma.lower() in OCCASIONS or t[o].text.lower() in OCCASIONS:
            return True
        hit = parse.entity_at.get(o)
        if hit is not None and hit.entity.kind == "person":
            return True
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
    root = span_root(parse, p.start, p.end)
    owned = parse.tokens[parse.tokens[root].head].lemma.lower()
    if parse.tokens[root].dep == "poss" and p.kind == "country" and owned not in AREA_NOUNS:
        # "support for Somalia's efforts", "in Russia's war": an owner, no venue ("in Cairo's
        # Abbasiya district", "in Russia's Far East" are places)
        return False
    if first > 0 and parse.tokens[first - 1].text.lower() in LOCATIVE:
        return not _handed_to(parse, first - 1)
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
    if parse.tokens[last].dep == "compound" and head.dep == "pobj":  # "at a Tokyo restaurant"
        prep = parse.tokens[head.head]
        if prep.dep == "prep" and prep.text.lower() in LOCATIVE:
            return True
    beside = parse.tokens[last].dep == "appos" or (
        parse.tokens[last].dep == "npadvmod" and head.pos in {"NOUN", "PROPN"}
    )
    if head.dep == "appos" or beside:  # "in Moscow, Russia"
        # "at the State House, Abuja": the preposition opens the phrase the name stands beside
        return _locative_token(parse, min(parse.subtree(parse.tokens[last].head)))
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


#: Verbs that hand something over to a party: "handed the presidency to Uruguay".
HANDING = frozenset({"hand", "give", "pass", "transfer", "deliver", "sell", "donate", "cede"})


def _handed_to(parse: Parse, prep: int) -> bool:
    """ "Paraguay handed the rotating presidency to Uruguay": a receiving party, no place."""
    t = parse.tokens
    return t[prep].text.lower() == "to" and t[t[prep].head].lemma.lower() in HANDING


def _locative_token(parse: Parse, i: int) -> bool:
    return i > 0 and parse.tokens[i - 1].text.lower() in LOCATIVE
