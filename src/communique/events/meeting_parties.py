"""Meeting parties: who takes part in a mentioned meeting, who visits, under which forum."""

from __future__ import annotations

import re

from ..model import Entity
from .absence import absent_from
from .arguments import (
    PARTY_PREPS,
    TOPIC_STOPS,
    TRAVEL_VERBS,
    absolute,
    described_parties,
    invitation_taker,
    parties_under,
    party_code,
    premodifier_parties,
)
from .lexicon import Entry
from .meeting_records import PAIR_NOUNS
from .meeting_visitors import relative_subjects
from .status import measure_head
from .syntax import Parse
from .withdrawal import withdrawn_from

DURATIONS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "week": 7}


def _duration(parse: Parse, noun: int) -> int:
    """'a two-day visit', 'the 3-day summit', 'a week-long tour': how many days it lasts."""
    for k in parse.subtree(noun):
        if k >= noun:
            continue
        words = parse.text[parse.tokens[k].start : parse.tokens[noun].start].lower()
        found = re.match(r"(two|three|four|five|six|seven|[2-7])[- ]days?\b|(week)[- ]?long", words)
        if found:
            word = found.group(1) or found.group(2)
            return int(word) if word.isdigit() else DURATIONS[word]
    return 1


ORDINAL_DAYS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "2nd": 2, "3rd": 3,
                "4th": 4, "5th": 5, "6th": 6}  # fmt: skip


def day_of(parse: Parse, i: int) -> int:
    """'a second day of talks', 'talks entered a third day': which day of the meeting the
    sentence tells (1 when it says none)."""
    t = parse.tokens
    days = []
    if t[i].dep == "pobj" and t[t[i].head].text.lower() == "of":
        days.append(t[t[i].head].head)  # "a second day of talks"
    if t[i].dep in {"nsubj", "nsubjpass"}:  # "talks entered a third day", "went into a third day"
        verb = t[i].head
        days += parse.dep_children(verb, "dobj") + parse.preps(verb, "into")
    for d in days:
        if t[d].lemma.lower() != "day":
            continue
        for k in parse.dep_children(d, "amod", "nummod"):
            if t[k].text.lower() in ORDINAL_DAYS:
                return ORDINAL_DAYS[t[k].text.lower()]
    return 1


ATTEND_VERBS = frozenset({"attend", "join", "address", "skip", "boycott", "miss"})

JOIN_VERBS = frozenset(
    {"attend", "join", "host", "chair", "convene", "organise", "organize", "address"}
)

SPEECH_VERBS = frozenset(
    {"say", "tell", "announce", "declare", "warn", "urge", "speak", "stress", "add", "note"}
)

PHASES = frozenset({"close", "end", "opening", "start", "beginning", "sideline", "margin"})


def _speakers(parse: Parse, noun: int) -> list[Entity]:
    """'X said at the close of the summit', 'X told the summit', 'X spoke at the conference':
    who speaks there attends."""
    tok = parse.tokens[noun]
    if tok.dep == "dobj" and parse.tokens[tok.head].lemma.lower() in {"tell", "address"}:
        verb = tok.head
    else:
        k = noun
        for _ in range(2):  # "at the close of the summit": up through a phase noun
            prep = parse.tokens[k].head
            if parse.tokens[k].dep != "pobj" or parse.tokens[prep].text.lower() != "of":
                break
            if parse.tokens[parse.tokens[prep].head].lemma.lower() not in PHASES:
                break
            k = parse.tokens[prep].head
        prep = parse.tokens[k].head
        if parse.tokens[k].dep != "pobj" or parse.tokens[prep].text.lower() not in {
            "at",
            "to",
            "in",
            "during",
        }:
            return []
        verb = parse.tokens[prep].head
    lemma = parse.tokens[verb].lemma.lower()
    if lemma not in SPEECH_VERBS | {"address"}:
        return []
    heads = parse.dep_children(verb, "nsubj")
    if lemma in ADDRESSING and tok.dep == "pobj":  # "in a meeting, X told Y that ...": Y too
        heads += parse.dep_children(verb, "dobj", "dative")
    return parties_under(parse, heads)


