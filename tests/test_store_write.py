"""The store: idempotent writes, copies linked to their canonical article, incremental fusion."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from communique.model import (
    CleanArticle,
    Entity,
    Event,
    Field,
    Meeting,
    Record,
    Skip,
    SkipReason,
    Span,
    When,
    Where,
    content_id,
)
from communique.store import EventQuery, open_store

BODY = (
    "Foreign ministers of Norland and Sudmark met in Porto on Tuesday to discuss fishing quotas "
    "in the northern sea, a dispute that has strained relations between the two neighbours for "
    "a decade. Officials said the talks lasted four hours and ended with a promise to meet again "
    "before the end of the year. Neither side gave details of the proposals on the table."
)
OTHER = (
    "The trade commissioner of the Eastern Union received the finance minister of Westland in "
    "Lyon on Friday, where the two discussed tariffs on steel and a long delayed customs treaty. "
    "Diplomats described the meeting as cordial but said that no agreement was expected soon, "
    "because the parliament of Westland has not yet approved the draft text."
)

THIRD = (
    "A short statement from the coast guard said that patrol boats would keep watching the "
    "contested waters while the governments talk. Fishermen in both countries have complained "
    "about lost income, and several harbour towns held protests last month asking their "
    "capitals to settle the quarrel without further delay."
)


def entity(eid: str, name: str, code: str) -> Entity:
    return Entity(eid, name, "state", code, code, (), (Span(0, 3, name[:3]),))


def meeting(
    eid: str,
    day: str | None,
    city: str = "Porto",
    codes: tuple[str, ...] = ("NOR", "SUD"),
    text: str = BODY,
) -> Event:
    when = When(day, None, "day", "Tuesday") if day else None
    return Event(
        id=eid,
        type="CONSULT",
        mode="meet",
        status="occurred",
        actors=tuple(f"e{c}" for c in codes[:1]),
        recipients=tuple(f"e{c}" for c in codes[1:]),
        when=when,
        where=Where(city, None, "PRT", 41.1, -8.6),
        meeting=Meeting(None, (), (), ()),
        items=(),
        evidence=(Span(0, 40, text[:40]),),
        confidence=0.8,
    )


def record(
    text: str,
    events: tuple[Event, ...],
    published: date | None = date(2024, 3, 6),
    codes: tuple[str, ...] = ("NOR", "SUD"),
) -> Record:
    aid = content_id("art", text)
    article = CleanArticle(
        id=aid,
        text=text,
        title=Field("Ministers meet", "metadata"),
        byline=None,
        section=None,
        site=Field("Example Wire", "metadata"),
        url=f"https://example.org/{aid}",
        published=published,
        published_source="metadata",
        language="en",
        removed=(),
    )
    ents = tuple(entity(f"e{c}", f"{c} land", c) for c in codes)
    return Record(article, ents, events, ())


def test_store_write_is_idempotent(tmp_path: Path) -> None:
    rec = record(BODY, (meeting(content_id("ev", "a1"), "2024-03-05"),))
    with open_store(tmp_path / "s.duckdb") as store:
        first = store.write_record(rec)
        again = store.write_record(rec)
        counts = store.counts()
    assert first.created and not again.created
    assert (counts.articles, counts.events, counts.fused_events) == (1, 1, 1)


def test_store_exact_and_near_copies_link_to_canonical(tmp_path: Path) -> None:
    original = record(BODY, (meeting("ev-a", "2024-03-05"),))
    exact = record(BODY + " ", (meeting("ev-b", "2024-03-05"),))
    edited = record(
        BODY.replace("four hours", "nearly four hours") + " (Reporting by staff)",
        (meeting("ev-c", "2024-03-05"),),
    )
    with open_store(tmp_path / "s.duckdb") as store:
        store.write_record(original)
        r_exact, r_edit = store.write_record(exact), store.write_record(edited)
        events = store.fused_events()
        counts = store.counts()
    assert r_exact.duplicate_of == original.article.id
    assert r_edit.duplicate_of == original.article.id
    assert counts.events == 1 and counts.duplicates == 2
    assert len(events) == 1 and events[0].source_count == 3


def test_store_fuses_reports_across_articles_and_keeps_variants(tmp_path: Path) -> None:
    a = record(BODY, (meeting("ev-a", "2024-03-05"),))
    b = record(OTHER, (meeting("ev-b", "2024-03-05", text=OTHER),))
    c = record(THIRD, (meeting("ev-c", "2024-03-04", city="Braga", text=THIRD),))
    path = tmp_path / "s.duckdb"
    with open_store(path) as store:
        store.write_record(a)
        store.write_record(b)
    with open_store(path) as store:  # a new process: fusion continues from the stored state
        store.write_record(c)
        (event,) = store.fused_events()
    assert event.source_count == 3
    assert event.when is not None and event.when.start == "2024-03-05"
    variants = {v.field: {x.value: x.count for x in v.values} for v in event.variants}
    assert variants["when"] == {"2024-03-05": 2, "2024-03-04": 1}
    assert variants["where"] == {"Porto": 2, "Braga": 1}
    assert event.participants == ("NOR", "SUD")


def test_store_keeps_different_events_apart(tmp_path: Path) -> None:
    a = record(BODY, (meeting("ev-a", "2024-03-05"),))
    later = record(OTHER, (meeting("ev-b", "2024-05-20", text=OTHER),), published=date(2024, 5, 21))
    others = record(
        THIRD,
        (meeting("ev-c", "2024-03-05", codes=("WES", "EAS"), text=THIRD),),
        codes=("WES", "EAS"),
    )
    with open_store(tmp_path / "s.duckdb") as store:
        for r in (a, later, others):
            store.write_record(r)
        assert len(store.fused_events()) == 3
        assert len(store.fused_events(EventQuery(actor="WES"))) == 1
        assert len(store.fused_events(EventQuery(since=date(2024, 4, 1)))) == 1
        assert store.fused_events(EventQuery(type="AGREE")) == []


def test_store_records_rejections_once(tmp_path: Path) -> None:
    skip = Skip(SkipReason.NOT_ENGLISH, "the text is in German", "feed.xml:3")
    with open_store(tmp_path / "s.duckdb") as store:
        store.record_skip(skip, stage="clean", input_key="k1")
        store.record_skip(skip, stage="clean", input_key="k1")
        assert store.has_input("k1") and not store.has_input("k2")
        assert store.counts().rejections == {"not_english": 1}
        expected = ("feed.xml:3", "clean", "not_english", "the text is in German")
        assert store.rejections() == [expected]


def test_store_article_without_entities_or_events(tmp_path: Path) -> None:
    bare = record(BODY, (), codes=())
    with open_store(tmp_path / "s.duckdb") as store:
        assert store.write_record(bare).created
        assert store.counts().articles == 1 and store.fused_events() == []
