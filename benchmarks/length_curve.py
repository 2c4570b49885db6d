"""Cost per word of every stage as an article grows: ~500, 2,000, 10,000 and 40,000 words.

    python benchmarks/length_curve.py [--data DIR] [--words 500,2000,10000,40000] [--repeat R]
                                      [--format text|json]

Articles are built at run time from real article text, taken in turn from three sources so
that each length has a similar mix: the diplomatic development items, TR-News (global news,
``geoparsing/Corpora/TR-News.xml``) and the article-extraction benchmark's ground-truth bodies.
Whole articles are joined with a blank line until the target is reached; the last one is cut at
a paragraph (or a word) so that the length is the target.

Each stage runs on its own, on the output of the stage before, and is timed in CPU seconds
(``time.process_time``); the figure kept is the median of ``--repeat`` runs, each run repeating
a short article until it has seen about 10,000 words:

    clean      clean.clean_article on a plain-text RawArticle (timed only: see below)
    annotate   the spaCy pipeline alone (backend.nlp(text))
    records    the spaCy Doc into plain records (nlp.annotate.to_annotated)
    time       time.find_times + time.reference_date
    actors     actors.resolve_actors
    place      place.find_places
    events     events.code_events
    record     the Record and its record/1 JSON (serialize.record_to_dict, json.dumps)

The line filter of the clean stage keeps the article's main run of paragraphs, and a text
joined from many articles can read to it as several (a wire sign-off, a hard-wrapped article
between two others): the later stages therefore get the built text itself as the article body,
as ``nlp.annotate_text`` gives a bare text, so that every stage sees every word.

The model normally sees at most ``NlpSettings.max_chars`` characters; here the limit is raised so
that the 40,000-word article reaches it whole. Printed: CPU milliseconds per 1,000 words of each
stage at each length, and the ratio of the cost per word at the longest length to that at
2,000 words (the figure to keep at or below 1.5). Every article carries a publication date
(2018-04-06). The sources differ in how many names and dates they hold per word, so part of a
ratio away from 1 is the mix, not the length; other work on the same machine moves single runs
by a fifth or more, which is why the median of several is kept.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import date
from itertools import zip_longest
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from communique.model import CleanArticle

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_WORDS = (500, 2_000, 10_000, 40_000)
STAGES = ("clean", "annotate", "records", "time", "actors", "place", "events", "record")
WORDS_PER_RUN = 10_000  # a short article is repeated until a run has seen about this many words
PUBLISHED = date(2018, 4, 6)
T = TypeVar("T")


def _diplomatic(data: Path) -> list[str]:
    items = sorted((data / "diplomatic-dev" / "items").glob("*.json"))
    return [json.loads(p.read_text(encoding="utf-8"))["text"] for p in items]


def _tr_news(data: Path) -> list[str]:
    path = data / "geoparsing" / "Corpora" / "TR-News.xml"
    if not path.is_file():
        return []
    root = ET.parse(path).getroot()
    return [t for t in (a.findtext("text") for a in root.iter("article")) if t and t.strip()]


def _ground_truth(data: Path) -> list[str]:
    path = data / "article-extraction-benchmark" / "ground-truth.json"
    if not path.is_file():
        path = path.with_suffix(".json.gz")
        if not path.is_file():
            return []
        truth = json.loads(gzip.decompress(path.read_bytes()))
    else:
        truth = json.loads(path.read_text(encoding="utf-8"))
    return [truth[k]["articleBody"] for k in sorted(truth) if truth[k].get("articleBody")]


def source_articles(data: Path) -> list[str]:
    """Real articles, the three sources taken in turn (a fixed order: the same every run)."""
    sources = [_diplomatic(data), _tr_news(data), _ground_truth(data)]
    turns = zip_longest(*sources)
    return [text.strip() for turn in turns for text in turn if text and text.strip()]


def build_article(articles: list[str], words: int) -> str:
    """Whole articles joined by a blank line, the last one cut so that the text has ``words``."""
    parts: list[str] = []
    have = 0
    for text in articles:
        n = len(text.split())
        if have + n <= words:
            parts.append(text)
            have += n
            if have == words:
                break
            continue
        parts.append(_first_words(text, words - have))
        have = words
        break
    if have < words:
        sys.exit(f"length_curve: the sources hold only {have} words, {words} asked")
    return "\n\n".join(parts)


def _first_words(text: str, n: int) -> str:
    """The first ``n`` words of ``text``, its line breaks kept."""
    kept: list[str] = []
    count = 0
    for line in text.split("\n"):
        words = line.split()
        if count + len(words) <= n:
            kept.append(line)
            count += len(words)
        else:
            kept.append(" ".join(words[: n - count]))
            break
    return "\n".join(kept).rstrip()


def _timed(work: Callable[[], T], loops: int) -> tuple[float, T]:
    started = time.process_time()
    result = work()
    for _ in range(loops - 1):
        result = work()
    return (time.process_time() - started) / loops, result


def _run_once(text: str, resources: Any, loops: int) -> Iterator[tuple[str, float]]:
    """Every stage once (``loops`` times each), on the output of the stage before."""
    from communique.actors import resolve_actors
    from communique.clean import clean_article
    from communique.events import code_events
    from communique.model import RawArticle, Record, Skip, TimeExpression
    from communique.nlp.annotate import _bounded, to_annotated
    from communique.pipeline import _country_on
    from communique.place import find_places
    from communique.serialize import record_to_dict
    from communique.time import find_times, reference_date

    raw = RawArticle(content=text, kind="text", published=PUBLISHED, origin="length-curve")
    seconds, skipped = _timed(lambda: clean_article(raw, resources.settings.clean), loops)
    yield "clean", seconds
    if isinstance(skipped, Skip):
        sys.exit(f"length_curve: the built article was skipped ({skipped.detail})")
    cleaned = _body(text)
    body = _bounded(cleaned.text, resources.nlp)
    if len(body) < len(cleaned.text):
        sys.exit("length_curve: the model limit cut the article; raise --max-chars")
    seconds, doc = _timed(lambda: resources.nlp.nlp(body), loops)
    yield "annotate", seconds
    seconds, annotated = _timed(lambda: to_annotated(cleaned, doc), loops)
    yield "records", seconds

    def times_and_date() -> tuple[tuple[TimeExpression, ...], date | None]:
        found = find_times(annotated)
        return found, reference_date(annotated, found)

    seconds, (times, on) = _timed(times_and_date, loops)
    yield "time", seconds
    seconds, entities = _timed(lambda: resolve_actors(annotated, resources.actors, on), loops)
    yield "actors", seconds
    country_on = _country_on(resources, on)
    seconds, places = _timed(lambda: find_places(annotated, resources.gazetteer, country_on), loops)
    yield "place", seconds
    seconds, coded = _timed(lambda: code_events(annotated, entities, times, places), loops)
    yield "events", seconds

    def record() -> str:
        rec = Record(
            article=annotated.article,
            entities=coded.entities,
            events=coded.events,
            links=coded.links,
            left_out=coded.left_out,
        )
        return json.dumps(record_to_dict(rec), ensure_ascii=False)

    seconds, _ = _timed(record, loops)
    yield "record", seconds


def _body(text: str) -> CleanArticle:
    """The built text as the article body, uncut (as ``nlp.annotate_text`` reads a text)."""
    from dataclasses import replace

    from communique.nlp.annotate import bare_article

    return replace(bare_article(text, PUBLISHED), origin="length-curve")


def measure(data: Path, lengths: list[int], repeat: int, max_chars: int) -> dict[str, Any]:
    from communique.pipeline import load_resources
    from communique.settings import NlpSettings, Settings

    resources = load_resources(Settings(nlp=NlpSettings(max_chars=max_chars)))
    articles = source_articles(data)
    if not articles:
        sys.exit(f"length_curve: no source articles under {data}")
    list(_run_once(build_article(articles, 300), resources, 1))  # warm-up
    rows: list[dict[str, Any]] = []
    for words in lengths:
        text = build_article(articles, words)
        loops = max(1, WORDS_PER_RUN // words)
        runs: dict[str, list[float]] = {stage: [] for stage in STAGES}
        for _ in range(repeat):
            for stage, seconds in _run_once(text, resources, loops):
                runs[stage].append(seconds)
        per_kword = {s: 1000 * statistics.median(v) / (words / 1000) for s, v in runs.items()}
        per_kword["total"] = sum(per_kword.values())
        rows.append(
            {
                "words": words,
                "chars": len(text),
                "loops": loops,
                "ms_per_1000_words": {k: round(v, 3) for k, v in per_kword.items()},
            }
        )
    return {
        "rows": rows,
        "ratios": _ratios(rows),
        "repeat": repeat,
        "sources": "diplomatic-dev items, TR-News, article-extraction ground truth (in turn)",
        "date": time.strftime("%Y-%m-%d", time.gmtime()),
    }


def _ratios(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Cost per word at the longest length over cost per word at 2,000 words (or the shortest
    length above 500 when 2,000 is not measured)."""
    base = next((r for r in rows if r["words"] == 2_000), rows[0])
    top = rows[-1]
    out: dict[str, Any] = {"from_words": base["words"], "to_words": top["words"]}
    for stage in (*STAGES, "total"):
        low = base["ms_per_1000_words"][stage]
        high = top["ms_per_1000_words"][stage]
        out[stage] = round(high / low, 2) if low > 0 else None
    return out


