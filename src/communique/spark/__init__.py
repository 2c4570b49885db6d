"""Apache Spark: ``pipeline.run`` mapped over input files; no logic of its own."""

from .job import SparkResult, read_manifest, run_spark_job
from .query import load_parquet_store, query_parquet_events

__all__ = [
    "SparkResult",
    "load_parquet_store",
    "query_parquet_events",
    "read_manifest",
    "run_spark_job",
]
