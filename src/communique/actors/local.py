"""States named like a US state ("Georgia"): once an article names the US state, the name is the
US state throughout it."""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from functools import cache

from ..errors import ResourceError
from ..model import Mention
from .load import package_text
from .surface import normalize
from .tables import ActorData

#: How many different signs of US state or local politics make an article American.
US_CUES_NEEDED = 2


@cache
def us_cues() -> tuple[re.Pattern[str], ...]:
    """The signs of US state and local politics in ``data/us_cues.csv`` ("State Rep.",
    "(R-Ocilla)", "HB 516", "Ga."); a pattern that does not compile fails with its row."""
    out = []
    for n, row in enumerate(csv.DictReader(package_text("us_cues.csv").splitlines()), start=2):
        if not row.get("pattern") or not row.get("source"):
            raise ResourceError(f"actor data file us_cues.csv: malformed row {n}")
        try:
            out.append(re.compile(row["pattern"]))
        except re.error as err:
            raise ResourceError(f"actor data file us_cues.csv row {n}: {err}") from err
    return tuple(out)


def _american(text: str) -> bool:
    return sum(1 for p in us_cues() if p.search(text)) >= US_CUES_NEEDED


def local_namesakes(mentions: Sequence[Mention], data: ActorData, text: str = "") -> dict[str, str]:
    """State code -> name, for states whose name the article also uses for a US state: a region
    reading of the name ("Georgia lawmakers", "Georgia Gov.", "state of Georgia", "Athens,
    Georgia"; ``regions.csv``) elsewhere in the article, or in a story of US state or local
    politics (``us_cues.csv``), and no sign of the country itself (its
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
    american = _american(text)
    for m in mentions:
        written = normalize(m.text)
        if written.casefold() not in phrases and not american:
            continue
        for state in data.states:
            if state.code in cues:
                continue
            if written.casefold() in phrases:
                name = re.escape(state.name)
                if re.match(rf"(?:{name}\s|state of {name}$|.*, {name}$)", written):
                    found[state.code] = state.name
            elif written == state.name and f"{state.name.casefold()} gov." in phrases:
                # in a US state or local politics story (two signs: "State Rep.", "(R-Ocilla)")
                # a state named like a US state ("Georgia") is the US state
                found[state.code] = state.name
    return found


def is_local_name(m: Mention, local: dict[str, str]) -> bool:
    """A mention that is just the local name ("Georgia" in an article about Georgia's
    lawmakers)."""
    return normalize(m.text) in local.values()


#: The state whose states the region readings of ``regions.csv`` name ("US state of Georgia").
FEDERATION = "USA"


def without_local(country: str | None, local: dict[str, str]) -> str | None:
    """The country a name or title gives; the United States when it is the local namesake
    ("the Georgia State Ethics Commission", "Georgia Municipal Association spokesman": the
    article has no sign of the country, so its name there is the US state's)."""
    return FEDERATION if country is not None and country in local else country
