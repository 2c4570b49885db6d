"""Wire datelines, agency sign-offs, slugs and markers; short texts given directly.

All stories and lines are invented, in the styles of several agencies and decades.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from communique.clean import (
    clean_article,
    filter_lines,
    html_body_lines,
    read_dateline,
    signoff_kind,
)
from communique.clean.html import HtmlExtraction
from communique.model import CleanArticle, RawArticle, Skip, SkipReason
from communique.settings import CleanSettings

# --- datelines -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lead", "place", "month", "day", "agency"),
    [
        ("WASHINGTON, March 4 - The Senate voted", "WASHINGTON", 3, 4, None),
        ("LONDON (Reuters) - Britain said", "LONDON", None, None, "Reuters"),
        ("MOSCOW, Oct 3 (AFP) - The Kremlin said", "MOSCOW", 10, 3, "AFP"),
        ("BONN, June 9 - Chancellor Kohl will travel", "BONN", 6, 9, None),
        ("UNITED NATIONS, Nov. 2 (AP) -- The council met", "UNITED NATIONS", 11, 2, "AP"),
        ("TOKYO, Jan 5 (Reuter) - Japan and China", "TOKYO", 1, 5, "Reuter"),
        ("ABUJA, Nigeria, Feb 17 (AFP) - Leaders met", "ABUJA, Nigeria", 2, 17, "AFP"),
        ("Hanoi (VNA) – Vietnam supports", "Hanoi", None, None, "VNA"),
        ("NAIROBI, 14 April (Xinhua) — Kenya said", "NAIROBI", 4, 14, "Xinhua"),
        ("CAIRO - Egypt's foreign minister", "CAIRO", None, None, None),
    ],
)
def test_clean_wire_dateline_gives_place_filing_day_and_agency(
    lead: str, place: str, month: int | None, day: int | None, agency: str | None
) -> None:
    found = read_dateline(lead)
    assert found is not None
    assert (found.place, found.month, found.day, found.agency) == (place, month, day, agency)
    assert found.year is None and found.date is None
    assert lead[found.end :][:1].isalpha()  # the story starts right after the dash


def test_clean_wire_dateline_with_a_year_gives_the_filing_date() -> None:
    found = read_dateline("GENEVA, Jan 10, 2022 (AFP) - Talks opened.")
    assert found is not None and found.date == date(2022, 1, 10)
    found = read_dateline("PARIS, 3 May 1988 - Ministers met.")
    assert found is not None and found.date == date(1988, 5, 3)


@pytest.mark.parametrize(
    "text",
    [
        "Talks began on April 5, 2018 - in Moscow.",
        "Ukraine - the talks went on.",
        "NOTE: the figures are provisional.",
        "The minister said: we will meet again.",
        "President Reagan said the talks would go on.",
    ],
)
def test_clean_wire_dateline_not_read_in_ordinary_sentences(text: str) -> None:
    assert read_dateline(text) is None


def test_clean_wire_dateline_is_reported_by_the_line_filter() -> None:
    story = (
        "MOSCOW, Oct 3 (AFP) - The Soviet Union on Friday proposed new talks on missiles "
        "in Europe, the official news agency said.\nAFP"
    )
    result = filter_lines(story)
    assert result.dateline is not None and result.dateline.place == "MOSCOW"
    assert result.published is None  # no year written: the filing day alone dates nothing


# --- sign-offs, slugs, markers ----------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Reuter",
        "REUTER",
        " Reuter",
        "Reuters",
        "(AP)",
        "AFP",
        "-- AP",
        "- UPI",
        "(Xinhua)",
        "REUTER &#3;",
        "Reuter^Z",
        "AP-NY-03-04-87 1342EST",
        "AM-Soviet-Arms",
        "BC-Trade-Talks 2ndLd-Writethru",
        "a0612 AM-Arms Talks, Bjt",
        "PM-Summit-Text,0340",
        "Arms-Talks,0450",
        "^Z",
        "^C",
        "&#3;",
        "###",
        "-30-",
        "(END)",
    ],
)
def test_clean_wire_signoff_lines_are_recognised(line: str) -> None:
    assert signoff_kind(line) == "signoff"


@pytest.mark.parametrize(
    "line",
    [
        "Reuters said the talks would resume on Monday.",
        "AP reported the meeting.",
        "LONDON (Reuters) - Britain said",
        "MAP 05 April 2018",  # a dated agency stamp: metadata, not chrome
        "Asian-Pacific",
        "West-Nil-Fieber",
        "Map",
        "end",
        "End of the talks",
        "SPACE",
        "Kohl to visit Paris",
    ],
)
def test_clean_wire_signoff_not_read_in_other_lines(line: str) -> None:
    assert signoff_kind(line) is None


def test_clean_wire_signoffs_and_credits_around_a_story_are_removed() -> None:
    body = (
        "Foreign ministers of the two states met in the capital on Tuesday and agreed to "
        "reopen their embassies before the end of the year, officials said."
    )
    second = "The talks were the first at this level since the border war ended."
    story = "\n".join(
        [
            "BC-Embassies-Reopen",
            "Neighbours agree to reopen embassies",
            "CAIRO, Feb 2 (Reuters) - " + body,
            second,
            "(Reporting by Jane Roe; Editing by John Doe)",
            "Copyright 1989 Reuters. All rights reserved.",
            "Reuters",
        ]
    )
    result = filter_lines(story)
    assert result.body == ("CAIRO, Feb 2 (Reuters) - " + body, second)
    assert result.removed == (
        "BC-Embassies-Reopen",
        "(Reporting by Jane Roe; Editing by John Doe)",
        "Copyright 1989 Reuters. All rights reserved.",
        "Reuters",
    )
    assert result.title == "Neighbours agree to reopen embassies"


def test_clean_wire_signoff_dropped_from_an_html_body() -> None:
    found = HtmlExtraction(
        text="The ministers met on Tuesday and agreed to meet again.\nAFP\n(END)",
        title=None,
        author=None,
        sitename=None,
        categories=(),
        published=None,
    )
    body = html_body_lines(found)
    assert body.lines == ("The ministers met on Tuesday and agreed to meet again.",)
    assert body.removed == ("AFP", "(END)")


# --- short texts given directly ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kohl met Mitterrand in Paris on Friday.",
        "The two presidents met.",
        "Kohl resigned.",
        "BONN, June 9 - Kohl will visit Paris.\nReuter",
    ],
)
def test_clean_wire_one_sentence_text_is_read(text: str) -> None:
    result = clean_article(RawArticle(text, "text"), CleanSettings())
    assert isinstance(result, CleanArticle)
    assert result.text == text.split("\n")[0]


@pytest.mark.parametrize("text", ["", " ", "\n\n\t\n"])
def test_clean_wire_blank_text_is_a_skip(text: str) -> None:
    result = clean_article(RawArticle(text, "text"), CleanSettings())
    assert isinstance(result, Skip) and result.reason is SkipReason.EMPTY


def test_clean_wire_signoff_only_text_has_no_article() -> None:
    result = clean_article(RawArticle("Reuter\n&#3;", "text"), CleanSettings())
    assert isinstance(result, Skip) and result.reason is SkipReason.NO_ARTICLE


def test_clean_wire_one_sentence_text_is_coded(resources: Any) -> None:
    from communique.pipeline import run

    raw = RawArticle("The foreign ministers of France and Germany met in Paris on Friday.", "text")
    record = run(raw, resources)
    assert not isinstance(record, Skip)
    assert any(event.type == "CONSULT" for event in record.events)
