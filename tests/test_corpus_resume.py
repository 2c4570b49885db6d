"""SIGKILL in the middle of an ingest, then the same command again: the counts equal a clean
run's (nothing lost, nothing stored twice)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from communique.store import open_store
from test_corpus_ingest import story, write_jsonl

TESTS = Path(__file__).resolve().parent

SCRIPT = """
import sys, time
from communique.corpus import IngestOptions, ingest_sources
from communique.store import open_store
from test_corpus_ingest import fake_process

def slow(raw):
    time.sleep(float(sys.argv[3]))
    return fake_process(raw)

with open_store(sys.argv[2]) as store:
    ingest_sources([sys.argv[1]], store, IngestOptions(), process=slow)
"""


def _ingest(src: Path, db: Path, delay: float) -> subprocess.Popen[bytes]:
    path = os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "PYTHONPATH": path}
    return subprocess.Popen([sys.executable, "-c", SCRIPT, str(src), str(db), str(delay)], env=env)


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with open_store(db, read_only=True) as store:
            return store.counts().articles
    except Exception:
        return 0  # the writer holds the lock


def test_corpus_resume_after_sigkill_matches_a_clean_run(tmp_path: Path) -> None:
    texts = [story(i, day=f"2024-03-{i % 27 + 1:02d}") for i in range(30)]
    texts += [texts[3], texts[5] + " "]  # the same text at another URL, and a near copy
    src = write_jsonl(tmp_path / "a.jsonl", texts, ("{broken",))
    killed = tmp_path / "killed.duckdb"
    proc = _ingest(src, killed, 0.15)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (tmp_path / "killed.duckdb.wal").exists():
        time.sleep(0.05)
    time.sleep(2.0)  # some items committed, most not
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < _stored(killed) < 32  # killed mid-run
    assert _ingest(src, killed, 0.0).wait(timeout=120) == 0
    clean = tmp_path / "clean.duckdb"
    assert _ingest(src, clean, 0.0).wait(timeout=120) == 0
    with open_store(killed, read_only=True) as a, open_store(clean, read_only=True) as b:
        assert a.counts() == b.counts()
        assert [e.sources for e in a.fused_events()] == [e.sources for e in b.fused_events()]
        assert (a.counts().articles, a.counts().duplicates) == (32, 2)
