"""People titled by a region or city of a state ("Texas Gov. Greg Abbott", "Murmansk Governor
Yury Yevdokimov", "Sen. Marco Rubio of Florida"): officials of that state when the data know no
office of theirs (rule role.regional_title). Read before the events stage's parse, from the places
the place stage found, so that every rule sees the person's country.

A region named as the subject of a verb ("California sued the administration") is that region's
government, a body of its state (rule role.regional_government)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from ..model import AnnotatedArticle, Entity, PlaceMention, Span, content_id

#: Titles of regional and local office, as written between a place and a name.
_BEFORE = re.compile(
    r"\s+(?:(?:Lt\.|Lieutenant|Deputy|Acting|former|Former)\s+)?"
    r"(?:Gov\.|Governor|Premier|Mayor|Sen\.|Senator|Rep\.|Representative|Attorney General|"
    r"Chief Minister|Sheriff|Assemblyman|Assemblywoman|Councilman|Councilwoman|Comptroller|"
    r"state Sen\.|state Rep\.|State Senator)\s+"
)
#: "Sen. Marco Rubio of Florida", "Doug Ford, the premier of Ontario".
_AFTER = re.compile(
    r"(?:\s+of\s+|,\s+(?:the\s+)?(?:governor|premier|mayor|senator|representative)\s+of\s+)"
)
#: A title of office right before a name: "Sen. Marco Rubio of Florida" holds an office there.
_TITLED = re.compile(r"(?:Gov\.|Governor|Premier|Mayor|Sen\.|Senator|Rep\.|Representative)\s+$")
_WINDOW = 60
_REGIONAL = frozenset({"region", "city"})


def regional_people(
    text: str, entities: tuple[Entity, ...], places: tuple[PlaceMention, ...]
) -> tuple[Entity, ...]:
    local = [p for p in places if p.country and p.kind in _REGIONAL]
    if not local:
        return entities
    out = []
    for e in entities:
        if e.kind == "person" and not e.country:
            country = next(
                (c for m in e.mentions if (c := _titled_by(text, m.start, m.end, local))), None
            )
            if country is not None:
                e = replace(e, country=country)
        out.append(e)
    return tuple(out)


def _titled_by(text: str, start: int, end: int, places: list[PlaceMention]) -> str | None:
    for p in places:
        if start - _WINDOW <= p.end <= start and _BEFORE.fullmatch(text[p.end : start]):
            return p.country
        if (
            end <= p.start <= end + _WINDOW
            and _AFTER.fullmatch(text[end : p.start])
            and _TITLED.search(text[max(0, start - 30) : start])
        ):
            return p.country  # "Sen. Marco Rubio of Florida", not "Mac Jones of Phenix City"
    return None


def regional_governments(
    annotated: AnnotatedArticle, entities: tuple[Entity, ...], places: tuple[PlaceMention, ...]
) -> tuple[Entity, ...]:
    """One body per region of a state that is the subject of a verb somewhere in the article,
    its mentions those subjects; a region inside an entity's name adds none."""
    tokens = annotated.tokens
    starts = [t.start for t in tokens]
    named = [(m.start, m.end) for e in entities for m in e.mentions]
    found: dict[tuple[str, str], list[Span]] = {}
    for p in places:
        if p.kind != "region" or not p.country:
            continue
        if any(a < p.end and p.start < b for a, b in named):
            continue
        first, last = bisect_left(starts, p.start), bisect_left(starts, p.end) - 1
        if first > last or last >= len(tokens):
            continue
        head = tokens[last]
        # the region's name is the subject itself, not a word before a noun ("Texas officials")
        if head.dep != "nsubj" or tokens[head.head].pos != "VERB":
            continue
        if any(tokens[k].head > last or tokens[k].head < first for k in range(first, last)):
            continue  # the name's words hang on its last word only
        found.setdefault((p.name, p.country), []).append(Span(p.start, p.end, p.text))
    extra = tuple(
        Entity(
            id=content_id("ent", annotated.article.id, "region", name, country),
            name=spans[0].text,
            kind="organization",
            code=None,
            country=country,
            titles=(),
            mentions=tuple(spans),
        )
        for (name, country), spans in found.items()
    )
    return entities + extra
