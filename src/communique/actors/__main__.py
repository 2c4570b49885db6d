"""Print the actors resolved in real texts: ``python -m communique.actors [--data DIR] [FILE ...]``.

With no FILE, reads the shared example article and the diplomatic development items
(``<data>/diplomatic-dev/items/*.json``, field ``text``; ``published`` sets the role date).
With ``--score``, prints the scores of ``evaluate`` on the gold sets under ``--data``
(``--limit N`` caps the PLOVER sentences and GeoWebNews articles read).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from ..errors import CommuniqueError
from ..model import Entity
from . import ActorData, load_actor_data, resolve_actors
from .evaluate import Annotate, score_dev_items, score_metonymy, score_plover

_DEFAULT_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"


def _inputs(files: list[Path], data: Path) -> Iterator[tuple[str, str, date | None]]:
    if files:
        for f in files:
            yield from _read(f)
        return
    example = data.parent / "examples" / "nato-russia-council.txt"
    if example.exists():
        yield example.name, example.read_text(encoding="utf-8"), None
    for f in sorted((data / "diplomatic-dev" / "items").glob("*.json")):
        yield from _read(f)


def _read(path: Path) -> Iterator[tuple[str, str, date | None]]:
    if path.suffix != ".json":
        yield path.name, path.read_text(encoding="utf-8"), None
        return
    item = json.loads(path.read_text(encoding="utf-8"))
    published = item.get("published")
    yield path.name, item["text"], date.fromisoformat(published) if published else None


def _line(e: Entity) -> str:
    role = f" role={e.role.title}/{e.role.country}" if e.role else ""
    titles = f" titles={list(e.titles)}" if e.titles else ""
    head = f"  {e.kind:12} {e.name:32} code={e.code} country={e.country}"
    return f"{head}{titles}{role} x{len(e.mentions)}"


def _score(folder: Path, actors: ActorData, annotate: Annotate, limit: int | None) -> int:
    for score in (
        *score_dev_items(folder, actors, annotate),
        score_plover(folder, actors, annotate, limit),
        *score_metonymy(folder, actors, annotate, limit),
    ):
        print(score.line())
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m communique.actors", description=__doc__)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--data", type=Path, default=_DEFAULT_DATA)
    parser.add_argument("--score", action="store_true", help="score on the gold sets instead")
    parser.add_argument(
        "--limit",
        type=int,
        default=None,
        help="items per gold set (PLOVER sentences, GeoWebNews articles)",
    )
    args = parser.parse_args(argv)
    from ..nlp import annotate_text, load_nlp  # the model is only needed here
    from ..settings import NlpSettings

    try:
        actors = load_actor_data()
        backend = load_nlp(NlpSettings(), actors.ruler_patterns())
        if args.score:
            return _score(
                args.data, actors, lambda text, on: annotate_text(text, backend, on), args.limit
            )
        for name, text, published in _inputs(args.files, args.data):
            annotated = annotate_text(text, backend, published)
            print(f"== {name} (on {published})")
            for entity in resolve_actors(annotated, actors, published):
                print(_line(entity))
    except (CommuniqueError, OSError, ValueError, KeyError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
