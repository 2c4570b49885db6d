"""The annotate stage's records read from spaCy's arrays equal those read token by token."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from communique.model import Sentence, Token
from communique.nlp.annotate import _tokens_and_sentences, lemma_fixes

EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "nato-russia-council.txt"
TEXTS = [
    "NATO foreign ministers met in Brussels on Tuesday.\nThe talks ended late.\n\n\nIt was "
    "cold;  very cold.   Mr. Stoltenberg said: \u201cWe\u2019ll meet again\u201d in 2023.",
    "  leading spaces, a tab\there, e-mail and U.S.-led talks; ye\u017fterday \u00e9t\u00e9 "
    "\u0130stanbul, 10:30 GMT\n",
    "One.",
    "\n\n",
    "",
]


def by_token(doc: Any) -> tuple[tuple[Token, ...], tuple[Sentence, ...]]:
    """The records read attribute by attribute (the way they were read before), with the
    curated lemma corrections."""
    fixes = lemma_fixes()
    tokens = tuple(
        Token(
            i=t.i, start=t.idx, end=t.idx + len(t.text), text=t.text,
            lemma=fixes.get((t.text.lower(), t.pos_), t.lemma_), pos=t.pos_,
            tag=t.tag_, dep=t.dep_, head=t.head.i, morph=str(t.morph),
        )
        for t in doc
    )  # fmt: skip
    sentences = tuple(
        Sentence(start=s.start_char, end=s.end_char, text=s.text, first_token=s.start,
                 last_token=s.end)
        for s in (doc.sents if len(doc) else ())
        if s.text.strip()
    )  # fmt: skip
    return tokens, sentences


@pytest.fixture(scope="module")
def docs(resources: Any) -> list[Any]:
    texts = list(TEXTS)
    if EXAMPLE.is_file():
        texts.append(EXAMPLE.read_text(encoding="utf-8"))
    return list(resources.nlp.nlp.pipe(texts))


def test_nlp_records_from_arrays_equal_records_by_token(docs: list[Any]) -> None:
    assert any(len(list(doc.sents)) > 3 for doc in docs if len(doc))
    for doc in docs:
        assert _tokens_and_sentences(doc) == by_token(doc), doc.text[:40]


def test_nlp_records_keep_heads_morphs_and_blank_lines(docs: list[Any]) -> None:
    tokens, sentences = _tokens_and_sentences(docs[0])
    assert any(t.head < t.i for t in tokens) and any(t.head > t.i for t in tokens)
    assert any(t.morph == "" for t in tokens) and any("=" in t.morph for t in tokens)
    assert all(s.text.strip() for s in sentences)
    assert [s.text.strip() for s in sentences][:2] == [
        "NATO foreign ministers met in Brussels on Tuesday.",
        "The talks ended late.",
    ]


def test_nlp_records_follow_a_sentence_hook(resources: Any) -> None:
    """A Doc whose sentences come from a hook is split where the hook says."""
    doc = resources.nlp.nlp("First part here. Second part here. Third part.")
    doc.user_hooks["sents"] = lambda d: iter([d[0:4], d[4:]])
    _, sentences = _tokens_and_sentences(doc)
    assert [(s.first_token, s.last_token) for s in sentences] == [(0, 4), (4, len(doc))]


def test_nlp_records_correct_the_lemmas_the_model_gets_wrong(resources: Any) -> None:
    doc = resources.nlp.nlp("He hoped to meet her; the summit is slated for May. Hop on.")
    tokens, _ = _tokens_and_sentences(doc)
    lemmas = {t.text: t.lemma for t in tokens}
    assert lemmas["hoped"] == "hope" and lemmas["slated"] == "slate"
    assert lemmas["Hop"] == "hop"
    assert all(form == form.lower() and pos.isupper() for form, pos in lemma_fixes())


def test_nlp_mentions_lose_a_conjunction_at_their_edge() -> None:
    """The small model tags "Kishida and" as one ORG in "between Kishida and Nauru President
    David Adeang": the name is "Kishida"; a conjunction inside a name stays."""
    from communique.model import Mention
    from communique.nlp.aliases import trim_conjunctions

    text = "talks between Kishida and Nauru President David Adeang of Trinidad and Tobago"
    found = trim_conjunctions(
        (
            Mention(start=14, end=25, text="Kishida and", label="ORG"),
            Mention(start=58, end=77, text="Trinidad and Tobago", label="GPE"),
            Mention(start=22, end=25, text="and", label="ORG"),
        )
    )
    assert [(m.text, text[m.start : m.end]) for m in found] == [
        ("Kishida", "Kishida"),
        ("Trinidad and Tobago", "Trinidad and Tobago"),
    ]


def test_nlp_a_dateline_is_parsed_apart_from_its_lead(resources: Any) -> None:
    """The parser takes a dateline's place for the lead's subject ("Hanoi" nsubj, the minister
    its apposition); parsed apart, the lead keeps its own subject, and the record still holds
    dateline and lead as one sentence."""
    from communique.nlp import annotate_text

    for text, subject in (
        ("Hanoi (VNA) - Prime Minister Pham Minh Chinh received the Lao envoy on Monday.", "Chinh"),
        ("Astana, 3 July 2024 - Head of State Kassym-Jomart Tokayev held talks with Xi.", "Head"),
        ("Tehran, IRNA - The second meeting of the forum is underway in Tehran.", "meeting"),
    ):
        a = annotate_text(text, resources.nlp)
        assert len(a.sentences) == 1
        subjects = [t.text for t in a.tokens if t.dep == "nsubj"]
        assert subjects == [subject]
    text = "The minister - who arrived late - met the envoy. Then he left."
    plain = annotate_text(text, resources.nlp)
    assert len(plain.sentences) == 2
