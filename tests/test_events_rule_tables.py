"""Case tables of the named event rules: ``tests/rules/<step>.tsv``, one invented sentence a row.

Columns: rule, text (``\\n`` for a line break), type, actor, target, status, expect. ``expect`` is
``reported`` (an event of that type with that actor and target codes and status), ``absent`` (no
reported event of that type), ``once`` (exactly one such event, holding every telling), ``apart``
(at least two such events, none merged from several tellings), ``call``
(a CONSULT call with no meeting block), ``meeting`` (a CONSULT with a meeting block) or
``untargeted`` (reported with that actor, and no recipient).
Each rule has rows it must fire on and rows it must not.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest

from communique import extract_article
from communique.events.lexicon import (
    LexiconError,
    check_referring_row,
    check_row,
    check_word_row,
    load_lexicon,
)
from communique.events.rules import RULES, is_rule
from communique.model import Event, Record

TABLES = Path(__file__).parent / "rules"


def _rows() -> list[Any]:
    out = []
    for path in sorted(TABLES.glob("*.tsv")):
        with path.open(encoding="utf-8") as f:
            for n, row in enumerate(csv.DictReader(f, delimiter="\t"), start=2):
                out.append(pytest.param(row, id=f"{path.stem}:{n}:{row['rule']}"))
    return out


ROWS = _rows()


def _codes(rec: Record, ids: tuple[str, ...]) -> set[str]:
    ents = {e.id: e for e in rec.entities}
    return {c for i in ids if i in ents for c in (ents[i].code, ents[i].country) if c}


def _of_type(rec: Record, row: dict[str, str]) -> list[Event]:
    return [e for e in rec.events if e.type == row["type"]]


def _fits(rec: Record, ev: Event, row: dict[str, str]) -> bool:
    actor_ok = row["actor"] == "-" or row["actor"] in _codes(rec, ev.actors)
    target = row["target"]
    everyone = _codes(rec, ev.actors + ev.recipients)
    if ev.meeting is not None:
        everyone |= _codes(rec, tuple(d.party for d in ev.meeting.delegations))
    target_ok = (
        target == "-"
        or target in _codes(rec, ev.recipients)
        or (ev.type == "CONSULT" and target in everyone)
    )
    status_ok = row["status"] == "-" or ev.status == row["status"]
    return actor_ok and target_ok and status_ok


def test_rule_tables_name_registered_rules() -> None:
    assert ROWS, "no case tables found"
    for p in ROWS:
        assert p.values[0]["rule"] in RULES, p.values[0]["rule"]


@pytest.mark.slow
@pytest.mark.parametrize("row", ROWS)
def test_events_rule_table_case(row: dict[str, str], sentence_resources: Any) -> None:
    rec = extract_article(row["text"].replace("\\n", "\n"), resources=sentence_resources)
    found = [e for e in _of_type(rec, row) if _fits(rec, e, row)]
    expect = row["expect"]
    if expect == "absent":
        assert not _of_type(rec, row), [(e.type, e.rules) for e in rec.events]
    elif expect == "once":
        assert len(_of_type(rec, row)) == 1 and len(found) == 1, rec.events
        assert len(found[0].evidence) >= 2 and "emit.one_happening" in found[0].rules
    elif expect == "apart":  # two acts of one type, each its own event
        assert len(found) >= 2 and not any("emit.one_happening" in e.rules for e in found), [
            (e.type, e.rules) for e in rec.events
        ]
    elif expect == "call":
        assert found and all(e.meeting is None and e.mode == "call" for e in found), rec.events
    elif expect == "untargeted":  # the act is reported, aimed at no one
        assert found and all(not e.recipients for e in found), rec.events
    elif expect == "meeting":
        assert found and found[0].meeting is not None, rec.events
    else:
        assert found, [(e.type, e.rules, _codes(rec, e.actors)) for e in rec.events]
    for ev in rec.events:
        assert ev.rules and all(is_rule(r) for r in ev.rules), ev.rules
    assert len({e.id for e in rec.events}) == len(rec.events)


def test_events_lexicon_row_with_unknown_constraint_fails() -> None:
    good = {"lemma": "expel", "type": "SANCTION", "mode": "expel", "needs": "", "source": "x"}
    check_row("verbs.csv", 2, good)
    for bad in (
        {**good, "needs": "objj:diplomat"},
        {**good, "type": "SANKTION"},
        {**good, "lemma": "Expel!"},
        {**good, "needs": "obj:"},
        {**good, "source": ""},
    ):
        with pytest.raises(LexiconError, match=r"verbs\.csv:7"):
            check_row("verbs.csv", 7, bad)


def test_events_word_list_rows_are_checked() -> None:
    lexicon = load_lexicon()
    assert "singer" in lexicon.private_heads and "illegal" in lexicon.critical_words
    assert lexicon.sovereigns.get("HKG") == "CHN"
    check_word_row("private_heads.csv", 2, {"word": "singer", "source": "x"})
    for bad in ({"word": "Singer", "source": "x"}, {"word": "singer", "source": ""}):
        with pytest.raises(LexiconError, match=r"private_heads\.csv:5"):
            check_word_row("private_heads.csv", 5, bad)


def test_events_referring_noun_rows_are_checked() -> None:
    lexicon = load_lexicon()
    assert (
        lexicon.referring["attack"] == frozenset({"ASSAULT"}) and "*" in lexicon.referring["move"]
    )
    assert "breach" in lexicon.standing_verbs
    check_referring_row("referring_nouns.csv", 2, {"word": "move", "types": "*", "source": "x"})
    for bad in (
        {"word": "move", "types": "ASSAULT|ATTAK", "source": "x"},
        {"word": "move", "types": "", "source": "x"},
        {"word": "Move", "types": "*", "source": "x"},
        {"word": "move", "types": "*", "source": ""},
    ):
        with pytest.raises(LexiconError, match=r"referring_nouns\.csv:4"):
            check_referring_row("referring_nouns.csv", 4, bad)
