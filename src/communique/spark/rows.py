"""Rows the Spark job writes, built on the worker from one input file. No Spark import here,
so the mapping is testable without a JVM."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..corpus.work import Failure, Process, run_pipeline, safe_run
from ..fuse.flat import EVENT_FIELDS, LINK_FIELDS, record_links, record_rows
from ..ingest.files import read_path
from ..ingest.warc import is_warc, read_warc
from ..model import RawArticle, Record, Skip
from ..serialize import record_to_dict
from ..settings import IngestSettings

TABLES = ("articles", "events", "rejections", "links")

# (name, kind): kind is str, int, float or bool. ``events`` and ``links`` hold the flat event
# and link schema of the exports (``communique.fuse.flat``), one row per coded event, with
# the batch, input order, article and producer in front.
_ROW_FIELDS = (("batch", "str"), ("seq", "int"))
ARTICLE_SCHEMA: tuple[tuple[str, str], ...] = (
    *_ROW_FIELDS,
    ("id", "str"),
    ("origin", "str"),
    ("url", "str"),
    ("title", "str"),
    ("published", "str"),
    ("record_json", "str"),
)
EVENT_SCHEMA: tuple[tuple[str, str], ...] = (
    *_ROW_FIELDS,
    ("article_id", "str"),
    ("producer", "str"),
    *EVENT_FIELDS,
)
REJECTION_SCHEMA: tuple[tuple[str, str], ...] = (
    *_ROW_FIELDS,
    ("origin", "str"),
    ("stage", "str"),
    ("reason", "str"),
    ("detail", "str"),
)
LINK_SCHEMA: tuple[tuple[str, str], ...] = (*_ROW_FIELDS, *LINK_FIELDS)
SCHEMAS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": ARTICLE_SCHEMA,
    "events": EVENT_SCHEMA,
    "rejections": REJECTION_SCHEMA,
    "links": LINK_SCHEMA,
}
ARTICLE_FIELDS = tuple(n for n, _ in ARTICLE_SCHEMA)
EVENT_COLUMNS = tuple(n for n, _ in EVENT_SCHEMA)
REJECTION_FIELDS = tuple(n for n, _ in REJECTION_SCHEMA)

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
    head = {"batch": batch, "seq": seq}
    for row in record_rows(outcome):
        yield "events", {**head, "article_id": a.id, "producer": outcome.producer, **row}
    for link in record_links(outcome):
        yield "links", {**head, **link}


def _rejection(batch: str, seq: int, origin: str, stage: str, reason: str, detail: str) -> Row:
    return "rejections", {
        "batch": batch,
        "seq": seq,
        "origin": origin,
        "stage": stage,
        "reason": reason,
        "detail": detail[:500],
    }
