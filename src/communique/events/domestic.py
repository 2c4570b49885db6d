"""Unnamed bodies of a state ("the police", "security forces", "protesters", "the opposition",
"lawmakers"): actors of the state the text places them in (rule role.home_state).

Analysts code a domestic act with its country on both sides ("Police fired tear gas at
protesters" in a report from Iran: COERCE IRN -> IRN). The words are curated
(``events/data/domestic_bodies.csv``); the country is, in order:

1. a place named in the phrase itself ("Tehran police", "protesters in Shiraz");
2. the article's home state: the one state that dominates its names of states, their people and
   their places (at least twice the weight of any other), so that in a report of two or more
   states in contact an unnamed body stays uncoded.

A body whose phrase names another actor ("Iranian security forces", "the army of Mali") is left
to that actor, as before; one marked as outside the state ("foreign troops", "rebel forces";
``events/data/outside_words.csv``) is no body of it. Read before the events stage's parse, like
``regional.py``, so that every rule sees these actors."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..model import AnnotatedArticle, Entity, Event, PlaceMention, Span, Token, content_id
from .rules import rule

#: Weight of a mention of a state, of a person or body of it, of a place in it.
STATE_WEIGHT = 1.0
MEMBER_WEIGHT = 0.5
PLACE_WEIGHT = 1.0
#: The home state weighs at least this many times the next one.
DOMINANCE = 2.0
_PLACE_KINDS = frozenset({"city", "region"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "npadvmod"})
_PLACE_PREPS = frozenset({"in", "from"})
#: A body noun with one of these prepositions names a relation, not the body itself
#: ("opposition to the plan", "government of national unity" stays with its own words).
_RELATION_PREPS = frozenset({"to", "of", "for"})


@dataclass(frozen=True, slots=True)
class BodyWords:
    """The curated phrases (lemmas, head last) and the words that place a body outside."""

    phrases: frozenset[tuple[str, ...]]
    outside: frozenset[str]
    quantities: frozenset[str] = frozenset()  # "hundreds of protesters": still the protesters
    single: frozenset[tuple[str, ...]] = frozenset()  # one per state: "governments" are many

    @property
    def longest(self) -> int:
        return max((len(p) for p in self.phrases), default=0)


def home_state(entities: Sequence[Entity], places: Sequence[PlaceMention]) -> str | None:
    """The state the article is set in: the one whose names, people and places outweigh every
    other state's at least ``DOMINANCE`` times; None when none does."""
    weight: dict[str, float] = {}
    for e in entities:
        code = e.code if e.kind == "state" else e.country
        if e.kind == "igo" or not code or len(code) != 3 or not code.isupper():
            continue
        each = STATE_WEIGHT if e.kind == "state" else MEMBER_WEIGHT
        weight[code] = weight.get(code, 0.0) + len(e.mentions) * each
    for p in places:
        if p.country and p.kind in _PLACE_KINDS:
            weight[p.country] = weight.get(p.country, 0.0) + PLACE_WEIGHT
    ranked = sorted(weight.items(), key=lambda kv: -kv[1])[:2]
    if not ranked:
        return None
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    return ranked[0][0] if ranked[0][1] >= DOMINANCE * second else None


def domestic_bodies(
    annotated: AnnotatedArticle,
    entities: tuple[Entity, ...],
    places: tuple[PlaceMention, ...],
    words: BodyWords,
) -> tuple[Entity, ...]:
    """The entities, with one more per body phrase and state (all its mentions)."""
    home = home_state(entities, places)
    tokens = annotated.tokens
    taken = _covered(annotated, entities)
    kids: dict[int, list[int]] = {}
    for t in tokens:
        if t.head != t.i:
            kids.setdefault(t.head, []).append(t.i)
    starts = [t.start for t in tokens]
    place_at = {
        i: p.country
        for p in places
        if p.country
        for i in range(bisect_left(starts, p.start), bisect_left(starts, p.end))
    }
    found: dict[tuple[str, str], list[Span]] = {}
    names: dict[tuple[str, str], str] = {}
    for head, t in enumerate(tokens):
        if t.pos not in {"NOUN", "PROPN"}:
            continue
        first = _phrase_start(tokens, head, words)
        if first is None or any(k in taken for k in range(first, head + 1)):
            continue
        if _names_another(tokens, head, words.quantities):
            continue
        lemmas_of = tuple(tokens[k].lemma.lower() for k in range(first, head + 1))
        if lemmas_of in words.single and "Number=Plur" in t.morph:
            continue  # "the two governments", "Western governments": several states
        country = _country(tokens, kids, head, first, taken, place_at, words, home)
        if country is None:
            continue
        lemmas = " ".join(lemmas_of)
        key = (lemmas, country)
        start, end = tokens[first].start, tokens[head].end
        found.setdefault(key, []).append(Span(start, end, annotated.article.text[start:end]))
        names.setdefault(key, annotated.article.text[start:end])
    extra = tuple(
        Entity(
            id=content_id("ent", annotated.article.id, "body", lemmas, country),
            name=names[(lemmas, country)],
            kind="organization",
            code=None,
            country=country,
            titles=(),
            mentions=tuple(spans),
        )
        for (lemmas, country), spans in found.items()
    )
    return entities + extra


