"""Per-item tallies over the development batteries and the real development part, and the
items two runs differ on: how a rule is checked to lose no item before it is kept.

    python benchmarks/item_tallies.py run OUT.json       # tally every development item
    python benchmarks/item_tallies.py diff A.json B.json # the items whose tallies differ

``run`` scores each item of the development batteries (``shape_battery.DEVELOPMENT``) and of
the real development part (``communique eval articles``) as the articles suite does (meetings
found, reported and matching; other events found, reported and matching) and writes the
tallies with a short line per reported event. Run it at two commits (or before and after a
change) and ``diff`` lists every item that gained or lost, with the events that came and went.
The held-out batteries and the locked parts are never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from shape_battery import DATA, DEVELOPMENT, load

from communique import default_resources, extract_article
from communique.evaluation.articles import LabelledArticle, Tally, load_labelled, score_article
from communique.evaluation.runner import default_data_dir
from communique.model import Record
from communique.settings import CleanSettings, Settings


def _events(record: Record | None) -> list[str]:
    if record is None:
        return []
    ents = {e.id: e for e in record.entities}

    def codes(ids: tuple[str, ...]) -> str:
        return ",".join(sorted(str(ents[i].code or ents[i].country or ents[i].name) for i in ids))

    return [
        f"{e.type}/{e.status} {codes(e.actors)}->{codes(e.recipients)} "
        f"{e.when.start if e.when else None} {e.where.name if e.where else None}"
        for e in record.events
        if e.type != "STATEMENT"
    ]


def tally(items: list[tuple[str, LabelledArticle, bool]]) -> dict[str, Any]:
    """``items``: (key, article, real?); short battery texts are not cut by the cleaner."""
    real = default_resources()
    short = replace(
        real, settings=Settings(clean=CleanSettings(min_chars=1, require_english=False))
    )
    out: dict[str, Any] = {}
    for key, art, is_real in items:
        record = extract_article(
            art.text, published=art.published, resources=real if is_real else short
        )
        t = Tally()
        score_article(t, art, record)
        out[key] = {"tally": asdict(t), "events": _events(record)}
    return out


def development_items(data_dir: Path) -> list[tuple[str, LabelledArticle, bool]]:
    items = [
        (f"{name.removeprefix('shapes_').removesuffix('.jsonl')}:{a.id}", a, False)
        for name in DEVELOPMENT
        for a in load(DATA / name)
    ]
    return items + [(f"real:{a.id}", a, True) for a in load_labelled(data_dir, "dev")]


def differences(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    lines = []
    for key in sorted(a.keys() & b.keys()):
        ta, tb = a[key]["tally"], b[key]["tally"]
        changed = {f: tb[f] - ta[f] for f in ta if tb[f] != ta[f]}
        if not changed and a[key]["events"] == b[key]["events"]:
            continue
        lines.append(f"{key} {changed}")
        lines += [f"   - {e}" for e in sorted(set(a[key]["events"]) - set(b[key]["events"]))]
        lines += [f"   + {e}" for e in sorted(set(b[key]["events"]) - set(a[key]["events"]))]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run")
    run.add_argument("out", type=Path)
    run.add_argument("--data", type=Path, default=default_data_dir())
    diff = sub.add_parser("diff")
    diff.add_argument("a", type=Path)
    diff.add_argument("b", type=Path)
    args = parser.parse_args(argv)
    if args.command == "run":
        result = tally(development_items(args.data))
        args.out.write_text(json.dumps(result, indent=0), encoding="utf-8")
        print(f"item_tallies: {len(result)} items written to {args.out}")
        return 0
    for path in (args.a, args.b):
        if not path.is_file():
            print(f"item_tallies: no such file: {path}", file=sys.stderr)
            return 2
    a = json.loads(args.a.read_text(encoding="utf-8"))
    b = json.loads(args.b.read_text(encoding="utf-8"))
    lines = differences(a, b)
    print("\n".join(lines) if lines else "item_tallies: no item differs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
