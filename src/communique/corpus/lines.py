"""The stable JSONL export contract: one ``article`` or ``event`` object per line."""

from __future__ import annotations

from typing import Any

from ..fuse.model import FusedEvent, NamedMeeting, Party
from ..model import When, Where
from ..store.read import StoredArticle


def article_line(a: StoredArticle) -> dict[str, Any]:
    return {
        "record": "article",
        "id": a.id,
        "url": a.url,
        "title": a.title,
        "published": a.published.isoformat() if a.published else None,
        "duplicate_of": a.duplicate_of,
    }


def event_line(e: FusedEvent) -> dict[str, Any]:
    return {
        "record": "event",
        "id": e.id,
        "type": e.type,
        "mode": e.mode,
        "status": e.status,
        "participants": list(e.participants),
        "actors": [party_dict(p) for p in e.actors],
        "recipients": [party_dict(p) for p in e.recipients],
        "when": when_dict(e.when),
        "where": where_dict(e.where),
        "meeting": meeting_dict(e.meeting),
        "sources": list(e.sources),
        "source_count": e.source_count,
        "published": e.published.isoformat() if e.published else None,
        "variants": {
            v.field: [{"value": x.value, "count": x.count} for x in v.values] for v in e.variants
        },
        "evidence": [
            {"article": s.article, "start": s.start, "end": s.end, "text": s.text}
            for s in e.evidence
        ],
    }


def link_line(link: dict[str, Any]) -> dict[str, Any]:
    """A link between two fused events, as stated by one article."""
    return {"record": "link", **link}


def party_dict(p: Party) -> dict[str, Any]:
    return {"code": p.code, "name": p.name, "kind": p.kind}


def when_dict(w: When | None) -> dict[str, Any] | None:
    if w is None:
        return None
    return {
        "start": w.start,
        "end": w.end,
        "granularity": w.granularity,
        "text": w.text,
        "year_inferred": w.year_inferred,
    }


def where_dict(w: Where | None) -> dict[str, Any] | None:
    if w is None:
        return None
    return {"name": w.name, "venue": w.venue, "country": w.country, "lat": w.lat, "lon": w.lon}


def meeting_dict(m: NamedMeeting | None) -> dict[str, Any] | None:
    if m is None:
        return None
    return {
        "forum": m.forum,
        "chair": list(m.chair),
        "delegations": [{"party": d.party, "head": d.head} for d in m.delegations],
        "agenda": list(m.agenda),
    }
