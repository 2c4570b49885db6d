"""The cheap language guess and the skips of clean_article."""

from __future__ import annotations

from communique.clean import clean_article, guess_language
from communique.model import CleanArticle, RawArticle, Skip, SkipReason
from communique.settings import CleanSettings

ENGLISH = (
    "The foreign ministers of the two states met on Tuesday and said that they would work "
    "together on a new treaty for the region, which has been discussed for many years."
)


def test_clean_language_guesses_common_languages() -> None:
    assert guess_language(ENGLISH).language == "en"
    assert (
        guess_language(
            "Die Minister haben sich am Dienstag in der Stadt getroffen und "
            "über die Zukunft des Vertrags gesprochen."
        ).language
        == "de"
    )
    assert (
        guess_language(
            "Les ministres se sont réunis mardi pour discuter de la paix et "
            "des relations avec les pays voisins."
        ).language
        == "fr"
    )
    assert (
        guess_language(
            "Министры встретились во вторник и обсудили, как это можно сделать уже в этом году."
        ).language
        == "ru"
    )
    assert guess_language("外交部长周二举行会谈，讨论了地区安全问题。").language == "zh"
    assert guess_language("12345 67890").language == "und"


def test_clean_language_skips_non_english_with_the_guess() -> None:
    text = "\n".join(
        [
            "Los ministros se reunieron el martes en la capital para hablar de la "
            "paz y de las relaciones con los países vecinos, según un comunicado."
        ]
        * 2
    )
    result = clean_article(RawArticle(text, "text"), CleanSettings())
    assert isinstance(result, Skip) and result.reason is SkipReason.NOT_ENGLISH
    assert "es" in result.detail
    kept = clean_article(RawArticle(text, "text"), CleanSettings(require_english=False))
    assert isinstance(kept, CleanArticle) and kept.language == "es"


def test_clean_language_blank_and_chrome_only_texts_are_skips() -> None:
    for text in ("", "  \n\t \n"):
        result = clean_article(RawArticle(text, "text"), CleanSettings())
        assert isinstance(result, Skip) and result.reason is SkipReason.EMPTY
    result = clean_article(RawArticle("Home\nMenu", "text"), CleanSettings())
    assert isinstance(result, Skip) and result.reason is SkipReason.NO_ARTICLE


def test_clean_language_one_short_sentence_given_as_text_is_read() -> None:
    for text in ("The talks ended.", "Kohl met Mitterrand in Paris."):
        result = clean_article(RawArticle(text, "text"), CleanSettings())
        assert isinstance(result, CleanArticle) and result.text == text
        assert result.language == "en"


def test_clean_language_html_bodies_keep_the_minimum_length() -> None:
    html = "<html><body><article><p>The talks ended.</p></article></body></html>"
    result = clean_article(RawArticle(html, "html"), CleanSettings())
    assert isinstance(result, Skip) and result.reason is SkipReason.NO_ARTICLE


def test_clean_language_html_without_article_is_a_skip() -> None:
    for html in ("<html><body><nav>Home</nav></body></html>", "<<<>>>", "\x00\x01"):
        result = clean_article(RawArticle(html, "html"), CleanSettings())
        assert isinstance(result, Skip) and result.reason is SkipReason.NO_ARTICLE


def test_clean_language_argument_date_wins() -> None:
    from datetime import date

    raw = RawArticle("12 March 2023\n" + ENGLISH, "text", published=date(2023, 3, 14))
    result = clean_article(raw, CleanSettings())
    assert isinstance(result, CleanArticle)
    assert result.published == date(2023, 3, 14) and result.published_source == "argument"
