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


@pytest.mark.parametrize(
    "name",
    [
        "shapes_meetings.jsonl",
        "shapes_events.jsonl",
        "shapes_articles.jsonl",
        "shapes_heldout.jsonl",
        "shapes_domestic.jsonl",
        "shapes_domestic_heldout.jsonl",
    ],
)
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
