"""Entity-ruler patterns built from the actor tables (placed before the statistical NER)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .surface import is_acronym

if TYPE_CHECKING:
    from .tables import ActorData


def _phrase(surface: str) -> str | None:
    """The pattern text for a surface form; "the X" only keeps X when X is safe alone."""
    if not surface.startswith("the "):
        return surface
    rest = surface[4:]
    return rest if (" " in rest or is_acronym(rest)) else None


def _emit(label: str, key: str, surfaces: Iterable[str]) -> Iterator[tuple[str, str, str]]:
    for s in surfaces:
        phrase = _phrase(s)
        if phrase:
            yield label, phrase, key


def _candidates(data: ActorData) -> Iterator[tuple[str, str, str]]:
    """(label, phrase, id) in priority order: the first claim on a phrase wins. Capitals and
    metonyms of a state that exists only between two dates ("Moscow" is Soviet up to 1991)
    get no id: the resolver reads them by the article's date."""
    for g in data.igos:
        yield from _emit("ORG", f"{g.kind}:{g.code}", (g.name, *g.aliases))
    for s in data.states:
        names = s.aliases if s.name_ambiguous else (s.name, *s.aliases)
        yield from _emit("GPE", f"state:{s.code}", names)
    for s in data.states:
        dated = "" if s.valid_from is None and s.valid_to is None else "dated"
        yield from _emit("NORP", f"state:{s.code}", s.demonyms)
        yield from _emit("ORG", dated or f"state:{s.code}", s.metonyms)
    for s in data.states:
        if not s.capital_ambiguous:
            dated = "" if s.valid_from is None and s.valid_to is None else "dated"
            yield from _emit("GPE", dated or f"state:{s.code}", (s.capital, *s.capital_aliases))
    for p in data.people:
        yield from _emit("PERSON", p.key, (p.name, *p.aliases))
    for group in data.groups:
        yield from _emit("ORG", group.key, (group.name, *group.aliases))


def ruler_patterns(data: ActorData) -> list[dict[str, object]]:
    """Phrase patterns (case-sensitive, so "US" never matches "us") with ids like "state:RUS",
    plus id-less patterns for regions that contain a state's name ("Latin America")."""
    seen: set[str] = {phrase for phrase, _ in data.regions}
    patterns: list[dict[str, object]] = [
        {"label": label, "pattern": phrase} for phrase, label in data.regions
    ]
    for label, phrase, key in _candidates(data):
        if phrase in seen:
            continue
        seen.add(phrase)
        pattern: dict[str, object] = {"label": label, "pattern": phrase}
        patterns.append(pattern if key == "dated" else {**pattern, "id": key})
    return patterns
