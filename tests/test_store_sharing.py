"""Readers are never locked out of a store an ingest writes to, and the file is whole after it.

A writer process stores invented records; this process reads the same store meanwhile."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from communique import cli_corpus
from communique.store import open_store
from test_store_write import meeting, record

TESTS = Path(__file__).resolve().parent

WRITER = """
import sys, time
sys.path.insert(0, {tests!r})
from test_store_write import meeting, record
from communique.store import open_store

path, first, count, pause = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
with open_store(path, wait=30) as store:
    for i in range(first, first + count):
        text = " ".join(f"w{{i}}x{{j}}" for j in range(60))
        day = f"{{1900 + i // 9}}-06-{{1 + i % 9 * 3:02d}}"  # never within a day of another
        store.write_record(record(text, (meeting(f"ev{{i}}", day, text=text),)))
        print(i, flush=True)
        time.sleep(pause)
print("done", flush=True)
"""


def _writer(path: Path, first: int, count: int, pause: float) -> subprocess.Popen[str]:
    args = [str(path), str(first), str(count), str(pause)]
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER.format(tests=str(TESTS)), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()  # the writer holds the store and has written once
    assert line.strip() == str(first), proc.stderr.read() if proc.stderr else line
    return proc


def _articles(path: Path) -> int:
    with open_store(path, read_only=True, wait=20) as store:
        return store.counts().articles


def _command(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="communique")
    cli_corpus.register(parser.add_subparsers())
    args = parser.parse_args(argv)
    code: int = args.handler(args)
    return code


def test_store_reader_reads_while_a_busy_writer_writes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "s.duckdb"
    writer = _writer(path, 0, 400, 0.0)  # no pause: the writer is never idle
    seen, waits = [], []
    try:
        for _ in range(3):
            started = time.monotonic()
            seen.append(_articles(path))
            waits.append(time.monotonic() - started)
        assert _command(["events", "--db", str(path), "--format", "jsonl", "--limit", "1"]) == 0
        event = json.loads(capsys.readouterr().out)
        assert _command(["show", event["id"], "--db", str(path)]) == 0
        assert capsys.readouterr().out.startswith(event["id"])
        assert _command(["export", "--db", str(path), "--format", "polecat"]) == 0
        assert capsys.readouterr().out.startswith("Event ID\t")
        assert writer.poll() is None, "the writer should still be writing"
    finally:
        writer.send_signal(signal.SIGINT)  # Ctrl-C: the store is checkpointed on the way out
        writer.communicate(timeout=30)
    assert seen == sorted(seen) and seen[0] >= 1
    assert max(waits) < 5.0
    assert not Path(str(path) + ".wal").exists()
    final = _articles(path)
    assert final >= seen[-1]
    alone = tmp_path / "moved" / "copy.duckdb"  # the .duckdb file alone is the whole store
    alone.parent.mkdir()
    shutil.copy(path, alone)
    assert _articles(alone) == final


def test_store_lets_the_file_go_when_idle(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    text = " ".join(f"a{j}" for j in range(60))
    with open_store(path, idle=0.2) as store:
        store.write_record(record(text, (meeting("ev-a", "2024-03-05", text=text),)))
        time.sleep(0.6)
        assert not store.shared.is_open
        probe = "import duckdb,sys; c=duckdb.connect(sys.argv[1], read_only=True); c.close()"
        done = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True)
        assert done.returncode == 0, done.stderr  # a plain DuckDB client gets in too
        assert store.counts().articles == 1  # and the store takes the file back on use


def test_store_two_writers_take_turns(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    open_store(path).close()
    one = _writer(path, 0, 25, 0.0)
    two = _writer(path, 1000, 25, 0.0)
    for proc in (one, two):
        out, err = proc.communicate(timeout=120)
        assert out.strip().endswith("done"), err
    assert not Path(str(path) + ".wal").exists()  # both closed normally: checkpointed
    con = duckdb.connect(str(path), read_only=True)  # a plain DuckDB client sees it all
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (50,)
    finally:
        con.close()
    with open_store(path, read_only=True) as store:
        counts = store.counts()
        with store.shared.use() as con:
            seqs = con.execute("SELECT count(DISTINCT seq) FROM articles").fetchone()
    assert (counts.articles, counts.events, counts.fused_events) == (50, 50, 50)
    assert seqs == (50,)


def test_store_read_only_open_waits_for_a_writer_in_this_process(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    text = " ".join(f"b{j}" for j in range(60))
    with open_store(path) as writer:
        writer.write_record(record(text, (meeting("ev-b", "2024-03-05", text=text),)))
        assert writer.shared.is_open
        with open_store(path, read_only=True, wait=10) as reader:
            assert reader.counts().articles == 1
        assert writer.counts().articles == 1
    assert os.path.exists(path) and not os.path.exists(str(path) + ".wait")
