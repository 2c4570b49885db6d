"""Loading the resources leaves them outside the cyclic garbage collector's reach."""

from __future__ import annotations

import gc
from typing import Any


def test_pipeline_resources_are_frozen(resources: Any) -> None:
    """``load_resources`` ends with ``gc.freeze``: the loaded objects are in the permanent
    generation, so collections during a run do not walk them."""
    assert gc.get_freeze_count() > 100_000
    assert gc.is_tracked(resources.actors)
    assert not any(obj is resources.actors for obj in gc.get_objects())
