"""The time grammar: regular patterns over the text, each turned into a ``Candidate``.

Every pattern is tried everywhere; overlapping candidates are settled longest-first
(``select``), then a clock time next to a date merges with it (``merge_clock_dates``).
Candidates are unresolved: "last Monday" keeps ``weekday=0, rel="last"`` and is anchored
later (``normalise``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from .candidate import Builder, Candidate, Clock
from .clock import CLOCK_CORE, clock_builder, military_builder, noon_builder
from .lexicon import (
    DAY_PATTERN,
    MONTH_PATTERN,
    ORDINAL_WORDS,
    SEASONS,
    WEEKDAY_PATTERN,
    YEAR_PATTERN,
    day_number,
    month_number,
    number_value,
    weekday_number,
    zone_pattern,
)
from .settle import merge_clock_dates, select, settle_numeric_order
from .units import (
    _ago,
    _bare_units,
    _duration,
    _half,
    _preceded,
    _quarter,
    _unit_edge,
    _unit_key,
    _year,
)
from .window import near_words, reach, short_runs

_MOD = (
    r"(?:(?P<mod>(?i:early|mid|late|the end of|the beginning of|the start of|the middle of))"
    r"[-\s]+)?"
)
_NUM = (
    r"(?:\d+(?:,\d{3})*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty"
    r"|fifty|sixty|hundred|a hundred|a dozen|dozen|several|a few|few|many|some"
    r"|a couple of|couple of|(?:twenty|thirty|forty|fifty)[- ](?:one|two|three|four|five|six"
    r"|seven|eight|nine))"
)
_QUANT = (
    r"almost|nearly|about|around|some|more than|over|at least|just|a mere|only|roughly"
    r"|approximately|up to|less than|fewer than"
)
_UNIT = r"(?P<unit>second|minute|hour|day|night|week|month|quarter|year|decade|centur(?:y|ie))s?"
_DASH = r"\s*(?:-|–|—|to|through|until|and)\s*"


def _mod(m: re.Match[str]) -> str | None:
    value = m.groupdict().get("mod")
    return value.lower().replace("the ", "").split()[0] if value else None


def _dmy(m: re.Match[str]) -> Candidate | None:
    day, day_end = day_number(m["d"]), (day_number(m["d2"]) if m["d2"] else None)
    month = month_number(m["m"])
    if day_end is not None and day_end <= day:
        return None
    return Candidate(
        m.start(),
        m.end(),
        "range" if day_end else "date",
        year=_year(m["y"]),
        month=month,
        day=day,
        weekday=weekday_number(m["wd"]) if m["wd"] else None,
        day_end=day_end,
        month_end=month if day_end else None,
        year_end=_year(m["y"]) if day_end else None,
    )


def _month_range(m: re.Match[str]) -> Candidate | None:
    year = _year(m["y"])
    return Candidate(
        m.start(),
        m.end(),
        "range",
        year=year,
        month=month_number(m["m"]),
        day=day_number(m["d"]),
        month_end=month_number(m["m2"]),
        day_end=day_number(m["d2"]),
        year_end=year,
    )


def _month(m: re.Match[str]) -> Candidate | None:
    word = m["m"]
    rel = m["rel"].lower() if m["rel"] else None
    if word in {"May", "MAY"} and not (m["y"] or rel or m["mod"] or _preceded(m, _MAY_CUES)):
        return None  # the modal verb "May ..."
    if word.rstrip(".").lower() in {"mar", "jun", "jul", "sep"} and not m["y"]:
        return None
    bare = not (m["y"] or rel or m["mod"])
    if bare and not _preceded(m, _MAY_CUES) and _NAME_NEXT.match(m.string, m.end()):
        return None  # a first name: "April Ryan asked"
    return Candidate(
        m.start(),
        m.end(),
        "month",
        year=_year(m["y"]),
        month=month_number(word),
        rel=rel,
        mod=_mod(m),
    )


_NAME_NEXT = re.compile(r" [A-Z][a-z]+\b")
_MAY_CUES = re.compile(
    r"(?:in|since|until|till|by|of|from|before|after|during|early|late|mid|"
    r"to|and|or|between|through|last|next|this|,)\s*$",
    re.IGNORECASE,
)


def _month_of_year(m: re.Match[str]) -> Candidate | None:
    """ "January last year": the month in the year before (after, of) the anchor's."""
    return Candidate(
        m.start(), m.end(), "month", month=month_number(m["m"]), rel=f"{m['rel'].lower()} year",
        mod=_mod(m),
    )  # fmt: skip


