"""A bare title for the person named before with it: "Chinese President Xi Jinping arrived on
Monday. The president met ..." gives "the president" to Xi (``title_references.csv``).

News names a person once with a title and then calls them by the title alone. The reference
goes to the person whose latest mention before it carries a matching title; when another such
person was last mentioned in the same sentence ("President Xi met President Mugabe. The
president ..."), it could mean either and is left alone. A title with a name of its own after
it ("the President Xi"), an "of"-phrase ("the president of the club") or a hyphen ("the
president-elect") is not a reference."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import ResourceError
from ..model import Span
from .load import package_text

if TYPE_CHECKING:
    from .resolve import _Article, _Draft

#: Words that make a title another office: "Vice President", "Deputy Prime Minister".
_OTHER_OFFICE = frozenset({"vice", "deputy", "assistant", "under", "former", "ex", "acting"})
_FOLLOWED_OFF = re.compile(r"^(?:-|\s+of\b|\s+[A-Z][a-z])")


@dataclass(frozen=True, slots=True)
class TitleReference:
    phrase: str  # "prime minister"
    titles: tuple[str, ...]  # the titles it can stand for, lower case


@lru_cache(maxsize=1)
def title_references() -> tuple[TitleReference, ...]:
    rows = list(csv.DictReader(package_text("title_references.csv").splitlines()))
    out = []
    for n, r in enumerate(rows, start=2):
        if None in r or not (r.get("phrase") and r.get("titles") and r.get("source")):
            raise ResourceError(f"actor data file title_references.csv: malformed row {n}")
        titles = tuple(t.strip().lower() for t in r["titles"].split("|") if t.strip())
        out.append(TitleReference(r["phrase"].strip().lower(), titles))
    return tuple(out)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    phrases = sorted((r.phrase for r in title_references()), key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    return re.compile(rf"\b[Tt]he\s+({body})\b", re.IGNORECASE)


def _holds(title: str, wanted: str) -> bool:
    """Is ``wanted`` this title's office ("Chinese President" holds "president"; "Vice
    President" and "Deputy Prime Minister" do not)."""
    words = re.findall(r"[\w-]+", title.lower())
    want = wanted.split()
    for i in range(len(words) - len(want) + 1):
        if words[i : i + len(want)] == want:
            before = words[i - 1] if i else ""
            other = before in _OTHER_OFFICE or (want == ["minister"] and before == "prime")
            if not other:
                return True
    return False


def _titles_of(d: _Draft) -> list[str]:
    return [*d.titles, *([d.role.title] if d.role is not None else [])]


def _hits(text: str) -> Iterator[tuple[int, int, TitleReference]]:
    by_phrase = {r.phrase: r for r in title_references()}
    for m in _pattern().finditer(text):
        if _FOLLOWED_OFF.match(text[m.end() : m.end() + 3]):
            continue
        phrase = " ".join(m.group(1).lower().split())
        yield m.start(), m.end(), by_phrase[phrase]


def attach_title_references(art: _Article, taken: list[tuple[int, int]]) -> None:
    """Add each bare-title reference to the person it stands for (see the module text)."""
    people = {k: d for k, d in art.drafts.items() if d.kind == "person"}
    if not people:
        return
    for start, end, ref in _hits(art.text):
        misread = _title_read_as_body(art, start, end, ref)
        if any(s < end and start < e for s, e in taken if (s, e) not in misread):
            continue
        latest: list[tuple[int, str]] = []
        for key, d in people.items():
            if not any(_holds(t, w) for t in _titles_of(d) for w in ref.titles):
                continue
            before = [s.start for s in d.spans if s.end <= start]
            if before:
                latest.append((max(before), key))
        if not latest:
            continue
        latest.sort(reverse=True)
        at, key = latest[0]
        sentence = art.annotated.sentence_at(at)
        rivals = [
            (a, k)
            for a, k in latest[1:]
            if sentence is not None and sentence.start <= a < sentence.end
        ]
        if rivals:
            # either person could be meant, unless just one of them is the story's subject:
            # the subject of that sentence and of one told before ("Widodo held talks with Ruto
            # ... Jokowi said he had discussed it with Ruto. The president also attended ...")
            subjects = [
                (a, k)
                for a, k in [(at, key), *rivals]
                if _is_subject(art, a)
                and sum(_is_subject(art, s.start) for s in people[k].spans if s.end <= start) >= 2
            ]
            if len(subjects) != 1:
                # agency copy calls its own state's leader "the Head of State" ("LIMA ... the
                # Head of State held talks with Chilean President Boric")
                home = _filed_in(art) if ref.phrase == "head of state" else None
                own = [(a, k) for a, k in [(at, key), *rivals] if people[k].country == home]
                if home is None or len(own) != 1:
                    continue
                subjects = own
            at, key = subjects[0]
        people[key].spans.append(Span(start, end, art.text[start:end]))
        taken.append((start, end))
        for span, k in misread.items():
            art.drafts[k].spans = [x for x in art.drafts[k].spans if (x.start, x.end) != span]
            if not art.drafts[k].spans:
                del art.drafts[k]


def _title_read_as_body(
    art: _Article, start: int, end: int, ref: TitleReference
) -> dict[tuple[int, int], str]:
    """ "The EAM called on ...", "the PM said": the tagger read an abbreviated title as an
    organisation's name; such spans (by span -> draft key) give way to the reference."""
    out: dict[tuple[int, int], str] = {}
    for key, d in art.drafts.items():
        if d.kind != "organization" or d.name.lower() != ref.phrase:
            continue
        out.update(((x.start, x.end), key) for x in d.spans if start <= x.start and x.end <= end)
    return out


def _is_subject(art: _Article, at: int) -> bool:
    """Is the name starting at ``at`` (or the phrase it heads) the subject of its clause?"""
    tokens = art.annotated.tokens
    k = next((t.i for t in tokens if t.start <= at < t.end), None)
    seen = 0
    while k is not None and seen < 6:
        tok = tokens[k]
        if tok.dep in {"nsubj", "nsubjpass"}:
            return True
        if tok.dep not in {"compound", "flat", "appos", "amod", "nmod"} or tok.head == k:
            return False
        k, seen = tok.head, seen + 1
    return False


_DATELINE = re.compile(r"\s*([A-Z][A-Za-z.'’ -]{2,30}?)\s*(?:,|\(|[-\u2013\u2014]\s)")


def _filed_in(art: _Article) -> str | None:
    """The state whose capital the report is filed from ("LIMA, Nov 14 (ANDINA) -")."""
    m = _DATELINE.match(art.text[:60])
    name = m.group(1).strip() if m else ""
    ref = (art.data.lookup(name) or art.data.lookup(name.title())) if name else None
    return ref.code if ref is not None and ref.kind == "state" and ref.via == "capital" else None
