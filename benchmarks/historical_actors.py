"""Actors of historical meetings (1972-2015) resolved from the article's own date.

    python benchmarks/historical_actors.py [--format text|json] [--errors]

Fifteen invented wire-style sentences about meetings of officials of states that no longer
exist (the Soviet Union, East Germany, Yugoslavia, Czechoslovakia, Serbia and Montenegro), of
the PLO (coded PSE) and of their counterparts, each with a publication date. The expected
country of every named participant was written down before the system was run on them.

Each sentence is read as its own article (the pipeline, with the date passed as the
publication date). Two figures:

- participants: sentences where every named participant resolves to an entity whose
  ``country`` is the expected code (a person found only by a partial name counts when the
  entity's mentions cover the name as written);
- meetings: sentences with a CONSULT event whose actors' codes or countries include every
  expected code.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import date
from typing import Any

from communique.model import Record


@dataclass(frozen=True)
class Case:
    published: str
    text: str
    participants: tuple[tuple[str, str], ...]  # (name as written, expected country code)


# Written and labelled before the system was run on them.
CASES: tuple[Case, ...] = (
    Case(
        "1987-09-16",
        "Soviet Foreign Minister Eduard Shevardnadze met Secretary of State George Shultz in "
        "Washington on Tuesday to discuss a treaty on intermediate-range missiles.",
        (("Eduard Shevardnadze", "SUN"), ("George Shultz", "USA")),
    ),
    Case(
        "1987-09-08",
        "Erich Honecker, the East German leader, met Chancellor Helmut Kohl in Bonn on Monday "
        "at the start of the first such visit by a head of the communist state.",
        (("Erich Honecker", "DDR"), ("Helmut Kohl", "DEU")),
    ),
    Case(
        "1988-03-15",
        "Yugoslav Prime Minister Branko Mikulic received Greek Prime Minister Andreas "
        "Papandreou in Belgrade on Monday for talks on trade and the Balkan conference.",
        (("Branko Mikulic", "YUG"), ("Andreas Papandreou", "GRC")),
    ),
    Case(
        "1993-09-13",
        "PLO leader Yasser Arafat and Israeli Prime Minister Yitzhak Rabin met at the White "
        "House on Monday before signing the declaration of principles.",
        (("Yasser Arafat", "PSE"), ("Yitzhak Rabin", "ISR")),
    ),
    Case(
        "1997-03-21",
        "Clinton and Yeltsin met in Helsinki on Friday for a second day of talks on NATO "
        "enlargement and arms reductions.",
        (("Clinton", "USA"), ("Yeltsin", "RUS")),
    ),
    Case(
        "1972-05-23",
        "President Richard Nixon met Soviet leader Leonid Brezhnev in Moscow on Tuesday, the "
        "first day of a summit expected to produce an arms limitation agreement.",
        (("Richard Nixon", "USA"), ("Leonid Brezhnev", "SUN")),
    ),
    Case(
        "1989-12-03",
        "Gorbachev and Bush met aboard a cruise ship off Malta on Saturday, with storms forcing "
        "the cancellation of part of the programme.",
        (("Gorbachev", "SUN"), ("Bush", "USA")),
    ),
    Case(
        "1990-07-16",
        "Kohl met Gorbachev in the Caucasus on Monday and said afterwards that the talks had "
        "cleared the way for a united Germany to choose its own alliance.",
        (("Kohl", "DEU"), ("Gorbachev", "SUN")),
    ),
    Case(
        "2002-04-10",
        "Yugoslav President Vojislav Kostunica and Croatian President Stjepan Mesic held talks "
        "in Sarajevo on Wednesday on the return of refugees.",
        (("Vojislav Kostunica", "YUG"), ("Stjepan Mesic", "HRV")),
    ),
    Case(
        "2005-06-09",
        "Serbia and Montenegro's foreign minister, Vuk Draskovic, met Slovenian Foreign "
        "Minister Dimitrij Rupel in Ljubljana on Thursday.",
        (("Vuk Draskovic", "SCG"), ("Dimitrij Rupel", "SVN")),
    ),
    Case(
        "1979-06-18",
        "Carter and Brezhnev signed the strategic arms treaty in Vienna on Monday after two "
        "days of talks.",
        (("Carter", "USA"), ("Brezhnev", "SUN")),
    ),
    Case(
        "1986-10-11",
        "Reagan and Gorbachev opened their meeting in Reykjavik on Saturday with a session "
        "that lasted more than two hours.",
        (("Reagan", "USA"), ("Gorbachev", "SUN")),
    ),
    Case(
        "1990-04-09",
        "Czechoslovak President Vaclav Havel met Polish President Wojciech Jaruzelski in "
        "Bratislava on Monday.",
        (("Vaclav Havel", "CSK"), ("Wojciech Jaruzelski", "POL")),
    ),
    Case(
        "1989-10-02",
        "Canada's External Affairs Minister Joe Clark met his Soviet counterpart, Eduard "
        "Shevardnadze, in Ottawa on Monday.",
        (("Joe Clark", "CAN"), ("Eduard Shevardnadze", "SUN")),
    ),
    Case(
        "1987-06-04",
        "Oskar Fischer, East Germany's foreign minister, held talks with his Yugoslav "
        "counterpart Raif Dizdarevic in East Berlin on Thursday.",
        (("Oskar Fischer", "DDR"), ("Raif Dizdarevic", "YUG")),
    ),
)


def _participant_ok(record: Record, name: str, expected: str) -> bool:
    return any(
        entity.country == expected
        and any(name in m.text or m.text in name for m in entity.mentions if len(m.text) > 2)
        for entity in record.entities
    )


def _meeting_ok(record: Record, expected: set[str]) -> bool:
    by_id = {e.id: e for e in record.entities}
    for event in record.events:
        if event.type != "CONSULT":
            continue
        codes = {c for i in event.actors if (e := by_id.get(i)) for c in (e.code, e.country) if c}
        if expected <= codes:
            return True
    return False


def evaluate() -> dict[str, Any]:
    from communique.model import RawArticle, Skip
    from communique.pipeline import load_resources, run
    from communique.settings import CleanSettings, Settings

    resources = load_resources(Settings(clean=CleanSettings(min_chars=1, require_english=False)))
    rows = []
    for i, case in enumerate(CASES):
        raw = RawArticle(
            content=case.text,
            kind="text",
            published=date.fromisoformat(case.published),
            origin=f"historical:{i}",
        )
        record = run(raw, resources)
        if isinstance(record, Skip):
            rows.append({"text": case.text, "participants": False, "meeting": False, "got": []})
            continue
        got = [(e.name, e.kind, e.code, e.country) for e in record.entities]
        rows.append(
            {
                "text": case.text,
                "published": case.published,
                "participants": all(_participant_ok(record, n, c) for n, c in case.participants),
                "meeting": _meeting_ok(record, {c for _, c in case.participants}),
                "expected": list(case.participants),
                "got": got,
            }
        )
    return {
        "items": len(rows),
        "participants_resolved": sum(r["participants"] for r in rows),
        "meetings_with_all_parties": sum(r["meeting"] for r in rows),
        "rows": rows,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--errors", action="store_true", help="list every sentence that fails")
    args = parser.parse_args(argv)
    result = evaluate()
    if args.format == "json":
        json.dump(result, sys.stdout, indent=1)
        print()
        return 0
    n = result["items"]
    print(
        f"sentences {n}  all participants resolved {result['participants_resolved']}/{n}  "
        f"meeting with every party {result['meetings_with_all_parties']}/{n}"
    )
    if args.errors:
        for row in result["rows"]:
            if not (row["participants"] and row["meeting"]):
                print(f"  [{row.get('published')}] {row['text']}")
                print(f"      expected {row.get('expected')}  got {row['got']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
