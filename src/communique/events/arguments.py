"""Who took part: participants, places and times attached to a trigger word by the tree."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Entity
from .absence import absent_from, attended, skipped_with
from .lexicon import load_lexicon
from .relations import _relation_owners
from .status import measure_head
from .syntax import CLAUSE_DEPS, Parse

PARTY_PREPS = ("between", "with", "among", "from", "involving", "by", "of", "to", "for", "and")
TOPIC_STOPS = (
    frozenset(
        {
            "on",
            "about",
            "over",
            "regarding",
            "concerning",
            "in",
            "at",
            "during",
            "since",
            "until",
            "after",
            "before",
            "under",
            "within",
            "amid",
            "despite",
            "into",
            "against",
        }
    )
    | CLAUSE_DEPS
)
PARTY_KINDS = frozenset({"state", "igo", "body", "person", "organization"})


#: Not descended into from the noun a relative clause describes: that clause itself.
RELATIVE_STOPS = TOPIC_STOPS | {"relcl", "acl"}


def party_code(e: Entity) -> str | None:
    """The code a participant counts as: its own code (state/IGO/body) or its country."""
    if e.kind in {"state", "igo", "body"} and e.code:
        return e.code
    return e.country


PERSONAL_PRONOUNS = frozenset({"he", "she"})
OBJECT_DEPS = frozenset({"dobj", "dative", "pobj"})
# "ambassador to Turkey": where a post is held, not a party the holder acts for
ACCREDITED = frozenset(
    {"ambassador", "envoy", "representative", "delegate", "emissary", "consul", "mission"}
    | {"d'affaires", "chargé"}  # "its chargé d'affaires"
)
POST_PREPS = frozenset({"to", "in", "at"})


def _posted_at(parse: Parse, k: int, top: int) -> bool:
    """``k`` names where a post is held ("China's ambassador to Britain"), below ``top``."""
    for a in [k, *parse.ancestors(k)]:
        if a == top:
            return False
        tok = parse.tokens[a]
        if (
            tok.dep == "prep"
            and tok.text.lower() in POST_PREPS
            and parse.tokens[tok.head].lemma.lower() in ACCREDITED
        ):
            return True
    return False


def parties_under(parse: Parse, heads: Iterable[int], tokens: Iterable[int] = ()) -> list[Entity]:
    """Actor entities in the phrases headed by ``heads``, not descending into topic phrases;
    a "he"/"she" head stands for the person named just before it. ``tokens``: more tokens whose
    entities count (a phrase cut short by the caller)."""
    idx: list[int] = [k for k in tokens if not place_descriptor(parse, k)]
    stand_ins: list[Entity] = []
    for h in heads:
        tok = parse.tokens[h]
        possessive = tok.dep == "poss" and tok.text.lower() in {"his", "her"}  # "his trip"
        objective = tok.dep in OBJECT_DEPS and tok.text.lower() in {"him", "her"}
        if tok.pos == "PRON" and (tok.text.lower() in PERSONAL_PRONOUNS or possessive or objective):
            person = (_clause_subject_person(parse, h) if possessive else None) or parse.antecedent(
                h, skip=_own_subjects(parse, h) if objective else ()
            )
            if person is not None:
                stand_ins.append(person)
            for c in parse.dep_children(h, "conj"):  # "he and President X met"
                idx.extend(
                    k for k in parse.subtree(c, TOPIC_STOPS) if not place_descriptor(parse, k)
                )
            continue
        related = _relation_owners(parse, h)
        idx.extend(
            k
            for k in parse.subtree(h, TOPIC_STOPS)
            if k not in related
            and not place_descriptor(parse, k)
            and not _posted_at(parse, k, h)
            and not currency_descriptor(parse, k)
        )
    found = parse.entities_in(sorted(set(idx)))
    found += [e for e in stand_ins if e not in found]
    return [e for e in found if e.kind in PARTY_KINDS and party_code(e)]


#: Verbs whose subject receives a guest: in "X received Y during his visit" "his" is Y's.
HOSTING_VERBS = frozenset({"receive", "host", "welcome", "greet", "invite"})


def _clause_subject_person(parse: Parse, h: int) -> Entity | None:
    """ "he discussed the issue with Netanyahu during his visit": a possessive "his"/"her" is
    the person who is its clause's subject, not the nearest name (not after a hosting verb)."""
    verb = parse.governing_verb(h)
    if parse.tokens[verb].lemma.lower() in HOSTING_VERBS:
        return None
    for _ in range(2):  # "X will travel to Caracas to meet Y, his first visit": X's
        if parse.dep_children(verb, "nsubj") or parse.tokens[verb].dep not in {"xcomp", "advcl"}:
            break
        verb = parse.tokens[verb].head
    for s in parse.dep_children(verb, "nsubj"):
        if parse.tokens[s].text.lower() in PERSONAL_PRONOUNS:
            return parse.antecedent(s)
        hit = parse.entity_at.get(s)
        if hit is not None and hit.entity.kind == "person":
            return hit.entity
    return None


