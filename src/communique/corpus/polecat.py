"""POLECAT-style rows: fused events projected onto PLOVER, one row per event.

Projection (documented in docs/CORPUS.md):
- a meeting (CONSULT) with status ``planned`` becomes AGREE with mode ``meet`` (PLOVER codes
  an agreement to meet as AGREE);
- STATEMENT events are dropped (PLOVER has no statement category);
- cancelled, hypothetical and negated events are dropped (POLECAT records events that happened
  or were agreed);
- every other type keeps its PLOVER name.
Actors: the first participant is the source actor, the others the targets (";"-joined).
"""

from __future__ import annotations

from typing import Any

from ..fuse.model import FusedEvent

POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID",
    "Event Date",
    "Event Type",
    "Event Mode",
    "Contexts",
    "Actor Country",
    "Recipient Country",
    "Placename",
    "Country",
    "Latitude",
    "Longitude",
    "Feed",
    "Story IDs",
    "Source Count",
    "Date Granularity",
    "Status",
)
_DROPPED_STATUS = {"cancelled", "hypothetical", "negated"}


def plover_type(event: FusedEvent) -> tuple[str, str | None] | None:
    """(PLOVER type, mode) for a fused event, or None when it is not exported."""
    if event.type == "STATEMENT" or event.status in _DROPPED_STATUS:
        return None
    if event.type == "CONSULT" and event.status == "planned":
        return "AGREE", "meet"
    return event.type, event.mode


def polecat_row(event: FusedEvent) -> dict[str, Any] | None:
    projected = plover_type(event)
    if projected is None:
        return None
    kind, mode = projected
    parts = list(event.participants)
    w, p = event.when, event.where
    return dict(
        zip(
            POLECAT_COLUMNS,
            (
                event.id,
                w.start[:10] if w else "",
                kind,
                mode or "",
                "",
                parts[0] if parts else "",
                ";".join(parts[1:]),
                (p.name or p.venue or "") if p else "",
                (p.country or "") if p else "",
                p.lat if p and p.lat is not None else "",
                p.lon if p and p.lon is not None else "",
                "communique",
                ";".join(event.sources),
                event.source_count,
                w.granularity if w else "",
                event.status,
            ),
            strict=True,
        )
    )
