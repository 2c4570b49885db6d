"""Running ``pipeline.run`` on raw articles, in this process or in a pool of worker processes.

Each worker loads the pipeline resources once. Results come back in input order, so the single
writer in the main process stores them deterministically. A failure of one item (any exception
in the pipeline) comes back as a ``Failure`` and never stops the batch.
"""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult, Pool
from typing import TYPE_CHECKING, TypeVar

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


@functools.cache
def pipeline_resources() -> Resources:
    """The pipeline resources of this process, loaded on first use."""
    from ..pipeline import load_resources

    return load_resources()


def run_pipeline(raw: RawArticle) -> Record | Skip:
    """The default process: the full pipeline with this process's resources."""
    from ..pipeline import run

    return run(raw, pipeline_resources())


_WORKER_PROCESS: Process = run_pipeline


def safe_run(process: Process, raw: RawArticle) -> Outcome:
    try:
        return process(raw)
    except Exception as err:  # one bad item must never stop the batch
        first = str(err).strip().splitlines()[0][:300] if str(err).strip() else ""
        return Failure(raw.origin, "pipeline", type(err).__name__, first)


def _init_worker(process: Process) -> None:
    global _WORKER_PROCESS
    _WORKER_PROCESS = process
    if process is run_pipeline:
        pipeline_resources()  # load once, before the first item


def _work(raw: RawArticle) -> Outcome:
    return safe_run(_WORKER_PROCESS, raw)


def run_ordered(
    items: Iterable[tuple[T, RawArticle]], process: Process | None, workers: int
) -> Iterator[tuple[T, Outcome]]:
    """Process (tag, raw) pairs and yield (tag, outcome) in input order."""
    chosen = process or run_pipeline
    if workers <= 1:
        for tag, raw in items:
            yield tag, safe_run(chosen, raw)
        return
    ctx = multiprocessing.get_context("spawn")
    with (
        _one_thread_each(),
        ctx.Pool(workers, initializer=_init_worker, initargs=(chosen,)) as pool,
    ):
        yield from _windowed(pool, items, window=workers * 4)


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
    pool: Pool, items: Iterable[tuple[T, RawArticle]], window: int
) -> Iterator[tuple[T, Outcome]]:
    pending: deque[tuple[T, AsyncResult[Outcome]]] = deque()
    for tag, raw in items:
        pending.append((tag, pool.apply_async(_work, (raw,))))
        while len(pending) >= window:
            done_tag, result = pending.popleft()
            yield done_tag, result.get()
    while pending:
        done_tag, result = pending.popleft()
        yield done_tag, result.get()
