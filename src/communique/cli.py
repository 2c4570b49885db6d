"""The command line: parse arguments, call the library, turn library errors into one-line
messages and exit codes. No logic of its own.

Exit codes: 0 ok; 1 nothing could be extracted (every input skipped or failed); 2 usage or
input error; 3 a resource (model, data file) is missing.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import textwrap
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .errors import CommuniqueError, InputError, ResourceError

if TYPE_CHECKING:  # the commands import what they use: a store-only command stays light
    from .corpus.sources import InputMeter
    from .model import RawArticle, Record, Skip
    from .pipeline import Resources
    from .settings import Settings
    from .store import Store

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
        print(f"communique: error: {one_line(err)}", file=sys.stderr)
        return 3
    except CommuniqueError as err:
        print(f"communique: error: {one_line(err)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("communique: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def one_line(err: BaseException) -> str:
    """A message on one line (``print`` ends it with the newline)."""
    return " ".join(str(err).split("\n")).strip() or type(err).__name__


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
    ex.add_argument(
        "--format",
        choices=("json", "jsonl", "text"),
        default="json",
        help="output: json (an object, or a list for several inputs), jsonl, or a readable text",
    )
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
    from .ingest import parse_date

    parsed = parse_date(value) if len(value.strip()) == 10 else None
    if parsed is None:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}")
    return parsed


def cmd_examples(args: argparse.Namespace) -> int:
    for name in example_names():
        print(name)
    return 0


def example_names() -> list[str]:
    from importlib import resources as importlib_resources

    folder = importlib_resources.files(EXAMPLES)
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt"))


def _inputs(
    args: argparse.Namespace, settings: Settings, meter: InputMeter
) -> Iterator[RawArticle | Skip]:
    from importlib import resources as importlib_resources

    from .ingest import read_path
    from .ingest.files import read_stream
    from .model import RawArticle

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
            yield from read_stream(
                sys.stdin.buffer, settings.ingest, origin="<stdin>", published=args.published
            )
        else:
            yield from read_path(
                Path(p), settings.ingest, published=args.published, report=meter.add
            )


def cmd_extract(args: argparse.Namespace) -> int:
    """Articles are read, extracted and written one at a time (memory stays flat on any batch);
    each has at most ``limits.ITEM_SECONDS``, and at most ``limits.MAX_ARTICLE_CHARS`` of its
    text reach the language model."""
    from .corpus.progress import IngestProgress, counts_text
    from .corpus.sources import InputMeter
    from .corpus.work import safe_run
    from .ingest.limits import ITEM_SECONDS, MAX_ARTICLE_CHARS
    from .model import RawArticle, Record, Skip
    from .settings import ActorSettings, NlpSettings, Settings

    settings = Settings(
        actors=ActorSettings(files=tuple(args.actors or ())),
        nlp=NlpSettings(max_chars=MAX_ARTICLE_CHARS),
    )
    meter = InputMeter(total=sum(Path(p).stat().st_size for p in args.paths if Path(p).is_file()))
    items = _inputs(args, settings, meter)
    ahead = list(itertools.islice(items, 2))  # one input: a JSON object; several: a list
    extracted = skipped = 0
    live = sys.stderr.isatty() and not sys.stdout.isatty()  # never over the records
    with ExitStack() as stack:
        lazy = _Lazy(settings, stack)
        progress = stack.enter_context(IngestProgress(live, meter))
        for item in itertools.chain(ahead, items):
            raw = _with_url(item, args.url) if args.url and isinstance(item, RawArticle) else item
            if isinstance(raw, RawArticle):
                lazy.load()  # a missing model or a bad actors file stops the run (exit 3 / 2)
            result = raw if isinstance(raw, Skip) else safe_run(lazy.run, raw, ITEM_SECONDS)
            if isinstance(result, Record):
                _emit_one(result, args, single=len(ahead) == 1, first=not extracted)
                extracted += 1
                if args.db:
                    lazy.store(args.db).write_record(result)
            else:
                skipped += 1
                how = "skipped" if isinstance(result, Skip) else "failed"
                why = result.reason.value if isinstance(result, Skip) else result.reason
                progress.line(f"communique: {result.origin}: {how} ({why}): {result.detail}")
            done = extracted + skipped
            progress.show(counts_text(done, extracted=extracted, skipped=skipped), done)
    if args.format == "json" and len(ahead) > 1 and extracted:
        sys.stdout.write("\n]\n")
    if skipped and extracted:
        print(f"communique: {extracted} extracted, {skipped} skipped", file=sys.stderr)
    return 0 if extracted else 1


class _Lazy:
    """The pipeline, its resources loaded at the first article (after a one-line notice: it
    takes a while); the store, opened at the first record."""

    def __init__(self, settings: Settings, stack: ExitStack) -> None:
        self._settings, self._stack = settings, stack
        self._resources: Resources | None = None
        self._store: Store | None = None

    def load(self) -> Resources:
        from .corpus.work import notify_loading
        from .pipeline import load_resources

        if self._resources is None:
            notify_loading()
            self._resources = load_resources(self._settings)
        return self._resources

    def run(self, raw: RawArticle) -> Record | Skip:
        from .pipeline import run

        return run(raw, self.load())

    def store(self, path: str) -> Store:
        from .store import open_store

        if self._store is None:
            self._store = self._stack.enter_context(open_store(path))
        return self._store


def _with_url(raw: RawArticle, url: str) -> RawArticle:
    from .model import RawArticle

    return RawArticle(
        content=raw.content, kind=raw.kind, url=url, published=raw.published, origin=raw.origin
    )


def _emit_one(r: Record, args: argparse.Namespace, *, single: bool, first: bool) -> None:
    """Write one record as it comes; several JSON records form one list (closed at the end)."""
    from .render import render_left_out_text, render_record_text
    from .serialize import left_out_to_dict, record_to_dict

    if args.format == "text":
        render_record_text(r)
        if args.explain:
            render_left_out_text(r)
        return
    d = record_to_dict(r)
    if args.explain:
        d["left_out"] = [left_out_to_dict(x) for x in r.left_out]
    if args.format == "jsonl":
        sys.stdout.write(json.dumps(d, ensure_ascii=False) + "\n")
    elif single:
        sys.stdout.write(json.dumps(d, ensure_ascii=False, indent=2) + "\n")
    else:
        body = textwrap.indent(json.dumps(d, ensure_ascii=False, indent=2), "  ")
        sys.stdout.write(("[\n" if first else ",\n") + body)


if __name__ == "__main__":
    sys.exit(main())
