"""Find the toponyms and venues of an annotated article and geocode them.

Reads ``AnnotatedArticle.mentions`` (GPE/LOC/FAC toponyms; a ``state:`` key from the entity
ruler pins a toponym to its country, so "Moscow" said for Russia is still the city) and the
article text, where venues are found by name ("the Kremlin", "Palais des Nations") or by shape
("NATO headquarters in Brussels", "the Russian Foreign Ministry"). Writes ``PlaceMention``
records. Demonyms (NORP) are not places, but they tell which countries the article is about.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from ..intervals import Stretches
from ..model import AnnotatedArticle, Mention, PlaceMention
from .gazetteer import Gazetteer, Place, name_key
from .resolve import PlaceContext, build_context, lookup, resolve, resolve_in_country

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_GENERIC_VENUE = re.compile(
    r"\b(?:(?P<who>[A-Z][\w.-]+(?: [A-Z][\w.-]+)?) )?"
    r"(?P<what>Foreign Ministry|Defen[cs]e Ministry|Ministry of Foreign Affairs|"
    r"Ministry of Defen[cs]e|[Ee]mbassy|headquarters|Presidential Palace|presidential palace)\b"
)
_IN_PLACE = re.compile(r"\s+in\s+")
# "in the Ethiopian capital on Monday": a nationality's capital named by its role alone (one
# followed by its name, "the Kazakh capital Astana", is the toponym that follows).
_DEMONYM_CAPITAL = re.compile(
    r"\b[Tt]he (?P<who>[A-Z][a-z]+(?: [A-Z][a-z]+)?) capital\b(?!,? +[A-Z])"
)


@dataclass(frozen=True, slots=True)
class _Toponym:
    start: int
    end: int
    text: str  # as written, trimmed of "the" and possessives
    iso3: str | None = None  # set when the NLP stage keyed the mention to a state
    lookup: str | None = None  # the name to look up when it differs from the text ("TBILISI")


CountryOn = Callable[[str], tuple[str, str] | None]


def find_places(
    annotated: AnnotatedArticle, gazetteer: Gazetteer, country_on: CountryOn | None = None
) -> tuple[PlaceMention, ...]:
    """Toponyms and venues of the article, geocoded, in text order, without overlaps.

    ``country_on`` gives, for today's country code, the state that held it on the article's
    date (code and name): a 1987 meeting in Moscow is in the Soviet Union."""
    text = annotated.article.text
    toponyms = list(_toponyms(annotated.mentions))
    toponyms += _dateline_toponyms(text, toponyms)
    toponyms = _in_named_state(text, toponyms, gazetteer)
    settlements = _settlement_toponyms(text, toponyms)
    countries = list(_mentioned_countries(annotated.mentions, gazetteer))
    context = build_context((t.text for t in toponyms), gazetteer, countries)
    venues = list(_venues(text, toponyms, gazetteer, context))
    venues += _city_venues(text, venues, gazetteer, context, countries)
    taken = Stretches(len(text), [(v.start, v.end) for v in venues])
    places = list(venues)
    for capital in _demonym_capitals(text, annotated.mentions, gazetteer):
        if not taken.overlaps(capital.start, capital.end):
            taken.add(capital.start, capital.end)
            places.append(capital)
    for top in toponyms + settlements:
        if taken.overlaps(top.start, top.end):
            continue
        found = _geocode(top, gazetteer, context)
        if found is not None and (top not in settlements or found.kind == "city"):
            places.append(found)
    return tuple(
        _with_country_name(p, gazetteer, country_on)
        for p in sorted(places, key=lambda p: (p.start, p.end))
    )


def _with_country_name(
    p: PlaceMention, gazetteer: Gazetteer, country_on: CountryOn | None
) -> PlaceMention:
    if not p.country:
        return p
    then = country_on(p.country) if country_on is not None else None
    if then is not None:
        return replace(p, country=then[0], country_name=then[1])
    state = gazetteer.country(p.country)
    return replace(p, country_name=state.name) if state is not None else p


def place_for(
    text: str, gazetteer: Gazetteer, context_countries: Iterable[str] = ()
) -> PlaceMention | None:
    """Geocode a short phrase ("in Geneva", "the Kremlin"); offsets index ``text``."""
    stripped = re.sub(r"^\s*(?:in|at|to|from|near)\s+", "", text)
    offset = len(text) - len(stripped)
    body = stripped.strip()
    offset += len(stripped) - len(stripped.lstrip())
    top = _trim(Mention(offset, offset + len(body), body, "GPE"))
    if top is None:
        return None
    venue = gazetteer.venues.get(name_key(top.text))
    if venue is not None:
        start = _with_the(text, top.start)
        return _venue_mention(start, top.end, text[start : top.end], text[start : top.end], venue)
    context = build_context((), gazetteer, context_countries)
    return _geocode(top, gazetteer, context)


def _toponyms(mentions: Iterable[Mention]) -> Iterator[_Toponym]:
    for m in mentions:
        if m.label not in PLACE_LABELS:
            continue
        if m.key and not m.key.startswith("state:"):
            continue
        top = _trim(m)
        if top is not None:
            yield top


# "TBILISI, Georgia (AP) —", "HAVANA, March 4 (Reuters) -", "NEW DELHI -": a city in capitals
# opening one of the first lines; the tagger rarely labels words written in capitals.
_DATELINE = re.compile(r"^[ \t]*([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2})(?=,|\s*\(|\s+[-—–])", re.M)
_DATELINE_LINES = 4


def _dateline_toponyms(text: str, known: list[_Toponym]) -> list[_Toponym]:
    out: list[_Toponym] = []
    lines = 0
    for line in re.finditer(r"[^\n]*\S[^\n]*", text):
        lines += 1
        if lines > _DATELINE_LINES:
            break
        m = _DATELINE.match(line.group())
        if m is None:
            continue
        start, end = line.start() + m.start(1), line.start() + m.end(1)
        if not any(t.start < end and start < t.end for t in known):
            out.append(_Toponym(start, end, m.group(1), lookup=m.group(1).title()))
    return out


# "the Colombian border city of Cucuta", "the port of Aden": a settlement named after its
# kind, which the tagger often leaves unlabelled; kept only when it is a city in the gazetteer
_CALENDAR = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The)\b"
)
_SETTLEMENT_OF = re.compile(
    r"\b(?:city|town|port|village|resort) of ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})"
    # "will fly to São Tomé", "arrived in Nuku'alofa": a journey's end the tagger left unlabelled
    r"|\b(?:fl(?:y|ies|ew)|travel(?:s|led|ed)?|arriv(?:e|es|ed)|land(?:s|ed)?) (?:to|in) "
    rf"((?!{_CALENDAR})[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){{0,2}})"
    # "held talks in Male", "met in Port Vila": where a meeting is held
    r"|\b(?:talks|meetings?|summit|consultations|negotiations|met|meets?|convened) in "
    rf"((?!{_CALENDAR})[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){{0,2}})"
)


def _settlement_toponyms(text: str, known: list[_Toponym]) -> list[_Toponym]:
    out: list[_Toponym] = []
    for m in _SETTLEMENT_OF.finditer(text):
        group = next(g for g in (1, 2, 3) if m.group(g))
        start, end = m.start(group), m.end(group)
        if not any(t.start < end and start < t.end for t in known):
            out.append(_Toponym(start, end, m.group(group)))
    return out


def _trim(m: Mention) -> _Toponym | None:
    start, text = m.start, m.text
    lead = _LEADING_THE.match(text)
    if lead:
        start += lead.end()
        text = text[lead.end() :]
    tail = _POSSESSIVE.search(text)
    if tail:
        text = text[: tail.start()]
    text = text.rstrip(" ,;:-\u2013\u2014")  # "PANAMA CITY -": a dateline's dash
    if text.endswith(".") and "." not in text[:-1]:
        text = text[:-1]  # a sentence's full stop, not an abbreviation's ("U.S.", "D.C.")
    if not text or not text[0].isupper():
        return None
    iso3 = m.key.split(":", 1)[1] if m.key and m.key.startswith("state:") else None
    lookup = text.title() if text.isupper() and len(text) > 3 else None  # "PANAMA CITY"
    return _Toponym(start, start + len(text), text, iso3, lookup)


def _in_named_state(text: str, toponyms: list[_Toponym], gazetteer: Gazetteer) -> list[_Toponym]:
    """ "in Argyle, St Vincent and the Grenadines": a place followed by a comma and a state is
    looked up in that state (the state itself when the gazetteer lacks the place), unless the
    state's name is also a division of a country the place may lie in ("Atlanta, Georgia")."""
    after = {t.start: t for t in toponyms}
    out = []
    for t in toponyms:
        state = after.get(t.end + 2)
        if t.iso3 is None and state is not None and state.iso3 and text[t.end : t.end + 2] == ", ":
            homes = {c.place.country for c in lookup(t.lookup or t.text, gazetteer)}
            divisions = {
                c.place.country for c in lookup(state.text, gazetteer) if c.place.kind != "country"
            }
            if not homes & divisions:
                t = replace(t, iso3=state.iso3)
        out.append(t)
    return out


