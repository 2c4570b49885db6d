"""Scorers of the events suite on tiny hand-made cases."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from communique.evaluation.events import (
    NO_EVENT,
    Coding,
    GsrItem,
    PetrarchItem,
    core_accuracy,
    core_confusion,
    core_polarity_accuracy,
    country_accuracy,
    country_codes,
    keyword_coding,
    load_cameo_map,
    petrarch_accuracy,
    pick_subset,
    plover_type,
    record_coding,
    score_codings,
    type_scores,
)
from communique.model import CleanArticle, Entity, Event, Record, Span


def test_perfect_predictions_score_one() -> None:
    gold = ["AGREE", "REJECT", "CONSULT"]
    scores = type_scores(gold, list(gold))
    assert scores["type_micro_f1"] == pytest.approx(1.0)
    assert scores["type_macro_f1"] == pytest.approx(1.0)


def test_abstention_is_a_miss_but_not_a_false_positive() -> None:
    scores = type_scores(["AGREE", "REJECT"], ["AGREE", NO_EVENT])
    assert scores["type_micro_precision"] == pytest.approx(1.0)
    assert scores["type_micro_recall"] == pytest.approx(0.5)
    assert scores["type_micro_f1"] == pytest.approx(2 / 3)


def test_wrong_type_is_both_false_positive_and_miss() -> None:
    scores = type_scores(["AGREE", "REJECT"], ["AGREE", "ACCUSE"])
    assert scores["type_micro_precision"] == pytest.approx(0.5)
    assert scores["type_micro_f1"] == pytest.approx(0.5)


def test_macro_f1_averages_gold_classes() -> None:
    # AGREE: p=1/2 r=1 f=2/3 ; REJECT: p=0 r=0 f=0 -> macro 1/3
    scores = type_scores(["AGREE", "REJECT"], ["AGREE", "AGREE"])
    assert scores["type_macro_f1"] == pytest.approx(1 / 3)


def test_core_accuracy_ignores_items_outside_the_core() -> None:
    gold = ["CONSULT", "ASSAULT", "REJECT", "AGREE"]
    predicted = ["CONSULT", "PROTEST", "ACCUSE", NO_EVENT]
    assert core_accuracy(gold, predicted) == pytest.approx(1 / 3)
    # polarity: CONSULT->CONSULT right side, REJECT->ACCUSE right side; AGREE abstained
    assert core_polarity_accuracy(gold, predicted) == pytest.approx(1.0)
    assert core_confusion(gold, predicted)["REJECT"]["ACCUSE"] == 1


def test_polarity_counts_cooperative_coded_as_conflictual_wrong() -> None:
    assert core_polarity_accuracy(["SUPPORT", "REQUEST"], ["REJECT", "ACCUSE"]) == 0.5


def test_country_accuracy_needs_a_shared_code_and_a_coded_event() -> None:
    gold = [("FRA",), ("USA", "GBR"), (), ("RUS",)]
    found = [frozenset({"FRA"}), frozenset({"GBR"}), frozenset({"DEU"}), frozenset()]
    coded = [True, True, True, False]
    accuracy, scored = country_accuracy(gold, found, coded)
    assert scored == 2
    assert accuracy == pytest.approx(1.0)


def test_country_codes_normalise_cameo_and_drop_generic() -> None:
    parties = [{"code": "JAP"}, {"code": "IGO"}, {"code": "usa"}, {"code": None}]
    assert country_codes(parties) == ("JPN", "USA")


def test_cameo_map_reads_codes_and_root_headers(tmp_path: Path) -> None:
    table_file = tmp_path / "map.txt"
    table_file.write_text(
        "# header\n04: CONSULT\n041: CONSULT, phone,   # Discuss by telephone\n"
        "08: CONCEDE\n080: CONCEDE,   ,  # Yield\n08: RETREAT\n084: RETREAT,   ,  # Return\n",
        encoding="utf-8",
    )
    table = load_cameo_map(table_file)
    assert plover_type("041", table) == "CONSULT"
    assert plover_type("040", table) == "CONSULT"  # from the root header
    assert plover_type("0841", table) == "RETREAT"  # 3-digit parent
    assert plover_type("080", table) == "CONCEDE"
    assert plover_type("903", table) is None


def test_petrarch_accuracy_is_any_expected_type() -> None:
    expected = [frozenset({"CONSULT"}), frozenset({"AGREE", "SUPPORT"}), frozenset({"REJECT"})]
    produced = [Coding(("STATEMENT", "CONSULT")), Coding(("SUPPORT",)), Coding()]
    assert petrarch_accuracy(expected, produced) == pytest.approx(2 / 3)


def test_pick_subset_is_round_robin_and_deterministic() -> None:
    items = [GsrItem(f"{t}-{i}", "x", t, (), ()) for t in ("A", "B", "C") for i in range(3)]
    picked = pick_subset(items, "type", 4)
    assert [i.id for i in picked] == ["A-0", "B-0", "C-0", "A-1"]
    assert pick_subset(items, "type", None) == items


def test_keyword_baseline_takes_the_first_stem() -> None:
    assert keyword_coding("Ruritania rejected the plan and attacked").main == "REJECT"
    assert keyword_coding("Nothing happened here.").main == NO_EVENT


def _event(eid: str, kind: str, confidence: float, actor: str, start: int) -> Event:
    return Event(
        id=eid,
        type=kind,
        mode=None,
        status="occurred",
        actors=(actor,),
        recipients=(),
        when=None,
        where=None,
        meeting=None,
        items=(),
        evidence=(Span(start, start + 1, "x"),),
        confidence=confidence,
    )


def test_record_coding_prefers_confident_non_statement_events() -> None:
    article = CleanArticle(
        id="a",
        text="x" * 20,
        title=None,
        byline=None,
        section=None,
        site=None,
        url=None,
        published=date(2020, 1, 1),
        published_source="argument",
        language="en",
        removed=(),
    )
    ents = (
        Entity("e1", "Ruritania", "state", "RUR", "RUR", (), ()),
        Entity("e2", "A Minister", "person", None, "FRE", (), ()),
    )
    events = (
        _event("v1", "STATEMENT", 0.9, "e1", 0),
        _event("v2", "ACCUSE", 0.6, "e2", 5),
        _event("v3", "REJECT", 0.6, "e1", 9),
    )
    coding = record_coding(Record(article, ents, events, ()))
    assert coding.types == ("ACCUSE", "REJECT", "STATEMENT")
    assert coding.actors == frozenset({"FRE"})


def test_score_codings_names_the_required_metrics() -> None:
    gsr = [GsrItem("1", "t", "AGREE", ("FRA",), ()), GsrItem("2", "t", "REJECT", (), ())]
    codings = [Coding(("AGREE",), frozenset({"FRA"})), Coding()]
    petrarch = [PetrarchItem("p", "DEMO", "t", frozenset({"CONSULT"}))]
    metrics = score_codings(gsr, codings, petrarch, [Coding(("CONSULT",))])
    required = {
        "type_micro_f1",
        "type_macro_f1",
        "core_accuracy",
        "actor_country_accuracy",
        "petrarch_type_accuracy",
    }
    assert required <= set(metrics)
    assert metrics["actor_country_accuracy"] == 1.0
    assert metrics["core_accuracy"] == 0.5
    assert metrics["petrarch_type_accuracy"] == 1.0
