"""Loading the resources leaves them outside the cyclic garbage collector's reach."""

from __future__ import annotations

import gc
from typing import Any

import pytest

from communique import pipeline


def test_pipeline_resources_are_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    """``load_resources`` ends with ``gc.freeze``: what it loaded is in the permanent
    generation, so collections during a run do not walk it. (Loaders replaced by light ones;
    whatever froze before is released first, as a forked ingest pool does when it ends.)"""
    loaded: list[Any] = []

    def fake(*_: object) -> Any:
        loaded.append([{"name": str(i)} for i in range(1000)])
        return loaded[-1]

    monkeypatch.setattr(pipeline, "load_actor_data", lambda files: _Actors())
    monkeypatch.setattr(pipeline, "load_nlp", fake)
    monkeypatch.setattr(pipeline, "load_gazetteer", fake)
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    resources = pipeline.load_resources()
    assert gc.get_freeze_count() >= 2000
    assert gc.is_tracked(resources) and gc.is_tracked(loaded[0])
    assert not any(obj is resources or obj is loaded[0] for obj in gc.get_objects())


class _Actors:
    def ruler_patterns(self) -> list[dict[str, object]]:
        return []
