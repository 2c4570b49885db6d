"""SIGINT / SIGTERM during a Spark run: the running Spark jobs are cancelled, the session is
stopped (its executors and Python workers end with it), and ``SparkInterrupted`` says which
batch was left unwritten. A batch is written whole or not at all; running the same command again
writes it (its earlier partitions are replaced)."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType
from typing import Any


class SparkInterrupted(KeyboardInterrupt):
    """The run stopped on a signal before the batch ``batch`` was written."""

    def __init__(self, batch: str, signal_name: str) -> None:
        super().__init__(signal_name)
        self.batch = batch
        self.signal_name = signal_name


class _Session:
    """Holds the session once it exists, for the signal handler."""

    session: Any = None


@contextlib.contextmanager
def cancel_on_signal(batch: str) -> Iterator[_Session]:
    """While the body runs, SIGINT and SIGTERM cancel the Spark jobs of ``holder.session`` and
    raise ``SparkInterrupted`` (the body's ``finally`` stops the session)."""
    holder = _Session()
    caught: list[str] = []

    def handle(signum: int, frame: FrameType | None) -> None:
        caught.append(signal.Signals(signum).name)
        if holder.session is not None:
            with contextlib.suppress(Exception):
                holder.session.sparkContext.cancelAllJobs()
        raise KeyboardInterrupt(caught[-1])

    previous: dict[int, Any] = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, handle)
    try:
        yield holder
    except KeyboardInterrupt as err:
        raise SparkInterrupted(batch, caught[0] if caught else "SIGINT") from err
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
