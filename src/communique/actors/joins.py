"""Mentions that name an actor already found: a short form defined in brackets, a bare body.

    "the ruling All Progressives Congress (APC) ... the APC said"  -> one organisation
    "Andres Manuel Lopez Obrador (AMLO) ... AMLO said"             -> one person
    "the Russian Foreign Ministry ... the Foreign Ministry"         -> one ministry

An abbreviation is joined to the name written right before its brackets when its letters are
read from that name in order, the first one starting the name's first word (the test of
Schwartz and Hearst, 2003: "Pakistan Tehreek-e-Insaf (PTI)", "Department of Education
(DepEd)"); a word in brackets that is no abbreviation ("Dozhd (Rain)") or does not spell the
name ("WASHINGTON (AP)") joins nothing. The abbreviation's later mentions join the name only
where they were read as no other coded actor, so "the International Criminal Court (ICC)"
never takes over a state or a body the data already know by those letters.
"""

from __future__ import annotations

import re
from typing import Protocol, TypeVar

from ..intervals import Stretches
from ..model import Span

_BRACKETED = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,9})\)")
_SKIPPED = frozenset({"the", "a", "an"})
_JOINING = frozenset({"organization", "person"})  # states and IGOs: their data know them


class Draft(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def code(self) -> str | None: ...
    @property
    def country(self) -> str | None: ...

    spans: list[Span]


D = TypeVar("D", bound=Draft)


def spells(short: str, long: str) -> bool:
    """Whether ``short`` is read from ``long``: its letters in order, the first one at the
    start of ``long``'s first word (an article before it aside)."""
    letters = [c.lower() for c in short if c.isalnum()]
    words = long.split()
    while words and words[0].lower() in _SKIPPED:
        words = words[1:]
    text = " ".join(words).lower()
    if not letters or not text or text[0] != letters[0]:
        return False
    at = 1
    for c in letters[1:]:
        at = text.find(c, at)
        if at < 0:
            return False
        at += 1
    return True


def _is_abbreviation(word: str) -> bool:
    return sum(c.isupper() for c in word) >= 2 and not word.isdigit()


def join_abbreviations(text: str, drafts: dict[str, D]) -> None:
    """Join each bracketed abbreviation, and its later bare mentions, to the actor named right
    before the brackets (mutates ``drafts``)."""
    ending = {s.end: key for key, d in drafts.items() for s in d.spans}
    for m in _BRACKETED.finditer(text):
        short = m.group(1)
        key = ending.get(m.start())
        if key is None or not _is_abbreviation(short) or drafts[key].kind not in _JOINING:
            continue
        named = drafts[key]
        long = next(s.text for s in named.spans if s.end == m.start())
        if not spells(short, long):
            continue
        _take_mentions(text, drafts, key, short, m.start(1))


def _take_mentions(text: str, drafts: dict[str, D], key: str, short: str, first: int) -> None:
    named = drafts[key]
    taken = Stretches(len(text), [(s.start, s.end) for d in drafts.values() for s in d.spans])
    for other_key, other in list(drafts.items()):
        if other_key == key or not all(s.text == short for s in other.spans):
            continue
        if other.code is not None or other.country not in {None, named.country}:
            continue  # a coded actor of those letters stays itself
        named.spans.extend(s for s in other.spans if s.start >= first)
        other.spans = [s for s in other.spans if s.start < first]
        if not other.spans:
            del drafts[other_key]
    for hit in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text[first:]):
        start, end = first + hit.start(), first + hit.end()
        if not taken.overlaps(start, end):
            named.spans.append(Span(start, end, short))
            taken.add(start, end)


def merge_bare_organizations(drafts: dict[str, D]) -> None:
    """ "the Foreign Ministry" joins "the Russian Foreign Ministry" named before it when only
    one such exists; told before it, it is another (a report from Tokyo: Japan's)."""
    by_name: dict[str, list[str]] = {}  # organisations by the name after their last colon
    for k in drafts:
        if k.startswith("org:"):
            by_name.setdefault(k.rpartition(":")[2], []).append(k)
    for key in [k for k in drafts if k.startswith("org::")]:
        rest = key.removeprefix("org::")
        filed = by_name.get(rest, []) if ":" not in rest else list(drafts)
        matches = [
            k
            for k in filed
            if k in drafts and k.startswith("org:") and k.endswith(":" + rest) and k != key
        ]
        if len(matches) == 1:  # only mentions after the named one refer back to it
            named, bare = drafts[matches[0]], drafts[key]
            first = min(x.start for x in named.spans)
            named.spans.extend(s for s in bare.spans if s.start > first)
            bare.spans = [s for s in bare.spans if s.start <= first]
            if not bare.spans:
                del drafts[key]
