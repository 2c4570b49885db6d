"""Officials named only by title, or by a name no data tie to a state ("met the president",
"was received by the Speaker of the House of Representatives, X", "talks with his hosts"):
the other side of the meeting is the state where it is held (rule meeting.host_officials)."""

from __future__ import annotations

from .arguments import HOSTING_VERBS, TOPIC_STOPS, called_on, party_code
from .syntax import Parse

# unnamed counterparts who stand for the state where the meeting is held
OFFICIAL_NOUNS = frozenset(
    {
        "official",
        "leader",
        "authority",
        "counterpart",
        "government",
        "minister",
        "president",
        "premier",
        "king",
        "emir",
        "host",
        "diplomat",
        "representative",
        "lawmaker",
        "parliamentarian",
        "deputy",
        "head",
        "speaker",
        "chairman",
        "chairperson",
        "governor",
        "mayor",
    }
)


def meets_officials(parse: Parse, i: int, is_noun: bool) -> bool:
    """'met with several top government officials', 'talks with his hosts', 'met the
    president': the other side is named only as officials, so the place says whose."""
    t = parse.tokens
    heads = parse.preps(i, "with")
    if not is_noun:
        heads += parse.dep_children(i, "dobj")
        if parse.tokens[i].lemma.lower() == "call":  # "called on President X"
            heads += called_on(parse, i)
        if t[i].lemma.lower() in HOSTING_VERBS and t[i].tag == "VBN":  # "was received by Y"
            heads += parse.preps(i, "by")
    elif t[i].dep == "dobj":
        heads += parse.preps(t[i].head, "with")
    if not is_noun:  # "HE Minister of State Dr. X met with the head of the Afghan delegation"
        subjects = [c for h in parse.dep_children(i, "nsubj") for c in parse.conjuncts(h)]
        if any(stateless_official(parse, c) for c in subjects):
            return True
        titled = [c for c in subjects if t[c].lemma.lower() in OFFICIAL_NOUNS]
        if t[i].lemma.lower() in HOSTING_VERBS and any(
            not any(k in parse.entity_at for k in parse.subtree(c, TOPIC_STOPS)) for c in titled
        ):
            return True  # "the Minister of Foreign Affairs received X in Algiers": a host
        named = parse.entities_in([a for c in titled for a in parse.dep_children(c, "appos")])
        if any(e.kind == "person" and not e.country for e in named):
            return True  # "Minister of State ..., Dr. X, met": a title with a name beside it
    for h in heads:
        for c in parse.conjuncts(h):
            if t[c].lemma.lower() in OFFICIAL_NOUNS and not _of_a_party(parse, c):
                return True
            if stateless_official(parse, c):
                return True
    return False


def _of_a_party(parse: Parse, c: int) -> bool:
    """ "the president of Ghana", "the Afghan minister": a title whose phrase names a coded
    party is that party's. "the Speaker of the House of Representatives" names a body no
    data tie to a state: an official of the place (meeting.host_officials)."""
    ents = parse.entities_in(parse.subtree(c, TOPIC_STOPS))
    return any(party_code(e) or e.kind not in {"organization", "person"} for e in ents)


def stateless_official(parse: Parse, c: int) -> bool:
    """'to meet Prime Minister Siaosi Sovaleni': a titled person whom the data tie to no state
    is an official of the place of the meeting."""
    hit = parse.entity_at.get(c)
    if hit is None or hit.entity.kind != "person" or hit.entity.country:
        return False
    at = parse.tokens[c].start
    mention = next((s for s in hit.entity.mentions if s.start <= at < s.end), None)
    if mention is None:
        return False
    first = parse.token_at(mention.start)
    words = {parse.tokens[k].lemma.lower() for k in range(max(0, first - 3), c + 1)}
    return bool(words & OFFICIAL_NOUNS)
