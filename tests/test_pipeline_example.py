"""The canonical example article end to end (read from the shared folder, never committed)."""

from __future__ import annotations

from typing import Any

import pytest

from communique import extract_article, record_to_dict


@pytest.fixture(scope="module")
def record(example_text: str, resources: Any) -> dict[str, Any]:
    return record_to_dict(extract_article(example_text, resources=resources))


def _codes(rec: dict[str, Any], ids: list[str]) -> set[str]:
    ents = {e["id"]: e for e in rec["entities"]}
    return {
        ents[i]["code"] or ents[i]["country"] for i in ids if ents[i]["code"] or ents[i]["country"]
    }


def _names(rec: dict[str, Any], ids: list[str]) -> set[str]:
    ents = {e["id"]: e for e in rec["entities"]}
    return {ents[i]["name"] for i in ids}


def _meetings(rec: dict[str, Any]) -> list[dict[str, Any]]:
    return [e for e in rec["events"] if e["type"] == "CONSULT"]


def test_pipeline_example_metadata_and_chrome(record: dict[str, Any]) -> None:
    art = record["article"]
    assert art["section"] == "Bilateral Relations"
    assert art["title"] == "Russia-NATO meeting to start in Brussels"
    assert art["byline"] == "Sputnik News"
    assert art["published"] is None and art["published_source"] == "none"
    assert len(art["removed"]) == 5 and "Back to top button" in art["removed"]
    assert "Show More" not in art["text"] and "Leave a Reply" not in art["text"]


def test_pipeline_example_council_meeting(record: dict[str, Any]) -> None:
    council = next(
        m for m in _meetings(record) if (m["meeting"] or {}).get("forum") == "NATO-Russia Council"
    )
    assert council["status"] == "planned"
    assert {"NATO", "RUS"} <= _codes(record, council["actors"])
    assert council["when"]["start"] == "2022-01-12T09:00:00Z" and council["when"]["year_inferred"]
    assert council["where"]["venue"] == "NATO headquarters" and council["where"]["country"] == "BEL"
    assert _names(record, council["meeting"]["chair"]) == {"Jens Stoltenberg"}
    heads = {
        next(e["code"] for e in record["entities"] if e["id"] == d["party"]): d["head"]
        for d in council["meeting"]["delegations"]
    }
    assert _names(record, [heads["USA"]]) == {"Wendy Sherman"}
    assert _names(record, [heads["RUS"]]) == {"Sergey Ryabkov"}
    assert set(council["meeting"]["agenda"]) == {
        "arms control",
        "European security",
        "military transparency",
    }


def test_pipeline_example_related_meetings_and_links(record: dict[str, Any]) -> None:
    by_date = {m["when"]["start"][:10]: m for m in _meetings(record) if m["when"]}
    geneva, vienna = by_date["2022-01-10"], by_date["2022-01-13"]
    council = by_date["2022-01-12"]
    assert geneva["status"] == "occurred" and geneva["where"]["country"] == "CHE"
    assert vienna["status"] == "planned" and vienna["where"]["country"] == "AUT"
    links = {(k["from"], k["to"], k["relation"]) for k in record["links"]}
    assert (geneva["id"], council["id"], "precedes") in links
    assert (vienna["id"], council["id"], "follows") in links
    press = next(e for e in record["events"] if e["mode"] == "press_conference")
    assert press["when"]["start"] == "2022-01-12T13:30:00Z"
    assert (press["id"], council["id"], "part_of") in links


def test_pipeline_example_proposal_and_rejections(record: dict[str, Any]) -> None:
    request = next(e for e in record["events"] if e["type"] == "REQUEST")
    assert _codes(record, request["actors"]) == {"RUS"}
    assert _codes(record, request["recipients"]) == {"USA", "NATO"}
    assert request["when"]["start"] == "2021-12" and len(request["items"]) >= 2
    rejects = [e for e in record["events"] if e["type"] == "REJECT"]
    assert {c for e in rejects for c in _codes(record, e["actors"])} == {"NATO", "USA"}
    links = {(k["from"], k["to"], k["relation"]) for k in record["links"]}
    assert all((e["id"], request["id"], "responds_to") in links for e in rejects)
    assert all(_codes(record, e["recipients"]) == {"RUS"} for e in rejects)


def test_pipeline_example_reports_no_other_meetings(record: dict[str, Any]) -> None:
    """The council, the Geneva talks and the OSCE consultations: nothing else is a meeting (the
    'consultations' whose worth the council 'will show whether' are no meeting of their own)."""
    starts = sorted(m["when"]["start"][:10] for m in _meetings(record) if m["when"])
    assert starts == ["2022-01-10", "2022-01-12", "2022-01-13"]
    assert len(_meetings(record)) == 3


def test_pipeline_example_evidence_slices_text(record: dict[str, Any]) -> None:
    text = record["article"]["text"]
    spans = [s for e in record["events"] for s in e["evidence"]]
    spans += [m for e in record["entities"] for m in e["mentions"]]
    assert spans
    for s in spans:
        assert text[s["start"] : s["end"]] == s["text"]
