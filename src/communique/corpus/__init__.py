"""Corpus work: ingest many sources into a store, export the store."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_names

if TYPE_CHECKING:
    from .export import EXPORT_FORMATS, export_store
    from .ingest import IngestOptions, ingest_sources
    from .sources import Pending, expand_sources, iter_items
    from .summary import IngestSummary
    from .work import Failure, run_pipeline

# Imported on first use: a command that needs one module (``corpus.lines`` for ``show``) does
# not import the fetching, feed and worker code.
_LAZY = {
    "EXPORT_FORMATS": "export",
    "export_store": "export",
    "IngestOptions": "ingest",
    "ingest_sources": "ingest",
    "Pending": "sources",
    "expand_sources": "sources",
    "iter_items": "sources",
    "IngestSummary": "summary",
    "Failure": "work",
    "run_pipeline": "work",
}


__getattr__, __dir__ = lazy_names(__name__, _LAZY, globals())


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
