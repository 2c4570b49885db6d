"""Parties named only by a place: an attack on positions in a country, an envoy recalled from a
capital (targets); people held in a country with no one said to hold them (the actor). Used
when the clause names no party in that role."""

from __future__ import annotations

from ..model import Entity, PlaceMention, Span, content_id
from .arguments import ACCREDITED, dependency_distance, party_code, place_descriptor, span_root
from .syntax import Parse

#: Relations a place may hang from on its way up to an attack verb: "bombed positions in
#: northern Iraq", "struck targets near Aleppo", "an offensive in the Gaza Strip killed"; not
#: "over" ("fired a missile over northern Japan" flies over it, aims at no one there); a
#: possessor on the way: "struck hideouts in Iran's Sistan province".
_ATTACK_PATH = frozenset(
    {"pobj", "prep", "compound", "appos", "dobj", "nsubj", "nsubjpass", "poss"}
)
_ATTACK_PREPS = frozenset({"in", "on", "near", "inside", "across", "into", "at", "of"})
#: "withdrew its troops from the Kherson region of Ukraine": a retreat leaves a place's state.
_RETREAT_PREPS = frozenset({"from", "of", "in"})
_POST_PREPS = frozenset({"to", "from", "in"})


def state_entity(
    parse: Parse, place: PlaceMention, article_id: str, made: dict[str, Entity]
) -> Entity | None:
    """The state a place lies in: the state entity of that code named in the article, else one
    recorded for it from the place ("Beijing" -> China), kept in ``made``."""
    if not place.country:
        return None
    named = next((e for e in parse.entities if e.kind == "state" and e.code == place.country), None)
    if named is not None or not place.country_name or len(place.country) != 3:
        return named
    if place.country not in made:
        made[place.country] = Entity(
            id=content_id("ent", article_id, "host", place.country),
            name=place.country_name,
            kind="state",
            code=place.country,
            country=place.country,
            titles=(),
            mentions=(Span(place.start, place.end, place.text),),
        )
    return made[place.country]


def place_target(
    parse: Parse, verb: int, kind: str, actors: tuple[Entity, ...], places: list[PlaceMention]
) -> PlaceMention | None:
    """The place whose state an act with no named target is aimed at: for an attack, where it
    struck, for a withdrawal, where it withdrew from (role.place_target); for a diplomat
    recalled or expelled, the post's place (role.post_target). Never a place of the actor's own
    state."""
    own = {party_code(e) for e in actors}
    if kind == "ASSAULT":
        found = [p for p in places if _under(parse, p, verb, _ATTACK_PATH, _ATTACK_PREPS)]
    elif kind == "RETREAT":
        found = [
            p
            for p in places
            if _under(parse, p, verb, frozenset({"pobj", "prep", "compound"}), _RETREAT_PREPS)
            and any(parse.tokens[k].text.lower() == "from" for k in _path(parse, p, verb))
        ]
    elif kind == "SANCTION":
        posts = [o for o in parse.dep_children(verb, "dobj") if _is_post(parse, o)]
        found = [
            p
            for p in places
            if posts
            and (
                any(_under(parse, p, o, frozenset({"pobj", "prep"}), _POST_PREPS) for o in posts)
                or _under(parse, p, verb, frozenset({"pobj", "prep"}), _POST_PREPS)
            )
        ]
    else:
        return None
    found = [p for p in found if p.country and p.country not in own]
    if not found:
        return None
    return min(
        found, key=lambda p: dependency_distance(parse, span_root(parse, p.start, p.end), verb)
    )


def _is_post(parse: Parse, o: int) -> bool:
    """ "its ambassador", "the Russian envoy", "23 diplomats"."""
    return parse.tokens[o].lemma.lower() in ACCREDITED | {"diplomat"}


def _path(parse: Parse, place: PlaceMention, top: int) -> list[int]:
    """The tokens from a place's root up to (not including) ``top``, at most six steps."""
    t = parse.tokens
    k = span_root(parse, place.start, place.end)
    out: list[int] = []
    for _ in range(6):
        if k == top or t[k].head == k:
            break
        out.append(k)
        k = t[k].head
    return out


def _under(
    parse: Parse,
    place: PlaceMention,
    top: int,
    relations: frozenset[str],
    preps: frozenset[str],
) -> bool:
    """Is the place below ``top`` through ``relations`` only, its prepositions in ``preps``?"""
    t = parse.tokens
    k = span_root(parse, place.start, place.end)
    for _ in range(6):
        tok = t[k]
        if tok.head == k or tok.dep not in relations:
            return False
        if tok.dep == "prep" and tok.text.lower() not in preps:
            return False
        k = tok.head
        if k == top:
            return True
    return False