def _mentioned_countries(mentions: Iterable[Mention], gazetteer: Gazetteer) -> Iterator[str]:
    """Countries named only through demonyms ("Russian", "French"): the toponyms themselves,
    keyed or not, already speak through their own readings."""
    for m in mentions:
        if m.label != "NORP":
            continue
        if m.key and m.key.startswith("state:"):
            yield m.key.split(":", 1)[1]
            continue
        place = gazetteer.demonym(m.text)
        if place is not None and place.country:
            yield place.country


def _geocode(top: _Toponym, gazetteer: Gazetteer, context: PlaceContext) -> PlaceMention | None:
    place = _place_of(top, gazetteer, context)
    if place is None:
        return None
    return PlaceMention(
        start=top.start,
        end=top.end,
        text=top.text,
        name=place.name,
        country=place.country,
        lat=place.lat,
        lon=place.lon,
        kind=place.kind,
    )


def _place_of(top: _Toponym, gazetteer: Gazetteer, context: PlaceContext) -> Place | None:
    name = top.lookup or top.text
    if top.iso3:
        return resolve_in_country(name, top.iso3, gazetteer, context)
    return resolve(name, gazetteer, context)


def _venues(
    text: str, toponyms: list[_Toponym], gazetteer: Gazetteer, context: PlaceContext
) -> Iterator[PlaceMention]:
    taken = Stretches(len(text))
    by_start: dict[int, list[tuple[int, _Toponym]]] = {}  # (list position, toponym) by start
    for n, top in enumerate(toponyms):
        by_start.setdefault(top.start, []).append((n, top))
    for start, end, venue, place in _venue_hits(text, gazetteer):
        if taken.overlaps(start, end):
            continue
        located = _located_in(end, text, by_start, gazetteer, context)
        if located is not None:
            top, where = located
            taken.add(start, top.end)
            yield _venue_mention(start, top.end, text[start : top.end], venue, where)
        elif place is not None:
            taken.add(start, end)
            yield _venue_mention(start, end, text[start:end], venue, place)


