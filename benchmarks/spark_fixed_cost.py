"""The Spark job's fixed cost and its cost per article, on one local session.

    python benchmarks/spark_fixed_cost.py [--data DIR] [--limit N] [--files F]
                                          [--master local[2]] [--no-share] [--format text|json]

Steps, in one process and one session, each timed (wall seconds, and CPU seconds of this
process and of every process under it: the JVM, the Python daemon and its workers):

1. ``session``: starting the Spark session (the JVM);
2. ``first_job``: a job on a one-article manifest on the new session: the Python daemon starts
   (with ``communique.spark.daemon`` it loads the pipeline resources once), the workers fork,
   one article runs, four Parquet tables are written;
3. ``warm_job``: the same one-article job again: what every job costs on a warm session
   (scheduling, one article, the writes);
4. ``corpus_job``: the diplomatic-dev articles and N article-extraction-benchmark pages in F
   JSONL files (one task each) on the warm session.

Reported: the fixed cost before the first article (``session`` + ``first_job`` − the
article's own share), CPU seconds per article in the corpus job (every process counted, the
JVM included) and articles per CPU-second, which is what one core of a cluster delivers. The
peak PSS (proportional set: shared pages split between the processes sharing them) of the
Python processes and of the JVM is sampled every 0.2 s. ``--no-share`` starts the session
without the resource-loading daemon: each Python worker loads its own copy (the behaviour
before).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_throughput import DEFAULT_DATA, build_corpus

TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> tuple[int, float, str] | None:
    """(parent pid, CPU seconds with reaped children, command) of a live process."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return None
    fields = raw.rsplit(")", 1)[1].split()
    ticks = sum(int(f) for f in fields[11:15])  # utime, stime, cutime, cstime
    return int(fields[1]), ticks / TICK, cmd


