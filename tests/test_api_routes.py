"""The JSON API over a small synthetic store: filters return only what they name, paging is
stable, errors have one shape, hostile titles stay text, and the schema holds (schemathesis)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient

from communique.api.app import create_app
from communique.api.snapshot import Snapshot, load_snapshot
from communique.api.synthetic import write_synthetic_store


@pytest.fixture(scope="module")
def snap(tmp_path_factory: pytest.TempPathFactory) -> Snapshot:
    db = tmp_path_factory.mktemp("api") / "store.duckdb"
    write_synthetic_store(db, 800)
    return load_snapshot(db)


@pytest.fixture(scope="module")
def client(snap: Snapshot) -> Iterator[TestClient]:
    with TestClient(create_app(snap, allowed_hosts=["testserver"])) as c:
        yield c


def _all(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    offset: int | None = 0
    while offset is not None:
        body = client.get(path, params={**params, "limit": 500, "offset": offset}).json()
        items += body["items"]
        offset = body["next_offset"]
    return items


def test_api_events_filters_return_only_what_they_name(client: TestClient) -> None:
    hits = _all(client, "/api/events", actor="usa", type="CONSULT", country="CHE")
    assert hits
    for e in hits:
        assert "USA" in e["participants"] and e["type"] == "CONSULT"
        assert e["where"]["country"] == "CHE"
    dated = _all(client, "/api/events", since="2018-01-01", until="2018-06-30")
    assert dated
    assert all("2018-01-01" <= e["when"]["first_day"] <= "2018-06-30" for e in dated)


def test_api_events_search_reads_the_evidence(client: TestClient, snap: Snapshot) -> None:
    hits = _all(client, "/api/events", q="GENEVA")
    assert hits
    for e in hits[:20]:
        detail = client.get(f"/api/events/{e['id']}").json()
        assert any("geneva" in s["text"].lower() for s in detail["evidence"])


def test_api_events_paging_is_stable_and_complete(client: TestClient) -> None:
    total = client.get("/api/events").json()["total"]
    pages = [
        client.get("/api/events", params={"limit": 37, "offset": o, "sort": "-date"}).json()
        for o in range(0, total, 37)
    ]
    ids = [e["id"] for p in pages for e in p["items"]]
    assert len(ids) == len(set(ids)) == total
    again = client.get("/api/events", params={"limit": 37, "offset": 74, "sort": "-date"}).json()
    assert again == pages[2]


def test_api_event_detail_has_sources_evidence_and_links(client: TestClient) -> None:
    track = client.get("/api/tracks", params={"limit": 1}).json()["items"][0]
    detail = client.get(f"/api/events/{track['events'][0]}").json()
    assert detail["sources"] and detail["evidence"] and detail["links"]
    assert detail["track"] == track["id"]
    article = client.get(f"/api/articles/{detail['evidence'][0]['article']}").json()
    span = detail["evidence"][0]
    assert article["text"][span["start"] : span["end"]] == span["text"]
    assert any(s["event"] == detail["id"] for s in article["spans"])


def test_api_tracks_join_links_reported_by_different_articles(client: TestClient) -> None:
    tracks = _all(client, "/api/tracks")
    assert tracks
    crossing = []
    for t in tracks:
        full = client.get(f"/api/tracks/{t['id']}").json()
        days = [m["when"]["first_day"] for m in full["meetings"]]
        assert days == sorted(days)
        assert t["name"]
        if len({m["article"] for m in full["meetings"]}) > 1:
            crossing.append(t)
    assert crossing, "no track joins meetings from two articles"


def test_api_actor_has_meetings_positions_and_partners(client: TestClient) -> None:
    body = client.get("/api/actors/usa", params={"limit": 5}).json()
    assert body["actor"]["code"] == "USA"
    assert all(e["type"] == "CONSULT" for e in body["meetings"]["items"])
    assert all(e["type"] != "CONSULT" for e in body["positions"]["items"])
    assert body["meetings"]["total"] + body["positions"]["total"] == body["actor"]["events"]
    assert body["partners"] and all(p["code"] != "USA" for p in body["partners"])


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/events?limit=0", 422),
        ("/api/events?limit=501", 422),
        ("/api/events?offset=-1", 422),
        ("/api/events?since=2020-13-01", 422),
        ("/api/events?status=maybe", 422),
        ("/api/events?actor=%3Cscript%3E", 422),
        ("/api/events?since=2021-01-01&until=2020-01-01", 400),
        ("/api/events/fev_0000000000000000", 404),
        ("/api/events/not-an-id", 422),
        ("/api/actors/ZZZZ", 404),
        ("/api/articles/art_0000000000000000", 404),
        ("/api/nothing", 404),
    ],
)
def test_api_errors_have_one_shape(client: TestClient, path: str, status: int) -> None:
    r = client.get(path)
    assert r.status_code == status
    err = r.json()["error"]
    assert err["status"] == status and err["message"] and err["code"]
    assert "Traceback" not in r.text and "<script>" not in r.text


def test_api_is_read_only(client: TestClient) -> None:
    for method in ("post", "put", "delete", "patch"):
        r = client.request(method, "/api/events")
        assert r.status_code == 405
        assert r.json()["error"]["code"] == "method_not_allowed"


def test_api_pages_escape_hostile_titles(client: TestClient) -> None:
    e = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    assert "</script>" in e["title"]
    html = client.get(f"/events/{e['id']}").text
    assert "</script> talks" not in html
    assert html.count("</script>") == html.count("<script")
    assert "\\u003c/script\\u003e" in html
    page = client.get(f"/articles/{e['article']}").text
    assert "<title>Report" in page and "&lt;b&gt;" in page and "<b>" not in page


def test_api_pages_send_a_content_security_policy(client: TestClient) -> None:
    for path in ("/", "/map", "/network", "/events", "/actors", "/tracks", "/api/events"):
        r = client.get(path)
        assert r.status_code == 200, path
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1]
        assert r.headers["x-content-type-options"] == "nosniff"


def test_api_rejects_unknown_hosts(snap: Snapshot) -> None:
    with TestClient(create_app(snap), base_url="http://evil.example") as c:
        assert c.get("/api/events").status_code == 400
    with TestClient(create_app(snap), base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/events").status_code == 200


def test_api_openapi_and_docs_are_served(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/actors", "/api/actors/{code}"):
        assert path in schema["paths"]
    assert "/api/tracks" in schema["paths"] and "/api/articles/{article_id}" in schema["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/swagger-ui-bundle.js" in docs.text


def test_api_serve_cli_binds_loopback_by_default() -> None:
    from communique.cli import build_parser

    args = build_parser().parse_args(["serve", "--db", "x.duckdb"])
    assert (args.host, args.port) == ("127.0.0.1", 8000)


def test_api_snapshot_refuses_a_missing_store(tmp_path: Path) -> None:
    from communique.errors import StoreError

    with pytest.raises(StoreError):
        load_snapshot(tmp_path / "missing.duckdb")


def test_api_schema_property_run_finds_no_server_error(snap: Snapshot) -> None:
    """Generated requests for every operation of the OpenAPI schema: never a 5xx."""
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, given, settings
    from schemathesis.checks import not_a_server_error

    app = create_app(snap, allowed_hosts=["*"])
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures = []
    calls = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def run(case: Any) -> None:
            response = case.call()
            calls.append(case.path)
            if response.status_code >= 500:
                failures.append((case.path, case.query, response.status_code))
            case.validate_response(response, checks=[not_a_server_error])

        run()
    assert failures == []
    assert len(set(calls)) >= 10 and len(calls) > 100
