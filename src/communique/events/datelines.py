"""Datelines: "ANKARA, May 3 (Reuters) -", "Hanoi (VNA) -", also run into the headline on one
line. The dateline's date is the filing's, its place the report's, its country no party of the
lead."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Entity, PlaceMention
from .arguments import place_descriptor
from .syntax import Parse


def named_after(e: Entity, offset: int, parse: Parse, n: int) -> bool:
    s = parse.annotated.sentences[n]
    here = [span.start for span in e.mentions if s.start <= span.start < s.end]
    after = [k for k in here if k >= offset and not place_descriptor(parse, parse.token_at(k))]
    return not here or bool(after)


def _dateline_end(text: str, start: int) -> int:
    """Where the dateline that starts at ``start`` ends: after its dash."""
    line_end = text.find("\n", start)
    line = text[start : line_end if line_end >= 0 else len(text)]
    # "MOSCOW - ", "(Reuters) -", or an agency in brackets and no dash: "(Prensa Latina) The"
    dash = re.search(
        r"\s(?:-{1,2}|\u2013|\u2014)\s|\)\s*(?:-{1,2}|\u2013|\u2014)|\)\.?\s(?=[A-Z])", line
    )
    return start + dash.end() if dash and dash.start() < 80 else start


DATELINE_END = re.compile(r"^\s*(?:,[^,\n(]{2,30})?\s*(?:,|\(|[-\u2013\u2014]|\d)")

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"
#: What follows a dateline's place written in title case, when no agency in brackets does:
#: a date ("Jeddah, July 19, 2023, SPA --", "Astana, 3 July 2024 -"), an agency in capitals
#: ("Tehran, IRNA -") or a dash ("Brasilia - President ...").
TITLED_REST = re.compile(
    rf"\s*,\s*(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}})(?:,?\s*\d{{4}})?\s*(?:\(|,|[-\u2013\u2014])"
    r"|\s*,\s*[A-Z]{3,}\s*[-\u2013\u2014]"
    r"|\s+[-\u2013\u2014]{1,2}\s+[A-Z]"
)


def dateline(
    parse: Parse, places: tuple[PlaceMention, ...]
) -> tuple[int, int, PlaceMention | None] | None:
    """The dateline ("ANKARA, May 3 (Reuters) -", "Hanoi (VNA) -"): a name written first on a
    line near the start of the text, in capitals or followed by an agency, then a date, an agency
    or a dash. Returns its start, where it ends (after the dash) and its place where the name is
    a known city."""
    return dateline_in(parse.text, places)


def dateline_in(
    text: str, places: tuple[PlaceMention, ...]
) -> tuple[int, int, PlaceMention | None] | None:
    """``dateline`` on the bare text, for steps that run before the parse is built."""
    head = text[:300]
    starts = [0] + [k + 1 for k, ch in enumerate(head) if ch == "\n"]
    # a headline run into the dateline on one line: "... escalates. NAIROBI, Nov 15 (Reuters) -"
    starts += [m.end() for m in re.finditer(r"[.!?] (?=[A-Z]{2})", head)]
    for line_start in sorted(set(starts)):
        line = text[line_start : line_start + 120]
        word = re.match(r"\s*([A-Z][A-Za-z.' ]{1,30}?)(?=\s*(?:,|\(|\s[-\u2013\u2014]))", line)
        if not word:
            continue
        name = word.group(1).strip()
        rest = line[word.end(1) :]
        found = [p for p in places if p.text.lower() == name.lower() and p.kind != "country"]
        capitals = name.isupper() and len(name) > 3
        agency = re.match(r"\s*\([^)]{1,30}\)", rest)
        if not capitals and not agency and not (found and TITLED_REST.match(rest)):
            continue
        if not DATELINE_END.match(rest):
            continue
        at = line_start + line.index(name)
        end = _dateline_end(text, at)
        place = replace(found[0], start=at, end=at + len(name), text=name) if found else None
        return at, end, place
    return None
