"""Corpus commands: ``ingest``, ``events``, ``show``, ``export``, ``spark``.

Each handler parses, calls the library, prints, and turns a ``communique.errors`` exception into
a one-line message on standard error with exit code 2. The main CLI calls ``register``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from .errors import CommuniqueError, InputError
from .ingest.limits import ITEM_SECONDS

EXIT_ERROR = 2
EXIT_INTERRUPTED = 130
_DB_HELP = "the store, a DuckDB file"
Handler = Callable[[argparse.Namespace], int]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the corpus sub-commands."""
    _add_ingest(subparsers)
    _add_events(subparsers)
    show = subparsers.add_parser("show", help="one fused event with its sources and evidence")
    show.add_argument("event_id", metavar="EVENT_ID", help="an event id, as `events` lists it")
    show.add_argument("--db", required=True, metavar="PATH", help=_DB_HELP)
    show.add_argument(
        "--format", choices=("json", "text"), default="text", help="output format (default text)"
    )
    show.set_defaults(handler=_guard("show", cmd_show))
    export = subparsers.add_parser("export", help="write a store as JSONL, CSV, Parquet, POLECAT")
    export.add_argument("--db", required=True, metavar="PATH", help=_DB_HELP)
    export.add_argument(
        "--format",
        choices=("jsonl", "csv", "parquet", "polecat"),
        default="jsonl",
        help="output format (default jsonl)",
    )
    export.add_argument(
        "--out",
        type=Path,
        metavar="PATH",
        help="output file (a directory for parquet); default standard output",
    )
    export.set_defaults(handler=_guard("export", cmd_export))
    spark = subparsers.add_parser("spark", help="run the pipeline on Spark over a manifest")
    spark.add_argument(
        "--manifest",
        required=True,
        type=Path,
        metavar="FILE",
        help="one WARC / JSONL path per line",
    )
    spark.add_argument(
        "--out", required=True, type=Path, metavar="DIR", help="folder of the Parquet tables"
    )
    spark.add_argument("--batch", help="ingest batch name (default: the manifest's name)")
    spark.add_argument(
        "--master", default="local[2]", help="Spark master URL (default local[2]: two cores here)"
    )
    spark.set_defaults(handler=_guard("spark", cmd_spark))
    from .api.cli import register as register_serve

    register_serve(subparsers)


def _add_ingest(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("ingest", help="ingest files, WARCs, feeds or URLs into a store")
    p.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help="file, directory, glob, JSONL(.gz), WARC(.gz), feed, URL list or URL",
    )
    p.add_argument("--db", required=True, metavar="PATH", help=_DB_HELP + " (created if new)")
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="worker processes running the pipeline (default 1; each loads the models)",
    )
    p.add_argument("--batch", default="", help="a name recorded with every stored item")
    p.add_argument(
        "--allow-private",
        action="store_true",
        help="allow fetching private, loopback and link-local addresses",
    )
    p.add_argument(
        "--timeout", type=float, default=10.0, metavar="SECONDS", help="seconds per request"
    )
    p.add_argument(
        "--max-bytes",
        type=int,
        default=5 * 1024 * 1024,
        metavar="N",
        help="largest page fetched, in bytes",
    )
    p.add_argument(
        "--rate",
        type=float,
        default=1.0,
        metavar="SECONDS",
        help="seconds between two requests to one host",
    )
    p.add_argument(
        "--item-timeout",
        type=float,
        default=ITEM_SECONDS,
        metavar="SECONDS",
        help=f"an article still running after this long is left out as a timeout failure "
        f"(default {ITEM_SECONDS:g}; 0: no limit)",
    )
    p.add_argument(
        "--no-progress", action="store_true", help="no live progress line on standard error"
    )
    p.set_defaults(handler=_guard("ingest", cmd_ingest))


