"""Meeting triggers: which meeting nouns and verbs report a meeting in their clause.

A lexicon row (``events/data/triggers.csv``) proposes a trigger; the checks here keep press
conferences, phone calls, appeals ("called on X to"), recalls for consultations and messages out.
"""

from __future__ import annotations

from .arguments import (
    PARTY_PREPS,
    TOPIC_STOPS,
    called_on,
    gerund_subject,
    noun_parties,
    parties_under,
    party_code,
    premodifier_parties,
    verb_parties,
)
from .lexicon import Entry, Lexicon, load_lexicon
from .meeting_officials import OFFICIAL_NOUNS, stateless_official
from .meeting_parties import _governor_parties
from .meeting_places import _at_objects
from .meeting_records import DEFINITE, ORDINAL_ROUNDS
from .syntax import Parse

PRESS = frozenset(
    {"press", "news", "video", "phone", "telephone", "media", "virtual", "online", "remote"}
)

REMOTE = frozenset(
    {
        "video",
        "videoconference",
        "videolink",
        "link",
        "phone",
        "telephone",
        "zoom",
        "teleconference",
    }
)


def _remote(parse: Parse, i: int) -> bool:
    """'met virtually', 'held talks by video link', 'spoke over the phone': no in-person meeting."""
    for owner in {i, parse.governing_verb(i)}:
        for k in parse.children[owner]:
            if parse.tokens[k].text.lower() in {"virtually", "remotely", "online"}:
                return True
        objs = parse.preps(owner, "by", "via", "over", "through")
        if any(parse.tokens[o].lemma.lower() in REMOTE for o in objs):
            return True
    return False


def _trigger_entry(parse: Parse, lexicon: Lexicon, i: int) -> Entry | None:
    tok = parse.tokens[i]
    lemma = tok.lemma.lower()
    if tok.pos == "PROPN" and tok.dep != "compound" and lemma.rstrip("s") in NAMED_MEETINGS:
        lemma = lemma.rstrip("s")  # the head of a meeting's name: "Foreign Ministry Consultations"
        entry = lexicon.meeting_nouns.get(lemma)
        return entry if entry and not _remote(parse, i) and _noun_ok(parse, i, entry) else None
    if lemma not in lexicon.meeting_nouns and lemma not in lexicon.meeting_verbs:
        return None  # most words: no lexicon row, nothing more to read
    if _remote(parse, i):
        return None
    if tok.pos == "NOUN" or (tok.pos == "PROPN" and lemma in {"summit", "talks"}):
        entry = lexicon.meeting_nouns.get(lemma)
        return entry if entry and _noun_ok(parse, i, entry) else None
    if tok.pos in {"VERB", "ADJ"}:
        for entry in lexicon.meeting_verbs.get(lemma, ()):
            if tok.pos == "ADJ" and tok.tag != "VBG" and entry.pos != "ADJ":
                continue
            if _verb_ok(parse, i, entry):
                return entry
        return None
    return None


#: Meeting nouns that head a meeting's own name, capitalised: "the Philippines-China Foreign
#: Ministry Consultations", "the Joint Commission Meeting", "the Ministerial Session".
NAMED_MEETINGS = frozenset(
    {"consultation", "meeting", "session", "negotiation", "dialogue", "talk", "summit"}
)  # also a sentence's first word the tagger took for a name after a dateline ("DHAKA - Talks")

# "recalled its ambassador for consultations": a diplomatic protest, not a meeting
RECALL_VERBS = frozenset({"recall", "summon", "call", "bring", "withdraw", "return", "order"})


def _recalled_for(parse: Parse, i: int) -> bool:
    t = parse.tokens
    prep = t[i].head
    return (
        t[i].dep == "pobj"
        and t[prep].text.lower() == "for"
        and t[t[prep].head].lemma.lower() in RECALL_VERBS
    )


