"""Lookups over one article that the actors stage builds once and asks many times: stretches
by position, person drafts by the words of their names, words by where they stand. Each answers
as a pass over the whole list would, in a few steps, so that the stage's cost per word does not
grow with the article's length."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator


class FixedStretches:
    """A fixed list of ``(start, end)`` stretches, found by position in a few steps."""

    __slots__ = ("_by_end", "_by_start", "_ends", "_longest", "_starts", "_stretches")

    def __init__(self, stretches: list[tuple[int, int]]) -> None:
        self._stretches = stretches
        self._by_start = sorted(range(len(stretches)), key=lambda i: stretches[i][0])
        self._starts = [stretches[i][0] for i in self._by_start]
        self._by_end = sorted(range(len(stretches)), key=lambda i: stretches[i][1])
        self._ends = [stretches[i][1] for i in self._by_end]
        self._longest = max((max(0, e - s) for s, e in stretches), default=0)

    def ending_within(self, lo: int, hi: int) -> list[int]:
        """Indices (in list order) of the stretches whose end lies in ``lo..hi``."""
        first, last = bisect_left(self._ends, lo), bisect_right(self._ends, hi)
        return sorted(self._by_end[first:last])

    def overlapping(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The stretches (in list order) with ``start < hi`` and ``end > lo``: every one that
        shares a character with ``lo:hi`` or lies empty strictly inside it."""
        first = bisect_right(self._starts, lo - self._longest)
        last = bisect_left(self._starts, hi)
        kept = sorted(i for i in self._by_start[first:last] if self._stretches[i][1] > lo)
        return [self._stretches[i] for i in kept]


class People:
    """The person drafts filed by their first and last one or two words, in the order they were
    first added: a short name finds the full name it is part of without a pass over all."""

    __slots__ = ("_first", "_inner", "_last", "_rank")

    def __init__(self) -> None:
        self._rank: dict[str, int] = {}
        self._last: dict[tuple[str, ...], dict[str, None]] = {}
        self._first: dict[tuple[str, ...], dict[str, None]] = {}
        self._inner: dict[str, dict[str, None]] = {}

    def file(self, key: str, name: str) -> None:
        """File (again, after the draft's name changed) the person draft ``key``."""
        self._rank.setdefault(key, len(self._rank))
        full = name.split()
        for n in (1, 2):
            if len(full) > n:
                self._last.setdefault(tuple(full[-n:]), {})[key] = None
                self._first.setdefault(tuple(full[:n]), {})[key] = None
        for word in full[1:-1]:  # "Lula" of "Luiz Inacio Lula da Silva"
            if word[:1].isupper() and len(word) > 2:
                self._inner.setdefault(word, {})[key] = None

    def ending_with(self, words: list[str]) -> list[str]:
        """Keys filed under these last words, first-added first (their names may have changed
        since: the caller checks)."""
        return sorted(self._last.get(tuple(words), ()), key=self._rank.__getitem__)

    def starting_with(self, words: list[str]) -> list[str]:
        return sorted(self._first.get(tuple(words), ()), key=self._rank.__getitem__)

    def inner(self, word: str) -> list[str]:
        """Keys filed with ``word`` inside their name (neither first nor last word)."""
        return sorted(self._inner.get(word, ()), key=self._rank.__getitem__)


WORD_RUN = re.compile(r"\w+")


def word_starts(text: str) -> dict[str, list[int]]:
    """Each run of word characters in ``text`` -> where it occurs, in text order."""
    starts: dict[str, list[int]] = {}
    for m in WORD_RUN.finditer(text):
        starts.setdefault(m.group(), []).append(m.start())
    return starts


def whole_word_hits(text: str, name: str, words: dict[str, list[int]]) -> Iterator[tuple[int, int]]:
    """``name`` wherever it stands as whole words, as ``re.finditer`` finds it (left to right,
    never overlapping): looked up at the places where its first word stands."""
    pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")
    first = WORD_RUN.match(name)
    if first is None or first.end() == len(name):  # not a word first, or one word alone
        yield from ((m.start(), m.end()) for m in pattern.finditer(text))
        return
    after = 0
    for at in words.get(first.group(), ()):
        if at >= after and (hit := pattern.match(text, at)) is not None:
            yield hit.start(), hit.end()
            after = hit.end()
