"""A regional bloc named by its region (rule meeting.region_bloc).

"Southeast Asian leaders will open their annual summit in Jakarta", "West African leaders met in
Abuja for a summit": news names a bloc's members by their region. The words are curated
(``events/data/region_forums.csv``); the bloc takes part, as the forum, only when the article
names it somewhere ("the Association of Southeast Asian Nations"), so a region's leaders meeting
outside their bloc add no one.
"""

from __future__ import annotations

from ..model import Entity
from .syntax import Parse

#: People and states a region's name is told of: "Gulf leaders", "African heads of state".
GROUP_PEOPLE = frozenset(
    {"leader", "minister", "head", "nation", "country", "state", "member", "president"}
)


def region_bloc(parse: Parse, i: int, forums: dict[tuple[str, ...], str]) -> Entity | None:
    """The bloc named by the region of the people who hold the meeting at token ``i`` (its
    verb's subject, or "a summit of/with X leaders"), when the article names that bloc."""
    if not forums:
        return None
    t = parse.tokens
    verb = parse.governing_verb(i)
    heads = parse.dep_children(verb, "nsubj", "nsubjpass") + parse.preps(i, "of", "with")
    heads += [a for h in heads for a in parse.dep_children(h, "appos")]  # after a dateline
    for h in [c for head in heads for c in parse.conjuncts(head)]:
        if t[h].lemma.lower() not in GROUP_PEOPLE:
            continue
        mods = [k for k in parse.children[h] if k < h and t[k].dep in {"amod", "compound"}]
        if not mods:
            continue
        first = min(k for m in mods for k in parse.subtree(m))  # "Southeast" under "Asian"
        words = tuple(t[k].text.lower() for k in range(first, h))
        if "and" in words or "or" in words:
            continue  # "East and Southern African leaders": two blocs, or neither
        code = next((forums[words[n:]] for n in range(len(words)) if words[n:] in forums), None)
        if code is None:
            continue
        bloc = next((e for e in parse.entities if e.code == code and e.kind == "igo"), None)
        if bloc is not None:
            return bloc
    return None
