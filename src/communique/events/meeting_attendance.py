"""Who attends a meeting named by a noun, as the report lists them around it.

Agency reports of summits and multilateral sessions name the attending states in phrases that
hang on the meeting's noun or on the clause that tells it:

* "the summit is taking place today with the participation of President X and the heads of
  state of Y and Z" (``meeting.participation``);
* "the summit ... was attended by X, Y and Z", "the leaders' meeting, to be attended by X and
  Y" (``meeting.attended_by``);
* "X and Y are among the leaders expected at the gathering", "X is expected at the summit"
  (``meeting.expected_at``).

The parties found here join the meeting (they are its ``joiners``): they add to its
participants and never keep its mentions apart.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Entity
from .arguments import parties_under, party_code
from .meeting_records import MeetingCluster
from .syntax import Parse

#: Nouns of taking part: "with the participation of X", "in the presence of Y".
PARTICIPATION_NOUNS = frozenset({"participation", "presence", "attendance"})

#: Verbs whose passive agent chairs the meeting: "co-chaired by X and Y".
CHAIR_VERBS = frozenset({"chair", "co-chair", "cochair", "preside"})

#: Verbs whose passive agent attends: "was attended by X", "to be joined by Y".
ATTENDED_VERBS = frozenset({"attend", "join"})


def attendance_parties(parse: Parse, noun: int) -> tuple[list[Entity], list[str]]:
    """The parties a meeting noun's phrase or clause lists as attending, and the names of
    the rules that found them."""
    t = parse.tokens
    anchors = [noun, *parse.dep_children(noun, "acl", "relcl")]
    if t[noun].dep in {"nsubj", "nsubjpass"}:
        anchors.append(t[noun].head)  # "the summit is taking place ... with the participation"
        # "the summit was hosted by X and attended by Y and Z"
        anchors += parse.dep_children(t[noun].head, "conj")
    found: list[Entity] = []
    rules: list[str] = []

    def add(entities: list[Entity], rule: str) -> None:
        new = [e for e in entities if e not in found]
        if new:
            found.extend(new)
            if rule not in rules:
                rules.append(rule)

    # "the eighth meeting of the state commissions on border delimitation, chaired by X and
    # Y": the parser hangs the participle on a noun of the meeting's own phrase
    anchors += [
        k
        for k in parse.subtree(noun)
        if k != noun and t[k].dep == "acl" and t[k].lemma.lower() in CHAIR_VERBS
    ]
    if t[noun].dep == "pobj" and t[t[noun].head].text.lower() in {"at", "during"}:
        # "the deal was reached at the meeting ..., chaired by X": a chair clause of the
        # clause the meeting is the occasion of
        verb = t[t[noun].head].head
        anchors += [
            k
            for k in parse.dep_children(verb, "advcl")
            if t[k].lemma.lower() in CHAIR_VERBS and t[k].tag == "VBN"
        ]
    for a in anchors:
        if _negated(parse, a):
            continue
        for w in parse.preps(a, "with", "in"):
            if t[w].lemma.lower() in PARTICIPATION_NOUNS:
                add(parties_under(parse, parse.preps(w, "of")), "meeting.participation")
        for k in [a, *parse.dep_children(a, "advcl", "acl")]:
            # "was held in Shanghai, co-chaired by X and Y", "the talks, chaired by Z"
            if k != noun and t[k].lemma.lower() in CHAIR_VERBS and t[k].tag == "VBN":
                add(parties_under(parse, parse.preps(k, "by")), "meeting.chaired_by")
        passive = a != noun and t[a].lemma.lower() in ATTENDED_VERBS and _passive(parse, a, noun)
        if passive:
            add(parties_under(parse, parse.preps(a, "by")), "meeting.attended_by")
    add(_expected_at(parse, noun), "meeting.expected_at")
    add(_acting_at(parse, noun), "meeting.acts_at")
    add(_hosted_for(parse, noun), "meeting.hosted_for")
    return found, rules


#: Verbs by which a host brings others to a meeting: "is set to host leaders of X for a summit".
HOSTING_VERBS = frozenset({"host", "welcome", "gather", "convene", "invite"})


def _hosted_for(parse: Parse, noun: int) -> list[Entity]:
    """ "Kazakhstan is set to host leaders of the Shanghai Cooperation Organisation in Astana
    for a summit": the host and its guests are the summit's."""
    t = parse.tokens
    tok = t[noun]
    if tok.dep != "pobj" or t[tok.head].text.lower() != "for":
        return []
    verb = t[tok.head].head
    if t[verb].lemma.lower() not in HOSTING_VERBS or _negated(parse, verb):
        return []
    heads = parse.dep_children(verb, "nsubj", "dobj")
    if not parse.dep_children(verb, "nsubj") and t[verb].dep == "xcomp":  # "is set to host"
        heads += parse.dep_children(t[verb].head, "nsubj", "nsubjpass")
    return parties_under(parse, heads)


def _passive(parse: Parse, verb: int, noun: int) -> bool:
    """Is the meeting noun what the verb's passive tells of ("the summit was attended by",
    "the meeting, to be attended by")?"""
    t = parse.tokens
    if t[noun].dep == "nsubjpass" and t[noun].head == verb:
        return True
    if t[noun].dep == "nsubjpass" and t[verb].dep == "conj" and t[verb].head == t[noun].head:
        return t[verb].tag == "VBN"  # "was hosted by X and attended by Y"
    return t[verb].head == noun and t[verb].tag == "VBN"


