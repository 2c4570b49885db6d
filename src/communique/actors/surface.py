"""Normal forms of surface strings used by every actor lookup."""

from __future__ import annotations

import re
import unicodedata

_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def normalize(text: str) -> str:
    """The lookup form of a surface string: no leading "the", no possessive, plain quotes."""
    text = " ".join(text.replace("’", "'").split())
    text = _POSSESSIVE.sub("", _LEADING_THE.sub("", text))
    return text.strip(" ,;:")


def fold(text: str) -> str:
    """Case-, accent- and hyphen-insensitive form ("Omar el-Bashir" = "Omar El Bashir"); used
    for strings that are not short acronyms."""
    decomposed = unicodedata.normalize("NFKD", normalize(text).replace("-", " "))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(plain.split())


_DOUBLED = re.compile(r"(\w)\1")
_FINAL_Y = re.compile(r"(?:iy|yy|ij|ii|yi|i)$")


def spelling_key(word: str) -> str:
    """A surname's form across romanisations ("Zelenskiy" = "Zelensky" = "Zelenskyy",
    "Shoigu"/"Shoygu" stay apart): folded, doubled letters single, a final -iy/-ii/-i as -y."""
    key = _DOUBLED.sub(r"\1", fold(word))
    return _FINAL_Y.sub("y", key)


def is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) <= 5 and all(c.isupper() for c in letters)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