# "the Bogor Palace", "the Lima Convention Center": a venue named after the city it stands in
_CITY_VENUE = re.compile(
    r"\b(?P<city>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) (?P<what>Palace|Convention Cent(?:re|er)|"
    r"Conference Cent(?:re|er)|State House|Government House|City Hall)\b"
)


def _city_venues(
    text: str,
    known: list[PlaceMention],
    gazetteer: Gazetteer,
    context: PlaceContext,
    countries: list[str],
) -> list[PlaceMention]:
    """Venues named after their city, where the city is one of the article's states' cities."""
    out: list[PlaceMention] = []
    for m in _CITY_VENUE.finditer(text):
        if any(p.start < m.end() and m.start() < p.end for p in known + out):
            continue
        city = _Toponym(m.start("city"), m.end("city"), m.group("city"))
        found = _place_of(city, gazetteer, context)
        if found is None or found.kind != "city" or found.country not in countries:
            continue
        start = _with_the(text, m.start())
        out.append(_venue_mention(start, m.end(), text[start : m.end()], m.group(0), found))
    return out


def _venue_hits(text: str, gazetteer: Gazetteer) -> Iterator[tuple[int, int, str, Place | None]]:
    """Known venues by name, then generic ones ("NATO headquarters", "Russian Foreign Ministry")."""
    for match in gazetteer.venue_pattern.finditer(text):
        start = _with_the(text, match.start())
        place = gazetteer.venues[name_key(match.group(0))]
        yield start, match.end(), text[start : match.end()], place
    for match in _GENERIC_VENUE.finditer(text):
        who = match.group("who")
        in_capital = who is not None and match.group("what").lower() != "embassy"
        seat = _capital_of(who, gazetteer) if in_capital and who else None
        start = _with_the(text, match.start())
        yield start, match.end(), text[start : match.end()], seat


