"""Whole-pipeline throughput next to spaCy alone, on the same texts, in one run.

    python benchmarks/throughput.py [--data DIR] [--aeb N] [--repeat R] [--format text|json]

Texts: the diplomatic-dev articles, the shared example article and (``--aeb N``) the first N
ground-truth bodies of the article-extraction benchmark. Both sides get plain text:

* spaCy alone: ``nlp.pipe(texts)`` with the model and batch size the pipeline uses;
* communique: ``pipeline.run_many`` (clean, annotate, time, actors, place, events, record).

The pipeline adds its own pieces to that model (a line-break sentence splitter, an entity ruler)
and annotates the cleaned body, which can be shorter than the input. Speed is articles per
CPU-second (``time.process_time``), loading excluded, after one warm-up article each. The figure
to watch is the ratio communique / spaCy (target: 0.85 or more).
Peak memory is the process's maximum resident set size at the end.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
EXAMPLE = REPO.parent / "shared" / "examples" / "nato-russia-council.txt"


def load_texts(data_dir: Path, aeb: int) -> list[str]:
    items = sorted((data_dir / "diplomatic-dev" / "items").glob("*.json"))
    texts = [str(json.loads(p.read_text(encoding="utf-8"))["text"]) for p in items]
    if EXAMPLE.is_file():
        texts.append(EXAMPLE.read_text(encoding="utf-8"))
    truth = data_dir / "article-extraction-benchmark" / "ground-truth.json"
    if aeb and truth.is_file():
        bodies = json.loads(truth.read_text(encoding="utf-8"))
        texts += [str(v["articleBody"]) for _, v in sorted(bodies.items())[:aeb]]
    if not texts:
        sys.exit(f"throughput: no texts found under {data_dir}")
    return texts


def cpu_seconds(work: Callable[[], object], repeat: int) -> float:
    """The lowest CPU time of ``repeat`` runs of ``work``."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


def measure(texts: Sequence[str], repeat: int) -> dict[str, Any]:
    import spacy

    from communique.model import RawArticle
    from communique.pipeline import load_resources, run_many
    from communique.settings import Settings

    settings = Settings()
    nlp = spacy.load(settings.nlp.model)
    resources = load_resources(settings)
    raws = [RawArticle(content=t, kind="text", origin=f"text:{i}") for i, t in enumerate(texts)]
    list(nlp.pipe(texts[:1]))  # warm-up
    list(run_many(raws[:1], resources))
    batch = settings.nlp.batch_size
    spacy_cpu = cpu_seconds(lambda: list(nlp.pipe(texts, batch_size=batch)), repeat)
    ours_cpu = cpu_seconds(lambda: list(run_many(raws, resources)), repeat)
    spacy_rate = len(texts) / spacy_cpu
    ours_rate = len(texts) / ours_cpu
    return {
        "articles": len(texts),
        "characters": sum(len(t) for t in texts),
        "model": settings.nlp.model,
        "spacy_articles_per_cpu_s": round(spacy_rate, 2),
        "communique_articles_per_cpu_s": round(ours_rate, 2),
        "ratio": round(ours_rate / spacy_rate, 3),
        "target_ratio": 0.85,
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "repeat": repeat,
        "date": time.strftime("%Y-%m-%d", time.gmtime()),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--aeb", type=int, default=0, help="add N benchmark article bodies")
    parser.add_argument("--repeat", type=int, default=1, help="keep the best of R runs")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    report = measure(load_texts(args.data, args.aeb), max(1, args.repeat))
    if args.format == "json":
        print(json.dumps(report))
    else:
        for key, value in report.items():
            print(f"{key:>30}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
