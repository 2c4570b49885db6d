"""Position triggers and frames: which lexicon verbs and nouns report an act in their
clause, and what the clause makes of it ("X must do Y" said by a party is a demand; a hostile act
announced is a threat, a friendly one a promise; "will withdraw unless" is a threat).
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Entity
from .arguments import (
    parties_under,
    party_code,
)
from .lexicon import Entry, Lexicon
from .position_records import SPEECH, PositionCandidate, needed_clause
from .subjects import _subject
from .syntax import Parse
from .trigger_needs import _needs_met, _on_state, noun_entry
from .trigger_senses import _not_an_act

INTENT = frozenset(
    {
        "vow",
        "pledge",
        "promise",
        "prepare",
        "ready",
        "willing",
        "prepared",
        "determined",
        "swear",
        "intend",
        "plan",
        "threaten",
        "be",
    }
)

#: Words of readiness: "is ready to contribute troops", "willing to send material" are offers.
OFFERING = frozenset({"ready", "willing", "prepared", "prepare", "be"})

HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})

FRIENDLY = frozenset({"SUPPORT", "AID", "COOPERATE", "CONCEDE", "RETREAT"})

WILL = frozenset({"will", "would", "shall", "'ll", "wo"})

#: Friendly acts (type, mode) that, announced, keep their own type (planned) rather than
#: becoming a promise: "will provide 190 million euros in aid to Sudan" (AID), "will remove its
#: tariffs on Australian barley" (CONCEDE, easing), as the development sets' annotators code
#: them; not "would resign" or "will allow him inside" (promises or wishes).
KEPT = frozenset({("AID", "aid"), ("CONCEDE", "ease")})

#: Taking a side is a stance held now, however it is put: "will stand by Sri Lanka".
SIDING = frozenset({"stand", "side"})

#: Verbs whose complement is the act itself, carried on or taken up: "will continue to X".
CARRY_ON = frozenset({"continue", "keep", "seek", "try", "work", "strive", "begin", "start"})


#: Verbs of answering in kind: "Moscow will respond", "reserves the right to retaliate".
RESPONSE_VERBS = frozenset({"respond", "retaliate", "react", "reciprocate"})

#: What one answers that is no act to retaliate for: "will respond to the letter".
PLAIN_QUERIES = frozenset(
    {"question", "letter", "request", "query", "invitation", "email", "inquiry", "enquiry"}
    | {"call", "comment", "report", "offer", "proposal", "plea", "appeal", "concern", "message"}
    | {"need", "crisis", "emergency", "disaster", "pandemic", "outbreak", "demand", "situation"}
)

#: Ways of answering that are no threat: "would respond positively to the offer".
KIND_ANSWERS = frozenset(
    {"positively", "favourably", "favorably", "constructively", "warmly", "swiftly", "quickly"}
)


def _retaliation(parse: Parse, v: int) -> bool:
    """An answer in kind: "would respond", "will react firmly to the expulsion", not "will
    respond to the letter" or "would respond positively"."""
    t = parse.tokens
    if any(t[k].lemma.lower() in KIND_ANSWERS for k in parse.dep_children(v, "advmod")):
        return False
    answered = parse.preps(v, "to")
    return not any(t[o].lemma.lower() in PLAIN_QUERIES for o in answered)


def _reserved_right(parse: Parse, v: int) -> bool:
    """ "reserved the right to respond": the verb completes "right", the object of "reserve"."""
    t = parse.tokens
    right = t[v].head
    return (
        t[v].dep == "acl"
        and t[right].lemma.lower() == "right"
        and t[right].dep == "dobj"
        and t[t[right].head].lemma.lower() == "reserve"
    )


