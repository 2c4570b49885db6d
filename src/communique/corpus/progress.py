"""A live progress line on standard error: counts, how much of the input is read (of its total),
items per second and the time left."""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)

if TYPE_CHECKING:
    from .sources import InputMeter
    from .summary import IngestSummary


def progress_columns() -> tuple[object, ...]:
    """Spinner, counts, bar, per cent, rate, time left ("eta")."""
    return (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(bar_width=12),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]}"),
        TextColumn("eta"),
        TimeRemainingColumn(),
    )


def counts_text(read: int, **counts: int) -> str:
    """``12 read, 11 stored, 1 skipped``: the counts that are not zero."""
    shown = [f"{n} {name.replace('_', ' ')}" for name, n in counts.items() if n]
    return ", ".join([f"{read} read", *shown])


class IngestProgress:
    """Shows read / stored / copies / skipped / failed (or any counts, ``show``), the share of
    the input read (bytes of the files, from ``meter``), items per second and the estimated
    time left. Disabled, it shows nothing and ``line``/``note`` print plainly."""

    def __init__(self, enabled: bool, meter: InputMeter | None = None) -> None:
        self._meter = meter
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._started = time.monotonic()
        if enabled:
            self._progress = Progress(
                *progress_columns(),  # type: ignore[arg-type]
                console=Console(stderr=True),
                transient=False,
            )

    def __enter__(self) -> IngestProgress:
        self._started = time.monotonic()
        if self._progress is not None:
            self._progress.start()
            self._task = self._progress.add_task("starting", total=None, rate="")
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def note(self, message: str) -> None:
        """One line for the user, above the live line when there is one."""
        self.line(f"communique: {message}")

    def line(self, text: str) -> None:
        """``text`` on standard error, above the live line when there is one."""
        if self._progress is not None:
            self._progress.console.print(text, highlight=False, markup=False)
        else:
            print(text, file=sys.stderr, flush=True)

    def update(self, s: IngestSummary) -> None:
        text = counts_text(
            s.read,
            stored=s.stored,
            copies=s.copies,
            done_before=s.unchanged,
            skipped=sum(s.skipped.values()),
            failed=sum(s.failed.values()),
        )
        self.show(text, s.read)

    def show(self, text: str, items: int) -> None:
        """The live line: ``text`` (the counts), then the share of the input read, ``items``
        per second and the time left."""
        if self._progress is None or self._task is None:
            return
        elapsed = time.monotonic() - self._started
        rate = f"{items / elapsed:.1f}/s" if elapsed > 0.5 else ""
        meter = self._meter
        self._progress.update(
            self._task,
            description=text,
            rate=rate,
            total=meter.total if meter and meter.total else None,
            completed=meter.done if meter else 0,
        )
