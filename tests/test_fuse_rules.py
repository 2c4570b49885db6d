"""Fusion rules on hand-built reports: type, participants, dates, places, and variants."""

from __future__ import annotations

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
