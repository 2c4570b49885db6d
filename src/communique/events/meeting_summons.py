"""Summonses told from the summoning capital (rule meeting.summoned_at_dateline).

"TOKYO (Kyodo) - Vice Foreign Minister Masataka Okano summoned Shi Yong, acting Chinese
ambassador to Japan": the official who summons is often one the data tie to no state, or no one
at all ("the Chinese ambassador was summoned to the ministry"). An envoy is summoned by the
state that receives them, and such a report is filed from its capital: with no summoner coded
and no place told, the summons is held in the state of the dateline's city, when the envoy is
another state's.
"""

from __future__ import annotations

from .arguments import parties_under, party_code
from .meeting_records import MeetingCluster
from .syntax import Parse


def summoned_at_dateline(parse: Parse, c: MeetingCluster) -> None:
    """Give a summons with no place and no coded summoner the dateline's city as its place."""
    if c.place is not None or c.status in {"planned", "cancelled"}:
        return
    summons = [m for m in c.mentions if m.entry.mode == "summon"]
    filed = c.mentions[0].filed_from
    if not summons or filed is None or filed.kind != "city" or not filed.country:
        return
    if filed.country in c.codes or not c.codes:
        return
    m = summons[0]
    if parse.tokens[m.trigger].pos != "VERB":
        return
    subjects = parse.dep_children(m.trigger, "nsubj")
    passive = bool(parse.dep_children(m.trigger, "nsubjpass"))
    agents = parse.preps(m.trigger, "by") if passive else subjects
    if any(party_code(e) for e in parties_under(parse, agents)):
        return  # "Poland summoned the Russian ambassador": where Poland is, told or not
    if not (subjects or passive):
        return
    m.place = filed
    m.found_by += ("meeting.summoned_at_dateline",)
