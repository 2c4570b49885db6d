"""Scorers of the meetings suite (diplomatic-dev) on tiny hand-made cases."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from communique.errors import EvaluationError
from communique.evaluation.meetings import (
    AnnotatedMeeting,
    MeetingCounts,
    ReportedMeeting,
    cooccurrence_meetings,
    count_meetings,
    load_articles,
    meeting_f1,
    meeting_matches,
    meeting_precision,
    meeting_recall,
    reported_meetings,
)
from communique.model import (
    CleanArticle,
    Delegation,
    Entity,
    Event,
    Meeting,
    Record,
    Span,
    When,
    Where,
)

TALKS = AnnotatedMeeting(frozenset({"AAA", "BBB", "CCC"}), "Lakeside", "BBB", "2021-03")


def test_all_but_one_participant_is_enough() -> None:
    assert meeting_matches(
        TALKS, ReportedMeeting(frozenset({"AAA", "BBB"}), "2021-03-04", "", "BBB")
    )
    assert not meeting_matches(TALKS, ReportedMeeting(frozenset({"AAA"}), "2021-03-04", "", "BBB"))


def test_date_must_be_a_prefix_where_annotated() -> None:
    parties = frozenset({"AAA", "BBB", "CCC"})
    assert not meeting_matches(TALKS, ReportedMeeting(parties, "2021-04-01", "", "BBB"))
    assert not meeting_matches(TALKS, ReportedMeeting(parties, None, "", "BBB"))


def test_place_matches_by_country_or_city_name() -> None:
    parties = frozenset({"AAA", "BBB", "CCC"})
    assert meeting_matches(TALKS, ReportedMeeting(parties, "2021-03", "lakeside", None))
    assert meeting_matches(TALKS, ReportedMeeting(parties, "2021-03", "", "BBB"))
    assert not meeting_matches(TALKS, ReportedMeeting(parties, "2021-03", "hilltown", "DDD"))


def test_single_participant_meeting_needs_that_participant() -> None:
    lone = AnnotatedMeeting(frozenset({"AAA"}), None, None, None)
    assert meeting_matches(lone, ReportedMeeting(frozenset({"AAA", "ZZZ"})))
    assert not meeting_matches(lone, ReportedMeeting(frozenset({"ZZZ"})))


def test_counts_and_rates() -> None:
    reported = [
        ReportedMeeting(frozenset({"AAA", "BBB"}), "2021-03-02", "", "BBB"),
        ReportedMeeting(frozenset({"XXX", "YYY"})),
    ]
    counts = count_meetings([TALKS], reported)
    assert counts == MeetingCounts(found=1, expected=1, correct=1, reported=2)
    assert meeting_recall(counts) == 1.0
    assert meeting_precision(counts) == 0.5
    assert meeting_f1(counts) == pytest.approx(2 / 3)
    assert meeting_f1(MeetingCounts()) == 0.0


def _record(text: str, entities: tuple[Entity, ...], events: tuple[Event, ...]) -> Record:
    article = CleanArticle(
        id="a",
        text=text,
        title=None,
        byline=None,
        section=None,
        site=None,
        url=None,
        published=date(2021, 3, 5),
        published_source="argument",
        language="en",
        removed=(),
    )
    return Record(article, entities, events, ())


def _entity(eid: str, code: str, start: int, end: int) -> Entity:
    return Entity(eid, code, "state", code, code, (), (Span(start, end, code),))


def test_reported_meetings_reads_consult_and_meeting_blocks() -> None:
    ents = (_entity("a", "AAA", 0, 3), _entity("b", "BBB", 8, 11), _entity("c", "CCC", 20, 23))
    consult = Event(
        id="v1",
        type="CONSULT",
        mode="meet",
        status="occurred",
        actors=("a",),
        recipients=("b",),
        when=When("2021-03-04", None, "day", "Thursday"),
        where=Where("Lakeside", None, "BBB", None, None),
        meeting=Meeting(None, (), (Delegation("c", None),), ()),
        items=(),
        evidence=(),
        confidence=0.9,
    )
    accuse = Event(
        id="v2",
        type="ACCUSE",
        mode=None,
        status="occurred",
        actors=("a",),
        recipients=("b",),
        when=None,
        where=None,
        meeting=None,
        items=(),
        evidence=(),
        confidence=0.9,
    )
    found = reported_meetings(_record("AAA met BBB in Lakeside CCC.", ents, (consult, accuse)))
    assert len(found) == 1
    assert found[0].participants == frozenset({"AAA", "BBB", "CCC"})
    assert found[0].country == "BBB" and "lakeside" in found[0].place
    assert count_meetings([TALKS], found).found == 1


def test_cooccurrence_baseline_needs_a_meeting_word_and_two_parties() -> None:
    text = "AAA met BBB today. AAA blamed CCC."
    ents = (_entity("a", "AAA", 0, 3), _entity("b", "BBB", 8, 11), _entity("c", "CCC", 30, 33))
    found = cooccurrence_meetings(_record(text, ents, ()))
    assert [m.participants for m in found] == [frozenset({"AAA", "BBB"})]


def test_malformed_article_is_an_evaluation_error(tmp_path: Path) -> None:
    items = tmp_path / "diplomatic-dev" / "items"
    items.mkdir(parents=True)
    (items / "bad.json").write_text(json.dumps({"id": "bad"}), encoding="utf-8")
    with pytest.raises(EvaluationError, match="malformed"):
        load_articles(tmp_path)


@pytest.mark.skipif(
    not (Path(__file__).resolve().parents[2] / "shared" / "data" / "geoparsing").is_dir(),
    reason="needs the shared corpora",
)
def test_locked_fresh_part_loads_with_checked_texts() -> None:
    from communique.evaluation.articles import load_labelled
    from communique.evaluation.runner import LOCKED, SUITES

    data = Path(__file__).resolve().parents[2] / "shared" / "data"
    arts = load_labelled(data, "fresh3")  # each text checked against its stored sha256
    assert len(arts) == 25 and all(a.text for a in arts)
    fourth = load_labelled(data, "fresh4")
    assert len(fourth) == 30 and all(a.text for a in fourth)
    assert "articles-fresh" in SUITES and "articles-fresh" in LOCKED  # never run by 'all'
    assert "articles-fresh4" in SUITES and "articles-fresh4" in LOCKED