_NUMBERED = re.compile(
    r"\b(?:[Rr]esolution|[Rr]esolutions|No\.?|[Nn]umber|Article|Section|Flight|Route|Room"
    r"|Highway|[Pp]rotocol|[Pp]age|[Pp]ages|[Vv]ol\.?|[Uu]nit|[Bb]atch|[Ll]aw|[Dd]ecree)\s+$"
)


def _year_expr(m: re.Match[str]) -> Candidate | None:
    if _preceded(m, _NUMBERED):
        return None  # "Resolution 1973", "Flight 2019"
    year = int(m["y"])
    end = m["y2"]
    if end:
        year_end = int(end) if len(end) == 4 else int(str(year)[:2] + end)
        if year_end <= year:
            return None
        return Candidate(m.start(), m.end(), "year", year=year, year_end=year_end, mod=_mod(m))
    return Candidate(m.start(), m.end(), "year", year=year, mod=_mod(m))


def _decade(m: re.Match[str]) -> Candidate | None:
    text = m["y"]
    year = int(text) if len(text) == 4 else 1900 + int(text)
    return Candidate(m.start(), m.end(), "decade", year=year, mod=_mod(m))


def _century(m: re.Match[str]) -> Candidate | None:
    word = m["n"].lower()
    number = ORDINAL_WORDS.get(word) or int(re.sub(r"\D", "", word) or 0)
    if not 1 <= number <= 22:
        return None
    return Candidate(m.start(), m.end(), "century", year=(number - 1) * 100, mod=_mod(m))


def _iso(m: re.Match[str]) -> Candidate | None:
    year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    clock = Clock(int(m["H"]), int(m["M"]), 0 if m["z"] else None, True) if m["H"] else None
    return Candidate(m.start(), m.end(), "date", year=year, month=month, day=day, clock=clock)


def _numeric(m: re.Match[str]) -> Candidate | None:
    """d/m/y or m/d/y. Where both readings are possible and differ ("03/04/2021") the
    candidate keeps the day-first reading marked ``mod="ambiguous"``: the article's other
    numeric dates may settle the order (``settle_numeric_order``), else it gets no value."""
    a, b, y = int(m["a"]), int(m["b"]), m["y"]
    year = int(y) if len(y) == 4 else 2000 + int(y)
    day_first = 1 <= b <= 12 and 1 <= a <= 31
    month_first = 1 <= a <= 12 and 1 <= b <= 31
    if day_first and month_first and a != b:
        return Candidate(m.start(), m.end(), "date", year=year, month=b, day=a, mod="ambiguous")
    if day_first:
        return Candidate(m.start(), m.end(), "date", year=year, month=b, day=a, mod="dm")
    if month_first:
        return Candidate(m.start(), m.end(), "date", year=year, month=a, day=b, mod="md")
    return None


_REL_DAYS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}


#: "a better tomorrow", "the world of today"; not "the UAE today received", "the president today"
_FIGURATIVE = re.compile(
    r"(?:\bof\s+|\b(?:a|the)\s+(?:(?:better|brighter|safer|greener|new|bright|peaceful)\s+)?)$",
    re.IGNORECASE,
)


def _relday(m: re.Match[str]) -> Candidate | None:
    word = m["w"].lower()
    if word in {"today", "tomorrow"} and _preceded(m, _FIGURATIVE):
        return None  # "a better tomorrow", "the world of today"
    if "before" in word:
        offset = -2
    elif "after" in word:
        offset = 2
    else:
        offset = _REL_DAYS[word]
    part = m["part"].lower() if m["part"] else ("night" if word == "tonight" else None)
    return Candidate(m.start(), m.end(), "relday", amount=offset, part=part)


