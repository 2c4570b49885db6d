"""Command-line sources -> a stream of items: articles, skips, and URLs still to fetch.

A source is a URL, a file, a directory (read recursively) or a glob. Files are told apart by
name and content: WARC archives, RSS/Atom feeds, lists of URLs, and anything the plain reader
takes (text, HTML, JSONL / JSONL.gz).
"""

from __future__ import annotations

import glob
import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import InputError
from ..ingest.feeds import FeedLink, is_feed_path, read_feed
from ..ingest.files import read_path
from ..ingest.urls import is_url, read_url_list
from ..ingest.warc import is_warc, read_warc
from ..model import RawArticle, Skip, SkipReason, content_id
from ..settings import IngestSettings


@dataclass(frozen=True, slots=True)
class Pending:
    """A URL to fetch; ``feed_ok`` is False for links found inside a feed (no nested feeds)."""

    url: str
    published: date | None = None
    origin: str = ""
    feed_ok: bool = True


Item = RawArticle | Skip | Pending


def expand_sources(sources: Sequence[str]) -> list[str]:
    """URLs as given, directories and globs expanded to sorted file paths; missing paths raise."""
    out: list[str] = []
    for source in sources:
        if is_url(source):
            out.append(source)
        elif any(ch in source for ch in "*?["):
            matches = sorted(p for p in glob.glob(source, recursive=True) if Path(p).is_file())
            if not matches:
                raise InputError(f"{source}: the pattern matches no file")
            out += matches
        elif Path(source).is_dir():
            out += sorted(
                str(p)
                for p in Path(source).rglob("*")
                if p.is_file() and not p.name.startswith(".")
            )
        elif Path(source).is_file():
            out.append(source)
        else:
            raise InputError(f"{source}: no such file, directory or URL")
    return out


@dataclass(slots=True)
class InputMeter:
    """How far reading the sources has come, for a progress display: the bytes of the files
    read (each URL given as a source counts 1)."""

    total: int = 0
    done: int = 0

    def add(self, n: int) -> None:
        self.done += n


def iter_items(
    sources: Sequence[str], settings: IngestSettings, meter: InputMeter | None = None
) -> Iterator[Item]:
    """Every item of every source, in order; ``meter`` follows the bytes read."""
    expanded = expand_sources(sources)
    meter = meter if meter is not None else InputMeter()
    meter.total = sum(_weight(s) for s in expanded)
    for source in expanded:
        start = meter.done
        if is_url(source):
            yield Pending(source, origin=source)
        else:
            yield from _file_items(Path(source), settings, meter)
        meter.done = start + _weight(source)


def _weight(source: str) -> int:
    if is_url(source):
        return 1
    try:
        return max(Path(source).stat().st_size, 1)
    except OSError:
        return 1


def _file_items(path: Path, settings: IngestSettings, meter: InputMeter) -> Iterator[Item]:
    if is_warc(path):
        yield from read_warc(path, settings, report=meter.add)
    elif is_feed_path(path):
        yield from _feed_file(path, settings)
    elif (urls := _url_list(path)) is not None:
        share = _weight(str(path)) // len(urls)
        for n, url in enumerate(urls, start=1):
            yield Pending(url, origin=f"{path}:{n}")
            meter.add(share)
    else:
        yield from read_path(path, settings, report=meter.add)


def _feed_file(path: Path, settings: IngestSettings) -> Iterator[Item]:
    size = path.stat().st_size
    if size > settings.max_bytes:
        detail = f"{size:,} bytes exceeds the {settings.max_bytes:,}-byte limit"
        yield Skip(SkipReason.TOO_LARGE, detail, str(path))
        return
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from err
    yield from feed_items(data, str(path))


def feed_items(data: bytes, origin: str) -> Iterator[Item]:
    for item in read_feed(data, origin):
        if isinstance(item, FeedLink):
            yield Pending(item.url, item.published, item.origin, feed_ok=False)
        else:
            yield item


def _url_list(path: Path) -> list[str] | None:
    if path.suffix.lower() not in (".txt", ".urls", ".list", "") or path.stat().st_size > 5 << 20:
        return None
    return read_url_list(path)


def item_key(item: Item) -> str:
    """A stable key per input item: the same item gets the same key on every run."""
    if isinstance(item, Pending):
        return content_id("in", "url", item.url)
    if isinstance(item, Skip):
        return content_id("in", "skip", item.origin, item.reason.value, item.detail)
    digest = hashlib.sha256(item.content.encode("utf-8", "replace")).hexdigest()
    return content_id("in", "raw", item.origin, item.url or "", digest)
