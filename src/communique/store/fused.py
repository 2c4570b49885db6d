"""Fused events kept as rows, so that reading a store is a query, not a re-fusion.

    fused_events  one row per fused event: the event as ``fuse.summary.summarize`` made it
                  (``event_json``), its export line (``line_json``, the ``corpus.lines``
                  contract) and the columns queries filter, sort and print on
    fused_state   what the rows were made from (row counts of the tables fusion reads)

The writer keeps the rows current in the same transaction as each article (``keep``). A store
whose rows are not current (written by an older communique, or by hand) is re-fused once when
a writer opens it (``rebuild``); until then a reader falls back to fusing in Python, so an
answer is never read from stale rows.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING, Any

import duckdb

from ..fuse.dates import day_range
from ..fuse.model import (
    FieldVariants,
    FusedEvent,
    NamedDelegation,
    NamedMeeting,
    Party,
    Report,
    SourcedSpan,
    VariantCount,
)
from ..model import When, Where

if TYPE_CHECKING:
    from .read import StoreReader
    from .store import Store

COLUMNS = (
    "fused_id, first_seq, first_row, type, status, participants, when_start, where_name,"
    " where_venue, source_count, last_day, event_json, line_json"
)
_TYPES = (
    "VARCHAR", "BIGINT", "BIGINT", "VARCHAR", "VARCHAR", "VARCHAR[]", "VARCHAR", "VARCHAR",
    "VARCHAR", "INTEGER", "DATE", "VARCHAR", "VARCHAR",
)  # fmt: skip


def state(con: duckdb.DuckDBPyConnection) -> str:
    """What the fused rows depend on, as one string: it changes with every stored article."""
    row = con.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT coalesce(max(seq), 0) FROM articles),"
        " (SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL),"
        " (SELECT count(*) FROM events), (SELECT count(*) FROM fused_members)"
    ).fetchone()
    return "/".join(str(v) for v in row) if row else ""


def is_current(con: duckdb.DuckDBPyConnection) -> bool:
    """True when the fused rows answer for the store as it is now."""
    try:
        row = con.execute("SELECT built_from FROM fused_state").fetchone()
    except duckdb.CatalogException:  # a store from before the fused rows
        return False
    return row is not None and row[0] == state(con)


def mark_current(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("DELETE FROM fused_state")
    con.execute("INSERT INTO fused_state VALUES (?)", [state(con)])


def refresh(store: Store) -> bool:
    """Make a writable store's fused rows current, re-fusing every event when they are not;
    True when they had to be made."""
    with store.shared.use() as con:
        if is_current(con):
            return False
        con.begin()
        try:
            rebuild(store, con)
            con.commit()
        except BaseException:
            con.rollback()
            raise
        return True


def rebuild(reader: StoreReader, con: duckdb.DuckDBPyConnection) -> None:
    """Re-fuse every stored event into the rows (a store from before them, or one written by
    other means)."""
    con.execute("DELETE FROM fused_events")
    _write(reader, con, None)
    mark_current(con)


def keep(
    reader: StoreReader, con: duckdb.DuckDBPyConnection, was_current: bool, article: str
) -> None:
    """After an article was written (same transaction): the rows of the fused events it
    reports, or whose article it copies, are made again; stale rows are all made again."""
    if not was_current:
        rebuild(reader, con)
        return
    ids = [
        str(r[0])
        for r in con.execute(
            "SELECT DISTINCT f.fused_id FROM fused_members f JOIN articles a"
            " ON f.article_id = coalesce(a.duplicate_of, a.id) WHERE a.id = ?",
            [article],
        ).fetchall()
    ]
    if ids:
        con.execute("DELETE FROM fused_events WHERE list_contains(?, fused_id)", [ids])
        _write(reader, con, ids)
    mark_current(con)


def _write(reader: StoreReader, con: duckdb.DuckDBPyConnection, ids: list[str] | None) -> None:
    from ..fuse.summary import summarize

    firsts = _first_rows(con, ids)
    groups: dict[str, list[Report]] = defaultdict(list)
    for fused, report in reader.stored_reports(ids):
        groups[fused].append(report)
    copies = reader.copies()
    rows = [
        _row(summarize(reports, copies, fused), *firsts[fused]) for fused, reports in groups.items()
    ]
    if rows:  # one statement for all rows: a column per parameter
        columns = [list(c) for c in zip(*rows, strict=True)]
        values = ", ".join(f"unnest(?::{t}[])" for t in _TYPES)
        con.execute(f"INSERT INTO fused_events ({COLUMNS}) SELECT {values}", columns)


def _first_rows(
    con: duckdb.DuckDBPyConnection, ids: list[str] | None
) -> dict[str, tuple[int | None, int]]:
    """Fused id -> (seq, row id) of its first stored report: the order ``fused_events`` keeps."""
    where = "WHERE list_contains(?, f.fused_id)" if ids is not None else ""
    rows = con.execute(
        "SELECT f.fused_id, min(e.seq), arg_min(e.rowid, (e.seq, e.rowid)) FROM events e"
        " JOIN fused_members f ON f.article_id = e.article_id AND f.event_id = e.id"
        f" {where} GROUP BY f.fused_id",
        [ids] if ids is not None else [],
    ).fetchall()
    return {str(f): (s, int(r)) for f, s, r in rows}


def _row(e: FusedEvent, seq: int | None, rowid: int) -> list[Any]:
    from ..corpus.lines import event_line

    span = day_range(e.when)
    return [
        e.id,
        seq,
        rowid,
        e.type,
        e.status,
        list(e.participants),
        e.when.start if e.when else None,
        e.where.name if e.where else None,
        e.where.venue if e.where else None,
        e.source_count,
        span.last if span else None,
        json.dumps(event_to_json(e), ensure_ascii=False),
        json.dumps(event_line(e), ensure_ascii=False),
    ]


# --- FusedEvent <-> JSON ----------------------------------------------------------------------


def event_to_json(e: FusedEvent) -> dict[str, Any]:
    """Every field of a fused event, so that ``event_from_json`` gives back an equal one."""
    return {
        "id": e.id,
        "type": e.type,
        "mode": e.mode,
        "status": e.status,
        "participants": list(e.participants),
        "when": _when(e.when),
        "where": _where(e.where),
        "meeting": _meeting(e.meeting),
        "sources": list(e.sources),
        "reports": list(e.reports),
        "variants": [
            [v.field, [[x.value, x.count] for x in v.values], v.chosen] for v in e.variants
        ],
        "evidence": [[s.article, s.start, s.end, s.text] for s in e.evidence],
        "actors": [_party(p) for p in e.actors],
        "recipients": [_party(p) for p in e.recipients],
        "published": e.published.isoformat() if e.published else None,
    }


def event_from_json(d: dict[str, Any]) -> FusedEvent:
    return FusedEvent(
        id=d["id"],
        type=d["type"],
        mode=d["mode"],
        status=d["status"],
        participants=tuple(d["participants"]),
        when=When(*d["when"]) if d["when"] is not None else None,
        where=Where(*d["where"]) if d["where"] is not None else None,
        meeting=_meeting_from(d["meeting"]),
        sources=tuple(d["sources"]),
        reports=tuple(d["reports"]),
        variants=tuple(
            FieldVariants(f, tuple(VariantCount(v, n) for v, n in values), chosen)
            for f, values, chosen in d["variants"]
        ),
        evidence=tuple(SourcedSpan(*s) for s in d["evidence"]),
        actors=tuple(_party_from(p) for p in d["actors"]),
        recipients=tuple(_party_from(p) for p in d["recipients"]),
        published=date.fromisoformat(d["published"]) if d["published"] else None,
    )


def _when(w: When | None) -> list[Any] | None:
    return [w.start, w.end, w.granularity, w.text, w.year_inferred] if w else None


def _where(w: Where | None) -> list[Any] | None:
    return [w.name, w.venue, w.country, w.lat, w.lon] if w else None


def _meeting(m: NamedMeeting | None) -> list[Any] | None:
    if m is None:
        return None
    return [m.forum, list(m.chair), [[d.party, d.head] for d in m.delegations], list(m.agenda)]


def _meeting_from(m: list[Any] | None) -> NamedMeeting | None:
    if m is None:
        return None
    forum, chair, delegations, agenda = m
    return NamedMeeting(
        forum, tuple(chair), tuple(NamedDelegation(p, h) for p, h in delegations), tuple(agenda)
    )


def _party(p: Party) -> list[Any]:
    return [p.code, p.name, p.kind, p.raw, list(p.titles), p.cow]


def _party_from(p: list[Any]) -> Party:
    code, name, kind, raw, titles, cow = p
    return Party(code, name, kind, raw, tuple(titles), cow)
