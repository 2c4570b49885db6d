"""Typed, frozen records that flow between the pipeline stages.

    RawArticle -> CleanArticle -> AnnotatedArticle -> (Entity, TimeExpression, PlaceMention)
               -> EventCandidate -> Event -> Record

Every record is immutable and slotted. Character offsets (``start``/``end``) always index
``CleanArticle.text``; no spaCy object ever appears here.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Literal

SCHEMA = "communique.record/1"

InputKind = Literal["text", "html"]
PublishedSource = Literal["argument", "metadata", "dateline", "none"]
EntityKind = Literal["person", "state", "igo", "body", "organization", "place"]
Granularity = Literal["minute", "hour", "day", "month", "year"]
Status = Literal["occurred", "planned", "ongoing", "cancelled", "hypothetical", "negated"]
Relation = Literal["precedes", "follows", "responds_to", "part_of"]

EVENT_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
    "STATEMENT",
)


def content_id(prefix: str, *parts: str) -> str:
    """A short deterministic id: the same inputs always give the same id."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:16]}"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the cleaned article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


# --- 0. ingest ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RawArticle:
    """One input item as read: decoded text or HTML, before any cleaning."""

    content: str
    kind: InputKind
    url: str | None = None
    published: date | None = None  # given by the caller (argument or JSONL field)
    origin: str = "<string>"  # file path, "<stdin>", "file.jsonl:12", ...


class SkipReason(str, Enum):
    """Expected reasons an item yields no record; recorded and counted, never a traceback."""

    EMPTY = "empty"
    BINARY = "binary"
    TOO_LARGE = "too_large"
    BAD_ENCODING = "bad_encoding"
    NO_ARTICLE = "no_article"
    NOT_ENGLISH = "not_english"
    BAD_JSON = "bad_json"
    FETCH_FAILED = "fetch_failed"


@dataclass(frozen=True, slots=True)
class Skip:
    """An item dropped on purpose, with the reason and a one-line human explanation."""

    reason: SkipReason
    detail: str
    origin: str = "<string>"


# --- 1. clean -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Field:
    """A metadata value with where it came from ("metadata", "line", "argument", ...)."""

    value: str
    source: str


@dataclass(frozen=True, slots=True)
class CleanArticle:
    """The article body with site chrome removed, plus its metadata."""

    id: str
    text: str
    title: Field | None
    byline: Field | None
    section: Field | None
    site: Field | None
    url: str | None
    published: date | None
    published_source: PublishedSource
    language: str
    removed: tuple[str, ...]
    headlines: tuple[
        Span, ...
    ] = ()  # short heading lines kept in ``text``: never merge into sentences
    origin: str = "<string>"


# --- 2. nlp ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Token:
    """A token as plain data. ``head`` is the index of the syntactic head within the article."""

    i: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    morph: str = ""


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    first_token: int  # index into AnnotatedArticle.tokens
    last_token: int  # exclusive


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention. ``label`` is a spaCy label (PERSON, GPE, ORG, NORP, FAC, LOC,
    DATE, TIME, ...). ``key`` is set when the entity ruler matched curated data (e.g. "state:RUS",
    "igo:NATO"); ``canonical`` is the full name after alias propagation ("Ngozi Okonjo-Iweala")."""

    start: int
    end: int
    text: str
    label: str
    key: str | None = None
    canonical: str | None = None


@dataclass(frozen=True, slots=True)
class AnnotatedArticle:
    article: CleanArticle
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    mentions: tuple[Mention, ...]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding ``offset`` (sentences are in text order and never overlap)."""
        i = bisect_right(self.sentences, offset, key=_sentence_start) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None


def _sentence_start(s: Sentence) -> int:
    return s.start