def _part_of_today(m: re.Match[str]) -> Candidate | None:
    rel = m["rel"].lower()
    offset = -1 if rel == "last" else 0
    return Candidate(m.start(), m.end(), "relday", amount=offset, part=m["part"].lower())


def _relunit(m: re.Match[str]) -> Candidate | None:
    rel = m["rel"].lower()
    unit = m["unit"].lower()
    if m["the"] and rel in {"following", "previous"} and not m["pre"]:
        return Candidate(m.start(), m.end(), "anaphor", unit=_unit_key(unit),
                         amount=1 if rel == "following" else -1)  # fmt: skip
    if m["the"] and rel in {"past", "coming", "next"}:
        return Candidate(m.start(), m.end(), "duration", unit=_unit_key(unit), amount=1)
    if rel in {"past", "following", "previous"}:
        rel = {"past": "last", "previous": "last", "following": "next"}[rel]
    rel = {"coming": "next", "current": "this", "same": "this"}.get(rel, rel)
    pre = m["pre"].lower().split()[0] if m["pre"] else None
    return Candidate(m.start(), m.end(), "relunit", rel=rel, unit=_unit_key(unit), mod=pre)


_ANAPHOR_STEPS = {"the next": 1, "the following": 1, "the previous": -1, "the preceding": -1}
_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})


def _anaphor(m: re.Match[str]) -> Candidate | None:
    """ "the next day", "that year", "the previous week": counted from the date told before."""
    words, unit = m["w"].lower(), m["unit"].lower()
    if words == "the next" and unit in {"week", "month", "year"}:
        return None  # "over the next year" is a stretch of time, read as a duration
    part = unit if unit in _DAY_PARTS else None
    return Candidate(
        m.start(), m.end(), "anaphor", unit="day" if part else unit,
        amount=_ANAPHOR_STEPS.get(words, 0), part=part,
    )  # fmt: skip


def _anaphor_count(m: re.Match[str]) -> Candidate | None:
    amount = number_value(m["n"])
    unit = _unit_key(m["unit"])
    if amount is None or unit not in {"day", "week", "month", "year"}:
        return None
    sign = 1 if m["dir"].lower() == "later" else -1
    return Candidate(m.start(), m.end(), "anaphor", unit=unit, amount=sign * amount)


def _anaphor_day(m: re.Match[str]) -> Candidate | None:
    sign = 1 if m["dir"].lower() == "after" else -1
    return Candidate(m.start(), m.end(), "anaphor", unit="day", amount=sign)


def _weekend(m: re.Match[str]) -> Candidate | None:
    return Candidate(m.start("span"), m.end("span"), "relunit", rel="tense", unit="weekend")


_NAMED_DAYS = re.compile(r"\b(?:Good|Black|Bloody|Holy|Ash|Palm|Easter|Cyber|Maundy)\s+$")
_TITLE_WORDS = re.compile(
    r"\s+(?:Times|Telegraph|Express|Mirror|Herald|Post|Tribune|Mail|Independent|Star|Sport"
    r"|Agreement|Accords?|Club|Show|Night Live|Morning Herald)\b"
)


def _weekday(m: re.Match[str]) -> Candidate | None:
    if _preceded(m, _NAMED_DAYS) or _TITLE_WORDS.match(m.string, m.end()):
        return None  # "Good Friday", "the Sunday Times"
    rel = m["rel"].lower() if m["rel"] else None
    if m["week"] and rel is None:  # "Friday next week": the Friday of the next calendar week
        rel = f"{m['week'].lower()} week"
    part = m["part"].lower() if m["part"] else None
    return Candidate(
        m.start(), m.end(), "weekday", weekday=weekday_number(m["wd"]), rel=rel, part=part
    )


def _season(m: re.Match[str]) -> Candidate | None:
    rel = m["rel"].lower() if m["rel"] else None
    if rel is None and not m["y"]:
        return None
    rel = {"coming": "next", "past": "last", "current": "this"}.get(rel or "", rel)
    return Candidate(
        m.start(),
        m.end(),
        "season",
        year=_year(m["y"]),
        unit=m["s"].lower(),
        rel=rel,
        mod=_mod(m),
    )


