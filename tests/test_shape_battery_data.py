"""The invented shape batteries (tests/data/shapes_*.jsonl, scored by
benchmarks/shape_battery.py) are well-formed: every label quotes its evidence verbatim and
uses the annotation vocabulary."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from communique.model import EVENT_TYPES

DATA = Path(__file__).parent / "data"
STATUSES = {"occurred", "planned", "ongoing", "cancelled"}
CODE = re.compile(r"^[A-Z][A-Za-z0-9]{1,11}$")  # ISO3 or an organisation's short name


BATTERIES = sorted(p.name for p in DATA.glob("shapes_*.jsonl"))


def test_every_battery_is_scored_by_the_benchmark() -> None:
    script = (Path(__file__).parents[1] / "benchmarks" / "shape_battery.py").read_text()
    assert len(BATTERIES) >= 6
    assert all(f'"{name}"' in script for name in BATTERIES), BATTERIES


@pytest.mark.parametrize("name", BATTERIES)
def test_shape_battery_labels_quote_their_text(name: str) -> None:
    ids = set()
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        assert item["id"] not in ids
        ids.add(item["id"])
        text = item["text"]
        for m in item["meetings"]:
            assert m["evidence"] in text, (item["id"], m["evidence"])
            assert m["status"] in STATUSES
            assert m["participants"] and all(CODE.match(c) for c in m["participants"])
        for e in item["other_events"]:
            assert e["evidence"] in text, (item["id"], e["evidence"])
            assert e["type"] in EVENT_TYPES and CODE.match(e["actor"])
            assert e["recipient"] is None or CODE.match(e["recipient"])
