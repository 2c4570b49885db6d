"""Datelines, and full dates (with a year) in dateline or stamp position on a flattened page.

Only three positions may give the publication date: a short date line in the page header
("12 January 2022", "Published: Jan 12, 2022 10:30"), an agency dateline opening the first body
paragraph ("GENEVA, Jan 10, 2022 (AFP) -") and a short stamp after the last paragraph
("MAP 05 April 2018"). A date inside the body text is never the publication date.

``read_dateline`` reads the wire dateline opening a paragraph: the place it was filed from,
the filing day and month (the year only where written) and the agency::

    WASHINGTON, March 4 -            BONN, June 9 -            LONDON (Reuters) -
    MOSCOW, Oct 3 (AFP) -            TOKYO, Jan 5 (Reuter) -   UNITED NATIONS, Nov. 2 (AP) --
    ABUJA, Nigeria, Feb 17 (AFP) -   Hanoi (VNA) -             GENEVA, Jan 10, 2022 (AFP) -

A place alone before the dash ("LONDON -") is a dateline only in capitals; a place in ordinary
case needs a date or an agency after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class Dateline:
    """A wire dateline: where and when the story was filed, by whom; ``end`` is the offset in
    the paragraph just after its dash (and the space after it)."""

    place: str
    month: int | None
    day: int | None
    year: int | None
    agency: str | None
    end: int

    @property
    def date(self) -> date | None:
        """The filing date when the dateline writes its year."""
        if self.year is None or self.month is None or self.day is None:
            return None
        return _build(str(self.year), self.month, str(self.day))


_PLACE_WORD = r"[A-Z][A-Za-z.'’-]*"
_PLACE = rf"(?P<place>{_PLACE_WORD}(?:[ ]{_PLACE_WORD}){{0,3}})"
_REGION = rf"(?:,[ ]*(?P<region>{_PLACE_WORD}(?:[ ]{_PLACE_WORD}){{0,2}}))"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
_D_MONTH = _MONTH.replace("<month>", "<month2>")
_D_DAY = _DAY.replace("<day>", "<day2>")
_D_YEAR = _YEAR.replace("<year>", "<year2>")
_WHEN = (
    rf"(?:,[ ]*(?i:{_WEEKDAY}(?:{_MONTH}[ ]+{_DAY}(?:,?[ ]+{_YEAR})?"
    rf"|{_D_DAY}[ ]+{_D_MONTH}(?:,?[ ]+{_D_YEAR})?"
    r"|(?P<numeric>\d{1,4}[./-]\d{1,2}[./-]\d{1,4}))))"
)
_AGENCY = r"(?:[ ]*\((?P<agency>[A-Za-z][^()\n]{0,29})\))"
_WIRE_DATELINE = re.compile(
    rf"^[ \t]*{_PLACE}{_REGION}??{_WHEN}?(?:{_AGENCY}|[ ]+(?P<bare>[A-Z][A-Za-z]{{1,20}}))?"
    r"[ ]*(?P<dash>-{1,2}|[–—]|:)(?:[ ]+|$)"
)


def _month_of(found: re.Match[str]) -> tuple[int | None, int | None, int | None]:
    """(month, day, year) of a dateline match; the numeric form needs its year."""
    for m, d, y in (("month", "day", "year"), ("month2", "day2", "year2")):
        if found[m]:
            year = int(found[y]) if found[y] else None
            return _MONTHS[found[m].lower().rstrip(".")], int(found[d]), year
    if found["numeric"]:
        full = parse_full_date(found["numeric"])
        if full is not None:
            return full.month, full.day, full.year
    return None, None, None


def read_dateline(paragraph: str, titled: bool = False) -> Dateline | None:
    """The wire dateline opening ``paragraph`` ("MOSCOW, Oct 3 (AFP) -"), else None. With
    ``titled``, also a place in title case with only a dash, when a capital follows ("Doha -
    The meeting ...", which a line such as "Ukraine - The talks" may also look like)."""
    found = _WIRE_DATELINE.match(paragraph)
    if found is None or found["place"].lower() in _MONTHS:
        return None
    month, day, year = _month_of(found)
    region, agency = found["region"], found["agency"]
    if found["bare"]:  # "TOKYO, July 17 Kyodo --": an agency unbracketed only after a date
        if month is None:
            return None
        agency = found["bare"]
    if region and region.isupper() and len(region) >= 3 and month is None and not agency:
        region, agency = None, region  # "Tehran, IRNA -": an agency written in capitals
    bare = month is None and not agency
    after = paragraph[found.end() : found.end() + 1]
    titled_ok = titled and found["dash"] != ":" and after.isupper()
    if bare and (not found["place"].isupper() or found["dash"] == ":") and not titled_ok:
        return None  # "Ukraine - the talks", "NOTE: ...": no dateline
    if region and region.split()[0].lower() in _MONTHS:
        return None
    if month is not None and not 1 <= (day or 0) <= 31:
        return None
    place = found["place"] + (f", {region}" if region else "")
    return Dateline(place, month, day, year, agency.strip() if agency else None, found.end())


def dateline_date(paragraph: str) -> date | None:
    """The date of an agency dateline opening ``paragraph`` ("CITY, 5 April 2018 (AFP) -")."""
    found = read_dateline(paragraph)
    if found is not None and found.date is not None:
        return found.date
    older = _DATELINE.match(paragraph)
    return parse_full_date(older["rest"]) if older else None


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