def _joint_press(parse: Parse, i: int, mods: set[str]) -> bool:
    """A press or news conference held "between" two named sides of different states."""
    if not mods & {"press", "news"} or mods & (PRESS - {"press", "news"}):
        return False
    sides = {party_code(e) for e in parties_under(parse, parse.preps(i, "between"))}
    if "joint" in mods:  # "told a joint news conference with his Egyptian counterpart"
        sides |= {party_code(e) for e in parties_under(parse, parse.preps(i, "with"))}
        verb = parse.governing_verb(i)
        if not parse.dep_children(verb, "nsubj") and parse.tokens[verb].dep == "advcl":
            verb = parse.tokens[verb].head  # "Speaking at a joint news conference with Y, X said"
        sides |= {party_code(e) for e in parties_under(parse, parse.dep_children(verb, "nsubj"))}
    return len(sides - {None}) >= 2


#: Words of a conversation held at a distance: "a phone conversation", "a video conversation".
DISTANT = frozenset({"phone", "telephone", "video", "virtual", "online", "telephonic"})
#: Nouns of a meeting during which something is discussed in person: "during his visit".
MEETING_TIMES = frozenset({"visit", "talk", "meeting", "trip", "summit", "tour"})
#: Places of an encounter named by a common noun ("at the port", "at the presidential palace").
ENCOUNTER_PLACES = frozenset(
    {"port", "airport", "palace", "residence", "ministry", "embassy", "headquarters", "ceremony"}
)
#: Named-entity labels of places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _face_to_face(parse: Parse, i: int, mods: set[str], links: tuple[str, ...] = ("with",)) -> bool:
    """ "X had a conversation in Warsaw with Y", "a brief conversation with Y on the sidelines
    of the summit", "X discussed trade with Y in Beijing", "X said in Cairo alongside his
    Egyptian counterpart" (``links``: the prepositions of the other side): two sides, one the
    subject, held at a place or during a visit or talks, so in person."""
    t = parse.tokens
    if mods & DISTANT or parse.preps(i, "by", "over", "via"):
        return False  # "discussed ... by phone", "over the telephone"
    verb = i if t[i].pos == "VERB" else parse.governing_verb(i)
    heads = parse.preps(i, *links) + parse.dep_children(verb, "nsubj")
    where = parse.preps(i, "in", "at", "on", "during") + parse.preps(verb, "in", "at", "on")
    for o in parse.dep_children(i, "dobj"):  # the parser hangs "with Y in X" on the topic
        for topic in parse.subtree(o):
            if t[topic].pos in {"NOUN", "PROPN"}:
                heads += parse.preps(topic, "with")
                where += parse.preps(topic, "in", "at", "during")
    sides = parties_under(parse, heads)
    if len({party_code(e) for e in sides} - {None}) < 2:
        return False
    if any(t[w].lemma.lower() in {"sideline", "margin"} | MEETING_TIMES for w in where):
        return True
    if any(t[w].lemma.lower() in ENCOUNTER_PLACES for w in where):
        return True  # "handed over the supplies to X at the port"
    # a place named in the phrase ("at the state residence in Bishkek")
    places = [m for m in parse.annotated.mentions if m.label in PLACE_LABELS]
    inside = {k for w in where for k in parse.subtree(w)}
    return any(m.start <= t[k].start < m.end for k in inside for m in places)


