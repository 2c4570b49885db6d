"""Which way a time expression points: past, future or present, from the verb that governs it.

The verb is found by walking up the dependency heads from the expression; its tag and its
auxiliaries decide ("were held" past, "will meet" future, "is to meet" future, "meets"
present). A noun on the way with "upcoming"/"next" marks the future."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..model import AnnotatedArticle, Token

Tense = Literal["past", "future", "present"]

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "may", "might", "could",
                         "can", "should", "must", "ca"})  # fmt: skip
_PAST_AUX_TAGS = frozenset({"VBD"})
_PERFECT = frozenset({"has", "have", "'ve", "'s"})
_FUTURE_WORDS = frozenset(
    {"upcoming", "forthcoming", "next", "planned", "scheduled", "due", "set", "expected",
     "slated", "coming", "future", "proposed"}
)  # fmt: skip
_ARRANGED = frozenset({"expect", "schedule", "set", "slate", "plan", "due", "book", "arrange"})
_PLANNED = frozenset({"schedule", "set", "slate", "plan", "arrange"})  # "was scheduled for Friday"
_PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re"})
_MAX_HOPS = 8
_UNTIL = frozenset({"until", "till", "til"})


@dataclass(frozen=True, slots=True)
class TenseIndex:
    """The article's tokens with a child index, built once per article."""

    tokens: Sequence[Token]
    children: dict[int, tuple[Token, ...]]
    starts: tuple[int, ...]

    @classmethod
    def build(cls, annotated: AnnotatedArticle) -> TenseIndex:
        kids: dict[int, list[Token]] = {}
        for tok in annotated.tokens:
            if tok.head != tok.i:
                kids.setdefault(tok.head, []).append(tok)
        starts = tuple(t.start for t in annotated.tokens)
        return cls(annotated.tokens, {k: tuple(v) for k, v in kids.items()}, starts)

    def kids(self, tok: Token) -> tuple[Token, ...]:
        return self.children.get(tok.i, ())

    def within(self, start: int, end: int) -> list[Token]:
        """The tokens lying inside the characters ``start:end``."""
        i = bisect_left(self.starts, start)
        out: list[Token] = []
        while i < len(self.tokens) and self.tokens[i].start < end:
            if self.tokens[i].end <= end:
                out.append(self.tokens[i])
            i += 1
        return out

    def head_of(self, tok: Token) -> Token:
        """The syntactic head (the token itself at a root or a broken index)."""
        return self.tokens[tok.head] if 0 <= tok.head < len(self.tokens) else tok


# verbs whose simple present with a day states a timetable, so the day lies ahead
_SCHEDULED = frozenset(
    {"arrive", "leave", "depart", "travel", "fly", "head", "return", "visit", "begin", "open",
     "start", "resume", "convene"}
)  # fmt: skip


def tense_of(index: TenseIndex, start: int, end: int) -> Tense:
    """The tense of the clause holding the characters ``start:end``."""
    inside = index.within(start, end)
    if not inside:
        return "present"
    span_ids = {t.i for t in inside}
    root = next((t for t in inside if t.head not in span_ids or t.head == t.i), inside[0])
    if _object_of(index, root, _UNTIL):
        return _until_tense(index, root)
    tok = root
    for _ in range(_MAX_HOPS):
        if tok.i not in span_ids:
            if _future_marked(index, tok):
                return "future"
            due = _due_adjective(index, tok)
            if due is not None:
                return _plan_told(index, due)  # "it was due to host in November"
            if tok.pos in {"VERB", "AUX"} and tok.dep not in {"aux", "auxpass"}:
                verdict = _verb_tense(index, tok)
                if verdict is not None:
                    return verdict
        if tok.head == tok.i:
            break
        tok = index.head_of(tok)
    return "present"


def _object_of(index: TenseIndex, tok: Token, preps: frozenset[str]) -> bool:
    head = index.head_of(tok)
    return tok.dep == "pobj" and head.text.lower() in preps


def _until_tense(index: TenseIndex, tok: Token) -> Tense:
    """ "postponed until Saturday", "stays until Monday": ahead, unless told in the past."""
    prep = index.head_of(tok)
    verb = index.head_of(prep)
    if verb.tag == "VBD" or any(k.tag == "VBD" and k.dep in {"aux", "auxpass"}
                                for k in index.kids(verb)):  # fmt: skip
        return "past"
    return "future"


def _future_marked(index: TenseIndex, tok: Token) -> bool:
    if tok.pos in {"NOUN", "PROPN"}:
        return any(k.lower() in _FUTURE_WORDS for k in _kid_words(index, tok))
    return False


