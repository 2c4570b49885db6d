"""The line filter on small invented pages: general signals, not one site's lines."""

from __future__ import annotations

from communique.clean import filter_lines, load_lexicon

PARA_A = (
    "The two delegations met for four hours on Monday and agreed to set up a working group "
    "on the exchange of prisoners, according to a joint statement."
)
PARA_B = (
    "Officials on both sides said the group would report back within a month, and that the "
    "next round of talks could be held in the capital of a neutral state."
)
PARA_C = "A diplomat who attended the session said the mood in the room had improved since spring."


def test_clean_lines_keeps_paragraphs_and_drops_multilingual_chrome() -> None:
    page = "\n".join(
        [
            "Startseite",
            "Menu",
            "Talks make progress",
            PARA_A,
            "Publicité",
            PARA_B,
            PARA_C,
            "Lire aussi :",
            "Compartir",
            "Kommentare (4)",
            "Tous droits réservés",
        ]
    )
    result = filter_lines(page)
    assert result.body == (PARA_A, PARA_B, PARA_C)
    assert "Publicité" in result.removed and "Kommentare (4)" in result.removed
    assert result.title == "Talks make progress"


def test_clean_lines_stops_at_the_comment_section() -> None:
    comment = "I think this agreement is a very good step and the ministers deserve praise for it."
    page = "\n".join([PARA_A, PARA_B, "Leave a comment", comment, comment + " Really."])
    result = filter_lines(page)
    assert result.body == (PARA_A, PARA_B)
    assert comment in result.removed


def test_clean_lines_keeps_subheadings_inside_the_body_as_headings() -> None:
    page = "\n".join(["Ministers meet in Oslo", PARA_A, "What comes next", PARA_B, PARA_C])
    result = filter_lines(page)
    assert result.body == (PARA_A, "What comes next", PARA_B, PARA_C)
    assert result.headings == (1,)


def test_clean_lines_reads_byline_and_closing_signature() -> None:
    page = "\n".join(["Ministers meet in Oslo", "By Jane Roe", PARA_A, PARA_B, "Jane Roe", "Print"])
    result = filter_lines(page)
    assert result.byline == "Jane Roe"
    assert result.meta == ("Jane Roe",)
    assert result.removed == ("Print",)


def test_clean_lines_takes_the_date_only_from_a_stamp_position() -> None:
    in_body = PARA_A.replace("on Monday", "on 4 May 2021")
    assert filter_lines("\n".join([in_body, PARA_B])).published is None
    stamped = filter_lines("\n".join([PARA_A, PARA_B, "XYZ 05 April 2018"]))
    assert stamped.published is not None and stamped.published.isoformat() == "2018-04-05"


def test_clean_lines_dateline_without_year_gives_no_date() -> None:
    page = "\n".join(["GENEVA, Jan 10 (Wire) - " + PARA_A, PARA_B])
    assert filter_lines(page).published is None
    page = "\n".join(["GENEVA, Jan 10, 2022 (Wire) - " + PARA_A, PARA_B])
    found = filter_lines(page).published
    assert found is not None and found.isoformat() == "2022-01-10"


def test_clean_lines_empty_and_chrome_only_pages_have_no_body() -> None:
    assert filter_lines("").body == ()
    result = filter_lines("Home\nSearch\nShare\nBack to top")
    assert result.body == ()
    assert len(result.removed) == 4


def test_clean_lines_lexicon_matches_counts_and_prefixes() -> None:
    lexicon = load_lexicon()
    assert lexicon.match("Comments (12)") == "comments"
    assert lexicon.match("Photo: Jane Roe/Agency") == "credit"
    assert lexicon.match("We use cookies to improve your experience on our site.") == "cookie"
    assert lexicon.match(PARA_A) is None
    assert lexicon.match("Ministers meet in Oslo") is None


def test_clean_lines_byline_and_date_after_a_standfirst() -> None:
    page = "\n".join(
        [
            "Ministers meet in Oslo",
            PARA_A,
            "Posted by Jane Roe on November 19, 2019, 6:21 AM EST",
            "PUBLISHED: 10:48, Tue, Nov 19, 2019",
            PARA_B,
            PARA_C,
        ]
    )
    result = filter_lines(page)
    assert result.byline == "Jane Roe"
    assert result.body == (PARA_A, PARA_B, PARA_C)
    assert result.published is not None and result.published.isoformat() == "2019-11-19"
    assert result.removed == ()


def test_clean_lines_title_skips_captions_credits_and_dates() -> None:
    page = "\n".join(
        [
            "* World",
            "Ministers agree on a new round of border talks",
            "Image 1 of 12",
            "Anna Lind",
            "Updated 10:32 GMT",
            "The two foreign ministers shake hands in the capital.",
            PARA_A,
            PARA_B,
        ]
    )
    assert filter_lines(page).title == "Ministers agree on a new round of border talks"


def test_clean_lines_cuts_a_related_story_link_flattened_into_a_paragraph() -> None:
    joined = (
        "Officials said the talks went well. Read more: Two states expel envoys over a spy "
        "row The delegations will meet again next month, the ministry said."
    )
    quoted = (
        "The port reopened on Monday. Related: Why Trade Routes Matter Now? “We are ready "
        "to load ships again,” the harbour master said."
    )
    result = filter_lines("\n".join([joined, PARA_A, quoted, PARA_B]))
    assert result.body[0] == (
        "Officials said the talks went well. The delegations will meet again next month, "
        "the ministry said."
    )
    assert result.body[2] == (
        "The port reopened on Monday. “We are ready to load ships again,” the harbour master said."
    )
    assert "Read more: Two states expel envoys over a spy row" in result.removed
    assert "Related: Why Trade Routes Matter Now?" in result.removed


def test_clean_lines_keeps_a_link_whose_end_is_unclear_and_prose_with_a_colon() -> None:
    title_case = (
        "The talks ended on Friday. Related: Six Projects That Got It Right in 2017 The "
        "minister said the talks had been useful and would go on."
    )
    prose = "The minister said more: the talks would go on until a deal was found on the border."
    result = filter_lines("\n".join([title_case, PARA_A, prose, PARA_B]))
    assert result.body == (title_case, PARA_A, prose, PARA_B)
