"""Hostile inputs through the real command line: peak memory, seconds and what was kept.

    python benchmarks/hostile_inputs.py [--articles N] [--skip-interrupt] [--big-html]
                                        [--format text|json]

Each case runs ``communique`` in a fresh process (the real model, no stand-ins) and reports its
exit code, wall-clock seconds and peak resident set (the process and the children it waited
for, from ``wait4``):

- ``bomb``: a 1 MB ``.jsonl.gz`` that inflates to 1 GiB, given to ``extract`` and ``ingest``;
- ``wall``: a 5 MB text with no line break, then a good article, in one ``extract`` and one
  ``ingest`` (the good article must be kept);
- ``sentence``: a one-sentence text;
- ``long``: an article of 400,000 characters in paragraphs (the language model reads at most
  ``limits.MAX_ARTICLE_CHARS`` of it); with ``--big-html`` also a 5 MB HTML page of short
  paragraphs (the HTML extraction's cost);
- ``interrupt``: SIGINT to ``ingest`` once a few articles are stored: seconds from the signal to
  the exit, the exit code, then the same command again (the resume) and the stored counts.

The articles are invented here (names, places and dates vary with a counter).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "communique.cli"]
PAIRS = [
    ("Chile", "Peru", "Lima"),
    ("Kenya", "Tanzania", "Nairobi"),
    ("Norway", "Finland", "Oslo"),
    ("Vietnam", "Thailand", "Hanoi"),
    ("Ghana", "Senegal", "Accra"),
    ("Poland", "Lithuania", "Warsaw"),
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
TOPICS = [
    "fisheries quotas",
    "rail links",
    "grain exports",
    "river pollution",
    "visa rules",
    "power lines",
    "port fees",
    "mining permits",
    "customs checks",
    "flood warnings",
    "airline routes",
    "refugee returns",
]


def article(n: int) -> str:
    """An invented wire story about a meeting; ``n`` varies the parties, place, day and the
    topics, so that no two stories are near copies."""
    a, b, city = PAIRS[n % len(PAIRS)]
    day = DAYS[n % len(DAYS)]
    topics = [TOPICS[(n * k + k) % len(TOPICS)] for k in (1, 5, 7)]
    return (
        f"{city} talks on {topics[0]}\n\n"
        f"The foreign ministers of {a} and {b} met in {city} on {day}, March {n % 27 + 1}, 2024, "
        f"to discuss {topics[0]} and {topics[1]}. Officials said the two ministers agreed to "
        f"meet again in {n % 9 + 2} weeks. {a}'s minister proposed a joint commission on "
        f"{topics[2]}, and {b} accepted the proposal, according to a statement issued after "
        f"the talks, the {n}th such meeting since the two countries signed their treaty.\n\n"
        f"Round {n}: negotiators from both sides worked through {n % 5 + 3} drafts on "
        f"{topics[1]} before the ministers arrived, a diplomat familiar with the talks said.\n"
    )


def run(args: list[str], *, cwd: Path) -> dict[str, Any]:
    """Run the CLI; exit code, seconds, peak RSS in MB and the last lines of standard error."""
    started = time.monotonic()
    with open(cwd / "stderr.txt", "wb") as err:
        proc = subprocess.Popen(
            [*CLI, *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=err, env=_env()
        )
        _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - started
    tail = (cwd / "stderr.txt").read_text(encoding="utf-8", errors="replace").strip()
    return {
        "exit": os.waitstatus_to_exitcode(status),
        "seconds": round(seconds, 1),
        "peak_rss_mb": usage.ru_maxrss // 1024,
        "stderr": tail.splitlines()[-4:],
    }


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO / "src")}


def write_bomb(path: Path, gib: int = 1) -> None:
    """A gzip stream of ``gib`` GiB of zero bytes (about 1 MB per GiB)."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"\0" * (1 << 20)
    with path.open("wb") as out:
        for _ in range(gib << 10):
            out.write(squeeze.compress(chunk))
        out.write(squeeze.flush())


