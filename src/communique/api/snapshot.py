"""A read-only, in-memory snapshot of a store, with the tables the API queries.

The store file is attached read-only, its tables are copied into an in-memory DuckDB database
and the file is detached again, so a running server never holds the store open (an ingest can
write to it meanwhile; ``Snapshot.stale`` says when the file changed since it was read).

Built once per snapshot, besides the copies of the store's own tables:

    api_events   one row per fused event with the values the store's fusion chose
                 (read with the store's own ``fused_events``), its day range,
                 track, first title and lower-cased evidence for search; sorted by day, id
    api_actors   one row per participant code: its most used name, kind, counts, first/last day
    api_tracks   one row per track (see ``tracks.py``)
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from ..corpus.lines import event_line
from ..errors import StoreError
from ..fuse.dates import day_range
from ..fuse.model import FusedEvent
from ..store import open_store
from ..store.shared import announce_wait
from .tracks import Track, build_tracks

STORE_TABLES = ("articles", "entities", "events", "links", "fused_members")

_EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "VARCHAR"),
    ("type", "VARCHAR"),
    ("mode", "VARCHAR"),
    ("status", "VARCHAR"),
    ("participants", "VARCHAR[]"),
    ("day_first", "DATE"),
    ("day_last", "DATE"),
    ("when_start", "VARCHAR"),
    ("when_text", "VARCHAR"),
    ("where_name", "VARCHAR"),
    ("where_country", "VARCHAR"),
    ("lat", "DOUBLE"),
    ("lon", "DOUBLE"),
    ("forum", "VARCHAR"),
    ("source_count", "INTEGER"),
    ("first_article", "VARCHAR"),
    ("title", "VARCHAR"),
    ("track_id", "VARCHAR"),
    ("search", "VARCHAR"),
    ("detail", "VARCHAR"),
)


@dataclass
class Snapshot:
    """The in-memory database and what it was read from. Use ``cursor()`` per request."""

    con: duckdb.DuckDBPyConnection
    path: str
    mtime: float
    tracks: dict[str, Track] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def cursor(self) -> duckdb.DuckDBPyConnection:
        with self.lock:
            return self.con.cursor()

    @property
    def stale(self) -> bool:
        return _mtime(self.path) != self.mtime


def load_snapshot(path: str | Path) -> Snapshot:
    """Copy the store at ``path`` into memory and build the API tables."""
    target = str(path)
    if not Path(target).is_file():
        raise StoreError(f"{target}: no such store")
    mtime = _mtime(target)
    # The fused events through the store's own reader (it waits while a writer holds the file).
    with open_store(target, read_only=True) as store:
        events = store.fused_events()
    con = duckdb.connect(":memory:")
    try:
        _copy_tables(con, target)
    except duckdb.Error as err:
        con.close()
        raise StoreError(f"{target}: cannot read the store ({str(err).splitlines()[0]})") from err
    snap = Snapshot(con, target, mtime)
    build_tables(snap, events)
    return snap


def _copy_tables(con: duckdb.DuckDBPyConnection, target: str, wait: float = 60.0) -> None:
    """Copy the store's tables into memory, retrying while another process writes the file."""
    quoted = target.replace("'", "''")
    deadline = time.monotonic() + wait
    try:
        con.execute(f"ATTACH '{quoted}' AS store (READ_ONLY)")
    except duckdb.IOException:
        with announce_wait(target):  # a writer holding the file lets go for a waiting reader
            while True:
                try:
                    con.execute(f"ATTACH '{quoted}' AS store (READ_ONLY)")
                    break
                except duckdb.IOException:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
    try:
        for table in STORE_TABLES:
            con.execute(f"CREATE TABLE memory.main.{table} AS SELECT * FROM store.main.{table}")
    finally:
        con.execute("DETACH store")


def build_tables(snap: Snapshot, events: list[FusedEvent]) -> None:
    con = snap.con
    fused_links = con.execute(
        "SELECT DISTINCT fs.fused_id, ft.fused_id, l.relation FROM links l"
        " JOIN fused_members fs ON fs.article_id = l.article_id AND fs.event_id = l.source"
        " JOIN fused_members ft ON ft.article_id = l.article_id AND ft.event_id = l.target"
        " WHERE fs.fused_id <> ft.fused_id"
    ).fetchall()
    tracks = build_tracks(events, fused_links)
    snap.tracks = {t.id: t for t in tracks}
    track_of = {e: t.id for t in tracks for e in t.events}
    titles = dict(con.execute("SELECT id, title FROM articles").fetchall())
    _insert_events(con, [_event_row(e, track_of.get(e.id), titles) for e in events])
    _build_actors(con)
    _insert_tracks(con, tracks)


