"""The evaluation gate: every suite, on a small fixed subset, must stay at or above its pinned
floors (``tests/eval_floors.json``).

* Each suite runs with the ``limit`` pinned for it. The items it scores are hashed (the suite's
  ``subset_ids`` when it has one, else the names and sizes of its gold files) and the hash must
  equal the pinned ``subset_sha256``: a changed subset fails loudly instead of moving the floors.
* A figure may fall ``tolerance`` below its floor, no further.
* A floor is never lowered silently: each floor keeps a ``history`` of the values it has had;
  an entry lower than an earlier one must give a ``reason``.
* No gold data (``../shared/data`` beside the repository) -> the gate is skipped; a suite that is
  not installed -> that suite is skipped.

Measure and pin (prints the floors file; review it, then commit it with the reason):

    python tests/test_eval_gate.py measure [SUITE ...]
    python tests/test_eval_gate.py pin SUITE [SUITE ...] --reason "why the floors move"
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from communique.evaluation import SUITES, SuiteResult, SuiteUnavailableError, run_suite

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
FLOORS_FILE = Path(__file__).with_name("eval_floors.json")


def read_floors() -> dict[str, Any]:
    floors: dict[str, Any] = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
    return floors


def suite_specs() -> dict[str, dict[str, Any]]:
    specs: dict[str, dict[str, Any]] = read_floors()["suites"]
    return specs


def subset_digest(suite: str, spec: dict[str, Any], data_dir: Path = DATA) -> str:
    """sha256 over the suite name, its limit and the items it scores."""
    module = importlib.import_module(f"communique.evaluation.{SUITES[suite]}")
    ids_of = getattr(module, "subset_ids", None)
    if callable(ids_of):
        parts = [str(i) for i in ids_of(data_dir, spec["limit"])]
    else:
        parts = [_listing(data_dir / folder) for folder in spec["data"]]
    digest = hashlib.sha256()
    for part in (suite, str(spec["limit"]), *parts):
        digest.update(part.encode("utf-8") + b"\x1f")
    return digest.hexdigest()


def _listing(folder: Path) -> str:
    if not folder.is_dir():
        return f"{folder.name}: missing"
    rows = sorted(
        f"{p.relative_to(folder).as_posix()}:{p.stat().st_size}"
        for p in folder.rglob("*")
        if p.is_file()
    )
    return f"{folder.name}\x1e" + "\x1e".join(rows)


def pinnable(metric: str, value: float) -> bool:
    """Floors are for scores where higher is better, between 0 and 1 (not distances, AUCs of
    error curves or timings)."""
    lower_is_better = any(
        part in metric for part in ("_km", "auc", "error", "seconds", "actorless")
    )
    return 0.0 <= value <= 1.0 and not lower_is_better


def lowered_without_reason(history: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """History entries that lower a floor below an earlier value and give no reason."""
    bad: list[dict[str, Any]] = []
    highest = float("-inf")
    for entry in history:
        if entry["floor"] < highest and not str(entry.get("reason") or "").strip():
            bad.append(entry)
        highest = max(highest, entry["floor"])
    return bad


# --- the rules on the floors file (always run) ----------------------------------------------


def test_floors_file_names_known_suites_and_a_subset() -> None:
    for suite, spec in suite_specs().items():
        assert suite in SUITES, f"{suite}: not a registered suite"
        assert isinstance(spec["limit"], int) and spec["limit"] > 0, suite
        assert isinstance(spec.get("data"), list) and spec["data"], f"{suite}: no data folders"
        assert "subset_sha256" in spec, f"{suite}: no subset hash"


def test_floors_are_never_lowered_without_a_reason() -> None:
    for suite, spec in suite_specs().items():
        for metric, entry in spec["floors"].items():
            history = entry["history"]
            assert history, f"{suite}.{metric}: empty history"
            assert entry["floor"] == history[-1]["floor"], (
                f"{suite}.{metric}: floor {entry['floor']} differs from its last history entry; "
                "change floors with `python tests/test_eval_gate.py pin`"
            )
            assert 0.0 <= entry["tolerance"] <= 0.05, f"{suite}.{metric}: tolerance too wide"
            assert pinnable(metric, entry["floor"]), f"{suite}.{metric}: not a 0-1 score"
            assert not lowered_without_reason(history), (
                f"{suite}.{metric}: floor lowered without a recorded reason"
            )


def test_only_higher_is_better_scores_are_pinned() -> None:
    assert pinnable("type_micro_f1", 0.4)
    assert not pinnable("median_km_lgl", 0.0)
    assert not pinnable("auc_gwn", 0.3)
    assert not pinnable("count", 12.0)


def test_lowering_rule_catches_a_silent_drop() -> None:
    history = [{"floor": 0.6, "reason": "first pin"}, {"floor": 0.5}]
    assert lowered_without_reason(history) == [{"floor": 0.5}]
    history[1]["reason"] = "gold set re-annotated"
    assert lowered_without_reason(history) == []


# --- the gate -------------------------------------------------------------------------------

_RESULTS: dict[str, SuiteResult] = {}


def _measure(suite: str, spec: dict[str, Any]) -> SuiteResult:
    if suite not in _RESULTS:
        _RESULTS[suite] = run_suite(suite, DATA, spec["limit"])
    return _RESULTS[suite]


@pytest.mark.parametrize("suite", sorted(suite_specs()))
def test_suite_stays_above_its_floors(suite: str) -> None:
    if not DATA.is_dir():
        pytest.skip(f"gold data not present ({DATA.name} beside the repository)")
    spec = suite_specs()[suite]
    if not spec["floors"]:
        pytest.skip(f"{suite}: no floors pinned yet")
    try:
        digest = subset_digest(suite, spec)
        result = _measure(suite, spec)
    except SuiteUnavailableError as err:
        pytest.skip(str(err))
    assert digest == spec["subset_sha256"], (
        f"{suite}: the fixed evaluation subset changed (sha256 {digest}); re-pin on purpose"
    )
    failures = [
        f"{metric} {result.metrics.get(metric)} < floor {entry['floor']} - {entry['tolerance']}"
        for metric, entry in spec["floors"].items()
        if result.metrics.get(metric, float("-inf")) < entry["floor"] - entry["tolerance"]
    ]
    assert not failures, f"{suite}: " + "; ".join(failures)


# --- measuring and pinning (a command, not a test) -------------------------------------------


def _pin(suites: list[str], reason: str, tolerance: float) -> dict[str, Any]:
    floors = read_floors()
    today = datetime.now(UTC).date().isoformat()
    for suite in suites:
        spec = floors["suites"][suite]
        spec["subset_sha256"] = subset_digest(suite, spec)
        result = run_suite(suite, DATA, spec["limit"])
        for metric, value in result.metrics.items():
            if not pinnable(metric, value):
                continue
            entry = spec["floors"].setdefault(
                metric, {"floor": 0.0, "tolerance": tolerance, "history": []}
            )
            entry["floor"] = int(value * 1000) / 1000
            entry["history"].append(
                {
                    "floor": entry["floor"],
                    "date": today,
                    "reason": reason,
                    "command": f"communique eval {suite} --limit {spec['limit']}",
                }
            )
    return floors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="measure or pin the evaluation gate floors")
    parser.add_argument("action", choices=("measure", "pin"))
    parser.add_argument("suites", nargs="*")
    parser.add_argument("--reason", default="")
    parser.add_argument("--tolerance", type=float, default=0.02)
    parser.add_argument("--write", action="store_true", help="write the floors file")
    args = parser.parse_args(argv)
    suites = args.suites or sorted(suite_specs())
    if args.action == "measure":
        for suite in suites:
            spec = suite_specs()[suite]
            result = run_suite(suite, DATA, spec["limit"])
            print(json.dumps({**result.to_dict(), "subset_sha256": subset_digest(suite, spec)}))
        return 0
    if not args.reason.strip():
        parser.error("pin needs --reason")
    text = json.dumps(_pin(suites, args.reason, args.tolerance), indent=2) + "\n"
    if args.write:
        FLOORS_FILE.write_text(text, encoding="utf-8")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
