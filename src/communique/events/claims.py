"""Clauses the text reports as someone's claim, not as fact: what is denied ("denied that X had
met Y") and what is alleged ("accused the army of firing rockets", "accusations that ...")."""

from __future__ import annotations

from functools import lru_cache

from .lexicon import load_lexicon
from .syntax import Parse

#: Verbs that deny what their clause (or a report of it) tells: "denied that X had met Y".
DENY = frozenset({"deny", "refute", "dismiss", "reject", "rubbish", "debunk"})
#: Nouns that carry what a denial denies: "denied a report that X had met Y".
CLAIM_NOUNS = frozenset(
    {"report", "claim", "rumour", "rumor", "speculation", "suggestion", "allegation", "story"}
)


def denied(parse: Parse, verb: int) -> bool:
    """trigger.denied: the verb's clause is what someone denies ("denied that Kagame had held
    a secret meeting", "denied a report that the prince had met Netanyahu"): not asserted."""
    t = parse.tokens
    tok = t[verb]
    head = t[tok.head]
    if tok.dep == "ccomp" and head.lemma.lower() in DENY:
        return verb > head.i  # a content clause follows its verb ("X accused Y, a charge Y denies")
    if tok.tag == "VBG" and tok.dep in {"xcomp", "dobj"} and head.lemma.lower() in DENY:
        return True  # "Kigali denies backing the rebels"
    return (
        tok.dep in {"acl", "ccomp", "relcl"}
        and head.lemma.lower() in CLAIM_NOUNS
        and head.dep in {"dobj", "nsubjpass"}
        and t[head.head].lemma.lower() in DENY
    )


#: Nouns whose content clause the text only reports as alleged: "accusations that X beat Y".
ALLEGATION_NOUNS = frozenset({"accusation", "allegation", "charge", "claim", "rumour", "rumor"})


#: Verbs whose "of"/"with"/"for" complement is what someone is accused of.
ACCUSING = frozenset({"accuse", "charge", "suspect", "blame"})
_ACCUSED_OF = frozenset({"of", "with", "for"})
_CARRIED = frozenset({"advcl", "xcomp", "conj", "pcomp"})


def alleged(parse: Parse, verb: int) -> bool:
    """trigger.alleged: the verb's clause is the content of an accusation or a claim ("denied
    accusations that police had beaten her", "accused the army of firing rockets into its
    territory, wounding civilians"): the text does not assert the act."""
    t = parse.tokens
    tok = t[verb]
    if tok.dep in {"acl", "ccomp"} and t[tok.head].lemma.lower() in ALLEGATION_NOUNS:
        return True
    if tok.dep == "advcl" and tok.tag == "VBG" and t[tok.head].lemma.lower() in ACCUSING:
        # the parser hangs "wounding civilians" on "accused": it goes on the act accused of
        before = [k for k in parse.children[tok.head] if k < verb]
        if any(t[k].dep == "prep" and t[k].text.lower() in _ACCUSED_OF for k in before):
            return True
    k = verb
    for _ in range(4):
        dep, up = t[k].dep, t[k].head
        if up == k or dep not in _CARRIED:
            return False
        if dep == "pcomp" and t[up].text.lower() in _ACCUSED_OF:
            return t[t[up].head].lemma.lower() in ACCUSING
        k = up
    return False


#: Verbs that deny what others said: "denied the accusations", "dismissed the claims".
DENIALS = frozenset({"deny", "dismiss", "reject", "refute", "rebut"})


@lru_cache(maxsize=1)
def accusation_nouns() -> frozenset[str]:
    """Nouns that refer back to an accusation ("the accusations", "the charge";
    ``referring_nouns.csv`` rows of type ACCUSE)."""
    return frozenset(w for w, types in load_lexicon().referring.items() if "ACCUSE" in types)


#: What a party is accused of, denied by name: "denied any involvement", "denies wrongdoing".
MISDEEDS = frozenset(
    {"involvement", "wrongdoing", "responsibility", "complicity", "guilt", "culpability"}
)


def denies_a_claim(parse: Parse, verb: int) -> bool:
    """ "denied the accusations", "dismissed the claims", "denies backing the rebels", "denied
    that its forces had fired", "a charge Rwanda denies": the act denies what someone claimed."""
    claims = accusation_nouns()
    t = parse.tokens
    tok = t[verb]
    if tok.pos != "VERB" or tok.lemma.lower() not in DENIALS:
        return False
    if tok.dep == "relcl" and t[tok.head].lemma.lower() in claims:
        return True  # "Kinshasa accuses Kigali of backing the M23, a charge Rwanda denies"
    for k in parse.children[verb]:
        if t[k].dep == "dobj" and t[k].lemma.lower() in claims:
            return True
        if tok.lemma.lower() == "deny" and t[k].dep == "dobj" and t[k].lemma.lower() in MISDEEDS:
            return True  # "denied any involvement", "denies wrongdoing": what it is accused of
        if tok.lemma.lower() == "deny" and (
            t[k].dep == "ccomp" or (t[k].dep in {"xcomp", "dobj"} and t[k].tag == "VBG")
        ):
            return True  # "denied that it had armed the rebels", "denies backing"
    return False
