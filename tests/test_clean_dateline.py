"""Full dates in stamp and dateline positions."""

from __future__ import annotations

from datetime import date

from communique.clean import dateline_date, parse_full_date, stamp_date, trailing_stamp_date


def test_clean_dateline_parses_common_full_dates() -> None:
    assert parse_full_date("05 April 2018") == date(2018, 4, 5)
    assert parse_full_date("Published: Jan. 12, 2022 10:30") == date(2022, 1, 12)
    assert parse_full_date("2021-11-30T08:00") == date(2021, 11, 30)
    assert parse_full_date("on 3rd of June 2019") == date(2019, 6, 3)
    assert parse_full_date("31 February 2020") is None
    assert parse_full_date("Wednesday, 12 January") is None


def test_clean_dateline_stamps_are_short_lines() -> None:
    assert stamp_date("MAP 05 April 2018") == date(2018, 4, 5)
    long_line = "The ceasefire that was signed on 3 June 2019 held through the whole of the summer."
    assert stamp_date(long_line) is None


def test_clean_dateline_needs_the_dateline_shape_and_a_year() -> None:
    assert dateline_date("MOSCOW, April 5 (Wire) - Talks began.") is None
    assert dateline_date("MOSCOW, April 5, 2018 (Wire) - Talks began.") == date(2018, 4, 5)
    assert dateline_date("Talks began on April 5, 2018 - in Moscow.") is None


def test_clean_dateline_trailing_agency_stamp_closes_the_last_paragraph() -> None:
    assert trailing_stamp_date("Both sides spoke of common interests. MAP 05 April 2018") == date(
        2018, 4, 5
    )
    assert trailing_stamp_date("Talks ended on 5 April 2018") is None
    assert trailing_stamp_date("The meeting was held. It ended on 5 April 2018.") is None


def test_clean_dateline_an_agency_in_capitals_after_the_place() -> None:
    from communique.clean import read_dateline

    found = read_dateline("Tehran, IRNA - The meeting opened on Monday.")
    assert found is not None and (found.place, found.agency) == ("Tehran", "IRNA")
    assert "Tehran, IRNA - "[found.end :] == ""
    # a title-case place with no date, agency or capitals opens no dateline
    assert read_dateline("Ukraine - the talks resumed.") is None
    found = read_dateline("SUVA, Fiji (AP) - China's foreign minister flew to Tonga.")
    assert found is not None and (found.place, found.agency) == ("SUVA, Fiji", "AP")
    found = read_dateline("TOKYO, July 17 Kyodo -- Prime Minister Fumio Kishida will co-chair")
    assert found is not None and (found.agency, found.month, found.day) == ("Kyodo", 7, 17)
    assert read_dateline("Ukraine Talks - the delegations met.") is None
    # a title-case place with only a dash opens a dateline only when asked for ("titled")
    assert read_dateline("Doha - The third meeting of envoys began.") is None
    titled = read_dateline("Doha - The third meeting of envoys began.", titled=True)
    assert titled is not None and titled.place == "Doha"
    assert read_dateline("Ukraine - the talks resumed.", titled=True) is None
