"""Aggregate reads: actors, tracks, the who-met-whom network, meeting places, the timeline."""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb

from .queries import LIST_COLUMNS, EventFilter, event_item, where_clause

ACTOR_COLUMNS = "code, name, kind, events, meetings, first_day, last_day"
TRACK_COLUMNS = "id, name, forum, parties, events, size, first_day, last_day, route"


def _day(d: date | None) -> str | None:
    return d.isoformat() if d else None


def actor_item(row: tuple[Any, ...]) -> dict[str, Any]:
    code, name, kind, events, meetings, first, last = row
    return {
        "code": code,
        "name": name,
        "kind": kind,
        "events": events,
        "meetings": meetings,
        "first_day": _day(first),
        "last_day": _day(last),
    }


def list_actors(
    cur: duckdb.DuckDBPyConnection, q: str | None, kind: str | None, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    parts, params = ["true"], []
    if q:
        parts.append("(contains(lower(name), ?) OR contains(lower(code), ?))")
        params += [q.lower(), q.lower()]
    if kind:
        parts.append("kind = ?")
        params.append(kind)
    where = " AND ".join(parts)
    row = cur.execute(f"SELECT count(*) FROM api_actors WHERE {where}", params).fetchone()
    rows = cur.execute(
        f"SELECT {ACTOR_COLUMNS} FROM api_actors WHERE {where}"
        " ORDER BY events DESC, code LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return (int(row[0]) if row else 0), [actor_item(r) for r in rows]


def actor(cur: duckdb.DuckDBPyConnection, code: str) -> dict[str, Any] | None:
    row = cur.execute(
        f"SELECT {ACTOR_COLUMNS} FROM api_actors WHERE code = ?", [code.upper()]
    ).fetchone()
    return actor_item(row) if row else None


def actor_events(
    cur: duckdb.DuckDBPyConnection, code: str, meetings: bool, limit: int, offset: int
) -> dict[str, Any]:
    """An actor's meetings (CONSULT) or positions (every other type), oldest first."""
    where, params = where_clause(EventFilter(actor=code))
    where += " AND type = 'CONSULT'" if meetings else " AND type <> 'CONSULT'"
    row = cur.execute(f"SELECT count(*) FROM api_events {where}", params).fetchone()
    rows = cur.execute(
        f"SELECT {LIST_COLUMNS} FROM api_events {where}"
        " ORDER BY day_first ASC NULLS LAST, id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return {"total": int(row[0]) if row else 0, "items": [event_item(r) for r in rows]}


def partners(cur: duckdb.DuckDBPyConnection, code: str, limit: int) -> list[dict[str, Any]]:
    rows = cur.execute(
        "SELECT p.code, coalesce(a.name, p.code), count(*) AS n FROM"
        " (SELECT unnest(participants) AS code FROM api_events"
        "  WHERE type = 'CONSULT' AND list_contains(participants, ?)) p"
        " LEFT JOIN api_actors a ON a.code = p.code WHERE p.code <> ?"
        " GROUP BY 1, 2 ORDER BY n DESC, 1 LIMIT ?",
        [code, code, limit],
    ).fetchall()
    return [{"code": c, "name": n, "meetings": k} for c, n, k in rows]


def track_item(row: tuple[Any, ...]) -> dict[str, Any]:
    tid, name, forum, parties, events, size, first, last, route = row
    return {
        "id": tid,
        "name": name,
        "forum": forum,
        "parties": list(parties),
        "events": list(events),
        "size": size,
        "first_day": _day(first),
        "last_day": _day(last),
        "route": list(route),
    }


def list_tracks(
    cur: duckdb.DuckDBPyConnection,
    actor_code: str | None,
    q: str | None,
    since: date | None,
    until: date | None,
    limit: int,
    offset: int,
) -> tuple[int, list[dict[str, Any]]]:
    parts: list[str] = ["true"]
    params: list[Any] = []
    if actor_code:
        parts.append("list_contains(parties, ?)")
        params.append(actor_code.upper())
    if q:
        parts.append("contains(lower(name), ?)")
        params.append(q.lower())
    if since:
        parts.append("last_day >= ?")
        params.append(since)
    if until:
        parts.append("first_day <= ?")
        params.append(until)
    where = " AND ".join(parts)
    row = cur.execute(f"SELECT count(*) FROM api_tracks WHERE {where}", params).fetchone()
    rows = cur.execute(
        f"SELECT {TRACK_COLUMNS} FROM api_tracks WHERE {where}"
        " ORDER BY first_day ASC NULLS LAST, id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return (int(row[0]) if row else 0), [track_item(r) for r in rows]


def track(cur: duckdb.DuckDBPyConnection, track_id: str) -> dict[str, Any] | None:
    row = cur.execute(f"SELECT {TRACK_COLUMNS} FROM api_tracks WHERE id = ?", [track_id]).fetchone()
    if row is None:
        return None
    out = track_item(row)
    rows = cur.execute(
        f"SELECT {LIST_COLUMNS} FROM api_events WHERE track_id = ?"
        " ORDER BY day_first ASC NULLS LAST, id",
        [track_id],
    ).fetchall()
    out["meetings"] = [event_item(r) for r in rows]
    return out


def network(
    cur: duckdb.DuckDBPyConnection, f: EventFilter, min_weight: int, limit: int
) -> dict[str, Any]:
    """Who meets whom: an edge per pair of parties of a meeting, weighted by meetings."""
    where, params = where_clause(f)
    rows = cur.execute(
        f"WITH m AS (SELECT id, participants FROM api_events {where}),"
        " p AS (SELECT id, unnest(participants) AS code FROM m)"
        " SELECT a.code, b.code, count(*) AS n FROM p a JOIN p b ON a.id = b.id AND a.code < b.code"
        " GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY n DESC, 1, 2 LIMIT ?",
        [*params, min_weight, limit],
    ).fetchall()
    edges = [{"source": a, "target": b, "weight": n} for a, b, n in rows]
    codes = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    nodes = cur.execute(
        "SELECT c.code, coalesce(a.name, c.code), a.kind, coalesce(a.meetings, 0)"
        " FROM (SELECT unnest(?::VARCHAR[]) AS code) c LEFT JOIN api_actors a ON a.code = c.code"
        " ORDER BY c.code",
        [codes],
    ).fetchall()
    return {
        "nodes": [{"code": c, "name": n, "kind": k, "meetings": m} for c, n, k, m in nodes],
        "edges": edges,
        "truncated": len(edges) >= limit,
    }


def places(cur: duckdb.DuckDBPyConnection, f: EventFilter, limit: int) -> dict[str, Any]:
    """Meeting places with coordinates, how many events each, and a few of their ids."""
    where, params = where_clause(f)
    where = (where or "WHERE true") + " AND lat IS NOT NULL AND lon IS NOT NULL"
    rows = cur.execute(
        "SELECT where_name, where_country, round(lat, 4), round(lon, 4), count(*) AS n,"
        " list(id ORDER BY day_first NULLS LAST, id)[1:5]"
        f" FROM api_events {where} GROUP BY 1, 2, 3, 4 ORDER BY n DESC, 1, 3, 4 LIMIT ?",
        [*params, limit],
    ).fetchall()
    return {
        "places": [
            {"name": a, "country": b, "lat": c, "lon": d, "events": n, "sample": list(s)}
            for a, b, c, d, n, s in rows
        ],
        "truncated": len(rows) >= limit,
    }


def timeline(cur: duckdb.DuckDBPyConnection, f: EventFilter, limit: int) -> dict[str, Any]:
    """Dated events, oldest first, with the names of the tracks they belong to."""
    where, params = where_clause(f)
    row = cur.execute(f"SELECT count(*) FROM api_events {where}", params).fetchone()
    rows = cur.execute(
        f"SELECT {LIST_COLUMNS} FROM api_events {where}"
        " ORDER BY day_first ASC NULLS LAST, id LIMIT ?",
        [*params, limit],
    ).fetchall()
    items = [event_item(r) for r in rows]
    ids = sorted({i["track"] for i in items if i["track"]})
    names = cur.execute(
        "SELECT id, name FROM api_tracks WHERE list_contains(?, id) ORDER BY first_day, id", [ids]
    ).fetchall()
    total = int(row[0]) if row else 0
    return {
        "total": total,
        "events": items,
        "tracks": [{"id": i, "name": n} for i, n in names],
        "truncated": total > len(items),
    }
