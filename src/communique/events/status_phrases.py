"""Phrases around a verb that tell whether its act took place: "too X to", "have yet to", "is
under way", "was to have met", "had been due to", "going to", an infinitive's "to"."""

from __future__ import annotations

import itertools

from .syntax import Parse


def too_to(parse: Parse, scope: list[int]) -> bool:
    """ "too paranoid to accept": a judgement that something will not be done, no act."""
    t = parse.tokens
    return any(
        t[below].dep == "xcomp"
        and t[above].pos == "ADJ"
        and any(t[c].dep == "advmod" and t[c].text.lower() == "too" for c in parse.children[above])
        for below, above in itertools.pairwise(scope)
    )


def under_way(parse: Parse, verb: int) -> bool:
    """ "is underway", "are under way", "got under way": the verb takes "under way"."""
    t = parse.tokens
    kids = {t[k].text.lower() for k in parse.children[verb]}
    return "underway" in kids or any(
        t[o].lemma.lower() == "way" for o in parse.preps(verb, "under")
    )


def yet_to(parse: Parse, scope: list[int]) -> bool:
    """ "have yet to meet", "is yet to visit": the act has not taken place."""
    t = parse.tokens
    return any(
        t[below].dep == "xcomp"
        and t[above].lemma.lower() in {"have", "be"}
        and any(t[c].dep == "advmod" and t[c].text.lower() == "yet" for c in parse.children[above])
        for below, above in itertools.pairwise(scope)
    )


def counterfactual(parse: Parse, verb: int) -> bool:
    """'were to have taken place', 'was supposed to have met'."""
    t = parse.tokens
    kids = [t[k].text.lower() for k in parse.children[verb] if t[k].dep in {"aux", "auxpass"}]
    if "have" in kids and t[verb].tag == "VBN":
        head = t[t[verb].head]
        return head.lemma in {"be", "suppose"} or any(w in {"was", "were"} for w in kids)
    return had_been_due(parse, verb)


#: Words of a plan that, told in the past perfect, did not come about: "had been due to visit".
PLAN_WORDS = frozenset({"due", "schedule", "expect", "set", "slate", "plan", "suppose"})


#: Verbs of intent that, active in the past perfect, tell a plan that fell through: "had
#: intended to visit", "had planned to meet".
INTENT_WORDS = frozenset({"intend", "plan", "hope", "mean"})


def had_been_due(parse: Parse, verb: int) -> bool:
    """ "had been due to hold talks", "had been scheduled to visit": a plan told in the past
    perfect, which news uses for one that fell through, like "was to have met"."""
    t = parse.tokens
    plan = t[t[verb].head]
    if not has_to(parse, verb) or plan.i == verb:
        return False
    if plan.lemma.lower() in INTENT_WORDS and plan.tag == "VBN":
        # "he had intended to visit Iran in late February", "had planned to meet": an intent
        # told in the past perfect, active
        return any(t[k].text.lower() == "had" for k in parse.dep_children(plan.i, "aux"))
    if plan.lemma.lower() not in PLAN_WORDS:
        return False
    carrier = plan if plan.pos in {"VERB", "AUX"} and plan.tag == "VBN" else t[plan.head]
    words = {t[k].text.lower() for k in parse.children[carrier.i] if t[k].dep in {"aux", "auxpass"}}
    if carrier.lemma == "be" and carrier.tag == "VBN":  # "had been due": "been" carries "had"
        return "had" in words
    return "had" in words and "been" in words


def going_to(parse: Parse, verb: int) -> bool:
    t = parse.tokens
    head = t[t[verb].head]
    return head.lemma == "go" and head.tag == "VBG" and has_to(parse, verb)


def has_to(parse: Parse, verb: int) -> bool:
    return any(
        parse.tokens[k].text.lower() == "to" and parse.tokens[k].dep == "aux"
        for k in parse.children[verb]
    )
