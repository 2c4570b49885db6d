"""Lexicon constraints: whether a trigger word's clause meets the ``needs`` of its lexicon row
("obj:aid|loan": an object naming the kind; "prep:on": a preposition; "official": a subject
that speaks for a state; ...). See ``Entry`` in lexicon.py for the kinds."""

from __future__ import annotations

from .arguments import parties_under
from .lexicon import Entry, Lexicon
from .meeting_officials import OFFICIAL_NOUNS
from .position_aims import purposes
from .status import CALENDAR_WORDS
from .subjects import _subject
from .syntax import Parse


def _calendar_object(parse: Parse, prep: int) -> bool:
    """'on Monday', 'on 3 May': a preposition that only dates the clause."""
    objs = parse.dep_children(prep, "pobj")
    return bool(objs) and all(
        parse.tokens[o].lemma.lower() in CALENDAR_WORDS or parse.tokens[o].pos == "NUM"
        for o in objs
    )


def _noun_needs_met(parse: Parse, i: int, entry: Entry) -> bool:
    """'hunger strike' (mod:hunger|general ...), 'the sale of 40 jets' (of:jet|missile ...)."""
    if entry.need_kind == "of":
        things = [c for o in parse.preps(i, "of") for c in parse.conjuncts(o)]
        return any(parse.tokens[k].lemma.lower() in entry.need_words for k in things)
    if entry.need_kind != "mod" or _on_state(parse, i):  # "went on strike"
        return True
    return bool({parse.tokens[k].lemma.lower() for k in parse.children[i]} & entry.need_words)


#: Verbs whose "with" phrase names what is given, their object whom it is given to.
SUPPLYING = frozenset({"provide", "supply", "equip", "furnish"})


def _needs_met(parse: Parse, i: int, e: Entry) -> bool:
    kind, words = e.need_kind, e.need_words
    t = parse.tokens
    if kind == "obj":
        # "sent rescue teams and medical supplies": every conjunct of the object counts;
        # "allowed inspectors to visit": so does the subject of an infinitive complement
        objs = [c for o in parse.dep_children(i, "dobj", "nsubjpass") for c in parse.conjuncts(o)]
        if any(t[k].tag == "CD" for o in objs for k in parse.subtree(o)):
            objs += parse.preps(i, "in")  # "send $100 million in relief": the amount's kind
        if t[i].lemma.lower() in SUPPLYING:  # "provided Vietnam's coast guard with a ship"
            objs += [c for w in parse.preps(i, "with") for c in parse.conjuncts(w)]
        objs += [
            s
            for c in parse.dep_children(i, "ccomp", "xcomp")
            if any(t[a].text.lower() == "to" for a in parse.dep_children(c, "aux"))
            for s in parse.dep_children(c, "nsubj")
        ]
        # "presented a draft statute": the object or one of its modifiers names the kind
        return any(
            t[o].lemma.lower() in words
            or any(t[m].lemma.lower() in words for m in parse.dep_children(o, "compound", "amod"))
            # "tons of aid", "190 million euros in humanitarian aid"
            # "a consignment of rice, milk powder and medicines": any of the listed kinds
            or any(
                t[m].lemma.lower() in words
                for p in parse.preps(o, "of", "in")
                for m in parse.conjuncts(p)
            )
            for o in objs
        )
    if kind == "deed":
        # "witnessed the signing of an agreement", "the exchange of memorandums": the object
        # names the act (before the slash) done on a document (after it)
        acts, _, documents = e.needs.partition(":")[2].partition("/")
        act_words, document_words = set(acts.split("|")), set(documents.split("|"))
        return any(
            t[c].lemma.lower() in act_words
            and any(
                t[m].lemma.lower() in document_words
                for p in parse.preps(c, "of")
                for m in parse.conjuncts(p)
            )
            for o in parse.dep_children(i, "dobj")
            for c in parse.conjuncts(o)
        )
    if kind == "prep":  # "called on X", not "called off the talks on Monday"
        # "to=street": the preposition with that object ("took to the streets")
        # ("for=membership|for=asylum": one of these objects)
        wanted: dict[str, set[str]] = {}
        for w in words:
            wanted.setdefault(w.partition("=")[0], set()).add(w.partition("=")[2])
        return any(
            t[k].text.lower() in wanted
            and not _calendar_object(parse, k)
            and (
                "" in wanted[t[k].text.lower()]
                or any(
                    t[o].lemma.lower() in wanted[t[k].text.lower()]
                    for o in parse.dep_children(k, "pobj")
                )
            )
            for k in parse.children[i]
            if t[k].dep in {"prep", "prt"}
        )
    if kind == "prt":
        return any(
            t[k].text.lower() in words
            for k in parse.children[i]
            if t[k].dep in {"prt", "prep", "advmod"}
        )
    if kind == "comp":  # "found him guilty": a predicative complement
        # "called the deal an act of aggression", "described the vote as a war crime": a word
        # of the complement or of the "as"-phrase, a few words in
        comps = parse.dep_children(i, "ccomp", "acomp", "oprd", "xcomp")
        # "held Turkey fully responsible": the parser may hang the adjective as a clause
        comps += [k for k in parse.dep_children(i, "advcl") if t[k].pos == "ADJ"]
        comps += parse.preps(i, "as")
        comps += [a for o in parse.dep_children(i, "dobj") for a in parse.preps(o, "as")]
        # "described the move as regrettable": the parser hangs the adjective on "as"
        comps += [
            a
            for h in (i, *parse.dep_children(i, "dobj"))
            for p in parse.dep_children(h, "prep")
            if t[p].text.lower() == "as"
            for a in parse.dep_children(p, "amod", "acomp")
        ]
        return any(
            t[m].lemma.lower() in words
            for k in comps
            for m in parse.subtree(k)
            if abs(m - k) <= 4 and (m == k or t[k].pos != "VERB")
        )
    if kind == "purpose":  # "sent two firefighting aircraft to help Algeria battle the blazes"
        return any(t[c].lemma.lower() in words for c in purposes(parse, i))
    if kind == "from":  # "withdrew from the talks", "from its role as mediator"
        return any(
            t[m].lemma.lower() in words
            for o in parse.preps(i, "from")
            for m in parse.subtree(o)
            if m - o <= 6
        )
    if kind == "captive":  # "released two journalists", "freed Brunson": people, not letters
        objs = [c for o in parse.dep_children(i, "dobj", "nsubjpass") for c in parse.conjuncts(o)]
        return any(
            t[o].lemma.lower() in words
            or any(t[m].lemma.lower() in words for m in parse.dep_children(o, "compound", "amod"))
            # the object names a person itself ("freed Brunson"), not inside a phrase of its
            # own ("released the transcript of his call with Zelensky")
            or any(
                (hit := parse.entity_at.get(c)) is not None and hit.entity.kind == "person"
                for c in parse.conjuncts(o)
            )
            for o in objs
        )
    if kind == "noclause":  # "conceded defeat", not "conceded that the hotel may be late"
        return not parse.dep_children(i, "ccomp")
    if kind == "intransitive":  # "thousands demonstrated", not "the figures demonstrate X"
        # "as demonstrated by the figures": a passive, or a "by" agent, is the transitive sense
        passive = parse.dep_children(i, "auxpass", "nsubjpass") or parse.preps(i, "by")
        return not parse.dep_children(i, "dobj", "ccomp", "xcomp", "attr") and not passive
    if kind == "target":  # "fought rebels", "offered talks"; not "fighting dirty air",
        # "tensions threatening growth", "offers a reminder": an object, if any, is a party,
        # people or one of the listed words
        objs = [c for o in parse.dep_children(i, "dobj") for c in parse.conjuncts(o)]
        return all(
            t[o].lemma.lower() in words
            or any(t[m].lemma.lower() in words for m in parse.dep_children(o, "compound", "amod"))
            or bool(parties_under(parse, [o]))
            or t[o].pos == "PRON"
            for o in objs
        )
    if kind == "asking":  # "appealed for calm", "appealed to X to stop"; not "appealed to them"
        purpose = [
            c
            for c in parse.dep_children(i, "advcl")
            if any(t[a].text.lower() == "to" for a in parse.dep_children(c, "aux"))
        ]
        return bool(parse.preps(i, "for") or parse.dep_children(i, "xcomp", "ccomp") or purpose)
    if kind == "official":  # "China protested" (a formal complaint), not "thousands protested"
        return any(_official(parse, k) for k in _subject(parse, i))
    if kind == "notperson":  # "welcomed the decision", not "welcomed X" / "X was welcomed"
        objs = parse.dep_children(i, "dobj", "nsubjpass")
        return not any(x.kind == "person" for x in parties_under(parse, objs))
    return True


