"""Wire-copy furniture around a story: agency sign-offs, story slugs, transmission markers.

Agency copy, old and new, opens and closes with lines that are no part of the story:

    sign-off   "Reuter", "REUTER", "(AP)", "-- AP", "AFP", "Reuters",
               an agency with transmission codes ("AP-NY-03-04-87 1342EST", "REUTER &#3;")
    slug       the story's filing name: "AM-Soviet-Arms", "BC-Trade-Talks 2ndLd-Writethru",
               with a selector code before it ("a0612 AM-Arms Talks, Bjt"),
               or hyphenated words with a word count ("Soviet-Arms,0450")
    marker     end-of-story and control marks: "^Z", "^C", "&#3;", "###", "-0-", "-30-", "(END)"

Such a line is chrome wherever it stands (category ``signoff``). Agency names come from
``data/agencies.csv``; an agency named inside a sentence or a dateline ("LONDON (Reuters) -")
is never touched, only a line that holds nothing else. Credit lines ("(Editing by ...)",
"(Reporting by ...)") and copyright notices are interface phrases of ``data/ui_phrases.csv``.
"""

from __future__ import annotations

import re
from functools import cache

from .dateline import parse_full_date
from .lexicon import load_agencies

#: The lexicon category of a sign-off, slug or marker line.
SIGNOFF = "signoff"

_MARK = r"(?:\^[A-Z@\[\]\\^_]|&#\d{1,3};|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f])"
_MARKERS = re.compile(rf"^(?:{_MARK}|#{{3,}}|-0-|-30-|\(END\)|\(end\)|END|NNNN|\s)+$")
_CODE = rf"(?:[A-Z0-9]+|{_MARK})(?:[-/:.]?(?:[A-Z0-9]+|{_MARK}))*"
_CODED = re.compile(rf"\d|{_MARK}")  # transmission codes carry a number or a control mark
_CYCLE = r"(?:AM|PM|BC|AP|UPI|[apru])"
_SLUG = re.compile(
    rf"^(?:[a-z]?\d{{3,4}}\s+)?{_CYCLE}-[A-Z][A-Za-z0-9'&]*(?:[-/][A-Za-z0-9'&]+)*"
    r"(?:[ ,]+[A-Za-z0-9'&][\w'&/-]*){0,4}[ ,]*$"
)
_COUNTED_SLUG = re.compile(r"^[A-Z][A-Za-z0-9']*(?:-[A-Z0-9][A-Za-z0-9']*)+,\d{3,4}$")
_MAX_CHARS = 80


@cache
def _signoff_pattern() -> re.Pattern[str]:
    """An agency name as written or in capitals ("Reuter", "REUTER"; "MAP" but not "Map")."""
    names = {form for name in load_agencies() for form in (name, name.upper())}
    agencies = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(
        rf"^[-–—=\s]*\(?\s*(?:{agencies})\s*\)?"  # "(AP)", "-- AP", "Reuter", "REUTER"
        rf"(?P<codes>(?:{_MARK}|[\s\-/]+{_CODE})*)[\s.]*$"  # "-NY-03-04-87 1342EST", "&#3;"
    )


def signoff_kind(line: str) -> str | None:
    """``SIGNOFF`` for an agency sign-off, story slug or transmission-marker line, else None."""
    text = line.strip()
    if not text or len(text) > _MAX_CHARS:
        return None
    if _MARKERS.match(text) or _SLUG.match(text) or _COUNTED_SLUG.match(text):
        return SIGNOFF
    found = _signoff_pattern().match(text)
    if found is None or (found["codes"].strip() and not _CODED.search(found["codes"])):
        return None  # "TT-RSS" is a name, not an agency with its transmission codes
    if parse_full_date(text) is not None:
        return None  # a dated agency line ("MAP 05 April 2018") is a date stamp, not chrome
    return SIGNOFF


def is_signoff(line: str) -> bool:
    return signoff_kind(line) is not None
