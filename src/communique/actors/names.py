"""Names the statistical NER missed, found right after a written title.

    "Russia's Deputy Minister of Industry and Trade Oleg Ryazantsev and ..." -> "Oleg Ryazantsev"

A candidate is a run of two to four capitalised words that are neither title words nor names of
states or IGOs, directly preceded by a capitalised title word, where ``title_before`` reads a
complete title. Only spans no other mention covers are returned.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .titles import Word, title_before, words

if TYPE_CHECKING:
    from ..intervals import Stretches
    from .tables import ActorData

_MONTHS = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    }
)


def titled_names(text: str, data: ActorData, taken: Stretches) -> list[tuple[int, int]]:
    """Spans of person names that follow a title and overlap nothing in ``taken``."""
    ws = words(text, 0, len(text))
    found: list[tuple[int, int]] = []
    i = 1
    while i < len(ws):
        # the title test first: it is cheap and rarely true, the name test looks words up
        n = _name_length(ws, i, text, data) if _after_title(ws, i, data) else 0
        if n:
            start, end = ws[i].start, ws[i + n - 1].end
            end -= 2 if text[start:end].endswith(("’s", "'s")) else 0
            free = not taken.overlaps(start, end)
            if (
                free
                and not _title_case_line(text, start, data)
                and title_before(text, start, max(0, start - 200), data)
            ):
                found.append((start, end))
            i += n
        else:
            i += 1
    return found


def _title_case_line(text: str, at: int, data: ActorData) -> bool:
    """Is the line around ``at`` a short headline in Title Case ("Perm Secretary Launches
    Book for Development")? Title words and state names do not count either way."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line = text[line_start : line_end if line_end >= 0 else len(text)].split()
    plain = [
        w
        for w in line
        if len(w) >= 4
        and w[:1].isalpha()
        and w.lower() not in data.title_words
        and data.lookup(w) is None
    ]
    capitalised = [w for w in plain if w[:1].isupper()]
    return len(line) <= 15 and len(plain) >= 3 and len(capitalised) >= 0.75 * len(plain)


def _name_word(w: Word, data: ActorData) -> bool:
    token = w.text.removesuffix("’s").removesuffix("'s")
    return (
        token[:1].isupper()
        and token[1:].islower() is not False
        and token.replace("-", "").isalpha()
        and token.lower() not in data.title_words
        and token.lower() not in _MONTHS
        and data.lookup(token) is None
    )


def _name_length(ws: Sequence[Word], i: int, text: str, data: ActorData) -> int:
    n = 0
    while i + n < len(ws) and n < 5 and _name_word(ws[i + n], data):
        if n and ("\n" in text[ws[i + n - 1].end : ws[i + n].start]):
            break
        n += 1
        if ws[i + n - 1].text.endswith(("’s", "'s")):
            break
    return n if 2 <= n <= 4 else 0


def _after_title(ws: Sequence[Word], i: int, data: ActorData) -> bool:
    """Right after a capitalised title word, or after "of <State>" ending a title."""
    previous = ws[i - 1]
    kind = data.title_words.get(previous.text.lower())
    if previous.text[:1].isupper() and kind in ("head", "modifier"):
        return True
    if i < 2 or ws[i - 2].text != "of":
        return False
    ref = data.lookup(previous.text)
    return ref is not None and ref.via == "name"


_NEXT_NAME_WORD = re.compile(r" ([A-Z][\w'’.\-]*)")


def known_longer_name(text: str, start: int, end: int, data: ActorData) -> int:
    """Where a name the NER cut short ends ("Roch Marc" of "Roch Marc Christian Kabore"): past
    up to two more capitalised words when the longer name is a listed person's."""
    best, at = end, end
    for _ in range(2):
        m = _NEXT_NAME_WORD.match(text, at)
        if m is None:
            break
        at = m.end()
        if data.person(text[start:at]) is not None:
            best = at
    return best
