"""resolve_actors never raises on odd input, and every span it returns slices the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import communique.actors as actors
from communique.actors import load_actor_data, resolve_actors
from communique.model import AnnotatedArticle, CleanArticle, Mention

_LABELS = st.sampled_from(["PERSON", "GPE", "NORP", "ORG", "FAC", "LOC", "DATE"])
_WORDS = st.sampled_from(
    [
        "Moscow",
        "said",
        "NATO",
        "the",
        "alliance",
        "Minister",
        ",",
        "Russian",
        "Wang",
        "of",
        "Foreign",
        "’s",
        "Kyiv",
        "and",
        "US",
        "(",
        ")",
        "\n",
        "Secretary-General",
        "Ivan Petrov",
    ]
)


def _article(text: str, spans: list[tuple[int, int, str]]) -> AnnotatedArticle:
    article = CleanArticle(
        id="x",
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
    mentions = tuple(Mention(s, e, text[s:e], label) for s, e, label in spans)
    return AnnotatedArticle(article, (), (), mentions)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(_WORDS, max_size=30),
    st.lists(st.tuples(st.integers(0, 200), st.integers(0, 40), _LABELS), max_size=8),
)
def test_actors_robustness_any_mentions(words: list[str], raw: list[tuple[int, int, str]]) -> None:
    text = " ".join(words)
    spans = [(s, min(len(text), s + n), label) for s, n, label in raw if s < len(text)]
    entities = resolve_actors(_article(text, spans), load_actor_data(), None)
    for entity in entities:
        assert entity.mentions
        assert all(text[m.start : m.end] == m.text for m in entity.mentions)


def test_actors_robustness_public_names_are_exported() -> None:
    for name in actors.__all__:
        assert hasattr(actors, name), name
    assert actors.__all__ == sorted(actors.__all__)


def test_actors_robustness_actor_data_pickles_for_workers() -> None:
    import pickle

    data = pickle.loads(pickle.dumps(load_actor_data()))
    ref = data.lookup("Kyiv")
    assert ref is not None and ref.code == "UKR"
