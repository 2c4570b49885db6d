"""What a process pays before its first article, and what a store-only command costs.

Each start-up part runs in a fresh Python process (nothing warm but the operating system's
file cache) and is measured as CPU seconds (user + system) inside that process; the figure is
the median of --runs processes:

    imports           import communique.pipeline
    actors_cold       load_actor_data() with an empty cache folder (parse + write the
                      derived office-holder table)
    actors            load_actor_data() with the table cached (after its imports)
    nlp_model         spaCy imported, the model loaded, the line splitter added
    ruler             the entity ruler fed with the actor patterns (model already loaded)
    gazetteer_cold    load_gazetteer() with an empty cache folder (build + write)
    gazetteer_warm    load_gazetteer() with the index cached
    load_resources    load_resources() with the place index and the office-holder table
                      cached (the start-up budget: <= 3 s)
    process           a whole process: interpreter, imports and load_resources()

Then a synthetic store of --events coded events (``communique.api.synthetic``) is written, its
fused rows made, and `communique events --db STORE` runs --runs times in fresh processes (CPU
of the whole command, output thrown away; whether spaCy was imported is checked), beside the
stored rows read as dicts (events_query), the text lines made in SQL (events_listing: what the
command prints) and the same listing made by fusing every stored report in Python (what
`events` did before the fused rows).

    python benchmarks/startup.py
    python benchmarks/startup.py --runs 5 --events 50000 --format json
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

# Each child prints {"cpu": seconds} for its part (CPU since the part began).
CHILD = r"""
import json, sys, time
part = sys.argv[1]
start = time.process_time()
if part == "process":
    from communique.pipeline import load_resources
    load_resources()
    print(json.dumps({"cpu": time.process_time()}))
    raise SystemExit
if part == "imports":
    import communique.pipeline
elif part.startswith("actors"):
    from communique.actors import load_actor_data
    start = time.process_time()
    load_actor_data()
elif part == "nlp_model":
    from communique.nlp import load_nlp
    from communique.settings import NlpSettings
    start = time.process_time()
    load_nlp(NlpSettings(), [])
elif part == "ruler":
    from communique.actors import load_actor_data
    from communique.nlp import load_nlp
    from communique.nlp.backend import add_entity_ruler
    from communique.settings import NlpSettings
    patterns = load_actor_data().ruler_patterns()
    nlp = load_nlp(NlpSettings(), []).nlp
    start = time.process_time()
    add_entity_ruler(nlp, patterns)
elif part.startswith("gazetteer"):
    from communique.place import load_gazetteer
    start = time.process_time()
    load_gazetteer()
elif part == "load_resources":
    from communique.pipeline import load_resources
    start = time.process_time()
    load_resources()
print(json.dumps({"cpu": time.process_time() - start}))
"""

PARTS = (
    "imports",
    "actors_cold",
    "actors",
    "nlp_model",
    "ruler",
    "gazetteer_cold",
    "gazetteer_warm",
)
TOTALS = ("load_resources", "process")
EVENTS_CHILD = r"""
import sys
from communique.cli import main
code = main(sys.argv[1:])
print("spacy" in sys.modules, file=sys.stderr)
raise SystemExit(code)
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5, help="processes per figure (median)")
    ap.add_argument("--events", type=int, default=50_000, help="coded events in the store")
    ap.add_argument("--format", choices=("text", "json"), default="text")
    ap.add_argument("--skip-store", action="store_true", help="start-up figures only")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="startup-bench-"))
    out: dict[str, Any] = {"runs": args.runs, "startup_cpu_s": _startup(work, args.runs)}
    if not args.skip_store:
        out["store"] = _store(work, args.events, args.runs)
    if args.format == "json":
        print(json.dumps(out, indent=2))
    else:
        _print_text(out)
    return 0


def _startup(work: Path, runs: int) -> dict[str, float]:
    warm = work / "cache-warm"
    _child("load_resources", warm)  # fills the cache folder the warm figures read
    found: dict[str, list[float]] = {p: [] for p in PARTS + TOTALS}
    for i in range(runs):  # interleaved: a slow moment of the machine touches every part
        for part in PARTS + TOTALS:
            cold = part.endswith("_cold")
            cache = work / f"cache-cold-{part}-{i}" if cold else warm
            found[part].append(_child(part, cache))
    return {part: round(statistics.median(v), 3) for part, v in found.items()}


def _child(part: str, cache: Path) -> float:
    env = {**os.environ, "COMMUNIQUE_CACHE": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, part], env=env, capture_output=True, text=True, check=True
    )
    return float(json.loads(done.stdout.strip().splitlines()[-1])["cpu"])


def _store(work: Path, events: int, runs: int) -> dict[str, Any]:
    from communique.api.synthetic import write_synthetic_store
    from communique.store import EventQuery, open_store

    db = work / "store.duckdb"
    write_synthetic_store(db, events)
    t = time.process_time()
    with open_store(db):  # a writer opening the store makes its fused rows
        pass
    fuse_rows = time.process_time() - t
    with open_store(db, read_only=True) as store:
        fused = store.counts().fused_events
        t = time.process_time()
        listed = store.event_briefs(EventQuery())
        query = time.process_time() - t
        t = time.process_time()
        store.event_listing(EventQuery(), "text")  # the lines `events` prints, made in SQL
        listing = time.process_time() - t
        t = time.process_time()
        store._fuse_events(EventQuery())  # the listing as made before: fusing in Python
        python = time.process_time() - t
    command, spacy = [], []
    for _ in range(runs):
        cpu, imported = _events_command(db)
        command.append(cpu)
        spacy.append(imported)
    return {
        "events": events,
        "fused_events": fused,
        "listed": len(listed),
        "make_fused_rows_cpu_s": round(fuse_rows, 3),
        "events_query_cpu_s": round(query, 3),
        "events_listing_cpu_s": round(listing, 3),
        "events_by_python_fusion_cpu_s": round(python, 3),
        "events_command_cpu_s": round(statistics.median(command), 3),
        "events_command_imports_spacy": any(spacy),
    }


def _events_command(db: Path) -> tuple[float, bool]:
    """CPU seconds of `communique events --db DB` in a fresh process, and whether it imported
    spaCy."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [sys.executable, "-c", EVENTS_CHILD, "events", "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, done.stderr.strip().splitlines()[-1] == "True"


def _print_text(out: dict[str, Any]) -> None:
    print(f"start-up, CPU seconds, median of {out['runs']} fresh processes")
    for part, cpu in out["startup_cpu_s"].items():
        print(f"  {part:<16} {cpu:7.3f}")
    store = out.get("store")
    if store:
        print(f"store of {store['events']:,} events ({store['fused_events']:,} fused)")
        for key in (
            "make_fused_rows_cpu_s",
            "events_query_cpu_s",
            "events_listing_cpu_s",
            "events_by_python_fusion_cpu_s",
            "events_command_cpu_s",
        ):
            print(f"  {key:<32} {store[key]:7.3f}")
        print(f"  events command imports spaCy: {store['events_command_imports_spacy']}")


if __name__ == "__main__":
    sys.exit(main())
