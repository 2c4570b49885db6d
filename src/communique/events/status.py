"""Event status from tense, aspect, modality and hedges, read off the dependency tree.

occurred | planned | ongoing | cancelled | hypothetical | negated
"""

from __future__ import annotations

import itertools

from ..model import Status
from ..time.lexicon import MONTHS, WEEKDAYS
from .absence import absent_from, skipped_with
from .claims import alleged, denied
from .position_records import ADDRESSEE_VERBS, SPEECH
from .status_phrases import (
    counterfactual,
    going_to,
    has_to,
    too_to,
    under_way,
    yet_to,
)
from .syntax import Parse
from .withdrawal import withdrawn_from

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# modals of possibility, ability and obligation: "may meet", "can allow", "must withdraw"
HEDGE_AUX = frozenset({"may", "might", "could", "would", "should", "can", "ca", "must", "ought"})
NEG = frozenset({"not", "n't", "never", "no"})
NO_ONE = frozenset({"nothing", "nobody", "none", "no-one"})  # a subject that denies the act
PLAN_LEMMAS = frozenset(
    {
        "expect",
        "schedule",
        "plan",
        "set",
        "due",
        "slate",
        "prepare",
        "intend",
        "aim",
        "arrange",
        "agree",
        "decide",
        "announce",
        "propose",
        "invite",
        "hope",
        "want",
        "seek",
        "offer",
        "leave",
        "travel",
        "head",
        "fly",
        "arrive",
    }
)
HEDGE_LEMMAS = frozenset(
    {
        "consider",
        "hope",
        "want",
        "wish",
        "like",
        "suggest",
        "propose",
        "offer",
        "commit",
        "pledge",
        "vow",
        "promise",
    }
)
# "is likely to deploy" (a forecast), "has been eager to withdraw" (a wish): the act is the
# adjective's infinitive complement
FORECAST_ADJ = frozenset({"likely", "unlikely", "eager", "keen"})
# "their ability to cooperate", "the right to expel": a capacity, not an act
CAPACITY_NOUNS = frozenset(
    {"ability", "capacity", "capability", "power", "right", "chance", "opportunity", "willingness",
     "readiness", "desire", "wish", "need", "freedom", "authority"}
)  # fmt: skip
CANCEL_LEMMAS = frozenset(
    {"cancel", "postpone", "scrap", "suspend", "abandon", "delay", "shelve", "defer", "drop"}
)
# phrasal verbs that cancel or postpone: "put off", "called off", "pushed back", "broke off"
CANCEL_PHRASAL = frozenset(
    {("put", "off"), ("put", "back"), ("call", "off"), ("push", "back"), ("break", "off")}
)
REFUSE_LEMMAS = frozenset({"refuse", "decline", "reject", "fail", "avoid"})


def cancels(parse: Parse, verb: int) -> bool:
    """A verb that cancels or postpones what it governs ("postponed", "was put off")."""
    t = parse.tokens
    lemma = t[verb].lemma.lower()
    if lemma in CANCEL_LEMMAS:
        return True
    prts = {t[k].text.lower() for k in parse.dep_children(verb, "prt", "advmod")}
    if any((lemma, p) in CANCEL_PHRASAL for p in prts):
        return True
    if lemma in {"reschedule", "shift", "move"}:  # "rescheduled to a later date": postponed
        later = {
            t[k].lemma.lower() for o in parse.preps(verb, "to", "for") for k in parse.subtree(o)
        }
        # "to a date yet to be fixed", "to a new date": put off too
        undated = "date" in later and bool(later & {"yet", "new"})
        return undated or bool(later & {"later", "future", "undetermined", "unspecified"})
    # "was put on hold", "has been put on ice": postponed
    return lemma == "put" and any(
        t[o].lemma.lower() in {"hold", "ice"} for o in parse.preps(verb, "on")
    )


def _hedged(parse: Parse, verb: int) -> bool:
    """'may be delayed', 'could be postponed': a modal of possibility on the verb."""
    aux = {parse.tokens[k].text.lower() for k in parse.dep_children(verb, "aux")}
    return bool(aux & (HEDGE_AUX - {"will", "would"}))


