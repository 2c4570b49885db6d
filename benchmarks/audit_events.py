"""Audit every event communique emits on fresh real articles: correct / partly correct / should
not exist.

    python benchmarks/audit_events.py draw NAME [--n 20] [--seed S]  # draw a fresh article list
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
import hashlib
import json
import random
import re
import sys
from collections import Counter
from datetime import date
from importlib import resources
from pathlib import Path

from communique.evaluation.articles import _json_bodies, _xml_texts, source_text
from communique.evaluation.meetings import Article, pipeline_records
from communique.evaluation.runner import default_data_dir
from communique.model import Entity

GRADES = ("correct", "partly", "wrong")


def _articles(name: str) -> list[dict[str, object]]:
    path = resources.files("communique.evaluation").joinpath("data", "audit", f"{name}.json")
    if not path.is_file():
        sys.exit(f"audit_events: no article list {name!r} under evaluation/data/audit/")
    return list(json.loads(path.read_text(encoding="utf-8"))["articles"])


#: Words whose presence marks an article as political news; an article's score is the number
#: of distinct words of this list it contains (case-insensitive, whole words).
POLITICAL_WORDS = (
    "minister",
    "president",
    "government",
    "talks",
    "summit",
    "embassy",
    "ambassador",
    "diplomat",
    "diplomatic",
    "foreign",
    "sanctions",
    "treaty",
    "parliament",
    "troops",
    "military",
    "negotiations",
    "visit",
    "accused",
    "protest",
    "election",
)
MIN_SCORE = 4

#: The shared corpora articles are drawn from: (dataset, file under the data folder, id prefix).
_POOLS = (
    ("geoparsing_gritta", "Corpora/lgl.xml", "lgl"),
    ("geoparsing_gritta", "Corpora/TR-News.xml", "trn"),
    ("geoparsing_gritta", "GWN.xml", "gwn"),
)


def _used(data: Path) -> set[tuple[str, str]]:
    """(file, item) of every shared-corpus item already annotated, audited or in diplomatic-dev."""
    used: set[tuple[str, str]] = set()
    folder = resources.files("communique.evaluation").joinpath("data")
    for part in ("articles/dev", "articles/test"):
        for f in folder.joinpath(part).iterdir():
            if f.name.endswith(".json"):
                src = json.loads(f.read_text(encoding="utf-8")).get("source") or {}
                used.add((str(src.get("file")), str(src.get("item"))))
    for f in sorted((data / "diplomatic-dev" / "items").glob("*.json")):  # its development items
        src = json.loads(f.read_text(encoding="utf-8")).get("source") or {}
        used.add((str(src.get("file")), str(src.get("item"))))
    for f in folder.joinpath("audit").iterdir():
        if f.name.endswith(".json") and not f.name.endswith(".graded.json"):
            for a in json.loads(f.read_text(encoding="utf-8")).get("articles", []):
                if isinstance(a, dict):
                    src = a["source"]
                    used.add((str(src.get("file")), str(src.get("item"))))
    return used


def political_score(text: str) -> int:
    words = set(re.findall(r"[a-z]+", text.lower()))
    return sum(w in words for w in POLITICAL_WORDS)


def draw(name: str, n: int, seed: int, min_score: int = MIN_SCORE) -> None:
    """Draw ``n`` articles at random (seeded) among the shared-corpus items not yet annotated or
    audited whose political score is at least ``min_score``; the system is not run on them."""
    data = default_data_dir()
    out = Path(
        str(resources.files("communique.evaluation").joinpath("data", "audit", f"{name}.json"))
    )
    if out.exists():
        sys.exit(f"audit_events: {out.name} exists; an article list is drawn once")
    used = _used(data)
    pool = []
    for dataset, file, prefix in _POOLS:
        if not (data / "geoparsing" / file).is_file():
            continue
        for item, text in sorted(_xml_texts(str(data / "geoparsing" / file)).items()):
            if (file, item) not in used and political_score(text) >= min_score:
                pool.append((prefix + item, dataset, file, item, text))
    aeb = data / "article-extraction-benchmark" / "ground-truth.json"
    if aeb.is_file():  # the benchmark's ground-truth article bodies, ids as "aeb" + 10 hex
        for item, text in sorted(_json_bodies(str(aeb)).items()):
            if (aeb.name, item) not in used and political_score(text) >= min_score:
                pool.append(
                    ("aeb" + item[:10], "article-extraction-benchmark", aeb.name, item, text)
                )
    picked = random.Random(seed).sample(pool, min(n, len(pool)))
    articles = [
        {
            "id": pid,
            "source": {"dataset": dataset, "file": file, "item": item},
            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "published": None,
        }
        for pid, dataset, file, item, text in sorted(picked)
    ]
    how = (
        f"{len(articles)} articles drawn at random (seed {seed}) from the {len(pool)} "
        "shared-corpus items not yet annotated or audited whose political score "
        f"(benchmarks/audit_events.py) is at least {min_score}; publication dates unknown"
    )
    out.write_text(
        json.dumps({"drawn": date.today().isoformat(), "how": how, "articles": articles}, indent=1)
        + "\n",
        encoding="utf-8",
    )
    print(f"{how} -> {out}")


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
    d = sub.add_parser("draw")
    d.add_argument("name", help="name of the new list under evaluation/data/audit/")
    d.add_argument("--n", type=int, default=20)
    d.add_argument("--seed", type=int, default=3)
    d.add_argument("--min-score", type=int, default=MIN_SCORE)
    a = ap.parse_args()
    if a.cmd == "draw":
        draw(a.name, a.n, a.seed, a.min_score)
    else:
        sheet(a.out, a.list) if a.cmd == "sheet" else score(a.graded)


if __name__ == "__main__":
    main()