def _kid_words(index: TenseIndex, tok: Token) -> list[str]:
    return [k.text.lower() for k in index.kids(tok) if k.dep in {"amod", "compound", "det"}]


def _verb_tense(index: TenseIndex, verb: Token) -> Tense | None:
    """None: this verb says nothing (a participle clause); keep walking up."""
    aux = [k for k in index.kids(verb) if k.dep in {"aux", "auxpass"}]
    words = {a.text.lower() for a in aux}
    if words & _FUTURE_AUX or "going" in words:
        return "future"
    if "to" in words and (verb.tag == "VB" or (verb.tag == "VBN" and words & {"be", "have"})):
        return _infinitive_tense(index, verb)  # "to meet", "to be held", "to have met"
    told_before = any(a.tag == "VBD" for a in aux) and any(a.dep == "auxpass" for a in aux)
    if verb.tag == "VBN" and verb.lemma.lower() in _PLANNED and told_before:
        # "which was scheduled for Friday ..., has been postponed": the plan was told before,
        # its day lies either side of the report (the nearest such day)
        return "present"
    if any(a.tag in _PAST_AUX_TAGS for a in aux) or (words & _PERFECT and verb.tag == "VBN"):
        return "past"
    if verb.tag == "VBD":
        return "past"
    if verb.tag in {"VBZ", "VBP"} and not aux and verb.lemma.lower() in _SCHEDULED:
        return "future"  # news present of a timetable: "Shamir arrives in Washington on Sunday"
    if verb.tag == "VBN" and verb.lemma.lower() in _ARRANGED and not aux and verb.dep == "acl":
        return "future"  # "the summit, set for December, ...", "talks scheduled for Monday"
    if verb.tag == "VBN" and verb.lemma.lower() in _PLANNED and not aux and verb.dep == "advcl":
        # "would postpone his meeting with her, scheduled for September 2" (the parser hangs
        # the participle on the verb): a plan, held or not, so the nearest such day
        return "present"
    if verb.tag == "VBN" and verb.lemma.lower() in _ARRANGED and words & _PRESENT_BE:
        return "future"  # "the envoy is expected in Beirut on Thursday", "is scheduled for"
    if verb.tag == "VBN":
        return "past" if not aux else None
    if verb.tag == "VBG":
        return "future" if aux else None
    if verb.lemma == "be" and _predicates_future(index, verb):
        return "future"
    return "present"


def _infinitive_tense(index: TenseIndex, verb: Token) -> Tense:
    """ "is to meet", "expected to visit", "plans to travel": ahead of now. Under a verb in the
    simple past ("agreed to sell ... in October") the time may be the agreement's: no side."""
    matrix = index.head_of(verb)
    if matrix.pos == "ADJ" and matrix.dep == "acomp":  # "had been due to visit Mexico in August"
        return _plan_told(index, matrix)
    if matrix.i != verb.i and matrix.pos in {"VERB", "AUX"}:
        past_aux = any(k.dep in {"aux", "auxpass"} and k.tag == "VBD" for k in index.kids(matrix))
        if matrix.tag == "VBD" or past_aux:
            return "present"
    return "future"


#: adjectives that set an act for a time: "is due to meet", "was set to visit"
_DUE = frozenset({"due", "set", "slated"})


def _due_adjective(index: TenseIndex, tok: Token) -> Token | None:
    """ "due" in "was due to host ...", reached on the way up or as the copula's complement."""
    if tok.pos == "ADJ" and tok.dep == "acomp" and tok.lemma.lower() in _DUE:
        return tok
    if tok.lemma.lower() == "be":
        return next((k for k in index.kids(tok) if k.dep == "acomp" and k.pos == "ADJ"
                     and k.lemma.lower() in _DUE), None)  # fmt: skip
    return None


def _plan_told(index: TenseIndex, adjective: Token) -> Tense:
    """A plan's time: ahead when told in the present ("is due to meet in May"); when told in
    the past ("was due to meet in September", "had been due to visit in August") the plan may
    have been kept, dropped or still lie ahead, so the nearest such time."""
    copula = index.head_of(adjective)
    told_before = copula.tag == "VBD" or any(
        k.dep == "aux" and k.tag == "VBD" for k in index.kids(copula)
    )
    return "present" if told_before else "future"


def _predicates_future(index: TenseIndex, verb: Token) -> bool:
    return any(k.text.lower() in _FUTURE_WORDS for k in index.kids(verb)
               if k.dep in {"acomp", "attr", "xcomp", "advmod"})  # fmt: skip
