"""The grammar's fast search finds exactly what every pattern finds on the text as written.

``scan`` skips a pattern when a text holds none of its needed words, and searches a
case-insensitive pattern case-sensitively over the text with its ASCII capitals lowered; many
patterns open with a look-ahead at the characters a match can start with. All are shortcuts
only: these tests compare ``scan`` with the plain search (every pattern, as written, over the
whole text) and check the facts the shortcuts rest on."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.time import grammar
from communique.time.candidate import Candidate

_parser: Any = pytest.importorskip("re._parser")
_constants: Any = pytest.importorskip("re._constants")

COVERING = (
    "On Monday, 12 January 2022 at 09:00 GMT the ministers met; 2022-01-12T09:00Z. On 03/04/2021"
    " and 12/25/2020 the talks ended. From 3 to 5 March 2021, and from March 3 to 5, 2021. From"
    " March 3 - April 5, 2021 and 3 March - 5 April 2021. In early May 2021 and last June. In"
    " March last year. In 2019-2021 and mid-2020, 1,500 troops. In the 1990s and the '80s. In the"
    " 21st century and the twentieth century. Yesterday morning, today, tonight, the day after"
    " tomorrow. This morning and last night. Earlier this week, the following month, the past"
    " year, the same week. Last summer and in the spring of 2020. Three years ago, about two"
    " weeks ago. The next day, that morning, the following week. Two days later, three weeks"
    " earlier. He left the day before. They met over the weekend. In the first quarter of 2021"
    " and the fourth quarter. In the first half of 2022 and the second half of next year. H2 2021"
    " and Q3 2020. By the end of the year. For the past five years, a two-month-long strike,"
    " several days, a five-year-old. For weeks, in recent months. Days later. Next Tuesday"
    " morning. At 10 a.m. EST, 1100 GMT and noon. Now, at present, currently. In the past,"
    " recently, at the time. In the near future. Annually, every week, every morning. May I"
    " ask? April Ryan asked. Good Friday, the Sunday Times, Resolution 1973, a better tomorrow."
)
EXAMPLE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "nato-russia-council.txt"
TRAPS = ("\u0130", "\u0131", "\u017f", "\u212a")


def plain_scan(text: str) -> list[Candidate]:
    """Every pattern as written over the whole text: what ``scan`` must equal."""
    out: list[Candidate] = []
    for rule in grammar.patterns():
        for m in rule.pattern.finditer(text):
            if m.group(0).strip() and not grammar._inside_word(text, m.start(), m.end()):
                found = rule.build(m)
                if found is not None:
                    out.append(grammar._trim(text, found))
    return out


def texts() -> list[str]:
    base = [COVERING]
    if EXAMPLE.is_file():
        base.append(EXAMPLE.read_text(encoding="utf-8"))
    out: list[str] = []
    for text in base:
        out += [text, text.upper(), text.lower(), text.title(), text.swapcase()]
    # the characters a case-insensitive ASCII letter matches beyond the ASCII capitals
    out += [
        "Three weeks ago in \u017fpring; in \u017fummer \u017fince 2019, \u0130n the past, "
        "wee\u212as later, \u0131n the near future; " + COVERING,
        COVERING.replace("s", "\u017f").replace("k", "\u212a"),
        COVERING.replace("i", "\u0131"),
        COVERING.replace("I", "\u0130"),
    ]
    return out


def as_read(text: str) -> str:
    """The text as the grammar reads it: the traps are letters none of its words match."""
    return text.translate({ord(t): "\u00e9" for t in TRAPS})


def test_time_scan_equals_the_plain_search() -> None:
    for text in texts():
        assert list(grammar.scan(text)) == plain_scan(as_read(text)), text[:60]


def test_time_traps_are_no_ascii_letters() -> None:
    """Dotless i, long s and the like used to reach the builders inside date words and raise
    (KeyError 'ſecond'); they are now letters no date word holds."""
    for text in ("held in the \u017fecond quarter", "three weeks ago, ye\u017fterday",
                 "la\u017ft May", "\u0130N THE PAST", "the \u017ftart of 2020"):  # fmt: skip
        found = grammar.find_candidates(text)
        assert found == grammar.find_candidates(as_read(text))
    assert [c.kind for c in grammar.find_candidates("ye\u017fterday")] == []
    assert [c.kind for c in grammar.find_candidates("three weeks ago")] == ["ago"]


def test_time_scan_covering_text_reaches_every_pattern() -> None:
    """The texts above give every pattern a match, so the comparisons test every row."""
    for i, rule in enumerate(grammar.patterns()):
        assert any(rule.pattern.search(text) for text in texts()), f"row {i}: no match"


def test_time_scan_needed_words_are_in_every_match() -> None:
    for i, rule in enumerate(grammar.patterns()):
        for text in map(as_read, texts()):
            for m in rule.pattern.finditer(text):
                low = m.group(0).translate(grammar._ASCII_LOWER)
                assert not rule.needs or any(w in low for w in rule.needs), (i, m.group(0))


@given(st.text(alphabet="aAyYgGoOsSkKiI \n0123456789-/\u0130\u0131\u017f\u212a", max_size=60))
def test_time_scan_equals_the_plain_search_on_any_text(noise: str) -> None:
    text = f"{noise} three years ago {noise} in {noise} summer {noise}"
    assert list(grammar.scan(text)) == plain_scan(as_read(text))


def test_time_fold_traps_are_the_only_other_letters_matched() -> None:
    """A case-insensitive ASCII letter matches, beyond the ASCII letters, exactly the traps."""
    others = "".join(chr(c) for c in range(128, sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    found = {m.group(0) for m in re.finditer("[a-z]", others, re.IGNORECASE)}
    assert found == set(TRAPS) == set(grammar._FOLD_TRAPS)


def _letters(items: list[tuple[Any, Any]]) -> set[str]:
    """ASCII letters a character set (the parser's items) holds."""
    out: set[str] = set()
    for op, av in items:
        if op is _constants.LITERAL:
            out.add(chr(av))
        elif op is _constants.RANGE:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
    return {c for c in out if c.isascii() and c.isalpha()}


def _capital_atoms(data: Any) -> list[str]:
    """What in a parsed pattern would match differently once the text's capitals are lowered:
    a capital letter, a set holding a capital without its small letter, a group that turns
    case-insensitivity off."""
    bad: list[str] = []
    for op, av in data:
        if op in (_constants.LITERAL, _constants.NOT_LITERAL):
            if chr(av).isascii() and chr(av).isupper():
                bad.append(chr(av))
        elif op is _constants.IN:
            held = _letters(av)
            bad += [c for c in held if c.isupper() and c.lower() not in held]
        elif op is _constants.SUBPATTERN:
            if av[2] & re.IGNORECASE:
                bad.append("(?-i:...)")
            bad += _capital_atoms(av[3])
        elif op is _constants.BRANCH:
            for branch in av[1]:
                bad += _capital_atoms(branch)
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT):
            bad += _capital_atoms(av[2])
        elif op in (_constants.ASSERT, _constants.ASSERT_NOT):
            bad += _capital_atoms(av[1])
        elif op is _constants.ATOMIC_GROUP:
            bad += _capital_atoms(av)
        elif op in (_constants.GROUPREF, _constants.GROUPREF_EXISTS):
            bad.append("backreference")
    return bad


