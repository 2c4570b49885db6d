"""The ``boilerplate`` suite: article bodies out of web pages, against two public gold sets.

Gold sets (read from the data directory, never copied):

* ``article-extraction-benchmark/`` — 181 news and blog pages with their article bodies.
  Scored as the benchmark defines it: each text is cut into ``\\w+`` tokens, then into
  overlapping 4-token shingles; per page, shingle counts give TP/FP/FN, normalised to sum to 1;
  precision is averaged over pages that predicted something (or should have), recall over pages
  with a body (or a prediction); F1 is the harmonic mean of the two averages. A page where both
  texts are empty counts as a perfect match.
  Metrics ``aeb_precision``, ``aeb_recall``, ``aeb_f1``.
* ``trafilatura-eval/`` — 990 multilingual pages, each with up to six text segments that must
  appear in the extracted body ("with") and up to six that must not ("without"). A segment found
  (whitespace-normalised substring) is a TP ("with") or FP ("without"); counts are summed over
  all pages. Metrics ``trafilatura_eval_precision``, ``..._recall``, ``..._f1``.
* ``flat_text_*`` — the benchmark pages flattened to plain text as a scraper would (inscriptis),
  then put through communique's line filter; the kept body is scored like ``aeb_*``.

Baselines run on the same pages in the same run: trafilatura with its default settings, with
the settings of communique's plain pass (comments excluded) and with ``favor_precision`` (the
precise pass), readability-lxml; for flat text, keeping every line and a simple length threshold.
communique itself combines the two passes and drops lexicon lines (see ``clean/html.py``).

    python -m communique.evaluation.boilerplate [--data DIR] [--limit N] [--sets aeb,...]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import mean
from typing import Any

from ..errors import EvaluationError
from .base import SuiteResult

AEB_DIR = Path("article-extraction-benchmark")
TRAF_DIR = Path("trafilatura-eval")
SETS = ("aeb", "trafilatura_eval", "flat_text")
SHINGLE = 4

Extractor = Callable[[bytes, "str | None"], "str | None"]
Triple = tuple[float, float, float]

_TOKEN = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


# --- scorers ----------------------------------------------------------------------------------


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Overlapping n-token shingles of ``\\w+`` tokens (one shorter shingle for short texts)."""
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