def reframe(parse: Parse, cand: PositionCandidate) -> PositionCandidate:
    """An act announced for the future is a threat (hostile acts) or a promise (friendly acts):
    "said they would blockade Paris" -> THREATEN, "will provide aid" -> AGREE; an answer in kind
    announced or a right to one reserved is a threat ("said Moscow would respond")."""
    t = parse.tokens
    v = cand.verb
    answer = cand.entry.lemma in RESPONSE_VERBS and cand.entry.type in {"STATEMENT", "SANCTION"}
    if answer and _reserved_right(parse, v) and _retaliation(parse, v):
        new = Entry(
            cand.entry.lemma, "VERB", "THREATEN", "threaten", "", "rule:position.announced_response"
        )
        return replace(cand, entry=new, status="occurred")
    if cand.status not in {"planned", "hypothetical"}:
        return cand
    aux = {t[k].text.lower() for k in parse.children[v] if t[k].dep in {"aux", "auxpass"}}
    if t[v].dep == "xcomp" and t[t[v].head].lemma.lower() in CARRY_ON:
        # "will continue to strengthen coordination": the future is on the verb it completes
        aux |= {t[k].text.lower() for k in parse.dep_children(t[v].head, "aux", "auxpass")}
    head_lemma = t[t[v].head].lemma.lower()
    reported = t[v].dep in {"ccomp", "xcomp"} and head_lemma in SPEECH | INTENT
    if not (aux & WILL or reported):
        return cand
    if aux & WILL and "have" in aux:
        # "a resolution that would have renewed sanctions": what did not come about
        return replace(cand, status="hypothetical")
    lemma = cand.entry.lemma
    hostile = cand.entry.type in HOSTILE
    if cand.entry.type not in {"STATEMENT", "THREATEN", "REQUEST"} and _unless(parse, v, hostile):
        # "will withdraw its force unless X holds elections": a conditional act is a threat,
        # made when it was said; "will impose sanctions if X sells arms" likewise when hostile
        new = Entry(lemma, "VERB", "THREATEN", "threaten", "", "rule:position.conditional_threat")
        return replace(cand, entry=new, status="occurred", recipients=_conditioned(parse, cand))
    elif cand.entry.type in HOSTILE:
        new = Entry(
            lemma, "VERB", "THREATEN", "threaten", "", "rule:position.announced_hostile_act"
        )
    elif answer and _retaliation(parse, v):
        new = Entry(lemma, "VERB", "THREATEN", "threaten", "", "rule:position.announced_response")
    elif (
        cand.entry.type in FRIENDLY
        and lemma not in SIDING
        and not ((cand.entry.type, cand.entry.mode) in KEPT and head_lemma not in OFFERING)
    ):
        # aid and concessions announced as what will be done keep their type (KEPT); offers
        # ("is ready to contribute troops", "willing to send material") and other friendly
        # acts are promises: "X and Y will strengthen cooperation", made each other
        source = "rule:position." + (
            "announced_cooperation" if cand.entry.type == "COOPERATE" else "announced_friendly_act"
        )
        new = Entry(lemma, "VERB", "AGREE", "promise", "", source)
    else:
        return cand
    return replace(cand, entry=new, recipients=_conditioned(parse, cand))


def _conditioned(parse: Parse, cand: PositionCandidate) -> tuple[Entity, ...]:
    """A threat's target when its clause names none: the party whose act the condition names
    ("will impose sanctions if Iran resumes enrichment", "unless Caracas frees them")."""
    if cand.recipients:
        return cand.recipients
    t = parse.tokens
    own = {party_code(e) for e in cand.actors}
    verbs = [cand.verb]
    if t[cand.verb].dep == "xcomp":  # "will be forced to take steps if Finland joins NATO"
        verbs.append(t[cand.verb].head)
    for c in (c for v in verbs for c in parse.dep_children(v, "advcl")):
        if not {t[k].text.lower() for k in parse.dep_children(c, "mark")} & {"if", "unless"}:
            continue
        found = [
            e
            for e in parties_under(parse, parse.dep_children(c, "nsubj"))
            if party_code(e) not in own
        ]
        if found:
            return tuple(found)
    return cand.recipients


def _unless(parse: Parse, v: int, hostile: bool) -> bool:
    """ "will withdraw unless X ...", "will impose sanctions if X ..." (a hostile act only): a
    condition set on a firm future act (not "could", "may")."""
    t = parse.tokens
    aux = {t[k].text.lower() for k in parse.dep_children(v, "aux")}
    if not aux & {"will", "would", "'ll", "shall"}:
        return False
    marks = {
        t[k].text.lower()
        for c in parse.dep_children(v, "advcl")
        for k in parse.dep_children(c, "mark")
    }
    return "unless" in marks or ("if" in marks and hostile)


OBLIGATION = frozenset({"must", "should", "ought"})

FIRST_PERSON = frozenset({"we", "i"})


