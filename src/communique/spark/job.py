"""``communique spark``: the same ``pipeline.run`` mapped over a manifest on Apache Spark.

One task per input file. Each executor loads the pipeline resources once: its Python daemon
(``communique.spark.daemon``) loads them before it forks the Python workers, which share them
(without it, each Python worker loads them once, through the cached loader in
``communique.corpus.work``). Output: ``articles``, ``events`` and ``rejections`` Parquet
tables under ``--out``, partitioned by ingest batch (never by publication date), written with
dynamic partition overwrite: re-running a batch replaces that batch and touches no other.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from .rows import SCHEMAS, TABLES, Row, file_rows
from .stop import cancel_on_signal

_BATCH_NAME = re.compile(r"[A-Za-z0-9._-]{1,100}")


@dataclass(frozen=True, slots=True)
class SparkResult:
    batch: str
    files: int
    rows: dict[str, int]
    seconds: float
    startup_seconds: float  # starting the session, before any task ran

    def line(self) -> str:
        counts = ", ".join(f"{t} {n}" for t, n in self.rows.items())
        return (
            f"batch {self.batch}: {self.files} files -> {counts} in {self.seconds:.1f}s "
            f"(session start {self.startup_seconds:.1f}s)"
        )


def read_manifest(manifest: Path) -> list[str]:
    """The input paths of a manifest (one a line; relative paths are relative to it)."""
    try:
        lines = manifest.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise InputError(f"{manifest}: cannot read the manifest ({err.strerror})") from err
    paths = []
    for line in lines:
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        path = Path(entry) if Path(entry).is_absolute() else manifest.parent / entry
        if not path.is_file():
            raise InputError(f"{manifest}: listed file not found: {entry}")
        paths.append(str(path.resolve()))
    if not paths:
        raise InputError(f"{manifest}: the manifest lists no files")
    return paths


def run_spark_job(
    manifest: Path,
    out: Path,
    *,
    batch: str | None = None,
    master: str = "local[2]",
    spark: Any = None,
) -> SparkResult:
    """Run the pipeline over every file of the manifest and write the batch's partitions.
    A given ``spark`` session is used and left running; otherwise one is started and stopped."""
    paths = read_manifest(manifest)
    name = batch or manifest.stem
    if not _BATCH_NAME.fullmatch(name):
        raise InputError(f"batch name {name!r}: use letters, digits, '.', '_' or '-'")
    for table in TABLES:  # a batch is replaced whole, even tables it now leaves empty
        shutil.rmtree(out / table / f"batch={name}", ignore_errors=True)
    started = time.monotonic()
    with cancel_on_signal(name) as holder:  # SIGINT/SIGTERM: jobs cancelled, session stopped
        session = holder.session = spark if spark is not None else start_session(master)
        startup = time.monotonic() - started
        try:
            rows = _run(session, paths, name, out)
        finally:
            if spark is None:
                session.stop()
    return SparkResult(name, len(paths), rows, time.monotonic() - started, startup)


DAEMON_MODULE = "communique.spark.daemon"


def start_session(master: str, *, share_resources: bool = True) -> Any:
    """A session for the job. ``share_resources``: each executor's Python daemon loads the
    pipeline resources once and its workers share them (``communique.spark.daemon``)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as err:
        raise InputError("Spark is not installed: pip install 'communique[spark]'") from err
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = (
        SparkSession.builder.master(master)
        .appName("communique")
        .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
        .config("spark.python.worker.reuse", "true")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        # the JVM's work here is short (Parquet writes of Python rows): compiling it with the
        # optimising JIT cost more CPU than it saved (benchmarks/spark_fixed_cost.py)
        .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1")
    )
    if share_resources:
        builder = builder.config("spark.python.daemon.module", DAEMON_MODULE)
    return builder.getOrCreate()


def _run(spark: Any, paths: list[str], batch: str, out: Path) -> dict[str, int]:
    from pyspark import StorageLevel

    tasks = spark.sparkContext.parallelize(list(enumerate(paths)), numSlices=len(paths))
    rows = tasks.mapPartitions(lambda part: _partition_rows(part, batch))
    rows.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        for table in TABLES:
            fields = SCHEMAS[table]
            frame = spark.createDataFrame(
                rows.filter(lambda r, t=table: r[0] == t).map(lambda r: r[1]), _schema(fields)
            )
            frame.write.mode("overwrite").partitionBy("batch").parquet(str(out / table))
        found = rows.map(lambda r: r[0]).countByValue()
    finally:
        rows.unpersist()
    return {table: int(found.get(table, 0)) for table in TABLES}


def _partition_rows(part: Iterator[tuple[int, str]], batch: str) -> Iterator[Row]:
    for index, path in part:
        yield from file_rows(index, path, batch)


def _schema(fields: tuple[tuple[str, str], ...]) -> Any:
    """The Spark schema of a table from its (name, kind) fields (see ``spark.rows``)."""
    from pyspark.sql.types import (
        BooleanType,
        DoubleType,
        LongType,
        StringType,
        StructField,
        StructType,
    )

    kinds = {"str": StringType(), "int": LongType(), "float": DoubleType(), "bool": BooleanType()}
    return StructType([StructField(name, kinds[kind], True) for name, kind in fields])
