"""Which reports describe the same event.

A report joins an existing fused event when it is *compatible* with it:

1. same type family;
2. participants overlap: at least two shared codes (reports without codes compare entity
   names); a single shared code is enough only when both sides give compatible explicit dates,
   or when the fused event already holds a report from the same article;
3. dates compatible: the two dates' day ranges overlap within ``day_tolerance`` days; a report
   without a date is placed by its article's publication date (``published_before`` days before
   to ``published_after`` days after the event); with no date on either side only the very same
   participants (two or more) fuse;
4. places not contradictory: the same place name, or the same country; a different country
   blocks fusion unless participants match closely and both reports give compatible explicit
   dates (then the place becomes a variant);
5. not the other way round: a report whose actors are the fused event's recipients and whose
   recipients are its actors (with no actor in common) is another event ("Zambia rejected
   Angola's proposal" is not "Angola rejected Zambia's").

Among compatible events the best overlap wins; ties go to the oldest fused event. The index is
incremental: ``assign_article`` places a new article's reports (the best dated and most
complete first) without revisiting older ones.
"""

from __future__ import annotations

import csv
import functools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import Literal

from .dates import DayRange, day_range
from .model import Report
from .summary import choose_when, choose_where, fused_id

DateFit = Literal["explicit", "window", "unknown"] | None

# Types whose reports fuse with each other. Anything not listed is its own family.
TYPE_FAMILY: dict[str, str] = {"CONSULT": "CONSULT"}


@dataclass(frozen=True, slots=True)
class FuseSettings:
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

    def assign_article(self, reports: Sequence[Report]) -> tuple[str, ...]:
        """Add the reports of one article, strongest first; return fused ids in input order."""
        order = sorted(range(len(reports)), key=lambda i: _strength(reports[i]))
        fused: dict[int, str] = {i: self.assign(reports[i]) for i in order}
        return tuple(fused[i] for i in range(len(reports)))

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
        for age, cid in enumerate(candidates):
            score = match_score(report, self.clusters[cid], self.settings)
            if score is None:
                continue
            rank = (score, -age)
            if best is None or rank > best:
                best, chosen = rank, cid
        return chosen


def _strength(report: Report) -> tuple[int, int]:
    """Sort key: dated reports with more participants are placed first."""
    return (0 if report.when is not None else 1, -len(report_keys(report)))


def match_score(report: Report, cluster: Cluster, settings: FuseSettings) -> float | None:
    """How well a report fits a fused event, or None when they are not compatible."""
    if family(report.type) != cluster.family or _reversed(report, cluster.reports):
        return None
    mine, theirs = report_keys(report), cluster.keys()
    overlap = _overlap(mine, theirs)
    if overlap is None:
        return None
    fit = _dates_compatible(report, cluster.reports, settings)
    if fit is None:
        return None
    if len(mine & theirs) < 2 and _rival_parties(mine, theirs):
        return None
    if _summit_and_side_meeting(report, cluster.reports):
        return None
    sibling = any(m.article_id == report.article_id for m in cluster.reports)
    if not sibling and not _enough_overlap(mine, theirs, fit):
        return None
    close = overlap >= settings.close_jaccard and fit == "explicit"
    if not _places_compatible(report, cluster.reports, close):
        return None
    return overlap + (0.5 if fit == "explicit" else 0.0) + (1.0 if sibling else 0.0)


def _reversed(report: Report, members: Sequence[Report]) -> bool:
    """The report points the other way: its actors are the members' recipients and its
    recipients their actors, with no actor in common."""
    actors = {p.key for p in report.actors}
    recipients = {p.key for p in report.recipients}
    if not actors or not recipients:
        return False
    their_actors = {p.key for m in members for p in m.actors}
    their_recipients = {p.key for m in members for p in m.recipients}
    return (
        bool(actors & their_recipients)
        and bool(recipients & their_actors)
        and not actors & their_actors
    )


def _summit_and_side_meeting(report: Report, members: Sequence[Report]) -> bool:
    """An organisation's summit and a meeting of states that names no organisation ("Xi met
    Putin in Astana a day before the summit"): two events, however many parties they share."""
    states = state_codes()
    mine = report.mode == "summit"
    if mine == any(m.mode == "summit" for m in members):
        return False
    side = [report] if not mine else [m for m in members if m.mode != "summit"]
    return all(set(r.participants) <= states for r in side)


def _enough_overlap(a: frozenset[str], b: frozenset[str], fit: DateFit) -> bool:
    if fit == "unknown":  # with no date at all, only the very same participants may fuse
        return a == b and len(a) >= 2
    shared = len(a & b)
    return shared >= 2 or (shared == 1 and fit == "explicit")


def _rival_parties(a: frozenset[str], b: frozenset[str]) -> bool:
    """Each side names a state the other lacks: with one code in common, two different
    meetings of that party (Qatar receives Iran; Turkey and Egypt meet in Qatar)."""
    states = state_codes()
    return any(c in states for c in a - b) and any(c in states for c in b - a)


@functools.cache
def state_codes() -> frozenset[str]:
    """The ISO3 codes of states (from the actor data), as opposed to IGOs and other bodies."""
    text = resources.files("communique.actors.data").joinpath("states.csv").read_text("utf-8")
    return frozenset(row["code"] for row in csv.DictReader(text.splitlines()))


def _overlap(a: frozenset[str], b: frozenset[str]) -> float | None:
    """The Jaccard index of two participant sets, or None when they share nothing."""
    shared = len(a & b)
    return shared / len(a | b) if shared else None


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
    where = report.where
    if lenient or where is None or not where.country:
        return True
    names = {m.where.name.lower() for m in members if m.where and m.where.name}
    if where.name and where.name.lower() in names:
        return True
    chosen, _ = choose_where([m.where for m in members])
    if chosen is None or not chosen.country:
        return True
    countries = {m.where.country for m in members if m.where and m.where.country}
    return where.country in countries


def fuse_reports(reports: Iterable[Report], settings: FuseSettings | None = None) -> dict[str, str]:
    """Fuse a whole batch at once: event id -> fused event id."""
    index = FusionIndex(settings)
    by_article: dict[str, list[Report]] = defaultdict(list)
    for r in reports:
        by_article[r.article_id].append(r)
    out: dict[str, str] = {}
    for group in by_article.values():
        out.update(zip((r.event_id for r in group), index.assign_article(group), strict=True))
    return out
