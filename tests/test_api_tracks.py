"""Tracks: links carried onto fused events join meetings reported by different articles."""

from __future__ import annotations

from dataclasses import MISSING, fields
from typing import Any

from communique.api.tracks import build_tracks, track_name
from communique.fuse.model import FusedEvent, NamedMeeting
from communique.model import When, Where


def _meeting(
    eid: str, day: str, place: str, parties: tuple[str, ...], forum: str | None
) -> FusedEvent:
    values: dict[str, Any] = dict(
        id=eid,
        type="CONSULT",
        mode="meet",
        status="occurred",
        participants=parties,
        when=When(day, None, "day", day),
        where=Where(place, None, None, None, None),
        meeting=NamedMeeting(forum, (), (), ()),
        sources=(f"art_{eid}",),
        reports=(eid,),
        variants=(),
        evidence=(),
    )
    # fields added to the record later take an empty value
    for f in fields(FusedEvent):
        if f.name not in values and f.default is MISSING and f.default_factory is MISSING:
            values[f.name] = ()
    return FusedEvent(**values)


def test_api_tracks_chain_links_from_two_articles() -> None:
    events = [
        _meeting("fev_c", "2021-03-01", "Vienna", ("AAA", "BBB"), "Lake talks"),
        _meeting("fev_a", "2021-01-05", "Geneva", ("AAA", "BBB"), "Lake talks"),
        _meeting("fev_b", "2021-02-02", "Brussels", ("AAA", "BBB", "CCC"), None),
        _meeting("fev_x", "2021-02-03", "Oslo", ("DDD", "EEE"), None),
    ]
    # article 1 says a precedes b; article 2 says c follows b
    links = [("fev_a", "fev_b", "precedes"), ("fev_c", "fev_b", "follows")]
    (track,) = build_tracks(events, links)
    assert track.events == ("fev_a", "fev_b", "fev_c")
    assert track.route == ("Geneva", "Brussels", "Vienna")
    assert track.parties == ("AAA", "BBB")
    assert track.name == "Lake talks (AAA, BBB)"
    assert str(track.first) == "2021-01-05" and str(track.last) == "2021-03-01"


def test_api_tracks_ignore_responses_and_non_meetings() -> None:
    events = [
        _meeting("fev_a", "2021-01-05", "Geneva", ("AAA", "BBB"), None),
        _meeting("fev_b", "2021-02-02", "Brussels", ("AAA", "BBB"), None),
    ]
    assert build_tracks(events, [("fev_a", "fev_b", "responds_to")]) == []
    assert build_tracks(events, [("fev_a", "fev_zzz", "precedes")]) == []


def test_api_tracks_name_without_forum_names_the_parties() -> None:
    assert track_name(None, ("AAA", "BBB")) == "Talks of AAA, BBB"
    assert track_name(None, ()) == "Linked meetings"
    assert track_name("Round table", tuple(f"C{i}" for i in range(8))).endswith("and others)")
