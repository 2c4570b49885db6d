"""Time expressions normalised against a publication date, without a parser (present tense)."""

from __future__ import annotations

from datetime import date

import pytest

from communique.model import AnnotatedArticle, CleanArticle, Sentence, TimeExpression
from communique.time import find_times


def bare(text: str, published: date | None) -> AnnotatedArticle:
    article = CleanArticle(
        id="t", text=text, title=None, byline=None, section=None, site=None, url=None,
        published=published, published_source="argument" if published else "none",
        language="en", removed=(),
    )  # fmt: skip
    sentence = Sentence(start=0, end=len(text), text=text, first_token=0, last_token=0)
    return AnnotatedArticle(article=article, sentences=(sentence,), tokens=(), mentions=())


def only(text: str, published: date | None = date(2022, 3, 16)) -> TimeExpression:
    found = find_times(bare(text, published))
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "span", "value", "granularity"),
    [
        ("Talks resume on 12 January 2022 in Vienna.", "12 January 2022", "2022-01-12", "day"),
        ("Talks resumed on April 5th, 2018 in Vienna.", "April 5th, 2018", "2018-04-05", "day"),
        ("The accord was signed in 2019.", "2019", "2019", "year"),
        ("The envoy left in May 2010 for good.", "May 2010", "2010-05", "month"),
        ("The ministers spoke yesterday.", "yesterday", "2022-03-15", "day"),
        ("The ministers speak tomorrow.", "tomorrow", "2022-03-17", "day"),
        ("They met last month.", "last month", "2022-02", "month"),
        ("They meet next year.", "next year", "2023", "year"),
        ("It happened late last year.", "late last year", "2021", "year"),
        ("It happened earlier this year.", "earlier this year", "2022", "year"),
        ("It began in early 2018.", "early 2018", "2018", "year"),
        ("Sanctions came two years ago.", "two years ago", "2020", "year"),
        ("Stocks fell on 2021-11-05 again.", "2021-11-05", "2021-11-05", "day"),
        ("The deadline is 25/12/2021 now.", "25/12/2021", "2021-12-25", "day"),
    ],
)
def test_time_values_against_publication(
    text: str, span: str, value: str, granularity: str
) -> None:
    found = [t for t in find_times(bare(text, date(2022, 3, 16))) if t.text == span]
    assert found, find_times(bare(text, date(2022, 3, 16)))
    assert (found[0].value, found[0].granularity) == (value, granularity)
    assert found[0].year_inferred is False


def test_time_ambiguous_numeric_date_has_no_value() -> None:
    assert only("The deadline is 03/04/2021.").value is None


def test_time_day_ranges() -> None:
    rng = only("The fair runs April 8-18 in Basel.")
    assert (rng.kind, rng.value, rng.value_end) == ("range", "2022-04-08", "2022-04-18")
    rng = only("Consultations from 13-14 April are planned.")
    assert (rng.value, rng.value_end) == ("2022-04-13", "2022-04-14")
    rng = only("They sit from April 13 to 14 this spring.".replace(" this spring", ""))
    assert (rng.value, rng.value_end) == ("2022-04-13", "2022-04-14")


def test_time_this_week_is_monday_to_sunday() -> None:
    week = only("Envoys gather this week.")
    assert (week.kind, week.value, week.value_end) == ("week", "2022-03-14", "2022-03-20")


def test_time_mid_month_keeps_month() -> None:
    mid = only("Troops withdrew by mid-March 2014.")
    assert (mid.value, mid.granularity) == ("2014-03", "month")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The session lasted 90 days.", "P90D"),
        ("It took almost seven years.", "P7Y"),
        ("A four-week pause followed.", "P4W"),
        ("The talks went on for several days.", "PXD"),
        ("Negotiations ran for 24 hours.", "PT24H"),
    ],
)
def test_time_durations(text: str, value: str) -> None:
    found = find_times(bare(text, date(2022, 3, 16)))
    assert [(t.kind, t.value) for t in found] == [("duration", value)]


