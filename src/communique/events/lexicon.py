"""The curated trigger and verb lexicons (data files under ``events/data/``)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..model import EVENT_TYPES


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon row: a lemma (with part of speech for triggers) coded to a PLOVER type/mode.

    ``needs`` restricts it: "obj:a|b" (a direct object with one of these lemmas), "prep:for"
    (a preposition; "prep:to=street", one with that object: "took to the streets"), "prt:out"
    (a particle), "of:x|y" (an "of"-complement), "not:a|b" (no such compound modifier),
    "comp:a|b" (a predicative complement: "found him guilty"; "comp:@critical" names the labels
    of ``critical_words.csv``: "called the move unfriendly"), "from:a|b" (a word in the
    "from"-phrase: "withdrew from the talks"), "plural", "person", "actor",
    "venue", "forum", "notperson", "envoy" (an envoy or named person sent "to" somewhere),
    "noclause" (no clause as object: "conceded defeat", not "conceded that ..."),
    "official" (the subject is a state, an IGO, an official or an office), "target:a|b" (a
    direct object, if any, is a party, people or one of the words), "abroad" (an
    announced arrival at a named place: "is due in Moscow"), "journey:to|in" (an
    office-holder's journey to a named place after one of these words: "travelled to Tokyo"),
    "calledin" (an envoy called in: "called in the Russian ambassador"),
    "deed:signing|exchange/agreement|treaty" (an object naming the act, before the slash, of a
    document, after it: "witnessed the signing of an agreement"), "purpose:help|assist" (an
    infinitive of purpose with one of these verbs: "sent two aircraft to help Algeria")."""

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
class BodyWords:
    """Unnamed bodies of a state ("the police", "protesters"; ``domestic_bodies.csv``: lemmas,
    head last) and the words that tell about them (``events/domestic.py``)."""

    phrases: frozenset[tuple[str, ...]]
    outside: frozenset[str]  # "foreign troops": no body of the home state (outside_words.csv)
    quantities: frozenset[str] = frozenset()  # "hundreds of protesters": still the protesters
    single: frozenset[tuple[str, ...]] = frozenset()  # one per state: "governments" are many
    political: frozenset[str] = frozenset()  # "the Move Forward Party": a body of the state
    forces: frozenset[tuple[str, ...]] = frozenset()  # armed: "sent troops" sends, aims at none
    affiliations: frozenset[str] = frozenset()  # "Catholic bishops": a faith, no nationality

    @property
    def longest(self) -> int:
        return max((len(p) for p in self.phrases), default=0)


@dataclass(frozen=True, slots=True)
class Lexicon:
    meeting_nouns: dict[str, Entry]
    meeting_verbs: dict[str, tuple[Entry, ...]]  # senses in file order: the first that fits
    verbs: dict[str, tuple[Entry, ...]]
    nouns: dict[str, Entry]
    private_heads: frozenset[str] = frozenset()  # "the Nigerian singer": not the state acting
    sovereigns: dict[str, str] = field(default_factory=dict)  # territory code -> its state's
    critical_words: frozenset[str] = frozenset()  # "said X's move was illegal": criticism
    standing_verbs: frozenset[str] = frozenset()  # "breached a UN ban": the ban stands already
    sport_words: frozenset[str] = frozenset()  # "met at the stadium": teams, not states
    # nouns with several rows, in file order ("strike": a labour strike or an air strike)
    noun_senses: dict[str, tuple[Entry, ...]] = field(default_factory=dict)
    # "condemned the move": the types of act a noun refers back to ("*": any typed act)
    referring: dict[str, frozenset[str]] = field(default_factory=dict)
    # "the police", "security forces": unnamed bodies of the state the article is set in
    bodies: BodyWords = field(default_factory=lambda: BodyWords(frozenset(), frozenset()))
    currencies: frozenset[str] = frozenset()  # "a US dollar loan": no party named
    # "Trade Minister X" in a report filed from Canberra: titles of offices held at home
    home_titles: frozenset[str] = frozenset()
    # "a violation of Syria's sovereignty": what belongs to the side an act harmed
    harmed: frozenset[str] = frozenset()