def _own_subjects(parse: Parse, h: int) -> tuple[str, ...]:
    """Ids of the entities that are the subject of the verb an object pronoun depends on: "him"
    in "the minister thanked him" is never the minister."""
    verb = parse.tokens[h].head
    if parse.tokens[h].dep == "pobj":
        verb = parse.tokens[verb].head
    subjects = parse.dep_children(verb, "nsubj", "nsubjpass")
    return tuple(e.id for e in parse.entities_in(k for s in subjects for k in parse.subtree(s)))


SETTLEMENT_NOUNS = frozenset(
    {"capital", "city", "town", "port", "village", "resort", "enclave", "island", "province"}
)


def place_descriptor(parse: Parse, k: int) -> bool:
    """'the Russian city of Kazan', 'the Kazakh capital': a nationality describing a place."""
    tok = parse.tokens[k]
    return (
        tok.dep in {"amod", "compound"}
        and tok.head != k
        and parse.tokens[tok.head].lemma.lower() in SETTLEMENT_NOUNS
    )


def currency_descriptor(parse: Parse, k: int) -> bool:
    """ "a 2.9 billion US dollar bailout", "Chinese yuan loans": a state naming a currency."""
    tok = parse.tokens[k]
    return (
        tok.dep in {"amod", "compound", "nmod"}
        and tok.head != k
        and parse.tokens[tok.head].lemma.lower() in load_lexicon().currencies
    )


def premodifier_parties(parse: Parse, noun: int) -> list[Entity]:
    """Entities written before a noun inside its phrase: "US-Russia talks", "Macron's visit"."""
    left = [
        k for k in parse.children[noun] if k < noun and parse.tokens[k].dep not in {"det", "punct"}
    ]
    return parties_under(parse, left)


POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its", "our"})


def noun_parties(parse: Parse, noun: int) -> list[Entity]:
    """Participants of a meeting noun: premodifiers, then between/with/of/from complements;
    "his talks with X" / "X, who is on a visit to Y" add the clause's subject."""
    found = premodifier_parties(parse, noun)
    found += parties_under(parse, parse.preps(noun, *PARTY_PREPS))
    poss = [k for k in parse.children[noun] if parse.tokens[k].dep == "poss"]
    pronoun = any(parse.tokens[k].text.lower() in POSSESSIVE_PRONOUNS for k in poss)
    # "Orban's visit", "a trip by the minister": the journey is the named traveller's own
    owned = parse.tokens[noun].lemma.lower() in JOURNEYS and bool(
        (poss and not pronoun) or parse.preps(noun, "by")
    )
    visit = (
        parse.tokens[noun].lemma.lower() == "visit"
        and not premodifier_parties(parse, noun)
        and not _topic_of_clause(parse, noun)  # "China protested over the visit"
    )
    head = measure_head(parse, noun)
    present = (attended(parse, head) and not absent_from(parse, head)) or skipped_with(parse, head)
    if pronoun or ((visit or present) and not owned):
        found += clause_subject_parties(parse, noun)
    found += _held_in_relative(parse, noun)
    return _unique(found)