def _obliged(parse: Parse, c: int) -> bool:
    """A clause that says what someone other than the speaker must or should do."""
    t = parse.tokens
    if (need := needed_clause(parse, c)) is not None:
        subj = parse.dep_children(need, "nsubj")
        return bool(subj) and not any(t[k].text.lower() in FIRST_PERSON for k in subj)
    aux = {t[k].text.lower() for k in parse.dep_children(c, "aux")}
    if not aux & OBLIGATION or "have" in aux:  # "should have acted": regret, not a demand
        return False
    return not any(t[k].text.lower() in FIRST_PERSON for k in parse.dep_children(c, "nsubj"))


def _obligation(parse: Parse, i: int) -> bool:
    """'declared that China must drop barriers', 'a reminder that it must cooperate'."""
    clauses = parse.dep_children(i, "ccomp")
    for o in parse.dep_children(i, "dobj"):  # "issued a reminder that it must cooperate"
        clauses += parse.dep_children(o, "ccomp", "acl")
    return any(_obliged(parse, c) for c in clauses)


#: Verbs of a binding decision: what they say must happen is decided, not demanded.
RULINGS = frozenset({"rule", "decide", "decree", "determine"})


def _obligation_entry(parse: Parse, i: int) -> Entry | None:
    """A verb outside the lexicon that reports an obligation ("concluded that X must ...") is a
    demand; so is an obligation said by someone ("X must go, the minister said")."""
    lemma = parse.tokens[i].lemma.lower()
    if lemma in RULINGS:
        return None  # "a court ruled that the suspects should remain in custody": a ruling
    if _obligation(parse, i):
        return Entry(lemma, "VERB", "REQUEST", "demand", "", "rule:position.obligation")
    if _obliged(parse, i) and _speech_child(parse, i) is not None:
        return Entry(lemma, "VERB", "REQUEST", "demand", "", "rule:position.obligation_reported")
    return None


def _speech_child(parse: Parse, i: int) -> int | None:
    """'X must go, the minister said': the speech verb hung under the reported clause."""
    t = parse.tokens
    for k in parse.dep_children(i, "parataxis", "ccomp"):
        if t[k].lemma.lower() in SPEECH and k > i:
            return k
    return None


def _speaker_parties(parse: Parse, i: int) -> list[Entity]:
    k = _speech_child(parse, i)
    if k is None:
        return []
    return [e for e in parties_under(parse, parse.dep_children(k, "nsubj")) if party_code(e)]


def _obliged_content(parse: Parse, i: int) -> bool:
    """The verb is (inside) an obligation reported by a verb or noun above it: it is what is
    demanded, not an event of its own."""
    t = parse.tokens
    x = i
    for _ in range(4):
        if _obliged(parse, x) and t[x].dep in {"ccomp", "acl"} and t[x].head != x:
            return True
        if t[x].dep not in {"advcl", "xcomp", "conj", "ccomp", "acl"} or t[x].head == x:
            return False
        x = t[x].head
    return False


def _object_reading(parse: Parse, lexicon: Lexicon, i: int) -> bool:
    """A meeting verb whose object says it is not a meeting ("meet their demands")."""
    return any(
        e.need_kind == "obj" and _needs_met(parse, i, e)
        for e in lexicon.verbs.get(parse.tokens[i].lemma.lower(), ())
    )


PROMISES = frozenset({"vow", "pledge", "promise", "swear"})


def _promise_of_hostile_act(parse: Parse, lexicon: Lexicon, i: int, entry: Entry) -> Entry:
    """'vowed to retaliate', 'pledged to fight on': a promise of a hostile act is a threat."""
    if entry.type != "AGREE" or parse.tokens[i].lemma.lower() not in PROMISES:
        return entry
    for c in parse.dep_children(i, "xcomp"):
        sub = _entry(parse, lexicon, c)
        if sub is not None and sub.type in HOSTILE | {"THREATEN"}:
            return Entry(
                entry.lemma, "VERB", "THREATEN", "threaten", "", "rule:position.hostile_promise"
            )
    return entry


def _named_subject(parse: Parse, i: int) -> bool:
    """A subject written as a noun phrase ("Rebels", "The army"), not a pronoun or nothing."""
    subj = parse.dep_children(i, "nsubjpass") + _subject(parse, i)
    return any(parse.tokens[k].pos in {"NOUN", "PROPN"} for k in subj)


def _topic_of_other(parse: Parse, i: int) -> bool:
    """'talks on a ceasefire', 'a debate about sanctions': the noun is a topic, not an event."""
    tok = parse.tokens[i]
    head = parse.tokens[tok.head]
    if _on_state(parse, i):
        return False
    return tok.dep == "pobj" and head.text.lower() in {
        "on",
        "about",
        "over",
        "regarding",
        "concerning",
    }


