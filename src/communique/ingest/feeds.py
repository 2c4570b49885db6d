"""Read RSS / Atom feeds: each entry becomes an article (when the feed carries its full text)
or a link to fetch (when it carries only a summary). Broken entries become ``Skip`` records;
the rest of the feed is still read."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import feedparser

from ..model import RawArticle, Skip, SkipReason

MIN_FULL_TEXT = 600  # characters of entry content that count as a full article
_FEED_HINT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.I)


@dataclass(frozen=True, slots=True)
class FeedLink:
    """An entry whose article must be fetched from ``url``."""

    url: str
    published: date | None
    origin: str


def looks_like_feed(data: bytes) -> bool:
    return bool(_FEED_HINT.search(data[:2048]))


def is_feed_path(path: Path) -> bool:
    name = path.name.lower()
    if name.endswith((".rss", ".atom", ".rdf")):
        return True
    if not name.endswith(".xml"):
        return False
    try:
        with path.open("rb") as stream:
            return looks_like_feed(stream.read(2048))
    except OSError:
        return False


def read_feed(data: bytes, origin: str) -> Iterator[RawArticle | FeedLink | Skip]:
    """Yield one item per feed entry, in feed order."""
    parsed: Any = feedparser.parse(data)
    entries = list(parsed.get("entries") or [])
    if not entries:
        problem = parsed.get("bozo_exception")
        detail = f"not a readable feed ({problem})" if problem else "the feed has no entries"
        yield Skip(SkipReason.NO_ARTICLE, detail, origin)
        return
    for n, entry in enumerate(entries, start=1):
        yield _entry(entry, f"{origin}#{n}")


def _entry(entry: Any, where: str) -> RawArticle | FeedLink | Skip:
    try:
        link = entry.get("link")
        published = _published(entry)
        body = _content(entry)
    except (AttributeError, KeyError, TypeError, ValueError) as err:
        return Skip(SkipReason.NO_ARTICLE, f"broken feed entry ({type(err).__name__})", where)
    url = link if isinstance(link, str) and link.startswith(("http://", "https://")) else None
    if body and len(body) >= MIN_FULL_TEXT:
        title = entry.get("title") or ""
        html = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
        return RawArticle(
            content=html, kind="html", url=url, published=published, origin=url or where
        )
    if url:
        return FeedLink(url, published, where)
    return Skip(SkipReason.NO_ARTICLE, "feed entry has neither full text nor a link", where)


def _content(entry: Any) -> str | None:
    for part in entry.get("content") or []:
        value = part.get("value")
        if isinstance(value, str) and value.strip():
            return value
    summary = entry.get("summary")
    return summary if isinstance(summary, str) and summary.strip() else None


def _published(entry: Any) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    stamp = calendar.timegm(parsed)
    return datetime.fromtimestamp(stamp, tz=UTC).date()
