"""Property test: every evidence and mention offset slices the cleaned text exactly, whatever
the article (sentences assembled at random from a small diplomatic vocabulary)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique import extract_article

SUBJECTS = [
    "Russia",
    "The United States",
    "NATO",
    "France",
    "Chinese Foreign Minister Wang Yi",
    "The EU",
]
VERBS = [
    "met",
    "will meet",
    "rejected",
    "proposed talks with",
    "accused",
    "held talks with",
    "visited",
]
OBJECTS = [
    "Germany",
    "the African Union",
    "Japan",
    "Ukraine",
    "President Emmanuel Macron",
    "Turkey",
]
TAILS = [
    "",
    " in Geneva",
    " on Monday",
    " in Vienna on 3 March 2021",
    " at the UN headquarters in New York",
]

sentence = st.builds(
    lambda s, v, o, t: f"{s} {v} {o}{t}.",
    st.sampled_from(SUBJECTS),
    st.sampled_from(VERBS),
    st.sampled_from(OBJECTS),
    st.sampled_from(TAILS),
)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(sentence, min_size=3, max_size=8))
def test_events_properties_offsets_slice_text(resources: Any, sentences: list[str]) -> None:
    lead = "Diplomats from several countries gathered this week to discuss regional security.\n"
    record = extract_article(lead + "\n".join(sentences), resources=resources)
    text = record.article.text
    for ev in record.events:
        for span in ev.evidence:
            assert text[span.start : span.end] == span.text
    for ent in record.entities:
        for span in ent.mentions:
            assert text[span.start : span.end] == span.text
    ids = {e.id for e in record.entities}
    for ev in record.events:
        assert set(ev.actors) <= ids and set(ev.recipients) <= ids
