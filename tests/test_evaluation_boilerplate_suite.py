"""The boilerplate suite end to end on a tiny invented gold set (no shared data needed)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from communique.errors import EvaluationError
from communique.evaluation.boilerplate import run

BODY = [
    "Ministers from three coastal states signed an accord on shared fish stocks on Thursday, "
    "ending two years of negotiations that had stalled twice over quotas.",
    "The accord creates a joint scientific council that will advise on catch limits each year "
    "and sets out how the states will share the costs of patrol vessels.",
    "Fishing associations in all three states welcomed the signing but asked to be consulted "
    "before the first quotas are set next spring.",
]
PAGE = (
    "<html><head><title>Coastal states sign accord</title></head><body>"
    "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
    "<article><h1>Coastal states sign accord</h1>"
    + "".join(f"<p>{p}</p>" for p in BODY)
    + "</article><div class='related'><h3>Related Articles</h3><ul><li><a href='/a'>Talks "
    "stall on river treaty</a></li></ul></div><footer><p>Share this article</p>"
    "<p>&copy; 2022 Harbour Times. All rights reserved.</p></footer></body></html>"
)


def _write_gold(root: Path) -> None:
    aeb = root / "article-extraction-benchmark"
    (aeb / "html").mkdir(parents=True)
    truth = {"k1": {"articleBody": "\n\n".join(BODY), "url": "https://example.org/a"}}
    (aeb / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    (aeb / "html" / "k1.html.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))
    traf = root / "trafilatura-eval"
    (traf / "html").mkdir(parents=True)
    item = {"file": "page.html", "with": ["joint scientific council"], "without": ["Share this"]}
    (traf / "evaldata.json").write_text(json.dumps({"https://example.org/a": item}))
    (traf / "html" / "page.html.gz").write_bytes(gzip.compress(PAGE.encode("utf-8")))


def test_evaluation_boilerplate_suite_reports_every_metric(tmp_path: Path) -> None:
    _write_gold(tmp_path)
    result = run(tmp_path, limit=5)
    assert result.suite == "boilerplate" and result.items == 2
    for prefix in ("aeb", "trafilatura_eval", "flat_text"):
        for name in ("precision", "recall", "f1"):
            assert 0.0 <= result.metrics[f"{prefix}_{name}"] <= 1.0
    assert result.metrics["aeb_recall"] == pytest.approx(1.0)
    assert result.metrics["trafilatura_eval_f1"] == pytest.approx(1.0)
    assert result.metrics["flat_text_f1"] > result.baselines["keep every line"]["flat_text_f1"]
    assert "readability-lxml" in result.baselines


def test_evaluation_boilerplate_suite_fails_cleanly_without_data(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError):
        run(tmp_path, limit=1)
    with pytest.raises(EvaluationError):
        run(tmp_path, sets=("nonsense",))


def test_evaluation_boilerplate_subset_ids_follow_the_limit(tmp_path: Path) -> None:
    from communique.evaluation.boilerplate import subset_ids

    _write_gold(tmp_path)
    assert subset_ids(tmp_path, 1) == ["aeb:k1", "trafilatura-eval:https://example.org/a"]
