"""The POLECAT export: POLECAT's 40 columns, one row per directed dyad, every row dated and
with an actor, LF line ends."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from communique.corpus import export_store
from communique.corpus.polecat import EXTRA_COLUMNS, POLECAT_COLUMNS
from communique.model import Where
from communique.store import Store, open_store
from test_fuse_direction import article, event, reject

LUSAKA = Where("Lusaka", None, "ZMB", -15.4, 28.3)


def _export(store: Store) -> tuple[str, list[dict[str, str]]]:
    out = io.StringIO(newline="")
    export_store(store, "polecat", out)
    text = out.getvalue()
    return text, list(csv.DictReader(io.StringIO(text), delimiter="\t"))


def _store(path: Path) -> Store:
    store = open_store(path)
    store.write_record(reject(1, "sZMB", "sAGO"))
    store.write_record(reject(2, "pZMB", "pAGO"))
    meet = event("m1", "CONSULT", ("sZMB", "sAGO", "pKEN"), (), day=None, mode="call")
    store.write_record(article(3, (meet,), published=date(2024, 6, 9)))
    visit = event("v1", "CONSULT", ("pAGO",), ("sZMB",), mode="visit", where=LUSAKA)
    store.write_record(article(4, (visit,)))
    nobody = event("x1", "THREATEN", (), ("sKEN",))  # no actor: no row
    store.write_record(article(5, (nobody,)))
    said = event("s1", "STATEMENT", ("sKEN",))  # no PLOVER category: no row
    store.write_record(article(6, (said,)))
    return store


def test_corpus_export_polecat_has_polecat_columns_in_order(tmp_path: Path) -> None:
    with _store(tmp_path / "s.duckdb") as store:
        text, rows = _export(store)
    header = text.split("\n", 1)[0].split("\t")
    assert header[:40] == list(POLECAT_COLUMNS) and len(POLECAT_COLUMNS) == 40
    assert header[40:] == list(EXTRA_COLUMNS)
    assert "\r" not in text and text.endswith("\n")
    assert all(r["Actor Name"] and r["Actor Country"] for r in rows)
    assert all(r["Event Date"] for r in rows)


def test_corpus_export_polecat_keeps_the_direction(tmp_path: Path) -> None:
    with _store(tmp_path / "s.duckdb") as store:
        _, rows = _export(store)
    rejects = [r for r in rows if r["Event Type"] == "REJECT"]
    assert len(rejects) == 1  # two articles, one fused event, one dyad
    (row,) = rejects
    assert (row["Actor Country"], row["Recipient Country"]) == ("ZMB", "AGO")
    assert (row["Actor COW"], row["Recipient COW"]) == ("551", "540")
    assert row["Actor Name"] == "Zambia; Nalumino Chanda"
    assert row["Actor Title"] == "Foreign Minister"
    assert row["Primary Actor Sector"] == "GOV"
    assert (row["Quad Code"], row["Intensity"]) == ("3", "-4.2")
    assert row["Source Count"] == "2" and row["Date Source"] == "event"
    assert row["Publication Date"] == "2024-03-05"
    assert row["Source"].startswith("https://news.example/")
    assert "Teresa Barros" in row["Story People"].split(";")
    assert row["Language"] == "en"


def test_corpus_export_polecat_dyads_and_fallback_date(tmp_path: Path) -> None:
    with _store(tmp_path / "s.duckdb") as store:
        _, rows = _export(store)
    calls = [r for r in rows if r["Event Mode"] == "phone"]
    pairs = {(r["Actor Country"], r["Recipient Country"]) for r in calls}
    assert len(calls) == 6 and ("ZMB", "KEN") in pairs and ("KEN", "ZMB") in pairs
    assert {r["Event Date"] for r in calls} == {"2024-06-09"}  # the publication date ...
    assert {r["Date Source"] for r in calls} == {"publication"}  # ... flagged
    kenya = next(r for r in calls if r["Actor Country"] == "KEN")
    assert kenya["Primary Actor Sector"] == "MIL"  # a general
    (visit,) = [r for r in rows if r["Event Mode"] == "visit"]
    assert (visit["Actor Country"], visit["Recipient Country"]) == ("AGO", "ZMB")
    place = (visit["Placename"], visit["City"], visit["Feature Type"])
    assert place == ("Lusaka", "Lusaka", "PPLC")
    assert visit["GeoNames ID"].isdigit()
    assert {r["Event Type"] for r in rows} == {"REJECT", "CONSULT"}  # no THREATEN, STATEMENT
