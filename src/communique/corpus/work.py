"""Running ``pipeline.run`` on raw articles, in this process or in a pool of worker processes.

On Linux the pool's workers are forked from this process after it loaded the pipeline resources
once: they start at once and share the loaded model, gazetteer and actor data copy-on-write (the
heap is frozen for the garbage collector while the pool runs, so collections in the workers do
not copy its pages). Where fork is unavailable, workers are spawned and each loads the resources
once. Results come back in input order, so the single writer in the main process stores them
deterministically. A failure of one item (any exception
in the pipeline, or more than ``limits.ITEM_SECONDS`` of work) comes back as a ``Failure`` and
never stops the batch. A stop asked for while items run (``interrupt.StopRequest``) leaves the
items in hand a short grace, then abandons them (``Abandoned``): they were not stored, so the
next run does them. Workers ignore SIGINT (the main process decides) and end with the pool.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.context import BaseContext
from multiprocessing.pool import AsyncResult, Pool
from types import FrameType
from typing import TYPE_CHECKING, TextIO, TypeVar

from ..ingest.limits import MAX_ARTICLE_CHARS
from ..model import RawArticle, Record, Skip

if TYPE_CHECKING:
    from ..pipeline import Resources

Process = Callable[[RawArticle], Record | Skip]
_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Failure:
    """An item the pipeline raised on: where and why, in one line."""

    origin: str
    stage: str
    reason: str
    detail: str


Outcome = Record | Skip | Failure


class Abandoned(BaseException):  # not an error: the run was asked to stop
    """The item in hand was given up because the run was asked to stop; nothing was stored."""


class _ItemTimeout(BaseException):  # caught in safe_run, never seen outside
    """Raised into an item that ran past its time limit."""


class _ItemClock:
    """The time limit of the item this process is working on (SIGALRM, main thread only)."""

    def __init__(self) -> None:
        self.running = False
        self.stopping = False

    def alarm(self, signum: int, frame: FrameType | None) -> None:
        if not self.running:
            return  # the item ended before the alarm was handled
        raise Abandoned() if self.stopping else _ItemTimeout()

    @contextlib.contextmanager
    def limit(self, seconds: float | None) -> Iterator[None]:
        """Run the body under a time limit; without SIGALRM or off the main thread, no limit."""
        usable = (
            hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        )
        if not usable:
            yield
            return
        previous = signal.signal(signal.SIGALRM, self.alarm)
        self.running, self.stopping = True, False
        if seconds:
            signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            self.running = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)

    def wind_down(self, grace: float) -> None:
        """A stop was asked for: the item in hand has at most ``grace`` seconds left."""
        if not self.running:
            return
        self.stopping = True
        left = signal.getitimer(signal.ITIMER_REAL)[0]
        if not left or left > grace:
            signal.setitimer(signal.ITIMER_REAL, max(grace, 0.001))


ITEM_CLOCK = _ItemClock()


def notify_loading(stream: TextIO | None = None) -> None:
    """One line on a terminal's standard error before the language model loads (it takes a
    while); like the progress line, nothing when standard error is a file or a pipe."""
    out = stream or sys.stderr
    if out.isatty():
        print("communique: loading models…", file=out, flush=True)


@functools.cache
def pipeline_resources() -> Resources:
    """The pipeline resources of this process, loaded on first use; at most
    ``limits.MAX_ARTICLE_CHARS`` of one article reach the language model."""
    from ..pipeline import load_resources
    from ..settings import NlpSettings, Settings

    if _ANNOUNCE:
        notify_loading()
    return load_resources(Settings(nlp=NlpSettings(max_chars=MAX_ARTICLE_CHARS)))


def run_pipeline(raw: RawArticle) -> Record | Skip:
    """The default process: the full pipeline with this process's resources."""
    from ..pipeline import run

    return run(raw, pipeline_resources())


_DEFAULT_PROCESS: Process = run_pipeline  # needs the resources (tests may patch run_pipeline)
_WORKER_PROCESS: Process = run_pipeline
_ANNOUNCE = True  # say "loading models…" when loading (the main process said it for workers)


def safe_run(process: Process, raw: RawArticle, seconds: float | None = None) -> Outcome:
    """The outcome of one item: a record, a skip, or a failure (an exception, or a timeout
    after ``seconds``). ``Abandoned`` passes through."""
    try:
        with ITEM_CLOCK.limit(seconds):
            return process(raw)
    except _ItemTimeout:
        detail = f"still running after {seconds:g} seconds; left out"
        return Failure(raw.origin, "pipeline", "timeout", detail)
    except Exception as err:  # one bad item must never stop the batch
        first = str(err).strip().splitlines()[0][:300] if str(err).strip() else ""
        return Failure(raw.origin, "pipeline", type(err).__name__, first)


