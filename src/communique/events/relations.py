"""Whose ally, neighbour or rival a party is named as: that other party does not act with it
("Turkey, Azerbaijan's closest ally, voiced support for Baku"; rule role.relation_appositive)."""

from __future__ import annotations

from .syntax import Parse

#: Nouns of a party's relation to another: in "Turkey, Azerbaijan's closest ally" only Turkey
#: acts (role.relation_appositive).
RELATION_NOUNS = frozenset(
    {"ally", "neighbour", "neighbor", "partner", "rival", "foe", "enemy", "adversary", "backer"}
    | {"patron", "friend", "supporter", "sponsor", "creditor", "lender", "protector", "client"}
)


def _relation_owners(parse: Parse, h: int) -> set[int]:
    """The tokens naming whose ally (neighbour, rival ...) a party is, under ``h``: "Turkey,
    Azerbaijan's closest ally", "Azerbaijan's ally Turkey", "Russia, an ally of Serbia", "two
    US allies, Egypt and Jordan"."""
    t = parse.tokens
    out: set[int] = set()
    rel = [c for c in parse.dep_children(h, "appos") if t[c].lemma.lower() in RELATION_NOUNS]
    named_beside = parse.dep_children(h, "appos", "compound") or (
        h + 1 < len(t) and t[h + 1].pos == "PROPN"
    )
    if t[h].lemma.lower() in RELATION_NOUNS and named_beside:
        rel.append(h)  # "Azerbaijan's ally Turkey": the ally is named beside it
    for r in rel:
        owners = [k for k in parse.children[r] if t[k].dep == "poss"] + parse.preps(r, "of")
        # "two US allies, Egypt and Jordan, criticised ...": a party naming whose allies they are
        # (only with the allies named in apposition: "NATO allies expressed solidarity" are
        # NATO's)
        owners += [
            k
            for k in parse.children[r]
            if t[k].dep in {"compound", "amod", "nmod"}
            and k in parse.entity_at
            and parse.dep_children(r, "appos")
        ]
        out.update(k for o in owners for k in parse.subtree(o))
    return out
