"""Position roles: the actor, the recipient and the items of an act, read from the tree."""

from __future__ import annotations

from ..model import Entity
from .arguments import (
    ACCREDITED,
    absolute,
    head_entities,
    parties_under,
    party_code,
    premodifier_parties,
    restated_asked_of,
    speaker_of,
)
from .claims import DENY
from .position_aims import ABOUT, solidarity_objects, stated_stance
from .position_records import ADDRESSEE_VERBS, PRONOUNS, SPEECH, _clause_text, needed_clause
from .subjects import _subject, dash_named
from .syntax import CLAUSE_DEPS, Parse

#: Nouns that count what an act is done to: "the same number of Russian diplomats".
QUANTITIES = frozenset(
    {"number", "group", "dozen", "hundred", "thousand", "handful", "couple", "pair", "batch"}
)


def _behind_adjective(parse: Parse, e: Entity, subj: list[int]) -> bool:
    """ "people familiar with Chinese trade policy", "sources close to the Kremlin": a party
    named only in an adjective's complement is what unnamed sources know, not who speaks
    (role.anonymous_source)."""
    t = parse.tokens
    under = {k for s in subj for k in parse.subtree(s)}
    found = [k for m in e.mentions if (k := parse.token_at(m.start)) in under]

    def behind(k: int) -> bool:
        for a in [k, *parse.ancestors(k)]:
            if a in subj:
                return False
            if t[a].dep == "prep" and t[t[a].head].pos == "ADJ":
                return True
        return False

    return bool(found) and all(behind(k) for k in found)


def _officer_of_firm(e: Entity, private: frozenset[str]) -> bool:
    """A person whose only title is a post in a firm ("vice president of Air Canada Cargo")."""
    return bool(e.titles) and all(
        {w.lower().strip(".,") for w in title.split()} & private for title in e.titles
    )


def _private_subject(parse: Parse, e: Entity, subj: list[int], private: frozenset[str]) -> bool:
    """ "The Nigerian singer thanked fans", "the Spanish bank Santander agreed to buy ...": a
    state named only as the nationality of a private person, firm or team is not the actor
    (role.private_subject)."""
    if not private:
        return False
    if e.kind in {"organization", "person"}:
        # "Tim Strauss, vice president of Air Canada Cargo": a firm, or its officer
        if e.kind == "person":
            return _officer_of_firm(e, private)
        words = [w.lower().strip(".,") for w in e.name.split()]
        airline = len(words) > 1 and words[0] == "air" and words[1] != "force"  # "Air Canada"
        return airline or bool(set(words) & private)
    if e.kind != "state":
        return False
    t = parse.tokens
    for s in subj:
        nouns = [s, *parse.dep_children(s, "compound", "appos")]
        if not any(t[k].lemma.lower() in private for k in nouns):
            continue
        spots = [parse.token_at(m.start) for m in e.mentions]
        inside = [k for k in spots if k in set(parse.subtree(s))]
        if inside and s not in inside:
            return True
    return False


#: A state's own bodies, named by whose they are: "his government", "her country".
OWN_STATE_NOUNS = frozenset({"government", "country", "administration", "cabinet", "ministry"})


def _whose_government(parse: Parse, subj: list[int]) -> list[Entity]:
    """ "His government had already recalled its ambassador": the person "his" stands for."""
    t = parse.tokens
    for s in subj:
        if t[s].lemma.lower() not in OWN_STATE_NOUNS:
            continue
        for k in parse.children[s]:
            if t[k].dep == "poss" and t[k].text.lower() in {"his", "her"}:
                person = parse.antecedent(k)
                if person is not None and person.kind == "person" and party_code(person):
                    return [person]
    return []


