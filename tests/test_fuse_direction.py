"""Fused events keep actors and recipients apart: the direction survives fusion."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from communique.fuse import fuse_reports, reports_from_record, summarize
from communique.model import (
    CleanArticle,
    Entity,
    Event,
    Field,
    Link,
    Record,
    Role,
    Span,
    When,
    Where,
    content_id,
)
from communique.store import open_store

# Invented states and people; codes are real ISO3 codes so that exports see states.
PEOPLE = {
    "ZMB": ("Nalumino Chanda", "Foreign Minister"),
    "AGO": ("Teresa Barros", "President"),
    "KEN": ("Otieno Wafula", "General"),
}
STATES = {"ZMB": ("Zambia", 551), "AGO": ("Angola", 540), "KEN": ("Kenya", 501)}


def text_of(n: int) -> str:
    """A distinct invented article body (never a copy of another)."""
    words = " ".join(f"word{n}x{j}" for j in range(40))
    return f"Zambia rejected a proposal from Angola on Monday. {words}"


def state(code: str) -> Entity:
    name, cow = STATES[code]
    return Entity(f"s{code}", name, "state", code, code, (), (Span(0, 6, name[:6]),), cow=cow)


def person(code: str) -> Entity:
    name, title = PEOPLE[code]
    role = Role(title, code, None, None)
    surname = name.split()[-1]
    return Entity(f"p{code}", name, "person", None, code, (title,), (Span(0, 5, surname),), role)


def event(
    eid: str,
    kind: str,
    actors: tuple[str, ...],
    recipients: tuple[str, ...] = (),
    day: str | None = "2024-03-04",
    status: str = "occurred",
    mode: str | None = None,
    where: Where | None = None,
) -> Event:
    return Event(
        id=eid,
        type=kind,
        mode=mode,
        status=status,  # type: ignore[arg-type]
        actors=actors,
        recipients=recipients,
        when=When(day, None, "day", "Monday") if day else None,
        where=where,
        meeting=None,
        items=(),
        evidence=(Span(0, 20, "Zambia rejected a pr"),),
        confidence=0.9,
    )


def article(
    n: int,
    events: tuple[Event, ...],
    published: date | None = date(2024, 3, 5),
    links: tuple[Link, ...] = (),
) -> Record:
    text = text_of(n)
    aid = content_id("art", text)
    clean = CleanArticle(
        id=aid,
        text=text,
        title=Field("Border talks", "metadata"),
        byline=None,
        section=None,
        site=None,
        url=f"https://news.example/{n}",
        published=published,
        published_source="metadata",
        language="en",
        removed=(),
    )
    entities = tuple(state(c) for c in STATES) + tuple(person(c) for c in PEOPLE)
    return Record(clean, entities, events, links)


def reject(n: int, actor: str, recipient: str, day: str | None = "2024-03-04") -> Record:
    return article(n, (event(f"ev{n}", "REJECT", (actor,), (recipient,), day),))


def test_fuse_direction_kept_in_fused_event() -> None:
    reports = [r for n in (1, 2) for r in reports_from_record(reject(n, "sZMB", "sAGO"))]
    fused = summarize(reports)
    assert [p.code for p in fused.actors] == ["ZMB"]
    assert [p.code for p in fused.recipients] == ["AGO"]
    assert fused.participants == ("AGO", "ZMB")  # still the sorted codes


def test_fuse_direction_reversed_reports_stay_apart() -> None:
    one = reports_from_record(reject(1, "sZMB", "sAGO"))
    two = reports_from_record(reject(2, "sAGO", "sZMB"))
    three = reports_from_record(reject(3, "pZMB", "sAGO"))  # a person of Zambia: same way
    fused = fuse_reports([*one, *two, *three])
    assert fused[one[0].event_id] == fused[three[0].event_id]
    assert fused[one[0].event_id] != fused[two[0].event_id]


def test_fuse_direction_sides_by_vote_of_articles() -> None:
    ways = [("sZMB", "sAGO"), ("sZMB", "sAGO"), ("sAGO", "sZMB")]
    reports = [r for n, (a, b) in enumerate(ways) for r in reports_from_record(reject(n, a, b))]
    fused = summarize(reports)
    assert [p.code for p in fused.actors] == ["ZMB"]
    assert [p.code for p in fused.recipients] == ["AGO"]


def test_fuse_direction_parties_keep_people_and_titles() -> None:
    rec = article(1, (event("ev1", "REJECT", ("pZMB", "sZMB"), ("sAGO",)),))
    fused = summarize(list(reports_from_record(rec)))
    names = [(p.name, p.kind, p.titles, p.raw, p.cow) for p in fused.actors]
    assert names == [
        ("Nalumino Chanda", "person", ("Foreign Minister",), "Chanda", None),
        ("Zambia", "state", (), "Zambia", 551),
    ]
    assert fused.published == date(2024, 3, 5)


def test_fuse_direction_survives_the_store(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.duckdb") as store:
        for n in (1, 2):
            store.write_record(reject(n, "sZMB", "sAGO"))
        store.write_record(reject(3, "sAGO", "sZMB"))
    with open_store(tmp_path / "s.duckdb", read_only=True) as store:
        events = store.fused_events()
    ways = sorted(
        ([p.code for p in e.actors], [p.code for p in e.recipients], e.source_count) for e in events
    )
    assert ways == [(["AGO"], ["ZMB"], 1), (["ZMB"], ["AGO"], 2)]
