"""Records <-> DuckDB rows. ``event_to_row`` and ``event_from_row`` are exact inverses."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..model import Delegation, Event, Meeting, Span, When, Where

EVENT_COLUMNS: tuple[str, ...] = (
    "id",
    "type",
    "mode",
    "status",
    "actors",
    "recipients",
    "when_start",
    "when_end",
    "when_granularity",
    "when_text",
    "when_year_inferred",
    "has_where",
    "where_name",
    "where_venue",
    "where_country",
    "where_lat",
    "where_lon",
    "meeting",
    "items",
    "evidence",
    "confidence",
    "rules",
    "main",
)


def event_to_row(event: Event) -> tuple[Any, ...]:
    """One event as a row in ``EVENT_COLUMNS`` order (nested parts as JSON text)."""
    w, p = event.when, event.where
    return (
        event.id,
        event.type,
        event.mode,
        event.status,
        list(event.actors),
        list(event.recipients),
        w.start if w else None,
        w.end if w else None,
        w.granularity if w else None,
        w.text if w else None,
        w.year_inferred if w else None,
        p is not None,
        p.name if p else None,
        p.venue if p else None,
        p.country if p else None,
        p.lat if p else None,
        p.lon if p else None,
        _meeting_json(event.meeting),
        list(event.items),
        spans_json(event.evidence),
        event.confidence,
        list(event.rules),
        event.main,
    )


def event_from_row(row: Sequence[Any]) -> Event:
    """The inverse of ``event_to_row``."""
    values = dict(zip(EVENT_COLUMNS, row, strict=True))
    when = None
    if values["when_start"] is not None:
        when = When(
            values["when_start"],
            values["when_end"],
            values["when_granularity"],
            values["when_text"],
            bool(values["when_year_inferred"]),
        )
    where = None
    if values["has_where"]:
        where = Where(
            values["where_name"],
            values["where_venue"],
            values["where_country"],
            values["where_lat"],
            values["where_lon"],
        )
    return Event(
        id=values["id"],
        type=values["type"],
        mode=values["mode"],
        status=values["status"],
        actors=tuple(values["actors"]),
        recipients=tuple(values["recipients"]),
        when=when,
        where=where,
        meeting=_meeting_from_json(values["meeting"]),
        items=tuple(values["items"]),
        evidence=spans_from_json(values["evidence"]),
        confidence=float(values["confidence"]),
        rules=tuple(values["rules"] or ()),
        main=bool(values["main"]),
    )


def spans_json(spans: Sequence[Span]) -> str:
    return json.dumps([{"start": s.start, "end": s.end, "text": s.text} for s in spans])


def spans_from_json(text: str | None) -> tuple[Span, ...]:
    if not text:
        return ()
    return tuple(Span(int(s["start"]), int(s["end"]), str(s["text"])) for s in json.loads(text))


def _meeting_json(meeting: Meeting | None) -> str | None:
    if meeting is None:
        return None
    return json.dumps(
        {
            "forum": meeting.forum,
            "chair": list(meeting.chair),
            "delegations": [{"party": d.party, "head": d.head} for d in meeting.delegations],
            "agenda": list(meeting.agenda),
        }
    )


def _meeting_from_json(text: str | None) -> Meeting | None:
    if text is None:
        return None
    m = json.loads(text)
    return Meeting(
        forum=m["forum"],
        chair=tuple(m["chair"]),
        delegations=tuple(Delegation(d["party"], d["head"]) for d in m["delegations"]),
        agenda=tuple(m["agenda"]),
    )
