"""Scores of actor resolution on annotated gold sets (read from the shared data folder).

    diplomatic-dev  meeting participants (ISO3 / IGO codes) and delegation heads (name + code)
    plover-gsr      sentence actors and recipients with ISO3 codes
    geoparsing      GeoWebNews toponyms marked Metonymic or Literal: capitals read as actors

Both take an ``annotate`` function (text -> AnnotatedArticle), so the model stays outside.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import EvaluationError
from ..model import AnnotatedArticle, Entity
from .resolve import resolve_actors
from .surface import fold
from .tables import ActorData

Annotate = Callable[[str, date | None], AnnotatedArticle]
_CAMEO_CODES = {"JAP": "JPN"}  # CAMEO-style codes in the PLOVER records


@dataclass(frozen=True, slots=True)
class Score:
    """``found`` of ``total`` gold items; ``wrong`` found with another code."""

    name: str
    found: int
    total: int
    wrong: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.total if self.total else 0.0

    def line(self) -> str:
        wrong = f", {self.wrong} with another code" if self.wrong else ""
        return f"{self.name}: {self.found}/{self.total} = {self.recall:.3f}{wrong}"


def _codes(entities: tuple[Entity, ...]) -> set[str]:
    return {c for e in entities for c in (e.code, e.country) if c}


def _head_found(name: str, code: str, entities: tuple[Entity, ...], data: ActorData) -> bool:
    gold = fold(name).split()
    known = data.person(name)
    for e in entities:
        if e.kind != "person" or e.country != code:
            continue
        if known is not None and data.person(e.name) == known:
            return True
        words = fold(e.name).split()
        if words == gold or (words and set(words) <= set(gold)) or set(gold) <= set(words):
            return True
    return False


def score_dev_items(folder: Path, data: ActorData, annotate: Annotate) -> list[Score]:
    """Participants and heads of the annotated meetings, found among the resolved actors."""
    items = sorted((folder / "diplomatic-dev" / "items").glob("*.json"))
    if not items:
        raise EvaluationError(f"no diplomatic-dev items under {folder}")
    parts = heads = parts_total = heads_total = 0
    for path in items:
        item = json.loads(path.read_text(encoding="utf-8"))
        published = date.fromisoformat(item["published"]) if item.get("published") else None
        entities = resolve_actors(annotate(item["text"], published), data, published)
        codes = _codes(entities)
        gold_parts = {p for m in item["meetings"] for p in m["participants"]}
        gold_heads = {(c, n) for m in item["meetings"] for c, n in m["heads"].items()}
        parts_total += len(gold_parts)
        parts += len(gold_parts & codes)
        heads_total += len(gold_heads)
        heads += sum(_head_found(n, c, entities, data) for c, n in gold_heads)
    return [
        Score("diplomatic-dev meeting participants", parts, parts_total),
        Score("diplomatic-dev delegation heads (name and country)", heads, heads_total),
    ]


def _plover_actors(path: Path, limit: int | None) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    with path.open(encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if limit is not None and n >= limit:
                return
            record = json.loads(line)
            actors = [
                (a["text"], _CAMEO_CODES.get(a["code"], a["code"]))
                for a in record["actor"] + record["recipient"]
                if a.get("code") and re.fullmatch(r"[A-Z]{3}", a["code"]) and a["code"] != "IGO"
            ]
            yield record["text"], actors


def score_plover(folder: Path, data: ActorData, annotate: Annotate, limit: int | None) -> Score:
    """Actors and recipients coded with a state: is an entity with that code on their words?"""
    path = folder / "plover-gsr" / "PLOVER_GSR_CAMEO.normalized.jsonl"
    if not path.exists():
        raise EvaluationError(f"{path} is missing")
    found = total = wrong = 0
    for text, actors in _plover_actors(path, limit):
        entities = resolve_actors(annotate(text, None), data, None)
        for surface, code in actors:
            at = text.find(surface)
            if at < 0 or code in {"NGO", "MNC", "REB", "UNK"}:
                continue
            total += 1
            over = [
                e
                for e in entities
                for s in e.mentions
                if s.start < at + len(surface) and at < s.end
            ]
            hit = any(code in (e.code, e.country) for e in over)
            found += hit
            wrong += bool(over) and not hit
    return Score("plover-gsr actors/recipients with a state code", found, total, wrong)


_ANN = re.compile(r"^T\d+\t(Literal|Metonymic) (\d+) (\d+)\t(.+)$")


def _capital_annotations(path: Path, data: ActorData) -> list[tuple[int, int, bool]]:
    """(start, end, metonymic?) of the annotated capitals and seats of government."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _ANN.match(line)
        ref = data.lookup(m.group(4)) if m else None
        if m and ref is not None and ref.via in ("capital", "metonym"):
            found.append((int(m.group(2)), int(m.group(3)), m.group(1) == "Metonymic"))
    return found


def score_metonymy(
    folder: Path, data: ActorData, annotate: Annotate, limit: int | None
) -> list[Score]:
    """Capitals annotated Metonymic should become state entities; Literal ones should not."""
    texts = sorted((folder / "geoparsing" / "GeoWebNews").glob("*.txt"))
    if not texts:
        raise EvaluationError(f"no GeoWebNews texts under {folder}")
    metonymic = literal = metonymic_found = literal_kept = 0
    for path in texts[:limit]:
        gold = _capital_annotations(path.with_suffix(".ann"), data)
        if not gold:
            continue
        text = path.read_text(encoding="utf-8")
        entities = resolve_actors(annotate(text, None), data, None)
        spans = [(m.start, m.end) for e in entities if e.kind != "person" for m in e.mentions]
        for start, end, is_metonymic in gold:
            actor = any(s < end and start < e for s, e in spans)
            metonymic += is_metonymic
            literal += not is_metonymic
            metonymic_found += is_metonymic and actor
            literal_kept += not is_metonymic and not actor
    return [
        Score("geowebnews metonymic capitals read as actors", metonymic_found, metonymic),
        Score("geowebnews literal capitals left as places", literal_kept, literal),
    ]
