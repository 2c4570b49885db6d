"""Reports -> one FusedEvent: chosen values by vote, variants where reports disagree."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

from ..model import When, Where, content_id
from .dates import day_range
from .model import (
    FieldVariants,
    FusedEvent,
    NamedDelegation,
    NamedMeeting,
    Party,
    Report,
    SourcedSpan,
    VariantCount,
)

V = TypeVar("V")
_STATUS_RANK = {
    "occurred": 0,
    "ongoing": 1,
    "planned": 2,
    "cancelled": 3,
    "hypothetical": 4,
    "negated": 5,
}
_GRANULARITY_RANK = {"minute": 0, "hour": 1, "day": 2, "month": 3, "year": 4}


def fused_id(first_event_id: str) -> str:
    """The id of a fused event: derived from the first report that created it."""
    return str(content_id("fev", first_event_id))


def summarize(
    reports: Sequence[Report],
    copies: Mapping[str, Sequence[str]] | None = None,
    fused: str | None = None,
) -> FusedEvent:
    """Fuse the reports of one event. ``copies`` maps an article id to its duplicate articles,
    which count as sources without being re-coded."""
    if not reports:
        raise ValueError("a fused event needs at least one report")
    copies = copies or {}
    articles = list(dict.fromkeys(r.article_id for r in reports))
    extra = [c for a in articles for c in copies.get(a, ()) if c not in articles]
    # Each article votes once per value: three sentences of one report are one source.
    when, when_variants = choose_when(_per_article(reports, lambda r: r.when))
    where, where_variants = choose_where(_per_article(reports, lambda r: r.where))
    statuses = _per_article(reports, lambda r: r.status)
    status = _vote(statuses, key=lambda s: _STATUS_RANK.get(s, 9))
    status_variants = _variants("status", statuses, status)
    participants = majority_participants(reports)
    actors, recipients = choose_sides(reports, frozenset(participants))
    published = [r.published for r in reports if r.published is not None]
    return FusedEvent(
        id=fused or fused_id(reports[0].event_id),
        type=_vote([r.type for r in reports]) or reports[0].type,
        mode=_vote([r.mode for r in reports if r.mode]),
        status=status or reports[0].status,
        participants=participants,
        when=when,
        where=where,
        meeting=merge_meetings([r.meeting for r in reports if r.meeting is not None]),
        sources=tuple(articles + list(dict.fromkeys(extra))),
        reports=tuple(r.event_id for r in reports),
        variants=tuple(v for v in (when_variants, *where_variants, status_variants) if v),
        evidence=tuple(
            SourcedSpan(r.article_id, s.start, s.end, s.text) for r in reports for s in r.evidence
        ),
        actors=actors,
        recipients=recipients,
        published=min(published) if published else None,
    )


def choose_sides(
    reports: Sequence[Report], keep: frozenset[str]
) -> tuple[tuple[Party, ...], tuple[Party, ...]]:
    """Actors and recipients of the fused event. Each source article votes once for the side
    it puts a party on (its code, or its name when it has none); the side with more votes
    wins, a tie goes to the actors. A coded party is kept only when its code is among the
    voted participants ``keep``."""
    votes: dict[str, Counter[str]] = {}
    found: dict[str, list[Party]] = {}
    seen: set[tuple[str, str, str]] = set()
    for r in reports:
        for side, listed in (("actor", r.actors), ("recipient", r.recipients)):
            for party in listed:
                if (r.article_id, party.key, side) not in seen:
                    seen.add((r.article_id, party.key, side))
                    votes.setdefault(party.key, Counter())[side] += 1
                found.setdefault(party.key, []).append(party)
    actors: list[Party] = []
    recipients: list[Party] = []
    for key, group in found.items():
        if group[0].code is not None and group[0].code not in keep:
            continue
        chosen = actors if votes[key]["actor"] >= votes[key]["recipient"] else recipients
        chosen.extend(merge_parties(group))
    return tuple(actors), tuple(recipients)


def merge_parties(group: Sequence[Party]) -> list[Party]:
    """The distinct entities among reports of one party key, each with its most frequent
    spelling as written, all titles and the first known COW number."""
    by_name: dict[str, list[Party]] = {}
    for party in group:
        by_name.setdefault(party.name.casefold(), []).append(party)
    out = []
    for same in by_name.values():
        names = [p.name for p in same]
        out.append(
            Party(
                code=same[0].code,
                name=_vote(names) or names[0],
                kind=same[0].kind,
                raw=_vote([p.raw for p in same if p.raw]) or "",
                titles=tuple(dict.fromkeys(t for p in same for t in p.titles)),
                cow=next((p.cow for p in same if p.cow is not None), None),
            )
        )
    return out


def majority_participants(reports: Sequence[Report]) -> tuple[str, ...]:
    """Codes named by at least half of the source articles that vote on them (all codes when
    there is one). An article that names a single party ("the SCO summit") says nothing about
    who else took part, so it votes only for its own code; an article naming two or more
    parties votes against the codes it leaves out."""
    by_article: dict[str, set[str]] = {}
    for r in reports:
        by_article.setdefault(r.article_id, set()).update(r.participants)
    counts = Counter(code for codes in by_article.values() for code in codes)
    full = sum(len(codes) >= 2 for codes in by_article.values())

    def voters(code: str) -> int:
        return full + sum(codes == {code} for codes in by_article.values())

    return tuple(sorted(code for code, n in counts.items() if n >= voters(code) / 2))


def _per_article(reports: Sequence[Report], get: Callable[[Report], V]) -> list[V]:
    """The values of ``get``, keeping one per (article, value)."""
    seen: set[tuple[str, object]] = set()
    out: list[V] = []
    for r in reports:
        value = get(r)
        if (r.article_id, value) not in seen:
            seen.add((r.article_id, value))
            out.append(value)
    return out


def choose_when(whens: Iterable[When | None]) -> tuple[When | None, FieldVariants | None]:
    """The most supported date; a coarser value ("2022-01", "last week") supports the finer
    ones inside it, and among equally supported dates the narrowest wins."""
    known = [w for w in whens if w is not None]
    if not known:
        return None, None
    spans = {id(w): day_range(w) for w in known}

    def covers(outer: When, inner: When) -> bool:
        a, b = spans[id(outer)], spans[id(inner)]
        if a is None or b is None:
            return inner.start.startswith(outer.start)
        return a.first <= b.first and b.last <= a.last

    def width(w: When) -> int:
        days = spans[id(w)]
        return (days.last - days.first).days if days else 1 << 20

    def rank(w: When) -> tuple[int, int, int, int, str]:
        return (
            -sum(covers(other, w) for other in known),
            width(w),
            _GRANULARITY_RANK.get(w.granularity, 9),
            int(w.year_inferred),
            w.start,
        )

    best = min(known, key=rank)
    return best, _variants("when", [w.start for w in known], best.start)


def choose_where(
    places: Iterable[Where | None],
) -> tuple[Where | None, tuple[FieldVariants | None, ...]]:
    """The most named place; the venue is voted separately among reports of that place."""
    known = [p for p in places if p is not None]
    if not known:
        return None, ()
    names = [p.name for p in known if p.name]
    name = _vote(names)
    same = [p for p in known if p.name == name] or known
    venues = [p.venue for p in known if p.venue]
    venue = _vote([p.venue for p in same if p.venue]) or _vote(venues)
    base = same[0]
    chosen = Where(name, venue, base.country, base.lat, base.lon)
    return chosen, (_variants("where", names, name), _variants("venue", venues, venue))


def merge_meetings(meetings: Sequence[NamedMeeting]) -> NamedMeeting | None:
    """Forum and chair by vote; delegations merged by party with the most named head."""
    if not meetings:
        return None
    heads: dict[str, Counter[str]] = {}
    for m in meetings:
        for d in m.delegations:
            bucket = heads.setdefault(d.party, Counter())
            if d.head:
                bucket[d.head] += 1
    chairs = Counter(c for m in meetings for c in m.chair)
    need = len(meetings) / 2
    agenda = Counter(a for m in meetings for a in m.agenda)
    return NamedMeeting(
        forum=_vote([m.forum for m in meetings if m.forum]),
        chair=tuple(c for c, n in chairs.most_common() if n >= need),
        delegations=tuple(
            NamedDelegation(party, c.most_common(1)[0][0] if c else None)
            for party, c in heads.items()
        ),
        agenda=tuple(a for a, _ in agenda.most_common()),
    )


def _vote(values: Sequence[str], *, key: Callable[[str], int] | None = None) -> str | None:
    """The most frequent value; ties go to the lower ``key`` rank, then to the first seen."""
    if not values:
        return None
    counts = Counter(values)
    order: dict[str, int] = {}
    for i, v in enumerate(values):
        order.setdefault(v, i)
    rank = key or (lambda v: 0)
    return min(counts, key=lambda v: (-counts[v], rank(v), order[v]))


def _variants(field: str, values: Sequence[str], chosen: str | None) -> FieldVariants | None:
    counts = Counter(values)
    if len(counts) < 2:
        return None
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return FieldVariants(field, tuple(VariantCount(v, n) for v, n in ordered), chosen)
