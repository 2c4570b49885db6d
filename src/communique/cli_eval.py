"""``communique eval SUITE``: thin CLI over ``communique.evaluation``.

The main CLI calls ``register(subparsers)``; the sub-command stores its handler in
``args.handler``, which returns the process exit code.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import CommuniqueError
from .evaluation import SuiteResult, run_suite, run_suites, suite_names
from .evaluation.runner import routine_suite_names

if TYPE_CHECKING:
    from rich.table import Table

EXIT_ERROR = 2


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``eval`` sub-command."""
    parser = subparsers.add_parser(
        "eval",
        help="score communique against a public gold set, beside baselines",
        description="Score communique on a gold set; baselines run on the same items.",
    )
    parser.add_argument("suite", choices=[*suite_names(), "all"], help="the suite to run")
    parser.add_argument(
        "--data", type=Path, default=None, help="gold data directory (default: ../shared/data)"
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default text)"
    )
    parser.add_argument("--limit", type=int, default=None, help="score only the first N items")
    parser.set_defaults(handler=eval_command)


def eval_command(args: argparse.Namespace) -> int:
    """Run the suite(s) named in ``args`` and print the result; return the exit code."""
    try:
        if args.suite == "all":
            results = run_suites(routine_suite_names(), args.data, args.limit)
        else:
            results = [run_suite(args.suite, args.data, args.limit)]
    except CommuniqueError as err:
        print(f"communique eval: {err}", file=sys.stderr)
        return EXIT_ERROR
    if args.format == "json":
        payload: object = (
            results[0].to_dict() if args.suite != "all" else [r.to_dict() for r in results]
        )
        print(json.dumps(payload, indent=2, sort_keys=False))
    else:
        from rich.console import Console  # here: other commands do not import rich

        for result in results:
            columns = 2 + len(result.baselines) + len(result.published)
            width = max(shutil.get_terminal_size().columns, 24 + 16 * columns)
            console = Console(width=width)
            console.print(result_table(result))
            for note in result.notes:
                console.print(f"  {note}", markup=False, highlight=False)
    return 0


def result_table(result: SuiteResult) -> Table:
    """One table: a row per metric, ours beside every baseline and published figure."""
    from rich.table import Table

    columns = list(result.baselines.items())
    columns += [
        (f"{name} (published)" if name in result.baselines else name, figures)
        for name, figures in result.published.items()
    ]
    table = Table(title=f"{result.suite}: {result.items} items, {result.seconds:.1f} s")
    table.add_column("metric", no_wrap=True)
    table.add_column("communique", justify="right")
    for label, _ in columns:
        table.add_column(label, justify="right")
    names = list(result.metrics)
    for _, figures in columns:
        names += [n for n in figures if n not in names]
    for name in names:
        cells = [_cell(result.metrics.get(name))]
        cells += [_cell(figures.get(name)) for _, figures in columns]
        table.add_row(name, *cells)
    return table


def _cell(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry point (``python -m communique.cli_eval events``)."""
    parser = argparse.ArgumentParser(prog="communique")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.handler(args))


if __name__ == "__main__":
    raise SystemExit(main())
