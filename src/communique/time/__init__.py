"""Time stage: time expressions -> normalised, anchored values, with year inference.

    find_times(annotated)        every expression, anchored on the publication date
    reference_date(annotated, t) the date the article is about (for office-holders' roles)
    combine(date_expr, time_expr) a clock time re-anchored on the day of its event

Values are ISO 8601 at their granularity ("2022-01-12T09:00:00Z", "2022-01-12", "2021-12",
"2022"), with ``value``..``value_end`` for spans (ranges, weeks, quarters, seasons, decades).
Kinds: "date", "range", "weekday", "relative" (yesterday, the next day ...), "week",
"weekend", "month", "quarter", "half", "season", "year", "decade", "century", "time" (clock
times; UTC with a "Z" when a zone is written, local without one), "present" (now: the anchor
day). Not points in time, all with granularity None: "duration" and "set" (``value`` an ISO
8601 duration such as "P3Y", "PXD" when the amount is vague) and "past_ref"/"future_ref"
("recently", "in the future": value None). A consumer looking for the date of an event keeps
expressions whose granularity is not None.

Bare weekdays and yearless dates follow the tense of their clause: past -> the most recent on
or before the anchor, future -> the next on or after it, otherwise the nearest. Without a
publication date the anchor is inferred from the text (see ``anchor``) and every value that
depends on it has ``year_inferred=True``; without any clue such values stay None.
"""

from .combine import combine
from .find import find_times, reference_date

__all__ = ["combine", "find_times", "reference_date"]
