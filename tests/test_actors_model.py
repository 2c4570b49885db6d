"""resolve_actors on real parses: the spaCy model plus an entity ruler fed by the actor tables."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from spacy.pipeline import EntityRuler

from communique.actors import load_actor_data, resolve_actors
from communique.model import AnnotatedArticle, CleanArticle, Mention, Sentence, Token


@pytest.fixture(scope="module")
def ruler(nlp_model: Any) -> EntityRuler:
    """The curated ruler, applied to each Doc after parsing (the shared pipeline is unchanged)."""
    made = EntityRuler(nlp_model, overwrite_ents=True)
    made.add_patterns(load_actor_data().ruler_patterns())
    return made


def _annotate(nlp: Any, ruler: EntityRuler, text: str) -> AnnotatedArticle:
    doc = ruler(nlp(text))
    tokens = tuple(
        Token(t.i, t.idx, t.idx + len(t.text), t.text, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i)
        for t in doc
    )
    sentences = tuple(Sentence(s.start_char, s.end_char, s.text, s.start, s.end) for s in doc.sents)
    mentions = tuple(
        Mention(e.start_char, e.end_char, e.text, e.label_, e.ent_id_ or None, None)
        for e in doc.ents
    )
    article = CleanArticle(
        id="a",
        text=text,
        title=None,
        byline=None,
        section=None,
        site=None,
        url=None,
        published=None,
        published_source="none",
        language="en",
        removed=(),
    )
    return AnnotatedArticle(article, sentences, tokens, mentions)


def test_actors_model_example_article(
    nlp_model: Any, ruler: EntityRuler, example_text: str
) -> None:
    entities = resolve_actors(
        _annotate(nlp_model, ruler, example_text), load_actor_data(), date(2022, 1, 11)
    )
    codes = {e.code for e in entities if e.code}
    assert {"NATO", "RUS", "USA", "UKR", "GEO", "NRC", "OSCE"} <= codes
    people = {e.name: e for e in entities if e.kind == "person"}
    stoltenberg = people["Jens Stoltenberg"]
    assert stoltenberg.country == "NATO" and "Secretary-General" in stoltenberg.titles
    assert stoltenberg.role is not None and stoltenberg.role.country == "NATO"
    ryabkov = people["Sergey Ryabkov"]
    assert ryabkov.country == "RUS" and ryabkov.titles == ("Deputy Foreign Minister",)
    assert "Wendy Sherman" in people
    nrc = next(e for e in entities if e.code == "NRC")
    assert nrc.kind == "body" and nrc.country == "NATO"


def test_actors_model_capital_as_actor_or_place(nlp_model: Any, ruler: EntityRuler) -> None:
    text = (
        "Moscow rejected the proposal on Monday. The talks in Beijing lasted two hours. "
        "Seoul and Tokyo agreed to meet again."
    )
    codes = {
        e.code for e in resolve_actors(_annotate(nlp_model, ruler, text), load_actor_data(), None)
    }
    assert "RUS" in codes and "CHN" not in codes
    assert {"KOR", "JPN"} <= codes
