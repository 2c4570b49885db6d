"""The one other party of a dispute as the target of an untargeted hostile act (rule
role.sole_other_party).

A report of a dispute between two parties tells many of their acts without naming the other
side again: "Russian foreign ministry spokeswoman Maria Zakharova called the move 'unfriendly'
and said Russia would respond" (the move is Poland's, told before); "Pakistan summoned India's
chargé d'affaires and lodged a strong protest"; "Mohamud warned that Somalia would defend its
territory"; "Indonesia deployed warships to the area". Analysts code the act against the other
side. So an accusation, a sanction, a threat or a deployment (``SIDED``) with no coded target,
whose paragraph names, up to the end of the act's sentence, exactly one coded party besides the
actor's own, is aimed at that party, when that
party is told before the act or in the act's sentence only as a qualifier ("India's chargé
d'affaires"): one named only in the act's sentence in another role ("citing its trade with
Brazil", "and Israel rejected the decision") is one the parser passed over as the target.

Only these types: agreements, support, aid and rejections are as often told with no target at
all, or aimed at a party named only later. A paragraph that names two or more other parties,
or none, leaves the act as it was (and the emission step leaves it out, rule emit.aimed_act).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import Entity, Event, Token
from .arguments import party_code
from .rules import rule
from .syntax import Parse

#: Hostile acts (and deployments) that are nearly always aimed at the other side of the
#: dispute told.
SIDED = frozenset({"ACCUSE", "SANCTION", "THREATEN", "MOBILIZE"})


def sole_other_party(
    parse: Parse,
    events: Sequence[Event],
    entities: Sequence[Entity],
    victims: frozenset[str],
    asking: frozenset[str],
) -> tuple[Event, ...]:
    annotated = parse.annotated
    by_id = {e.id: e for e in entities}
    text = annotated.article.text
    out = []
    for ev in events:
        target = _sole_target(parse, text, ev, by_id, entities, victims, asking)
        if target is not None:
            ev = replace(ev, recipients=(target,), rules=(*ev.rules, rule("role.sole_other_party")))
        out.append(ev)
    return tuple(out)


def _sole_target(
    parse: Parse,
    text: str,
    ev: Event,
    by_id: dict[str, Entity],
    entities: Sequence[Entity],
    victims: frozenset[str],
    asking: frozenset[str],
) -> str | None:
    if ev.type not in SIDED or ev.meeting is not None or not ev.evidence:
        return None
    if ev.recipients:
        return None  # a target named, coded or not ("blames Gulen"): not the other side
    own = {c for a in ev.actors if a in by_id and (c := party_code(by_id[a]))}
    if not own:
        return None
    span = ev.evidence[0]
    sentence = parse.annotated.sentence_at(span.start)
    end = sentence.end if sentence is not None else span.end
    start = text.rfind("\n", 0, span.start) + 1
    chosen: dict[str, tuple[tuple[int, int], str]] = {}  # code -> (rank, entity id)
    grounded: set[str] = set()
    for e in entities:
        code = party_code(e)
        told = [m.start for m in e.mentions if start <= m.start < end]
        if not code or code in own or not told:
            continue
        here = [m for m in e.mentions if span.start <= m.start < end]
        if e.kind in {"igo", "body"} and any(
            _addressed(parse, m.start, m.end, asking) for m in here
        ):
            return None  # "asked the Security Council to meet": a body addressed, not accused
        if any(_owns_what_was_harmed(parse, m.start, m.end, victims) for m in here):
            return None  # "a violation of Syria's sovereignty": the harmed side, not the target
        if any(_met(parse, m.start, m.end) for m in e.mentions if start <= m.start < end):
            return None  # "met Zelensky and condemned the attacks": a partner, not the accused
        # told before the act, or in it as a qualifier ("India's chargé d'affaires"); a party
        # named only in the act's sentence in another role ("citing its trade with Brazil",
        # "and Israel rejected the decision") is not the target the parser passed over
        if any(m.start < span.start for m in e.mentions if m.start >= start) or any(
            _modifier(parse, m.start, m.end) for m in here
        ):
            grounded.add(code)
        # the state itself where it is named there, else the last of its people named
        rank = (int(e.kind in {"state", "igo", "body"}), max(told))
        if code not in chosen or rank > chosen[code][0]:
            chosen[code] = (rank, e.id)
    if len(chosen) != 1 or not grounded.issuperset(chosen):
        return None
    return next(iter(chosen.values()))[1]


def _addressed(parse: Parse, start: int, end: int, asking: frozenset[str]) -> bool:
    """ "The OAS said ...", "asked the Security Council to convene", "called on the EAC to
    intervene": the body speaks or is asked to act in the sentence."""
    first, last = parse.token_range(start, end)
    for k in range(first, last + 1):
        t = parse.tokens[k]
        if first <= t.head <= last and t.head != k:
            continue
        if t.dep in {"nsubj", "nsubjpass"}:
            return True
        verb = parse.tokens[t.head]
        if t.dep == "pobj" and verb.dep == "prep":
            verb = parse.tokens[verb.head]
        return t.dep in {"dobj", "pobj"} and verb.lemma.lower() in asking
    return False


#: Verbs whose object, or whose "with" party, is one met: "met Zelensky", "held talks with X".
_MEETING_VERBS = frozenset(
    {"meet", "host", "receive", "visit", "call", "phone", "telephone", "talk", "speak", "hold"}
)


def _name_head(parse: Parse, start: int, end: int) -> int | None:
    """The token of a name whose head lies outside it (the name's own head), if any."""
    first, last = parse.token_range(start, end)
    for k in range(first, last + 1):
        head = parse.tokens[k].head
        if not first <= head <= last or head == k:
            return k
    return None


def _governor(parse: Parse, start: int, end: int, prep: str) -> tuple[str, Token] | None:
    """The name's relation and the word it hangs on, through a preposition ``prep`` ("talks
    with X", "the sovereignty of Syria"): ("pobj", "talks"); else its own relation and head."""
    k = _name_head(parse, start, end)
    if k is None:
        return None
    t = parse.tokens[k]
    head = parse.tokens[t.head]
    if t.dep == "pobj" and head.text.lower() == prep:
        return "pobj", parse.tokens[head.head]
    return t.dep, head


def _met(parse: Parse, start: int, end: int) -> bool:
    """The name is the one a party met, called or talked with ("met Zelensky in Kyiv", "held
    talks with Chinese officials"): a partner in the report, not the other side of a dispute."""
    found = _governor(parse, start, end, "with")
    if found is None:
        return False
    dep, head = found
    if dep == "pobj" and head.lemma.lower() in {"talk", "talks", "meeting", "call", "conversation"}:
        return True
    if dep not in {"pobj", "dobj"}:
        return False
    return head.lemma.lower() in _MEETING_VERBS and head.pos in {"VERB", "AUX"}


#: Dependencies of a name that only qualifies a noun ("India's chargé d'affaires", "Chinese
#: coast guard ships").
_MODIFIER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})


def _modifier(parse: Parse, start: int, end: int) -> bool:
    """The name's head token qualifies a noun."""
    k = _name_head(parse, start, end)
    return k is not None and parse.tokens[k].dep in _MODIFIER_DEPS


def _owns_what_was_harmed(parse: Parse, start: int, end: int, victims: frozenset[str]) -> bool:
    """ "Syria's sovereignty", "the sovereignty of Syria", "Japanese airspace": the name owns
    what an act harmed."""
    found = _governor(parse, start, end, "of")
    return found is not None and found[1].lemma.lower() in victims
