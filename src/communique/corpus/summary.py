"""Counts of one ingest run: read, stored, copies, skipped and failed by reason."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..model import Skip, SkipReason

# Skip reasons (or detail causes) that are failures to read, not expected drops.
_FAILED_CAUSES = {"truncated", "bad_digest"}
_CAUSE = re.compile(r"^([a-z][a-z0-9_]*):")


def skip_cause(skip: Skip) -> str:
    """The short reason a skip is counted under: the detail's "cause:" prefix for fetch and read
    failures ("http_404", "timeout", "truncated"), else the skip reason."""
    match = _CAUSE.match(skip.detail)
    if match and skip.reason in (SkipReason.FETCH_FAILED, SkipReason.BAD_ENCODING):
        return match.group(1)
    return skip.reason.value


def is_failure(skip: Skip) -> bool:
    return skip.reason is SkipReason.FETCH_FAILED or skip_cause(skip) in _FAILED_CAUSES


@dataclass(slots=True)
class IngestSummary:
    read: int = 0  # items seen, including those already handled by an earlier run
    stored: int = 0  # new canonical articles
    copies: int = 0  # new articles stored as copies of earlier ones
    unchanged: int = 0  # items handled by an earlier run, or articles already stored
    events: int = 0  # events coded from the new canonical articles
    skipped: Counter[str] = field(default_factory=Counter)
    failed: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def extracted(self) -> int:
        return self.stored + self.copies

    def lines(self) -> list[str]:
        """The end-of-run report, one fact a line."""
        rate = self.read / self.seconds if self.seconds else 0.0
        out = [
            f"read {self.read} items in {self.seconds:.1f}s ({rate:.1f}/s)",
            f"extracted {self.extracted} articles: {self.stored} new, {self.copies} copies of "
            f"earlier articles; {self.events} events; {self.unchanged} already stored",
            f"skipped {sum(self.skipped.values())}" + _by_reason(self.skipped),
            f"failed {sum(self.failed.values())}" + _by_reason(self.failed),
        ]
        return out


def _by_reason(counts: Counter[str]) -> str:
    if not counts:
        return ""
    return ": " + ", ".join(f"{reason} {n}" for reason, n in sorted(counts.items()))
