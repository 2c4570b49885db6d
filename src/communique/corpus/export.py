"""``communique export``: a store as JSONL, CSV, Parquet or POLECAT-style rows."""

from __future__ import annotations

import csv
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import duckdb

from ..errors import InputError, StoreError
from ..fuse.model import FusedEvent
from ..store.read import StoreReader
from .lines import article_line, event_line
from .polecat import POLECAT_COLUMNS, polecat_row

EXPORT_FORMATS = ("jsonl", "csv", "parquet", "polecat")
CSV_COLUMNS = (
    "id",
    "type",
    "status",
    "participants",
    "date",
    "granularity",
    "place",
    "venue",
    "country",
    "lat",
    "lon",
    "forum",
    "source_count",
    "sources",
)


def export_store(store: StoreReader, fmt: str, out: TextIO | Path) -> int:
    """Write the store in a format; return the number of rows. Parquet needs a directory path
    (``articles.parquet`` and ``events.parquet`` are written in it)."""
    if fmt == "jsonl":
        return _write_lines(out, jsonl_lines(store))
    if fmt == "csv":
        return _write_table(out, CSV_COLUMNS, (csv_row(e) for e in store.fused_events()), ",")
    if fmt == "polecat":
        rows = (r for r in (polecat_row(e) for e in store.fused_events()) if r is not None)
        return _write_table(out, POLECAT_COLUMNS, rows, "\t")
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise InputError("parquet export needs --out DIR")
        return export_parquet(store, out)
    raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")


def jsonl_lines(store: StoreReader) -> Iterator[dict[str, Any]]:
    for article in store.articles():
        yield article_line(article)
    for event in store.fused_events():
        yield event_line(event)


def csv_row(e: FusedEvent) -> dict[str, Any]:
    w, p, m = e.when, e.where, e.meeting
    return {
        "id": e.id,
        "type": e.type,
        "status": e.status,
        "participants": ";".join(e.participants),
        "date": w.start if w else "",
        "granularity": w.granularity if w else "",
        "place": (p.name or "") if p else "",
        "venue": (p.venue or "") if p else "",
        "country": (p.country or "") if p else "",
        "lat": p.lat if p and p.lat is not None else "",
        "lon": p.lon if p and p.lon is not None else "",
        "forum": (m.forum or "") if m else "",
        "source_count": e.source_count,
        "sources": ";".join(e.sources),
    }


def export_parquet(store: StoreReader, folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    lines = list(jsonl_lines(store))
    count = 0
    for kind in ("article", "event"):
        rows = [r for r in lines if r["record"] == kind]
        count += len(rows)
        _json_to_parquet(rows, folder / f"{kind}s.parquet")
    return count


def _json_to_parquet(rows: list[dict[str, Any]], target: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "rows.jsonl"
        src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        con = duckdb.connect()
        try:
            if rows:
                con.execute(
                    f"COPY (SELECT * FROM read_json_auto('{_sql_path(src)}')) "
                    f"TO '{_sql_path(target)}' (FORMAT parquet)"
                )
            else:
                con.execute(
                    f"COPY (SELECT NULL::VARCHAR AS id WHERE false) "
                    f"TO '{_sql_path(target)}' (FORMAT parquet)"
                )
        except duckdb.Error as err:
            raise StoreError(f"{target}: cannot write parquet ({err})") from err
        finally:
            con.close()


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _write_lines(out: TextIO | Path, rows: Iterator[dict[str, Any]]) -> int:
    with _open(out) as stream:
        n = 0
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def _write_table(
    out: TextIO | Path, columns: tuple[str, ...], rows: Iterator[dict[str, Any]], delimiter: str
) -> int:
    with _open(out) as stream:
        writer = csv.DictWriter(stream, fieldnames=columns, delimiter=delimiter)
        writer.writeheader()
        n = 0
        for row in rows:
            writer.writerow(row)
            n += 1
    return n


class _open:
    """A path opened for writing, or a given stream left open."""

    def __init__(self, out: TextIO | Path) -> None:
        self._out = out
        self._own: TextIO | None = None

    def __enter__(self) -> TextIO:
        if isinstance(self._out, Path):
            self._out.parent.mkdir(parents=True, exist_ok=True)
            self._own = self._out.open("w", encoding="utf-8", newline="")
            return self._own
        return self._out

    def __exit__(self, *exc: object) -> None:
        if self._own is not None:
            self._own.close()