def _demonym_capitals(
    text: str, mentions: Iterable[Mention], gazetteer: Gazetteer
) -> Iterator[PlaceMention]:
    keyed = {
        m.start: m.key.split(":", 1)[1]
        for m in mentions
        if m.label in {"NORP", "GPE"} and m.key and m.key.startswith("state:")
    }  # "the Saudi capital": the tagger may read "Saudi" as the state itself
    for match in _DEMONYM_CAPITAL.finditer(text):
        iso3 = keyed.get(match.start("who"))
        seat = gazetteer.capitals.get(iso3) if iso3 else _capital_of(match.group("who"), gazetteer)
        if seat is not None:
            yield PlaceMention(
                start=match.start(),
                end=match.end(),
                text=match.group(0),
                name=seat.name,
                country=seat.country,
                lat=seat.lat,
                lon=seat.lon,
                kind="city",
            )


def _with_the(text: str, start: int) -> int:
    """Move ``start`` back over a preceding "the " so the venue reads as written."""
    before = text[max(0, start - 4) : start]
    return start - 4 if before in ("the ", "The ") else start


def _capital_of(who: str, gazetteer: Gazetteer) -> Place | None:
    demonym = gazetteer.demonym(who)
    iso3 = demonym.country if demonym is not None and demonym.feature == "country" else None
    if iso3 is None:
        cands = [c.place for c in gazetteer.candidates(who) if c.place.feature == "country"]
        iso3 = cands[0].country if cands else None
    return gazetteer.capitals.get(iso3 or "")


def _located_in(
    end: int,
    text: str,
    by_start: dict[int, list[tuple[int, _Toponym]]],
    gazetteer: Gazetteer,
    context: PlaceContext,
) -> tuple[_Toponym, Place] | None:
    """The toponym right after "<venue> in ...": of those starting at most four characters
    after the gap, the first in the article's list (``by_start``: toponyms by start, each with
    its position in the list), with its place."""
    gap = _IN_PLACE.match(text, end)
    if gap is None:
        return None
    near = [nt for at in range(gap.end(), gap.end() + 5) for nt in by_start.get(at, ())]
    if near:
        top = min(near, key=lambda nt: nt[0])[1]
        place = _place_of(top, gazetteer, context)
        return (top, place) if place is not None else None
    return None


def _venue_mention(start: int, end: int, text: str, venue: str, place: Place) -> PlaceMention:
    return PlaceMention(
        start=start,
        end=end,
        text=text,
        name=place.name,
        country=place.country,
        lat=place.lat,
        lon=place.lon,
        kind="venue",
        venue=venue,
    )


def geocode_span(
    text: str, start: int, end: int, gazetteer: Gazetteer, context: PlaceContext
) -> Place | None:
    """Resolve a given span of ``text`` (a toponym found by someone else) in its document context.

    A known venue ("White House") resolves to its city; a demonym span ("Syrian") resolves to
    its country or region.
    """
    top = _trim(Mention(start, end, text[start:end], "GPE"))
    if top is None:
        return None
    known = gazetteer.venues.get(name_key(top.text)) or gazetteer.demonym(top.text)
    if known is not None:
        return known  # "Canadian" is Canada here, not the town of Canadian, Texas
    return resolve(top.text, gazetteer, context)