def _negated(parse: Parse, verb: int) -> bool:
    return any(parse.tokens[k].dep == "neg" for k in parse.children[verb])


def _expected_at(parse: Parse, noun: int) -> list[Entity]:
    """ "X and Y are among the leaders expected at the gathering", "X is expected at the
    summit": the subject is to attend."""
    t = parse.tokens
    tok = t[noun]
    if tok.dep != "pobj" or t[tok.head].text.lower() not in {"at", "for"}:
        return []
    verb = t[tok.head].head
    if t[verb].lemma.lower() != "expect" or _negated(parse, verb):
        return []
    subjects = parse.dep_children(verb, "nsubjpass")
    if not subjects and t[verb].dep == "acl":  # "among the leaders expected at"
        among = t[t[verb].head]
        prep = t[among.head]
        if among.dep == "pobj" and prep.text.lower() == "among" and not _negated(parse, prep.head):
            subjects = parse.dep_children(prep.head, "nsubj")
    return parties_under(parse, subjects)


#: Nouns of a part of a meeting: "at the opening of the summit", "on the sidelines of".
MEETING_PARTS = frozenset(
    {"opening", "start", "close", "end", "session", "sideline", "margin", "podium", "table"}
)


def _acting_at(parse: Parse, noun: int) -> list[Entity]:
    """ "X took over the chairmanship from Y at the opening of the meeting", "X told leaders at
    the summit": a party acting at the meeting (or at a part of it) attends it; not one said
    to be absent ("X was not present at the summit") nor one told only as what is expected."""
    t = parse.tokens
    tok = t[noun]
    if tok.dep == "pobj" and t[tok.head].text.lower() == "of":
        part = t[t[tok.head].head]
        if part.lemma.lower() not in MEETING_PARTS:
            return []
        tok = part
    if tok.dep != "pobj" or t[tok.head].text.lower() != "at":
        return []
    verb = t[tok.head].head
    if t[verb].pos not in {"VERB", "AUX"} or _negated(parse, verb):
        return []
    if t[verb].lemma.lower() in {"expect", "look", "hint", "aim", "arrive"}:
        return []  # "expected at" (meeting.expected_at), "looked at", "arrived at the venue"
    heads = parse.dep_children(verb, "nsubj")
    heads += [k for h in list(heads) for k in parse.dep_children(h, "conj")]
    if t[verb].lemma.lower() == "take":  # "took over the chairmanship from Y"
        heads += parse.preps(verb, "from")
    return [e for e in parties_under(parse, heads) if e.kind in {"state", "igo", "person"}]


#: Words of being there: "among those due to attend", "among the leaders in attendance".
PRESENCE_WORDS = frozenset({"attend", "attendance", "expect", "due", "present", "participate"})


def attendance_told(parse: Parse, n: int) -> list[Entity]:
    """Sentence ``n`` tells who attends the gathering just reported, naming no meeting:
    "X and Y are among those due to attend", "X and Y were also present", "Z will attend as an
    observer", "India will be represented by its foreign minister" (meeting.attendance_told)."""
    t = parse.tokens
    roots = [k for k in parse.sentence_tokens(n) if t[k].head == k]
    if len(roots) != 1 or _negated(parse, roots[0]):
        return []
    root = roots[0]
    lemma = t[root].lemma.lower()
    heads: list[int] = []
    if lemma in {"attend", "participate"} and not parse.dep_children(root, "dobj"):
        heads = parse.dep_children(root, "nsubj")
    elif lemma == "represent" and parse.dep_children(root, "auxpass"):
        heads = parse.dep_children(root, "nsubjpass")
    elif lemma == "be" and _presence(parse, root):
        heads = parse.dep_children(root, "nsubj")
    if not heads:
        return []
    heads += [w for a in parse.preps(root, "along") for w in parse.preps(a, "with")]
    heads += [w for a in parse.dep_children(root, "prep") if t[a].text.lower() == "along"
              for w in parse.preps(a, "with")]  # fmt: skip
    return [e for e in parties_under(parse, heads) if e.kind in {"state", "igo", "person"}]


def _presence(parse: Parse, be: int) -> bool:
    """ "were also present", "are among those due to attend", "among the leaders in
    attendance"."""
    t = parse.tokens
    if any(t[k].lemma.lower() == "present" for k in parse.dep_children(be, "acomp")):
        return True
    for w in parse.preps(be, "among"):
        words = {t[k].lemma.lower() for k in parse.subtree(w)}
        if words & PRESENCE_WORDS:
            return True
    return False


#: Statuses of a meeting not (yet) held.
UNHELD = frozenset({"planned", "cancelled"})


def sideline_attendance(
    clusters: list[MeetingCluster], gathering: Callable[[MeetingCluster], bool]
) -> None:
    """ "Modi and Xi met on the sidelines of the BRICS summit in Kazan": those who meet on a
    gathering's sidelines attend it (meeting.sideline_attendance); they join its parties."""
    owner = {m.trigger: c for c in clusters for m in c.mentions}
    for c in clusters:
        for m in c.mentions:
            host = owner.get(m.frame) if m.frame is not None else None
            if host is None or host is c or not gathering(host) or m.status in UNHELD:
                continue  # a meeting only planned there tells no one is there yet
            first = host.mentions[0]
            new = [e for e in m.parties if party_code(e) and e not in first.parties]
            if new:
                first.parties += new
                first.joiners |= {code for e in new if (code := party_code(e))}
                first.found_by += ("meeting.sideline_attendance",)
