"""Pool workers: forked after the main process loaded the resources (they share them and never
load again), the stop and time-limit handling of each worker, input order; spawned workers
where fork is not used."""

from __future__ import annotations

import functools
import gc
import os
import signal
import sys
import time

import pytest

from communique.corpus import work
from communique.corpus.interrupt import StopRequest
from communique.corpus.work import Failure, Outcome, run_ordered
from communique.model import RawArticle, Record, Skip, SkipReason

LOADS: list[int] = []  # the pids that loaded the (fake) resources

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork on Linux")


@functools.cache
def _fake_resources() -> object:
    LOADS.append(os.getpid())
    return object()


def _fake_run(raw: RawArticle, resources: object) -> Skip:
    """What the worker saw: its pid, the resources' address, how many loads it knows of, the
    frozen objects and its SIGINT / SIGTERM handlers."""
    seen = (
        os.getpid(),
        id(resources),
        len(LOADS),
        gc.get_freeze_count() > 0,
        signal.getsignal(signal.SIGINT) is signal.SIG_IGN,
        signal.getsignal(signal.SIGTERM) is signal.SIG_DFL,
    )
    return Skip(SkipReason.EMPTY, " ".join(str(int(v)) for v in seen), raw.origin)


def _items(n: int) -> list[tuple[int, RawArticle]]:
    return [(i, RawArticle(f"text {i}", "text", origin=f"t:{i}")) for i in range(n)]


def _details(outcomes: list[tuple[int, Outcome]]) -> list[list[int]]:
    return [[int(v) for v in o.detail.split()] for _, o in outcomes if isinstance(o, Skip)]


@linux_only
def test_corpus_work_forked_workers_share_what_the_main_process_loaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import communique.pipeline

    monkeypatch.setattr(work, "pipeline_resources", _fake_resources)
    monkeypatch.setattr(communique.pipeline, "run", _fake_run)
    monkeypatch.setattr(work, "START_METHOD", None)
    LOADS.clear()
    _fake_resources.cache_clear()
    gc.unfreeze()  # the heap as a process that froze nothing has it
    with StopRequest(install=True) as stop:
        outcomes = list(run_ordered(_items(8), None, 2, seconds=30.0, stop=stop))
    assert [tag for tag, _ in outcomes] == list(range(8))  # input order
    assert [os.getpid()] == LOADS  # loaded once, in the main process
    parent_copy = id(_fake_resources())
    seen = _details(outcomes)
    assert len(seen) == 8
    for pid, address, loads, frozen, ignores_int, default_term in seen:
        assert pid != os.getpid()  # done in a worker...
        assert address == parent_copy and loads == 1  # ...with the main process's resources
        assert frozen and ignores_int and default_term
    assert gc.get_freeze_count() == 0  # the main process's heap is unfrozen after the pool


@linux_only
def test_corpus_work_forked_pool_leaves_a_frozen_heap_frozen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``load_resources`` freezes what it loaded for the life of the process: a forked pool
    that ends must not hand it back to the collector."""
    monkeypatch.setattr(work, "START_METHOD", None)
    gc.unfreeze()
    loaded = [{"name": str(i)} for i in range(1000)]
    gc.freeze()
    frozen = gc.get_freeze_count()
    assert frozen >= 1000
    outcomes = list(run_ordered(_items(4), worker_pid, 2, seconds=30.0))
    assert [tag for tag, _ in outcomes] == list(range(4))
    assert gc.get_freeze_count() >= frozen
    assert not any(obj is loaded for obj in gc.get_objects())
    gc.unfreeze()


def _slow_third(raw: RawArticle) -> Record | Skip:
    if raw.origin.endswith(":3"):
        time.sleep(60)  # cut short by the item time limit
    return Skip(SkipReason.EMPTY, str(os.getpid()), raw.origin)


@linux_only
def test_corpus_work_forked_worker_keeps_the_item_time_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(work, "START_METHOD", None)
    assert work.pool_context().get_start_method() == "fork"
    outcomes = list(run_ordered(_items(6), _slow_third, 2, seconds=0.5))
    kinds = [type(o).__name__ for _, o in outcomes]
    assert kinds == ["Skip", "Skip", "Skip", "Failure", "Skip", "Skip"]
    failure = outcomes[3][1]
    assert isinstance(failure, Failure) and failure.reason == "timeout"


def worker_pid(raw: RawArticle) -> Record | Skip:
    return Skip(SkipReason.EMPTY, str(os.getpid()), raw.origin)


@pytest.mark.slow  # spawned workers import the package afresh
def test_corpus_work_spawned_workers_where_fork_is_not_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(work, "START_METHOD", "spawn")
    gc.unfreeze()
    outcomes = list(run_ordered(_items(5), worker_pid, 2))
    assert [tag for tag, _ in outcomes] == list(range(5))
    pids = {int(o.detail) for _, o in outcomes if isinstance(o, Skip)}
    assert pids and os.getpid() not in pids
    assert gc.get_freeze_count() == 0
