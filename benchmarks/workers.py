"""Ingest workers: 1 against 2 workers on the same real articles, each run in a fresh process.

    python benchmarks/workers.py [--data DIR] [--limit N] [--repeats R]
                                 [--start fork|spawn|both] [--format text|json]

Corpus: the diplomatic-dev articles and the first N HTML pages of the article-extraction
benchmark (from ``--data``, default ``../shared/data``) in one JSONL file. Every run is a fresh
Python process that ingests the whole file into an empty store; the runs of 1 and 2 workers
alternate, R times, and the medians are reported.

What each run measures:
- ``load``: loading the pipeline resources in the main process (wall and CPU seconds), before
  the first article. With forked workers (the default on Linux) this is the only load; with
  spawned workers (``--start spawn``, the behaviour before) the main process loads nothing and
  every worker loads its own copy inside the run.
- ``run``: the ingest itself (wall seconds, articles per wall second), the CPU of the main
  process (reading, handing out, storing) and of the pool workers (``RUSAGE_CHILDREN`` once the
  pool ended), and CPU seconds per article per worker: what one worker spends on one article,
  which should not grow when there are two of them.
- memory: peak resident and proportional set (PSS: shared pages split between the processes
  sharing them) of the main process and of the workers, sampled every 0.2 s.

Wall-clock figures are only meaningful on an otherwise idle machine with at least two cores;
the CPU figures hold under load too.
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
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_throughput import DEFAULT_DATA, build_corpus


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _memory_kib(pid: int) -> tuple[int, int]:
    """(resident, proportional) set size of a process in KiB; zeros when it is gone."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0, 0
    fields = dict(line.split(":", 1) for line in text.splitlines()[1:] if ":" in line)

    def kib(name: str) -> int:
        return int(fields.get(name, "0 kB").split()[0])

    return kib("Rss"), kib("Pss")


class MemorySampler(threading.Thread):
    """Peak RSS and PSS of this process and of its children (the pool workers)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.done = threading.Event()
        self.peak: dict[str, int] = {"main_rss": 0, "main_pss": 0, "worker_rss": 0}
        self.peak.update({"worker_pss": 0, "total_pss": 0})

    def run(self) -> None:
        me = os.getpid()
        while not self.done.wait(0.2):
            rss, pss = _memory_kib(me)
            try:
                kids = Path(f"/proc/{me}/task/{me}/children").read_text().split()
            except OSError:
                kids = []
            workers = [_memory_kib(int(k)) for k in kids]
            total = pss + sum(p for _, p in workers)
            self._keep(main_rss=rss, main_pss=pss, total_pss=total)
            for w_rss, w_pss in workers:
                self._keep(worker_rss=w_rss, worker_pss=w_pss)

    def _keep(self, **values: int) -> None:
        for name, value in values.items():
            self.peak[name] = max(self.peak[name], value)

    def mib(self) -> dict[str, float]:
        return {f"{k}_mib": round(v / 1024, 1) for k, v in self.peak.items()}


def child(corpus: Path, db: Path, workers: int, start: str) -> dict[str, Any]:
    """One run in this (fresh) process."""
    from communique.corpus import IngestOptions, ingest_sources, work
    from communique.store import open_store

    work.START_METHOD = start
    sampler = MemorySampler()
    sampler.start()
    wall0, cpu0 = time.perf_counter(), _cpu(resource.RUSAGE_SELF)
    if workers == 1 or start == "fork":
        work.pipeline_resources()  # spawned workers load their own copies instead
    wall1, cpu1 = time.perf_counter(), _cpu(resource.RUSAGE_SELF)
    with open_store(db) as store:
        summary = ingest_sources([str(corpus)], store, IngestOptions(workers=workers))
    wall2, cpu2 = time.perf_counter(), _cpu(resource.RUSAGE_SELF)
    sampler.done.set()
    sampler.join()
    workers_cpu = _cpu(resource.RUSAGE_CHILDREN)
    articles = summary.extracted
    worker_cpu = workers_cpu if workers > 1 else cpu2 - cpu1
    return {
        "workers": workers,
        "start": start,
        "read": summary.read,
        "articles": articles,
        "stored": summary.stored,
        "load_wall_s": wall1 - wall0,
        "load_cpu_s": cpu1 - cpu0,
        "run_wall_s": wall2 - wall1,
        "run_cpu_main_s": cpu2 - cpu1,
        "run_cpu_workers_s": workers_cpu,
        "articles_per_wall_s": articles / (wall2 - wall1) if wall2 > wall1 else 0.0,
        "cpu_per_article_per_worker_s": worker_cpu / articles if articles else 0.0,
        "cpu_per_article_all_s": (cpu2 - cpu1 + workers_cpu) / articles if articles else 0.0,
        **sampler.mib(),
    }


def one_run(corpus: Path, folder: Path, workers: int, start: str, n: int) -> dict[str, Any]:
    db = folder / f"{start}-w{workers}-{n}.duckdb"
    cmd = [sys.executable, __file__, "--child", str(corpus), "--db", str(db)]
    cmd += ["--workers", str(workers), "--start", start]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"workers: a run failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def summarise(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Median of every figure over the repeats of one configuration."""
    keys = [k for k, v in runs[0].items() if isinstance(v, float)]
    out: dict[str, Any] = {k: runs[0][k] for k in ("workers", "start", "read", "articles")}
    out.update({k: round(statistics.median(r[k] for r in runs), 4) for k in keys})
    out["repeats"] = len(runs)
    return out


