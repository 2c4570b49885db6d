"""What of a sentence's times and places a meeting's own sentence can date and place it by:
points in time (not spans, not "since" or "until" a day, save a day set for a meeting or the
day a stay began) and the places told in it."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import PlaceMention, TimeExpression
from .syntax import Parse

NOT_A_POINT = frozenset({"duration", "set", "past_ref", "future_ref", "present"})
NON_TIME_PREPS = frozenset({"since", "until", "till", "for", "by"})


def times_in_sentence(
    parse: Parse, times: Sequence[TimeExpression], sentence: int
) -> list[TimeExpression]:
    out = []
    for t in parse.starting_in(times, sentence):
        if (
            t.kind not in NOT_A_POINT
            and ((t.value and t.granularity) or t.kind == "time")
            and (
                not _after_word(parse, t.start, NON_TIME_PREPS)
                or _scheduled_for(parse, t.start)
                or (t.granularity == "day" and _stay_since(parse, t.start))
            )
        ):
            out.append(t)
    return out


def places_in_sentence(
    parse: Parse, places: Sequence[PlaceMention], sentence: int
) -> list[PlaceMention]:
    return parse.starting_in(places, sentence)


SCHEDULED = frozenset(
    {"scheduled", "set", "planned", "slated", "due", "fixed", "booked", "arranged"}
)


def _scheduled_for(parse: Parse, offset: int) -> bool:
    """'scheduled for Thursday', 'set for May 5': a day the meeting is fixed for, not a span."""
    i = parse.token_at(offset)
    return (
        i > 1
        and parse.tokens[i - 1].text.lower() == "for"
        and parse.tokens[i - 2].text.lower() in SCHEDULED
    )


def _stay_since(parse: Parse, offset: int) -> bool:
    """ "has been on a working visit to X since Sunday", "have been meeting since Monday": the
    day a stay or a meeting still going on began, under a perfect "been"."""
    i = parse.token_at(offset)
    if i < 1 or parse.tokens[i - 1].text.lower() != "since":
        return False
    verb = parse.tokens[i - 1].head
    for _ in range(3):  # "been on a working visit to X since Sunday": up from the stay's noun
        if parse.tokens[verb].pos in {"VERB", "AUX"} or parse.tokens[verb].head == verb:
            break
        verb = parse.tokens[verb].head
    words = [parse.tokens[k].text.lower() for k in parse.dep_children(verb, "aux")]
    been = parse.tokens[verb].text.lower() == "been" or "been" in words
    return been and any(w in {"has", "have", "had"} for w in words)


def _after_word(parse: Parse, offset: int, words: frozenset[str]) -> bool:
    i = parse.token_at(offset)
    return i > 0 and parse.tokens[i - 1].text.lower() in words
