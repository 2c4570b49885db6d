"""Stage 1, clean: site chrome out, metadata in (RawArticle -> CleanArticle).

HTML pages go through trafilatura (body and metadata); flattened text pages through the line
filter of ``lines.py``, after hard-wrapped text is re-flowed into paragraphs (``reflow.py``).
Agency sign-offs and slugs are chrome (``wire.py``); wire datelines give the place and filing
date (``dateline.py``). Expected drops (blank text, no article, not English, an HTML body too
short) are ``Skip`` records.
"""

from __future__ import annotations

from .article import clean_article, heading_spans
from .dateline import (
    Dateline,
    dateline_date,
    is_date_line,
    parse_full_date,
    read_dateline,
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
from .reflow import reflow_text, wrap_width
from .wire import SIGNOFF, is_signoff, signoff_kind

__all__ = [
    "Dateline",
    "EXTRACT_OPTIONS",
    "HtmlBody",
    "HtmlExtraction",
    "LanguageGuess",
    "Lexicon",
    "LineFilterResult",
    "LineInfo",
    "SIGNOFF",
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
    "is_signoff",
    "load_lexicon",
    "load_stopwords",
    "parse_full_date",
    "read_dateline",
    "reflow_text",
    "signoff_kind",
    "stamp_date",
    "trailing_stamp_date",
    "wrap_width",
]
