"""The per-item comparison of two development runs (benchmarks/item_tallies.py) lists exactly
the items whose tallies or events differ."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from item_tallies import differences


def _item(found: int, events: list[str]) -> dict[str, Any]:
    return {"tally": {"found": found, "ev_found": 0}, "events": events}


def test_only_items_that_moved_are_listed_with_their_events() -> None:
    a = {"x:1": _item(1, ["CONSULT/occurred A,B-> None None"]), "x:2": _item(0, [])}
    b = {
        "x:1": _item(1, ["CONSULT/occurred A,B-> None None"]),
        "x:2": _item(1, ["AID/planned C->D"]),
    }
    lines = differences(a, b)
    assert lines[0] == "x:2 {'found': 1}"
    assert lines[1:] == ["   + AID/planned C->D"]
    assert differences(a, a) == []