def _actors(parse: Parse, i: int, private: frozenset[str] = frozenset()) -> list[Entity]:
    subj = _subject(parse, i)
    t = parse.tokens
    if (
        subj
        and t[subj[0]].text.lower() in {"he", "she"}
        and t[i].lemma.lower() in SPEECH
        and (last := _last_speaker(parse, i)) is not None
    ):
        # role.pronoun_speaker: '"It will not work," he said' goes on the last speaker, not the
        # person the last speaker talked about
        return [last] if party_code(last) else []
    if subj and (owner := parse.owner_of_the_clause(subj[0])) is not None:
        # role.clause_owner: "about Trump's call when he asked X": Trump asked
        return [owner] if party_code(owner) else []
    if subj and parse.tokens[subj[0]].pos == "PRON":  # "X said it supported ..."
        speaker = speaker_of(parse, parse.tokens[subj[0]].head)
        if parse.tokens[subj[0]].text.lower() == "they" and _one_person(parse, speaker):
            return []  # role.pronoun_speaker: "the minister said they pulled out": not him
        subj = speaker or subj
    t = parse.tokens
    passive = parse.dep_children(i, "nsubjpass") or (t[i].dep == "acl" and t[i].tag == "VBN")
    agent = parse.preps(i, "by") if passive else []
    found = [
        e
        for e in parties_under(parse, subj + agent)
        if party_code(e)
        and not _behind_adjective(parse, e, subj)
        and not _private_subject(parse, e, subj, private)
    ] or _whose_government(parse, subj)
    if subj and parse.tokens[subj[0]].pos == "PRON":
        # role.pronoun_not_object: "He hailed President X": "he" is not X
        objects = head_entities(parse, parse.dep_children(i, "dobj"))
        found = [e for e in found if e not in objects]
    if not found:  # "the two states - Egypt and Jordan - criticised": the list set off
        found = [e for e in dash_named(parse, i) if party_code(e)]
    if not found:  # "rebels in the Ivory Coast", "thousands of Nigerians": where the group is from
        where = [p for s in subj for p in parse.preps(s, "in", "of", "from")]
        found = [e for e in parties_under(parse, where) if e.kind == "state"]
    return found


def _last_speaker(parse: Parse, i: int) -> Entity | None:
    """The named person who last said something, in this sentence before ``i`` or the two
    before: the subject of the nearest earlier verb of saying with a person as subject."""
    t = parse.tokens
    first = parse.annotated.sentences[max(0, parse.sentence_index(i) - 2)].first_token
    for k in range(i - 1, first - 1, -1):
        if t[k].pos != "VERB" or t[k].lemma.lower() not in SPEECH:
            continue
        for s in parse.dep_children(k, "nsubj"):
            for h in (s, *parse.dep_children(s, "appos")):
                hit = parse.entity_at.get(h)
                if hit is not None and hit.entity.kind == "person":
                    return hit.entity
    return None


def _one_person(parse: Parse, heads: list[int]) -> bool:
    """Is the phrase a single named person ("Zimbabwe's tourism minister Prisca Mupfumira")?"""
    if len(heads) != 1 or parse.dep_children(heads[0], "conj"):
        return False
    for k in (heads[0], *parse.dep_children(heads[0], "appos")):
        hit = parse.entity_at.get(k)
        if hit is not None:
            return hit.entity.kind == "person"
    return False


def _pronoun_subject(parse: Parse, i: int, by_person: bool = False) -> bool:
    """Is the subject a pronoun that can stand for the actors before it? Not "they" for what a
    person did ("the minister said ..., but they pulled out")."""
    words = {parse.tokens[k].text.lower() for k in parse.dep_children(i, "nsubj")}
    if "they" in words and by_person:
        return False
    return bool(words & PRONOUNS)


def _person_subject(parse: Parse, i: int) -> bool:
    """Is the clause's subject (or the speaker it reports) one named person?"""
    subj = _subject(parse, i)
    if subj and parse.tokens[subj[0]].pos == "PRON":
        subj = speaker_of(parse, parse.tokens[subj[0]].head) or subj
    return _one_person(parse, subj)


#: Verbs of taking a side whose party follows "by" or "behind": "stood by its ally".
BESIDE_VERBS = frozenset({"stand", "rally"})


