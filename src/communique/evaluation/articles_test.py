"""The ``articles-test`` suite: the locked part of the annotated real articles.

Scored once when a piece of work is finished, to report how the system does on real text that
no rule was written against; never used to look for errors (that is what ``articles`` is for).
"""

from __future__ import annotations

from pathlib import Path

from .articles import label_files, score_split
from .base import SuiteResult


def run(data_dir: Path, limit: int | None = None) -> SuiteResult:
    return score_split(data_dir, "test", limit)


def subset_ids(data_dir: Path, limit: int | None = None) -> list[str]:
    return [p.stem for p in label_files("test")[:limit]]
