"""Fetching URLs: pages, 404, 500, timeouts, oversized bodies, robots.txt and private addresses,
served by a loopback server this test starts."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from communique.corpus import IngestOptions, ingest_sources
from communique.errors import FetchError
from communique.ingest.urls import Fetcher, FetchSettings, check_public
from communique.store import open_store
from test_corpus_ingest import fake_process, story


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        path = self.path
        if path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif path.startswith("/article"):
            n = int(path.rsplit("/", 1)[-1])
            self._send(200, f"<html><body><p>{story(n)}</p></body></html>".encode(), "text/html")
        elif path == "/feed":
            host = self.headers["Host"]
            items = "".join(
                f"<item><title>n{n}</title><link>http://{host}/article/{n}</link>"
                "<description>teaser</description></item>"
                for n in (11, 12)
            )
            body = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'
            self._send(200, body.encode(), "application/rss+xml")
        elif path == "/missing":
            self._send(404, b"not here", "text/html")
        elif path == "/broken":
            self._send(500, b"oops", "text/html")
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200, b"<html>late</html>", "text/html")
        elif path == "/junk":
            self._send(200, b"x" * (10 * 1024 * 1024), "text/html")
        elif path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article/9")
            self.end_headers()
        else:
            self._send(200, b"<html>private</html>", "text/html")

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def _settings(**kw: object) -> FetchSettings:
    base = {
        "timeout": 0.5,
        "per_host_interval": 0.0,
        "retries": 1,
        "backoff": 0.01,
        "max_bytes": 1024 * 1024,
        "allow_private": True,
    }
    base.update(kw)
    return FetchSettings(**base)  # type: ignore[arg-type]


def test_ingest_urls_every_failure_recorded_and_batch_completes(
    server: str, tmp_path: Path
) -> None:
    urls = [
        f"{server}/article/1",
        f"{server}/missing",
        f"{server}/broken",
        f"{server}/slow",
        f"{server}/junk",
        f"{server}/private/page",
        f"{server}/moved",
        f"{server}/article/2",
    ]
    listing = tmp_path / "urls.txt"
    listing.write_text("\n".join(urls) + "\n", encoding="utf-8")
    options = IngestOptions(fetch=_settings())
    with open_store(tmp_path / "s.duckdb") as store:
        summary = ingest_sources([str(listing)], store, options, process=fake_process)
        again = ingest_sources([str(listing)], store, options, process=fake_process)
    assert summary.stored == 3
    assert summary.failed == {
        "http_404": 1,
        "http_500": 1,
        "timeout": 1,
        "too_large": 1,
        "robots": 1,
    }
    assert again.unchanged == 8 and again.stored == 0  # nothing fetched twice


def test_ingest_urls_private_address_refused_without_permission(
    server: str, tmp_path: Path
) -> None:
    options = IngestOptions(fetch=_settings(allow_private=False))
    with open_store(tmp_path / "s.duckdb") as store:
        summary = ingest_sources([f"{server}/article/3"], store, options, process=fake_process)
        rejections = store.rejections()
    assert summary.failed == {"private_address": 1}
    assert rejections[0][1:3] == ("fetch", "private_address")


@pytest.mark.parametrize("host", ["127.0.0.1", "10.1.2.3", "169.254.169.254", "::1", "localhost"])
def test_ingest_urls_non_public_hosts_are_refused(host: str) -> None:
    with pytest.raises(FetchError, match=r"private_address|platform_address"):
        check_public(host)


def test_ingest_urls_per_host_interval_is_kept(server: str) -> None:
    waits: list[float] = []
    with Fetcher(_settings(per_host_interval=5.0), sleep=waits.append) as fetcher:
        fetcher.fetch(f"{server}/article/4")
        fetcher.fetch(f"{server}/article/5")
    assert waits and max(waits) > 4.0


def test_ingest_urls_feed_at_a_url_is_expanded(server: str, tmp_path: Path) -> None:
    options = IngestOptions(fetch=_settings())
    with open_store(tmp_path / "s.duckdb") as store:
        summary = ingest_sources([f"{server}/feed"], store, options, process=fake_process)
        urls = sorted(a.url or "" for a in store.articles())
    assert summary.stored == 2
    assert urls == [f"{server}/article/11", f"{server}/article/12"]