def _noun_ok(parse: Parse, i: int, entry: Entry) -> bool:
    tok = parse.tokens[i]
    mods = {parse.tokens[k].text.lower() for k in parse.children[i]}
    if mods & PRESS and _joint_press(parse, i, mods):
        return True  # "a news conference between Trump and Liu He": the two met
    if mods & PRESS or _recalled_for(parse, i):
        return False
    kind, words = entry.need_kind, entry.need_words
    if kind == "plural":
        return tok.tag in {"NNS", "NNPS"} or tok.text.lower() == "talks"
    if kind == "between":  # "a conversation in Warsaw between X and Y": two sides named
        sides = {party_code(e) for e in parties_under(parse, parse.preps(i, "between"))}
        return len(sides - {None}) >= 2 or _face_to_face(parse, i, mods)
    if kind == "not":
        return not mods & words
    if kind == "mod":  # "a courtesy call", not "a phone call"
        return bool(mods & words)
    if kind == "of":
        if mods & ORDINAL_ROUNDS:  # "the next round", "a new round" of an ongoing negotiation
            return True
        objs = parse.preps(i, "of")
        return any(parse.tokens[o].lemma.lower() in words for o in objs) or bool(
            {parse.tokens[k].lemma.lower() for k in parse.children[i]}
            & {"negotiating", "negotiation"}
        )
    if kind == "forum":  # "a session of the Security Council", not "was at the session"
        own = premodifier_parties(parse, i) + parties_under(parse, parse.preps(i, *PARTY_PREPS))
        # "the OAS will hold an extraordinary session of its Permanent Council"
        own += [e for e in _governor_parties(parse, i) if e.kind == "igo"]
        # "a session of the Algerian-Malian Strategic Bilateral Committee": a body of two states
        states = {party_code(e) for e in own if e.kind == "state"}
        return (
            any(e.kind in {"igo", "body"} for e in own)
            or len(states) >= 2
            or any(_joint_body(parse, o) for o in parse.preps(i, "of"))
        )
    if kind == "actor":  # "X's trip", "a trip by X"; "X cancelled a planned trip to Moscow"
        return bool(noun_parties(parse, i)) or bool(_governor_parties(parse, i))
    return True


#: Bodies two or more states sit on, named by kind: "the bilateral joint commission".
JOINT_BODIES = frozenset({"commission", "committee", "council", "mechanism", "group"})
JOINT_WORDS = frozenset({"bilateral", "joint", "mixed", "intergovernmental", "binational"})


def _joint_body(parse: Parse, o: int) -> bool:
    """ "the first session of the bilateral joint commission": a body states share, which
    meets as their meeting."""
    t = parse.tokens
    mods = {t[k].text.lower() for k in parse.children[o] if t[k].dep in {"amod", "compound"}}
    return t[o].lemma.lower() in JOINT_BODIES and bool(mods & JOINT_WORDS)


MESSAGES = frozenset(
    {
        "call",
        "phone",
        "letter",
        "message",
        "invitation",
        "request",
        "note",
        "cable",
        "congratulation",
        "greeting",
        "condolence",
        "proposal",
        "reply",
        "response",
        "statement",
        "decision",
        "news",
        "report",
    }
)


#: Nouns for the people a host receives ("received the Greek delegation").
GUEST_NOUNS = OFFICIAL_NOUNS | {
    "delegation",
    "mission",
    "guest",
    "visitor",
    "envoy",
    "ambassador",
    "chancellor",
    "secretary",
    "prince",
    "queen",
    "sheikh",
    "pope",
    "dignitary",
    "team",
}


def _names_guest(parse: Parse, o: int) -> bool:
    """Does the object headed by ``o`` name a visitor (a person, a state, a delegation), not a
    thing of theirs ("the Japanese plan", "Japan's proposal")?"""
    for k in (o, *parse.dep_children(o, "appos", "conj", "compound")):
        hit = parse.entity_at.get(k)
        if hit is not None and hit.entity.kind in {"person", "state", "igo"}:
            return True
        if parse.tokens[k].lemma.lower() in GUEST_NOUNS:
            return True
        if parse.tokens[k].pos == "PRON" and parse.tokens[k].text.lower() in GUEST_PRONOUNS:
            return True  # "where he will be received by X": the person "he" stands for
    return False


#: Pronouns that stand for a visitor, as the received one: "received him", "he was received".
GUEST_PRONOUNS = frozenset({"he", "she", "him", "her"})


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _due_in_place(parse: Parse, i: int) -> bool:
    """An announced arrival: "is due in Moscow", "is expected in Beijing" (a named party as
    subject, a named place after "in"); not "due to visit" (the visit verb's own) nor "a
    decision is expected in March"."""
    t = parse.tokens
    if parse.dep_children(i, "xcomp", "ccomp") or (t[i].pos == "VERB" and t[i].tag != "VBN"):
        return False
    places = [
        o
        for o in parse.preps(i, "in")
        if any(
            m.label in _PLACE_LABELS and m.start <= t[o].start < m.end
            for m in parse.annotated.mentions
        )
    ]
    return bool(places) and bool(verb_parties(parse, i))


