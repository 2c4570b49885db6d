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

from ..model import Entity
from .arguments import parties_under
from .syntax import Parse

#: Nouns of taking part: "with the participation of X", "in the presence of Y".
PARTICIPATION_NOUNS = frozenset({"participation", "presence", "attendance"})

#: Verbs whose passive agent attends: "was attended by X", "to be joined by Y".
ATTENDED_VERBS = frozenset({"attend", "join"})


def attendance_parties(parse: Parse, noun: int) -> tuple[list[Entity], list[str]]:
    """The parties a meeting noun's phrase or clause lists as attending, and the names of
    the rules that found them."""
    t = parse.tokens
    anchors = [noun, *parse.dep_children(noun, "acl", "relcl")]
    if t[noun].dep in {"nsubj", "nsubjpass"}:
        anchors.append(t[noun].head)  # "the summit is taking place ... with the participation"
    found: list[Entity] = []
    rules: list[str] = []

    def add(entities: list[Entity], rule: str) -> None:
        new = [e for e in entities if e not in found]
        if new:
            found.extend(new)
            if rule not in rules:
                rules.append(rule)

    for a in anchors:
        if _negated(parse, a):
            continue
        for w in parse.preps(a, "with", "in"):
            if t[w].lemma.lower() in PARTICIPATION_NOUNS:
                add(parties_under(parse, parse.preps(w, "of")), "meeting.participation")
        passive = a != noun and t[a].lemma.lower() in ATTENDED_VERBS and _passive(parse, a, noun)
        if passive:
            add(parties_under(parse, parse.preps(a, "by")), "meeting.attended_by")
    add(_expected_at(parse, noun), "meeting.expected_at")
    return found, rules


def _passive(parse: Parse, verb: int, noun: int) -> bool:
    """Is the meeting noun what the verb's passive tells of ("the summit was attended by",
    "the meeting, to be attended by")?"""
    t = parse.tokens
    if t[noun].dep == "nsubjpass" and t[noun].head == verb:
        return True
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