ONGOING_LEMMAS = frozenset({"continue", "begin", "start", "resume", "open", "enter", "underway"})
PLANNED_ADJ = frozenset(
    {
        "upcoming",
        "next",
        "planned",
        "forthcoming",
        "scheduled",
        "expected",
        "coming",
        "following",
    }
)
# a prospect, not an arrangement: "possible talks", "a proposed summit", "future negotiations"
PROSPECT_ADJ = frozenset({"proposed", "future", "possible", "potential", "prospective", "eventual"})
PAST_ADJ = frozenset({"last", "previous", "recent", "past", "earlier", "former", "latest", "first"})
ONGOING_ADJ = frozenset({"ongoing", "current", "continuing"})
AFTER_PREPS = frozenset({"after", "since", "following"})
BEFORE_PREPS = frozenset({"before", "ahead"})


ANNOUNCED_ARRIVAL = frozenset({"due", "expect"})


def status_of(parse: Parse, trigger: int) -> Status | None:
    """The status a trigger word's clause gives its event; None if the clause says nothing."""
    t = parse.tokens
    tok = t[trigger]
    if tok.dep in {"nsubj", "nsubjpass"} and cancels(parse, tok.head):
        # "talks scheduled for Thursday were cancelled"; "may be delayed" only perhaps
        return "planned" if _hedged(parse, tok.head) else "cancelled"
    if (left := withdrawn_from(parse, trigger)) is not None:
        return "planned" if _hedged(parse, left) else "cancelled"
    if tok.lemma.lower() in ANNOUNCED_ARRIVAL and tok.pos in {"ADJ", "VERB"}:
        # "X is due in Moscow", "X is expected in Beijing": an arrival announced ahead
        negs = [k for v in (trigger, tok.head) for k in parse.children[v] if t[k].dep == "neg"]
        return "negated" if negs else "planned"
    adj = _modifier_status(parse, trigger)
    verb = _clause_verb(parse, trigger)
    if verb is not None and _skipped_with(parse, trigger):
        return "cancelled"  # "skipped the meeting with X": it did not take place
    if verb is not None and _skipped(parse, trigger):
        # "failed to attend the meeting": the meeting is as real as the absence
        return adj or ("planned" if _future(parse, verb) else "occurred")
    if verb is None:
        return adj or _prep_status(parse, trigger)
    verbal = _verb_status(parse, verb)
    if verbal == "cancelled" or verbal == "negated":
        return verbal
    if verbal is None and _set_for_later(parse, trigger, verb):
        return "planned"  # "the summit is scheduled for March", "talks are set for Monday"
    if verb == trigger and any(  # "nothing prohibits it": no act (not "nothing came of the visit")
        t[k].text.lower() in NO_ONE for k in parse.dep_children(verb, "nsubj")
    ):
        return "negated"
    if _subjectless_cancel(parse, verb):
        return "cancelled"  # "talks scheduled for Thursday were cancelled", misparsed
    if any(t[k].dep == "mark" and t[k].text.lower() == "whether" for k in parse.children[verb]):
        return "hypothetical"  # "will show whether consultations with X are substantial"
    if adj is not None and t[trigger].pos == "NOUN":
        return adj
    if t[trigger].pos == "NOUN" and verbal != "planned" and _sought(parse, trigger, verb):
        return "hypothetical"  # "offered talks", "called for a summit": sought, not arranged
    return verbal or _prep_status(parse, trigger)


def _own_clause(parse: Parse, verb: int) -> bool:
    """An adverbial clause with its own subject and a conjunction ("after X rejected ...",
    "because Y said ..."): it tells its own act, whatever the clause above says of its own."""
    t = parse.tokens
    return (
        t[verb].dep == "advcl"
        and t[verb].tag in {"VBD", "VBZ", "VBP"}  # finite, not "for X to allow"
        and bool(parse.dep_children(verb, "nsubj", "nsubjpass"))
        and any(t[k].dep == "mark" for k in parse.children[verb])
    )


def _set_for_later(parse: Parse, trigger: int, verb: int) -> bool:
    """A meeting noun that is the subject of a present "is scheduled / slated / set / planned
    (for ...)": arranged for later."""
    t = parse.tokens
    aux = {t[k].text.lower() for k in parse.children[verb] if t[k].dep in {"aux", "auxpass"}}
    return (
        t[trigger].dep == "nsubjpass"
        and t[trigger].head == verb
        and t[verb].lemma.lower() in SCHEDULED
        and bool(aux & {"is", "are", "'s", "'re", "be", "been"})
        and not aux & {"was", "were", "had"}
    )


