"""The exception tree of communique. Every error a user can cause has a stable code.

    CommuniqueError                 (code "error")
    ├── InputError                  ("input")       a path, file or item that cannot be read
    │   ├── UnsupportedInputError   ("unsupported") a format communique does not read
    │   └── SkippedArticleError     ("skipped")     extract_article got no article (model.Skip)
    ├── ResourceError               ("resource")    the spaCy model or a data file is missing
    ├── StoreError                  ("store")       the DuckDB file cannot be opened or written
    ├── FetchError                  ("fetch")       a URL could not be fetched (timeout, status...)
    └── EvaluationError             ("evaluation")  a gold set is missing or malformed

Expected drops of one item (empty, binary, not English, no article) are not exceptions: they are
``model.Skip`` records, counted and reported.
"""

from __future__ import annotations


class CommuniqueError(Exception):
    """Base class: ``str(err)`` is a one-line message fit for a user."""

    code = "error"


class InputError(CommuniqueError):
    code = "input"


class UnsupportedInputError(InputError):
    code = "unsupported"


class ResourceError(CommuniqueError):
    code = "resource"


class StoreError(CommuniqueError):
    code = "store"


class FetchError(CommuniqueError):
    code = "fetch"


class EvaluationError(CommuniqueError):
    code = "evaluation"


class SkippedArticleError(InputError):
    """Raised by the one-article library call when the input is dropped on purpose
    (empty, binary, not English, no article); ``skip`` holds the typed reason."""

    code = "skipped"

    def __init__(self, skip: object, message: str) -> None:
        super().__init__(message)
        self.skip = skip
