"""Cleaning speed next to trafilatura alone, on the same HTML pages, in one run.

    python benchmarks/clean_speed.py [--data DIR] [--limit N] [--repeat R] [--format text|json]

Pages: the article-extraction benchmark's HTML pages (``html/*.html.gz``), decoded once.

* trafilatura alone: ``trafilatura.extract(html)`` with its defaults;
* communique: ``clean.clean_article`` on an HTML ``RawArticle`` (body, metadata, language).

Speed is pages per CPU-second (``time.process_time``), the median of ``--repeat`` interleaved
rounds after one warm-up round; the figure to watch is the ratio communique / trafilatura
(1.0 = as fast). An untimed pass counts the trafilatura passes communique makes per page (one,
plus the plain pass on short precise bodies) and the pages that needed the second one. Peak
Python allocations of each side come from ``tracemalloc`` in a separate, untimed pass; the
process's maximum resident set size is reported at the end.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"


def load_pages(data_dir: Path, limit: int | None) -> list[str]:
    files = sorted((data_dir / "article-extraction-benchmark" / "html").glob("*.html.gz"))
    pages = [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in files[:limit]]
    if not pages:
        sys.exit(f"clean_speed: no benchmark pages under {data_dir}")
    return pages


def cpu_seconds(sides: Sequence[Callable[[], object]], repeat: int) -> list[float]:
    """Median CPU seconds of each side over ``repeat`` interleaved rounds (one warm-up round)."""
    samples: list[list[float]] = [[] for _ in sides]
    for round_ in range(repeat + 1):
        for i, work in enumerate(sides):
            started = time.process_time()
            work()
            if round_:
                samples[i].append(time.process_time() - started)
    return [statistics.median(values) for values in samples]


def count_passes(work: Callable[[], object]) -> int:
    """How many times ``work`` calls ``trafilatura.bare_extraction``."""
    import trafilatura

    real = trafilatura.bare_extraction
    calls = 0

    def counted(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)

    trafilatura.bare_extraction = counted
    try:
        work()
    finally:
        trafilatura.bare_extraction = real
    return calls


def peak_mib(work: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def measure(pages: Sequence[str], repeat: int) -> dict[str, Any]:
    import trafilatura

    from communique.clean import clean_article
    from communique.model import RawArticle
    from communique.settings import CleanSettings

    settings = CleanSettings()
    raws = [RawArticle(content=p, kind="html", origin=f"page:{i}") for i, p in enumerate(pages)]

    def alone() -> object:
        return [trafilatura.extract(p) for p in pages]

    def ours() -> object:
        return [clean_article(r, settings) for r in raws]

    alone_cpu, ours_cpu = cpu_seconds((alone, ours), repeat)
    alone_rate, ours_rate = len(pages) / alone_cpu, len(pages) / ours_cpu
    passes = count_passes(ours)
    return {
        "pages": len(pages),
        "trafilatura_passes_per_page": round(passes / len(pages), 3),
        "pages_with_a_second_pass": passes - len(pages),
        "trafilatura_pages_per_cpu_s": round(alone_rate, 2),
        "communique_pages_per_cpu_s": round(ours_rate, 2),
        "ratio": round(ours_rate / alone_rate, 3),
        "trafilatura_peak_alloc_mib": round(peak_mib(alone), 1),
        "communique_peak_alloc_mib": round(peak_mib(ours), 1),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "repeat": repeat,
        "date": time.strftime("%Y-%m-%d", time.gmtime()),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="use the first N pages")
    parser.add_argument("--repeat", type=int, default=3, help="timed rounds (median)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    report = measure(load_pages(args.data, args.limit), max(1, args.repeat))
    if args.format == "json":
        print(json.dumps(report))
    else:
        for key, value in report.items():
            print(f"{key:>28}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
