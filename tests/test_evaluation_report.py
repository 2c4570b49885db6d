"""The markdown report prints every metric of ours beside each baseline, '–' where a tool has
no figure, and the notes and sources of the run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.evaluation.report import main, table

RESULT = {
    "suite": "demo",
    "items": 3,
    "metrics": {"f1": 0.5, "mean_km": 1234.5},
    "baselines": {"simple": {"f1": 0.25}},
    "published": {"tool": {"f1": 0.75}},
    "sources": {"tool": "Someone 2020"},
    "notes": ["three items"],
    "seconds": 1.0,
}


def test_table_rows_columns_and_notes() -> None:
    out = table(RESULT)
    lines = out.splitlines()
    assert lines[0] == "| metric | communique | simple | tool, published |"
    assert "| `f1` | 0.500 | 0.250 | 0.750 |" in lines
    assert "| `mean_km` | 1,234 | – | – |" in lines or "| `mean_km` | 1,235 | – | – |" in lines
    assert "*tool*: Someone 2020" in out
    assert "- three items" in out


def test_cli_reads_files_and_reports_bad_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "demo.json"
    good.write_text(json.dumps(RESULT), encoding="utf-8")
    assert main([str(good)]) == 0
    assert "### demo (3 items)" in capsys.readouterr().out
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main([str(bad)]) == 2
    assert "bad.json" in capsys.readouterr().err
