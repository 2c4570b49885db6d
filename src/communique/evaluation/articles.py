"""The ``articles`` and ``articles-test`` suites: whole real articles annotated by hand.

Labels live in ``evaluation/data/articles/{dev,test}/*.json`` (the diplomatic-dev format without
the text: ``source`` names the shared corpus item and ``sha256`` pins its text, which is read from
the gold data at run time, so no article text is stored here). They were written from the text
alone, before the system was run on those articles; ``test`` is the locked part, scored once when
a piece of work is finished, never used to find errors.

Scores, as the project is judged on sealed articles:

* meetings: recall and precision (``meetings.meeting_matches``), and the same with status
  (postponed counts as cancelled);
* other events: an annotated {type, actor, recipient} is found when some reported event has that
  type, the actor's code among its actors' codes and, where annotated, the recipient's among its
  recipients'; precision is the share of reported non-meeting, non-statement events that match
  an annotated one in the same article (a lower bound: annotators list what analysts count);
* actorless: the share of reported events other than STATEMENT with no coded actor.
"""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import EvaluationError
from ..model import Event, Record
from .base import SuiteResult
from .meetings import (
    AnnotatedMeeting,
    MeetingCounts,
    cooccurrence_meetings,
    count_meetings,
    is_meeting,
    meeting_matches,
    meeting_precision,
    meeting_recall,
    pipeline_records,
    read_meeting,
    reported_meetings,
)
from .meetings import Article as MeetingArticle


@dataclass(frozen=True, slots=True)
class GoldEvent:
    type: str
    actor: str | None
    recipient: str | None


@dataclass(frozen=True, slots=True)
class LabelledArticle:
    id: str
    text: str
    published: date | None
    meetings: tuple[tuple[AnnotatedMeeting, str], ...]  # with the annotated status
    events: tuple[GoldEvent, ...]


@dataclass
class Tally:
    found: int = 0
    found_status: int = 0
    expected: int = 0
    correct: int = 0
    correct_status: int = 0
    reported: int = 0
    ev_found: int = 0
    ev_expected: int = 0
    ev_correct: int = 0
    ev_reported: int = 0
    emitted: int = 0
    actorless: int = 0


# --- labels and texts -----------------------------------------------------------------------


def label_files(split: str) -> list[Path]:
    folder = resources.files("communique.evaluation").joinpath("data", "articles", split)
    return sorted(Path(str(folder)).glob("*.json"))


def load_labelled(data_dir: Path, split: str) -> list[LabelledArticle]:
    files = label_files(split)
    if not files:
        raise EvaluationError(f"no annotated articles for split {split!r}")
    return [_read(data_dir, path) for path in files]


def _read(data_dir: Path, path: Path) -> LabelledArticle:
    try:
        row: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        text = source_text(data_dir, row["source"])
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != row["sha256"]:
            raise EvaluationError(f"{path.name}: the corpus text differs from the annotated one")
        published = date.fromisoformat(row["published"]) if row.get("published") else None
        meetings = tuple(
            (read_meeting(m), str(m.get("status") or "occurred")) for m in row.get("meetings") or []
        )
        events = tuple(
            GoldEvent(str(e["type"]), e.get("actor") or None, e.get("recipient") or None)
            for e in row.get("other_events") or []
            if e.get("type")
        )
    except (json.JSONDecodeError, KeyError, TypeError, ValueError) as err:
        raise EvaluationError(f"{path.name}: malformed annotated article ({err})") from err
    return LabelledArticle(str(row.get("id") or path.stem), text, published, meetings, events)


def source_text(data_dir: Path, source: dict[str, str]) -> str:
    """The article text of a shared-corpus item, as the annotators read it."""
    file, item = source["file"], str(source["item"])
    if file == "ground-truth.json":
        bodies = _json_bodies(str(data_dir / "article-extraction-benchmark" / file))
        return bodies[item]
    if source.get("dataset") == "tempeval3":  # a TimeML input file: its TEXT element
        return _timeml_text(str(data_dir / "tempeval3" / file))
    path = data_dir / "geoparsing" / file
    return _xml_texts(str(path))[item]


@lru_cache(maxsize=4)
def _json_bodies(path: str) -> dict[str, str]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {k: str(v.get("articleBody") or "") for k, v in data.items()}


def _timeml_text(path: str) -> str:
    if not Path(path).is_file():
        raise EvaluationError(f"corpus not found: {path}")
    return ET.parse(path).getroot().findtext("TEXT") or ""


@lru_cache(maxsize=4)
def _xml_texts(path: str) -> dict[str, str]:
    if not Path(path).is_file():
        raise EvaluationError(f"corpus not found: {path}")
    out: dict[str, str] = {}
    for a in ET.parse(path).getroot().iter("article"):
        key = a.get("file") or a.get("docid") or ""
        out[key] = a.findtext("text") or ""
    return out


