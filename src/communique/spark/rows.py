"""Rows the Spark job writes, built on the worker from one input file. No Spark import here,
so the mapping is testable without a JVM."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..corpus.work import Failure, Process, run_pipeline, safe_run
from ..fuse.reports import reports_from_record
from ..ingest.files import read_path
from ..ingest.warc import is_warc, read_warc
from ..model import RawArticle, Record, Skip
from ..serialize import record_to_dict
from ..settings import IngestSettings

TABLES = ("articles", "events", "rejections")

ARTICLE_FIELDS = ("batch", "seq", "id", "origin", "url", "title", "published", "record_json")
EVENT_FIELDS = (
    "batch",
    "seq",
    "id",
    "article_id",
    "type",
    "status",
    "participants",
    "when_start",
    "where_name",
    "where_country",
    "producer",
)
REJECTION_FIELDS = ("batch", "seq", "origin", "stage", "reason", "detail")

# (table, row) pairs; ``seq`` orders rows as the single-machine path would see them.
Row = tuple[str, dict[str, Any]]


def file_rows(index: int, path: str, batch: str, process: Process | None = None) -> Iterator[Row]:
    """Every row produced by one input file (a task)."""
    settings = IngestSettings()
    source = Path(path)
    try:
        items = read_warc(source, settings) if is_warc(source) else read_path(source, settings)
        for n, item in enumerate(items):
            seq = index * 1_000_000 + n
            if isinstance(item, Skip):
                yield _rejection(batch, seq, item.origin, "ingest", item.reason.value, item.detail)
            else:
                yield from outcome_rows(batch, seq, item, safe_run(process or run_pipeline, item))
    except Exception as err:  # a file that cannot be read at all is one rejection row
        yield _rejection(batch, index * 1_000_000, path, "ingest", type(err).__name__, str(err))


def outcome_rows(
    batch: str, seq: int, raw: RawArticle, outcome: Record | Skip | Failure
) -> Iterator[Row]:
    if isinstance(outcome, Skip):
        yield _rejection(batch, seq, raw.origin, "pipeline", outcome.reason.value, outcome.detail)
        return
    if isinstance(outcome, Failure):
        yield _rejection(batch, seq, raw.origin, outcome.stage, outcome.reason, outcome.detail)
        return
    a = outcome.article
    yield (
        "articles",
        {
            "batch": batch,
            "seq": seq,
            "id": a.id,
            "origin": raw.origin,
            "url": a.url,
            "title": a.title.value if a.title else None,
            "published": a.published.isoformat() if a.published else None,
            "record_json": json.dumps(record_to_dict(outcome), ensure_ascii=False),
        },
    )
    for ev, report in zip(outcome.events, reports_from_record(outcome), strict=True):
        yield (
            "events",
            {
                "batch": batch,
                "seq": seq,
                "id": ev.id,
                "article_id": a.id,
                "type": ev.type,
                "status": ev.status,
                "participants": list(report.participants),
                "when_start": ev.when.start if ev.when else None,
                "where_name": ev.where.name if ev.where else None,
                "where_country": ev.where.country if ev.where else None,
                "producer": outcome.producer,
            },
        )


def _rejection(batch: str, seq: int, origin: str, stage: str, reason: str, detail: str) -> Row:
    return "rejections", {
        "batch": batch,
        "seq": seq,
        "origin": origin,
        "stage": stage,
        "reason": reason,
        "detail": detail[:500],
    }