# The constraints each lexicon file may use (``Entry.needs`` kinds); anything else is a typo.
NEED_KINDS: dict[str, frozenset[str]] = {
    "triggers.csv": frozenset(
        {
            "",
            "plural",
            "not",
            "mod",
            "of",
            "forum",
            "actor",
            "person",
            "venue",
            "subject",
            "on",
            "with",
            "envoy",
            "between",
            "abroad",
            "journey",
            "notsite",
            "together",
            "hostto",
            "calledin",
            "credentials",
            "inperson",
            "alongside",
            "handover",
        }
    ),
    "verbs.csv": frozenset(
        {
            "",
            "obj",
            "comp",
            "from",
            "prep",
            "prt",
            "notperson",
            "captive",
            "intransitive",
            "noclause",
            "asking",
            "official",
            "target",
            "deed",
            "purpose",
        }
    ),
    "nouns.csv": frozenset({"", "mod", "of"}),
}
_WORDLIST = frozenset(
    {
        "obj",
        "comp",
        "from",
        "prep",
        "prt",
        "not",
        "mod",
        "of",
        "captive",
        "target",
        "notsite",
        "journey",
        "deed",
        "purpose",
    }
)
_LEMMA = re.compile(r"^[a-z][a-z' -]*$")


class LexiconError(ValueError):
    """A lexicon row the loader does not understand."""


def _read(name: str, check: Callable[[str, int, dict[str, str]], None]) -> list[dict[str, str]]:
    """The rows of ``events/data/<name>``, each passed to ``check`` with its line number."""
    text = resources.files("communique.events").joinpath("data", name).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    for n, r in enumerate(rows, start=2):
        check(name, n, r)
    return rows


def _rows(name: str) -> list[dict[str, str]]:
    return _read(name, check_row)


def check_row(name: str, line: int, r: dict[str, str]) -> None:
    """Fail loudly on a row with an unknown type, constraint kind or malformed lemma."""
    where = f"events/data/{name}:{line}"
    if r.get("type") not in EVENT_TYPES:
        raise LexiconError(f"{where}: unknown event type {r.get('type')!r}")
    if not _LEMMA.match(r.get("lemma") or ""):
        raise LexiconError(f"{where}: lemma {r.get('lemma')!r} is not a lower-case word")
    needs = r.get("needs") or ""
    kind = needs.split(":", 1)[0]
    if kind not in NEED_KINDS[name]:
        raise LexiconError(
            f"{where}: constraint {needs!r} is not one of {sorted(NEED_KINDS[name])}"
        )
    if kind in _WORDLIST and not needs.partition(":")[2].strip("|"):
        raise LexiconError(f"{where}: constraint {needs!r} names no words")
    if not (r.get("source") or "").strip():
        raise LexiconError(f"{where}: row has no source")


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    nouns: dict[str, Entry] = {}
    mverbs: dict[str, list[Entry]] = {}
    for r in _rows("triggers.csv"):
        e = Entry(r["lemma"], r["pos"], r["type"], r["mode"], r["needs"], r["source"])
        if e.pos == "NOUN":
            nouns[e.lemma] = e
        else:  # "called on X" (a visit), "called in the ambassador" (a summons): in file order
            mverbs.setdefault(e.lemma, []).append(e)
    crit_rows = _read("critical_words.csv", check_critical_row)
    critical = frozenset(r["word"] for r in crit_rows if r["use"] != "label")
    lists = {"@critical": "|".join(sorted(r["word"] for r in crit_rows if r["use"] != "content"))}
    verbs: dict[str, list[Entry]] = {}
    for n, r in enumerate(_rows("verbs.csv"), start=2):
        needs = _expand(r["needs"], lists, n)
        e = Entry(r["lemma"], "VERB", r["type"], r["mode"], needs, r["source"])
        verbs.setdefault(e.lemma, []).append(e)
    senses: dict[str, list[Entry]] = {}
    for r in _rows("nouns.csv"):
        e = Entry(r["lemma"], "NOUN", r["type"], r["mode"], r["needs"], r["source"])
        senses.setdefault(e.lemma, []).append(e)
    events = {lemma: entries[0] for lemma, entries in senses.items()}
    private = frozenset(r["word"] for r in _word_rows("private_heads.csv"))
    sovereigns = {r["code"]: r["sovereign"] for r in _territory_rows()}
    standing = frozenset(r["word"] for r in _word_rows("standing_verbs.csv"))
    sport = frozenset(r["word"] for r in _word_rows("sport_words.csv"))
    body_rows = _read("domestic_bodies.csv", check_phrase_row)
    bodies = frozenset(tuple(r["phrase"].split()) for r in body_rows)
    single = frozenset(tuple(r["phrase"].split()) for r in body_rows if r["number"] == "one")
    forces = frozenset(tuple(r["phrase"].split()) for r in body_rows if r["force"] == "yes")
    outside = frozenset(r["word"] for r in _word_rows("outside_words.csv"))
    quantities = frozenset(r["word"] for r in _word_rows("quantity_nouns.csv"))
    political = frozenset(r["word"] for r in _word_rows("political_words.csv"))
    affiliations = frozenset(r["word"] for r in _word_rows("affiliation_words.csv"))
    referring = {
        r["word"]: frozenset(r["types"].split("|"))
        for r in _read("referring_nouns.csv", check_referring_row)
    }
    return Lexicon(
        nouns,
        {lemma: tuple(entries) for lemma, entries in mverbs.items()},
        {k: tuple(v) for k, v in verbs.items()},
        events,
        private,
        sovereigns,
        critical,
        standing,
        sport,
        {lemma: tuple(entries) for lemma, entries in senses.items()},
        referring,
        BodyWords(bodies, outside, quantities, single, political, forces, affiliations),
        frozenset(r["word"] for r in _word_rows("currency_words.csv")),
        frozenset(r["word"] for r in _word_rows("home_titles.csv")),
        frozenset(r["word"] for r in _word_rows("harmed_nouns.csv")),
    )