#: Acts of a state's police and courts, told in the passive with no agent ("were arrested in
#: China"): the state where they happen did them.
_CUSTODY = frozenset({"arrest", "deport", "detain", "sentence"})
_CUSTODY_PREPS = frozenset({"in", "at"})


def custody_place(
    parse: Parse, verb: int, mode: str, places: list[PlaceMention]
) -> PlaceMention | None:
    """Where people were arrested, detained or deported, told in the passive without an
    agent: that place's state is the actor (role.custody_state). Not when an agent is named
    ("arrested by rebels") or the verb is active."""
    if mode not in _CUSTODY or not _agentless_passive(parse, verb):
        return None
    preps = _CUSTODY_PREPS | {"from"} if mode == "deport" else _CUSTODY_PREPS  # "deported from X"
    found = [
        p
        for p in places
        if p.country and _under(parse, p, verb, frozenset({"pobj", "prep", "compound"}), preps)
    ]
    return found[0] if found else None


def _agentless_passive(parse: Parse, verb: int) -> bool:
    """ "were arrested", not "were arrested by rebels" nor "arrested"."""
    return bool(parse.dep_children(verb, "auxpass", "nsubjpass")) and not parse.preps(verb, "by")


def custody_at_home(parse: Parse, verb: int, mode: str) -> Entity | None:
    """People arrested, detained or released, told in the passive with no agent and no place,
    in an article set in one state: that state holds or frees them ("More than 2,000 people
    were detained across the country", "were freed on bail"; role.custody_state)."""
    if parse.home is None or mode not in _CUSTODY | {"release"}:
        return None  # "were freed on bail": released by the state that held them
    if not _agentless_passive(parse, verb):
        return None
    return next((e for e in parse.entities if e.kind == "state" and e.code == parse.home), None)


#: Acts two sides do together, each towards the other ("agreed to", "signed", "cooperated").
_MUTUAL_TYPES = frozenset({"AGREE", "COOPERATE"})
#: SUPPORT by signing ("X and Y signed an accord"); a ceasefire two sides declare
_MUTUAL_MODES = frozenset({"sign", "ceasefire"})


def mutual(kind: str, mode: str, actors: tuple[Entity, ...], source: str = "") -> bool:
    """Is an act with no named target done by two or more states together, so that each is the
    other's target (role.mutual_act)? Not a promise (AGREE made to someone not named), unless
    it is a promise of cooperation between them ("will strengthen coordination")."""
    if source.endswith("position.announced_cooperation"):
        return len({party_code(e) for e in actors} - {None}) >= 2
    if not (kind in _MUTUAL_TYPES or mode in _MUTUAL_MODES) or mode == "promise":
        return False
    return len({party_code(e) for e in actors} - {None}) >= 2


#: What two sides trade in a fight: "exchanged fire", "traded blows".
_TRADED = frozenset({"fire", "gunfire", "blow", "shot", "shell", "artillery", "strike"})


def fought_each_other(parse: Parse, verb: int, mode: str, actors: tuple[Entity, ...]) -> bool:
    """ "India and Pakistan exchanged fire", "Armenian and Azerbaijani forces clashed": two or
    more states fighting where no one else is named as fought ("fought rebels", "clashed with
    police") fight each other (role.mutual_act)."""
    if mode != "fight" or len({party_code(e) for e in actors} - {None}) < 2:
        return False
    t = parse.tokens
    for k in parse.children[verb]:
        if t[k].dep == "dobj" and t[k].lemma.lower() not in _TRADED:
            return False
        if t[k].dep in {"prep", "agent"} and t[k].text.lower() in {"with", "against", "by"}:
            return False
    return True


def described_place_party(
    parse: Parse, verb: int, kind: str, actors: tuple[Entity, ...]
) -> Entity | None:
    """ "shelled the Kyrgyz village of Ak-Sai", "struck a Syrian border town": an attack on a
    place the clause describes by its state's name aimed at that state (role.place_target),
    never at the attacker's own."""
    if kind != "ASSAULT":
        return None
    own = {party_code(e) for e in actors}
    t = parse.tokens
    struck = parse.dep_children(verb, "dobj") + [
        o
        for p in parse.dep_children(verb, "prep")
        if t[p].text.lower() in _ATTACK_PREPS
        for o in parse.dep_children(p, "pobj")
    ]
    for o in (c for s in struck for c in parse.conjuncts(s)):
        for k in parse.children[o]:
            if not place_descriptor(parse, k):
                continue
            hit = parse.entity_at.get(k)
            if hit is not None and hit.entity.kind == "state" and party_code(hit.entity) not in own:
                return hit.entity
    return None
