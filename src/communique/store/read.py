"""Reading a store: fused events with their sources, articles, rejections and counts."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from ..fuse.dates import day_range
from ..fuse.model import FusedEvent, Report
from ..fuse.reports import parties as parties_of
from ..fuse.summary import summarize
from ..model import Entity
from ..serialize import entity_from_dict
from . import fused as fused_rows
from . import listing
from .reports import parties_from_json, report_from_stored
from .rows import EVENT_COLUMNS, event_from_row
from .shared import SharedConnection


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
class ArticleFacts:
    """What exports need of a source article: where and when it appeared, its language, and
    the names it mentions by kind (people; organisations; states and other places)."""

    url: str | None
    published: date | None
    language: str | None
    people: tuple[str, ...]
    organizations: tuple[str, ...]
    locations: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoreCounts:
    articles: int
    duplicates: int
    events: int
    fused_events: int
    rejections: dict[str, int]


class StoreReader:
    """The read side of a store. Every method holds the store file only while it runs (see
    ``communique.store.shared``)."""

    def __init__(self, shared: SharedConnection) -> None:
        self.shared = shared

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The connection, for a quick ad-hoc query; use ``with store.shared.use() as con``
        for longer work (a connection left idle is let go)."""
        return self.shared.connection()

    def stored_reports(self, fused_ids: list[str] | None = None) -> list[tuple[str, Report]]:
        """(fused id, report) for stored events, in storage order."""
        cols = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
        where = "WHERE list_contains(?, f.fused_id)" if fused_ids is not None else ""
        params: list[Any] = [fused_ids] if fused_ids is not None else []
        n = len(EVENT_COLUMNS)
        with self.shared.use() as con:
            parties = "e.parties" if _has_column(con, "events", "parties") else "NULL"
            sql = (
                f"SELECT f.fused_id, e.article_id, a.published, {cols},"
                f" e.participants, e.names, e.meeting_named, {parties} FROM events e"
                " JOIN fused_members f ON f.article_id = e.article_id AND f.event_id = e.id"
                f" JOIN articles a ON a.id = e.article_id {where} ORDER BY e.seq, e.rowid"
            )
            rows = con.execute(sql, params).fetchall()
            old = sorted({row[1] for row in rows if row[-1] is None})
            entities = self._entities(con, old) if old else {}
        out = []
        for row in rows:
            event = event_from_row(row[3 : 3 + n])
            if row[-1] is not None:
                sides = parties_from_json(row[-1])
            else:  # stored before parties had a column: rebuilt from the article's entities
                found = entities.get(row[1], {})
                sides = (parties_of(event.actors, found), parties_of(event.recipients, found))
            report = report_from_stored(event, row[1], row[3 + n : -1], row[2], sides)
            out.append((row[0], report))
        return out

    def _entities(
        self, con: duckdb.DuckDBPyConnection, article_ids: list[str]
    ) -> dict[str, dict[str, Entity]]:
        rows = con.execute(
            "SELECT article_id, entity_json FROM entities WHERE list_contains(?, article_id)",
            [article_ids],
        ).fetchall()
        out: dict[str, dict[str, Entity]] = defaultdict(dict)
        for article_id, text in rows:
            entity = entity_from_dict(json.loads(text))
            out[article_id][entity.id] = entity
        return out

    def copies(self) -> dict[str, list[str]]:
        """Canonical article id -> its copies, in storage order."""
        with self.shared.use() as con:
            rows = con.execute(
                "SELECT duplicate_of, id FROM articles WHERE duplicate_of IS NOT NULL ORDER BY seq"
            ).fetchall()
        out: dict[str, list[str]] = defaultdict(list)
        for canonical, copy in rows:
            out[canonical].append(copy)
        return dict(out)

    def fused_events(self, query: EventQuery | None = None) -> list[FusedEvent]:
        """Fused events matching the query, oldest first."""
        query = query or EventQuery()
        with self.shared.use() as con:  # one snapshot: a writer cannot come in between
            if fused_rows.is_current(con):
                found = _select_fused(con, query, "event_json")
                return [fused_rows.event_from_json(json.loads(r[0])) for r in found]
            return self._fuse_events(query)

    def event_line_texts(self, query: EventQuery | None = None) -> list[str]:
        """The fused events matching the query as export lines (``corpus.lines.event_line``),
        each the JSON text ``json.dumps(line, ensure_ascii=False)``, oldest first."""
        query = query or EventQuery()
        with self.shared.use() as con:
            if fused_rows.is_current(con):
                return [str(r[0]) for r in _select_fused(con, query, "line_json")]
            events = self._fuse_events(query)
        from ..corpus.lines import event_line

        return [json.dumps(event_line(e), ensure_ascii=False) for e in events]

    def event_briefs(self, query: EventQuery | None = None) -> list[dict[str, Any]]:
        """The fields of an event line that a one-line listing shows (id, type, status,
        participants, when.start, where.name and .venue, source_count), oldest first."""
        query = query or EventQuery()
        with self.shared.use() as con:
            if not fused_rows.is_current(con):
                return [json.loads(t) for t in self.event_line_texts(query)]
            cols = "fused_id, type, status, participants, when_start, where_name, where_venue,"
            found = _select_fused(con, query, cols + " source_count")
        return [
            {
                "id": i,
                "type": t,
                "status": st,
                "participants": list(p),
                "when": {"start": w} if w is not None else None,
                "where": {"name": n, "venue": v} if (n, v) != (None, None) else None,
                "source_count": c,
            }
            for i, t, st, p, w, n, v, c in found
        ]

    def event_listing(self, query: EventQuery | None = None, fmt: str = "text") -> list[str]:
        """The listing of ``communique events``, oldest first: for "text" one line per event
        (``listing.text_line``, no line end); for "csv" the header and a line per event, each
        ended by CR LF (``listing.csv_lines``). Made in SQL from the fused rows when they are
        current."""
        if fmt not in ("text", "csv"):
            raise ValueError(f"no listing format {fmt!r} (text, csv)")
        query = query or EventQuery()
        with self.shared.use() as con:
            if fused_rows.is_current(con):
                found = _select_fused(
                    con, query, listing.TEXT_SQL if fmt == "text" else listing.CSV_SQL
                )
                lines = [row[0] for row in found]
                if fmt == "csv":
                    return [listing.csv_lines(())[0], *lines]
                return lines
        briefs = self.event_briefs(query)
        return (
            [listing.text_line(b) for b in briefs] if fmt == "text" else listing.csv_lines(briefs)
        )

    def _fuse_events(self, query: EventQuery) -> list[FusedEvent]:
        """Fused events by fusing the stored reports now (a store whose fused rows are not
        current)."""
        with self.shared.use():
            ids = self._candidate_ids(query)
            stored = self.stored_reports(ids)
            copies = self.copies()
        groups: dict[str, list[Report]] = defaultdict(list)
        for fused, report in stored:
            groups[fused].append(report)
        out = []
        for fused, reports in groups.items():
            event = summarize(reports, copies, fused)
            if _matches(event, query):
                out.append(event)
                if query.limit is not None and len(out) >= query.limit:
                    break
        return out

    def events_df(self, query: EventQuery | None = None) -> Any:
        """The fused events as a pandas DataFrame, one row per event, in the flat event schema
        of the exports (``communique.fuse.flat``: id, type, mode, status, date, actor_country,
        recipient_country, place, country, lat, lon, source_count, evidence, ...)."""
        from ..fuse.flat import EVENT_FIELDS, flat_event, frame

        return frame([flat_event(e) for e in self.fused_events(query)], EVENT_FIELDS)

    def links_df(self) -> Any:
        """The links between fused events as a pandas DataFrame (source, target, relation,
        article)."""
        from ..fuse.flat import LINK_FIELDS, flat_link, frame

        return frame([flat_link(*k) for k in self.fused_links()], LINK_FIELDS)

    def fused_event(self, fused_id: str) -> FusedEvent | None:
        with self.shared.use() as con:
            if fused_rows.is_current(con):
                row = con.execute(
                    "SELECT event_json FROM fused_events WHERE fused_id = ?", [fused_id]
                ).fetchone()
                return fused_rows.event_from_json(json.loads(row[0])) if row else None
            reports = [r for _, r in self.stored_reports([fused_id])]
            copies = self.copies()
        return summarize(reports, copies, fused_id) if reports else None

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
            params.append(query.actor.upper())
        if query.type is not None:
            sql += " AND e.type = ?"
            params.append(query.type.upper())
        with self.shared.use() as con:
            return [r[0] for r in con.execute(sql, params).fetchall()]

    def fused_links(self) -> list[tuple[str, str, str, str]]:
        """(source fused id, target fused id, relation, article id) for every link an article
        states between two of its events that ended up in different fused events."""
        with self.shared.use() as con:
            rows = con.execute(
                "SELECT DISTINCT fs.fused_id, ft.fused_id, l.relation, l.article_id, a.seq"
                " FROM links l JOIN articles a ON a.id = l.article_id"
                " JOIN fused_members fs ON fs.article_id = l.article_id AND fs.event_id = l.source"
                " JOIN fused_members ft ON ft.article_id = l.article_id AND ft.event_id = l.target"
                " WHERE fs.fused_id <> ft.fused_id ORDER BY a.seq, 1, 2, 3"
            ).fetchall()
        return [(str(a), str(b), str(c), str(d)) for a, b, c, d, _ in rows]

    def article_facts(self, article_ids: list[str] | None = None) -> dict[str, ArticleFacts]:
        """Facts of the given articles (all when None), by article id."""
        where = "WHERE list_contains(?, id)" if article_ids is not None else ""
        ewhere = "WHERE list_contains(?, article_id)" if article_ids is not None else ""
        params: list[Any] = [article_ids] if article_ids is not None else []
        with self.shared.use() as con:
            arts = con.execute(
                f"SELECT id, url, origin, published, language FROM articles {where}", params
            ).fetchall()
            ents = con.execute(
                f"SELECT article_id, name, kind FROM entities {ewhere} ORDER BY article_id, id",
                params,
            ).fetchall()
        names: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for article_id, name, kind in ents:
            group = names[article_id][_STORY_KIND.get(str(kind), "")]
            if name and name not in group:
                group.append(str(name))
        out = {}
        for aid, url, origin, published, language in arts:
            found = names.get(aid, {})
            out[aid] = ArticleFacts(
                url or origin,
                published,
                language,
                tuple(found.get("people", ())),
                tuple(found.get("organizations", ())),
                tuple(found.get("locations", ())),
            )
        return out

    def articles(self, ids: Collection[str] | None = None) -> list[StoredArticle]:
        """The stored articles in the order they were written; only those of ``ids`` when
        given."""
        sql = (
            "SELECT id, url, title, source, published, duplicate_of, similarity, origin, batch"
            " FROM articles"
        )
        params: list[Any] = []
        if ids is not None:
            sql += " WHERE list_contains(?, id)"
            params.append(list(ids))
        with self.shared.use() as con:
            rows = con.execute(sql + " ORDER BY seq", params).fetchall()
        return [StoredArticle(*row) for row in rows]

    def article_record(self, article_id: str) -> dict[str, Any] | None:
        """The stored article as in the record/1 contract's ``article`` part."""
        with self.shared.use() as con:
            row = con.execute(
                "SELECT article_json FROM articles WHERE id = ?", [article_id]
            ).fetchone()
        return dict(json.loads(row[0])) if row else None

    def rejections(self) -> list[tuple[str, str, str, str]]:
        """(origin, stage, reason, detail) of every rejected item."""
        with self.shared.use() as con:
            rows = con.execute(
                "SELECT origin, stage, reason, detail FROM rejections ORDER BY recorded_at, origin"
            ).fetchall()
        return [(str(a), str(b), str(c), str(d)) for a, b, c, d in rows]

    def counts(self) -> StoreCounts:
        with self.shared.use() as con:

            def one(sql: str) -> int:
                row = con.execute(sql).fetchone()
                return int(row[0]) if row else 0

            reasons = con.execute(
                "SELECT reason, count(*) FROM rejections GROUP BY reason ORDER BY reason"
            ).fetchall()
            return StoreCounts(
                articles=one("SELECT count(*) FROM articles"),
                duplicates=one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
                events=one("SELECT count(*) FROM events"),
                fused_events=one("SELECT count(DISTINCT fused_id) FROM fused_members"),
                rejections={str(r): int(n) for r, n in reasons},
            )


