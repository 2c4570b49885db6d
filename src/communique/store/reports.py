"""Fusion reports <-> the extra columns stored beside each event row."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from ..fuse.model import NamedDelegation, NamedMeeting, Report
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


def report_from_stored(
    event: Event, article_id: str, extra: Sequence[Any], published: date | None
) -> Report:
    """Rebuild a report from an event row plus (participants, names, meeting_named)."""
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
    )
