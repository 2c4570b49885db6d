"""Which reports describe the same event.

A report joins an existing fused event when it is *compatible* with it:

1. same type family;
2. participants overlap: at least two shared codes, or one set inside the other, or a Jaccard
   index of at least ``min_jaccard`` (reports without codes compare entity names);
3. dates compatible: the two dates' day ranges overlap within ``day_tolerance`` days; a report
   without a date is placed by its article's publication date (``published_before`` days before
   to ``published_after`` days after the event); unknown dates are compatible;
4. places not contradictory: a different country blocks fusion unless participants match
   closely and both reports give compatible explicit dates (then the place becomes a variant).

Among compatible events the best overlap wins; ties go to the oldest fused event. The index is
incremental: ``assign`` places a new report without revisiting older ones.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from .dates import DayRange, day_range
from .model import Report
from .summary import choose_when, choose_where, fused_id

DateFit = Literal["explicit", "window", "unknown"] | None

# Types whose reports fuse with each other. Anything not listed is its own family.
TYPE_FAMILY: dict[str, str] = {"CONSULT": "CONSULT"}


@dataclass(frozen=True, slots=True)
class FuseSettings:
    min_jaccard: float = 0.5
    day_tolerance: int = 1
    published_before: int = 7  # a report may appear this many days before the event ...
    published_after: int = 10  # ... and this many days after it
    close_jaccard: float = 0.8  # overlap that overrides a place disagreement


def family(event_type: str) -> str:
    return TYPE_FAMILY.get(event_type, event_type)


def report_keys(report: Report) -> frozenset[str]:
    """What participants are compared on: codes, else lower-cased names."""
    if report.participants:
        return frozenset(report.participants)
    return frozenset("~" + n.lower() for n in report.names)


@dataclass(slots=True)
class Cluster:
    id: str
    family: str
    reports: list[Report] = field(default_factory=list)

    def keys(self) -> frozenset[str]:
        return frozenset(k for r in self.reports for k in report_keys(r))


class FusionIndex:
    """All fused events so far, indexed by family and participant key."""

    def __init__(self, settings: FuseSettings | None = None) -> None:
        self.settings = settings or FuseSettings()
        self.clusters: dict[str, Cluster] = {}
        self._by_key: dict[tuple[str, str], list[str]] = defaultdict(list)

    def assign(self, report: Report) -> str:
        """Add one report; return the id of the fused event it joined or created."""
        target = self.best_match(report)
        if target is None:
            target = fused_id(report.event_id)
            self.clusters[target] = Cluster(target, family(report.type))
        self.add(target, report)
        return target

    def add(self, cluster_id: str, report: Report) -> None:
        """Put a report in a given fused event (used when loading a store)."""
        cluster = self.clusters.setdefault(cluster_id, Cluster(cluster_id, family(report.type)))
        cluster.reports.append(report)
        for key in report_keys(report):
            bucket = self._by_key[(cluster.family, key)]
            if cluster_id not in bucket:
                bucket.append(cluster_id)

    def best_match(self, report: Report) -> str | None:
        keys = report_keys(report)
        fam = family(report.type)
        candidates = dict.fromkeys(c for k in sorted(keys) for c in self._by_key.get((fam, k), ()))
        best: tuple[float, int] | None = None
        chosen: str | None = None
        order = {cid: i for i, cid in enumerate(self.clusters)}
        for cid in candidates:
            score = match_score(report, self.clusters[cid], self.settings)
            if score is None:
                continue
            rank = (score, -order[cid])
            if best is None or rank > best:
                best, chosen = rank, cid
        return chosen


def match_score(report: Report, cluster: Cluster, settings: FuseSettings) -> float | None:
    """How well a report fits a fused event, or None when they are not compatible."""
    if family(report.type) != cluster.family:
        return None
    overlap = _overlap(report_keys(report), cluster.keys(), settings)
    if overlap is None:
        return None
    fit = _dates_compatible(report, cluster.reports, settings)
    if fit is None:
        return None
    if fit == "unknown" and not _same_group(report_keys(report), cluster.keys()):
        return None  # with no date at all, only the very same participants may fuse
    close = overlap >= settings.close_jaccard and fit == "explicit"
    if not _places_compatible(report, cluster.reports, close):
        return None
    return overlap + (0.5 if fit == "explicit" else 0.0)


def _same_group(a: frozenset[str], b: frozenset[str]) -> bool:
    return a == b and len(a) >= 2


def _overlap(a: frozenset[str], b: frozenset[str], settings: FuseSettings) -> float | None:
    if not a or not b:
        return None
    shared = len(a & b)
    jaccard = shared / len(a | b)
    if shared >= 2 or (shared and (a <= b or b <= a)) or jaccard >= settings.min_jaccard:
        return jaccard
    return None


def _dates_compatible(report: Report, members: Sequence[Report], s: FuseSettings) -> DateFit:
    """How the dates fit: "explicit" dates agree, "window" a date fits the other side's
    publication dates, "unknown" nothing to compare; None: incompatible."""
    chosen, _ = choose_when([m.when for m in members])
    mine, theirs = day_range(report.when), day_range(chosen)
    if mine and theirs:
        near = mine.widened(s.day_tolerance, s.day_tolerance).overlaps(theirs)
        return "explicit" if near else None
    if mine or theirs:
        event = mine or theirs
        assert event is not None
        pubs = [report.published] if theirs else [m.published for m in members]
        return _published_fits(event, pubs, s)
    days = [m.published for m in members if m.published is not None]
    if report.published is None or not days:
        return "unknown"
    gap = s.published_before + s.published_after
    return "window" if any(abs((d - report.published).days) <= gap for d in days) else None


def _published_fits(event: DayRange, published: Iterable[date | None], s: FuseSettings) -> DateFit:
    days = [DayRange(d, d) for d in published if d is not None]
    if not days:
        return "unknown"
    window = event.widened(s.published_before, s.published_after)
    return "window" if any(window.overlaps(d) for d in days) else None


def _places_compatible(report: Report, members: Sequence[Report], lenient: bool) -> bool:
    if lenient or report.where is None or not report.where.country:
        return True
    chosen, _ = choose_where([m.where for m in members])
    if chosen is None or not chosen.country:
        return True
    countries = {m.where.country for m in members if m.where and m.where.country}
    return report.where.country in countries or report.where.country == chosen.country


def fuse_reports(reports: Iterable[Report], settings: FuseSettings | None = None) -> dict[str, str]:
    """Fuse a whole batch at once: event id -> fused event id."""
    index = FusionIndex(settings)
    return {r.event_id: index.assign(r) for r in reports}