def _recipients(parse: Parse, i: int, indirect: bool = True) -> list[Entity]:
    heads = [  # "affirmed Cairo's support for X": a stance stated is no party, nor its holder
        o
        for o in parse.dep_children(i, "dobj", "dative", "nsubjpass")
        if not stated_stance(parse, i, o)
    ] + parse.preps(i, "to", "on", "upon", "against", "from")
    # not "with X warning of ...", an absolute phrase beside the act
    heads += [h for h in parse.preps(i, "with") if not absolute(parse, h)]
    if parse.tokens[i].lemma.lower() not in BESIDE_VERBS:  # "expelled them in solidarity with X"
        heads = [h for h in heads if h not in solidarity_objects(parse, i)]
    if parse.tokens[i].lemma.lower() in BESIDE_VERBS:  # "will stand by Sri Lanka"
        heads += parse.preps(i, "by", "behind")
    heads = _counted(parse, heads)
    # "repeated Tehran's demand that Washington lift the sanctions": whom the demand is made of
    found = head_entities(parse, restated_asked_of(parse, i)) or head_entities(parse, heads)
    if not found:  # "signed the deal with EU leaders", "shot Russian soldiers"
        found = [
            e for h in heads for c in parse.conjuncts(h) for e in premodifier_parties(parse, c)
        ]
    if not found and parse.dep_children(i, "dobj"):
        # "fired tear gas at protesters", "hurled accusations at Kyiv": the object is sent at
        # the target
        found = head_entities(parse, _counted(parse, parse.preps(i, "at")))
    if not found:  # "presented a plan for X to the EU": the parser hung "to the EU" on the object
        tos = [
            k
            for o in parse.dep_children(i, "dobj")
            for k in parse.subtree(o, frozenset({"relcl", "acl"}))
            if parse.tokens[k].dep == "prep"
            and parse.tokens[k].text.lower() == "to"
            and parse.tokens[parse.tokens[k].head].lemma.lower() not in ACCREDITED
        ]
        found = head_entities(parse, [p for k in tos for p in parse.dep_children(k, "pobj")])
    if not found and indirect:
        found = _object_recipients(parse, i)
    if not found:  # "called for an emergency meeting of the Arab League": the body asked to meet
        asked = [o for o in parse.preps(i, "for") + parse.dep_children(i, "dobj")]
        sittings = [o for o in asked if parse.tokens[o].lemma.lower() in SITTINGS]
        found = [
            e
            for o in sittings
            for e in premodifier_parties(parse, o) + head_entities(parse, parse.preps(o, "of"))
            if e.kind in {"igo", "body"}
        ] or head_entities(parse, [w for o in sittings for w in parse.preps(o, "with")])
    if not found and indirect and not parse.dep_children(i, "dobj", "ccomp", "xcomp"):
        # "condemned and rejected Israel's decision", "supports and wants Russia to play a
        # greater role": two verbs joined by "and" share the second one's object
        t = parse.tokens
        for c in parse.dep_children(i, "conj"):
            if t[c].pos == "VERB" and not parse.dep_children(c, "nsubj") and _joined(parse, i, c):
                found = _recipients(parse, c, indirect) or [
                    e
                    for k in parse.dep_children(c, "ccomp", "xcomp")
                    for e in head_entities(parse, parse.dep_children(k, "nsubj", "dobj"))
                ]
                break
    return found


#: Verbs of contact whose purpose clause is aimed at the one contacted.
CONTACT_VERBS = frozenset({"speak", "talk", "call", "phone", "telephone", "meet", "write"})


#: Acts a contact's second verb aims at the one contacted ("met X and pledged aid"); not a
#: criticism, which is mostly of a third party ("met X and condemned the attacks").
CONTACT_AIMED = frozenset({"REQUEST", "AGREE", "SUPPORT", "AID", "COOPERATE", "CONCEDE"})


