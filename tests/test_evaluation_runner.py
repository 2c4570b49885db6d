"""The suite registry, the data-directory rule and the ``eval`` sub-command."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from communique.cli_eval import eval_command, register, result_table
from communique.errors import EvaluationError
from communique.evaluation import (
    SuiteResult,
    SuiteUnavailableError,
    load_suite,
    resolve_data_dir,
    run_suite,
    runner,
    suite_names,
)


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="communique")
    register(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(argv)


def test_registry_names_every_issue_suite() -> None:
    assert {"boilerplate", "time", "geo", "events"} <= set(suite_names())


def test_unknown_suite_is_an_evaluation_error() -> None:
    with pytest.raises(EvaluationError, match="unknown suite"):
        load_suite("nonsense")


def test_missing_suite_module_is_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(runner.SUITES, "ghost", "ghost_suite_that_does_not_exist")
    with pytest.raises(SuiteUnavailableError, match="not available"):
        load_suite("ghost")


def test_missing_data_dir_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="not found"):
        resolve_data_dir(tmp_path / "absent")


def test_default_data_dir_is_found_beside_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "shared" / "data"
    data.mkdir(parents=True)
    work = tmp_path / "repo"
    work.mkdir()
    monkeypatch.chdir(work)
    assert resolve_data_dir(None) == data.resolve()


def test_nonpositive_limit_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="limit"):
        run_suite("events", tmp_path, limit=0)


def _fake_run(data_dir: Path, limit: int | None = None) -> SuiteResult:
    return SuiteResult(
        suite="fake",
        items=limit or 3,
        metrics={"f1": 0.5},
        baselines={"majority": {"f1": 0.25}},
        published={"paper": {"f1": 0.75}},
    )


@pytest.fixture
def fake_suite(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(runner.SUITES, "fake", "fake")
    monkeypatch.setattr(runner, "load_suite", lambda name: _fake_run)


def test_run_suite_times_the_run(fake_suite: None, tmp_path: Path) -> None:
    result = run_suite("fake", tmp_path, limit=2)
    assert result.items == 2
    assert result.seconds > 0.0


def test_eval_json_output_has_the_contract_keys(
    fake_suite: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = argparse.Namespace(suite="fake", data=tmp_path, format="json", limit=None)
    assert eval_command(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"suite", "items", "metrics", "baselines", "seconds"} <= set(out)
    assert out["metrics"] == {"f1": 0.5}
    assert out["baselines"] == {"majority": {"f1": 0.25}}


def test_eval_error_is_one_line_and_exit_code_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = _parse(["eval", "events", "--data", str(tmp_path / "absent"), "--format", "json"])
    assert args.handler(args) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("communique eval:") and "\n" not in err


def test_text_table_puts_ours_beside_baselines_and_published() -> None:
    table = result_table(_fake_run(Path(".")))
    headers = [str(c.header) for c in table.columns]
    assert headers == ["metric", "communique", "majority", "paper"]
    assert table.row_count == 1


def test_published_figure_named_like_a_baseline_gets_its_own_column() -> None:
    result = SuiteResult(
        suite="fake",
        items=1,
        metrics={"f1": 0.5},
        baselines={"tool": {"f1": 0.4}},
        published={"tool": {"f1": 0.9}},
    )
    table = result_table(result)
    assert [str(c.header) for c in table.columns] == [
        "metric",
        "communique",
        "tool",
        "tool (published)",
    ]
    assert list(table.columns[3].cells) == ["0.900"]
