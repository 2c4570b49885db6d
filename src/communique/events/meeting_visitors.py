"""Who visits and who is summoned: the party that travels to a meeting ("Trump's visit", "a
visit by the crown prince", "the visit the envoy had planned", "X will travel to Paris and
visit"), or the envoy called in to a ministry ("summoned Turkey's ambassador")."""

from __future__ import annotations

from .arguments import gerund_subject, invitation_taker, parties_under, party_code
from .syntax import Parse

VISIT_CARRIERS = frozenset(
    {"pay", "make", "begin", "start", "undertake", "conduct", "end", "conclude", "wrap", "cut"}
    | {"cancel", "postpone", "call", "delay", "put", "scrap", "plan", "announce"}
)


def summoned(parse: Parse, i: int) -> frozenset[str]:
    """ "Baghdad summoned Turkey's ambassador", "Sweden's envoy was summoned": codes of the
    envoy called in, who comes to the summoning state's ministry (a guest, as a visitor is)."""
    heads = parse.dep_children(i, "dobj", "nsubjpass")
    if parse.tokens[i].lemma.lower() == "call":  # "called in the Russian ambassador"
        heads += parse.preps(i, "in")
    return frozenset(c for e in parties_under(parse, heads) if (c := party_code(e)))


#: Verbs of a relative clause on a meeting noun whose subject takes part in the meeting:
#: "a visit to Addis Ababa that the envoy had planned", "the talks Washington had hoped to host".
RELATIVE_HOLDERS = VISIT_CARRIERS | {"hold", "host", "arrange", "schedule", "attend", "hope"}


def relative_subjects(parse: Parse, noun: int) -> list[int]:
    """The subjects of relative clauses on a meeting noun that tell who makes, holds or plans
    it ("the visit Trump made to Riyadh", "talks that Washington had planned to host"); not a
    relative pronoun ("talks which began on Monday")."""
    t = parse.tokens
    return [
        k
        for r in parse.dep_children(noun, "relcl")
        if t[r].lemma.lower() in RELATIVE_HOLDERS
        for k in parse.dep_children(r, "nsubj")
        if t[k].tag not in {"WP", "WDT"}
    ]


def _visitors(parse: Parse, i: int, is_noun: bool) -> frozenset[str]:
    """Who makes the visit: the possessor or "by" agent of a visit noun ("Trump's visit", "a
    visit by the crown prince"), the subject of a visit verb. Empty when not said."""
    if is_noun:
        heads = [k for k in parse.children[i] if parse.tokens[k].dep == "poss"]
        heads += parse.preps(i, "by") or relative_subjects(parse, i)
        t = parse.tokens
        carrier = t[i].head
        paid = t[i].dep == "dobj" and t[carrier].lemma.lower() in VISIT_CARRIERS
        on_visit = t[i].dep == "pobj" and t[carrier].text.lower() == "on"  # "X is on a visit"
        if not heads and (paid or on_visit):
            verb = carrier if paid else t[carrier].head
            if paid and (taker := invitation_taker(parse, verb)) is not None:
                verb = taker  # "accepted an invitation to pay an official visit to Russia"
            heads = [k for k in parse.dep_children(verb, "nsubj") if t[k].pos != "PRON"]
        found = parties_under(parse, heads)
    else:  # "X visited", "X is set to visit", "X will travel to ... and visit"
        found = parties_under(parse, _visit_subject(parse, i))
    return frozenset(c for c in (party_code(e) for e in found) if c)


def _visit_subject(parse: Parse, i: int) -> list[int]:
    """The subject of a visit verb, up through open complements ("is set to visit", "will
    travel to Paris and visit"): a passive subject counts ("X is expected to visit")."""
    t = parse.tokens
    for _ in range(4):
        subj = parse.dep_children(i, "nsubj", "nsubjpass")
        if not subj and (taker := invitation_taker(parse, i)) is not None:
            i = taker  # "X accepted an invitation to visit Tehran": X visits
            continue
        subj = subj or gerund_subject(parse, i)  # "left for X, before continuing to Y"
        if subj or t[i].dep not in {"xcomp", "advcl", "conj", "acomp"} or t[i].head == i:
            return [k for k in subj if t[k].tag not in {"WP", "WDT"}]
        i = t[i].head
    return []
