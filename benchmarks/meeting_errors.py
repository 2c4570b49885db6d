"""Why meetings are missed or wrongly reported, counted by cause, on invented batteries or on the
annotated real development part.

    python benchmarks/meeting_errors.py tests/data/shapes_talks.jsonl [...] [--list]
    python benchmarks/meeting_errors.py dev            # the real development part

An annotated meeting no reported meeting matches is missed because of its date (a reported
meeting has its parties but another day, or none), its place (parties and date, another place
or none), or its parties (the best reported meeting names only some of them), or nothing names
any of its parties. A reported meeting no annotated one matches is near one in date, near one
in place, partial (shares some parties), or spurious. Matching is the scorer's (participants but
at most one, date prefix, city or country). ``--list`` prints each case.
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import replace
from pathlib import Path

from shape_battery import load

from communique import default_resources, extract_article
from communique.evaluation.articles import load_labelled
from communique.evaluation.meetings import (
    AnnotatedMeeting,
    ReportedMeeting,
    meeting_matches,
    reported_meetings,
)
from communique.evaluation.runner import default_data_dir
from communique.settings import CleanSettings, Settings


def _enough(g: AnnotatedMeeting, r: ReportedMeeting) -> bool:
    return len(g.participants & r.participants) >= max(1, len(g.participants) - 1)


def _dated(g: AnnotatedMeeting, r: ReportedMeeting) -> bool:
    return not g.date or (r.start or "").startswith(g.date)


def missed_cause(g: AnnotatedMeeting, reported: list[ReportedMeeting]) -> str:
    sided = [r for r in reported if _enough(g, r)]
    if sided and not any(_dated(g, r) for r in sided):
        return "date-none" if all(not r.start for r in sided) else "date-wrong"
    if sided:
        placed = [r for r in sided if _dated(g, r)]
        return "place-none" if all(not r.place and not r.country for r in placed) else "place-wrong"
    if any(g.participants & r.participants for r in reported):
        return "parties-partial"
    return "nothing"


def false_cause(r: ReportedMeeting, golds: list[AnnotatedMeeting]) -> str:
    sided = [g for g in golds if _enough(g, r)]
    if sided:
        return "near-place" if any(_dated(g, r) for g in sided) else "near-date"
    return "partial" if any(g.participants & r.participants for g in golds) else "spurious"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sources", nargs="+", help="battery .jsonl files, or 'dev'")
    ap.add_argument("--list", action="store_true", help="print each case")
    args = ap.parse_args()
    clean = CleanSettings(min_chars=1, require_english=False)
    res = replace(default_resources(), settings=Settings(clean=clean))
    missed: Counter[str] = Counter()
    false: Counter[str] = Counter()
    for source in args.sources:
        path = Path(source)
        items = (
            load(path) if source.endswith(".jsonl") else load_labelled(default_data_dir(), source)
        )
        for art in items:
            rec = extract_article(art.text, published=art.published, resources=res)
            reported = reported_meetings(rec) if rec is not None else []
            golds = [g for g, _ in art.meetings]
            for g in golds:
                if not any(meeting_matches(g, r) for r in reported):
                    cause = missed_cause(g, reported)
                    missed[cause] += 1
                    if args.list:
                        print(f"missed {cause:16} {art.id} {sorted(g.participants)} {g.date}")
            for r in reported:
                if not any(meeting_matches(g, r) for g in golds):
                    cause = false_cause(r, golds)
                    false[cause] += 1
                    if args.list:
                        print(f"false  {cause:16} {art.id} {sorted(r.participants)} {r.start}")
    print("missed:", dict(missed.most_common()))
    print("reported, matching none:", dict(false.most_common()))


if __name__ == "__main__":
    main()
