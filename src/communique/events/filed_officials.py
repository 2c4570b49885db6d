"""Officials of the state a report is filed from (rule role.dateline_official).

A wire report names the officials of the state it is filed from by their office alone
("CANBERRA - ... Trade Minister Daniel Whitcombe welcomed Beijing's decision"; "PARIS (AFP) -
... Foreign Ministry spokeswoman Anne-Claire Legendre told reporters"): a reader of the
dateline knows whose minister is meant, and analysts code the act with that state. An official
of another state is written with the state ("China's commerce minister", "Iran's foreign
ministry spokesman"), and the actors stage codes that already.

So a person the data and the text tie to no state, titled with an office held at home
(``events/data/home_titles.csv``: minister, president, spokesman...; not envoys, leaders of
parties or firms' chairmen, nor a former holder), is an official of the dateline's state when
the article names that state as a state (a national agency's report from abroad names both its
own officials and its hosts bare, "JAKARTA, Jan 9 (Bernama) -- Prime Minister X": no guess;
``clean/data/agencies.csv``), no sentence of theirs tells them abroad or as
someone's counterpart ("on a visit to", "arrived in", "his Chinese counterpart"), and their
paragraph names no other state, its people or places before them ("In La Paz, the Bolivian
foreign ministry ... Foreign Minister X asked", "Iran's foreign ministry spokesman X"). An article
with a home state (``domestic.py``) already gives its titled people that state; without a
dateline nothing is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..clean.lexicon import load_agency_states
from ..model import AnnotatedArticle, Entity, Event, PlaceMention
from .domestic import envoy_title
from .rules import rule

#: Words of a sentence that tells its official away from home, or as another's counterpart.
_ABROAD = re.compile(
    r"\b(?:visit(?:s|ed|ing)?|tour(?:s|ed|ing)?|trip|arriv(?:e|es|ed|ing)|counterparts?"
    r"|flew|travell?(?:ed|ing)|delegation)\b",
    re.I,
)
_WORD = re.compile(r"[\w-]+")


def reporting_state(text: str, filed: tuple[int, int, PlaceMention | None] | None) -> str | None:
    """The state a report is filed from: the dateline city's, unless a national agency of
    another state files it (then None)."""
    if filed is None or filed[2] is None:
        return None
    head = text[filed[0] : max(filed[1], filed[0] + 80)]
    for name, code in load_agency_states().items():
        if code != filed[2].country and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", head):
            return None
    return filed[2].country


def dateline_officials(
    annotated: AnnotatedArticle,
    entities: tuple[Entity, ...],
    places: tuple[PlaceMention, ...],
    filed_in: str | None,
    home: str | None,
    heads: frozenset[str],
) -> tuple[tuple[Entity, ...], frozenset[str]]:
    """The entities with such officials given the dateline's state; the ids of those given."""
    if filed_in is None or home is not None:
        return entities, frozenset()
    if not any(e.kind == "state" and e.code == filed_in for e in entities):
        return entities, frozenset()
    others = sorted(
        [
            m.start
            for e in entities
            if (e.code if e.kind == "state" else e.country) not in (None, filed_in)
            for m in e.mentions
        ]
        + [p.start for p in places if p.country not in (None, filed_in)]
    )
    out: list[Entity] = []
    given: set[str] = set()
    for e in entities:
        if (
            e.kind == "person"
            and e.country is None
            and e.titles
            and all(_home_title(t, heads) for t in e.titles)
            and not _told_abroad(annotated, e, places, filed_in)
            and not _after_another(annotated, e, others)
        ):
            e = replace(e, country=filed_in)
            given.add(e.id)
        out.append(e)
    return tuple(out), frozenset(given)


def _home_title(title: str, heads: frozenset[str]) -> bool:
    words = [w.casefold() for w in _WORD.findall(title)]
    held = any(w in heads for w in words)  # "Trade Minister", "Secretary of State"
    return held and "former" not in words and not envoy_title(title)


def _told_abroad(
    annotated: AnnotatedArticle, e: Entity, places: Sequence[PlaceMention], filed_in: str
) -> bool:
    """A sentence of the person's tells them away from home ("arrived", "visiting", "a
    delegation") or names them as another's counterpart; not a journey told to a place of
    another state, nor a counterpart they meet ("will travel to Beijing for talks with his
    Chinese counterpart": leaving home)."""
    text = annotated.article.text
    for m in e.mentions:
        s = annotated.sentence_at(m.start)
        if s is None:
            continue
        for hit in _ABROAD.finditer(text, s.start, s.end):
            word = hit.group(0).lower()
            if word.startswith("counterpart"):
                if _named_counterpart(text, hit.start(), hit.end(), m.start, m.end):
                    return True
            elif not _leaves_for(hit.end(), s.end, places, filed_in, word):
                return True
    return False


_APPOSED_COUNTERPART = re.compile(r"^,\s+(?:his|her|their|its|the)\s+(?:[\w-]+\s+){0,2}$", re.I)


def _named_counterpart(text: str, start: int, end: int, m_start: int, m_end: int) -> bool:
    """The person is the one called a counterpart: "his Chinese counterpart Wang Yi", "Wang
    Yi, his Chinese counterpart"; not a person meeting their counterpart."""
    if 0 <= m_start - end <= 2:
        return True
    return 0 <= start - m_end <= 30 and bool(_APPOSED_COUNTERPART.match(text[m_end:start]))


#: Words of a journey that, followed by "to" a place of another state, tell a departure.
_JOURNEY = re.compile(r"^(?:visit|tour|trip|flew|travel)", re.I)


def _leaves_for(
    at: int, end: int, places: Sequence[PlaceMention], filed_in: str, word: str
) -> bool:
    """After a journey word at ``at``, a place of another state comes within the next few
    words ("will travel to Beijing"): the journey is away from the dateline's state."""
    if not _JOURNEY.match(word):
        return False  # "arrived", "delegation": told at the dateline, from abroad
    return any(
        at < p.start <= at + 25 and p.country not in (None, filed_in) and p.start < end
        for p in places
    )


def _after_another(annotated: AnnotatedArticle, e: Entity, others: Sequence[int]) -> bool:
    """A mention of the person follows, in its paragraph, a name of another state."""
    text = annotated.article.text
    for m in e.mentions:
        start = text.rfind("\n", 0, m.start) + 1
        if any(start <= at < m.start for at in others):
            return True
    return False


def tag_dateline_officials(events: Sequence[Event], given: frozenset[str]) -> tuple[Event, ...]:
    """Events whose actor or target this step tied to the dateline's state name the rule."""
    return tuple(
        replace(ev, rules=(*ev.rules, rule("role.dateline_official")))
        if any(p in given for p in (*ev.actors, *ev.recipients))
        else ev
        for ev in events
    )
