"""Parties named by reference to what was told before: a group subject ("the two leaders
agreed") and an act a reaction refers back to ("X condemned the move")."""

from __future__ import annotations

from ..model import Entity, Event
from .arguments import party_code
from .claims import denies_a_claim
from .position_records import PositionCandidate
from .position_roles import THEY, group_subject
from .syntax import Parse

#: Acts that may answer an act told before without naming its author.
REACTIONS = frozenset({"ACCUSE", "REJECT", "SUPPORT", "THREATEN"})
#: Acts a "they" does together: agreeing, cooperating.
MUTUAL = frozenset({"AGREE", "COOPERATE"})
#: How many sentences back a reaction's "the move" may refer.
REACH = 3
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "his", "her", "its", "their"})

#: An event told before, with the token offset where it is told.
Told = tuple[int, Event]


def _parties(ev: Event, by_id: dict[str, Entity], roles: str = "all") -> dict[str, Entity]:
    ids = {"actors": ev.actors, "recipients": ev.recipients}.get(roles, ev.actors + ev.recipients)
    if roles == "all" and ev.meeting is not None:
        ids += tuple(d.party for d in ev.meeting.delegations)
    out: dict[str, Entity] = {}
    for i in ids:
        e = by_id.get(i)
        code = party_code(e) if e is not None else None
        if e is not None and code:
            out.setdefault(code, e)
    return out


#: Group subjects that are people: "the two leaders", "the three presidents".
LEADER_NOUNS = frozenset({"leader", "president", "premier", "minister", "head", "chancellor"})


def group_parties(
    parse: Parse, p: PositionCandidate, told: list[Told], by_id: dict[str, Entity]
) -> tuple[Entity, ...]:
    """ "X met Y. The two leaders agreed to ...": a subject naming the parties as a group is the
    parties of the latest act between that many parties (two or more for "the leaders") told
    up to its sentence (role.group_subject)."""
    size = None if p.actors else group_subject(parse, p.verb)
    if size is None or (size == THEY and p.entry.type not in MUTUAL):
        return ()
    # told before its verb: in earlier sentences or earlier in its own ("held a virtual summit,
    # during which the two countries signed ...")
    start = parse.tokens[p.verb].start
    since = parse.tokens[parse.annotated.sentences[max(0, p.sentence - 1)].first_token].start

    # of events told at one place, one not told again after the verb first ("Ahead of the
    # summit, X held talks with Y, where the two leaders agreed ...": the talks' pair, not the
    # summit's, whose parties are told later)
    def order(x: Told) -> tuple[int, bool]:
        return -x[0], any(s.start > start for s in x[1].evidence)

    # "the two leaders" are people of states, not a bloc that sat with them
    people = size >= 2 and any(  # counted: "the two leaders", not "the ministers"
        parse.tokens[k].lemma.lower() in LEADER_NOUNS for k in parse.dep_children(p.verb, "nsubj")
    )
    for at, ev in sorted((x for x in told if x[0] < start), key=order):
        if ev.type == "STATEMENT":
            continue
        parties = _parties(ev, by_id)
        if people:
            parties = {c: e for c, e in parties.items() if e.kind != "igo"}
        if size == THEY:  # "X met Y. They agreed to ...": the meeting just told, if any
            recent = any(since <= s.start < start for s in ev.evidence) or at >= since
            meeting = ev.meeting is not None and recent and 2 <= len(parties) <= 4
            return tuple(parties.values()) if meeting else ()
        if len(parties) == size or (size == 0 and 2 <= len(parties) <= 4):
            return tuple(parties.values())
    return ()


def _told_before(parse: Parse, told: list[Told], p: PositionCandidate, back: int) -> list[Event]:
    """The events told before ``p``'s verb, in its sentence or the ``back`` before it, latest
    first."""
    t = parse.tokens
    since = t[parse.annotated.sentences[max(0, p.sentence - back)].first_token].start
    before = [x for x in told if since <= x[0] < t[p.verb].start]
    return [ev for _at, ev in sorted(before, key=lambda x: -x[0])]


def referred_parties(
    parse: Parse,
    p: PositionCandidate,
    told: list[Told],
    by_id: dict[str, Entity],
    referring: dict[str, frozenset[str]],
) -> tuple[Entity, ...]:
    """ "Iran fired missiles at Israel. The UN condemned the attack": a reaction whose object
    refers back to an act ("the attack", "the move", "the accusations") is aimed at the
    authors of the latest such act told before it (role.referred_act)."""
    if p.recipients or not p.actors or p.entry.type not in REACTIONS:
        return ()
    t = parse.tokens
    own = {party_code(e) for e in p.actors}
    if p.entry.type == "REJECT" and _stays_away(parse, p.verb):
        return _host_of_latest_meeting(parse, p, told, by_id, own)
    for o in parse.dep_children(p.verb, "dobj", "nsubjpass"):
        types = referring.get(t[o].lemma.lower())
        # "the move", and "his idea": a possessive pronoun points back like a determiner
        dets = {t[k].text.lower() for k in parse.children[o] if t[k].dep in {"det", "poss"}}
        if types is None or not dets & _DEFINITE:
            continue
        if _names_author(parse, o):
            continue  # "the attack by Hamas", "Trump's decision": the phrase names its author
        # the act referred to is told in the same sentence or the few before it
        for ev in _told_before(parse, told, p, REACH):
            typed = ev.type in types or ("*" in types and ev.type not in {"STATEMENT", "CONSULT"})
            # a meeting is everyone's in it ("welcomed the talks"); an act its authors'
            authors = _parties(ev, by_id, "all" if ev.type == "CONSULT" else "actors")
            if not typed or not authors or set(authors) <= own:
                continue
            return tuple(e for c, e in authors.items() if c not in own)
        return ()
    return ()