def contact_partner(parse: Parse, i: int, kind: str = "") -> list[Entity]:
    """ "spoke by phone with X to express his gratitude": a purpose clause of a contact is
    aimed at the one contacted; so is a friendly act or request joined to it ("met X on
    Monday and pledged more aid"), ``kind`` being the act's type."""
    t = parse.tokens
    head = t[i].head
    if t[head].lemma.lower() not in CONTACT_VERBS:
        return []
    if t[i].dep == "conj":
        if kind not in CONTACT_AIMED or parse.dep_children(i, "nsubj", "nsubjpass"):
            return []
    elif t[i].dep != "advcl" or not any(
        t[a].text.lower() == "to" for a in parse.dep_children(i, "aux")
    ):
        return []
    return head_entities(parse, parse.dep_children(head, "dobj") + parse.preps(head, "with"))


def _counted(parse: Parse, heads: list[int]) -> list[int]:
    """ "expelled the same number of Russian diplomats", "thousands of supporters": the people
    or things counted are the object."""
    return [
        of
        for h in heads
        for of in (parse.preps(h, "of") if parse.tokens[h].lemma.lower() in QUANTITIES else [h])
    ]


def _joined(parse: Parse, a: int, b: int) -> bool:
    """Only "and" (or "or") lies between two coordinated verbs: "condemned and rejected"."""
    between = [parse.tokens[k].text.lower() for k in range(a + 1, b)]
    return between in (["and"], ["or"])


#: Sittings a body is asked to hold: "called for a UN Security Council debate".
SITTINGS = frozenset({"meeting", "session", "debate", "summit", "vote", "hearing", "inquiry"})


OBJECT_PREPS = ("to", "for", "with", "against", "toward", "towards")

RECOGNIZE = frozenset({"recognize", "recognise"})

#: What someone does that another judges, as "X's efforts" or "the efforts of X".
DEEDS = frozenset(
    {"effort", "role", "decision", "policy", "move", "stance", "statement", "remark", "action"}
    | {"leadership", "contribution", "initiative", "proposal", "plan", "conduct", "approach"}
    | {"handling", "behaviour", "behavior", "attitude", "announcement", "comment", "position"}
    | {"visit", "trip"}
    # "demanded the withdrawal of Armenian forces": who is to withdraw is asked
    | {"withdrawal", "pullout", "departure", "resignation"}
)

#: What a state owns abroad and another can freeze, seize or close: "the assets of X".
HOLDINGS = frozenset(
    {"asset", "property", "account", "fund", "reserve", "holding", "tanker", "vessel", "ship"}
    | {"aircraft", "embassy", "consulate", "bank", "company", "firm"}
)

#: Bodies and people that belong to a party: "the opposition party of X", "two citizens of X".
MEMBERS = frozenset(
    {"party", "government", "army", "military", "force", "troop", "ministry", "movement"}
    | {"militia", "regime", "administration", "cabinet", "delegation", "diplomat", "official"}
    | {"citizen", "national", "soldier", "supporter", "member", "staff", "envoy", "ally"}
    # "thanked the emir of Qatar", "the leaders of Oman and Switzerland", "the people of X"
    | {"leader", "emir", "king", "queen", "sultan", "president", "premier", "minister", "head"}
    | {"people", "authority"}
)

#: Measures that fall "on" their target: "sanctions on Belarus", "tariffs on China".
MEASURES = frozenset(
    {"sanction", "tariff", "embargo", "ban", "restriction", "penalty", "duty", "levy", "curb"}
    | {"fine", "boycott", "limit", "measure", "control"}
)


