"""Fusion reports <-> the extra columns stored beside each event row."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from ..fuse.model import NamedDelegation, NamedMeeting, Party, Report
from ..model import Event


def named_meeting_json(meeting: NamedMeeting | None) -> str | None:
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


def named_meeting_from_json(text: str | None) -> NamedMeeting | None:
    if text is None:
        return None
    m = json.loads(text)
    return NamedMeeting(
        forum=m["forum"],
        chair=tuple(m["chair"]),
        delegations=tuple(NamedDelegation(d["party"], d["head"]) for d in m["delegations"]),
        agenda=tuple(m["agenda"]),
    )


def parties_json(report: Report) -> str:
    """Both sides of a report as JSON (the ``parties`` column of ``events``)."""
    return json.dumps(
        {
            "actors": [_party_dict(p) for p in report.actors],
            "recipients": [_party_dict(p) for p in report.recipients],
        },
        ensure_ascii=False,
    )


def parties_from_json(text: str) -> tuple[tuple[Party, ...], tuple[Party, ...]]:
    d = json.loads(text)
    return (
        tuple(_party(p) for p in d.get("actors", ())),
        tuple(_party(p) for p in d.get("recipients", ())),
    )


def _party_dict(p: Party) -> dict[str, Any]:
    return {
        "code": p.code,
        "name": p.name,
        "kind": p.kind,
        "raw": p.raw,
        "titles": list(p.titles),
        "cow": p.cow,
    }


def _party(d: dict[str, Any]) -> Party:
    return Party(
        code=d.get("code"),
        name=str(d.get("name") or ""),
        kind=str(d.get("kind") or ""),
        raw=str(d.get("raw") or ""),
        titles=tuple(d.get("titles") or ()),
        cow=d.get("cow"),
    )


def report_from_stored(
    event: Event,
    article_id: str,
    extra: Sequence[Any],
    published: date | None,
    sides: tuple[tuple[Party, ...], tuple[Party, ...]] = ((), ()),
) -> Report:
    """Rebuild a report from an event row plus (participants, names, meeting_named) and its
    parties."""
    participants, names, meeting = extra
    return Report(
        event_id=event.id,
        article_id=article_id,
        type=event.type,
        mode=event.mode,
        status=event.status,
        participants=tuple(participants or ()),
        names=tuple(names or ()),
        when=event.when,
        where=event.where,
        meeting=named_meeting_from_json(meeting),
        evidence=event.evidence,
        published=published,
        actors=sides[0],
        recipients=sides[1],
    )
