"""The extract command: formats, bad input never a traceback, exit codes, batches continue."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from communique.cli import main

GOOD = (
    "Diplomacy\n\nMinisters meet in Oslo\n\n"
    "Norwegian Foreign Minister Espen Barth Eide met with his Swedish counterpart in Oslo on "
    "Tuesday, 5 March 2024. The two ministers discussed Arctic security and energy cooperation.\n"
)


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.slow
def test_cli_extract_json_and_bad_items_in_one_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], resources: object
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(256)) * 40)
    code, out, err = _run(
        ["extract", str(good), str(empty), str(binary), "--format", "jsonl"], capsys
    )
    assert code == 0
    lines = [json.loads(x) for x in out.splitlines()]
    assert len(lines) == 1 and lines[0]["schema"] == "communique.record/1"
    assert "skipped (empty)" in err and "skipped (binary)" in err and "Traceback" not in err


@pytest.mark.slow
def test_cli_extract_non_english_and_latin1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    german = tmp_path / "de.txt"
    german.write_text(
        "Die Außenminister der beiden Länder trafen sich am Montag in Berlin, um über die Lage "
        "in der Region zu sprechen. Sie vereinbarten, die Gespräche im nächsten Monat "
        "fortzusetzen, und betonten die Bedeutung der Zusammenarbeit "
        "für die Sicherheit in Europa.\n",
        encoding="utf-8",
    )
    code, out, err = _run(["extract", str(german)], capsys)
    assert code == 1 and "skipped (not_english)" in err and out == ""
    latin = tmp_path / "latin1.txt"
    accented = GOOD.replace("Oslo", "Besançon") + (
        "Later the délégation travelled to Zürich, Genève and Malmö, where the Außenminister of "
        "Germany joined the café meeting on the façade of the hôtel de ville.\n"
    )
    latin.write_bytes(accented.encode("cp1252"))
    code, out, _err = _run(["extract", str(latin)], capsys)
    assert code == 0 and "Besançon" in json.loads(out)["article"]["text"]


def test_cli_extract_usage_errors_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = _run(["extract", str(tmp_path / "missing.txt")], capsys)
    assert code == 2 and err.count("\n") == 1 and "no such file" in err
    code, _out, err = _run(["extract"], capsys)
    assert code == 2 and "PATH" in err
    code, _out, err = _run(["extract", "--example", "nope"], capsys)
    assert code == 2 and "no built-in example" in err


def test_cli_extract_bad_published_date(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["extract", "-", "--published", "12/01/2022"])
    assert exc.value.code == 2
    assert "not a date" in capsys.readouterr().err


def test_cli_extract_oversized_file_is_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (5 * 1024 * 1024))  # 25 MB, over the default 20 MB limit
    code, out, err = _run(["extract", str(big)], capsys)
    assert code == 1 and "skipped (too_large)" in err and out == ""


@pytest.mark.slow
def test_cli_extract_example_text_format_runs_as_a_program() -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "communique.cli",
            "extract",
            "--example",
            "summit-communique",
            "--format",
            "text",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "CONSULT" in proc.stdout and "Johannesburg" in proc.stdout
