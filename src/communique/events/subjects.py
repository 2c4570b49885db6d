"""The subject of a clause an act is told in: its own, or the one of the clause it completes,
read through relative clauses, participles, means phrases and reported speech."""

from __future__ import annotations

from ..model import Entity
from .arguments import premodifier_parties
from .position_records import SPEECH
from .syntax import RELATIVE_TAGS, Parse

SUBJECT_CHAIN = frozenset({"xcomp", "ccomp", "conj", "advcl", "acomp"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# "by recalling", "after meeting": a gerund under these is done by the clause's own subject
# (not "of": "accused Russia of poisoning" is not the accuser's act)
MEANS_PREPS = frozenset({"by", "after", "before", "while", "upon", "on", "through"})


#: Nouns of a party's resolve whose infinitive is the act: "X's decision to expel envoys".
RESOLVE_NOUNS = frozenset({"decision", "move", "bid", "attempt", "effort", "order", "refusal"})


def _subject_taken_by_phrase(parse: Parse, verb: int) -> list[int]:
    """ "In a visit to Tunis on 1 February Macron criticised ...": the parser hung the name
    that opens the clause on the phrase before it; a proper name just before a main verb with
    no subject, inside a phrase that depends on that verb, is its subject."""
    t = parse.tokens
    name = verb - 1
    if name < 0 or t[name].pos != "PROPN" or t[name].dep != "pobj":
        return []
    return [name] if verb in parse.ancestors(name) and parse.entity_at.get(name) else []


def _dateline_word(parse: Parse, k: int) -> bool:
    """A name in capitals opening the text, before a dash: a dateline the parser read as a
    subject."""
    t = parse.tokens
    span = parse.subtree(k)
    first = min(span)
    return (
        t[first].start < 40
        and all(t[m].text.isupper() or not t[m].text.isalpha() for m in span if m <= k)
        and any(t[m].text in {"-", "–", "—"} for m in range(k, min(k + 12, len(t))))
    )


def _subject(parse: Parse, i: int) -> list[int]:
    """The subject of ``i``'s clause: its own, else the one of the clause it completes, up
    through open complements ("is ready to contribute", "vowed to fight and to hold")."""
    t = parse.tokens
    for _ in range(4):
        subj = parse.dep_children(i, "nsubj")
        if len(subj) > 1:  # "UNITED NATIONS, Aug 30 (Reuters) - Russia vetoed": not the dateline
            subj = [k for k in subj if not _dateline_word(parse, k)] or subj
        if subj and t[i].dep == "relcl" and t[subj[0]].tag in RELATIVE_TAGS:
            # role.relative_subject: "Britain, which has accused Russia"; not a place named
            # inside a phrase ("attacks in Tunisia, which forced ...": the attacks did)
            return [] if _placed(parse, t[i].head) else [t[i].head]
        if not subj and t[i].dep == "ROOT" and not parse.dep_children(i, "nsubjpass"):
            subj = _subject_taken_by_phrase(parse, i)
        if not subj and _joins_the_saying(parse, i):
            # "X said observers would freeze it and demanded ...": the parser joined the
            # second act to the reported clause; its past tense joins it to "said"
            i = t[t[i].head].head
            continue
        if subj or parse.dep_children(i, "nsubjpass") or t[i].head == i:
            return subj
        if t[i].dep == "conj" and parse.dep_children(i, "auxpass"):
            return []  # "Palestinians who fled or were expelled": the shared subject suffers it
        if t[i].dep == "pcomp" and t[t[i].head].text.lower() in MEANS_PREPS:
            i = t[t[i].head].head  # role.means_subject: "X adopted it, by recalling ..."
            continue
        if t[i].dep == "acl" and t[i].tag == "VBN":
            return []  # role.participle_agent: "the move announced by X" is X's, by its agent
        if t[i].dep == "acl" and t[t[i].head].lemma.lower() in RESOLVE_NOUNS:
            # role.resolve_owner: "Britain's decision to expel 23 diplomats": Britain expels
            noun = t[i].head
            owners = [k for k in parse.children[noun] if t[k].dep in {"poss", "compound", "amod"}]
            return owners if premodifier_parties(parse, noun) or owners else []
        if _set_off_participle(parse, i):
            return [t[i].head]  # role.participle_subject: "X's spokesman, dismissing ...": X's
        if t[i].dep == "acl" and t[t[i].head].dep in {"dobj", "attr"}:
            i = t[t[i].head].head  # "issued a declaration demanding ..."
            continue
        if t[i].dep not in SUBJECT_CHAIN:
            return subj
        i = t[i].head
    return []


DASHES = frozenset({"-", "–", "—", "--"})
LIST_WORDS = frozenset({",", "and", "or"})
LIST_REACH = 14  # how many tokens a list set off by dashes may span


def dash_named(parse: Parse, i: int) -> list[Entity]:
    """role.dash_list: "The only two Arab states to have signed peace treaties with Israel -
    Egypt and Jordan - also criticised ...", "several EU countries — Austria, Slovakia and
    Greece — declined ...": the parties listed between two dashes just before the verb, when
    they are all the span holds (the parser often hangs such a list inside the subject's
    phrase)."""
    t = parse.tokens
    k = i - 1
    while k >= 0 and t[k].head == i and t[k].dep in {"advmod", "aux", "neg"}:
        k -= 1  # "- also sharply criticised", "- have declined"
    if k < 1 or t[k].text not in DASHES:
        return []
    start = next(
        (j for j in range(k - 1, max(-1, k - LIST_REACH), -1) if t[j].text in DASHES), None
    )
    if start is None or start == k - 1:
        return []
    found: list[Entity] = []
    for j in range(start + 1, k):
        hit = parse.entity_at.get(j)
        if hit is None:
            if t[j].text.lower() not in LIST_WORDS:
                return []
            continue
        if hit.entity not in found:
            found.append(hit.entity)
    return found


def _set_off_participle(parse: Parse, i: int) -> bool:
    """ "X's spokesman, dismissing the charges, asked ...": a present participle set off by a
    comma after the clause's subject is that subject's act; not one that only describes it
    ("troops fighting alongside the rebels shelled the town")."""
    t = parse.tokens
    return (
        t[i].dep == "acl"
        and t[i].tag == "VBG"
        and t[t[i].head].dep in SUBJECT_DEPS
        and min(parse.subtree(i)) > 0
        and t[min(parse.subtree(i)) - 1].text == ","
    )


def _joins_the_saying(parse: Parse, i: int) -> bool:
    """A past verb joined to a reported clause whose own verb is not past ("would freeze")."""
    t = parse.tokens
    if t[i].dep != "conj" or parse.dep_children(i, "nsubjpass"):
        return False
    head = t[i].head
    auxes = {t[a].text.lower() for a in parse.dep_children(head, "aux", "auxpass")}
    # "requested that the issue be resolved ..., and thanked India": "be resolved" is no past
    bare_passive = t[head].tag == "VBN" and "be" in auxes
    # "X's foreign ministry said it had not been consulted and called on Mexico to ...": the
    # reported clause is the speaker's own ("it"), so either reading makes the speaker act
    # (the parser may read the second verb as a participle sharing "had")
    own = any(
        t[k].text.lower() in SELF_PRONOUNS for k in parse.dep_children(head, "nsubj", "nsubjpass")
    )
    if t[i].tag not in ({"VBD", "VBN"} if own else {"VBD"}):
        return False
    return (
        t[head].dep == "ccomp"
        and (t[head].tag in {"VB", "VBG"} or bare_passive or own)
        and t[t[head].head].lemma.lower() in SPEECH | ASKING
    )


#: Pronouns by which a speaker tells of itself in a reported clause ("said it had ...").
SELF_PRONOUNS = frozenset({"it", "he", "she", "they", "we"})


#: Verbs whose "that" clause is a wish ("requested that the issue be resolved").
ASKING = frozenset({"request", "demand", "ask", "urge", "insist", "propose", "suggest"})


PLACE_PREPS = frozenset({"in", "at", "from", "across", "inside", "near", "throughout", "around"})


def _placed(parse: Parse, noun: int) -> bool:
    tok = parse.tokens[noun]
    return tok.dep == "pobj" and parse.tokens[tok.head].text.lower() in PLACE_PREPS