#: Meeting nouns that are one traveller's journey.
JOURNEYS = frozenset({"visit", "trip", "tour", "stop", "stopover", "journey"})

#: Verbs a meeting noun's relative clause holds it with ("the talks X held with Y").
HOLD_VERBS = frozenset({"have", "hold", "conduct"})


def _held_in_relative(parse: Parse, noun: int) -> list[Entity]:
    """ "the meetings the Syrian official had with his Cypriot hosts", "talks that X held with
    Y": the relative clause's subject and its "with" side."""
    t = parse.tokens
    out: list[Entity] = []
    for rel in parse.dep_children(noun, "relcl"):
        if t[rel].lemma.lower() not in HOLD_VERBS:
            continue
        subjects = [s for s in parse.dep_children(rel, "nsubj") if t[s].tag not in {"WDT", "WP"}]
        out += parties_under(parse, subjects + parse.preps(rel, "with"))
    return out


#: Verbs that hold talks a journey is made for: "travel to Cairo to resume talks".
TALK_CARRIERS = frozenset({"hold", "resume", "begin", "start", "open", "continue", "have"})

#: Verbs of going somewhere: "will head to Seoul for talks" is a visit to Seoul's state.
TRAVEL_VERBS = frozenset({"travel", "head", "fly", "go", "come", "arrive", "return", "jet"})


def travelled_for(parse: Parse, noun: int) -> bool:
    """Is the meeting noun what someone travels to a place for ("will head to Seoul for talks",
    "arrived in Beijing for talks")? Then the place's state is its host."""
    tok = parse.tokens[noun]
    t = parse.tokens
    if tok.dep == "dobj" and t[tok.head].lemma.lower() in TALK_CARRIERS:
        # "set to travel to Cairo to resume talks": the talks are the journey's purpose
        carrier = t[tok.head]
        if carrier.dep not in {"advcl", "xcomp"}:
            return False
        verb = carrier.head
    elif tok.dep == "pobj" and t[tok.head].text.lower() == "for":
        verb = t[tok.head].head
    else:
        return False
    if parties_under(parse, parse.preps(noun, *PARTY_PREPS)):
        return False  # "arrived in Geneva for talks with Iran": the other side is named
    if parse.tokens[verb].lemma.lower() not in TRAVEL_VERBS:
        return False
    return bool(parse.preps(verb, "to", "in"))


#: Prepositions whose object is what a clause is about, not what its subject does.
ABOUT_PREPS = frozenset({"over", "about", "regarding", "concerning", "against", "amid"})


def _topic_of_clause(parse: Parse, noun: int) -> bool:
    tok = parse.tokens[noun]
    return tok.dep == "pobj" and parse.tokens[tok.head].text.lower() in ABOUT_PREPS


def clause_subject_parties(parse: Parse, i: int) -> list[Entity]:
    """The subject of the clause around ``i``; a relative pronoun stands for the noun it follows."""
    verb = parse.governing_verb(i)
    subj = parse.dep_children(verb, "nsubj", "nsubjpass")
    tok = parse.tokens[verb]
    if tok.dep == "relcl" and (not subj or parse.tokens[subj[0]].tag in {"WP", "WDT"}):
        subj = [tok.head]
    if not subj and tok.dep in {"advcl", "xcomp", "conj"}:
        # "X is set to travel ... for talks": the parser makes X the subject of "set" in the passive
        subj = parse.dep_children(tok.head, "nsubj", "nsubjpass")
        up = parse.tokens[tok.head]
        if not subj and up.dep == "acomp":  # "X, who is due to hold talks with Y"
            subj = parse.dep_children(up.head, "nsubj", "nsubjpass")
    if subj and parse.tokens[subj[0]].pos == "PRON":
        # "X said he would ... at the summit"; else "he" stands for the person named before
        subj = speaker_of(parse, parse.tokens[subj[0]].head) or subj
    return _unique(parties_under(parse, subj) + described_parties(parse, subj))


