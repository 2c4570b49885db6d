"""The ``articles-fresh`` suite: a second locked part of annotated real articles.

The articles of ``audit/fresh-3.json`` were drawn from the shared-corpus items no one had
annotated, audited or used in development, and annotated by hand from the text alone before the
system was run on them (labels under ``data/articles/fresh3/``). Like ``articles-test`` it is
scored once when a piece of work is finished and never used to look for errors.
"""

from __future__ import annotations

from .articles import SplitSuite

SPLIT = "fresh3"
_SUITE = SplitSuite(SPLIT)
run = _SUITE.run
subset_ids = _SUITE.subset_ids
