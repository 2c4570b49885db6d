"""Senses of lexicon verbs that are no act between parties: talk ("declined to comment", a
question asked), opinions ("agreed it was a problem"), claims ("suggested that X had evolved"),
documents that "show", and other senses ("recognizes that", "froze out", "abused his power",
"dismissed four governors"). Read by the positions step before a verb's clause is coded
(rules trigger.bare_question, trigger.no_comment, trigger.opinion_agreement,
trigger.claim_not_proposal, trigger.document_statement, trigger.sense)."""

from __future__ import annotations

from .lexicon import Entry, Lexicon
from .meeting_officials import OFFICIAL_NOUNS
from .syntax import Parse
from .trigger_needs import _noun_needs_met

# what a refusal to speak refuses: "declined to comment", "refused to say where"
NO_COMMENT = frozenset(
    {
        "comment",
        "elaborate",
        "say",
        "discuss",
        "confirm",
        "answer",
        "specify",
        "identify",
        "disclose",
        "reveal",
        "speculate",
        "name",
        "detail",
        "respond",
    }
)

#: What a refusal to inform gives or makes: "declined to give details", "to make X available".
DETAILS = frozenset({"detail", "comment", "figure", "timeline", "date", "name"})


def _no_comment(parse: Parse, k: int) -> bool:
    """What is refused is talk to the press: "declined to comment", "declined to give details",
    "declined to make Kelly available for an interview"."""
    t = parse.tokens
    lemma = t[k].lemma.lower()
    if lemma in NO_COMMENT:
        return True
    if lemma == "make":
        return any(t[c].lemma.lower() == "available" for c in parse.subtree(k))
    objects = parse.dep_children(k, "dobj")
    told = any(t[o].lemma.lower() in DETAILS for o in objects) and not parse.preps(k, "to")
    return lemma in {"give", "provide", "offer"} and told


QUESTION_VERBS = frozenset({"ask", "wonder", "query", "question"})

OPINION_VERBS = frozenset({"agree", "concur", "accept", "acknowledge"})


#: Documents and figures: what they "say" or "show" is no party's statement.
DOCUMENTS = frozenset(
    {"report", "study", "survey", "data", "figure", "statistic", "document", "analysis", "paper"}
    | {"poll", "research", "index", "chart", "map", "assessment", "estimate", "forecast", "review"}
)


#: Auxiliaries by which a warning tells what will (or would) be done.
_WILL = frozenset({"will", "would", "could", "may", "might", "shall", "'ll", "wo", "must"})
_READY = frozenset({"ready", "prepared", "determined", "willing", "intend", "plan"})


def _warns_of_a_state(parse: Parse, i: int) -> bool:
    """ "warned that much remained to be done", "warned that famine was imminent": a warning
    whose content clause tells a state of affairs, with no "will/would" of anything to be done,
    no "if" and no party as its subject, threatens no one (not "warned that Somalia would
    defend its territory", "warned that the Turkish deployment risked a regional war")."""
    t = parse.tokens
    clauses = parse.dep_children(i, "ccomp")
    if not clauses:
        return False
    for c in clauses:
        inner = parse.subtree(c, frozenset({"relcl"}))
        if any(t[k].dep == "aux" and t[k].text.lower() in _WILL for k in inner):
            return False
        if any(t[k].dep == "mark" and t[k].text.lower() in {"if", "unless"} for k in inner):
            return False
        if any(t[k].lemma.lower() in _READY for k in inner):
            return False  # "warned that it was ready to respond"
        subjects = [k for s in parse.dep_children(c, "nsubj") for k in parse.subtree(s)]
        if parse.entities_in(subjects):
            return False  # "warned that the Turkish deployment risked a war": aimed at Turkey
    return True


def _standing_description(parse: Parse, i: int) -> bool:
    """ "Iran, which backs the Syrian government, ...", "Moscow, which sells weapons to both
    sides": a present-tense verb with no auxiliary in a relative clause set off by a comma
    describes a standing relation of the party, not an act the report tells."""
    t = parse.tokens
    if t[i].dep != "relcl" or t[i].tag not in {"VBZ", "VBP"}:
        return False
    if parse.dep_children(i, "aux", "auxpass", "neg"):
        return False
    subjects = parse.dep_children(i, "nsubj")  # the party described is the relative's subject
    if not subjects or t[subjects[0]].tag not in {"WDT", "WP"}:
        return False  # "the ruling, which Croatia refuses to recognise": Croatia's act
    first = min(parse.subtree(i))
    return first > 0 and t[first - 1].text == ","


