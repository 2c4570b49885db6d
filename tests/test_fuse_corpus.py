"""Fusion on the invented multi-outlet corpus (tests/data/fusion_corpus.jsonl): 39 articles of
16 diplomatic events ingested through the real pipeline and store, scored with B-cubed over the
reports aligned with the gold groups (``communique.fuse.quality``), and per-group checks of the
fused participants, place and date. ``python benchmarks/fusion_quality.py`` prints the detail."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from communique.corpus import IngestOptions, ingest_sources
from communique.fuse.quality import FusionQuality, load_gold, score_corpus
from communique.model import RawArticle, Record, Skip
from communique.store import open_store

pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parent / "data"
F1_FLOOR = 0.95  # measured 0.980 on 2026-12-01 (docs/CORPUS.md), less a small margin


@pytest.fixture(scope="module")
def quality(resources: Any, tmp_path_factory: pytest.TempPathFactory) -> FusionQuality:
    from communique.pipeline import run

    def process(raw: RawArticle) -> Record | Skip:
        return run(raw, resources)

    corpus, groups = DATA / "fusion_corpus.jsonl", DATA / "fusion_corpus_groups.json"
    articles, gold = load_gold(corpus, groups)
    db = tmp_path_factory.mktemp("fusion") / "corpus.duckdb"
    with open_store(db) as store:
        summary = ingest_sources([str(corpus)], store, IngestOptions(), process)
        assert summary.read == len(articles)
        rows = store.con.execute("SELECT url, id, duplicate_of FROM articles").fetchall()
        ids = {url: (aid, dup) for url, aid, dup in rows if url}
        return score_corpus(store, articles, gold, ids)


def test_fuse_corpus_bcubed(quality: FusionQuality) -> None:
    assert quality.score.items >= 35, quality.missed
    assert quality.score.f1 >= F1_FLOOR, quality.score
    assert quality.score.precision >= 0.95, quality.score


def test_fuse_corpus_groups_have_their_participants_place_and_date(
    quality: FusionQuality,
) -> None:
    checks = {c.group: c for c in quality.checks}
    # Two meetings of the same pair four weeks apart, two rounds in the same city, and two
    # meetings of one country on the same day in different cities keep their own values.
    for group in ("g07", "g08", "g09", "g10", "g11", "g12", "g13", "g01"):
        assert checks[group].ok, checks[group]
    # A summit reported by articles naming only the organisation keeps its host.
    assert checks["g02"].ok, checks["g02"]
    assert sum(c.ok for c in quality.checks) >= 13
