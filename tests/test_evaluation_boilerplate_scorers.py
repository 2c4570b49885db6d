"""The boilerplate suite's scorers on tiny hand-made cases."""

from __future__ import annotations

import pytest

from communique.evaluation.boilerplate import (
    aeb_scores,
    flat_length_filter,
    segment_counts,
    segment_scores,
    shingle_match,
    shingles,
)


def test_evaluation_boilerplate_shingles_are_four_token_windows() -> None:
    assert sum(shingles("one two three four five").values()) == 2
    assert shingles("one two") == {("one", "two"): 1}
    assert shingles("") == {}
    assert ("a", "b", "c", "d") in shingles("a, b; c - d!")


def test_evaluation_boilerplate_shingle_match_is_normalised() -> None:
    assert shingle_match("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    tp, fp, fn = shingle_match("a b c d e", "a b c d e f")  # 2 shared, 1 extra
    assert (tp, fp, fn) == pytest.approx((2 / 3, 1 / 3, 0.0))
    assert shingle_match("a b c d", "w x y z") == (0.0, 0.5, 0.5)
    assert shingle_match("", "") == (0.0, 0.0, 0.0)


def test_evaluation_boilerplate_aeb_scores_average_pages_then_f1() -> None:
    perfect = shingle_match("a b c d e", "a b c d e")
    half = shingle_match("a b c d e", "a b c d e f")  # precision 2/3, recall 1
    missed = shingle_match("a b c d e", "")  # no prediction: recall 0, not in precision
    p, r, f = aeb_scores([perfect, half, missed])
    assert p == pytest.approx((1 + 2 / 3) / 2)
    assert r == pytest.approx((1 + 1 + 0) / 3)
    assert f == pytest.approx(2 * p * r / (p + r))
    assert aeb_scores([(0.0, 0.0, 0.0)]) == (0.0, 0.0, 0.0)


def test_evaluation_boilerplate_segments_use_normalised_substrings() -> None:
    result = "The  ministers met\nin Oslo on Monday. Share this article"
    counts = segment_counts(result, ["ministers met in Oslo", "a missing part"], ["Share this"])
    assert counts == (1, 1, 1, 0)
    assert segment_counts(None, ["x"], ["y"]) == (0, 0, 1, 1)
    p, r, f = segment_scores([counts, (1, 0, 0, 1)])
    assert (p, r) == (pytest.approx(2 / 3), pytest.approx(2 / 3))
    assert f == pytest.approx(2 / 3)


def test_evaluation_boilerplate_length_baseline_keeps_long_lines() -> None:
    text = "Home\n" + " ".join(["word"] * 12) + "\nShort line here"
    assert flat_length_filter(text) == " ".join(["word"] * 12)
