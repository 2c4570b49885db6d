"""The named rules of the events stage, in one table.

Every reported event carries the names of the rules that made it (``Event.rules``), and every
candidate left out names the emission rule that dropped it, so a wrong event points at its rule.
Names are ``<step>.<rule>``; lexicon rows are named after their file and lemma
(``lexicon.verbs:accuse``), so a word list row is a rule too.

Steps, in order: ``trigger`` (a word starts a candidate), ``meeting`` (mentions and clusters of
meetings), ``position`` (proposals, demands, rejections and the other PLOVER acts), ``role``
(who is actor and who recipient), ``emit`` (what is reported, merged or left out).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

STEPS = ("trigger", "meeting", "position", "role", "emit")


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    step: str
    summary: str


_TABLE = (
    Rule("trigger.bare_question", "trigger", "'he asked' with nothing asked for: no request"),
    Rule("trigger.no_comment", "trigger", "'declined to comment': no rejection"),
    Rule("trigger.opinion_agreement", "trigger", "'agreed that it was a problem': an opinion"),
    Rule("trigger.claim_not_proposal", "trigger", "'suggested that X had lied': a claim"),
    Rule("trigger.document_statement", "trigger", "'the report stated', 'a poll showed': no act"),
    Rule("trigger.standing_relation", "trigger", "'Iran, which backs Syria, ...': a standing tie"),
    Rule("trigger.situation_warning", "trigger", "'warned that famine was imminent': no threat"),
    Rule(
        "trigger.noun_content",
        "trigger",
        "'demand that X lift the sanctions': what is asked is no act; 'at the request of X': none",
    ),
    Rule("trigger.asked_content", "trigger", "'advised X to resign': the resigning is only asked"),
    Rule("trigger.sense", "trigger", "a word's political sense only: 'released two prisoners'"),
    Rule("trigger.denied", "trigger", "'denied that X had met Y': the meeting is not asserted"),
    Rule("trigger.alleged", "trigger", "'accusations that X beat Y': the beating is alleged"),
    Rule("trigger.standing_measure", "trigger", "'breached a UN ban': the ban is no new act"),
    Rule("trigger.meeting_object", "trigger", "'called off the talks': the meeting's status"),
    Rule("meeting.mention", "meeting", "a meeting noun or verb in a clause that reports it"),
    Rule("meeting.cluster", "meeting", "mentions of one meeting joined into one event"),
    Rule("meeting.journey_frame", "meeting", "'arrived in X. He met Y': one meeting, not two"),
    Rule("meeting.between_firms", "meeting", "'Kenya Airways and SAA met': firms, no meeting"),
    Rule("meeting.visit", "meeting", "a visit: the visitor is the actor, the host the recipient"),
    Rule("meeting.call", "meeting", "talks held by phone or video: CONSULT, mode call, no meeting"),
    Rule(
        "position.call", "position", "'phoned X', 'spoke by telephone with X': CONSULT, mode call"
    ),
    Rule("position.obligation", "position", "'X must do Y' said by a party: a demand"),
    Rule("position.obligation_reported", "position", "a reported obligation: the speaker demands"),
    Rule("position.critical_statement", "position", "'said X's move was illegal': criticism"),
    Rule("position.refusal_complement", "position", "a speech verb with a refusal: a rejection"),
    Rule("position.negated_agreement", "position", "'did not accept': a rejection that happened"),
    Rule("position.conditional_threat", "position", "an act announced 'unless ...': a threat"),
    Rule("position.announced_hostile_act", "position", "a hostile act announced: a threat"),
    Rule("position.announced_friendly_act", "position", "a friendly act announced: a promise"),
    Rule(
        "position.solidarity_act",
        "position",
        "an act done 'in solidarity with X' also supports X",
    ),
    Rule(
        "position.credited_act",
        "position",
        "'thanked Chile for its support for Vietnam': the support is Chile's, aimed at Vietnam",
    ),
    Rule(
        "position.announced_response",
        "position",
        "an answer in kind announced ('said Moscow would respond') or a right to it reserved: a "
        "threat",
    ),
    Rule(
        "position.announced_cooperation",
        "position",
        "'X and Y will strengthen cooperation': a promise each makes the other",
    ),
    Rule("position.hostile_promise", "position", "a promise of a hostile act: a threat"),
    Rule(
        "position.joint_act", "position", "'a joint probe with X': cooperation, not an accusation"
    ),
    Rule("position.light_verb_noun", "position", "'launched an attack': the noun's event"),
    Rule("position.press_conference", "position", "a press conference: a statement"),
    Rule("role.addressed_by_link", "role", "a response with no addressee answers its proposer"),
    Rule("role.aimed_by_answer", "role", "an offer with no addressee is aimed at who answers it"),
    Rule(
        "role.charged_at_home",
        "role",
        "'the former president is charged with corruption': the state that charges him",
    ),
    Rule(
        "role.parallel_object",
        "role",
        "'X expelled 60 Russian diplomats, Y expelled 13': the parallel clause's target",
    ),
    Rule("role.target_premodifier", "role", "'signed the deal with EU leaders': EU is the target"),
    Rule("role.accredited_post", "role", "'envoy to Turkey': Turkey is no actor, no target"),
    Rule("role.relative_subject", "role", "'Britain, which has accused Russia': Britain acts"),
    Rule("role.means_subject", "role", "'X adopted it, by recalling its envoy': X recalls"),
    Rule("role.clause_owner", "role", "'Trump's call when he asked X': he is Trump"),
    Rule("role.participle_subject", "role", "'X's spokesman, dismissing the charge': X rejects"),
    Rule("role.dash_list", "role", "'the two states - Egypt and Jordan - criticised': they did"),
    Rule("role.regional_government", "role", "'California sued the administration': USA acts"),
    Rule("role.absolute_with", "role", "'criticised X, with Y warning of ...': Y is no target"),
    Rule("role.both_sides", "role", "'urged both sides to ...': the two parties told before"),
    Rule("role.shared_object", "role", "'condemned and rejected X's decision': both aim at X"),
    Rule("role.subject_after_phrase", "role", "'In a visit to Tunis Macron said': Macron says"),
    Rule("role.year_of_thing", "role", "'criticised the 2011 intervention': 2011 is no act date"),
    Rule("role.resolve_owner", "role", "'Britain's decision to expel envoys': Britain expels"),
    Rule("role.counted_object", "role", "'expelled a number of Russian diplomats': Russia"),
    Rule("role.group_subject", "role", "'X met Y. The two leaders agreed': X and Y agree"),
    Rule("role.referred_act", "role", "'X attacked Y. Z condemned the attack': aimed at X"),
    Rule("role.noun_agent", "role", "'the expulsion of envoys by Poland': Poland acts"),
    Rule("role.noun_patient", "role", "'the expulsion of 20 Russian diplomats': Russia"),
    Rule("position.needed_act", "position", "'said it was essential that X play ...': a demand"),
    Rule("role.possessive_subject", "role", "'he met X during his visit': 'his' is the subject's"),
    Rule("role.object_owner", "role", "'detained two citizens of Britain': Britain is the target"),
    Rule("role.participle_agent", "role", "'rejected the plan made by X': X is the target"),
    Rule("role.plural_object", "role", "'police drove them out': 'them' is the protesters"),
    Rule("role.pronoun_not_object", "role", "'He hailed President X': 'he' does not stand for X"),
    Rule("role.place_target", "role", "'bombed positions in northern Iraq': Iraq is the target"),
    Rule("role.post_target", "role", "'recalled its ambassador to Moscow': Russia is the target"),
    Rule("role.regional_title", "role", "'Texas Gov. Greg Abbott': an official of the USA"),
    Rule("role.anonymous_source", "role", "'people familiar with Chinese policy': not China"),
    Rule(
        "role.denied_claim",
        "role",
        "'X accused Y of Z, a charge Y denies': Y's denial answers X",
    ),
    Rule("role.definite_body", "role", "'X acted. The ministry said ...': X's ministry"),
    Rule(
        "role.relation_appositive",
        "role",
        "'Turkey, Azerbaijan's closest ally, said': whose ally it is does not act",
    ),
    Rule(
        "role.border_target",
        "role",
        "'deployed troops to its border with Belarus': a deployment faces the state across it",
    ),
    Rule(
        "role.summoned_target",
        "role",
        "'summoned Russia's ambassador to protest': the protest is aimed at Russia",
    ),
    Rule(
        "role.threat_content",
        "role",
        "'warned that it would take action against X': a threat is aimed at whom its content "
        "clause acts against",
    ),
    Rule(
        "role.contact_partner",
        "role",
        "'spoke with X to thank him', 'met X and pledged aid': a contact's purpose or friendly "
        "sequel is aimed at the one contacted",
    ),
    Rule(
        "role.opening_place",
        "role",
        "'In Beijing, spokesman X rejected ...': an official the tables do not list speaks for the "
        "state of the city the sentence opens with",
    ),
    Rule(
        "role.helped_party",
        "role",
        "'sent two aircraft to help Algeria battle the blazes': aid for the party helped",
    ),
    Rule(
        "role.stance_owner",
        "role",
        "'the minister expressed India's support for X': India holds the stance, X is its target",
    ),
    Rule("role.mutual_act", "role", "'India and Japan signed an accord': each the other's target"),
    Rule("role.home_state", "role", "'the police', 'protesters': bodies of the state set in"),
    Rule(
        "role.aimed_at_home",
        "role",
        "'the opposition rejected the verdict': a domestic act with no target, at its own state",
    ),
    Rule(
        "role.dateline_official",
        "role",
        "'CANBERRA - Trade Minister X said': an official of the state the report is filed from",
    ),
    Rule(
        "role.sole_other_party",
        "role",
        "'X called the move unfriendly and said it would respond': at the one other side named",
    ),
    Rule("role.private_subject", "role", "'the Nigerian singer thanked fans': not Nigeria"),
    Rule("role.custody_state", "role", "'were arrested in China' (no agent): China arrests"),
    Rule("role.pronoun_speaker", "role", "'she said' is the last person named, coded or not"),
    Rule("role.answered_act", "role", "'The ministry rejected the criticism': the one criticised"),
    Rule("role.saying_conjunct", "role", "'X said Y would go and demanded ...': X demanded"),
    Rule("role.whose_government", "role", "'His government recalled ...': the person's state"),
    Rule(
        "meeting.recalled_for", "meeting", "'recalled its ambassador for consultations': no meeting"
    ),
    Rule("meeting.host_officials", "meeting", "'met government officials in Hanoi': VNM hosts"),
    Rule("meeting.relative_subject", "meeting", "'Blinken, who met Xi on Monday': Blinken met Xi"),
    Rule("meeting.onward_leg", "meeting", "'held talks with X and flew to Y': not held in Y"),
    Rule("meeting.framed_object", "meeting", "'X held what he called frank talks with Y': X met Y"),
    Rule("meeting.relative_place", "meeting", "'X, who met Y, left for Z': not met in Z"),
    Rule("meeting.government_seat", "meeting", "'held talks at the Kremlin': Russia is a side"),
    Rule("meeting.absent_subject", "meeting", "'failed to attend the summit': it met without X"),
    Rule(
        "meeting.skipped_with",
        "meeting",
        "'X skipped the meeting with Y': a meeting of X and Y that did not take place",
    ),
    Rule("meeting.visit_place", "meeting", "talks between a visitor and hosts: the visit's place"),
    Rule("meeting.arrival_date", "meeting", "'X arrived in Y on Tuesday. He held talks': Tuesday"),
    Rule(
        "meeting.under_way",
        "meeting",
        "'arrived on a two-day visit', 'were holding talks', 'talks began on Monday': ongoing",
    ),
    Rule("meeting.in_talks", "meeting", "'A and B are in talks': A and B meet, under way"),
    Rule("meeting.hosts_country", "meeting", "'talks with his Cypriot hosts': in Cyprus"),
    Rule(
        "meeting.speaker_pronoun",
        "meeting",
        "'India said it had summoned X': 'it' (or 'we') is the speaker the clause reports",
    ),
    Rule(
        "meeting.summoned_at_dateline",
        "meeting",
        "'TOKYO - Vice Minister X summoned the Chinese envoy': no summoner coded, the dateline's",
    ),
    Rule(
        "meeting.body_again",
        "meeting",
        "'The Joint Commission will meet again': the members of its session told before",
    ),
    Rule(
        "meeting.same_day_dateline",
        "meeting",
        "placed nowhere, on the day of a meeting held in the dateline's city: held there too",
    ),
    Rule("meeting.within_one_state", "meeting", "Hong Kong's leader in Beijing: no meeting"),
    Rule("meeting.lead_day", "meeting", "an undated meeting early in the story: the lead's day"),
    Rule(
        "meeting.publication_month",
        "meeting",
        "an undated meeting the lead reports as held: the month the report was published",
    ),
    Rule(
        "meeting.pair_named_before",
        "meeting",
        "'X and Y spoke. The two leaders met in Z': the two named before, when just two",
    ),
    Rule(
        "meeting.counterpart_set",
        "meeting",
        "'talks with partners, including X, Y': no one meeting",
    ),
    Rule("meeting.told_within", "meeting", "'a meeting where X told Y ...': X and Y met"),
    Rule("meeting.listed_after", "meeting", "'... Those attending include X, Y': the parties"),
    Rule(
        "meeting.participation",
        "meeting",
        "'the summit, held with the participation of X and Y': X and Y attend",
    ),
    Rule("meeting.attended_by", "meeting", "'the summit was attended by X and Y': they attend"),
    Rule(
        "meeting.chaired_by", "meeting", "'the meeting, co-chaired by X and Y': X and Y take part"
    ),
    Rule("meeting.hosted_for", "meeting", "'X is to host leaders of Y for a summit': X and Y"),
    Rule("meeting.expected_at", "meeting", "'X is among the leaders expected at the summit'"),
    Rule(
        "meeting.acts_at",
        "meeting",
        "'X took over the chair from Y at the opening of the summit', 'X spoke at the summit'",
    ),
    Rule(
        "meeting.attendance_told",
        "meeting",
        "'X and Y are among those due to attend': they join the gathering just told",
    ),
    Rule(
        "meeting.sideline_attendance",
        "meeting",
        "'X and Y met on the sidelines of the summit': they attend the summit",
    ),
    Rule(
        "meeting.tour_legs",
        "meeting",
        "'a tour that has taken him to X and will take him to Y': a visit per place",
    ),
    Rule(
        "meeting.also_after",
        "meeting",
        "'X met Y on Monday in Z. X also met W': W on that day, there",
    ),
    Rule("meeting.series", "meeting", "'next year's summit will be held in Rio': the same forum"),
    Rule("meeting.withdrawn", "meeting", "'pulled out of talks with X': called off, a party"),
    Rule("meeting.invitation_taken", "meeting", "'accepted an invitation to visit X': planned"),
    Rule("meeting.scheduled_for", "meeting", "'talks scheduled for May': planned, unless held"),
    Rule("meeting.journey_owner", "meeting", "'protested at X's visit': the visit is X's alone"),
    Rule("meeting.talks_trip", "meeting", "'travelled to Cairo to resume talks': Egypt hosts"),
    Rule("meeting.ahead_of", "meeting", "'ahead of talks with X, Y said': Y takes part"),
    Rule("meeting.envoy_sent", "meeting", "'sent an envoy to Myanmar': a visit by the sender"),
    Rule("meeting.day_ahead", "meeting", "a meeting whose day lies after the report's: planned"),
    Rule("emit.sport", "emit", "'India beat Pakistan in their Asia Cup match': teams, no event"),
    Rule("emit.coded_actor", "emit", "reported only when the source actor resolves to a code"),
    Rule("emit.coded_target", "emit", "a directed act needs its target when the text names one"),
    Rule(
        "emit.aimed_act",
        "emit",
        "a directed act with no coded target is left out, unless one-sided or against violence",
    ),
    Rule("emit.background", "emit", "an act dated years before the article's date: background"),
    Rule("emit.asserted", "emit", "only acts the text asserts: not negated, hypothetical, asked"),
    Rule("emit.statement_subsumed", "emit", "'accused Y, saying ...': one act, no statement"),
    Rule("emit.one_happening", "emit", "mentions of one act in an article are one event"),
    Rule("emit.main_event", "emit", "the event the headline and lead report is the main one"),
)

RULES: dict[str, Rule] = {r.name: r for r in _TABLE}
_LEXICON = re.compile(r"^lexicon\.(triggers|verbs|nouns):[a-z][a-z' -]*$")


def is_rule(name: str) -> bool:
    """A registered rule, or a lexicon row named after its file and lemma."""
    return name in RULES or bool(_LEXICON.match(name))


def rule(name: str) -> str:
    """``name`` checked against the table: a typo in a rule name fails loudly."""
    if not is_rule(name):
        raise KeyError(f"unknown events rule {name!r}; register it in events/rules.py")
    return name


def lexicon_rule(file: str, lemma: str) -> str:
    return rule(f"lexicon.{file}:{lemma.lower()}")


def entry_rule(source: str, file: str, lemma: str) -> str:
    """The rule behind a lexicon entry: a rule that built it ("rule:position.obligation") or
    the lexicon row it was read from."""
    if source.startswith("rule:"):
        return rule(source.removeprefix("rule:"))
    return lexicon_rule(file, lemma)


__all__ = ["RULES", "STEPS", "Rule", "entry_rule", "is_rule", "lexicon_rule", "rule"]
