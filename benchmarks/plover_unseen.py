"""PLOVER event types on invented, unseen sentences (tests/data/plover_unseen.jsonl).

    python benchmarks/plover_unseen.py [--data PATH] [--format text|json] [--errors]

The lexicon and rules of the event coder were written while reading the PLOVER GSR, so the
``communique eval events`` figure overstates accuracy on new text. These sentences were
written afterwards, in wire-news style, and labelled (type and CAMEO code in ``note``) before
the coder was run on them. Each sentence is coded as its own article, exactly as the events
suite reads a GSR sentence (``pipeline_codings``: the main event is the most confident event
that is not a bare STATEMENT). Prints type micro-F1 (abstentions are misses, not false
positives), accuracy, macro-F1, per-type recall/precision and the confusion of each gold type.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from communique.evaluation.events import class_f1, pipeline_codings, type_scores

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "plover_unseen.jsonl"


def load(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def evaluate(items: list[dict[str, str]]) -> dict[str, Any]:
    """Scores of the pipeline on the items, with the confusion and the misses."""
    gold = [item["type"] for item in items]
    predicted = [coding.main for coding in pipeline_codings([item["text"] for item in items])]
    scores = type_scores(gold, predicted)
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)
    confusion: dict[str, Counter[str]] = {}
    for g, p in zip(gold, predicted, strict=True):
        confusion.setdefault(g, Counter())[p] += 1
    per_type = {
        kind: {
            "n": sum(confusion[kind].values()),
            "recall": confusion[kind][kind] / sum(confusion[kind].values()),
            "f1": class_f1(gold, predicted, kind),
        }
        for kind in sorted(confusion)
    }
    misses = [
        {"text": item["text"], "gold": g, "predicted": p}
        for item, g, p in zip(items, gold, predicted, strict=True)
        if g != p
    ]
    return {
        "items": len(items),
        "type_micro_f1": scores["type_micro_f1"],
        "type_macro_f1": scores["type_macro_f1"],
        "accuracy": accuracy,
        "per_type": per_type,
        "confusion": {k: dict(v.most_common()) for k, v in sorted(confusion.items())},
        "misses": misses,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--errors", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    result = evaluate(load(args.data))
    if args.format == "json":
        json.dump(result, sys.stdout, indent=1)
        print()
        return 0
    print(
        f"items {result['items']}  type micro-F1 {result['type_micro_f1']:.3f}  "
        f"accuracy {result['accuracy']:.3f}  macro-F1 {result['type_macro_f1']:.3f}"
    )
    for kind, row in result["per_type"].items():
        confused = ", ".join(f"{p} {n}" for p, n in result["confusion"][kind].items() if p != kind)
        print(
            f"  {kind:<10} n={row['n']:<2} recall {row['recall']:.2f}  "
            f"F1 {row['f1']:.2f}  {confused}"
        )
    if args.errors:
        for miss in result["misses"]:
            print(f"  [{miss['gold']} -> {miss['predicted']}] {miss['text']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
