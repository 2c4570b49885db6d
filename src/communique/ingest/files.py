"""Read local inputs (plain text, HTML, JSONL, each maybe gzip-compressed) into RawArticle
records, streamed under the bounds of ``limits`` (see ``streams``).

Decoding: UTF-8 (with or without BOM) first, then charset-normalizer's best guess. Binary data,
empty input, oversized input (a file, a JSONL line, a line of text, inflated gzip data) and
undecodable bytes become typed ``Skip`` records, never exceptions; the rest of a file is kept.
"""

from __future__ import annotations

import io
import itertools
import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from charset_normalizer import from_bytes

from ..errors import InputError
from ..model import InputKind, RawArticle, Skip, SkipReason
from ..settings import IngestSettings
from .limits import MAX_LINE_CHARS, SNIFF_BYTES
from .streams import (
    GZIP_ERRORS,
    InflateBombError,
    buffered,
    inflated,
    is_gzip,
    iter_lines,
    read_capped,
)

_HTML_HINT = re.compile(
    rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:p|div|article|meta|title)[\s>]", re.I
)
_CONTROL = set(range(0, 9)) | {11} | set(range(14, 32))


def read_path(
    path: Path,
    settings: IngestSettings,
    published: date | None = None,
    *,
    report: Callable[[int], None] | None = None,
) -> Iterator[RawArticle | Skip]:
    """Yield the articles in one file: one for text/HTML, one per line for JSONL. gzip data
    (by content) is inflated as it is read; ``report`` is told the bytes read from the file."""
    origin = str(path)
    if not path.exists():
        raise InputError(f"{origin}: no such file")
    if path.is_dir():
        raise InputError(f"{origin}: is a directory (give files, or use `communique ingest`)")
    jsonl = is_jsonl_path(path)
    size = path.stat().st_size
    if size > settings.max_bytes and not jsonl:
        yield Skip(
            SkipReason.TOO_LARGE,
            f"{size:,} bytes exceeds the {settings.max_bytes:,}-byte limit",
            origin,
        )
        return
    try:
        stream = path.open("rb")
    except OSError as err:
        raise InputError(f"{origin}: cannot read ({err.strerror})") from err
    with stream:
        yield from read_stream(
            buffered(stream, report),
            settings,
            origin=origin,
            published=published,
            jsonl=jsonl or None,
        )


def read_stream(
    stream: BinaryIO,
    settings: IngestSettings,
    *,
    origin: str = "<stdin>",
    published: date | None = None,
    jsonl: bool | None = None,
) -> Iterator[RawArticle | Skip]:
    """Yield the articles in a byte stream (a file or standard input), reading it under the
    bounds of ``limits``: JSONL line by line, anything else up to ``settings.max_bytes``."""
    reader = buffered(stream)
    try:
        compressed = is_gzip(reader)
        if compressed:
            reader = inflated(reader)
        if jsonl is None:
            jsonl = _looks_like_jsonl(reader.peek(SNIFF_BYTES)[:SNIFF_BYTES])
        if not jsonl:
            data = read_capped(reader, settings.max_bytes)
    except InflateBombError as err:
        yield Skip(SkipReason.TOO_LARGE, str(err), origin)
        return
    except (*GZIP_ERRORS, OSError) as err:
        yield Skip(SkipReason.BAD_ENCODING, f"broken gzip data ({err})", origin)
        return
    if jsonl:
        yield from _read_jsonl(reader, settings, origin, published)
    elif len(data) > settings.max_bytes:
        grows = "inflates to" if compressed else "has"
        detail = f"the input {grows} more than the {settings.max_bytes:,}-byte limit"
        yield Skip(SkipReason.TOO_LARGE, detail, origin)
    else:
        yield from read_bytes(data, settings, origin=origin, published=published, jsonl=False)


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
        jsonl = _looks_like_jsonl(data[:SNIFF_BYTES])
    if jsonl:
        yield from _read_jsonl(io.BytesIO(data), settings, origin, published)
        return
    item = decode_item(data, settings, origin)
    if isinstance(item, Skip):
        yield item
        return
    kind = detect_kind(item)
    overlong = long_line_skip(item, origin) if kind == "text" else None
    yield overlong or RawArticle(content=item, kind=kind, published=published, origin=origin)


def long_line_skip(text: str, origin: str, limit: int = MAX_LINE_CHARS) -> Skip | None:
    """A Skip when a line of plain text is longer than ``limit`` characters (no paragraph is;
    the time of the later stages grows faster than the length of a sentence)."""
    if len(text) <= limit:
        return None
    start = 0
    for number in itertools.count(1):
        end = text.find("\n", start)
        stop = len(text) if end < 0 else end
        if stop - start > limit:
            return Skip(
                SkipReason.TOO_LARGE,
                f"line {number} has {stop - start:,} characters with no line break (the limit "
                f"is {limit:,}); split the text into paragraphs",
                origin,
            )
        if end < 0:
            return None
        start = end + 1
    return None


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


def is_jsonl_path(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"))


_JSONL_KEY = re.compile(rb'^\{\s*"(?:text|html|url|published|title)"\s*:')


def _looks_like_jsonl(head: bytes) -> bool:
    """A first line that is a JSON object with "text" or "html" (or, when the first line is
    longer than ``head``, one that opens with such a key)."""
    head = head.lstrip()
    if head[:1] != b"{":
        return False
    line, newline, _ = head.partition(b"\n")
    if not newline and len(head) >= SNIFF_BYTES - 1:
        return bool(_JSONL_KEY.match(head))
    try:
        obj = json.loads(line)
    except ValueError:
        return False
    return isinstance(obj, dict) and ("text" in obj or "html" in obj)


def _read_jsonl(
    reader: BinaryIO, settings: IngestSettings, origin: str, published: date | None
) -> Iterator[RawArticle | Skip]:
    """One item per line; a line over the size limit is skipped and the rest of the file read."""
    n = 0
    try:
        for n, line in iter_lines(reader, settings.max_bytes):
            where = f"{origin}:{n}"
            if line is None:
                detail = f"the line is longer than the {settings.max_bytes:,}-byte limit"
                yield Skip(SkipReason.TOO_LARGE, detail, where)
                continue
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError as err:
                yield Skip(SkipReason.BAD_JSON, f"line is not valid JSON ({err})", where)
                continue
            yield _from_json(obj, settings, where, published)
    except InflateBombError as err:
        where = f"after line {n}" if n else "before the first line"
        yield Skip(SkipReason.TOO_LARGE, f"{err}; stopped {where}", origin)
    except (*GZIP_ERRORS, OSError) as err:
        detail = f"truncated: the gzip data is cut or corrupt after line {n} ({err})"
        yield Skip(SkipReason.BAD_ENCODING, detail, origin)


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
    overlong = long_line_skip(body, where) if kind == "text" else None
    if overlong is not None:
        return overlong
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
