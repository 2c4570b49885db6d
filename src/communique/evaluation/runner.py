"""Run evaluation suites by name.

Each suite is a module of ``communique.evaluation`` with
``run(data_dir: Path, limit: int | None = None) -> SuiteResult``. Suites are imported lazily, so
one missing or broken suite never stops the others, and the spaCy model is loaded only by the
suites that need it.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ..errors import EvaluationError
from .base import SuiteResult

SuiteRunner = Callable[[Path, int | None], SuiteResult]

#: suite name -> module under ``communique.evaluation`` that implements it
SUITES: dict[str, str] = {
    "boilerplate": "boilerplate",
    "time": "time",
    "geo": "geo",
    "events": "events",
    "meetings": "meetings",
    "articles": "articles",
    "articles-test": "articles_test",
    "articles-fresh": "articles_fresh",
    "articles-fresh4": "articles_fresh4",
}

_DATA_RELATIVE = Path("..") / "shared" / "data"
_REPO_ROOT = Path(__file__).resolve().parents[3]


class SuiteUnavailableError(EvaluationError):
    """The suite's module is not part of this installation (yet)."""


#: suites left out of ``all``: a locked test part is scored on purpose, once, never by habit
LOCKED = frozenset({"articles-test", "articles-fresh", "articles-fresh4"})


def suite_names() -> tuple[str, ...]:
    return tuple(SUITES)


def routine_suite_names() -> tuple[str, ...]:
    """The suites ``communique eval all`` runs (every suite but the locked ones)."""
    return tuple(s for s in SUITES if s not in LOCKED)


def default_data_dir() -> Path:
    """``../shared/data`` beside the working directory, else beside the repository root."""
    for base in (Path.cwd(), _REPO_ROOT):
        candidate = (base / _DATA_RELATIVE).resolve()
        if candidate.is_dir():
            return candidate
    raise EvaluationError(
        f"no gold data: {_DATA_RELATIVE} not found beside the working directory or the "
        "repository; pass --data DIR"
    )


def resolve_data_dir(data_dir: Path | str | None) -> Path:
    """The gold data directory to use: the given one (which must exist) or the default."""
    if data_dir is None:
        return default_data_dir()
    path = Path(data_dir).expanduser()
    if not path.is_dir():
        raise EvaluationError(f"gold data directory not found: {path}")
    return path.resolve()


def load_suite(name: str) -> SuiteRunner:
    """The ``run`` function of the named suite."""
    module_name = SUITES.get(name)
    if module_name is None:
        known = ", ".join(SUITES)
        raise EvaluationError(f"unknown suite {name!r}; known suites: {known}")
    try:
        module = importlib.import_module(f"{__package__}.{module_name}")
    except ModuleNotFoundError as err:
        if err.name and err.name.startswith(f"{__package__}.{module_name}"):
            raise SuiteUnavailableError(f"suite {name!r} is not available yet") from err
        raise
    runner = getattr(module, "run", None)
    if not callable(runner):
        raise SuiteUnavailableError(f"suite {name!r} has no run() function")
    return runner  # type: ignore[no-any-return]


def run_suite(
    name: str, data_dir: Path | str | None = None, limit: int | None = None
) -> SuiteResult:
    """Run one suite (ours and its baselines on the same items) and time it."""
    if limit is not None and limit <= 0:
        raise EvaluationError("limit must be a positive number of items")
    runner = load_suite(name)
    root = resolve_data_dir(data_dir)
    started = time.perf_counter()
    result = runner(root, limit)
    if result.seconds:
        return result
    return replace(result, seconds=time.perf_counter() - started)


def run_suites(
    names: tuple[str, ...] | list[str],
    data_dir: Path | str | None = None,
    limit: int | None = None,
) -> list[SuiteResult]:
    """Run several suites in order; a suite that is not installed is left out."""
    results: list[SuiteResult] = []
    for name in names:
        try:
            results.append(run_suite(name, data_dir, limit))
        except SuiteUnavailableError:
            continue
    return results
