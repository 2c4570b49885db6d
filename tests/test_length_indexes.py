"""The lookups that keep the cost per word flat in article length answer exactly as the
straightforward scans they replace, on invented inputs."""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import replace
from typing import Any, cast

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from communique.actors.joins import merge_bare_organizations
from communique.actors.lookups import FixedStretches, People, whole_word_hits, word_starts
from communique.actors.metonymy import _tokens_in, dependents_of
from communique.actors.resolve import (
    _ADJACENT,
    _Article,
    _Draft,
)
from communique.actors.tables import ActorData
from communique.actors.titles import adjacent_from
from communique.intervals import Stretches
from communique.model import (
    AnnotatedArticle,
    CleanArticle,
    Mention,
    Sentence,
    Span,
    TimeExpression,
    Token,
)
from communique.nlp.aliases import (
    _ARTICLE,
    _ROYAL_TITLES,
    _bare,
    _FullNames,
    _royal_given_name,
    _words,
)
from communique.nlp.backend import _split_at_line_breaks
from communique.place import find as place_find
from communique.place.find import _IN_PLACE, _Toponym
from communique.time import find as time_find
from communique.time import find_times, reference_date
from communique.time.candidate import Candidate
from communique.time.combine import combine, combine_in_sentences
from communique.time.find import _FINE_ENOUGH, _Latest
from communique.time.settle import select
from communique.time.tense import TenseIndex

_OFFSET = st.integers(min_value=-3, max_value=40)
_STRETCH = st.tuples(_OFFSET, _OFFSET)


def _overlaps(stretches: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in stretches)


@given(st.lists(_STRETCH, max_size=12), st.lists(_STRETCH, max_size=12), st.integers(0, 40))
def test_intervals_stretches_answer_as_the_list(
    first: list[tuple[int, int]], queries: list[tuple[int, int]], size: int
) -> None:
    index = Stretches(size, first)
    added = list(first)
    for start, end in queries:  # ask, then add: the answers follow what was added so far
        assert index.overlaps(start, end) == _overlaps(added, start, end)
        index.add(start, end)
        added.append((start, end))
    for start, end in itertools.product(range(-2, 42, 3), repeat=2):
        assert index.overlaps(start, end) == _overlaps(added, start, end)


def test_intervals_stretches_touching_is_not_overlapping() -> None:
    index = Stretches(20, [(5, 9)])
    assert not index.overlaps(9, 12) and not index.overlaps(0, 5)
    assert index.overlaps(8, 9) and index.overlaps(0, 6) and index.overlaps(6, 7)


@given(st.lists(_STRETCH, max_size=15), _OFFSET, _OFFSET)
def test_actors_fixed_stretches_find_by_end_and_by_overlap(
    stretches: list[tuple[int, int]], lo: int, hi: int
) -> None:
    index = FixedStretches(stretches)
    assert index.ending_within(lo, hi) == [i for i, (_, e) in enumerate(stretches) if lo <= e <= hi]
    assert index.overlapping(lo, hi) == [(s, e) for s, e in stretches if s < hi and e > lo]


_GAP = st.text(alphabet=" \n\t's’xa", max_size=6)


@given(st.lists(_GAP, min_size=1, max_size=4))
def test_actors_adjacent_from_leaves_out_no_adjacent_word(pieces: list[str]) -> None:
    text = "Word" + "".join(pieces) + "Name"
    start = len(text) - 4
    lo = adjacent_from(text, start)
    for end in range(start + 1):
        if _ADJACENT.match(text[end:start]):
            assert end >= lo


_NAME_WORDS = st.sampled_from(["Ivan", "Petrov", "Ivanov", "al-Sisi", "Li", "Ivan-", "_x", "é"])


@given(
    st.lists(st.sampled_from(["Ivan", "Petrov", " ", ", ", "Ivan Petrov", "xIvan", "\n", "é"])),
    st.lists(_NAME_WORDS, min_size=2, max_size=3),
)
@example(["Ivan Ivan Ivan Ivan"], ["Ivan", "Ivan"])  # hits would overlap: finditer takes two
@example(["_x Li", " ", "é Li"], ["_x", "Li"])
def test_actors_whole_word_hits_find_what_finditer_finds(
    pieces: list[str], name: list[str]
) -> None:
    text, full = "".join(pieces), " ".join(name)
    pattern = r"(?<!\w)" + re.escape(full) + r"(?!\w)"
    expected = [(m.start(), m.end()) for m in re.finditer(pattern, text)]
    assert list(whole_word_hits(text, full, word_starts(text))) == expected


