"""communique: diplomatic news in, a structured and evidenced record of its diplomacy out.

>>> from communique import extract_article
>>> record = extract_article(text, published=date(2022, 1, 10))
>>> [e.type for e in record.events]
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .errors import (
    CommuniqueError,
    EvaluationError,
    FetchError,
    InputError,
    ResourceError,
    SkippedArticleError,
    StoreError,
    UnsupportedInputError,
)
from .lazy import lazy_names

if TYPE_CHECKING:
    from .model import SCHEMA, RawArticle, Record, Skip
    from .pipeline import Resources, load_resources, run, run_many
    from .serialize import record_from_dict, record_to_dict
    from .settings import Settings
    from .store import Store

__version__ = "0.1.0"


@lru_cache(maxsize=1)
def default_resources() -> Resources:
    """The resources with default settings, loaded once per process."""
    from .pipeline import load_resources
    from .settings import Settings

    return load_resources(Settings())


def extract_article(
    text_or_html: str,
    *,
    published: date | None = None,
    url: str | None = None,
    resources: Resources | None = None,
) -> Record:
    """One article (plain text or HTML, detected) -> its record.

    Raises ``SkippedArticleError`` when the input holds no English article."""
    from .ingest import detect_kind
    from .model import RawArticle, Skip
    from .pipeline import run

    raw = RawArticle(
        content=text_or_html, kind=detect_kind(text_or_html), url=url, published=published
    )
    result = run(raw, resources or default_resources())
    if isinstance(result, Skip):
        raise SkippedArticleError(result, f"skipped ({result.reason.value}): {result.detail}")
    return result


def open_store(path: str, *, read_only: bool = False) -> Store:
    """Open (or create) a DuckDB store; see ``communique.store``."""
    from .store import open_store as _open

    return _open(path, read_only=read_only)


def to_dataframe(records: Iterable[Record]) -> Any:
    """The events of records (``extract_article`` results) as a pandas DataFrame: one row per
    event, the flat event schema of the exports (needs ``pip install 'communique[pandas]'``)."""
    from .fuse.flat import to_dataframe as _frame

    return _frame(records)


# The rest of the public API is imported on first use: ``import communique`` (and so every
# command of the command line) does not pay for the pipeline, DuckDB or the language model.
_LAZY = {
    "RawArticle": "model",
    "Record": "model",
    "SCHEMA": "model",
    "Skip": "model",
    "Resources": "pipeline",
    "load_resources": "pipeline",
    "run": "pipeline",
    "run_many": "pipeline",
    "record_from_dict": "serialize",
    "record_to_dict": "serialize",
    "Settings": "settings",
    "Store": "store",
}


__getattr__, __dir__ = lazy_names(__name__, _LAZY, globals())


__all__ = [
    "CommuniqueError",
    "EvaluationError",
    "FetchError",
    "InputError",
    "RawArticle",
    "Record",
    "ResourceError",
    "Resources",
    "SCHEMA",
    "Settings",
    "Skip",
    "SkippedArticleError",
    "Store",
    "StoreError",
    "UnsupportedInputError",
    "__version__",
    "default_resources",
    "extract_article",
    "load_resources",
    "open_store",
    "record_from_dict",
    "record_to_dict",
    "run",
    "run_many",
    "to_dataframe",
]
