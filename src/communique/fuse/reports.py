"""Record -> Reports: each coded event in article-independent terms (codes and names)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from ..model import Entity, Event, Meeting, Record
from .model import NamedDelegation, NamedMeeting, Party, Report


def reports_from_record(record: Record) -> tuple[Report, ...]:
    """One ``Report`` per event of the record."""
    by_id = {e.id: e for e in record.entities}
    return tuple(
        report_from_event(ev, by_id, record.article.id, record.article.published)
        for ev in record.events
    )


def report_from_event(
    event: Event, entities: Mapping[str, Entity], article_id: str, published: date | None = None
) -> Report:
    ids = _participant_ids(event)
    return Report(
        event_id=event.id,
        article_id=article_id,
        type=event.type,
        mode=event.mode,
        status=event.status,
        participants=participant_codes(ids, entities),
        names=tuple(sorted({entities[i].name for i in ids if i in entities})),
        when=event.when,
        where=event.where,
        meeting=_named_meeting(event.meeting, entities),
        evidence=event.evidence,
        published=published,
        actors=parties(event.actors, entities),
        recipients=parties(event.recipients, entities),
    )


def parties(ids: tuple[str, ...], entities: Mapping[str, Entity]) -> tuple[Party, ...]:
    """The entities behind one side of an event, as parties (unknown ids are left out)."""
    out = []
    for i in dict.fromkeys(ids):
        entity = entities.get(i)
        if entity is not None:
            out.append(party_of(entity))
    return tuple(out)


def party_of(entity: Entity) -> Party:
    titles = entity.titles or ((entity.role.title,) if entity.role else ())
    return Party(
        code=entity.code or entity.country,
        name=entity.name,
        kind=entity.kind,
        raw=entity.mentions[0].text if entity.mentions else entity.name,
        titles=tuple(titles),
        cow=entity.cow,
    )


def participant_codes(ids: tuple[str, ...], entities: Mapping[str, Entity]) -> tuple[str, ...]:
    """The codes of the entities taking part: the entity's code, else the country it serves."""
    codes = set()
    for i in ids:
        entity = entities.get(i)
        code = (entity.code or entity.country) if entity else None
        if code:
            codes.add(code)
    return tuple(sorted(codes))


def _participant_ids(event: Event) -> tuple[str, ...]:
    ids = list(event.actors) + list(event.recipients)
    if event.meeting is not None:
        ids += list(event.meeting.chair)
        for d in event.meeting.delegations:
            ids += [d.party] + ([d.head] if d.head else [])
    return tuple(dict.fromkeys(ids))


def _name(entity_id: str, entities: Mapping[str, Entity]) -> str:
    entity = entities.get(entity_id)
    return entity.name if entity else entity_id


def _named_meeting(meeting: Meeting | None, entities: Mapping[str, Entity]) -> NamedMeeting | None:
    if meeting is None:
        return None
    return NamedMeeting(
        forum=meeting.forum,
        chair=tuple(_name(c, entities) for c in meeting.chair),
        delegations=tuple(
            NamedDelegation(_name(d.party, entities), _name(d.head, entities) if d.head else None)
            for d in meeting.delegations
        ),
        agenda=meeting.agenda,
    )