def _surname_scan(drafts: dict[str, str], words: list[str]) -> str | None:
    people = [(k, name.split()) for k, name in drafts.items()]
    for key, full in people:
        if len(full) > len(words) and full[-len(words) :] == words:
            return key
    for key, full in people:
        if len(full) > len(words) and full[: len(words)] == words:
            return key
    return None


def _surname_indexed(people: People, drafts: dict[str, str], words: list[str]) -> str | None:
    for key in people.ending_with(words):
        full = drafts[key].split()
        if len(full) > len(words) and full[-len(words) :] == words:
            return key
    for key in people.starting_with(words):
        full = drafts[key].split()
        if len(full) > len(words) and full[: len(words)] == words:
            return key
    return None


_PERSON = st.lists(st.sampled_from(["Wang", "Yi", "Li", "Ivan", "Petrov"]), min_size=1, max_size=3)


@given(st.lists(st.tuples(st.sampled_from("abcde"), _PERSON), max_size=10))
def test_actors_people_index_finds_the_first_full_name(steps: list[tuple[str, list[str]]]) -> None:
    drafts: dict[str, str] = {}
    people = People()
    for key, name in steps:  # a key seen again renames its draft, as a longer name does
        drafts[key] = " ".join(name)
        people.file(key, drafts[key])
        for words in (["Wang"], ["Yi"], ["Petrov"], ["Wang", "Yi"], ["Ivan", "Petrov"], ["Li"]):
            assert _surname_indexed(people, drafts, words) == _surname_scan(drafts, words)


def _best_full_name_scan(words: list[str], full: list[Mention]) -> Mention | None:
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


_FULL_WORD = st.sampled_from(["Abdel", "al-Sisi", "Sisi", "el-al-Sisi", "Mr", "Ahmed", "Ali’s"])


@given(
    st.lists(st.lists(_FULL_WORD, min_size=2, max_size=4), max_size=6),
    st.lists(_FULL_WORD, max_size=3),
)
def test_nlp_full_names_index_picks_the_longest_full_name(
    names: list[list[str]], words: list[str]
) -> None:
    full = [Mention(i, i + 1, " ".join(n), "PERSON") for i, n in enumerate(names)]
    full = [m for m in full if len(_words(m.text)) >= 2]
    words = _words(" ".join(words))
    assert _FullNames(full).best(words) == _best_full_name_scan(words, full)


def _annotated(sentences: list[tuple[int, int]]) -> AnnotatedArticle:
    article = CleanArticle("art_x", "x" * 60, None, None, None, None, None, None, "none", "en", ())
    return AnnotatedArticle(
        article=article,
        sentences=tuple(Sentence(s, e, "x" * (e - s), 0, 0) for s, e in sentences),
        tokens=(),
        mentions=(),
    )


@given(st.lists(st.integers(0, 60), max_size=12, unique=True))
def test_model_sentence_at_finds_the_sentence_holding_an_offset(cuts: list[int]) -> None:
    bounds = sorted(cuts)
    sentences = [(a, b) for a, b in itertools.pairwise(bounds) if (b - a) % 3 != 0]  # with gaps
    annotated = _annotated(sentences)
    for offset in range(-1, 62):
        expected = next((s for s in annotated.sentences if s.start <= offset < s.end), None)
        assert annotated.sentence_at(offset) == expected


def _tokens(heads: list[int], widths: list[int]) -> tuple[Token, ...]:
    out, at = [], 0
    for i, (head, width) in enumerate(zip(heads, widths, strict=False)):
        out.append(Token(i, at, at + width, "w", "w", "X", "X", "conj", head % len(heads)))
        at += width + 1
    return tuple(out)


@given(st.lists(st.integers(0, 20), min_size=1, max_size=12), st.data())
def test_actors_dependents_and_tokens_in_match_the_scans(
    heads: list[int], data: st.DataObject
) -> None:
    widths = data.draw(st.lists(st.integers(1, 4), min_size=len(heads), max_size=len(heads)))
    tokens = _tokens(heads, widths)
    kids = dependents_of(tokens)
    for t in tokens:
        assert kids.get(t.i, []) == [d for d in tokens if d.head == t.i]
    for start, end in itertools.product(range(0, 30, 2), repeat=2):
        first = next((i for i, t in enumerate(tokens) if t.start >= start), len(tokens))
        expected = list(itertools.takewhile(lambda t, end=end: t.end <= end, tokens[first:]))
        assert _tokens_in(tokens, start, end) == expected


