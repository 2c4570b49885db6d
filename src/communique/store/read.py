"""Reading a store: fused events with their sources, articles, rejections and counts."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from ..fuse.dates import day_range
from ..fuse.model import FusedEvent, Report
from ..fuse.summary import summarize
from .reports import report_from_stored
from .rows import EVENT_COLUMNS, event_from_row


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters for fused events; None means no filter."""

    actor: str | None = None  # a participant code ("RUS", "NATO")
    type: str | None = None
    since: date | None = None  # events whose date ends on or after this day
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class StoredArticle:
    id: str
    url: str | None
    title: str | None
    source: str | None
    published: date | None
    duplicate_of: str | None
    similarity: float | None
    origin: str | None
    batch: str | None


@dataclass(frozen=True, slots=True)
class StoreCounts:
    articles: int
    duplicates: int
    events: int
    fused_events: int
    rejections: dict[str, int]


class StoreReader:
    """The read side of a store, over one DuckDB connection."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def stored_reports(self, fused_ids: list[str] | None = None) -> list[tuple[str, Report]]:
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
        out = []
        n = len(EVENT_COLUMNS)
        for row in self.con.execute(sql, params).fetchall():
            event = event_from_row(row[3 : 3 + n])
            out.append((row[0], report_from_stored(event, row[1], row[3 + n :], row[2])))
        return out

    def copies(self) -> dict[str, list[str]]:
        """Canonical article id -> its copies, in storage order."""
        rows = self.con.execute(
            "SELECT duplicate_of, id FROM articles WHERE duplicate_of IS NOT NULL ORDER BY seq"
        ).fetchall()
        out: dict[str, list[str]] = defaultdict(list)
        for canonical, copy in rows:
            out[canonical].append(copy)
        return dict(out)

    def fused_events(self, query: EventQuery | None = None) -> list[FusedEvent]:
        """Fused events matching the query, oldest first."""
        query = query or EventQuery()
        ids = self._candidate_ids(query)
        groups: dict[str, list[Report]] = defaultdict(list)
        for fused, report in self.stored_reports(ids):
            groups[fused].append(report)
        copies = self.copies()
        out = []
        for fused, reports in groups.items():
            event = summarize(reports, copies, fused)
            if _matches(event, query):
                out.append(event)
                if query.limit is not None and len(out) >= query.limit:
                    break
        return out

    def fused_event(self, fused_id: str) -> FusedEvent | None:
        reports = [r for _, r in self.stored_reports([fused_id])]
        return summarize(reports, self.copies(), fused_id) if reports else None

    def _candidate_ids(self, query: EventQuery) -> list[str] | None:
        if query.actor is None and query.type is None:
            return None
        sql = (
            "SELECT DISTINCT f.fused_id FROM fused_members f JOIN events e"
            " ON f.article_id = e.article_id AND f.event_id = e.id WHERE true"
        )
        params: list[Any] = []
        if query.actor is not None:
            sql += " AND list_contains(e.participants, ?)"
            params.append(query.actor)
        if query.type is not None:
            sql += " AND e.type = ?"
            params.append(query.type.upper())
        return [r[0] for r in self.con.execute(sql, params).fetchall()]

    def articles(self) -> list[StoredArticle]:
        rows = self.con.execute(
            "SELECT id, url, title, source, published, duplicate_of, similarity, origin, batch"
            " FROM articles ORDER BY seq"
        ).fetchall()
        return [StoredArticle(*row) for row in rows]

    def article_record(self, article_id: str) -> dict[str, Any] | None:
        """The stored article as in the record/1 contract's ``article`` part."""
        row = self.con.execute(
            "SELECT article_json FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        return dict(json.loads(row[0])) if row else None

    def rejections(self) -> list[tuple[str, str, str, str]]:
        """(origin, stage, reason, detail) of every rejected item."""
        rows = self.con.execute(
            "SELECT origin, stage, reason, detail FROM rejections ORDER BY recorded_at, origin"
        ).fetchall()
        return [(str(a), str(b), str(c), str(d)) for a, b, c, d in rows]

    def counts(self) -> StoreCounts:
        def one(sql: str) -> int:
            row = self.con.execute(sql).fetchone()
            return int(row[0]) if row else 0

        reasons = self.con.execute(
            "SELECT reason, count(*) FROM rejections GROUP BY reason ORDER BY reason"
        ).fetchall()
        return StoreCounts(
            articles=one("SELECT count(*) FROM articles"),
            duplicates=one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
            events=one("SELECT count(*) FROM events"),
            fused_events=one("SELECT count(DISTINCT fused_id) FROM fused_members"),
            rejections={str(r): int(n) for r, n in reasons},
        )


def _matches(event: FusedEvent, query: EventQuery) -> bool:
    """The date filter (actor and type were applied in SQL, on any report of the event)."""
    if query.since is not None:
        span = day_range(event.when)
        if span is None or span.last < query.since:
            return False
    return True
