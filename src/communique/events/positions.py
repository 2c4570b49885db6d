"""Positions and actions: proposals, demands, rejections and the other PLOVER acts.

    find_positions(parse, lexicon, times, skip) -> [PositionCandidate]

A verb of the lexicon (``events/data/verbs.csv``) or an event noun (``nouns.csv``) proposes a
candidate; trigger checks and clause frames (position_triggers.py: obligations, refusals,
announced acts) keep talk from counting as an act or retype it; its actors, recipients and items
come from position_roles.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ..model import Entity, PlaceMention, Status, TimeExpression
from .arguments import (
    head_entities,
    party_code,
    premodifier_parties,
)
from .clause_times import own_clause_time
from .critical import critical_target
from .domestic import envoy_title
from .lexicon import Entry, Lexicon
from .noun_roles import noun_events
from .position_aims import (
    BORDER_TYPES,
    border_parties,
    credited_acts,
    opening_place_state,
    purpose_parties,
    solidarity_with,
    stance_owners,
    summoned_parties,
    threatened_parties,
)
from .position_records import ITEM_TYPES, PositionCandidate, _clause_text
from .position_roles import (
    _actors,
    _items,
    _person_subject,
    _pronoun_subject,
    _recipients,
    contact_partner,
    group_subject,
)
from .position_triggers import (
    RESPONSE_VERBS,
    _content_of_parent,
    _entry,
    _inside_typed_complement,
    _named_subject,
    _object_reading,
    _obligation,
    _obligation_entry,
    _obliged_content,
    _promise_of_hostile_act,
    _speaker_parties,
    reframe,
)
from .refusals import ANSWERS, _refusal, _refused_party
from .sentence_spans import times_in_sentence
from .status import cancels, conditional, status_of
from .syntax import Parse
from .trigger_senses import _not_an_act

ELABORATION_VERBS = frozenset(
    {"include", "be", "call", "involve", "envisage", "demand", "require", "contain"}
)


def find_positions(
    parse: Parse,
    lexicon: Lexicon,
    times: tuple[TimeExpression, ...],
    skip: set[int],
    places: tuple[PlaceMention, ...] = (),
) -> list[PositionCandidate]:
    out: list[PositionCandidate] = []
    made: dict[str, Entity] = {}
    last_actors: list[Entity] = []
    last_by_person = False  # the last actors were a person's (a later "they" is not them)
    for n, _s in enumerate(parse.annotated.sentences):
        sent_times = [t for t in times_in_sentence(parse, times, n) if t.value]
        for i in parse.sentence_tokens(n):
            tok = parse.tokens[i]
            if tok.pos != "VERB" or (i in skip and not _object_reading(parse, lexicon, i)):
                continue
            if _obliged_content(parse, i):  # "said Sudan must return X": what is demanded
                continue
            entry = _entry(parse, lexicon, i) or _obligation_entry(parse, i)
            if entry is None or _inside_typed_complement(parse, lexicon, i, entry):
                continue
            if _not_an_act(parse, lexicon, i, entry):
                continue
            entry = _promise_of_hostile_act(parse, lexicon, i, entry)
            if _content_of_parent(parse, lexicon, i):
                continue
            actors = _actors(parse, i, lexicon.private_heads) or (
                last_actors if _pronoun_subject(parse, i, last_by_person) else []
            )
            if not actors and _definite_body_subject(parse, i):
                # role.definite_body: "Pakistan summoned ... The foreign ministry accused ...";
                # "According to the Jordanian government, the country had admitted ..."
                country = any(
                    parse.tokens[k].lemma.lower() in {"country", "kingdom", "nation"}
                    for k in parse.dep_children(i, "nsubj")
                )
                actors = (_states_before(parse, i) if country else []) or (
                    _previous_subject_states(parse, n)
                )
            elif not actors and (owners := stance_owners(parse, i)):
                actors = owners  # role.stance_owner: "the minister expressed India's support"
            elif (
                not actors
                and _stateless_official_subject(parse, i)
                and (opener := opening_place_state(parse, n, places, made))
            ):
                actors = [opener]  # role.opening_place: "In Beijing, spokesman Wang Lin said"
            elif not actors and _stateless_official_subject(parse, i):
                # "The Bolivian foreign ministry issued a statement ... Foreign Minister Ramiro
                # Choque later asked the OAS": an official the tables do not list speaks for
                # the state whose body the sentence before had speak (role.definite_body)
                actors = _previous_subject_states(parse, n, bodies_only=True)
            if entry.source == "rule:position.obligation_reported":
                actors = _speaker_parties(parse, i) or actors
            speaker = frozenset(c for e in actors if (c := party_code(e)))
            refusal = _refusal(parse, i, speaker) if entry.type == "STATEMENT" else None
            if entry.type == "STATEMENT" and refusal is None and _obligation(parse, i):
                entry = Entry(
                    entry.lemma, "VERB", "REQUEST", "demand", "", "rule:position.obligation"
                )
            if refusal is not None:
                entry = Entry(
                    entry.lemma,
                    "VERB",
                    "REJECT",
                    "reject",
                    "",
                    "rule:position.refusal_complement",
                )
            criticised = (
                critical_target(parse, i, actors, lexicon.critical_words)
                if entry.type == "STATEMENT" and refusal is None
                else None
            )
            if criticised is not None:
                rule_name = "rule:position.critical_statement"
                entry = Entry(entry.lemma, "VERB", "ACCUSE", "criticize", "", rule_name)
            answer = entry.type == "STATEMENT" and entry.lemma in RESPONSE_VERBS
            if not answer and _duplicate(out, n, entry, actors):
                continue  # "said Moscow would respond": a threat, once reframed below
            cand = PositionCandidate(
                verb=i,
                sentence=n,
                entry=entry,
                actors=tuple(actors),
                recipients=(criticised,)
                if criticised is not None
                else _not_own_side(
                    parse,
                    i,
                    entry,
                    (threatened_parties(parse, i) if entry.type == "THREATEN" else [])
                    or _recipients(parse, i)
                    or _refused_party(parse, i, refusal)
                    or (border_parties(parse, i) if entry.type in BORDER_TYPES else [])
                    or summoned_parties(parse, i)
                    or (purpose_parties(parse, i) if entry.type == "AID" else []),
                    actors,
                )
                or _not_own_side(parse, i, entry, contact_partner(parse, i, entry.type), actors),
                items=(refusal,)
                if refusal
                else tuple(_items(parse, i))
                if entry.type in ITEM_TYPES
                else (),
                status="occurred" if _purpose_of_past(parse, i) else _status(parse, i, entry),
                date=own_clause_time(parse, sent_times, i),
                responds=_responds(parse, i),
            )
            cand = reframe(parse, cand)
            if answer and cand.entry.type == "STATEMENT" and _duplicate(out, n, entry, actors):
                continue
            if (
                cand.status == "negated"
                and cand.entry.type in {"AGREE", "SUPPORT", "COOPERATE", "CONCEDE"}
                and cand.entry.lemma in ANSWERS
            ):
                # "failed to reach agreement", "did not accept": a rejection that happened;
                # "will not let Chile's quota be cut": whose quota it is says nothing about
                # whom the refusal answers; only a direct object or complement does
                cand = replace(
                    cand,
                    entry=Entry(
                        entry.lemma,
                        "VERB",
                        "REJECT",
                        "reject",
                        "",
                        "rule:position.negated_agreement",
                    ),
                    status="occurred",
                    items=(_clause_text(parse, i),),
                    recipients=tuple(
                        e for e in _recipients(parse, i, indirect=False) if e not in cand.actors
                    ),
                )
            if actors:
                last_actors = actors
                last_by_person = _person_subject(parse, i)
            elif _named_person_subject(parse, i):
                # "said Jane Doe of the retailers' association": a later "she" is that speaker,
                # not the coded person named before her
                last_actors = []
            named = _named_subject(parse, i) or (
                _pronoun_subject(parse, i) and _named_subject(parse, tok.head)
            )
            # "they agreed to ...": kept for the parties of a meeting just told (build step)
            together = (
                cand.entry.type in {"AGREE", "COOPERATE"} and group_subject(parse, i) is not None
            )
            if actors or cand.recipients or (named and cand.entry.type != "STATEMENT") or together:
                out.append(cand)
                out += solidarity_with(parse, cand) + credited_acts(parse, cand)
        typed = any(_typed_act(c) for c in _in_sentence(out, n))
        # beside a verb's act, only a request told as whose wish it was ("at the demand of X")
        out += noun_events(parse, lexicon, n, sent_times, skip, wished_only=typed)
    return _elaborate(parse, _drop_echoes(out))


#: Bodies of a state named without it: "the foreign ministry", "the police", "the army".
STATE_BODIES = frozenset(
    {"ministry", "government", "police", "army", "military", "cabinet", "parliament", "embassy"}
    | {"authority", "administration", "presidency", "navy", "force", "regime", "spokesman"}
    | {"spokeswoman", "spokesperson", "office", "court", "prosecutor", "department"}
    | {"country", "kingdom", "nation"}  # "the country had admitted 1.4 million refugees"
    # "Algeria recalled its ambassador. The statement said ...": what the state issued
    | {"statement", "communique", "communiqué", "declaration", "readout"}
)


def _definite_body_subject(parse: Parse, i: int) -> bool:
    """The subject is a state body named with "the" and no party of its own ("the foreign
    ministry", "the police"): it is the body of the state that acted just before."""
    t = parse.tokens
    for k in parse.dep_children(i, "nsubj"):
        if t[k].lemma.lower() not in STATE_BODIES:
            continue
        dets = {t[d].text.lower() for d in parse.dep_children(k, "det")}
        if (
            dets == {"the"}
            and t[k].tag in {"NN", "NNP"}  # one body, not "the governments of two countries"
            and not parse.dep_children(k, "prep", "conj", "relcl", "acl")
            and not parse.entities_in(parse.subtree(k))
        ):
            return True
    return False


def _states_before(parse: Parse, i: int) -> list[Entity]:
    """The one state the sentence names before the verb ``i`` ("According to the Jordanian
    government, the country had ..."), if exactly one."""
    t = parse.tokens
    first = parse.annotated.sentences[parse.sentence_index(i)].first_token
    # a party met, fought or left ("after talks with Russia, the country ...") is not it
    other = {
        k
        for p in range(first, i)
        if t[p].dep == "prep"
        and t[p].text.lower() in {"with", "between", "against", "from", "after", "before"}
        for k in parse.subtree(p)
    }
    found = [
        e
        for e in parse.entities_in(k for k in range(first, i) if k not in other)
        if e.kind == "state" and e.code
    ]
    return found if len({e.code for e in found}) == 1 else []


def _previous_subject_states(parse: Parse, n: int, bodies_only: bool = False) -> list[Entity]:
    """The state (or IGO) the main subject of sentence ``n - 1`` names or represents (with
    ``bodies_only``, only when that subject is one of its bodies: "the Bolivian foreign
    ministry")."""
    if n == 0:
        return []
    roots = [k for k in parse.sentence_tokens(n - 1) if parse.tokens[k].dep == "ROOT"]
    # the subject itself names the party ("Pakistan", "the Pakistani president"), not a thing
    # of one ("South Korea's air pollution")
    subjects = [s for r in roots for s in parse.dep_children(r, "nsubj")]
    parties = [] if bodies_only else head_entities(parse, subjects)
    if not parties and all(parse.tokens[s].lemma.lower() in STATE_BODIES for s in subjects):
        # "Azerbaijan's foreign ministry said ...": the state whose body it is
        parties = [e for s in subjects for e in premodifier_parties(parse, s)]
    codes = {party_code(e) for e in parties}
    states = [e for e in parse.entities if e.kind in {"state", "igo"} and e.code in codes]
    return states if len(codes - {None}) == 1 else []


def _stateless_official_subject(parse: Parse, i: int) -> bool:
    """The clause's subject is a person with a title of office whom the data tie to no state,
    not an envoy ("High Commissioner X handed the supplies"), who serves another state."""
    return any(
        (hit := parse.entity_at.get(k)) is not None
        and hit.entity.kind == "person"
        and hit.entity.titles
        and not any(envoy_title(title) for title in hit.entity.titles)
        and not party_code(hit.entity)
        for k in parse.dep_children(i, "nsubj")
    )


def _named_person_subject(parse: Parse, i: int) -> bool:
    """The clause's subject is a person named in the text (an entity of kind person)."""
    return any(
        (hit := parse.entity_at.get(k)) is not None and hit.entity.kind == "person"
        for k in parse.dep_children(i, "nsubj")
    )


def _not_own_side(
    parse: Parse, i: int, entry: Entry, recipients: list[Entity], actors: list[Entity]
) -> tuple[Entity, ...]:
    """Recipients other than the actors; for a withdrawal or deployment none of the actor's own
    state (its forces); for a statement or a warning, one taken from the
    subject of what was said is no target when it is the actor's own side ("Biden warned the
    United States will respond"; not "a court found former President Park guilty")."""
    own = {party_code(e) for e in actors} - {None}
    if entry.type in {"RETREAT", "MOBILIZE"}:  # "pulled out U.S. troops": its own forces
        return tuple(e for e in recipients if e not in actors and party_code(e) not in own)
    if entry.type not in {"STATEMENT", "THREATEN"}:
        return tuple(e for e in recipients if e not in actors)
    said = {
        s
        for c in parse.dep_children(i, "ccomp")
        for s in parse.subtree(c)
        if parse.tokens[s].dep in {"nsubj", "nsubjpass"} and parse.tokens[s].head == c
    }
    spoken_of = {e.id for e in parse.entities_in(sorted(k for s in said for k in parse.subtree(s)))}
    return tuple(
        e
        for e in recipients
        if e not in actors and not (e.id in spoken_of and party_code(e) in own)
    )


def _typed_act(c: PositionCandidate) -> bool:
    """A verb's act other than saying (a critical statement is still a saying here)."""
    # "said Moscow would respond to Moldova's expulsion of diplomats": the act answered stands
    return c.entry.type != "STATEMENT" and c.entry.source not in {
        "rule:position.critical_statement",
        "rule:position.announced_response",
    }


def _purpose_of_past(parse: Parse, i: int) -> bool:
    """ "summoned the envoy on Thursday to protest", "spoke with X to express his gratitude":
    what a past summons or contact was for was done."""
    t = parse.tokens
    head = t[i].head
    return bool(summoned_parties(parse, i) or contact_partner(parse, i)) and t[head].tag == "VBD"


def _status(parse: Parse, i: int, entry: Entry) -> Status:
    s = status_of(parse, i)
    if s == "cancelled" and cancels(parse, i):
        return "occurred"  # "broke off relations", "suspended aid": the act is the breaking off
    if s == "negated" and entry.type == "REJECT":
        return "occurred"
    t = parse.tokens
    if (
        s in {"planned", "hypothetical"}
        and t[i].tag == "VBD"
        and not parse.dep_children(i, "aux")
        and not conditional(parse, i)
    ):
        # a finite past verb tells a past act, whatever its lemma ("settlers set fire to ...",
        # where "set" is also a planning word)
        return "occurred"
    return s or "occurred"


def _drop_echoes(cands: list[PositionCandidate]) -> list[PositionCandidate]:
    """'rejected X, saying it would not accept Y': the negated acceptance restates the rejection,
    so one REJECT per sentence and actor set is kept (the first)."""
    seen: set[tuple[int, frozenset[str]]] = set()
    out = []
    for c in cands:
        key = (c.sentence, frozenset(e.id for e in c.actors))
        if c.entry.type == "REJECT":
            if key in seen:
                continue
            seen.add(key)
        out.append(c)
    return out


def _duplicate(found: list[PositionCandidate], n: int, entry: Entry, actors: list[Entity]) -> bool:
    """One event per sentence, type and actor set ("reiterated ..., saying ...")."""
    ids = {e.id for e in actors}
    return any(
        c.entry.type == entry.type and {e.id for e in c.actors} == ids
        for c in _in_sentence(found, n)
    )


def _in_sentence(found: list[PositionCandidate], n: int) -> Iterator[PositionCandidate]:
    """The candidates of sentence ``n`` at the end of ``found`` (sentences are read in order),
    without scanning the whole article's candidates again."""
    for c in reversed(found):
        if c.sentence < n:
            return
        if c.sentence == n:
            yield c


PROPOSAL_WORDS = frozenset(
    {
        "proposal",
        "offer",
        "plan",
        "initiative",
        "draft",
        "demand",
        "request",
        "idea",
        "suggestion",
        "call",
        "appeal",
        "decision",
        "statute",
    }
)


def _responds(parse: Parse, i: int) -> bool:
    """'responded to the proposals', 'welcomed the offer', 'rejected the plan'."""
    t = parse.tokens
    chain = [i, *parse.ancestors(i)][:3]
    if any(
        t[c].lemma.lower() in {"respond", "reply", "react", "answer", "reiterate"} for c in chain
    ):
        return True
    objs = parse.dep_children(i, "dobj") + parse.preps(i, "to")
    return any(t[o].lemma.lower() in PROPOSAL_WORDS for o in objs)


def _elaborate(parse: Parse, cands: list[PositionCandidate]) -> list[PositionCandidate]:
    """'These guarantees include X', 'Another proposal is Y': items added to the proposal before."""
    out = list(cands)
    by_sentence = {c.sentence: k for k, c in enumerate(out) if c.entry.type in {"REQUEST", "AGREE"}}
    for n, _s in enumerate(parse.annotated.sentences):
        prev = by_sentence.get(n - 1)
        if prev is None and n >= 2:
            prev = by_sentence.get(n - 2)
        if prev is None or n in by_sentence:
            continue
        item = _elaboration_item(parse, n)
        if item:
            out[prev] = replace(out[prev], items=(*out[prev].items, item))
            by_sentence[n] = prev
    return out


def _elaboration_item(parse: Parse, n: int) -> str | None:
    t = parse.tokens
    for i in parse.sentence_tokens(n):
        if t[i].dep != "ROOT" or t[i].lemma.lower() not in ELABORATION_VERBS:
            continue
        subj = parse.dep_children(i, "nsubj")
        if not subj:
            return None
        s = t[subj[0]]
        dets = {t[k].text.lower() for k in parse.children[s.i]}
        if not (
            dets & {"these", "this", "another", "the", "such", "other"}
        ) or s.lemma.lower() not in {
            "guarantee",
            "proposal",
            "demand",
            "draft",
            "plan",
            "request",
            "condition",
            "document",
            "agreement",
            "treaty",
            "term",
            "point",
            "provision",
            "offer",
            "initiative",
            "measure",
        }:
            return None
        objs = parse.dep_children(i, "dobj", "attr")
        if objs:
            idx = sorted(parse.subtree(objs[0], frozenset({"advcl", "parataxis"})))
            if len(idx) < 3:  # a parse that split the phrase: take the rest of the sentence
                idx = [k for k in parse.sentence_tokens(n) if k > i]
            while idx and parse.tokens[idx[-1]].pos in {"PUNCT", "SPACE"}:
                idx.pop()
            while idx and parse.tokens[idx[0]].dep == "det":
                idx.pop(0)
            return (
                parse.text[parse.tokens[idx[0]].start : parse.tokens[idx[-1]].end] if idx else None
            )
    return None
