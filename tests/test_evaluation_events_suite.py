"""The events suite end to end on a tiny hand-made data directory (the coder is stubbed)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from communique.evaluation import events
from communique.evaluation.events import Coding

GSR = [
    ("G-1", "Ruritania agreed to open talks with Freedonia.", "AGREE", "RUR", "FRE"),
    ("G-2", "Freedonia rejected the plan put forward by Ruritania.", "REJECT", "FRE", "RUR"),
    ("G-3", "Ruritanian officials met their Freedonian counterparts.", "CONSULT", "RUR", "FRE"),
]


def _write_data(root: Path) -> None:
    gsr = root / "plover-gsr"
    gsr.mkdir(parents=True)
    rows = [
        {
            "id": i,
            "text": t,
            "event": e,
            "actor": [{"code": a}],
            "recipient": [{"code": r}],
        }
        for i, t, e, a, r in GSR
    ]
    (gsr / "PLOVER_GSR_CAMEO.normalized.jsonl").write_text(
        "\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8"
    )
    (gsr / "CAMEO2PLOVER-2021.txt").write_text(
        "04: CONSULT\n040: CONSULT, ,  # Consult\n12: REJECT\n120: REJECT, , # Reject\n",
        encoding="utf-8",
    )
    petr = root / "petrarch2-unittests"
    petr.mkdir()
    cases = [
        {
            "id": "P-1",
            "category": "VERB",
            "text": "Arnor met Gondor.",
            "expected": [{"sourcecode": "ARN", "targetcode": "GON", "eventcode": "040"}],
        },
        {
            "id": "P-2",
            "category": "VERB",
            "text": "Arnor did something odd.",
            "expected": [{"sourcecode": "ARN", "targetcode": "GON", "eventcode": "903"}],
        },
    ]
    (petr / "PETR.UnitTest.records.jsonl").write_text(
        "\n".join(json.dumps(c) for c in cases) + "\n", encoding="utf-8"
    )


def _stub_coder(texts: Sequence[str]) -> list[Coding]:
    answers = {
        GSR[0][1]: Coding(("AGREE",), frozenset({"RUR"}), frozenset({"FRE"})),
        GSR[1][1]: Coding(("ACCUSE",), frozenset({"FRE"})),
        "Arnor met Gondor.": Coding(("CONSULT",)),
    }
    return [answers.get(t, Coding()) for t in texts]


def test_suite_scores_ours_and_baselines_on_the_same_items(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write_data(tmp_path)
    monkeypatch.setattr(events, "pipeline_codings", _stub_coder)
    result = events.run(tmp_path)
    assert result.suite == "events" and result.items == 3
    assert result.metrics["type_micro_precision"] == pytest.approx(0.5)
    assert result.metrics["type_micro_recall"] == pytest.approx(1 / 3)
    assert result.metrics["actor_country_accuracy"] == pytest.approx(1.0)
    assert result.metrics["petrarch_type_accuracy"] == pytest.approx(1.0)  # P-2 is unmapped
    assert set(result.baselines) == {"majority class (AGREE)", "keyword lexicon"}
    keyword = result.baselines["keyword lexicon"]
    assert keyword["type_micro_f1"] == pytest.approx(1.0)
    assert result.published and result.sources
    assert any(note.startswith("core confusion REJECT: ACCUSE 1") for note in result.notes)


def test_limit_takes_one_item_per_type_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write_data(tmp_path)
    monkeypatch.setattr(events, "pipeline_codings", _stub_coder)
    assert events.run(tmp_path, limit=2).items == 2
    ids = events.subset_ids(tmp_path, 2)
    assert ids[:2] == ["gsr:G-1", "gsr:G-2"]


def test_missing_gold_file_is_an_evaluation_error(tmp_path: Path) -> None:
    from communique.errors import EvaluationError

    with pytest.raises(EvaluationError, match="not found"):
        events.run(tmp_path)
