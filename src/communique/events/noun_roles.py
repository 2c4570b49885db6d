"""Events a noun names when no verb carries one, who does them and whom they are aimed at:
"Poland's expulsion of 20 Russian diplomats", "sanctions imposed by the EU on Belarus" (rules
role.noun_agent, role.noun_patient). A request told as whose wish an act was ("postponed at the
request of the Tajik side", "withdrawing its troops at the demand of the military regime") was
made by the "of" party of the clause's subject."""

from __future__ import annotations

from ..model import Entity, TimeExpression
from .arguments import (
    asked_of,
    head_entities,
    parties_under,
    party_code,
    premodifier_parties,
)
from .lexicon import Lexicon
from .position_aims import border_parties
from .position_records import PositionCandidate
from .position_roles import QUANTITIES
from .position_triggers import _topic_of_other
from .status import status_of
from .subjects import _subject
from .syntax import Parse
from .trigger_needs import _noun_needs_met, _on_state, noun_entry

#: Noun acts whose "of" phrase names what the act is done to: "the expulsion of 20 Russian
#: diplomats", "the seizure of an Iranian tanker" (unlike "the withdrawal of US troops").
PATIENT_OF_TYPES = frozenset({"SANCTION", "COERCE", "ASSAULT"})
#: Noun acts whose "of" phrase names who acts: "the withdrawal of US troops".
AGENT_OF_TYPES = frozenset({"RETREAT", "MOBILIZE"})


def _phrase_parties(parse: Parse, heads: list[int]) -> list[Entity]:
    """The parties phrases name: their head entities, else a name or demonym before the head
    ("by Iraqi forces", "on Russian oligarchs")."""
    heads = [
        of
        for h in heads
        for of in (parse.preps(h, "of") if parse.tokens[h].lemma.lower() in QUANTITIES else [h])
    ]
    return head_entities(parse, heads) or [
        e for h in heads for c in parse.conjuncts(h) for e in premodifier_parties(parse, c)
    ]


def _participles(parse: Parse, noun: int) -> list[int]:
    """Past participles modifying a noun: "sanctions imposed by the EU on Belarus"."""
    t = parse.tokens
    return [k for k in parse.children[noun] if t[k].dep == "acl" and t[k].tag == "VBN"]


def noun_agents(parse: Parse, noun: int, type_: str) -> list[Entity]:
    """role.noun_agent: who does the act a noun names: "Poland's expulsion of ...", "US
    sanctions", "the crackdown by Iraqi forces", "sanctions imposed by the EU", and the "by"
    phrase the parser hung on the noun's "of" object ("the expulsion of envoys by Poland")."""
    found = [e for e in premodifier_parties(parse, noun) if party_code(e)]
    if type_ in AGENT_OF_TYPES:  # "the withdrawal of US troops": the troops' state
        found += [e for e in _phrase_parties(parse, parse.preps(noun, "of")) if party_code(e)]
    by = _agent_phrases(parse, noun)
    by += [b for o in parse.preps(noun, "of") for b in parse.preps(o, "by")]
    return found + [e for e in _phrase_parties(parse, by) if party_code(e) and e not in found]


def _agent_phrases(parse: Parse, noun: int) -> list[int]:
    """The "by" phrases of a noun and of its participles ("sanctions imposed by the EU")."""
    return parse.preps(noun, "by") + [
        b for k in _participles(parse, noun) for b in parse.preps(k, "by")
    ]


def noun_targets(parse: Parse, noun: int, type_: str) -> list[Entity]:
    """role.noun_patient: whom the act a noun names is aimed at: "sanctions on Belarus",
    "sanctions imposed by the EU on Belarus", "attacks on Israeli positions"; for measures and
    force also the "of" phrase ("the expulsion of 20 Russian diplomats")."""
    heads = parse.preps(noun, "against", "on", "to")
    heads += [p for k in _participles(parse, noun) for p in parse.preps(k, "on", "against")]
    # "imposed by the EU on Belarus", parsed with "on Belarus" under "the EU"
    heads += [p for b in _agent_phrases(parse, noun) for p in parse.preps(b, "on", "against")]
    if type_ in PATIENT_OF_TYPES:
        heads += parse.preps(noun, "of")
    if type_ == "RETREAT":  # "the withdrawal of US troops from Syria"
        heads += parse.preps(noun, "from")
    if type_ in {"REQUEST", "ACCUSE"}:
        # "Tehran's demand that Washington first lift the sanctions", "Canada's allegation
        # that New Delhi was linked to the killing": the subject of the noun's "that" clause
        heads += asked_of(parse, noun)
    return _phrase_parties(parse, heads)


def noun_events(
    parse: Parse,
    lexicon: Lexicon,
    n: int,
    sent_times: list[TimeExpression],
    skip: set[int],
    wished_only: bool = False,
) -> list[PositionCandidate]:
    """Events named by a noun when no verb carries one: "riots against X", "an air raid";
    ``wished_only``: beside a verb's act, only a request told as whose wish it was."""
    out: list[PositionCandidate] = []
    for i in parse.sentence_tokens(n):
        tok = parse.tokens[i]
        entry = noun_entry(parse, lexicon, i)
        if entry is None or i in skip or _topic_of_other(parse, i):
            continue
        if tok.dep == "compound":  # "an aid worker", "the sanctions bill": a kind, not an act
            continue
        wished = entry.type == "REQUEST" and parse.tokens[tok.head].text.lower() in {"at", "upon"}
        if wished_only and not wished:
            continue
        if not wished and not _noun_needs_met(parse, i, entry):
            continue
        if tok.dep in {"dobj", "nsubjpass"} and parse.tokens[tok.head].lemma.lower() in (
            lexicon.standing_verbs
        ):  # trigger.standing_measure: "the ship breached a UN ban": the ban is no new act
            continue
        actors = noun_agents(parse, i, entry.type)
        if wished:
            # "France began withdrawing its troops at the demand of the military regime": the
            # "of" party asked it of the clause's subject (role.noun_agent)
            actors = [e for e in _phrase_parties(parse, parse.preps(i, "of")) if party_code(e)]
            if not actors:
                continue
        if not actors and _on_state(parse, i):
            # "Greece put its armed forces on alert", "dockers went on strike": the subject's
            verb = parse.tokens[tok.head].head
            actors = [e for e in parties_under(parse, _subject(parse, verb)) if party_code(e)]
        recipients = [e for e in noun_targets(parse, i, entry.type) if e not in actors]
        if wished and not recipients:
            verb = parse.governing_verb(i)
            subjects = parse.dep_children(verb, "nsubj", "nsubjpass") or _subject(parse, verb)
            recipients = [e for e in parties_under(parse, subjects) if e not in actors]
        if not recipients and entry.type == "MOBILIZE":  # "on alert along its border with X"
            recipients = [
                e for e in border_parties(parse, parse.governing_verb(i)) if e not in actors
            ]
        # a wish acted on was made, whatever becomes of the act ("postponed at the request of")
        status = "occurred" if wished else status_of(parse, i) or "occurred"
        out.append(
            PositionCandidate(
                verb=i,
                sentence=n,
                entry=entry,
                actors=tuple(actors),
                recipients=tuple(recipients),
                items=(),
                status=status,
                date=sent_times[0] if sent_times else None,
                responds=False,
            )
        )
        break  # one nominal event per sentence: the first named
    return out
