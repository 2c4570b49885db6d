"""communique next to the floor a user would build, on the same pages and texts, in one run.

    python benchmarks/throughput.py [--data DIR] [--pages N] [--repeat R] [--format text|json]

Inputs (decoded once, as ``communique extract`` decodes files):

* HTML: the first N pages (``--pages``, 60 by default) of the article-extraction benchmark
  (``article-extraction-benchmark/html/*.html.gz``, in name order), with their URLs;
* text: the diplomatic-dev items, the shared example article and the ground-truth bodies of
  the same N benchmark pages.

Sides, each given exactly the same inputs:

* A. communique: ``pipeline.run_many`` end to end (clean, annotate, time, actors, place, events,
  record). Items it skips (not English, no article) are counted; they still cost what was spent
  on them.
* B. the floor on HTML: ``trafilatura.extract`` with its defaults on every page, then spaCy
  (``spacy.load`` of the pipeline's model, its full default pipeline, the pipeline's batch
  size) on every text trafilatura returned.
* C. spaCy alone on the texts communique annotates: the bodies its cleaning stage keeps (found
  once, untimed), cut where the annotate stage cuts them, for the HTML pages and the texts.

On HTML, A and B run twice: on every page, and on the pages communique annotates only (it skips
pages not in English, which the floor annotates all the same, so the all-pages ratio favours
communique; the kept-pages ratio compares like with like).

The sides run interleaved (A, B, C, A, B, C, ...) ``--repeat`` times (5 by default) after one
untimed warm-up round; each figure is the median CPU time of its side (``time.process_time``,
loading excluded). The ratios are costs: communique's CPU over the floor's, so 1.10 means 10%
more CPU per page. Characters annotated are reported per side: spaCy's cost grows with them,
and communique annotates the body it kept, not the page.

Per-stage CPU shares come from one further, untimed run of ``run_many`` with a clock around
each stage's function (the spaCy step is timed where its results are drawn).
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
EXAMPLE = REPO.parent / "shared" / "examples" / "nato-russia-council.txt"
AEB = Path("article-extraction-benchmark")

#: The functions ``pipeline.run_many`` calls, by stage (for the per-stage shares).
STAGES: dict[str, tuple[str, ...]] = {
    "clean": ("clean_article",),
    "annotate": ("annotate_articles",),
    "time": ("find_times", "reference_date"),
    "actors": ("resolve_actors",),
    "place": ("find_places",),
    "events": ("code_events",),
    "record": ("Record",),
}


@dataclass(frozen=True, slots=True)
class Inputs:
    """The decoded HTML pages (with URLs) and the plain texts, with where they came from."""

    pages: tuple[tuple[str, str | None], ...]
    texts: tuple[str, ...]
    text_sources: dict[str, int]


def _fail(message: str) -> NoReturn:
    sys.exit(f"throughput: {message}")


def load_inputs(data_dir: Path, n_pages: int) -> Inputs:
    from communique.ingest import decode_item
    from communique.settings import IngestSettings

    root = data_dir / AEB
    truth_path = root / "ground-truth.json"
    if not truth_path.is_file():
        _fail(f"no article-extraction benchmark under {data_dir} (ground-truth.json missing)")
    truth: dict[str, dict[str, Any]] = json.loads(truth_path.read_text(encoding="utf-8"))
    settings = IngestSettings()
    pages: list[tuple[str, str | None]] = []
    bodies: list[str] = []
    for key in sorted(truth)[:n_pages]:
        path = root / "html" / f"{key}.html.gz"
        try:
            decoded = decode_item(gzip.decompress(path.read_bytes()), settings, str(path))
        except (OSError, EOFError) as err:
            _fail(f"cannot read {path}: {err}")
        if isinstance(decoded, str):
            pages.append((decoded, truth[key].get("url")))
        bodies.append(str(truth[key].get("articleBody") or ""))
    items = sorted((data_dir / "diplomatic-dev" / "items").glob("*.json"))
    dev = [str(json.loads(p.read_text(encoding="utf-8"))["text"]) for p in items]
    example = [EXAMPLE.read_text(encoding="utf-8")] if EXAMPLE.is_file() else []
    bodies = [b for b in bodies if b.strip()]
    if not pages:
        _fail(f"no benchmark pages could be read under {root / 'html'}")
    sources = {"diplomatic_dev": len(dev), "example": len(example), "aeb_bodies": len(bodies)}
    return Inputs(tuple(pages), tuple(dev + example + bodies), sources)


def median_cpu(samples: Sequence[float]) -> float:
    return statistics.median(samples)


class StageClock:
    """CPU seconds spent in each stage's function while installed in ``communique.pipeline``."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {stage: 0.0 for stage in STAGES}
        self._saved: dict[str, Any] = {}

    def _timed(self, stage: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                self.seconds[stage] += time.process_time() - started

        return timed

    def _timed_iter(self, stage: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Iterator[Any]:
            results = iter(func(*args, **kwargs))
            while True:
                started = time.process_time()
                try:
                    item = next(results)
                except StopIteration:
                    return
                finally:
                    self.seconds[stage] += time.process_time() - started
                yield item

        return timed

    def __enter__(self) -> StageClock:
        from communique import pipeline

        for stage, names in STAGES.items():
            for name in names:
                func = getattr(pipeline, name)
                self._saved[name] = func
                wrap = self._timed_iter if stage == "annotate" else self._timed
                setattr(pipeline, name, wrap(stage, func))
        return self

    def __exit__(self, *exc: object) -> None:
        from communique import pipeline

        for name, func in self._saved.items():
            setattr(pipeline, name, func)


def measure(inputs: Inputs, repeat: int) -> dict[str, Any]:
    import spacy
    import trafilatura

    from communique.clean import clean_article
    from communique.model import CleanArticle, RawArticle, Skip
    from communique.nlp.annotate import _bounded
    from communique.pipeline import load_resources, run_many
    from communique.settings import Settings

    settings = Settings()
    resources = load_resources(settings)
    nlp = spacy.load(settings.nlp.model)
    batch = settings.nlp.batch_size

    html_raws = [
        RawArticle(content=page, kind="html", url=url, origin=f"page:{i}")
        for i, (page, url) in enumerate(inputs.pages)
    ]
    text_raws = [
        RawArticle(content=text, kind="text", origin=f"text:{i}")
        for i, text in enumerate(inputs.texts)
    ]

    def kept_bodies(raws: Sequence[RawArticle]) -> list[str]:
        cleaned = [clean_article(raw, settings.clean) for raw in raws]
        return [_bounded(c.text, resources.nlp) for c in cleaned if isinstance(c, CleanArticle)]

    html_bodies = kept_bodies(html_raws)
    kept_raws = [r for r in html_raws if isinstance(clean_article(r, settings.clean), CleanArticle)]
    kept_pages = [(r.content, r.url) for r in kept_raws]
    text_bodies = kept_bodies(text_raws)
    floor_texts: list[str] = []

    def communique(raws: Sequence[RawArticle]) -> Callable[[], object]:
        return lambda: list(run_many(raws, resources))

    def floor(pages: Sequence[tuple[str, str | None]], keep: list[str]) -> Callable[[], object]:
        def work() -> object:
            extracted = [trafilatura.extract(page, url=url) for page, url in pages]
            texts = [t for t in extracted if isinstance(t, str) and t.strip()]
            keep[:] = texts
            return list(nlp.pipe(texts, batch_size=batch))

        return work

    floor_kept_texts: list[str] = []

    def spacy_alone(texts: Sequence[str]) -> Callable[[], object]:
        return lambda: list(nlp.pipe(texts, batch_size=batch))

    sides: dict[str, Callable[[], object]] = {
        "communique_html": communique(html_raws),
        "trafilatura_spacy_html": floor(inputs.pages, floor_texts),
        "communique_html_kept": communique(kept_raws),
        "trafilatura_spacy_html_kept": floor(kept_pages, floor_kept_texts),
        "spacy_alone_html": spacy_alone(html_bodies),
        "communique_text": communique(text_raws),
        "spacy_alone_text": spacy_alone(text_bodies),
    }
    samples: dict[str, list[float]] = {name: [] for name in sides}
    for round_ in range(repeat + 1):  # round 0 warms every side up and is not counted
        for name, work in sides.items():
            started = time.process_time()
            work()
            spent = time.process_time() - started
            if round_:
                samples[name].append(spent)
    cpu = {name: median_cpu(values) for name, values in samples.items()}

    with StageClock() as clock:
        html_results = list(run_many(html_raws, resources))
    html_stages = dict(clock.seconds)
    with StageClock() as clock:
        text_results = list(run_many(text_raws, resources))
    text_stages = dict(clock.seconds)

    def skipped(results: Sequence[object]) -> dict[str, int]:
        counts: dict[str, int] = {}
        for item in results:
            if isinstance(item, Skip):
                counts[item.reason.value] = counts.get(item.reason.value, 0) + 1
        return counts

    def shares(seconds: dict[str, float], total: float) -> dict[str, float]:
        named = {stage: round(s / total, 3) for stage, s in seconds.items()}
        named["other"] = round(max(0.0, total - sum(seconds.values())) / total, 3)
        return named

    n_pages, n_texts = len(html_raws), len(text_raws)
    html_total = sum(html_stages.values())
    text_total = sum(text_stages.values())
    return {
        "model": settings.nlp.model,
        "batch_size": batch,
        "repeat": repeat,
        "html": {
            "pages": n_pages,
            "communique_annotated": len(html_bodies),
            "communique_skipped": skipped(html_results),
            "floor_annotated": len(floor_texts),
            "floor_no_text": n_pages - len(floor_texts),
            "characters_annotated": {
                "communique": sum(len(t) for t in html_bodies),
                "trafilatura_spacy": sum(len(t) for t in floor_texts),
            },
            "cpu_ms_per_page": {
                "communique": round(1000 * cpu["communique_html"] / n_pages, 1),
                "trafilatura_spacy": round(1000 * cpu["trafilatura_spacy_html"] / n_pages, 1),
                "spacy_alone_on_kept_bodies": round(1000 * cpu["spacy_alone_html"] / n_pages, 1),
            },
            "ratio_communique_over_trafilatura_spacy": round(
                cpu["communique_html"] / cpu["trafilatura_spacy_html"], 3
            ),
            "ratio_communique_over_spacy_alone": round(
                cpu["communique_html"] / cpu["spacy_alone_html"], 3
            ),
            "kept_pages": {
                "pages": len(kept_raws),
                "characters_annotated": {
                    "communique": sum(len(t) for t in html_bodies),
                    "trafilatura_spacy": sum(len(t) for t in floor_kept_texts),
                },
                "cpu_ms_per_page": {
                    "communique": round(1000 * cpu["communique_html_kept"] / len(kept_raws), 1),
                    "trafilatura_spacy": round(
                        1000 * cpu["trafilatura_spacy_html_kept"] / len(kept_raws), 1
                    ),
                },
                "ratio_communique_over_trafilatura_spacy": round(
                    cpu["communique_html_kept"] / cpu["trafilatura_spacy_html_kept"], 3
                ),
            },
            "stage_cpu_share": shares(html_stages, html_total),
            "stage_cpu_ms_per_page": {
                s: round(1000 * v / n_pages, 1) for s, v in html_stages.items()
            },
        },
        "text": {
            "texts": n_texts,
            "sources": inputs.text_sources,
            "communique_annotated": len(text_bodies),
            "communique_skipped": skipped(text_results),
            "characters": {
                "input": sum(len(t) for t in inputs.texts),
                "annotated": sum(len(t) for t in text_bodies),
            },
            "cpu_ms_per_text": {
                "communique": round(1000 * cpu["communique_text"] / n_texts, 1),
                "spacy_alone_on_kept_bodies": round(1000 * cpu["spacy_alone_text"] / n_texts, 1),
            },
            "ratio_communique_over_spacy_alone": round(
                cpu["communique_text"] / cpu["spacy_alone_text"], 3
            ),
            "stage_cpu_share": shares(text_stages, text_total),
        },
        "cpu_s_samples": {name: [round(v, 3) for v in values] for name, values in samples.items()},
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "date": time.strftime("%Y-%m-%d", time.gmtime()),
    }


def _print_text(report: dict[str, Any]) -> None:
    html, text = report["html"], report["text"]
    print(f"model {report['model']}, batch {report['batch_size']}, median of {report['repeat']}")
    print(
        f"HTML: {html['pages']} pages; communique annotated {html['communique_annotated']} "
        f"(skipped {html['communique_skipped'] or 'none'}), trafilatura+spaCy "
        f"{html['floor_annotated']} (no text on {html['floor_no_text']})"
    )
    chars = html["characters_annotated"]
    print(
        f"  characters annotated: communique {chars['communique']:,}, "
        f"trafilatura+spaCy {chars['trafilatura_spacy']:,}"
    )
    for side, ms in html["cpu_ms_per_page"].items():
        print(f"  {side:>28}: {ms:7.1f} CPU ms/page")
    print(
        f"  communique / (trafilatura+spaCy): {html['ratio_communique_over_trafilatura_spacy']:.3f}"
    )
    print(f"  communique / spaCy alone:         {html['ratio_communique_over_spacy_alone']:.3f}")
    kept = html["kept_pages"]
    chars = kept["characters_annotated"]
    print(
        f"  on the {kept['pages']} pages communique annotates: "
        f"{kept['cpu_ms_per_page']['communique']} vs {kept['cpu_ms_per_page']['trafilatura_spacy']}"
        f" CPU ms/page, ratio {kept['ratio_communique_over_trafilatura_spacy']:.3f} "
        f"(characters annotated {chars['communique']:,} vs {chars['trafilatura_spacy']:,})"
    )
    stages = html["stage_cpu_share"]
    print("  stage shares: " + ", ".join(f"{k} {v:.0%}" for k, v in stages.items()))
    print(
        f"text: {text['texts']} texts {text['sources']}; communique annotated "
        f"{text['communique_annotated']} (skipped {text['communique_skipped'] or 'none'})"
    )
    chars = text["characters"]
    print(f"  characters: input {chars['input']:,}, annotated {chars['annotated']:,}")
    for side, ms in text["cpu_ms_per_text"].items():
        print(f"  {side:>28}: {ms:7.1f} CPU ms/text")
    print(f"  communique / spaCy alone:         {text['ratio_communique_over_spacy_alone']:.3f}")
    stages = text["stage_cpu_share"]
    print("  stage shares: " + ", ".join(f"{k} {v:.0%}" for k, v in stages.items()))
    print(f"peak RSS {report['peak_rss_mib']} MiB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--pages", type=int, default=60, help="benchmark pages (default 60)")
    parser.add_argument("--repeat", type=int, default=5, help="timed rounds (median)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    if args.pages < 1 or args.repeat < 1:
        parser.error("--pages and --repeat must be at least 1")
    report = measure(load_inputs(args.data, args.pages), args.repeat)
    if args.format == "json":
        print(json.dumps(report))
    else:
        _print_text(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
