"""Surname and alias propagation inside one article.

A person is usually named in full once ("Ngozi Okonjo-Iweala") and by surname afterwards
("Okonjo-Iweala"). Every PERSON mention gets ``canonical`` = the longest full name in the article
that ends with (or equals) it; a short mention that matches no full name keeps its own text.
Curated keys (``person:...``) spread the same way.
"""

from __future__ import annotations

import re
from dataclasses import replace

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
    covered = [(m.start, m.end) for m in mentions]
    added = [
        Mention(start=t.start, end=t.end, text=t.text, label="PERSON")
        for t in tokens
        if t.text in surnames
        and t.pos == "PROPN"
        and not any(a <= t.start < b or a < t.end <= b for a, b in covered)
    ]
    if not added:
        return mentions
    return tuple(sorted((*mentions, *added), key=lambda m: m.start))


def propagate_aliases(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    full: list[Mention] = [m for m in mentions if m.label == "PERSON" and len(_words(m.text)) >= 2]
    surnames = {_words(m.text)[-1] for m in full}
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
        best = _best_full_name(words, full)
        royal = _royal_given_name(_words(best.text), full) if best is not None else None
        if royal is not None:  # the article's own full name outranks a curated alias
            out.append(replace(m, canonical=" ".join(_bare(royal.text)), key=royal.key or m.key))
        elif best is None:
            out.append(replace(m, canonical=" ".join(words)))
        else:
            out.append(replace(m, canonical=" ".join(_words(best.text)), key=m.key or best.key))
    return tuple(out)


def _best_full_name(words: list[str], full: list[Mention]) -> Mention | None:
    """The longest full-name mention whose last words equal ``words`` (a surname or the name)."""
    best: Mention | None = None
    for cand in full:
        cw = [_ARTICLE.sub("", w) for w in _words(cand.text)]
        words = [_ARTICLE.sub("", w) for w in words]
        if (
            len(cw) >= len(words)
            and cw[-len(words) :] == words
            and (best is None or len(cw) > len(_words(best.text)))
        ):
            best = cand
    return best


# Royals and some rulers are named by title and given name after the first full mention:
# "Crown Prince Mohammed bin Salman" ... "Prince Mohammed"; "Sheikh Tamim bin Hamad" ... "Sheikh
# Tamim".
_ROYAL_TITLES = frozenset({"prince", "princess", "king", "queen", "sheikh", "emir", "sultan"})


def _royal_given_name(words: list[str], full: list[Mention]) -> Mention | None:
    """ "Prince Mohammed" -> the one full name in the article that starts with "Mohammed"."""
    if len(words) != 2 or words[0].lower() not in _ROYAL_TITLES:
        return None
    given = words[1]
    names = {
        " ".join(_bare(c.text)): c
        for c in full
        if len(_bare(c.text)) >= 2 and _bare(c.text)[0] == given
    }
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