def _royal_scan(words: list[str], full: list[Mention]) -> Mention | None:
    if len(words) != 2 or words[0].lower() not in _ROYAL_TITLES:
        return None
    names = {
        " ".join(_bare(c.text)): c
        for c in full
        if len(_bare(c.text)) >= 2 and _bare(c.text)[0] == words[1]
    }
    return next(iter(names.values())) if len(names) == 1 else None


_ROYAL_WORD = st.sampled_from(["Prince", "Crown", "Mohammed", "bin", "Salman", "Tamim", "Sheikh"])


@given(st.lists(st.lists(_ROYAL_WORD, min_size=2, max_size=4), max_size=6), st.data())
def test_nlp_royal_given_name_from_the_index(names: list[list[str]], data: st.DataObject) -> None:
    full = [Mention(i, i + 1, " ".join(n), "PERSON") for i, n in enumerate(names)]
    full = [m for m in full if len(_words(m.text)) >= 2]
    index = _FullNames(full)
    for name in ("Mohammed", "Tamim", "Salman", "bin"):
        words = [data.draw(st.sampled_from(["Prince", "Sheikh", "Mr"])), name]
        assert _royal_given_name(words, index) == _royal_scan(words, full)


def _merge_scan(drafts: dict[str, list[int]]) -> dict[str, list[int]]:
    for key in [k for k in drafts if k.startswith("org::")]:
        rest = key.removeprefix("org::")
        matches = [
            k for k in drafts if k.startswith("org:") and k.endswith(":" + rest) and k != key
        ]
        if len(matches) == 1:  # only mentions after the named one's first move to it
            first = min(drafts[matches[0]])
            drafts[matches[0]].extend(i for i in drafts[key] if i > first)
            drafts[key] = [i for i in drafts[key] if i <= first]
            if not drafts[key]:
                del drafts[key]
    return drafts


_ORG_KEY = st.builds(
    lambda country, name: f"org:{country}:{name}",
    st.sampled_from(["", "RUS", "USA", "x:"]),
    st.sampled_from(["foreign ministry", "army", "a:army", "ministry"]),
)


@given(st.lists(_ORG_KEY, max_size=8, unique=True))
def test_actors_bare_organisations_merge_as_the_scan_merges(keys: list[str]) -> None:
    art = _Article(annotated=_annotated([]), data=cast(ActorData, None), on=None)
    for i, key in enumerate(keys):
        art.drafts[key] = _Draft("organization", None, key, spans=[Span(i, i + 1, "x")])
    merge_bare_organizations(art.drafts)
    expected = _merge_scan({k: [i] for i, k in enumerate(keys)})
    assert {k: [s.start for s in d.spans] for k, d in art.drafts.items()} == expected


def _select_scan(cands: list[Candidate]) -> list[Candidate]:
    order = sorted(enumerate(cands), key=lambda ic: (-(ic[1].end - ic[1].start), ic[0]))
    taken: list[Candidate] = []
    for _, cand in order:
        if all(cand.end <= t.start or cand.start >= t.end for t in taken):
            taken.append(cand)
    return sorted(taken, key=lambda c: c.start)


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 6)), max_size=14))
def test_time_select_keeps_what_the_scan_keeps(spans: list[tuple[int, int]]) -> None:
    cands = [Candidate(s, s + n, "date", day=i) for i, (s, n) in enumerate(spans)]
    assert select(cands) == _select_scan(cands)


def _combine_scan(
    annotated: AnnotatedArticle, exprs: list[TimeExpression]
) -> tuple[TimeExpression, ...]:
    out = []
    for clock in exprs:
        sentence = annotated.sentence_at(clock.start)
        if clock.kind == "time" and clock.value is None and sentence is not None:
            dated = [
                e
                for e in exprs
                if sentence.start <= e.start < sentence.end
                and e.granularity == "day"
                and e.value is not None
                and e.value_end is None
            ]
            if dated:
                clock = combine(min(dated, key=lambda e: abs(e.start - clock.start)), clock)
        out.append(clock)
    return tuple(out)


_EXPR = st.builds(
    lambda start, is_clock, day: TimeExpression(
        start, start + 5, "09:00" if is_clock else "x", None if is_clock else f"2022-01-{day:02}",
        None if is_clock else "day", kind="time" if is_clock else "date",
    ),
    st.integers(0, 55),
    st.booleans(),
    st.integers(1, 28),
)  # fmt: skip


