"""The gold-set scorers: well-formed figures, and a clear error when a set is missing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from communique.actors import load_actor_data
from communique.actors.evaluate import Score, score_dev_items, score_metonymy
from communique.errors import EvaluationError
from communique.model import AnnotatedArticle


def _never(text: str, on: date | None) -> AnnotatedArticle:
    raise AssertionError("no article should be annotated")


def test_actors_evaluate_missing_sets_raise_evaluation_error(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError):
        score_dev_items(tmp_path, load_actor_data(), _never)
    with pytest.raises(EvaluationError):
        score_metonymy(tmp_path, load_actor_data(), _never, None)


def test_actors_evaluate_score_line() -> None:
    score = Score("heads", 3, 4, 1)
    assert score.recall == 0.75
    assert score.line() == "heads: 3/4 = 0.750, 1 with another code"
    assert Score("none", 0, 0).recall == 0.0
