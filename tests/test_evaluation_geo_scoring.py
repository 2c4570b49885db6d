"""Scoring of the geo suite on tiny hand-made cases, and its gold loaders on tiny files."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from communique.errors import EvaluationError
from communique.evaluation.geo import (
    GWN_FILE,
    GWN_GOLD_FILE,
    LGL_FILE,
    MAX_KM,
    TRNEWS_FILE,
    auc,
    load_gritta_xml,
    load_gwn,
    run,
    score,
)
from communique.place import haversine_km


def test_evaluation_geo_haversine_known_distances() -> None:
    assert haversine_km(0.0, 0.0, 0.0, 0.0) == 0.0
    # one degree of longitude on the equator: 2 * pi * 6371 / 360
    assert haversine_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.195, abs=0.01)
    # antipodes: half the circumference
    assert haversine_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(math.pi * 6371.0, rel=1e-9)
    # Paris -> London is about 344 km
    assert haversine_km(48.8534, 2.3488, 51.5085, -0.1257) == pytest.approx(344, abs=2)


def test_evaluation_geo_auc_bounds_and_shape() -> None:
    assert auc([0.0, 0.0, 0.0]) == 0.0
    assert auc([MAX_KM, MAX_KM]) == pytest.approx(1.0)
    # two errors: the trapezoid between ln(1)=0 and ln(1+e)/ln(MAX_KM)
    e = 100.0
    assert auc([e, 0.0]) == pytest.approx(math.log1p(e) / math.log(MAX_KM) / 2)
    assert auc([10.0]) == pytest.approx(math.log1p(10.0) / math.log(MAX_KM))
    assert auc([1.0, 10.0, 100.0]) < auc([10.0, 100.0, 1000.0])


def test_evaluation_geo_score_names_and_values() -> None:
    got = score([0.0, 100.0, 200.0, 5000.0], "lgl")
    assert set(got) == {"acc161_lgl", "mean_km_lgl", "median_km_lgl", "auc_lgl"}
    assert got["acc161_lgl"] == 0.5
    assert got["mean_km_lgl"] == pytest.approx(1325.0)
    assert got["median_km_lgl"] == pytest.approx(150.0)
    assert score([], "gwn") == {}


_LGL = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <text>Officials in Paris met. Later in Lyon too.</text>
    <toponyms>
      <toponym><start>13</start><end>18</end><phrase>Paris</phrase>
        <gaztag geonameid="2988507"><lat>48.85341</lat><lon>2.3488</lon></gaztag></toponym>
      <toponym><start>30</start><end>34</end><phrase>Lyon</phrase>
        <gaztag geonameid="2996944"><lat>45.74846</lat><lon>4.84671</lon></gaztag></toponym>
      <toponym><start>0</start><end>9</end><phrase>Officials</phrase></toponym>
    </toponyms>
  </article>
</articles>
"""


def test_evaluation_geo_loads_gritta_xml_and_realigns(tmp_path: Path) -> None:
    path = tmp_path / "lgl.xml"
    path.write_text(_LGL, encoding="utf-8")
    (doc,) = load_gritta_xml(path)
    assert len(doc.toponyms) == 2  # the span without coordinates is left out
    paris, lyon = doc.toponyms
    assert doc.text[paris.start : paris.end] == "Paris"
    assert doc.text[lyon.start : lyon.end] == "Lyon"  # its gold offset (30) was shifted


def test_evaluation_geo_loads_gwn(tmp_path: Path) -> None:
    xml = tmp_path / "GWN.xml"
    xml.write_text(
        "<articles><article file='0'><text>Rain in Cork today.</text></article></articles>",
        encoding="utf-8",
    )
    gold = tmp_path / "gwn_full.txt"
    gold.write_text("Cork,,Cork,,51.89797,,-8.47061,,8,,12||\n", encoding="utf-8")
    (doc,) = load_gwn(xml, gold)
    (cork,) = doc.toponyms
    assert (doc.text[cork.start : cork.end], cork.lat) == ("Cork", 51.89797)
    gold.write_text("", encoding="utf-8")
    with pytest.raises(EvaluationError):
        load_gwn(xml, gold)


def test_evaluation_geo_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="not found"):
        load_gritta_xml(tmp_path / "absent.xml")


def test_evaluation_geo_run_on_a_tiny_data_dir(tmp_path: Path) -> None:
    for name in (LGL_FILE, TRNEWS_FILE):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(_LGL, encoding="utf-8")
    (tmp_path / GWN_FILE).write_text(
        "<articles><article file='0'><text>Rain in Cork today.</text></article></articles>",
        encoding="utf-8",
    )
    (tmp_path / GWN_GOLD_FILE).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / GWN_GOLD_FILE).write_text(
        "Cork,,Cork,,51.89797,,-8.47061,,8,,12||\n", encoding="utf-8"
    )
    result = run(tmp_path)
    assert result.items == 5
    for corpus in ("lgl", "trnews", "gwn"):
        assert result.metrics[f"acc161_{corpus}"] == 1.0
        assert result.metrics[f"median_km_{corpus}"] < 30
    assert set(result.baselines["population-first gazetteer lookup"]) == set(result.metrics)
    assert result.published["Mordecai 3 (published)"]["acc161_lgl"] == 0.83
