"""Corpus work: ingest many sources into a store, export the store."""

from .export import EXPORT_FORMATS, export_store
from .ingest import IngestOptions, ingest_sources
from .sources import Pending, expand_sources, iter_items
from .summary import IngestSummary
from .work import Failure, run_pipeline

__all__ = [
    "EXPORT_FORMATS",
    "Failure",
    "IngestOptions",
    "IngestSummary",
    "Pending",
    "expand_sources",
    "export_store",
    "ingest_sources",
    "iter_items",
    "run_pipeline",
]
