"""Evaluation against the public gold sets: one suite per concern, baselines in the same run.

    run_suite("events", data_dir, limit) -> SuiteResult

Suites: ``boilerplate``, ``time``, ``geo``, ``events``, ``meetings`` (see ``SUITES``).
"""

from __future__ import annotations

from .base import SuiteResult, prf
from .runner import (
    SUITES,
    SuiteUnavailableError,
    default_data_dir,
    load_suite,
    resolve_data_dir,
    run_suite,
    run_suites,
    suite_names,
)

__all__ = [
    "SUITES",
    "SuiteResult",
    "SuiteUnavailableError",
    "default_data_dir",
    "load_suite",
    "prf",
    "resolve_data_dir",
    "run_suite",
    "run_suites",
    "suite_names",
]
