"""A short name the tagger missed (a given name news calls a person by, or a bare surname)
joins the one person of the article whose full name it begins or ends; a word of two people's
names joins neither. Every sentence here is invented."""

from __future__ import annotations

from datetime import date
from typing import Any

from communique import extract_article

_ON = date(2024, 3, 5)


def _mentions(text: str, resources: Any) -> dict[str, list[str]]:
    rec = extract_article(text, published=_ON, resources=resources)
    return {e.name: [m.text for m in e.mentions] for e in rec.entities if e.kind == "person"}


def test_given_name_joins_the_full_name(resources: Any) -> None:
    text = (
        "The Thai foreign minister, Maris Sangiampongsa, met Laotian Deputy Prime Minister "
        "Saleumxay Kommasith in Vientiane on Monday. Saleumxay thanked Thailand for its help "
        "with the railway."
    )
    found = _mentions(text, resources)
    owner = next(name for name in found if name.startswith("Saleumxay"))
    assert len(found[owner]) == 2


def test_given_name_of_two_people_joins_neither(resources: Any) -> None:
    text = (
        "Laotian Deputy Prime Minister Saleumxay Kommasith met Thai envoy Saleumxay Chanthavong "
        "in Vientiane on Monday. Saleumxay thanked Thailand for its help with the railway."
    )
    found = _mentions(text, resources)
    assert len(found) == 2
    assert all(len(spans) == 1 for spans in found.values())


def test_short_name_makes_the_act_the_persons_state(resources: Any) -> None:
    text = (
        "On the sidelines, the Chinese minister met Indonesian Foreign Minister Retno Marsudi. "
        "Retno thanked China for its support for the Jakarta railway project."
    )
    rec = extract_article(text, published=_ON, resources=resources)
    codes = {e.id: e.code or e.country for e in rec.entities}
    acts = {(ev.type, *(codes[a] for a in ev.actors)) for ev in rec.events}
    assert ("SUPPORT", "IDN") in acts


def test_bare_body_named_before_a_foreign_one_stays_apart(resources: Any) -> None:
    text = (
        "TOKYO, Aug. 27 (Kyodo) -- Japan protested to China on Tuesday, the Foreign Ministry "
        "said. In Beijing, a Chinese Foreign Ministry spokesman said the matter was under "
        "review. The Chinese Foreign Ministry later declined to comment."
    )
    rec = extract_article(text, published=_ON, resources=resources)
    ministries = [e for e in rec.entities if e.name.endswith("Foreign Ministry")]
    chinese = [e for e in ministries if e.country == "CHN"]
    assert len(chinese) == 1 and all(
        not m.text.startswith("the Foreign") or m.start > 60 for m in chinese[0].mentions
    )
    assert any(e.country != "CHN" for e in ministries)