def _addressed_while_meeting(parse: Parse, verb: int) -> list[Entity]:
    """ "Meeting in Jeddah, the crown prince told Blinken that ...": a participle of "meet"
    with no object of its own, on a verb of telling, meets the one told."""
    t = parse.tokens
    tok = t[verb]
    if tok.tag != "VBG" or tok.dep != "advcl" or parse.objects(verb) or parse.preps(verb, "with"):
        return []
    head = tok.head
    if head == verb or t[head].lemma.lower() not in ADDRESSING:
        return []
    return parties_under(parse, parse.dep_children(head, "dobj", "dative"))


#: Speech verbs whose object is the one spoken to ("told Blinken", "urged his host").
ADDRESSING = frozenset({"tell", "warn", "urge"})


def _joiners(parse: Parse, noun: int) -> frozenset[str]:
    """Codes of those who attend or join a meeting named by a definite noun ("Sudan, which
    attended the talks as an observer"): they add to that meeting's parties."""
    tok = parse.tokens[noun]
    t = parse.tokens
    prep = t[tok.head]
    if (  # "X and Y arrived on Monday for the summit"
        tok.dep == "pobj"
        and prep.text.lower() == "for"
        and t[prep.head].lemma.lower() in TRAVEL_VERBS
        and any(t[k].text.lower() == "the" for k in parse.dep_children(noun, "det"))
    ):
        heads = parse.dep_children(prep.head, "nsubj")
        return frozenset(c for e in parties_under(parse, heads) if (c := party_code(e)))
    if tok.dep != "dobj" or parse.tokens[tok.head].lemma.lower() not in JOIN_VERBS:
        return frozenset()
    if absent_from(parse, noun):
        return frozenset()
    return frozenset(
        c for c in (party_code(e) for e in _governor_parties(parse, noun)) if c is not None
    )


def _their_own(parse: Parse, i: int) -> bool:
    """'Their last meeting was in Bali': a meeting owned by "their", naming no party itself,
    is one of the pair reported before."""
    poss = [k for k in parse.children[i] if parse.tokens[k].dep == "poss"]
    if not poss or parse.tokens[poss[0]].text.lower() != "their":
        return False
    own = premodifier_parties(parse, i) + parties_under(parse, parse.preps(i, *PARTY_PREPS))
    return not own


#: Bodies a pair of states holds together: "their joint commission", "their negotiators".
JOINT_BODIES = frozenset(
    {"commission", "committee", "council", "delegation", "negotiator", "team", "envoy"}
)


#: Counts that name a group of parties told before: "the two leaders", "the three countries".
GROUP_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4}


def _counted(parse: Parse, k: int) -> int:
    """How many parties a group noun counts ("both sides" 2, "the three countries" 3), 0 if
    it is no such group."""
    tok = parse.tokens[k]
    if tok.lemma.lower() not in PAIR_NOUNS:
        return 0
    words = {parse.tokens[c].text.lower() for c in parse.children[k]}
    return max((n for w, n in GROUP_COUNTS.items() if w in words), default=0)


def group_size(parse: Parse, i: int, is_noun: bool = False) -> int:
    """How many parties told before the meeting is between, when it names them as a group:
    2 for 'The two leaders will meet again', 'both sides held talks'; 3 for 'officials from
    the three countries met', 'a meeting of ministers from the three countries'; else 0."""
    verb = parse.governing_verb(i)
    subjects = parse.dep_children(verb, "nsubj", "nsubjpass")
    they = [s for s in subjects if parse.tokens[s].text.lower() == "they"]
    if they and parse.tokens[verb].dep in {"advcl", "conj"}:
        # "the two leaders made that commitment when they met in Cairo": their "they"
        subjects = parse.dep_children(parse.tokens[verb].head, "nsubj", "nsubjpass")
    for _ in range(2):  # "the two leaders are due to meet": up through open complements
        if subjects or parse.tokens[verb].dep not in {"xcomp", "advcl", "acomp"}:
            break
        verb = parse.tokens[verb].head
        subjects = parse.dep_children(verb, "nsubj", "nsubjpass")
    again = any(
        parse.tokens[k].text.lower() == "again"
        for v in {i, parse.governing_verb(i)}
        for k in parse.dep_children(v, "advmod")
    )
    for s in subjects:
        tok = parse.tokens[s]
        words = {parse.tokens[k].text.lower() for k in parse.children[s]}
        if n := _counted(parse, s):
            return n
        if tok.text.lower() == "they" and again:  # "they agreed to meet again in Brazil"
            return 2
        if tok.text.lower() == "two" and words & {"the"}:  # "the two held talks"
            return 2
        if (
            "their" in words
            and tok.lemma.lower() in JOINT_BODIES
            and not parse.entities_in(parse.subtree(s))
        ):  # "their joint commission will meet in June": the pair's own body
            return 2
        # "officials from both countries held talks": the people of the group
        for o in parse.preps(s, "from", "of"):
            if n := _counted(parse, o):
                return n
    if is_noun:  # "a meeting of ministers and officials from the three countries"
        for o in parse.preps(i, "of"):
            for c in parse.conjuncts(o):
                for k in parse.preps(c, "from", "of"):
                    if n := _counted(parse, k):
                        return n
    return 0


