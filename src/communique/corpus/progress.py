"""A live progress line on standard error: counts and rate."""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn

if TYPE_CHECKING:
    from .summary import IngestSummary


class IngestProgress:
    """Shows read / stored / copies / skipped / failed and items per second while running."""

    def __init__(self, enabled: bool) -> None:
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        if enabled:
            self._progress = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=False,
            )

    def __enter__(self) -> IngestProgress:
        if self._progress is not None:
            self._progress.start()
            self._task = self._progress.add_task("starting", total=None, rate="")
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def update(self, s: IngestSummary) -> None:
        if self._progress is None or self._task is None:
            return
        text = (
            f"read {s.read}  stored {s.stored}  copies {s.copies}  "
            f"done before {s.unchanged}  skipped {sum(s.skipped.values())}  "
            f"failed {sum(s.failed.values())}"
        )
        self._progress.update(self._task, description=text, completed=s.read)
        task = self._progress.tasks[0]
        speed = task.speed
        self._progress.update(self._task, rate=f"{speed:.1f} items/s" if speed else "")
