"""Phone and video calls: CONSULT events with mode ``call`` and no meeting block.

PLOVER counts a call as consultation; it is not a meeting (nobody travels, no venue). Three
shapes, each reading who called whom from the tree:

- a calling verb: "X phoned Y", "X telephoned Y"
- a verb of talking done by phone: "X spoke by phone with Y", "X talked to Y over the phone"
- a talk noun held by phone: "X held telephone talks with Y", "a video call between X and Y"
"""

from __future__ import annotations

from ..model import Entity, Status, TimeExpression
from .arguments import (
    dependency_distance,
    described_parties,
    noun_parties,
    parties_under,
    party_code,
)
from .lexicon import Entry
from .position_records import PositionCandidate
from .position_roles import THEY, group_subject
from .sentence_spans import times_in_sentence
from .status import status_of
from .syntax import Parse

CALL_VERBS = frozenset({"phone", "telephone", "videoconference", "ring"})
MEDIUM = frozenset(
    {"phone", "telephone", "video", "videoconference", "videolink", "virtual", "online"}
)
TALK_NOUNS = frozenset(
    {"call", "talk", "conversation", "conference", "discussion", "chat", "meeting", "summit"}
)
TALK_VERBS = frozenset({"speak", "talk", "confer", "discuss", "hold", "have", "meet", "chat"})
RULE = "rule:position.call"
#: Verbs by which the caller makes a call named as a noun: "made a phone call to X".
PLACING = frozenset({"make", "place", "conduct", "join", "hold", "have"})


def find_calls(
    parse: Parse, times: tuple[TimeExpression, ...]
) -> tuple[list[PositionCandidate], set[int]]:
    """Call events, and the talk-noun tokens they own (not to be read as meetings)."""
    out: list[PositionCandidate] = []
    owned: set[int] = set()
    verbs: set[int] = set()
    for n, _s in enumerate(parse.annotated.sentences):
        for i in parse.sentence_tokens(n):
            found = _call_at(parse, i)
            if found is None:
                continue
            verb, actors, recipients, noun = found
            if len(actors) > 1 and not recipients:  # "X and Y spoke by phone": between them
                actors, recipients = _split_sides(actors)
            if noun is not None:
                owned.add(noun)
            together = group_subject(parse, verb) not in {None, THEY}  # "the two ministers"
            if (not actors and not recipients and not together) or verb in verbs:
                continue
            if not recipients and _with_many(parse, verb, noun):
                continue  # "spoke by video link with several Pacific counterparts": many calls
            verbs.add(verb)
            sent_times = [t for t in times_in_sentence(parse, times, n) if t.value]
            out.append(
                PositionCandidate(
                    verb=verb,
                    sentence=n,
                    entry=Entry(
                        parse.tokens[verb].lemma.lower(), "VERB", "CONSULT", "call", "", RULE
                    ),
                    actors=tuple(actors),
                    recipients=tuple(e for e in recipients if e not in actors),
                    items=(),
                    status=_status(parse, verb, noun),
                    date=min(
                        sent_times,
                        key=lambda t: dependency_distance(parse, parse.token_at(t.start), verb),
                    )
                    if sent_times
                    else None,
                    responds=False,
                )
            )
    return out, owned


Found = tuple[int, list[Entity], list[Entity], int | None]

#: Verbs of taking a call someone else made: "received a phone call from X".
RECEIVING = frozenset({"receive", "get", "take", "answer"})


