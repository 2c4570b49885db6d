"""From entity mentions to one ``Entity`` per actor: states, IGOs, bodies, people, organisations.

1. each mention -> a reference (ruler key, then table lookup; capitals only when metonymic)
2. mentions grouped per actor (people by data key or full name, surnames joined to full names)
3. context aliases ("the alliance") attached to an IGO already named earlier
4. people: titles as written (before or after the name), country and dated role
5. organisations: country from a state word in or right before the name
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date

from ..intervals import Stretches
from ..model import (
    AnnotatedArticle,
    Entity,
    EntityKind,
    Mention,
    Role,
    Span,
    content_id,
)
from .joins import join_abbreviations, merge_bare_organizations
from .local import is_local_name, local_namesakes, without_local
from .lookups import FixedStretches, People, whole_word_hits, word_starts
from .metonymy import Dependents, Reading, dependents_of, read_mention
from .names import known_longer_name, titled_names
from .records import ActorRef
from .references import attach_title_references
from .staff import serve_their_principal
from .surface import fold, normalize
from .surnames import _bare_surnames, _named_affiliation, short_names, spelled_otherwise
from .tables import ActorData
from .titles import (
    TitleParse,
    adjacent_from,
    country_after,
    possessor_before,
    reads_as_state,
    recent_country,
    title_after,
    title_before,
)

_ACTOR_LABELS = frozenset({"PERSON", "GPE", "NORP", "ORG", "FAC", "LOC"})
_BY_NAME = frozenset({"name", "alias", "demonym"})
_TIME_ZONES = frozenset({"GMT", "UTC", "CET", "CEST", "EET", "EST", "EDT", "PST", "MSK", "BST"})
_JOINED = re.compile(r"^\s*(?:,|and|,\s*and)\s*$")
_ADJACENT = re.compile(r"^(?:\s*|\s*['’]s\s+)$")
_POSSESSIVE_END = re.compile(r"['’]s?$")


@dataclass(slots=True)
class _Draft:
    """An actor being assembled (private and mutable; frozen into an ``Entity`` at the end)."""

    kind: EntityKind
    code: str | None
    name: str
    spans: list[Span] = field(default_factory=list)
    country: str | None = None
    titles: list[str] = field(default_factory=list)
    role: Role | None = None
    written_countries: set[str] = field(default_factory=set)  # countries the titles name


@dataclass(slots=True)
class _Article:
    annotated: AnnotatedArticle
    data: ActorData
    on: date | None
    since: int | None = None  # undated: the latest year the article states
    drafts: dict[str, _Draft] = field(default_factory=dict)
    states: Stretches = field(default_factory=lambda: Stretches(0))  # states read as actors
    names: FixedStretches = field(default_factory=lambda: FixedStretches([]))  # every name found
    people: People = field(default_factory=lambda: People())
    ends: FixedStretches | None = None  # the article's mentions by end (made when first asked)
    dependents: Dependents | None = None  # token -> the tokens it heads (made when first asked)
    local: dict[str, str] = field(default_factory=dict)  # "Georgia" as a US state here

    @property
    def text(self) -> str:
        return self.annotated.article.text

    def add(self, key: str, draft: _Draft, start: int, end: int) -> _Draft:
        kept = self.drafts.setdefault(key, draft)
        kept.spans.append(Span(start, end, self.text[start:end]))
        return kept

    def is_state(self, start: int, end: int) -> bool:
        return self.states.overlaps(start, end)

    def mentions_ending(self, lo: int, hi: int) -> list[Mention]:
        """The article's mentions that end within ``lo..hi``, in the article's order."""
        if self.ends is None:
            self.ends = FixedStretches([(m.start, m.end) for m in self.annotated.mentions])
        return [self.annotated.mentions[i] for i in self.ends.ending_within(lo, hi)]

    def token_dependents(self) -> Dependents:
        if self.dependents is None:
            self.dependents = dependents_of(self.annotated.tokens)
        return self.dependents


def resolve_actors(
    annotated: AnnotatedArticle, data: ActorData, on: date | None, since: int | None = None
) -> tuple[Entity, ...]:
    """One ``Entity`` per distinct actor of the article, with all its mentions; names,
    capitals and offices are read as they were on ``on`` (the article's reference date).
    Without a date, ``since`` (the latest year the article states) bounds whom a bare surname
    can mean: only office holders still serving then."""
    data = data.at(on)
    art = _Article(annotated, data, on, since if on is None else None)
    mentions = sorted(
        (m for m in annotated.mentions if m.label in _ACTOR_LABELS), key=lambda m: (m.start, -m.end)
    )
    art.states = Stretches(
        len(art.text), [(m.start, m.end) for m in mentions if _by_name_state(m, data)]
    )
    mentions = _one_sense_per_article(mentions, data, art.text)
    art.local = local_namesakes(mentions, data, art.text)
    mentions = [m for m in mentions if not is_local_name(m, art.local)]
    named = [m for m in mentions if m.label == "PERSON" and not _names_igo(m, data)]
    missed = [*_missed_names(annotated, data), *_bare_surnames(annotated, data, on, art.since)]
    people = sorted([*named, *missed], key=lambda m: " " not in _name_of(m))
    art.names = FixedStretches([(m.start, m.end) for m in people])
    for m in people:  # full names first, so that surnames find them
        _add_person(art, m)
    named_set = set(named)
    for m in mentions:
        if m not in named_set:
            _place_mention(art, m)
    _find_unlabelled_names(art)
    _attach_context_aliases(art)
    attach_title_references(art, [(s.start, s.end) for d in art.drafts.values() for s in d.spans])
    merge_bare_organizations(art.drafts)
    join_abbreviations(art.text, art.drafts)
    serve_their_principal(art.text, art.drafts)
    return tuple(_freeze(art, key, d) for key, d in _ordered(art.drafts))


def _one_sense_per_article(mentions: list[Mention], data: ActorData, text: str) -> list[Mention]:
    """A state whose name is also a first name ("Jordan", "Chad") that the article names as a
    state elsewhere ("cross into Jordan", "Jordanian") is the state wherever the model took the
    bare name for a person ("Jordan closed its borders"); a full name ("Michael Jordan") stays
    a person."""
    states = {
        ref.code
        for m in mentions
        if m.label != "PERSON"
        and (ref := _reference(m, data)) is not None
        and ref.kind == "state"
        and ref.code
    }
    out = []
    for m in mentions:
        ref = data.lookup(m.text) if m.label == "PERSON" and " " not in m.text.strip() else None
        state = data.state(ref.code) if ref is not None and ref.code else None
        named = ref is not None and (ref.code in states or reads_as_state(text, m.end, data))
        if state is not None and state.name_ambiguous and named:
            m = replace(m, label="GPE")
        out.append(m)
    return out


def _missed_names(annotated: AnnotatedArticle, data: ActorData) -> list[Mention]:
    text = annotated.article.text
    taken = Stretches(len(text), [(m.start, m.end) for m in annotated.mentions])
    return [
        Mention(s, e, text[s:e], "PERSON", None, _clean_name(text[s:e]))
        for s, e in titled_names(text, data, taken)
    ]


def _names_igo(m: Mention, data: ActorData) -> bool:
    """ "Asean", "Opec": an IGO's acronym in mixed case the NER took for a person."""
    ref = data.lookup(m.text)
    return ref is not None and ref.kind in ("igo", "body") and ref.via in _BY_NAME


def _by_name_state(m: Mention, data: ActorData) -> bool:
    ref = _reference(m, data)
    return ref is not None and ref.kind == "state" and ref.via in _BY_NAME


def _reference(m: Mention, data: ActorData) -> ActorRef | None:
    ref = data.lookup(m.text) or (data.lookup(m.canonical) if m.canonical else None)
    if ref is None and m.key:
        ref = _ref_from_key(m.key, data)
    return ref


def _ref_from_key(key: str, data: ActorData) -> ActorRef | None:
    prefix, _, code = key.partition(":")
    if prefix == "state" and (state := data.state(code)):
        return ActorRef(key, "state", code, state.name, "name")
    if prefix in ("igo", "body") and (igo := data.igo(code)):
        return ActorRef(key, igo.kind, code, igo.name, "name")
    if prefix == "group" and (group := data.group(key)):
        return ActorRef(key, "group", None, group.name, "name")
    return None


def _place_mention(art: _Article, m: Mention) -> None:
    ref = _reference(m, art.data) or _shared_name(art, m)
    if (ref is not None and ref.kind == "person") or (
        ref is None
        and (_surname_key(art, _name_of(m)) or _known_full_name(art, m) or _leader_surname(art, m))
    ):
        _add_person(art, m)  # a person the NER labelled otherwise ("Wang" as ORG)
    elif ref is not None and _domestic_namesake(art, m, ref):
        # "Russia's Security Council", "the High Security Council": the state's own body
        country = _country_before(art, m.start)
        name = normalize(m.text)
        key = f"org:{country or ''}:{fold(name)}"
        art.add(key, _Draft("organization", None, name, country=country), m.start, m.end)
    elif ref is not None:
        _add_reference(art, m.start, m.end, ref)
    elif "-" in m.text and m.label in ("GPE", "NORP", "ORG"):
        _add_hyphenated(art, m)
    elif m.label == "ORG" and _is_organization_name(m.text, art.data) and not _headline(art, m):
        _add_organization(art, m)


def _shared_name(art: _Article, m: Mention) -> ActorRef | None:
    """ "Congo", "Congolese": the one of the states going by the name that the article names
    otherwise (Kinshasa, "DR Congo", a minister of its); none when it names both or neither."""
    if m.label not in ("GPE", "NORP"):
        return None
    codes = art.data.shared_names.get(fold(_POSSESSIVE_END.sub("", m.text.strip())))
    if codes is None:
        return None
    named = {
        ref.code
        for x in art.annotated.mentions
        if x.label in _ACTOR_LABELS
        and (ref := _reference(x, art.data)) is not None
        and ref.kind == "state"
        and ref.code in codes
    }
    named |= {d.country for d in art.drafts.values() if d.kind == "person" and d.country in codes}
    state = art.data.state(named.pop()) if len(named) == 1 else None
    return (
        ActorRef(f"state:{state.code}", "state", state.code, state.name, "name") if state else None
    )


#: Words that make a council a state's own, not the UN's: "the High Security Council".
_DOMESTIC_MODIFIERS = frozenset({"High", "Higher", "Supreme", "National", "State", "Federal"})


def _domestic_namesake(art: _Article, m: Mention, ref: ActorRef) -> bool:
    """An international body's short name ("Security Council") that a state's possessive or
    demonym ("Russia's", "Iranian"), or a word of a state's own council ("High", "National"),
    comes right before: that state's body of the same name, not the international one."""
    if ref.kind != "body" or ref.via == "name":
        return False
    before = re.search(r"([A-Z][a-z]+)\s+$", art.text[max(0, m.start - 20) : m.start])
    if before is not None and before.group(1) in _DOMESTIC_MODIFIERS:
        return True
    return _country_before(art, m.start) is not None


def _leader_surname(art: _Article, m: Mention) -> bool:
    """ "Erdogan told Blinken": a single word the NER took for a place or an organisation that
    is the surname of exactly one curated office holder in office on the article's date (or,
    undated, still serving in or after the latest year it states)."""
    word = m.text.strip()
    if art.on is None and art.since is None:
        return False
    if " " in word or not word.istitle() or m.label not in ("GPE", "ORG"):
        return False
    person = art.data.person_by_surname(word, art.on, art.since)
    return person is not None and art.data.is_curated(person.key)


def _known_full_name(art: _Article, m: Mention) -> bool:
    """A full name of the office-holder tables the NER took for an organisation or place."""
    name = _name_of(m)
    return m.label in ("ORG", "GPE", "NORP") and " " in name and art.data.person(name) is not None


def _add_reference(art: _Article, start: int, end: int, ref: ActorRef) -> None:
    if ref.via in ("capital", "metonym"):
        default: Reading = "place" if ref.via == "capital" else "actor"
        reading = read_mention(
            start,
            end,
            art.text,
            art.annotated.tokens,
            art.data.verb_cues,
            art.is_state,
            default,
            art.token_dependents(),
        )
        if reading == "place":
            return
        art.states.add(start, end)  # read as an actor: its conjuncts are too
        igo = art.data.igo_metonym(art.text[start:end]) if ref.via == "capital" else None
        if igo is not None:
            ref = ActorRef(f"{igo.kind}:{igo.code}", igo.kind, igo.code, igo.name, "metonym")
    kinds: dict[str, EntityKind] = {"state": "state", "igo": "igo", "group": "organization"}
    kind = kinds.get(ref.kind, "body")
    art.add(ref.key, _Draft(kind, ref.code, ref.name, country=_parent(ref, art.data)), start, end)


def _parent(ref: ActorRef, data: ActorData) -> str | None:
    """A body's organisation; a non-state group's country."""
    if ref.kind == "group":
        group = data.group(ref.key)
        return group.country if group else None
    igo = data.igo(ref.code) if ref.kind == "body" and ref.code else None
    return igo.parent if igo else None


def _add_hyphenated(art: _Article, m: Mention) -> None:
    """ "US-Russia talks": each part that names a state or IGO is a mention of it."""
    offset = m.start
    for part in m.text.split("-"):
        ref = art.data.lookup(part)
        if ref is not None and ref.kind != "person" and ref.via in _BY_NAME and part:
            _add_reference(art, offset, offset + len(part), ref)
        offset += len(part) + 1


def _name_of(m: Mention) -> str:
    return _clean_name(normalize(m.canonical or m.text))


def _clean_name(name: str) -> str:
    """ "Essid's 2015" -> "Essid"; a name never holds a possessive or digits."""
    name = re.split(r"['’]s\b", name)[0].strip()
    return "" if any(c.isdigit() for c in name) else name


def _add_person(art: _Article, m: Mention) -> None:
    start, end, name = _person_extent(art, m)
    if not name:
        return
    # "King Charles": the name with its title is a listed spelling, the name alone is not
    person = art.data.person(name) or (
        art.data.person(_clean_name(m.text)) if (start, end) != (m.start, m.end) else None
    )
    key = person.key if person else _surname_key(art, name)
    if key is None and " " not in name and (m.label == "PERSON" or _leader_surname(art, m)):
        person = art.data.person_by_surname(name, art.on, art.since)
    elif key is None and m.label == "PERSON":
        person = spelled_otherwise(art.data, name, art.on, art.since)
    key = key or (person.key if person else "name:" + fold(name))
    draft = _Draft("person", None, person.name if person else name)
    kept = art.add(key, draft, start, end)
    if not person and len(name) > len(kept.name) and key.startswith("name:"):
        kept.name = name
    art.people.file(key, kept.name)
    _read_titles(art, kept, start, end, person.name if person else None)


def _person_extent(art: _Article, m: Mention) -> tuple[int, int, str]:
    """The name's own stretch: title words the NER swept in ("Economy Castro Soteldo") move out."""
    start, end = m.start, m.start + len(_clean_name(m.text))
    end = known_longer_name(art.text, start, end, art.data) if m.label == "PERSON" else end
    while True:
        first, _, rest = art.text[start:end].partition(" ")
        if not rest or art.data.title_words.get(first.lower()) not in ("head", "modifier"):
            break
        start += len(first) + 1
    name = _name_of(m) if m.canonical and m.canonical != m.text else art.text[start:end]
    if all(art.data.title_words.get(w.lower()) for w in name.split()):
        return start, end, ""  # "Councilor": a title the NER took for a name
    if name.isupper() and " " not in name and art.data.person(name) is None:
        return start, end, ""  # "LINK", "REUTERS": a label in capitals, not a name
    return start, end, name


def _find_unlabelled_names(art: _Article) -> None:
    """A full name the NER missed somewhere ("... Minister of Defence Sergey Shoyu") is still a
    mention of the person found elsewhere in the article; so is a short name it missed, the
    first or last word of one person's name ("Retno thanked China")."""
    taken = Stretches(
        len(art.text), [(s.start, s.end) for d in art.drafts.values() for s in d.spans]
    )
    words: dict[str, list[int]] | None = None
    for key, draft in list(art.drafts.items()):
        if draft.kind != "person" or " " not in draft.name:
            continue
        if words is None:
            words = word_starts(art.text)
        for start, end in whole_word_hits(art.text, draft.name, words):
            if not taken.overlaps(start, end):
                art.add(key, draft, start, end)
                taken.add(start, end)
                known = art.data.person(draft.name) if key.startswith("person:") else None
                _read_titles(art, draft, start, end, known.name if known else None)
    people = {k: d.name for k, d in art.drafts.items() if d.kind == "person"}
    for start, end, key in short_names(art.annotated, people, art.data.title_words, taken):
        art.add(key, art.drafts[key], start, end)


def _surname_key(art: _Article, name: str) -> str | None:
    """A short name ("Okonjo-Iweala", "Wang", "El Abdi", "Lula") joins the person it is part
    of."""
    words = name.split()
    if not words or len(words) > 2:
        return None
    for key in art.people.ending_with(words):
        full = art.drafts[key].name.split()
        if len(full) > len(words) and full[-len(words) :] == words:
            return key
    for key in art.people.starting_with(words):  # family name first ("Wang" of "Wang Yi")
        full = art.drafts[key].name.split()
        if len(full) > len(words) and full[: len(words)] == words:
            return key
    if len(words) == 1:  # the name a person goes by, inside the full one ("Lula")
        inside = [
            k for k in art.people.inner(words[0]) if words[0] in art.drafts[k].name.split()[1:-1]
        ]
        if len(inside) == 1:
            return inside[0]
    return None


def _read_titles(art: _Article, draft: _Draft, start: int, end: int, known: str | None) -> None:
    sentence = art.annotated.sentence_at(start)
    floor, ceiling = (sentence.start, sentence.end) if sentence else (0, len(art.text))
    # titles are read inside the sentence: only the names there can stop one
    nearby = art.names.overlapping(floor, ceiling)
    others = [(s, e) for s, e in nearby if e <= start or s >= end]
    before = title_before(art.text, start, floor, art.data, others)
    parses = [
        before or _shared_title(art, start, floor, others),
        title_after(art.text, end, ceiling, art.data, others),
    ]
    for parse in (p for p in parses if p is not None):
        _take_title(draft, replace(parse, country=without_local(parse.country, art.local)))
    if (after := without_local(country_after(art.text, end, art.data), art.local)) is not None:
        draft.written_countries.add(after)
        draft.country = draft.country or after
    if before is None and (owner := possessor_before(art.text, start, art.data)) is not None:
        draft.written_countries.add(owner)  # "Rwanda's Paul Kagame"
        draft.country = draft.country or owner
    if known:
        held = art.data.roles_on(known, art.on) if art.on else art.data.roles_of(known)
        draft.role = _best_role(held, draft) or draft.role
        if draft.role is not None:
            draft.country = draft.role.country
        elif draft.country is None and any("former" in t.lower().split() for t in draft.titles):
            # "former Prime Minister Mahathir Mohamad": the one state the person served
            countries = {r.country for r in art.data.roles_of(known)}
            draft.country = countries.pop() if len(countries) == 1 else None
        elif draft.country is None and art.on is not None:
            draft.country = recent_country(art.data.roles_of(known), art.on)


def _best_role(roles: tuple[Role, ...], draft: _Draft) -> Role | None:
    """The office the article speaks of: the one whose country and words the written titles
    echo most, else the most recent (roles are those held on the article's date, or all)."""
    written = {w.lower() for t in draft.titles for w in re.findall(r"\w+", t)}

    def score(role: Role) -> tuple[bool, int, date, date]:
        words = {w.lower() for w in re.findall(r"\w+", role.title)}
        recency = (role.valid_to or date.max, role.valid_from or date.min)
        return (role.country in draft.written_countries, len(written & words), *recency)

    return max(roles, key=score, default=None)


def _shared_title(
    art: _Article, start: int, floor: int, others: list[tuple[int, int]]
) -> TitleParse | None:
    """ "Defence Ministers Ngo Van A and Ivan Petrov": a plural title covers both names (its
    country, if any, is left to the first)."""
    for s, e in others:
        if e <= start and _JOINED.match(art.text[e:start]):
            shared = title_before(art.text, s, floor, art.data, [o for o in others if o[1] <= s])
            last = shared.text.split()[-1].lower() if shared else ""
            if shared and last.endswith("s") and art.data.title_words.get(last) == "head":
                return TitleParse(shared.start, shared.end, shared.text, None)
    return None


def _take_title(draft: _Draft, parse: TitleParse) -> None:
    if parse.text not in draft.titles:
        draft.titles.append(parse.text)
    if parse.country is not None:
        draft.written_countries.add(parse.country)
    if draft.country is None:
        draft.country = parse.country


def _is_organization_name(text: str, data: ActorData) -> bool:
    """Not lower-case ("congress"), not only title words ("Defense", "Party")."""
    name = normalize(text)
    words = name.split()
    return (
        bool(words)
        and name not in _TIME_ZONES
        and name[:1].isupper()
        and not all(data.title_words.get(w.lower()) for w in words)
        and fold(name) not in data.context_words
    )


def _headline(art: _Article, m: Mention) -> bool:
    """A whole heading line tagged as an organisation ("Bilateral Relations")."""
    heads = art.annotated.article.headlines
    return any(h.start <= m.start <= h.start + 4 and m.end >= h.end - 1 for h in heads)


def _add_organization(art: _Article, m: Mention) -> None:
    name = normalize(m.text)
    named = without_local(_named_affiliation(name, art.data), art.local)
    country = named or _country_before(art, m.start)
    rest = _without_country(name, art.data)
    key = f"org:{country or ''}:{fold(rest)}"
    art.add(key, _Draft("organization", None, name, country=country), m.start, m.end)


def _country_before(art: _Article, start: int) -> str | None:
    """A state word right before an organisation's name ("Vietnamese" + "Defence Ministry")."""
    for m in art.mentions_ending(adjacent_from(art.text, start), start):
        if m.end <= start and _ADJACENT.match(art.text[m.end : start]):
            ref = _reference(m, art.data)
            if ref is not None and ref.kind == "state" and ref.via in _BY_NAME:
                return ref.code
    return None


def _without_country(name: str, data: ActorData) -> str:
    first, _, rest = name.partition(" ")
    ref = data.lookup(first)
    return rest if rest and ref is not None and ref.via in _BY_NAME else name


def _attach_context_aliases(art: _Article) -> None:
    """ "the alliance" -> NATO, "the bloc" -> the IGO named most recently before it."""
    taken = Stretches(
        len(art.text), [(s.start, s.end) for d in art.drafts.values() for s in d.spans]
    )
    for start, end, aliases in _context_hits(art):
        if taken.overlaps(start, end):
            continue
        best = _latest_antecedent(art, start, aliases)
        if best is not None:
            art.drafts[best].spans.append(Span(start, end, art.text[start:end]))
            taken.add(start, end)


def _context_hits(art: _Article) -> Iterator[tuple[int, int, frozenset[str]]]:
    phrases: dict[str, set[str]] = {}
    for igo in art.data.igos:
        for alias in igo.context_aliases:
            phrases.setdefault(alias, set()).add(f"{igo.kind}:{igo.code}")
    for phrase, keys in phrases.items():
        rest = phrase.removeprefix("the ")
        if rest not in art.text:
            continue  # the pattern needs these very characters: no search
        pattern = (r"\b[Tt]he " if rest != phrase else r"\b") + re.escape(rest) + r"\b"
        for m in re.finditer(pattern, art.text):
            yield m.start(), m.end(), frozenset(keys)


def _latest_antecedent(art: _Article, start: int, keys: frozenset[str]) -> str | None:
    best, best_at = None, -1
    for key in keys & art.drafts.keys():
        before = [s.start for s in art.drafts[key].spans if s.end <= start]
        if before and max(before) > best_at:
            best, best_at = key, max(before)
    return best


def _ordered(drafts: dict[str, _Draft]) -> list[tuple[str, _Draft]]:
    for d in drafts.values():
        d.spans.sort(key=lambda s: (s.start, s.end))
    return sorted(drafts.items(), key=lambda kv: kv[1].spans[0].start)


def _freeze(art: _Article, key: str, d: _Draft) -> Entity:
    ident = d.code or (d.name if d.kind == "person" else key)
    country = d.code if d.kind == "state" else d.country
    cow, gw = art.data.codes_on(country, art.on)
    return Entity(
        id=content_id("ent", art.annotated.article.id, d.kind, ident),
        name=d.name,
        kind=d.kind,
        code=d.code,
        country=country,
        titles=tuple(d.titles),
        mentions=tuple(dict.fromkeys(d.spans)),
        role=d.role,
        cow=cow,
        gw=gw,
    )
