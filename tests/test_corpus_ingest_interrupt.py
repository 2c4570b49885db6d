"""SIGINT / SIGTERM during an ingest: the item in hand is finished (or abandoned after the grace,
or at once on a second signal), what was done is committed, ``IngestInterrupted`` carries the
counts, workers end; the same command then resumes with nothing lost and nothing twice. An item
over its time limit is a ``timeout`` failure and the batch goes on."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import time
from pathlib import Path

import pytest

from communique.corpus import IngestOptions, ingest_sources
from communique.corpus.ingest import IngestInterrupted
from communique.model import RawArticle, Record, Skip
from communique.store import open_store
from test_corpus_ingest import fake_process, story, write_jsonl

N = 12


def _source(tmp_path: Path) -> Path:
    texts = [story(i, day=f"2024-05-{i + 1:02d}") for i in range(N)]
    return write_jsonl(tmp_path / "batch.jsonl", texts)


def _line(raw: RawArticle) -> int:
    return int(raw.origin.rsplit(":", 1)[1])


def _main_pid() -> int:
    return os.getppid() if multiprocessing.parent_process() is not None else os.getpid()


def signal_on_third(raw: RawArticle) -> Record | Skip:
    """Sends SIGINT to the ingesting process while working on line 3; later lines are slow."""
    if _line(raw) == 3:
        os.kill(_main_pid(), signal.SIGINT)
    elif _line(raw) > 3:
        time.sleep(0.2)
    return fake_process(raw)


def _term_on_third(raw: RawArticle) -> Record | Skip:
    if _line(raw) == 3:
        os.kill(os.getpid(), signal.SIGTERM)
    return fake_process(raw)


def _stuck_on_third(raw: RawArticle) -> Record | Skip:
    if _line(raw) == 3:
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(60)  # cut short: abandoned when the grace is over
    return fake_process(raw)


def _twice_on_third(raw: RawArticle) -> Record | Skip:
    if _line(raw) == 3:
        os.kill(os.getpid(), signal.SIGINT)
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(60)  # cut short by the second signal
    return fake_process(raw)


def _ingest(db: Path, src: Path, process: object, **options: object) -> int:
    """Run to the end or to a stop; the number of articles stored."""
    with open_store(db) as store, contextlib.suppress(IngestInterrupted):
        ingest_sources([str(src)], store, IngestOptions(**options), process=process)  # type: ignore[arg-type]
    with open_store(db, read_only=True) as store:
        return store.counts().articles


def _resumed_equals_clean(tmp_path: Path, db: Path, src: Path) -> None:
    with open_store(db) as store:
        again = ingest_sources([str(src)], store, IngestOptions(), process=fake_process)
        resumed = store.counts()
    clean_db = tmp_path / "clean.duckdb"
    with open_store(clean_db) as store:
        ingest_sources([str(src)], store, IngestOptions(), process=fake_process)
        clean = store.counts()
    assert again.read == N and resumed == clean and clean.articles == N


@pytest.mark.parametrize(
    ("process", "stored"),
    [(signal_on_third, 3), (_term_on_third, 3), (_stuck_on_third, 2), (_twice_on_third, 2)],
)
def test_corpus_ingest_interrupt_stops_after_the_item_in_hand(
    tmp_path: Path, process: object, stored: int
) -> None:
    src, db = _source(tmp_path), tmp_path / "s.duckdb"
    with open_store(db) as store, pytest.raises(IngestInterrupted) as stop:
        ingest_sources([str(src)], store, IngestOptions(grace=0.3), process=process)  # type: ignore[arg-type]
    assert stop.value.summary.stored == stored
    assert stop.value.signal_name in ("SIGINT", "SIGTERM")
    assert _ingest(db, src, fake_process) == N  # resumed: the rest, nothing twice
    _resumed_equals_clean(tmp_path, db, src)


def test_corpus_ingest_interrupt_restores_the_signal_handlers(tmp_path: Path) -> None:
    before = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    _ingest(tmp_path / "s.duckdb", _source(tmp_path), signal_on_third)
    assert (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)) == before


@pytest.mark.slow  # starts two worker processes
def test_corpus_ingest_interrupt_with_workers_ends_the_pool(tmp_path: Path) -> None:
    src, db = _source(tmp_path), tmp_path / "s.duckdb"
    stored = _ingest(db, src, signal_on_third, workers=2, grace=0.3)
    assert 3 <= stored < N  # the window in flight at most; the rest waits for the resume
    assert not multiprocessing.active_children()  # the workers ended with the run
    _resumed_equals_clean(tmp_path, db, src)


def _slow_second(raw: RawArticle) -> Record | Skip:
    if _line(raw) == 2:
        time.sleep(60)  # cut short by the item time limit
    return fake_process(raw)


def test_corpus_ingest_item_over_its_time_limit_fails_and_the_batch_goes_on(
    tmp_path: Path,
) -> None:
    src = _source(tmp_path)
    with open_store(tmp_path / "s.duckdb") as store:
        summary = ingest_sources(
            [str(src)], store, IngestOptions(item_seconds=0.3), process=_slow_second
        )
        rejections = store.rejections()
    assert summary.failed == {"timeout": 1} and summary.stored == N - 1
    assert [r[1:3] for r in rejections] == [("pipeline", "timeout")]
