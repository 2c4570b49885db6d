"""HTML cleaning: the page is parsed once, the precise pass reads body and metadata (without
trafilatura's fallback extractors, run again with them only on a short body), and the plain
pass runs only when the precise body is short (clean/html.py)."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import trafilatura
import trafilatura.core
from trafilatura.settings import Document
from trafilatura.utils import load_html

from communique.clean import html as html_mod
from communique.clean.html import (
    EXTRACT_OPTIONS,
    FALLBACK_BELOW,
    PLAIN_CHECK_BELOW,
    PRECISE_MIN_SHARE,
    extract_html,
    parse_page,
)

AEB_HTML = Path(__file__).resolve().parents[2] / "shared" / "data" / "article-extraction-benchmark"

PARAGRAPH = (
    "The foreign ministers of the two countries met in Vienna on Tuesday to discuss the "
    "reopening of their embassies, which were closed three years ago after a border dispute."
)


def page(paragraphs: int, title: str = "Ministers meet in Vienna") -> str:
    body = "\n".join(f"<p>{PARAGRAPH} Paragraph {i}.</p>" for i in range(paragraphs))
    return (
        "<html><head>"
        f"<title>{title}</title>"
        '<meta property="og:title" content="' + title + '">'
        '<meta property="article:published_time" content="2024-03-05T10:00:00Z">'
        '<meta name="author" content="Jane Roe">'
        "</head><body>"
        '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Copyright 2024 Example News. All rights reserved.</footer>"
        "</body></html>"
    )


@pytest.fixture
def passes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[dict[str, Any]]]:
    """The options of every trafilatura pass made, and a count of real parses of page text."""
    calls: list[dict[str, Any]] = []
    real = trafilatura.bare_extraction

    def counting(tree: Any, **options: Any) -> Any:
        calls.append(options)
        return real(tree, **options)

    monkeypatch.setattr(trafilatura, "bare_extraction", counting)
    yield calls


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """One entry per time page text (not a tree) is parsed, by communique or by trafilatura."""
    count: list[int] = []

    def counted(real: Any) -> Any:
        def load(html: Any, *args: Any) -> Any:
            if isinstance(html, str | bytes):
                count.append(1)
            return real(html, *args)

        return load

    monkeypatch.setattr(html_mod, "load_html", counted(load_html))
    monkeypatch.setattr(trafilatura.core, "load_html", counted(load_html))
    yield count


def test_clean_html_long_body_costs_one_parse_and_one_pass(
    passes: list[dict[str, Any]], parses: list[int]
) -> None:
    found = extract_html(page(12))
    assert found.text is not None and len(found.text) >= PLAIN_CHECK_BELOW
    assert len(parses) == 1
    assert len(passes) == 1
    assert passes[0]["favor_precision"] is True and passes[0]["with_metadata"] is True
    assert passes[0]["fast"] is True  # a long body: the fallback extractors never run
    assert found.title == "Ministers meet in Vienna"
    assert found.author == "Jane Roe"
    assert found.published is not None and found.published.isoformat() == "2024-03-05"


def test_clean_html_short_body_runs_the_plain_pass_on_the_same_tree(
    passes: list[dict[str, Any]], parses: list[int]
) -> None:
    found = extract_html(page(3))
    assert found.text is not None and len(found.text) < PLAIN_CHECK_BELOW
    assert len(parses) == 1
    assert len(passes) == 3  # precise without fallbacks, precise with them, plain
    assert [p.get("fast") for p in passes] == [True, None, None]
    assert passes[1]["favor_precision"] is True and passes[2].get("favor_precision") is None
    assert passes[1]["with_metadata"] is passes[2]["with_metadata"] is False  # read once
    assert found.title == "Ministers meet in Vienna"


def test_clean_html_tree_gives_what_the_page_text_gives() -> None:
    html = page(12)
    tree = parse_page(html)
    assert tree is not None
    options = {**EXTRACT_OPTIONS, "favor_precision": True}
    from_tree = trafilatura.bare_extraction(tree, **options)
    from_text = trafilatura.extract(html, **options)
    assert isinstance(from_tree, Document)
    assert from_tree.text == from_text
    assert extract_html(html).text == from_text
    assert parse_page(html) is not tree and len(tree.xpath("//p")) == 12  # tree left intact


def fake_passes(
    monkeypatch: pytest.MonkeyPatch,
    precise: str | None,
    plain: str | None,
    fast: str | None = "",
) -> list[dict[str, Any]]:
    """trafilatura replaced by fixed answers, to check the choice between the passes; the
    precise pass without fallbacks (``fast``) answers ``precise`` unless told otherwise."""
    calls: list[dict[str, Any]] = []

    def fake(tree: Any, **options: Any) -> Document | None:
        calls.append(options)
        text = precise if options.get("favor_precision") else plain
        if options.get("fast") and fast != "":
            text = fast
        if text is None:
            return None
        doc = Document()
        doc.text = text
        doc.title = "precise title" if options.get("favor_precision") else "plain title"
        if options.get("fast"):
            doc.title = "fast title"
        return doc

    monkeypatch.setattr(trafilatura, "bare_extraction", fake)
    return calls


def test_clean_html_plain_body_replaces_a_precise_body_that_lost_half(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plain = "x" * 1000
    short = "y" * int(PRECISE_MIN_SHARE * 1000 - 1)
    calls = fake_passes(monkeypatch, short, plain)
    found = extract_html(page(1))
    assert found.text == plain and found.title == "fast title"
    assert len(calls) == 3


def test_clean_html_precise_body_kept_when_it_has_half(monkeypatch: pytest.MonkeyPatch) -> None:
    precise = "y" * 600
    calls = fake_passes(monkeypatch, precise, "x" * 1000)
    assert extract_html(page(1)).text == precise
    assert len(calls) == 3


def test_clean_html_short_body_runs_the_fallback_extractors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A precise body under ``FALLBACK_BELOW`` characters is read again with trafilatura's
    fallback extractors, and that reading is the body; the metadata were read once."""
    fuller = "z" * (PLAIN_CHECK_BELOW + 10)
    calls = fake_passes(monkeypatch, fuller, "x" * 100, fast="y" * (FALLBACK_BELOW - 1))
    found = extract_html(page(1))
    assert found.text == fuller and found.title == "fast title"
    assert [c.get("fast") for c in calls] == [True, None]
    assert calls[1]["with_metadata"] is False


