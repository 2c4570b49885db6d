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
    text = annotated.article.text
    index = TenseIndex.build(annotated)
    clues = _clues(annotated, index)
    anchor = document_anchor(clues, annotated.article.published)
    exprs: list[TimeExpression] = []
    for clue in clues:
        if clue.cand.kind == "anaphor":
            exprs.append(resolve_anaphor(clue.cand, text, _reference_for(clue.cand, exprs)))
        else:
            exprs.append(normalise(clue.cand, text, anchor, clue.tense))
    return combine_in_sentences(annotated, exprs)


_FINE_ENOUGH = {
    "day": {"day", "hour", "minute"},
    "week": {"day", "hour", "minute"},
    "weekend": {"day", "hour", "minute"},
    "month": {"day", "hour", "minute", "month"},
    "year": {"day", "hour", "minute", "month", "year"},
}


def _reference_for(cand: Candidate, before: Sequence[TimeExpression]) -> TimeExpression | None:
    """The last expression before ``cand`` precise enough to count its unit from."""
    fine = _FINE_ENOUGH.get(cand.unit or "", set())
    for expr in reversed(before):
        if expr.value and expr.granularity in fine and expr.kind not in {"duration", "set"}:
            return expr
    return None


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
    clues = _clues(annotated, TenseIndex.build(annotated))
    return document_anchor(clues, annotated.article.published)


def _clues(annotated: AnnotatedArticle, index: TenseIndex) -> list[Clue]:
    cands = [c for c in find_candidates(annotated.article.text) if not _is_count(c, index)]
    text = annotated.article.text
    return [
        Clue(c, tense_of(index, c.start, c.end), _lead(text, c.start), _stamp(text, c))
        for c in cands
    ]


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
