"""Fusion rules on hand-built reports: type, participants, dates, places, and variants."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from communique.fuse import FusionIndex, Report, fuse_reports, summarize
from communique.model import Span, When, Where


def report(
    eid: str,
    codes: tuple[str, ...],
    day: str | None = "2024-03-05",
    kind: str = "CONSULT",
    country: str | None = "PRT",
    city: str | None = "Porto",
    published: date | None = date(2024, 3, 6),
    granularity: str = "day",
    status: str = "occurred",
) -> Report:
    return Report(
        event_id=eid,
        article_id="art-" + eid,
        type=kind,
        mode="meet",
        status=status,
        participants=tuple(sorted(codes)),
        names=(),
        when=When(day, None, granularity, day) if day else None,  # type: ignore[arg-type]
        where=Where(city, None, country, None, None) if (city or country) else None,
        meeting=None,
        evidence=(Span(0, 4, "text"),),
        published=published,
    )


def groups(reports: list[Report]) -> list[set[str]]:
    assignment = fuse_reports(reports)
    out: dict[str, set[str]] = {}
    for eid, fid in assignment.items():
        out.setdefault(fid, set()).add(eid)
    return sorted(out.values(), key=lambda g: sorted(g))


def test_fuse_same_meeting_from_three_outlets_is_one_event() -> None:
    reports = [
        report("a", ("NOR", "SUD")),
        report("b", ("NOR", "SUD", "EU")),
        report("c", ("NOR", "SUD"), day=None, published=date(2024, 3, 5)),
    ]
    assert groups(reports) == [{"a", "b", "c"}]


def test_fuse_keeps_apart_other_type_other_day_other_parties() -> None:
    reports = [
        report("a", ("NOR", "SUD")),
        report("b", ("NOR", "SUD"), kind="REJECT"),
        report("c", ("NOR", "SUD"), day="2024-04-20"),
        report("d", ("WES", "EAS")),
    ]
    assert groups(reports) == [{"a"}, {"b"}, {"c"}, {"d"}]


def test_fuse_a_day_apart_is_a_date_variant_not_a_new_event() -> None:
    fused = FusionIndex()
    fid = fused.assign(report("a", ("NOR", "SUD")))
    assert fused.assign(report("b", ("NOR", "SUD"), day="2024-03-04")) == fid
    assert fused.assign(report("c", ("NOR", "SUD"))) == fid
    event = summarize(fused.clusters[fid].reports)
    assert event.when is not None and event.when.start == "2024-03-05"
    (variant,) = [v for v in event.variants if v.field == "when"]
    assert [(x.value, x.count) for x in variant.values] == [("2024-03-05", 2), ("2024-03-04", 1)]


def test_fuse_month_date_supports_a_day_inside_it() -> None:
    reports = [
        report("a", ("NOR", "SUD"), day="2024-03", granularity="month"),
        report("b", ("NOR", "SUD")),
    ]
    assert groups(reports) == [{"a", "b"}]
    event = summarize(reports)
    assert event.when is not None and event.when.start == "2024-03-05"


def test_fuse_other_country_blocks_unless_everything_else_agrees() -> None:
    assert (
        len(
            groups(
                [report("a", ("NOR", "SUD")), report("b", ("NOR",), country="FRA", city="Paris")]
            )
        )
        == 2
    )
    assert (
        len(
            groups(
                [
                    report("a", ("NOR", "SUD")),
                    report("b", ("NOR", "SUD"), country="FRA", city="Paris"),
                ]
            )
        )
        == 1
    )


def test_fuse_no_dates_anywhere_needs_the_same_participants() -> None:
    a = report("a", ("NOR", "SUD"), day=None, published=None)
    assert len(groups([a, report("b", ("NOR", "SUD"), day=None, published=None)])) == 1
    assert len(groups([a, report("c", ("NOR",), day=None, published=None)])) == 2


def test_fuse_participants_kept_by_majority_and_status_by_vote() -> None:
    reports = [
        report("a", ("NOR", "SUD")),
        report("b", ("NOR", "SUD", "XXX")),
        report("c", ("NOR", "SUD"), status="planned"),
    ]
    event = summarize(reports)
    assert event.participants == ("NOR", "SUD")
    assert event.status == "occurred"
    assert event.sources == ("art-a", "art-b", "art-c")


def test_fuse_one_shared_state_with_rival_parties_stays_apart() -> None:
    # Turkey and Egypt meet in Doha (Qatar named as host); the same day Qatar receives Iran.
    reports = [
        report("a", ("TUR", "EGY", "QAT"), country="QAT", city="Doha"),
        report("b", ("QAT", "IRN"), country="QAT", city="Doha"),
    ]
    assert groups(reports) == [{"a"}, {"b"}]
    # One party's report missing the other side still joins; so does a mediating IGO.
    reports = [
        report("a", ("SRB", "XKX", "EU")),
        report("b", ("XKX",)),
        report("c", ("SRB", "XKX")),
    ]
    assert groups(reports) == [{"a", "b", "c"}]


def test_fuse_same_article_rival_meeting_is_not_a_sibling() -> None:
    # One article: Blinken met Wang (undated) and, on Saturday, Kuleba; Wang's talks are known.
    wang = report("a", ("USA", "CHN"), day="2024-03-04")
    kuleba = replace(report("b", ("USA", "UKR")), article_id="art-x")
    undated = replace(report("c", ("USA", "CHN"), day=None), article_id="art-x")
    assignment = fuse_reports([wang, kuleba, undated])
    assert assignment["c"] == assignment["a"] != assignment["b"]


def test_fuse_week_range_fits_a_day_inside_it_and_the_day_is_chosen() -> None:
    week = report("b", ("NOR", "SUD"), day="2024-03-04", published=date(2024, 3, 12))
    week = replace(week, when=When("2024-03-04", "2024-03-10", "day", "last week"))
    reports = [report("a", ("NOR", "SUD"), day="2024-03-07"), week]
    assert groups(reports) == [{"a", "b"}]
    event = summarize(reports)
    assert event.when is not None and event.when.start == "2024-03-07"


def test_fuse_single_party_articles_do_not_vote_out_other_participants() -> None:
    reports = [
        report("a", ("SCO", "KAZ")),
        report("b", ("SCO",)),
        report("c", ("SCO",)),
        report("d", ("NOR", "SUD", "XXX")),
        report("e", ("NOR", "SUD")),
        report("f", ("NOR", "SUD")),
    ]
    assert summarize(reports[:3]).participants == ("KAZ", "SCO")
    assert summarize(reports[3:]).participants == ("NOR", "SUD")


def test_fuse_keeps_a_summit_apart_from_two_states_meeting_there() -> None:
    summit = replace(report("a", ("SCO", "KAZ", "CHN", "RUS", "BLR")), mode="summit")
    summit_too = replace(report("b", ("SCO", "KAZ", "CHN")), mode="summit")
    bilateral = report("c", ("CHN", "RUS", "KAZ"))
    # the same summit told without its organisation's name still joins it ("leaders met")
    leaders = replace(report("d", ("SCO", "KAZ", "RUS")), mode="meet")
    assert groups([summit, summit_too, bilateral, leaders]) == [{"a", "b", "d"}, {"c"}]
