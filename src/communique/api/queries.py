"""The SQL of the API, over the snapshot's tables (see ``snapshot.py``). Every value the user
gives is a bound parameter; only column names chosen here are written into SQL text."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

LIST_COLUMNS = (
    "id, type, mode, status, participants, day_first, day_last, when_start, when_text,"
    " where_name, where_country, lat, lon, forum, source_count, first_article, title, track_id"
)
ORDERS = {
    "date": "day_first ASC NULLS LAST, id ASC",
    "-date": "day_first DESC NULLS LAST, id ASC",
    "sources": "source_count DESC, day_first ASC NULLS LAST, id ASC",
}


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters on fused events; None means no filter. ``q`` searches the evidence text."""

    actor: str | None = None
    type: str | None = None
    status: str | None = None
    mode: str | None = None
    country: str | None = None
    since: date | None = None
    until: date | None = None
    q: str | None = None
    track: str | None = None
    dated: bool = False  # only events with a known date


def where_clause(f: EventFilter) -> tuple[str, list[Any]]:
    parts: list[str] = []
    params: list[Any] = []
    simple = (
        ("type", f.type.upper() if f.type else None),
        ("status", f.status),
        ("mode", f.mode),
        ("where_country", f.country.upper() if f.country else None),
        ("track_id", f.track),
    )
    for column, value in simple:
        if value is not None:
            parts.append(f"{column} = ?")
            params.append(value)
    if f.actor is not None:
        parts.append("list_contains(participants, ?)")
        params.append(f.actor.upper())
    if f.since is not None:
        parts.append("day_last >= ?")
        params.append(f.since)
    if f.until is not None:
        parts.append("day_first <= ?")
        params.append(f.until)
    if f.q:
        parts.append("contains(search, ?)")
        params.append(f.q.lower())
    if f.dated:
        parts.append("day_first IS NOT NULL")
    return ("WHERE " + " AND ".join(parts)) if parts else "", params


def event_item(row: tuple[Any, ...]) -> dict[str, Any]:
    """A list row (``LIST_COLUMNS`` order) as the API's event summary."""
    (eid, type_, mode, status, parts, first, last, start, text, place, country, lat, lon,
     forum, sources, article, title, track) = row  # fmt: skip
    return {
        "id": eid,
        "type": type_,
        "mode": mode,
        "status": status,
        "participants": list(parts),
        "when": {
            "start": start,
            "text": text,
            "first_day": first.isoformat() if first else None,
            "last_day": last.isoformat() if last else None,
        }
        if start
        else None,
        "where": {"name": place, "country": country, "lat": lat, "lon": lon}
        if place or country
        else None,
        "forum": forum,
        "source_count": sources,
        "article": article,
        "title": title,
        "track": track,
    }


def list_events(
    cur: duckdb.DuckDBPyConnection, f: EventFilter, order: str, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    where, params = where_clause(f)
    row = cur.execute(f"SELECT count(*) FROM api_events {where}", params).fetchone()
    total = int(row[0]) if row else 0
    rows = cur.execute(
        f"SELECT {LIST_COLUMNS} FROM api_events {where} ORDER BY {ORDERS[order]} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return total, [event_item(r) for r in rows]


def event_summary(cur: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    row = cur.execute(f"SELECT {LIST_COLUMNS} FROM api_events WHERE id = ?", [event_id]).fetchone()
    return event_item(row) if row else None


def event_detail(cur: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """The fused event as in the export contract (``corpus.lines.event_line``)."""
    row = cur.execute("SELECT detail FROM api_events WHERE id = ?", [event_id]).fetchone()
    return dict(json.loads(row[0])) if row else None


def article_text(cur: duckdb.DuckDBPyConnection, article_id: str) -> str | None:
    """The cleaned text of a stored article (the record's ``article.text``)."""
    row = cur.execute("SELECT article_json FROM articles WHERE id = ?", [article_id]).fetchone()
    return str(json.loads(row[0]).get("text", "")) if row else None


def event_links(cur: duckdb.DuckDBPyConnection, event_id: str) -> list[dict[str, Any]]:
    """Links of a fused event, carried from the articles that reported them."""
    rows = cur.execute(
        "SELECT DISTINCT l.relation, fs.fused_id, ft.fused_id, l.article_id FROM links l"
        " JOIN fused_members fs ON fs.article_id = l.article_id AND fs.event_id = l.source"
        " JOIN fused_members ft ON ft.article_id = l.article_id AND ft.event_id = l.target"
        " WHERE (fs.fused_id = ? OR ft.fused_id = ?) AND fs.fused_id <> ft.fused_id"
        " ORDER BY 1, 2, 3, 4",
        [event_id, event_id],
    ).fetchall()
    return [
        {"relation": rel, "source": src, "target": tgt, "article": art}
        for rel, src, tgt, art in rows
    ]


def articles_of(cur: duckdb.DuckDBPyConnection, ids: list[str]) -> list[dict[str, Any]]:
    rows = cur.execute(
        "SELECT id, url, title, source, published, duplicate_of FROM articles"
        " WHERE list_contains(?, id)",
        [ids],
    ).fetchall()
    found = {
        r[0]: {
            "id": r[0],
            "url": r[1],
            "title": r[2],
            "source": r[3],
            "published": r[4].isoformat() if r[4] else None,
            "duplicate_of": r[5],
        }
        for r in rows
    }
    return [found[i] for i in ids if i in found]


def article_spans(cur: duckdb.DuckDBPyConnection, article_id: str) -> list[dict[str, Any]]:
    """Every evidence span of the events coded from one article, with its fused event."""
    rows = cur.execute(
        "SELECT f.fused_id, e.id, e.type, e.status, s.span.start, s.span.end"
        " FROM events e JOIN fused_members f ON f.article_id = e.article_id AND f.event_id = e.id,"
        ' (SELECT unnest(from_json(e.evidence, \'[{"start": "INTEGER", "end": "INTEGER"}]\'))'
        " AS span) s WHERE e.article_id = ? ORDER BY 5, 6, 1",
        [article_id],
    ).fetchall()
    return [
        {"event": fused, "report": rep, "type": t, "status": st, "start": a, "end": b}
        for fused, rep, t, st, a, b in rows
    ]