def _names_another(tokens: Sequence[Token], head: int, quantities: frozenset[str]) -> bool:
    """ "a member of parliament", "the leader of the opposition": the
    phrase names whom another noun belongs to, not the body acting."""
    t = tokens[head]
    if t.dep == "pobj":
        prep = tokens[t.head]
        owner = tokens[prep.head]
        return (
            prep.text.lower() == "of"
            and owner.pos in {"NOUN", "PROPN"}
            and owner.lemma.lower() not in quantities
        )
    return False


def home_state_roles(
    events: Sequence[Event], bodies: Sequence[Entity], entities: Sequence[Entity]
) -> tuple[Event, ...]:
    """Events with a body of a state as a party name rule role.home_state; a protest by such a
    body with no target named is aimed at its own state, as analysts code domestic protest
    ("protesters blocked roads": PROTEST IRN -> IRN), when the article names that state."""
    countries = {e.id: e.country for e in bodies}
    states = {e.code: e.id for e in entities if e.kind == "state" and e.code}
    out = []
    for ev in events:
        if not any(p in countries for p in (*ev.actors, *ev.recipients)):
            out.append(ev)
            continue
        recipients = ev.recipients
        home = {countries.get(a) for a in ev.actors}
        if ev.type == "PROTEST" and not recipients and len(home) == 1:
            state = states.get(next(iter(home)) or "")
            recipients = (state,) if state is not None else ()
        out.append(replace(ev, recipients=recipients, rules=(*ev.rules, rule("role.home_state"))))
    return tuple(out)


def _covered(annotated: AnnotatedArticle, entities: Sequence[Entity]) -> set[int]:
    """Token indices inside a mention of an entity already known."""
    starts = [t.start for t in annotated.tokens]
    return {
        i
        for e in entities
        for m in e.mentions
        for i in range(bisect_left(starts, m.start), bisect_left(starts, m.end))
    }


def _phrase_start(tokens: Sequence[Token], head: int, words: BodyWords) -> int | None:
    """The first token of the longest curated phrase ending at ``head``."""
    for n in range(min(words.longest, head + 1), 0, -1):
        first = head - n + 1
        lemmas = tuple(tokens[k].lemma.lower() for k in range(first, head + 1))
        if lemmas in words.phrases:
            return first
    return None


def _country(
    tokens: Sequence[Token],
    kids: dict[int, list[int]],
    head: int,
    first: int,
    taken: set[int],
    place_at: dict[int, str],
    words: BodyWords,
    home: str | None,
) -> str | None:
    """The state a body phrase belongs to, or None (another actor is named in it, it is marked
    as outside, or no state is clear)."""
    here: str | None = None
    for k in kids.get(head, []):
        dep = tokens[k].dep
        inner = _subtree(kids, k)
        if dep in _MODIFIER_DEPS or k < first:
            if any(tokens[j].lemma.lower() in words.outside for j in inner):
                return None
            if any(j in taken for j in inner):
                return None  # "Iranian security forces": Iran itself is the actor
            here = here or next((place_at[j] for j in inner if j in place_at), None)
        elif dep == "prep":
            word = tokens[k].text.lower()
            if word in _RELATION_PREPS and any(tokens[j].dep == "pobj" for j in kids.get(k, [])):
                return None  # "opposition to the plan", not "accused the opposition of lying"
            if word in _PLACE_PREPS:
                if any(j in taken for j in inner):
                    return None
                here = here or next((place_at[j] for j in inner if j in place_at), None)
    if any(tokens[j].lemma.lower() in words.outside for j in range(first, head)):
        return None
    return here or home


def _subtree(kids: dict[int, list[int]], top: int) -> list[int]:
    out, todo = [], [top]
    while todo:
        k = todo.pop()
        out.append(k)
        todo.extend(kids.get(k, []))
    return out