# --- scoring --------------------------------------------------------------------------------


def _codes(record: Record, ids: Sequence[str]) -> set[str]:
    ents = {e.id: e for e in record.entities}
    return {str(c).upper() for i in ids if i in ents for c in (ents[i].code, ents[i].country) if c}


def _status_ok(expected: str, ev: Event) -> bool:
    fold = {"postponed": "cancelled"}
    return fold.get(ev.status, ev.status) == fold.get(expected, expected)


def _matches_event(g: GoldEvent, ev: Event, record: Record) -> bool:
    if ev.type != g.type:
        return False
    if g.actor and g.actor.upper() not in _codes(record, ev.actors):
        return False
    return not (g.recipient and g.recipient.upper() not in _codes(record, ev.recipients))


def score_article(t: Tally, art: LabelledArticle, record: Record | None) -> None:
    events = list(record.events) if record else []
    reported = reported_meetings(record) if record else []
    pairs = list(zip(reported, [e for e in events if is_meeting(e)], strict=True))
    for gold, status in art.meetings:
        hits = [e for r, e in pairs if meeting_matches(gold, r)]
        t.found += bool(hits)
        t.found_status += any(_status_ok(status, e) for e in hits)
    t.expected += len(art.meetings)
    for r, e in pairs:
        golds = [s for g, s in art.meetings if meeting_matches(g, r)]
        t.correct += bool(golds)
        t.correct_status += any(_status_ok(s, e) for s in golds)
    t.reported += len(pairs)
    if record is None:
        t.ev_expected += len(art.events)
        return
    t.ev_found += sum(any(_matches_event(g, e, record) for e in events) for g in art.events)
    t.ev_expected += len(art.events)
    others = [e for e in events if e.type != "STATEMENT" and not is_meeting(e)]
    t.ev_correct += sum(any(_matches_event(g, e, record) for g in art.events) for e in others)
    t.ev_reported += len(others)
    coded = [e for e in events if e.type != "STATEMENT"]
    t.emitted += len(coded)
    t.actorless += sum(not _codes(record, e.actors) for e in coded)


def _q(a: int, b: int) -> float:
    return a / b if b else 0.0


def metrics(t: Tally) -> dict[str, float]:
    return {
        "meeting_recall": _q(t.found, t.expected),
        "meeting_precision": _q(t.correct, t.reported),
        "meeting_status_recall": _q(t.found_status, t.expected),
        "meeting_status_precision": _q(t.correct_status, t.reported),
        "event_recall": _q(t.ev_found, t.ev_expected),
        "event_precision": _q(t.ev_correct, t.ev_reported),
        "actorless_share": _q(t.actorless, t.emitted),
    }


def score_split(data_dir: Path, split: str, limit: int | None = None) -> SuiteResult:
    arts = load_labelled(data_dir, split)[:limit]
    as_meeting_articles = [MeetingArticle(a.id, a.text, a.published, ()) for a in arts]
    records = pipeline_records(as_meeting_articles)
    t = Tally()
    base = MeetingCounts()
    for art, record in zip(arts, records, strict=True):
        score_article(t, art, record)
        cooc = cooccurrence_meetings(record) if record else []
        base += count_meetings([g for g, _ in art.meetings], cooc)
    return SuiteResult(
        suite="articles" if split == "dev" else f"articles-{split}",
        items=len(arts),
        metrics=metrics(t),
        baselines={
            "sentence co-occurrence": {
                "meeting_recall": meeting_recall(base),
                "meeting_precision": meeting_precision(base),
            }
        },
        notes=(
            f"split {split}: meetings found {t.found}/{t.expected}, "
            f"correct {t.correct}/{t.reported}"
            f" (with status {t.found_status}, {t.correct_status}); other events found "
            f"{t.ev_found}/{t.ev_expected}, reported {t.ev_reported} of which {t.ev_correct} match;"
            f" actorless {t.actorless}/{t.emitted}; skipped {sum(r is None for r in records)}",
        ),
    )


@dataclass(frozen=True, slots=True)
class SplitSuite:
    """A suite scoring one annotated split (the locked ``articles-*`` suites)."""

    split: str

    def run(self, data_dir: Path, limit: int | None = None) -> SuiteResult:
        return score_split(data_dir, self.split, limit)

    def subset_ids(self, data_dir: Path, limit: int | None = None) -> list[str]:
        return [p.stem for p in label_files(self.split)[:limit]]


def run(data_dir: Path, limit: int | None = None) -> SuiteResult:
    """Development part: the one to read errors from."""
    return score_split(data_dir, "dev", limit)


def subset_ids(data_dir: Path, limit: int | None = None) -> list[str]:
    return [p.stem for p in label_files("dev")[:limit]]
