"""Questions about stretches of one text answered without scanning every stretch.

The stages ask, for each mention or token of an article, whether it overlaps any of the
article's other stretches (mentions, names, states). Asked of a list, that costs the length of
the list each time, so the cost per word grows with the article. ``Stretches`` answers the same
question in logarithmic time, exactly as the list would.
"""

from __future__ import annotations

from collections.abc import Iterable

_NONE = -(2**62)  # below every end offset


class Stretches:
    """Half-open stretches ``[start, end)`` of a text of ``size`` characters, added one by one.

    ``overlaps(start, end)`` is exactly ``any(s < end and start < e for s, e in added)``: a
    Fenwick tree over start offsets keeps the largest end of the stretches starting at or
    before each offset. Stretches outside ``0..size`` (never made by the pipeline) are kept
    in a list and checked one by one, so the answer is the same for any integers."""

    __slots__ = ("_outside", "_size", "_tree")

    def __init__(self, size: int, stretches: Iterable[tuple[int, int]] = ()) -> None:
        self._size = max(0, size) + 1  # starts 0..size
        self._tree = [_NONE] * (self._size + 1)
        self._outside: list[tuple[int, int]] = []
        for start, end in stretches:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        if not 0 <= start < self._size:
            self._outside.append((start, end))
            return
        tree, i = self._tree, start + 1
        while i <= self._size:
            if tree[i] < end:
                tree[i] = end
            i += i & -i

    def overlaps(self, start: int, end: int) -> bool:
        """Does any stretch added so far share a character with ``start:end``? (For an empty
        stretch added, whether it lies strictly inside ``start:end``, as the list test says.)"""
        if self._furthest_end_before(end) > start:
            return True
        return any(s < end and start < e for s, e in self._outside)

    def _furthest_end_before(self, end: int) -> int:
        """The largest end among stretches starting before ``end``."""
        tree, i, best = self._tree, min(max(end, 0), self._size), _NONE
        while i > 0:
            if tree[i] > best:
                best = tree[i]
            i -= i & -i
        return best