def _future(parse: Parse, verb: int) -> bool:
    """'will not attend', 'is to skip', 'plans to miss': the verb or what governs it points
    ahead."""
    t = parse.tokens
    for v in (verb, t[verb].head):
        aux = {t[k].text.lower() for k in parse.children[v] if t[k].dep in {"aux", "auxpass"}}
        if aux & FUTURE_AUX or going_to(parse, v) or t[v].lemma.lower() in PLAN_LEMMAS:
            return True
    return False


#: Verbs of a happening coming about: "took place", "went ahead", "happened".
OCCURRING = frozenset({"happen", "materialize", "materialise", "proceed", "occur"})


def _occurs(parse: Parse, verb: int) -> bool:
    """Is ``verb`` one of a happening coming about ("take place", "go ahead", "happen") with
    a meeting word as its subject?"""
    t = parse.tokens
    lemma = t[verb].lemma.lower()
    kids = {t[k].text.lower() for k in parse.children[verb]}
    if not (
        lemma in OCCURRING
        or (lemma == "take" and "place" in kids)
        or (lemma == "go" and "ahead" in kids)
    ):
        return False
    return bool(parse.dep_children(verb, "nsubj", "nsubjpass"))


def _skipped_with(parse: Parse, trigger: int) -> bool:
    return skipped_with(parse, measure_head(parse, trigger))


def _skipped(parse: Parse, trigger: int) -> bool:
    return absent_from(parse, measure_head(parse, trigger))


# verbs whose object is only wished for: "X offered talks", "Y called for an emergency summit",
# "Z invited X for talks"
SOUGHT = frozenset({"offer", "propose", "suggest", "seek", "want", "request", "urge", "demand"})
SOUGHT_FOR = frozenset(
    {"call", "push", "press", "appeal", "ask", "invite"}
)  # "invited X for talks"


def _sought(parse: Parse, trigger: int, verb: int) -> bool:
    tok, lemma = parse.tokens[trigger], parse.tokens[verb].lemma.lower()
    if tok.dep == "dobj":
        return lemma in SOUGHT
    if tok.dep == "pobj" and parse.tokens[tok.head].text.lower() == "for":
        return lemma in SOUGHT_FOR or lemma in SOUGHT
    return False


MEASURES = frozenset({"day", "week", "hour", "round", "series", "session", "month", "year"})


def measure_head(parse: Parse, noun: int) -> int:
    """'three days of talks', 'a new round of talks': the measure noun stands in the clause
    for the meeting word."""
    t = parse.tokens
    prep = t[noun].head
    of = t[noun].dep == "pobj" and t[prep].text.lower() == "of" and prep != noun
    return t[prep].head if of and t[t[prep].head].lemma.lower() in MEASURES else noun


#: Participles that colour a meeting without telling it took place ("a summit overshadowed by
#: the war", "talks focused on trade").
COLOURING = frozenset(
    {"overshadow", "dominate", "focus", "aim", "mar", "cloud", "devote", "dedicate", "expect"}
)


def _clause_verb(parse: Parse, trigger: int) -> int | None:
    """The verb whose tense tells the trigger's status."""
    t = parse.tokens
    trigger = measure_head(parse, trigger)
    tok = t[trigger]
    if tok.pos in {"VERB", "AUX"}:
        return trigger
    for k in parse.children[trigger]:  # "talks which were held", "meeting held in Caracas"
        if (
            t[k].dep in {"relcl", "acl"}
            and t[k].pos in {"VERB", "AUX"}
            and not parse.dep_children(k, "mark")  # "... summit in Lima that X must fall":
            # a complement clause of the verb hung on the noun, not a clause describing it
            and not (t[k].lemma.lower() in ONGOING_LEMMAS and tok.dep == "dobj")
            # "a summit overshadowed by the war": a participle that only describes the
            # meeting says nothing of when it is held
            and not (t[k].dep == "acl" and t[k].tag == "VBN" and t[k].lemma.lower() in COLOURING)
            # "the leaders' meeting, to be attended by X and Y, will take place on Friday":
            # who attends says nothing of when; the clause the noun is subject of does
            and not (t[k].lemma.lower() in {"attend", "join"} and tok.dep in {"nsubj", "nsubjpass"})
        ):  # "are holding talks that began on Tuesday": the holding tells the status
            # "the meeting, which was to have been held on Wednesday": the perfect infinitive
            # the copula carries tells it was not; "which was to be held" stays the copula's
            fell_through = [
                x
                for x in parse.dep_children(k, "xcomp")
                if t[k].lemma.lower() == "be" and counterfactual(parse, x)
            ]
            return fell_through[0] if fell_through else k
    if tok.dep in {"nsubj", "nsubjpass", "dobj", "attr", "oprd"} or tok.dep == "ROOT":
        head = t[tok.head]
        return head.i if head.pos in {"VERB", "AUX"} else None
    if tok.dep == "pobj":  # "to meet at the summit" -> the verb above the preposition
        prep = t[tok.head]
        if prep.text.lower() == "for" and t[prep.head].lemma.lower() == "be":
            return prep.head  # "X is in Kyiv for talks": the talks are under way
        if prep.text.lower() in AFTER_PREPS | BEFORE_PREPS | {"since", "of"}:
            return None
        head = t[prep.head]
        return head.i if head.pos in {"VERB", "AUX"} else None
    return None


