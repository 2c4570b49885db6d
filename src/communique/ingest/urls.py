"""Fetch web pages politely and safely into RawArticle records.

Every request: a timeout, a size cap (the body is streamed and dropped past the cap), a minimum
interval per host (raised to the site's robots.txt ``Crawl-delay``), robots.txt obeyed, retries
with exponential backoff on timeouts, connection errors, 429 and 5xx. Redirects are followed by
hand so each hop passes the same checks.

Each hop's host is resolved once; every address it has must pass ``addresses.address_problem``
(private, loopback, link-local, reserved and IPv6 forms of them are refused unless
``allow_private`` is set; cloud platform addresses always), and the connection then goes to the
first of those very addresses: the name is pinned, so a second DNS answer cannot send the request
elsewhere (DNS rebinding). The URL keeps its host name, so the Host header, the TLS server name
(SNI) and the certificate check are the name's. Proxy settings from the environment are not used
(a proxy would connect on its own). Failures are ``Skip(FETCH_FAILED)`` records whose detail
starts with a short cause ("timeout:", "http_404:", "too_large:", "private_address:",
"platform_address:", "robots:", ...).
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from ..errors import FetchError
from ..model import InputKind, RawArticle, Skip, SkipReason
from ..settings import IngestSettings
from .addresses import address_problem
from .files import decode_item, detect_kind, long_line_skip

USER_AGENT = "communique/0.1 (diplomatic news research; +https://pypi.org/project/communique/)"
_RETRY_STATUS = {429, 500, 502, 503, 504}

Resolver = Callable[[str, int], list[str]]  # (host, port) -> the host's addresses, in order


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses DNS (and the hosts file) give for ``host``, in the order given."""
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as err:
        raise FetchError(f"dns: cannot resolve {host}") from err
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


@dataclass(frozen=True, slots=True)
class FetchSettings:
    timeout: float = 10.0
    max_bytes: int = 5 * 1024 * 1024
    per_host_interval: float = 1.0  # seconds between two requests to one host
    retries: int = 2
    backoff: float = 0.5  # first retry waits this long, then twice as long, ...
    max_redirects: int = 5
    allow_private: bool = False
    respect_robots: bool = True
    user_agent: str = USER_AGENT


@dataclass(frozen=True, slots=True)
class Page:
    url: str
    body: bytes
    content_type: str


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def read_url_list(path: Path) -> list[str] | None:
    """The URLs of a file that lists one URL a line (blank and ``#`` lines ignored), else None."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    urls = [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    return urls if urls and all(is_url(u) for u in urls) else None


class _PinnedBackend(httpcore.NetworkBackend):
    """Connects each host name to the address checked for it, and to nothing else."""

    def __init__(self, pins: dict[str, str], inner: httpcore.NetworkBackend) -> None:
        self._pins, self._inner = pins, inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        address = self._pins.get(host.lower())
        if address is None:
            raise httpcore.ConnectError(f"{host}: no checked address to connect to")
        return self._inner.connect_tcp(address, port, timeout, local_address, socket_options)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("fetching never uses a unix socket")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def _pinned_transport(backend: httpcore.NetworkBackend) -> httpx.HTTPTransport:
    """httpx's transport with its connection pool on ``backend`` (environment proxies off)."""
    transport = httpx.HTTPTransport(trust_env=False)
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False),
        max_connections=20,
        keepalive_expiry=5.0,
        network_backend=backend,
    )
    return transport


