""" "The two leaders", counted people, are the two people of the act told before, never a bloc
that sat with one of them (role.group_subject)."""

from __future__ import annotations

from datetime import date

from communique import extract_article


def test_the_two_leaders_are_the_pair_of_the_talks_not_a_bloc() -> None:
    text = (
        "TOKYO - Prime Minister Fumio Kishida will co-chair a summit with the Pacific Islands "
        "Forum in Tokyo on Thursday. Ahead of the gathering, Kishida held talks on Wednesday "
        "with Fijian Prime Minister Sitiveni Rabuka at his office, where the two leaders agreed "
        "to strengthen cooperation."
    )
    rec = extract_article(text, published=date(2024, 7, 17))
    ents = {e.id: e for e in rec.entities}
    agree = [e for e in rec.events if e.type == "AGREE"]
    assert agree, [(e.type, e.rules) for e in rec.events]
    codes = {c for i in agree[0].actors for c in (ents[i].code, ents[i].country) if c}
    assert "PIF" not in codes and {"JPN", "FJI"} <= codes
