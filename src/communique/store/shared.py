"""One DuckDB store file shared by one writer and any number of readers, in any processes.

DuckDB lets one process hold a database file for writing and then nobody else may open it,
not even to read. A ``SharedConnection`` therefore holds the file only while it is in use:

1. every use (``with shared.use() as con``) opens the file if it is closed;
2. the file is let go (a ``CHECKPOINT``, then closed) when it has not been used for ``idle``
   seconds, or as soon as it is not in use while another process waits for it;
3. a process that finds the file held waits with backoff, for at most ``wait`` seconds, and
   while it waits it writes its token to ``<store>.wait``: the holder sees the token, lets go
   between two uses, and gives the waiting process a moment to open the file first.

So readers (``events``, ``show``, ``export``, a notebook) open a store while an ingest writes to
it, waiting at most for the write in hand; the writer takes the file back when they are done.
Every release checkpoints, so the ``.duckdb`` file alone holds everything written before it.
``:memory:`` stores are never released (there is no file to share).
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
import uuid
import weakref
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb

from ..errors import StoreError

OnOpen = Callable[[duckdb.DuckDBPyConnection, bool], None]
OnRelease = Callable[[duckdb.DuckDBPyConnection], None]

POLL = 0.05  # seconds between two looks of the idle watcher
FRESH = 1.0  # a wait token older than this is stale (its process gave up or died)
YIELD_MAX = 5.0  # how long a holder that let go leaves the file to the waiting process


class SharedConnection:
    """A connection to a store file that is opened on use and let go when idle or wanted."""

    def __init__(
        self,
        path: str,
        *,
        read_only: bool,
        wait: float,
        idle: float,
        on_open: OnOpen | None = None,
        on_release: OnRelease | None = None,
    ) -> None:
        self.path = path
        self.read_only = read_only
        self.wait = wait
        self.idle = idle
        self._on_open = on_open
        self._on_release = on_release
        self._memory = path == ":memory:"
        self._marker = Path(path + ".wait") if not self._memory else None
        self._token = f"{os.getpid()}-{uuid.uuid4().hex}"
        self._lock = threading.RLock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._depth = 0
        self._opened_at = 0.0
        self._last_use = 0.0
        self._opens = 0
        self._closed = False
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None

    # --- use ---------------------------------------------------------------------------------

    @contextlib.contextmanager
    def use(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The open connection, held (not released) until the block ends. Re-entrant."""
        with self._lock:
            if self._closed:
                raise StoreError(f"{self.path}: the store is closed")
            if self._depth == 0 and self._con is not None and self._peer_waiting():
                self._release_locked()
                self._yield_to_peer()
            self._depth += 1
            try:
                con = self._con if self._con is not None else self._open_locked()
                yield con
            finally:
                self._depth -= 1
                self._last_use = time.monotonic()

    def connection(self) -> duckdb.DuckDBPyConnection:
        """The connection for a quick ad-hoc query (opened if needed). Prefer ``use``: a
        connection taken here may be let go once it has been idle for ``idle`` seconds."""
        with self.use() as con:
            return con

    @property
    def is_open(self) -> bool:
        return self._con is not None

    @property
    def opens(self) -> int:
        """How many times the file was opened (first open and re-opens)."""
        return self._opens

    def release(self) -> bool:
        """Let the file go now (checkpointed) unless it is in use; True when it was let go."""
        with self._lock:
            if self._depth or self._con is None:
                return False
            self._release_locked()
            return True

    def close(self) -> None:
        """Checkpoint and close for good."""
        self._stop.set()
        with self._lock:
            self._closed = True
            self._release_locked()

    # --- internals ---------------------------------------------------------------------------

    def _open_locked(self) -> duckdb.DuckDBPyConnection:
        deadline = time.monotonic() + self.wait
        delay = 0.02
        waited = False
        try:
            while True:
                try:
                    con = duckdb.connect(self.path, read_only=self.read_only)
                    break
                except duckdb.Error as err:
                    if not is_lock_conflict(err) or time.monotonic() >= deadline:
                        raise
                    waited = True
                    self._announce_waiting()
                    time.sleep(delay)
                    delay = min(delay * 1.5, 0.25)
        finally:
            if waited:
                self._withdraw_waiting()
        try:
            if self._on_open is not None:
                self._on_open(con, self._opens == 0)
        except BaseException:
            con.close()
            raise
        self._con = con
        self._opens += 1
        self._opened_at = self._last_use = time.monotonic()
        self._start_watcher()
        return con

    def _release_locked(self) -> None:
        con, self._con = self._con, None
        if con is None:
            return
        if self._on_release is not None:
            with contextlib.suppress(duckdb.Error):
                self._on_release(con)
        if not self.read_only:
            with contextlib.suppress(duckdb.Error):
                con.execute("CHECKPOINT")
        with contextlib.suppress(duckdb.Error):
            con.close()

    def _start_watcher(self) -> None:
        if self._memory or self._watcher is not None:
            return
        self._watcher = threading.Thread(
            target=_watch, args=(weakref.ref(self), self._stop), name="store-idle", daemon=True
        )
        self._watcher.start()

    def _idle_or_wanted(self) -> bool:
        """Called by the watcher: let the file go when idle or wanted (and not in use)."""
        if self._con is None:
            return False
        idle = time.monotonic() - self._last_use >= self.idle
        if not (idle or self._peer_waiting()):
            return False
        if not self._lock.acquire(blocking=False):
            return False
        try:
            if self._depth == 0 and self._con is not None:
                self._release_locked()
                return True
            return False
        finally:
            self._lock.release()

    def _peer_waiting(self) -> bool:
        """Another store (in this or another process) waits for the file."""
        if self._marker is None:
            return False
        try:
            stat = self._marker.stat()
            if time.time() - stat.st_mtime > FRESH:
                return False
            return self._marker.read_text(encoding="utf-8").strip() not in ("", self._token)
        except OSError:
            return False

    def _yield_to_peer(self) -> None:
        """Having let go for a waiting peer, leave it a moment to take the file."""
        deadline = time.monotonic() + YIELD_MAX
        while time.monotonic() < deadline and self._peer_waiting():
            time.sleep(0.02)

    def _announce_waiting(self) -> None:
        if self._marker is None:
            return
        with contextlib.suppress(OSError):
            self._marker.write_text(self._token, encoding="utf-8")

    def _withdraw_waiting(self) -> None:
        if self._marker is None:
            return
        with contextlib.suppress(OSError):
            if self._marker.read_text(encoding="utf-8").strip() == self._token:
                self._marker.unlink()


@contextlib.contextmanager
def announce_wait(path: str) -> Iterator[None]:
    """Say that this process waits for the store at ``path`` (the holder lets go for it), for a
    reader that opens the file by other means than ``SharedConnection`` (an ATTACH)."""
    marker = Path(path + ".wait")
    token = f"{os.getpid()}-{uuid.uuid4().hex}"
    with contextlib.suppress(OSError):
        marker.write_text(token, encoding="utf-8")
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            if marker.read_text(encoding="utf-8").strip() == token:
                marker.unlink()


def _watch(ref: weakref.ref[SharedConnection], stop: threading.Event) -> None:
    """The idle watcher: ends when its connection is closed or garbage-collected."""
    while not stop.wait(POLL):
        shared = ref()
        if shared is None:
            return
        shared._idle_or_wanted()
        del shared


def is_lock_conflict(err: BaseException) -> bool:
    """DuckDB's answer when another process (or, in this process, a connection opened in the
    other mode) holds the file."""
    text = str(err)
    return "Could not set lock" in text or "different configuration" in text


def first_line(err: BaseException) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
