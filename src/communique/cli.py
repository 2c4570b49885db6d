"""The command line: parse arguments, call the library, turn library errors into one-line
messages and exit codes. No logic of its own.

Exit codes: 0 ok; 1 nothing could be extracted (every input skipped or failed); 2 usage or
input error; 3 a resource (model, data file) is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from importlib import resources as importlib_resources
from pathlib import Path

from . import __version__
from .errors import CommuniqueError, InputError, ResourceError
from .ingest import parse_date, read_bytes, read_path
from .model import RawArticle, Record, Skip
from .render import render_left_out_text, render_record_text
from .serialize import left_out_to_dict, record_to_dict
from .settings import ActorSettings, Settings

EXAMPLES = "communique.examples"


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        code: int = args.handler(args)
        return code
    except ResourceError as err:
        print(f"communique: error: {err}", file=sys.stderr)
        return 3
    except CommuniqueError as err:
        print(f"communique: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("communique: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="communique", description="Diplomatic news in, a structured and evidenced record out."
    )
    parser.add_argument("--version", action="version", version=f"communique {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    ex = sub.add_parser("extract", help="extract the record of one or more articles")
    ex.add_argument(
        "paths", nargs="*", metavar="PATH", help="text, HTML or JSONL files; - for standard input"
    )
    ex.add_argument(
        "--example", metavar="NAME", help="run on a built-in example (see `communique examples`)"
    )
    ex.add_argument(
        "--published", type=_iso_date, help="publication date YYYY-MM-DD (overrides metadata)"
    )
    ex.add_argument("--url", help="the article's URL (recorded)")
    ex.add_argument("--format", choices=("json", "jsonl", "text"), default="json")
    ex.add_argument("--db", metavar="PATH", help="also write the records to this DuckDB file")
    ex.add_argument(
        "--explain",
        action="store_true",
        help="also list the candidate events left out, each with the rule that left it out",
    )
    ex.add_argument(
        "--actors",
        action="append",
        type=Path,
        metavar="FILE",
        help="your own actors or office-holders: a CSV with the columns of the package's "
        "office_holders/states/igos/groups table (repeatable; see docs/ACTORS.md)",
    )
    ex.set_defaults(handler=cmd_extract)
    exs = sub.add_parser("examples", help="list the built-in example articles")
    exs.set_defaults(handler=cmd_examples)
    _register_optional(sub)
    return parser


def _register_optional(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Corpus and evaluation commands live in their own modules."""
    from . import cli_corpus, cli_eval

    cli_corpus.register(sub)
    cli_eval.register(sub)


def _iso_date(value: str) -> date:
    parsed = parse_date(value) if len(value.strip()) == 10 else None
    if parsed is None:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}")
    return parsed


def cmd_examples(args: argparse.Namespace) -> int:
    for name in example_names():
        print(name)
    return 0


def example_names() -> list[str]:
    folder = importlib_resources.files(EXAMPLES)
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt"))


def _inputs(args: argparse.Namespace, settings: Settings) -> Iterator[RawArticle | Skip]:
    if args.example:
        if args.example not in example_names():
            raise InputError(
                f"no built-in example {args.example!r} (try: {', '.join(example_names())})"
            )
        text = (
            importlib_resources.files(EXAMPLES)
            .joinpath(f"{args.example}.txt")
            .read_text(encoding="utf-8")
        )
        yield RawArticle(
            content=text, kind="text", published=args.published, origin=f"example:{args.example}"
        )
    if not args.paths and not args.example:
        raise InputError("give at least one PATH, - for standard input, or --example NAME")
    for p in args.paths:
        if p == "-":
            yield from read_bytes(
                sys.stdin.buffer.read(), settings.ingest, origin="<stdin>", published=args.published
            )
        else:
            yield from read_path(Path(p), settings.ingest, published=args.published)


def cmd_extract(args: argparse.Namespace) -> int:
    from .pipeline import load_resources

    settings = Settings(actors=ActorSettings(files=tuple(args.actors or ())))
    raws = list(_inputs(args, settings))
    if args.url:
        raws = [r if isinstance(r, Skip) else _with_url(r, args.url) for r in raws]
    resources = load_resources(settings) if any(isinstance(r, RawArticle) for r in raws) else None
    records: list[Record] = []
    skipped = 0
    for raw in raws:
        result: Record | Skip = raw if isinstance(raw, Skip) else _run(raw, resources)
        if isinstance(result, Skip):
            skipped += 1
            print(
                f"communique: {result.origin}: skipped ({result.reason.value}): {result.detail}",
                file=sys.stderr,
            )
            continue
        records.append(result)
    _emit(records, args.format, single=len(raws) == 1, explain=args.explain)
    if args.db and records:
        from .store import open_store

        with open_store(args.db) as store:
            for r in records:
                store.write_record(r)
    if skipped and records:
        print(f"communique: {len(records)} extracted, {skipped} skipped", file=sys.stderr)
    return 0 if records else 1


def _run(raw: RawArticle, resources: object) -> Record | Skip:
    from .pipeline import Resources, run

    assert isinstance(resources, Resources)
    return run(raw, resources)


def _with_url(raw: RawArticle, url: str) -> RawArticle:
    return RawArticle(
        content=raw.content, kind=raw.kind, url=url, published=raw.published, origin=raw.origin
    )


def _emit(records: list[Record], fmt: str, *, single: bool, explain: bool = False) -> None:
    if fmt == "text":
        for r in records:
            render_record_text(r)
            if explain:
                render_left_out_text(r)
        return
    dicts = [record_to_dict(r) for r in records]
    if explain:
        for d, r in zip(dicts, records, strict=True):
            d["left_out"] = [left_out_to_dict(x) for x in r.left_out]
    if fmt == "jsonl":
        for d in dicts:
            sys.stdout.write(json.dumps(d, ensure_ascii=False) + "\n")
    elif single and len(dicts) == 1:
        sys.stdout.write(json.dumps(dicts[0], ensure_ascii=False, indent=2) + "\n")
    elif dicts:
        sys.stdout.write(json.dumps(dicts, ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    sys.exit(main())