def _not_an_act(parse: Parse, lexicon: Lexicon, i: int, entry: Entry) -> bool:
    """Verbs of the lexicon used for talk rather than an act between parties (rules
    ``trigger.bare_question``, ``trigger.no_comment``, ``trigger.opinion_agreement``,
    ``trigger.claim_not_proposal``), or acting
    on a meeting ("called off the talks": the meeting's status says it,
    ``trigger.meeting_object``)."""
    t = parse.tokens
    kids = {t[k].dep for k in parse.children[i]}
    lemma = t[i].lemma.lower()
    objs = parse.dep_children(i, "dobj", "nsubjpass")
    if _standing_description(parse, i):
        return True  # trigger.standing_relation: "Moscow, which sells weapons to both sides"
    if entry.type == "THREATEN" and lemma == "warn" and _warns_of_a_state(parse, i):
        return True  # trigger.situation_warning: "warned that famine was imminent"
    if entry.type in {"CONCEDE", "SANCTION", "REJECT"} and any(
        t[o].lemma.lower() in lexicon.meeting_nouns
        and _noun_needs_met(parse, o, lexicon.meeting_nouns[t[o].lemma.lower()])
        for o in objs
    ):
        return True  # "called off the talks"; not "rejected the calls from Washington"
    if entry.type == "REQUEST" and lemma in QUESTION_VERBS:
        if _asked_about(parse, i) or _unnamed(parse, i):
            return True
        # '"Can he stay?" he asked': a question, not a request (no one asked, nothing asked for)
        asked_that = any(
            k > i and any(t[m].text.lower() == "that" for m in parse.dep_children(k, "mark"))
            for k in parse.dep_children(i, "ccomp")
        )
        return (
            not kids & {"dobj", "dative", "xcomp"} and not parse.preps(i, "for") and not asked_that
        )
    if entry.type == "STATEMENT" and any(
        t[k].lemma.lower() in DOCUMENTS for k in parse.dep_children(i, "nsubj")
    ):
        return True  # trigger.document_statement: "the IEA report stated that capacity doubled"
    if t[i].dep == "ccomp" and any(
        t[k].lemma.lower() in DOCUMENTS for k in parse.dep_children(t[i].head, "nsubj")
    ):
        return True  # trigger.document_statement: "a survey showed most Germans support ..."
    if entry.type == "REJECT" and any(
        _no_comment(parse, k) for k in parse.dep_children(i, "xcomp")
    ):
        return True
    if entry.type == "AGREE" and lemma in OPINION_VERBS:
        # "said he agreed it was a big problem": an opinion, not an agreement with anyone
        if any(t[o].lemma.lower() in VIEWS for o in parse.preps(i, "with")):
            return True  # "agrees with the need for deficit spending"
        return (
            "ccomp" in kids
            and not kids & {"xcomp", "dobj"}
            and not parse.preps(i, "with", "on", "to")
        )
    if entry.type == "REQUEST" and lemma in CLAIM_VERBS:
        # "suggested that Trump had evolved", "insisted it was legal": a claim; "suggested
        # that talks resume", "insisted that X withdraw" and
        # "suggested holding talks" are proposals (trigger.claim_not_proposal)
        return any(_indicative(parse, c) for c in parse.dep_children(i, "ccomp"))
    return _other_sense(parse, i, lemma, kids)


#: Tags of the words that open an indirect question: "what", "how", "which", "why".
_WH_TAGS = frozenset({"WP", "WP$", "WRB", "WDT"})
#: "asked not to be named": a source's wish for anonymity, not a request between parties.
_NAMING = frozenset({"name", "identify", "quote", "cite"})


