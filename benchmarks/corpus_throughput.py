"""Corpus throughput: ``communique ingest`` with 1 and 2 workers and the Spark job on local[2],
on the same corpus, in one run.

    python benchmarks/corpus_throughput.py [--data DIR] [--limit N] [--files F] [--no-spark]
                                           [--format text|json]

Corpus: the diplomatic-dev articles and the first N HTML pages of the article-extraction
benchmark (from ``--data``, default ``../shared/data``), written as F JSONL files (Spark runs
one task per file). Each path starts from an empty store / output folder.

Figures: wall-clock seconds and articles per second, everything included (loading the model
once, in the main process, before the pool forks; the DuckDB writes; for Spark the session start
and the Parquet writes), and the ratio to the 1-worker run. Memory: the peak resident set of the
1-worker process (model loaded, writer included) and of the largest pool worker (its resident
set counts the pages it shares with the main process). Spark's fixed start-up cost is reported
apart: the session start, and a run on a one-article manifest (start-up plus one model load per
executor) which is what a job costs before its first useful article. For the steps of that
fixed cost and Spark's CPU per article see ``spark_fixed_cost.py``; for 1 against 2 workers in
fresh processes, CPU per article included, see ``workers.py``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"


def build_corpus(data: Path, limit: int, files: int, folder: Path) -> list[Path]:
    """Write the corpus as ``files`` JSONL files; return their paths."""
    rows: list[dict[str, Any]] = []
    for item in sorted((data / "diplomatic-dev" / "items").glob("*.json")):
        d = json.loads(item.read_text(encoding="utf-8"))
        rows.append(
            {
                "text": d["text"],
                "published": d.get("published"),
                "url": f"https://dev.invalid/{d['id']}",
            }
        )
    truth = json.loads(
        (data / "article-extraction-benchmark" / "ground-truth.json").read_text(encoding="utf-8")
    )
    pages = sorted((data / "article-extraction-benchmark" / "html").glob("*.html.gz"))[:limit]
    for page in pages:
        key = page.name.split(".")[0]
        html = gzip.decompress(page.read_bytes()).decode("utf-8", "replace")
        rows.append({"html": html, "url": truth.get(key, {}).get("url")})
    paths = [folder / f"part-{n}.jsonl" for n in range(files)]
    for n, path in enumerate(paths):
        part = rows[n::files]
        path.write_text("".join(json.dumps(r) + "\n" for r in part), encoding="utf-8")
    return paths


def run_ingest(paths: list[Path], workers: int, folder: Path) -> dict[str, Any]:
    from communique.corpus import IngestOptions, ingest_sources
    from communique.store import open_store

    started = time.perf_counter()
    with open_store(folder / f"w{workers}.duckdb") as store:
        summary = ingest_sources([str(p) for p in paths], store, IngestOptions(workers=workers))
        counts = store.counts()
    seconds = time.perf_counter() - started
    return {
        "path": f"ingest --workers {workers}",
        "seconds": seconds,
        "read": summary.read,
        "articles": summary.extracted,
        "events": counts.events,
        "fused_events": counts.fused_events,
    }


def run_spark(paths: list[Path], folder: Path, name: str) -> dict[str, Any]:
    from communique.spark import run_spark_job

    manifest = folder / f"{name}.txt"
    manifest.write_text("\n".join(str(p) for p in paths) + "\n", encoding="utf-8")
    started = time.perf_counter()
    result = run_spark_job(manifest, folder / f"{name}-out", master="local[2]")
    return {
        "path": "spark local[2]",
        "seconds": time.perf_counter() - started,
        "articles": result.rows.get("articles", 0),
        "events": result.rows.get("events", 0),
        "session_start": result.startup_seconds,
        "rejected": _rejections(folder / f"{name}-out" / "rejections"),
    }


def _rejections(folder: Path) -> dict[str, int]:
    import duckdb

    files = list(folder.rglob("*.parquet"))
    if not files:
        return {}
    rows = duckdb.sql(
        "SELECT reason, count(*) FROM read_parquet(?) GROUP BY reason",
        params=[[str(f) for f in files]],
    ).fetchall()
    return {str(reason): int(n) for reason, n in rows}


def peak_mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=40, help="benchmark HTML pages to add")
    parser.add_argument("--files", type=int, default=4, help="JSONL files (Spark tasks)")
    parser.add_argument("--no-spark", action="store_true")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    if not (args.data / "article-extraction-benchmark").is_dir():
        print(f"corpus_throughput: no benchmark data under {args.data}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = build_corpus(args.data, args.limit, args.files, folder)
        runs = [run_ingest(paths, 2, folder)]
        memory = {"pool_worker_peak_mib": peak_mib(resource.RUSAGE_CHILDREN)}
        runs.insert(0, run_ingest(paths, 1, folder))
        memory["single_process_peak_mib"] = peak_mib(resource.RUSAGE_SELF)
        startup: dict[str, float] = {}
        if not args.no_spark:
            runs.append(run_spark(paths, folder, "corpus"))
            one = folder / "one.jsonl"
            one.write_text(
                paths[0].read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8"
            )
            tiny = run_spark([one], folder, "tiny")
            startup = {
                "session_start_s": runs[-1]["session_start"],
                "one_article_job_s": tiny["seconds"],
            }
    base = runs[0]["seconds"]
    for r in runs:
        r["articles_per_s"] = r["articles"] / r["seconds"] if r["seconds"] else 0.0
        r["ratio_to_1_worker"] = base / r["seconds"] if r["seconds"] else 0.0
    report = {"runs": runs, "memory": memory, "spark_fixed_cost": startup, "items": runs[0]["read"]}
    if args.format == "json":
        print(json.dumps(report, indent=2))
    else:
        print(f"corpus: {runs[0]['read']} items in {args.files} JSONL files")
        for r in runs:
            print(
                f"{r['path']:<22} {r['seconds']:7.1f}s  {r['articles']:4d} articles  "
                f"{r['articles_per_s']:5.2f}/s  x{r['ratio_to_1_worker']:.2f} vs 1 worker"
            )
        print(
            f"peak memory: single process {memory['single_process_peak_mib']:.0f} MiB, "
            f"largest pool worker {memory['pool_worker_peak_mib']:.0f} MiB"
        )
        if startup:
            print(
                f"spark fixed cost: session start {startup['session_start_s']:.1f}s, "
                f"a one-article job {startup['one_article_job_s']:.1f}s"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
