"""Names found outside the tagger's mentions and the bounds of an undated article: bare surnames
of office holders the NER missed or mislabelled, the latest year an article states, the IGO or
state an organisation's name names, and a listed office holder's name spelled otherwise."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from difflib import SequenceMatcher

from ..intervals import Stretches
from ..model import AnnotatedArticle, Mention, TimeExpression
from .records import Person
from .surface import fold
from .tables import ActorData


def latest_year(times: Sequence[TimeExpression]) -> int | None:
    """The latest year an article states ("in March 2017", "since 2014"): an undated article
    was written then or later."""
    years = [int(t.value[:4]) for t in times if t.value and t.value[:4].isdigit()]
    return max(years, default=None)


_MISTAGGED = frozenset({"NOUN", "VERB", "ADJ"})
_NAME_SLOTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj"})


def _bare_surnames(
    annotated: AnnotatedArticle, data: ActorData, on: date | None, since: int | None
) -> list[Mention]:
    """ "Lavrov met Kerry": a proper noun standing alone, in no mention, that is the surname
    of exactly one person in office on the article's date (the NER misses many bare
    surnames); without a date, of the one curated office holder still serving in or after the
    latest year the article states. With neither nothing is guessed."""
    if on is None and since is None:
        return []
    tokens = annotated.tokens
    taken = Stretches(len(annotated.article.text), [(m.start, m.end) for m in annotated.mentions])
    found: list[Mention] = []
    for k, t in enumerate(tokens):
        if not t.text.istitle() or not t.text.isalpha():
            continue
        if t.pos != "PROPN" and not (t.pos in _MISTAGGED and t.dep in _NAME_SLOTS):
            continue  # "Modi plans to ...": the tagger made the name a verb
        if any(
            0 <= j < len(tokens) and tokens[j].pos == "PROPN" and tokens[j].text[:1].isupper()
            for j in (k - 1, k + 1)
        ):
            continue  # part of a longer name ("Park Avenue", "Abe Lincoln")
        if taken.overlaps(t.start, t.end) or data.person_by_surname(t.text, on, since) is None:
            continue
        found.append(Mention(t.start, t.end, t.text, "PERSON", None, t.text))
    return found


def _named_affiliation(name: str, data: ActorData) -> str | None:
    """The state or IGO an organisation's name names: a state anywhere ("Bank of Japan"), an
    IGO only as its first words ("UN Development Programme"); "National Security Council" is
    not the UN's Security Council."""
    code = data.title_country(name)
    if code is None or data.state(code) is not None:
        return code
    words = name.split()
    n = next((n for n in range(1, 5) if data.title_country(" ".join(words[:n])) == code), 0)
    inside = n == 0 or (n > 1 and data.title_country(" ".join(words[1:n])) == code)
    return None if inside else code


#: How alike two spellings of a given name must be ("Shimom"/"Shimon", "Sergei"/"Sergey").
GIVEN_NAME_LIKENESS = 0.6


def spelled_otherwise(
    data: ActorData, name: str, on: date | None, since: int | None
) -> Person | None:
    """ "President Shimom Peres", "Volodymyr Zelenskiy": a full name not listed whose surname
    is that of the one office holder the date allows and whose given name is spelled alike
    (same first letter, mostly the same letters)."""
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return None
    person = data.person_by_surname(words[-1], on, since)
    if person is None:
        return None
    given, listed = fold(words[0]), fold(person.name.split()[0])
    alike = SequenceMatcher(None, given, listed).ratio() >= GIVEN_NAME_LIKENESS
    return person if given[:1] == listed[:1] and alike else None


def short_names(
    annotated: AnnotatedArticle,
    full_names: dict[str, str],
    title_words: Mapping[str, str],
    found: Stretches,
) -> list[tuple[int, int, str]]:
    """ "Retno thanked China", "Sonexay said": a proper noun standing alone, in no mention,
    that is the first or the last word of exactly one person named in full in the article
    (``full_names``: key -> full name); (start, end, key) of each. The NER misses many short
    names, given names above all where news calls people by them (Indonesia, Thailand, Laos).
    A word of two people's names, a title word or a word beside another proper noun (part of
    a longer name) is left alone, as is one in a mention or in ``found`` (names found already)."""
    owners: dict[str, set[str]] = {}
    for key, name in full_names.items():
        words = name.split()
        if len(words) < 2:
            continue
        for word in (words[0], words[-1]):
            if len(word) > 2 and word.isalpha() and word[:1].isupper():
                owners.setdefault(word, set()).add(key)
    if not owners:
        return []
    tokens = annotated.tokens
    taken = Stretches(len(annotated.article.text), [(m.start, m.end) for m in annotated.mentions])
    hits: list[tuple[int, int, str]] = []
    for k, t in enumerate(tokens):
        keys = owners.get(t.text)
        if keys is None or len(keys) != 1 or title_words.get(t.text.lower()):
            continue
        if t.pos != "PROPN" and not (t.pos in _MISTAGGED and t.dep in _NAME_SLOTS):
            continue
        if any(
            0 <= j < len(tokens) and tokens[j].pos == "PROPN" and tokens[j].text[:1].isupper()
            for j in (k - 1, k + 1)
        ):
            continue
        if not taken.overlaps(t.start, t.end) and not found.overlaps(t.start, t.end):
            hits.append((t.start, t.end, next(iter(keys))))
    return hits
