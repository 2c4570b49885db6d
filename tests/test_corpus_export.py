"""Exports: the JSONL contract, CSV, Parquet and the POLECAT projection."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import duckdb

from communique.corpus import export_store
from communique.store import Store, open_store
from test_store_write import BODY, OTHER, THIRD, meeting, record

ARTICLE_KEYS = {"record", "id", "url", "title", "published", "duplicate_of"}
EVENT_KEYS = {
    "record",
    "id",
    "type",
    "mode",
    "status",
    "participants",
    "actors",
    "recipients",
    "published",
    "when",
    "where",
    "meeting",
    "sources",
    "source_count",
    "variants",
    "evidence",
}


def _store(path: Path) -> Store:
    store = open_store(path)
    store.write_record(record(BODY, (meeting("ev-a", "2024-03-05"),)))
    store.write_record(record(BODY + " ", (meeting("ev-copy", "2024-03-05"),)))
    store.write_record(record(OTHER, (meeting("ev-b", "2024-03-04", text=OTHER),)))
    planned = replace(
        meeting("ev-c", "2024-06-01", codes=("WES", "EAS"), text=THIRD), status="planned"
    )
    said = replace(meeting("ev-d", "2024-03-05", text=THIRD), type="STATEMENT")
    store.write_record(record(THIRD, (planned, said), codes=("NOR", "SUD", "WES", "EAS")))
    return store


def test_corpus_export_jsonl_follows_the_contract(tmp_path: Path) -> None:
    out = io.StringIO()
    with _store(tmp_path / "s.duckdb") as store:
        n = export_store(store, "jsonl", out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert n == len(rows) == 4 + 3  # no links in this store
    articles = [r for r in rows if r["record"] == "article"]
    events = [r for r in rows if r["record"] == "event"]
    assert all(set(r) == ARTICLE_KEYS for r in articles)
    assert all(set(r) == EVENT_KEYS for r in events)
    assert sum(1 for a in articles if a["duplicate_of"]) == 1
    meet = next(e for e in events if e["source_count"] == 3)
    assert meet["participants"] == ["NOR", "SUD"]
    assert meet["variants"]["when"] == [
        {"value": "2024-03-04", "count": 1},
        {"value": "2024-03-05", "count": 1},
    ]
    assert {ev["article"] for ev in meet["evidence"]} <= set(meet["sources"])


def test_corpus_export_polecat_projects_onto_plover(tmp_path: Path) -> None:
    out = io.StringIO()
    with _store(tmp_path / "s.duckdb") as store:
        export_store(store, "polecat", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t"))
    kinds = sorted((r["Event Type"], r["Status"]) for r in rows)
    # STATEMENT dropped; one row per directed dyad (actor -> recipient)
    assert kinds == [("AGREE", "planned"), ("CONSULT", "occurred")]
    assert [(r["Actor Country"], r["Recipient Country"]) for r in rows] == [
        ("NOR", "SUD"),
        ("WES", "EAS"),
    ]


def test_corpus_export_csv_and_parquet(tmp_path: Path) -> None:
    with _store(tmp_path / "s.duckdb") as store:
        export_store(store, "csv", tmp_path / "events.csv")
        export_store(store, "parquet", tmp_path / "pq")
    with (tmp_path / "events.csv").open(encoding="utf-8") as stream:
        assert len(list(csv.DictReader(stream))) == 3
    events = str(tmp_path / "pq" / "events.parquet")
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{events}')").fetchall() == [(3,)]