@given(st.lists(_EXPR, max_size=10), st.booleans())
def test_time_clock_takes_the_nearest_day_of_its_sentence(
    exprs: list[TimeExpression], in_order: bool
) -> None:
    if in_order:
        exprs = sorted(exprs, key=lambda e: e.start)
    annotated = _annotated([(0, 12), (12, 30), (33, 60)])
    assert combine_in_sentences(annotated, exprs) == _combine_scan(annotated, exprs)


@given(st.lists(st.integers(1, 4), max_size=12))
def test_time_tokens_within_a_stretch(widths: list[int]) -> None:
    tokens = _tokens([0] * len(widths), widths)
    annotated = AnnotatedArticle(_annotated([]).article, (), tokens, ())
    index = TenseIndex.build(annotated)
    for start, end in itertools.product(range(0, 40, 3), range(0, 40, 2)):
        expected = [t for t in tokens if t.start >= start and t.end <= end]
        assert index.within(start, end) == expected


@settings(deadline=None)  # the first example loads spaCy
@given(st.lists(st.sampled_from(["Word", "x.", " ", "\n", "\n\n", " \n ", "Y"]), max_size=20))
def test_nlp_line_splitter_sets_the_starts_the_token_setter_sets(pieces: list[str]) -> None:
    nlp = _blank_english()
    text = "Start " + "".join(pieces)
    expected, doc = nlp.make_doc(text), nlp.make_doc(text)
    for token in expected[1:]:
        prev = expected[token.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            token.is_sent_start = True
    _split_at_line_breaks(doc)
    assert [t.is_sent_start for t in doc] == [t.is_sent_start for t in expected]


@functools.cache
def _blank_english() -> Any:
    import spacy

    return spacy.blank("en")


def _reference_scan(cand: Candidate, before: list[TimeExpression]) -> TimeExpression | None:
    fine = _FINE_ENOUGH.get(cand.unit or "", set())
    for expr in reversed(before):
        if expr.value and expr.granularity in fine and expr.kind not in {"duration", "set"}:
            return expr
    return None


_READ = st.builds(
    lambda start, granularity, kind, valued: TimeExpression(
        start, start + 1, "x", "2022" if valued else None, granularity, kind=kind
    ),
    st.integers(0, 50),
    st.sampled_from([None, "minute", "hour", "day", "month", "year"]),
    st.sampled_from(["date", "duration", "set", "relative"]),
    st.booleans(),
)


@given(st.lists(_READ, max_size=12))
def test_time_anaphor_reference_is_the_last_precise_expression(exprs: list[TimeExpression]) -> None:
    latest = _Latest()
    for n, expr in enumerate(exprs):
        for unit in ("day", "week", "weekend", "month", "year", "hour", None):
            cand = Candidate(0, 1, "anaphor", unit=unit)
            assert latest.reference_for(cand) == _reference_scan(cand, exprs[:n])
        latest.note(expr)


def test_time_reference_date_reads_the_anchor_find_times_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    annotated = _annotated([(0, 30)])
    text = "Talks on Monday, 3 January 2022, then on Tuesday."
    annotated = AnnotatedArticle(replace(annotated.article, text=text, published=None), (), (), ())
    first = reference_date(annotated, find_times(annotated))
    calls: list[object] = []
    monkeypatch.setattr(time_find, "_clues", lambda *a: calls.append(a) or [])
    assert reference_date(annotated, ()) == first  # no second reading of the text
    assert calls == []
    other = replace(annotated, mentions=())  # an equal article, not the same one: read again
    reference_date(other, ())
    assert len(calls) == 1


def _located_scan(end: int, text: str, toponyms: list[_Toponym]) -> _Toponym | None:
    gap = _IN_PLACE.match(text, end)
    if gap is None:
        return None
    for top in toponyms:
        if top.start == gap.end() or (top.start > gap.end() and top.start - gap.end() <= 4):
            return top
    return None


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 5)), max_size=10))
def test_place_venue_finds_the_toponym_after_in(spans: list[tuple[int, int]]) -> None:
    text = "Venue   in  the  X Y Z at  in Paris and in  Kyiv or so"
    toponyms = [_Toponym(s, s + n, text[s : s + n]) for s, n in spans]
    by_start: dict[int, list[tuple[int, _Toponym]]] = {}
    for n, top in enumerate(toponyms):
        by_start.setdefault(top.start, []).append((n, top))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(place_find, "_place_of", lambda top, *_: top.text.strip() or None)
        for end in range(len(text)):
            found = place_find._located_in(end, text, by_start, cast(Any, None), cast(Any, None))
            top = _located_scan(end, text, toponyms)
            place = top.text.strip() if top is not None else None
            assert found == ((top, place) if top is not None and place else None)
