"""Meeting mentions and clusters: the records the meeting rules build and read.

A ``MeetingMention`` is one word that reports a meeting, with what its own sentence says; a
``MeetingCluster`` gathers the mentions of one meeting while the article is read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from ..model import Entity, PlaceMention, Status, TimeExpression
from .arguments import (
    party_code,
)
from .lexicon import Entry

T = TypeVar("T")

DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her"})

VAGUE = frozenset(
    {
        "several",
        "many",
        "some",
        "various",
        "numerous",
        "few",
        "multiple",
        "any",
        "one",
        "no",
        "every",
        "each",
        "regular",
        "frequent",
        "such",
        "more",
    }
)

CONFLICT = {
    ("planned", "occurred"),
    ("occurred", "planned"),
    ("occurred", "cancelled"),
    ("cancelled", "occurred"),
    ("hypothetical", "occurred"),  # "proposed a meeting" ... "held talks": the talks took place
    ("occurred", "hypothetical"),
    ("hypothetical", "ongoing"),
    ("ongoing", "hypothetical"),
    ("negated", "occurred"),  # "refused to receive the mission" is not the summit held
    ("occurred", "negated"),
    ("negated", "ongoing"),
    ("ongoing", "negated"),
}

ORDINAL_ROUNDS = frozenset(
    {"next", "new", "another", "second", "third", "fourth", "fifth", "sixth", "final", "further"}
    | {"previous", "latest", "last"}
)

# "the two leaders", "both sides": the parties of the meeting reported just before
PAIR_NOUNS = frozenset(
    {"leader", "side", "minister", "president", "country", "nation", "delegation", "government"}
)


#: Gatherings of many parties: a bilateral meeting is held beside them, not one of them.
GATHERING_WORDS = frozenset(
    {"summit", "conference", "ministerial", "gathering", "forum", "retreat", "assembly"}
)


@dataclass(slots=True)
class MeetingMention:
    trigger: int
    sentence: int
    entry: Entry
    parties: list[Entity]
    forum: Entity | None
    place: PlaceMention | None
    date: TimeExpression | None
    clock: TimeExpression | None
    status: Status | None
    definite: bool
    vague: bool
    visitors: frozenset[str] = frozenset()  # codes of who travels (visits) or is summoned
    pair: bool = False  # subject is "the two leaders", "both sides", "the three countries"
    group: int = 2  # how many parties the group names ("the three countries": 3)
    named_before: bool = False  # the pair's two sides are the two named just before
    frame: int | None = None  # the meeting whose sidelines it was on
    aside: bool = False  # "on the sidelines" with no meeting named: of the latest summit
    joiners: frozenset[str] = frozenset()  # "X attended the talks": X joins a known meeting
    lead_place: PlaceMention | None = None  # the dateline's place, for a mention in the lead
    filed_from: PlaceMention | None = None  # the dateline's place, for any mention
    attending: bool = False  # "X will attend the summit on Sunday": X's attendance, not the summit
    days: int = 1  # "a two-day visit", "a three-day summit"
    day_of: int = 1  # "a second day of talks": the day told is the meeting's second
    closing: bool = False  # "wrapped up a two-day summit on Sunday": the day told is its last
    further: bool = False  # "X is also due to meet Y": one more meeting, not a retelling
    hosted: bool = False  # met unnamed officials ("met government officials in Hanoi")
    engaged: bool = False  # "A and B are in talks": the parties are the subject of being in them
    undated: TimeExpression | None = None  # a date no year could be found for ("in March")
    found_by: tuple[str, ...] = ()  # rules that found parties ("attended by X", "next summit")
    bilateral: bool = False  # "a bilateral meeting": two sides, not a summit's gathering
    gathering: bool = False  # "a summit with Pacific leaders", "the first Korea-Africa summit"


@dataclass(slots=True)
class MeetingCluster:
    """A meeting being assembled from its mentions (mutable while the article is read)."""

    mentions: list[MeetingMention] = field(default_factory=list)

    @property
    def codes(self) -> set[str]:
        return {c for m in self.mentions for c in (party_code(e) for e in m.parties) if c}

    @property
    def sides(self) -> set[str]:
        """Its participants and, for a visit, summons or hosted meeting, the host country."""
        place = self.place
        return self.codes | ({place.country} if self.hosted and place and place.country else set())

    @property
    def hosted(self) -> bool:
        """A visit, summons or summit, or a meeting with the unnamed officials of the place:
        the venue's country takes part as host."""
        return any(m.entry.mode in HOSTED_MODES or m.hosted for m in self.mentions)

    @property
    def lemmas(self) -> set[str]:
        return {m.entry.lemma for m in self.mentions}

    @property
    def visitors(self) -> set[str]:
        return {c for m in self.mentions for c in m.visitors}

    def first(self, attr: str) -> object:
        for m in self.mentions:
            value = getattr(m, attr)
            if value is not None:
                return value
        return None

    @property
    def date(self) -> TimeExpression | None:
        dated = [m.date for m in self.mentions if m.date is not None and not m.attending]
        dated = dated or [m.date for m in self.mentions if m.date is not None]
        return max(dated, key=_date_rank) if dated else None

    @property
    def place(self) -> PlaceMention | None:
        placed = [m.place for m in self.mentions if m.place is not None]
        return max(placed, key=_place_rank) if placed else None

    @property
    def status(self) -> Status | None:
        own = [m for m in self.mentions if not m.attending] or self.mentions
        known = [m.status for m in own if m.status is not None]
        if "cancelled" in known:
            return "cancelled"
        return known[0] if known else None

    @property
    def last_sentence(self) -> int:
        return self.mentions[-1].sentence


PLACE_RANK = {"venue": 3, "city": 2, "country": 1}


def _place_rank(p: PlaceMention) -> tuple[int, int]:
    """The most precise place wins: a venue, then a city, then a country; a region
    ("the Middle East") only when nothing else is named. Ties keep the first told."""
    return (p.venue is not None, PLACE_RANK.get(p.kind, 0))


def _date_rank(t: TimeExpression) -> tuple[int, int]:
    order = {"year": 0, "month": 1, "day": 2, "hour": 3, "minute": 4}
    return order.get(t.granularity or "year", 0), -t.start


# A meeting that did not or may not happen is not reported as a meeting ("did not meet",
# "could hold talks"): only meetings that took place, are under way, are planned or were
# called off are events.
UNREAL = frozenset({"negated", "hypothetical"})

HOSTED_MODES = frozenset({"visit", "summon", "summit", "host"})
