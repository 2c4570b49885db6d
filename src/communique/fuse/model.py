"""Records of the fusion stage: one event as reported by one article (``Report``) and the
canonical event that several reports describe (``FusedEvent``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model import Span, When, Where


@dataclass(frozen=True, slots=True)
class NamedDelegation:
    party: str  # a name, not an entity id
    head: str | None


@dataclass(frozen=True, slots=True)
class NamedMeeting:
    """A meeting with names instead of entity ids, so reports from different articles compare."""

    forum: str | None
    chair: tuple[str, ...]
    delegations: tuple[NamedDelegation, ...]
    agenda: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Party:
    """One actor or recipient of a coded event, in article-independent terms."""

    code: str | None  # the entity's code, else the country it serves ("ZMB", "NATO")
    name: str  # canonical name ("Hakainde Hichilema", "Zambia")
    kind: str  # entity kind: state, igo, body, person, organization, place
    raw: str = ""  # the first mention as written ("Hichilema")
    titles: tuple[str, ...] = ()  # titles as written, else the office from the role data
    cow: int | None = None  # Correlates of War number of the state it is or serves

    @property
    def key(self) -> str:
        """What sides are voted on: the code, else the lower-cased name."""
        return self.code or "~" + self.name.lower()


@dataclass(frozen=True, slots=True)
class Report:
    """One coded event of one canonical article, in article-independent terms."""

    event_id: str
    article_id: str
    type: str
    mode: str | None
    status: str
    participants: tuple[str, ...]  # sorted codes (entity code, else its country)
    names: tuple[str, ...]  # names of actors and recipients, for events without codes
    when: When | None
    where: Where | None
    meeting: NamedMeeting | None
    evidence: tuple[Span, ...]
    published: date | None = None
    actors: tuple[Party, ...] = ()  # who acts ("Zambia" in "Zambia rejected ...")
    recipients: tuple[Party, ...] = ()  # whom it is directed at ("Angola")


@dataclass(frozen=True, slots=True)
class VariantCount:
    value: str
    count: int


@dataclass(frozen=True, slots=True)
class FieldVariants:
    """The values reports gave for one field where they disagree; ``chosen`` is the one kept."""

    field: str
    values: tuple[VariantCount, ...]
    chosen: str | None


@dataclass(frozen=True, slots=True)
class SourcedSpan:
    article: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class FusedEvent:
    """A canonical event: every report of it, every source article, chosen values, variants."""

    id: str
    type: str
    mode: str | None
    status: str
    participants: tuple[str, ...]
    when: When | None
    where: Where | None
    meeting: NamedMeeting | None
    sources: tuple[str, ...]  # article ids: reporting articles, then their copies
    reports: tuple[str, ...]  # event ids of the coded events fused here
    variants: tuple[FieldVariants, ...]
    evidence: tuple[SourcedSpan, ...]
    actors: tuple[Party, ...] = ()  # by vote of the sources; a code is an actor or a recipient
    recipients: tuple[Party, ...] = ()
    published: date | None = None  # the earliest publication date of the reporting articles

    @property
    def source_count(self) -> int:
        return len(self.sources)
