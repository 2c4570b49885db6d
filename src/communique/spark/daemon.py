"""The Python daemon of a Spark executor, with the pipeline resources loaded once.

PySpark starts one daemon per executor and forks every Python worker from it. Started through
``spark.python.daemon.module`` (see ``job.start_session``), this daemon first loads the
resources (the cached loader of ``communique.corpus.work``) and freezes its heap for the
garbage collector, then runs PySpark's own daemon loop: every worker starts with the resources
loaded and shares their memory copy-on-write, so an executor loads them once whatever its
number of cores. A load that fails here is left to the workers, which report it on each
article (a rejection row) instead of the executor failing to start.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import time

LOADED_BY: int | None = None  # the daemon that preloaded the resources (workers: their parent)


def preload() -> float:
    """Load the pipeline resources into this process; the seconds it took (-1: it failed)."""
    from ..corpus.work import pipeline_resources

    started = time.monotonic()
    try:
        # the daemon's standard output carries its port to the JVM: nothing else may go there
        with contextlib.redirect_stdout(sys.stderr):
            pipeline_resources()
    except Exception as err:  # the workers load (and fail) again, article by article
        print(f"communique: resources not preloaded ({err})", file=sys.stderr, flush=True)
        return -1.0
    gc.collect()
    gc.freeze()
    global LOADED_BY
    LOADED_BY = os.getpid()
    return time.monotonic() - started


def main() -> None:
    from pyspark.daemon import manager

    preload()
    manager()


if __name__ == "__main__":  # run as a module: its state lives in the imported module
    from communique.spark.daemon import main as run_daemon

    run_daemon()
