"""Golden files for the events stage: each built-in example article against its expected
meetings, positions and links, compared on stable fields.

Regenerate on purpose only:
``COMMUNIQUE_REGENERATE_GOLDEN=1 python -m pytest tests/test_events_golden.py``
and review the diff before committing it.
"""

from __future__ import annotations

import json
import os
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

import pytest

from communique import Record, extract_article

GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = sorted(
    p.name[:-4]
    for p in importlib_resources.files("communique.examples").iterdir()
    if p.name.endswith(".txt")
)


def stable_view(record: Record) -> dict[str, Any]:
    """The fields a change must not move by accident (no ids, offsets or confidences)."""
    ents = {e.id: e for e in record.entities}

    def code(eid: str) -> str:
        e = ents[eid]
        return e.code or e.country or e.name

    def name(eid: str | None) -> str | None:
        return ents[eid].name if eid else None

    events = []
    for ev in record.events:
        item: dict[str, Any] = {
            "type": ev.type,
            "status": ev.status,
            "actors": sorted({code(a) for a in ev.actors}),
            "recipients": sorted({code(a) for a in ev.recipients}),
            "when": ev.when.start if ev.when else None,
            "where": [ev.where.name, ev.where.venue, ev.where.country] if ev.where else None,
            "sentence": ev.evidence[0].text[:60] if ev.evidence else None,
        }
        if ev.meeting:
            item["meeting"] = {
                "forum": ev.meeting.forum,
                "chair": sorted(name(c) or "" for c in ev.meeting.chair),
                "delegations": sorted(
                    [code(d.party), name(d.head)] for d in ev.meeting.delegations
                ),
                "agenda": list(ev.meeting.agenda),
            }
        if ev.items:
            item["items"] = list(ev.items)
        events.append(item)
    index = {ev.id: n for n, ev in enumerate(record.events)}
    links = sorted([index[k.source], k.relation, index[k.target]] for k in record.links)
    return {
        "title": record.article.title.value if record.article.title else None,
        "removed": list(record.article.removed),
        "events": events,
        "links": links,
    }


@pytest.mark.slow
@pytest.mark.parametrize("name", EXAMPLES)
def test_events_golden_examples(name: str, resources: Any) -> None:
    text = (
        importlib_resources.files("communique.examples").joinpath(f"{name}.txt").read_text("utf-8")
    )
    got = stable_view(extract_article(text, resources=resources))
    path = GOLDEN / f"events_{name}.expected.json"
    if os.environ.get("COMMUNIQUE_REGENERATE_GOLDEN") == "1":
        path.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert got == expected
