"""The command line at its edges, with a stand-in pipeline (no model): hostile inputs skipped with
a reason while the good article after them is kept, JSON written one record at a time, Ctrl-C in
ingest (exit 130 and a resume hint), codes in any case, help on every flag, one-line messages."""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import signal
import zlib
from pathlib import Path

import pytest

import communique.corpus.work as work
import communique.pipeline as pipeline
from communique.cli import build_parser, main
from communique.model import RawArticle, Record, Skip
from communique.store import open_store
from test_corpus_ingest import fake_process, story, write_jsonl


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "load_resources", lambda settings=None: object())
    monkeypatch.setattr(pipeline, "run", lambda raw, resources: fake_process(raw))
    monkeypatch.setattr(work, "run_pipeline", fake_process)


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_edges_huge_line_and_bomb_skipped_good_article_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_pipeline: None
) -> None:
    wall = tmp_path / "wall.txt"
    wall.write_text("word " * 1_000_000, encoding="utf-8")  # 5 MB, no line break
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = tmp_path / "bomb.jsonl.gz"
    bomb.write_bytes(squeeze.compress(b"\0" * (40 << 20)) + squeeze.flush())
    good = tmp_path / "good.txt"
    good.write_text(story(1), encoding="utf-8")
    code, out, err = _run(["extract", str(wall), str(bomb), str(good), "--format", "jsonl"], capsys)
    assert code == 0 and len(out.splitlines()) == 1
    assert f"{wall}: skipped (too_large): line 1 has 5,000,000 characters" in err
    assert f"{bomb}: skipped (too_large)" in err and "decompression bomb" in err
    assert "1 extracted, 2 skipped" in err


def test_cli_edges_json_of_several_records_is_one_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_pipeline: None
) -> None:
    src = write_jsonl(tmp_path / "b.jsonl", [story(1), story(2), "short"])
    code, out, err = _run(["extract", str(src)], capsys)
    records = json.loads(out)
    assert code == 0 and len(records) == 2
    assert out == json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    assert "skipped (no_article)" in err
    one = tmp_path / "one.txt"
    one.write_text(story(3), encoding="utf-8")
    _, single, _ = _run(["extract", str(one)], capsys)
    assert isinstance(json.loads(single), dict)


def test_cli_edges_gzip_jsonl_on_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, fake_pipeline: None
) -> None:
    data = gzip.compress("".join(json.dumps({"text": story(n)}) + "\n" for n in (4, 5)).encode())
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = _run(["extract", "-", "--format", "jsonl"], capsys)
    assert code == 0 and len(out.splitlines()) == 2


def _interrupting(raw: RawArticle) -> Record | Skip:
    if raw.origin.endswith(":2"):
        os.kill(os.getpid(), signal.SIGINT)
    return fake_process(raw)


def test_cli_edges_ingest_interrupt_exits_130_with_a_resume_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(work, "run_pipeline", _interrupting)
    src = write_jsonl(tmp_path / "a.jsonl", [story(n) for n in range(6)])
    db = tmp_path / "s.duckdb"
    code, _, err = _run(["ingest", str(src), "--db", str(db), "--no-progress"], capsys)
    assert code == 130
    assert "stopped by SIGINT" in err and "run the same command again" in err
    assert "extracted 2 articles" in err
    monkeypatch.setattr(work, "run_pipeline", fake_process)
    code, _, err = _run(["ingest", str(src), "--db", str(db), "--no-progress"], capsys)
    assert code == 0 and "4 new" in err and "2 already stored" in err
    with open_store(db, read_only=True) as store:
        assert store.counts().articles == 6


def test_cli_edges_codes_and_types_in_any_case() -> None:
    args = build_parser().parse_args(["events", "--db", "x", "--actor", "rus", "--type", "Consult"])
    assert (args.actor, args.type) == ("RUS", "CONSULT")


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


@pytest.mark.parametrize(
    "command", ["extract", "examples", "ingest", "events", "show", "export", "spark"]
)
def test_cli_edges_every_flag_has_help(command: str) -> None:
    sub = _subcommands(build_parser())[command]
    missing = [
        action.dest
        for action in sub._actions
        if not isinstance(action, argparse._HelpAction) and not action.help
    ]
    assert missing == []


@pytest.mark.parametrize(
    "args",
    [
        ["events", "--db", "nowhere.duckdb"],
        ["show", "X", "--db", "nowhere.duckdb"],
        ["ingest", "nowhere.txt", "--db", "s.duckdb"],
        ["extract", "nowhere.txt"],
        ["extract", "--example", "nowhere"],
        ["ingest", "x", "--db", "s.duckdb", "--workers", "0"],
    ],
)
def test_cli_edges_error_messages_are_one_line_with_a_newline(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = _run(args, capsys)
    assert code == 2 and err.endswith("\n") and err.count("\n") == 1, err


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_cli_edges_loading_notice_on_a_terminal_only() -> None:
    terminal, pipe = _Terminal(), io.StringIO()
    work.notify_loading(terminal)
    work.notify_loading(pipe)
    assert terminal.getvalue() == "communique: loading models…\n" and pipe.getvalue() == ""


def test_cli_edges_spark_signal_cancels_the_jobs() -> None:
    from communique.spark.stop import SparkInterrupted, cancel_on_signal

    class _Context:
        cancelled = 0

        def cancelAllJobs(self) -> None:  # Spark's name
            self.cancelled += 1

    class _Session:
        sparkContext = _Context()  # Spark's name

    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(SparkInterrupted) as stop, cancel_on_signal("b1") as holder:
        holder.session = _Session()
        os.kill(os.getpid(), signal.SIGTERM)  # the handler runs as the call returns
    assert stop.value.batch == "b1" and stop.value.signal_name == "SIGTERM"
    assert _Session.sparkContext.cancelled == 1
    assert signal.getsignal(signal.SIGTERM) == before
