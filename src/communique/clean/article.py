"""``clean_article``: one RawArticle to one CleanArticle (or a typed Skip)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from ..model import (
    CleanArticle,
    Field,
    PublishedSource,
    RawArticle,
    Skip,
    SkipReason,
    Span,
    content_id,
)
from ..settings import CleanSettings
from .html import extract_html, html_body_lines
from .language import guess_language
from .lines import filter_lines

_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_HEADING_MAX_WORDS = 15


@dataclass(frozen=True, slots=True)
class _Draft:
    """The stage's findings before the checks (language, length) and the id."""

    text: str
    headlines: tuple[Span, ...]
    removed: tuple[str, ...]
    title: Field | None
    byline: Field | None
    section: Field | None
    site: Field | None
    published: date | None
    published_source: PublishedSource


def _field(value: str | None, source: str) -> Field | None:
    return Field(value, source) if value else None


def heading_spans(lines: tuple[str, ...], headings: tuple[int, ...]) -> tuple[Span, ...]:
    """Spans in ``"\\n".join(lines)`` of the lines at ``headings``."""
    spans: list[Span] = []
    wanted = set(headings)
    offset = 0
    for i, line in enumerate(lines):
        if i in wanted:
            spans.append(Span(offset, offset + len(line), line))
        offset += len(line) + 1
    return tuple(spans)


def _short_headings(lines: tuple[str, ...]) -> tuple[int, ...]:
    """Short lines that do not end like a sentence and are followed by more text."""
    return tuple(
        i
        for i, line in enumerate(lines[:-1])
        if len(line.split()) <= _HEADING_MAX_WORDS and not _SENTENCE_END.search(line)
    )


def _from_text(raw: RawArticle) -> _Draft:
    found = filter_lines(raw.content)
    return _Draft(
        text=found.text,
        headlines=heading_spans(found.body, found.headings),
        removed=found.removed,
        title=_field(found.title, "line"),
        byline=_field(found.byline, "line"),
        section=_field(found.section, "line"),
        site=None,
        published=found.published,
        published_source="dateline" if found.published else "none",
    )


def _from_html(raw: RawArticle) -> _Draft:
    found = extract_html(raw.content, raw.url)
    body = html_body_lines(found)
    return _Draft(
        text=body.text,
        headlines=heading_spans(body.lines, _short_headings(body.lines)),
        removed=body.removed,
        title=_field(found.title, "metadata"),
        byline=_field(found.author, "metadata"),
        section=_field(found.categories[0] if found.categories else None, "metadata"),
        site=_field(found.sitename, "metadata"),
        published=found.published,
        published_source="metadata" if found.published else "none",
    )


def _normalised(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def clean_article(raw: RawArticle, settings: CleanSettings) -> CleanArticle | Skip:
    """Remove site chrome and read metadata; a page with no English article is a Skip.

    ``settings.min_chars`` applies to bodies extracted from HTML pages only (a short body there
    means the extractor missed the article); plain text given directly is read whatever its
    length, down to one sentence. Blank text is a Skip."""
    if not raw.content.strip():
        return Skip(SkipReason.EMPTY, "the text is blank", raw.origin)
    draft = _from_html(raw) if raw.kind == "html" else _from_text(raw)
    body = _normalised(draft.text)
    if not body:
        return Skip(SkipReason.NO_ARTICLE, "no article body found on the page", raw.origin)
    if raw.kind == "html" and len(body) < settings.min_chars:
        detail = f"article body has {len(body)} characters, fewer than {settings.min_chars}"
        return Skip(SkipReason.NO_ARTICLE, detail, raw.origin)
    language = guess_language(draft.text)
    if settings.require_english and language.language != "en":
        detail = f"article is not in English (guessed language: {language.language})"
        return Skip(SkipReason.NOT_ENGLISH, detail, raw.origin)
    published, source = draft.published, draft.published_source
    if raw.published is not None:
        published, source = raw.published, "argument"
    return CleanArticle(
        id=content_id("art", body),
        text=draft.text,
        title=draft.title,
        byline=draft.byline,
        section=draft.section,
        site=draft.site,
        url=raw.url,
        published=published,
        published_source=source,
        language=language.language,
        removed=draft.removed,
        headlines=draft.headlines,
        origin=raw.origin,
    )
