"""Related-story links flattened into a paragraph.

A scraper that flattens a page often joins a "Read more: <headline>" box to the paragraph around
it: "... in early March. Read more: Germany, other countries expel Russian diplomats over the
poisoning The Foreign Ministry told ...". The headline is another story and no sentence of this
one; left in, the events stage reads it as news of this article. ``cut_inline_links`` takes such
a link out of a body paragraph when both its ends are clear:

- it opens a sentence (after a sentence end) with a link phrase of ``ui_phrases.csv`` that ends
  in a colon ("Read more:", "Related:", "Also read:"), written with a capital;
- it ends at the first of: a sentence end followed by a new sentence, an opening quotation mark,
  a closing bracket ("[archive]"), or a lower-case word followed by a capitalised function word
  ("... poisoning The Foreign Ministry"), where a sentence-case headline meets the next sentence;
  or at the paragraph's end;
- it is a headline's length (at most ``MAX_HEADLINE_WORDS`` words).

Where the end is not clear (a title-case headline running into the next sentence) nothing is
cut: a promo line left in is the lesser harm than a sentence of the article lost.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import Lexicon

#: A related-story headline is rarely longer.
MAX_HEADLINE_WORDS = 25

_WORD = re.compile(r"\S+")
_OPEN_QUOTE = ("“", '"', "‘")
_END = re.compile(r"[.!?…][\"'”’)\]]*$")


@cache
def _lead_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p[:-1]).replace(r"\ ", r"\s+") for p in phrases)
    return re.compile(
        rf"(?:(?<=[.!?…][\"'”’)]\s)|(?<=[.!?…]\s))(?P<lead>(?i:{alternatives}))\s*:\s*"
    )


def _link_phrases(lexicon: Lexicon) -> tuple[str, ...]:
    return tuple(
        sorted(
            (p for p, category in lexicon.prefixes if category == "link" and p.endswith(":")),
            key=len,
            reverse=True,
        )
    )


def _headline_end(text: str, start: int, stopwords: frozenset[str]) -> int | None:
    """Where the headline opening at ``start`` ends (an offset into ``text``), or None."""
    words = list(_WORD.finditer(text, start))
    for n, word in enumerate(words[: MAX_HEADLINE_WORDS + 1]):
        token = word.group()
        if n > 0 and token.startswith(_OPEN_QUOTE):
            return word.start()
        if n == MAX_HEADLINE_WORDS:
            return None
        following = words[n + 1].group() if n + 1 < len(words) else None
        if following is None:
            return len(text)
        if token.endswith("]") and n > 0:
            return word.end()
        if (_END.search(token) and following[:1].isupper()) or following.startswith(_OPEN_QUOTE):
            return word.end()
        bare = following.strip("\"'“”‘’(")
        if (
            token[:1].islower()
            and bare[:1].isupper()
            and bare[1:].islower()
            and bare.lower() in stopwords
        ):
            return word.end()
    return None


def _capitalised(word: str) -> bool:
    return word.strip("\"'“”‘’(")[:1].isupper()


def _runs_into_sentence(headline: str, stopwords: frozenset[str]) -> bool:
    """A title-case headline with a sentence-case tail ("Six Projects That Got it Right in 2017
    The minister said the talks were useful."): the end is unclear."""
    words = headline.split()
    for n in range(1, len(words) - 3):
        word = words[n]
        if not (_capitalised(word) and word.lower().strip("\"'“”‘’(") in stopwords):
            continue
        head, tail = words[:n], words[n + 1 :]
        if sum(map(_capitalised, head)) >= 0.6 * len(head) and sum(
            not _capitalised(w) for w in tail
        ) >= 0.6 * len(tail):
            return True
    return False


def cut_inline_links(
    paragraph: str, lexicon: Lexicon, stopwords: frozenset[str]
) -> tuple[str, tuple[str, ...]]:
    """The paragraph without the related-story links inside it, and the links cut."""
    phrases = _link_phrases(lexicon)
    if not phrases:
        return paragraph, ()
    pattern = _lead_pattern(phrases)
    cut: list[str] = []
    at = 0
    while (found := pattern.search(paragraph, at)) is not None:
        if not found.group("lead")[:1].isupper():
            at = found.end()
            continue
        end = _headline_end(paragraph, found.end(), stopwords)
        if end is None or end <= found.end():
            at = found.end()
            continue
        if _runs_into_sentence(paragraph[found.end() : end], stopwords):
            at = found.end()
            continue
        cut.append(paragraph[found.start() : end].strip())
        paragraph = (paragraph[: found.start()].rstrip() + " " + paragraph[end:].lstrip()).strip()
        at = found.start()
    return paragraph, tuple(cut)
