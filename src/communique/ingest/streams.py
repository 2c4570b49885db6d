"""Bounded reading of byte streams: gzip data inflated under a ratio cap, lines under a length
cap. Nothing here holds more than one line (or one capped item) in memory."""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Callable, Iterator
from typing import BinaryIO

from .limits import INFLATE_RATIO_AFTER, MAX_INFLATE_RATIO

GZIP_MAGIC = b"\x1f\x8b"
# What a broken or cut gzip stream raises while it is read.
GZIP_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile)


class InflateBombError(Exception):
    """gzip data that inflates far beyond any text: ``out`` bytes from ``consumed``."""

    def __init__(self, out: int, consumed: int) -> None:
        super().__init__(
            f"the gzip data inflates more than {out // max(consumed, 1):,} times its size "
            f"({out:,} bytes from {consumed:,}); refused as a decompression bomb"
        )


class _Counting(io.RawIOBase):
    """Counts the bytes read from an underlying binary stream (and reports them, if asked)."""

    def __init__(self, raw: BinaryIO, report: Callable[[int], None] | None = None) -> None:
        self._raw = raw
        self._report = report
        self.count = 0

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.count

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._raw.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.count += n
        if self._report is not None and n:
            self._report(n)
        return n


class _Inflated(io.RawIOBase):
    """The inflated bytes of a gzip stream, refused once they outgrow ``ratio`` times the input."""

    def __init__(self, raw: BinaryIO, ratio: int, after: int) -> None:
        self._source = _Counting(raw)
        self._gzip = gzip.GzipFile(fileobj=self._source, mode="rb")
        self._ratio, self._after = ratio, after
        self.out = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._gzip.read1(len(buffer))  # one read: data before a cut is never lost
        n = len(data)
        buffer[:n] = data
        self.out += n
        if self.out > self._after and self.out > self._source.count * self._ratio:
            raise InflateBombError(self.out, self._source.count)
        return n


def buffered(stream: BinaryIO, report: Callable[[int], None] | None = None) -> io.BufferedReader:
    """``stream`` as a reader that can ``peek`` (files opened "rb" and stdin already can);
    ``report`` is told the number of bytes of each read from ``stream``."""
    if isinstance(stream, io.BufferedReader) and report is None:
        return stream
    return io.BufferedReader(_Counting(stream, report), buffer_size=1 << 16)


def is_gzip(reader: io.BufferedReader) -> bool:
    return reader.peek(2)[:2] == GZIP_MAGIC


def inflated(
    reader: io.BufferedReader,
    ratio: int = MAX_INFLATE_RATIO,
    after: int = INFLATE_RATIO_AFTER,
) -> io.BufferedReader:
    """The inflated content of a gzip stream, read through the bomb check."""
    return io.BufferedReader(_Inflated(reader, ratio, after), buffer_size=1 << 16)


def read_capped(reader: BinaryIO, limit: int) -> bytes:
    """At most ``limit + 1`` bytes: one more than the limit says the input is too large."""
    return reader.read(limit + 1)


def iter_lines(reader: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) for each line; a line longer than ``limit`` bytes comes as None and
    is read past in pieces, never held whole."""
    n = 0
    while True:
        line = reader.readline(limit + 1)
        if not line:
            return
        n += 1
        if len(line) <= limit or line.endswith(b"\n"):
            yield n, line
            continue
        while line and not line.endswith(b"\n"):  # the rest of the over-long line
            line = reader.readline(1 << 20)
        yield n, None