def test_time_folded_patterns_hold_no_capitals() -> None:
    folded = [rule for rule in grammar.patterns() if rule.folded is not None]
    assert folded, "no case-insensitive pattern: the fold is never used"
    for rule in folded:
        assert rule.pattern.flags & re.IGNORECASE
        parsed = _parser.parse(rule.pattern.pattern, rule.pattern.flags)
        assert _capital_atoms(parsed.data) == [], rule.pattern.pattern


def test_time_capital_check_can_fail() -> None:
    for pattern in (r"(?:May|june)", r"[A-Z]x", r"a(?-i:b)", r"(a)\1"):
        assert _capital_atoms(_parser.parse(pattern, re.IGNORECASE).data), pattern
    assert _capital_atoms(_parser.parse(r"[A-Za-z]\d+(?:a|b)", re.IGNORECASE).data) == []


_SPECIAL_CASES = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}
_DIGITS = "".join(
    m.group(0)
    for m in re.finditer(r"\d", "".join(chr(c) for c in range(sys.maxunicode + 1)
                                       if not 0xD800 <= c <= 0xDFFF))
)  # fmt: skip


def _cased(c: str, ci: bool) -> set[str]:
    return {c, c.lower(), c.upper(), *_SPECIAL_CASES.get(c.lower(), "")} if ci else {c}