def speaker_of(parse: Parse, verb: int) -> list[int]:
    """The first non-pronoun subject up the chain of reported clauses above ``verb``."""
    for _ in range(3):
        tok = parse.tokens[verb]
        if tok.dep not in {"ccomp", "xcomp", "advcl"} or tok.head == verb:
            return []
        verb = tok.head
        subj = parse.dep_children(verb, "nsubj")
        if subj and parse.tokens[subj[0]].pos != "PRON":
            return subj
    return []


#: Prepositions whose gerund is an act of the clause's subject: "responded by summoning X".
GERUND_PREPS = frozenset({"by", "after", "before", "while", "when", "in"})


def gerund_subject(parse: Parse, verb: int) -> list[int]:
    """ "Ankara responded by summoning Iraq's envoy": a gerund's subject is the subject of the
    clause its preposition hangs on."""
    t = parse.tokens
    prep = t[t[verb].head]
    if t[verb].dep != "pcomp" or t[verb].tag != "VBG" or prep.dep != "prep":
        return []
    if prep.text.lower() not in GERUND_PREPS:
        return []
    # "left for Kenya, the first stop of a tour, before continuing to X": hung on a noun
    up = parse.governing_verb(prep.head)
    for _ in range(2):  # "X agreed to hold a summit, after meeting on Sunday": X met
        if parse.dep_children(up, "nsubj") or t[up].dep not in {"xcomp", "advcl"}:
            break
        up = t[up].head
    return parse.dep_children(up, "nsubj")


def called_on(parse: Parse, verb: int) -> list[int]:
    """Who a verb is "on" ("called on the prime minister"), also where the parser left "on"
    without its object and took the name for the verb's object ("call on Prime Minister X")."""
    t = parse.tokens
    heads = parse.preps(verb, "on")
    bare = [
        k
        for k in parse.children[verb]
        if t[k].dep in {"prep", "prt"} and t[k].text.lower() == "on" and not parse.children[k]
    ]
    heads += [o for o in parse.dep_children(verb, "dobj") if any(b < o for b in bare)]
    return heads


#: Verbs of speaking or standing with another side at a place (triggers.csv, "alongside").
APPEARING = frozenset({"say", "speak", "tell", "stand"})


def verb_parties(parse: Parse, verb: int) -> list[Entity]:
    """Participants of a meeting verb: subject (or its controller), object, with-complements."""
    heads = parse.dep_children(verb, "nsubj", "nsubjpass", "dative", "attr")
    heads += parse.objects(verb)
    heads += [  # not an absolute clause: "with tensions with X high on the agenda"
        h
        for h in parse.preps(verb, "with", "between", "among", "to", "by", "at")
        if not absolute(parse, h)
    ]
    if parse.tokens[verb].lemma.lower() in APPEARING:  # "said in Cairo alongside X"
        heads += parse.preps(verb, "alongside", "beside")
    heads += _guests_from(parse, verb)
    if parse.tokens[verb].lemma.lower() == "call":  # "called in the Russian ambassador"
        heads += parse.preps(verb, "in")
    subj = [h for h in heads if parse.tokens[h].dep in {"nsubj", "nsubjpass"}]
    tok = parse.tokens[verb]
    if not subj:  # "responded by summoning X"
        subj = gerund_subject(parse, verb)
        heads += subj
    up = verb
    for _ in range(3):  # "X left for Y to meet Z", "X will attend ... and is expected to meet Z"
        if subj or tok.dep not in {"xcomp", "advcl", "conj", "acomp"} or tok.head == up:
            break
        up = tok.head
        subj = parse.dep_children(up, "nsubj", "nsubjpass")
        heads += subj
        tok = parse.tokens[up]
    # "India said it had summoned X": "it", "we" stand for the speaker the clause reports
    speaking = [s for s in subj if parse.tokens[s].text.lower() in {"it", "we"}]
    if speaking:
        heads += speaker_of(parse, parse.tokens[speaking[0]].head)
    tok = parse.tokens[verb]
    if (taker := invitation_taker(parse, verb)) is not None:
        heads += parse.dep_children(taker, "nsubj")  # "X accepted an invitation to visit Y"
    elif tok.dep in {"amod", "acl"} and tok.head != verb:  # "visiting minister X"
        heads.append(tok.head)
    return _unique(parties_under(parse, heads) + described_parties(parse, heads))


