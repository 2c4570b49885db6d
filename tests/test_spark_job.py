"""The Spark job on local[2]: same event ids as the single-machine path, batch partitions
replaced without touching other batches, DuckDB queries over the output."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from communique.model import RawArticle, Record
from communique.spark import query_parquet_events, run_spark_job

pytestmark = [pytest.mark.spark, pytest.mark.slow]

TEXTS = {
    "a": [
        "Foreign Minister Sergey Lavrov of Russia met Chinese Foreign Minister Wang Yi in "
        "Beijing on Tuesday, March 5, 2024, to discuss trade and security.",
        "German Chancellor Olaf Scholz received French President Emmanuel Macron in Berlin on "
        "Monday, June 3, 2024. The two leaders discussed defence spending.",
    ],
    "b": [
        "The Japanese prime minister met the President of South Korea in Seoul on Friday, "
        "May 10, 2024, for talks on North Korea.",
    ],
    "c": [
        "India's external affairs minister held talks with his Brazilian counterpart in New "
        "Delhi on Thursday, April 4, 2024.",
    ],
}


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    pytest.importorskip("pyspark")
    from communique.spark.job import start_session

    session = start_session("local[2]")
    yield session
    session.stop()


def _manifest(tmp: Path, name: str, parts: list[str]) -> Path:
    for part in parts:
        lines = [json.dumps({"text": t, "published": "2024-06-05"}) for t in TEXTS[part]]
        (tmp / f"{part}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    manifest = tmp / f"{name}.txt"
    manifest.write_text("\n".join(f"{p}.jsonl" for p in parts) + "\n", encoding="utf-8")
    return manifest


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*.parquet")}


def test_spark_job_matches_single_machine_and_replaces_batches(
    spark: Any, resources: Any, tmp_path: Path
) -> None:
    import duckdb

    from communique.pipeline import run

    out = tmp_path / "out"
    first = run_spark_job(_manifest(tmp_path, "one", ["a"]), out, spark=spark)
    run_spark_job(_manifest(tmp_path, "two", ["b"]), out, spark=spark)
    two_files = _files(out / "articles" / "batch=two")
    assert first.rows["articles"] == 2

    events = str(out / "events" / "**" / "*.parquet")
    spark_ids = {
        r[0]
        for r in duckdb.sql(
            f"SELECT id FROM read_parquet('{events}', hive_partitioning=true) WHERE batch='one'"
        ).fetchall()
    }
    local_ids = set()
    for text in TEXTS["a"]:
        result = run(RawArticle(text, "text", published=date(2024, 6, 5), origin="x"), resources)
        assert isinstance(result, Record)
        local_ids |= {e.id for e in result.events}
    assert spark_ids == local_ids and spark_ids

    run_spark_job(_manifest(tmp_path, "again", ["c"]), out, batch="one", spark=spark)
    articles = str(out / "articles" / "**" / "*.parquet")
    by_batch = dict(
        duckdb.sql(
            f"SELECT batch, count(*) FROM read_parquet('{articles}', hive_partitioning=true)"
            " GROUP BY batch"
        ).fetchall()
    )
    assert by_batch == {"one": 1, "two": 1}
    assert _files(out / "articles" / "batch=two") == two_files
    assert query_parquet_events(out)


def test_spark_job_workers_share_the_resources_their_daemon_loaded(spark: Any) -> None:
    def held(part: Iterator[int]) -> Iterator[tuple[int, int | None, int]]:
        from communique.corpus import work
        from communique.spark import daemon

        yield os.getppid(), daemon.LOADED_BY, work.pipeline_resources.cache_info().currsize

    found = spark.sparkContext.parallelize(range(4), 4).mapPartitions(held).collect()
    assert len(found) == 4
    for parent, loaded_by, cached in found:
        assert loaded_by == parent and cached == 1  # loaded by the daemon that forked it
