"""Hard-wrapped wire copy re-flowed into paragraphs; texts that are not hard-wrapped untouched.

Every story here is invented, written in the shape of 1980s agency copy (fixed-width lines,
indented paragraphs or blank lines, a sign-off and slugs around the story).
"""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from communique.clean import clean_article, filter_lines, reflow_text, wrap_width
from communique.model import CleanArticle, RawArticle
from communique.settings import CleanSettings

BONN = """BONN, June 9 - Chancellor Kohl will travel to Paris and
meet President Francois Mitterrand on Friday, government
officials said."""

# Reuters style: headline, paragraphs opened by an indent, continuation lines flush left.
MOSCOW = """SOVIETS PROPOSE NEW TALKS ON SHORT-RANGE MISSILES
    MOSCOW, Oct 3 (Reuter) - The Soviet Union on Friday proposed a
new round of talks with the United States on short-range nuclear
missiles in Europe, the official news agency Tass said.
    Foreign Ministry spokesman Gennady Gerasimov told reporters the
proposal had been handed to the U.S. Embassy in Moscow and that
Washington was expected to reply within a few weeks.
    Western diplomats said the offer appeared aimed at West German
public opinion ahead of a visit by Foreign Minister Hans-Dietrich
Genscher later this month.
 REUTER
&#3;"""

# AP style: slug line, dateline with a double dash, blank lines between paragraphs.
UNITED_NATIONS = """AM-UN-Gulf,0420
UNITED NATIONS, Nov. 2 (AP) -- Secretary-General Javier Perez de
Cuellar met the foreign ministers of Iran and Iraq separately on
Monday and urged both to accept a ceasefire supervised by United
Nations observers.

The secretary-general told reporters after the talks that he was
encouraged by the tone of the meetings but that no date had been
set for a further round.

Diplomats said the Security Council would meet on Wednesday to hear
his report.
-- AP
^Z"""

# AFP style: dateline with the agency, paragraphs end with a short line, no markers.
TOKYO = """TOKYO, Jan 5 (AFP) - Japan and China agreed on Tuesday to hold
regular consultations between their foreign ministries, a Japanese
government spokesman said.
The agreement was reached when Foreign Minister Tadashi Kuranari
received his Chinese counterpart Wu Xueqian at the Foreign
Ministry in Tokyo.
AFP"""

WASHINGTON = """WASHINGTON, March 4 - The United States and Canada opened a
new round of trade talks here today, with negotiators saying they
hoped to settle differences over lumber and fisheries before the
summer.
    Trade Representative Clayton Yeutter said the two sides had made
progress on the lumber dispute in earlier meetings in Ottawa.
 (Reporting by Jane Roe; Editing by John Doe)
 Reuter"""


def test_clean_wire_reflow_three_line_story_is_one_paragraph() -> None:
    assert wrap_width(BONN) is not None
    assert reflow_text(BONN) == (
        "BONN, June 9 - Chancellor Kohl will travel to Paris and meet President "
        "Francois Mitterrand on Friday, government officials said."
    )


def test_clean_wire_reflow_indented_paragraphs_and_signoff() -> None:
    result = filter_lines(MOSCOW)
    assert len(result.body) == 3
    assert result.body[0].startswith("MOSCOW, Oct 3 (Reuter) - The Soviet Union on Friday")
    assert result.body[0].endswith("the official news agency Tass said.")
    assert "Hans-Dietrich Genscher later this month." in result.body[2]
    assert result.title == "SOVIETS PROPOSE NEW TALKS ON SHORT-RANGE MISSILES"
    assert result.removed == ("REUTER", "&#3;")


def test_clean_wire_reflow_blank_line_paragraphs_slug_and_dash_signoff() -> None:
    result = filter_lines(UNITED_NATIONS)
    assert len(result.body) == 3
    assert result.body[0].startswith("UNITED NATIONS, Nov. 2 (AP) -- Secretary-General")
    assert "supervised by United Nations observers." in result.body[0]
    assert result.removed == ("AM-UN-Gulf,0420", "-- AP", "^Z")


def test_clean_wire_reflow_short_last_lines_end_paragraphs() -> None:
    result = filter_lines(TOKYO)
    assert result.body == (
        "TOKYO, Jan 5 (AFP) - Japan and China agreed on Tuesday to hold regular "
        "consultations between their foreign ministries, a Japanese government spokesman said.",
        "The agreement was reached when Foreign Minister Tadashi Kuranari received his "
        "Chinese counterpart Wu Xueqian at the Foreign Ministry in Tokyo.",
    )
    assert result.removed == ("AFP",)


def test_clean_wire_reflow_credit_line_is_not_joined_to_the_story() -> None:
    result = filter_lines(WASHINGTON)
    assert len(result.body) == 2
    assert result.body[1].endswith("in earlier meetings in Ottawa.")
    assert result.removed == ("(Reporting by Jane Roe; Editing by John Doe)", "Reuter")


def test_clean_wire_reflow_compound_broken_at_its_hyphen_is_rejoined() -> None:
    text = textwrap.fill(
        "The delegations agreed to widen their cooperation across the whole Asian-Pacific "
        "region and to meet again in the autumn, the ministers said on Friday.",
        width=74,
    )
    assert "Asian-\nPacific" in text
    assert "Asian-Pacific region" in reflow_text(text)