def _sidelines_of(parse: Parse, i: int) -> int | None:
    """'On the sidelines of the summit, X met Y': the meeting noun whose sidelines these are;
    -1 for sidelines of no named meeting ('On the sidelines, X met Y')."""
    for owner in (i, parse.governing_verb(i)):
        for p in parse.preps(owner, "on", "at", "in", "during"):
            if parse.tokens[p].lemma.lower() in {"sideline", "margin", "sidelines", "margins"}:
                inner = parse.preps(p, "of")
                return inner[0] if inner else -1
    return None


def _members_forum(parties: list[Entity], entry: Entry) -> Entity | None:
    """'Leaders of the G7 gathered for a summit': an organisation alone among the parties of a
    summit or meeting is its forum."""
    if entry.mode in {"summit", "meet"} and len(parties) == 1 and parties[0].kind == "igo":
        return parties[0]
    return None


HABITUAL = frozenset(
    {
        "continuously",
        "regularly",
        "repeatedly",
        "often",
        "frequently",
        "constantly",
        "routinely",
        "periodically",
        "sometimes",
        "usually",
    }
)


def _habitual(parse: Parse, i: int) -> bool:
    """'have been negotiating continuously', 'meet regularly': an aggregate, not one meeting."""
    verb = parse.governing_verb(i)
    return any(parse.tokens[k].text.lower() in HABITUAL for k in parse.children[verb])


BROKER_VERBS = frozenset(
    {"mediate", "facilitate", "broker", "host", "sponsor", "organize", "organise", "convene"}
)

AUSPICES = frozenset({"auspices", "auspice", "aegis", "mediation", "sponsorship"})


def _mediators(parse: Parse, i: int) -> list[Entity]:
    """'talks ..., mediated by X and Y', 'the summit, hosted by X', 'talks under the auspices
    of X': brokers take part too."""
    out: list[Entity] = []
    for head in {i, parse.governing_verb(i)}:
        for k in parse.children[head]:
            tok = parse.tokens[k]
            if tok.dep in {"acl", "advcl", "relcl"} and tok.lemma.lower() in BROKER_VERBS:
                out += parties_under(parse, parse.preps(k, "by"))
        for k in parse.preps(head, "under"):
            if parse.tokens[k].text.lower() in AUSPICES:
                out += parties_under(parse, parse.preps(k, "of"))
    return out


def _organisation_forum(parse: Parse, i: int, is_noun: bool) -> Entity | None:
    """'the BRICS summit', 'an African Union summit', 'a meeting of the Arab League': the
    organisation whose meeting it is."""
    if not is_noun:
        return None
    pre = premodifier_parties(parse, i)
    of = parties_under(parse, parse.preps(i, "of"))
    return next((e for e in pre + of if e.kind == "igo"), None)


