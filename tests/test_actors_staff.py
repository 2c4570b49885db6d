"""An aide, adviser or spokesperson of a person serves that person's state, when nothing gives
them another. Every sentence here is invented."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from communique import extract_article

_ON = date(2024, 3, 5)


def _countries(text: str, resources: Any) -> dict[str, str | None]:
    rec = extract_article(text, published=_ON, resources=resources)
    return {e.name: e.country for e in rec.entities if e.kind == "person"}


@pytest.mark.parametrize(
    ("text", "aide", "country"),
    [
        (
            "Mark Hansen, a senior adviser to President Alexander Stubb, met the envoy.",
            "Mark",
            "FIN",
        ),
        ("A spokesman for Erdogan, Ibrahim Kalin, said the talks would go on.", "Ibrahim", "TUR"),
        ("John Novak, the chief aide to Czech President Petr Pavel, said so.", "John", "CZE"),
    ],
)
def test_staff_serve_their_principals_state(
    text: str, aide: str, country: str, resources: Any
) -> None:
    found = _countries(text, resources)
    owner = next(name for name in found if name.startswith(aide))
    assert found[owner] == country


def test_another_state_named_before_the_staff_word_blocks(resources: Any) -> None:
    """ "a Russian adviser to President X": not X's state, nor a title of X's."""
    text = "Ivan Petrov, a Russian adviser to President Alexander Stubb, met the envoy."
    found = _countries(text, resources)
    owner = next(name for name in found if name.startswith("Ivan"))
    assert found[owner] != "FIN"
    assert found["Alexander Stubb"] == "FIN"
