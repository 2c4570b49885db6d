"""Article body and metadata from an HTML page, with trafilatura.

The page is parsed once; the tree goes to every trafilatura pass. The body is trafilatura's
precision-oriented extraction, which also reads the metadata; it runs first without
trafilatura's fallback extractors (readability, jusText: ``fast``), and again with them only
when that body is under ``FALLBACK_BELOW`` characters (on the boilerplate suite's 1,171 pages
the fallbacks changed 14 of the longer bodies, with F1 unchanged). When the body is short
(``PLAIN_CHECK_BELOW`` characters) the plain extraction runs as well, and replaces it when the
precise pass kept less than half of what the plain pass found (then the precise pass has
dropped real paragraphs). Lines of the body that are interface phrases of the lexicon (share
prompts, captions, "Advertisement") or agency sign-offs and slugs (``wire.py``) are dropped into
``removed``, and a first line that repeats the headline is not body. These choices are measured
by ``communique.evaluation.boilerplate``.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

import trafilatura
from lxml.etree import LxmlError
from lxml.html import HtmlElement
from trafilatura.settings import DEFAULT_CONFIG, Document
from trafilatura.utils import load_html

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
#: The plain pass runs only when the precise body is shorter than this (or missing): on the
#: boilerplate suite's 1,171 pages it then runs on 27% of them, and every figure of the suite is
#: equal or higher than with both passes on every page (aeb_f1 0.969 -> 0.971, trafilatura-eval
#: F1 0.927 -> 0.928): a longer precise body that kept less than half of the plain one was more
#: often right than the plain one.
PLAIN_CHECK_BELOW = 2000
#: The precise pass runs without trafilatura's fallback extractors (readability, jusText:
#: ``fast``) and again with them only when its body is shorter than this (or missing): on the
#: boilerplate suite's 1,171 pages that is 15% of them; the fallbacks changed 54 of those bodies
#: and 14 of the longer ones. aeb precision, recall and F1 are unchanged (0.969 / 0.974 / 0.971),
#: trafilatura-eval F1 too (0.9275; precision 0.9269 -> 0.9275, recall 0.9282 -> 0.9275).
FALLBACK_BELOW = 1000
#: trafilatura's own limit on the size of a page it reads (its configuration's MAX_FILE_SIZE).
_MAX_FILE_SIZE = DEFAULT_CONFIG.getint("DEFAULT", "MAX_FILE_SIZE")
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


def parse_page(html: str | bytes) -> HtmlElement | None:
    """The page's lxml tree as trafilatura reads it (decoding and repairs included), or None."""
    try:
        tree: object = load_html(html, _MAX_FILE_SIZE)
    except _FAILURES as err:
        _log_failure(err)
        return None
    return tree if isinstance(tree, HtmlElement) else None


def _bare(tree: HtmlElement, url: str | None, **options: Any) -> Document | None:
    """One trafilatura pass on a parsed page (trafilatura works on a copy of the tree)."""
    try:
        found: object = trafilatura.bare_extraction(tree, url=url, **{**EXTRACT_OPTIONS, **options})
    except _FAILURES as err:
        _log_failure(err)
        return None
    return found if isinstance(found, Document) else None


def _text(found: Document | None) -> str | None:
    text = found.text if found is not None else None
    if not isinstance(text, str) or not text.strip():
        return None
    return unicodedata.normalize("NFC", text)  # as trafilatura.extract returns its text


def extract_html(html: str | bytes, url: str | None = None) -> HtmlExtraction:
    """Body text and metadata (title, author, site name, categories, date) of one page."""
    tree = parse_page(html)
    if tree is None:
        return HtmlExtraction(None, None, None, None, (), None)
    precise = _bare(tree, url, favor_precision=True, fast=True, with_metadata=True)
    text = _text(precise)
    meta = precise
    if text is None or len(text) < FALLBACK_BELOW:
        full = _bare(tree, url, favor_precision=True, with_metadata=precise is None)
        text = _text(full)
        meta = precise if full is not None and precise is not None else full
    if text is None or len(text) < PLAIN_CHECK_BELOW:
        plain = _bare(tree, url, with_metadata=meta is None)
        found = _text(plain)
        if text is None or (found is not None and len(text) < PRECISE_MIN_SHARE * len(found)):
            text = found
        if meta is None and text is not None:
            meta = plain
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