def described_parties(parse: Parse, heads: Iterable[int]) -> list[Entity]:
    """meeting.relative_subject: for a relative pronoun among ``heads`` ("Blinken, who met
    Xi", "the minister, who was received by X"), the parties of the phrase its clause
    describes, not of the clause itself."""
    described = [
        a
        for h in heads
        if (a := parse.relative_antecedent(h)) is not None
        # "who" stands for people; "which" for a named party, not for a meeting ("the
        # session, which was to have met in Algiers") or a thing
        and (parse.tokens[h].tag == "WP" or a in parse.entity_at)
    ]
    return parties_under(
        parse, [], [k for a in described for k in parse.subtree(a, RELATIVE_STOPS)]
    )


#: People a meeting verb takes as object whose states a "from" phrase names.
GUEST_NOUNS = frozenset(
    {"official", "minister", "leader", "delegation", "delegate", "representative", "envoy"}
    | {"mission"}
    | {"diplomat", "counterpart", "head", "lawmaker", "parliamentarian"}
)


def _guests_from(parse: Parse, verb: int) -> list[int]:
    """ "hosted foreign ministers and officials from Fiji, Samoa and Tonga": the parser hangs
    the "from" phrase on the verb; it tells whose officials were met."""
    objects = [c for o in parse.objects(verb) for c in parse.conjuncts(o)]
    if not any(parse.tokens[o].lemma.lower() in GUEST_NOUNS for o in objects):
        return []
    return parse.preps(verb, "from")


#: Verbs by which an invited party takes up an invitation.
ACCEPT = frozenset({"accept", "take"})


def invitation_taker(parse: Parse, verb: int) -> int | None:
    """The verb by which a party accepts the invitation ``verb`` completes ("accepted an
    invitation to visit Tehran"), or None."""
    t = parse.tokens
    noun = t[t[verb].head]
    if t[verb].dep != "acl" or noun.lemma.lower() != "invitation" or noun.dep != "dobj":
        return None
    return noun.head if t[noun.head].lemma.lower() in ACCEPT else None


def span_root(parse: Parse, start: int, end: int) -> int:
    """The token of a character span whose head lies outside the span (the phrase's head)."""
    first, last = parse.token_range(start, end)
    for i in range(first, max(first, last) + 1):
        head = parse.tokens[i].head
        if head == i or not first <= head <= last:
            return i
    return last


def head_entities(parse: Parse, heads: Iterable[int]) -> list[Entity]:
    """Entities named by the heads themselves (and their conjuncts), not by their modifiers:
    "accused Russia and Iran" -> both; "a statute for Serb-majority municipalities" -> none."""
    out: list[Entity] = []
    for h in heads:
        for c in parse.conjuncts(h):
            hit = parse.entity_at.get(c)
            found = hit.entity if hit is not None else _object_pronoun(parse, c)
            if found is not None and found not in out and party_code(found):
                out.append(found)
    return out


def _object_pronoun(parse: Parse, k: int) -> Entity | None:
    """ "sentenced her", "thanked him": the person named before, never the verb's own subject;
    "drove them out": the people named before in the plural (role.plural_object)."""
    tok = parse.tokens[k]
    if tok.pos != "PRON" or tok.dep not in OBJECT_DEPS:
        return None
    if tok.text.lower() == "them":
        return _plural_antecedent(parse, k, _own_subjects(parse, k))
    if tok.text.lower() not in {"him", "her"}:
        return None
    return parse.antecedent(k, skip=_own_subjects(parse, k))


