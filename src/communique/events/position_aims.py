"""Whom a stated position or an act is aimed at, read from its phrasing: a stance's holder and
the party it is for ("expressed India's support for Sri Lanka"), the state across a border a
deployment faces, the state whose envoy a summons was for."""

from __future__ import annotations

from dataclasses import replace

from ..model import Entity, PlaceMention
from .arguments import head_entities, party_code, premodifier_parties
from .lexicon import Entry
from .position_records import PositionCandidate
from .syntax import Parse
from .targets import state_entity

#: Stances one party states toward another: "expressed India's support for Sri Lanka"; the
#: owner of the stance is its holder (role.stance_owner).
STANCES = frozenset(
    {"support", "solidarity", "backing", "commitment", "sympathy", "condolence", "gratitude"}
    | {"appreciation", "congratulation", "opposition", "rejection", "condemnation", "concern"}
)


ABOUT = ("over", "about", "at")


#: Lines between states: troops sent to "the border with Belarus" face Belarus.
BORDERS = frozenset({"border", "frontier", "boundary"})
#: Acts aimed at the state across a border: deployments and closures ("closed two crossings on
#: its border with Bolivia").
BORDER_TYPES = frozenset({"MOBILIZE", "SANCTION", "COERCE"})


def border_parties(parse: Parse, i: int) -> list[Entity]:
    """The state across the border a deployment is sent to or massed along (role.border_target):
    "deployed 15,000 soldiers to its border with Belarus", "moved units closer to the border
    with Kosovo"."""
    t = parse.tokens
    lines = [k for k in parse.subtree(i) if t[k].lemma.lower() in BORDERS]
    return head_entities(parse, [w for k in lines for w in parse.preps(k, "with")])


#: Verbs of calling an envoy in: what the call is for is aimed at the envoy's state.
SUMMONS = frozenset({"summon", "convoke"})


def summoned_parties(parse: Parse, i: int) -> list[Entity]:
    """The state whose envoy was summoned, for the act the summons was for (role.summoned_target):
    "summoned Russia's ambassador on Thursday to protest", "summoned Chile's consul to express
    its displeasure", "summoned Turkey's ambassador and demanded a formal apology"."""
    t = parse.tokens
    head = t[i].head
    if t[i].dep not in {"xcomp", "advcl", "conj"} or t[head].lemma.lower() not in SUMMONS:
        return []
    if t[i].dep == "conj" and parse.dep_children(i, "nsubj", "nsubjpass"):
        return []  # "summoned X's envoy and demanded an apology"; not a clause of its own
    envoys = parse.dep_children(head, "dobj", "nsubjpass")
    return head_entities(parse, envoys) or [
        e for o in envoys for e in premodifier_parties(parse, o) if e.kind == "state"
    ]


#: Verbs by which a party states its own stance ("expressed", "reaffirmed"), not judges
#: another's ("condemned Rwanda's support for the M23").
STATING = frozenset(
    {"express", "reiterate", "reaffirm", "affirm", "renew", "convey", "voice", "extend"}
    | {"declare", "announce", "stress", "emphasize", "emphasise", "underline", "confirm"}
)


def stated_stance(parse: Parse, i: int, o: int) -> bool:
    t = parse.tokens
    return t[i].lemma.lower() in STATING and t[o].lemma.lower() in STANCES


def stance_owners(parse: Parse, i: int) -> list[Entity]:
    """The parties that own the stance a verb states, when its subject names none: "the minister
    expressed India's support for Sri Lanka" (role.stance_owner)."""
    t = parse.tokens
    owners = [
        k
        for o in parse.dep_children(i, "dobj")
        if stated_stance(parse, i, o)
        for k in parse.children[o]
        if t[k].dep == "poss"
    ]
    return [e for e in head_entities(parse, owners) if party_code(e)]


def solidarity_with(parse: Parse, cand: PositionCandidate) -> list[PositionCandidate]:
    """An act done "in solidarity with X" also supports X (rule position.solidarity_act):
    "Nicaragua broke off relations with Ecuador in solidarity with Mexico"."""
    if not cand.actors or cand.entry.type in {"STATEMENT", "SUPPORT"}:
        return []
    own = {party_code(e) for e in cand.actors}
    with_ = solidarity_objects(parse, cand.verb)
    found = [e for e in head_entities(parse, with_) if party_code(e) not in own]
    if not found:
        return []
    entry = Entry(
        cand.entry.lemma, "VERB", "SUPPORT", "support", "", "rule:position.solidarity_act"
    )
    return [replace(cand, entry=entry, recipients=tuple(found), items=(), responds=False)]


#: What a party is thanked for that is an act of its own toward the thanker or a third party:
#: "thanked Chile for its support for Vietnam's candidacy", "for its assistance".
CREDITED = {"support": "SUPPORT", "backing": "SUPPORT", "assistance": "AID", "aid": "AID"}


