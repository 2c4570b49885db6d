"""Time stage: time expressions -> normalised, anchored values, with year inference.

    find_times(annotated)        every expression, anchored on the publication date
    reference_date(annotated, t) the date the article is about (for office-holders' roles)
    combine(date_expr, time_expr) a clock time re-anchored on the day of its event

Values are ISO 8601 at their granularity ("2022-01-12T09:00:00Z", "2022-01-12", "2021-12",
"2022"); spans (``value``..``value_end``) for ranges, weeks, seasons, decades. Kinds:
"date", "range", "weekday", "relative" (yesterday, today ...), "week", "weekend", "month",
"quarter", "half", "season", "year", "decade", "century", "time" (clock times, UTC when a zone is
written), "duration" and "set" (``value`` an ISO 8601 duration such as "P3Y"; not a point in
time), "present" (now: the anchor day), "past_ref"/"future_ref" (value None).

Bare weekdays and yearless dates follow the tense of their clause: past -> the most recent on
or before the anchor, future -> the next on or after it, otherwise the nearest. Without a
publication date the anchor is inferred from the text (see ``anchor``) and every value that
depends on it has ``year_inferred=True``; without any clue such values stay None.
"""

from .combine import combine
from .find import find_times, reference_date

__all__ = ["combine", "find_times", "reference_date"]
