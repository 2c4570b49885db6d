"""Read local inputs (plain text, HTML, JSONL) into RawArticle records.

Decoding: UTF-8 (with or without BOM) first, then charset-normalizer's best guess. Binary data,
empty input, oversized input and undecodable bytes become typed ``Skip`` records, never exceptions.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from ..errors import InputError
from ..model import InputKind, RawArticle, Skip, SkipReason
from ..settings import IngestSettings

_HTML_HINT = re.compile(
    rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:p|div|article|meta|title)[\s>]", re.I
)
_CONTROL = set(range(0, 9)) | {11} | set(range(14, 32))


def read_path(
    path: Path, settings: IngestSettings, published: date | None = None
) -> Iterator[RawArticle | Skip]:
    """Yield the articles in one file: one for text/HTML, one per line for JSONL."""
    origin = str(path)
    if not path.exists():
        raise InputError(f"{origin}: no such file")
    if path.is_dir():
        raise InputError(f"{origin}: is a directory (give files, or use `communique ingest`)")
    size = path.stat().st_size
    if size > settings.max_bytes and not _is_jsonl(path):
        yield Skip(
            SkipReason.TOO_LARGE,
            f"{size:,} bytes exceeds the {settings.max_bytes:,}-byte limit",
            origin,
        )
        return
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{origin}: cannot read ({err.strerror})") from err
    if path.suffix == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as err:
            yield Skip(SkipReason.BAD_ENCODING, f"broken gzip data ({err})", origin)
            return
    yield from read_bytes(data, settings, origin=origin, published=published, jsonl=_is_jsonl(path))


def read_bytes(
    data: bytes,
    settings: IngestSettings,
    *,
    origin: str = "<stdin>",
    published: date | None = None,
    jsonl: bool | None = None,
) -> Iterator[RawArticle | Skip]:
    """Yield the articles in a byte string (a file's content or standard input)."""
    if jsonl is None:
        jsonl = _looks_like_jsonl(data)
    if jsonl:
        yield from _read_jsonl(data, settings, origin, published)
        return
    item = decode_item(data, settings, origin)
    if isinstance(item, Skip):
        yield item
        return
    yield RawArticle(content=item, kind=detect_kind(item), published=published, origin=origin)


def decode_item(data: bytes, settings: IngestSettings, origin: str) -> str | Skip:
    """Bytes -> text, or the reason they are not an article."""
    if len(data) > settings.max_bytes:
        return Skip(
            SkipReason.TOO_LARGE,
            f"{len(data):,} bytes exceeds the {settings.max_bytes:,}-byte limit",
            origin,
        )
    if not data.strip():
        return Skip(SkipReason.EMPTY, "the input is empty", origin)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a byte-order mark
        try:
            return data.decode("utf-16").replace("\r\n", "\n").replace("\r", "\n")
        except UnicodeDecodeError:
            return Skip(SkipReason.BAD_ENCODING, "the bytes are not valid UTF-16", origin)
    if _is_binary(data):
        return Skip(SkipReason.BINARY, "the input is binary data, not text or HTML", origin)
    text = _decode(data)
    if text is None:
        return Skip(
            SkipReason.BAD_ENCODING,
            "the bytes could not be decoded as text in any known encoding",
            origin,
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def detect_kind(text: str) -> InputKind:
    head = text[:4096].encode("utf-8", "ignore")
    return "html" if _HTML_HINT.search(head) else "text"


def _decode(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        return None
    # A guess that needs many replacement characters is no decoding at all.
    text = data.decode(best.encoding, errors="replace")
    if text.count("\ufffd") > max(3, len(text) // 200):
        return None
    return text


def _is_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample and not (sample.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return True
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls > len(sample) * 0.05


def _is_jsonl(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"))


def _looks_like_jsonl(data: bytes) -> bool:
    first = data.lstrip()[:1]
    if first != b"{":
        return False
    line = data.lstrip().split(b"\n", 1)[0]
    try:
        obj = json.loads(line)
    except ValueError:
        return False
    return isinstance(obj, dict) and ("text" in obj or "html" in obj)


def _read_jsonl(
    data: bytes, settings: IngestSettings, origin: str, published: date | None
) -> Iterator[RawArticle | Skip]:
    for n, line in enumerate(data.split(b"\n"), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{n}"
        try:
            obj = json.loads(line)
        except ValueError as err:
            yield Skip(SkipReason.BAD_JSON, f"line is not valid JSON ({err})", where)
            continue
        yield _from_json(obj, settings, where, published)


def _from_json(
    obj: Any, settings: IngestSettings, where: str, published: date | None
) -> RawArticle | Skip:
    if not isinstance(obj, dict):
        return Skip(SkipReason.BAD_JSON, "line is not a JSON object", where)
    kind: InputKind = "html" if obj.get("html") else "text"
    body = obj.get(kind)
    if not isinstance(body, str) or not body.strip():
        return Skip(SkipReason.EMPTY, 'the object has no non-empty "text" or "html"', where)
    if len(body.encode("utf-8")) > settings.max_bytes:
        return Skip(SkipReason.TOO_LARGE, "the article exceeds the size limit", where)
    when = published
    if when is None and obj.get("published"):
        when = parse_date(str(obj["published"]))
        if when is None:
            return Skip(
                SkipReason.BAD_JSON, f'"published" is not a date: {obj["published"]!r}', where
            )
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    return RawArticle(content=body, kind=kind, url=url, published=when, origin=where)


def parse_date(value: str) -> date | None:
    """YYYY-MM-DD, or the date part of an ISO 8601 timestamp."""
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