def credited_acts(parse: Parse, cand: PositionCandidate) -> list[PositionCandidate]:
    """ "X thanked Chile for its support for Vietnam's candidacy": besides the thanks, the
    support is Chile's, aimed at the party its own phrase names (rule position.credited_act).
    A support with no owner ("for the support") or no party it is for ("for its valuable
    assistance") is only thanked for."""
    t = parse.tokens
    if t[cand.verb].lemma.lower() != "thank" or not cand.actors or not cand.recipients:
        return []
    out = []
    for f in parse.preps(cand.verb, "for"):
        kind = CREDITED.get(t[f].lemma.lower())
        owned = any(t[k].dep == "poss" for k in parse.children[f])
        if kind is None or not owned:
            continue
        owners = [e for e in head_entities(parse, parse.dep_children(f, "poss")) if party_code(e)]
        givers = tuple(owners) or cand.recipients  # "its support": the thanked party's
        given = {party_code(e) for e in givers}
        # the party it is for, named in its own phrase ("support for Vietnam's candidacy");
        # thanks for "valuable assistance" credit no act told
        aimed = [
            e
            for h in parse.preps(f, "for", "of", "to")
            for e in head_entities(parse, [h, *parse.dep_children(h, "poss")])
            if party_code(e) not in given
        ]
        if not aimed:
            continue
        entry = Entry("thank", "VERB", kind, kind.lower(), "", "rule:position.credited_act")
        out.append(
            replace(
                cand,
                entry=entry,
                actors=givers,
                recipients=tuple(aimed),
                items=(),
                responds=False,
            )
        )
    return out


def solidarity_objects(parse: Parse, verb: int) -> list[int]:
    """The objects of "in solidarity with X" under a verb, also where the parser hung "with X"
    on the verb itself."""
    t = parse.tokens
    out: list[int] = []
    for h in (
        verb,
        *parse.dep_children(verb, "dobj"),
    ):  # "breaking off relations ... in solidarity"
        for p in parse.dep_children(h, "prep"):
            if t[p].text.lower() != "in":
                continue
            for o in parse.dep_children(p, "pobj"):
                if t[o].lemma.lower() != "solidarity":
                    continue
                out += parse.preps(o, "with")
                after = [
                    k
                    for k in parse.dep_children(h, "prep")
                    if k == o + 1 and t[k].text.lower() == "with"
                ]
                out += [w for k in after for w in parse.dep_children(k, "pobj")]
    return out


def opening_place_state(
    parse: Parse, n: int, places: tuple[PlaceMention, ...], made: dict[str, Entity]
) -> Entity | None:
    """The state of the city a sentence opens with ("In Beijing, Foreign Ministry spokesman Wang
    Lin said ..."), where wire reports place a reaction told from another capital."""
    t = parse.tokens
    toks = list(parse.sentence_tokens(n))
    if len(toks) < 4 or t[toks[0]].text != "In":
        return None
    comma = next((k for k in toks[1:6] if t[k].text == ","), None)
    if comma is None:
        return None
    start, end = t[toks[1]].start, t[comma - 1].end
    place = next(
        (
            p
            for p in places
            if p.start >= start and p.end <= end and p.kind in {"city", "region"} and p.country
        ),
        None,
    )
    return state_entity(parse, place, parse.annotated.article.id, made) if place else None


def purpose_parties(parse: Parse, i: int) -> list[Entity]:
    """Whom an act of sending is meant to help: "sent two aircraft to help Algeria battle the
    blazes" (role.helped_party)."""
    t = parse.tokens
    helped = [
        k
        for c in purposes(parse, i)
        for k in parse.children[c]
        if t[k].dep in {"dobj", "dative", "nsubj"} and k > c
    ]
    helped += [  # "help Algeria battle": the parser may make Algeria the subject of "battle",
        # or a name before "battle" read as a noun
        s
        for c in purposes(parse, i)
        for x in parse.dep_children(c, "ccomp", "xcomp")
        for s in parse.dep_children(x, "nsubj", "compound")
    ]
    return head_entities(parse, helped)


def purposes(parse: Parse, i: int) -> list[int]:
    """The infinitives of purpose under a verb: "sent aircraft to help Algeria"."""
    t = parse.tokens
    return [
        c
        for c in parse.dep_children(i, "xcomp", "advcl")
        if any(t[a].text.lower() == "to" for a in parse.dep_children(c, "aux"))
    ]


#: Verbs of threatening whose content clause tells what will be done to whom.
THREAT_PREPS = ("against", "on", "upon")


def threatened_parties(parse: Parse, i: int) -> list[Entity]:
    """role.threat_content: whom a threat told in its content clause is aimed at: "warned that
    it would take action against the United States", "warned that Moscow would respond to any
    hostile steps by Prague", "threatened to impose tariffs on China"; not a party named in a
    relative clause or as the threatener's own."""
    t = parse.tokens
    clauses = parse.dep_children(i, "ccomp", "xcomp")
    heads: list[int] = []
    for c in clauses:
        for k in parse.subtree(c, frozenset({"relcl", "advcl"})):
            if t[k].pos not in {"VERB", "NOUN"}:
                continue
            heads += parse.preps(k, *THREAT_PREPS)
            if t[k].pos == "NOUN" and t[t[k].head].dep == "prep" and t[k].dep == "pobj":
                heads += parse.preps(k, "by")  # "respond to hostile steps by Prague"
    return head_entities(parse, heads)