def test_time_clock_zone_to_utc() -> None:
    found = find_times(bare("The vote opens at 10 a.m. EST on 3 May 2021.", None))
    assert [(t.kind, t.value, t.granularity) for t in found] == [
        ("time", "2021-05-03T15:00:00Z", "hour")
    ]


def test_time_clock_joined_with_following_weekday() -> None:
    found = find_times(bare("Polls close at 15:00 GMT Saturday.", date(2013, 3, 22)))
    assert [(t.text, t.value) for t in found] == [("15:00 GMT Saturday", "2013-03-23T15:00:00Z")]


def test_time_clock_in_sentence_with_date_combines() -> None:
    found = find_times(bare("On 12 January 2022 the council met; it began at 09:00 GMT.", None))
    clock = [t for t in found if t.kind == "time"]
    assert [(t.value, t.granularity) for t in clock] == [("2022-01-12T09:00:00Z", "minute")]


def test_time_counts_and_modal_may_are_not_times() -> None:
    assert find_times(bare("May the talks succeed.", date(2022, 3, 16))) == ()
    assert find_times(bare("The rate rose 12.5% to 1,200.", date(2022, 3, 16))) == ()


def test_time_no_publication_and_no_clue_leaves_values_empty() -> None:
    found = find_times(bare("The envoys met on Monday and again on 12 January.", None))
    assert [t.text for t in found] == ["Monday", "12 January"]
    assert all(t.value is None for t in found)


def test_time_explicit_year_needs_no_anchor() -> None:
    assert only("The treaty dates from 1987.", None).value == "1987"


def test_time_bare_plural_units_are_vague_durations() -> None:
    found = find_times(bare("The rebels struck days before the vote.", date(2022, 3, 16)))
    assert [(t.text, t.value) for t in found] == [("days", "PXD")]
    found = find_times(bare("Children aged 6 months and older.", date(2022, 3, 16)))
    assert found == ()


def test_time_anaphors_count_from_the_date_told_before() -> None:
    text = (
        "Talks opened on 3 March 2021 in Vienna. The next day, they broke down. "
        "Two weeks later, envoys returned. Later that year, a deal was signed."
    )
    found = {t.text: t for t in find_times(bare(text, None))}
    assert found["The next day"].value == "2021-03-04"
    assert (found["Two weeks later"].kind, found["Two weeks later"].value) == ("week", "2021-03-15")
    assert found["Later that year"].value == "2021"


def test_time_comparative_is_a_duration_not_an_anaphor() -> None:
    found = find_times(bare("The season began a month earlier than usual.", date(2022, 3, 16)))
    assert [(t.text, t.value) for t in found] == [("a month", "P1M")]


def test_time_quarters() -> None:
    assert only("Output fell in Q3 2021.").value == "2021-07"
    q = only("Output fell in the fourth quarter of 2020.")
    assert (q.kind, q.value, q.value_end) == ("quarter", "2020-10", "2020-12")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Talks start on 3 May 2021 at 10:00 Moscow time.", "2021-05-03T07:00:00Z"),
        ("Talks start on 3 May 2021 at 14:00 (GMT+3).", "2021-05-03T11:00:00Z"),
        ("Talks start on 3 May 2021 at 9 a.m. UTC-04:30.", "2021-05-03T13:30:00Z"),
        ("Talks start on 3 May 2021 at 1100 GMT.", "2021-05-03T11:00:00Z"),
    ],
)
def test_time_zones_written_as_names_and_offsets(text: str, value: str) -> None:
    assert only(text, None).value == value


def test_time_names_and_titles_are_not_dates() -> None:
    found = find_times(bare("The Sunday Times said on Good Friday that April Ryan left.", None))
    assert found == ()


