"""The events listing made in SQL is byte for byte the listing made in Python, also for values
that pad, quote or count characters differently."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from communique.store import EventQuery, open_store
from communique.store import fused as fused_rows
from communique.store.listing import csv_lines, text_line

# (type, status, participants, when_start, where_name, where_venue, source_count)
ROWS = [
    ("CONSULT", "occurred", ["USA", "RUS"], "2022-01-10", "Geneva", None, 3),
    ("CONSULT", "planned", [], None, None, None, 1),  # no date, place or participants
    ("PROTEST_LONGER", "longer_status", ["FRA"], "2022-01", "", "Palais des Nations", 12),
    ("AGREE", "occurred", ["A,B", 'C"D'], "2022", "Saint-Pierre-et-Miquelon, Île", None, 2),
    ("AGREE", "occurred", ["X"], "2021-12-31", "Zu\u0308rich \u65e5\u672c", "v", 1),  # e + ¨
    ("REJECT", "occurred", ["Y"], "2021-12-31", 'The "Hall"', None, 1),
    ("REJECT", "occurred", ["Y"], "2021-12-31", "two\nlines\r", None, 1),
    ("DEMAND", "occurred", ["🇺🇦"], "2023-02-24", "Київ", "", 100000),
    ("DEMAND", "st", ["Z"], "2023-02-24", "exactly sixteen!", None, 0),
]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("listing") / "s.duckdb"
    open_store(path).close()  # the schema, fused rows current (none yet)
    con = duckdb.connect(str(path))
    for i, (type_, status, parties, start, name, venue, count) in enumerate(ROWS):
        con.execute(
            "INSERT INTO fused_events (fused_id, first_seq, first_row, type, status,"
            " participants, when_start, where_name, where_venue, source_count, last_day)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [f"evt-{i:02d}", i, i, type_, status, parties, start, name, venue, count, None],
        )
    assert fused_rows.is_current(con)
    con.close()
    return path


@pytest.mark.parametrize("query", [EventQuery(), EventQuery(limit=4)])
def test_store_listing_sql_lines_are_the_python_lines(store_path: Path, query: EventQuery) -> None:
    with open_store(store_path, read_only=True) as store:
        briefs = store.event_briefs(query)
        text = store.event_listing(query, "text")
        csv = store.event_listing(query, "csv")
    assert len(briefs) == len(text) == len(csv) - 1 == (query.limit or len(ROWS))
    assert text == [text_line(b) for b in briefs]
    assert csv == csv_lines(briefs)


def test_store_listing_lines_read_as_expected(store_path: Path) -> None:
    with open_store(store_path, read_only=True) as store:
        text = store.event_listing(None, "text")
        csv = "".join(store.event_listing(None, "csv"))
    assert text[0] == "evt-00  CONSULT   occurred  2022-01-10  Geneva           USA,RUS  sources=3"
    assert text[1] == "evt-01  CONSULT   planned   ?           ?                -  sources=1"
    assert text[2].startswith("evt-02  PROTEST_LONGER longer_status 2022-01     Palais des")
    place = "Zu\u0308rich \u65e5\u672c" + " " * 6  # padded to 16 code points
    assert text[4] == f"evt-04  AGREE     occurred  2021-12-31  {place} X  sources=1"
    assert "exactly sixteen! Z  sources=0" in text[8]
    assert csv.startswith("id,type,status,participants,date,place,source_count\r\n")
    assert '"A,B;C""D",2022,"Saint-Pierre-et-Miquelon, Île",2\r\n' in csv
    assert ',"The ""Hall""",1\r\n' in csv and ',"two\nlines\r",1\r\n' in csv


def test_store_listing_stale_rows_are_listed_in_python(store_path: Path, tmp_path: Path) -> None:
    """A store whose fused rows are stale is listed by fusing in Python: the same formatter."""
    copy = tmp_path / "stale.duckdb"
    copy.write_bytes(store_path.read_bytes())
    con = duckdb.connect(str(copy))
    con.execute("UPDATE fused_state SET built_from = 'something else'")
    assert not fused_rows.is_current(con)
    con.close()
    with open_store(copy, read_only=True) as store:
        assert store.event_listing(EventQuery(since=date(2000, 1, 1)), "text") == []
        assert store.event_listing(None, "csv") == csv_lines([])
        with pytest.raises(ValueError, match="listing format"):
            store.event_listing(None, "json")


def test_store_articles_of_given_ids(tmp_path: Path) -> None:
    """``show`` reads only the articles of its event, in the order they were written."""
    from communique.api.synthetic import write_synthetic_store

    path = tmp_path / "s.duckdb"
    write_synthetic_store(path, 40)
    with open_store(path, read_only=True) as store:
        every = store.articles()
        assert len(every) > 3
        wanted = [every[3].id, every[1].id, "no-such-article"]
        assert store.articles(wanted) == [every[1], every[3]]
        assert store.articles([]) == [] and store.articles(None) == every


def test_store_export_jsonl_from_stored_lines_equals_fusing_in_python(tmp_path: Path) -> None:
    """The JSONL export writes the stored event lines: the same bytes as the lines made by
    fusing the reports in Python (a store whose fused rows are stale)."""
    import io

    from communique.api.synthetic import write_synthetic_store
    from communique.corpus import export_store

    path = tmp_path / "s.duckdb"
    write_synthetic_store(path, 120)  # written behind the writer's back: rows stale

    def exported() -> str:
        out = io.StringIO()
        with open_store(path, read_only=True) as store:
            export_store(store, "jsonl", out)
        return out.getvalue()

    before = exported()
    open_store(path).close()  # a writer makes the fused rows
    con = duckdb.connect(str(path), read_only=True)
    assert fused_rows.is_current(con)
    con.close()
    after = exported()
    assert after == before and after.count('{"record": "event"') > 20