def conditional(parse: Parse, verb: int) -> bool:
    """ "if Iran attacks Israel, the United States will respond": a condition and what follows
    from it are only supposed ("unless NATO withdrew its troops" included)."""
    t = parse.tokens
    # "warned X of consequences if it helped Y": a warning or a promise is made all the same;
    # the condition is what it says
    sayer = t[verb].lemma.lower() in CONDITIONED_SAYINGS
    return any(
        t[k].text.lower() in CONDITION_MARKS
        for c in (verb, *([] if sayer else parse.dep_children(verb, "advcl")))
        for k in parse.dep_children(c, "mark")
    )


#: Acts made now whose content is conditional ("threatened to retaliate if ...").
CONDITIONED_SAYINGS = frozenset(
    {"warn", "threaten", "caution", "vow", "pledge", "promise", "say", "tell", "insist"}
)


def _negated_governor(parse: Parse, scope: list[int]) -> bool:
    """A verb whose open complement the act is ("not expected to meet", "does not plan to
    visit"), or a noun it completes ("no order to pull out"), is
    negated; not a clause the act's clause only modifies ("when X called, Y was not there")."""
    t = parse.tokens
    verb = scope[0]
    if t[verb].dep == "acl" and any(  # "has given no order to pull out the troops"
        t[c].dep == "det" and t[c].text.lower() == "no" for c in parse.children[t[verb].head]
    ):
        return True
    for below, above in itertools.pairwise(scope):
        if t[below].dep not in {"xcomp", "acomp"}:  # "was not ready to accept"
            return False
        if any(t[c].dep == "neg" and t[c].text.lower() in NEG for c in parse.children[above]):
            return True
    return False


#: Verbs that set a meeting for later when they describe its noun ("talks scheduled for May").
SCHEDULED = frozenset({"schedule", "plan", "slate", "set", "arrange", "expect"})