def compare(data: Path, limit: int, repeats: int, starts: list[str]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = build_corpus(data, limit, 1, folder)[0]
        raw: dict[tuple[str, int], list[dict[str, Any]]] = {}
        for n in range(repeats):
            for start in starts:
                for workers in (1, 2) if start == starts[0] else (2,):
                    run = one_run(corpus, folder, workers, start, n)
                    raw.setdefault((start, workers), []).append(run)
    table = [summarise(runs) for runs in raw.values()]
    one = next(t for t in table if t["workers"] == 1)
    for t in table:
        speed = t["articles_per_wall_s"] / one["articles_per_wall_s"]
        t["throughput_vs_1_worker"] = round(speed, 3)
        t["cpu_per_article_per_worker_vs_1_worker"] = round(
            t["cpu_per_article_per_worker_s"] / one["cpu_per_article_per_worker_s"], 3
        )
    return {
        "cores": os.cpu_count(),
        "load_average": list(os.getloadavg()),
        "date": time.strftime("%Y-%m-%d"),
        "runs": table,
    }


def show(report: dict[str, Any]) -> None:
    runs = report["runs"]
    print(
        f"{runs[0]['read']} items, {runs[0]['articles']} articles; median of "
        f"{runs[0]['repeats']} runs; {report['cores']} cores, load average "
        f"{report['load_average'][0]:.1f} at the end"
    )
    head = "workers start  load cpu s  run wall s  art/wall s  vs 1   cpu/art/worker  vs 1"
    print(head + "  cpu main s  peak PSS all MiB")
    for r in runs:
        print(
            f"{r['workers']:>7} {r['start']:<6} {r['load_cpu_s']:>10.1f}  {r['run_wall_s']:>10.1f}"
            f"  {r['articles_per_wall_s']:>10.2f}  x{r['throughput_vs_1_worker']:<4.2f}"
            f"  {r['cpu_per_article_per_worker_s']:>14.3f}"
            f"  x{r['cpu_per_article_per_worker_vs_1_worker']:<4.2f}"
            f"  {r['run_cpu_main_s']:>10.1f}  {r['total_pss_mib']:>16.0f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=40, help="benchmark HTML pages to add")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--start", choices=("fork", "spawn", "both"), default="fork")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(child(args.child, args.db, args.workers, args.start)))
        return 0
    if not (args.data / "article-extraction-benchmark").is_dir():
        print(f"workers: no benchmark data under {args.data}", file=sys.stderr)
        return 2
    if args.repeats < 1 or args.limit < 0:
        print("workers: --repeats must be at least 1 and --limit at least 0", file=sys.stderr)
        return 2
    starts = ["fork", "spawn"] if args.start == "both" else [args.start]
    report = compare(args.data, args.limit, args.repeats, starts)
    if args.format == "json":
        print(json.dumps(report, indent=2))
    else:
        show(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
