"""Hard-wrapped text against the same text unwrapped, on the annotated diplomatic articles.

    python benchmarks/wrapped_text.py [--items DIR] [--width 65] [--scorer PATH] [--cmd communique]

Old wire copy and many plain-text archives break every line near a fixed width. The reader must
give the same record either way, so this benchmark takes each annotated article, hard-wraps
its text at ``--width`` characters with ``textwrap`` (paragraph breaks kept as blank lines,
nothing else added) and runs the article scorer (``score_articles.py``) on the original items
and on the wrapped copies. The copies live in a temporary folder only; nothing is written into
the repository. Prints both score reports and says whether the meeting lines agree.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ITEMS = SHARED / "data" / "diplomatic-dev" / "items"
SCORER = SHARED / "tools" / "score_articles.py"


def hard_wrap(text: str, width: int) -> str:
    """``text`` with each paragraph (a line, or lines between blank lines) wrapped at ``width``;
    paragraphs are separated by one blank line."""
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    return "\n\n".join(textwrap.fill(paragraph, width) for paragraph in paragraphs)


def write_wrapped(source: Path, target: Path, width: int) -> int:
    """Copy every item of ``source`` into ``target`` with its text hard-wrapped."""
    count = 0
    for path in sorted(source.glob("*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        item["text"] = hard_wrap(item["text"], width)
        (target / path.name).write_text(json.dumps(item, ensure_ascii=False), encoding="utf-8")
        count += 1
    return count


def score(scorer: Path, items: Path, cmd: str) -> str:
    done = subprocess.run(
        [sys.executable, str(scorer), "--items", str(items), "--cmd", cmd],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"scorer failed on {items}:\n{done.stderr}")
    return done.stdout.strip()


def meeting_line(report: str) -> str:
    return next((line for line in report.splitlines() if "meetings" in line), "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=Path, default=ITEMS)
    parser.add_argument("--width", type=int, default=65)
    parser.add_argument("--scorer", type=Path, default=SCORER)
    parser.add_argument("--cmd", default="communique")
    args = parser.parse_args()
    plain = score(args.scorer, args.items, args.cmd)
    with tempfile.TemporaryDirectory(prefix="wrapped-items-") as folder:
        count = write_wrapped(args.items, Path(folder), args.width)
        wrapped = score(args.scorer, Path(folder), args.cmd)
    print(f"unwrapped ({count} items)\n{plain}\n")
    print(f"wrapped at {args.width} characters\n{wrapped}\n")
    same = meeting_line(plain) == meeting_line(wrapped)
    print("meetings: same" if same else "meetings: DIFFERENT")


if __name__ == "__main__":
    main()
