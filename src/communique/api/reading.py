"""Fused events read from the snapshot's copy of the store tables.

The same query and the same row functions as the store's reader (``store.rows``,
``store.reports``) and the same fusion summary (``fuse.summary.summarize``), run over the
in-memory connection of a snapshot, so a page shows exactly what ``communique show`` shows.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import duckdb

from ..fuse.model import FusedEvent, Report
from ..fuse.summary import summarize
from ..store.reports import report_from_stored
from ..store.rows import EVENT_COLUMNS, event_from_row


def stored_reports(
    con: duckdb.DuckDBPyConnection, fused_ids: list[str] | None = None
) -> list[tuple[str, Report]]:
    """(fused id, report) for stored events, in storage order."""
    cols = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
    where = "WHERE list_contains(?, f.fused_id)" if fused_ids is not None else ""
    sql = (
        f"SELECT f.fused_id, e.article_id, a.published, {cols},"
        " e.participants, e.names, e.meeting_named FROM events e"
        " JOIN fused_members f ON f.article_id = e.article_id AND f.event_id = e.id"
        f" JOIN articles a ON a.id = e.article_id {where} ORDER BY e.seq, e.rowid"
    )
    params: list[Any] = [fused_ids] if fused_ids is not None else []
    n = len(EVENT_COLUMNS)
    out = []
    for row in con.execute(sql, params).fetchall():
        event = event_from_row(row[3 : 3 + n])
        out.append((row[0], report_from_stored(event, row[1], row[3 + n :], row[2])))
    return out


def copies(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """Canonical article id -> its copies, in storage order."""
    rows = con.execute(
        "SELECT duplicate_of, id FROM articles WHERE duplicate_of IS NOT NULL ORDER BY seq"
    ).fetchall()
    out: dict[str, list[str]] = defaultdict(list)
    for canonical, copy in rows:
        out[canonical].append(copy)
    return dict(out)


def fused_events(con: duckdb.DuckDBPyConnection) -> list[FusedEvent]:
    """Every fused event of the store."""
    groups: dict[str, list[Report]] = defaultdict(list)
    for fused, report in stored_reports(con):
        groups[fused].append(report)
    known = copies(con)
    return [summarize(reports, known, fused) for fused, reports in groups.items()]


def fused_event(con: duckdb.DuckDBPyConnection, fused_id: str) -> FusedEvent | None:
    reports = [r for _, r in stored_reports(con, [fused_id])]
    return summarize(reports, copies(con), fused_id) if reports else None


def article_text(con: duckdb.DuckDBPyConnection, article_id: str) -> str | None:
    """The cleaned text of a stored article (the record's ``article.text``)."""
    row = con.execute("SELECT article_json FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        return None
    return str(json.loads(row[0]).get("text", ""))
