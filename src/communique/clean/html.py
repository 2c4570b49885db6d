"""Article body and metadata from an HTML page, with trafilatura."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

import trafilatura
from lxml.etree import LxmlError
from trafilatura.settings import Document

#: The trafilatura options communique uses; measured by ``communique.evaluation.boilerplate``.
EXTRACT_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "include_formatting": False,
    "favor_precision": False,
    "favor_recall": False,
}


@dataclass(frozen=True, slots=True)
class HtmlExtraction:
    """What trafilatura found on one page; text is None when no article body was found."""

    text: str | None
    title: str | None
    author: str | None
    sitename: str | None
    categories: tuple[str, ...]
    published: date | None


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


def extract_body(html: str | bytes, url: str | None = None, **options: Any) -> str | None:
    """The article body only (no metadata), with ``EXTRACT_OPTIONS`` unless overridden."""
    settings = {**EXTRACT_OPTIONS, **options}
    try:
        text = trafilatura.extract(html, url=url, with_metadata=False, **settings)
    except (LxmlError, ValueError, TypeError, AttributeError) as err:
        logging.getLogger(__name__).debug("trafilatura failed: %s", err)
        return None
    return text if isinstance(text, str) and text.strip() else None


def extract_html(html: str | bytes, url: str | None = None) -> HtmlExtraction:
    """Body text and metadata (title, author, site name, categories, date) of one page."""
    try:
        found = trafilatura.bare_extraction(html, url=url, with_metadata=True, **EXTRACT_OPTIONS)
    except (LxmlError, ValueError, TypeError, AttributeError) as err:
        logging.getLogger(__name__).debug("trafilatura failed: %s", err)
        found = None
    if not isinstance(found, Document):
        return HtmlExtraction(None, None, None, None, (), None)
    text = found.text if isinstance(found.text, str) and found.text.strip() else None
    categories = tuple(c for c in (_clean(x) for x in (found.categories or [])) if c)
    return HtmlExtraction(
        text=text,
        title=_clean(found.title),
        author=_clean(found.author),
        sitename=_clean(found.sitename),
        categories=categories,
        published=_date(found.date),
    )


def body_lines(found: HtmlExtraction) -> tuple[str, ...]:
    """The non-blank body lines, without a first line that only repeats the headline."""
    lines = tuple(line.strip() for line in (found.text or "").splitlines() if line.strip())
    if lines and found.title and " ".join(lines[0].split()) == found.title:
        lines = lines[1:]
    return lines


def html_body(html: str | bytes, url: str | None = None) -> str | None:
    """The body text ``clean_article`` keeps for an HTML page, or None."""
    lines = body_lines(extract_html(html, url))
    return "\n".join(lines) if lines else None
