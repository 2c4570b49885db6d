"""Fetching connects to the very address that was checked: a rebinding resolver reaches no
loopback server, every redirect hop is checked, the Host header and the TLS server name stay the
URL's; the address filter refuses NAT64, 6to4, IPv4-compatible/-mapped forms and cloud platform
addresses. A fake resolver and loopback servers only: no network."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpcore
import pytest

from communique.errors import FetchError
from communique.ingest.urls import Fetcher, FetchSettings, check_public

PUBLIC = "93.184.216.34"  # what the fake DNS answers for the "public" names
SETTINGS = FetchSettings(timeout=2.0, per_host_interval=0.0, retries=0)


class _Server(ThreadingHTTPServer):
    hits: int = 0
    peer_port: int = 0


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        self.server.hits += 1
        if self.path == "/to-internal":
            self._redirect(f"http://internal.example:{self.server.peer_port}/secret")
        elif self.path == "/to-loopback":
            self._redirect(f"http://127.0.0.1:{self.server.peer_port}/secret")
        elif self.path == "/robots.txt":
            self._send(404, b"none")
        else:
            name = self.server.server_address[1]
            self._send(200, f"<html><body>server {name} host {self.headers['Host']}".encode())

    def _redirect(self, where: str) -> None:
        self.send_response(302)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def _serving() -> Iterator[_Server]:
    server = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def servers() -> Iterator[tuple[_Server, _Server]]:
    """The "public" site (reached only through the fake network) and a secret loopback one."""
    with _serving() as public, _serving() as secret:
        public.peer_port = secret.server_address[1]
        yield public, secret


class _FakeNet(httpcore.SyncBackend):
    """Sockets to the fake public addresses go to loopback ports; any other address is
    connected as asked, and every request is recorded."""

    def __init__(self, routes: dict[str, int]) -> None:
        self.routes = routes
        self.asked: list[tuple[str, int]] = []

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        self.asked.append((host, port))
        if host in self.routes:
            host, port = "127.0.0.1", self.routes[host]
        return super().connect_tcp(host, port, timeout, local_address, socket_options)


class _Rebinding:
    """A DNS that answers a public address first and loopback afterwards."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, host: str, port: int) -> list[str]:
        self.calls += 1
        if host == "internal.example":
            return ["10.0.0.7"]
        return [PUBLIC] if self.calls == 1 or host != "rebind.example" else ["127.0.0.1"]


def test_ingest_fetch_pinning_rebinding_reaches_no_loopback_server(
    servers: tuple[_Server, _Server],
) -> None:
    public, secret = servers
    port = secret.server_address[1]  # the URL names the secret server's port
    dns, net = _Rebinding(), _FakeNet({PUBLIC: public.server_address[1]})
    secret.hits = 0
    with Fetcher(SETTINGS, resolve=dns, network=net) as fetcher:
        page = fetcher.fetch(f"http://rebind.example:{port}/page")
        with pytest.raises(FetchError, match=r"private_address: .* 127\.0\.0\.1"):
            fetcher.fetch(f"http://rebind.example:{port}/again")  # the second answer, checked
    assert f"server {public.server_address[1]}" in page.body.decode()
    assert f"host rebind.example:{port}" in page.body.decode()  # the Host header is the name
    assert dns.calls == 2  # once per fetch: robots.txt and the page used the pinned address
    assert secret.hits == 0 and {host for host, _ in net.asked} == {PUBLIC}


@pytest.mark.parametrize("path", ["/to-internal", "/to-loopback"])
def test_ingest_fetch_pinning_every_redirect_hop_is_checked(
    servers: tuple[_Server, _Server], path: str
) -> None:
    public, secret = servers
    net = _FakeNet({PUBLIC: public.server_address[1]})
    secret.hits = 0
    with (
        Fetcher(SETTINGS, resolve=_Rebinding(), network=net) as fetcher,
        pytest.raises(FetchError, match="private_address"),
    ):
        fetcher.fetch(f"http://news.example:{public.server_address[1]}{path}")
    assert secret.hits == 0 and {host for host, _ in net.asked} == {PUBLIC}


def test_ingest_fetch_pinning_tls_server_name_is_the_host_name() -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    hello: list[bytes] = []

    def accept_one() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.settimeout(2.0)
            hello.append(conn.recv(8192))

    thread = threading.Thread(target=accept_one, daemon=True)
    thread.start()
    net = _FakeNet({PUBLIC: listener.getsockname()[1]})
    settings = FetchSettings(timeout=2.0, per_host_interval=0.0, retries=0, respect_robots=False)
    with (
        Fetcher(settings, resolve=lambda h, p: [PUBLIC], network=net) as fetcher,
        pytest.raises(FetchError),  # no TLS server there: the handshake fails
    ):
        fetcher.fetch("https://secure.example:8443/page")
    thread.join(timeout=5)
    listener.close()
    assert net.asked == [(PUBLIC, 8443)]
    assert hello and b"secure.example" in hello[0]  # the ClientHello's server name


@pytest.mark.parametrize(
    ("address", "cause"),
    [
        ("64:ff9b::7f00:1", "private_address"),  # NAT64 of 127.0.0.1
        ("64:ff9b::a00:5", "private_address"),  # NAT64 of 10.0.0.5
        ("64:ff9b:1::a00:1", "private_address"),  # local-use NAT64
        ("2002:7f00:1::", "private_address"),  # 6to4 of 127.0.0.1
        ("2002:c0a8:101::1", "private_address"),  # 6to4 of 192.168.1.1
        ("::7f00:1", "private_address"),  # IPv4-compatible 127.0.0.1
        ("::ffff:10.1.2.3", "private_address"),  # IPv4-mapped
        ("0.0.0.0", "private_address"),
        ("::", "private_address"),
        ("100.64.0.1", "private_address"),  # shared address space
        ("169.254.169.254", "platform_address"),
        ("::ffff:169.254.169.254", "platform_address"),
        ("64:ff9b::a9fe:a9fe", "platform_address"),
        ("2002:a9fe:a9fe::", "platform_address"),
        ("fd00:ec2::254", "platform_address"),
        ("168.63.129.16", "platform_address"),
        ("64:ff9b::a83f:8110", "platform_address"),  # NAT64 of 168.63.129.16
        ("100.100.100.200", "platform_address"),
    ],
)
def test_ingest_fetch_pinning_address_forms_refused(address: str, cause: str) -> None:
    with pytest.raises(FetchError, match=f"^{cause}: host.example resolves to"):
        check_public("host.example", resolve=lambda h, p: [PUBLIC, address])


@pytest.mark.parametrize(
    "address", [PUBLIC, "2606:2800:220:1:248:1893:25c8:1946", "64:ff9b::5db8:d822"]
)
def test_ingest_fetch_pinning_public_addresses_pass(address: str) -> None:
    assert check_public("host.example", resolve=lambda h, p: [address]) == [address]


def test_ingest_fetch_pinning_platform_addresses_refused_even_when_private_allowed() -> None:
    assert check_public("intranet", resolve=lambda h, p: ["10.0.0.1"], allow_private=True)
    with pytest.raises(FetchError, match="platform_address"):
        check_public("meta", resolve=lambda h, p: ["169.254.169.254"], allow_private=True)