def _verb_status(parse: Parse, verb: int) -> Status | None:
    from .arguments import invitation_taker  # arguments imports this module

    t = parse.tokens
    if invitation_taker(parse, verb) is not None:
        return "planned"  # "accepted an invitation to visit Tehran": a visit to come
    if t[verb].dep in {"acl", "relcl"} and t[verb].lemma.lower() in SCHEDULED:
        # "the summit, scheduled for next month, will ...": set for later, unless the clause
        # it is the subject of tells more ("the summit planned for May was held in Tokyo")
        noun = t[t[verb].head]
        main = _verb_status(parse, noun.head) if noun.dep in {"nsubj", "nsubjpass"} else None
        if noun.dep == "dobj" and cancels(parse, noun.head):
            # "called off a visit planned for September": the plan is cancelled
            return "planned" if _hedged(parse, noun.head) else "cancelled"
        return main or "planned"
    if conditional(parse, verb):
        return "hypothetical"
    if denied(parse, verb):
        return "negated"
    if alleged(parse, verb):
        return "hypothetical"
    chain = [verb, *list(parse.ancestors(verb))[:3]]
    # walk up only through open complements ("is expected to head", "plans to visit")
    scope = [verb]
    for a in chain[1:]:
        reported = t[scope[-1]].dep == "ccomp" and t[a].lemma.lower() in REPORTING
        if reported:  # "said he agreed ...": the report does not change what was agreed
            break
        if _own_clause(parse, scope[-1]):
            break  # "called off the visit after X rejected his idea": X's act is not called off
        if t[scope[-1]].dep in {"xcomp", "ccomp", "advcl", "acomp"} and t[a].pos in {
            "VERB",
            "AUX",
            "ADJ",
        }:  # "was not ready to accept": the adjective's copula carries the negation
            scope.append(a)
        else:
            break
    lemmas = {t[i].lemma.lower() for i in scope}
    kids = [t[k] for i in scope for k in parse.children[i]]
    aux = {k.text.lower() for k in kids if k.dep in {"aux", "auxpass"}}
    if any(cancels(parse, i) for i in scope) or counterfactual(parse, verb):
        # "may be delayed", "could be postponed": still planned, only perhaps put off
        return "planned" if aux & HEDGE_AUX - {"will", "would"} else "cancelled"
    if any(  # "refused to meet X"; not "rejected the charges, calling on Kenya to ..."
        t[above].lemma.lower() in REFUSE_LEMMAS and t[below].dep in {"xcomp", "ccomp", "acomp"}
        for below, above in itertools.pairwise(scope)
    ):
        return "negated"
    if any(k.dep == "neg" and k.text.lower() in NEG for k in (t[c] for c in parse.children[verb])):
        # "the meeting between X and Y, which Moscow had tried to broker, did not take place":
        # a meeting expected that never happened is called off, as annotators code it
        return "cancelled" if _occurs(parse, verb) else "negated"
    if _negated_governor(parse, scope):
        return "negated"  # "are not expected to meet", "does not plan to visit"
    if too_to(parse, scope):
        return "hypothetical"
    if yet_to(parse, scope):
        return "negated"  # "have yet to hold a formal meeting", "is yet to visit Kyiv"
    if aux & FUTURE_AUX or going_to(parse, verb):
        return "hypothetical" if aux & HEDGE_AUX - {"will"} else "planned"
    if aux & HEDGE_AUX == {"would"} and _future_in_past(parse, verb, scope):
        return "planned"  # "the ministry said the delegation would arrive on Monday"
    if aux & HEDGE_AUX or (lemmas & HEDGE_LEMMAS and len(scope) > 1):
        return "hypothetical"
    if t[verb].dep == "xcomp" and t[t[verb].head].lemma.lower() in FORECAST_ADJ:
        return "hypothetical"
    top = t[scope[-1]]
    if top.dep == "acl" and t[top.head].lemma.lower() in CAPACITY_NOUNS:
        return "hypothetical"
    if {t[i].lemma.lower() for i in scope[1:]} & PLAN_LEMMAS:
        # a plan governs the act ("is expected to visit"); the act's own verb does not count
        # ("since X arrived in the U.S., the administration approved ...")
        return "planned"
    if t[verb].dep == "advcl" and has_to(parse, verb):  # "left for X to meet Y": purpose
        return "planned"
    if t[verb].dep == "xcomp" and t[verb].tag == "VB" and has_to(parse, verb):
        return "planned" if lemmas & ONGOING_LEMMAS == set() else "ongoing"
    tag = t[verb].tag
    if tag == "VBG" and aux & {"is", "are", "am", "'s", "'re"}:
        return "ongoing"
    if tag == "VBN" and "being" in aux and aux & {"is", "are", "'s", "'re"}:
        return "ongoing"  # "the meeting is being held today"
    if t[verb].lemma.lower() == "be" and tag in {"VBZ", "VBP"} and parse.preps(verb, "for"):
        due = {t[k].lemma.lower() for k in parse.children[verb]} & ANNOUNCED_ARRIVAL
        return "planned" if due else "ongoing"  # "X is in Kyiv for talks"; "is due back in X"
    if lemmas & ONGOING_LEMMAS and tag in {"VBZ", "VBP"}:
        return "ongoing"
    if t[verb].lemma.lower() == "be" and tag in {"VBZ", "VBP"} and under_way(parse, verb):
        return "ongoing"  # "the meeting is underway in Tehran", "talks are under way"
    if tag == "VBD" or (
        tag == "VBN"
        and (aux & {"was", "were", "has", "have", "had", "been"} or t[verb].dep in {"relcl", "acl"})
    ):
        return "occurred"
    return None


# verbs that report what someone said (shared with the meeting rules)
REPORTING = frozenset(
    {"say", "state", "note", "tell", "announce", "add", "report", "confirm", "disclose", "reveal",
     "declare", "write"}
)  # fmt: skip
CONDITION_MARKS = frozenset({"if", "unless", "provided", "lest"})
WOULD_WISH = frozenset({"like", "love", "prefer", "rather", "be"})


