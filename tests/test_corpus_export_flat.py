"""One flat event schema for CSV, Parquet, the Spark rows and the DataFrames; links exported."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pytest

import communique
from communique.corpus import export_store
from communique.fuse.flat import EVENT_COLUMNS, LINK_COLUMNS
from communique.model import Link, RawArticle
from communique.spark.rows import EVENT_SCHEMA, LINK_SCHEMA, outcome_rows
from communique.store import Store, open_store
from test_fuse_direction import article, event, reject


def _store(path: Path) -> Store:
    store = open_store(path)
    store.write_record(reject(1, "sZMB", "sAGO"))
    first = event("a1", "REQUEST", ("sAGO",), ("sZMB",), day="2024-03-01")
    answer = event("a2", "REJECT", ("sZMB",), ("sAGO",))
    store.write_record(article(2, (first, answer), links=(Link("a2", "a1", "responds_to"),)))
    return store


def test_corpus_export_flat_csv_and_parquet_share_the_schema(tmp_path: Path) -> None:
    with _store(tmp_path / "s.duckdb") as store:
        export_store(store, "csv", tmp_path / "events.csv")
        export_store(store, "parquet", tmp_path / "pq")
    raw = (tmp_path / "events.csv").read_bytes()
    assert b"\r" not in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    assert tuple(rows[0]) == EVENT_COLUMNS
    reject_row = next(r for r in rows if r["type"] == "REJECT")
    assert (reject_row["actor_country"], reject_row["recipient_country"]) == ("ZMB", "AGO")
    assert reject_row["source_count"] == "2" and reject_row["date_source"] == "event"
    pq = tmp_path / "pq" / "events.parquet"
    cols = duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{pq}')").fetchall()
    assert tuple(c[0] for c in cols) == EVENT_COLUMNS
    types = {c[0]: c[1] for c in cols}
    assert (types["lat"], types["source_count"], types["date"]) == ("DOUBLE", "BIGINT", "VARCHAR")
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{pq}')").fetchall() == [(2,)]


def test_corpus_export_flat_links_are_exported(tmp_path: Path) -> None:
    with _store(tmp_path / "s.duckdb") as store:
        export_store(store, "csv", tmp_path / "events.csv")
        export_store(store, "parquet", tmp_path / "pq")
        out = io.StringIO()
        export_store(store, "jsonl", out)
        events = {e.type: e.id for e in store.fused_events()}
    with (tmp_path / "events.links.csv").open(encoding="utf-8") as stream:
        links = list(csv.DictReader(stream))
    assert tuple(links[0]) == LINK_COLUMNS
    assert [(k["source"], k["target"], k["relation"]) for k in links] == [
        (events["REJECT"], events["REQUEST"], "responds_to")
    ]
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert [x["relation"] for x in lines if x["record"] == "link"] == ["responds_to"]
    pq = tmp_path / "pq" / "links.parquet"
    assert duckdb.sql(f"SELECT relation FROM read_parquet('{pq}')").fetchall() == [("responds_to",)]


def test_corpus_export_flat_spark_rows_use_the_same_schema() -> None:
    rec = article(2, (event("a1", "REJECT", ("sZMB",), ("sAGO",)),), links=())
    rec = rec.__class__(rec.article, rec.entities, rec.events, (Link("a1", "a1", "follows"),))
    rows = list(outcome_rows("b1", 7, RawArticle("x", "text"), rec))
    tables = [t for t, _ in rows]
    assert tables == ["articles", "events", "links"]
    ev = rows[1][1]
    assert tuple(ev) == tuple(n for n, _ in EVENT_SCHEMA)
    assert tuple(n for n, _ in EVENT_SCHEMA)[-len(EVENT_COLUMNS) :] == EVENT_COLUMNS
    assert (ev["id"], ev["actor_country"], ev["recipient_country"]) == ("a1", "ZMB", "AGO")
    assert tuple(rows[2][1]) == tuple(n for n, _ in LINK_SCHEMA)


def test_corpus_export_flat_dataframes(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    _store(tmp_path / "s.duckdb").close()
    df = communique.Store(tmp_path / "s.duckdb", read_only=True).events_df()
    assert list(df.columns) == list(EVENT_COLUMNS) and len(df) == 2
    row = df[df["type"] == "REJECT"].iloc[0]
    assert (row["actor_country"], row["recipient_country"], row["source_count"]) == (
        "ZMB",
        "AGO",
        2,
    )
    records = [reject(1, "sZMB", "sAGO"), reject(2, "sAGO", "sZMB")]
    frame = communique.to_dataframe(records)
    assert list(frame.columns) == list(EVENT_COLUMNS)
    assert list(frame["actor_country"]) == ["ZMB", "AGO"]
    assert str(frame["lat"].dtype) == "float64"