def _first(data: Any, ci: bool) -> tuple[set[str] | None, bool]:
    """The characters a match of the parsed sequence can start with (None: any), and whether
    it can match nothing."""
    out: set[str] = set()
    for op, av in data:
        found, empty = _first_op(op, av, ci)
        if found is None:
            return None, False
        out |= found
        if not empty:
            return out, False
    return out, True


def _first_op(op: Any, av: Any, ci: bool) -> tuple[set[str] | None, bool]:
    c = _constants
    if op is c.LITERAL:
        return _cased(chr(av), ci), False
    if op is c.IN:
        found: set[str] = set()
        for item, value in av:
            if item is c.LITERAL:
                found |= _cased(chr(value), ci)
            elif item is c.RANGE and value[1] - value[0] < 1000:
                for code in range(value[0], value[1] + 1):
                    found |= _cased(chr(code), ci)
            elif item is c.CATEGORY and value is c.CATEGORY_DIGIT:
                found |= set(_DIGITS)
            else:
                return None, False
        return found, False
    if op is c.BRANCH:
        found, empty = set(), False
        for branch in av[1]:
            got, can_be_empty = _first(branch, ci)
            if got is None:
                return None, False
            found, empty = found | got, empty or can_be_empty
        return found, empty
    if op is c.SUBPATTERN:
        inner_ci = (ci or bool(av[1] & re.IGNORECASE)) and not av[2] & re.IGNORECASE
        return _first(av[3], inner_ci)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        got, empty = _first(av[2], ci)
        return got, (empty or av[0] == 0) if got is not None else False
    if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
        return set(), True  # takes no character
    return None, False


def _opening_look_ahead(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], Any] | None:
    """A pattern's opening look-ahead (compiled alone) and the rest of it, parsed."""
    data = _parser.parse(pattern.pattern, pattern.flags).data
    op, av = data[0]
    if op is not _constants.ASSERT or av[0] != 1:
        return None
    text = pattern.pattern
    assert text.startswith("(?=")
    depth, end = 0, 0
    for end, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0) if text[end - 1 : end] != "\\" else 0
        if depth == 0:
            break
    return re.compile(text[3:end], pattern.flags), data[1:]


def test_time_look_aheads_let_every_match_start() -> None:
    """A pattern opening with a look-ahead at its first character gives up at other places
    without trying its alternatives: the look-ahead must admit every character a match of
    the rest can start with."""
    checked = 0
    for i, rule in enumerate(grammar.patterns()):
        opening = _opening_look_ahead(rule.pattern)
        if opening is None:
            continue
        look, rest = opening
        first, empty = _first(rest, bool(rule.pattern.flags & re.IGNORECASE))
        assert first is not None and not empty, f"row {i}: cannot tell how a match starts"
        missed = sorted(c for c in first if not look.fullmatch(c))
        assert missed == [], f"row {i} {look.pattern!r} misses {missed[:10]}"
        checked += 1
    assert checked >= 15


def test_time_look_ahead_check_can_fail() -> None:
    rest = _parser.parse(r"(?:the\s+)?(?:May|June)|\d", 0).data
    first, empty = _first(rest, False)
    assert first is not None and not empty
    assert {"t", "M", "J", "0", "\u0663"} <= first
    assert "T" not in first
    first, _ = _first(_parser.parse(r"(?i:the)", 0).data, False)
    assert first == {"t", "T"}
    assert _first(_parser.parse(r"a?", 0).data, False) == ({"a"}, True)
    assert _opening_look_ahead(re.compile(r"(?=[ab])abc")) is not None


# --- searching around the needed words (``time.window``) -------------------------------------

FILLER = (
    "The delegates discussed trade and security with their counterparts from several states, "
    "then issued a joint communique calling for calm.\n\n"
)


