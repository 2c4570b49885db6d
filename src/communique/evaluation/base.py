"""The shape every evaluation suite returns, and small scoring helpers shared by suites."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class SuiteResult:
    """One run of one suite: ours (``metrics``) beside baselines run on the same items.

    ``baselines`` maps a tool name to metrics under the same names as ``metrics``.
    ``published`` maps a tool name to figures cited from the literature (with ``sources``),
    for baselines that cannot run here.
    """

    suite: str
    items: int
    metrics: dict[str, float]
    baselines: dict[str, dict[str, float]] = field(default_factory=dict)
    published: dict[str, dict[str, float]] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    seconds: float = 0.0

    def to_dict(self) -> dict[str, object]:
        return {
            "suite": self.suite,
            "items": self.items,
            "metrics": self.metrics,
            "baselines": self.baselines,
            "published": self.published,
            "sources": self.sources,
            "notes": list(self.notes),
            "seconds": round(self.seconds, 2),
        }


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts; 0.0 where undefined."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