# --- 3. actors / time / place ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Role:
    """An office held between two dates (``valid_to`` None = still in office)."""

    title: str
    country: str | None  # ISO3 for state offices, IGO short name for IGO offices
    valid_from: date | None
    valid_to: date | None
    source: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    """One actor of the article, with all its mentions.

    ``code``: ISO3 for states, canonical short name for IGOs/bodies, else None.
    ``country``: ISO3 (or IGO short name) the entity belongs to or represents, or None.
    ``titles``: titles as written in the article. ``role``: the office resolved from the data
    for the article's date, kept separately when it conflicts with what is written.
    ``cow``/``gw``: the Correlates of War and Gleditsch-Ward numbers of the state in ``country``
    on the article's date (West Germany 260, the Soviet Union 365), None for IGOs.
    """

    id: str
    name: str
    kind: EntityKind
    code: str | None
    country: str | None
    titles: tuple[str, ...]
    mentions: tuple[Span, ...]
    role: Role | None = None
    cow: int | None = None  # Correlates of War number of the state it is or represents
    gw: int | None = None  # Gleditsch-Ward number of the same state


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression found in the text and normalised.

    ``value``: ISO 8601 at its granularity ("2022-01-12T09:00:00Z", "2022-01-12", "2021-12",
    "2022"), or None when it cannot be anchored. ``end`` of a range in ``value_end``.
    ``kind``: "date" | "time" | "weekday" | "relative" | "range" | "year" ...
    """

    start: int
    end: int
    text: str
    value: str | None
    granularity: Granularity | None
    value_end: str | None = None
    year_inferred: bool = False
    kind: str = "date"


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym or venue found in the text, geocoded offline where possible."""

    start: int
    end: int
    text: str
    name: str  # canonical place name ("Brussels")
    country: str | None  # ISO3
    lat: float | None
    lon: float | None
    kind: Literal["city", "country", "region", "venue", "other"] = "city"
    venue: str | None = None  # as written ("NATO headquarters")
    country_name: str | None = None  # the name of ``country`` ("China" for Beijing)


# --- 4. events ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class When:
    start: str
    end: str | None
    granularity: Granularity
    text: str
    year_inferred: bool = False


@dataclass(frozen=True, slots=True)
class Where:
    name: str | None
    venue: str | None
    country: str | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class Delegation:
    party: str  # entity id
    head: str | None  # entity id


@dataclass(frozen=True, slots=True)
class Meeting:
    forum: str | None
    chair: tuple[str, ...]  # entity ids
    delegations: tuple[Delegation, ...]
    agenda: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: str  # one of EVENT_TYPES
    mode: str | None  # PLOVER mode (e.g. "meet", "visit", "call", "propose", "demand")
    status: Status
    actors: tuple[str, ...]  # entity ids
    recipients: tuple[str, ...]
    when: When | None
    where: Where | None
    meeting: Meeting | None
    items: tuple[str, ...]
    evidence: tuple[Span, ...]
    confidence: float
    rules: tuple[str, ...] = ()  # names of the rules that made it (``events.rules``)
    main: bool = False  # the article's main event: the one its headline and lead report


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A candidate event the emission step did not report, and why (``extract --explain``)."""

    event: Event  # as the coder built it
    reason: str  # the emission rule that left it out, e.g. ``emit.coded_actor``


@dataclass(frozen=True, slots=True)
class Link:
    source: str  # event id ("from" in JSON)
    target: str  # event id ("to" in JSON)
    relation: Relation


@dataclass(frozen=True, slots=True)
class Record:
    """The full result for one article: the ``communique.record/1`` contract."""

    article: CleanArticle
    entities: tuple[Entity, ...]
    events: tuple[Event, ...]
    links: tuple[Link, ...]
    producer: str = "events.rules.v1"
    left_out: tuple[LeftOut, ...] = ()  # candidates not reported (shown by ``--explain``)


@dataclass(frozen=True, slots=True)
class EventSet:
    """What the events stage returns: entities (possibly refined, e.g. a delegation head's
    country), the events, the links between them, and the candidates left out."""

    entities: tuple[Entity, ...]
    events: tuple[Event, ...]
    links: tuple[Link, ...]
    left_out: tuple[LeftOut, ...] = ()
