"""The corpus commands: thin handlers, one-line errors, exit codes."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from communique import cli_corpus
from test_store_write import BODY, OTHER, meeting, record


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="communique")
    cli_corpus.register(parser.add_subparsers())
    args = parser.parse_args(argv)
    code: int = args.handler(args)
    return code


@pytest.fixture()
def db(tmp_path: Path) -> str:
    from communique.store import open_store

    path = tmp_path / "s.duckdb"
    with open_store(path) as store:
        store.write_record(record(BODY, (meeting("ev-a", "2024-03-05"),)))
        store.write_record(record(OTHER, (meeting("ev-b", "2024-03-05", text=OTHER),)))
    return str(path)


def test_corpus_cli_events_filters_and_formats(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["events", "--db", db, "--format", "jsonl", "--actor", "NOR"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    event = json.loads(line)
    assert event["source_count"] == 2 and event["participants"] == ["NOR", "SUD"]
    assert _run(["events", "--db", db, "--since", "2024-04-01"]) == 0
    assert capsys.readouterr().out == ""


def test_corpus_cli_show_lists_sources_and_evidence(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(["events", "--db", db, "--format", "json"])
    (event,) = json.loads(capsys.readouterr().out)
    assert _run(["show", event["id"], "--db", db]) == 0
    text = capsys.readouterr().out
    assert text.count("source ") == 2 and "evidence" in text


def test_corpus_cli_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["show", "fev_nothing", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert (
        _run(
            [
                "ingest",
                str(tmp_path / "missing.jsonl"),
                "--db",
                str(tmp_path / "s.duckdb"),
                "--no-progress",
            ]
        )
        == 2
    )
    assert _run(["events", "--parquet", str(tmp_path)]) == 2
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 3 and all(e.startswith("communique ") for e in errors)