def long_texts() -> list[str]:
    """Texts long enough that the windowed search is used: the covering sentences spread
    through filler, needed words at the very start and end, matches side by side."""
    sentences = [s.strip() + "." for s in COVERING.split(".") if s.strip()]
    spread = (FILLER * 6).join(sentences)
    edges = "ago three weeks ago " + FILLER * 40 + "for weeks. In the near future"
    side = FILLER * 30 + "three weeks ago two days ago, noon midnight noon\n" + FILLER * 30
    return [spread, spread.upper(), spread.swapcase(), edges, side, edges.title()]


def test_time_scan_searches_long_texts_around_needed_words() -> None:
    from communique.time import window

    used = 0
    for text in map(as_read, long_texts()):
        low = text.translate(grammar._ASCII_LOWER)
        assert window.short_runs(low)
        for rule in grammar.patterns():
            if rule.reach is None or not any(w in low for w in rule.needs):
                continue
            searched = rule.folded or rule.pattern
            on = low if rule.folded is not None else text
            found = window.near_words(searched, on, low, rule.needs, rule.reach)
            if found is not None:
                used += 1
                spans = [m.span() for m in found]
                assert spans == [m.span() for m in searched.finditer(on)], rule.pattern.pattern
        assert list(grammar.scan(text)) == plain_scan(text), text[:60]
    assert used >= 40


def test_time_scan_long_runs_search_the_whole_text() -> None:
    """A run longer than ``window.RUN`` could stretch a match past its window: such a text is
    searched whole, with the same candidates."""
    from communique.time import window

    gap = " " * (window.RUN * 20)
    text = FILLER * 40 + "three" + gap + "weeks" + gap + "ago. " + FILLER * 40
    assert not window.short_runs(text)
    found = list(grammar.scan(text))
    assert found == plain_scan(text)
    assert "ago" in [c.kind for c in found]
    ago = next(r for r in grammar.patterns() if r.needs == ("ago",))
    assert ago.reach is not None and ago.folded is not None
    windowed = window._windowed(ago.folded, text, [text.index("ago")], ago.reach)
    assert list(windowed) == []  # what a windowed search would have missed
    hyphens = FILLER * 40 + "-" * 40 + "\nthe 1990s, last week" + FILLER * 40
    assert not window.short_runs(hyphens)
    assert list(grammar.scan(hyphens)) == plain_scan(hyphens)


def test_time_window_reach_bounds_every_needed_pattern() -> None:
    from communique.time import window

    windowed = [rule for rule in grammar.patterns() if rule.needs and rule.reach is not None]
    assert len(windowed) >= 20
    for text in map(as_read, texts() + long_texts()):
        for rule in windowed:
            for m in rule.pattern.finditer(text):
                assert m.end() - m.start() <= rule.reach
    assert window.reach(re.compile(r"ago.*")) is None  # an open-ended repeat of anything
    assert window.reach(re.compile(r"x?")) is None  # may match nothing
    assert window.reach(re.compile(r"a\s+b(?!\s*c)")) == 2 + 2 * window.RUN + 1


_RUN_PIECES = st.sampled_from(
    [" ", "  ", "\n", "\t", "-", "--", "1", "12", "1,000", ",000", "three", "weeks", "ago",
     "years", "later", "the", "next", "day", "noon", "in", "the past", "recently", "future",
     "quarter", "first", "half", "2020", "1990s", "'80s", "century", "21st", "week", "x", "."]
)  # fmt: skip


@given(st.lists(_RUN_PIECES, max_size=120))
def test_time_window_finds_what_finditer_finds(pieces: list[str]) -> None:
    """Around every needed word, whatever the runs of white space, hyphens and digits up to
    ``window.RUN``: the windowed search gives ``finditer``'s matches (the share limit off)."""
    from communique.time import window

    text = FILLER + "".join(pieces) + " " + "".join(reversed(pieces)) + FILLER
    low = text.translate(grammar._ASCII_LOWER)
    if not window.short_runs(low):
        return
    for rule in grammar.patterns():
        if rule.reach is None:
            continue
        searched = rule.folded or rule.pattern
        on = low if rule.folded is not None else text
        places = sorted({i for w in rule.needs for i in _all_at(low, w)})
        spans = [m.span() for m in window._windowed(searched, on, places, rule.reach)]
        assert spans == [m.span() for m in searched.finditer(on)], rule.pattern.pattern


def _all_at(text: str, word: str) -> list[int]:
    return [m.start() for m in re.finditer(f"(?={re.escape(word)})", text)]
