"""Garbage-collection time of the main process before and after a forked worker pool.

    python benchmarks/frozen_heap.py [--data DIR] [--pages N] [--repeat R]

``load_resources`` moves what it loaded out of the cyclic collector's reach (``gc.freeze``). A
forked ingest pool (``corpus.work.run_ordered`` with workers) freezes the heap while it runs;
this measures what the main process's collections cost on the same pages before the pool and
after it ended, so that a pool that left the loaded resources back in the collector's reach
shows as a higher figure after. Figures: CPU ms per page spent in collections (``gc.callbacks``,
``time.process_time``), median of ``--repeat`` passes over the first N pages of the
article-extraction benchmark, and the frozen object counts.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"


class CollectionClock:
    """CPU seconds spent inside the cyclic collector while installed."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._started = time.process_time()
        else:
            self.seconds += time.process_time() - self._started

    def __enter__(self) -> CollectionClock:
        gc.callbacks.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self)


def _pages(data: Path, n: int) -> list[Any]:
    from communique.ingest import decode_item
    from communique.model import RawArticle
    from communique.settings import IngestSettings

    root = data / "article-extraction-benchmark"
    truth_path = root / "ground-truth.json"
    if not truth_path.is_file():
        sys.exit(f"frozen_heap: no article-extraction benchmark under {data}")
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    raws = []
    for i, key in enumerate(sorted(truth)[:n]):
        raw = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
        page = decode_item(raw, IngestSettings(), key)
        if isinstance(page, str):
            raws.append(RawArticle(page, "html", url=truth[key].get("url"), origin=f"page:{i}"))
    return raws


def _gc_ms_per_page(raws: list[Any], resources: Any, repeat: int) -> float:
    from communique.pipeline import run_many

    samples = []
    for _ in range(repeat):
        with CollectionClock() as clock:
            list(run_many(raws, resources))
        samples.append(1000 * clock.seconds / len(raws))
    return round(statistics.median(samples), 2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if args.pages < 1 or args.repeat < 1:
        parser.error("--pages and --repeat must be at least 1")
    from communique.corpus import work
    from communique.model import RawArticle

    raws = _pages(args.data, args.pages)
    resources = work.pipeline_resources()  # load_resources: frozen at the end
    report: dict[str, Any] = {"pages": len(raws), "frozen_after_load": gc.get_freeze_count()}
    _gc_ms_per_page(raws, resources, 1)  # warm-up: caches filled, first-use objects made
    report["gc_ms_per_page_before_pool"] = _gc_ms_per_page(raws, resources, args.repeat)
    items = [(i, RawArticle(f"Talks {i} were held in Geneva on Monday.", "text")) for i in range(8)]
    list(work.run_ordered(items, None, 2, seconds=60.0))
    report["frozen_after_pool"] = gc.get_freeze_count()
    report["gc_ms_per_page_after_pool"] = _gc_ms_per_page(raws, resources, args.repeat)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
