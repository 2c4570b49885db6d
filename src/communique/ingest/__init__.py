"""Ingest: local files, standard input and JSONL into RawArticle records (WARC, feeds and URLs
live in sibling modules)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .files import decode_item, detect_kind, parse_date, read_bytes, read_path

__all__ = ["decode_item", "detect_kind", "parse_date", "read_bytes", "read_path"]


def __getattr__(name: str) -> Any:
    """The reading functions are imported on first use: ``ingest.limits`` alone (the command
    line's defaults) does not import the character-set detection."""
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from . import files

    value = getattr(files, name)
    globals()[name] = value
    return value
