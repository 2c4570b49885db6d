"""Browser tests: a store built from the built-in examples (plus an article with hostile markup)
served by `communique serve`, opened in headless Chromium (Debian's package, driven by
Playwright; never a downloaded browser). Screenshots are kept under tests/artefacts/web/."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import httpx
import pytest

CHROMIUM = os.environ.get("COMMUNIQUE_CHROMIUM", "/usr/bin/chromium")
ARTEFACTS = Path(__file__).resolve().parent / "artefacts" / "web"
BIN = Path(sys.executable).parent / "communique"

HOSTILE = """Envoys meet in Paris </script><script>window.__pwned = 1</script> amid <b>tension</b>

PARIS, 3 May 2023 - The foreign ministers of France and Germany met in Paris on Tuesday to \
discuss energy security and the <script>window.__pwned = 2</script> pipeline dispute.
Germany proposed a joint gas reserve, and France rejected the proposal, officials said. A banner \
outside read "</script><img src=x onerror=window.__pwned=3>".
"""

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    ),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    pytest.importorskip("fastapi")
    pytest.importorskip("playwright")
    work = tmp_path_factory.mktemp("web")
    names = subprocess.run(
        [str(BIN), "examples"], check=True, capture_output=True, text=True
    ).stdout.split()
    folder = resources.files("communique.examples")
    paths = [str(folder / f"{name}.txt") for name in names]
    hostile = work / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    db = work / "store.duckdb"
    subprocess.run(
        [str(BIN), "extract", *paths, str(hostile), "--db", str(db), "--format", "jsonl"],
        check=True,
        capture_output=True,
    )
    port = _free_port()
    proc = subprocess.Popen(
        [str(BIN), "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/api/status", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            pytest.fail("the server did not start")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    shutil.rmtree(ARTEFACTS, ignore_errors=True)
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1366, "height": 800})
    pg = context.new_page()
    pg.problems = []
    pg.on("pageerror", lambda err: pg.problems.append(f"error: {err}"))
    pg.on(
        "console",
        lambda msg: pg.problems.append(f"console: {msg.text}") if msg.type == "error" else None,
    )
    yield pg
    context.close()


def _shot(pg: Any, name: str) -> None:
    pg.screenshot(path=str(ARTEFACTS / f"{name}.png"), full_page=True)


def _no_problems(pg: Any) -> None:
    assert pg.problems == []
    assert pg.evaluate("window.__pwned") is None


def test_web_browser_every_page_draws_its_data(server: str, page: Any) -> None:
    events = httpx.get(f"{server}/api/events", params={"limit": 500}).json()["items"]
    actor = httpx.get(f"{server}/api/actors").json()["items"][0]["code"]
    first = events[0]
    pages = {
        "timeline": "/",
        "map": "/map",
        "network": "/network",
        "events": "/events",
        "actors": "/actors",
        "actor": f"/actors/{actor}",
        "tracks": "/tracks",
        "event": f"/events/{first['id']}",
        "article": f"/articles/{first['article']}",
    }
    for name, path in pages.items():
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        assert page.locator("#view").inner_text().strip(), name
        _shot(page, name)
        _no_problems(page)
    page.goto(server + "/events")
    assert page.locator("a.event-link").count() == len(events)


def test_web_browser_timeline_event_evidence(server: str, page: Any) -> None:
    page.goto(server + "/")
    marks = page.locator("a.tl-event")
    assert marks.count() >= 5
    marks.first.click()
    page.wait_for_url("**/events/fev_*")
    _shot(page, "timeline-click-event")
    link = page.locator("a.evidence-link").first
    quoted = link.inner_text()
    link.click()
    active = page.locator("mark.evidence.active")
    assert active.count() == 1
    assert active.inner_text() == quoted
    assert active.is_visible()
    _shot(page, "event-evidence-highlighted")
    _no_problems(page)


def test_web_browser_map_draws_country_outlines_offline(server: str, page: Any) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(server + "/map")
    page.wait_for_selector("svg#map[data-ready]")
    assert page.locator("path.country").count() > 150
    assert page.locator("circle.place").count() >= 3
    assert all(u.startswith(server) for u in requested)
    _shot(page, "map-outlines")


def test_web_browser_hostile_text_never_runs(server: str, page: Any) -> None:
    hits = httpx.get(f"{server}/api/events", params={"q": "gas reserve"}).json()["items"]
    assert hits
    page.goto(server + f"/events/{hits[0]['id']}")
    page.wait_for_load_state("networkidle")
    body = page.locator("main").inner_text()
    assert "<script>window.__pwned = 2</script>" in body
    assert page.locator("main script, main img, main b").count() == 0
    _shot(page, "hostile-event")
    _no_problems(page)
    page.goto(server + f"/articles/{hits[0]['article']}")
    assert "</script><script>" in page.title()
    _no_problems(page)


def test_web_browser_search_box_finds_evidence(server: str, page: Any) -> None:
    page.goto(server + "/network")
    page.fill("form.search input[name=q]", "Jeddah")
    page.click("form.search button")
    page.wait_for_url("**/events?q=Jeddah")
    assert page.locator("a.event-link").count() >= 1
    _shot(page, "search")
    _no_problems(page)
