"""Who heads which delegation, who chairs, and what is on the agenda of a meeting."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Entity
from .arguments import PARTY_KINDS, parties_under, party_code, premodifier_parties
from .syntax import CLAUSE_DEPS, Parse

DELEGATION_NOUNS = frozenset({"delegation", "team", "side"})
LEAD_VERBS = frozenset({"head", "lead"})
CHAIR_VERBS = frozenset({"chair", "preside", "co-chair", "cochair", "moderate"})
AGENDA_NOUNS = frozenset({"agenda", "topic", "issue", "item", "question"})
DISCUSS_VERBS = frozenset({"discuss", "address", "focus", "cover", "review", "tackle", "examine"})


@dataclass(frozen=True, slots=True)
class DelegationFact:
    sentence: int
    party: Entity
    head: Entity | None
    forum: Entity | None  # "the Brazilian delegation to the UN Human Rights Council"


@dataclass(frozen=True, slots=True)
class ChairFact:
    sentence: int
    chair: Entity
    noun: int | None  # the token naming what is chaired ("the council", "the meeting")


@dataclass(frozen=True, slots=True)
class AgendaFact:
    sentence: int
    items: tuple[str, ...]
    noun: int | None  # a meeting word in the same phrase ("the meeting's agenda")


def find_delegations(parse: Parse) -> list[DelegationFact]:
    out: list[DelegationFact] = []
    for tok in parse.tokens:
        if tok.lemma.lower() not in DELEGATION_NOUNS or tok.pos != "NOUN":
            continue
        parties = [
            e
            for e in premodifier_parties(parse, tok.i)
            + parties_under(parse, parse.preps(tok.i, "of", "from"))
            if e.kind in {"state", "igo"}
        ]
        head = _delegation_head(parse, tok.i)
        if head is None and tok.lemma.lower() == "side":
            continue  # "the Canadian side was headed by X" only, not "on the other side"
        if head is not None and not parties and head.country:
            parties = [
                e for e in parse.entities_in(range(len(parse.tokens))) if e.code == head.country
            ][:1]
        forum = next(
            (
                e
                for e in parties_under(parse, parse.preps(tok.i, "to", "at"))
                if e.kind in {"body", "igo"}
            ),
            None,
        )
        plural = tok.tag == "NNS"
        for party in parties if plural else parties[:1]:
            out.append(
                DelegationFact(parse.sentence_index(tok.i), party, None if plural else head, forum)
            )
    return out


def _delegation_head(parse: Parse, noun: int) -> Entity | None:
    t = parse.tokens
    tok = t[noun]
    verb = tok.head
    if t[verb].lemma.lower() in LEAD_VERBS:
        if tok.dep == "nsubjpass":  # "the delegation will be headed by X"
            return _person(parse, parse.preps(verb, "by"))
        if tok.dep == "dobj":  # "X (is expected to) head(s) the delegation"
            subj = parse.dep_children(verb, "nsubj")
            if not subj and t[verb].dep in {"xcomp", "advcl"}:
                subj = parse.dep_children(t[verb].head, "nsubj", "nsubjpass")
            return _person(parse, subj)
    for k in parse.children[noun]:  # "the delegation led by X"
        if t[k].dep in {"acl", "relcl"} and t[k].lemma.lower() in LEAD_VERBS:
            return _person(parse, parse.preps(k, "by"))
    head = t[t[tok.head].head]
    at = t[head.head]
    if (
        tok.dep == "pobj"
        and head.lemma.lower() == "head"
        and head.dep == "pobj"
        and at.text.lower() == "at"
    ):  # "at the head of a delegation", not "met with the head of the Afghan delegation"
        clause = parse.governing_verb(tok.head)
        return _person(parse, parse.dep_children(clause, "nsubj", "nsubjpass"))
    return None


def _person(parse: Parse, heads: list[int]) -> Entity | None:
    people = [e for e in parties_under(parse, heads) if e.kind == "person"]
    if people:
        return people[0]
    ents = [
        e
        for e in parse.entities_in(i for h in heads for i in parse.subtree(h, CLAUSE_DEPS))
        if e.kind == "person"
    ]
    return ents[0] if ents else None


def find_chairs(parse: Parse) -> list[ChairFact]:
    out: list[ChairFact] = []
    for tok in parse.tokens:
        if tok.pos != "VERB" or tok.lemma.lower() not in CHAIR_VERBS:
            continue
        passive = parse.dep_children(tok.i, "nsubjpass")
        noun: int | None
        if passive:
            chair, noun = _person(parse, parse.preps(tok.i, "by")), passive[0]
        else:
            chair = _person(parse, parse.dep_children(tok.i, "nsubj"))
            objs = parse.dep_children(tok.i, "dobj") + parse.preps(tok.i, "over")
            noun = objs[0] if objs else None
            subj = parse.dep_children(tok.i, "nsubj")
            relative = bool(subj) and parse.tokens[subj[0]].tag in {"WP", "WDT"}
            if tok.dep == "relcl" and relative:  # "X, who chairs the meeting"
                chair = _person(parse, [tok.head])
            elif tok.dep in {"acl", "relcl"}:  # "the meeting chaired by X"
                chair, noun = _person(parse, parse.preps(tok.i, "by")) or chair, tok.head
        if chair is not None:
            out.append(ChairFact(parse.sentence_index(tok.i), chair, noun))
    return out


def find_agendas(parse: Parse) -> list[AgendaFact]:
    """Agenda items: "A, B and C will top the agenda of the talks", "to discuss A and B"."""
    out: list[AgendaFact] = []
    for n, _s in enumerate(parse.annotated.sentences):
        idx = parse.sentence_tokens(n)
        agenda = [i for i in idx if parse.tokens[i].lemma.lower() == "agenda"]
        if agenda:
            items = _included_items(parse, idx) or _listed_items(
                parse, _agenda_clause(parse, agenda[0]) or idx
            )
            if items:
                out.append(AgendaFact(n, items, _meeting_owner(parse, agenda[0])))
            continue
        for i in idx:
            tok = parse.tokens[i]
            if tok.pos == "VERB" and tok.lemma.lower() in DISCUSS_VERBS:
                objs = parse.dep_children(i, "dobj") + parse.preps(i, "on")
                items = tuple(p for o in objs for p in _conjunct_phrases(parse, o))
                if items and not _generic(items):
                    out.append(AgendaFact(n, items, None))
    return out


def _meeting_owner(parse: Parse, agenda: int) -> int | None:
    poss = parse.dep_children(agenda, "poss")
    return poss[0] if poss else None


NP_POS = frozenset({"ADJ", "NOUN", "PROPN"})


def _listed_items(parse: Parse, idx: range) -> tuple[str, ...]:
    """The longest list "A, B and C" of noun phrases in a sentence, read off the token sequence
    (robust to the parser attaching list members oddly)."""
    t = parse.tokens
    chunks: list[tuple[int, int]] = []  # (first, last) token of each noun chunk
    i = idx.start
    while i < idx.stop:
        if t[i].pos in NP_POS or (t[i].text == "-" and chunks and chunks[-1][1] == i - 1):
            j = i
            while j + 1 < idx.stop and (t[j + 1].pos in NP_POS or t[j + 1].text == "-"):
                j += 1
            while j >= i and t[j].pos not in {"NOUN", "PROPN"}:
                j -= 1
            if j >= i:
                chunks.append((i, j))
            i = max(j, i) + 1
        else:
            i += 1
    best: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for chunk in chunks:
        if run and _separator(parse, run[-1][1] + 1, chunk[0]):
            run.append(chunk)
        else:
            run = [chunk]
        if len(run) > len(best):
            best = list(run)
    if len(best) < 2:
        return ()
    return tuple(parse.text[t[a].start : t[b].end] for a, b in best)


def _separator(parse: Parse, lo: int, hi: int) -> bool:
    words = [parse.tokens[k].text.lower() for k in range(lo, hi)]
    return words in ([","], ["and"], ["or"], [",", "and"], [",", "or"])


def _conjunct_phrases(parse: Parse, head: int) -> tuple[str, ...]:
    """Each member of "A of B, the C and D in E" as written, with its own modifiers and
    complements but without the other members."""
    out = []
    stop = frozenset({"conj", "cc", "relcl", "acl", "advcl", "appos"})
    for c in parse.conjuncts(head):
        if parse.tokens[c].pos not in {"NOUN", "PROPN"}:
            continue
        idx = _contiguous(sorted(parse.subtree(c, stop)), c)
        while idx and parse.tokens[idx[0]].dep in {"det", "punct", "poss"}:
            idx.pop(0)
        while idx and parse.tokens[idx[-1]].pos in {"PUNCT", "SPACE"}:
            idx.pop()
        if idx:
            out.append(parse.text[parse.tokens[idx[0]].start : parse.tokens[idx[-1]].end])
    return tuple(out)


def _contiguous(idx: list[int], around: int) -> list[int]:
    """The run of consecutive token indices that contains ``around``."""
    pos = idx.index(around)
    lo = hi = pos
    while lo > 0 and idx[lo - 1] == idx[lo] - 1:
        lo -= 1
    while hi < len(idx) - 1 and idx[hi + 1] == idx[hi] + 1:
        hi += 1
    return idx[lo : hi + 1]


SEPARATORS = frozenset({",", "and", "or", ";", "as", "well"})


def _split_list(parse: Parse, members: list[int], objs: list[int]) -> tuple[str, ...]:
    """Cut the object region at the list members: each runs from its left edge to just before
    the next member (robust to complements the parser hung on the wrong member)."""
    t = parse.tokens
    region = sorted({k for o in objs for k in parse.subtree(o, frozenset({"relcl", "advcl"}))})
    end = region[-1]
    while end > region[0] and t[end].pos in {"PUNCT", "SPACE"}:
        end -= 1
    starts = []
    for m in members:
        left = [
            k
            for k in parse.children[m]
            if k < m and t[k].dep in {"compound", "amod", "nmod", "nummod"}
        ]
        starts.append(min([m, *left]))
    out = []
    for n, first in enumerate(starts):
        last = starts[n + 1] - 1 if n + 1 < len(starts) else end
        while last > first and (
            t[last].text.lower() in SEPARATORS or t[last].dep in {"det", "punct", "cc"}
        ):
            last -= 1
        out.append(parse.text[t[first].start : t[last].end])
    return tuple(out)


def _included_items(parse: Parse, idx: range) -> tuple[str, ...]:
    """'The agenda includes A, B and C': the objects of the including verb."""
    for i in idx:
        tok = parse.tokens[i]
        if tok.pos == "VERB" and tok.lemma.lower() in {"include", "cover", "feature", "comprise"}:
            objs = parse.dep_children(i, "dobj")
            if objs:  # list members may hang off each other's complements: take every conjunct
                members = sorted(
                    {*objs}
                    | {k for o in objs for k in parse.subtree(o) if parse.tokens[k].dep == "conj"}
                )
                return _split_list(parse, members, objs)
    return ()


def _agenda_clause(parse: Parse, agenda: int) -> range | None:
    """The tokens of the clause that puts something on the agenda ("with conflicts in Sudan and
    Congo topping the agenda"), so a list elsewhere in the sentence (a dateline "ADDIS ABABA,
    Feb 17") is not read as the agenda."""
    for a in parse.ancestors(agenda):
        if parse.tokens[a].pos in {"VERB", "AUX"}:
            idx = sorted(parse.subtree(a))
            return range(idx[0], idx[-1] + 1)
    return None


def _generic(items: tuple[str, ...]) -> bool:
    return all(
        i.lower() in {"issue", "issues", "matter", "matters", "it", "this", "them", "things"}
        for i in items
    )


def is_party(e: Entity) -> bool:
    return e.kind in PARTY_KINDS and party_code(e) is not None
