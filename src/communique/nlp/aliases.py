"""Surname and alias propagation inside one article.

A person is usually named in full once ("Ngozi Okonjo-Iweala") and by surname afterwards
("Okonjo-Iweala"). Every PERSON mention gets ``canonical`` = the longest full name in the article
that ends with (or equals) it; a short mention that matches no full name keeps its own text.
Curated keys (``person:...``) spread the same way.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..intervals import Stretches
from ..model import Mention, Token

_TITLE_WORDS = frozenset(
    {"mr", "mrs", "ms", "dr", "sir", "president", "minister", "gen", "general"}
)
_POSSESSIVE = re.compile(r"[’']s?$")
# Arabic article written on a surname: "al-Sisi" is "Sisi", "el-Baradei" is "Baradei"
_ARTICLE = re.compile(r"^(?:al|el|ad|as|ash|at|az)[-‑]", re.IGNORECASE)


def _words(text: str) -> list[str]:
    clean = _POSSESSIVE.sub("", text.strip())
    return [w for w in clean.split() if w.lower().rstrip(".") not in _TITLE_WORDS]


#: Words the statistical NER sometimes leaves at the edge of a name ("Kishida and" tagged as
#: one ORG in "between Kishida and Nauru President X"): never the first or last word of a name.
_EDGE_CONJUNCTIONS = re.compile(r"^(?:and|or|&)(?:\s+|$)|\s+(?:and|or|&)$", re.IGNORECASE)


def trim_conjunctions(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """A mention that starts or ends with a conjunction loses it; one that is nothing else is
    dropped."""
    out: list[Mention] = []
    for m in mentions:
        edge = _EDGE_CONJUNCTIONS.search(m.text)
        if edge is None:
            out.append(m)
            continue
        if edge.start() == 0:
            start, text = m.start + edge.end(), m.text[edge.end() :]
        else:
            start, text = m.start, m.text[: edge.start()]
        if text.strip():
            out.append(replace(m, start=start, end=start + len(text), text=text))
    return tuple(out)


def recover_surnames(
    mentions: tuple[Mention, ...], tokens: tuple[Token, ...]
) -> tuple[Mention, ...]:
    """The statistical NER misses some bare surnames ("Sisi and King Abdullah agreed ...").
    A capitalised token equal to the surname of a full name in the same article, outside every
    other mention, is a PERSON mention too."""
    surnames: set[str] = set()
    for m in mentions:
        words = _words(m.text)
        if m.label == "PERSON" and len(words) >= 2:
            last = words[-1]
            surnames |= {last, _ARTICLE.sub("", last)}
    surnames = {w for w in surnames if len(w) >= 3 and w[:1].isupper() and not w.isupper()}
    if not surnames:
        return mentions
    covered = Stretches(
        max((m.end for m in mentions), default=0), ((m.start, m.end) for m in mentions)
    )
    added = [
        Mention(start=t.start, end=t.end, text=t.text, label="PERSON")
        for t in tokens
        if t.text in surnames
        and t.pos == "PROPN"
        # no mention holds the token's first or last character
        and not covered.overlaps(t.start, t.start + 1)
        and not covered.overlaps(t.end - 1, t.end)
    ]
    if not added:
        return mentions
    return tuple(sorted((*mentions, *added), key=lambda m: m.start))


def propagate_aliases(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    full: list[Mention] = [m for m in mentions if m.label == "PERSON" and len(_words(m.text)) >= 2]
    surnames = {_words(m.text)[-1] for m in full}
    by_surname = _FullNames(full)
    out: list[Mention] = []
    for m in mentions:
        if m.label != "PERSON" and not _is_mislabelled_surname(m, surnames):
            out.append(m)
            continue
        if m.label != "PERSON":
            m = replace(m, label="PERSON")
        words = _words(m.text)
        if not words:
            out.append(m)
            continue
        best = by_surname.best(words)
        royal = _royal_given_name(_words(best.text), by_surname) if best is not None else None
        if royal is not None:  # the article's own full name outranks a curated alias
            out.append(replace(m, canonical=" ".join(_bare(royal.text)), key=royal.key or m.key))
        elif best is None:
            out.append(replace(m, canonical=" ".join(words)))
        else:
            out.append(replace(m, canonical=" ".join(_words(best.text)), key=m.key or best.key))
    return tuple(out)


class _FullNames:
    """The article's full-name mentions filed by their last word (its Arabic article off), so
    that a surname is looked up among the names ending with it rather than among all names."""

    def __init__(self, full: list[Mention]) -> None:
        self._all = [([_ARTICLE.sub("", w) for w in _words(c.text)], c) for c in full]
        self._by_last: dict[str, list[tuple[list[str], Mention]]] = {}
        self._given: dict[str, dict[str, Mention]] | None = None
        for item in self._all:
            self._by_last.setdefault(item[0][-1], []).append(item)

    def by_given_name(self, given: str) -> dict[str, Mention]:
        """The full names (royal titles off) of two words or more that start with ``given``,
        each with its last mention."""
        if self._given is None:
            self._given = {}
            for _, c in self._all:
                bare = _bare(c.text)
                if len(bare) >= 2:
                    self._given.setdefault(bare[0], {})[" ".join(bare)] = c
        return self._given.get(given, {})

    def best(self, words: list[str]) -> Mention | None:
        """The longest full-name mention whose last words equal ``words`` (a surname or the
        name); of equally long ones, the first."""
        bare = [_ARTICLE.sub("", w) for w in words]
        if not bare or any(_ARTICLE.match(w) for w in bare):
            return self._scan(words)
        return self._longest(bare, self._by_last.get(bare[-1], []))

    @staticmethod
    def _longest(words: list[str], names: list[tuple[list[str], Mention]]) -> Mention | None:
        best: Mention | None = None
        longest = 0
        for cw, cand in names:
            if len(cw) >= len(words) and cw[-len(words) :] == words and len(cw) > longest:
                best, longest = cand, len(cw)
        return best

    def _scan(self, words: list[str]) -> Mention | None:
        """Every full name in turn, the looked-up words losing one more Arabic article at each
        name ("al-al-..."): the lookup for words the index cannot file."""
        best: Mention | None = None
        longest = 0
        for cw, cand in self._all:
            words = [_ARTICLE.sub("", w) for w in words]
            if len(cw) >= len(words) and cw[-len(words) :] == words and len(cw) > longest:
                best, longest = cand, len(cw)
        return best


# Royals and some rulers are named by title and given name after the first full mention:
# "Crown Prince Mohammed bin Salman" ... "Prince Mohammed"; "Sheikh Tamim bin Hamad" ... "Sheikh
# Tamim".
_ROYAL_TITLES = frozenset({"prince", "princess", "king", "queen", "sheikh", "emir", "sultan"})


def _royal_given_name(words: list[str], full: _FullNames) -> Mention | None:
    """ "Prince Mohammed" -> the one full name in the article that starts with "Mohammed"."""
    if len(words) != 2 or words[0].lower() not in _ROYAL_TITLES:
        return None
    names = full.by_given_name(words[1])
    return next(iter(names.values())) if len(names) == 1 else None


def _bare(text: str) -> list[str]:
    return [w for w in _words(text) if w.lower() not in _ROYAL_TITLES and w.lower() != "crown"]


def _is_mislabelled_surname(m: Mention, surnames: set[str]) -> bool:
    """The statistical NER sometimes labels a bare surname ORG or GPE ("chaired by Okonjo-Iweala");
    a one-word mention with no curated key that equals a full name's surname is that person."""
    words = _words(m.text)
    return (
        m.key is None
        and m.label in {"ORG", "GPE", "NORP"}
        and len(words) == 1
        and words[0] in surnames
    )