def _journey(parse: Parse, i: int, preps: frozenset[str]) -> bool:
    """An office-holder's journey to a named place: "Modi travelled to Tokyo", "Blinken is
    expected to travel to South Africa", "Macron arrived in Beijing" (CAMEO 042, make a
    visit); not a journey of troops, ships or people no state is known for."""
    t = parse.tokens
    places = [
        o
        for o in parse.preps(i, *preps)
        for c in parse.conjuncts(o)
        if any(
            m.label in _PLACE_LABELS and m.start <= t[c].start < m.end
            for m in parse.annotated.mentions
        )
    ]
    v = i
    while not parse.dep_children(v, "nsubj", "nsubjpass") and t[v].dep in {"xcomp", "conj"}:
        v = t[v].head  # "is expected to travel", "arrived in Kigali and travelled to Goma"
        if t[v].dep == "acomp" and t[v].lemma.lower() in {"due", "set", "scheduled"}:
            v = t[v].head  # "is due to travel to Warsaw": the subject of "is"
    subjects = parse.dep_children(v, "nsubj", "nsubjpass") or gerund_subject(parse, v)
    travellers = parties_under(parse, subjects)  # "left for Kenya, before continuing to X"
    # "Russian investigators would fly to Ankara", "a Chinese delegation arrived in Hanoi"
    officials = any(t[k].lemma.lower() in TRAVELLING_OFFICIALS for k in subjects)
    return bool(places) and any(
        party_code(e) and (e.kind == "person" or (officials and e.kind == "state"))
        for e in travellers
    )


#: Groups of officials whose journey is a state's visit ("a Chinese delegation arrived in ...").
TRAVELLING_OFFICIALS = frozenset(
    {"delegation", "envoy", "minister", "official", "diplomat", "negotiator", "investigator",
     "team", "mission", "emissary", "representative"}
)  # fmt: skip


