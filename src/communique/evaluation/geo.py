"""The ``geo`` suite: toponym resolution (geocoding) on gold toponym spans.

Gold sets (read from ``<data>/geoparsing``, never copied), as in Gritta et al.'s pragmatic
guide to geoparsing evaluation, geocoding only: the gold spans are given, each is resolved in
its document's context (the document's other gold toponyms), and the distance to the gold
coordinates is scored.

* LGL (``Corpora/lgl.xml``, local US news) and TR-News (``Corpora/TR-News.xml``, global news):
  toponyms with GeoNames coordinates.
* GeoWebNews (``GWN.xml`` texts with ``Geocoding/gwn_full.txt``, the gold for resolution).

Metrics per corpus (``lgl``, ``trnews``, ``gwn``): ``acc161_*`` (share within 161 km),
``mean_km_*``, ``median_km_*`` and ``auc_*`` (area under the curve of sorted log errors,
normalised by log(20039 km), lower is better). A span left unresolved counts as 20039 km.
Baseline on the same spans: the most populous gazetteer entry with the name.
``limit`` keeps the first N documents of each corpus.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from lxml import etree

from ..errors import EvaluationError
from ..place import (
    Gazetteer,
    Place,
    build_context,
    geocode_span,
    haversine_km,
    load_gazetteer,
    resolve_by_population,
)
from ..place.resolve import PlaceContext
from .base import SuiteResult

GEO_DIR = Path("geoparsing")
LGL_FILE = GEO_DIR / "Corpora" / "lgl.xml"
TRNEWS_FILE = GEO_DIR / "Corpora" / "TR-News.xml"
GWN_FILE = GEO_DIR / "GWN.xml"
GWN_GOLD_FILE = GEO_DIR / "Geocoding" / "gwn_full.txt"

MAX_KM = 20039.0  # half the Earth's circumference: the worst possible error
ACC_KM = 161.0  # 100 miles

PUBLISHED = {
    "CLAVIN (published)": {"acc161_lgl": 0.65, "acc161_trnews": 0.81, "acc161_gwn": 0.83},
    "Mordecai 3 (published)": {"acc161_lgl": 0.83, "acc161_trnews": 0.87, "acc161_gwn": 0.94},
}
PUBLISHED_SOURCE = (
    "Halterman 2023, 'Mordecai 3: A Neural Geoparser and Event Geocoder', arXiv:2303.13675: "
    "accuracy within 161 km on LGL / TR-News / GeoWebNews."
)
BASELINE = "population-first gazetteer lookup"


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class GoldDoc:
    text: str
    toponyms: tuple[GoldToponym, ...]


Geocoder = Callable[[GoldDoc, GoldToponym, PlaceContext], Place | None]


def load_corpora(data_dir: Path, limit: int | None = None) -> dict[str, list[GoldDoc]]:
    """The three corpora, each cut to its first ``limit`` documents."""
    corpora = {
        "lgl": load_gritta_xml(data_dir / LGL_FILE),
        "trnews": load_gritta_xml(data_dir / TRNEWS_FILE),
        "gwn": load_gwn(data_dir / GWN_FILE, data_dir / GWN_GOLD_FILE),
    }
    return {name: docs[:limit] if limit else docs for name, docs in corpora.items()}


def subset_ids(data_dir: Path, limit: int | None = None) -> list[str]:
    """One id per scored gold toponym ("corpus:doc:start:end"), for the evaluation gate."""
    return [
        f"{name}:{n}:{top.start}:{top.end}"
        for name, docs in load_corpora(data_dir, limit).items()
        for n, doc in enumerate(docs)
        for top in doc.toponyms
    ]


def run(data_dir: Path, limit: int | None = None) -> SuiteResult:
    gazetteer = load_gazetteer()
    metrics: dict[str, float] = {}
    baseline: dict[str, float] = {}
    items = 0
    notes: list[str] = []
    for name, docs in load_corpora(data_dir, limit).items():
        ours = list(errors_km(docs, gazetteer, _ours(gazetteer)))
        base = list(errors_km(docs, gazetteer, _population_first(gazetteer)))
        metrics.update(score(ours, name))
        baseline.update(score(base, name))
        items += len(ours)
        notes.append(f"{name}: {len(docs)} documents, {len(ours)} gold toponyms with coordinates")
    notes.append(f"gazetteer: {len(gazetteer.index):,} names (GeoNames places >= 1000 people)")
    return SuiteResult(
        suite="geo",
        items=items,
        metrics=metrics,
        baselines={BASELINE: baseline},
        published=PUBLISHED,
        sources={name: PUBLISHED_SOURCE for name in PUBLISHED},
        notes=tuple(notes),
    )


def _ours(gazetteer: Gazetteer) -> Geocoder:
    def geocode(doc: GoldDoc, top: GoldToponym, context: PlaceContext) -> Place | None:
        return geocode_span(doc.text, top.start, top.end, gazetteer, context)

    return geocode


def _population_first(gazetteer: Gazetteer) -> Geocoder:
    def geocode(doc: GoldDoc, top: GoldToponym, context: PlaceContext) -> Place | None:
        return resolve_by_population(doc.text[top.start : top.end], gazetteer)

    return geocode


def errors_km(docs: Iterable[GoldDoc], gazetteer: Gazetteer, geocode: Geocoder) -> Iterator[float]:
    """The error in km of each gold toponym (MAX_KM when unresolved)."""
    for doc in docs:
        phrases = [doc.text[t.start : t.end] for t in doc.toponyms]
        demonyms = (gazetteer.demonym(p) for p in phrases)
        context = build_context(
            phrases, gazetteer, [d.country for d in demonyms if d and d.country]
        )
        for top in doc.toponyms:
            place = geocode(doc, top, context)
            if place is None:
                yield MAX_KM
            else:
                yield min(MAX_KM, haversine_km(place.lat, place.lon, top.lat, top.lon))


def score(errors: Sequence[float], corpus: str) -> dict[str, float]:
    """acc@161, mean and median error, AUC of the log error curve, for one corpus."""
    if not errors:
        return {}
    return {
        f"acc161_{corpus}": sum(e <= ACC_KM for e in errors) / len(errors),
        f"mean_km_{corpus}": statistics.fmean(errors),
        f"median_km_{corpus}": statistics.median(errors),
        f"auc_{corpus}": auc(errors),
    }


def auc(errors: Sequence[float]) -> float:
    """Area under the curve of sorted ln(1 + error km) / ln(MAX_KM), on a unit-width x axis
    (Gritta et al. 2018). 0 is perfect, 1 is every toponym on the far side of the Earth."""
    ys = sorted(min(1.0, math.log1p(e) / math.log(MAX_KM)) for e in errors)
    if len(ys) == 1:
        return ys[0]
    width = 1.0 / (len(ys) - 1)
    return sum((a + b) / 2 * width for a, b in pairwise(ys))


def _parse(path: Path) -> etree._ElementTree:
    if not path.is_file():
        raise EvaluationError(f"gold file not found: {path}")
    try:
        return etree.parse(str(path))
    except etree.XMLSyntaxError as err:
        raise EvaluationError(f"malformed gold file {path.name}: {err}") from err


def load_gritta_xml(path: Path) -> list[GoldDoc]:
    """LGL / TR-News: <article><text/><toponyms><toponym><start/><end/><gaztag><lat/><lon/>."""
    docs: list[GoldDoc] = []
    for article in _parse(path).getroot().iter("article"):
        text = article.findtext("text") or ""
        tops: list[GoldToponym] = []
        for top in article.iter("toponym"):
            lat, lon = top.findtext("gaztag/lat"), top.findtext("gaztag/lon")
            start, end = top.findtext("start"), top.findtext("end")
            if lat and lon and start and end:
                begin = _align(text, int(start), top.findtext("phrase") or "")
                stop = begin + (int(end) - int(start))
                tops.append(GoldToponym(begin, stop, float(lat), float(lon)))
        docs.append(GoldDoc(text, tuple(tops)))
    return docs


def _align(text: str, start: int, phrase: str) -> int:
    """The start of ``phrase`` nearest to the given offset (a few TR-News offsets are shifted)."""
    if not phrase or text.startswith(phrase, start):
        return start
    before = text.rfind(phrase, 0, start + len(phrase))
    after = text.find(phrase, start)
    found = [p for p in (before, after) if p >= 0]
    return min(found, key=lambda p: abs(p - start)) if found else start


def load_gwn(xml_path: Path, gold_path: Path) -> list[GoldDoc]:
    """GeoWebNews: texts from GWN.xml, resolution gold from gwn_full.txt (one line per article,
    records ``name,,surface,,lat,,lon,,start,,end`` joined by ``||``)."""
    texts = [a.findtext("text") or "" for a in _parse(xml_path).getroot().iter("article")]
    if not gold_path.is_file():
        raise EvaluationError(f"gold file not found: {gold_path}")
    lines = gold_path.read_text(encoding="utf-8").splitlines()
    if len(lines) != len(texts):
        raise EvaluationError(f"{gold_path.name} has {len(lines)} lines for {len(texts)} texts")
    docs: list[GoldDoc] = []
    for text, line in zip(texts, lines, strict=True):
        tops = [_gwn_record(rec) for rec in line.split("||") if rec.strip()]
        docs.append(GoldDoc(text, tuple(t for t in tops if t is not None)))
    return docs


def _gwn_record(record: str) -> GoldToponym | None:
    parts = record.split(",,")
    if len(parts) != 6:
        return None
    try:
        return GoldToponym(int(parts[4]), int(parts[5]), float(parts[2]), float(parts[3]))
    except ValueError:
        return None
