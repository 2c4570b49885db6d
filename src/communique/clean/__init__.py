"""Stage 1, clean: site chrome out, metadata in (RawArticle -> CleanArticle).

HTML pages go through trafilatura (body and metadata); flattened text pages through the line
filter of ``lines.py``. Expected drops (no article, not English, too short) are ``Skip`` records.
"""

from __future__ import annotations

from .article import clean_article, heading_spans
from .dateline import (
    dateline_date,
    is_date_line,
    parse_full_date,
    stamp_date,
    trailing_stamp_date,
)
from .html import (
    EXTRACT_OPTIONS,
    HtmlBody,
    HtmlExtraction,
    extract_body,
    extract_html,
    html_body,
    html_body_lines,
)
from .language import LanguageGuess, guess_language, is_english
from .lexicon import Lexicon, load_lexicon, load_stopwords
from .lines import LineFilterResult, LineInfo, describe_line, filter_lines

__all__ = [
    "EXTRACT_OPTIONS",
    "HtmlBody",
    "HtmlExtraction",
    "LanguageGuess",
    "Lexicon",
    "LineFilterResult",
    "LineInfo",
    "clean_article",
    "dateline_date",
    "describe_line",
    "extract_body",
    "extract_html",
    "filter_lines",
    "guess_language",
    "heading_spans",
    "html_body",
    "html_body_lines",
    "is_date_line",
    "is_english",
    "load_lexicon",
    "load_stopwords",
    "parse_full_date",
    "stamp_date",
    "trailing_stamp_date",
]
