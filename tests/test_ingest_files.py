"""Reading local inputs: kinds, encodings, JSONL lines and typed skips."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

from communique.ingest import detect_kind, read_bytes, read_path
from communique.model import RawArticle, Skip, SkipReason
from communique.settings import IngestSettings

S = IngestSettings()


def test_ingest_files_detects_html_and_text() -> None:
    assert detect_kind("<!DOCTYPE html><html><body><p>Hi</p></body></html>") == "html"
    assert detect_kind("Leaders met in Rome on Monday.") == "text"


def test_ingest_files_jsonl_items_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl.gz"
    lines = [
        json.dumps(
            {"text": "Talks were held.", "url": "https://example.org/a", "published": "2021-05-04"}
        ),
        "{not json",
        json.dumps({"html": "<html><body><p>Body</p></body></html>"}),
        json.dumps({"text": ""}),
        json.dumps({"text": "x", "published": "yesterday"}),
    ]
    path.write_bytes(gzip.compress("\n".join(lines).encode()))
    items = list(read_path(path, S))
    assert isinstance(items[0], RawArticle) and items[0].published == date(2021, 5, 4)
    assert items[0].url == "https://example.org/a" and items[0].origin.endswith(":1")
    assert isinstance(items[1], Skip) and items[1].reason is SkipReason.BAD_JSON
    assert isinstance(items[2], RawArticle) and items[2].kind == "html"
    assert isinstance(items[3], Skip) and items[3].reason is SkipReason.EMPTY
    assert isinstance(items[4], Skip) and "not a date" in items[4].detail


def test_ingest_files_encodings_and_skips() -> None:
    text = "Der Außenminister traf Kollegen in Genf."
    for enc in ("utf-8", "utf-8-sig", "latin-1", "utf-16"):
        (item,) = read_bytes(text.encode(enc), S, jsonl=False)
        assert isinstance(item, RawArticle) and "Außenminister" in item.content, enc
    (empty,) = read_bytes(b"   \n", S)
    assert isinstance(empty, Skip) and empty.reason is SkipReason.EMPTY
    (blob,) = read_bytes(bytes(range(256)) * 10, S)
    assert isinstance(blob, Skip) and blob.reason is SkipReason.BINARY
    (big,) = read_bytes(b"a" * 2000, IngestSettings(max_bytes=1000))
    assert isinstance(big, Skip) and big.reason is SkipReason.TOO_LARGE


def test_ingest_files_published_argument_wins(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Ministers met in Oslo.", encoding="utf-8")
    (item,) = read_path(path, S, published=date(2020, 1, 2))
    assert isinstance(item, RawArticle) and item.published == date(2020, 1, 2)
