"""The canonical flattened page: five chrome lines out, metadata lines read, body kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.clean import clean_article, filter_lines
from communique.model import CleanArticle, RawArticle
from communique.settings import CleanSettings

EXAMPLE = (
    Path(__file__).resolve().parents[1].parent / "shared" / "examples" / "nato-russia-council.txt"
)


@pytest.fixture(scope="module")
def page() -> str:
    if not EXAMPLE.exists():
        pytest.skip("the shared example article is not present")
    return EXAMPLE.read_text(encoding="utf-8")


def _paragraphs(page: str) -> list[str]:
    """Every line of the page that is a sentence-ending paragraph of at least ten words."""
    lines = [line.strip() for line in page.splitlines()]
    return [line for line in lines if len(line.split()) >= 10 and line.endswith((".", "”"))]


def test_clean_example_removes_exactly_the_chrome_lines(page: str) -> None:
    result = filter_lines(page)
    assert result.removed == (
        "Show More",
        "Related Articles",
        "Leave a Reply",
        "Your email address will not be published.",
        "Back to top button",
    )


def test_clean_example_reads_section_title_byline(page: str) -> None:
    cleaned = clean_article(RawArticle(page, "text"), CleanSettings())
    assert isinstance(cleaned, CleanArticle)
    assert cleaned.section is not None and cleaned.section.value == "Bilateral Relations"
    assert (
        cleaned.title is not None
        and cleaned.title.value == "Russia-NATO meeting to start in Brussels"
    )
    assert cleaned.byline is not None and cleaned.byline.value == "Sputnik News"
    assert {f.source for f in (cleaned.section, cleaned.title, cleaned.byline)} == {"line"}


def test_clean_example_keeps_every_paragraph_as_written(page: str) -> None:
    cleaned = clean_article(RawArticle(page, "text"), CleanSettings())
    assert isinstance(cleaned, CleanArticle)
    paragraphs = _paragraphs(page)
    assert len(paragraphs) >= 6
    assert cleaned.text.split("\n") == paragraphs
    assert "Russia-NATO meeting to start in Brussels" not in cleaned.text
    assert "Show More" not in cleaned.text


def test_clean_example_has_no_publication_date(page: str) -> None:
    cleaned = clean_article(RawArticle(page, "text"), CleanSettings())
    assert isinstance(cleaned, CleanArticle)
    assert cleaned.published is None and cleaned.published_source == "none"
    assert cleaned.language == "en"


def test_clean_example_id_is_a_content_hash(page: str) -> None:
    first = clean_article(RawArticle(page, "text", origin="a"), CleanSettings())
    again = clean_article(RawArticle("\n\n" + page + "\n", "text", origin="b"), CleanSettings())
    assert isinstance(first, CleanArticle) and isinstance(again, CleanArticle)
    assert first.id == again.id and first.id.startswith("art_")
