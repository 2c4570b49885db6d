"""When an act took place: the time expression that belongs to a trigger's own clause."""

from __future__ import annotations

from ..model import TimeExpression
from .arguments import dependency_distance, span_root
from .syntax import Parse

NOUN_CLAUSES = frozenset({"relcl", "acl"})
# what was said, agreed or planned: "said the law would take effect in July" (July is the
# law's date, not the saying's), "pledged to withdraw by May"
CONTENT_CLAUSES = frozenset({"ccomp", "xcomp", "parataxis"})


def own_clause_time(parse: Parse, times: list[TimeExpression], verb: int) -> TimeExpression | None:
    """The time nearest to ``verb`` in the tree that belongs to its clause: not one inside a
    clause describing a noun ("rejected a decision first taken in 2019", "an agreement signed
    in 2015": background, not the act's date), nor one inside what was said or promised
    ("said the law would take effect in July")."""
    own = [
        t
        for t in times
        if not _under_noun_clause(parse, parse.token_at(t.start), verb)
        and not _names_a_thing(parse, t)
    ]
    if not own:
        return None
    return min(own, key=lambda t: dependency_distance(parse, parse.token_at(t.start), verb))


#: Prepositions whose object tells when an act took place: "during the 1967 war".
TIME_PREPS = frozenset({"during", "in", "since", "after", "before", "until", "following"})

#: Nouns a date modifies as a date: "the 2019 summer", "a 2024 deadline" still tell a time.
TIME_NOUNS = frozenset({"deadline", "season", "summer", "winter", "spring", "autumn", "fall"})


def _names_a_thing(parse: Parse, time: TimeExpression) -> bool:
    """ "criticised NATO's 2011 intervention", "rejected the 2015 agreement": a year that
    names which thing is meant, not when the act took place."""
    root = span_root(parse, time.start, time.end)
    tok = parse.tokens[root]
    head = parse.tokens[tok.head]
    # "during the 1967 war", "since the 2014 annexation": the phrase tells when
    timed = head.dep == "pobj" and parse.tokens[head.head].text.lower() in TIME_PREPS
    return (
        tok.dep in {"nummod", "compound", "amod", "nmod"}
        and head.pos == "NOUN"
        and head.lemma.lower() not in TIME_NOUNS
        and not timed
    )


def _under_noun_clause(parse: Parse, token: int, verb: int) -> bool:
    for a in [token, *parse.ancestors(token)]:
        if a == verb:
            return False
        if parse.tokens[a].dep in NOUN_CLAUSES | CONTENT_CLAUSES:
            return True
    return False