def shingle_match(true: str, pred: str, n: int = SHINGLE) -> Triple:
    """(TP, FP, FN) over shingles of one page, normalised so that they sum to 1."""
    gold, got = shingles(true, n), shingles(pred, n)
    tp = sum((gold & got).values())
    fp = sum((got - gold).values())
    fn = sum((gold - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _page_precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _page_recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def aeb_scores(triples: Sequence[Triple]) -> Triple:
    """(precision, recall, F1): page precision/recall averaged, F1 of the two averages."""
    precisions = [_page_precision(*t) for t in triples if t[0] + t[1] > 0]
    recalls = [_page_recall(*t) for t in triples if t[0] + t[2] > 0]
    p = mean(precisions) if precisions else 0.0
    r = mean(recalls) if recalls else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def segment_counts(
    result: str | None, with_: Sequence[str], without: Sequence[str]
) -> tuple[int, int, int, int]:
    """(TP, FP, FN, TN) of one page: "with" segments found, "without" segments found."""
    found = _norm(result) if result else None
    tp = sum(1 for s in with_ if found is not None and _norm(s) in found)
    fp = sum(1 for s in without if found is not None and _norm(s) in found)
    return tp, fp, len(with_) - tp, len(without) - fp


def segment_scores(counts: Iterable[tuple[int, int, int, int]]) -> Triple:
    """(precision, recall, F1) of summed segment counts."""
    tp = fp = fn = 0
    for a, b, c, _ in counts:
        tp, fp, fn = tp + a, fp + b, fn + c
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * tp / (2 * tp + fp + fn) if tp else 0.0)


# --- gold sets --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AebPage:
    key: str
    html: bytes
    url: str | None
    body: str


@dataclass(frozen=True, slots=True)
class SegmentPage:
    key: str
    html: bytes
    url: str
    with_: tuple[str, ...]
    without: tuple[str, ...]


def _read_json(path: Path) -> Any:
    if not path.is_file():
        raise EvaluationError(f"gold file not found: {path}")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise EvaluationError(f"cannot read {path}: {err}") from err


def _read_gz(path: Path) -> bytes | None:
    try:
        return gzip.decompress(path.read_bytes())
    except (OSError, EOFError):
        return None


def load_aeb(data_dir: Path, limit: int | None = None) -> Iterator[AebPage]:
    """The benchmark pages in key order, with their gold bodies."""
    root = data_dir / AEB_DIR
    truth: dict[str, dict[str, str]] = _read_json(root / "ground-truth.json")
    for count, key in enumerate(sorted(truth)):
        if limit is not None and count >= limit:
            return
        html = _read_gz(root / "html" / f"{key}.html.gz")
        if html is None:
            raise EvaluationError(f"missing page for benchmark item {key}")
        yield AebPage(key, html, truth[key].get("url"), truth[key].get("articleBody", ""))


def load_segments(data_dir: Path, limit: int | None = None) -> Iterator[SegmentPage]:
    """The trafilatura evaluation pages in URL order, with their segments."""
    root = data_dir / TRAF_DIR
    items: dict[str, dict[str, Any]] = _read_json(root / "evaldata.json")
    for count, url in enumerate(sorted(items)):
        if limit is not None and count >= limit:
            return
        item = items[url]
        html = _read_gz(root / "html" / f"{item['file']}.gz")
        if html is None:
            raise EvaluationError(f"missing page {item['file']!r}")
        yield SegmentPage(url, html, url, tuple(item["with"]), tuple(item["without"]))


def subset_ids(data_dir: Path, limit: int | None = None) -> list[str]:
    """Ids of the pages a run with ``limit`` scores (the evaluation gate hashes them)."""
    truth: dict[str, Any] = _read_json(data_dir / AEB_DIR / "ground-truth.json")
    items: dict[str, Any] = _read_json(data_dir / TRAF_DIR / "evaldata.json")
    aeb = [f"aeb:{key}" for key in sorted(truth)[:limit]]
    return aeb + [f"trafilatura-eval:{url}" for url in sorted(items)[:limit]]


# --- extractors -------------------------------------------------------------------------------


def _guarded(extract: Extractor) -> Extractor:
    """A failing extractor scores as an empty prediction, as a crash would in production."""

    def run(html: bytes, url: str | None) -> str | None:
        try:
            return extract(html, url)
        except Exception:  # any library failure is a miss, never a stop
            return None

    return run


def communique_body(html: bytes, url: str | None) -> str | None:
    """The body text ``clean_article`` keeps for an HTML page."""
    from ..clean import html_body

    return html_body(html, url)


def trafilatura_default(html: bytes, url: str | None) -> str | None:
    import trafilatura

    result: object = trafilatura.extract(html, url=url)
    return result if isinstance(result, str) else None


def trafilatura_communique(html: bytes, url: str | None) -> str | None:
    from ..clean import extract_body

    return extract_body(html, url)


def trafilatura_precise(html: bytes, url: str | None) -> str | None:
    from ..clean import extract_body

    return extract_body(html, url, favor_precision=True)


def readability_lxml(html: bytes, url: str | None) -> str | None:
    from inscriptis import get_text
    from readability import Document

    page = Document(html.decode("utf-8", errors="replace"), url=url)
    summary: object = page.summary(html_partial=True)
    return str(get_text(str(summary)))


def flatten(html: bytes) -> str:
    """The page as a scraper's plain text: one line per block, chrome included."""
    from inscriptis import get_text

    return str(get_text(html.decode("utf-8", errors="replace")))


def flat_communique(flat: str) -> str:
    from ..clean import filter_lines

    return filter_lines(flat).text


def flat_keep_all(flat: str) -> str:
    return flat


def flat_length_filter(flat: str, min_words: int = 10) -> str:
    """Keep only lines of at least ``min_words`` words."""
    return "\n".join(line for line in flat.splitlines() if len(line.split()) >= min_words)


HTML_BASELINES: dict[str, Extractor] = {
    "trafilatura (default settings)": trafilatura_default,
    "trafilatura (communique settings)": trafilatura_communique,
    "trafilatura (communique settings, favor_precision)": trafilatura_precise,
    "readability-lxml": readability_lxml,
}
FLAT_BASELINES: dict[str, Callable[[str], str]] = {
    "keep every line": flat_keep_all,
    "length threshold (10 words)": flat_length_filter,
}


# --- the suite --------------------------------------------------------------------------------


def _named(prefix: str, scores: Triple) -> dict[str, float]:
    p, r, f = scores
    return {
        f"{prefix}_precision": round(p, 4),
        f"{prefix}_recall": round(r, 4),
        f"{prefix}_f1": round(f, 4),
    }


def _score_aeb(pages: Sequence[AebPage], tools: dict[str, Extractor]) -> dict[str, Triple]:
    triples: dict[str, list[Triple]] = {name: [] for name in tools}
    for page in pages:
        for name, extract in tools.items():
            triples[name].append(
                shingle_match(page.body, _guarded(extract)(page.html, page.url) or "")
            )
    return {name: aeb_scores(found) for name, found in triples.items()}


def _score_flat(
    pages: Sequence[AebPage], tools: dict[str, Callable[[str], str]]
) -> dict[str, Triple]:
    triples: dict[str, list[Triple]] = {name: [] for name in tools}
    for page in pages:
        flat = flatten(page.html)
        for name, keep in tools.items():
            triples[name].append(shingle_match(page.body, keep(flat)))
    return {name: aeb_scores(found) for name, found in triples.items()}


def _score_segments(
    pages: Iterable[SegmentPage], tools: dict[str, Extractor]
) -> tuple[dict[str, Triple], int]:
    counts: dict[str, list[tuple[int, int, int, int]]] = {name: [] for name in tools}
    n = 0
    for page in pages:
        n += 1
        for name, extract in tools.items():
            result = _guarded(extract)(page.html, page.url)
            counts[name].append(segment_counts(result, page.with_, page.without))
    return {name: segment_scores(found) for name, found in counts.items()}, n


def run(data_dir: Path, limit: int | None = None, sets: Sequence[str] = SETS) -> SuiteResult:
    """Score communique and the baselines on the boilerplate gold sets (``limit`` pages each)."""
    unknown = set(sets) - set(SETS)
    if unknown:
        raise EvaluationError(f"unknown boilerplate sets: {', '.join(sorted(unknown))}")
    started = time.perf_counter()
    ours: dict[str, float] = {}
    baselines: dict[str, dict[str, float]] = {}
    notes: list[str] = []
    items = 0
    html_tools: dict[str, Extractor] = {"communique": communique_body, **HTML_BASELINES}
    if "aeb" in sets or "flat_text" in sets:
        pages = list(load_aeb(data_dir, limit))
        items += len(pages)
        notes.append(f"article-extraction-benchmark: {len(pages)} pages")
        if "aeb" in sets:
            _collect("aeb", _score_aeb(pages, html_tools), ours, baselines)
        if "flat_text" in sets:
            flat_tools = {"communique": flat_communique, **FLAT_BASELINES}
            _collect("flat_text", _score_flat(pages, flat_tools), ours, baselines)
    if "trafilatura_eval" in sets:
        scores, n = _score_segments(load_segments(data_dir, limit), html_tools)
        items += n
        notes.append(f"trafilatura-eval: {n} pages")
        _collect("trafilatura_eval", scores, ours, baselines)
    return SuiteResult(
        suite="boilerplate",
        items=items,
        metrics=ours,
        baselines=baselines,
        notes=tuple(notes),
        seconds=time.perf_counter() - started,
    )


def _collect(
    prefix: str,
    scores: dict[str, Triple],
    ours: dict[str, float],
    baselines: dict[str, dict[str, float]],
) -> None:
    for name, triple in scores.items():
        target = ours if name == "communique" else baselines.setdefault(name, {})
        target.update(_named(prefix, triple))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m communique.evaluation.boilerplate")
    parser.add_argument("--data", type=Path, default=None, help="gold data root (../shared/data)")
    parser.add_argument("--limit", type=int, default=None, help="pages per gold set")
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated: " + ",".join(SETS))
    args = parser.parse_args(argv)
    from .runner import resolve_data_dir

    try:
        result = run(resolve_data_dir(args.data), args.limit, tuple(args.sets.split(",")))
    except EvaluationError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
