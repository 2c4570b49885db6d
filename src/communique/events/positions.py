"""Positions and actions other than meetings: proposals and demands (REQUEST), rejections,
agreements, support, accusations, sanctions ... and plain stated positions (STATEMENT).

One candidate per predicate verb found in the verb lexicon. A speech verb whose complement
carries a typed predicate yields that typed event (with the speaker as actor) instead of a bare
STATEMENT; a speech verb whose complement refuses or rules out ("cannot accept", "would never
permit", "is not ready to") yields a REJECT.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Entity, Status, TimeExpression
from .arguments import (
    dependency_distance,
    head_entities,
    parties_under,
    party_code,
    premodifier_parties,
    speaker_of,
    times_in_sentence,
)
from .lexicon import Entry, Lexicon
from .status import status_of
from .syntax import CLAUSE_DEPS, Parse

NEGATORS = frozenset({"not", "n't", "never", "cannot", "no"})
REFUSAL_HEADS = frozenset(
    {
        "ready",
        "willing",
        "prepared",
        "allow",
        "accept",
        "permit",
        "tolerate",
        "agree",
        "dictate",
        "recognize",
        "recognise",
        "negotiate",
        "discuss",
    }
)
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "this"})
ELABORATION_VERBS = frozenset(
    {"include", "be", "call", "involve", "envisage", "demand", "require", "contain"}
)
SPEECH = frozenset(
    {"say", "state", "stress", "add", "insist", "declare", "note", "tell", "reiterate"}
)
ADDRESSEE_VERBS = frozenset(
    {"urge", "ask", "call", "press", "invite", "request", "appeal", "encourage"}
)
ITEM_TYPES = frozenset({"REQUEST", "REJECT", "AGREE", "CONCEDE"})


@dataclass(slots=True)
class PositionCandidate:
    verb: int
    sentence: int
    entry: Entry
    actors: list[Entity]
    recipients: list[Entity]
    items: list[str]
    status: Status
    date: TimeExpression | None
    responds: bool  # "responded to ... proposals"


def find_positions(
    parse: Parse, lexicon: Lexicon, times: tuple[TimeExpression, ...], skip: set[int]
) -> list[PositionCandidate]:
    out: list[PositionCandidate] = []
    last_actors: list[Entity] = []
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
            if _not_an_act(parse, i, entry):
                continue
            entry = _promise_of_hostile_act(parse, lexicon, i, entry)
            if _content_of_parent(parse, lexicon, i):
                continue
            actors = _actors(parse, i) or (last_actors if _pronoun_subject(parse, i) else [])
            if entry.source == "rule:position.obligation_reported":
                actors = _speaker_parties(parse, i) or actors
            refusal = _refusal(parse, i) if entry.type == "STATEMENT" else None
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
            if _duplicate(out, n, entry, actors):
                continue
            cand = PositionCandidate(
                verb=i,
                sentence=n,
                entry=entry,
                actors=actors,
                recipients=[e for e in _recipients(parse, i) if e not in actors],
                items=[refusal]
                if refusal
                else _items(parse, i)
                if entry.type in ITEM_TYPES
                else [],
                status=_status(parse, i, entry),
                date=min(
                    sent_times, key=lambda t: dependency_distance(parse, parse.token_at(t.start), i)
                )
                if sent_times
                else None,
                responds=_responds(parse, i),
            )
            _reframe(parse, cand)
            if cand.status == "negated" and cand.entry.type in {
                "AGREE",
                "SUPPORT",
                "COOPERATE",
                "CONCEDE",
            }:
                # "failed to reach agreement", "did not accept": a rejection that happened
                cand.entry = Entry(
                    entry.lemma, "VERB", "REJECT", "reject", "", "rule:position.negated_agreement"
                )
                cand.status = "occurred"
                cand.items = [_clause_text(parse, i)]
                # "will not let Chile's quota be cut": whose quota it is says
                # nothing about whom the refusal answers; only a direct object or complement does
                cand.recipients = [
                    e for e in _recipients(parse, i, indirect=False) if e not in cand.actors
                ]
            if actors:
                last_actors = actors
            named = _named_subject(parse, i) or (
                _pronoun_subject(parse, i) and _named_subject(parse, tok.head)
            )
            if actors or cand.recipients or (named and cand.entry.type != "STATEMENT"):
                out.append(cand)
        if not any(c.sentence == n and c.entry.type != "STATEMENT" for c in out):
            out += _noun_events(parse, lexicon, n, sent_times, skip)
    return _elaborate(parse, _drop_echoes(out))


# what a refusal to speak refuses: "declined to comment", "refused to say where"
NO_COMMENT = frozenset(
    {
        "comment",
        "elaborate",
        "say",
        "discuss",
        "confirm",
        "answer",
        "specify",
        "identify",
        "disclose",
        "reveal",
        "speculate",
        "name",
        "detail",
        "respond",
    }
)
QUESTION_VERBS = frozenset({"ask", "wonder", "query", "question"})
OPINION_VERBS = frozenset({"agree", "concur", "accept", "acknowledge"})


def _not_an_act(parse: Parse, i: int, entry: Entry) -> bool:
    """Verbs of the lexicon used for talk rather than an act between parties (rules
    ``trigger.bare_question``, ``trigger.no_comment``, ``trigger.opinion_agreement``)."""
    t = parse.tokens
    kids = {t[k].dep for k in parse.children[i]}
    lemma = t[i].lemma.lower()
    if entry.type == "REQUEST" and lemma in QUESTION_VERBS:
        # '"Can he stay?" he asked': a question, not a request (no one asked, nothing asked for)
        asked_that = any(
            k > i and any(t[m].text.lower() == "that" for m in parse.dep_children(k, "mark"))
            for k in parse.dep_children(i, "ccomp")
        )
        return (
            not kids & {"dobj", "dative", "xcomp"} and not parse.preps(i, "for") and not asked_that
        )
    if entry.type == "REJECT":
        return any(t[k].lemma.lower() in NO_COMMENT for k in parse.dep_children(i, "xcomp"))
    if entry.type == "AGREE" and lemma in OPINION_VERBS:
        # "said he agreed it was a big problem": an opinion, not an agreement with anyone
        return (
            "ccomp" in kids
            and not kids & {"xcomp", "dobj"}
            and not parse.preps(i, "with", "on", "to")
        )
    return False


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
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
FRIENDLY = frozenset({"SUPPORT", "AID", "COOPERATE", "CONCEDE", "RETREAT"})
WILL = frozenset({"will", "would", "shall", "'ll", "wo"})


def _reframe(parse: Parse, cand: PositionCandidate) -> None:
    """An act announced for the future is a threat (hostile acts) or a promise (friendly acts):
    "said they would blockade Paris" -> THREATEN, "will provide aid" -> AGREE."""
    if cand.status not in {"planned", "hypothetical"}:
        return
    t = parse.tokens
    v = cand.verb
    aux = {t[k].text.lower() for k in parse.children[v] if t[k].dep in {"aux", "auxpass"}}
    head_lemma = t[t[v].head].lemma.lower()
    reported = t[v].dep in {"ccomp", "xcomp"} and head_lemma in SPEECH | INTENT
    if not (aux & WILL or reported):
        return
    if cand.entry.type not in {"STATEMENT", "THREATEN", "REQUEST"} and _unless(parse, v):
        # "will withdraw its force unless X holds elections": a conditional act is a threat
        cand.entry = Entry(
            cand.entry.lemma, "VERB", "THREATEN", "threaten", "", "rule:position.conditional_threat"
        )
        return
    if cand.entry.type in HOSTILE:
        cand.entry = Entry(
            cand.entry.lemma,
            "VERB",
            "THREATEN",
            "threaten",
            "",
            "rule:position.announced_hostile_act",
        )
    elif cand.entry.type in FRIENDLY:
        cand.entry = Entry(
            cand.entry.lemma, "VERB", "AGREE", "promise", "", "rule:position.announced_friendly_act"
        )


def _unless(parse: Parse, v: int) -> bool:
    t = parse.tokens
    return any(
        t[k].text.lower() == "unless"
        for c in parse.dep_children(v, "advcl")
        for k in parse.dep_children(c, "mark")
    )


OBLIGATION = frozenset({"must", "should", "ought"})
FIRST_PERSON = frozenset({"we", "i"})


def _obliged(parse: Parse, c: int) -> bool:
    """A clause that says what someone other than the speaker must or should do."""
    t = parse.tokens
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


def _obligation_entry(parse: Parse, i: int) -> Entry | None:
    """A verb outside the lexicon that reports an obligation ("concluded that X must ...") is a
    demand; so is an obligation said by someone ("X must go, the minister said")."""
    lemma = parse.tokens[i].lemma.lower()
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


#: Verbs of being or putting in a state: "went on strike", "put on high alert".
STATE_VERBS = frozenset({"go", "be", "remain", "stay", "put", "place", "keep", "come"})


def _on_state(parse: Parse, i: int) -> bool:
    """'on strike', 'on (high) alert' after a verb of state: the noun is the state the subject
    is in or is put in, not a topic; the noun has no determiner."""
    t = parse.tokens
    tok = t[i]
    on = t[tok.head]
    return (
        tok.dep == "pobj"
        and on.text.lower() == "on"
        and on.head != on.i
        and t[on.head].lemma.lower() in STATE_VERBS
        and not parse.dep_children(i, "det", "poss")
    )


def _noun_events(
    parse: Parse, lexicon: Lexicon, n: int, sent_times: list[TimeExpression], skip: set[int]
) -> list[PositionCandidate]:
    """Events named by a noun when no verb carries one: "riots against X", "an air raid"."""
    out: list[PositionCandidate] = []
    for i in parse.sentence_tokens(n):
        tok = parse.tokens[i]
        entry = lexicon.nouns.get(tok.lemma.lower()) if tok.pos == "NOUN" else None
        if entry is None or i in skip or _topic_of_other(parse, i):
            continue
        if not _noun_needs_met(parse, i, entry):
            continue
        actors = [e for e in premodifier_parties(parse, i) if party_code(e)]
        actors += [e for e in head_entities(parse, parse.preps(i, "by")) if e not in actors]
        recipients = [
            e
            for e in head_entities(parse, parse.preps(i, "against", "on", "to"))
            if e not in actors
        ]
        status = status_of(parse, i) or "occurred"
        out.append(
            PositionCandidate(
                verb=i,
                sentence=n,
                entry=entry,
                actors=actors,
                recipients=recipients,
                items=[],
                status=status,
                date=sent_times[0] if sent_times else None,
                responds=False,
            )
        )
        break  # one nominal event per sentence: the first named
    return out


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


def _light_verb_entry(parse: Parse, lexicon: Lexicon, i: int) -> Entry | None:
    """A light verb takes the type of the event noun it governs as direct object."""
    t = parse.tokens
    if t[i].lemma.lower() not in LIGHT_VERBS:
        return None
    for o in parse.dep_children(i, "dobj"):
        for c in parse.conjuncts(o):
            noun = lexicon.nouns.get(t[c].lemma.lower()) if t[c].pos == "NOUN" else None
            if noun is not None and _noun_needs_met(parse, c, noun):
                return Entry(
                    t[i].lemma.lower(),
                    "VERB",
                    noun.type,
                    noun.mode,
                    "",
                    "rule:position.light_verb_noun",
                )
    return None


def _noun_needs_met(parse: Parse, i: int, entry: Entry) -> bool:
    """'hunger strike' (mod:hunger|general ...); the other needs do not apply to nouns."""
    if entry.need_kind != "mod" or _on_state(parse, i):  # "went on strike"
        return True
    return bool({parse.tokens[k].lemma.lower() for k in parse.children[i]} & entry.need_words)


def _needs_met(parse: Parse, i: int, e: Entry) -> bool:
    kind, words = e.need_kind, e.need_words
    t = parse.tokens
    if kind == "obj":
        # "sent rescue teams and medical supplies": every conjunct of the object counts;
        # "allowed inspectors to visit": so does the subject of an infinitive complement
        objs = [c for o in parse.dep_children(i, "dobj", "nsubjpass") for c in parse.conjuncts(o)]
        objs += [
            s
            for c in parse.dep_children(i, "ccomp", "xcomp")
            if any(t[a].text.lower() == "to" for a in parse.dep_children(c, "aux"))
            for s in parse.dep_children(c, "nsubj")
        ]
        # "presented a draft statute": the object or one of its modifiers names the kind
        return any(
            t[o].lemma.lower() in words
            or any(t[m].lemma.lower() in words for m in parse.dep_children(o, "compound", "amod"))
            or any(t[m].lemma.lower() in words for m in parse.preps(o, "of"))  # "tons of aid"
            for o in objs
        )
    if kind == "prep":
        return any(
            t[k].text.lower() in words for k in parse.children[i] if t[k].dep in {"prep", "prt"}
        )
    if kind == "prt":
        return any(
            t[k].text.lower() in words
            for k in parse.children[i]
            if t[k].dep in {"prt", "prep", "advmod"}
        )
    if kind == "comp":  # "found him guilty": a predicative complement
        return any(
            t[k].lemma.lower() in words
            for k in parse.dep_children(i, "ccomp", "acomp", "oprd", "xcomp")
        )
    if kind == "from":  # "withdrew from the talks", "from its role as mediator"
        return any(
            t[m].lemma.lower() in words
            for o in parse.preps(i, "from")
            for m in parse.subtree(o)
            if m - o <= 6
        )
    if kind == "notperson":
        return not any(
            x.kind == "person" for x in parties_under(parse, parse.dep_children(i, "dobj"))
        )
    return True


def _inside_typed_complement(parse: Parse, lexicon: Lexicon, i: int, entry: Entry) -> bool:
    """A speech verb whose complement holds a typed verb gives way to that verb."""
    if entry.type != "STATEMENT":
        return False
    for k in parse.subtree(i):
        if k != i and parse.tokens[k].pos == "VERB" and parse.tokens[k].dep in {"ccomp", "xcomp"}:
            sub = _entry(parse, lexicon, k)
            if sub is not None and sub.type != "STATEMENT" and not _obliged_content(parse, k):
                return True
    return False


SUBJECT_CHAIN = frozenset({"xcomp", "ccomp", "conj", "advcl", "acomp"})


def _subject(parse: Parse, i: int) -> list[int]:
    """The subject of ``i``'s clause: its own, else the one of the clause it completes, up
    through open complements ("is ready to contribute", "vowed to fight and to hold")."""
    t = parse.tokens
    for _ in range(4):
        subj = parse.dep_children(i, "nsubj")
        if subj or parse.dep_children(i, "nsubjpass") or t[i].head == i:
            return subj
        if t[i].dep == "acl" and t[t[i].head].dep in {"dobj", "attr"}:
            i = t[t[i].head].head  # "issued a declaration demanding ..."
            continue
        if t[i].dep not in SUBJECT_CHAIN:
            return subj
        i = t[i].head
    return []


def _actors(parse: Parse, i: int) -> list[Entity]:
    subj = _subject(parse, i)
    if subj and parse.tokens[subj[0]].pos == "PRON":  # "X said it supported ..."
        subj = speaker_of(parse, parse.tokens[subj[0]].head) or subj
    agent = parse.preps(i, "by") if parse.dep_children(i, "nsubjpass") else []
    found = [e for e in parties_under(parse, subj + agent) if party_code(e)]
    if not found:  # "rebels in the Ivory Coast", "thousands of Nigerians": where the group is from
        where = [p for s in subj for p in parse.preps(s, "in", "of", "from")]
        found = [e for e in parties_under(parse, where) if e.kind == "state"]
    return found


def _pronoun_subject(parse: Parse, i: int) -> bool:
    return any(parse.tokens[k].text.lower() in PRONOUNS for k in parse.dep_children(i, "nsubj"))


def _recipients(parse: Parse, i: int, indirect: bool = True) -> list[Entity]:
    heads = parse.dep_children(i, "dobj", "dative", "nsubjpass") + parse.preps(
        i, "to", "on", "upon", "with", "against", "from"
    )
    found = head_entities(parse, heads)
    if not found:  # "signed the deal with EU leaders", "shot Russian soldiers"
        found = [
            e for h in heads for c in parse.conjuncts(h) for e in premodifier_parties(parse, c)
        ]
    if not found:  # "presented a plan for X to the EU": the parser hung "to the EU" on the object
        tos = [
            k
            for o in parse.dep_children(i, "dobj")
            for k in parse.subtree(o, frozenset({"relcl", "acl"}))
            if parse.tokens[k].dep == "prep"
            and parse.tokens[k].text.lower() == "to"
            and parse.tokens[parse.tokens[k].head].lemma.lower() not in ACCREDITED
        ]
        found = head_entities(parse, [p for k in tos for p in parse.dep_children(k, "pobj")])
    if not found and indirect:
        found = _object_recipients(parse, i)
    return found


OBJECT_PREPS = ("to", "for", "with", "against", "toward", "towards")
# "ambassador to Turkey": where a post is held, not whom an act is aimed at
ACCREDITED = frozenset(
    {"ambassador", "envoy", "representative", "delegate", "emissary", "consul", "mission"}
)


def _object_recipients(parse: Parse, i: int, depth: int = 0) -> list[Entity]:
    """The party an act is aimed at when the object names it only in a modifier: "praised
    Haiti's efforts", "promised military aid to Mozambique"; or, one open complement down,
    "offered to hand over two suspects to Britain"."""
    t = parse.tokens
    objs = parse.dep_children(i, "dobj", "nsubjpass")
    owners = [k for o in objs for k in parse.children[o] if t[k].dep == "poss"]
    found = head_entities(parse, owners)
    if not found:  # "aid to Mozambique", "an offer from Kabul", "calls by Minsk"
        preps = [p for o in objs for p in parse.preps(o, *OBJECT_PREPS, "from", "by")]
        found = head_entities(parse, preps) or [
            e for p in preps for c in parse.conjuncts(p) for e in premodifier_parties(parse, c)
        ]
    if not found:  # "rejected a U.S. request", "restrictions on German goods"
        found = [e for o in objs for e in premodifier_parties(parse, o)]
    if not found:  # "demanded that the United States match ...": who is to act
        subjects = [
            s for c in parse.dep_children(i, "ccomp") for s in parse.dep_children(c, "nsubj")
        ]
        found = head_entities(parse, subjects) or [
            e for s in subjects for e in premodifier_parties(parse, s)
        ]
    if not found and depth == 0:
        for c in parse.dep_children(i, "xcomp"):
            found = _recipients(parse, c) or _object_recipients(parse, c, 1)
            if found:
                break
    return found


def _items(parse: Parse, i: int) -> list[str]:
    t = parse.tokens
    clauses = parse.dep_children(i, "ccomp", "xcomp")
    heads = parse.dep_children(i, "dobj") + parse.preps(i, "for")
    if clauses and t[i].lemma.lower() in ADDRESSEE_VERBS:  # "urged both sides to return to X"
        return [_clause_text(parse, c) for c in clauses]
    if not heads:
        heads = clauses
    out = []
    for h in heads:
        if t[h].pos in {"PRON"}:
            continue
        start, end = parse.phrase(h, CLAUSE_DEPS | {"prep"} if t[h].pos == "VERB" else CLAUSE_DEPS)
        if t[h].pos in {"NOUN", "PROPN"}:
            start, end = _noun_phrase_without_recipient(parse, h)
        out.append(parse.text[start:end])
    return out


def _noun_phrase_without_recipient(parse: Parse, h: int) -> tuple[int, int]:
    keep = [k for k in parse.subtree(h, CLAUSE_DEPS | {"to"})]
    lo, hi = min(keep), max(keep)
    while hi > lo and parse.tokens[hi].pos == "PUNCT":
        hi -= 1
    while lo < hi and parse.tokens[lo].dep in {"det", "punct"}:
        lo += 1
    return parse.tokens[lo].start, parse.tokens[hi].end


def _status(parse: Parse, i: int, entry: Entry) -> Status:
    s = status_of(parse, i)
    if s == "negated" and entry.type == "REJECT":
        return "occurred"
    t = parse.tokens
    if s in {"planned", "hypothetical"} and t[i].tag == "VBD" and not parse.dep_children(i, "aux"):
        # a finite past verb tells a past act, whatever its lemma ("settlers set fire to ...",
        # where "set" is also a planning word)
        return "occurred"
    return s or "occurred"


def _refusal(parse: Parse, i: int) -> str | None:
    """The complement of a speech verb rules something out ('cannot accept', 'would never permit',
    'is not ready to discuss'): returns the refused proposition as written, else None."""
    t = parse.tokens
    for c in parse.dep_children(i, "ccomp", "xcomp", "advcl"):
        if t[c].lemma.lower() in SPEECH:  # "repeated ..., adding that it would never permit X"
            inner = _refusal(parse, c)
            if inner:
                return inner
            continue
        for k in parse.subtree(c, frozenset({"relcl"})):
            word = t[k].text.lower()
            head = t[t[k].head]
            refuses = word in NEGATORS and (
                head.lemma.lower() in REFUSAL_HEADS
                or any(t[x].lemma.lower() in REFUSAL_HEADS for x in parse.children[head.i])
            )
            if refuses or word == "cannot":
                return _clause_text(parse, c)
    for k in parse.dep_children(i, "conj", "advcl"):
        if parse.tokens[k].lemma.lower() in {"say", "state", "stress", "add"}:
            found = _refusal(parse, k)
            if found:
                return found
    return None


def _clause_text(parse: Parse, c: int) -> str:
    idx = sorted(
        k for k in parse.subtree(c) if parse.tokens[k].dep != "mark" or parse.tokens[k].head != c
    )
    while idx and parse.tokens[idx[-1]].pos == "PUNCT":
        idx.pop()
    return parse.text[parse.tokens[idx[0]].start : parse.tokens[idx[-1]].end]


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
        c.sentence == n and c.entry.type == entry.type and {e.id for e in c.actors} == ids
        for c in found
    )


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
    by_sentence = {c.sentence: c for c in cands if c.entry.type in {"REQUEST", "AGREE"}}
    for n, _s in enumerate(parse.annotated.sentences):
        prev = by_sentence.get(n - 1) or (by_sentence.get(n - 2) if n >= 2 else None)
        if prev is None or n in by_sentence:
            continue
        item = _elaboration_item(parse, n)
        if item:
            prev.items.append(item)
            by_sentence[n] = prev
    return cands


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