def _reference(kind: str) -> Builder:
    def build(m: re.Match[str]) -> Candidate | None:
        group = next(g for g in ("span", "span2", "span3") if m.groupdict().get(g))
        return Candidate(m.start(group), m.end(group), kind)

    return build


def _set(m: re.Match[str]) -> Candidate | None:
    word = m.group(0).lower()
    for key, unit in (("year", "year"), ("annual", "year"), ("month", "month"),
                      ("week", "week"), ("day", "day"), ("dai", "day")):  # fmt: skip
        if key in word:
            return Candidate(m.start(), m.end(), "set", unit=unit)
    return Candidate(m.start(), m.end(), "set", unit="day", part=word.split()[-1])


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern of the grammar, compiled once.

    ``pattern`` is the regex as written; builders always get its matches on the text as
    written. ``needs``: words (lower case) one of which every match holds, in any case; a text
    holding none of them, its ASCII capitals lowered, is not searched, and a text holding few
    is searched only around them (``window.near_words``). ``folded``: a
    case-insensitive pattern compiled case-sensitive, to search the text with its ASCII
    capitals lowered instead (the same matches at the same places; see ``scan``), or None."""

    pattern: re.Pattern[str]
    build: Builder
    needs: tuple[str, ...]
    folded: re.Pattern[str] | None
    reach: int | None = None  # the widest a match can be in a text of short runs (``window``)


_UNIT_WORDS = ("second", "minute", "hour", "day", "night", "week", "month", "quarter", "year",
               "decade", "centur")  # fmt: skip
_PLURAL_UNITS = ("minutes", "hours", "days", "weeks", "months", "years", "decades")
_DAY_PARTS_WORDS = ("morning", "afternoon", "evening", "night")
_NOW_WORDS = ("now", "currently", "present", "these days", "at the moment")
_SET_WORDS = ("annual", "yearly", "every", "each", "monthly", "weekly", "daily")


def _rule(pattern: str, build: Builder, flags: int, needs: tuple[str, ...]) -> Rule:
    compiled = re.compile(pattern, flags)
    folded = None
    if flags & re.IGNORECASE:
        folded = re.compile(pattern, flags & ~re.IGNORECASE)
    return Rule(compiled, build, needs, folded, reach(compiled) if needs else None)


@lru_cache(maxsize=1)
def patterns() -> tuple[Rule, ...]:
    """The grammar, compiled once: one row per pattern (regex, builder, flags, words one of
    which a match needs). A table, long on purpose; the order breaks ties between candidates
    of equal length."""
    wd, mon, day, yr = WEEKDAY_PATTERN, MONTH_PATTERN, DAY_PATTERN, YEAR_PATTERN
    zone = zone_pattern()
    ci = re.IGNORECASE
    seasons = "|".join(SEASONS)
    rules: list[tuple[str, Builder, int, tuple[str, ...]]] = [
        (r"(?=\d)"
         r"(?<![\d/])(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)"
         r"(?:[T ](?P<H>\d\d):(?P<M>\d\d)(?::\d\d)?(?P<z>Z)?)?(?!\d)", _iso, 0, ()),
        (r"(?=\d)"
         r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d\d)(?![\d/])", _numeric, 0,
         ("/",)),
        (r"(?=[\dFMSTWt])"
         rf"(?:(?P<wd>{wd}),?\s+)?(?:the\s+)?(?P<d>{day})(?:{_DASH}(?P<d2>{day}))?(?:\s+of)?"
         rf"\s+(?P<m>{mon})(?:,?\s+(?P<y>{yr}))?", _dmy, 0, ()),
        (r"(?=[ADFJMNOSTW])"
         rf"(?:(?P<wd>{wd}),?\s+)?(?P<m>{mon})\s+(?P<d>{day})(?:{_DASH}(?P<d2>{day}))?"
         rf"(?:,?\s+(?P<y>{yr}))?", _dmy, 0, ()),
        (r"(?=[ADFJMNOS])"
         rf"(?P<m>{mon})\s+(?P<d>{day}){_DASH}(?P<m2>{mon})\s+(?P<d2>{day})"
         rf"(?:,?\s+(?P<y>{yr}))?", _month_range, 0, ()),
        (r"(?=\d)"
         rf"(?P<d>{day})\s+(?P<m>{mon}){_DASH}(?P<d2>{day})\s+(?P<m2>{mon})"
         rf"(?:,?\s+(?P<y>{yr}))?", _month_range, 0, ()),
        (r"(?=[ACDEFJLMNOPSTcelmnpt])"
         rf"{_MOD}(?:(?P<rel>(?i:last|next|this|past|coming))\s+)?(?P<m>{mon})"
         rf"(?:,?\s+(?P<y>{yr}))?", _month, 0, ()),
        (r"(?=[ADEFJLMNOSTelmt])"
         rf"{_MOD}(?P<m>{mon})(?:\s+of)?\s+(?P<rel>last|next|this)\s+year(?![a-z])",
         _month_of_year, 0, ("year",)),
        (r"(?=[12ELMTelmt])"
         rf"(?<![\d$£€¥.,/-]){_MOD}(?P<y>{yr})(?:\s*(?:-|–|to)\s*(?P<y2>{yr}|\d\d(?!\d)))?"
         r"(?![\d,.%]\d|%|-\d)", _year_expr, 0, ()),
        (r"(?=[12ELMTelmt])"
         rf"(?:the\s+)?{_MOD}(?P<y>1[6-9]\d0|20\d0)'?s(?![a-z])", _decade, 0, ("0s", "0's")),
        (r"(?=['ELMTelmt])"
         rf"(?:the\s+)?{_MOD}'(?P<y>[0-9]0)s(?![a-z])", _decade, 0, ("0s",)),
        (r"(?=[\deflmnst])"
         rf"(?:the\s+)?{_MOD}(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{'|'.join(ORDINAL_WORDS)})"
         r"[-\s]+century", _century, ci, ("century",)),
        (r"(?P<w>the day before yesterday|the day after tomorrow|yesterday|today|tonight|tomorrow)"
         r"(?:\s+(?P<part>morning|afternoon|evening|night))?(?![a-z])", _relday, ci,
         ("yesterday", "today", "tonight", "tomorrow")),
        (r"(?P<rel>this|last)\s+(?P<part>morning|afternoon|evening|night)(?![a-z])",
         _part_of_today, ci, _DAY_PARTS_WORDS),
        (r"(?=[ceflmnpst])"
         r"(?:(?P<pre>earlier|later|early|late|mid|the end of|the beginning of|the start of)"
         r"[-\s]+)?(?P<the>the\s+)?(?P<rel>last|next|this|past|coming|previous|following|current"
         r"|same)\s+(?:fiscal\s+)?(?P<unit>week|weekend|month|year|quarter|decade|century)"
         r"(?![a-z])", _relunit, ci, ("week", "month", "year", "quarter", "decade", "century")),
        (r"(?=[aceflmnpstw])"
         rf"{_MOD}(?:(?P<rel>last|next|this|past|coming|current)\s+)?(?P<s>{seasons})"
         rf"(?:\s+(?:of\s+)?(?P<y>{yr}))?(?![a-z])", _season, ci, tuple(SEASONS)),
        (r"(?=[\dacdefhjlmnorstu])"
         rf"(?:(?:{_QUANT})\s+)?(?P<n>{_NUM})\s+{_UNIT}\s+ago(?![a-z])", _ago, ci, ("ago",)),
        (r"(?=[elt])"
         r"(?:(?:later|earlier)\s+)?(?P<w>the next|the following|the previous|the preceding"
         r"|that|the same)\s+(?P<unit>day|morning|afternoon|evening|night|week|month|year)"
         r"(?![a-z])", _anaphor, ci,
         ("day", *_DAY_PARTS_WORDS, "week", "month", "year")),
        (r"(?=[\dacdefhmnost])"
         rf"(?P<n>{_NUM})\s+{_UNIT}\s+(?P<dir>later|earlier)(?![a-z])(?!\s+than)",
         _anaphor_count, ci, ("later", "earlier")),
        (r"the day (?P<dir>before|after)(?=\s*[,.;:]|\s*$)", _anaphor_day, ci, ("the day ",)),
        (r"(?:over|at|during|on|for)\s+(?P<span>the\s+weekend)(?![a-z])", _weekend, ci,
         ("weekend",)),
        (rf"(?:the\s+)?(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter"
         rf"(?:\s+of\s+(?P<y>{yr}))?(?![a-z])", _quarter, ci, ("quarter",)),
        (rf"(?:the\s+)?(?P<h>first|second|1st|2nd)\s+half\s+(?:of\s+)?(?:(?P<y>{yr})"
         r"|(?:the|this|(?P<rel>last|next))\s+year)(?![a-z])", _half, ci, ("half",)),
        (rf"(?<![A-Za-z0-9])H(?P<h>[12])\s+(?P<y>{yr})", _half, 0, ("h1", "h2")),
        (rf"(?<![A-Za-z0-9])Q(?P<q>[1-4])(?:\s+(?P<y>{yr}))?(?![A-Za-z0-9])", _quarter, 0,
         ("q1", "q2", "q3", "q4")),
        (r"(?=[bemst])"
         r"(?:the\s+)?(?P<pre>end|beginning|start|middle)\s+of\s+(?:the\s+)?"
         r"(?P<unit>week|month|year)(?![a-z])(?!\s+(?:\d|of\b))", _unit_edge, ci,
         ("week", "month", "year")),
        (r"(?=[\dacdefhjlmnoprstu])"
         rf"(?:the\s+)?(?:(?P<q>{_QUANT})\s+)?"
         r"(?:(?:past|last|next|coming|first|previous|final|following)\s+)?"
         rf"(?P<n>{_NUM})[-\s]+{_UNIT}(?:-long)?(?![a-z])", _duration, ci, _UNIT_WORDS),
        (r"(?:for|in|within|over|after|took|takes|take|taking|lasted|last|spent|spend)\s+"
         r"(?P<span>(?:(?:recent|the past|the coming|the next|the last|the first|many|several"
         r"|a few|coming)\s+)?(?P<unit>minutes|hours|days|weeks|months|years|decades))"
         r"(?![a-z])", _bare_units, ci, _PLURAL_UNITS),
        (r"(?<![\w-])(?P<span>(?P<unit>minutes|hours|days|weeks|months|years|decades))"
         r"\s+(?:before|after|later|earlier)(?![a-z])", _bare_units, ci, _PLURAL_UNITS),
        (r"(?=[CFLMNPSTWclnpt])"
         rf"(?:(?P<rel>(?i:last|next|this|coming|past))\s+)?(?P<wd>{wd})"
         r"(?:\s+(?P<part>morning|afternoon|evening|night))?"
         r"(?:\s+(?P<week>(?i:next|last|this))\s+week(?![a-z]))?", _weekday, 0, ()),
        (r"(?=\d)"
         r"(?<![\w:.])" + CLOCK_CORE + rf"(?:\s*\(?{zone}\)?)?", clock_builder, 0, ()),
        (r"(?=[012])"
         r"(?<![\w:.])(?:[01]\d|2[0-3])[0-5]\d\s*(?:" + zone + r")", military_builder, 0, ()),
        (r"(?<![a-z])(?:noon|midday|midnight)(?![a-z])", noon_builder, ci,
         ("noon", "midday", "midnight")),
        (r"(?<![a-z])(?P<span>now|currently|at present|presently|nowadays|these days"
         r"|at the moment)(?![a-z])", _reference("present"), ci, _NOW_WORDS),
        (r"(?<![A-Za-z])(?:(?:in|into)\s+(?P<span>the past)|(?P<span2>recently)"
         r"|(?P<span3>at the time))(?![a-z])(?!\s+of\b)(?!\s+(?:\d|few|several|two|three"
         r"|four|five|six|seven|eight|nine|ten|week|month|year|decade|day|century|hour|minute))",
         _reference("past_ref"), ci, ("the past", "recently", "at the time")),
        (r"(?<![A-Za-z])(?:in|for|into)\s+(?P<span>the (?:near |distant |foreseeable )?future)"
         r"(?![a-z])(?!\s+of\b)", _reference("future_ref"), ci, ("future",)),
        (r"(?<![a-z])(?:annually|yearly|every year|each year|monthly|every month|each month"
         r"|weekly|every week|each week|daily|every day|each day|every (?:morning|afternoon"
         r"|evening|night))(?![a-z])", _set, ci, _SET_WORDS),
    ]  # fmt: skip
    return tuple(_rule(*row) for row in rules)


#: ASCII capitals -> small letters, nothing else (``str.lower`` also changes other letters).
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
#: The non-ASCII letters a case-insensitive ASCII letter matches (dotted capital I, dotless i,
#: long s, Kelvin sign). The grammar reads each as a letter that matches none of its words:
#: "yeſterday" is no date word (it used to reach the builders, which know only ASCII words).
_FOLD_TRAPS = ("\u0130", "\u0131", "\u017f", "\u212a")
_NEUTRAL = str.maketrans(dict.fromkeys(_FOLD_TRAPS, "\u00e9"))


def neutral(text: str) -> str:
    """``text`` with the ``_FOLD_TRAPS`` replaced by a letter no pattern word matches (same
    length, same places)."""
    return text.translate(_NEUTRAL) if any(t in text for t in _FOLD_TRAPS) else text


def scan(text: str) -> Iterator[Candidate]:
    """Every candidate of every pattern, overlapping (the text read through ``neutral``).

    A case-insensitive pattern holds no capital letter (``tests/test_time_grammar_scan.py``
    checks), so on a text without ``_FOLD_TRAPS`` it matches at the places, and with the
    lengths, where its case-sensitive copy matches the text with its ASCII capitals lowered.
    That search is several times cheaper; each match is read again on the text as written,
    which is what its builder sees. A pattern is skipped when the text holds none of the
    words it needs, and searched only around them when they are few (``window``)."""
    text = neutral(text)
    low = text.translate(_ASCII_LOWER)
    windows = short_runs(low)
    for rule in patterns():
        if rule.needs and not any(word in low for word in rule.needs):
            continue
        matches: Iterable[re.Match[str]] | None = None
        if rule.folded is not None:
            matches = _refound(rule.pattern, text, _search(rule, rule.folded, low, low, windows))
        if matches is None:  # a case-sensitive rule, or one to search as written
            matches = _search(rule, rule.pattern, text, low, windows)
        for m in matches:
            if m.group(0).strip() and not _inside_word(text, m.start(), m.end()):
                found = rule.build(m)
                if found is not None:
                    yield _trim(text, found)


def _search(
    rule: Rule, pattern: re.Pattern[str], text: str, low: str, windows: bool
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, searched around the rule's needed words where it can be."""
    if windows and rule.reach is not None:
        found = near_words(pattern, text, low, rule.needs, rule.reach)
        if found is not None:
            return found
    return pattern.finditer(text)


def _refound(
    pattern: re.Pattern[str], text: str, matches: Iterator[re.Match[str]]
) -> list[re.Match[str]] | None:
    """The matches of ``pattern`` on ``text`` at the places where ``matches`` start, or None
    where one of them differs (never on a text read through ``neutral``; then the text is
    searched as written)."""
    found: list[re.Match[str]] = []
    for m in matches:
        again = pattern.match(text, m.start())
        if again is None or again.end() != m.end():
            return None
        found.append(again)
    return found


def _inside_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return before.isalnum() or (after.isalnum() and text[end - 1].isalnum())


def _trim(text: str, cand: Candidate) -> Candidate:
    start, end = cand.start, cand.end
    while end > start and text[end - 1] in " ,\t\n":
        end -= 1
    while start < end and text[start] in " \t\n":
        start += 1
    return replace(cand, start=start, end=end)


def find_candidates(text: str) -> list[Candidate]:
    """The grammar's reading of ``text``: settled, merged candidates in text order."""
    text = neutral(text)
    return settle_numeric_order(merge_clock_dates(text, select(list(scan(text)))))
