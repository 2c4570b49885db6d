"""Searching a pattern only around the words every match holds, with the same matches as a
search of the whole text.

A grammar pattern with needed words (``grammar.Rule.needs``) matches only where one of them
stands. In a long text those words are few and far apart, yet the whole text used to be searched
for each such pattern: the cost per word of the time stage rose with length, as more of the
patterns found one of their words somewhere.

A match holding a needed word at ``q`` starts at most ``reach`` characters before it, where
``reach`` is the widest the pattern (its look-aheads included) can be. A pattern's width is
bounded when its open-ended repeats (``\\s+``, ``[-\\s]*``, ``\\d+``, ``(?:,\\d{3})*``) are: in
a text with no run of white space, hyphens, digits or thousands groups longer than ``RUN``
(``short_runs``), no match can use more than ``RUN`` of them. In such a text ``near_words``
searches the characters ``q - reach .. q + reach`` around each needed word, left to right from
where the last match ended, as ``finditer`` would: a match found there that starts at or before
``q`` is the match ``finditer`` finds, and no match starts between the end of the last one and
``q - reach``. Everything else (a long run, a pattern with another open-ended repeat, needed
words close together) is searched whole. ``tests/test_time_grammar_scan.py`` compares the two.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator, Sequence
from typing import Any

#: The longest run a windowed search allows (see the module's text).
RUN = 32
_LONG_RUN = re.compile(rf"[-\s]{{{RUN + 1}}}|\d{{{RUN + 1}}}|(?:,\d{{3}}){{{RUN + 1}}}")
#: Windows are searched only when they cover at most this share of the text.
_MAX_SHARE = 0.5
#: Characters a search may look at past a match's widest end (a greedy repeat's last try).
_MARGIN = 8

_c: Any
_p: Any
try:  # the regular-expression parser of CPython (a private module; without it, no windows)
    _c = importlib.import_module("re._constants")
    _p = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover
    _c = _p = None

#: Open-ended repeats whose length ``short_runs`` bounds (as the parser prints them).
_BOUNDED_ITEMS = (r"\s", r"[-\s]", r"\d", r",\d{3}")


def _bounded_items() -> frozenset[str]:
    if _p is None:  # pragma: no cover
        return frozenset()
    return frozenset(str(_p.parse(item)) for item in _BOUNDED_ITEMS)


_ITEMS = _bounded_items()


def reach(pattern: re.Pattern[str]) -> int | None:
    """The most characters a match of ``pattern`` and its look-aheads can span in a text of
    short runs, or None when it cannot be bounded so (or the pattern can match nothing)."""
    if _p is None:  # pragma: no cover
        return None
    parsed = _p.parse(pattern.pattern, pattern.flags)
    low, _ = parsed.getwidth()
    if low == 0:
        return None
    return _widest(parsed)


def _widest(items: Any) -> int | None:
    total = 0
    for op, av in items:
        if op in (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY, _c.CATEGORY):
            total += 1
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            _, high, sub = av
            if high == _c.MAXREPEAT:
                if str(sub) not in _ITEMS:
                    return None
                high = RUN
            width = _widest(sub)
            if width is None:
                return None
            total += high * width
        elif op is _c.SUBPATTERN:
            width = _widest(av[-1])
            if width is None:
                return None
            total += width
        elif op is _c.ATOMIC_GROUP:
            width = _widest(av)
            if width is None:
                return None
            total += width
        elif op is _c.BRANCH:
            widths = [_widest(branch) for branch in av[1]]
            if any(w is None for w in widths):
                return None
            total += max(w for w in widths if w is not None)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            direction, sub = av
            if direction > 0:  # a look-ahead reads past the match: counted, an over-estimate
                width = _widest(sub)
                if width is None:
                    return None
                total += width
        elif op is _c.AT:
            continue  # \b, ^, $: no character
        else:
            return None  # back-references, conditionals: not bounded here
    return total


def short_runs(text: str) -> bool:
    """No run of white space, hyphens, digits or thousands groups longer than ``RUN``."""
    return _LONG_RUN.search(text) is None


def near_words(
    pattern: re.Pattern[str], text: str, low: str, words: Sequence[str], widest: int
) -> Iterator[re.Match[str]] | None:
    """``pattern.finditer(text)`` for a pattern whose every match holds one of ``words``
    (lower case, found in ``low``, ``text`` with its ASCII capitals lowered) and spans at most
    ``widest`` characters with its look-aheads, in a text of short runs; None when the windows
    would cover too much of the text (then search it whole)."""
    size = len(text)
    if sum(low.count(word) for word in words) * 2 * widest > _MAX_SHARE * size:
        return None
    places: set[int] = set()
    for word in words:
        at = low.find(word)
        while at >= 0:
            places.add(at)
            at = low.find(word, at + 1)
    return _windowed(pattern, text, sorted(places), widest)


def _windowed(
    pattern: re.Pattern[str], text: str, places: list[int], widest: int
) -> Iterator[re.Match[str]]:
    pos = 0
    size = len(text)
    for q in places:
        if q < pos:
            continue  # inside the last match, or searched already
        found = pattern.search(text, max(pos, q - widest), min(size, q + widest + _MARGIN))
        if found is not None and found.start() <= q:
            yield found
            pos = found.end()
        else:
            pos = q + 1  # no match starts at or before q (past the last one)
