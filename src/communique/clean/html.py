"""Article body and metadata from an HTML page, with trafilatura.

The body is trafilatura's precision-oriented extraction, unless it kept less than half of what
the plain extraction found (then the precise pass has dropped real paragraphs, and the plain
text is used). Lines of the body that are interface phrases of the lexicon (share prompts,
captions, "Advertisement") or agency sign-offs and slugs (``wire.py``) are dropped into
``removed``, and a first line that repeats the
headline is not body. Both choices are measured by ``communique.evaluation.boilerplate``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

import trafilatura
from lxml.etree import LxmlError
from trafilatura.settings import Document

from .lexicon import load_lexicon
from .wire import is_signoff

#: The trafilatura options of the plain pass (comments are never article text).
EXTRACT_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "include_formatting": False,
}
#: The precise pass is kept when it has at least this share of the plain pass's characters.
PRECISE_MIN_SHARE = 0.5
#: trafilatura and lxml raise many kinds of errors on broken markup (RecursionError on deep
#: nesting among them); any of them means "no article on this page", never a traceback.
_FAILURES = (LxmlError, RecursionError, Exception)


@dataclass(frozen=True, slots=True)
class HtmlExtraction:
    """What trafilatura found on one page; text is None when no article body was found."""

    text: str | None
    title: str | None
    author: str | None
    sitename: str | None
    categories: tuple[str, ...]
    published: date | None


@dataclass(frozen=True, slots=True)
class HtmlBody:
    """The body lines kept from an extraction and the interface lines dropped from it."""

    lines: tuple[str, ...]
    removed: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _log_failure(err: Exception) -> None:
    logging.getLogger(__name__).debug("trafilatura failed: %s", err)


def extract_body(html: str | bytes, url: str | None = None, **options: Any) -> str | None:
    """trafilatura's body text (no metadata) with ``EXTRACT_OPTIONS`` unless overridden."""
    settings = {**EXTRACT_OPTIONS, **options}
    try:
        text: object = trafilatura.extract(html, url=url, with_metadata=False, **settings)
    except _FAILURES as err:
        _log_failure(err)
        return None
    return text if isinstance(text, str) and text.strip() else None


def _bare(html: str | bytes, url: str | None, **options: Any) -> Document | None:
    try:
        found: object = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, **{**EXTRACT_OPTIONS, **options}
        )
    except _FAILURES as err:
        _log_failure(err)
        return None
    return found if isinstance(found, Document) else None


def _text(found: Document | None) -> str | None:
    text = found.text if found is not None else None
    return text if isinstance(text, str) and text.strip() else None


def extract_html(html: str | bytes, url: str | None = None) -> HtmlExtraction:
    """Body text and metadata (title, author, site name, categories, date) of one page."""
    precise = _bare(html, url, favor_precision=True)
    plain = extract_body(html, url)
    text = _text(precise)
    if text is None or (plain is not None and len(text) < PRECISE_MIN_SHARE * len(plain)):
        text = plain
    meta = precise if precise is not None else (_bare(html, url) if text else None)
    if meta is None:
        return HtmlExtraction(text, None, None, None, (), None)
    categories = tuple(c for c in (_clean(x) for x in (meta.categories or [])) if c)
    return HtmlExtraction(
        text=text,
        title=_clean(meta.title),
        author=_clean(meta.author),
        sitename=_clean(meta.sitename),
        categories=categories,
        published=_date(meta.date),
    )


def html_body_lines(found: HtmlExtraction) -> HtmlBody:
    """The body lines of an extraction: no headline repeat, no interface phrases."""
    lines = [line.strip() for line in (found.text or "").splitlines() if line.strip()]
    if lines and found.title and " ".join(lines[0].split()) == found.title:
        lines = lines[1:]
    lexicon = load_lexicon()
    chrome = [lexicon.match(line) is not None or is_signoff(line) for line in lines]
    kept = tuple(line for line, drop in zip(lines, chrome, strict=True) if not drop)
    removed = tuple(line for line, drop in zip(lines, chrome, strict=True) if drop)
    return HtmlBody(kept, removed)


def html_body(html: str | bytes, url: str | None = None) -> str | None:
    """The body text ``clean_article`` keeps for an HTML page, or None."""
    body = html_body_lines(extract_html(html, url))
    return body.text or None
