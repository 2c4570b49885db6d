"""Is a capital ("Moscow") or a seat of government ("the Kremlin") used as an actor or a place?

    "Moscow said ...", "Moscow's proposal", "talks with Moscow", "Washington and Beijing agreed"
        -> actor (the state)
    "talks in Moscow", "arrived at the Kremlin" -> place (left to the place stage)

Decided from the dependency parse when tokens are available, else from the nearby words.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Literal

from ..model import Token

Reading = Literal["actor", "place"]
IsState = Callable[[int, int], bool]  # does a state mention (by name) cover start:end?
Dependents = Mapping[int, Sequence[Token]]  # token index -> the tokens it heads, in text order

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_AUXILIARIES = frozenset(
    {
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "cannot",
        "could",
        "should",
        "must",
        "may",
        "might",
        "also",
        "did",
        "does",
        "do",
        "not",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "already",
    }
)
_IRREGULAR = {"said": "say", "told": "tell", "sought": "seek", "made": "make", "took": "take"}
_DATELINE = re.compile(r"^\s*(?:\([^)]{1,30}\)\s*)?[,:\-–—(]")
_NEXT_WORD = re.compile(r"\s*([\w’']+)")
_WORD = re.compile(r"[\w’']+")


def read_mention(
    start: int,
    end: int,
    text: str,
    tokens: Sequence[Token],
    cues: dict[tuple[str, str], str],
    is_state: IsState,
    default: Reading,
    dependents: Dependents | None = None,
) -> Reading:
    """The reading of the mention at ``start:end``; ``default`` when nothing decides.
    ``dependents``: ``dependents_of(tokens)``, built once by a caller that reads many mentions."""
    if _is_dateline(start, end, text):
        return "place"  # "MOSCOW, Jan 5 (Reuters) -", "Hanoi (VNA) -"
    span = _tokens_in(tokens, start, end)
    if span:
        kids = dependents if dependents is not None else dependents_of(tokens)
        return _from_parse(span, tokens, kids, cues, is_state) or default
    return _from_words(start, end, text, cues, is_state) or default


def dependents_of(tokens: Sequence[Token]) -> dict[int, list[Token]]:
    """Each token index -> the tokens whose head it is, in text order (a root heads itself)."""
    kids: dict[int, list[Token]] = {}
    for t in tokens:
        kids.setdefault(t.head, []).append(t)
    return kids


def _is_dateline(start: int, end: int, text: str) -> bool:
    at_line_start = not text[text.rfind("\n", 0, start) + 1 : start].strip()
    shouted = text[start:end].isupper() and end - start > 3
    return bool(_DATELINE.match(text[end : end + 40])) and (at_line_start or shouted)


def _tokens_in(tokens: Sequence[Token], start: int, end: int) -> list[Token]:
    """The tokens from the first starting at or after ``start`` while they end by ``end``."""
    i = bisect.bisect_left(tokens, start, key=lambda t: t.start)
    out: list[Token] = []
    while i < len(tokens) and tokens[i].end <= end:
        out.append(tokens[i])
        i += 1
    return out


def _from_parse(
    span: list[Token],
    tokens: Sequence[Token],
    dependents: Dependents,
    cues: dict[tuple[str, str], str],
    is_state: IsState,
) -> Reading | None:
    last = span[-1]
    inside = {t.i for t in span}
    root = next((t for t in span if t.head not in inside or t.head == t.i), span[-1])
    if last.i + 1 < len(tokens) and tokens[last.i + 1].tag == "POS":
        owned = tokens[root.head].lemma.lower()  # "Moscow's proposal", "Amsterdam's station"
        return "place" if cues.get(("possessed", owned)) == "place" else "actor"
    for conjunct in _conjuncts(root, tokens, dependents):
        if conjunct is not root and is_state(conjunct.start, conjunct.end):
            first, second = sorted((conjunct, root), key=lambda t: t.i)
            if any(t.dep == "cc" for t in tokens[first.i + 1 : second.i]):
                return "actor"  # "Washington and Russia", not "Bogota, Colombia"
    while root.dep == "conj" and root.head != root.i:
        root = tokens[root.head]
    return _role_reading(root, tokens, dependents, cues)


def _conjuncts(root: Token, tokens: Sequence[Token], dependents: Dependents) -> list[Token]:
    head = tokens[root.head] if root.dep == "conj" else root
    return [head, *(t for t in dependents.get(head.i, ()) if t.dep == "conj")]


def _role_reading(
    root: Token, tokens: Sequence[Token], dependents: Dependents, cues: dict[tuple[str, str], str]
) -> Reading | None:
    head = tokens[root.head]
    if root.dep in _SUBJECT_DEPS:
        acomp = any(t.dep == "acomp" for t in dependents.get(head.i, ()))
        if head.lemma == "be" and acomp:
            return "actor"  # "Tunis is reluctant to ...", not "Tunis is a city"
        cue = cues.get(("subject", head.lemma.lower()))
        if cue == "place":
            return "place"
        return "actor" if head.pos in ("VERB", "AUX") else None
    if root.dep == "pobj":
        # a word and its preposition first ("called on Kigali", "explanations from Washington")
        phrase = f"{tokens[head.head].lemma.lower()} {head.text.lower()}"
        cue = cues.get(("phrase", phrase)) if head.head != head.i else None
        cue = cue or cues.get(("preposition", head.text.lower()))
        if cue == "relation":  # "talks between Moscow and Kyiv", not "flights between"
            noun = tokens[head.head].lemma.lower()
            cue = "actor" if cues.get(("relation", noun)) == "actor" else "place"
        return "actor" if cue == "actor" else "place" if cue == "place" else None
    if root.dep == "dobj" and cues.get(("object", head.lemma.lower())) == "actor":
        return "actor"
    return None


def _from_words(
    start: int, end: int, text: str, cues: dict[tuple[str, str], str], is_state: IsState
) -> Reading | None:
    after = text[end : end + 60]
    if after.startswith(("'s", "’s")):
        owned = [m.group(1).lower() for m in itertools.islice(_NEXT_WORD.finditer(after[2:]), 2)]
        return "place" if any(cues.get(("possessed", w)) == "place" for w in owned) else "actor"
    prev = _words_before(text, start)
    if prev and prev[-1] in ("and", "or"):  # "Moscow and Kyiv": as the first conjunct
        joint = text.rfind(" " + prev[-1], 0, start)
        if joint > 0 and is_state(joint - 1, joint):
            return "actor"
    if prev:
        cue = cues.get(("preposition", prev[-1]))
        if cue == "relation":  # "talks between Moscow and Kyiv"
            related = len(prev) > 1 and cues.get(("relation", prev[-2])) == "actor"
            cue = "actor" if related else "place"
        if cue is not None:
            return "actor" if cue == "actor" else "place"
    for m in _NEXT_WORD.finditer(after):
        word = m.group(1).lower()
        if word in _AUXILIARIES:
            continue
        return "actor" if _verb_cue(word, cues) == "actor" else None
    return None


def _words_before(text: str, start: int) -> list[str]:
    """The few words before ``start``, lower-cased, a final "the" left out."""
    found = [w.lower() for w in _WORD.findall(text[max(0, start - 60) : start])]
    return found[:-1] if found and found[-1] == "the" else found


def _verb_cue(word: str, cues: dict[tuple[str, str], str]) -> str | None:
    """Match an inflected verb ("rejected", "says", "denies") to a lemma in the cues."""
    stems = {
        _IRREGULAR.get(word, word),
        word,
        word[:-1],
        word[:-2],
        word[:-3],
        word[:-3] + "y",
        word[:-2] + "e",
        word[:-1] + "e",
    }
    for stem in sorted(stems, key=len, reverse=True):
        cue = cues.get(("subject", stem))
        if cue is not None:
            return cue
    return None
