"""The ``communique.record/1`` JSON contract: Record <-> plain dict.

Field names and shapes here are a public contract; change them only with a new schema version.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .model import (
    SCHEMA,
    CleanArticle,
    Delegation,
    Entity,
    Event,
    Field,
    LeftOut,
    Link,
    Meeting,
    Record,
    Role,
    Span,
    When,
    Where,
)


def record_to_dict(record: Record) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "producer": record.producer,
        "article": article_to_dict(record.article),
        "entities": [entity_to_dict(e) for e in record.entities],
        "events": [event_to_dict(e) for e in record.events],
        "links": [{"from": k.source, "to": k.target, "relation": k.relation} for k in record.links],
    }


def article_to_dict(a: CleanArticle) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": _value(a.title),
        "section": _value(a.section),
        "byline": _value(a.byline),
        "source": _value(a.site),
        "url": a.url,
        "published": a.published.isoformat() if a.published else None,
        "published_source": a.published_source,
        "language": a.language,
        "text": a.text,
        "removed": list(a.removed),
        "metadata_sources": {
            name: f.source
            for name, f in (
                ("title", a.title),
                ("section", a.section),
                ("byline", a.byline),
                ("source", a.site),
            )
            if f is not None
        },
    }


def entity_to_dict(e: Entity) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": e.id,
        "name": e.name,
        "kind": e.kind,
        "code": e.code,
        "country": e.country,
        "titles": list(e.titles),
        "mentions": [span_to_dict(m) for m in e.mentions],
    }
    if e.cow is not None or e.gw is not None:
        out["cow"], out["gw"] = e.cow, e.gw
    if e.role is not None:
        out["role"] = {
            "title": e.role.title,
            "country": e.role.country,
            "valid_from": e.role.valid_from.isoformat() if e.role.valid_from else None,
            "valid_to": e.role.valid_to.isoformat() if e.role.valid_to else None,
            "source": e.role.source,
        }
    return out


def event_to_dict(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "type": e.type,
        "mode": e.mode,
        "status": e.status,
        "actors": list(e.actors),
        "recipients": list(e.recipients),
        "when": _when(e.when),
        "where": _where(e.where),
        "meeting": _meeting(e.meeting),
        "items": list(e.items),
        "evidence": [span_to_dict(s) for s in e.evidence],
        "confidence": round(e.confidence, 3),
        "rules": list(e.rules),
        "main": e.main,
    }


def left_out_to_dict(x: LeftOut) -> dict[str, Any]:
    """A candidate event that was not reported, with the emission rule that left it out."""
    return {"reason": x.reason, **event_to_dict(x.event)}


def span_to_dict(s: Span) -> dict[str, Any]:
    return {"start": s.start, "end": s.end, "text": s.text}


def _value(f: Field | None) -> str | None:
    return f.value if f is not None else None


def _when(w: When | None) -> dict[str, Any] | None:
    if w is None:
        return None
    return {
        "start": w.start,
        "end": w.end,
        "granularity": w.granularity,
        "text": w.text,
        "year_inferred": w.year_inferred,
    }


def _where(w: Where | None) -> dict[str, Any] | None:
    if w is None:
        return None
    return {"name": w.name, "venue": w.venue, "country": w.country, "lat": w.lat, "lon": w.lon}


def _meeting(m: Meeting | None) -> dict[str, Any] | None:
    if m is None:
        return None
    return {
        "forum": m.forum,
        "chair": list(m.chair),
        "delegations": [{"party": d.party, "head": d.head} for d in m.delegations],
        "agenda": list(m.agenda),
    }


# --- back from dicts ------------------------------------------------------------------------


def record_from_dict(d: dict[str, Any]) -> Record:
    if d.get("schema") != SCHEMA:
        raise ValueError(f"not a {SCHEMA} record: schema={d.get('schema')!r}")
    return Record(
        article=article_from_dict(d["article"]),
        entities=tuple(entity_from_dict(e) for e in d["entities"]),
        events=tuple(event_from_dict(e) for e in d["events"]),
        links=tuple(Link(k["from"], k["to"], k["relation"]) for k in d["links"]),
        producer=d.get("producer", "events.rules.v1"),
    )


def article_from_dict(a: dict[str, Any]) -> CleanArticle:
    sources = a.get("metadata_sources") or {}

    def field(name: str) -> Field | None:
        value = a.get(name)
        return Field(value, sources.get(name, "metadata")) if value is not None else None

    return CleanArticle(
        id=a["id"],
        text=a["text"],
        title=field("title"),
        byline=field("byline"),
        section=field("section"),
        site=field("source"),
        url=a.get("url"),
        published=date.fromisoformat(a["published"]) if a.get("published") else None,
        published_source=a.get("published_source", "none"),
        language=a.get("language", "en"),
        removed=tuple(a.get("removed") or ()),
    )


def entity_from_dict(e: dict[str, Any]) -> Entity:
    role = e.get("role")
    return Entity(
        id=e["id"],
        name=e["name"],
        kind=e["kind"],
        code=e.get("code"),
        country=e.get("country"),
        titles=tuple(e.get("titles") or ()),
        mentions=tuple(span_from_dict(m) for m in e.get("mentions") or ()),
        role=Role(
            title=role["title"],
            country=role.get("country"),
            valid_from=date.fromisoformat(role["valid_from"]) if role.get("valid_from") else None,
            valid_to=date.fromisoformat(role["valid_to"]) if role.get("valid_to") else None,
            source=role.get("source", ""),
        )
        if role
        else None,
        cow=e.get("cow"),
        gw=e.get("gw"),
    )


def event_from_dict(e: dict[str, Any]) -> Event:
    w, p, m = e.get("when"), e.get("where"), e.get("meeting")
    return Event(
        id=e["id"],
        type=e["type"],
        mode=e.get("mode"),
        status=e["status"],
        actors=tuple(e.get("actors") or ()),
        recipients=tuple(e.get("recipients") or ()),
        when=When(
            w["start"],
            w.get("end"),
            w["granularity"],
            w.get("text", ""),
            bool(w.get("year_inferred")),
        )
        if w
        else None,
        where=Where(p.get("name"), p.get("venue"), p.get("country"), p.get("lat"), p.get("lon"))
        if p
        else None,
        meeting=Meeting(
            forum=m.get("forum"),
            chair=tuple(m.get("chair") or ()),
            delegations=tuple(
                Delegation(x["party"], x.get("head")) for x in m.get("delegations") or ()
            ),
            agenda=tuple(m.get("agenda") or ()),
        )
        if m
        else None,
        items=tuple(e.get("items") or ()),
        evidence=tuple(span_from_dict(s) for s in e.get("evidence") or ()),
        confidence=float(e.get("confidence", 0.0)),
        rules=tuple(e.get("rules") or ()),
        main=bool(e.get("main", False)),
    )


def span_from_dict(s: dict[str, Any]) -> Span:
    return Span(int(s["start"]), int(s["end"]), str(s["text"]))