#: Nouns whose "that" clause is what was asked or offered, not a second act.
CONTENT_NOUNS = frozenset({"demand", "request", "call", "appeal", "proposal", "offer"})

CONTENT_HEADS = frozenset(
    {
        "offer",
        "propose",
        "promise",
        "pledge",
        "agree",
        "refuse",
        "threaten",
        "urge",
        "ask",
        "advise",
        "press",
        "appeal",
        "encourage",
        "call",
        "vow",
        "demand",
        "seek",
        "decline",
        "plan",
        "allow",
        "permit",
    }
)


def _content_of_parent(parse: Parse, lexicon: Lexicon, i: int) -> bool:
    """'offered to fund X': funding is what is offered, not a second event; so is what lies
    further down ("refused to allow planes to land and evacuate observers")."""
    t = parse.tokens
    x = i
    for _ in range(4):
        head_noun = t[t[x].head].pos == "NOUN" and t[t[x].head].lemma.lower() in CONTENT_NOUNS
        if t[x].dep in {"acl", "ccomp"} and head_noun:
            marks = {t[m].text.lower() for m in parse.dep_children(x, "mark")}
            if "that" in marks:  # "Tehran's demand that Washington lift the sanctions"
                return True
        if t[x].dep not in {"xcomp", "ccomp", "conj"} or t[x].head == x:
            return False
        head = t[t[x].head]
        if (
            t[x].dep != "conj"
            and head.lemma.lower() in CONTENT_HEADS
            and _entry(parse, lexicon, head.i) is not None
        ):
            return True
        x = head.i
    return False


def _entry(parse: Parse, lexicon: Lexicon, i: int) -> Entry | None:
    found = None
    for e in lexicon.verbs.get(parse.tokens[i].lemma.lower(), ()):
        if _needs_met(parse, i, e):
            found = e
            break
    if found is None or found.type == "STATEMENT":
        return _light_verb_entry(parse, lexicon, i) or found
    return found


#: Verbs that only carry the event their object names: "launched an investigation", "staged a
#: protest", "issued an ultimatum", "announced a suspension", "reiterated its demand".
LIGHT_VERBS = frozenset(
    {
        "launch",
        "open",
        "begin",
        "start",
        "stage",
        "stag",  # the lemmatiser's reading of "staged"
        "mount",
        "conduct",
        "carry",
        "issue",
        "file",
        "make",
        "continue",
        "resume",
        "wage",
        "announce",
        "declare",
        "order",
        "hold",
        "organize",
        "organise",
        "lead",
        "initiate",
        "unleash",
        "deliver",
        "give",
        "reiterate",
        "repeat",
        "renew",
        "intensify",
        "escalate",
        "step",
    }
)


#: Nouns that gather acts of a kind: "a package of sanctions", "a new round of tariffs".
COLLECTIVES = frozenset({"package", "raft", "set", "series", "round", "wave", "batch", "slew"})


def _light_verb_entry(parse: Parse, lexicon: Lexicon, i: int) -> Entry | None:
    """A light verb takes the type of the event noun it governs as direct object."""
    t = parse.tokens
    if t[i].lemma.lower() not in LIGHT_VERBS:
        return None
    objs = parse.dep_children(i, "dobj")
    # "announced a package of sanctions": the measures the collective holds
    objs += [p for o in objs if t[o].lemma.lower() in COLLECTIVES for p in parse.preps(o, "of")]
    for o in objs:
        for c in parse.conjuncts(o):
            noun = noun_entry(parse, lexicon, c)
            if noun is not None:
                return Entry(
                    t[i].lemma.lower(),
                    "VERB",
                    noun.type,
                    noun.mode,
                    "",
                    "rule:position.light_verb_noun",
                )
    return None


def _inside_typed_complement(parse: Parse, lexicon: Lexicon, i: int, entry: Entry) -> bool:
    """A speech verb whose complement holds a typed verb gives way to that verb."""
    if entry.type != "STATEMENT":
        return False
    for k in parse.subtree(i):
        if k != i and parse.tokens[k].pos == "VERB" and parse.tokens[k].dep in {"ccomp", "xcomp"}:
            sub = _entry(parse, lexicon, k)
            if (
                sub is not None
                and sub.type != "STATEMENT"
                and not _obliged_content(parse, k)
                and not _not_an_act(parse, lexicon, k, sub)  # "had abused the immunities"
            ):
                return True
    return False