class Fetcher:
    """A polite HTTP client for article pages. Use as a context manager, or call ``close``.

    ``resolve`` (host, port -> addresses) and ``network`` (an httpcore network backend) stand in
    for DNS and sockets in tests."""

    def __init__(
        self,
        settings: FetchSettings | None = None,
        sleep: Callable[[float], None] = time.sleep,
        *,
        resolve: Resolver = system_resolver,
        network: httpcore.NetworkBackend | None = None,
    ) -> None:
        self.settings = settings or FetchSettings()
        self._sleep = sleep
        self._resolve = resolve
        self._pins: dict[str, str] = {}  # host name -> the checked address it connects to
        backend = _PinnedBackend(self._pins, network or httpcore.SyncBackend())
        self._client = httpx.Client(
            timeout=self.settings.timeout,
            follow_redirects=False,
            headers={"User-Agent": self.settings.user_agent},
            transport=_pinned_transport(backend),
            trust_env=False,
        )
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch_article(
        self, url: str, ingest: IngestSettings, published: date | None = None
    ) -> RawArticle | Skip:
        """One page as a RawArticle, or a Skip saying why not."""
        try:
            page = self.fetch(url)
        except FetchError as err:
            return Skip(SkipReason.FETCH_FAILED, str(err), url)
        text = decode_item(page.body, ingest, url)
        if isinstance(text, Skip):
            return text
        kind: InputKind = "html" if detect_kind(text) == "html" else "text"
        overlong = long_line_skip(text, url) if kind == "text" else None
        if overlong is not None:
            return overlong
        return RawArticle(content=text, kind=kind, url=page.url, published=published, origin=url)

    def fetch(self, url: str) -> Page:
        """GET a URL under every rule above; raise ``FetchError("<cause>: ...")`` on failure."""
        current = url
        for _ in range(self.settings.max_redirects + 1):
            self._check_allowed(current)
            response = self._get_with_retries(current)
            if isinstance(response, str):
                current = urljoin(current, response)
                continue
            return response
        raise FetchError(f"redirects: more than {self.settings.max_redirects} redirects")

    # --- policy ----------------------------------------------------------------------------

    def _check_allowed(self, url: str) -> None:
        """Resolve the URL's host once, check every address, pin the first; then robots.txt."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"bad_url: not an http(s) URL: {url}")
        try:
            host = httpx.URL(url).raw_host.decode("ascii").lower()
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except (httpx.InvalidURL, ValueError, UnicodeError) as err:
            raise FetchError(f"bad_url: {err}") from err
        addresses = check_public(
            host, port, resolve=self._resolve, allow_private=self.settings.allow_private
        )
        self._pins[host] = addresses[0]
        if self.settings.respect_robots and not self._robots_allow(url):
            raise FetchError("robots: robots.txt disallows this URL")

    def _robots_allow(self, url: str) -> bool:
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        if site not in self._robots:
            self._robots[site] = self._load_robots(site)
        rules = self._robots[site]
        return rules is None or rules.can_fetch(self.settings.user_agent, url)

    def _load_robots(self, site: str) -> urllib.robotparser.RobotFileParser | None:
        try:
            page = self._get_with_retries(site + "/robots.txt", retries=0)
        except FetchError:
            return None  # no readable robots.txt: nothing is disallowed
        if isinstance(page, str):
            return None
        rules = urllib.robotparser.RobotFileParser()
        rules.parse(page.body.decode("utf-8", "replace").splitlines())
        return rules

    # --- transport -------------------------------------------------------------------------

    def _get_with_retries(self, url: str, retries: int | None = None) -> Page | str:
        """A page, or the Location of a redirect."""
        attempts = (self.settings.retries if retries is None else retries) + 1
        last = "fetch: no attempt made"
        for attempt in range(attempts):
            if attempt:
                self._sleep(self.settings.backoff * 2 ** (attempt - 1))
            self._wait_for_host(url)
            try:
                return self._get_once(url)
            except _Retryable as err:
                last = str(err)
        raise FetchError(last)

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        interval = self.settings.per_host_interval
        rules = self._robots.get(f"{urlsplit(url).scheme}://{host}")
        delay = rules.crawl_delay(self.settings.user_agent) if rules else None
        if delay:
            interval = max(interval, min(float(delay), 30.0))
        wait = self._last.get(host, -1e9) + interval - time.monotonic()
        if wait > 0:
            self._sleep(wait)
        self._last[host] = time.monotonic()

    def _get_once(self, url: str) -> Page | str:
        try:
            with self._client.stream("GET", url) as response:
                return self._read_response(url, response)
        except httpx.TimeoutException as err:
            raise _Retryable(f"timeout: no answer within {self.settings.timeout:g}s") from err
        except httpx.TransportError as err:
            raise _Retryable(f"connection: {type(err).__name__}") from err

    def _read_response(self, url: str, response: httpx.Response) -> Page | str:
        status = response.status_code
        if status in (301, 302, 303, 307, 308) and "location" in response.headers:
            return response.headers["location"]
        if status in _RETRY_STATUS:
            raise _Retryable(f"http_{status}: the server answered {status}")
        if status != 200:
            raise FetchError(f"http_{status}: the server answered {status}")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.settings.max_bytes:
            raise FetchError(f"too_large: {int(declared):,} bytes announced")
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > self.settings.max_bytes:
                raise FetchError(f"too_large: more than {self.settings.max_bytes:,} bytes")
        return Page(str(response.url), bytes(body), response.headers.get("content-type", ""))


class _Retryable(FetchError):
    """A failure worth another try (timeouts, connection errors, 429, 5xx)."""


def check_public(
    host: str,
    port: int = 80,
    *,
    resolve: Resolver = system_resolver,
    allow_private: bool = False,
) -> list[str]:
    """The host's addresses (an IP literal is its own), once each has passed the address policy;
    raise ``FetchError`` naming the first that does not."""
    literal = host.strip("[]")
    try:
        addresses = [str(ipaddress.ip_address(literal.split("%", 1)[0]))]
    except ValueError:
        addresses = resolve(host, port)
    if not addresses:
        raise FetchError(f"dns: no address for {host}")
    for address in addresses:
        problem = address_problem(address)
        if problem is None or (allow_private and problem[0] == "private_address"):
            continue
        cause, what = problem
        hint = " (use --allow-private to fetch it)" if cause == "private_address" else ""
        raise FetchError(f"{cause}: {host} resolves to {address}, {what}{hint}")
    return addresses


def iter_urls(
    urls: list[str], fetcher: Fetcher, ingest: IngestSettings
) -> Iterator[RawArticle | Skip]:
    for url in urls:
        yield fetcher.fetch_article(url, ingest)