def _plural_antecedent(parse: Parse, k: int, skip: tuple[str, ...]) -> Entity | None:
    """The nearest party named by a plural noun before an object "them", in its sentence or the
    one before ("Protesters blocked the road and police drove them out"), not the verb's own
    subject; None when the nearest plural noun names no party."""
    first = parse.annotated.sentences[max(0, parse.sentence_index(k) - 1)].first_token
    for j in range(k - 1, first - 1, -1):
        t = parse.tokens[j]
        if t.pos not in {"NOUN", "PROPN"} or "Number=Plur" not in t.morph:
            continue
        hit = parse.entity_at.get(j)
        if hit is not None and hit.entity.id in skip:
            continue
        return hit.entity if hit is not None and party_code(hit.entity) else None
    return None


def dependency_distance(parse: Parse, a: int, b: int) -> int:
    """Number of edges between two tokens in the tree (large if unconnected)."""
    up_a = [a, *parse.ancestors(a)]
    pos = {t: n for n, t in enumerate(up_a)}
    for n, t in enumerate([b, *parse.ancestors(b)]):
        if t in pos:
            return pos[t] + n
    return 99


def nearest_trigger(parse: Parse, token: int, triggers: list[int]) -> int | None:
    if not triggers:
        return None
    return min(triggers, key=lambda t: (dependency_distance(parse, token, t), abs(token - t)))


def _unique(ents: list[Entity]) -> list[Entity]:
    seen: set[str] = set()
    out = []
    for e in ents:
        if e.id not in seen:
            seen.add(e.id)
            out.append(e)
    return out


def asked_of(parse: Parse, noun: int) -> list[int]:
    """ "Tehran's demand that Washington first lift the sanctions": the subject of a request
    noun's "that" clause is whom it is made of."""
    t = parse.tokens
    return [
        s
        for c in parse.dep_children(noun, "acl", "ccomp")
        if any(t[m].text.lower() == "that" for m in parse.dep_children(c, "mark"))
        for s in parse.dep_children(c, "nsubj", "nsubjpass")
    ]


#: Nouns of asking, and the verbs that restate one ("repeated Tehran's demand that X ...").
REQUEST_NOUNS = frozenset({"demand", "request", "appeal", "call"})
RESTATING = frozenset({"repeat", "reiterate", "renew", "restate", "make", "issue", "voice"})


def restated_asked_of(parse: Parse, verb: int) -> list[int]:
    """Whom a request restated by ``verb`` is made of ("repeated Tehran's demand that
    Washington lift the sanctions"); not whom a rejected proposal names."""
    if parse.tokens[verb].lemma.lower() not in RESTATING:
        return []
    return [
        s
        for o in parse.dep_children(verb, "dobj")
        if parse.tokens[o].lemma.lower() in REQUEST_NOUNS
        for s in asked_of(parse, o)
    ]


#: Predicates of an absolute "with" phrase ("with a US delegation present but not at the table").
ABSOLUTE_PREDICATES = frozenset({"present", "absent", "high", "watch", "look", "pending"})


def absolute(parse: Parse, h: int) -> bool:
    """The object of a "with" that opens an absolute phrase, not a party met: "with tensions
    high", "with an American delegation present in the capital", "with X warning of ..."."""
    t = parse.tokens
    if parse.dep_children(h, "nsubj"):
        return True
    if (
        t[h].text.lower().endswith("ing")
        and t[t[h].head].text.lower() == "with"
        and t[h].pos in {"NOUN", "VERB"}
        and h not in parse.entity_at
        and any(
            t[k].dep in {"compound", "poss"} and k in parse.entity_at for k in parse.children[h]
        )
    ):
        return True  # "with Jordanian Foreign Minister Ayman Safadi warning of ...": the parser
        # made the participle a noun and its doer a modifier of it
    return any(
        k > h and t[k].dep in {"amod", "acl", "acomp"} and t[k].lemma.lower() in ABSOLUTE_PREDICATES
        for k in parse.children[h]
    )
