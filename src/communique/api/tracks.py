"""Negotiation tracks: series of linked meetings, across articles.

Links are stored per article between that article's events (``links``). Each coded event
belongs to one fused event (``fused_members``), so a link carried onto the fused events joins
meetings that different articles reported: article A says the Geneva talks preceded the
Brussels round, article B says the Brussels round preceded Vienna, and the three meetings form
one track. A track is a connected group of at least two meetings joined by ``precedes``,
``follows`` or ``part_of`` links; it is named from its forum and its parties.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from ..fuse.dates import day_range
from ..fuse.model import FusedEvent
from ..model import content_id

TRACK_RELATIONS = frozenset({"precedes", "follows", "part_of"})
MEETING = "CONSULT"


@dataclass(frozen=True, slots=True)
class Track:
    id: str
    name: str
    forum: str | None
    parties: tuple[str, ...]
    events: tuple[str, ...]  # fused event ids, oldest first
    route: tuple[str, ...]  # places in order, repeats folded
    first: date | None
    last: date | None


def build_tracks(
    events: Sequence[FusedEvent], links: Iterable[tuple[str, str, str]]
) -> list[Track]:
    """Tracks from fused events and (source, target, relation) links between fused ids."""
    meetings = {e.id: e for e in events if e.type == MEETING}
    parent = {eid: eid for eid in meetings}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for source, target, relation in links:
        if relation in TRACK_RELATIONS and source in meetings and target in meetings:
            a, b = find(source), find(target)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[str, list[FusedEvent]] = {}
    for eid, event in meetings.items():
        groups.setdefault(find(eid), []).append(event)
    tracks = [_track(members) for members in groups.values() if len(members) >= 2]
    return sorted(tracks, key=lambda t: (t.first or date.max, t.id))


def _track(members: list[FusedEvent]) -> Track:
    ordered = sorted(members, key=_order)
    ids = tuple(e.id for e in ordered)
    forums = Counter(e.meeting.forum for e in ordered if e.meeting and e.meeting.forum)
    forum = forums.most_common(1)[0][0] if forums else None
    parties = track_parties(ordered)
    days = [d for d in (day_range(e.when) for e in ordered) if d is not None]
    return Track(
        id=content_id("trk", *sorted(ids)),
        name=track_name(forum, parties),
        forum=forum,
        parties=parties,
        events=ids,
        route=_route(ordered),
        first=min(d.first for d in days) if days else None,
        last=max(d.last for d in days) if days else None,
    )


def track_parties(members: Sequence[FusedEvent]) -> tuple[str, ...]:
    """Codes taking part in at least half of the meetings (all codes when none does)."""
    counts = Counter(code for e in members for code in set(e.participants))
    kept = sorted(code for code, n in counts.items() if n * 2 >= len(members))
    return tuple(kept or sorted(counts))


def track_name(forum: str | None, parties: Sequence[str]) -> str:
    who = ", ".join(parties[:6]) + (" and others" if len(parties) > 6 else "")
    if forum and who:
        return f"{forum} ({who})"
    return forum or (f"Talks of {who}" if who else "Linked meetings")


def _route(ordered: Sequence[FusedEvent]) -> tuple[str, ...]:
    out: list[str] = []
    for e in ordered:
        name = e.where.name if e.where else None
        if name and (not out or out[-1] != name):
            out.append(name)
    return tuple(out)


def _order(e: FusedEvent) -> tuple[date, str]:
    days = day_range(e.when)
    return (days.first if days else date.max, e.id)