def _object_recipients(parse: Parse, i: int, depth: int = 0) -> list[Entity]:
    """The party an act is aimed at when the object names it only in a modifier: "praised
    Haiti's efforts", "promised military aid to Mozambique"; or, one open complement down,
    "offered to hand over two suspects to Britain"."""
    t = parse.tokens
    objs = parse.dep_children(i, "dobj", "nsubjpass")
    # "reaffirmed Washington's support for Guyana": whose stance it is, not its target
    owners = [
        k
        for o in objs
        if not stated_stance(parse, i, o)
        for k in parse.children[o]
        if t[k].dep == "poss"
    ]
    # "thanked the emir of Qatar as well as the leaders of Oman": each joined object's owner
    objs = [c for o in objs for c in parse.conjuncts(o)]
    # "froze the assets of the Revolutionary Guards", "lauded the efforts of Jimmy Carter",
    # "ordered the party of X to disband": the owner of what was taken or held, whose act is
    # judged, or whose body or people were acted on
    owners += [
        k
        for o in objs
        if t[o].lemma.lower() in HOLDINGS | DEEDS | MEMBERS
        for k in parse.preps(o, "of")
    ]
    # "froze the assets of three Russian banks": the owners' state
    found = head_entities(parse, owners) or [
        e for k in owners for e in premodifier_parties(parse, k) if e.kind == "state"
    ]
    if not found:  # role.participle_agent: "condemned the move announced by X": aimed at X
        agents = [
            b
            for o in objs
            for a in parse.children[o]
            if t[a].dep == "acl" and t[a].tag == "VBN"
            for b in parse.preps(a, "by")
        ]
        found = head_entities(parse, agents)
    if not found:  # "aid to Mozambique", "an offer from Kabul", "calls by Minsk"
        # "$100 million in aid to Turkey": the measured thing's own phrases too
        measured = objs + [m for o in objs for m in parse.preps(o, "of", "in")]
        preps = [p for o in measured for p in parse.preps(o, *OBJECT_PREPS, "from", "by")]
        if t[i].lemma.lower() not in BESIDE_VERBS:  # "relations with Ecuador in solidarity with X"
            preps = [p for p in preps if p not in solidarity_objects(parse, i)]
        # "expressed concern over Japan's plan": what a stance is about
        preps += [p for o in objs if stated_stance(parse, i, o) for p in parse.preps(o, *ABOUT)]
        # "imposed new sanctions on Belarus": a measure falls on its target; "lifted the
        # tariffs it imposed on Australian wine": so does one told as imposed in a relative
        measures = [o for o in objs if t[o].lemma.lower() in MEASURES]
        preps += [p for o in measures for p in parse.preps(o, "on")]
        preps += [
            p
            for o in measures
            for r in parse.children[o]
            if t[r].dep == "relcl"
            for p in parse.preps(r, "on", "against")
        ]
        found = head_entities(parse, preps) or [
            e for p in preps for c in parse.conjuncts(p) for e in premodifier_parties(parse, c)
        ]
    if not found and t[i].lemma.lower() in RECOGNIZE:
        # "recognised Jerusalem as Israel's capital": whose capital or government it is
        found = [e for p in parse.preps(i, "as") for e in premodifier_parties(parse, p)]
    if not found:  # "rejected a U.S. request", "restrictions on German goods"
        found = [e for o in objs for e in premodifier_parties(parse, o)]
    if not found and t[i].lemma.lower() not in DENY:
        # "demanded that the United States match ...": who is to act ("denied that X had
        # met Y" is aimed at no one the clause names)
        # a content clause follows its verb: "The U.S. has expelled 60, Ukraine has expelled
        # 13", parsed with the first clause under the second, names no target of Ukraine's act
        clauses = [c for c in parse.dep_children(i, "ccomp") if c > i]
        # "said it was essential that the United States play ...": who is to act
        clauses = [need if (need := needed_clause(parse, c)) is not None else c for c in clauses]
        subjects = [s for c in clauses for s in parse.dep_children(c, "nsubj")]
        found = head_entities(parse, subjects) or [
            e for s in subjects for e in premodifier_parties(parse, s)
        ]
    if not found and depth == 0:
        for c in parse.dep_children(i, "xcomp"):
            found = _recipients(parse, c) or _object_recipients(parse, c, 1)
            if found:
                break
    return found