def _event_row(e: FusedEvent, track: str | None, titles: dict[str, Any]) -> tuple[Any, ...]:
    days = day_range(e.when)
    where = e.where
    first = e.sources[0] if e.sources else None
    search = " ".join(s.text for s in e.evidence).lower()
    return (
        e.id,
        e.type,
        e.mode,
        e.status,
        list(e.participants),
        days.first if days else None,
        days.last if days else None,
        e.when.start if e.when else None,
        e.when.text if e.when else None,
        where.name if where else None,
        where.country if where else None,
        where.lat if where else None,
        where.lon if where else None,
        e.meeting.forum if e.meeting else None,
        e.source_count,
        first,
        titles.get(first) if first else None,
        track,
        search,
        json.dumps(event_line(e), ensure_ascii=False),
    )


def _insert_events(con: duckdb.DuckDBPyConnection, rows: list[tuple[Any, ...]]) -> None:
    """Insert column-wise through ``unnest`` (row-wise inserts are slow in DuckDB)."""
    cols = ", ".join(f"{name} {kind}" for name, kind in _EVENT_COLUMNS)
    con.execute(f"CREATE TABLE raw_events ({cols})")
    names = [name for name, _ in _EVENT_COLUMNS]
    if rows:
        columns = [list(c) for c in zip(*rows, strict=True)]
        select = ", ".join(
            f"unnest(?::{kind.replace('[]', '[][]') if kind.endswith('[]') else kind + '[]'})"
            for _, kind in _EVENT_COLUMNS
        )
        con.execute(f"INSERT INTO raw_events ({', '.join(names)}) SELECT {select}", columns)
    # Sorted by day so that date filters skip whole row groups; ties broken by id.
    con.execute(
        "CREATE TABLE api_events AS SELECT * FROM raw_events ORDER BY day_first NULLS LAST, id"
    )
    con.execute("DROP TABLE raw_events")
    con.execute("CREATE UNIQUE INDEX api_events_id ON api_events (id)")
    con.execute("CREATE INDEX api_events_track ON api_events (track_id)")


def _build_actors(con: duckdb.DuckDBPyConnection) -> None:
    names: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for code, name, kind in con.execute(
        "SELECT code, name, kind FROM entities WHERE code IS NOT NULL"
    ).fetchall():
        names[code][(name, kind)] += 1
    con.execute("CREATE TABLE actor_names (code VARCHAR, name VARCHAR, kind VARCHAR)")
    best = [(code, *c.most_common(1)[0][0]) for code, c in names.items() if c]
    if best:
        con.execute(
            "INSERT INTO actor_names SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]),"
            " unnest(?::VARCHAR[])",
            [list(c) for c in zip(*best, strict=True)],
        )
    con.execute(
        "CREATE TABLE api_actors AS SELECT p.code, coalesce(n.name, p.code) AS name, n.kind,"
        " count(*)::INTEGER AS events, count(*) FILTER (type = 'CONSULT')::INTEGER AS meetings,"
        " min(day_first) AS first_day, max(day_last) AS last_day"
        " FROM (SELECT unnest(participants) AS code, type, day_first, day_last FROM api_events) p"
        " LEFT JOIN actor_names n ON n.code = p.code GROUP BY p.code, n.name, n.kind"
        " ORDER BY p.code"
    )
    con.execute("CREATE UNIQUE INDEX api_actors_code ON api_actors (code)")


def _insert_tracks(con: duckdb.DuckDBPyConnection, tracks: list[Track]) -> None:
    con.execute(
        "CREATE TABLE api_tracks (id VARCHAR, name VARCHAR, forum VARCHAR, parties VARCHAR[],"
        " events VARCHAR[], size INTEGER, first_day DATE, last_day DATE, route VARCHAR[])"
    )
    if tracks:
        rows = [
            (
                t.id,
                t.name,
                t.forum,
                list(t.parties),
                list(t.events),
                len(t.events),
                t.first,
                t.last,
                list(t.route),
            )
            for t in tracks
        ]
        con.execute(
            "INSERT INTO api_tracks"
            " SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]),"
            " unnest(?::VARCHAR[]), unnest(?::VARCHAR[][]), unnest(?::VARCHAR[][]),"
            " unnest(?::INTEGER[]), unnest(?::DATE[]), unnest(?::DATE[]), unnest(?::VARCHAR[][])",
            [list(c) for c in zip(*rows, strict=True)],
        )


def _mtime(path: str) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return -1.0
