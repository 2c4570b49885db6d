"""Titles written next to a person's name, and the state or IGO a title names.

    "Russian Deputy Foreign Minister Ivan Petrov"  -> title "Deputy Foreign Minister", RUS
    "Ivan Petrov, Russia's deputy foreign minister" -> the same, read after the name
    "US Ambassador to Russia Jon Huntsman"             -> "Ambassador to Russia", USA

Work on the text alone (no parser needed): a title is a run of capitalised words or title
words ("minister", "deputy", "of") that ends at the name and contains a title head word.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..model import Role
from .surface import normalize

if TYPE_CHECKING:
    from .tables import ActorData

_WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w’'\-]*|\d+|[^\w\s]")
_POSSESSIVE = re.compile(r"^(.+?)(?:'s|’s|'|’)$")
_STOP = frozenset(
    {
        "a",
        "an",
        "both",
        "according",
        "when",
        "while",
        "as",
        "after",
        "before",
        "with",
        "by",
        "from",
        "meanwhile",
        "however",
        "also",
        "then",
        "his",
        "her",
        "their",
        "its",
        "our",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "it",
        "said",
        "says",
        "told",
        # sentence-initial function words are capitalised but never part of a title
        "even",
        "since",
        "but",
        "and",
        "so",
        "yet",
        "now",
        "today",
        "if",
        "because",
        "although",
        "though",
        "until",
        "once",
        "where",
        "why",
        "how",
        "what",
        "who",
        "there",
        "here",
        "in",
        "on",
        "at",
        "for",
        "during",
        "under",
        "instead",
        "still",
        "only",
        "just",
        "yesterday",
        "tomorrow",
    }
)
_DETERMINERS = frozenset({"the", "a", "an"})
#: Forms of address written between a title and a name, not part of either.
_COURTESY = frozenset(
    {"h.e", "mr", "mrs", "ms", "dr", "excellency", "hon", "honourable", "comrade", "sir", "dame"}
)
_DESTINATION = frozenset({"to", "in", "at"})
_BODY_LINKS = frozenset({"of", "for"})
#: Those who serve a person: "an adviser to President X" is X's adviser, not a title of X's.
_SERVING = frozenset(
    {"aide", "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson", "assistant"}
    | {"confidant", "counsellor", "counselor"}
)
#: Words that make an IGO's name part of a state body's ("National Security Council").
_DOMESTIC = frozenset({"national", "federal", "state"})
_MAX_WORDS = 12
#: Characters read on either side of a name: far more than the _MAX_WORDS words (and the few
#: more a parenthesis adds) a title may span, so that a long sentence is not re-read per name.
_REACH = 600


@dataclass(frozen=True, slots=True)
class Word:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class TitleParse:
    """A title as written (``text`` slices the article at ``start:end``) and its country."""

    start: int
    end: int
    text: str
    country: str | None


def words(text: str, start: int, end: int) -> list[Word]:
    return [
        Word(start + m.start(), start + m.end(), m.group()) for m in _WORD.finditer(text[start:end])
    ]


def _affiliation(phrase: str, data: ActorData) -> tuple[str, bool] | None:
    """(code, is_adjective) when ``phrase`` names a state, IGO or non-state group (not a
    capital city)."""
    ref = data.lookup(phrase)
    if ref is None or ref.kind == "person" or ref.via == "capital":
        return None
    group = data.group(ref.key) if ref.kind == "group" else None
    code = group.country if group else ref.code  # "PLO leader": the group's state
    return (code, ref.via == "demonym") if code else None


def _possessive(word: str, data: ActorData) -> str | None:
    m = _POSSESSIVE.match(word)
    hit = _affiliation(m.group(1), data) if m else None
    return hit[0] if hit else None


def _kind(word: str, data: ActorData) -> str | None:
    return data.title_words.get(word.lower().strip(".,"))


def owns_title(text: str, end: int, data: ActorData) -> bool:
    """Is the name ending at ``end`` the possessor of a title ("Jordan's King Abdullah",
    "Chad's foreign minister")? Then it names a state, not a person."""
    m = re.match(r"['’]s\s+((?:\S+\s+){0,2}\S+)", text[end : end + 60])
    return m is not None and any(_kind(w, data) == "head" for w in m.group(1).split())


_ITS = re.compile(r"\s+(?:has\s+|had\s+|will\s+)?[a-z]+\s+its\b")


def reads_as_state(text: str, end: int, data: ActorData) -> bool:
    """Does what follows a name make it a state's: a title it owns ("Jordan's King") or a verb
    taking "its" ("Jordan closed its borders": a person's would be "his" or "her")?"""
    return owns_title(text, end, data) or _ITS.match(text[end : end + 40]) is not None


def _is_titleish(word: str, data: ActorData) -> bool:
    kind = _kind(word, data)
    if kind in ("head", "modifier", "connector"):
        return True
    if word.isupper() and len(word) > 3:
        return False  # "LONDON" in a dateline
    capitalised = word[:1].isupper() and word.lower() not in _STOP
    return capitalised and (word.isalpha() or "-" in word[1:] or word.endswith("."))


def _country_ending_at(ws: Sequence[Word], i: int, data: ActorData) -> tuple[int, str, bool] | None:
    """(first word index, code, adjective?) of a state/IGO name that ends at word ``i``; a
    possessive ("Serbia and Montenegro's") is read like an adjective."""
    owner = _POSSESSIVE.match(ws[i].text)
    last = owner.group(1) if owner else ws[i].text
    for n in range(min(4, i + 1), 0, -1):
        first = i - n + 1
        if _kind(ws[first].text, data) == "connector" or ws[first].text.lower() in _DETERMINERS:
            continue  # "the EU" is read as "EU", with "the" left to the title
        hit = _affiliation(" ".join([*(w.text for w in ws[first:i]), last]), data)
        if hit is None:
            continue
        if owner:
            return first, hit[0], True
        before = ws[first - 1].text if first > 0 else ""
        if not hit[1] and before[:1].isupper() and before.lower() not in _STOP | _DETERMINERS:
            continue  # part of a longer proper name ("National Security Council")
        return first, hit[0], hit[1]
    return None


def _inside_title(ws: Sequence[Word], first: int, data: ActorData) -> bool:
    """Is the state named at ``first`` part of a title ("Ambassador to the United States",
    "Party of Vietnam") rather than the title holder's own country?"""
    j = first - 1
    while j >= 0 and ws[j].text.lower() in _DETERMINERS:
        j -= 1
    if j < 1 or ws[j].text.lower() not in _DESTINATION | {"of"}:
        return False
    return ws[j - 1].text[:1].isupper() and _is_titleish(ws[j - 1].text, data)


def title_before(
    text: str, name_start: int, floor: int, data: ActorData, blocked: Sequence[tuple[int, int]] = ()
) -> TitleParse | None:
    """The title written right before a name ("NATO Secretary-General Mark Rutte")."""
    ws = words(text, max(floor, name_start - _REACH), name_start)
    while ws:  # "Foreign Minister of Maldives, H.E. Mr. Moosa Zameer": forms of address
        courtesy_stop = ws[-1].text == "." and len(ws) > 1 and ws[-2].text.lower() in _COURTESY
        if not courtesy_stop and ws[-1].text.lower().rstrip(".") not in _COURTESY:
            break
        ws.pop()
    if ws and ws[-1].text == ",":  # "Majority Whip, Steve Scalise"
        if len(ws) < 2 or ws[-2].text == ",":
            return None
        return title_before(text, ws[-1].start, floor, data, blocked)
    i = len(ws) - 1
    last, country, lo, aside = i, None, 0, None
    while i >= 0 and last - i < _MAX_WORDS:
        w = ws[i]
        if w.text == ")" and (opening := _opening(ws, i)) is not None:
            aside = aside or country_in_title(text[ws[opening].end : w.start], data)
            last = opening - 1 if i == last else last  # a trailing aside is not part of the title
            i = opening - 1
            continue
        if any(s < w.end and w.start < e for s, e in blocked):
            lo = i + 1
            break
        found = _country_ending_at(ws, i, data)
        if found is not None:
            first, code, adjective = found
            if adjective or not _inside_title(ws, first, data):
                country, lo = code, i + 1
                break
            i = first - 1  # "... of Vietnam", "Ambassador to Russia": part of the title
            continue
        if i == last and _kind(w.text, data) == "connector":
            return None  # "Lich and Sergey Shoyu": no title of its own
        if not _is_titleish(w.text, data) or (i < last and "\n" in text[w.end : ws[i + 1].start]):
            lo = i + 1
            break
        i -= 1
    else:
        lo = i + 1
    for j in range(last - 1, lo, -1):
        if ws[j].text.lower() in {"to", "for"} and ws[j - 1].text.lower() in _SERVING:
            # "a Russian adviser to President Alexander Stubb": Stubb is only "President"
            lo, country, aside = j + 1, None, None
            break
    return _title(text, ws[lo : last + 1], country or aside, data)


def _opening(ws: Sequence[Word], close: int) -> int | None:
    """The index of the "(" that the ")" at ``close`` ends, within a few words."""
    for j in range(close - 1, max(-1, close - 8), -1):
        if ws[j].text == "(":
            return j
    return None


def _title(
    text: str, run: Sequence[Word], country: str | None, data: ActorData
) -> TitleParse | None:
    run = list(run)
    while run and (
        _kind(run[0].text, data) == "connector"
        or run[0].text.lower() in _DETERMINERS
        or not run[0].text[:1].isalnum()
    ):
        run.pop(0)
    while run and (_kind(run[-1].text, data) == "connector" or not run[-1].text[:1].isalnum()):
        run.pop()
    if not run or not any(_kind(w.text, data) == "head" for w in run):
        return None
    start, end = run[0].start, run[-1].end
    written = text[start:end]
    return TitleParse(start, end, written, country or country_in_title(written, data))


def title_after(
    text: str, name_end: int, ceiling: int, data: ActorData, blocked: Sequence[tuple[int, int]] = ()
) -> TitleParse | None:
    """A title in apposition after a name ("Oleg Ryazantsev, Russia's deputy minister,")."""
    ws = words(text, name_end, min(ceiling, name_end + _REACH))
    if not ws or ws[0].text != ",":
        return None
    run: list[Word] = []
    free = False  # a word read only as part of a body named after "head of"
    for w in ws[1 : _MAX_WORDS + 1]:
        if w.text in {",", ".", ";", ")", "(", ":"} or "\n" in w.text:
            break
        if any(s < w.end and w.start < e for s, e in blocked):
            return None  # the next person's title and name, not an apposition
        titled = (
            _is_titleish(w.text, data)
            or _possessive(w.text, data)
            or w.text.lower() in _DETERMINERS
            or _affiliation(normalize(w.text), data)  # "the U.S. commander"
        )
        if not titled and not _headed_body(run, data):
            return None
        free = free or not titled
        run.append(w)
    else:
        return None
    if free and not any(w.text.lower().rstrip("s") in _PUBLIC_BODIES for w in run):
        return None  # "president of Chapter & Verse": a firm's, no public office
    country = None
    while run and (run[0].text.lower() in _DETERMINERS or _kind(run[0].text, data) == "connector"):
        run.pop(0)
    for n in range(min(4, len(run)), 0, -1):  # a leading state name or adjective is not title
        found = _country_ending_at(run, n - 1, data)
        if found is not None and found[0] == 0:
            country, run = found[1], run[n:]
            break
    return _title(text, run, country, data)


#: Bodies whose head or spokesperson speaks for a public body of the state, named after a head
#: word in words of any kind ("head of the CFDT union", "leader of the lawyers' movement").
_PUBLIC_BODIES = frozenset(
    {"union", "party", "movement", "coalition", "alliance", "federation", "front", "council"}
    | {"committee", "commission", "congress", "assembly", "parliament", "ministry", "army"}
    | {"government", "police", "court", "league", "bloc", "opposition", "conference", "church"}
)


def _headed_body(run: Sequence[Word], data: ActorData) -> bool:
    """Whether the words read so far are a head word and "of"/"for" ("head of", "the
    spokesman for"): what follows names the body, in words of any kind, when one of them is a
    public body's (``_PUBLIC_BODIES``)."""
    return any(
        _kind(a.text, data) == "head" and b.text.lower() in _BODY_LINKS
        for a, b in itertools.pairwise(run)
    )


def country_in_title(title_text: str, data: ActorData) -> str | None:
    """The first state or IGO named in a title, unless it is a destination ("to Russia")."""
    ws = words(title_text, 0, len(title_text))
    i = 0
    while i < len(ws):
        for n in range(min(4, len(ws) - i), 0, -1):
            phrase = " ".join(w.text for w in ws[i : i + n])
            code = _possessive(phrase, data) if n == 1 else None
            hit = _affiliation(normalize(phrase), data)
            code = code or (hit[0] if hit else None)
            if code is None:
                continue
            if i > 0 and ws[i - 1].text.lower() in _DESTINATION:
                break
            if i > 0 and ws[i - 1].text.lower() in _DOMESTIC and data.state(code) is None:
                break  # "National Security Council official": a state's body, not the UN's
            return code
        i += 1
    return None


def country_after(text: str, name_end: int, data: ActorData) -> str | None:
    """The state in "King Abdullah II of Jordan", "Prime Minister Modi of India"."""
    ws = words(text, name_end, min(len(text), name_end + 60))
    if not ws or ws[0].text != "of" or name_end == ws[0].start:
        return None
    rest = ws[2:] if len(ws) > 1 and ws[1].text.lower() in _DETERMINERS else ws[1:]
    for n in range(min(4, len(rest)), 0, -1):
        ref = data.lookup(" ".join(w.text for w in rest[:n]))
        if ref is not None and ref.kind == "state" and ref.via in ("name", "alias"):
            return ref.code
    return None


def adjacent_from(text: str, start: int) -> int:
    """The first offset from which the text up to ``start`` is blank, or
    "'s" and blanks (a word right before a name or "X's" before it)."""
    at = start
    while at > 0 and text[at - 1].isspace():
        at -= 1
    if at < start and at >= 2 and text[at - 1] == "s" and text[at - 2] in "'’":
        at -= 2
        while at > 0 and text[at - 1].isspace():
            at -= 1
    return at


#: A possessive party's name right before a person's name: "the European Union's Enrique Mora".
_POSSESSOR = re.compile(r"((?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*)['’]s\s+$")


def possessor_before(text: str, name_start: int, data: ActorData) -> str | None:
    """The state or organisation of states in "the European Union's Enrique Mora", "Rwanda's
    Paul Kagame": a possessive written right before a name, with no title between, says whom
    the person acts for (a title between is read by ``title_before``)."""
    m = _POSSESSOR.search(text, max(0, name_start - 60), name_start)
    if m is None or m.end() != name_start:
        return None
    ws = m.group(1).split()
    for n in range(len(ws), 0, -1):  # the longest name that ends at the possessive
        ref = data.lookup(" ".join(ws[-n:]))
        if ref is not None and ref.kind in {"state", "igo"} and ref.via in ("name", "alias"):
            return ref.code
    return None


#: How long after leaving office a person still speaks for the state they served.
RECENT_SERVICE_DAYS = 5 * 365


def recent_country(roles: tuple[Role, ...], on: date) -> str | None:
    """Out of office on ``on`` but only ever in one state's service, left less than five years
    before ("Wang Yi" between two posts): that state. Never before a first office begins."""
    countries = {r.country for r in roles}
    if len(countries) != 1 or None in countries:
        return None
    past = [r.valid_to for r in roles if r.valid_from is not None and r.valid_from <= on]
    if not past or None in past:
        return None
    last = max(e for e in past if e is not None)
    return countries.pop() if 0 <= (on - last).days <= RECENT_SERVICE_DAYS else None
