"""Fusion quality on a gold corpus: which fused event each gold mention ended up in.

A gold corpus is a JSONL of articles (``{"text", "url", "published", "gold": [group ids]}``,
the first group being the article's main event, the others events it also mentions) and a
JSON object describing each group (``types``, ``participants``, ``place``, ``country``,
``date``). After the corpus is ingested into a store, each article's coded reports are
*aligned* with the groups the article mentions:

* a report may stand for a group when its type is one of the group's types, its participant
  codes share two with the group's ``participants``, or share one and all lie among the group's
  ``participants`` and ``others`` (hosts, mediators, members of a forum), and its date (when it
  has one that can be read as days) lies within two days of the group's date;
* each report goes to the group it fits best (participant Jaccard, then an exact date), ties
  to the group listed first; reports fitting no group (background events) are not scored.

Every aligned report is one B-cubed item labelled with its group, as in
``tests/test_fuse_pipeline.py`` where every meeting report of an article counts. An article
stored as a copy of an earlier one has no reports of its own; each of its groups is one item
whose prediction is the fused event of the canonical article's first report of that group (a
copy correctly linked is a correctly fused source). A mention with no aligned report is an
extraction miss: it is listed, left out of ``score`` and counted as a singleton in ``strict``.

Each group is then checked on the fused event holding most of its items: the group's
participant codes all among the fused participants, the chosen place name (or country when the
group gives no place name), and the chosen date's day.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from .bcubed import BCubed, bcubed
from .dates import day_range, value_range
from .model import FusedEvent, Report

DATE_SLACK = 2  # days between a report's date and its group's date for the report to align


@dataclass(frozen=True, slots=True)
class GoldGroup:
    id: str
    what: str
    types: tuple[str, ...]
    participants: tuple[str, ...]
    place: str | None
    country: str | None
    date: str
    others: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldArticle:
    url: str
    groups: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Item:
    """One scored report (or copy mention): where it came from, its group, its fused event."""

    url: str
    group: str
    event_id: str | None  # None for a copy's mention
    fused: str


@dataclass(frozen=True, slots=True)
class GroupCheck:
    group: str
    fused: str | None
    participants: tuple[str, ...]
    place: str | None
    country: str | None
    date: str | None
    participants_ok: bool
    place_ok: bool
    date_ok: bool

    @property
    def ok(self) -> bool:
        return self.participants_ok and self.place_ok and self.date_ok


@dataclass(frozen=True, slots=True)
class FusionQuality:
    score: BCubed  # over aligned reports
    strict: BCubed  # missed mentions counted as singletons
    items: tuple[Item, ...]
    missed: tuple[tuple[str, str], ...]  # (url, group) with no aligned report
    checks: tuple[GroupCheck, ...]


class ReportSource(Protocol):
    """What scoring reads from a store (``communique.store.StoreReader`` provides it)."""

    def stored_reports(self, fused_ids: list[str] | None = None) -> list[tuple[str, Report]]: ...

    def fused_event(self, fused_id: str) -> FusedEvent | None: ...


def load_gold(corpus: Path, groups: Path) -> tuple[list[GoldArticle], dict[str, GoldGroup]]:
    articles = []
    for line in corpus.read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            articles.append(GoldArticle(obj["url"], tuple(obj["gold"])))
    raw: dict[str, Any] = json.loads(groups.read_text(encoding="utf-8"))
    out = {
        gid: GoldGroup(
            gid,
            g.get("what", ""),
            tuple(g["types"]),
            tuple(g["participants"]),
            g.get("place"),
            g.get("country"),
            g["date"],
            tuple(g.get("others", ())),
        )
        for gid, g in raw.items()
    }
    return articles, out


def fit(report: Report, group: GoldGroup) -> tuple[float, int] | None:
    """How well a report stands for a group, or None when it cannot."""
    if report.type not in group.types:
        return None
    mine, theirs = set(report.participants), set(group.participants)
    shared = len(mine & theirs)
    if not shared or (shared < 2 and not mine <= theirs | set(group.others)):
        return None
    days, target = day_range(report.when), value_range(group.date)
    exact = 0
    if days is not None and target is not None:
        if not days.widened(DATE_SLACK, DATE_SLACK).overlaps(target):
            return None
        exact = int(days == target)
    return shared / len(mine | theirs), exact


def align(reports: Sequence[Report], groups: Sequence[GoldGroup]) -> dict[str, list[Report]]:
    """Group id -> the reports of one article aligned with it (see the module docstring)."""
    out: dict[str, list[Report]] = {g.id: [] for g in groups}
    for r in reports:
        best: tuple[tuple[float, int, int], str] | None = None
        for n, g in enumerate(groups):
            f = fit(r, g)
            if f is not None and (best is None or (*f, -n) > best[0]):
                best = ((*f, -n), g.id)
        if best is not None:
            out[best[1]].append(r)
    return out


def score_corpus(
    store: ReportSource,
    articles: Sequence[GoldArticle],
    groups: Mapping[str, GoldGroup],
    article_ids: Mapping[str, tuple[str, str | None]],
) -> FusionQuality:
    """Score a store into which ``articles`` were ingested. ``article_ids`` maps an article's
    url to (its stored id, the canonical id it is a copy of, or None)."""
    by_article: dict[str, list[tuple[str, Report]]] = {}
    for fused, report in store.stored_reports():
        by_article.setdefault(report.article_id, []).append((fused, report))
    items: list[Item] = []
    missed: list[tuple[str, str]] = []
    for art in articles:
        stored = article_ids.get(art.url)
        if stored is None:
            missed.extend((art.url, g) for g in art.groups)
            continue
        own, canonical = stored
        rows = by_article.get(canonical or own, [])
        fused_of = {r.event_id: f for f, r in rows}
        aligned = align([r for _, r in rows], [groups[g] for g in art.groups])
        for g in art.groups:
            found = aligned[g]
            if not found:
                missed.append((art.url, g))
            elif canonical is not None:
                items.append(Item(art.url, g, None, fused_of[found[0].event_id]))
            else:
                items.extend(Item(art.url, g, r.event_id, fused_of[r.event_id]) for r in found)
    predicted: dict[Hashable, Hashable] = {n: it.fused for n, it in enumerate(items)}
    gold: dict[Hashable, Hashable] = {n: it.group for n, it in enumerate(items)}
    score = bcubed(predicted, gold)
    for k, (url, g) in enumerate(missed):
        key = len(items) + k
        predicted[key] = f"missed:{url}:{g}"
        gold[key] = g
    strict = bcubed(predicted, gold)
    checks = tuple(_check(store, groups[g], items) for g in sorted(groups))
    return FusionQuality(score, strict, tuple(items), tuple(missed), checks)


def _check(store: ReportSource, group: GoldGroup, items: Sequence[Item]) -> GroupCheck:
    counts = Counter(it.fused for it in items if it.group == group.id)
    if not counts:
        return GroupCheck(group.id, None, (), None, None, None, False, False, False)
    fused_id = counts.most_common(1)[0][0]
    event = store.fused_event(fused_id)
    assert event is not None
    where, when = event.where, event.when
    place = where.name if where else None
    country = where.country if where else None
    day = when.start[:10] if when else None
    if group.place:
        place_ok = _plain(place or "") == _plain(group.place)
    else:
        place_ok = group.country is None or country == group.country
    return GroupCheck(
        group.id,
        fused_id,
        event.participants,
        place,
        country,
        day,
        set(group.participants) <= set(event.participants),
        place_ok,
        day == group.date,
    )


def _plain(name: str) -> str:
    """A place name without case or diacritics ("İstanbul" -> "istanbul")."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
