"""``communique export``: a store as JSONL, CSV, Parquet or POLECAT rows.

CSV and Parquet share one flat event schema (``communique.fuse.flat``), the Spark job's too;
the links between events are exported beside the events. Text files have LF line ends.
"""

from __future__ import annotations

import csv
import json
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import duckdb

from ..errors import InputError, StoreError
from ..fuse.flat import EVENT_FIELDS, LINK_FIELDS, flat_event, flat_link
from ..store.read import StoreReader
from .lines import article_line, link_line
from .polecat import POLECAT_HEADER, polecat_rows

EXPORT_FORMATS = ("jsonl", "csv", "parquet", "polecat")
ARTICLE_FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "str"),
    ("url", "str"),
    ("title", "str"),
    ("published", "str"),
    ("duplicate_of", "str"),
)
CSV_COLUMNS = tuple(name for name, _ in EVENT_FIELDS)
_SQL_TYPES = {"str": "VARCHAR", "int": "BIGINT", "float": "DOUBLE", "bool": "BOOLEAN"}


def export_store(store: StoreReader, fmt: str, out: TextIO | Path) -> int:
    """Write the store in a format; return the number of lines or rows of the main output
    (for Parquet, of ``events.parquet``). Parquet needs a
    directory (``articles.parquet``, ``events.parquet`` and ``links.parquet`` go in it); CSV
    written to a file puts the links beside it (``NAME.links.csv``)."""
    if fmt == "jsonl":
        return _write_lines(out, jsonl_lines(store))
    if fmt == "csv":
        n = _write_table(out, CSV_COLUMNS, event_rows(store), ",")
        if isinstance(out, Path):
            _write_table(links_path(out), _names(LINK_FIELDS), iter(link_rows(store)), ",")
        return n
    if fmt == "polecat":
        return _write_table(out, POLECAT_HEADER, polecat_rows(store), "\t")
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise InputError("parquet export needs --out DIR")
        return export_parquet(store, out)
    raise InputError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")


def event_rows(store: StoreReader) -> Iterator[dict[str, Any]]:
    """Every fused event as a flat row."""
    for event in store.fused_events():
        yield flat_event(event)


def link_rows(store: StoreReader) -> list[dict[str, Any]]:
    """Every link between fused events, once per article that states it."""
    return [flat_link(*link) for link in store.fused_links()]


def links_path(events_csv: Path) -> Path:
    return events_csv.with_name(events_csv.stem + ".links.csv")


def jsonl_lines(store: StoreReader) -> Iterator[dict[str, Any] | str]:
    """Articles, then fused events, then the links between events; the events as the JSON
    text of their line, as the store keeps it (``StoreReader.event_line_texts``)."""
    for article in store.articles():
        yield article_line(article)
    yield from store.event_line_texts()
    for link in link_rows(store):
        yield link_line(link)


def export_parquet(store: StoreReader, folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    articles = [
        {name: article_line(a)[name] for name, _ in ARTICLE_FIELDS} for a in store.articles()
    ]
    events = list(event_rows(store))
    write_parquet(articles, ARTICLE_FIELDS, folder / "articles.parquet")
    write_parquet(events, EVENT_FIELDS, folder / "events.parquet")
    write_parquet(link_rows(store), LINK_FIELDS, folder / "links.parquet")
    return len(events)


def write_parquet(
    rows: Sequence[dict[str, Any]], fields: Sequence[tuple[str, str]], target: Path
) -> None:
    """Rows to one Parquet file with the schema's column types (through DuckDB)."""
    columns = ", ".join(f"'{name}': '{_SQL_TYPES[kind]}'" for name, kind in fields)
    names = ", ".join(f'"{name}"' for name, _ in fields)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "rows.jsonl"
        src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        con = duckdb.connect()
        try:
            if rows:
                source = (
                    f"SELECT * FROM read_json('{_sql_path(src)}', "
                    f"format = 'newline_delimited', columns = {{{columns}}})"
                )
            else:
                nulls = ", ".join(f'NULL::{_SQL_TYPES[k]} AS "{n}"' for n, k in fields)
                source = f"SELECT {nulls} LIMIT 0"
            con.execute(
                f"COPY (SELECT {names} FROM ({source})) TO '{_sql_path(target)}' (FORMAT parquet)"
            )
        except duckdb.Error as err:
            raise StoreError(f"{target}: cannot write parquet ({err})") from err
        finally:
            con.close()


def _names(fields: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    return tuple(name for name, _ in fields)


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _write_lines(out: TextIO | Path, rows: Iterable[dict[str, Any] | str]) -> int:
    """One JSON text per line (a str is written as it is)."""
    with _open(out) as stream:
        n = 0
        for row in rows:
            line = row if isinstance(row, str) else json.dumps(row, ensure_ascii=False)
            stream.write(line + "\n")
            n += 1
    return n


def _write_table(
    out: TextIO | Path, columns: Sequence[str], rows: Iterator[dict[str, Any]], delimiter: str
) -> int:
    with _open(out) as stream:
        writer = csv.DictWriter(
            stream, fieldnames=list(columns), delimiter=delimiter, lineterminator="\n"
        )
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
