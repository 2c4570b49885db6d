"""Attending a meeting or staying away from it: "attended the summit", "over dinner", "failed to
attend the meeting", "skipped the summit", "boycotted the talks with X". Read by the parties
(who takes part) and by the status (whether it took place)."""

from __future__ import annotations

from .syntax import Parse

ATTENDANCE_PREPS = frozenset({"at", "during", "on", "for", "after", "following", "before"})
ATTENDANCE_VERBS = frozenset({"attend", "address", "join", "chair", "host", "open"})
MEALS = frozenset({"dinner", "lunch", "luncheon", "breakfast", "banquet"})


ABSENCE_VERBS = frozenset({"fail", "refuse", "decline", "neglect"})


#: Verbs of staying away from a meeting: "skipped the summit", "boycotted the talks".
SKIP_VERBS = frozenset({"skip", "boycott", "snub", "shun", "spurn", "ignore", "miss"})


def skipped_with(parse: Parse, noun: int) -> bool:
    """'skipped the meeting with Pashinyan', 'boycotted the talks with the United States': the
    subject stayed away from a meeting with another side, which so did not take place
    (meeting.skipped_with)."""
    tok = parse.tokens[noun]
    if tok.dep != "dobj" or parse.tokens[tok.head].lemma.lower() not in SKIP_VERBS:
        return False
    return bool(parse.preps(noun, "with"))


def absent_from(parse: Parse, noun: int) -> bool:
    """'failed to attend the meeting', 'did not attend the summit', 'skipped the summit': the
    meeting took place without the clause's subject (meeting.absent_subject)."""
    tok = parse.tokens[noun]
    if tok.dep == "dobj" and parse.tokens[tok.head].lemma.lower() in SKIP_VERBS:
        return not skipped_with(parse, noun)
    if tok.dep != "dobj" or parse.tokens[tok.head].lemma.lower() not in ATTENDANCE_VERBS:
        return False
    verb = parse.tokens[tok.head]
    if any(parse.tokens[k].dep == "neg" for k in parse.children[verb.i]):
        return True
    return verb.dep == "xcomp" and parse.tokens[verb.head].lemma.lower() in ABSENCE_VERBS


def attended(parse: Parse, noun: int) -> bool:
    """'announce X at the summit', 'met during the summit': the subject is present."""
    tok = parse.tokens[noun]
    if tok.dep == "dobj":  # "attended the summit", "addressed a session of the Council"
        return parse.tokens[tok.head].lemma.lower() in ATTENDANCE_VERBS
    if tok.dep == "pobj" and tok.lemma.lower() in MEALS:  # "agreed over dinner"
        return parse.tokens[tok.head].text.lower() in ATTENDANCE_PREPS | {"over"}
    if tok.dep != "pobj":
        return False
    prep = parse.tokens[tok.head]
    if prep.text.lower() == "of" and parse.tokens[prep.head].text.lower() == "ahead":
        return True  # "ahead of talks with X, Y said ...": Y is to take part
    return prep.text.lower() in ATTENDANCE_PREPS