def _territory_rows() -> list[dict[str, str]]:
    """Territories with their own government and the state they belong to (``code``,
    ``sovereign``, ``source``): a visit between the two is no diplomatic meeting."""
    return _read("territories.csv", check_territory_row)


def check_territory_row(name: str, line: int, r: dict[str, str]) -> None:
    """Fail loudly on a territory row without two ISO3 codes and a source."""
    codes = (r.get("code") or "", r.get("sovereign") or "")
    if not all(re.fullmatch(r"[A-Z]{3}", c) for c in codes) or not r.get("source"):
        raise LexiconError(f"events/data/{name}:{line}: needs two ISO3 codes and a source")


def check_referring_row(name: str, line: int, r: dict[str, str]) -> None:
    """Fail loudly on a referring-noun row that is not a lower-case word, its PLOVER types (or
    "*") and a source."""
    check_word_row(name, line, r)
    types = (r.get("types") or "").split("|")
    if types != ["*"] and not all(t in EVENT_TYPES for t in types):
        raise LexiconError(f"events/data/{name}:{line}: unknown types {r.get('types')!r}")


def check_phrase_row(name: str, line: int, r: dict[str, str]) -> None:
    """Fail loudly on a phrase row that is not lower-case lemmas, a number ("one": a state has
    one such body), whether it is armed (force yes/no) and a source."""
    if not _LEMMA.match(r.get("phrase") or "") or not (r.get("source") or "").strip():
        raise LexiconError(f"events/data/{name}:{line}: not lower-case lemmas with a source")
    if r.get("number") not in {"one", "many"} or r.get("force") not in {"yes", "no"}:
        raise LexiconError(f"events/data/{name}:{line}: number one|many and force yes|no")


def _expand(needs: str, lists: dict[str, str], line: int) -> str:
    """A constraint with its word list named ("comp:@critical") spelled out."""
    kind, _, words = needs.partition(":")
    if not words.startswith("@"):
        return needs
    if words not in lists:
        raise LexiconError(
            f"events/data/verbs.csv:{line}: no word list {words!r} ({sorted(lists)})"
        )
    return f"{kind}:{lists[words]}"


def check_critical_row(name: str, line: int, r: dict[str, str]) -> None:
    """Fail loudly on a critical-word row without its use: in a statement's content
    ("content": "said the move violated"), as a label ("label": "called it a sham") or both."""
    check_word_row(name, line, r)
    if r.get("use") not in {"content", "label", "both"}:
        raise LexiconError(f"events/data/{name}:{line}: use must be content, label or both")


def _word_rows(name: str) -> list[dict[str, str]]:
    """A word list (``word``, ``source``): every row a lower-case word with a source."""
    return _read(name, check_word_row)


def check_word_row(name: str, line: int, r: dict[str, str]) -> None:
    """Fail loudly on a word-list row that is not one lower-case word with a source."""
    if not _LEMMA.match(r.get("word") or "") or not (r.get("source") or "").strip():
        raise LexiconError(f"events/data/{name}:{line}: not a lower-case word with a source")