@pytest.mark.parametrize("width", [40, 60, 65, 72, 80, 100])
def test_clean_wire_reflow_restores_paragraphs_at_any_usual_width(width: int) -> None:
    paragraphs = [
        "The foreign ministers of the two neighbours met in the border town on Thursday and "
        "agreed to reopen three crossings that had been closed since the spring.",
        "A joint commission will meet every month to review the flow of goods and people, "
        "according to a statement read out by a spokesman for the host government.",
        "Officials on both sides said the next round would take up the question of water "
        "rights along the river, which had blocked progress for years.",
    ]
    wrapped = "\n\n".join(textwrap.fill(p, width) for p in paragraphs)
    assert filter_lines(wrapped).body == tuple(paragraphs)


def test_clean_wire_reflow_clean_article_text_is_the_reflowed_text() -> None:
    result = clean_article(RawArticle(MOSCOW, "text"), CleanSettings())
    assert isinstance(result, CleanArticle)
    assert "\n" in result.text and "proposed a new round" in result.text
    assert all(len(p) > 100 for p in result.text.split("\n"))
    assert result.removed == ("REUTER", "&#3;")


def test_clean_wire_reflow_short_wrapped_story_is_an_article() -> None:
    result = clean_article(RawArticle(BONN, "text"), CleanSettings())
    assert isinstance(result, CleanArticle)
    assert result.text.startswith("BONN, June 9 - Chancellor Kohl will travel to Paris and meet")


# --- texts that are not hard-wrapped stay as they are ----------------------------------------

PARA_A = (
    "The two delegations met for four hours on Monday and agreed to set up a working group "
    "on the exchange of prisoners, according to a joint statement issued afterwards."
)
PARA_B = (
    "Officials on both sides said the group would report back within a month, and that the "
    "next round of talks could be held in the capital of a neutral state."
)
SCRAPED_PAGE = "\n".join(
    [
        "Skip to content",
        "Home",
        "World",
        "Ministers agree on prisoner exchange",
        "By Jane Roe",
        "12 March 2023",
        PARA_A,
        "Advertisement",
        PARA_B,
        "Share this article",
        "Related articles",
        "Talks resume in the capital",
        "a new envoy is named for the region",
        "Leave a comment",
    ]
)
SHORT_LINES_PAGE = "\n".join(
    [
        "Ministers Agree On Prisoner Exchange",
        "Talks Resume In The Capital After Long Pause",
        "New Envoy Named For The Border Region",
        "Opposition Leader Calls For Early Vote",
        "Trade Deal Signed With Neighbouring State",
    ]
)
SHORT_SENTENCES = "\n".join(
    [
        "The ministers met on Monday.",
        "they agreed to meet again.",
        "A statement followed.",
    ]
)


@pytest.mark.parametrize("text", [SCRAPED_PAGE, SHORT_LINES_PAGE, SHORT_SENTENCES, PARA_A])
def test_clean_wire_reflow_leaves_other_texts_unchanged(text: str) -> None:
    assert wrap_width(text) is None
    assert reflow_text(text) == text


def test_clean_wire_reflow_scraped_page_filter_is_unchanged() -> None:
    result = filter_lines(SCRAPED_PAGE)
    assert result.body == (PARA_A, PARA_B)
    assert result.title == "Ministers agree on prisoner exchange"
    assert "Advertisement" in result.removed


# --- properties ---------------------------------------------------------------------------------

SENTENCES = [
    "The ministers met in the capital on Monday and agreed to continue the talks.",
    "A spokesman said the two sides had narrowed their differences on trade.",
    "Negotiators from both countries will meet again in Geneva next month.",
    "the opposition called the agreement a betrayal of the farmers.",
    "Officials said 12 prisoners would be exchanged at the border crossing on Friday.",
    "No date was set for a summit, according to a statement from the foreign ministry.",
    "The delegation, headed by a deputy prime minister, arrived on Sunday evening.",
]
PARAGRAPHS = st.lists(
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4).map(" ".join),
    min_size=1,
    max_size=5,
)


@settings(max_examples=80, deadline=None, derandomize=True)
@given(PARAGRAPHS, st.integers(min_value=40, max_value=100))
def test_clean_wire_reflow_property_wrapped_paragraphs_come_back(
    paragraphs: list[str], width: int
) -> None:
    wrapped = "\n\n".join(textwrap.fill(p, width) for p in paragraphs)
    lines = reflow_text(wrapped).split("\n")
    if wrap_width(wrapped) is None:
        # too little tells it is wrapped (e.g. most lines end a sentence): left exactly as given,
        # never half re-flowed
        assert reflow_text(wrapped) == wrapped
    else:
        assert lines == paragraphs
    assert " ".join(line for line in lines if line) == " ".join(paragraphs)


@settings(max_examples=80, deadline=None, derandomize=True)
@given(PARAGRAPHS)
def test_clean_wire_reflow_property_one_paragraph_per_line_is_unchanged(
    paragraphs: list[str],
) -> None:
    text = "\n".join(paragraphs)
    assert reflow_text(text) == text