def cases(folder: Path, big_html: bool) -> dict[str, dict[str, Any]]:
    bomb = folder / "bomb.jsonl.gz"
    write_bomb(bomb)
    wall = folder / "wall.txt"
    wall.write_text(("word " * 1_000_000).strip(), encoding="utf-8")  # 5 MB, no line break
    good = folder / "good.txt"
    good.write_text(article(1), encoding="utf-8")
    sentence = folder / "sentence.txt"
    sentence.write_text("The presidents of Ghana and Togo met in Lome on Friday.\n")
    long = folder / "long.txt"
    paragraphs = [article(n).split("\n\n", 1)[1].strip() for n in range(1200)]
    long.write_text("\n\n".join(paragraphs)[:400_000], encoding="utf-8")
    out: dict[str, dict[str, Any]] = {"inputs": {"bomb_bytes": bomb.stat().st_size}}
    out["bomb extract"] = run(["extract", str(bomb), "--format", "jsonl"], cwd=folder)
    out["bomb ingest"] = run(["ingest", str(bomb), "--db", "bomb.duckdb"], cwd=folder)
    out["wall+good extract"] = run(
        ["extract", str(wall), str(good), "--format", "jsonl"], cwd=folder
    )
    out["wall+good ingest"] = run(
        ["ingest", str(wall), str(good), "--db", "wall.duckdb"], cwd=folder
    )
    out["wall+good ingest"]["stored"] = _stored(folder / "wall.duckdb")
    out["sentence extract"] = run(["extract", str(sentence), "--format", "text"], cwd=folder)
    out["long extract"] = run(["extract", str(long), "--format", "jsonl"], cwd=folder)
    if big_html:
        page = folder / "page.html"
        body = "".join(f"<p>{p}</p>\n" for p in paragraphs * 10)
        page.write_text(f"<html><body><article>{body[: 5 << 20]}</article></body></html>")
        out["5 MB html extract"] = run(["extract", str(page), "--format", "jsonl"], cwd=folder)
    return out


def _stored(db: Path) -> int | None:
    sys.path.insert(0, str(REPO / "src"))
    from communique.store import open_store

    try:
        with open_store(db, read_only=True) as store:
            return int(store.counts().articles)
    except Exception:  # the writer holds it, or it does not exist yet
        return None


def interrupt(folder: Path, n: int, workers: int) -> dict[str, Any]:
    """SIGINT once three articles are stored; then the resume."""
    batch = folder / f"batch{workers}.jsonl"
    lines = [json.dumps({"text": article(i), "url": f"https://wire.invalid/{i}"}) for i in range(n)]
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = folder / f"interrupt{workers}.duckdb"
    args = ["ingest", str(batch), "--db", str(db), "--workers", str(workers)]
    with open(folder / "stderr.txt", "wb") as err:
        proc = subprocess.Popen([*CLI, *args], cwd=folder, stderr=err, env=_env())
        while proc.poll() is None and (_stored(db) or 0) < 3:
            time.sleep(1.0)
        before = _stored(db) or 0
        signalled = time.monotonic()
        proc.send_signal(signal.SIGINT)
        _, status, usage = os.wait4(proc.pid, 0)
    stop_seconds = time.monotonic() - signalled
    tail = (folder / "stderr.txt").read_text(encoding="utf-8").strip().splitlines()[-2:]
    stopped = _stored(db)
    resume = run(args, cwd=folder)
    return {
        "workers": workers,
        "stored_when_signalled": before,
        "exit": os.waitstatus_to_exitcode(status),
        "seconds_to_exit": round(stop_seconds, 1),
        "peak_rss_mb": usage.ru_maxrss // 1024,
        "stored_at_exit": stopped,
        "message": tail,
        "resume": resume,
        "stored_after_resume": _stored(db),
        "expected": n,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--articles", type=int, default=30, help="articles in the interrupted batch"
    )
    parser.add_argument("--skip-interrupt", action="store_true", help="only the input cases")
    parser.add_argument(
        "--big-html", action="store_true", help="also a 5 MB HTML page of 40,000 paragraphs"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="report format")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        report = cases(folder, args.big_html)
        if not args.skip_interrupt:
            report["interrupt 1 worker"] = interrupt(folder, args.articles, 1)
            report["interrupt 2 workers"] = interrupt(folder, args.articles, 2)
    if args.format == "json":
        print(json.dumps(report, indent=2))
        return
    for name, row in report.items():
        print(f"{name}:")
        for key, value in row.items():
            print(f"    {key}: {value}")


if __name__ == "__main__":
    main()
