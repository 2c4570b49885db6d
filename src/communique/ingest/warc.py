"""Read WARC / WARC.gz files into RawArticle records.

Only HTTP ``response`` records with status 200 and an HTML content type become articles. Each
record's payload digest is checked when the file carries one; a record that fails the check, is
larger than the size limit, or cannot be decoded becomes a ``Skip``. A truncated or corrupt file
yields the records read so far and then one ``Skip`` saying where reading stopped. A header line
longer than ``WARC_LINE_BYTES`` or gzip members that inflate like a decompression bomb (see
``limits``) stop the file the same way, before they fill the memory.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import DecompressingBufferedReader
from warcio.exceptions import ArchiveLoadFailed

from ..errors import InputError
from ..model import InputKind, RawArticle, Skip, SkipReason
from ..settings import IngestSettings
from .files import decode_item, detect_kind
from .limits import INFLATE_RATIO_AFTER, MAX_INFLATE_RATIO
from .streams import InflateBombError, buffered

_READ_ERRORS = (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError)
WARC_LINE_BYTES = 1 << 20  # a WARC or HTTP header line longer than this stops the file


class _LongLineError(Exception):
    def __init__(self) -> None:
        super().__init__(f"a header line is longer than {WARC_LINE_BYTES:,} bytes")


class _BoundedReader(DecompressingBufferedReader):  # type: ignore[misc]
    """warcio's reader with a cap on header lines and on how far gzip members inflate."""

    def __init__(self, stream: Any, block_size: int) -> None:
        super().__init__(stream, block_size=block_size)
        self.compressed = self.inflated = 0

    def _process_read(self, data: bytes) -> None:
        super()._process_read(data)
        if not data:
            return
        self.compressed += len(data)
        self.inflated += self.buff_size
        if self.inflated > INFLATE_RATIO_AFTER and (
            self.inflated > self.compressed * MAX_INFLATE_RATIO
        ):
            raise InflateBombError(self.inflated, self.compressed)

    def readline(self, length: int | None = None) -> bytes:
        cap = WARC_LINE_BYTES if length is None else min(length, WARC_LINE_BYTES)
        line: bytes = super().readline(cap)
        if len(line) >= WARC_LINE_BYTES and not line.endswith(b"\n"):
            raise _LongLineError()
        return line


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith((".warc", ".warc.gz", ".arc.gz", ".warc.wet.gz"))


def read_warc(
    path: Path, settings: IngestSettings, *, report: Callable[[int], None] | None = None
) -> Iterator[RawArticle | Skip]:
    """Yield one item per HTML response record of the archive; ``report`` is told the bytes
    read from the file."""
    origin = str(path)
    try:
        stream = path.open("rb")
    except OSError as err:
        raise InputError(f"{origin}: cannot read ({err.strerror})") from err
    with stream:
        records = ArchiveIterator(buffered(stream, report), check_digests=True)
        records.reader = _BoundedReader(records.fh, records.reader.block_size)
        n = 0
        cut = False  # a record already reported the truncation
        while True:
            try:
                record = next(records)
                item = _read_record(record, settings, f"{origin}#{n + 1}")
            except (InflateBombError, _LongLineError) as err:
                yield Skip(SkipReason.TOO_LARGE, f"{err}; stopped after {n} records", origin)
                return
            except StopIteration:
                if not cut and path.name.lower().endswith(".gz") and not gzip_complete(path):
                    yield Skip(
                        SkipReason.BAD_ENCODING,
                        f"truncated: the gzip data ends early, after {n} records",
                        origin,
                    )
                return
            except _READ_ERRORS as err:
                yield Skip(
                    SkipReason.BAD_ENCODING,
                    f"truncated: the archive is cut or corrupt after {n} records ({err})",
                    origin,
                )
                return
            n += 1
            if item is not None:
                cut = cut or (isinstance(item, Skip) and item.detail.startswith("truncated"))
                yield item


def _read_record(record: Any, settings: IngestSettings, where: str) -> RawArticle | Skip | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    origin = url or where
    status = record.http_headers.get_statuscode()
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    if "html" not in ctype:
        return None
    if status != "200":
        return Skip(
            SkipReason.FETCH_FAILED, f"http_{status}: the archived response is not 200", origin
        )
    try:
        data = record.content_stream().read(settings.max_bytes + 1)
    except _READ_ERRORS as err:
        return Skip(
            SkipReason.BAD_ENCODING, f"truncated: the record body cannot be read ({err})", origin
        )
    if len(data) <= settings.max_bytes and getattr(record.raw_stream, "limit", 0) > 0:
        return Skip(
            SkipReason.BAD_ENCODING, "truncated: the record ends before its stated length", origin
        )
    if record.digest_checker.passed is False:
        return Skip(
            SkipReason.BAD_ENCODING, "bad_digest: the payload does not match its digest", origin
        )
    text = decode_item(data, settings, origin)
    if isinstance(text, Skip):
        return text
    kind: InputKind = "html" if detect_kind(text) == "html" else "text"
    return RawArticle(content=text, kind=kind, url=url, origin=origin)


def gzip_complete(path: Path) -> bool:
    """True when every gzip member of the file is complete (a cut file ends mid-member)."""
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
    open_member = False
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(1 << 20):
                while chunk:
                    inflater.decompress(chunk, 1 << 20)  # output bounded: a bomb stays small
                    open_member = not inflater.eof
                    if inflater.eof:
                        chunk = inflater.unused_data
                        inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
                    else:
                        chunk = inflater.unconsumed_tail
    except (OSError, zlib.error):
        return False
    return not open_member
