"""Hard-wrapped plain text back into paragraphs, before the line filter reads it.

Wire copy, e-mail and many text archives break every line near a fixed width (60-80
characters), so one paragraph runs over several lines and most line ends fall inside a
sentence. The line filter reads one line as one paragraph; it would see broken sentences.

Hard wrapping is recognised from the lines themselves:

    width     the wrap width, read as a high percentile of the line lengths, at most
              ``MAX_WIDTH`` (a page with one paragraph per line has much longer lines);
              few lines (``LONG_SHARE``) may run far past it (a long address, say)
    wraps     a line that does not end a sentence and could not have taken the next
              line's first word within the width: the writer's tool broke the line there
    inside    wraps that plainly fall inside a sentence: the next line goes on in lower case,
              or the line ends in a function word ("on", "the", "and") or in a compound
              broken at its hyphen ("Asian-"); a list of headlines or menu items never
              looks like this

A text is hard-wrapped when wraps are at least ``WRAP_SHARE`` of the lines that end inside a
sentence with more of their block after them (and ``PAGE_WRAP_SHARE`` of all lines: a long
page with two odd line ends is not wrapped), and at least one wrap plainly falls inside a
sentence (``INSIDE_SHARE`` of them in a long text).

Then lines join into paragraphs; a blank line, a line indented deeper than the text's least
indentation, a sign-off or slug line (``wire.py``), a credit or copyright line ("(Reporting
by ...") and a short line whose successor would have fitted after it start a new paragraph.
Text that is not hard-wrapped is returned as it was, character for character.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from .lexicon import all_stopwords, load_lexicon
from .wire import is_signoff

#: Longest line width read as hard wrapping (typewriter, teletype and e-mail widths lie below).
MAX_WIDTH = 110
#: Narrowest width read as hard wrapping (narrower columns are lists, not prose).
MIN_WIDTH = 20
#: Share of the lines that may run past the width by a quarter (a page of short menu lines
#: between long paragraphs has a short percentile width and many such lines).
LONG_SHARE = 0.05
_LONG_FACTOR = 1.25
_LONG_SLACK = 5
#: Share of the open-ended lines (no sentence end, more of the block after) that are wraps.
WRAP_SHARE = 0.4
#: Share of all lines that must be wraps.
PAGE_WRAP_SHARE = 0.15
#: Share of the wraps plainly inside a sentence, in a text with at least ``_FEW`` wraps.
INSIDE_SHARE = 0.25
_FEW = 4
_WIDTH_PERCENTILE = 0.9
_SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_WORD_HYPHEN = re.compile(r"[^\W\d_]-$")  # "Asian-" broken before "Pacific"
_FIRST_WORD = re.compile(r"\S+")
_LAST_WORD = re.compile(r"(\w+)$")
_CREDIT_START = re.compile(r"^(?:\(|©|copyright\b)", re.IGNORECASE)
_CREDITS = frozenset({"credit", "footer"})


@dataclass(frozen=True, slots=True)
class _Line:
    """One non-blank line with the signals the detector reads."""

    text: str  # stripped
    indent: int
    length: int  # indentation included
    first_word: int
    blank_before: bool
    signoff: bool
    credit: bool  # opens a credit or copyright line: "(Reporting by ...", "Copyright 1987 ..."

    @property
    def unfinished(self) -> bool:
        return not _SENTENCE_END.search(self.text)

    @property
    def goes_on(self) -> bool:
        """Starts like the rest of a sentence: a lower-case letter or a digit."""
        first = self.text[0]
        return first.islower() or first.isdigit()


def _read_lines(text: str) -> list[_Line]:
    found: list[_Line] = []
    blank = False
    for raw in text.splitlines():
        line = raw.expandtabs(8).rstrip()
        stripped = line.strip()
        if not stripped:
            blank = True
            continue
        word = _FIRST_WORD.match(stripped)
        found.append(
            _Line(
                text=stripped,
                indent=len(line) - len(line.lstrip()),
                length=len(line),
                first_word=len(word.group()) if word else 0,
                blank_before=blank,
                signoff=is_signoff(stripped),
                credit=_opens_credit(stripped),
            )
        )
        blank = False
    return found


def _opens_credit(line: str) -> bool:
    return bool(_CREDIT_START.match(line)) and load_lexicon().match(line) in _CREDITS


def _width(lines: Sequence[_Line]) -> int:
    lengths = sorted(line.length for line in lines)
    return lengths[math.ceil(_WIDTH_PERCENTILE * (len(lengths) - 1))]


def _base_indent(lines: Sequence[_Line]) -> int:
    """The text's usual indentation: its least (paragraph openings are indented deeper)."""
    return min(line.indent for line in lines)


def _in_block(a: _Line, b: _Line, base: int) -> bool:
    """``b`` may continue ``a``'s paragraph: no blank line, no deeper indent, no sign-off,
    no credit line opening."""
    return not (b.blank_before or b.indent > base or a.signoff or b.signoff or b.credit)


def _is_wrap(a: _Line, b: _Line, width: int) -> bool:
    """``a`` was broken by the width: it ends inside a sentence and ``b``'s word did not fit."""
    return a.unfinished and a.length + 1 + b.first_word > width


def _inside_sentence(a: _Line, b: _Line) -> bool:
    """The break between ``a`` and ``b`` plainly falls inside a sentence."""
    if b.goes_on or _WORD_HYPHEN.search(a.text):
        return True
    last = _LAST_WORD.search(a.text)
    return last is not None and last.group(1) in all_stopwords()  # lower case only


def _joins(a: _Line, b: _Line, width: int, base: int) -> bool:
    if not _in_block(a, b, base):
        return False
    return a.length + 1 + b.first_word > width or (a.unfinished and b.goes_on)


def wrap_width(text: str) -> int | None:
    """The width ``text`` is hard-wrapped at, or None when it is not hard-wrapped."""
    lines = _read_lines(text)
    if len(lines) < 2:
        return None
    width = _width(lines)
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return None
    long_lines = sum(1 for line in lines if line.length > _LONG_FACTOR * width + _LONG_SLACK)
    if long_lines > max(1.0, LONG_SHARE * len(lines)):
        return None
    base = _base_indent(lines)
    open_ends = [(a, b) for a, b in pairwise(lines) if _in_block(a, b, base) and a.unfinished]
    wraps = [(a, b) for a, b in open_ends if _is_wrap(a, b, width)]
    inside = sum(1 for a, b in wraps if _inside_sentence(a, b))
    if not inside or len(wraps) < WRAP_SHARE * len(open_ends):
        return None
    if len(wraps) < PAGE_WRAP_SHARE * (len(lines) - 1):
        return None
    if len(wraps) >= _FEW and inside < INSIDE_SHARE * len(wraps):
        return None
    return width


def _join(paragraph: list[str], line: str) -> None:
    if _WORD_HYPHEN.search(paragraph[-1]):
        paragraph[-1] += line  # a compound broken at its hyphen: "Asian-" + "Pacific"
    else:
        paragraph[-1] += " " + line


def reflow_text(text: str) -> str:
    """Hard-wrapped ``text`` as one paragraph per line; any other text unchanged."""
    width = wrap_width(text)
    if width is None:
        return text
    lines = _read_lines(text)
    base = _base_indent(lines)
    paragraphs: list[list[str]] = []
    for i, line in enumerate(lines):
        if i and _joins(lines[i - 1], line, width, base):
            _join(paragraphs[-1], line.text)
        else:
            paragraphs.append([line.text])
    return "\n".join(p[0] for p in paragraphs)
