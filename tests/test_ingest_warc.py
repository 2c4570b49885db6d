"""WARC reading: HTML responses only, digests checked, cut files reported once."""

from __future__ import annotations

import io
from pathlib import Path

from communique.ingest.warc import gzip_complete, read_warc
from communique.model import RawArticle, Skip
from communique.settings import IngestSettings


def _warc(bodies: list[bytes], compress: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=compress)
    for n, body in enumerate(bodies):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://w.example/{n}", "response", payload=io.BytesIO(body), http_headers=headers
            )
        )
    return buf.getvalue()


PAGES = [
    f"<html><body><p>Page number {n} of the archive.</p></body></html>".encode() for n in range(3)
]


def test_ingest_warc_reads_every_html_response(tmp_path: Path) -> None:
    path = tmp_path / "a.warc.gz"
    path.write_bytes(_warc(PAGES))
    items = list(read_warc(path, IngestSettings()))
    assert [i.url for i in items if isinstance(i, RawArticle)] == [
        "https://w.example/0",
        "https://w.example/1",
        "https://w.example/2",
    ]
    assert gzip_complete(path)


def test_ingest_warc_cut_gzip_keeps_earlier_records(tmp_path: Path) -> None:
    data = _warc(PAGES)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 30])
    items = list(read_warc(path, IngestSettings()))
    assert sum(isinstance(i, RawArticle) for i in items) == 2
    skips = [i for i in items if isinstance(i, Skip)]
    assert len(skips) == 1 and skips[0].detail.startswith("truncated")


def test_ingest_warc_cut_plain_file_reports_the_short_record(tmp_path: Path) -> None:
    data = _warc(PAGES, compress=False)
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: len(data) - 25])
    items = list(read_warc(path, IngestSettings()))
    assert sum(isinstance(i, RawArticle) for i in items) == 2
    assert [i.detail.split(":")[0] for i in items if isinstance(i, Skip)] == ["truncated"]


def test_ingest_warc_oversized_record_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "big.warc.gz"
    path.write_bytes(_warc([b"<html><body>" + b"x" * 5000 + b"</body></html>", PAGES[0]]))
    items = list(read_warc(path, IngestSettings(max_bytes=1000)))
    assert isinstance(items[0], Skip) and items[0].reason.value == "too_large"
    assert isinstance(items[1], RawArticle)