def _governor_parties(parse: Parse, noun: int) -> list[Entity]:
    """'A and B held talks', 'delegations of A and B attending the meeting',
    'A hosted the summit'."""
    noun = measure_head(parse, noun)
    tok = parse.tokens[noun]
    if (left := withdrawn_from(parse, noun)) is not None:
        # "X pulled out of a meeting with Y": X was one of its parties
        return parties_under(
            parse, parse.dep_children(left, "nsubj") + relative_subjects(parse, noun)
        )
    if (verb := engaged_in(parse, noun)) is not None:  # "A and B are in talks"
        heads = parse.dep_children(verb, "nsubj") + parse.preps(noun, "with", "between")
        return parties_under(parse, heads)
    if (held_by := relative_subjects(parse, noun)) and not absent_from(parse, noun):
        # "a visit to Addis Ababa that the envoy had planned", "talks Washington had planned
        # to host with Armenia"
        return parties_under(parse, held_by + parse.preps(noun, "with", "between"))
    if tok.dep == "pobj" and parse.tokens[tok.head].text.lower() in {"in", "during"}:
        # "X and Y shook hands ... in a meeting brokered by Z": those who acted in it met
        verb = parse.tokens[tok.head].head
        subj = parse.dep_children(verb, "nsubj") if parse.tokens[verb].pos == "VERB" else []
        acting = parties_under(parse, subj + parse.preps(noun, "with", "between"))
        if len({party_code(e) for e in acting} - {None}) >= 2:  # not "said in a cabinet meeting"
            return acting
    verb = framed_holder(parse, noun)  # "held what he called productive talks"
    if verb is None:
        if tok.dep not in {"dobj", "nsubjpass"} or absent_from(parse, noun):
            return []
        verb = tok.head
    if parse.tokens[verb].lemma.lower() not in {
        "hold",
        "host",
        "attend",
        "have",
        "conduct",
        "begin",
        "start",
        "open",
        "resume",
        "join",
        "chair",
        "continue",
        "wrap",
        "conclude",
        "end",
        "pay",
        "make",
        "grant",
        "address",
        "organise",
        "organize",
        "convene",
        # who calls off or puts off a meeting is one of its parties
        "cancel",
        "postpone",
        "call",
        "put",
        "delay",
        "suspend",
        "scrap",
        "break",
        "push",
        "defer",
    }:
        return []
    heads = [
        h for h in parse.dep_children(verb, "nsubj") if parse.tokens[h].tag not in {"WP", "WDT"}
    ]
    vt = parse.tokens[verb]
    if not heads and (taker := invitation_taker(parse, verb)) is not None:
        # "X accepted an invitation to pay an official visit to Russia": X visits
        heads = parse.dep_children(taker, "nsubj")
    elif not heads and vt.dep in {"acl", "relcl"}:  # "Sudan, which attended the talks"
        heads = [vt.head]
    up = 0
    while (
        not heads and vt.dep in {"xcomp", "advcl", "conj", "acomp"} and vt.head != vt.i and up < 3
    ):
        # "A and B agreed to hold a summit", "X is set to travel to Cairo to resume talks",
        # "X is due to join the summit on Thursday"
        vt, up = parse.tokens[vt.head], up + 1
        heads = parse.dep_children(vt.i, "nsubj", "nsubjpass")
    heads += [h for h in parse.preps(verb, "with", "between", "to") if not absolute(parse, h)]
    # "X, who is due to hold talks with Y": the relative pronoun up the chain stands for X
    return parties_under(parse, heads) + described_parties(parse, heads)


#: Verbs that name what their free-relative object is: "held what he called productive talks".
FRAMING_VERBS = frozenset({"call", "describe", "term", "dub", "characterize", "characterise"})


def framed_holder(parse: Parse, noun: int) -> int | None:
    """meeting.framed_object: "X held what he called productive talks with Y": the parser makes
    "talks" the predicate of "called" and "what" the object of "held"; the verb that holds the
    meeting is "held"."""
    t = parse.tokens
    tok = t[noun]
    if tok.dep != "oprd" or t[tok.head].lemma.lower() not in FRAMING_VERBS:
        return None
    framing = t[tok.head]
    what = [k for k in parse.dep_children(framing.i, "dobj") if t[k].text.lower() == "what"]
    if not what or framing.dep != "ccomp" or framing.head == framing.i:
        return None
    return framing.head


#: Verbs that hold their subject "in" talks: "are in talks", "remain locked in negotiations".
ENGAGED_VERBS = frozenset({"be", "remain", "stay", "lock", "engage", "involve"})


def engaged_in(parse: Parse, noun: int) -> int | None:
    """The verb whose subject is "in" the meeting ("A and B are in talks", "were locked in
    negotiations"), or None."""
    t = parse.tokens
    prep = t[noun].head
    if t[noun].dep != "pobj" or t[prep].text.lower() != "in" or t[prep].dep != "prep":
        return None
    verb = t[prep].head
    if t[verb].lemma.lower() not in ENGAGED_VERBS:
        return None
    while (  # "remains locked in talks": the verb that carries the subject
        not parse.dep_children(verb, "nsubj")
        and t[verb].dep in {"acomp", "xcomp", "oprd"}
        and t[t[verb].head].lemma.lower() in ENGAGED_VERBS
    ):
        verb = t[verb].head
    return verb if t[verb].pos in {"AUX", "VERB"} else None


