"""Intervals answers overlap questions exactly as the pairwise test it replaces."""

from hypothesis import given
from hypothesis import strategies as st

from quotegraph.intervals import Intervals

ranges = st.lists(st.tuples(st.integers(0, 200), st.integers(0, 60)).map(lambda r: (r[0], r[0] + r[1])),
                  max_size=30)


@given(ranges, st.integers(0, 260), st.integers(0, 60))
def test_overlaps_agrees_with_the_pairwise_test(spans, start, length):
    end = start + length
    expected = any(s < end and start < e for s, e in spans)
    assert Intervals(spans).overlaps(start, end) == expected


def test_a_long_range_before_short_ones_still_counts():
    # the running maximum of the ends: (0, 100) starts first but reaches past the later ones
    index = Intervals([(0, 100), (10, 12), (20, 22)])
    assert index.overlaps(50, 60)
    assert not Intervals([(10, 12), (20, 22)]).overlaps(50, 60)
    assert not Intervals([]).overlaps(0, 10)
