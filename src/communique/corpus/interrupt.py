"""Stopping a long run cleanly on SIGINT (Ctrl-C) or SIGTERM.

The first signal asks the run to stop: no new item starts, the item in hand may finish within
``grace`` seconds (after that it is abandoned, and nothing of it is stored), everything done is
committed, and the caller reports what was done and how to resume. A second signal abandons the
item in hand at once. Off the main thread nothing is installed and the signals keep their usual
effect.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable
from types import FrameType, TracebackType
from typing import Any

from .work import ITEM_CLOCK, Abandoned, Stop

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class StopRequest(Stop):
    """A context manager that turns SIGINT/SIGTERM into a stop request for ``run_ordered``."""

    def __init__(
        self,
        grace: float = 5.0,
        notify: Callable[[str], None] | None = None,
        *,
        install: bool = True,
    ) -> None:
        super().__init__(None, grace)
        self.install = install  # False: no handler, the signals keep their usual effect
        self.signal_name: str | None = None
        self._notify = notify or (lambda message: None)
        self._previous: dict[int, Any] = {}

    @property
    def requested(self) -> bool:
        return self.requested_at is not None

    def __enter__(self) -> StopRequest:
        if self.install and threading.current_thread() is threading.main_thread():
            for sig in SIGNALS:
                self._previous[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        for sig, previous in self._previous.items():
            signal.signal(sig, previous)
        self._previous.clear()

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        name = signal.Signals(signum).name
        if self.requested_at is None:
            self.requested_at = time.monotonic()
            self.signal_name = name
            self._notify(
                f"{name}: stopping after the item in hand (at most {self.grace:g} s more); "
                "send it again to stop at once"
            )
            ITEM_CLOCK.wind_down(self.grace)
            return
        self.grace = 0.0  # pooled items: given up at the next look
        if ITEM_CLOCK.running:
            raise Abandoned()
