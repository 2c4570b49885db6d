"""The line filter for flattened pages: site chrome out, body paragraphs kept as written.

A flattened page (the text a scraper gets from a news page) has three zones:

    header   rubric/section line, headline, byline, navigation, date stamp
    body     the article paragraphs, perhaps with sub-headlines, ads and photo credits between
    footer   share prompts, related-article lists, comment forms, site footer

The body is found from general signals, not from any one site's lines: paragraph-like lines
(long, ending like a sentence, dense in function words) form clusters with short gaps. A cluster
scores its paragraph characters times its paragraph density (teaser lists and comment threads
are sparse), less for a lone paragraph, for a start in the page's last lines (disclaimers) and
after an earlier article has been closed by comments or related articles. The best cluster is
joined with close, heavy neighbours (across a related-articles box, never across comments or a
site footer) and widened by short sentences on either side. Interface phrases from the
multilingual lexicon in ``data/ui_phrases.csv`` are chrome wherever they stand.

Above the body, the header gives the section (rubric), headline and byline; the body's opening
lines may still hold a byline or a date stamp; after it, a line repeating the byline is a
signature. Such lines are metadata: neither body text nor ``removed``.

Hard-wrapped text (wire copy, text archives) is first re-flowed into one paragraph per line
(``reflow.py``), so the filter and every later stage read whole paragraphs; agency sign-offs,
story slugs and transmission markers (``wire.py``) are chrome. A text that is one paragraph
and nothing else is its own body, however short.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum

from .dateline import (
    Dateline,
    dateline_date,
    is_date_line,
    parse_full_date,
    read_dateline,
    stamp_date,
    trailing_stamp_date,
)
from .inline import cut_inline_links
from .lexicon import (
    TERMINAL_CATEGORIES,
    Lexicon,
    all_stopwords,
    load_lexicon,
    load_stopwords,
    normalise_line,
)
from .reflow import reflow_text
from .wire import signoff_kind

_WORD = re.compile(r"\w+")
_WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SENTENCE_END = re.compile(r"[.!?…:;。！？][\"'”’»)\]]*$")
_BYLINE = re.compile(
    r"^(?:posted by|written by|words by|reporting by|by|von|par|por|di|door|autor:?|author:?)"
    r"\s+(?P<name>\S.*)$",
    re.IGNORECASE,
)
_NOT_TITLE = re.compile(
    r"^[*+•·>\-–(\[]|@|\b\d+ of\W+\d+\b|\bmin(?:ute)?s? read\b|\bupdated\b|\bposted\b|"
    r"\b\d{1,2}:\d\d\b",
    re.IGNORECASE,
)
_NAME_END = re.compile(r"\s+[|•·]\s+.*$|\s+(?:on|at)\s+\S.*\d{4}.*$|[\s,;:]+$")
_STRONG_WORDS = 10
_LONG_WORDS = 25
_MIN_STOP_RATIO = 0.1
_MIN_PAGE_STOP_RATIO = 0.04
_MAX_GAP = 4  # non-paragraph lines allowed inside one cluster
_MERGE_GAP = 12  # a neighbouring cluster this close (and heavy enough) joins the body
_MERGE_SHARE = 0.15
_AFTER_END_DISCOUNT = 4  # clusters after comments/related/footer weigh a quarter
_SUBSTANTIAL = 400  # characters of paragraphs that make a cluster an article
_LONE_FACTOR = 0.5
_TAIL_START = 0.85
_TAIL_FACTOR = 0.5
_HARD_ENDS = frozenset({"comments", "footer"})  # never inside an article
_BOX_GAP = 8
_ENDS = frozenset({"comments", "related"})  # what only follows an article
_HEADING_MAX_WORDS = 15
_OPENING_LINES = 4  # body lines that may still hold the byline or a date stamp
_BYLINE_MAX_WORDS = 12
_TITLE_MAX_WORDS = 30
_TITLE_FULL_WORDS = 4
_TITLE_WINDOW = 8  # header lines above the byline or body where the headline may stand
_SECTION_MAX_WORDS = 4
_SECTION_JOINERS = frozenset({"and", "&", "of", "the", "in", "on", "for", "-", "–", "/"})


class Role(str, Enum):
    """What the filter decided a non-blank line is."""

    BODY = "body"
    HEADING = "heading"
    TITLE = "title"
    SECTION = "section"
    BYLINE = "byline"
    META = "meta"  # date stamp or signature: metadata, neither body nor chrome
    CHROME = "chrome"


@dataclass(frozen=True, slots=True)
class LineInfo:
    """The signals of one non-blank line."""

    text: str
    words: int
    stop_ratio: float
    sentence: bool
    ui: str | None
    bare: bool = False  # only a date/time, or no letters at all: never body text

    @property
    def strong(self) -> bool:
        """Paragraph-like: long enough, written in sentences, not an interface phrase."""
        if self.ui is not None or self.stop_ratio < _MIN_STOP_RATIO:
            return False
        return self.words >= _LONG_WORDS or (self.words >= _STRONG_WORDS and self.sentence)

    @property
    def weak(self) -> bool:
        """A short sentence: may open or close the body next to paragraphs."""
        return self.ui is None and self.sentence and self.words >= 3 and self.stop_ratio > 0

    @property
    def terminal(self) -> bool:
        return self.ui in TERMINAL_CATEGORIES


@dataclass(frozen=True, slots=True)
class LineFilterResult:
    """The decisions of the line filter over one flattened page.

    ``body`` holds the kept lines as written (stripped, hard-wrapped text re-flowed first);
    ``headings`` the indexes in ``body`` of short heading lines; ``removed`` the chrome lines in
    page order; ``meta`` the lines read as metadata only (date stamps, a closing signature);
    ``dateline`` the wire dateline opening the body, if any.
    """

    body: tuple[str, ...]
    headings: tuple[int, ...]
    removed: tuple[str, ...]
    meta: tuple[str, ...]
    title: str | None
    section: str | None
    byline: str | None
    published: date | None
    dateline: Dateline | None = None

    @property
    def text(self) -> str:
        return "\n".join(self.body)


def _word_count(tokens: Sequence[str]) -> int:
    """Tokens, with runs of CJK characters (written without spaces) counted as 2 per word."""
    count = 0
    for token in tokens:
        wide = len(_WIDE.findall(token))
        count += max(1, wide // 2 + (len(token) - wide > 0)) if wide else 1
    return count


def describe_line(line: str, lexicon: Lexicon, stopwords: frozenset[str]) -> LineInfo:
    tokens = _WORD.findall(line.lower())
    stops = sum(1 for token in tokens if token in stopwords)
    return LineInfo(
        text=line,
        words=_word_count(tokens),
        stop_ratio=stops / len(tokens) if tokens else 0.0,
        sentence=bool(_SENTENCE_END.search(line)),
        ui=lexicon.match(line) or signoff_kind(line),
        bare=is_date_line(line) or not any(char.isalpha() for char in line),
    )


@dataclass(frozen=True, slots=True)
class _Cluster:
    first: int
    last: int
    weight: int  # characters of its paragraph lines
    lines: int  # its paragraph lines
    after_end: bool  # follows a terminal line that closed a substantial cluster

    def score(self, page_lines: int) -> float:
        """Paragraph characters times paragraph density, discounted for a lone paragraph, for
        a start in the page's last lines (disclaimers) and after the article's end."""
        density = self.lines / (self.last - self.first + 1)
        score = self.weight * density / (_AFTER_END_DISCOUNT if self.after_end else 1)
        if self.lines == 1:
            score *= _LONE_FACTOR
        if self.first >= _TAIL_START * page_lines:
            score *= _TAIL_FACTOR
        return score


def _clusters(infos: Sequence[LineInfo], strong: Sequence[bool]) -> list[_Cluster]:
    """Runs of paragraph lines with short gaps, never across a terminal line."""
    found: list[_Cluster] = []
    first = last = -1
    weight = count = gap = 0
    after_end = False

    def close() -> _Cluster:
        cluster = _Cluster(first, last, weight, count, after_end)
        found.append(cluster)
        return cluster

    for i, info in enumerate(infos):
        if strong[i]:
            if first < 0:
                first, weight, count = i, 0, 0
            last, gap = i, 0
            weight += len(info.text)
            count += 1
        elif first >= 0 and (info.terminal or gap >= _MAX_GAP):
            closed = close()
            first = -1
            after_end = after_end or (info.ui in _ENDS and closed.weight >= _SUBSTANTIAL)
        elif first >= 0:
            gap += 1
    if first >= 0:
        close()
    return found


def _merge(infos: Sequence[LineInfo], clusters: list[_Cluster]) -> tuple[int, int]:
    """The best cluster, joined with close neighbours not cut off by a terminal line."""
    scores = {id(c): c.score(len(infos)) for c in clusters}
    best = max(clusters, key=lambda c: scores[id(c)])
    first, last = best.first, best.last

    def joinable(a: int, b: int, other: _Cluster) -> bool:
        between = infos[a + 1 : b]
        if any(info.ui in _HARD_ENDS for info in between):
            return False
        boxed = any(info.terminal for info in between)  # a related-articles box in the body
        return (
            len(between) <= (_BOX_GAP if boxed else _MERGE_GAP)
            and scores[id(other)] >= _MERGE_SHARE * scores[id(best)]
        )

    k = clusters.index(best)
    for other in clusters[k + 1 :]:
        if not joinable(last, other.first, other):
            break
        last = other.last
    for other in reversed(clusters[:k]):
        if not joinable(other.last, first, other):
            break
        first = other.first
    return first, last


def _find_body(infos: Sequence[LineInfo]) -> tuple[int, int] | None:
    for signal in ([i.strong for i in infos], [i.strong or i.weak for i in infos]):
        clusters = _clusters(infos, signal)
        if clusters:
            first, last = _merge(infos, clusters)
            while first > 0 and infos[first - 1].weak:
                first -= 1
            while last + 1 < len(infos) and infos[last + 1].weak:
                last += 1
            return first, last
    return None


def _byline_name(info: LineInfo) -> str | None:
    if info.ui is not None or info.words > _BYLINE_MAX_WORDS:
        return None
    found = _BYLINE.match(info.text)
    if not found:
        return None
    name = _NAME_END.sub("", found["name"].strip())
    return name if name[:1].isupper() else None  # "By the numbers" is no byline


def _is_section(info: LineInfo) -> bool:
    words = info.text.split()
    if info.ui is not None or info.sentence or not 1 <= len(words) <= _SECTION_MAX_WORDS:
        return False
    return all(w[:1].isupper() or w.lower() in _SECTION_JOINERS for w in words)


def _is_title(info: LineInfo) -> bool:
    """A headline: a few words, not a sentence ending in a full stop, not a list item, caption,
    credit, date or byline."""
    text = info.text
    if info.ui is not None or info.bare or not 2 <= info.words <= _TITLE_MAX_WORDS:
        return False
    if text.endswith((",", ":")) or (text.endswith(".") and not text.endswith("...")):
        return False
    return not (_NOT_TITLE.search(text) or parse_full_date(text) or _BYLINE.match(text))


def _pick_title(infos: Sequence[LineInfo], roles: list[Role], order: range) -> int | None:
    """The nearest headline-like line in ``order``; a full headline before a two-word one."""
    found = [i for i in order if roles[i] is Role.CHROME and _is_title(infos[i])]
    full = [i for i in found if infos[i].words >= _TITLE_FULL_WORDS]
    ranked = full or found
    return ranked[0] if ranked else None


def _read_header(infos: Sequence[LineInfo], roles: list[Role]) -> tuple[str | None, date | None]:
    """Mark byline, title and section in the header zone; return (byline, stamp date)."""
    byline: str | None = None
    anchor = len(infos)
    published: date | None = None
    for i, info in enumerate(infos):
        name = _byline_name(info)
        if name is not None and byline is None:
            byline, anchor, roles[i] = name, i, Role.BYLINE
        elif info.ui is None and published is None and stamp_date(info.text) is not None:
            published, roles[i] = stamp_date(info.text), Role.META
    title = _pick_title(infos, roles, range(anchor - 1, max(-1, anchor - 1 - _TITLE_WINDOW), -1))
    if title is None:
        title = _pick_title(infos, roles, range(anchor - 1, -1, -1))
    if title is None:
        title = _pick_title(infos, roles, range(anchor + 1, len(infos)))
    if title is not None:
        roles[title] = Role.TITLE
        if title > 0 and roles[title - 1] is Role.CHROME and _is_section(infos[title - 1]):
            roles[title - 1] = Role.SECTION
    return byline, published


def _read_footer(
    infos: Sequence[LineInfo], roles: list[Role], start: int, signatures: set[str]
) -> date | None:
    """Mark signatures and date stamps after the body; everything else stays chrome."""
    published: date | None = None
    for i in range(start, len(infos)):
        info = infos[i]
        if info.ui is not None:
            continue
        if normalise_line(info.text) in signatures:
            roles[i] = Role.META
        elif (found := stamp_date(info.text)) is not None:
            roles[i] = Role.META
            published = published or found
    return published


def _read_body(infos: Sequence[LineInfo], roles: list[Role], first: int, last: int) -> None:
    for i in range(first, last + 1):
        info = infos[i]
        if info.ui is not None or info.bare:
            continue
        short = not info.sentence and info.words <= _HEADING_MAX_WORDS
        roles[i] = Role.HEADING if short and not info.strong else Role.BODY


def _read_opening(
    infos: Sequence[LineInfo], roles: list[Role], first: int, last: int, has_byline: bool
) -> tuple[str | None, date | None]:
    """Byline and date lines among the body's first lines (after a standfirst, say)."""
    byline: str | None = None
    published: date | None = None
    for i in range(first, min(last + 1, first + _OPENING_LINES)):
        info = infos[i]
        name = _byline_name(info) if roles[i] is Role.HEADING else None
        if name is not None:
            roles[i] = Role.META if has_byline or byline else Role.BYLINE
            byline = byline or name
        elif info.bare and info.ui is None and (found := stamp_date(info.text)) is not None:
            roles[i] = Role.META
            published = published or found
    return byline, published


