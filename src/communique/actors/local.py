"""States named like a US state ("Georgia"): once an article names the US state, the name is the
US state throughout it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Mention
from .surface import normalize
from .tables import ActorData


def local_namesakes(mentions: Sequence[Mention], data: ActorData) -> dict[str, str]:
    """State code -> name, for states whose name the article also uses for a US state: a region
    reading of the name ("Georgia lawmakers", "Georgia Gov.", "state of Georgia", "Athens,
    Georgia"; ``regions.csv``) elsewhere in the article, and no sign of the country itself (its
    capital, its people: "Tbilisi", "Georgian"). A region that merely contains a state's name
    ("New Mexico", "Latin America") says nothing of the state."""
    phrases = {phrase.casefold() for phrase, _ in data.regions}
    found: dict[str, str] = {}
    # the country's own signs ("Tbilisi", "Georgian"): the article speaks of both
    cues = {
        ref.code
        for m in mentions
        if normalize(m.text).casefold() not in phrases
        and (ref := data.lookup(m.text)) is not None
        and ref.code
        and (state := data.state(ref.code)) is not None
        and normalize(m.text) != state.name
    }
    for m in mentions:
        text = normalize(m.text)
        if text.casefold() not in phrases:
            continue
        for state in data.states:
            name = re.escape(state.name)
            named = re.match(rf"(?:{name}\s|state of {name}$|.*, {name}$)", text)
            if named and state.code not in cues:
                found[state.code] = state.name
    return found


def is_local_name(m: Mention, local: dict[str, str]) -> bool:
    """A mention that is just the local name ("Georgia" in an article about Georgia's
    lawmakers)."""
    return normalize(m.text) in local.values()


#: The state whose states the region readings of ``regions.csv`` name ("US state of Georgia").
FEDERATION = "USA"


def without_local(country: str | None, name: str, local: dict[str, str]) -> str | None:
    """The country a name or title gives; the United States when it is the local namesake
    written in it ("the Georgia State Ethics Commission" is a US state's body)."""
    if country is not None and local.get(country) and local[country] in name:
        return FEDERATION
    return country
