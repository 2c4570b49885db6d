"""The ``meetings`` suite: meetings found in whole diplomatic articles, against annotations.

Gold: ``diplomatic-dev/items/*.json`` (one article each, with its annotated in-person meetings).
Every event with a ``meeting`` block, or of type CONSULT other than a call, counts as a reported
meeting. A reported
meeting matches an annotated one when

* it names all the annotated participants, or all but one (at least one), as the ``code`` or
  ``country`` of the entities among its actors, recipients and delegation parties;
* its start date begins with the annotated date, where the annotation has a date;
* its place has the annotated venue country, or names the annotated city, where the annotation
  has a place.

Recall is the share of annotated meetings matched by some reported meeting; precision the share
of reported meetings that match some annotated one.
Baseline on the same articles: sentence co-occurrence (``cooccurrence_meetings``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import EvaluationError
from .base import SuiteResult

if TYPE_CHECKING:
    from ..model import Event, Record

ITEMS_DIR = Path("diplomatic-dev") / "items"

#: Words that make a sentence report a meeting, for the co-occurrence BASELINE only.
_MEETING_WORDS = re.compile(
    r"\b(?:met|meet|meets|meeting|meetings|talks|visit|visits|visited|summit|hosted|received)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


@dataclass(frozen=True, slots=True)
class AnnotatedMeeting:
    participants: frozenset[str]
    city: str | None
    country: str | None
    date: str | None


@dataclass(frozen=True, slots=True)
class ReportedMeeting:
    """A meeting as a system reported it, reduced to what the matching rule reads."""

    participants: frozenset[str]
    start: str | None = None
    place: str = ""  # place name, venue and country, lower-cased, space-joined
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    published: date | None
    meetings: tuple[AnnotatedMeeting, ...]


@dataclass(frozen=True, slots=True)
class MeetingCounts:
    found: int = 0  # annotated meetings matched
    expected: int = 0  # annotated meetings
    correct: int = 0  # reported meetings that match
    reported: int = 0  # reported meetings

    def __add__(self, other: MeetingCounts) -> MeetingCounts:
        return MeetingCounts(
            self.found + other.found,
            self.expected + other.expected,
            self.correct + other.correct,
            self.reported + other.reported,
        )


def meeting_recall(counts: MeetingCounts) -> float:
    return counts.found / counts.expected if counts.expected else 0.0


def meeting_precision(counts: MeetingCounts) -> float:
    return counts.correct / counts.reported if counts.reported else 0.0


def meeting_f1(counts: MeetingCounts) -> float:
    p, r = meeting_precision(counts), meeting_recall(counts)
    return 2 * p * r / (p + r) if p + r else 0.0


def meeting_matches(expected: AnnotatedMeeting, reported: ReportedMeeting) -> bool:
    need = expected.participants
    if len(need & reported.participants) < max(1, len(need) - 1):
        return False
    if expected.date and not (reported.start or "").startswith(expected.date):
        return False
    if expected.city or expected.country:
        same_country = expected.country is not None and reported.country == expected.country
        names_city = expected.city is not None and expected.city.lower() in reported.place
        return same_country or names_city
    return True


def count_meetings(
    expected: Sequence[AnnotatedMeeting], reported: Sequence[ReportedMeeting]
) -> MeetingCounts:
    return MeetingCounts(
        found=sum(any(meeting_matches(x, m) for m in reported) for x in expected),
        expected=len(expected),
        correct=sum(any(meeting_matches(x, m) for x in expected) for m in reported),
        reported=len(reported),
    )


# --- gold -----------------------------------------------------------------------------------


def load_articles(data_dir: Path) -> list[Article]:
    folder = data_dir / ITEMS_DIR
    if not folder.is_dir():
        raise EvaluationError(f"annotated articles not found: {folder}")
    articles = [_read_article(path) for path in sorted(folder.glob("*.json"))]
    if not articles:
        raise EvaluationError(f"no annotated articles in {folder}")
    return articles


def read_meeting(m: dict[str, Any]) -> AnnotatedMeeting:
    """One annotated meeting of the diplomatic-dev format."""
    return AnnotatedMeeting(
        participants=frozenset(str(p).upper() for p in m["participants"]),
        city=m.get("city") or None,
        country=(m.get("country") or "").upper() or None,
        date=m.get("date") or None,
    )


def _read_article(path: Path) -> Article:
    try:
        row: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        published = date.fromisoformat(row["published"]) if row.get("published") else None
        meetings = tuple(read_meeting(m) for m in row.get("meetings") or [])
        return Article(str(row.get("id") or path.stem), str(row["text"]), published, meetings)
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as err:
        raise EvaluationError(f"{path.name}: malformed annotated article ({err})") from err


# --- systems --------------------------------------------------------------------------------


CALL_MODES = frozenset({"call", "phone", "telephone", "video", "videoconference", "virtual"})


def is_meeting(event: Event) -> bool:
    """A meeting block, or CONSULT other than a call (PLOVER codes calls CONSULT too)."""
    return event.meeting is not None or (
        event.type == "CONSULT" and (event.mode or "") not in CALL_MODES
    )


def reported_meetings(record: Record) -> list[ReportedMeeting]:
    """The meetings a record reports, in event order (see ``is_meeting``)."""
    codes = {e.id: {c.upper() for c in (e.code, e.country) if c} for e in record.entities}
    return [_reported(event, codes) for event in record.events if is_meeting(event)]


def _reported(event: Event, codes: dict[str, set[str]]) -> ReportedMeeting:
    ids = [*event.actors, *event.recipients]
    if event.meeting is not None:
        ids += [d.party for d in event.meeting.delegations]
    where = event.where
    place = ""
    country = None
    if where is not None:
        place = " ".join(p for p in (where.name, where.venue, where.country) if p).lower()
        country = where.country.upper() if where.country else None
    return ReportedMeeting(
        participants=frozenset().union(*(codes.get(i, set()) for i in ids)),
        start=event.when.start if event.when else None,
        place=place,
        country=country,
    )


def cooccurrence_meetings(record: Record) -> list[ReportedMeeting]:
    """The co-occurrence BASELINE: every sentence with a meeting word and two or more coded
    entities is a meeting of those entities, with no date and no place."""
    meetings: list[ReportedMeeting] = []
    for sentence in _SENTENCE.finditer(record.article.text):
        if not _MEETING_WORDS.search(sentence.group()):
            continue
        inside = {
            code.upper()
            for e in record.entities
            if any(sentence.start() <= m.start < sentence.end() for m in e.mentions)
            for code in (e.code, e.country)
            if code
        }
        if len(inside) >= 2:
            meetings.append(ReportedMeeting(participants=frozenset(inside)))
    return meetings


def pipeline_records(articles: Sequence[Article]) -> list[Record | None]:
    """The system under test: the whole pipeline on each article (None where it was skipped)."""
    from ..model import RawArticle, Skip
    from ..pipeline import load_resources, run_many

    resources = load_resources()
    raws = [
        RawArticle(content=a.text, kind="text", published=a.published, origin=a.id)
        for a in articles
    ]
    return [None if isinstance(out, Skip) else out for out in run_many(raws, resources)]


# --- the suite ------------------------------------------------------------------------------


def _metrics(counts: MeetingCounts) -> dict[str, float]:
    return {
        "meeting_recall": meeting_recall(counts),
        "meeting_precision": meeting_precision(counts),
        "meeting_f1": meeting_f1(counts),
    }


def subset_ids(data_dir: Path, limit: int | None = None) -> list[str]:
    """Ids of the articles a run with ``limit`` scores (the evaluation gate hashes them)."""
    return [a.id for a in load_articles(data_dir)[:limit]]


def run(data_dir: Path, limit: int | None = None) -> SuiteResult:
    """Score communique and the co-occurrence baseline on the same annotated articles."""
    articles = load_articles(data_dir)[:limit]
    records = pipeline_records(articles)
    ours = MeetingCounts()
    baseline = MeetingCounts()
    for article, record in zip(articles, records, strict=True):
        ours += count_meetings(article.meetings, reported_meetings(record) if record else [])
        cooc = cooccurrence_meetings(record) if record else []
        baseline += count_meetings(article.meetings, cooc)
    skipped = sum(r is None for r in records)
    return SuiteResult(
        suite="meetings",
        items=len(articles),
        metrics=_metrics(ours),
        baselines={"sentence co-occurrence": _metrics(baseline)},
        notes=(
            f"annotated meetings {ours.expected}, found {ours.found}; reported {ours.reported}, "
            f"correct {ours.correct}; articles skipped by the pipeline: {skipped}",
            f"co-occurrence baseline: found {baseline.found}, reported {baseline.reported}, "
            f"correct {baseline.correct}",
        ),
    )