def _verb_ok(parse: Parse, i: int, entry: Entry) -> bool:
    kind = entry.need_kind
    if entry.mode == "host" and entry.lemma not in {"receive", "welcome"}:
        # "Russia is hosting the summit": the summit is the mention, its host one of its parties
        lex = {"summit", "meeting", "talk", "conference", "round", "negotiation", "session"}
        for o in parse.dep_children(i, "dobj"):
            dets = {parse.tokens[k].text.lower() for k in parse.children[o]}
            if parse.tokens[o].lemma.lower() in lex and dets & DEFINITE:
                return False
    if parse.dep_children(i, "auxpass") and entry.lemma in {"meet", "receive", "welcome"}:
        # "the calls were met with responses", "the plan was welcomed": not an encounter
        agents = parse.preps(i, "by", "with")
        if not any(e.kind in {"person", "state", "igo"} for e in parties_under(parse, agents)):
            # "was received by the Speaker of the House, X": a person the data tie to no state
            agent_words = [k for a in agents for k in parse.subtree(a, TOPIC_STOPS)]
            if not any(e.kind == "person" for e in parse.entities_in(agent_words)):
                return False
    if kind == "person":
        # "received his Greek counterpart X"; passive: "X was welcomed by Y", "X, who was
        # received by Y"
        objs = [*parse.objects(i), *parse.dep_children(i, "nsubjpass")]
        objs = [parse.relative_antecedent(o) or o for o in objs]
        up = i
        passive = bool(parse.dep_children(i, "auxpass"))
        for _ in range(3):  # "X is scheduled / is also due to be received by Y": X is the guest
            if objs or not passive or parse.tokens[up].dep not in {"xcomp", "acomp"}:
                break
            up = parse.tokens[up].head
            objs = parse.dep_children(up, "nsubjpass", "nsubj")
        if any(parse.tokens[o].lemma.lower() in MESSAGES for o in objs):
            return False  # "received a call from X", "welcomed the letter of X"
        if not any(_names_guest(parse, o) for o in objs):
            return False  # "welcomed the Japanese plan": a thing, not a visitor
        return any(e.kind in {"person", "state", "igo"} for e in parties_under(parse, objs))
    if kind == "credentials":  # "presented his credentials to President X": received by X
        t = parse.tokens
        shown = any(t[o].lemma.lower() == "credential" for o in parse.dep_children(i, "dobj"))
        return shown and bool(parties_under(parse, parse.preps(i, "to")))
    if kind == "notsite":  # "visited a settlement / troops / a factory": no host met
        t = parse.tokens
        return not any(
            t[k].lemma.lower() in entry.need_words
            for o in parse.dep_children(i, "dobj", "advmod")  # "was visiting home"
            for k in (o, *parse.dep_children(o, "compound"))
        )
    if kind == "hostto":  # "the Philippines played host to Kishida", not "played a role"
        hosts = [
            o for o in parse.dep_children(i, "dobj") if parse.tokens[o].lemma.lower() == "host"
        ]
        guests = parties_under(parse, parse.preps(i, "to"))
        return bool(hosts) and any(e.kind in {"person", "state", "igo"} for e in guests)
    if kind == "together":  # "will bring together X and Y", not "bring aid"
        together = any(
            parse.tokens[k].text.lower() == "together"
            for k in parse.dep_children(i, "advmod", "prt")
        )
        # someone named brings them together; "aimed at bringing X and Y together" is a goal
        subjects = parse.dep_children(i, "nsubj")
        gathering = {"meeting", "summit", "talk", "conference", "gathering", "session", "forum"}
        named = bool(parties_under(parse, subjects)) or any(
            parse.tokens[k].lemma.lower() in gathering for k in subjects
        )  # "the meeting brings together Bolivia, Brazil and Peru"
        sides = {party_code(e) for e in verb_parties(parse, i)} - {None}
        return together and named and parse.tokens[i].tag != "VBG" and len(sides) >= 2
    if kind == "abroad":  # "X is due in Moscow", "X is expected in Washington on Monday"
        return _due_in_place(parse, i)
    if kind == "journey":  # "X travelled to Tokyo", "X is expected to travel to Rwanda"
        return _journey(parse, i, entry.need_words)
    if kind == "calledin":  # "called in the Russian ambassador", "was called in to the ministry"
        return _called_in(parse, i)
    if kind == "venue":  # "was informed (about the decision) at the ministry"
        venues = {"ministry", "office", "embassy", "chancellery"}
        return any(parse.tokens[o].lemma.lower() in venues for o in _at_objects(parse, i))
    if kind == "actor":
        # "had hosted millions of Afghan refugees": people of a state are no guests of it
        lexicon_ = load_lexicon()
        objs = [  # "millions of refugees": the people counted
            k
            for o in parse.dep_children(i, "dobj")
            for k in (
                parse.preps(o, "of")
                if parse.tokens[o].lemma.lower() in lexicon_.bodies.quantities
                else [o]
            )
        ]
        if objs and all(parse.tokens[o].lemma.lower() in lexicon_.private_heads for o in objs):
            return False
        return bool(verb_parties(parse, i))
    if kind == "subject":  # "leaders of X gathered", not "ministers gathered in X"
        subj = parse.dep_children(i, "nsubj")  # the nearest: a dateline can parse as one too
        up, tok = i, parse.tokens[i]
        for _ in range(2):  # "leaders of X are due to gather": the subject of the open clause
            if subj or tok.dep not in {"xcomp", "acomp"} or tok.head == up:
                break
            up = tok.head
            subj, tok = parse.dep_children(up, "nsubj"), parse.tokens[up]
        return bool(subj) and bool(parties_under(parse, [max(subj)]))
    if kind == "on":
        return _calls_on(parse, i)
    if kind == "inperson":  # "discussed trade with X in Beijing", not "by phone"
        mods = {parse.tokens[k].text.lower() for k in parse.children[i]}
        return _face_to_face(parse, i, mods)
    if kind == "handover":  # "handed over the supplies to Foreign Minister X at the port"
        mods = {parse.tokens[k].text.lower() for k in parse.children[i]}
        given = parties_under(parse, parse.preps(i, "to"))
        return any(e.kind == "person" for e in given) and _face_to_face(parse, i, mods, ("to",))
    if kind == "alongside":  # "said in Cairo alongside his Egyptian counterpart"
        mods = {parse.tokens[k].text.lower() for k in parse.children[i]}
        return bool(parse.preps(i, "alongside", "beside")) and _face_to_face(
            parse, i, mods, ("alongside", "beside")
        )
    if kind == "with":  # "sat down with X", not "sat down to eat"
        return bool(parties_under(parse, parse.preps(i, "with")))
    if kind == "envoy":
        return _sends_envoy(parse, i)
    return True


