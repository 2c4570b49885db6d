"""A regional bloc named by its region ("Southeast Asian leaders will open their summit":
meeting.region_bloc), and "the two leaders" as two people, never a bloc that sat with one of
them (role.group_subject)."""

from __future__ import annotations

from datetime import date

from communique import extract_article
from communique.model import Record


def _record(text: str) -> Record:
    return extract_article(text, published=date(2023, 9, 4))


def _meeting_codes(rec: Record) -> list[set[str]]:
    ents = {e.id: e for e in rec.entities}
    return [
        {c for i in e.actors + e.recipients for c in (ents[i].code, ents[i].country) if c}
        for e in rec.events
        if e.meeting is not None
    ]


NAMED = "Foreign ministers of the Association of Southeast Asian Nations met on Monday. "
SUMMIT = "Southeast Asian leaders will open their annual summit in Jakarta on Tuesday."


def test_a_region_of_leaders_is_the_bloc_the_article_names() -> None:
    rec = _record(NAMED + SUMMIT)
    summit = [c for c in _meeting_codes(rec) if "IDN" in c]
    assert summit and "ASEAN" in summit[0]
    ev = next(e for e in rec.events if e.meeting is not None and "meeting.region_bloc" in e.rules)
    assert ev.status == "planned"


def test_no_bloc_the_article_does_not_name() -> None:
    rec = _record(SUMMIT)
    assert all("ASEAN" not in c for c in _meeting_codes(rec))


def test_the_two_leaders_are_the_pair_of_the_talks_not_a_bloc() -> None:
    text = (
        "TOKYO - Prime Minister Fumio Kishida will co-chair a summit with Pacific island leaders "
        "in Tokyo on Thursday alongside the chair of the Pacific Islands Forum. Ahead of the "
        "gathering, Kishida held talks on Wednesday with Fijian Prime Minister Sitiveni Rabuka "
        "at his office, where the two leaders agreed to strengthen cooperation."
    )
    rec = _record(text)
    ents = {e.id: e for e in rec.entities}
    agree = [e for e in rec.events if e.type == "AGREE"]
    assert agree
    codes = {c for i in agree[0].actors for c in (ents[i].code, ents[i].country) if c}
    assert "PIF" not in codes and {"JPN", "FJI"} <= codes


def test_a_malformed_region_row_fails_loudly() -> None:
    import pytest

    from communique.events.lexicon import LexiconError, check_region_row, load_lexicon

    with pytest.raises(LexiconError):
        check_region_row("region_forums.csv", 2, {"phrase": "Gulf", "igo": "GCC", "source": "x"})
    with pytest.raises(LexiconError):
        check_region_row("region_forums.csv", 2, {"phrase": "gulf", "igo": "gcc", "source": "x"})
    assert load_lexicon().region_forums[("southeast", "asian")] == "ASEAN"