def _names_author(parse: Parse, noun: int) -> bool:
    """Whether a noun's phrase names who did the act: a possessor ("Trump's decision") or a
    "by"/"from" phrase ("the attack by Hamas"); not what it was done to ("his idea of buying
    Greenland", "the attack on Israel")."""
    t = parse.tokens
    heads = [
        k
        for k in parse.children[noun]
        if t[k].dep == "poss" or (t[k].dep == "prep" and t[k].text.lower() in {"by", "from"})
    ]
    return bool(parse.entities_in(j for k in heads for j in parse.subtree(k)))


#: What a party declines to do when it stays away: "declined to attend", "refused to take part".
STAY_AWAY = frozenset({"attend", "join", "participate", "come", "go", "travel", "take"})


def _stays_away(parse: Parse, verb: int) -> bool:
    """ "Georgia again declined to attend": a refusal to attend a meeting named before, with no
    object of its own."""
    t = parse.tokens
    for x in parse.dep_children(verb, "xcomp"):
        lemma = t[x].lemma.lower()
        objs = {t[o].lemma.lower() for o in parse.dep_children(x, "dobj")}
        if lemma not in STAY_AWAY or parse.preps(x, "in", "at"):
            continue
        if objs == ({"part"} if lemma == "take" else set()):  # "take part", "attend"
            return True
    return False


def _host_of_latest_meeting(
    parse: Parse,
    p: PositionCandidate,
    told: list[Told],
    by_id: dict[str, Entity],
    own: set[str | None],
) -> tuple[Entity, ...]:
    """The host of the meeting told in the refusal's sentence or the one before (its venue's
    state among its parties), else its parties: whom staying away rebuffs."""
    t = parse.tokens
    since = t[parse.annotated.sentences[max(0, p.sentence - 1)].first_token].start
    start = t[p.verb].start
    for _at, ev in sorted((x for x in told if x[0] < start), key=lambda x: -x[0]):
        if ev.meeting is None or not any(since <= s.start < start for s in ev.evidence):
            continue
        parties = {c: e for c, e in _parties(ev, by_id).items() if c not in own}
        host = ev.where.country if ev.where is not None else None
        if host in parties:
            return (parties[host],)
        return tuple(parties.values())
    return ()


#: Acts a party answers by denying or rejecting them: criticism, accusations, demands.
ANSWERED = frozenset({"ACCUSE", "REQUEST", "THREATEN"})


def answering_parties(
    parse: Parse,
    p: PositionCandidate,
    told: list[Told],
    by_id: dict[str, Entity],
    referring: dict[str, frozenset[str]],
) -> tuple[tuple[Entity, ...], tuple[Entity, ...]]:
    """ "Kabul condemned the expulsions. The Foreign Office rejected the criticism": an unnamed
    body or a pronoun that rejects or denies the criticism, accusation or demand told just
    before is the party it was aimed at, answering its author (role.answered_act)."""
    t = parse.tokens
    subjects = parse.dep_children(p.verb, "nsubj")
    if p.entry.type != "REJECT" or not subjects:
        return (), ()
    if any(party_code(e) for s in subjects for e in parse.entities_in(parse.subtree(s))):
        return (), ()  # a subject that names someone is not a stand-in (its party, if any,
        # was read from what was told before it: "the ministry" after "Kabul said")
    for o in parse.dep_children(p.verb, "dobj"):
        types = referring.get(t[o].lemma.lower(), frozenset()) & ANSWERED
        dets = {t[k].text.lower() for k in parse.children[o] if t[k].dep in {"det", "poss"}}
        if not types or not dets & (_DEFINITE | {"its", "their"}):
            continue
        for ev in _told_before(parse, told, p, 1):
            if ev.type not in types:
                continue
            accusers = _parties(ev, by_id, "actors")
            accused = {c: e for c, e in _parties(ev, by_id).items() if c not in accusers}
            if accusers and len(accused) == 1:
                return tuple(accused.values()), tuple(accusers.values())
            return (), ()
    return (), ()


def denied_accusers(
    parse: Parse,
    p: PositionCandidate,
    told: list[Told],
    by_id: dict[str, Entity],
) -> tuple[Entity, ...]:
    """ "Kinshasa accuses Kigali of backing the M23, a charge Rwanda denies", "Kenya accused
    Somalia of ... Somalia rejected the accusations": a party's denial of a claim answers
    whoever made the latest accusation, demand or threat aimed at it told before, in its
    sentence or the few before (role.denied_claim)."""
    if p.entry.type != "REJECT" or p.recipients or not p.actors:
        return ()
    if not denies_a_claim(parse, p.verb):
        return ()
    own = {party_code(e) for e in p.actors} - {None}
    for ev in _told_before(parse, told, p, REACH):
        if ev.type not in ANSWERED:
            continue
        accused = set(_parties(ev, by_id, "recipients"))
        accusers = {c: e for c, e in _parties(ev, by_id, "actors").items() if c not in own}
        if own & accused and accusers:
            return tuple(accusers.values())
    return ()