def test_time_numbers_are_not_clock_times_or_years() -> None:
    text = "Prices rose 10.30 percent after Resolution 1973 and 3.45 million votes."
    assert find_times(bare(text, date(2022, 3, 16))) == ()
    found = find_times(bare("Talks began at 10.30am and ended at 13.45 CET.", None))
    assert [t.text for t in found] == ["10.30am", "13.45 CET"]


def test_time_dateline_anchors_an_undated_article() -> None:
    text = "OSLO, 5 April 2018 - Envoys met yesterday. " + "Talks went on. " * 30
    found = {t.text: t for t in find_times(bare(text, None))}
    assert (found["yesterday"].value, found["yesterday"].year_inferred) == ("2018-04-04", True)


def test_time_full_date_deep_in_the_text_is_history_not_an_anchor() -> None:
    text = "Talks went on. " * 30 + "The crackdown began on July 9, 2015. They met yesterday. "
    text += "Talks went on. " * 30
    found = {t.text: t for t in find_times(bare(text, None))}
    assert found["July 9, 2015"].value == "2015-07-09"
    assert found["yesterday"].value is None


def test_time_month_of_last_year_and_figurative_days() -> None:
    assert only("It was suspended in January last year.").value == "2021-01"
    text = "We want a better tomorrow and the future of peace."
    found = find_times(bare(text, date(2022, 3, 16)))
    assert found == ()
    # a name before "today" is the subject, not a figure of speech
    text = "The President of the UAE today received the President of Somalia."
    assert [t.value for t in find_times(bare(text, date(2024, 5, 16)))] == ["2024-05-16"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The vote opens on 3 May 2021 at 10 a.m. ET.", "2021-05-03T14:00:00Z"),
        ("The vote opens on 3 December 2021 at 10 a.m. ET.", "2021-12-03T15:00:00Z"),
        ("Talks start on 3 May 2021 at 10:00 Kyiv time.", "2021-05-03T07:00:00Z"),
        ("Talks start on 3 Jan 2021 at 10:00 Brussels time.", "2021-01-03T09:00:00Z"),
        ("Talks start on 28 March 2021 at 10:00 Brussels time.", "2021-03-28T08:00:00Z"),
    ],
)
def test_time_zones_with_summer_time(text: str, value: str) -> None:
    assert only(text, None).value == value


def test_time_numeric_order_settled_by_the_article() -> None:
    found = find_times(bare("Held 30/04/2018 - 02/05/2018 in Cardiff.", None))
    assert [t.value for t in found] == ["2018-04-30", "2018-05-02"]
    found = find_times(bare("Held 04/30/2018 - 05/02/2018 in Ohio.", None))
    assert [t.value for t in found] == ["2018-04-30", "2018-05-02"]
    found = find_times(bare("Held 03/04/2018 and 05/05/2018.", None))
    assert [t.value for t in found] == [None, "2018-05-05"]


def test_time_halves_of_a_year() -> None:
    half = only("Growth should pick up in the second half of next year.")
    assert (half.kind, half.value, half.value_end) == ("half", "2023-07", "2023-12")
    assert only("Output rose in H1 2021.", None).value == "2021-01"


def test_time_seasons() -> None:
    assert only("The talks resume this summer.").value == "2022-06"
    assert only("Prices fell last summer.").value == "2021-06"
    winter = only("Gas ran short this winter.")
    assert (winter.kind, winter.value, winter.value_end) == ("season", "2021-12", "2022-02")
    assert only("Talks resumed in summer 2019.").value == "2019-06"


def test_time_capitals_in_datelines() -> None:
    text = "WASHINGTON, MONDAY, JANUARY 10, 2022 - TALKS MAY FAIL. They met on Dec. 3."
    found = [(t.text, t.value, t.year_inferred) for t in find_times(bare(text, None))]
    assert found == [
        ("MONDAY, JANUARY 10, 2022", "2022-01-10", False),
        ("Dec. 3", "2021-12-03", True),
    ]
