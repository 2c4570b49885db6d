"""Fused events kept as rows: the same answers as fusing in Python, kept current by the writer,
never read when stale."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

from communique.api.synthetic import write_synthetic_store
from communique.cli import main
from communique.corpus.lines import event_line
from communique.store import EventQuery, open_store
from communique.store import fused as fused_rows
from test_store_write import BODY, OTHER, THIRD, meeting, record

QUERIES = (
    EventQuery(),
    EventQuery(actor="usa"),
    EventQuery(type="CONSULT"),
    EventQuery(actor="RUS", type="AGREE"),
    EventQuery(since=date(2020, 1, 1)),
    EventQuery(since=date(2019, 6, 1), actor="FRA", limit=7),
    EventQuery(limit=5),
    EventQuery(limit=0),
)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store written behind the writer's back: its fused rows are stale until a writer
    opens it."""
    path = tmp_path_factory.mktemp("fused") / "s.duckdb"
    write_synthetic_store(path, 400)
    return path


def _current(path: Path) -> bool:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return fused_rows.is_current(con)
    finally:
        con.close()


def _listing(path: Path, argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["events", "--db", str(path), *argv]) == 0
    return capsys.readouterr().out


def test_store_fused_rows_answer_as_python_fusion(
    synthetic: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(synthetic.read_bytes())
    assert not _current(copy)
    formats = (["--format", f] for f in ("text", "json", "jsonl", "csv"))
    filters = (["--actor", "usa"], ["--type", "consult", "--since", "2019-01-01"], ["--limit", "3"])
    argvs = [*formats, *([*f, "--format", "jsonl"] for f in filters)]
    before = [_listing(copy, argv, capsys) for argv in argvs]  # fused in Python
    with open_store(copy) as store:  # a writer makes the rows
        assert store.counts().fused_events > 0
    assert _current(copy)
    after = [_listing(copy, argv, capsys) for argv in argvs]
    assert after == before
    assert before[0].count("\n") > 50


def test_store_fused_rows_events_equal_fused_in_python(synthetic: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(synthetic.read_bytes())
    with open_store(copy) as store:
        for query in QUERIES:
            from_rows = store.fused_events(query)
            fused_now = store._fuse_events(query)
            assert from_rows == fused_now, query
            lines = [json.dumps(event_line(e), ensure_ascii=False) for e in fused_now]
            assert store.event_line_texts(query) == lines
        one = store.fused_events()[3]
        assert store.fused_event(one.id) == one
        assert store.fused_event("fev-none") is None


def test_store_fused_rows_kept_current_by_the_writer(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    a = record(BODY, (meeting("ev-a", "2024-03-05"),))
    copy = record(BODY + " ", (meeting("ev-x", "2024-03-05"),))  # a copy of a: one more source
    b = record(OTHER, (meeting("ev-b", "2024-03-05", text=OTHER),))  # same meeting: fused
    c = record(
        THIRD,
        (meeting("ev-c", "2024-09-01", codes=("WES", "EAS"), text=THIRD),),
        codes=("WES", "EAS"),
    )
    with open_store(path) as store:
        for rec in (a, copy, b, c):
            store.write_record(rec)
            with store.shared.use() as con:
                assert fused_rows.is_current(con)
            assert store.fused_events() == store._fuse_events(EventQuery())
        first, second = store.fused_events()
    assert first.sources == (a.article.id, b.article.id, copy.article.id)
    assert second.participants == ("EAS", "WES")


def test_store_fused_rows_stale_are_not_read(tmp_path: Path) -> None:
    """Rows written by other means than the writer make the fused rows stale: readers fuse
    in Python until a writer opens the store and makes them again."""
    path = tmp_path / "s.duckdb"
    with open_store(path) as store:
        store.write_record(record(BODY, (meeting("ev-a", "2024-03-05"),)))
    con = duckdb.connect(str(path))
    con.execute("UPDATE fused_events SET type = 'WRONG'")  # rows that no longer answer
    con.execute("INSERT INTO fused_members VALUES ('fev-other', 'art-none', 'ev-none')")
    con.close()
    with open_store(path, read_only=True) as store:
        assert [e.type for e in store.fused_events()] == ["CONSULT"]
    with open_store(path) as store:
        assert _rows_types(store) == ["CONSULT"]


def _rows_types(store: object) -> list[str]:
    with store.shared.use() as con:  # type: ignore[attr-defined]
        return [str(r[0]) for r in con.execute("SELECT type FROM fused_events").fetchall()]


def test_store_fused_rows_json_round_trip(synthetic: Path) -> None:
    with open_store(synthetic, read_only=True) as store:
        events = store._fuse_events(EventQuery())
    assert events
    for e in events:
        assert fused_rows.event_from_json(json.loads(json.dumps(fused_rows.event_to_json(e)))) == e
