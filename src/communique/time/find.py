"""The time stage: grammar -> tense -> document anchor -> normalised expressions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ..model import AnnotatedArticle, TimeExpression
from .anchor import Anchor, Clue, document_anchor
from .candidate import Candidate
from .combine import combine_in_sentences
from .grammar import find_candidates
from .normalise import normalise, resolve_anaphor
from .tense import TenseIndex, tense_of

_STAMP_CHARS = 240
_LEAD = re.compile(r"\b([A-Za-z]+)\s+(?:early\s+|late\s+|mid-?)?(?:the\s+)?$")


def find_times(annotated: AnnotatedArticle) -> tuple[TimeExpression, ...]:
    """Every time expression of the article, normalised against its publication date (or,
    without one, against the date inferred from the text; see ``anchor``)."""
    global _last_read
    text = annotated.article.text
    index = TenseIndex.build(annotated)
    clues = _clues(annotated, index)
    anchor = document_anchor(clues, annotated.article.published)
    _last_read = (annotated, anchor)
    exprs: list[TimeExpression] = []
    latest, said = _Latest(), _Latest()  # the story's own days; with the sayings' too
    for clue in clues:
        if clue.cand.kind == "anaphor":
            ref = latest.reference_for(clue.cand) or said.reference_for(clue.cand)
            expr = resolve_anaphor(clue.cand, text, ref)
        else:
            expr = normalise(clue.cand, text, anchor, clue.tense)
        exprs.append(expr)
        said.note(expr)
        if not _dates_a_saying(index, clue.cand):
            latest.note(expr)
    return combine_in_sentences(annotated, exprs)


# The article ``find_times`` read last and its anchor: ``reference_date``, called next on the
# same article, takes the anchor from here instead of reading the whole text again.
_last_read: tuple[AnnotatedArticle, Anchor | None] | None = None


_FINE_ENOUGH = {
    "day": {"day", "hour", "minute"},
    "week": {"day", "hour", "minute"},
    "weekend": {"day", "hour", "minute"},
    "month": {"day", "hour", "minute", "month"},
    "year": {"day", "hour", "minute", "month", "year"},
}


class _Latest:
    """The expressions read so far, kept as an anaphor asks of them: the last one with a value
    of each granularity (durations and sets aside). ``reference_for`` gives the last expression
    precise enough to count the anaphor's unit from, in a few steps however many came before."""

    __slots__ = ("_count", "_last")

    def __init__(self) -> None:
        self._count = 0
        self._last: dict[str, tuple[int, TimeExpression]] = {}

    def note(self, expr: TimeExpression) -> None:
        if expr.value and expr.granularity and expr.kind not in {"duration", "set"}:
            self._last[expr.granularity] = (self._count, expr)
        self._count += 1

    def reference_for(self, cand: Candidate) -> TimeExpression | None:
        fine = _FINE_ENOUGH.get(cand.unit or "", set())
        found = [self._last[g] for g in fine if g in self._last]
        return max(found, key=lambda nx: nx[0])[1] if found else None


def reference_date(
    annotated: AnnotatedArticle, times: Sequence[TimeExpression] = ()
) -> date | None:
    """The date the article is about: its publication date when known; else the date inferred
    from its expressions (e.g. the year-inferred date of a weekday+date); else the latest
    day-precise date among ``times``; else None."""
    published: date | None = annotated.article.published
    if published is not None:
        return published
    anchor = _anchor(annotated)
    if anchor is not None:
        return anchor.day
    days = [t.value[:10] for t in times if t.value and t.granularity in {"day", "hour", "minute"}]
    return date.fromisoformat(max(days)) if days else None


def _anchor(annotated: AnnotatedArticle) -> Anchor | None:
    last = _last_read
    if last is not None and last[0] is annotated:
        return last[1]
    clues = _clues(annotated, TenseIndex.build(annotated))
    return document_anchor(clues, annotated.article.published)


def _clues(annotated: AnnotatedArticle, index: TenseIndex) -> list[Clue]:
    cands = [c for c in find_candidates(annotated.article.text) if not _is_count(c, index)]
    text = annotated.article.text
    return [
        Clue(c, tense_of(index, c.start, c.end), _lead(text, c.start), _stamp(text, c))
        for c in cands
    ]


#: Verbs of reporting whose day dates the report, not the story ("said on Tuesday").
_SAYING = frozenset({"say", "tell", "announce", "report", "state", "add", "confirm", "disclose"})


def _dates_a_saying(index: TenseIndex, cand: Candidate) -> bool:
    """ "..., the ministry said on Tuesday. The next day Modi ...": the day of a saying is the
    report's; "the next day" counts from the story's own days before it."""
    toks = index.within(cand.start, cand.end)
    if not toks:
        return False
    span = {t.i for t in toks}
    head = index.head_of(next((t for t in toks if t.head not in span), toks[0]))
    if head.dep == "prep" and head.text.lower() == "on":
        head = index.head_of(head)
    return head.pos == "VERB" and head.lemma.lower() in _SAYING


def _stamp(text: str, cand: Candidate) -> bool:
    """Where a dateline or an agency stamp stands: the first or last few lines."""
    return cand.start < _STAMP_CHARS or len(text) - cand.end < _STAMP_CHARS // 2


def _lead(text: str, start: int) -> str:
    """The word just before an expression, lower-cased ("since", "by", ...)."""
    m = _LEAD.search(text[max(0, start - 24) : start])
    return m.group(1).lower() if m else ""


def _is_count(cand: Candidate, index: TenseIndex) -> bool:
    """A bare four-digit number counting things ("2000 troops") is not a year."""
    if cand.kind != "year" or cand.mod or cand.year_end:
        return False
    toks = index.within(cand.start, cand.end)
    if len(toks) != 1:
        return False
    tok = toks[0]
    head = index.head_of(tok)
    return bool(tok.dep == "nummod" and head.tag == "NNS")
