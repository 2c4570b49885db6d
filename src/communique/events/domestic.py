"""Unnamed bodies of a state ("the police", "security forces", "protesters", "the opposition",
"lawmakers"): actors of the state the text places them in (rule role.home_state).

Analysts code a domestic act with its country on both sides ("Police fired tear gas at
protesters" in a report from Iran: COERCE IRN -> IRN). The words are curated
(``events/data/domestic_bodies.csv``); the country is, in order:

1. a place named in the phrase itself ("Tehran police", "protesters in Shiraz"), when it agrees
   with the home state;
2. the article's home state: the one state that dominates its names of states, their people and
   their places (at least twice the weight of any other) and that it names as a state, so that
   in a report of two or more states in contact an unnamed body stays uncoded.

A body whose phrase names another actor ("Iranian security forces", "the army of Mali") is left
to that actor, as before; one marked as outside the state ("foreign troops", "rebel forces";
``events/data/outside_words.csv``) is no body of it. Titled people the data tie to no state and
organisations named as political bodies are the home state's too, unless a sentence of theirs
names another state. Read before the events stage's parse, like ``regional.py``, so that every
rule sees these actors."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..model import (
    AnnotatedArticle,
    Entity,
    Event,
    PlaceMention,
    Sentence,
    Span,
    Token,
    content_id,
)
from .arguments import party_code
from .lexicon import BodyWords
from .rules import rule

#: Acts done at home whose unnamed target is the actor's own state.
AT_HOME = frozenset({"PROTEST", "MOBILIZE", "CONCEDE"})
#: Directed acts whose target, unnamed or a person or group no code names, is the actor's own
#: state when the act is told at home ("rejected the verdict as a sham", "accused protest
#: leaders of links to gangs": PAK -> PAK, ECU -> ECU), as analysts code domestic acts.
AIMED_AT_HOME = frozenset({"ACCUSE", "REJECT", "REQUEST", "COERCE", "ASSAULT"})
#: Of these, acts usually aimed abroad ("Russia massed troops"): at home only when told with a
#: place of the home state or one of its bodies.
AWAY = frozenset({"MOBILIZE"})
#: Weight of a mention of a state, of a person or body of it, of a place in it.
STATE_WEIGHT = 1.0
MEMBER_WEIGHT = 0.5
PLACE_WEIGHT = 1.0
#: The home state weighs at least this many times the next one.
DOMINANCE = 2.0
#: The state of the dateline's city counts this much more against another state's claim.
DATELINE_WEIGHT = 3.0
_PLACE_KINDS = frozenset({"city", "region"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "npadvmod"})
_PLACE_PREPS = frozenset({"in", "from"})
#: Nouns for states themselves: a body "of"/"from" them is theirs, not the home state's.
_STATES_NOUNS = frozenset({"country", "nation", "state", "side", "government", "member"})
#: Named-entity labels of a people or a place: a modifier so labelled names whose body it is.
_NATIONAL_LABELS = frozenset({"NORP", "GPE", "LOC"})
#: A body noun with one of these prepositions names a relation, not the body itself
#: ("opposition to the plan", "the army of Mali"; "supporters of Evo Morales" are bodies).
_RELATION_PREPS = frozenset({"to", "of", "for"})


@dataclass(frozen=True, slots=True)
class HomeBodies:
    """What ``domestic_bodies`` found: the entities with the bodies added, the ids of the armed
    ones, the start offsets of the sentences that name a state other than the home state, and
    of those that name a place in it or one of its bodies."""

    entities: tuple[Entity, ...]
    forces: frozenset[str] = frozenset()
    foreign: frozenset[int] = frozenset()
    at_home: frozenset[int] = frozenset()  # sentences naming a home place or a body of it


def home_state(
    entities: Sequence[Entity], places: Sequence[PlaceMention], filed_in: str | None = None
) -> str | None:
    """The state the article is set in: the one whose names, people and places outweigh every
    other state's at least ``DOMINANCE`` times, and that the article names as a state (by name
    or its people's name); None when none does. ``filed_in``: the state of the dateline's city,
    which counts ``DATELINE_WEIGHT`` more against another state ("WARSAW - ... Belarus ...
    Belarusian ... Minsk": no clear home); it never makes a home itself."""
    weight: dict[str, float] = {}
    for e in entities:
        code = e.code if e.kind == "state" else e.country
        if e.kind == "igo" or not code or len(code) != 3 or not code.isupper():
            continue
        each = STATE_WEIGHT if e.kind == "state" else MEMBER_WEIGHT
        weight[code] = weight.get(code, 0.0) + len(e.mentions) * each
    for p in places:
        if p.country and p.kind in _PLACE_KINDS:
            weight[p.country] = weight.get(p.country, 0.0) + PLACE_WEIGHT
    ranked = sorted(weight.items(), key=lambda kv: -kv[1])[:2]
    if not ranked:
        return None
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    top = ranked[0][0]
    if filed_in and filed_in != top and weight.get(filed_in, 0.0) > PLACE_WEIGHT:
        # a report filed from another state the article names besides its dateline ("WARSAW -
        # Poland said ... Belarus"), not one filed from a bureau abroad ("DUBAI - Iranian ...")
        second = max(second, weight[filed_in] + DATELINE_WEIGHT)
    # a state known only from place names may be a namesake ("Athens" in a report from Texas),
    # also where the actors stage read the capital as the state
    towns = {(p.start, p.end) for p in places if p.kind in _PLACE_KINDS}
    named = any(
        (m.start, m.end) not in towns
        for e in entities
        if e.kind == "state" and e.code == top
        for m in e.mentions
    )
    return top if named and ranked[0][1] >= DOMINANCE * second else None


def domestic_bodies(
    annotated: AnnotatedArticle,
    entities: tuple[Entity, ...],
    places: tuple[PlaceMention, ...],
    words: BodyWords,
    home: str | None,
) -> HomeBodies:
    """The entities, officials of the home state among them, with one more per body phrase and
    state (all its mentions); the ids of those bodies that are armed forces; the sentences that
    name another state."""
    foreign = _foreign_sentences(annotated, entities, places, home) if home else frozenset()
    if home is not None:
        counterparts = _home_counterparts(annotated, entities, home)
        entities = tuple(
            e
            if _told_beside_other_states(annotated, e, foreign | counterparts)
            else _of_home(e, home, words)
            for e in entities
        )
    tokens = annotated.tokens
    taken = _covered(annotated, entities)
    kids: dict[int, list[int]] = {}
    for t in tokens:
        if t.head != t.i:
            kids.setdefault(t.head, []).append(t.i)
    starts = [t.start for t in tokens]
    place_at = {
        i: p.country
        for p in places
        if p.country
        for i in range(bisect_left(starts, p.start), bisect_left(starts, p.end))
    }
    nationals = {
        i
        for m in annotated.mentions
        if m.label in _NATIONAL_LABELS and m.text.casefold() not in words.affiliations
        for i in range(bisect_left(starts, m.start), bisect_left(starts, m.end))
    }
    found: dict[tuple[str, str], list[Span]] = {}
    names: dict[tuple[str, str], str] = {}
    for head, t in enumerate(tokens):
        if t.pos not in {"NOUN", "PROPN"}:
            continue
        found_at = _phrase_at(tokens, head, words)
        if found_at is None or any(k in taken for k in range(found_at[0], head + 1)):
            continue
        first, lemmas_of = found_at
        if _names_another(tokens, head, words.quantities) or _group_told(tokens, kids, head):
            continue
        if lemmas_of in words.single and "Number=Plur" in t.morph:
            continue  # "the two governments", "Western governments": several states
        country = _country(tokens, kids, head, first, taken, place_at, words, home, nationals)
        if country is None:
            continue
        lemmas = " ".join(lemmas_of)
        key = (lemmas, country)
        start, end = tokens[first].start, tokens[head].end
        found.setdefault(key, []).append(Span(start, end, annotated.article.text[start:end]))
        names.setdefault(key, annotated.article.text[start:end])
    extra = tuple(
        Entity(
            id=content_id("ent", annotated.article.id, "body", lemmas, country),
            name=names[(lemmas, country)],
            kind="organization",
            code=None,
            country=country,
            titles=(),
            mentions=tuple(spans),
        )
        for (lemmas, country), spans in found.items()
    )
    forces = frozenset(
        e.id
        for e, (lemmas, _) in zip(extra, found, strict=True)
        if tuple(lemmas.split()) in words.forces
    )
    inside = [p.start for p in places if p.country == home and p.kind in _PLACE_KINDS]
    inside += [m.start for e in extra if e.id not in forces for m in e.mentions]
    at_home = frozenset(s.start for at in inside if (s := annotated.sentence_at(at)) is not None)
    return HomeBodies(entities + extra, forces, foreign, at_home)


def _foreign_sentences(
    annotated: AnnotatedArticle,
    entities: Sequence[Entity],
    places: Sequence[PlaceMention],
    home: str,
) -> frozenset[int]:
    """Start offsets of the sentences that name a state other than the home state (by name,
    people, place or one of its officials)."""
    spans = [
        m.start
        for e in entities
        if e.kind != "igo" and (e.code if e.kind == "state" else e.country) not in {None, home}
        for m in e.mentions
    ]
    spans += [p.start for p in places if p.country and p.country != home]
    out = set()
    for at in spans:
        s = annotated.sentence_at(at)
        if s is not None:
            out.add(s.start)
    return frozenset(out)


_COUNTERPART = re.compile(r"\b(?:his|her|their)\s+(?:[\w-]+\s+){0,2}?counterparts?\b", re.I)


def _home_counterparts(
    annotated: AnnotatedArticle, entities: Sequence[Entity], home: str
) -> frozenset[int]:
    """Start offsets of the sentences that call a party of the home state someone's
    counterpart ("held a video call with his Bangladeshi counterpart"): the someone is of
    another state."""
    text = annotated.article.text
    home_spans = [
        (m.start, m.end)
        for e in entities
        if e.kind == "state" and e.code == home
        for m in e.mentions
    ]
    out = set()
    for hit in _COUNTERPART.finditer(text):
        if any(hit.start() <= a and b <= hit.end() for a, b in home_spans):
            s = annotated.sentence_at(hit.start())
            if s is not None:
                out.add(s.start)
    return frozenset(out)


def _told_beside_other_states(
    annotated: AnnotatedArticle, e: Entity, foreign: frozenset[int]
) -> bool:
    """A mention of the entity shares its sentence with another state ("Saudi Arabia has
    deposited $2 billion in Pakistan's central bank, Finance Minister Ishaq Dar said"): which
    state it serves is not clear from the home state alone."""
    for m in e.mentions:
        s = annotated.sentence_at(m.start)
        if s is not None and s.start in foreign:
            return True
    return False


def _of_home(e: Entity, home: str, words: BodyWords) -> Entity:
    """A person with a title of office and no state in the data or the text ("Interior Minister
    Evariste Boshab", "former President Evo Morales") holds or held it in the home state; an
    organisation named as a political body ("the Move Forward Party", "the Human Rights
    Commission"), not as one outside ("Amnesty International"), is of the home state."""
    if e.country is not None:
        return e
    if e.kind == "person" and e.titles and not any(envoy_title(t) for t in e.titles):
        return replace(e, country=home)
    named = {w.strip(".,'’()").casefold() for w in e.name.split()}
    if e.kind == "organization" and named & words.political and not named & words.outside:
        return replace(e, country=home)
    return e


#: Titles of those posted abroad: an ambassador in a report from Colombo is not Sri Lanka's.
ENVOY_WORDS = frozenset({"ambassador", "envoy", "chargé", "charge", "consul", "attaché", "attache"})


def envoy_title(title: str) -> bool:
    """ "Ambassador", "High Commissioner", "Special Envoy" (not "Human Rights Commissioner")."""
    words = {w.strip(".,'’()").casefold() for w in title.split()}
    if "commissioner" in words:
        return "high" in words
    return bool(words & ENVOY_WORDS)


def _group_told(tokens: Sequence[Token], kids: dict[int, list[int]], head: int) -> bool:
    """ "the two leaders", "both leaders": the parties told before (role.group_subject), not a
    body of one state; "two protesters were killed" is a count."""
    words = {tokens[k].text.lower() for k in kids.get(head, [])}
    deps = {tokens[k].dep for k in kids.get(head, [])}
    return "both" in words or ("nummod" in deps and bool(words & {"the", "these", "those"}))


def _names_another(tokens: Sequence[Token], head: int, quantities: frozenset[str]) -> bool:
    """ "a member of parliament", "the leader of the opposition": the
    phrase names whom another noun belongs to, not the body acting."""
    t = tokens[head]
    if t.dep == "pobj":
        prep = tokens[t.head]
        owner = tokens[prep.head]
        return (
            prep.text.lower() == "of"
            and owner.pos in {"NOUN", "PROPN"}
            and owner.lemma.lower() not in quantities
        )
    return False


def home_state_roles(
    annotated: AnnotatedArticle,
    events: Sequence[Event],
    home: str | None,
    found: HomeBodies,
    given: frozenset[str],
    entities: Sequence[Entity],
) -> tuple[Event, ...]:
    """Events with a party this step tied to the home state (``given``: bodies and officials)
    name rule role.home_state. An act done at home with no target named (a protest, a
    deployment, a concession: ``AT_HOME``) by the home state's own people, told in
    sentences that name no other state, is aimed at that state, as analysts code domestic acts
    ("protesters blocked roads": PROTEST IRN -> IRN; "the governor resigned": CONCEDE RUS ->
    RUS), when the article names it. So is a directed act of theirs with no target coded
    (``AIMED_AT_HOME``, rule role.aimed_at_home: "the opposition rejected the verdict as a sham":
    PAK -> PAK), when neither its sentence nor the one before names another state, another
    people or an international body."""
    events = [_forces_sent(ev, found.forces) for ev in events]
    if home is None:
        return tuple(events)
    by_id = {e.id: e for e in entities}
    state = next((e.id for e in entities if e.kind == "state" and e.code == home), None)
    settled = _told_at_length(annotated, entities, home)
    others = _naming_other_parties(annotated, home) if settled else frozenset()
    out = []
    for ev in events:
        tied = any(p in given for p in (*ev.actors, *ev.recipients))
        codes = {party_code(by_id[a]) for a in ev.actors if a in by_id}
        aim = (
            (ev.type in AT_HOME or ev.type in AIMED_AT_HOME)
            and not ev.recipients
            and ev.meeting is None
            and codes == {home}
            and state is not None
            and not _beside_other_states(annotated, ev, found.foreign)
            and (ev.type not in AWAY or _at_home(annotated, ev, found.at_home))
            and (ev.type in AT_HOME or (settled and _aimed_at_home(annotated, ev, others)))
        )
        if aim and state is not None:
            ev = replace(ev, recipients=(state,))
        if aim and ev.type in AIMED_AT_HOME:
            ev = replace(ev, rules=(*ev.rules, rule("role.aimed_at_home")))
        if aim or tied:
            ev = replace(ev, rules=(*ev.rules, rule("role.home_state")))
        out.append(ev)
    return tuple(out)


#: Acts whose object is what is done, not whom it is aimed at: armed forces sent, deployed,
#: withdrawn, granted ("NATO approved additional troops", "sent soldiers").
THEME_TYPES = frozenset({"MOBILIZE", "AID", "RETREAT", "AGREE", "SUPPORT"})


def _at_home(annotated: AnnotatedArticle, ev: Event, at_home: frozenset[int]) -> bool:
    """ "deployed soldiers to help police quell riots in Durban": the act is told with a place
    of the home state or one of its bodies."""
    return any(
        (s := annotated.sentence_at(sp.start)) is not None and s.start in at_home
        for sp in ev.evidence
    )


#: Sentences naming the home state (or its people, officials, bodies) that make a report one
#: of domestic news, whose untargeted acts are aimed at home: a line or two is not enough.
SETTLED_SENTENCES = 3


def _told_at_length(annotated: AnnotatedArticle, entities: Sequence[Entity], home: str) -> bool:
    starts = {
        s.start
        for e in entities
        if e.kind != "igo" and (e.code if e.kind == "state" else e.country) == home
        for m in e.mentions
        if (s := annotated.sentence_at(m.start)) is not None
    }
    return len(starts) >= SETTLED_SENTENCES


def _aimed_at_home(annotated: AnnotatedArticle, ev: Event, others: frozenset[int]) -> bool:
    """A directed act the text tells (not one read from an obligation,
    "provinces should be afforded ...", or a refusal's complement), not an inquiry ("authorities
    investigate the circumstances of his death"), in sentences that name no other party."""
    return (
        not INFERRED_ACTS.intersection(ev.rules)
        and ev.mode not in NOT_AIMED_MODES
        and not _names_another_party(annotated, ev, others)
    )


#: Modes of directed acts that aim at no one at home: an inquiry is no accusation of anyone.
NOT_AIMED_MODES = frozenset({"investigate"})
#: Rules that read an act out of something else said: a target left unnamed stays unknown.
INFERRED_ACTS = frozenset({"position.obligation", "position.refusal_complement"})


def _naming_other_parties(annotated: AnnotatedArticle, home: str) -> frozenset[int]:
    """Start offsets of the sentences that name another state (also by a people's name, "the
    Congolese army", which names no actor of its own) or an international body."""
    out = set()
    for m in annotated.mentions:
        key = m.key or ""
        if key.startswith("igo:") or (key.startswith("state:") and key[6:] != home):
            s = annotated.sentence_at(m.start)
            if s is not None:
                out.add(s.start)
    return frozenset(out)


def _names_another_party(annotated: AnnotatedArticle, ev: Event, others: frozenset[int]) -> bool:
    """The act's sentence, or the one before it, names another party: the act may be aimed there
    ("... accused the Ugandan army of crossing the border. Kenya also demanded compensation.")."""
    for sp in ev.evidence[:1]:
        s = annotated.sentence_at(sp.start)
        if s is None:
            continue
        k = bisect_left(annotated.sentences, s.start, key=_sentence_start)
        if s.start in others or (k > 0 and annotated.sentences[k - 1].start in others):
            return True
    return False


def _sentence_start(s: Sentence) -> int:
    return s.start


def _beside_other_states(annotated: AnnotatedArticle, ev: Event, foreign: frozenset[int]) -> bool:
    """ "Poland deployed troops to the border with Belarus": a sentence that names another state
    may aim the act at it."""
    return any(
        (s := annotated.sentence_at(sp.start)) is not None and s.start in foreign
        for sp in ev.evidence
    )


def _forces_sent(ev: Event, forces: frozenset[str]) -> Event:
    """Armed bodies among the recipients of an act that moves or grants forces are what it
    moves, not its target."""
    if ev.type not in THEME_TYPES or not any(r in forces for r in ev.recipients):
        return ev
    kept = tuple(r for r in ev.recipients if r not in forces)
    return replace(ev, recipients=kept, rules=(*ev.rules, rule("role.home_state")))


def _covered(annotated: AnnotatedArticle, entities: Sequence[Entity]) -> dict[int, str]:
    """Token indices inside a mention of an entity already known, with that entity's kind."""
    starts = [t.start for t in annotated.tokens]
    return {
        i: e.kind
        for e in entities
        for m in e.mentions
        for i in range(bisect_left(starts, m.start), bisect_left(starts, m.end))
    }


def _phrase_at(
    tokens: Sequence[Token], head: int, words: BodyWords
) -> tuple[int, tuple[str, ...]] | None:
    """The first token and the words of the longest curated phrase ending at ``head``."""
    for n in range(min(words.longest, head + 1), 0, -1):
        first = head - n + 1
        lemmas = tuple(tokens[k].lemma.lower() for k in range(first, head))
        written = tuple(tokens[k].text.lower() for k in range(first, head))
        last = (tokens[head].lemma.lower(),)
        for phrase in (lemmas + last, written + last):
            if phrase in words.phrases:
                return first, phrase  # "ruling party": a modifier as written, the head as lemma
    return None


def _country(
    tokens: Sequence[Token],
    kids: dict[int, list[int]],
    head: int,
    first: int,
    taken: dict[int, str],
    place_at: dict[int, str],
    words: BodyWords,
    home: str | None,
    nationals: set[int],
) -> str | None:
    """The state a body phrase belongs to, or None (another actor is named in it, it is marked
    as outside, or no state is clear)."""
    here: str | None = None
    for k in kids.get(head, []):
        dep = tokens[k].dep
        inner = _subtree(kids, k)
        if dep in _MODIFIER_DEPS or k < first:
            if any(tokens[j].lemma.lower() in words.outside for j in inner):
                return None
            if any(j in taken for j in inner):
                return None  # "Iranian security forces": Iran itself is the actor
            place = next((place_at[j] for j in inner if j in place_at), None)
            if place is None and any(j in nationals for j in inner):
                return None  # "the Congolese army": a nationality the actors stage left open
            here = here or place
        elif dep == "prep":
            word = tokens[k].text.lower()
            if any(tokens[j].lemma.lower() in _STATES_NOUNS for j in kids.get(k, [])):
                return None  # "officials from both countries", "leaders of the two nations"
            of_person = word == "of" and all(taken.get(j, "person") == "person" for j in inner)
            if (
                word in _RELATION_PREPS
                and any(tokens[j].dep == "pobj" for j in kids.get(k, []))
                and not of_person
            ):
                # "opposition to the plan", "the army of Mali"; not "accused the opposition of
                # lying", "supporters of former President Evo Morales"
                return None
            if word in _PLACE_PREPS:
                if any(j in taken for j in inner):
                    return None
                here = here or next((place_at[j] for j in inner if j in place_at), None)
    if any(tokens[j].lemma.lower() in words.outside for j in range(first, head)):
        return None
    if here is not None and home is not None and here != home:
        return None  # a place elsewhere, or a place name read wrongly: no clear state
    if here is None and home is not None and _acts_elsewhere(tokens, kids, head, place_at, home):
        return None  # "protesters stormed the Saudi embassy in Tehran": not the home state's
    return here or home


def _acts_elsewhere(
    tokens: Sequence[Token],
    kids: dict[int, list[int]],
    head: int,
    place_at: dict[int, str],
    home: str,
) -> bool:
    """The body is the subject of a clause set only in places of another state."""
    if tokens[head].dep not in {"nsubj", "nsubjpass"}:
        return False
    verb = tokens[head].head
    own = set(_subtree(kids, head))
    where = {place_at[j] for j in _subtree(kids, verb) if j in place_at and j not in own}
    return bool(where) and home not in where


def _subtree(kids: dict[int, list[int]], top: int) -> list[int]:
    out, todo = [], [top]
    while todo:
        k = todo.pop()
        out.append(k)
        todo.extend(kids.get(k, []))
    return out