def test_clean_html_body_long_enough_skips_the_fallback_extractors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    enough = "y" * FALLBACK_BELOW
    calls = fake_passes(monkeypatch, "z" * 5000, "x" * 1500, fast=enough)
    assert extract_html(page(1)).text == enough
    assert [c.get("fast") for c in calls] == [True, None]  # then the plain check (under 2,000)
    assert calls[1].get("favor_precision") is None


def test_clean_html_fallback_pass_failing_leaves_the_plain_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = fake_passes(monkeypatch, None, "x" * 300, fast="y" * 10)
    found = extract_html(page(1))
    assert found.text == "x" * 300 and found.title == "plain title"
    assert len(calls) == 3 and calls[2]["with_metadata"] is True


def test_clean_html_long_precise_body_never_runs_the_plain_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    precise = "y" * PLAIN_CHECK_BELOW
    calls = fake_passes(monkeypatch, precise, "x" * (10 * PLAIN_CHECK_BELOW))
    assert extract_html(page(1)).text == precise
    assert len(calls) == 1


def test_clean_html_failed_precise_pass_takes_body_and_metadata_from_the_plain_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = fake_passes(monkeypatch, None, "x" * 300)
    found = extract_html(page(1))
    assert found.text == "x" * 300 and found.title == "plain title"
    assert len(calls) == 3 and calls[1]["with_metadata"] is calls[2]["with_metadata"] is True


@pytest.mark.parametrize("html", ["", "   ", b"\x00\x01\x02", "<p>", "no markup at all"])
def test_clean_html_unreadable_page_has_no_body(html: str | bytes) -> None:
    assert extract_html(html).text is None


def test_clean_html_nfc_text_from_either_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    decomposed = "Mu\u0308nchen " * 300  # "München" with a combining diaeresis
    fake_passes(monkeypatch, decomposed, None)
    text = extract_html(page(1)).text
    assert text is not None and "\u0308" not in text and "M\u00fcnchen" in text


def test_clean_html_benchmark_page_parsed_once(
    passes: list[dict[str, Any]], parses: list[int]
) -> None:
    files = sorted((AEB_HTML / "html").glob("*.html.gz"))[:3]
    if not files:
        pytest.skip("the article-extraction benchmark is not present")
    for path in files:
        before = len(parses), len(passes)
        found = extract_html(gzip.decompress(path.read_bytes()))
        assert found.text
        assert len(parses) - before[0] == 1
        made = len(passes) - before[1]
        if len(found.text) < FALLBACK_BELOW:
            assert made == 3
        else:
            assert made in ((2, 3) if len(found.text) < PLAIN_CHECK_BELOW else (1, 2))
