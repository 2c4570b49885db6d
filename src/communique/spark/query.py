"""Query the Spark output with DuckDB: records are read back in input order and fused with the
same store logic as the single-machine path (an in-memory store)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from ..corpus.lines import event_line
from ..errors import InputError
from ..serialize import record_from_dict
from ..store import EventQuery, Store, open_store


def load_parquet_store(folder: Path) -> Store:
    """An in-memory store holding every record of the Spark output, fused."""
    articles = folder / "articles"
    if not articles.is_dir():
        raise InputError(f"{folder}: no Spark output here (expected an articles/ folder)")
    pattern = str(articles / "**" / "*.parquet").replace("'", "''")
    con = duckdb.connect()
    try:
        rows = con.execute(
            f"SELECT batch, origin, record_json FROM read_parquet('{pattern}',"
            " hive_partitioning = true) ORDER BY batch, seq"
        ).fetchall()
    except duckdb.Error as err:
        raise InputError(f"{folder}: cannot read the Spark output ({err})") from err
    finally:
        con.close()
    store = open_store(":memory:")
    for batch, origin, record_json in rows:
        store.write_record(record_from_dict(json.loads(record_json)), origin=origin, batch=batch)
    return store


def query_parquet_events(
    folder: Path,
    *,
    actor: str | None = None,
    type_: str | None = None,
    since: date | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    with load_parquet_store(folder) as store:
        query = EventQuery(actor=actor, type=type_, since=since, limit=limit)
        return [event_line(e) for e in store.fused_events(query)]