def descendants() -> dict[int, tuple[float, str]]:
    """Every process under this one: pid -> (CPU seconds, command)."""
    table: dict[int, tuple[int, float, str]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (got := _stat(int(entry.name))) is not None:
            table[int(entry.name)] = got
    me, found = os.getpid(), {}
    for pid, (_, cpu, cmd) in table.items():
        up, seen = pid, 0
        while up in table and up != me and seen < 50:
            up, seen = table[up][0], seen + 1
        if up == me and pid != me:
            found[pid] = (cpu, cmd)
    return found


def cpu_now(ledger: dict[int, float]) -> float:
    """CPU seconds of this process and of every process under it that was ever seen (a process
    that ended keeps its last reading)."""
    for pid, (cpu, _) in descendants().items():
        ledger[pid] = max(cpu, ledger.get(pid, 0.0))
    return time.process_time() + sum(ledger.values())


def _pss_kib(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    for line in text.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    return 0


class MemorySampler(threading.Thread):
    """Peak PSS of the Python processes under this one, and of the JVM."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.done = threading.Event()
        self.python_kib = self.jvm_kib = 0

    def run(self) -> None:
        while not self.done.wait(0.2):
            python = jvm = 0
            for pid, (_, cmd) in descendants().items():
                if "java" in cmd.split(" ", 1)[0]:
                    jvm += _pss_kib(pid)
                elif "python" in cmd.split(" ", 1)[0]:
                    python += _pss_kib(pid)
            self.python_kib, self.jvm_kib = max(self.python_kib, python), max(self.jvm_kib, jvm)


def _manifest(folder: Path, name: str, paths: list[Path]) -> Path:
    manifest = folder / f"{name}.txt"
    manifest.write_text("".join(f"{p}\n" for p in paths), encoding="utf-8")
    return manifest


def measure(data: Path, limit: int, files: int, master: str, share: bool) -> dict[str, Any]:
    from communique.spark import run_spark_job
    from communique.spark.job import start_session

    ledger: dict[int, float] = {}
    steps: dict[str, dict[str, float]] = {}
    memory = MemorySampler()
    memory.start()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = build_corpus(data, limit, files, folder)
        one = folder / "one.jsonl"
        one.write_text(paths[0].read_text(encoding="utf-8").splitlines()[0] + "\n", "utf-8")

        def step(name: str, run: Any) -> Any:
            wall, cpu = time.perf_counter(), cpu_now(ledger)
            result = run()
            steps[name] = {
                "wall_s": round(time.perf_counter() - wall, 3),
                "cpu_s": round(cpu_now(ledger) - cpu, 3),
            }
            return result

        session = step("session", lambda: start_session(master, share_resources=share))
        try:
            job = _manifest(folder, "one", [one])
            step("first_job", lambda: run_spark_job(job, folder / "o1", spark=session))
            step("warm_job", lambda: run_spark_job(job, folder / "o2", spark=session))
            corpus = _manifest(folder, "corpus", paths)
            result = step("corpus_job", lambda: run_spark_job(corpus, folder / "o3", spark=session))
        finally:
            session.stop()
    memory.done.set()
    memory.join()
    articles = result.rows.get("articles", 0)
    job_wall = steps["corpus_job"]["wall_s"] - steps["warm_job"]["wall_s"]
    job_cpu = steps["corpus_job"]["cpu_s"] - steps["warm_job"]["cpu_s"]
    return {
        "master": master,
        "share_resources": share,
        "cores": os.cpu_count(),
        "load_average": list(os.getloadavg()),
        "date": time.strftime("%Y-%m-%d"),
        "steps": steps,
        "corpus": {"files": files, "articles": articles, "events": result.rows.get("events", 0)},
        "fixed_cost_wall_s": round(steps["session"]["wall_s"] + steps["first_job"]["wall_s"], 3),
        "fixed_cost_cpu_s": round(steps["session"]["cpu_s"] + steps["first_job"]["cpu_s"], 3),
        # the corpus job less what any job costs (the warm one-article job)
        "cpu_per_article_s": round(job_cpu / max(articles - 1, 1), 4),
        "articles_per_cpu_s": round(max(articles - 1, 1) / job_cpu, 4) if job_cpu > 0 else 0.0,
        "articles_per_wall_s": round(max(articles - 1, 1) / job_wall, 4) if job_wall > 0 else 0.0,
        "peak_pss_python_mib": round(memory.python_kib / 1024, 1),
        "peak_pss_jvm_mib": round(memory.jvm_kib / 1024, 1),
    }


def show(report: dict[str, Any]) -> None:
    print(
        f"{report['master']}, resources shared: {report['share_resources']}; "
        f"{report['cores']} cores, load average {report['load_average'][0]:.1f} at the end"
    )
    for name, figures in report["steps"].items():
        print(f"  {name:<11} {figures['wall_s']:7.1f} s wall  {figures['cpu_s']:7.1f} s CPU")
    c = report["corpus"]
    print(
        f"fixed cost before the first article: {report['fixed_cost_wall_s']:.1f} s wall, "
        f"{report['fixed_cost_cpu_s']:.1f} s CPU"
    )
    print(
        f"corpus job: {c['articles']} articles in {c['files']} files; "
        f"{report['cpu_per_article_s']:.3f} CPU-s per article "
        f"({report['articles_per_cpu_s']:.2f} articles per CPU-second), "
        f"{report['articles_per_wall_s']:.2f} articles per wall second"
    )
    print(
        f"peak PSS: Python processes {report['peak_pss_python_mib']:.0f} MiB, "
        f"JVM {report['peak_pss_jvm_mib']:.0f} MiB"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=40, help="benchmark HTML pages to add")
    parser.add_argument("--files", type=int, default=4, help="JSONL files (Spark tasks)")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--no-share", action="store_true", help="each worker loads its own")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    if not (args.data / "article-extraction-benchmark").is_dir():
        print(f"spark_fixed_cost: no benchmark data under {args.data}", file=sys.stderr)
        return 2
    if args.files < 1 or args.limit < 0:
        print("spark_fixed_cost: --files must be at least 1, --limit at least 0", file=sys.stderr)
        return 2
    try:
        import pyspark  # noqa: F401
    except ImportError:
        print("spark_fixed_cost: pyspark is not installed", file=sys.stderr)
        return 2
    report = measure(args.data, args.limit, args.files, args.master, not args.no_share)
    if args.format == "json":
        print(json.dumps(report, indent=2))
    else:
        show(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