def engaged_now(parse: Parse, noun: int) -> bool:
    """ "A and B are in talks", "have been in negotiations since May": the talks go on."""
    verb = engaged_in(parse, noun)
    if verb is None:
        return False
    t = parse.tokens
    aux = {t[k].text.lower() for k in parse.children[verb] if t[k].dep == "aux"}
    return t[verb].tag in {"VBZ", "VBP"} or (t[verb].tag == "VBN" and bool(aux & {"has", "have"}))


def _framework_forum(parse: Parse, i: int) -> Entity | None:
    """A named body in the trigger's sentence introduced as its framework or host body."""
    n = parse.sentence_index(i)
    for k in parse.sentence_tokens(n):
        hit = parse.entity_at.get(k)
        if hit is not None and hit.entity.kind == "body" and hit.first == k:
            prev = {parse.tokens[j].text.lower() for j in range(max(0, k - 4), k)}
            if prev & {"framework", "auspices", "within", "at", "of"}:
                return hit.entity
    return None


#: Words for who takes part, as the subject of the sentence after a meeting's mention.
ATTENDEE_WORDS = frozenset({"participant", "attendee", "delegation", "delegate", "invitee"})


def listed_after(parse: Parse, n: int) -> list[Entity]:
    """ "... a key meeting about Syria to be held in Moscow. Those attending include the
    foreign ministers of Turkey, Russia and Iran": the states and organisations the next
    sentence lists as taking part (not those in an apposition: "Turkey, an opponent of Assad")."""
    if n + 1 >= len(parse.annotated.sentences):
        return []
    t = parse.tokens
    span = parse.sentence_tokens(n + 1)
    roots = [k for k in span if t[k].head == k]
    if len(roots) != 1 or t[roots[0]].lemma.lower() not in {"include", "be"}:
        return []
    root = roots[0]
    subjects = parse.dep_children(root, "nsubj")
    if not any(_names_attendees(parse, k) for k in subjects):
        return []
    heads = parse.dep_children(root, "dobj", "attr")
    idx = sorted(
        k
        for h in heads
        for k in parse.subtree(h, TOPIC_STOPS | {"appos"})
        if not _describes_relation(parse, k)
    )
    return [e for e in parse.entities_in(idx) if e.kind in {"state", "igo"} and party_code(e)]


#: Nouns that describe a listed party by another ("Iran, a backer of the Syrian regime").
RELATION_NOUNS = frozenset(
    {"backer", "opponent", "ally", "enemy", "supporter", "foe", "rival", "critic", "friend"}
)


def _describes_relation(parse: Parse, k: int) -> bool:
    """Is token ``k`` inside a phrase like "backers of the Syrian regime"?"""
    t = parse.tokens
    return any(t[a].lemma.lower() in RELATION_NOUNS for a in [k, *parse.ancestors(k)])


def _names_attendees(parse: Parse, k: int) -> bool:
    """ "Participants", "Those attending", "Those taking part"."""
    t = parse.tokens
    if t[k].lemma.lower() in ATTENDEE_WORDS:
        return True
    acts = {t[c].lemma.lower() for c in parse.dep_children(k, "acl")}
    return t[k].text.lower() == "those" and bool(acts & {"attend", "take", "participate"})


#: Words that open a clause telling what happened at a meeting ("a meeting where X told Y").
SCENE_WORDS = frozenset({"where", "when", "which", "whom"})


def told_within(parse: Parse, noun: int) -> list[Entity]:
    """ "a meeting in Osaka where he told Xi ...", "a dinner at which X thanked Y": who spoke
    to whom in the clause that tells what happened at the meeting."""
    t = parse.tokens
    out: list[Entity] = []
    # the clause may hang on the meeting's place or date ("a meeting in Osaka on June 29,
    # where he told Xi ...")
    hosts = [noun, *parse.preps(noun, "in", "on", "at")]
    for rel in (r for h in hosts for r in parse.dep_children(h, "relcl")):
        opener = [k for k in parse.children[rel] if t[k].dep in {"advmod", "prep", "pobj"}]
        words = {t[k].text.lower() for k in opener} | {
            t[p].text.lower() for k in opener for p in parse.dep_children(k, "pobj")
        }
        if not words & SCENE_WORDS:
            continue
        heads = parse.dep_children(rel, "nsubj", "dobj", "dative") + parse.preps(rel, "to", "with")
        out += [e for e in parties_under(parse, heads) if e not in out]
    return out
