"""The ``articles-test`` suite: the locked part of the annotated real articles.

Scored once when a piece of work is finished, to report how the system does on real text that
no rule was written against; never used to look for errors (that is what ``articles`` is for).
"""

from __future__ import annotations

from .articles import SplitSuite

SPLIT = "test"
_SUITE = SplitSuite(SPLIT)
run = _SUITE.run
subset_ids = _SUITE.subset_ids
