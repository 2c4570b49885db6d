"""Ingest: local files, standard input and JSONL into RawArticle records (WARC, feeds and URLs
live in sibling modules)."""

from .files import decode_item, detect_kind, parse_date, read_bytes, read_path

__all__ = ["decode_item", "detect_kind", "parse_date", "read_bytes", "read_path"]