def _init_worker(process: Process, seconds: float | None) -> None:
    global _WORKER_PROCESS, _WORKER_SECONDS, _ANNOUNCE
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: main decides
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a forked worker inherits the stop handler
    _end_with_parent()
    _WORKER_PROCESS, _WORKER_SECONDS, _ANNOUNCE = process, seconds, False
    if process is _DEFAULT_PROCESS:
        pipeline_resources()  # spawned: load once, before the first item; forked: loaded


_WORKER_SECONDS: float | None = None


def _end_with_parent() -> None:
    """On Linux, this worker gets SIGTERM when the main process dies, even by SIGKILL."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _work(raw: RawArticle) -> Outcome:
    return safe_run(_WORKER_PROCESS, raw, _WORKER_SECONDS)


@dataclass(slots=True)
class Stop:
    """What ``run_ordered`` needs to know of a stop request (see ``interrupt.StopRequest``):
    when it was asked for (``time.monotonic``), and how long items in hand may still take."""

    requested_at: float | None = None
    grace: float = 5.0


def run_ordered(
    items: Iterable[tuple[T, RawArticle]],
    process: Process | None,
    workers: int,
    *,
    seconds: float | None = None,
    stop: Stop | None = None,
) -> Generator[tuple[T, Outcome], None, None]:
    """Process (tag, raw) pairs and yield (tag, outcome) in input order; each item has at most
    ``seconds``. Once ``stop`` is requested no new item starts; with workers, the items already
    done are yielded (waiting up to the stop's grace for the next in order), then the pool ends
    and ``Abandoned`` is raised for the rest."""
    chosen = process or run_pipeline
    if workers <= 1:
        for tag, raw in items:
            if stop is not None and stop.requested_at is not None:
                return
            yield tag, safe_run(chosen, raw, seconds)
        return
    ctx = pool_context()
    forked = ctx.get_start_method() == "fork"
    if chosen is _DEFAULT_PROCESS:
        if forked:
            pipeline_resources()  # once, here: every forked worker starts with it loaded
        elif _ANNOUNCE:
            notify_loading()  # each spawned worker loads its own copy
    with (
        _one_thread_each(),
        _frozen_heap(forked),
        ctx.Pool(workers, initializer=_init_worker, initargs=(chosen, seconds)) as pool,
    ):
        yield from _windowed(pool, items, workers * 4, stop or Stop())


START_METHOD: str | None = None  # None: "fork" on Linux, else "spawn"


def pool_context() -> BaseContext:
    """How pool workers start: forked from this process on Linux (the loaded resources are
    shared), spawned elsewhere (macOS and Windows, where forking a loaded process is unsafe or
    unavailable). ``START_METHOD`` overrides the choice (benchmarks compare the two)."""
    default = "fork" if sys.platform.startswith("linux") else "spawn"
    return multiprocessing.get_context(START_METHOD or default)


@contextlib.contextmanager
def _frozen_heap(frozen: bool) -> Iterator[None]:
    """While a forked pool runs, the objects of this process are out of the garbage
    collector's reach: a collection in a worker then leaves the shared pages unwritten.

    Afterwards the heap is left as it was found. A heap frozen before (``load_resources``
    freezes what it loaded, for the life of the process) stays frozen: the collector cannot
    release part of its frozen objects, and releasing all would hand the loaded resources back
    to every full collection. A heap found unfrozen is released again."""
    if not frozen:
        yield
        return
    was_frozen = gc.get_freeze_count() > 0
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        if not was_frozen:
            gc.unfreeze()


@contextlib.contextmanager
def _one_thread_each() -> Iterator[None]:
    """Worker processes start with one math-library thread each: the pool is the parallelism."""
    saved = {k: os.environ.get(k) for k in _THREAD_VARS}
    for k in _THREAD_VARS:
        os.environ.setdefault(k, "1")
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _windowed(
    pool: Pool, items: Iterable[tuple[T, RawArticle]], window: int, stop: Stop
) -> Iterator[tuple[T, Outcome]]:
    pending: deque[tuple[T, AsyncResult[Outcome]]] = deque()
    for tag, raw in items:
        if stop.requested_at is not None:
            break
        pending.append((tag, pool.apply_async(_work, (raw,))))
        while len(pending) >= window:
            done_tag, result = pending.popleft()
            yield done_tag, _result(result, stop)
    while pending:
        done_tag, result = pending.popleft()
        yield done_tag, _result(result, stop)


def _result(result: AsyncResult[Outcome], stop: Stop) -> Outcome:
    """The outcome of one pooled item; once a stop is asked for, wait at most its grace."""
    while not result.ready():
        result.wait(0.2)
        asked = stop.requested_at
        if asked is not None and not result.ready() and time.monotonic() - asked > stop.grace:
            raise Abandoned()
    return result.get()
