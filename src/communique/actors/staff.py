"""People named as the staff of another person: "Andriy Yermak, a top aide to Zelenskiy",
"Ernest Petric, an adviser to President Borut Pahor", "a spokesman for Erdogan, Ibrahim
Kalin". An aide, adviser or spokesperson serves the state of the one they serve, when the data
or the text give that person a state and nothing gives the aide another.
"""

from __future__ import annotations

import re
from typing import Protocol, TypeVar

from ..model import Span

#: Words for those who serve a person (an aide "to", a spokesman "for", a deputy "of").
_STAFF = (
    r"(?:aide|adviser|advisor|spokesman|spokeswoman|spokesperson|assistant|confidant|"
    r"secretary|envoy|emissary|counsellor|counselor|deputy)"
)
_LINK = r"(?:to|for|of)"
#: "<Name>, a top aide to <Title> ": the apposition after the staff member's name; a word in
#: capitals before the staff word ("a Russian adviser") may name another state: not read.
_AFTER = re.compile(
    rf"^,\s+(?:(?:a|an|the|one|another)\s+)?(?:[a-z][\w-]*\s+){{0,3}}?{_STAFF}s?\s+{_LINK}\s+"
    r"(?:(?:the\s+)?[A-Z][\w.'’-]*\s+){0,3}?$"
)
#: "a spokesman for <Name>, " before the staff member's name.
_BEFORE_LINK = re.compile(rf"\b{_STAFF}\s+{_LINK}\s+(?:(?:the\s+)?[A-Z][\w.'’-]*\s+){{0,3}}?$")
_REACH = 80


class Person(Protocol):
    @property
    def kind(self) -> str: ...

    country: str | None
    spans: list[Span]


P = TypeVar("P", bound=Person)


def serve_their_principal(text: str, drafts: dict[str, P]) -> None:
    """Give each person with no state the state of the person the text says they serve."""
    people = [d for d in drafts.values() if d.kind == "person"]
    starts = {s.start: d for d in people for s in d.spans}
    for d in people:
        if d.country is not None:
            continue
        for s in d.spans:
            boss = _served_after(text, s.end, starts) or _served_before(text, s.start, drafts)
            if boss is not None and boss is not d and boss.country:
                d.country = boss.country
                break


def _served_after(text: str, end: int, starts: dict[int, P]) -> P | None:
    """ "<Name>, a top aide to (President) <Boss>": the boss's mention starts where the
    apposition's words end."""
    window = text[end : end + _REACH]
    for start, boss in starts.items():
        if end < start <= end + _REACH and _AFTER.match(window[: start - end]):
            return boss
    return None


def _served_before(text: str, start: int, drafts: dict[str, P]) -> P | None:
    """ "a spokesman for <Boss>, <Name>": the boss named just before a comma that opens the
    staff member's name."""
    before = text[max(0, start - _REACH) : start]
    if not before.endswith(", "):
        return None
    for boss in drafts.values():
        if boss.kind != "person":
            continue
        for s in boss.spans:
            gap = start - s.end
            if 0 < gap <= 2 and _BEFORE_LINK.search(text[max(0, s.start - _REACH) : s.start]):
                return boss
    return None
