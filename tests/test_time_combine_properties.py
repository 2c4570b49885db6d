"""``combine``, the zone table, the public API, and properties that hold for any text."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

import communique.time as time_stage
from communique.model import AnnotatedArticle, CleanArticle, Sentence, TimeExpression
from communique.time import combine, find_times, reference_date
from communique.time.lexicon import zone_offsets


def expr(text: str, value: str | None, granularity: str | None, **kw: object) -> TimeExpression:
    return TimeExpression(0, len(text), text, value, granularity, **kw)  # type: ignore[arg-type]


def bare(text: str, published: date | None) -> AnnotatedArticle:
    article = CleanArticle(
        id="t", text=text, title=None, byline=None, section=None, site=None, url=None,
        published=published, published_source="argument" if published else "none",
        language="en", removed=(),
    )  # fmt: skip
    sentence = Sentence(start=0, end=len(text), text=text, first_token=0, last_token=0)
    return AnnotatedArticle(article=article, sentences=(sentence,), tokens=(), mentions=())


def test_time_public_api_is_complete() -> None:
    assert sorted(time_stage.__all__) == ["combine", "find_times", "reference_date"]


def test_time_combine_converts_to_utc_and_keeps_inference() -> None:
    day = expr("Wednesday, 12 January", "2022-01-12", "day", year_inferred=True, kind="date")
    out = combine(day, expr("09:00 GMT", None, "minute", kind="time"))
    assert (out.value, out.granularity, out.year_inferred, out.text) == (
        "2022-01-12T09:00:00Z", "minute", True, "09:00 GMT",
    )  # fmt: skip
    out = combine(day, expr("10 p.m. EST", None, "hour", kind="time"))
    assert (out.value, out.granularity) == ("2022-01-13T03:00:00Z", "hour")
    out = combine(day, expr("13:30", None, "minute", kind="time"))
    assert out.value == "2022-01-12T13:30:00"


def test_time_combine_leaves_unusable_inputs_alone() -> None:
    clock = expr("09:00 GMT", None, "minute", kind="time")
    assert combine(expr("January", "2022-01", "month"), clock) is clock
    assert combine(expr("Monday", None, None), clock) is clock
    day = expr("12 January 2022", "2022-01-12", "day")
    assert combine(day, expr("Monday", "2022-01-10", "day")).value == "2022-01-10"


def test_time_zone_table_is_sane() -> None:
    zones = zone_offsets()
    assert zones["GMT"] == zones["UTC"] == 0
    assert zones["EST"] == -300 and zones["CEST"] == 120 and zones["MSK"] == 180
    assert all(-720 <= v <= 840 for v in zones.values())


def test_time_reference_date_falls_back_to_dated_times() -> None:
    annotated = bare("Nothing dated here.", None)
    assert reference_date(annotated, ()) is None
    times = (expr("x", "2020-05-04", "day"), expr("y", "2020-06", "month"))
    assert reference_date(annotated, times) == date(2020, 5, 4)


_WORDS = st.sampled_from(
    ["on", "Monday", "12", "January", "2022", "at", "09:00", "GMT", "-", "to", "last", "week",
     "ago", "two", "years", "May", "the", "next", "day", "31", "February", "Q3", "/", "99",
     "10", "a.m.", "EST", "mid", "1990s", "20th", "century", ",", "since", "later", "2019-20"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=14), st.one_of(st.none(), st.dates()))
def test_time_any_text_gives_exact_spans_and_never_raises(
    words: list[str], published: date | None
) -> None:
    text = " ".join(words)
    for found in find_times(bare(text, published)):
        assert text[found.start : found.end] == found.text
        if found.value is not None and found.granularity == "day":
            date.fromisoformat(found.value)


def test_time_extreme_publication_dates_do_not_raise() -> None:
    text = "tomorrow, next week, Monday, 12 January, in December, Q3, two years ago at 23:00 EST"
    for published in (date(9999, 12, 31), date(1, 1, 1)):
        assert len(find_times(bare(text, published))) >= 6


def test_time_combine_reads_the_clock_in_a_longer_span() -> None:
    day = expr("Monday", "2022-01-10", "day", kind="weekday")
    out = combine(day, expr("12 January 2022 at 09:00 GMT", "2022-01-12T09:00:00Z", "minute"))
    assert out.value == "2022-01-10T09:00:00Z"
    assert combine(day, expr("noon", None, "hour", kind="time")).value == "2022-01-10T12:00:00"
