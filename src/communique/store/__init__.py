"""The DuckDB store: schema, idempotent upsert of records, fused-event queries."""

from .read import EventQuery, StoreCounts, StoredArticle, StoreReader
from .rows import EVENT_COLUMNS, event_from_row, event_to_row
from .schema import SCHEMA_VERSION
from .store import Store, WriteResult, open_store

__all__ = [
    "EVENT_COLUMNS",
    "SCHEMA_VERSION",
    "EventQuery",
    "Store",
    "StoreCounts",
    "StoreReader",
    "StoredArticle",
    "WriteResult",
    "event_from_row",
    "event_to_row",
    "open_store",
]