def _call_at(parse: Parse, i: int) -> Found | None:
    tok = parse.tokens[i]
    lemma = tok.lemma.lower()
    if tok.pos == "VERB" and lemma in CALL_VERBS and not _particle(parse, i):
        return i, _subject_parties(parse, i), _object_parties(parse, i), None
    if tok.pos == "VERB" and lemma in TALK_VERBS and _by_medium(parse, i):
        return i, _subject_parties(parse, i), _object_parties(parse, i), None
    if (
        tok.pos in {"NOUN", "PROPN"}
        and (lemma in TALK_NOUNS or lemma in MEDIUM)
        and _medium_noun(parse, i)
    ):
        verb = parse.governing_verb(i)
        parties = noun_parties(parse, i)
        subject = _subject_parties(parse, verb) if verb != i else []
        if verb != i and parse.tokens[verb].lemma.lower() in RECEIVING:
            # "X received a phone call from Y": Y called X
            callers = parties_under(parse, parse.preps(verb, "from") + parse.preps(i, "from"))
            callers = [e for e in callers if party_code(e)]
            if callers:
                return verb, callers, [e for e in subject if e not in callers], i
        # "Karki held a video call with his Bangladeshi counterpart": a subject the tables do
        # not code is still the caller; the party "with" it is the one called
        named_subject = (
            verb != i
            and parse.tokens[verb].lemma.lower() in TALK_VERBS | PLACING
            and bool(parse.dep_children(verb, "nsubj"))
        )
        # "grilled an aide on Trump's phone call with Zelensky": the call is its owner's
        owned_by = [
            k
            for k in parse.children[i]
            if parse.tokens[k].dep == "poss" and parse.tokens[k].pos != "PRON"
        ]
        if owned_by:
            actors = [e for e in parties_under(parse, owned_by) if party_code(e)]
        else:
            actors = subject if named_subject else (subject or parties[:1])
        recipients = [e for e in parties if e not in actors] + [
            e for e in _object_parties(parse, verb) if e not in actors and e not in parties
        ]
        if owned_by and i not in parse.dep_children(verb, "nsubj", "nsubjpass"):
            # the clause around the owned call is about it, not in it
            recipients = [e for e in recipients if e not in subject]
        if tok.tag in {"NNS", "NNPS"} and not any(party_code(e) for e in recipients):
            return None  # "the president's phone calls with other leaders": an aggregate
        return verb, actors, recipients, i
    return None


#: Determiners of an unnumbered set of counterparts.
MANY = frozenset({"several", "many", "other", "various", "some", "numerous", "all"})


def _with_many(parse: Parse, verb: int, noun: int | None) -> bool:
    """The counterpart is a plural set ("with several counterparts", "with other leaders"): an
    aggregate of calls, no one call."""
    t = parse.tokens
    sides = parse.preps(verb, "with") + (parse.preps(noun, "with") if noun is not None else [])
    return any(
        t[w].tag in {"NNS", "NNPS"} and any(t[k].text.lower() in MANY for k in parse.children[w])
        for w in sides
    )


def _split_sides(parties: list[Entity]) -> tuple[list[Entity], list[Entity]]:
    """The first side named calls, the other sides are called."""
    first = party_code(parties[0])
    return (
        [e for e in parties if party_code(e) == first],
        [e for e in parties if party_code(e) != first],
    )


def _status(parse: Parse, verb: int, noun: int | None) -> Status:
    """The verb carrying the call tells its status ("agreed in a phone call", "will hold
    phone talks"); a clause hung on the noun ("a call that X would ...") does not."""
    found = status_of(parse, verb) if verb != noun else None
    if found is None and noun is not None:
        found = status_of(parse, noun)
    return found or "occurred"


def _particle(parse: Parse, i: int) -> bool:
    """'rang up', 'phoned in' a report: not a call to a party."""
    return any(parse.tokens[k].dep == "prt" for k in parse.children[i])


def _by_medium(parse: Parse, i: int) -> bool:
    """'spoke by phone', 'talked over the telephone', 'met via video link'."""
    for p in parse.preps(i, "by", "over", "via", "on"):
        if parse.tokens[p].lemma.lower() in MEDIUM or _medium_noun(parse, p):
            return True
    return False


def _medium_noun(parse: Parse, i: int) -> bool:
    """A talk noun whose modifier is a medium: 'telephone talks', 'a video call', 'phone call'."""
    t = parse.tokens
    if t[i].lemma.lower() not in TALK_NOUNS | {"link"}:
        return (
            t[i].lemma.lower() in {"videoconference", "phone", "telephone"} and t[i].dep == "pobj"
        )
    return any(
        t[k].lemma.lower() in MEDIUM and t[k].dep in {"compound", "amod", "nmod"}
        for k in parse.children[i]
    )


def _subject_parties(parse: Parse, verb: int) -> list[Entity]:
    subj = parse.dep_children(verb, "nsubj")
    if not subj and parse.tokens[verb].dep in {"xcomp", "conj", "advcl"}:
        subj = parse.dep_children(parse.tokens[verb].head, "nsubj")
    found = parties_under(parse, subj) + described_parties(parse, subj)  # "X, who called Y"
    return [e for e in found if party_code(e)]


def _object_parties(parse: Parse, verb: int) -> list[Entity]:
    heads = parse.dep_children(verb, "dobj") + parse.preps(verb, "with", "to")
    # "spoke by telephone with X and Y": the parser hangs "with" on the medium
    heads += [w for m in parse.preps(verb, "by", "over", "via") for w in parse.preps(m, "with")]
    return [e for e in parties_under(parse, heads) if party_code(e)]


__all__ = ["find_calls"]