def _sends_envoy(parse: Parse, i: int) -> bool:
    """'dispatched its foreign minister to Khartoum', 'sent an envoy to Damascus': a named
    person or an envoy noun sent to a place; not troops, aid or letters."""
    t = parse.tokens
    if not parse.preps(i, "to"):
        return False
    objs = parse.dep_children(i, "dobj")
    named = [e for e in parties_under(parse, objs) if e.kind == "person"]
    # "dispatched Foreign Minister X": an envoy noun as the title of a name the tables lack
    envoys = [
        k
        for h in objs
        for o in parse.conjuncts(h)
        for k in (o, *parse.dep_children(o, "compound"))
        if t[k].lemma.lower() in ENVOY_NOUNS
    ]
    return bool(named or envoys)


ENVOY_NOUNS = frozenset(
    {
        "envoy",
        "ambassador",
        "minister",
        "delegation",
        "commissioner",
        "diplomat",
        "official",
        "emissary",
        "representative",
        "mission",
    }
)


#: Envoys a ministry calls in: "called in the Russian ambassador", "the chargé d'affaires".
CALLED_IN = frozenset({"ambassador", "envoy", "chargé", "charge", "consul", "diplomat"})


def _called_in(parse: Parse, i: int) -> bool:
    """ "Berlin called in the Russian ambassador", "Sweden's ambassador was called in to the
    foreign ministry": "call in" with an envoy as its object, or a passive envoy subject, is
    a summons (not "called in the army", "called in experts")."""
    t = parse.tokens
    if not any(t[k].text.lower() == "in" for k in parse.dep_children(i, "prt", "prep")):
        return False
    heads = parse.dep_children(i, "dobj", "nsubjpass") + parse.preps(i, "in")
    return any(
        t[k].lemma.lower() in CALLED_IN
        for h in heads
        for k in (h, *parse.dep_children(h, "compound"))
    )


def _calls_on(parse: Parse, i: int) -> bool:
    """'The ambassador called on the prime minister': a person pays a call on an office-holder;
    'X called on Y to do Z' or 'called on Y for restraint' is an appeal."""
    if parse.dep_children(i, "xcomp", "ccomp", "advcl") or parse.preps(i, "for"):
        return False
    on = called_on(parse, i)
    hosts = parties_under(parse, on)
    if not any(e.kind in {"person", "state"} for e in hosts) and not any(
        stateless_official(parse, k) for k in on
    ):  # "called on President Laurentino Cortizo", whom the tables do not list
        return False
    subj = parse.dep_children(i, "nsubj")
    if not subj and parse.tokens[i].dep == "acl":
        subj = [parse.tokens[i].head]
    if not subj and parse.tokens[i].dep == "xcomp":  # "is scheduled to call on X"
        subj = parse.dep_children(parse.tokens[i].head, "nsubj", "nsubjpass")
    callers = parties_under(parse, subj)
    return any(e.kind == "person" for e in callers) or any(
        parse.tokens[k].lemma.lower() in ENVOY_NOUNS for k in subj
    )