#: Heads of a subject that speak for a state ("the ministry protested").
_OFFICIAL_HEADS = OFFICIAL_NOUNS | {"ministry", "embassy", "foreign ministry", "spokesman"}


def _official(parse: Parse, k: int) -> bool:
    """Is the phrase headed by ``k`` a state, an IGO, an official or an office ("Beijing",
    "the foreign ministry", "the Chinese ambassador"), not people ("Palestinian protesters")?"""
    hit = parse.entity_at.get(k)
    if hit is not None:
        return hit.entity.kind in {"state", "igo", "body"} or (
            hit.entity.kind == "person" and hit.entity.role is not None
        )
    return parse.tokens[k].lemma.lower() in _OFFICIAL_HEADS


#: Verbs of being or putting in a state: "went on strike", "put on high alert".
STATE_VERBS = frozenset({"go", "be", "remain", "stay", "put", "place", "keep", "come"})


def _on_state(parse: Parse, i: int) -> bool:
    """'on strike', 'on (high) alert' after a verb of state: the noun is the state the subject
    is in or is put in, not a topic; the noun has no determiner."""
    t = parse.tokens
    tok = t[i]
    on = t[tok.head]
    return (
        tok.dep == "pobj"
        and on.text.lower() == "on"
        and on.head != on.i
        and t[on.head].lemma.lower() in STATE_VERBS
        and not parse.dep_children(i, "det", "poss")
    )


def noun_entry(parse: Parse, lexicon: Lexicon, i: int) -> Entry | None:
    """The event noun's sense whose constraint the phrase meets, in the lexicon's order ("a
    general strike": PROTEST; "air strikes": ASSAULT; a bare "strike": none)."""
    tok = parse.tokens[i]
    if tok.pos != "NOUN":
        return None
    senses = lexicon.noun_senses.get(tok.lemma.lower())
    if senses is None:
        entry = lexicon.nouns.get(tok.lemma.lower())
        found = entry if entry is not None and _noun_needs_met(parse, i, entry) else None
    else:
        found = next((e for e in senses if _noun_needs_met(parse, i, e)), None)
    if found is not None and found.type == "ACCUSE" and _joint(parse, i):
        # position.joint_act: "a joint probe with their Turkish counterparts" is cooperation
        return Entry(found.lemma, "NOUN", "COOPERATE", "cooperate", "", "rule:position.joint_act")
    return found


def _joint(parse: Parse, i: int) -> bool:
    t = parse.tokens
    return any(t[k].lemma.lower() == "joint" for k in parse.children[i] if t[k].dep == "amod")
