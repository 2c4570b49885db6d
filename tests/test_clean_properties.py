"""Properties of the clean stage on arbitrary input: no traceback, a partition of the lines,
headline spans that slice the text exactly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from communique.clean import clean_article, filter_lines
from communique.clean.reflow import reflow_text
from communique.model import CleanArticle, RawArticle, Skip
from communique.settings import CleanSettings

SENTENCE = "The delegations met in the capital on Monday and agreed to continue the talks."
LINES = st.lists(
    st.one_of(
        st.sampled_from(
            [
                SENTENCE,
                "Share this:",
                "By Jane Roe",
                "12 March 2023",
                "Related Articles",
                "",
                "Home",
            ]
        ),
        st.text(max_size=60),
    ),
    max_size=25,
)


@settings(max_examples=150, deadline=None)
@given(LINES)
def test_clean_properties_every_line_has_exactly_one_place(lines: list[str]) -> None:
    page = "\n".join(lines)
    result = filter_lines(page)
    placed = list(result.body) + list(result.removed) + list(result.meta)
    placed += [v for v in (result.title, result.section) if v is not None]
    lines = reflow_text(page).splitlines()  # hard-wrapped lines are read as paragraphs
    expected = sorted(line.strip() for line in lines if line.strip())
    byline_lines = len(expected) - len(placed)
    assert byline_lines in (0, 1)
    assert set(placed) <= set(expected)
    assert all(0 <= i < len(result.body) for i in result.headings)


@settings(max_examples=100, deadline=None)
@given(LINES, st.sampled_from(["text", "html"]))
def test_clean_properties_clean_article_never_raises(lines: list[str], kind: str) -> None:
    content = "\n".join(lines)
    if kind == "html":
        content = "<html><body>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>"
    result = clean_article(RawArticle(content, kind), CleanSettings(min_chars=10))  # type: ignore[arg-type]
    assert isinstance(result, CleanArticle | Skip)
    if isinstance(result, CleanArticle):
        assert result.text.strip()
        for span in result.headlines:
            assert result.text[span.start : span.end] == span.text
