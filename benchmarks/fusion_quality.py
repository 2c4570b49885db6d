"""Fusion quality on the invented multi-outlet corpus (tests/data/fusion_corpus.jsonl).

    python benchmarks/fusion_quality.py [--corpus PATH] [--groups PATH] [--db PATH]
                                        [--format text|json]

Ingests the corpus with the real pipeline (``communique ingest`` path: read, de-duplicate,
code, store, fuse) into a temporary DuckDB store, aligns each article's reports with the gold
groups the article mentions (rules in ``communique.fuse.quality``) and prints B-cubed
precision, recall and F1 over the aligned reports, the same with missed mentions counted as
singletons, the missed mentions, and per group whether the fused event has the gold
participants, place and date.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from communique.corpus import IngestOptions, ingest_sources
from communique.corpus.work import Process
from communique.fuse.quality import FusionQuality, load_gold, score_corpus
from communique.store import Store, open_store

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def article_ids(store: Store) -> dict[str, tuple[str, str | None]]:
    rows = store.con.execute("SELECT url, id, duplicate_of FROM articles").fetchall()
    return {url: (aid, dup) for url, aid, dup in rows if url}


def evaluate(corpus: Path, groups: Path, db: str, process: Process | None = None) -> FusionQuality:
    """Ingest the corpus into a store at ``db`` and score it; ``process`` replaces the pipeline."""
    articles, gold = load_gold(corpus, groups)
    with open_store(db) as store:
        ingest_sources([str(corpus)], store, IngestOptions(), process)
        return score_corpus(store, articles, gold, article_ids(store))


def render(q: FusionQuality) -> str:
    lines = [
        f"B3 over {q.score.items} aligned reports: P {q.score.precision:.3f} "
        f"R {q.score.recall:.3f} F1 {q.score.f1:.3f}",
        f"B3 strict (missed mentions as singletons, {q.strict.items} items): "
        f"P {q.strict.precision:.3f} R {q.strict.recall:.3f} F1 {q.strict.f1:.3f}",
        f"missed mentions: {len(q.missed)}",
    ]
    lines += [f"  {group}  {url}" for url, group in q.missed]
    by_fused: dict[str, list[str]] = {}
    for it in q.items:
        by_fused.setdefault(it.fused, []).append(it.group)
    lines.append("fused events holding scored reports (gold groups of their reports):")
    for fused, members in sorted(by_fused.items(), key=lambda kv: sorted(kv[1])):
        lines.append(f"  {fused}  {' '.join(sorted(members))}")
    ok = sum(c.ok for c in q.checks)
    lines.append(f"group checks (participants, place, date): {ok}/{len(q.checks)} fully right")
    for c in q.checks:
        marks = "".join("+" if x else "-" for x in (c.participants_ok, c.place_ok, c.date_ok))
        lines.append(
            f"  {c.group} {marks}  {','.join(c.participants)} | {c.place} ({c.country}) | {c.date}"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DATA / "fusion_corpus.jsonl")
    parser.add_argument("--groups", type=Path, default=DATA / "fusion_corpus_groups.json")
    parser.add_argument("--db", help="keep the store at this path (default: a temporary file)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "fusion.duckdb")
        quality = evaluate(args.corpus, args.groups, db)
    if args.format == "json":
        print(json.dumps(asdict(quality), indent=1))
    else:
        print(render(quality))
        print(f"({time.monotonic() - started:.1f}s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
