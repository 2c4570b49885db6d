"""Fusion through the real pipeline: short reports of five meetings, written in different
outlet styles, must fuse into one event per meeting (B-cubed F1 over meeting reports)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from communique.fuse import bcubed
from communique.model import RawArticle, Record
from communique.store import open_store

pytestmark = pytest.mark.slow

# (gold event, published, text). The texts are written for this test.
REPORTS: list[tuple[str, str, str]] = [
    (
        "nrc",
        "2022-01-12",
        "BRUSSELS - NATO and Russia held talks at the alliance's headquarters in Brussels on "
        "Wednesday. The NATO-Russia Council meeting was chaired by NATO Secretary General Jens "
        "Stoltenberg. Russia's delegation was led by Deputy Foreign Minister Alexander Grushko.",
    ),
    (
        "nrc",
        "2022-01-13",
        "Jens Stoltenberg said on Wednesday, January 12, 2022, that allies and Russia had a "
        "serious exchange in Brussels. Russian Deputy Foreign Minister Alexander Grushko met NATO "
        "ambassadors for four hours at the NATO-Russia Council.",
    ),
    (
        "nrc",
        "2022-01-12",
        "Russian and NATO officials met in Brussels on January 12 for the first NATO-Russia "
        "Council session in more than two years. US Deputy Secretary of State Wendy Sherman "
        "attended the meeting with the other allies.",
    ),
    (
        "geneva-ss",
        "2022-01-10",
        "GENEVA - US Deputy Secretary of State Wendy Sherman met Russian Deputy Foreign Minister "
        "Sergei Ryabkov in Geneva on Monday for strategic stability talks. The meeting lasted "
        "nearly eight hours.",
    ),
    (
        "geneva-ss",
        "2022-01-11",
        "American and Russian diplomats held talks in Geneva on January 10, 2022. Wendy Sherman "
        "and Sergei Ryabkov discussed security guarantees demanded by Moscow.",
    ),
    (
        "geneva-ss",
        "2022-01-10",
        "Sergei Ryabkov told reporters after meeting Wendy Sherman in Geneva on Monday that "
        "Russia saw no reason to be optimistic.",
    ),
    (
        "blinken-lavrov",
        "2022-01-21",
        "US Secretary of State Antony Blinken met Russian Foreign Minister Sergei Lavrov in "
        "Geneva on Friday. The talks lasted about ninety minutes.",
    ),
    (
        "blinken-lavrov",
        "2022-01-22",
        "Antony Blinken and Sergei Lavrov held talks in Geneva on January 21, 2022, and agreed to "
        "keep talking about Ukraine.",
    ),
    (
        "blinken-lavrov",
        "2022-01-21",
        "GENEVA - Sergei Lavrov met Antony Blinken at a hotel in Geneva on Friday, January 21. "
        "Lavrov said the meeting was constructive.",
    ),
    (
        "putin-xi",
        "2022-02-04",
        "BEIJING - Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing "
        "on Friday before the opening of the Winter Olympics.",
    ),
    (
        "putin-xi",
        "2022-02-05",
        "Xi Jinping received Vladimir Putin in Beijing on February 4, 2022. The two presidents "
        "signed a joint statement on international relations.",
    ),
    (
        "putin-xi",
        "2022-02-04",
        "Vladimir Putin held talks with Xi Jinping in Beijing on Friday, February 4, and the two "
        "leaders praised their partnership.",
    ),
    (
        "biden-xi",
        "2022-11-14",
        "NUSA DUA, Indonesia - US President Joe Biden met Chinese President Xi Jinping in Bali on "
        "Monday on the eve of the G20 summit. The meeting lasted three hours.",
    ),
    (
        "biden-xi",
        "2022-11-15",
        "Joe Biden and Xi Jinping held their first in-person talks as presidents in Bali, "
        "Indonesia, on November 14, 2022.",
    ),
    (
        "biden-xi",
        "2022-11-14",
        "Xi Jinping met Joe Biden in Bali on Monday, November 14. Biden said the two leaders "
        "were candid with each other.",
    ),
]


def _records(resources: Any) -> list[tuple[str, Record]]:
    from communique.pipeline import run

    out = []
    for n, (gold, published, text) in enumerate(REPORTS):
        raw = RawArticle(
            text,
            "text",
            url=f"https://news.example/{n}",
            published=date.fromisoformat(published),
            origin=f"report-{n}",
        )
        result = run(raw, resources)
        assert isinstance(result, Record), f"report {n} was skipped: {result}"
        out.append((gold, result))
    return out


def test_fuse_pipeline_reports_of_one_meeting_become_one_event(resources: Any) -> None:
    records = _records(resources)
    predicted: dict[str, str] = {}
    gold: dict[str, str] = {}
    with open_store(":memory:") as store:
        for label, record in records:
            result = store.write_record(record)
            for event, fused in zip(record.events, result.fused, strict=True):
                if event.type == "CONSULT":
                    predicted[event.id] = fused
                    gold[event.id] = label
    score = bcubed(predicted, gold)
    assert score.items >= len(REPORTS)
    assert score.f1 >= 0.9, score
