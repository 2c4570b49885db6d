"""Property: Event -> DuckDB row -> Event gives back the same event."""

from __future__ import annotations

import duckdb
from hypothesis import given, settings
from hypothesis import strategies as st

from communique.model import Delegation, Event, Meeting, Span, When, Where
from communique.store import EVENT_COLUMNS, event_from_row, event_to_row
from communique.store.schema import ensure_schema

text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20
)
ids = st.lists(text, max_size=3).map(tuple)
maybe = st.none() | text
coord = st.none() | st.floats(-180, 180, allow_nan=False)
spans = st.builds(Span, st.integers(0, 10_000), st.integers(0, 10_000), text)
whens = st.builds(
    When,
    text,
    maybe,
    st.sampled_from(["minute", "hour", "day", "month", "year"]),
    text,
    st.booleans(),
)
wheres = st.builds(Where, maybe, maybe, maybe, coord, coord)
meetings = st.builds(
    Meeting, maybe, ids, st.lists(st.builds(Delegation, text, maybe), max_size=3).map(tuple), ids
)
events = st.builds(
    Event,
    id=text,
    type=st.sampled_from(["CONSULT", "AGREE", "STATEMENT"]),
    mode=maybe,
    status=st.sampled_from(["occurred", "planned", "negated"]),
    actors=ids,
    recipients=ids,
    when=st.none() | whens,
    where=st.none() | wheres,
    meeting=st.none() | meetings,
    items=ids,
    evidence=st.lists(spans, max_size=3).map(tuple),
    confidence=st.floats(0, 1),
)

_CON = duckdb.connect(":memory:")
ensure_schema(_CON)


@settings(max_examples=150, deadline=None)
@given(events)
def test_store_event_row_round_trips_through_duckdb(event: Event) -> None:
    cols = ", ".join(EVENT_COLUMNS)
    marks = ", ".join("?" for _ in EVENT_COLUMNS)
    _CON.execute("DELETE FROM events")
    _CON.execute(
        f"INSERT INTO events (article_id, {cols}) VALUES ('a', {marks})", list(event_to_row(event))
    )
    row = _CON.execute(f"SELECT {cols} FROM events").fetchone()
    assert row is not None
    assert event_from_row(row) == event
