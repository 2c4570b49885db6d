"""Full dates (with a year) in dateline or stamp position on a flattened page.

Only three positions may give the publication date: a short date line in the page header
("12 January 2022", "Published: Jan 12, 2022 10:30"), an agency dateline opening the first body
paragraph ("GENEVA, Jan 10, 2022 (AFP) -") and a short stamp after the last paragraph
("MAP 05 April 2018"). A date inside the body text is never the publication date.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TEXTUAL = (
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)")
_NUMERIC = re.compile(r"\b(?P<day>[0-3]?\d)[./](?P<month>[01]?\d)[./](?P<year>(?:19|20)\d\d)\b")
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'’-]{1,40},\s*(?P<rest>.{4,40}?)\s*(?:\([^)]{1,30}\)\s*)?[-–—:]"
)
_STAMP_MAX_WORDS = 10
_STAMP_WORD = re.compile(r"\w+")


def _build(year: str, month: int, day: str) -> date | None:
    try:
        return date(int(year), month, int(day))
    except ValueError:
        return None


def parse_full_date(text: str) -> date | None:
    """The first full date (day, month and year) written in ``text``, else None."""
    for pattern in _TEXTUAL:
        found = pattern.search(text)
        if found:
            month = _MONTHS[found["month"].lower()]
            return _build(found["year"], month, found["day"])
    for pattern in (_ISO, _NUMERIC):
        found = pattern.search(text)
        if found:
            return _build(found["year"], int(found["month"]), found["day"])
    return None


def stamp_date(line: str) -> date | None:
    """The date of a short stamp line (a date with at most a few words around it)."""
    if len(_STAMP_WORD.findall(line)) > _STAMP_MAX_WORDS:
        return None
    return parse_full_date(line)


def dateline_date(paragraph: str) -> date | None:
    """The date of an agency dateline opening ``paragraph`` ("CITY, 5 April 2018 (AFP) -")."""
    found = _DATELINE.match(paragraph)
    return parse_full_date(found["rest"]) if found else None


_TIME_WORDS = frozenset(
    {
        "am",
        "pm",
        "a",
        "p",
        "m",
        "utc",
        "gmt",
        "et",
        "est",
        "edt",
        "ct",
        "pt",
        "pst",
        "pdt",
        "cet",
        "cest",
        "bst",
        "ist",
        "msk",
        "published",
        "updated",
        "posted",
        "last",
        "modified",
        "on",
        "at",
        "ago",
        "h",
        "min",
        "mins",
        "hour",
        "hours",
        "minute",
        "minutes",
        "day",
        "days",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "of",
        "th",
        "st",
        "nd",
        "rd",
    }
)


def is_date_line(line: str) -> bool:
    """A line that only gives a date or time ("Nov. 20, 2019, 9:28 AM UTC", "2 days ago")."""
    tokens = _STAMP_WORD.findall(line.lower())
    if not tokens or not any(t.isdigit() for t in tokens):
        return False
    rest = [t for t in tokens if not t.isdigit() and t not in _MONTHS and t not in _TIME_WORDS]
    return not rest


_AGENCY_CODE = re.compile(r"^[A-Z][A-Z/&-]{1,9}$")
_LAST_SENTENCE_END = re.compile(r"[.!?”\"’)]\s+(?=\S[^.!?]*$)")


def trailing_stamp_date(paragraph: str) -> date | None:
    """The date of an agency stamp closing the last paragraph ("... ties. MAP 05 April 2018")."""
    found = _LAST_SENTENCE_END.search(paragraph)
    tail = paragraph[found.end() :] if found else paragraph
    words = tail.split()
    if not words or len(words) > _STAMP_MAX_WORDS:
        return None
    if _AGENCY_CODE.match(words[0]) and not is_date_line(words[0]):
        tail = " ".join(words[1:])
    return parse_full_date(tail) if is_date_line(tail) else None