def _add_events(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("events", help="query fused events in a store or Spark output")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--db", metavar="PATH", help=_DB_HELP)
    where.add_argument("--parquet", type=Path, metavar="DIR", help="output of `communique spark`")
    p.add_argument(
        "--actor",
        type=_code,
        metavar="CODE",
        help="a participant code, any case (RUS, rus, NATO, ...)",
    )
    p.add_argument(
        "--type", type=_code, metavar="T", help="event type, any case (CONSULT, agree, ...)"
    )
    p.add_argument("--since", type=_day, metavar="DATE", help="events on or after YYYY-MM-DD")
    p.add_argument("--limit", type=int, metavar="N", help="at most N events")
    p.add_argument(
        "--format",
        choices=("json", "jsonl", "text", "csv"),
        default="text",
        help="output format (default text)",
    )
    p.set_defaults(handler=_guard("events", cmd_events))


def _guard(name: str, handler: Handler) -> Handler:
    def run(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except CommuniqueError as err:
            message = " ".join(str(err).split("\n")).strip()
            print(f"communique {name}: {message}", file=sys.stderr)  # one line, newline-ended
            return EXIT_ERROR

    return run


def _code(value: str) -> str:
    """Actor codes and event types are upper case in the store; people type them any way."""
    return value.strip().upper()


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from err


# --- handlers -------------------------------------------------------------------------------


def cmd_ingest(args: argparse.Namespace) -> int:
    from .corpus import IngestOptions, ingest_sources
    from .corpus.ingest import IngestInterrupted
    from .ingest.urls import FetchSettings
    from .store import open_store

    if args.workers < 1:
        raise InputError("--workers must be at least 1")
    if args.item_timeout < 0:
        raise InputError("--item-timeout must be 0 (no limit) or more")
    fetch = FetchSettings(
        timeout=args.timeout,
        max_bytes=args.max_bytes,
        per_host_interval=args.rate,
        allow_private=args.allow_private,
    )
    options = IngestOptions(
        workers=args.workers,
        batch=args.batch,
        fetch=fetch,
        progress=not args.no_progress and sys.stderr.isatty(),
        item_seconds=args.item_timeout or None,
    )
    with open_store(args.db) as store:
        try:
            summary = ingest_sources(args.sources, store, options)
        except IngestInterrupted as stop:
            for line in stop.summary.lines():
                print(line, file=sys.stderr)
            print(
                f"communique ingest: stopped by {stop.signal_name}; everything above is committed."
                " To resume, run the same command again: the items already handled are skipped.",
                file=sys.stderr,
            )
            return EXIT_INTERRUPTED
    for line in summary.lines():
        print(line, file=sys.stderr)
    return 0 if summary.extracted or summary.unchanged or not summary.read else 1


def cmd_events(args: argparse.Namespace) -> int:
    from .store import EventQuery, open_store

    if args.parquet is not None:
        from .spark.query import query_parquet_events

        rows = query_parquet_events(
            args.parquet, actor=args.actor, type_=args.type, since=args.since, limit=args.limit
        )
    else:
        query = EventQuery(actor=args.actor, type=args.type, since=args.since, limit=args.limit)
        with open_store(_existing(args.db), read_only=True) as store:
            if args.format == "text":  # lines made by the store (in SQL when it can)
                lines = store.event_listing(query, "text")
                sys.stdout.write("".join(line + "\n" for line in lines))
                return 0
            if args.format == "csv":
                sys.stdout.write("".join(store.event_listing(query, "csv")))
                return 0
            lines = store.event_line_texts(query)  # the export lines, as stored
            if args.format == "jsonl":
                sys.stdout.writelines(line + "\n" for line in lines)
                return 0
            rows = [json.loads(line) for line in lines]
    _print_events(rows, args.format)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from .corpus.lines import article_line, event_line
    from .store import open_store
    from .store.listing import text_line

    with open_store(_existing(args.db), read_only=True) as store:
        event = store.fused_event(args.event_id)
        if event is None:
            raise InputError(f"no event {args.event_id!r} in {args.db}")
        articles = {a.id: article_line(a) for a in store.articles(event.sources)}
    payload = event_line(event)
    payload["articles"] = [articles[s] for s in event.sources if s in articles]
    if args.format == "json":
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        print(text_line(payload))
        for a in payload["articles"]:
            copy = f"  (copy of {a['duplicate_of']})" if a["duplicate_of"] else ""
            print(
                f"  source {a['id']}  {a['published'] or '-'}  {a['title'] or ''}  "
                f"{a['url'] or ''}{copy}"
            )
        for field, values in payload["variants"].items():
            counts = ", ".join(f"{v['value']} ({v['count']})" for v in values)
            print(f"  variants of {field}: {counts}")
        for ev in payload["evidence"]:
            print(f"  evidence [{ev['article']} {ev['start']}:{ev['end']}] {ev['text']}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .corpus import export_store
    from .store import open_store

    with open_store(_existing(args.db), read_only=True) as store:
        n = export_store(store, args.format, args.out if args.out else sys.stdout)
    print(f"exported {n} rows", file=sys.stderr)
    return 0


def cmd_spark(args: argparse.Namespace) -> int:
    from .spark import run_spark_job
    from .spark.stop import SparkInterrupted

    try:
        result = run_spark_job(args.manifest, args.out, batch=args.batch, master=args.master)
    except SparkInterrupted as stop:
        print(
            f"communique spark: stopped by {stop.signal_name}; the Spark jobs were cancelled and "
            f"batch {stop.batch} was not written. To resume, run the same command again: "
            "the batch is written whole.",
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    print(result.line(), file=sys.stderr)
    return 0


# --- output ---------------------------------------------------------------------------------


def _existing(path: str) -> str:
    if not Path(path).exists():
        raise InputError(f"{path}: no such store")
    return path


def _print_events(rows: list[dict[str, Any]], fmt: str) -> None:
    from .store.listing import csv_lines, text_line

    if fmt == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    elif fmt == "jsonl":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        sys.stdout.write("".join(csv_lines(rows)))
    else:
        for row in rows:
            print(text_line(row))
