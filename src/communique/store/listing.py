"""The one-line listing of fused events (``communique events`` as text or CSV).

A listing row is a dict with the fields of an event line that the listing shows: id, type,
status, participants, when.start, where.name and .venue, source_count (``event_briefs``, or
the rows of Spark output). ``text_line`` and ``csv_fields`` format one row in Python;
``TEXT_SQL`` and ``CSV_SQL`` make the same line from a ``fused_events`` row inside DuckDB, so
that listing a large store never builds a Python object per event. Both are kept
byte-identical (tests/test_store_listing.py).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from types import SimpleNamespace
from typing import Any

CSV_HEADER = ("id", "type", "status", "participants", "date", "place", "source_count")


def text_line(r: dict[str, Any]) -> str:
    """One event on one line: id, type, status, first day, place, participants, sources."""
    w, p = r.get("when") or {}, r.get("where") or {}
    place = p.get("name") or p.get("venue") or "?"
    return (
        f"{r['id']}  {r['type']:<9} {r['status']:<9} {w.get('start', '?'):<10}  {place:<16} "
        f"{','.join(r['participants']) or '-'}  sources={r['source_count']}"
    )


def csv_fields(r: dict[str, Any]) -> list[Any]:
    """The CSV cells of one event, in the order of ``CSV_HEADER``."""
    w, p = r.get("when") or {}, r.get("where") or {}
    return [
        r["id"],
        r["type"],
        r["status"],
        ";".join(r["participants"]),
        w.get("start", ""),
        p.get("name") or "",
        r["source_count"],
    ]


def csv_lines(rows: Iterable[dict[str, Any]]) -> list[str]:
    """The CSV lines (``csv.writer``'s default dialect, each ended by CR LF) of the rows, the
    header first."""
    lines: list[str] = []
    writer = csv.writer(SimpleNamespace(write=lines.append))  # one write per row
    writer.writerow(CSV_HEADER)
    for r in rows:
        writer.writerow(csv_fields(r))
    return lines


def _pad(expr: str, width: int) -> str:
    """``f"{x:<width}"``: spaces up to the width, never cut (DuckDB's rpad would cut)."""
    return f"({expr} || repeat(' ', greatest({width} - length({expr}), 0)))"


def _csv_cell(expr: str) -> str:
    """A cell as ``csv.writer`` writes it (QUOTE_MINIMAL): quoted, with quotes doubled, when it
    holds the delimiter, the quote or a line break."""
    return (
        f"(CASE WHEN regexp_matches({expr}, '[,\"\\r\\n]')"
        f" THEN '\"' || replace({expr}, '\"', '\"\"') || '\"' ELSE {expr} END)"
    )


_PLACE = "coalesce(nullif(where_name, ''), nullif(where_venue, ''), '?')"
_PARTIES = "coalesce(nullif(array_to_string(participants, ','), ''), '-')"
_START = "coalesce(when_start, '?')"

# ``text_line`` of a fused_events row.
TEXT_SQL = (
    f"fused_id || '  ' || {_pad('type', 9)} || ' ' || {_pad('status', 9)} || ' ' || "
    f"{_pad(_START, 10)} || '  ' || {_pad(_PLACE, 16)} || ' ' || "
    f"{_PARTIES} || '  sources=' || CAST(source_count AS VARCHAR)"
)

# A line of ``csv_lines`` (with its CR LF) of a fused_events row.
CSV_SQL = (
    " || ',' || ".join(
        [
            _csv_cell("fused_id"),
            _csv_cell("type"),
            _csv_cell("status"),
            _csv_cell("array_to_string(participants, ';')"),
            _csv_cell("coalesce(when_start, '')"),
            _csv_cell("coalesce(where_name, '')"),
            "CAST(source_count AS VARCHAR)",
        ]
    )
    + " || '\r\n'"
)
