"""Golden cases of the clean stage: ``tests/golden/clean_<case>.txt|html`` against
``clean_<case>.expected.json`` (stable fields only). Regenerate on purpose with
``python tests/test_clean_golden.py --update``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from communique.clean import clean_article
from communique.model import CleanArticle, Field, RawArticle, Skip
from communique.settings import CleanSettings

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = sorted(
    p for p in GOLDEN.glob("clean_*") if p.suffix in (".txt", ".html") and ".expected" not in p.name
)


def _value(field: Field | None) -> list[str] | None:
    return None if field is None else [field.value, field.source]


def stable_fields(path: Path) -> dict[str, Any]:
    kind = "html" if path.suffix == ".html" else "text"
    result = clean_article(RawArticle(path.read_text(encoding="utf-8"), kind), CleanSettings())
    if isinstance(result, Skip):
        return {"skip": result.reason.value}
    assert isinstance(result, CleanArticle)
    return {
        "text": result.text.split("\n"),
        "title": _value(result.title),
        "section": _value(result.section),
        "byline": _value(result.byline),
        "site": _value(result.site),
        "published": result.published.isoformat() if result.published else None,
        "published_source": result.published_source,
        "language": result.language,
        "removed": list(result.removed),
        "headlines": [h.text for h in result.headlines],
    }


def _expected_path(case: Path) -> Path:
    return case.with_name(case.stem + ".expected.json")


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_clean_golden_case(case: Path) -> None:
    expected = json.loads(_expected_path(case).read_text(encoding="utf-8"))
    assert stable_fields(case) == expected


def test_clean_golden_cases_exist() -> None:
    assert len(CASES) >= 3
    assert all(_expected_path(case).exists() for case in CASES)


if __name__ == "__main__" and "--update" in sys.argv:
    for case in CASES:
        text = json.dumps(stable_fields(case), indent=2, ensure_ascii=False) + "\n"
        _expected_path(case).write_text(text, encoding="utf-8")
        print("wrote", _expected_path(case).name)
