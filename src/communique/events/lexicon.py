"""The curated trigger and verb lexicons (data files under ``events/data/``)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon row: a lemma (with part of speech for triggers) coded to a PLOVER type/mode.

    ``needs`` restricts it: "obj:a|b" (a direct object with one of these lemmas), "prep:for"
    (a preposition), "prt:out" (a particle), "of:x|y" (an "of"-complement), "not:a|b" (no such
    compound modifier), "comp:a|b" (a predicative complement: "found him guilty"), "from:a|b"
    (a word in the "from"-phrase: "withdrew from the talks"), "plural", "person", "actor",
    "venue", "forum", "notperson"."""

    lemma: str
    pos: str
    type: str
    mode: str
    needs: str
    source: str

    @property
    def need_kind(self) -> str:
        return self.needs.split(":", 1)[0] if self.needs else ""

    @property
    def need_words(self) -> frozenset[str]:
        return (
            frozenset(self.needs.split(":", 1)[1].split("|")) if ":" in self.needs else frozenset()
        )


@dataclass(frozen=True, slots=True)
class Lexicon:
    meeting_nouns: dict[str, Entry]
    meeting_verbs: dict[str, Entry]
    verbs: dict[str, tuple[Entry, ...]]
    nouns: dict[str, Entry]


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("communique.events").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    nouns: dict[str, Entry] = {}
    mverbs: dict[str, Entry] = {}
    for r in _rows("triggers.csv"):
        e = Entry(r["lemma"], r["pos"], r["type"], r["mode"], r["needs"], r["source"])
        (nouns if e.pos == "NOUN" else mverbs)[e.lemma] = e
    verbs: dict[str, list[Entry]] = {}
    for r in _rows("verbs.csv"):
        e = Entry(r["lemma"], "VERB", r["type"], r["mode"], r["needs"], r["source"])
        verbs.setdefault(e.lemma, []).append(e)
    events = {
        r["lemma"]: Entry(r["lemma"], "NOUN", r["type"], r["mode"], r["needs"], r["source"])
        for r in _rows("nouns.csv")
    }
    return Lexicon(nouns, mverbs, {k: tuple(v) for k, v in verbs.items()}, events)
