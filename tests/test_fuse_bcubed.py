"""The B-cubed scorer on small clusterings worked out by hand."""

from __future__ import annotations

import pytest

from communique.fuse import bcubed


def test_fuse_bcubed_perfect_clustering_scores_one() -> None:
    gold = {"a": 1, "b": 1, "c": 2}
    score = bcubed({"a": "x", "b": "x", "c": "y"}, gold)
    assert (score.precision, score.recall, score.f1, score.items) == (1.0, 1.0, 1.0, 3)


def test_fuse_bcubed_one_big_cluster_loses_precision_only() -> None:
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    score = bcubed(dict.fromkeys(gold, "all"), gold)
    assert score.recall == 1.0
    assert score.precision == pytest.approx(0.5)
    assert score.f1 == pytest.approx(2 / 3)


def test_fuse_bcubed_singletons_lose_recall_only() -> None:
    gold = {"a": 1, "b": 1, "c": 1, "d": 2}
    score = bcubed({k: k for k in gold}, gold)
    assert score.precision == 1.0
    assert score.recall == pytest.approx((1 / 3 * 3 + 1) / 4)


def test_fuse_bcubed_scores_only_shared_items() -> None:
    assert bcubed({"z": 1}, {"a": 1}).items == 0
    assert bcubed({"a": 1, "z": 1}, {"a": 1}).f1 == 1.0
