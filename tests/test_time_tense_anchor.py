"""Bare weekdays and months follow the tense of their clause; without a publication date the
year is inferred from weekday+date agreement and the years the article names."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from communique.model import AnnotatedArticle, TimeExpression
from communique.nlp import NlpBackend, annotate_text
from communique.settings import NlpSettings
from communique.time import combine, find_times, reference_date


@pytest.fixture(scope="module")
def backend(nlp_model: Any) -> NlpBackend:
    return NlpBackend(nlp=nlp_model, settings=NlpSettings())


def times(backend: NlpBackend, text: str, published: date | None) -> list[TimeExpression]:
    return list(find_times(annotate_text(text, backend, published)))


def value_of(found: list[TimeExpression], span: str) -> str | None:
    return next(t.value for t in found if t.text == span)


WEDNESDAY = date(2023, 6, 14)


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("The ministers met on Monday in Rome.", "Monday", "2023-06-12"),
        ("The talks were held on Friday.", "Friday", "2023-06-09"),
        ("The envoy said Wednesday that talks failed.", "Wednesday", "2023-06-14"),
        ("The ministers will meet on Friday.", "Friday", "2023-06-16"),
        ("The summit is expected to open on Monday.", "Monday", "2023-06-19"),
        ("The leaders are to sign the deal on Tuesday.", "Tuesday", "2023-06-20"),
        ("In December, the ministry published a draft.", "December", "2022-12"),
        ("The vote will take place in December.", "December", "2023-12"),
        ("Delegates arrived on 2 June for the forum.", "2 June", "2023-06-02"),
        ("Officials said the envoy is expected in Oslo on Friday.", "Friday", "2023-06-16"),
        ("The vote is scheduled for Monday, aides said.", "Monday", "2023-06-19"),
        ("The envoy was expected in Oslo on Friday.", "Friday", "2023-06-09"),
        # a plan told before: the nearest such day, either side of the report
        ("Talks that were scheduled for Friday have been postponed.", "Friday", "2023-06-16"),
        ("The talks, which had been set for Monday, were called off.", "Monday", "2023-06-12"),
        # "was due to": a plan told in the past, kept, dropped or still ahead: the nearest
        ("A session that was due to meet in May was put off.", "May", "2023-05"),
        ("The summit it was due to host in August has been postponed.", "August", "2023-08"),
        ("The commission is due to meet in May.", "May", "2024-05"),
        ("He said he would postpone his visit, scheduled for August 2.", "August 2", "2023-08-02"),
        # the weekday of the next or last calendar week, whatever the tense
        ("The envoy will visit Oslo from Friday next week.", "Friday next week", "2023-06-23"),
        ("The envoy visited Oslo on Tuesday last week.", "Tuesday last week", "2023-06-06"),
        ("The envoy arrives in Oslo on Monday next week.", "Monday next week", "2023-06-19"),
    ],
)
def test_time_tense_picks_direction(
    backend: NlpBackend, sentence: str, span: str, value: str
) -> None:
    assert value_of(times(backend, sentence, WEDNESDAY), span) == value


ARTICLE = (
    "The first round since 2017 will open in Oslo on Tuesday, 9 March. "
    "It follows talks in Bern which were held on Friday. "
    "In November, the two sides exchanged letters. "
    "The round will start at 10:00 CET."
)


def test_time_year_inferred_from_weekday_date(backend: NlpBackend) -> None:
    annotated = annotate_text(ARTICLE, backend, None)
    found = list(find_times(annotated))
    by_text = {t.text: t for t in found}
    # 9 March is a Tuesday in 2021 (and 2027, ...): the first such year from 2017 on.
    assert by_text["Tuesday, 9 March"].value == "2021-03-09"
    assert by_text["Friday"].value == "2021-03-05"
    assert by_text["November"].value == "2020-11"
    assert by_text["2017"].year_inferred is False
    assert all(by_text[k].year_inferred for k in ("Tuesday, 9 March", "Friday", "November"))
    assert reference_date(annotated, tuple(found)) == date(2021, 3, 9)
    clock = combine(by_text["Tuesday, 9 March"], by_text["10:00 CET"])
    assert (clock.value, clock.granularity, clock.year_inferred) == (
        "2021-03-09T09:00:00Z",
        "minute",
        True,
    )


def test_time_reference_date_prefers_publication(backend: NlpBackend) -> None:
    annotated = annotate_text(ARTICLE, backend, date(2021, 3, 1))
    assert reference_date(annotated, find_times(annotated)) == date(2021, 3, 1)


def test_time_no_year_named_means_no_inference(backend: NlpBackend) -> None:
    found = times(backend, "The talks will open on Tuesday, 9 March.", None)
    assert [t.value for t in found] == [None]


def test_time_example_article(backend: NlpBackend, example_text: str) -> None:
    annotated: AnnotatedArticle = annotate_text(example_text, backend, None)
    found = list(find_times(annotated))
    got = {(t.text, t.value) for t in found}
    assert ("Monday", "2022-01-10") in got
    assert ("December", "2021-12") in got
    assert ("2019", "2019") in got
    day = next(t for t in found if t.value == "2022-01-12")
    assert day.year_inferred
    clock = next(t for t in found if t.text == "09:00 GMT")
    assert combine(day, clock).value == "2022-01-12T09:00:00Z"


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("The match has been postponed until Saturday.", "Saturday", "2023-06-17"),
        ("The firm agreed to sell its stake in February.", "February", "2023-02"),
        ("Prices peaked by the end of the year.", "the end of the year", "2022"),
        ("Prices will peak by the end of the year.", "the end of the year", "2023"),
        ("He left office just six years ago.", "just six years ago", "2017"),
    ],
)
def test_time_tense_special_clauses(
    backend: NlpBackend, sentence: str, span: str, value: str
) -> None:
    assert value_of(times(backend, sentence, WEDNESDAY), span) == value


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("Talks to be held on Monday will cover trade.", "Monday", "2023-06-19"),
        ("The upcoming summit on Friday is in Oslo.", "Friday", "2023-06-16"),
        ("The council shall convene on Monday.", "Monday", "2023-06-19"),
        ("Officials have met on Monday.", "Monday", "2023-06-12"),
        ("Ministers met on Sunday and will meet again on Sunday.", "Sunday", "2023-06-11"),
    ],
)
def test_time_tense_auxiliaries(backend: NlpBackend, sentence: str, span: str, value: str) -> None:
    assert value_of(times(backend, sentence, WEDNESDAY), span) == value


def test_time_deadline_years_do_not_bound_the_inferred_year(backend: NlpBackend) -> None:
    text = (
        "The first round since 2017 opens in Oslo on Tuesday, 9 March. "
        "The plan aims at peace by 2030."
    )
    found = {t.text: t for t in times(backend, text, None)}
    assert found["Tuesday, 9 March"].value == "2021-03-09"


def test_time_dates_days_away_stay_in_the_anchor_year(backend: NlpBackend) -> None:
    found = times(backend, "The vote was held on 17 June.", WEDNESDAY)
    assert [t.value for t in found] == ["2023-06-17"]
    found = times(backend, "The vote was held on 30 June.", WEDNESDAY)
    assert [t.value for t in found] == ["2022-06-30"]


def test_time_the_next_day_counts_from_the_story_not_the_saying(backend: NlpBackend) -> None:
    text = (
        "Modi will visit the Maldives on June 8, the ministry said on Tuesday. The next day he "
        "is expected to meet the president in Colombo."
    )
    found = times(backend, text, date(2019, 6, 4))
    assert value_of(found, "The next day") == "2019-06-09"
    # with no day of the story before it, the saying's day is all there is
    found = times(backend, "The ministry said on Tuesday. The next day he left.", date(2019, 6, 4))
    assert value_of(found, "The next day") == "2019-06-05"