def _page_stop_ratio(infos: Sequence[LineInfo]) -> float:
    words = sum(info.words for info in infos)
    return sum(info.stop_ratio * info.words for info in infos) / words if words else 0.0


def _lone_paragraph(infos: Sequence[LineInfo]) -> int | None:
    """The one line of a text that holds a single paragraph besides chrome, or None."""
    found = [i for i, info in enumerate(infos) if info.ui is None and not info.bare]
    return found[0] if len(found) == 1 else None


def filter_lines(text: str) -> LineFilterResult:
    """Split a flattened page into body lines, chrome lines and metadata lines."""
    lexicon, stopwords = load_lexicon(), all_stopwords()
    lines = [line.strip() for line in reflow_text(text).splitlines()]
    infos = [describe_line(line, lexicon, stopwords) for line in lines if line]
    if _page_stop_ratio(infos) < _MIN_PAGE_STOP_RATIO:  # a language without a function-word list
        infos = [replace(info, stop_ratio=max(info.stop_ratio, _MIN_STOP_RATIO)) for info in infos]
    roles = [Role.CHROME] * len(infos)
    span = _find_body(infos)
    if span is None and (lone := _lone_paragraph(infos)) is not None:
        span = (lone, lone)
    if span is None:
        return _result(infos, roles, None, None)
    first, last = span
    _read_body(infos, roles, first, last)
    byline, published = _read_header(infos[:first], roles)
    opening_byline, opening_date = _read_opening(infos, roles, first, last, byline is not None)
    byline = byline or opening_byline
    signatures = {normalise_line(v) for v in (byline,) if v}
    footer_date = _read_footer(infos, roles, last + 1, signatures)
    published = (
        published
        or opening_date
        or dateline_date(infos[first].text)
        or footer_date
        or trailing_stamp_date(infos[last].text)
    )
    return replace(
        _result(infos, roles, byline, published), dateline=read_dateline(infos[first].text)
    )


def _result(
    infos: Sequence[LineInfo], roles: Sequence[Role], byline: str | None, published: date | None
) -> LineFilterResult:
    body: list[str] = []
    headings: list[int] = []
    removed: list[str] = []
    picked: dict[Role, str] = {}
    lexicon, english = load_lexicon(), load_stopwords().get("en", frozenset())
    for info, role in zip(infos, roles, strict=True):
        if role is Role.BODY:
            text, links = cut_inline_links(info.text, lexicon, english)
            body.append(text)
            removed.extend(links)
        elif role is Role.HEADING:
            headings.append(len(body))
            body.append(info.text)
        elif role is Role.CHROME:
            removed.append(info.text)
        else:
            picked.setdefault(role, info.text)
    return LineFilterResult(
        body=tuple(body),
        headings=tuple(headings),
        removed=tuple(removed),
        meta=tuple(i.text for i, r in zip(infos, roles, strict=True) if r is Role.META),
        title=picked.get(Role.TITLE),
        section=picked.get(Role.SECTION),
        byline=byline,
        published=published,
    )