_STORY_KIND = {
    "person": "people",
    "igo": "organizations",
    "body": "organizations",
    "organization": "organizations",
    "state": "locations",
    "place": "locations",
}


def _select_fused(con: duckdb.DuckDBPyConnection, query: EventQuery, columns: str) -> list[Any]:
    """Rows of the fused events matching the query, in the order they were first reported.
    Actor and type match any report of the event (as ``_candidate_ids``), the date the
    event's own."""
    sql = f"SELECT {columns} FROM fused_events WHERE true"
    params: list[Any] = []
    if query.actor is not None or query.type is not None:
        sql += (
            " AND fused_id IN (SELECT f.fused_id FROM fused_members f JOIN events e"
            " ON f.article_id = e.article_id AND f.event_id = e.id WHERE true"
        )
        if query.actor is not None:
            sql += " AND list_contains(e.participants, ?)"
            params.append(query.actor.upper())
        if query.type is not None:
            sql += " AND e.type = ?"
            params.append(query.type.upper())
        sql += ")"
    if query.since is not None:
        sql += " AND last_day >= ?"
        params.append(query.since)
    sql += " ORDER BY first_seq NULLS LAST, first_row"
    if query.limit is not None:
        sql += " LIMIT ?"
        params.append(max(query.limit, 1))  # as listing in Python did: it stopped after one
    return con.execute(sql, params).fetchall()


def _matches(event: FusedEvent, query: EventQuery) -> bool:
    """The date filter (actor and type were applied in SQL, on any report of the event)."""
    if query.since is not None:
        span = day_range(event.when)
        if span is None or span.last < query.since:
            return False
    return True


def _has_column(con: duckdb.DuckDBPyConnection, table: str, column: str) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.columns WHERE table_name = ? AND column_name = ?",
        [table, column],
    ).fetchone()
    return bool(row and row[0])