def _items(parse: Parse, i: int) -> list[str]:
    t = parse.tokens
    clauses = parse.dep_children(i, "ccomp", "xcomp")
    heads = parse.dep_children(i, "dobj") + parse.preps(i, "for")
    if clauses and t[i].lemma.lower() in ADDRESSEE_VERBS:  # "urged both sides to return to X"
        return [_clause_text(parse, c) for c in clauses]
    if not heads:
        heads = clauses
    out = []
    for h in heads:
        if t[h].pos in {"PRON"}:
            continue
        start, end = parse.phrase(h, CLAUSE_DEPS | {"prep"} if t[h].pos == "VERB" else CLAUSE_DEPS)
        if t[h].pos in {"NOUN", "PROPN"}:
            start, end = _noun_phrase_without_recipient(parse, h)
        out.append(parse.text[start:end])
    return out


def _noun_phrase_without_recipient(parse: Parse, h: int) -> tuple[int, int]:
    keep = [k for k in parse.subtree(h, CLAUSE_DEPS | {"to"})]
    lo, hi = min(keep), max(keep)
    while hi > lo and parse.tokens[hi].pos == "PUNCT":
        hi -= 1
    while lo < hi and parse.tokens[lo].dep in {"det", "punct"}:
        lo += 1
    return parse.tokens[lo].start, parse.tokens[hi].end


#: Plural nouns that name the parties told before: "the two leaders agreed", "both sides signed".
GROUP_NOUNS = frozenset(
    {
        "leader",
        "side",
        "country",
        "nation",
        "president",
        "minister",
        "premier",
        "government",
        "delegation",
        "counterpart",
        "state",
        "neighbour",
        "neighbor",
        "diplomat",
        "negotiator",
        "man",
        "woman",
        "envoy",
        "head",
    }
)
#: Group nouns that name people only by sex: a group only with a count ("the two men").
_PEOPLE = frozenset({"man", "woman"})
#: "the two heads of state": an "of"-phrase that is part of the title, not a name.
_TITLE_OFS = frozenset({"state", "government", "delegation"})
_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4}


#: group_subject's answer for a subject "they": the parties of a meeting just told, for a
#: mutual act only.
THEY = -1


def _title_of(parse: Parse, prep: int) -> bool:
    """ "of state" in "the two heads of state"."""
    t = parse.tokens
    return t[prep].text.lower() == "of" and all(
        t[o].lemma.lower() in _TITLE_OFS for o in parse.dep_children(prep, "pobj")
    )


def group_subject(parse: Parse, verb: int) -> int | None:
    """role.group_subject: the number of parties a subject like "the two leaders", "both
    sides", "the three presidents" refers to (0 for "the leaders": two or more), else None."""
    t = parse.tokens
    for s in _subject(parse, verb):
        if t[s].lemma.lower() == "pair" and t[s].tag == "NN":
            return 2  # "with the pair agreeing to start negotiations"
        if t[s].text.lower() == "they":
            return THEY  # "they agreed to deepen cooperation": the parties just met
        if t[s].text.lower() in _COUNTS and t[s].pos in {"NUM", "DET", "PRON"}:
            return _COUNTS[t[s].text.lower()]  # "... and the two agreed to reconvene"
        if t[s].lemma.lower() not in GROUP_NOUNS or t[s].tag not in {"NNS", "NNPS"}:
            continue
        kids = {t[k].text.lower(): t[k].dep for k in parse.children[s]}
        if any(
            t[k].dep == "poss"
            or (t[k].dep == "prep" and not _title_of(parse, k))
            or (
                t[k].dep in {"amod", "compound"}
                and (t[k].text[:1].isupper() or k in parse.entity_at)
            )
            for k in parse.children[s]
        ):
            # "the two Gulf leaders", "the leaders of Iran and Iraq": named otherwise; a title's
            # own word is no name ("the two foreign ministers")
            return None
        counts = [_COUNTS[w] for w in kids if w in _COUNTS]
        if counts:
            return counts[0]
        if kids.get("the") == "det" and len(kids) == 1 and t[s].lemma.lower() not in _PEOPLE:
            return 0  # "the leaders"; "the men" may be any two people told of
    return None