def _asked_about(parse: Parse, i: int) -> bool:
    """ "asked Flood what he found most interesting", "asked reporters whether the talks would go
    ahead": an indirect question is no request, whoever is asked (trigger.bare_question)."""
    t = parse.tokens
    if parse.dep_children(i, "xcomp") or parse.preps(i, "for"):
        return False
    for c in parse.dep_children(i, "ccomp"):
        first = min(parse.subtree(c))
        if first > i and (t[first].tag in _WH_TAGS or t[first].text.lower() in {"whether", "if"}):
            return True
    return False


def _unnamed(parse: Parse, i: int) -> bool:
    """ "an official who asked not to be named" (trigger.bare_question)."""
    t = parse.tokens
    return any(
        t[c].lemma.lower() in _NAMING and parse.dep_children(c, "neg")
        for c in parse.dep_children(i, "xcomp")
    )


#: People one dismisses from office ("dismissed four governors"): a firing, not a rejection.
PERSONNEL = frozenset(
    {"governor", "staff", "employee", "worker", "commander", "chief", "general", "judge"}
    | {"director", "aide", "adviser", "advisor", "mayor", "prosecutor", "officer", "cabinet"}
)


def _other_sense(parse: Parse, i: int, lemma: str, kids: set[str]) -> bool:
    """Senses of act verbs that are no act between parties (trigger.sense): "recognizes that
    ..." (knows), "froze out his rival" (shut out), "abused her authority" (misused), two
    people who "clashed" (argued)."""
    t = parse.tokens
    if lemma in {"recognize", "recognise"} and "ccomp" in kids:
        return True
    if lemma == "freeze" and any(t[k].text.lower() == "out" for k in parse.dep_children(i, "prt")):
        return True
    if lemma == "abuse" and any(
        t[o].lemma.lower() in MISUSED for o in parse.dep_children(i, "dobj")
    ):
        return True
    if lemma in {"allow", "permit"} and _standing_rule(parse, i):
        return True
    if lemma in {"dismiss", "sack", "fire"} and any(
        t[o].lemma.lower() in PERSONNEL | OFFICIAL_NOUNS
        or ((hit := parse.entity_at.get(o)) is not None and hit.entity.kind == "person")
        for o in parse.dep_children(i, "dobj", "nsubjpass")
    ):
        return True  # "Medvedev dismissed four governors": a firing, no rejection
    if lemma == "clash":
        sides = parse.dep_children(i, "nsubj") + parse.preps(i, "with")
        found = parse.entities_in(k for h in sides for k in parse.subtree(h))
        return bool(found) and all(e.kind == "person" for e in found)
    return False


#: What one agrees with when giving an opinion: "agreed with the need for ...".
VIEWS = frozenset(
    {"need", "idea", "view", "assessment", "notion", "argument", "sentiment", "analysis"}
    | {"premise", "point", "approach", "statement", "opinion", "conclusion", "criticism"}
)


def _standing_rule(parse: Parse, i: int) -> bool:
    """ "women are not allowed to drive", "is permitted under the law": a rule as it stands,
    described in the present passive with no one said to allow it, is no concession."""
    t = parse.tokens
    aux = [t[k].text.lower() for k in parse.dep_children(i, "auxpass")]
    return bool(aux) and aux[0] in {"is", "are", "am"} and not parse.preps(i, "by")


#: What is misused, not someone assaulted: "abused his power".
MISUSED = frozenset(
    {"power", "authority", "position", "office", "trust", "privilege", "system", "immunity"}
    | {"status", "right", "mandate", "hospitality", "procedure"}
)


CLAIM_VERBS = frozenset({"suggest", "propose", "recommend", "insist"})
INDICATIVE_AUX = frozenset({"has", "have", "had", "was", "were", "is", "are", "am", "'s", "did"})


def _indicative(parse: Parse, verb: int) -> bool:
    """A complement clause that states a fact ("had evolved", "is wrong"), not a proposal
    ("resume", "should resume", "be held")."""
    t = parse.tokens
    aux = {t[k].text.lower() for k in parse.dep_children(verb, "aux", "auxpass")}
    if aux & {"should", "would", "could", "might", "may", "must", "shall", "will", "ought"}:
        return False
    return t[verb].tag in {"VBD", "VBZ"} or bool(aux & INDICATIVE_AUX)
