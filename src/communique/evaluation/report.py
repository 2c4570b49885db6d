"""Markdown tables from saved suite results, so the figures in docs/EVALUATION.md are pasted from
a run and never typed by hand.

    communique eval events --format json > events.json
    python -m communique.evaluation.report events.json [more.json ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def _cell(value: float | None) -> str:
    if value is None:
        return "–"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3f}"


def table(result: dict[str, Any]) -> str:
    """One suite result (the ``--format json`` object) as a markdown table with its notes."""
    columns: list[tuple[str, dict[str, float]]] = [("communique", result["metrics"])]
    columns += list(result.get("baselines", {}).items())
    columns += [
        (name if "published" in name else f"{name}, published", figures)
        for name, figures in result.get("published", {}).items()
    ]
    metrics = list(result["metrics"])
    lines = [
        "| metric | " + " | ".join(name for name, _ in columns) + " |",
        "|---|" + "---:|" * len(columns),
    ]
    for metric in metrics:
        cells = [_cell(figures.get(metric)) for _, figures in columns]
        lines.append(f"| `{metric}` | " + " | ".join(cells) + " |")
    out = "\n".join(lines) + "\n"
    for name, source in result.get("sources", {}).items():
        out += f"\n*{name}*: {source}\n"
    notes = result.get("notes") or []
    if notes:
        out += "\n" + "\n".join(f"- {n}" for n in notes) + "\n"
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="markdown tables from `communique eval` JSON")
    parser.add_argument("results", nargs="+", type=Path)
    args = parser.parse_args(argv)
    for path in args.results:
        try:
            result = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as err:
            print(f"error: {path}: {err}", file=sys.stderr)
            return 2
        print(f"### {result['suite']} ({result['items']} items)\n")
        print(table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
