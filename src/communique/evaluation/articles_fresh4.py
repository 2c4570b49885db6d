"""The ``articles-fresh4`` suite: a third locked part of annotated real articles.

The 30 articles of ``audit/fresh-4.json`` were drawn from the last shared-corpus items no one had
annotated, audited or used in development, and annotated by hand from the text alone before the
system was run on them (labels under ``data/articles/fresh4/``). Like ``articles-test`` it is
scored once when a piece of work is finished and never used to look for errors.
"""

from __future__ import annotations

from pathlib import Path

from .articles import label_files, score_split
from .base import SuiteResult

SPLIT = "fresh4"


def run(data_dir: Path, limit: int | None = None) -> SuiteResult:
    return score_split(data_dir, SPLIT, limit)


def subset_ids(data_dir: Path, limit: int | None = None) -> list[str]:
    return [p.stem for p in label_files(SPLIT)[:limit]]