def _future_in_past(parse: Parse, verb: int, scope: list[int]) -> bool:
    """'would' reporting an arrangement, not a condition: the clause is reported speech and
    nothing in the sentence makes it conditional ("would like to", "if ..." stay hypothetical)."""
    t = parse.tokens
    if t[verb].lemma.lower() in WOULD_WISH:
        return False
    n = parse.sentence_index(verb)
    if any(t[i].text.lower() in CONDITION_MARKS for i in parse.sentence_tokens(n)):
        return False
    top = scope[-1]
    # "said the delegation would arrive", "agreed that investigators would fly to Ankara"
    if any(
        t[k].dep == "ccomp" and t[t[k].head].lemma.lower() in REPORTING | ARRANGING for k in scope
    ):
        return True
    # "said the envoy had been called in, and that Buhari would send an envoy": the second
    # reported clause, joined to the first
    for k in scope:
        first = t[t[k].head]
        if (
            first.dep == "ccomp"
            and t[k].dep == "conj"
            and t[first.head].lemma.lower() in (REPORTING | ARRANGING)
        ):
            return True
    if t[top].dep == "relcl" and any(t[k].dep == "mark" for k in parse.children[top]):
        # "agreed in a phone call that X would fly ...", parsed as a clause on "call"
        above = parse.governing_verb(t[top].head)
        if t[above].lemma.lower() in REPORTING | ARRANGING:
            return True
    return any(t[i].text.lower().rstrip(".") in CALENDAR_WORDS for i in parse.sentence_tokens(n))


#: Verbs whose "that ... would" clause is an arrangement made: "agreed that X would fly to Y".
ARRANGING = frozenset({"agree", "decide", "confirm", "promise", "pledge"})

# a named day or month dates the arrangement: "the delegation would arrive on April 5"
CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS) | {"tomorrow"}


def _subjectless_cancel(parse: Parse, verb: int) -> bool:
    """The small model often hangs 'were cancelled' under 'scheduled' with no subject of its
    own: such a cancellation is the scheduled event's."""
    t = parse.tokens
    # "had been scheduled to meet in Colombo in March but was postponed": the plan's verb
    verbs = [verb, t[verb].head] if t[verb].dep == "xcomp" else [verb]
    return any(
        t[k].dep in {"ccomp", "conj"}
        and t[k].lemma.lower() in CANCEL_LEMMAS
        and not parse.dep_children(k, "nsubj", "nsubjpass")
        for v in verbs
        for k in parse.children[v]
    )


def _modifier_status(parse: Parse, trigger: int) -> Status | None:
    for k in parse.children[trigger]:
        word = parse.tokens[k].text.lower()
        if parse.tokens[k].dep not in {"amod", "compound", "nummod", "advmod"}:
            continue
        if word in PLANNED_ADJ:
            return "planned"
        if word in PROSPECT_ADJ:
            return "hypothetical"
        if word in ONGOING_ADJ:
            return "ongoing"
        if word in PAST_ADJ and word != "first":
            return "occurred"
    return None


def _prep_status(parse: Parse, trigger: int) -> Status | None:
    tok = parse.tokens[trigger]
    if tok.dep != "pobj":
        return None
    prep = parse.tokens[tok.head].text.lower()
    if prep in AFTER_PREPS:
        return "occurred"
    if prep in BEFORE_PREPS or (
        prep == "of" and parse.tokens[parse.tokens[tok.head].head].text.lower() == "ahead"
    ):
        # "days before the president's meeting with Erdogan", told of a past act: later than
        # that act, which says nothing of now
        return None if _told_in_past(parse, tok.head) else "planned"
    return None


def _told_in_past(parse: Parse, k: int) -> bool:
    """Is the verb that the phrase at ``k`` hangs from an act in the simple past ("discussed
    ... days before the meeting"), not a saying ("ahead of the talks, Biden said ...")?"""
    t = parse.tokens
    seen = set()
    while t[k].pos not in {"VERB", "AUX"} and t[k].head != k and k not in seen:
        seen.add(k)
        k = t[k].head
    return (
        t[k].pos in {"VERB", "AUX"}
        and t[k].tag == "VBD"
        and t[k].lemma.lower() not in SPEECH | ADDRESSEE_VERBS
    )
