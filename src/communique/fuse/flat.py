"""One flat event row: the schema shared by the CSV and Parquet exports, the Spark job's
``events`` table and the pandas DataFrames of the Python API.

A row is an event with scalar columns only. Lists are joined with ``;`` (codes, names,
article ids) or `` | `` (evidence sentences); a missing value is None (an empty CSV cell, a
Parquet null, NaN in pandas). ``date`` is always a day (``YYYY-MM-DD``): the first day of the
event's date, else the earliest publication date of its sources, and ``date_source`` says
which (``event`` or ``published``). A fused event is one row; ``record_rows`` gives one row per
event coded in a single article, with the same columns.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..errors import ResourceError
from ..model import Link, Record
from .dates import day_range
from .model import FusedEvent, Party
from .reports import reports_from_record
from .summary import summarize

# (name, kind); kind is one of str, int, float, bool
EVENT_FIELDS: tuple[tuple[str, str], ...] = (
    ("id", "str"),
    ("type", "str"),
    ("mode", "str"),
    ("status", "str"),
    ("date", "str"),
    ("date_end", "str"),
    ("date_granularity", "str"),
    ("date_source", "str"),
    ("actor_country", "str"),
    ("recipient_country", "str"),
    ("participants", "str"),
    ("actor_name", "str"),
    ("recipient_name", "str"),
    ("place", "str"),
    ("venue", "str"),
    ("country", "str"),
    ("lat", "float"),
    ("lon", "float"),
    ("forum", "str"),
    ("source_count", "int"),
    ("sources", "str"),
    ("published", "str"),
    ("evidence", "str"),
)
LINK_FIELDS: tuple[tuple[str, str], ...] = (
    ("source", "str"),
    ("target", "str"),
    ("relation", "str"),
    ("article", "str"),
)
EVENT_COLUMNS = tuple(name for name, _ in EVENT_FIELDS)
LINK_COLUMNS = tuple(name for name, _ in LINK_FIELDS)


def flat_event(e: FusedEvent) -> dict[str, Any]:
    """One fused event as a flat row (``EVENT_FIELDS``)."""
    day, end, source = event_day(e)
    w, p, m = e.when, e.where, e.meeting
    return {
        "id": e.id,
        "type": e.type,
        "mode": e.mode,
        "status": e.status,
        "date": day,
        "date_end": end,
        "date_granularity": w.granularity if w else ("day" if day else None),
        "date_source": source,
        "actor_country": _join(_codes(e.actors)),
        "recipient_country": _join(_codes(e.recipients)),
        "participants": _join(e.participants),
        "actor_name": _join(p.name for p in e.actors),
        "recipient_name": _join(p.name for p in e.recipients),
        "place": p.name if p else None,
        "venue": p.venue if p else None,
        "country": p.country if p else None,
        "lat": p.lat if p else None,
        "lon": p.lon if p else None,
        "forum": m.forum if m else None,
        "source_count": e.source_count,
        "sources": _join(e.sources),
        "published": e.published.isoformat() if e.published else None,
        "evidence": " | ".join(s.text for s in e.evidence) or None,
    }


def event_day(e: FusedEvent) -> tuple[str | None, str | None, str | None]:
    """(first day, last day when it is a range, where the day comes from): the event's own
    date, else the earliest publication date of its sources ("published"), else nothing."""
    days = day_range(e.when)
    if days is not None:
        last = days.last.isoformat() if days.last != days.first else None
        return days.first.isoformat(), last, "event"
    if e.when is not None:  # a date that cannot be read as days: kept as written
        return e.when.start[:10], None, "event"
    if e.published is not None:
        return e.published.isoformat(), None, "published"
    return None, None, None


def flat_link(source: str, target: str, relation: str, article: str) -> dict[str, Any]:
    return {"source": source, "target": target, "relation": relation, "article": article}


def record_rows(record: Record) -> list[dict[str, Any]]:
    """One flat row per event coded in one article (``id`` is the coded event's id)."""
    out = []
    for report in reports_from_record(record):
        row = flat_event(summarize([report], None, report.event_id))
        out.append(row)
    return out


def record_links(record: Record) -> list[dict[str, Any]]:
    return [_link(k, record.article.id) for k in record.links]


def _link(k: Link, article: str) -> dict[str, Any]:
    return flat_link(k.source, k.target, k.relation, article)


def to_dataframe(records: Iterable[Record]) -> Any:
    """The events of records (``extract_article`` results) as a pandas DataFrame, one row
    per event, columns ``EVENT_COLUMNS``. Needs pandas (``pip install 'communique[pandas]'``)."""
    return frame([row for r in records for row in record_rows(r)], EVENT_FIELDS)


def frame(rows: Sequence[dict[str, Any]], fields: Sequence[tuple[str, str]]) -> Any:
    """Rows as a DataFrame with the schema's columns and types (nullable integers)."""
    pd = _pandas()
    names = [name for name, _ in fields]
    df = pd.DataFrame.from_records(list(rows), columns=names)
    for name, kind in fields:
        if kind == "int":
            df[name] = df[name].astype("Int64")
        elif kind == "float":
            df[name] = df[name].astype("float64")
        elif kind == "bool":
            df[name] = df[name].astype("boolean")
    return df


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as err:
        raise ResourceError(
            "pandas is not installed; install it with: pip install 'communique[pandas]'"
        ) from err
    return pandas


def _codes(parties: Sequence[Party]) -> list[str]:
    return list(dict.fromkeys(p.code for p in parties if p.code))


def _join(values: Iterable[str]) -> str | None:
    joined = ";".join(v for v in values if v)
    return joined or None