def _print_text(report: dict[str, Any]) -> None:
    columns = (*STAGES, "total")
    print("CPU ms per 1,000 words (median of", report["repeat"], "runs)")
    print(f"{'words':>7} " + " ".join(f"{c:>9}" for c in columns))
    for row in report["rows"]:
        cells = " ".join(f"{row['ms_per_1000_words'][c]:>9.1f}" for c in columns)
        print(f"{row['words']:>7} {cells}")
    r = report["ratios"]
    print(f"{'ratio':>7} " + " ".join(f"{r[c]:>9}" for c in columns))
    print(f"(ratio: cost per word at {r['to_words']:,} words / at {r['from_words']:,} words)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--words",
        default=",".join(str(w) for w in DEFAULT_WORDS),
        help="comma-separated article lengths in words",
    )
    parser.add_argument("--repeat", type=int, default=5, help="median of R runs")
    parser.add_argument(
        "--max-chars", type=int, default=400_000, help="model character limit for the run"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    try:
        lengths = sorted({int(w) for w in args.words.split(",") if w.strip()})
    except ValueError:
        parser.error("--words takes comma-separated whole numbers")
    if not lengths or lengths[0] <= 0:
        parser.error("--words takes positive numbers")
    report = measure(args.data, lengths, max(1, args.repeat), args.max_chars)
    if args.format == "json":
        print(json.dumps(report))
    else:
        _print_text(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
