"""Character ranges asked "does start..end overlap any of you?" many times.

Sorted once, with a running maximum of the ends, each question is a binary search: stages that
test every quote, token or mention against every leftover or quoted span stay near-linear on
long texts instead of multiplying the two counts.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate


class Intervals:
    """Half-open ranges ``(start, end)``; overlapping ranges are allowed."""

    def __init__(self, ranges: Iterable[tuple[int, int]]):
        self.ranges = sorted(ranges)
        self._starts = [start for start, _ in self.ranges]
        self._max_end = list(accumulate((end for _, end in self.ranges), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some range ``(s, e)`` has ``s < end and start < e``."""
        before = bisect_left(self._starts, end)  # the ranges that start before ``end``
        return before > 0 and self._max_end[before - 1] > start

    def __bool__(self) -> bool:
        return bool(self.ranges)
