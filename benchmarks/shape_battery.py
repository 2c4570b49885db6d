"""Meetings and events on invented reports in many shapes (tests/data/shapes_*.jsonl).

    python benchmarks/shape_battery.py [--data PATH ...] [--format text|json] [--errors]

Batteries written in wire-news style by annotators who saw neither the rules nor the
system's output, labelled in the diplomatic-dev format (meetings with participants, status,
place and date; other events with PLOVER type, actor and recipient):

- ``shapes_meetings.jsonl``: 90 one-to-four-sentence items, one meeting shape each (tenses,
  voices, visits, receptions, summonses, multilateral, planned, cancelled, ongoing) and
  distractors (calls, hopes, denials, firms, sports);
- ``shapes_events.jsonl``: 90 items over the PLOVER types, in active, passive, nominal and
  reported shapes, with distractors;
- ``shapes_articles.jsonl``: 60 short articles (5-8 sentences: lead, details, reactions,
  background) with cross-sentence references;
- ``shapes_heldout.jsonl``: 60 more such articles, written after the rules the first three
  batteries led to, and scored once before any of their errors were read;
- ``shapes_domestic.jsonl`` and ``shapes_domestic_heldout.jsonl``: 40 articles each on domestic
  politics and unrest in 80 countries (protests, crackdowns, parties, courts, parliaments), with
  domestic actors coded with their country as the real articles' labels do; the second was
  scored once, before any of its errors were read;
- ``shapes_talks.jsonl`` and ``shapes_talks_heldout.jsonl``: 40 wire-style articles each, by two
  annotators working apart, on meetings in every status (a third planned, a fifth called off or
  postponed, a tenth under way), told late in the article, between people named by title, in
  the passive and as nouns, with calls, prospects, denials and background as distractors; the
  second is scored only at a round's start and end, its errors never read;
- ``shapes_talks_readouts.jsonl``: 40 more by a third annotator, in the styles of ministry
  readouts, state agencies and regional dailies (honorifics, titles, named commissions, "was to
  have been held", "in this capital").
- ``shapes_positions.jsonl``, ``shapes_stances.jsonl`` and ``shapes_positions_heldout.jsonl``: 40
  foreign-affairs reports each, by three annotators working apart, on the acts between states
  that diplomatic news tells besides meetings (stances in readouts, demands, accusations,
  rejections, sanctions, aid, calls; in reported speech, passives, nominalisations, with actors
  and targets named in earlier sentences, by title or by demonym); the third is scored only at a
  round's start and end, its errors never read.
- ``shapes_meetings_heldout2.jsonl``: 40 diplomatic reports (160 meetings: summits with their
  attending states, visits, courtesy calls, summonses, joint commissions, rounds; a fifth
  postponed or called off, a quarter planned), written and labelled by an annotator who saw
  neither the rules nor their output; scored only at a round's start and end, errors never read.
- ``shapes_reactions.jsonl`` and ``shapes_reactions_heldout.jsonl``: 20 reports each, by two
  annotators working apart who saw neither the rules nor the output, on disputes and the
  reactions to them (wire-agency style: expulsions, detentions, sanctions, criticism and
  replies, threats of retaliation, solidarity) and on bilateral positions (ministry readouts and
  state agencies: support, condolences, aid pledged and delivered, demands, rejections); 424
  events. Both were scored before any rule was written for them; the first is a development
  battery (its errors are read), the second is scored only at a round's start and end.
- ``shapes_wires.jsonl``: 40 diplomatic reports in the styles of ten wire agencies, ministry
  readouts and regional dailies (151 meetings, 157 other events), written and labelled by two
  annotators working apart who saw neither the rules nor their output. Scored blind once, before
  any rule was read against it (docs/EVALUATION.md gives that figure); a development battery
  since, its errors read. ``shapes_wires_heldout.jsonl``: 40 more of the same kind by two further
  annotators (128 meetings, 137 other events), written while the round's rules were being made
  and scored only at its end, its errors never read.
- ``shapes_news.jsonl`` and ``shapes_news_heldout.jsonl``: 20 full-length news stories each
  (300-650 words, 8-11 paragraphs: quotes, reactions, background with its own dates; a third
  mainly domestic: governments, oppositions, police, courts, protesters), by two annotators
  working apart who saw neither the rules nor their output, with every meeting and every other
  asserted act labelled (61 and 60 meetings, 230 and 218 other events). Both were scored blind
  at the start of the round they were written in; the first is a development battery since, its
  errors read; the second is scored only at a round's start and end, its errors never read.

The sentences are invented: these are unit-test material that shows which shapes generalise,
not a measure of quality on real news (docs/EVALUATION.md). Each item is one article, scored
with the same rules as ``communique eval articles`` (meeting match: participants, date, place;
event match: type, actor and recipient codes).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from communique import default_resources, extract_article
from communique.evaluation.articles import GoldEvent, LabelledArticle, Tally, metrics, score_article
from communique.evaluation.meetings import read_meeting
from communique.settings import CleanSettings, Settings

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
BATTERIES = (
    "shapes_meetings.jsonl",
    "shapes_events.jsonl",
    "shapes_articles.jsonl",
    "shapes_heldout.jsonl",
    "shapes_domestic.jsonl",
    "shapes_domestic_heldout.jsonl",
    "shapes_talks.jsonl",
    "shapes_talks_heldout.jsonl",
    "shapes_talks_readouts.jsonl",
    "shapes_positions.jsonl",
    "shapes_stances.jsonl",
    "shapes_positions_heldout.jsonl",
    "shapes_meetings_heldout2.jsonl",
    "shapes_reactions.jsonl",
    "shapes_reactions_heldout.jsonl",
    "shapes_wires.jsonl",
    "shapes_wires_heldout.jsonl",
    "shapes_news.jsonl",
    "shapes_news_heldout.jsonl",
)

#: The development batteries (their errors are read); the others are held out.
DEVELOPMENT = tuple(name for name in BATTERIES if "heldout" not in name)


def load(path: Path) -> list[LabelledArticle]:
    items = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            it = json.loads(line)
            published = date.fromisoformat(it["published"]) if it.get("published") else None
            meetings = tuple((read_meeting(m), m["status"]) for m in it.get("meetings", []))
            events = tuple(
                GoldEvent(e["type"], e.get("actor"), e.get("recipient"))
                for e in it.get("other_events", [])
            )
            items.append(LabelledArticle(it["id"], it["text"], published, meetings, events))
    return items


def score(items: list[LabelledArticle], errors: bool = False) -> dict[str, Any]:
    """The articles suite's figures on the items (short texts are not cut by the cleaner)."""
    resources = replace(
        default_resources(),
        settings=Settings(clean=CleanSettings(min_chars=1, require_english=False)),
    )
    total = Tally()
    wrong: list[str] = []
    for art in items:
        record = extract_article(art.text, published=art.published, resources=resources)
        one = Tally()
        score_article(one, art, record)
        score_article(total, art, record)
        if errors and (one.found < one.expected or one.ev_found < one.ev_expected):
            wrong.append(art.id)
    counts = {
        "meetings_found": f"{total.found}/{total.expected}",
        "meetings_correct": f"{total.correct}/{total.reported}",
        "meetings_with_status": f"{total.found_status}/{total.expected}",
        "events_found": f"{total.ev_found}/{total.ev_expected}",
        "events_correct": f"{total.ev_correct}/{total.ev_reported}",
        "actorless": f"{total.actorless}/{total.emitted}",
    }
    out: dict[str, Any] = {"metrics": metrics(total), "counts": counts}
    if errors:
        out["missed_items"] = wrong
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, nargs="*", help="battery files (default: all)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--errors", action="store_true", help="list items with a miss")
    args = parser.parse_args(argv)
    paths = args.data or [DATA / name for name in BATTERIES]
    results = {}
    for path in paths:
        if not path.is_file():
            print(f"shape_battery: no such file: {path}", file=sys.stderr)
            return 2
        results[path.name] = score(load(path), args.errors)
    if args.format == "json":
        print(json.dumps(results, indent=2))
        return 0
    for name, result in results.items():
        counts = result["counts"]
        print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        if args.errors:
            print("  items with a miss: " + " ".join(result["missed_items"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
