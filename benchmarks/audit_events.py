"""Audit every event communique emits on fresh real articles: correct / partly correct / should
not exist.

    python benchmarks/audit_events.py sheet OUT.json [--list NAME]  # run, write a grading sheet
    python benchmarks/audit_events.py score GRADED.json  # shares of each grade, by type

The articles are listed in ``src/communique/evaluation/data/audit/<NAME>.json`` (default
``articles``; source pointers into the shared corpora, texts read at run time). Each list is
drawn once, before the system runs on it, and graded once. A grader fills ``grade`` on each event
of the sheet with ``correct`` (every field right), ``partly`` (the act is real but a field is
wrong: actor, target, status, date or place) or ``wrong`` (the event should not exist), and a
short ``why``. Graded sheets are kept under ``src/communique/evaluation/data/audit/``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from importlib import resources
from pathlib import Path

from communique.evaluation.articles import source_text
from communique.evaluation.meetings import Article, pipeline_records
from communique.evaluation.runner import default_data_dir
from communique.model import Entity

GRADES = ("correct", "partly", "wrong")


def _articles(name: str) -> list[dict[str, object]]:
    path = resources.files("communique.evaluation").joinpath("data", "audit", f"{name}.json")
    if not path.is_file():
        sys.exit(f"audit_events: no article list {name!r} under evaluation/data/audit/")
    return list(json.loads(path.read_text(encoding="utf-8"))["articles"])


def sheet(out: Path, name: str = "articles") -> None:
    data = default_data_dir()
    listed = _articles(name)
    arts = []
    for a in listed:
        src = a["source"]
        assert isinstance(src, dict)
        pub = a.get("published")
        arts.append(
            Article(
                str(a["id"]),
                source_text(data, src),
                date.fromisoformat(str(pub)) if pub else None,
                (),
            )
        )
    records = pipeline_records(arts)
    rows = []
    for art, rec in zip(arts, records, strict=True):
        if rec is None:
            continue
        ents = {e.id: e for e in rec.entities}
        for ev in rec.events:
            rows.append(
                {
                    "article": art.id,
                    "event": ev.id,
                    "type": ev.type,
                    "mode": ev.mode,
                    "status": ev.status,
                    "actors": _who(ents, ev.actors),
                    "recipients": _who(ents, ev.recipients),
                    "when": ev.when.start if ev.when else None,
                    "where": ev.where.name if ev.where else None,
                    "meeting": ev.meeting is not None,
                    "evidence": [s.text for s in ev.evidence],
                    "rules": list(ev.rules),
                    "grade": None,
                    "why": "",
                }
            )
    out.write_text(
        json.dumps(
            {"articles": [a.id for a in arts], "events": rows}, indent=1, ensure_ascii=False
        ),
        encoding="utf-8",
    )
    print(f"{len(rows)} events from {len(arts)} articles -> {out}")


def _who(ents: dict[str, Entity], ids: tuple[str, ...]) -> list[str]:
    return [f"{ents[i].name} ({ents[i].code or ents[i].country})" for i in ids if i in ents]


def score(path: Path) -> None:
    rows = json.loads(path.read_text(encoding="utf-8"))["events"]
    graded = [r for r in rows if r.get("grade") in GRADES]
    if len(graded) != len(rows):
        sys.exit(f"{len(rows) - len(graded)} events have no grade")
    total = Counter(r["grade"] for r in graded)
    n = len(graded)
    print(f"events {n}: " + ", ".join(f"{g} {total[g]} ({total[g] / n:.0%})" for g in GRADES))
    by_type: dict[str, Counter[str]] = {}
    for r in graded:
        by_type.setdefault(r["type"], Counter())[r["grade"]] += 1
    for t, c in sorted(by_type.items(), key=lambda x: -sum(x[1].values())):
        m = sum(c.values())
        print(f"  {t:10} {m:3}  " + "  ".join(f"{g} {c[g] / m:.0%}" for g in GRADES))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sheet")
    s.add_argument("out", type=Path)
    s.add_argument("--list", default="articles", help="article list under evaluation/data/audit/")
    c = sub.add_parser("score")
    c.add_argument("graded", type=Path)
    a = ap.parse_args()
    sheet(a.out, a.list) if a.cmd == "sheet" else score(a.graded)


if __name__ == "__main__":
    main()
